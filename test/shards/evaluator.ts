/**
 * Stack evaluations of a test shard, run in a worker thread.
 *
 * node:test tracks every promise of a test process with an async_hooks destroy hook (to tell which test an
 * uncaught error belongs to). A program run on the SDK's mock runtime makes promises by the hundred thousand,
 * and that bookkeeping made each check about 40% slower (the prod stack: 124 ms against 86 ms). A worker
 * thread has hooks of its own, none, so the shard hands each evaluation (plain data, see `StackEvaluation`)
 * to one worker and gets the check back as `v8.serialize`d bytes, the form the memo in `rememberChecks` (./memo.ts)
 * keeps it in anyway. The worker evaluates one at a time, in order, as the mock runtime requires.
 */
// First, as in every check process: the worker loads the SDKs anew, and startup defers their eager loads.
import "../../readiness/startup";
import { isMainThread, parentPort, SHARE_ENV, Worker } from "node:worker_threads";
import * as v8 from "node:v8";
import Module = require("node:module");
import { evaluateStack, StackEvaluation } from "../../readiness/check";
import type { SerialisedEvaluator } from "./memo";
import { ProgramError } from "../../readiness/engine/run";
import { UsageError } from "../../readiness/engine/stackFiles";

interface Request {
    id: number;
    evaluation: StackEvaluation;
}

interface ErrorReply {
    name: string;
    message: string;
    stack?: string;
    problems?: UsageError["problems"];
    /** A ProgramError's `bug`: whether the CLI answers it with exit 3. */
    bug?: boolean;
}

/** The check as `v8.serialize` wrote it, its buffer moved to the shard's thread rather than copied. */
type Reply = { id: number; check: Uint8Array } | { id: number; error: ErrorReply };

/** Errors the engine throws on purpose keep their class across the thread boundary; any other is an Error. */
function revive(e: ErrorReply): Error {
    const err = e.name === "ProgramError" ? new ProgramError(e.message, undefined, e.bug) : e.name === "UsageError" ? new UsageError(e.message, e.problems) : new Error(e.message);
    err.stack = e.stack ?? err.stack;
    return err;
}

/** An evaluator for `rememberChecks`: each call is evaluated by the worker, started on first use. */
export function workerEvaluator(): SerialisedEvaluator {
    let worker: Worker | undefined;
    let next = 0;
    const pending = new Map<number, { resolve: (c: Uint8Array) => void; reject: (e: Error) => void }>();
    const start = () => {
        // SHARE_ENV: a test that sets an environment variable around a check is seen by the check, as in-process.
        const w = new Worker(__filename, { env: SHARE_ENV });
        w.on("message", (reply: Reply) => {
            const waiting = pending.get(reply.id);
            pending.delete(reply.id);
            if (pending.size === 0) w.unref();
            if ("check" in reply) waiting?.resolve(reply.check);
            else waiting?.reject(revive(reply.error));
        });
        // A worker that dies (a program that never settles lets it run out of work and exit) fails what it had.
        const failAll = (why: Error) => {
            worker = undefined;
            for (const p of pending.values()) p.reject(why);
            pending.clear();
        };
        w.on("error", failAll);
        w.on("exit", (code) => failAll(new ProgramError(`the evaluation worker exited (code ${code}) before it answered: a program that never finished?`)));
        return w;
    };
    return (evaluation) =>
        new Promise((resolve, reject) => {
            worker ??= start();
            worker.ref();
            const id = next++;
            pending.set(id, { resolve, reject });
            worker.postMessage({ id, evaluation } satisfies Request);
        });
}

/**
 * `pulumi.dynamic.Resource` serializes its provider with the SDK's closure serializer, which requires every
 * built-in module once to recognise them (@pulumi/pulumi runtime/closure/createClosure.js, computeBuiltInModules);
 * `trace_events` is the one a worker thread cannot load (ERR_TRACE_EVENTS_UNAVAILABLE). No program captures it,
 * so in this worker it stands as an empty module. The CLI and `npm run check` run programs on the main thread.
 */
function allowClosureSerialization(): void {
    const mod = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
    const load = mod._load;
    mod._load = function (request: string, ...rest: unknown[]) {
        return request === "trace_events" || request === "node:trace_events" ? {} : load.call(this, request, ...rest);
    };
}

if (!isMainThread && parentPort) {
    allowClosureSerialization();
    const port = parentPort;
    let queue: Promise<void> = Promise.resolve();
    port.on("message", ({ id, evaluation }: Request) => {
        queue = queue.then(async () => {
            try {
                const check = v8.serialize(await evaluateStack(evaluation));
                port.postMessage({ id, check } satisfies Reply, [check.buffer as ArrayBuffer]);
            } catch (e) {
                const err = e instanceof Error ? e : new Error(String(e));
                const problems = err instanceof UsageError ? err.problems : undefined;
                const bug = err instanceof ProgramError ? err.bug : undefined;
                port.postMessage({ id, error: { name: err.name, message: err.message, stack: err.stack, problems, bug } } satisfies Reply);
            }
        });
    });
}
