/**
 * What the real providers would refuse in a first `pulumi up` of the example stacks, checked on the inputs
 * the offline run records (each case named after the provider validator it mirrors).
 */
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError, parseServiceConfig } from "../config";
import { derivedNames, namingProblems, physicalNames } from "../config/names";
import type { ReportResource, StackReport } from "../readiness/report";
import { runCheck } from "../readiness/check";
import { UsageError } from "../readiness/engine/stackFiles";
import { assertFires, checkVariant, evaluate, EXAMPLE, exampleStack } from "./support";

const VERCEL_PROJECT = "vercel:index/project:Project";
const FIREWALL = "vercel:index/firewallConfig:FirewallConfig";
const HEALTH_CHECK = "aws:route53/healthCheck:HealthCheck";
const LOG_DRAIN = "vercel:index/logDrain:LogDrain";
const ofType = (report: StackReport, type: string): ReportResource[] => report.resources.filter((r) => r.type === type);
const inputs = (r: ReportResource) => r.inputs as Record<string, any>;

const withSecrets = (stack: string, extra: Record<string, string> = {}): Record<string, string> => ({
    ...exampleStack(stack).config,
    "service:apiKeys": "{}",
    ...extra,
});

function problemsOf(raw: Record<string, string>): ConfigError["problems"] {
    try {
        parseServiceConfig(raw, new Set(["service:apiKeys"]));
    } catch (e) {
        assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${e}`);
        return e.problems;
    }
    assert.fail("expected the config to be refused");
}

/** 28 characters: the longest name the schema accepted before derived names were checked. */
const LONG_NAME = "orbit-notes-analytics-worker";

describe("first deploy: inputs the Vercel provider validates", () => {
    it("gives the project a deploymentType from the provider's snake_case OneOf", async () => {
        // terraform-provider-vercel v5.4.1, vercel/resource_project.go, vercel_authentication.deployment_type.
        const allowed = ["standard_protection_new", "standard_protection", "all_deployments", "only_preview_deployments", "none"];
        const [project] = ofType(await checkVariant("shared"), VERCEL_PROJECT);
        assert.equal(inputs(project).vercelAuthentication.deploymentType, "standard_protection_new");
        assert.ok(allowed.includes(inputs(project).vercelAuthentication.deploymentType));
    });

    it("counts only the provider's spelling as preview protection: the SDK doc comment's camelCase protects nothing", async () => {
        const project = (auth: unknown) => ({ type: VERCEL_PROJECT, name: "proj", inputs: { name: "p", teamId: "team_acme", vercelAuthentication: auth } });
        assertFires(await evaluate([project({ deploymentType: "standardProtectionNew" })]), "vercel-preview-protection", "proj", "mandatory");
    });

    it("names every prod firewall rule with 4-160 characters", async () => {
        // terraform-provider-vercel v5.4.1, vercel/resource_firewall_config.go, rule name LengthBetween(4, 160).
        const [firewall] = ofType(await checkVariant("prod"), FIREWALL);
        const names = (inputs(firewall).rules.rules as Array<{ name: string; description: string }>).map((r) => r.name);
        assert.ok(names.length >= 4);
        for (const n of names) assert.ok(n.length >= 4 && n.length <= 160, `rule name ${JSON.stringify(n)}`);
    });

    it("refuses a rate-limit rule name Vercel's firewall would refuse", () => {
        const raw = withSecrets("prod", { "service:rateLimits": JSON.stringify([{ name: "api", pathPrefix: "/api", limit: 1, windowSeconds: 60, key: "ip", action: "deny" }]) });
        const problems = problemsOf(raw);
        assert.ok(problems.some((p) => p.key === "service:rateLimits.0.name" && /4-160/.test(p.expected)), JSON.stringify(problems));
    });

    it("drains only production and preview logs, the environments a log drain accepts", async () => {
        // terraform-provider-vercel v5.4.1, vercel/resource_log_drain.go, environments OneOf("production", "preview").
        const logDrain = { endpoint: "https://logs.acme.example/vercel", deliveryFormat: "ndjson" };
        const dev = ofType(await checkVariant("dev", { "service:logDrain": logDrain }), LOG_DRAIN);
        assert.equal(dev.length, 1);
        assert.deepEqual(inputs(dev[0]).environments, ["preview"]);
        const prod = ofType(await checkVariant("prod", { "service:logDrain": logDrain }), LOG_DRAIN);
        assert.deepEqual(inputs(prod[0]).environments, ["production"]);
    });
});

describe("first deploy: names the AWS provider validates", () => {
    it("keeps the Route 53 health check's referenceName within 27 characters for a long service name", async () => {
        // terraform-provider-aws v6, internal/service/route53/health_check.go: reference_name StringLenBetween(0, 64 - 37).
        const report = await checkVariant("prod", { "service:name": LONG_NAME });
        const [check] = ofType(report, HEALTH_CHECK);
        const ref = String(inputs(check).referenceName);
        assert.ok(ref.length > 0 && ref.length <= 27, `referenceName ${JSON.stringify(ref)} has ${ref.length} characters`);
        assert.ok(`${LONG_NAME}-prod-uptime`.startsWith(ref), "a readable prefix of the full name");
    });

    it("refuses a service name with `--`, naming the key and the value", () => {
        const problems = problemsOf(withSecrets("dev", { "service:name": "acme--chat" }));
        const p = problems.find((x) => x.key === "service:name");
        assert.ok(p, JSON.stringify(problems));
        assert.equal(p.given, '"acme--chat"');
        assert.match(p.expected, /--/);
    });

    it("refuses a name whose longest derived name breaks a provider limit, naming the derived resource and the limit", () => {
        // 33 characters: `<name>-staging` is 41, one over ElastiCache's 40, although dev's own names would fit.
        const name = "orbit-notes-analytics-worker-eu-1";
        assert.equal(namingProblems(name, "dev").length, 0, "every dev name fits");
        const p = problemsOf(withSecrets("dev", { "service:name": name })).find((x) => x.key === "service:name");
        assert.ok(p, "refused");
        assert.match(p.expected, /staging environment/);
        assert.match(p.expected, /ElastiCache replication group id "orbit-notes-analytics-worker-eu-1-staging" must be 1-40 characters long/);
        // The provider refuses it in the preview (validateReplicationGroupID), and config cites that validator.
        assert.match(p.expected, /terraform-provider-aws internal\/service\/elasticache\/replication_group.go/);
    });

    it("refuses a name whose derived security group name AWS reserves", () => {
        const p = problemsOf(withSecrets("dev", { "service:name": "sg-chat" })).find((x) => x.key === "service:name");
        assert.ok(p);
        assert.match(p.expected, /security group name \(Postgres\) "sg-chat-dev-postgres" must be free of the prefix sg-/);
    });

    it("accepts the longest name that fits every environment, and every derived name of it passes its rules", () => {
        const name = "orbit-notes-analytics-worker-eu1"; // 32 characters
        const config = parseServiceConfig(withSecrets("prod", { "service:name": name }), new Set(["service:apiKeys"]));
        assert.equal(config.name, name);
        for (const env of ["dev", "staging", "prod"]) assert.deepEqual(namingProblems(name, env, { accountId: "210987654321" }), [], env);
        assert.ok(derivedNames(name, "staging").length >= 20, "the list covers the program's physical names");
    });

    it("registers exactly the names config validation checked", async () => {
        const report = await checkVariant("prod", { "service:name": LONG_NAME });
        const n = physicalNames(LONG_NAME, "prod", "17");
        const one = (type: string) => {
            const found = report.resources.filter((r) => r.type === type);
            assert.equal(found.length, 1, type);
            return inputs(found[0]);
        };
        assert.equal(one("aws:rds/instance:Instance").identifier, n.postgres.identifier);
        assert.equal(one("aws:rds/instance:Instance").finalSnapshotIdentifier, n.postgres.finalSnapshot);
        assert.equal(one("aws:rds/parameterGroup:ParameterGroup").name, n.postgres.parameterGroup);
        assert.equal(one("aws:rds/subnetGroup:SubnetGroup").name, n.postgres.subnetGroup);
        assert.equal(one("aws:s3/bucket:Bucket").bucket, n.storage.bucket("210987654321"));
        assert.equal(one("aws:budgets/budget:Budget").name, n.budget);
        const roles = report.resources.filter((r) => r.type === "aws:iam/role:Role").map((r) => inputs(r).name).sort();
        assert.deepEqual(roles, [n.postgres.monitoringRole, n.storage.role].sort());
        for (const role of roles) assert.ok(role.length <= 64, role);
        const rds = one("aws:rds/instance:Instance").identifier as string;
        assert.ok(rds.length <= 63 && /^[a-z][a-z0-9-]*[^-]$/.test(rds) && !rds.includes("--"));
    });
});

const INSTANCE = "aws:rds/instance:Instance";
const urnsOf = (report: StackReport, type: string) => ofType(report, type).map((r) => r.urn);
const privateVercel = { teamId: "team_acme", secureComputeNetworkId: "net_1", peeringConnectionId: "pcx-0123456789abcdef0" };

describe("first deploy: the order AWS needs", () => {
    for (const stack of ["dev", "prod"]) {
        it(`${stack}: the public instance waits for the internet gateway, the public route table and its associations`, async () => {
            const report = await checkVariant(stack);
            const [instance] = ofType(report, INSTANCE);
            assert.equal(inputs(instance).publiclyAccessible, true);
            const gateway = urnsOf(report, "aws:ec2/internetGateway:InternetGateway");
            const publicTable = ofType(report, "aws:ec2/routeTable:RouteTable").filter((r) => r.name.endsWith("-public-rt")).map((r) => r.urn);
            const publicAssociations = ofType(report, "aws:ec2/routeTableAssociation:RouteTableAssociation").filter((r) => /-public-\d+$/.test(r.name)).map((r) => r.urn);
            assert.equal(gateway.length, 1);
            assert.equal(publicAssociations.length, stack === "prod" ? 3 : 2);
            for (const urn of [...gateway, ...publicTable, ...publicAssociations]) assert.ok(instance.dependsOn.includes(urn), `${instance.name} depends on ${urn}`);
        });
    }

    it("exports Postgres logs only into log groups it created first, with the preset's retention", async () => {
        for (const [stack, days] of [["dev", 7], ["prod", 30]] as const) {
            const report = await checkVariant(stack);
            const [instance] = ofType(report, INSTANCE);
            const identifier = inputs(instance).identifier as string;
            const groups = ofType(report, "aws:cloudwatch/logGroup:LogGroup").filter((g) => String(inputs(g).name).startsWith("/aws/rds/instance/"));
            const exported = inputs(instance).enabledCloudwatchLogsExports as string[];
            assert.deepEqual(groups.map((g) => inputs(g).name).sort(), exported.map((log) => `/aws/rds/instance/${identifier}/${log}`).sort());
            for (const g of groups) {
                assert.equal(inputs(g).retentionInDays, days, `${stack} ${g.name}`);
                assert.ok(instance.dependsOn.includes(g.urn), `the instance waits for ${g.name}`);
            }
            assert.equal(groups.every((g) => g.protect), stack === "prod", "protected like the data it describes");
        }
    });

    it("refuses a log retention CloudWatch Logs does not accept", () => {
        const problems = problemsOf(withSecrets("prod", { "service:database": JSON.stringify({ logRetentionDays: 45 }) }));
        assert.ok(problems.some((p) => p.key === "service:database.logRetentionDays" && /30/.test(p.expected) && /60/.test(p.expected)), JSON.stringify(problems));
    });
});

describe("first deploy: private reachability and Postgres roles", () => {
    it("refuses managing roles from a deployer that cannot reach a VPC-only database, naming both ways out", () => {
        const raw = withSecrets("prod", {
            "service:reachability": "private",
            "service:vercel": JSON.stringify(privateVercel),
            "service:database": JSON.stringify({ manageRoles: true }),
        });
        const p = problemsOf(raw).find((x) => x.key === "service:database.manageRoles");
        assert.ok(p);
        assert.equal(p.given, "true");
        assert.match(p.expected, /GitHub-hosted runner/);
        assert.match(p.expected, /bootstrap SQL/);
        assert.match(p.expected, /service:database\.deployerInsideVpc/);
    });

    it("private mode defaults to the bootstrap script, ElastiCache and an Enterprise plan", async () => {
        const report = await checkVariant("prod", { "service:reachability": "private", "service:vercel": privateVercel });
        assert.equal(report.resources.filter((r) => r.type.startsWith("postgresql:")).length, 0, "no role is managed from the deployer");
        assert.ok(report.resources.some((r) => r.type === "aws:secretsmanager/secret:Secret" && inputs(r).name === "acme-chat-prod/postgres-bootstrap"));
        assert.equal(ofType(report, "aws:elasticache/replicationGroup:ReplicationGroup").length, 1);
        assert.equal(ofType(report, "upstash:index/redisDatabase:RedisDatabase").length, 0);
        const [instance] = ofType(report, INSTANCE);
        assert.equal(inputs(instance).publiclyAccessible, false);
        assert.equal(urnsOf(report, "aws:ec2/internetGateway:InternetGateway").length, 0);
    });

    it("manages roles in private mode when the deployer runs inside the VPC by explicit opt-in", async () => {
        const report = await checkVariant("prod", {
            "service:reachability": "private",
            "service:vercel": privateVercel,
            "service:database": { manageRoles: true, deployerInsideVpc: true },
        });
        assert.equal(report.resources.filter((r) => r.type === "postgresql:index/role:Role").length, 6);
    });
});

describe("first deploy: what the team's Vercel plan allows", () => {
    const hourly = [{ name: "api-upload", pathPrefix: "/api/upload", limit: 5, windowSeconds: 3600, key: "ip", action: "rate_limit" }];

    it("refuses a rate-limit window longer than the plan's 10 minutes, naming the rule", () => {
        const problems = problemsOf(withSecrets("prod", { "service:rateLimits": JSON.stringify(hourly) }));
        const p = problems.find((x) => x.key === "service:rateLimits.0.windowSeconds");
        assert.ok(p, JSON.stringify(problems));
        assert.equal(p.given, "3600");
        assert.match(p.expected, /at most 600 .*pro plan \(service:vercel\.plan\)/);
    });

    it("lets an Enterprise team have the hour-long window", () => {
        const raw = withSecrets("prod", { "service:rateLimits": JSON.stringify(hourly), "service:vercel": JSON.stringify({ teamId: "team_acme", plan: "enterprise" }) });
        assert.equal(parseServiceConfig(raw, new Set(["service:apiKeys"])).rateLimits[0].windowSeconds, 3600);
    });

    it("refuses on Hobby more than one rule and a log drain, and on Pro private reachability", () => {
        const hobby = problemsOf(withSecrets("dev", { "service:vercel": JSON.stringify({ teamId: "team_acme", plan: "hobby" }), "service:logDrain": JSON.stringify({ endpoint: "https://logs.acme.example", deliveryFormat: "json" }) }));
        assert.ok(hobby.some((p) => p.key === "service:rateLimits" && p.given === "4 rules" && /at most 1 rule /.test(p.expected)), JSON.stringify(hobby));
        assert.ok(hobby.some((p) => p.key === "service:logDrain" && /Pro or Enterprise/.test(p.expected)));
        const pro = problemsOf(withSecrets("prod", { "service:reachability": "private", "service:vercel": JSON.stringify({ ...privateVercel, plan: "pro" }) }));
        assert.ok(pro.some((p) => p.key === "service:reachability" && /Enterprise/.test(p.expected)), JSON.stringify(pro));
    });

    it("keeps the presets' own rules within the default Pro plan", () => {
        for (const stack of ["dev", "prod"]) {
            const c = parseServiceConfig(withSecrets(stack), new Set(["service:apiKeys"]));
            assert.equal(c.vercel.plan, "pro");
            assert.ok(c.rateLimits.every((r) => r.windowSeconds <= 600));
        }
    });
});

describe("first deploy: the Upstash provider's credentials", () => {
    const upstashProvider = (run: { resources: Array<{ type: string; inputs: Record<string, unknown> }> }) => run.resources.find((r) => r.type === "pulumi:providers:upstash");

    it("notes a missing upstash:email and upstash:apiKey and checks with placeholders, the key kept secret", async () => {
        const { report, run } = await runCheck({ stack: "dev", layout: EXAMPLE });
        for (const key of ["upstash:email", "upstash:apiKey"]) assert.ok(report.notes.some((n) => n.startsWith(`${key} is not set in Pulumi.dev.yaml; checked with a placeholder`)), key);
        const provider = upstashProvider(run);
        assert.ok(provider, "the default Upstash provider is recorded");
        assert.equal(provider.inputs.email, "offline-check@example.invalid");
        assert.equal((provider.inputs.apiKey as Record<string, unknown>)[pulumi.runtime.specialSigKey], pulumi.runtime.specialSecretSig, "the api key is a secret");
    });

    it("refuses them with --strict-secrets, like a required secret", async () => {
        await assert.rejects(runCheck({ stack: "dev", layout: EXAMPLE, strictSecrets: true }), (e: unknown) => {
            assert.ok(e instanceof UsageError);
            assert.match(e.message, /upstash:email/);
            assert.match(e.message, /upstash:apiKey .*pulumi config set --secret upstash:apiKey/);
            return true;
        });
    });

    it("stays quiet when they are set, and when the stack uses no Upstash", async () => {
        const set = await runCheck({ stack: "dev", layout: EXAMPLE, configOverrides: { "upstash:email": "ops@acme.example", "upstash:apiKey": "k-123", "sentry:token": "sntrys_k-123" }, secretOverrides: ["upstash:apiKey", "sentry:token"], strictSecrets: true });
        assert.ok(!set.report.notes.some((n) => n.includes("upstash:")));
        const elasticache = await runCheck({ stack: "prod", layout: EXAMPLE, configOverrides: { "service:reachability": "private", "service:vercel": JSON.stringify(privateVercel) } });
        assert.ok(!elasticache.report.notes.some((n) => n.includes("upstash:")));
    });

    it("refuses an Upstash API key written in plain text", () => {
        const p = problemsOf(withSecrets("dev", { "upstash:apiKey": "k-plain" })).find((x) => x.key === "upstash:apiKey");
        assert.ok(p);
        assert.ok(!JSON.stringify(p).includes("k-plain"), "the value is not echoed");
    });
});
