/**
 * Provider input validation: the part of a real preview that each provider's Check performs (required
 * inputs, enums, lengths, patterns, ranges, conflicting fields) and the mock runtime skips. Every custom
 * resource's inputs go through the validators of its type; what they report is a provider error, which
 * blocks a preview as surely as a mandatory policy.
 */
import type { RecordedResource } from "../engine/resource";
import { REQUIRED_INPUTS } from "./required.generated";
import { object, ProviderFinding, required, Validator } from "./validator";
import { awsValidators } from "./aws";
import { postgresqlValidators } from "./postgresql";
import { randomValidators } from "./random";
import { sentryValidators } from "./sentry";
import { upstashValidators } from "./upstash";
import { vercelValidators } from "./vercel";

export interface ProviderError {
    urn: string;
    type: string;
    name: string;
    /** The input property at fault, list indexes filled in (`rules.rules[3].name`). */
    property: string;
    /** What the provider would refuse; a secret value shows as `[secret]`. */
    message: string;
    /** The provider source the rule comes from: repository, path, version. */
    source: string;
}

/** Required inputs, derived from the SDKs' `*Args` typings (see readiness/providers/schema/generate.ts). */
function requiredValidators(): Validator[] {
    const out: Validator[] = [];
    for (const [type, { declaration, paths }] of Object.entries(REQUIRED_INPUTS.required)) {
        const npm = Object.keys(REQUIRED_INPUTS.packages).find((p) => declaration.startsWith(`${p}/`)) ?? "";
        const version = REQUIRED_INPUTS.packages[npm]?.replace(/^v/, "") ?? "";
        for (const p of paths) {
            const dot = p.lastIndexOf(".");
            const parent = dot < 0 ? "" : p.slice(0, dot);
            const key = dot < 0 ? p : p.slice(dot + 1);
            const source = `${declaration} ${version} (generated from the bridged provider schema)`;
            out.push(object(type, parent, source, required(key)));
        }
    }
    return out;
}

const ALL: Validator[] = [...requiredValidators(), ...awsValidators, ...vercelValidators, ...randomValidators, ...postgresqlValidators, ...upstashValidators, ...sentryValidators];

/** Validators by type token, for tests and documentation. */
export const VALIDATORS: ReadonlyMap<string, readonly Validator[]> = (() => {
    const m = new Map<string, Validator[]>();
    for (const v of ALL) m.set(v.type, [...(m.get(v.type) ?? []), v]);
    return m;
})();

/**
 * Provider configuration travels JSON-encoded (objects and lists as strings); the provider decodes it
 * before validating, and so does this.
 */
function providerInputs(r: RecordedResource): Record<string, unknown> {
    if (!r.type.startsWith("pulumi:providers:")) return r.inputs;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r.inputs)) {
        if (typeof v === "string" && /^[[{]/.test(v)) {
            try {
                out[k] = JSON.parse(v);
                continue;
            } catch {
                /* a plain string that starts with a bracket */
            }
        }
        out[k] = v;
    }
    return out;
}

/** Every provider error of every custom resource, in registration order. */
export function validateProviderInputs(resources: readonly RecordedResource[]): ProviderError[] {
    const out: ProviderError[] = [];
    for (const r of resources) {
        if (!r.custom) continue;
        const validators = VALIDATORS.get(r.type);
        if (!validators) continue;
        const inputs = providerInputs(r);
        const seen = new Set<string>();
        for (const v of validators) {
            for (const f of v.run(inputs) as ProviderFinding[]) {
                const key = `${f.property}\u0000${f.message}`;
                if (seen.has(key)) continue;
                seen.add(key);
                out.push({ urn: r.urn, type: r.type, name: r.name, property: f.property, message: f.message, source: f.source });
            }
        }
    }
    return out;
}
