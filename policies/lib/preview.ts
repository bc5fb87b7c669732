/**
 * Reading values that may be unknown during a preview. @pulumi/policy's proxy throws its UnknownValueError
 * when a rule reads such a value, and the rule is then reported as not runnable; these helpers are for checks
 * that can decide without the value.
 */
import { isUnknownSentinel, isUnknownValueError } from "./policyInternals";

/** The value `read` returns, or undefined when it is unknown until the resource exists. */
export function knownOrUndefined<T>(read: () => T): T | undefined {
    try {
        return read();
    } catch (e) {
        if (isUnknownValueError(e)) return undefined;
        throw e;
    }
}

/**
 * True when `key` holds a value, known or not: a password generated in the same preview is unknown until it
 * exists, but it will be set. Presence (`in`) does not trip the proxy; only reading does.
 */
export function isSet(props: Record<string, unknown>, key: string): boolean {
    if (!(key in props)) return false;
    try {
        const value = props[key];
        return value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0);
    } catch (e) {
        if (isUnknownValueError(e)) return true;
        throw e;
    }
}

/**
 * True for the sentinels @pulumi/policy substitutes for values unknown during preview. Reading such a value
 * through the props proxy throws and turns the whole rule into a "can't run during preview" advisory; `peek`
 * reads past the proxy instead, for rules that can decide without the value (for example from a dependency).
 */
export const isUnknown: (v: unknown) => boolean = isUnknownSentinel;

/** A property's raw value without tripping the unknown-value proxy; `undefined` when absent or unknown. */
export function peek(obj: unknown, ...path: string[]): unknown {
    let cur = obj;
    for (const key of path) {
        if (cur === null || typeof cur !== "object") return undefined;
        cur = Object.getOwnPropertyDescriptor(cur, key)?.value;
        if (isUnknown(cur)) return undefined;
    }
    return cur;
}

/** Known string elements of a (possibly unknown, possibly partly unknown) list. */
export function knownStrings(v: unknown): string[] {
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && !isUnknown(x)) : [];
}
