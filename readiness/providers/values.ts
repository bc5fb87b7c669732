/**
 * Reading inputs in wire form the way a provider's Check sees them: secrets are unwrapped (the provider
 * validates the plaintext) but remembered as secret, so no message ever shows them; a value unknown during
 * preview is not validated at all, as the providers skip unknown values.
 */
import * as pulumi from "@pulumi/pulumi";
import { SECRET_PLACEHOLDER } from "../engine/stackFiles";

const SIG_KEY = pulumi.runtime.specialSigKey;
const SECRET_SIG = pulumi.runtime.specialSecretSig;
const RESOURCE_SIG = pulumi.runtime.specialResourceSig;
const OUTPUT_SIG = pulumi.runtime.specialOutputValueSig;
/** The engine's marker for a value unknown during preview. */
export const UNKNOWN = pulumi.runtime.unknownValue;

/** One value found at a path: its concrete path (list indexes filled in), and whether it is secret. */
export interface Found {
    path: string;
    value: unknown;
    secret: boolean;
}

/** One step of unwrapping: secret and output wrappers peeled off, `undefined` for an unknown. */
function peel(value: unknown): { unknown: boolean; value: unknown; secret: boolean } {
    let secret = false;
    let v = value;
    for (;;) {
        // A secret the stack file holds encrypted reads as the placeholder offline: its content is unknown.
        if (v === UNKNOWN || v === SECRET_PLACEHOLDER) return { unknown: true, value: undefined, secret: secret || v === SECRET_PLACEHOLDER };
        if (v && typeof v === "object" && !Array.isArray(v)) {
            const o = v as Record<string, unknown>;
            const sig = o[SIG_KEY];
            if (sig === SECRET_SIG) {
                secret = true;
                v = o.value;
                continue;
            }
            if (sig === OUTPUT_SIG) {
                secret ||= o.secret === true;
                if (!("value" in o)) return { unknown: true, value: undefined, secret };
                v = o.value;
                continue;
            }
            if (sig === RESOURCE_SIG) return { unknown: false, value: o.id ?? o.urn, secret };
        }
        return { unknown: false, value: v, secret };
    }
}

/** True when the value, or anything inside it, is unknown: a check of the whole value must wait. */
export function containsUnknown(value: unknown): boolean {
    const p = peel(value);
    if (p.unknown) return true;
    if (Array.isArray(p.value)) return p.value.some(containsUnknown);
    if (p.value && typeof p.value === "object") return Object.values(p.value).some(containsUnknown);
    return false;
}

/** The plain value with every wrapper removed (callers check `containsUnknown` first). */
export function plain(value: unknown): unknown {
    const p = peel(value);
    if (Array.isArray(p.value)) return p.value.map(plain);
    if (p.value && typeof p.value === "object") return Object.fromEntries(Object.entries(p.value).map(([k, v]) => [k, plain(v)]));
    return p.value;
}

/** The plain value with every wrapper removed and each unknown replaced by `mark`, for checks that judge around it. */
export function plainMarkingUnknowns(value: unknown, mark: unknown): unknown {
    const p = peel(value);
    if (p.unknown) return mark;
    if (Array.isArray(p.value)) return p.value.map((v) => plainMarkingUnknowns(v, mark));
    if (p.value && typeof p.value === "object") return Object.fromEntries(Object.entries(p.value).map(([k, v]) => [k, plainMarkingUnknowns(v, mark)]));
    return p.value;
}

/** True when the value or anything inside it is secret. */
export function containsSecret(value: unknown): boolean {
    const p = peel(value);
    if (p.secret) return true;
    if (Array.isArray(p.value)) return p.value.some(containsSecret);
    if (p.value && typeof p.value === "object") return Object.values(p.value).some(containsSecret);
    return false;
}

/**
 * Every known value at `path` (dot-separated property names, `[]` for each element of a list): `a.b[].c`.
 * Absent and null values are left out, and so is anything below an unknown.
 */
export function select(inputs: Record<string, unknown>, path: string): Found[] {
    let current: Found[] = [{ path: "", value: inputs, secret: false }];
    for (const segment of path.split(".")) {
        const list = segment.endsWith("[]");
        const key = list ? segment.slice(0, -2) : segment;
        const next: Found[] = [];
        for (const f of current) {
            const p = peel(f.value);
            if (p.unknown || !p.value || typeof p.value !== "object" || Array.isArray(p.value)) continue;
            const child = peel((p.value as Record<string, unknown>)[key]);
            const secret = f.secret || p.secret || child.secret;
            const childPath = f.path ? `${f.path}.${key}` : key;
            if (child.unknown || child.value === undefined || child.value === null) continue;
            if (!list) {
                next.push({ path: childPath, value: child.value, secret });
                continue;
            }
            if (!Array.isArray(child.value)) continue;
            child.value.forEach((item, i) => {
                const e = peel(item);
                if (!e.unknown && e.value !== undefined && e.value !== null) next.push({ path: `${childPath}[${i}]`, value: e.value, secret: secret || e.secret });
            });
        }
        current = next;
    }
    return current;
}

/** Whether `key` is set on an object (an unknown counts as set: it will have a value). */
export function isSet(obj: unknown, key: string): boolean {
    const p = peel(obj);
    if (p.unknown || !p.value || typeof p.value !== "object") return false;
    const v = (p.value as Record<string, unknown>)[key];
    return v !== undefined && v !== null;
}

/** How a value appears in a message: its JSON, or the redaction marker when it is secret. */
export function shown(f: Found): string {
    return f.secret || containsSecret(f.value) ? "[secret]" : JSON.stringify(plain(f.value));
}

/** Whether `key` of an object (or the object itself) is unknown: relations between properties wait for it. */
export function isUnknownAt(obj: unknown, key: string): boolean {
    const p = peel(obj);
    if (p.unknown) return true;
    if (!p.value || typeof p.value !== "object") return false;
    return peel((p.value as Record<string, unknown>)[key]).unknown;
}
