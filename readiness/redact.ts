/**
 * Turns wire-form property values into report values: every secret becomes the redaction marker, every
 * unknown `[unknown]`, resource references their URN. Nothing secret survives into a report.
 */
import { createHash } from "crypto";
import * as pulumi from "@pulumi/pulumi";

// The wire-format signatures, as the SDK exports them.
const SIG_KEY = pulumi.runtime.specialSigKey;
const SECRET_SIG = pulumi.runtime.specialSecretSig;
const RESOURCE_SIG = pulumi.runtime.specialResourceSig;
const OUTPUT_SIG = pulumi.runtime.specialOutputValueSig;
const UNKNOWN = pulumi.runtime.unknownValue;

/** What every report prints in place of a secret value. */
export const REDACTED = "[secret]";
export const UNKNOWN_MARK = "[unknown]";

export function redact(value: unknown): unknown {
    if (value === UNKNOWN) return UNKNOWN_MARK;
    if (Array.isArray(value)) return value.map(redact);
    if (value && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        const sig = obj[SIG_KEY];
        if (sig === SECRET_SIG) return REDACTED;
        if (sig === RESOURCE_SIG) return obj.urn;
        if (sig === OUTPUT_SIG) {
            if (obj.secret === true) return REDACTED;
            return "value" in obj ? redact(obj.value) : UNKNOWN_MARK;
        }
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(obj)) out[k] = redact(v);
        return out;
    }
    return value;
}

/**
 * A resource's inputs as reports show them: redacted, and a dynamic resource's `__provider` (the serialized
 * provider code the SDK stores as an input, some 20 KB per resource) as a digest of that code, so a report stays
 * readable while a change of the provider's code still shows as a change, against a report or a stack export alike.
 */
export function reportInputs(inputs: unknown): Record<string, unknown> {
    const out = (redact(inputs ?? {}) ?? {}) as Record<string, unknown>;
    const code = out.__provider;
    if (typeof code === "string" && !code.startsWith(PROVIDER_DIGEST)) out.__provider = `${PROVIDER_DIGEST}${createHash("sha256").update(code).digest("hex")}`;
    return out;
}

const PROVIDER_DIGEST = "sha256:";
