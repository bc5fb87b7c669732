/**
 * Turns wire-form property values into report values: every secret becomes the redaction marker, every
 * unknown `[unknown]`, resource references their URN. Nothing secret survives into a report.
 */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

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
