/**
 * Losses the change report predicts beyond a replaced or deleted stateful resource (issue 26): switching the
 * shared stack, dropping the shared stack's singletons, moving a resource under another parent (advised with
 * an alias, not `service:identity.name`), and what `pulumi destroy --skip-preview` of prod would take before
 * it reaches its first protected resource. Each is a finding naming its runbook in docs/runbooks/changes.md.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { runCheck } from "../readiness/check";
import { defaultLayout } from "../readiness/layout";
import type { StackReport } from "../readiness/report";
import { CHANGE_RULE, changesFor, parseBaseline } from "../readiness/changes";
import { baselineFor } from "../readiness/changes/baseline";
import { ProgramRun, runProgram } from "../readiness/engine/run";
import { redact } from "../readiness/redact";
import { checkVariant, EXAMPLE } from "./support";

const RUNBOOK = fs.readFileSync(path.join(defaultLayout().root, "docs", "runbooks", "changes.md"), "utf8");
const runbookOf = (message: string) => /docs\/runbooks\/changes\.md, "([^"]+)"/.exec(message)?.[1];
const assertRunbook = (message: string) => {
    const title = runbookOf(message);
    assert.ok(title, `names a runbook: ${message}`);
    assert.ok(RUNBOOK.includes(`## ${title}`), `docs/runbooks/changes.md has "## ${title}"`);
};

/** A report as the JSON format writes it, which is what a baseline file holds. */
const asBaseline = (r: StackReport, file: string) => parseBaseline(JSON.parse(JSON.stringify(r)), file);

describe("switching service:sharedStack", () => {
    it("is a mandatory finding in prod, naming both stacks and the runbook; quiet when it stays", async () => {
        const before = await checkVariant("prod", { "service:sharedStack": "acme/acme-chat/shared" });
        const doc = asBaseline(before, "prod-before.json");
        const same = await checkVariant("prod", { "service:sharedStack": "acme/acme-chat/shared" }, { baseline: doc });
        assert.deepEqual(same.violations.filter((v) => v.policy === CHANGE_RULE), []);
        const switched = await checkVariant("prod", { "service:sharedStack": "acme/other-app/shared" }, { baseline: doc });
        const finding = switched.violations.find((v) => v.policy === CHANGE_RULE && /Vercel resources/.test(v.message));
        assert.ok(finding, JSON.stringify(switched.violations.map((v) => v.message)));
        assert.equal(finding.enforcementLevel, "mandatory");
        const envVars = switched.resources.filter((r) => r.type === "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable").length;
        assert.match(finding.message, new RegExp(`moves ${envVars + 2} Vercel resources of stack prod .* from project prj_\\w+ to prj_\\w+`));
        assertRunbook(finding.message);
        // The same switch in dev is a finding too, advisory where data is not protected.
        const devDoc = asBaseline(await checkVariant("dev", { "service:sharedStack": "acme/acme-chat/shared" }), "dev-before.json");
        const dev = await checkVariant("dev", { "service:sharedStack": "acme/other-app/shared" }, { baseline: devDoc });
        assert.equal(dev.violations.find((v) => v.policy === CHANGE_RULE && /Vercel resources/.test(v.message))?.enforcementLevel, "advisory");
    });
});

describe("the shared stack's singletons", () => {
    it("switching the shared stack to Blob drops the OIDC provider every environment trusts: a finding", async () => {
        const before = await checkVariant("shared", {});
        const doc = asBaseline(before, "shared-before.json");
        const blob = await checkVariant("shared", { "service:storage": { backend: "blob" } }, { baseline: doc });
        const finding = blob.violations.find((v) => v.policy === CHANGE_RULE && v.resourceType === "aws:iam/openIdConnectProvider:OpenIdConnectProvider");
        assert.ok(finding, JSON.stringify(blob.violations.map((v) => v.message)));
        assert.match(finding.message, /keep service:storage\.backend s3 in the shared stack/);
        assertRunbook(finding.message);
        const unchanged = await checkVariant("shared", {}, { baseline: doc });
        assert.deepEqual(unchanged.violations.filter((v) => v.policy === CHANGE_RULE), []);
    });

    it("renaming the service drops it too, and the finding says how to keep it", async () => {
        const doc = asBaseline(await checkVariant("shared", {}), "shared-before.json");
        const renamed = await checkVariant("shared", { "service:name": "acme-talk" }, { baseline: doc });
        const finding = renamed.violations.find((v) => v.resourceType === "aws:iam/openIdConnectProvider:OpenIdConnectProvider");
        assert.ok(finding, JSON.stringify(renamed.violations.map((v) => `${v.resourceType} ${v.message}`)));
        assert.match(finding.message, /service:identity\.name to "acme-chat"/);
        const kept = await checkVariant("shared", { "service:name": "acme-talk", "service:identity": { name: "acme-chat" } }, { baseline: doc });
        assert.equal(kept.violations.filter((v) => v.resourceType === "aws:iam/openIdConnectProvider:OpenIdConnectProvider").length, 0);
    });
});

describe("moving a resource under another parent", () => {
    const program = path.join(defaultLayout().dist, "test", "programs", "reparented.js");
    const run = (variant: string) =>
        runProgram({ program, project: "moves", stack: "prod", config: { "test:variant": variant }, secretKeys: [], preview: false, mock: { region: "us-east-1", accountId: "123456789012" } });
    const reportOf = (r: ProgramRun) =>
        ({
            stack: "prod",
            environment: "prod",
            project: "moves",
            resources: r.resources.map((x) => ({ ...x, parent: x.parent ?? null, provider: x.provider ?? null, inputs: redact(x.inputs) })),
        }) as unknown as StackReport;
    const changesAfter = async (variant: string) => {
        const doc = parseBaseline(JSON.parse(JSON.stringify(reportOf(await run("before")))), "before.json");
        const afterRun = await run(variant);
        return changesFor(reportOf(afterRun), afterRun, doc, baselineFor(doc, "prod", "moves"), true);
    };

    for (const variant of ["moved", "moved-renamed"]) {
        it(`${variant}: advised with an alias to the old parent, never with service:identity.name`, async () => {
            const set = await changesAfter(variant);
            const deleted = set.changes.find((c) => c.action === "delete" && c.type === "random:index/randomPassword:RandomPassword")!;
            assert.deepEqual(deleted.reparented, { from: "service:data:Postgres", to: "service:data:DataTier$service:data:Postgres" });
            const finding = set.violations.find((v) => v.urn === deleted.urn)!;
            assert.equal(finding.enforcementLevel, "mandatory");
            assert.match(finding.message, /aliases: \[\{ (name: "acme-chat-prod-postgres-master-password", )?parent: <the old parent resource> \}\]/);
            assert.doesNotMatch(finding.message, /set service:identity\.name/);
            assertRunbook(finding.message);
        });
    }

    it("with the alias, nothing changes", async () => {
        assert.deepEqual((await changesAfter("aliased")).changes.map((c) => `${c.action} ${c.name}`), []);
    });
});

describe("what pulumi destroy --skip-preview of prod could take before its first protected resource", () => {
    // The engine deletes in reverse dependency order and stops at the first protected resource with an error,
    // after deleting whatever unprotected resources came before it. Whatever holds production's config, its
    // entry point, its guards or a secret whose loss signs users out must be protected, so nothing it would
    // delete first is a loss.
    const MUST_PROTECT = [
        "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable",
        "vercel:index/projectDomain:ProjectDomain",
        "vercel:index/firewallConfig:FirewallConfig",
        "aws:s3/bucketVersioning:BucketVersioning",
        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
        "aws:s3/bucketPolicy:BucketPolicy",
    ];
    it("prod protects every env var, the domain, the firewall, the bucket's guards and the session and JWT secrets", async () => {
        const { report } = await runCheck({ stack: "prod", layout: EXAMPLE });
        for (const type of MUST_PROTECT) {
            const found = report.resources.filter((r) => r.type === type);
            assert.ok(found.length > 0, `prod has ${type}`);
            for (const r of found) assert.equal(r.protect, true, `${type} ${r.name} is protected`);
        }
        const secrets = report.resources.filter((r) => r.type === "random:index/randomPassword:RandomPassword" && r.parent?.includes("GeneratedSecrets"));
        assert.deepEqual(secrets.map((r) => [r.name.replace(/^.*-app-secrets-/, ""), r.protect]).sort(), [["jwt-secret", true], ["session-secret", true]]);
    });

    it("dev protects none of them, so a dev stack stays disposable", async () => {
        const { report } = await runCheck({ stack: "dev", layout: EXAMPLE });
        const kept = report.resources.filter((r) => MUST_PROTECT.includes(r.type) && r.protect);
        assert.deepEqual(kept.map((r) => r.name), []);
    });
});
