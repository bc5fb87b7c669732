/**
 * The contract with the SDKs' private parts: every internal readiness/pulumiInternals.ts and
 * policies/lib/policyInternals.ts reach exists with the shape they rely on and still behaves so. After an SDK
 * upgrade, a failure here names the internal that moved, instead of a check that misbehaves somewhere deep.
 */
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import { validateResourceOfType } from "@pulumi/policy";
import {
    analyzerProtocol,
    disablePromiseTracking,
    PULUMI_INTERNALS,
    pulumiInternalModule,
    resourceMonitor,
    runProgramInStack,
    sdkDir,
    sdkEagerLoads,
    SDK_EAGER_LOADS,
    settleResourceOperations,
    type PulumiInternal,
} from "../readiness/pulumiInternals";
import { isUnknownSentinel, isUnknownValueError, markSingleType } from "../policies/lib/policyInternals";
import { defaultLayout } from "../readiness/layout";
import { evaluate } from "./support";

const root = defaultLayout().root;

class Thing extends pulumi.CustomResource {
    constructor(name: string) {
        super("contract:index:Thing", name, { size: 1 });
    }
}
const installed = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version.replace(/^v/, "");

describe("the SDKs are pinned", () => {
    it("pins @pulumi/pulumi and @pulumi/policy exactly, in both package.json files, to the installed versions", () => {
        for (const file of ["package.json", "policies/package.json"]) {
            const deps = (JSON.parse(fs.readFileSync(path.join(root, file), "utf8")) as { dependencies: Record<string, string> }).dependencies;
            assert.equal(deps["@pulumi/pulumi"], installed("@pulumi/pulumi"), `${file}: @pulumi/pulumi must be pinned to the installed version (its internals are reached: readiness/pulumiInternals.ts)`);
            if (deps["@pulumi/policy"] !== undefined) assert.equal(deps["@pulumi/policy"], installed("@pulumi/policy"), `${file}: @pulumi/policy must be pinned to the installed version`);
        }
    });
});

describe("@pulumi/pulumi internals (readiness/pulumiInternals.ts)", () => {
    for (const [name, { module, member, shape }] of Object.entries(PULUMI_INTERNALS)) {
        it(`${name}: @pulumi/pulumi/${module} exports ${member}, a ${shape}`, () => {
            let mod: Record<string, unknown>;
            try {
                mod = require(`@pulumi/pulumi/${module}`);
            } catch (e) {
                assert.fail(`@pulumi/pulumi internal "${name}" moved: @pulumi/pulumi/${module} cannot be loaded (${(e as Error).message})`);
            }
            assert.equal(typeof mod[member], shape, `@pulumi/pulumi internal "${name}": ${module}.${member}`);
            assert.equal(pulumiInternalModule(name as PulumiInternal), mod);
        });
    }

    it("a missing internal is refused naming it", () => {
        const saved = PULUMI_INTERNALS.rpcWait;
        (PULUMI_INTERNALS as Record<string, unknown>).rpcWait = { ...saved, member: "waitForRPCsRenamed" };
        try {
            assert.throws(() => settleResourceOperations(), /@pulumi\/pulumi internal "rpcWait" changed: @pulumi\/pulumi\/runtime\/settings\.waitForRPCsRenamed is undefined/);
        } finally {
            (PULUMI_INTERNALS as Record<string, unknown>).rpcWait = saved;
        }
    });

    it("the public runtime is the same module instance the internals come from", () => {
        // setMocks installs the monitor in runtime/settings; getMonitor must read the same instance.
        assert.equal((pulumi.runtime as unknown as Record<string, unknown>).getMonitor, pulumiInternalModule("monitor").getMonitor);
    });

    it("runs a program in the stack under mocks, sees its registrations through the monitor, and waits for them", async () => {
        await pulumi.runtime.setMocks({ newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: () => ({}) }, "contract", "test", false);
        const monitor = resourceMonitor();
        const register = monitor.registerResource.bind(monitor);
        const seen: string[] = [];
        monitor.registerResource = (req, cb) => register(req, (err, resp) => (seen.push(`${req.getType()} ${req.getName()}`), cb(err, resp)));
        const restore = disablePromiseTracking();
        try {
            const debuggable = pulumiInternalModule("promiseTracking") as { debuggablePromise: (p: Promise<unknown>, ctx: unknown) => Promise<unknown> };
            const p = Promise.resolve(1);
            assert.equal(debuggable.debuggablePromise(p, "ctx"), p, "promise tracking off: the promise is returned as it is");
            await runProgramInStack(() => {
                new Thing("thing");
                return {};
            });
            await settleResourceOperations();
        } finally {
            restore();
        }
        assert.deepEqual(seen, ["pulumi:pulumi:Stack contract-test", "contract:index:Thing thing"]);
        const debuggable = pulumiInternalModule("promiseTracking") as { debuggablePromise: (p: Promise<unknown>, ctx: unknown) => Promise<unknown> };
        const p = Promise.resolve(1);
        assert.notEqual(debuggable.debuggablePromise(p, "ctx"), p, "promise tracking restored");
    });

    it("the analyzer protocol has the messages and levels the check sends and reads", () => {
        const proto = analyzerProtocol();
        for (const m of ["AnalyzeRequest", "AnalyzeStackRequest", "AnalyzeResponse", "AnalyzerResource", "AnalyzerResourceOptions", "AnalyzerProviderResource", "AnalyzerPropertyDependencies", "ConfigureAnalyzerRequest", "PolicyConfig"] as const) {
            assert.equal(typeof proto[m], "function", `@pulumi/pulumi/proto/analyzer_pb.${m}`);
        }
        assert.deepEqual(Object.keys(proto.EnforcementLevel).sort(), ["ADVISORY", "DISABLED", "MANDATORY", "REMEDIATE"], "@pulumi/pulumi/proto/analyzer_pb.EnforcementLevel");
    });

    it("the modules deferred at startup are ones the SDK loads as soon as it is required", () => {
        const files = sdkEagerLoads();
        assert.equal(files.length, SDK_EAGER_LOADS.length, `each of ${SDK_EAGER_LOADS.join(", ")} resolves from ${sdkDir()}`);
        const loaded = JSON.parse(execFileSync(process.execPath, ["-e", 'require("@pulumi/pulumi"); process.stdout.write(JSON.stringify(Object.keys(require.cache)))'], { cwd: root, encoding: "utf8" })) as string[];
        for (const [i, file] of files.entries()) assert.ok(loaded.includes(file), `@pulumi/pulumi no longer loads ${SDK_EAGER_LOADS[i]} at require: deferring it (readiness/startup.ts) saves nothing`);
    });
});

describe("@pulumi/policy internals (policies/lib/policyInternals.ts)", () => {
    it("unknownSentinels: the proxy's error marks @pulumi/pulumi's unknown value, and nothing else", () => {
        assert.equal(isUnknownSentinel(pulumi.runtime.unknownValue), true, "unknownCheckingProxy no longer throws UnknownValueError on the unknown sentinel");
        assert.equal(isUnknownSentinel("00000000-0000-0000-0000-000000000000"), false);
        assert.equal(isUnknownValueError(new Error("x")), false);
    });

    it("singleTypeMarker: `__pulumiType` is the mark validateResourceOfType puts on a function", () => {
        const typed = validateResourceOfType({ __pulumiType: "aws:s3/bucket:Bucket" } as never, () => undefined) as unknown as { __pulumiType?: string };
        assert.equal(typed.__pulumiType, "aws:s3/bucket:Bucket", "@pulumi/policy no longer marks a single-type validation with __pulumiType");
        const own = () => undefined;
        markSingleType(own, "aws:s3/bucket:Bucket");
        assert.equal((own as { __pulumiType?: string }).__pulumiType, typed.__pulumiType);
    });

    it("reportAtLevel and analyzerHandlers: an exempted violation reaches the engine as advisory through the served handlers", async () => {
        // An exemption note goes through reportAtLevel; the pack is served through servePackInProcess.
        const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
        const diags = await evaluate(
            [{ type: "aws:s3/bucketPolicy:BucketPolicy", name: "open", inputs: { bucket: "b", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }] }) } }],
            { environment: "dev", policyConfig: { "s3-no-public-policy": { exemptions: [{ rule: "s3-no-public-policy", resource: "open", reason: "contract test", owner: "lead", expires: until }] } } },
        );
        const notes = diags.filter((d) => d.policy === "s3-no-public-policy" && d.message.includes("EXEMPTED until"));
        assert.ok(notes.length > 0, `expected an exemption note; got ${JSON.stringify(diags.map((d) => `${d.policy}: ${d.message}`))}`);
        for (const n of notes) assert.equal(n.enforcementLevel, "advisory", "@pulumi/policy no longer files an object-form report at the object's enforcementLevel");
    });
});

describe("one door", () => {
    it("no product module but the two internals modules reaches an SDK's private paths or members", () => {
        const doors = [path.join("readiness", "pulumiInternals.ts"), path.join("policies", "lib", "policyInternals.ts")];
        // Deep imports of either SDK (a type-only import of the protocol's messages included), and the private members reached.
        const reach = /["']@pulumi\/(?:pulumi|policy)\/(?!package\.json)[^"']+["']|\b(?:getMonitor|runInPulumiStack|waitForRPCs|debuggablePromise|unknownCheckingProxy|UnknownValueError|addService|bindAsync)\b|\.__pulumiType\s*=/;
        const offenders: string[] = [];
        const walk = (dir: string) => {
            for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
                const rel = path.join(dir, entry.name);
                if (entry.isDirectory()) {
                    if (entry.name !== "node_modules") walk(rel);
                } else if (entry.name.endsWith(".ts") && !doors.includes(rel)) {
                    const lines = fs.readFileSync(path.join(root, rel), "utf8").split("\n");
                    lines.forEach((line, i) => {
                        if (reach.test(line) && !/^\s*(\*|\/\/)/.test(line)) offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
                    });
                }
            }
        };
        for (const dir of ["readiness", "policies", "config", "components", "scripts"]) walk(dir);
        assert.deepEqual(offenders, [], "reach the SDKs' internals through readiness/pulumiInternals.ts or policies/lib/policyInternals.ts");
    });
});
