/** The change report's comparison and baseline reading, on small hand-made resource lists (no program run). */
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UsageError } from "../readiness/engine/stackFiles";
import { baselineFor, engineUrns, parseBaseline } from "../readiness/changes/baseline";
import { CurrentResource, diffResources } from "../readiness/changes/diff";
import { STATEFUL_TYPES } from "../readiness/changes/replacement";
import type { BaselineResource } from "../readiness/changes/baseline";

const urn = (type: string, name: string) => `urn:pulumi:prod::service-template::${type}::${name}`;

function cur(type: string, name: string, inputs: Record<string, unknown>, more: Partial<CurrentResource> = {}): CurrentResource {
    return { urn: urn(type, name), engineUrn: urn(type, name), type, name, custom: true, inputs, dependencies: {}, replaceOnChanges: [], aliases: [], ...more };
}
function base(type: string, name: string, inputs: Record<string, unknown>, more: Partial<BaselineResource> = {}): BaselineResource {
    return { urn: urn(type, name), type, custom: true, inputs, protect: false, retainOnDelete: false, ...more };
}

const RDS = "aws:rds/instance:Instance";
const PG = "aws:rds/parameterGroup:ParameterGroup";
const UPSTASH = "upstash:index/redisDatabase:RedisDatabase";

describe("change report: comparing resources", () => {
    it("a force-new input replaces a stateful resource and cites the provider source; an ordinary input updates it", () => {
        const changes = diffResources({
            current: [cur(RDS, "db", { identifier: "b-prod-postgres", instanceClass: "db.t4g.large" })],
            baseline: [base(RDS, "db", { identifier: "a-prod-postgres", instanceClass: "db.t4g.large" })],
            baselineKind: "report",
        });
        assert.equal(changes.length, 1);
        assert.equal(changes[0].action, "replace");
        assert.equal(changes[0].stateful, true);
        assert.match(changes[0].reason, /identifier changes from "a-prod-postgres" to "b-prod-postgres", which forces a replacement \(hashicorp\/terraform-provider-aws internal\/service\/rds\/instance\.go@/);

        const scaled = diffResources({
            current: [cur(RDS, "db", { identifier: "a", instanceClass: "db.m7g.large" })],
            baseline: [base(RDS, "db", { identifier: "a", instanceClass: "db.t4g.large" })],
            baselineKind: "report",
        });
        assert.deepEqual(scaled.map((c) => [c.action, c.inputs]), [["update", ["instanceClass"]]]);
    });

    it("an unchanged program shows no change at all", () => {
        const inputs = { identifier: "a", tags: { service: "x" }, enabledCloudwatchLogsExports: ["postgresql"] };
        assert.deepEqual(diffResources({ current: [cur(RDS, "db", inputs)], baseline: [base(RDS, "db", structuredClone(inputs))], baselineKind: "report" }), []);
    });

    it("a value secret on both sides is opaque: listed as unseen, never guessed as a change; secret against plain is a change", () => {
        const SV = "aws:secretsmanager/secretVersion:SecretVersion";
        assert.deepEqual(diffResources({ current: [cur(SV, "v", { secretId: "s", secretString: "[secret]" })], baseline: [base(SV, "v", { secretId: "s", secretString: "[secret]" })], baselineKind: "report" }), []);
        const withOther = diffResources({
            current: [cur(SV, "v", { secretId: "t", secretString: "[secret]" })],
            baseline: [base(SV, "v", { secretId: "s", secretString: "[secret]" })],
            baselineKind: "report",
        });
        assert.deepEqual(withOther[0].unseen, ["secretString"]);
        assert.match(withOther[0].reason, /secret on both sides, so not compared: secretString/);
        const exposed = diffResources({ current: [cur(SV, "v", { secretId: "s", secretString: "[secret]" })], baseline: [base(SV, "v", { secretId: "s", secretString: "plain" })], baselineKind: "report" });
        assert.equal(exposed[0].action, "replace");
        assert.doesNotMatch(exposed[0].reason, /plain/, "a value on one side only is not printed next to a secret");
    });

    it("a renamed resource is a delete and a create, unless an alias names the old URN", () => {
        const renamed = diffResources({ current: [cur(RDS, "new-db", { identifier: "a" })], baseline: [base(RDS, "old-db", { identifier: "a" }, { protect: true })], baselineKind: "report" });
        assert.deepEqual(renamed.map((c) => [c.action, c.name, c.protected]).sort(), [["create", "new-db", false], ["delete", "old-db", true]]);
        const aliased = diffResources({
            current: [cur(RDS, "new-db", { identifier: "a" }, { aliases: [urn(RDS, "old-db")] })],
            baseline: [base(RDS, "old-db", { identifier: "a" })],
            baselineKind: "report",
        });
        assert.deepEqual(aliased, []);
    });

    it("a replacement propagates to a force-new input that carries the replaced resource's output", () => {
        const changes = diffResources({
            current: [
                cur(PG, "params", { name: "svc17", family: "postgres17" }),
                cur(RDS, "db", { identifier: "a", kmsKeyId: "arn:key/1" }, { dependencies: { kmsKeyId: [urn("aws:kms/key:Key", "key")] } }),
                cur("aws:kms/key:Key", "key", { customerMasterKeySpec: "RSA_2048" }),
            ],
            baseline: [
                base(PG, "params", { name: "svc17", family: "postgres17" }),
                base(RDS, "db", { identifier: "a", kmsKeyId: "arn:key/1" }),
                base("aws:kms/key:Key", "key", { customerMasterKeySpec: "SYMMETRIC_DEFAULT" }),
            ],
            baselineKind: "report",
        });
        const db = changes.find((c) => c.name === "db")!;
        assert.equal(db.action, "replace");
        assert.match(db.reason, /kmsKeyId comes from key, which is replaced/);
        assert.equal(changes.find((c) => c.name === "params"), undefined);
    });

    it("against a stack export, computed inputs compare through their dependencies and provider defaults are ignored", () => {
        const sg = urn("aws:ec2/securityGroup:SecurityGroup", "sg");
        const db = (deps: Record<string, string[]>) => cur(RDS, "db", { identifier: "a", vpcSecurityGroupIds: ["sg-mock"] }, { dependencies: deps });
        const stateDb = base(RDS, "db", { identifier: "a", vpcSecurityGroupIds: ["sg-0real"], __defaults: ["port"], port: 5432 });
        const stateSg = base("aws:ec2/securityGroup:SecurityGroup", "sg", { name: "sg" });
        assert.deepEqual(
            diffResources({ current: [db({ vpcSecurityGroupIds: [sg] }), cur("aws:ec2/securityGroup:SecurityGroup", "sg", { name: "sg" })], baseline: [stateDb, stateSg], baselineKind: "stack-export" }),
            [],
        );
        // The same comparison against a report would see the stand-in differ.
        assert.equal(diffResources({ current: [db({})], baseline: [stateDb], baselineKind: "report" })[0]?.action, "update");
        // A dependency created anew changes the input (an update here: the ids are not force-new on an instance).
        const moved = diffResources({
            current: [db({ vpcSecurityGroupIds: [urn("aws:ec2/securityGroup:SecurityGroup", "sg2")] }), cur("aws:ec2/securityGroup:SecurityGroup", "sg2", { name: "sg2" })],
            baseline: [stateDb, stateSg],
            baselineKind: "stack-export",
        });
        assert.deepEqual(moved.find((c) => c.name === "db")?.inputs, ["vpcSecurityGroupIds"]);
    });

    it("a conditional replacement fires only in the direction the provider says (Upstash tls on to off)", () => {
        const run = (before: boolean, after: boolean) =>
            diffResources({ current: [cur(UPSTASH, "r", { databaseName: "x", tls: after })], baseline: [base(UPSTASH, "r", { databaseName: "x", tls: before })], baselineKind: "report" })[0]?.action;
        assert.equal(run(true, false), "replace");
        assert.equal(run(false, true), "update");
    });

    it("a replaced provider replaces what it manages; replaceOnChanges forces a replacement on any type", () => {
        const P = "pulumi:providers:aws";
        const providerUrn = urn(P, "aws");
        const changes = diffResources({
            current: [cur(P, "aws", { region: "eu-west-1" }, { replaceOnChanges: ["region"] }), cur(PG, "params", { name: "p" }, { provider: `${providerUrn}::id1` })],
            baseline: [base(P, "aws", { region: "us-east-1" }), base(PG, "params", { name: "p" })],
            baselineKind: "report",
        });
        assert.equal(changes.find((c) => c.name === "aws")?.action, "replace");
        const params = changes.find((c) => c.name === "params")!;
        assert.equal(params.action, "replace");
        assert.match(params.reason, /its provider aws is replaced/);
    });

    it("a subnet group that keeps none of its subnets is refused; one that keeps some is an update", () => {
        const SG = "aws:rds/subnetGroup:SubnetGroup";
        const run = (after: string[]) => diffResources({ current: [cur(SG, "g", { name: "g", subnetIds: after })], baseline: [base(SG, "g", { name: "g", subnetIds: ["subnet-a", "subnet-b"] })], baselineKind: "report" })[0];
        assert.match(run(["subnet-c", "subnet-d"]).refused ?? "", /RDS refuses to remove a subnet in use/);
        const kept = run(["subnet-a", "subnet-c"]);
        assert.equal(kept.action, "update");
        assert.equal(kept.refused, undefined);
    });

    it("every stateful type cites a repository, a path and a version", () => {
        for (const t of STATEFUL_TYPES) {
            // A type whose force-new inputs were not read claims none, and cites nothing.
            assert.equal(t.citation === undefined, t.forceNew === undefined, t.type);
            if (!t.citation) continue;
            assert.match(t.citation.repository, /^[\w-]+\/terraform-provider-[\w-]+$/, t.type);
            assert.match(t.citation.path, /\.go$/, t.type);
            assert.ok(t.citation.version.length >= 6, t.type);
        }
        for (const t of STATEFUL_TYPES) assert.ok(t.holds.length > 10, t.type);
    });
});

describe("change report: reading baselines", () => {
    const report = (stack: string) => ({
        stack,
        project: "service-template",
        resources: [
            { urn: `urn:pulumi:${stack}::service-template::pulumi:pulumi:Stack::service-template-${stack}`, type: "pulumi:pulumi:Stack", name: `service-template-${stack}`, parent: null, custom: false, inputs: {} },
            { urn: `urn:pulumi:${stack}::service-template::pulumi:pulumi:Stack$service:data:Postgres::pg`, type: "service:data:Postgres", name: "pg", parent: `urn:pulumi:${stack}::service-template::pulumi:pulumi:Stack::service-template-${stack}`, custom: false, inputs: {} },
            { urn: `urn:pulumi:${stack}::service-template::service:data:Postgres$service:data:PostgresRoles::pg-roles`, type: "service:data:PostgresRoles", name: "pg-roles", parent: `urn:pulumi:${stack}::service-template::pulumi:pulumi:Stack$service:data:Postgres::pg`, custom: false, inputs: {} },
            { urn: `urn:pulumi:${stack}::service-template::service:data:PostgresRoles$postgresql:index/role:Role::pg-roles-app`, type: "postgresql:index/role:Role", name: "pg-roles-app", parent: `urn:pulumi:${stack}::service-template::service:data:Postgres$service:data:PostgresRoles::pg-roles`, custom: true, inputs: { name: "svc_app", password: "[secret]" } },
        ],
    });

    it("turns the mock monitor's URNs into the engine's (whole parent chain, root stack left out)", () => {
        const urns = engineUrns(report("prod").resources);
        assert.equal(urns.get("urn:pulumi:prod::service-template::pulumi:pulumi:Stack$service:data:Postgres::pg"), "urn:pulumi:prod::service-template::service:data:Postgres::pg");
        assert.equal(
            urns.get("urn:pulumi:prod::service-template::service:data:PostgresRoles$postgresql:index/role:Role::pg-roles-app"),
            "urn:pulumi:prod::service-template::service:data:Postgres$service:data:PostgresRoles$postgresql:index/role:Role::pg-roles-app",
        );
    });

    it("reads a one-stack report, a multi-stack document and a version 3 stack export", () => {
        assert.equal(parseBaseline(report("prod"), "r.json").stacks[0].stack, "prod");
        const multi = parseBaseline({ stacks: [report("dev"), report("prod")], summary: {} }, "m.json");
        assert.equal(baselineFor(multi, "prod", "service-template")?.stack, "prod");
        assert.equal(baselineFor(multi, "staging", "service-template"), undefined, "a stack the document lacks: everything is new");
        assert.equal(baselineFor(parseBaseline({ stacks: [] }, "none.json"), "prod", "service-template"), undefined, "the pull-request workflow's fallback when the base branch cannot be checked");
        const exported = parseBaseline(
            {
                version: 3,
                deployment: {
                    manifest: { time: "2026-11-30T10:00:00Z", magic: "x", version: "v3.270.0" },
                    resources: [
                        { urn: "urn:pulumi:prod::service-template::pulumi:pulumi:Stack::service-template-prod", custom: false, type: "pulumi:pulumi:Stack" },
                        {
                            urn: "urn:pulumi:prod::service-template::aws:secretsmanager/secretVersion:SecretVersion::v",
                            custom: true,
                            type: "aws:secretsmanager/secretVersion:SecretVersion",
                            inputs: { secretId: "arn", secretString: { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, ciphertext: "AAAB" } },
                            protect: true,
                        },
                        { urn: "urn:pulumi:prod::service-template::aws:s3/bucket:Bucket::old", custom: true, type: "aws:s3/bucket:Bucket", delete: true, inputs: {} },
                    ],
                },
            },
            "e.json",
        );
        assert.equal(exported.kind, "stack-export");
        const s = baselineFor(exported, "prod", "service-template")!;
        assert.deepEqual(s.resources.map((r) => r.urn.split("::").pop()), ["service-template-prod", "v"], "a resource pending deletion is not part of the stack");
        assert.equal(s.resources[1].inputs.secretString, "[secret]");
        assert.doesNotMatch(JSON.stringify(s), /AAAB/);
    });

    it("refuses what it cannot compare, naming the file and what it expected", () => {
        assert.throws(() => parseBaseline({ version: 2, deployment: {} }, "old.json"), (e: Error) => e instanceof UsageError && /deployment version 2; expected version 3/.test(e.message));
        assert.throws(() => parseBaseline({ hello: 1 }, "x.json"), /neither a JSON report of this check/);
        assert.throws(() => baselineFor(parseBaseline(report("prod"), "p.json"), "dev", "service-template"), /holds stack prod, not dev/);
        assert.throws(() => baselineFor(parseBaseline(report("prod"), "p.json"), "prod", "renamed"), /project service-template, but this program's project is renamed/);
    });
});

describe("change report: the documented table", () => {
    it("docs/runbooks/changes.md lists every stateful type with its force-new inputs and citation", async () => {
        const fs = await import("node:fs");
        const path = await import("node:path");
        const { defaultLayout } = await import("../readiness/layout");
        const { cite } = await import("../readiness/changes/replacement");
        const doc = fs.readFileSync(path.join(defaultLayout().root, "docs", "runbooks", "changes.md"), "utf8");
        for (const t of STATEFUL_TYPES) {
            const row = doc.split("\n").find((l) => l.startsWith(`| \`${t.type}\` |`));
            assert.ok(row, `${t.type} has a row`);
            const cited = t.citation ? cite(t.citation) : "not read";
            assert.ok(row.endsWith(`| ${cited} |`), `${t.type} cites ${cited}`);
            for (const input of t.forceNew ?? []) assert.ok(row.includes(`\`${input}\``), `${t.type} lists ${input}`);
        }
    });
});
