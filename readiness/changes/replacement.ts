/**
 * Which inputs of each stateful resource type force a replacement: the facts live with the pack, in each type's
 * record (policies/lib/typeRecords.ts, read through policies/lib/stateful.ts), which requires the same types to be
 * protected, so both read one list.
 */
import type { Citation } from "../../policies/lib/typeRecords";
import { TYPES } from "../../contracts/tokens";

export { STATEFUL_TYPES, statefulType } from "../../policies/lib/stateful";
export type { StatefulType } from "../../policies/lib/stateful";
export type { Citation, ConditionalReplacement } from "../../policies/lib/typeRecords";

/**
 * Provider inputs whose change replaces every resource the provider manages. Not a provider flag: AWS
 * resources live in one region, so the same program against another region creates them anew there, and
 * the old ones stay behind with their data.
 */
export const PROVIDER_REPLACEMENTS: Record<string, { inputs: string[]; why: string }> = {
    [TYPES.awsProvider]: {
        inputs: ["region"],
        why: "every AWS resource it manages is created anew in the new region, and the old ones stay behind with their data; a region move is a new stack and a restore (docs/runbooks/changes.md, \"Moving to another region\")",
    },
};

/** A one-line citation: `repository path@version`. */
export function cite(c: Citation): string {
    return `${c.repository} ${c.path}@${c.version}`;
}
