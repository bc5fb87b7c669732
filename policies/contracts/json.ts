// Generated from contracts/json.ts by `npm run pack-contracts` (scripts/pack-contracts.js): the pack is
// published on its own, so it carries its copy of what it shares with the program. Edit contracts/json.ts.
/**
 * JSON that may arrive as text or as the value itself: a provider's documents, tag maps and lists (the engine
 * hands a provider's inputs over as strings), and Pulumi config, whose values are all strings that the program
 * reads as JSON where they parse. No dependency at all, so the program, the pack and the check share it.
 */

export interface JsonishOptions {
    /**
     * Also parse text that encodes a number, a boolean, null or a quoted string, as Pulumi config does (`5` is the
     * number 5). Off by default: in a provider's properties `"5"` is a string that happens to spell a number, and
     * only a document or a list travels as JSON text.
     */
    scalars?: boolean;
}

/** JSON text becomes the value it encodes (an object or list unless `scalars`); everything else passes through. */
export function parseJsonish(value: unknown, options: JsonishOptions = {}): unknown {
    if (typeof value !== "string" || (!options.scalars && !/^\s*[[{]/.test(value))) return value;
    try {
        return JSON.parse(value);
    } catch {
        return value;
    }
}
