/**
 * Reading values that may be unknown during a preview. @pulumi/policy's proxy throws its (unexported)
 * UnknownValueError when a rule reads such a value, and the rule is then reported as not runnable; these
 * helpers are for checks that can decide without the value.
 */

function isUnknownValueError(e: unknown): boolean {
    return e instanceof Error && e.constructor.name === "UnknownValueError";
}

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
