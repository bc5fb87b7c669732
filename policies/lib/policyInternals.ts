/**
 * Every place this repository relies on `@pulumi/policy` past its documented, typed API, behind one named
 * function each: the pack's rule DSL (rule.ts), its preview helpers (preview.ts), and the offline check's
 * in-process analyzer (readiness/engine/analyzer.ts, which may import the pack; the pack never imports it).
 * `@pulumi/policy` is pinned exactly in policies/package.json: an upgrade is one deliberate step, and
 * test/sdk-internals.test.ts fails naming the internal that moved. Its pair for `@pulumi/pulumi` is
 * readiness/pulumiInternals.ts.
 *
 * Facts relied on, all of @pulumi/policy 1.21.0 (pulumi/pulumi-policy, sdk/nodejs/policy, tag v1.21.0, Apache-2.0):
 * - server.ts `makeReportViolationFun`: a report called with an object (`{ message, urn, enforcementLevel }`)
 *   files the diagnostic at that object's level; the typings accept only `(message, urn)`.
 * - policy.ts `getPulumiType`, read by server.ts for a policy with one `validateResource` function: a function
 *   carrying `__pulumiType` runs only for that type (what `validateResourceOfType` sets).
 * - proxy.ts: `unknownCheckingProxy` throws `UnknownValueError` on reading one of its unknown sentinels; the
 *   sentinels are not exported from the package's index, so the proxy is asked.
 * - server.ts `serve`: `new PolicyPack(...)` serves its handlers (analyze, analyzeStack, getAnalyzerInfo,
 *   configure, ...) with `@grpc/grpc-js`'s `Server.prototype.addService` and `bindAsync`, once per module
 *   instance (a second pack in the same instance exits the process); policy.ts reads the pack's version from
 *   `${process.cwd()}/package.json`.
 */
import * as fs from "fs";
import * as path from "path";
import { unknownCheckingProxy, UnknownValueError, type ReportViolation } from "@pulumi/policy";

const SDK = "@pulumi/policy";

/** Each internal, named as test/sdk-internals.test.ts and the errors below name it. */
export const POLICY_INTERNALS = {
    reportAtLevel: "a ReportViolation called with an object files it at the object's enforcementLevel",
    singleTypeMarker: "`__pulumiType` on a validateResource function restricts it to that type",
    unknownSentinels: "unknownCheckingProxy throws UnknownValueError on the sentinels of values unknown during preview",
    analyzerHandlers: "PolicyPack serves its handlers through @grpc/grpc-js Server.prototype.addService, reading its version from process.cwd()",
} as const;

/** Files a diagnostic at `enforcementLevel` whatever the rule's configured level (a note that must not block). */
export function reportAtLevel(report: ReportViolation, diagnostic: { message: string; urn?: string; enforcementLevel: "advisory" }): void {
    (report as unknown as (info: object) => void)(diagnostic);
}

/** Tells @pulumi/policy's server that `validate` concerns `type` only: it skips every other type before deserializing. */
export function markSingleType(validate: unknown, type: string): void {
    (validate as { __pulumiType?: string }).__pulumiType = type;
}

/** True for the error @pulumi/policy's proxy throws when a rule reads a value unknown during preview. */
export function isUnknownValueError(e: unknown): boolean {
    return e instanceof UnknownValueError;
}

/** True for a sentinel @pulumi/policy substitutes for a value unknown during preview, as its own proxy judges it. */
export function isUnknownSentinel(v: unknown): boolean {
    // Every sentinel is a 36-character UUID string: anything else is known without asking the proxy.
    if (typeof v !== "string" || v.length !== 36) return false;
    try {
        void (unknownCheckingProxy({ v }) as { v: unknown }).v;
        return false;
    } catch (e) {
        if (isUnknownValueError(e)) return true;
        throw e;
    }
}

type Handler = (call: { request: unknown }, cb: (err: unknown, resp?: unknown) => void) => unknown;

/** The analyzer handlers a pack serves, as the Pulumi CLI calls them over gRPC. */
export interface AnalyzerHandlers {
    analyze: Handler;
    analyzeStack: Handler;
    getAnalyzerInfo: Handler;
    configure: Handler;
}

/**
 * Loads the pack's compiled `entry` (which constructs its `PolicyPack`) with the gRPC server's bind turned off,
 * and returns the handlers it would have served. `packDir` holds the pack's package.json. `freshInstance`
 * gives the pack an `@pulumi/policy` module instance of its own, as its own plugin process would have (an
 * instance serves one pack only).
 */
export function servePackInProcess(packDir: string, entry: string, opts: { freshInstance: boolean }): AnalyzerHandlers {
    const policyDir = path.dirname(require.resolve(`${SDK}/package.json`, { paths: [fs.realpathSync(packDir)] }));
    if (opts.freshInstance) forgetModulesOf(policyDir);
    const grpc = require(require.resolve("@grpc/grpc-js", { paths: [policyDir] }));
    const proto = grpc.Server.prototype;
    const { addService, bindAsync } = proto;
    if (typeof addService !== "function" || typeof bindAsync !== "function") {
        throw new Error(`${SDK} internal "analyzerHandlers" changed: @grpc/grpc-js Server.prototype has no addService/bindAsync; see policies/lib/policyInternals.ts`);
    }
    let captured: AnalyzerHandlers | undefined;
    proto.addService = function (_service: unknown, impl: AnalyzerHandlers) {
        captured = impl;
    };
    proto.bindAsync = function () {
        /* no port: the handlers are called in-process */
    };
    // The directory is only pretended, not changed: process.chdir is not available in a worker thread (the test
    // shards evaluate there), and nothing else in the pack reads it.
    const cwd = process.cwd;
    try {
        process.cwd = () => packDir;
        require(entry);
    } finally {
        process.cwd = cwd;
        proto.addService = addService;
        proto.bindAsync = bindAsync;
    }
    if (!captured) throw new Error(`${entry} did not construct a PolicyPack, or ${SDK} internal "analyzerHandlers" changed (${POLICY_INTERNALS.analyzerHandlers}); see policies/lib/policyInternals.ts`);
    const missing = (["analyze", "analyzeStack", "getAnalyzerInfo", "configure"] as const).filter((h) => typeof captured![h] !== "function");
    if (missing.length > 0) throw new Error(`${SDK} internal "analyzerHandlers" changed: the served handlers lack ${missing.join(", ")}; see policies/lib/policyInternals.ts`);
    return captured;
}

/** Drops a package's own modules (not its dependencies) from the require cache, so the next require loads it anew. */
function forgetModulesOf(packageDir: string): void {
    const prefix = fs.realpathSync(packageDir) + path.sep;
    for (const id of Object.keys(require.cache)) {
        if (id.startsWith(prefix) && !id.slice(prefix.length).includes(`node_modules${path.sep}`)) delete require.cache[id];
    }
}
