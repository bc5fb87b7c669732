/**
 * Every place the check reaches into `@pulumi/pulumi` past its documented API, behind one named function
 * each. The SDK is pinned exactly in package.json and policies/package.json: an upgrade is one deliberate step,
 * and test/sdk-internals.test.ts fails naming the internal that moved or changed shape (its pair for
 * `@pulumi/policy` is policies/lib/policyInternals.ts).
 *
 * Nothing of the SDK is loaded at import: readiness/startup.ts reads `sdkEagerLoads` before the SDK loads, and
 * each function requires its module when called (a require-cache lookup after the first time).
 *
 * Facts relied on, all of @pulumi/pulumi 3.270.0 (pulumi/pulumi, sdk/nodejs, tag v3.270.0, Apache-2.0):
 * - runtime/settings.ts: `getMonitor()` returns the monitor `setMocks` installed (a `MockMonitor` whose
 *   `registerResource(req, cb)` and `registerResourceOutputs(req, cb)` take the protobuf requests); `waitForRPCs()`
 *   settles once every outstanding resource operation has.
 * - runtime/stack.ts: `runInPulumiStack(init)` runs a program inside the root `pulumi:pulumi:Stack`, as the
 *   language host does.
 * - runtime/debuggable.ts: every SDK promise goes through the module's exported `debuggablePromise` (called
 *   as `debuggable_1.debuggablePromise(...)`, so replacing the export reaches every caller).
 * - proto/analyzer_pb.js: the generated messages of the analyzer protocol the engine sends a policy pack.
 * - runtime/closure/parseFunction.js requires `../../typescript-shim` and runtime/closure/codePaths.js requires
 *   `@npmcli/arborist` and `normalize-package-data` at load, and both load when the SDK's index is required.
 */
import * as path from "path";
import type * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import type { RegisterResourceOutputsRequest, RegisterResourceRequest, RegisterResourceResponse } from "@pulumi/pulumi/proto/resource_pb";

export type { analyzerpb };

const SDK = "@pulumi/pulumi";

/** Each internal: the module inside the SDK, the member, and what the member must be. */
export const PULUMI_INTERNALS = {
    monitor: { module: "runtime/settings", member: "getMonitor", shape: "function" },
    stackRunner: { module: "runtime/stack", member: "runInPulumiStack", shape: "function" },
    rpcWait: { module: "runtime/settings", member: "waitForRPCs", shape: "function" },
    promiseTracking: { module: "runtime/debuggable", member: "debuggablePromise", shape: "function" },
    analyzerProtocol: { module: "proto/analyzer_pb", member: "AnalyzeRequest", shape: "function" },
} as const;

export type PulumiInternal = keyof typeof PULUMI_INTERNALS;

/** Modules the SDK requires at load that a program run under mocks never uses (see readiness/startup.ts), resolved from the SDK. */
export const SDK_EAGER_LOADS = ["./typescript-shim", "@npmcli/arborist", "normalize-package-data"] as const;

/** The installed SDK's directory. */
export function sdkDir(): string {
    return path.dirname(require.resolve(`${SDK}/package.json`));
}

/** The SDK module that holds `name`, checked for the member: a changed SDK fails here naming the internal, not deep in a run. */
export function pulumiInternalModule(name: PulumiInternal): Record<string, unknown> {
    const { module, member, shape } = PULUMI_INTERNALS[name];
    let mod: Record<string, unknown>;
    try {
        mod = require(`${SDK}/${module}`) as Record<string, unknown>;
    } catch (e) {
        throw new Error(`${SDK} internal "${name}" moved: ${SDK}/${module} cannot be loaded (${(e as Error).message}); see readiness/pulumiInternals.ts`);
    }
    if (typeof mod[member] !== shape) throw new Error(`${SDK} internal "${name}" changed: ${SDK}/${module}.${member} is ${typeof mod[member]}, expected a ${shape}; see readiness/pulumiInternals.ts`);
    return mod;
}

/** The files of `SDK_EAGER_LOADS` as the SDK resolves them (a package the SDK no longer depends on is left out). */
export function sdkEagerLoads(): string[] {
    const dir = sdkDir();
    const out: string[] = [];
    for (const request of SDK_EAGER_LOADS) {
        try {
            out.push(require.resolve(request, { paths: [dir] }));
        } catch {
            /* no longer a dependency: nothing to defer */
        }
    }
    return out;
}

/** The resource monitor's two registration calls, as the mock runtime installs them. */
export interface ResourceMonitor {
    registerResource(req: RegisterResourceRequest, cb: (err: Error | null, resp: RegisterResourceResponse | undefined) => void): void;
    registerResourceOutputs(req: RegisterResourceOutputsRequest, cb: (err: Error | null, resp: unknown) => void): void;
}

/** The monitor `pulumi.runtime.setMocks` installed, to observe every registration the program makes. */
export function resourceMonitor(): ResourceMonitor {
    const monitor = (pulumiInternalModule("monitor").getMonitor as () => ResourceMonitor | undefined)();
    if (!monitor || typeof monitor.registerResource !== "function" || typeof monitor.registerResourceOutputs !== "function") {
        throw new Error(`${SDK} internal "monitor" changed: getMonitor() returned no registerResource/registerResourceOutputs; see readiness/pulumiInternals.ts`);
    }
    return monitor;
}

/** Runs `init` (which loads the program) inside the root stack resource, as the language host does. */
export function runProgramInStack(init: () => unknown): Promise<unknown> {
    return (pulumiInternalModule("stackRunner").runInPulumiStack as (init: () => unknown) => Promise<unknown>)(init);
}

/** Settles once every resource operation the program started has. */
export function settleResourceOperations(): Promise<void> {
    return (pulumiInternalModule("rpcWait").waitForRPCs as () => Promise<void>)();
}

/**
 * Turns off the SDK's promise tracking (a leak report at exit, most of the cost of a registration) until the
 * returned function is called.
 */
export function disablePromiseTracking(): () => void {
    const debuggable = pulumiInternalModule("promiseTracking") as { debuggablePromise: <T>(p: Promise<T>, ctx: unknown) => Promise<T> };
    const original = debuggable.debuggablePromise;
    debuggable.debuggablePromise = (p) => p;
    return () => {
        debuggable.debuggablePromise = original;
    };
}

/** The analyzer protocol's generated messages, the ones the engine sends a policy pack. */
export function analyzerProtocol(): typeof analyzerpb {
    return pulumiInternalModule("analyzerProtocol") as unknown as typeof analyzerpb;
}
