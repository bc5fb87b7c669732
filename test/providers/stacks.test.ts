import * as assert from "node:assert/strict";
import * as path from "node:path";
import { describe, it } from "node:test";
import { runCheck, StackCheck } from "../../readiness/check";
import { defaultLayout } from "../../readiness/layout";
import { blocks } from "../../readiness/report";
import { validateProviderInputs } from "../../readiness/providers";
import { REQUIRED_INPUTS } from "../../readiness/providers/required.generated";
import { VALIDATED_TYPES } from "../../readiness/providers/types";
import { renderJson } from "../../readiness/reports/json";
import { EXAMPLE } from "../support";
import { variants } from "./variants";

const raw = (overrides: Record<string, unknown>) => Object.fromEntries(Object.entries(overrides).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));

let runs: Promise<{ name: string; check: StackCheck }[]> | undefined;
/** Every variant, checked once for the whole file (one program at a time, as the engine requires). */
function allRuns() {
    runs ??= (async () => {
        const out: { name: string; check: StackCheck }[] = [];
        for (const v of variants()) out.push({ name: v.name, check: await runCheck({ stack: v.stack, layout: EXAMPLE, configOverrides: raw(v.overrides) }) });
        return out;
    })();
    return runs;
}

describe("provider validation of everything the program can register", () => {
    it("the committed stacks and every backend, reachability and environment have zero provider errors", async () => {
        for (const { name, check } of await allRuns()) {
            assert.deepEqual(check.report.providerErrors, [], `${name}: ${JSON.stringify(check.report.providerErrors, null, 1)}`);
            assert.equal(JSON.parse(renderJson([check.report])).summary.providerErrors, 0, name);
        }
    });

    it("every custom resource type any variant registers is one the validation covers", async () => {
        const seen = new Set<string>();
        for (const { check } of await allRuns()) for (const r of check.run.resources) if (r.custom) seen.add(r.type);
        assert.deepEqual([...seen].filter((t) => !VALIDATED_TYPES.includes(t)).sort(), [], "add these to readiness/providers/types.ts and run `npm run provider-schema`");
        for (const t of ["aws:elasticache/replicationGroup:ReplicationGroup", "upstash:index/redisDatabase:RedisDatabase", "vercel:index/blobStore:BlobStore", "aws:s3/bucket:Bucket", "vercel:index/logDrain:LogDrain"]) {
            assert.ok(seen.has(t), `the variants reach ${t}`);
        }
    });

    it("per registered type, dropping a required input the program sets is refused on the real inputs", async () => {
        const byType = new Map<string, StackCheck["run"]["resources"][number]>();
        for (const { check } of await allRuns()) for (const r of check.run.resources) if (r.custom && !byType.has(r.type)) byType.set(r.type, r);
        let checked = 0;
        for (const [type, r] of byType) {
            const topLevel = (REQUIRED_INPUTS.required[type]?.paths ?? []).filter((p) => !p.includes(".") && !p.includes("[") && p in r.inputs);
            for (const key of topLevel) {
                const { [key]: _dropped, ...rest } = r.inputs;
                const errors = validateProviderInputs([{ ...r, inputs: rest }]);
                assert.deepEqual(errors.map((e) => e.property), [key], `${type} without ${key}`);
                checked++;
            }
        }
        assert.ok(checked >= 40, `required inputs checked on real resources: ${checked}`);
    });

    it("a provider error blocks in preview too, with the secret value redacted", async () => {
        const program = path.join(defaultLayout().dist, "test", "programs", "provider-error.js");
        for (const preview of [false, true]) {
            const { report } = await runCheck({ stack: "dev", layout: EXAMPLE, program, preview });
            assert.deepEqual(report.providerErrors.map((e) => e.property).sort(), ["passwordProtection.password", "vercelAuthentication.deploymentType"]);
            assert.equal(report.summary.providerErrors, 2);
            assert.ok(blocks(report), "a provider error alone makes the stack not ready");
            const password = report.providerErrors.find((e) => e.property === "passwordProtection.password")!;
            assert.match(password.message, /^passwordProtection\.password: \[secret\] is 80 characters; expected 1 to 72$/);
            assert.ok(!JSON.stringify(report).includes("p".repeat(80)), "the secret never reaches the report");
        }
    });
});
