/**
 * A working path for each routine change to prod: the program before and after, compared by the change
 * report. Each shows no stateful replacement, or the refusal and the way to do it where the cloud itself
 * cannot make the change in place.
 */
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { runCheck, StackCheck } from "../readiness/check";
import { EXAMPLE } from "./support";
import { changesFor, parseBaseline, REFUSED_RULE, ReportChange, statefulType } from "../readiness/changes";
import { baselineFor } from "../readiness/changes/baseline";

const SIG = pulumi.runtime.specialSigKey;

function variant(overrides: Record<string, unknown>): Promise<StackCheck> {
    const configOverrides: Record<string, string> = {};
    for (const [k, v] of Object.entries(overrides)) configOverrides[k] = typeof v === "string" ? v : JSON.stringify(v);
    return runCheck({ stack: "prod", layout: EXAMPLE, configOverrides });
}

/** The change report of `after` against the JSON report of `before`, as `--baseline` would read it. */
function compare(beforeCheck: StackCheck, after: StackCheck) {
    const doc = parseBaseline(JSON.parse(JSON.stringify(beforeCheck.report)), "before.json");
    return changesFor(after.report, after.run, doc, baselineFor(doc, "prod", after.report.project), true);
}

/** Replacements, and deletions of what holds data (a parameter group dropped after the instance left it loses nothing). */
const destructive = (changes: ReportChange[]) =>
    changes
        .filter((c) => c.stateful && (c.action === "replace" || (c.action === "delete" && statefulType(c.type)?.kind === "data")))
        .map((c) => `${c.action} ${c.type} ${c.name}: ${c.reason}`);
const find = (changes: ReportChange[], type: string, name?: RegExp) => changes.filter((c) => c.type === type && (!name || name.test(c.name)));
const db = (base: Record<string, unknown>) => ({ "service:database": base });

/** The plain value a secret input had in the program's run (the report only ever shows `[secret]`). */
function plainSecret(check: StackCheck, type: string, name: RegExp, input: string): unknown {
    const r = check.run.resources.find((x) => x.type === type && name.test(x.name))!;
    return (r.inputs[input] as Record<string, unknown>)[SIG] ? (r.inputs[input] as { value: unknown }).value : r.inputs[input];
}

describe("routine changes to prod, before and after", () => {
    let prod: StackCheck;
    before(async () => {
        prod = await variant({});
    });

    it("instance class up, storage up, an alert email added, rate limits and a longer secret length: updates only", async () => {
        const after = await variant({
            ...db({ instanceClass: "db.m7g.large", allocatedStorageGb: 100, maxAllocatedStorageGb: 1000 }),
            "service:alerts": { emails: ["oncall@acme.example", "db-team@acme.example"] },
            "service:rateLimits": [{ name: "api-chat", pathPrefix: "/api/chat", limit: 20, windowSeconds: 60, key: "ip", action: "rate_limit" }],
            "service:secrets": { lengthBytes: 48 },
        });
        const { changes, violations } = compare(prod, after);
        assert.deepEqual(destructive(changes), []);
        assert.deepEqual(violations, []);
        const instance = find(changes, "aws:rds/instance:Instance")[0];
        assert.equal(instance.action, "update");
        assert.deepEqual([...instance.inputs].sort(), ["allocatedStorage", "instanceClass", "maxAllocatedStorage"]);
        // The app role's limit follows the bigger class, in place.
        assert.ok(find(changes, "postgresql:index/role:Role").every((c) => c.action === "update" && c.inputs.includes("connectionLimit")));
        assert.deepEqual(find(changes, "aws:sns/topicSubscription:TopicSubscription").map((c) => `${c.action} ${c.name}`), ["create acme-chat-prod-monitoring-alerts-email-db-team@acme.example"]);
        assert.equal(find(changes, "vercel:index/firewallConfig:FirewallConfig")[0].action, "update");
        // A new length applies to secrets created from now on: existing ones keep their value (ignoreChanges).
        assert.deepEqual(find(changes, "random:index/randomPassword:RandomPassword"), []);
        const secret = after.report.resources.find((r) => r.name === "acme-chat-prod-app-secrets-session-secret" && r.type.startsWith("random:"))!;
        assert.equal((secret.inputs as { length: number }).length, 96, "the program asks for the new length");
        assert.deepEqual(secret.ignoreChanges, ["length"]);
    });

    it("instance class down: the instance and the role limits update in place", async () => {
        const { changes } = compare(prod, await variant(db({ instanceClass: "db.t4g.small", poolSize: 5 })));
        assert.deepEqual(destructive(changes), []);
        assert.equal(find(changes, "aws:rds/instance:Instance")[0].action, "update");
    });

    it("instance class change with manageRoles false: the bootstrap secret is kept and the new limits come as SQL", async () => {
        const unmanaged = await variant(db({ manageRoles: false }));
        const scaled = await variant(db({ manageRoles: false, instanceClass: "db.m7g.large" }));
        const { changes } = compare(unmanaged, scaled);
        assert.deepEqual(destructive(changes), []);
        const bootstrap = /postgres-roles-bootstrap/;
        // The script's text does change (it carries the limits), and the provider would replace the version for it...
        assert.notEqual(plainSecret(unmanaged, "aws:secretsmanager/secretVersion:SecretVersion", bootstrap, "secretString"), plainSecret(scaled, "aws:secretsmanager/secretVersion:SecretVersion", bootstrap, "secretString"));
        // ...so the version ignores it, and the change report (which honours ignoreChanges) shows no change to it.
        assert.deepEqual(find(changes, "aws:secretsmanager/secretVersion:SecretVersion", bootstrap), []);
        const sql = (c: StackCheck) => (c.run.stackOutputs.postgresConnectionLimitsSql as string) ?? "";
        assert.match(sql(unmanaged), /ALTER ROLE "acme_chat_app" CONNECTION LIMIT \d+;/);
        assert.notEqual(sql(unmanaged), sql(scaled));
        assert.doesNotMatch(sql(scaled), /PASSWORD/);
    });

    it("major engine upgrade 16 to 17: a parameter group per major, the instance upgraded in place with the opt-in", async () => {
        const v16 = await variant(db({ engineVersion: "16" }));
        const upgraded = await variant(db({ engineVersion: "17", allowMajorVersionUpgrade: true }));
        const { changes, violations } = compare(v16, upgraded);
        assert.deepEqual(destructive(changes), []);
        assert.deepEqual(violations, []);
        assert.deepEqual(
            find(changes, "aws:rds/parameterGroup:ParameterGroup").map((c) => `${c.action} ${c.name} ${c.retained}`).sort(),
            ["create acme-chat-prod-postgres-params17 false", "delete acme-chat-prod-postgres-params16 true"],
            "the old group is dropped last, kept in AWS (retainOnDelete), and is no finding: a group holds no data",
        );
        const instance = find(changes, "aws:rds/instance:Instance")[0];
        assert.equal(instance.action, "update");
        assert.ok(instance.inputs.includes("engineVersion") && instance.inputs.includes("parameterGroupName"));
    });

    it("the same upgrade without the opt-in, or a downgrade, is refused with the way to do it", () => {
        // prod (17) against a baseline of the same stack on 16 (or on 18): the opt-in is off by default.
        const withVersion = (version: string) =>
            parseBaseline(
                JSON.parse(JSON.stringify({ ...prod.report, resources: prod.report.resources.map((r) => (r.type === "aws:rds/instance:Instance" ? { ...r, inputs: { ...(r.inputs as object), engineVersion: version } } : r)) })),
                `v${version}.json`,
            );
        const v16Doc = withVersion("16");
        const up = changesFor(prod.report, prod.run, v16Doc, baselineFor(v16Doc, "prod", prod.report.project), true);
        const refusal = up.violations.find((v) => v.policy === REFUSED_RULE)!;
        assert.equal(refusal.enforcementLevel, "mandatory");
        assert.match(refusal.message, /engineVersion goes up from 16 to 17 without allowMajorVersionUpgrade: .*set service:database\.allowMajorVersionUpgrade: true/);
        const v18Doc = withVersion("18");
        const down = changesFor(prod.report, prod.run, v18Doc, baselineFor(v18Doc, "prod", prod.report.project), true);
        assert.match(down.violations.find((v) => v.policy === REFUSED_RULE)!.message, /RDS cannot downgrade a major version/);
    });

    it("switching reachability is refused: the database cannot leave its subnets in place, Redis moves to another service", async () => {
        const moved = await variant({
            "service:reachability": "private",
            "service:vercel": { teamId: "team_acme", domain: "chat.acme.example", plan: "enterprise", secureComputeNetworkId: "net_acme" },
        });
        const { changes, violations } = compare(prod, moved);
        const subnets = find(changes, "aws:rds/subnetGroup:SubnetGroup")[0];
        assert.match(subnets.refused ?? "", /RDS refuses to remove a subnet in use; moving the database to other subnets is a new instance and a restore/);
        assert.ok(violations.some((v) => v.policy === REFUSED_RULE && v.resourceType === "aws:rds/subnetGroup:SubnetGroup"));
        assert.ok(violations.some((v) => v.resourceType === "upstash:index/redisDatabase:RedisDatabase" && v.enforcementLevel === "mandatory"));
    });

    it("a new region is refused: every AWS resource would be created anew there", async () => {
        const moved = await variant({ "service:aws": { region: "eu-west-1", accountId: "210987654321" } });
        const { changes, violations } = compare(prod, moved);
        const instance = find(changes, "aws:rds/instance:Instance")[0];
        assert.equal(instance.action, "replace");
        assert.match(instance.reason, /its provider aws is replaced \(region changes from "us-east-1" to "eu-west-1": every AWS resource it manages is created anew in the new region/);
        assert.ok(violations.some((v) => v.resourceType === "aws:s3/bucket:Bucket" && v.enforcementLevel === "mandatory"));
        // What does not live in AWS stays: the Vercel project and the Upstash database.
        assert.deepEqual(find(changes, "vercel:index/project:Project").filter((c) => c.action === "replace"), []);
    });
});
