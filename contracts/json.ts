/**
 * JSON that providers and the engine may hand over as text or as the value itself (policy documents, tag maps,
 * Vercel variable lists). No dependency at all, so the program can use what builds on it (exemption tags)
 * without loading @pulumi/policy.
 */

/** JSON text of an object or list becomes the value it encodes; everything else (other text too) passes through. */
export function parseJsonish(value: unknown): unknown {
    if (typeof value !== "string" || !/^\s*[[{]/.test(value)) return value;
    try {
        return JSON.parse(value);
    } catch {
        return value;
    }
}
