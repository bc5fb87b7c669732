/**
 * Checks already made in this process, by everything they depend on (the evaluation, all data). A run is
 * deterministic for its inputs, and the test suite checks the same configuration many times over. A check is kept
 * serialised (`v8.serialize`, off the heap the garbage collector walks) and each caller gets its own copy, so no
 * caller sees another's changes.
 *
 * `evaluate` answers with the serialised check: the test shards evaluate in a worker thread (./evaluator.ts),
 * where the test runner's per-promise bookkeeping does not slow the SDK down.
 */
import * as v8 from "node:v8";
import { evaluateStack, StackCheck, StackEvaluation, useStackEvaluator } from "../../readiness/check";

export type SerialisedEvaluator = (e: StackEvaluation) => Promise<Uint8Array>;

/** From now on in this process, `runCheck` answers a check it made before from the memo. */
export function rememberChecks(evaluate: SerialisedEvaluator = async (e) => v8.serialize(await evaluateStack(e))): void {
    const done = new Map<string, Promise<Uint8Array>>();
    useStackEvaluator(async (e) => {
        const key = JSON.stringify(e);
        let pending = done.get(key);
        if (!pending) {
            pending = evaluate(e);
            done.set(key, pending);
            pending.catch(() => done.delete(key));
        }
        return v8.deserialize(await pending) as StackCheck;
    });
}
