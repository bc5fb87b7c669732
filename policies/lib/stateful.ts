import { TYPE_RECORDS, type StatefulFacts } from "./typeRecords";
/**
 * The stateful resource types: what the pack (`stateful-resources-protected`, which requires a production stack
 * to protect every type that holds data) and the offline change report (readiness/changes/, which flags their
 * replacement or deletion) read. The facts live in each type's record (typeRecords.ts); this module reads them.
 */

export interface StatefulType extends StatefulFacts {
    type: string;
}

/** Every stateful type, for the pack and the change report alike. */
export const STATEFUL_TYPES: readonly StatefulType[] = Object.entries(TYPE_RECORDS).flatMap(([type, r]) => (r.stateful ? [{ type, ...r.stateful }] : []));

const BY_TYPE = new Map(STATEFUL_TYPES.map((t) => [t.type, t]));

export function statefulType(type: string): StatefulType | undefined {
    return BY_TYPE.get(type);
}

/** Types whose loss loses data (not only settings): what a production stack must protect, unless `mustProtect` says it rotates. */
export const DATA_TYPES: readonly string[] = STATEFUL_TYPES.filter((t) => t.kind === "data").map((t) => t.type);

/** Whether a resource of a data type must be protected, given the inputs its program ignores. */
export function mustProtect(type: string, ignoreChanges: readonly string[]): boolean {
    const t = statefulType(type);
    if (!t || t.kind !== "data") return false;
    if (!t.rotated) return true;
    const input = t.rotated.input;
    return input !== undefined && ignoreChanges.includes(input);
}

/** Something a stack rule can read a resource's options and property sources from (a @pulumi/policy PolicyResource). */
export interface LinkedResource {
    type: string;
    name: string;
    urn: string;
    opts: { protect?: boolean; ignoreChanges?: readonly string[] };
    propertyDependencies?: Record<string, readonly LinkedResource[]>;
}

/**
 * Generated values (`generated` types) that rotated resources of the stack write where other systems read them
 * and that are not protected: each with the first resource that writes it. A resource whose value input is
 * ignored writes once and is judged by `mustProtect` instead.
 */
export function generatedSourcesToProtect<R extends LinkedResource>(resources: readonly R[]): Array<{ source: R; writer: R }> {
    const found = new Map<string, { source: R; writer: R }>();
    for (const writer of resources) {
        const input = statefulType(writer.type)?.rotated?.input;
        if (input === undefined || (writer.opts.ignoreChanges ?? []).includes(input)) continue;
        // The engine links each property to resources of the same stack, so its sources are of the caller's kind.
        for (const source of (writer.propertyDependencies?.[input] ?? []) as readonly R[]) {
            if (statefulType(source.type)?.generated && !source.opts.protect && !found.has(source.urn)) found.set(source.urn, { source, writer });
        }
    }
    return [...found.values()];
}
