/**
 * Stable identities: renaming the service keeps every resource when `service:identity.name` names the old
 * name, and is a finding with the way to do it when not; moving a stack to another environment is refused
 * with the reason; aliases carry renamed and re-parented resources over exactly as the engine resolves them.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { before, describe, it } from "node:test";
import { runCheck, StackCheck } from "../readiness/check";
import { defaultLayout } from "../readiness/layout";
import type { StackReport } from "../readiness/report";
import { CHANGE_RULE, changesFor, loadBaseline, parseBaseline } from "../readiness/changes";
import { baselineFor } from "../readiness/changes/baseline";
import { ProgramRun, runProgram } from "../readiness/engine/run";
import { redact } from "../readiness/redact";
import { checkVariant, EXAMPLE } from "./support";

const MAIN_BASELINE = path.join(defaultLayout().root, "test", "fixtures", "baselines", "main-fa74542.json");
const stateful = (r: StackReport) => (r.changes ?? []).filter((c) => c.stateful && (c.action === "replace" || c.action === "delete"));

describe("renaming the service and moving a stack", () => {
    const mainBaseline = loadBaseline(MAIN_BASELINE);
    let renamedKept: StackCheck;
    let renamed: StackCheck;
    before(async () => {
        renamedKept = await runCheck({ stack: "prod", layout: EXAMPLE, baseline: mainBaseline, configOverrides: { "service:name": "acme-talk", "service:identity": JSON.stringify({ name: "acme-chat" }) } });
        renamed = await runCheck({ stack: "prod", layout: EXAMPLE, baseline: mainBaseline, configOverrides: { "service:name": "acme-talk" } });
    });

    it("with service:identity.name set to the old name, a rename replaces and deletes nothing stateful", async () => {
        const r = renamedKept.report;
        // Main's report predates the shared stack, which took the Vercel project and the OIDC provider over
        // (docs/decisions/shared-singletons.md); both are stateful types.
        const moved = "vercel:index/project:Project";
        const movedToShared = (type: string | null) => type === moved || type === "aws:iam/openIdConnectProvider:OpenIdConnectProvider";
        assert.deepEqual(stateful(r).filter((c) => !movedToShared(c.type)).map((c) => `${c.action} ${c.name}`), []);
        // The same migration moved the env vars to the shared project: a finding of its own (test/changes.test.ts).
        const envVarsMoved = (message: string) => /Vercel resources of stack/.test(message);
        assert.deepEqual(r.violations.filter((v) => v.policy === CHANGE_RULE && !movedToShared(v.resourceType) && !envVarsMoved(v.message)), []);
        // What the new name does change is updated in place: the tags, and the Vercel project's name (in the shared stack).
        const shared = await checkVariant("shared", { "service:name": "acme-talk", "service:identity": { name: "acme-chat" } });
        const project = shared.resources.find((x) => x.type === moved)!;
        assert.equal(project.name, "acme-chat-shared-singletons-project");
        assert.equal((project.inputs as { name: string }).name, "acme-talk");
        const db = r.resources.find((x) => x.type === "aws:rds/instance:Instance")!;
        assert.equal((db.inputs as { identifier: string }).identifier, "acme-chat-prod-postgres");
        assert.equal((db.inputs as { tags: { service: string } }).tags.service, "acme-talk");
    });

    it("without it, every stateful resource is a mandatory finding that says how to keep it", () => {
        const r = renamed.report;
        const db = stateful(r).find((c) => c.type === "aws:rds/instance:Instance" && c.action === "delete")!;
        assert.deepEqual(db.renamed, { from: "acme-chat-prod-postgres-instance", to: "acme-talk-prod-postgres-instance", fromPrefix: "acme-chat", toPrefix: "acme-talk" });
        const finding = r.violations.find((v) => v.policy === CHANGE_RULE && v.resourceName === db.name)!;
        assert.equal(finding.enforcementLevel, "mandatory");
        assert.match(finding.message, /set service:identity\.name to "acme-chat" and every resource keeps its logical and physical name/);
        for (const type of ["aws:s3/bucket:Bucket", "upstash:index/redisDatabase:RedisDatabase", "vercel:index/project:Project", "aws:kms/key:Key"]) {
            assert.ok(stateful(r).some((c) => c.type === type), `${type} is in the findings`);
        }
    });

    it("moving prod to another environment is refused: every physical name carries the environment", async () => {
        const r = await checkVariant("prod", { "service:environment": "staging" }, { baseline: mainBaseline });
        const db = stateful(r).find((c) => c.type === "aws:rds/instance:Instance")!;
        assert.match(db.reason, /the stack moved from environment prod to staging, and every physical name carries the environment; a stack does not move between environments: create a stack for staging and restore the data into it/);
    });

    it("service:identity.name is validated like service:name, naming its key", async () => {
        await assert.rejects(checkVariant("dev", { "service:identity": { name: "Acme--Chat" } }), /service:identity\.name: got "Acme--Chat"; expected 3 or more lower-case letters/);
        await assert.rejects(checkVariant("dev", { "service:identity": { name: "acme-chat", environment: "prod" } }), /service:identity\.environment: .*expected no such key/);
    });
});

describe("aliases, resolved as the engine resolves them", () => {
    const program = path.join(defaultLayout().dist, "test", "programs", "aliased.js");
    const run = (variant: string) =>
        runProgram({ program, project: "aliases", stack: "t", config: { "test:variant": variant }, secretKeys: [], preview: false, mock: { region: "us-east-1", accountId: "123456789012" } });
    const reportOf = (r: ProgramRun) =>
        ({
            stack: "t",
            environment: "dev",
            project: "aliases",
            resources: r.resources.map((x) => ({ ...x, parent: x.parent ?? null, provider: x.provider ?? null, inputs: redact(x.inputs) })),
        }) as unknown as StackReport;
    const changesBetween = async (after: string) => {
        const beforeRun = await run("before");
        const doc = parseBaseline(JSON.parse(JSON.stringify(reportOf(beforeRun))), "before.json");
        const afterRun = await run(after);
        return changesFor(reportOf(afterRun), afterRun, doc, baselineFor(doc, "t", "aliases"), false).changes;
    };

    it("renamed and re-parented resources without aliases are deleted and created", async () => {
        const changes = await changesBetween("renamed");
        assert.deepEqual(
            changes.map((c) => `${c.action} ${c.name}`).sort(),
            ["create moved", "create new-box-secret", "create new-token", "delete moved", "delete old-box-secret", "delete old-token"],
        );
    });

    it("with aliases (by name, by the parent's alias, and to no parent) nothing changes", async () => {
        assert.deepEqual((await changesBetween("aliased")).map((c) => `${c.action} ${c.name}: ${c.reason}`), []);
    });
});
