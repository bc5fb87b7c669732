/**
 * The change report on the real program: the committed stacks against the report of main taken before the
 * change report existed (test/fixtures/baselines/main-fa74542.json), a stack export built the way the engine
 * writes one, the finding's level per environment, and how each report format shows it.
 */
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { before, describe, it } from "node:test";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { runCheck, StackCheck } from "../readiness/check";
import { defaultLayout } from "../readiness/layout";
import type { StackReport } from "../readiness/report";
import { main } from "../readiness/cli";
import { CHANGE_RULE, changesFor, loadBaseline, parseBaseline } from "../readiness/changes";
import { baselineFor, engineProviderRef, engineUrns } from "../readiness/changes/baseline";
import { render } from "../readiness/reports";
import { EXAMPLE } from "./support";
import { scratchDir } from "./scratch";

const MAIN_BASELINE = path.join(defaultLayout().root, "test", "fixtures", "baselines", "main-fa74542.json");
const SIG = pulumi.runtime.specialSigKey;
const SECRET = pulumi.runtime.specialSecretSig;

/**
 * What `pulumi stack export` would hold for this run (deployment version 3): engine URNs, secrets as
 * ciphertext, real ids and ARNs where the program used another resource's output (never the offline
 * engine's stand-ins), the bridge's `__defaults` and a default the provider filled in, and a resource
 * left pending deletion by an earlier replacement.
 */
function stackExportOf(check: StackCheck): object {
    const urns = engineUrns(check.report.resources);
    const real = (v: unknown): unknown =>
        typeof v === "string" ? `real-${v}` : Array.isArray(v) ? v.map(real) : v && typeof v === "object" && (v as Record<string, unknown>)[SIG] !== SECRET ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, real(x)])) : v;
    const encrypt = (v: unknown): unknown => {
        if (Array.isArray(v)) return v.map(encrypt);
        if (v && typeof v === "object") {
            if ((v as Record<string, unknown>)[SIG] === SECRET) return { [SIG]: SECRET, ciphertext: "v1:c2VjcmV0IGZvciB0ZXN0cw==" };
            return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encrypt(x)]));
        }
        return v;
    };
    const resources: object[] = check.run.resources.map((r) => {
        const inputs: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(r.inputs)) inputs[k] = encrypt((r.propertyDependencies[k] ?? []).length > 0 ? real(v) : v);
        if (r.custom && !r.type.startsWith("pulumi:")) inputs.__defaults = [];
        if (r.type === "random:index/randomPassword:RandomPassword" && !("minSpecial" in inputs)) inputs.minSpecial = 0;
        return {
            urn: urns.get(r.urn),
            custom: r.custom,
            id: r.custom ? `real-id-${r.name}` : undefined,
            type: r.type,
            inputs,
            outputs: {},
            parent: r.parent ? urns.get(r.parent) : undefined,
            protect: r.protect,
            retainOnDelete: r.retainOnDelete,
            provider: engineProviderRef(r.provider, urns)?.replace(/::[^:]+$/, "::real-provider-id"),
            dependencies: r.dependsOn.map((d) => urns.get(d) ?? d),
            propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, ds]) => [k, ds.map((d) => urns.get(d) ?? d)])),
        };
    });
    resources.push({ urn: `urn:pulumi:${check.report.stack}::${check.report.project}::aws:s3/bucket:Bucket::replaced-long-ago`, custom: true, delete: true, type: "aws:s3/bucket:Bucket", inputs: {} });
    return { version: 3, deployment: { manifest: { time: "2026-11-30T10:00:00Z", magic: "test", version: "v3.270.0" }, secrets_providers: { type: "passphrase", state: {} }, resources } };
}

/**
 * Main's report predates the shared stack, which took the Vercel project and the account's OIDC provider over
 * (docs/decisions/shared-singletons.md); both are stateful, so their deletion from a stack is a finding. The same
 * migration moved each environment's env vars, domain and firewall to the shared project: a loss the change report
 * predicts, a finding with its runbook.
 */
const MOVED = ["vercel:index/project:Project", "aws:iam/openIdConnectProvider:OpenIdConnectProvider"];
const movedToShared = (type: string) => MOVED.includes(type);
const ofTheMigration = (v: { resourceType: string | null; message: string }) => movedToShared(v.resourceType ?? "") || /Vercel resources of stack/.test(v.message);
const stateful = (r: StackReport) => (r.changes ?? []).filter((c) => c.stateful && (c.action === "replace" || c.action === "delete"));
const findings = (r: StackReport) => r.violations.filter((v) => v.policy === CHANGE_RULE);

describe("change report on the real program", () => {
    const mainBaseline = loadBaseline(MAIN_BASELINE);
    let prod: StackCheck;
    let dev: StackCheck;
    let prodBlob: StackCheck;
    before(async () => {
        prod = await runCheck({ stack: "prod", layout: EXAMPLE, baseline: mainBaseline });
        dev = await runCheck({ stack: "dev", layout: EXAMPLE, baseline: mainBaseline });
        prodBlob = await runCheck({ stack: "prod", layout: EXAMPLE, baseline: mainBaseline, configOverrides: { "service:storage": JSON.stringify({ backend: "blob" }) } });
    });

    for (const stack of ["dev", "prod"]) {
        it(`the committed ${stack} stack replaces and deletes no stateful resource of main's report`, () => {
            const r = (stack === "dev" ? dev : prod).report;
            assert.equal(r.baseline?.kind, "report");
            assert.equal(r.baseline?.stack, stack);
            const moved = stateful(r).filter((c) => movedToShared(c.type) && c.type === MOVED[0]);
            assert.deepEqual(moved.map((c) => `${c.action} ${c.name}`), [`delete acme-chat-${stack}-app-project`]);
            assert.deepEqual(stateful(r).filter((c) => !movedToShared(c.type)).map((c) => `${c.action} ${c.name}: ${c.reason}`), []);
            assert.deepEqual(findings(r).filter((v) => !ofTheMigration(v)), []);
            assert.ok(findings(r).some((v) => /Vercel resources of stack .* from project/.test(v.message)), "the move to the shared project is predicted");
        });
    }

    it("switching prod's storage to Blob deletes the bucket: a mandatory finding that names it and why", () => {
        const r = prodBlob.report;
        const bucket = stateful(r).find((c) => c.type === "aws:s3/bucket:Bucket");
        assert.ok(bucket, JSON.stringify(stateful(r)));
        assert.equal(bucket.action, "delete");
        assert.equal(bucket.protected, true);
        const finding = findings(r).find((v) => v.resourceName === bucket.name)!;
        assert.equal(finding.enforcementLevel, "mandatory");
        assert.match(finding.message, /This change drops from the stack \(unmanaged from then on\) every uploaded object in stack prod \(aws:s3\/bucket:Bucket acme-chat-prod-storage-bucket\)/);
        assert.match(finding.message, /protected, so `pulumi up` stops/);
        assert.ok(r.summary.mandatory >= findings(r).length);
        assert.ok((r.changes ?? []).some((c) => c.action === "create" && c.type === "vercel:index/blobStore:BlobStore" && c.stateful));
    });

    it("the same switch in dev, where protectData is off, is advisory", async () => {
        const r = (await runCheck({ stack: "dev", layout: EXAMPLE, baseline: mainBaseline, configOverrides: { "service:storage": JSON.stringify({ backend: "blob" }) } })).report;
        const f = findings(r).filter((v) => v.resourceType === "aws:s3/bucket:Bucket");
        assert.equal(f.length, 1);
        assert.equal(f[0].enforcementLevel, "advisory");
    });

    it("against a stack export: the unchanged program shows no change, the switch shows the same deletion", () => {
        const exported = parseBaseline(stackExportOf(prod), "prod-export.json");
        const same = changesFor(prod.report, prod.run, exported, baselineFor(exported, "prod", "service-template"), true);
        assert.deepEqual(same.changes.map((c) => `${c.action} ${c.name}: ${c.reason}`), []);
        assert.ok(same.notes.some((n) => /compared through those resources only/.test(n)));
        const switched = changesFor(prodBlob.report, prodBlob.run, exported, baselineFor(exported, "prod", "service-template"), true);
        assert.ok(switched.violations.some((v) => v.resourceType === "aws:s3/bucket:Bucket" && v.enforcementLevel === "mandatory"));
        assert.deepEqual(
            switched.changes.filter((c) => c.stateful && c.action === "replace").map((c) => c.name),
            [],
            "nothing stateful is replaced by a storage switch",
        );
    });

    it("the storage switch runbook: once the bucket is out of the state, the switch has no stateful finding", () => {
        // `pulumi state delete <bucket> --target-dependents`: the bucket and everything that depends on it leave the state.
        const before = JSON.parse(JSON.stringify(prod.report)) as StackReport;
        const gone = new Set(before.resources.filter((r) => r.type === "aws:s3/bucket:Bucket").map((r) => r.urn));
        for (let grew = true; grew; ) {
            grew = false;
            for (const r of before.resources) {
                if (!gone.has(r.urn) && r.dependsOn.some((d) => gone.has(d))) {
                    gone.add(r.urn);
                    grew = true;
                }
            }
        }
        before.resources = before.resources.filter((r) => !gone.has(r.urn));
        const doc = parseBaseline(before, "after-state-delete.json");
        const set = changesFor(prodBlob.report, prodBlob.run, doc, baselineFor(doc, "prod", "service-template"), true);
        assert.deepEqual(set.violations.map((v) => v.message), []);
        assert.ok(set.changes.some((c) => c.action === "create" && c.type === "vercel:index/blobStore:BlobStore"));
    });

    it("an export written by the offline engine (--export-state) is a baseline too: the same program shows no change", async () => {
        const dir = scratchDir("export-");
        const file = path.join(dir, "prod.json");
        assert.equal(await main(["--stack", "prod", "--format", "json", "--export-state", file], () => undefined, () => undefined, { layout: EXAMPLE }), 0);
        let out = "";
        await main(["--stack", "prod", "--format", "json", "--baseline", file], (s) => (out += s), () => undefined, { layout: EXAMPLE });
        const report = JSON.parse(out);
        assert.equal(report.baseline.kind, "stack-export");
        assert.deepEqual(report.changes.map((c: { action: string; name: string }) => `${c.action} ${c.name}`), []);
    });

    it("text, Markdown and SARIF show the finding and the changes", () => {
        const r = prodBlob.report;
        const text = render("text", [r]);
        assert.match(text, /\[mandatory\] stateful-replacement {2}aws:s3\/bucket:Bucket "acme-chat-prod-storage-bucket"/);
        assert.match(text, /Changes against .*main-fa74542\.json \(report\): \d+ to create, \d+ to update, 0 to replace, [1-9]\d* to delete/);
        assert.match(text, /DELETE {2}\[stateful\] aws:s3\/bucket:Bucket {2}acme-chat-prod-storage-bucket/);
        const markdown = render("markdown", [r]);
        assert.match(markdown, /#### Changes/);
        assert.match(markdown, /\| \*\*delete\*\* \| `aws:s3\/bucket:Bucket` `acme-chat-prod-storage-bucket` \| yes \|/);
        const sarif = JSON.parse(render("sarif", [r])) as { runs: Array<{ results: Array<{ ruleId: string; ruleIndex: number; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>; tool: { driver: { rules: Array<{ id: string }> } } }> };
        // The SARIF 2.1.0 schema as @microsoft/jest-sarif ships it (draft-04; its `language` pattern needs non-unicode regexps).
        const ajv = new Ajv({ allErrors: true, unicodeRegExp: false });
        addFormats(ajv);
        const validate = ajv.compile(JSON.parse(fs.readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8")));
        assert.ok(validate(sarif), JSON.stringify(validate.errors));
        const run = sarif.runs[0];
        const result = run.results.find((x) => x.ruleId === CHANGE_RULE)!;
        assert.equal(result.level, "error");
        assert.equal(run.tool.driver.rules[result.ruleIndex].id, CHANGE_RULE);
        // A deleted resource has no line in the program any more: the finding points at the stack file whose config removed it.
        assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, r.stackFile);
        assert.match(r.stackFile, /(^|\/)Pulumi\.prod\.yaml$/);
    });

    it("the command exits 1 on a mandatory change finding and writes `changes` into the JSON report", async () => {
        const doc = JSON.parse(fs.readFileSync(MAIN_BASELINE, "utf8"));
        const prodDoc = doc.stacks.find((s: StackReport) => s.stack === "prod");
        const db = prodDoc.resources.find((r: { type: string }) => r.type === "aws:rds/instance:Instance");
        db.inputs.identifier = "acme-chat-prod-db";
        const file = path.join(scratchDir("baseline-"), "prod.json");
        fs.writeFileSync(file, JSON.stringify(prodDoc));
        let out = "";
        const code = await main(["--stack", "prod", "--format", "json", "--baseline", file], (s) => (out += s), () => undefined, { layout: EXAMPLE });
        assert.equal(code, 1);
        const report = JSON.parse(out);
        const change = report.changes.find((c: { type: string }) => c.type === "aws:rds/instance:Instance");
        assert.deepEqual(
            { action: change.action, stateful: change.stateful },
            { action: "replace", stateful: true },
        );
        assert.match(change.reason, /identifier changes from "acme-chat-prod-db" to "acme-chat-prod-postgres", which forces a replacement/);
        for (const key of ["urn", "type", "action", "stateful", "reason"]) assert.ok(key in change, key);
        assert.match(
            report.violations.find((v: { policy: string; resourceType: string }) => v.policy === CHANGE_RULE && !movedToShared(v.resourceType)).message,
            /This change replaces the Postgres database and every row in it in stack prod/,
        );
    });
});
