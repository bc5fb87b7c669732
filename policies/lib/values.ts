/**
 * Reading property values the way providers and the engine hand them to policies: nested objects and lists
 * as JSON text or as objects (provider inputs, policy documents, tag maps, Vercel variable lists), secrets
 * wrapped or unwrapped, and, during a preview, unknown values anywhere inside. One parser for every rule, so
 * they all agree on what a value is.
 */
import { Secret } from "@pulumi/policy";
import * as pulumi from "@pulumi/pulumi";
import { parseJsonish } from "../contracts/json";
import { isUnknown } from "./preview";


/** Stands in for a value that is unknown until the resource it comes from exists (a preview of a new stack). */
export const UNKNOWN: unique symbol = Symbol("unknown during preview");
export type Plain = string | number | boolean | null | typeof UNKNOWN | Plain[] | { [key: string]: Plain };

/** The value inside a secret, in both forms a policy can meet: the wire signature and @pulumi/policy's `Secret`. */
function unwrapSecret(v: object): unknown {
    const raw = Object.getOwnPropertyDescriptor(v, pulumi.runtime.specialSigKey)?.value;
    if (raw === pulumi.runtime.specialSecretSig) return Object.getOwnPropertyDescriptor(v, "value")?.value;
    if (v instanceof Secret) return Object.getOwnPropertyDescriptor(v, "value")?.value;
    return v;
}

/**
 * A plain copy of `value` read past the unknown-value proxy: unknown parts become `UNKNOWN` instead of
 * throwing, secrets are unwrapped, and JSON text of an object or list (at any depth) is parsed. For documents
 * that a rule can judge from their known parts, such as a policy whose statements name a bucket created in
 * the same preview.
 */
export function plain(value: unknown): Plain | undefined {
    if (value === undefined) return undefined;
    if (isUnknown(value)) return UNKNOWN;
    if (value === null || typeof value === "number" || typeof value === "boolean") return value;
    if (typeof value === "string") {
        const parsed = parseJsonish(value);
        return parsed === value ? value : plain(parsed);
    }
    if (typeof value !== "object") return undefined;
    const inner = unwrapSecret(value);
    if (inner !== value) return plain(inner);
    // Own-property descriptors hold the raw values: the proxy traps `get`, not `getOwnPropertyDescriptor`.
    const raw = (key: string) => Object.getOwnPropertyDescriptor(value, key)?.value;
    if (Array.isArray(value)) {
        const out: Plain[] = [];
        for (let i = 0; i < value.length; i++) {
            const item = plain(raw(String(i)));
            if (item !== undefined) out.push(item);
        }
        return out;
    }
    const out: { [key: string]: Plain } = {};
    for (const key of Object.keys(value)) {
        const item = plain(raw(key));
        if (item !== undefined) out[key] = item;
    }
    return out;
}
