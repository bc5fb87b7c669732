import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, describe, it } from "node:test";
import { runCheck } from "../../readiness/check";
import { defaultLayout } from "../../readiness/layout";
import type { StackReport } from "../../readiness/report";
import { main } from "../../readiness/cli";
import type { ProgramRun } from "../../readiness/engine/run";
import { containsSecret, plain } from "../../readiness/providers/values";
import { checkState, exportState, OFFLINE_CIPHERTEXT } from "../../readiness/state";
import { EXAMPLE } from "../support";
import { scratchDir } from "../scratch";

const root = defaultLayout().root;
const dir = scratchDir("readiness-state-");
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, doc: unknown): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(doc));
    return file;
}

const findings = (r: StackReport) => ({
    violations: r.violations.map((v) => `${v.enforcementLevel} ${v.policy} ${v.urn} ${v.message}`).sort(),
    providerErrors: r.providerErrors.map((e) => `${e.urn} ${e.property} ${e.message}`).sort(),
    notEvaluated: r.notEvaluated.map((n) => `${n.policy} ${n.urn}`).sort(),
});

/**
 * Every secret's plaintext in a run that appears nowhere in the run outside a secret (the SDKs mark some public
 * values secret, such as every Vercel env var value; those may appear elsewhere in plain text, as they do in state).
 */
function secretValues(run: ProgramRun): string[] {
    const secret = new Set<string>();
    const open = new Set<string>();
    const walk = (v: unknown, inSecret: boolean): void => {
        const isSecret = inSecret || (containsSecret(v) && !containsSecret(plain(v)) && typeof plain(v) === "string");
        if (typeof v === "string") (inSecret ? secret : open).add(v);
        else if (isSecret && !inSecret) walk(plain(v), true);
        else if (Array.isArray(v)) v.forEach((x) => walk(x, inSecret));
        else if (v && typeof v === "object") Object.values(v).forEach((x) => walk(x, inSecret));
    };
    for (const r of run.resources) {
        walk(r.inputs, false);
        walk(r.outputs, false);
    }
    return [...secret].filter((s) => s.length >= 8 && ![...open].some((o) => o.includes(s)));
}

describe("--state: checking a pulumi stack export without running the program", () => {
    for (const stack of ["dev", "prod"] as const) {
        it(`${stack}: an offline run exported with its secrets, checked back, gives the same findings`, async () => {
            const { report, run } = await runCheck({ stack, layout: EXAMPLE });
            const file = write(`${stack}-shown.json`, exportState(run, root, { showSecrets: true }));
            const back = (await checkState({ file })).report;
            assert.equal(back.environment, stack, "the environment comes from the resources' environment tag");
            assert.equal(back.stack, stack);
            assert.equal(back.policyPack.config, `policies/config/${stack}.json`);
            assert.deepEqual(findings(back), findings(report));
            assert.equal(back.resources.length, report.resources.length);
            const sources = (r: StackReport) => r.resources.filter((x) => x.source?.file.startsWith("components/")).map((x) => `${x.urn} ${x.source!.file}:${x.source!.line}`).sort();
            assert.ok(sources(report).length > 20);
            assert.deepEqual(sources(back), sources(report), "sourcePosition carries each resource's declaring line");
        });
    }

    it("an export written by --export-state never holds a secret in plain text; the check says which rules it could not run", async () => {
        const { report, run } = await runCheck({ stack: "prod", layout: EXAMPLE });
        const file = path.join(dir, "prod.json");
        const stderr: string[] = [];
        assert.equal(await main(["--stack", "prod", "--export-state", file, "--format", "json"], () => undefined, (s) => stderr.push(s), { layout: EXAMPLE }), 0, stderr.join(""));
        const text = fs.readFileSync(file, "utf8");
        const secrets = secretValues(run);
        assert.ok(secrets.length >= 5, `the run has secrets: ${secrets.length}`);
        for (const s of secrets) assert.ok(!text.includes(s), "a secret's value reached the export");
        assert.ok(text.includes(OFFLINE_CIPHERTEXT));
        const back = (await checkState({ file })).report;
        assert.deepEqual(findings(back).violations, findings(report).violations);
        assert.deepEqual(findings(back).providerErrors, findings(report).providerErrors);
        assert.ok(back.notEvaluated.length > 0 && back.notes.some((n) => /secret values in the export are encrypted/.test(n)));
    });

    it("provider errors and resource rules fire on the export's inputs, and exit 1", async () => {
        const { run } = await runCheck({ stack: "prod", layout: EXAMPLE });
        const doc = exportState(run, root, { showSecrets: true }) as unknown as { deployment: { resources: Array<Record<string, any>> } };
        // The project itself is the shared stack's; prod's env vars carry a Vercel enum as well.
        const envVar = doc.deployment.resources.find((r) => r.type === "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable")!;
        envVar.inputs.targets = ["prod"];
        const instance = doc.deployment.resources.find((r) => r.type === "aws:rds/instance:Instance")!;
        instance.inputs.deletionProtection = false;
        const file = write("broken.json", doc);
        let json = "";
        assert.equal(await main(["--state", file, "--format", "json"], (s) => (json += s), () => undefined), 1);
        const report = JSON.parse(json) as StackReport;
        assert.deepEqual(report.providerErrors.map((e) => [e.name, e.property]), [[envVar.urn.split("::").pop(), "targets[0]"]]);
        assert.equal(report.summary.providerErrors, 1);
        assert.ok(report.violations.some((v) => v.urn === instance.urn && v.enforcementLevel === "mandatory"), JSON.stringify(report.violations.map((v) => v.policy)));
    });

    it("--environment picks the policy config; without an environment tag it is required", async () => {
        const { run } = await runCheck({ stack: "prod", layout: EXAMPLE });
        const file = write("prod-as-dev.json", exportState(run, root, { showSecrets: true }));
        const asDev = (await checkState({ file, environment: "dev" })).report;
        assert.equal(asDev.policyPack.config, "policies/config/dev.json");
        assert.equal(asDev.environment, "dev");
        const untagged = write("untagged.json", { version: 3, deployment: { resources: [{ urn: "urn:pulumi:x::p::pulumi:pulumi:Stack::p-x", type: "pulumi:pulumi:Stack", custom: false }] } });
        const stderr: string[] = [];
        assert.equal(await main(["--state", untagged], () => undefined, (s) => stderr.push(s)), 2);
        assert.match(stderr.join(""), /no resource carries an `environment` tag.*pass --environment ENV/);
    });

    it("refuses what is not a version 3 export, and flags that do not apply", async () => {
        const cases: [string[], RegExp][] = [
            [["--state", write("v2.json", { version: 2, deployment: { resources: [] } })], /deployment version 2; expected version 3/],
            [["--state", write("report.json", { stack: "dev", resources: [] })], /not a `pulumi stack export` file/],
            [["--state", path.join(dir, "missing.json")], /no such file/],
            [["--state", "x.json", "--stack", "dev"], /--stack does not apply/],
            [["--state", "x.json", "--preview"], /--preview does not apply/],
            [["--environment", "dev"], /--environment applies only with --state/],
            [["--export-state", path.join(dir, "two.json")], /pass exactly one --stack/],
        ];
        for (const [argv, message] of cases) {
            const stderr: string[] = [];
            assert.equal(await main(argv, () => undefined, (s) => stderr.push(s), { layout: EXAMPLE }), 2, argv.join(" "));
            assert.match(stderr.join(""), message);
        }
    });
});
