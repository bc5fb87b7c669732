import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Diagnostic } from "../../readiness/engine/analyzer";
import type { RecordedResource } from "../../readiness/engine/resource";
import { checkAppProgram, MISSING_SECRET_VALUE } from "../programs/app-run";
import type { StackReport } from "../../readiness/report";
import { renderJson } from "../../readiness/reports/json";
import { assertFires, checkVariant } from "../support";

const APP_RULES = [
    "vercel-env-secrets-sensitive",
    "vercel-env-targets-match-environment",
    "vercel-required-env-vars",
    "cors-origins-restricted",
    "vercel-rate-limit-configured",
    "vercel-preview-protection",
    "vercel-team-scoped",
    "private-datastore-reachable",
    "datastore-alarms",
    "alarm-actions-reach-subscriber",
    "budget-configured",
    "health-check-monitored",
];

const SECRET_SIG_KEY = pulumi.runtime.specialSigKey;
const SECRET_SIG = pulumi.runtime.specialSecretSig;

const ofType = (resources: RecordedResource[], type: string) => resources.filter((r) => r.type === type);
const ENV_VAR = "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable";
const prodVercel = { teamId: "team_acme", domain: "chat.acme.example" };

/** Mandatory findings of the app tier's rules (other areas' rules judge resources the stand-in only sketches). */
function mandatoryAppFindings(diags: Diagnostic[]): string[] {
    return diags.filter((d) => APP_RULES.includes(d.policy) && d.enforcementLevel === "mandatory").map((d) => `${d.policy}: ${d.message}`);
}

/** Paths of strings containing `marker` that are not inside a secret wrapper. */
function unmarked(value: unknown, marker: string, at = "$"): string[] {
    if (typeof value === "string") return value.includes(marker) ? [at] : [];
    if (Array.isArray(value)) return value.flatMap((v, i) => unmarked(v, marker, `${at}[${i}]`));
    if (value && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        if (obj[SECRET_SIG_KEY] === SECRET_SIG) return [];
        return Object.entries(obj).flatMap(([k, v]) => unmarked(v, marker, `${at}.${k}`));
    }
    return [];
}

describe("app tier and monitoring under mocks", () => {
    it("prod: production-only sensitive secrets, firewall, domain, alarms, uptime check and budget, no app finding", async () => {
        const { run, diagnostics } = await checkAppProgram("prod");
        const vars = ofType(run.resources, ENV_VAR);
        assert.ok(vars.length >= 14);
        for (const v of vars) {
            assert.deepEqual(v.inputs.targets, ["production"], v.name);
            assert.equal(v.deleteBeforeReplace, true, `${v.name} deletes before replacing`);
        }
        const db = vars.find((v) => v.inputs.key === "DATABASE_URL")!;
        assert.equal(db.inputs.sensitive, true);
        assert.equal((db.inputs.value as Record<string, unknown>)[SECRET_SIG_KEY], SECRET_SIG);
        // The provider marks every value secret in state; plain ones are still plain in the program.
        const valueOf = (key: string) => (vars.find((v) => v.inputs.key === key)!.inputs.value as { value: unknown }).value;
        assert.equal(valueOf("CORS_ORIGINS"), "https://chat.acme.example");
        assert.equal(valueOf("LOG_LEVEL"), "INFO");

        for (const r of run.resources.filter((x) => x.type.startsWith("vercel:index/"))) assert.equal(r.inputs.teamId, "team_acme", `${r.name} names its team`);
        const [firewall] = ofType(run.resources, "vercel:index/firewallConfig:FirewallConfig");
        assert.deepEqual(((firewall.inputs.rules as { rules: { name: string }[] }).rules).map((r) => r.name), ["api-chat", "api-upload", "api-signup", "api-default"]);
        assert.equal(ofType(run.resources, "vercel:index/projectDomain:ProjectDomain")[0].inputs.domain, "chat.acme.example");
        // The project is the shared stack's: prod writes into it and creates none.
        assert.equal(ofType(run.resources, "vercel:index/project:Project").length, 0);
        assert.ok(vars.every((v) => /^prj_[a-f0-9]{28}$/.test(String(v.inputs.projectId))), "every variable names the shared project");

        const alarms = ofType(run.resources, "aws:cloudwatch/metricAlarm:MetricAlarm").map((a) => a.inputs.metricName);
        assert.deepEqual(alarms.sort(), ["CPUUtilization", "DatabaseConnections", "FreeableMemory", "HealthCheckStatus"]);
        const check = ofType(run.resources, "aws:route53/healthCheck:HealthCheck")[0];
        assert.equal(check.inputs.type, "HTTPS");
        assert.equal(check.inputs.resourcePath, "/health");
        const [topic] = ofType(run.resources, "aws:sns/topic:Topic");
        assert.match(String(topic.inputs.kmsMasterKeyId), /^arn:aws:kms:/, "customer-managed key, so CloudWatch can publish");
        assert.equal(ofType(run.resources, "aws:sns/topicSubscription:TopicSubscription")[0].inputs.endpoint, "oncall@acme.example");
        const [budget] = ofType(run.resources, "aws:budgets/budget:Budget");
        assert.equal(budget.inputs.limitAmount, "500.00");
        assert.deepEqual((budget.inputs.notifications as { threshold: number }[]).map((n) => n.threshold), [80, 100]);

        assert.deepEqual(run.stackOutputs.envVarNames, {
            production: ["AWS_REGION", "AWS_ROLE_ARN", "CORS_ORIGINS", "DATABASE_MIGRATION_URL", "DATABASE_POOL_SIZE", "DATABASE_READONLY_URL", "DATABASE_URL", "ENVIRONMENT", "JWT_SECRET", "LOG_LEVEL", "REDIS_URL", "S3_BUCKET", "SENTRY_DSN", "SENTRY_ENVIRONMENT", "SESSION_SECRET"],
        });
        assert.deepEqual(mandatoryAppFindings(diagnostics), []);
    });

    it("dev: preview and development only, secrets split so the development copy is not sensitive, no firewall or domain", async () => {
        const { run, diagnostics } = await checkAppProgram("dev");
        const vars = ofType(run.resources, ENV_VAR);
        for (const v of vars) {
            const targets = v.inputs.targets as string[];
            assert.ok(!targets.includes("production"), v.name);
            if (v.inputs.sensitive === true) assert.deepEqual(targets, ["preview"], `${v.name}: only non-development targets are sensitive`);
        }
        const jwt = vars.filter((v) => v.inputs.key === "JWT_SECRET").map((v) => [v.inputs.targets, v.inputs.sensitive]);
        assert.deepEqual(jwt, [[["preview"], true], [["development"], false]]);
        assert.deepEqual(vars.find((v) => v.inputs.key === "LOG_LEVEL")!.inputs.targets, ["preview", "development"]);
        assert.equal(ofType(run.resources, "vercel:index/firewallConfig:FirewallConfig").length, 0);
        assert.equal(ofType(run.resources, "vercel:index/projectDomain:ProjectDomain").length, 0);
        assert.equal(ofType(run.resources, "aws:route53/healthCheck:HealthCheck").length, 0);
        assert.equal(ofType(run.resources, "vercel:index/project:Project").length, 0);
        assert.deepEqual(mandatoryAppFindings(diagnostics), []);
    });

    it("blob storage: connects the store for the stack's targets and writes no S3 settings", async () => {
        const { run, diagnostics } = await checkAppProgram("dev", { "service:storage": { backend: "blob" } });
        const [connection] = ofType(run.resources, "vercel:index/blobProjectConnection:BlobProjectConnection");
        assert.deepEqual(connection.inputs.environments, ["preview", "development"]);
        assert.equal(connection.inputs.blobStoreId, "store_standin");
        assert.ok(!ofType(run.resources, ENV_VAR).some((v) => ["S3_BUCKET", "AWS_ROLE_ARN", "BLOB_READ_WRITE_TOKEN"].includes(String(v.inputs.key))));
        assert.ok((run.stackOutputs.envVarNames as Record<string, string[]>).preview.includes("BLOB_READ_WRITE_TOKEN"));
        assert.deepEqual(mandatoryAppFindings(diagnostics), []);
    });

    it("outside us-east-1: the uptime alarm and a topic of its own live in us-east-1, where Route 53 publishes", async () => {
        const { run, diagnostics } = await checkAppProgram("prod", { "service:aws": { region: "eu-west-1", accountId: "210987654321" } });
        const uptime = ofType(run.resources, "aws:cloudwatch/metricAlarm:MetricAlarm").find((a) => a.inputs.metricName === "HealthCheckStatus")!;
        assert.equal(uptime.inputs.region, "us-east-1");
        const topics = ofType(run.resources, "aws:sns/topic:Topic").map((t) => [t.inputs.name, t.inputs.region ?? "(provider)"]);
        assert.deepEqual(topics.sort(), [["acme-chat-prod-alerts", "(provider)"], ["acme-chat-prod-alerts-us-east-1", "us-east-1"]]);
        const subscriptions = ofType(run.resources, "aws:sns/topicSubscription:TopicSubscription").map((s) => s.inputs.region ?? "(provider)");
        assert.deepEqual(subscriptions.sort(), ["(provider)", "us-east-1"]);
        const db = ofType(run.resources, "aws:cloudwatch/metricAlarm:MetricAlarm").filter((a) => a.inputs.namespace === "AWS/RDS");
        assert.ok(db.every((a) => a.inputs.region === undefined), "datastore alarms stay in the stack's region");
        // Storage: RDS's own ceiling events, routed in the stack's region to the topic in that region.
        const [rule] = ofType(run.resources, "aws:cloudwatch/eventRule:EventRule");
        assert.equal(rule.inputs.region, undefined);
        assert.deepEqual(JSON.parse(String(rule.inputs.eventPattern)), {
            source: ["aws.rds"],
            "detail-type": ["RDS DB Instance Event"],
            detail: { EventID: ["RDS-EVENT-0225", "RDS-EVENT-0007"], SourceIdentifier: ["acme-chat-prod-db"] },
        });
        const [target] = ofType(run.resources, "aws:cloudwatch/eventTarget:EventTarget");
        assert.equal(target.inputs.rule, "acme-chat-prod-storage");
        assert.match(String(target.inputs.arn), /^arn:aws:sns:eu-west-1:210987654321:acme-chat-prod-alerts$/);
        // The ids and ARN the provider gives (terraform-provider-aws internal/service/events rule.go, id.go).
        assert.equal(rule.outputs.arn, "arn:aws:events:eu-west-1:210987654321:rule/acme-chat-prod-storage");
        assert.match(String(target.outputs.targetId), /^terraform-\d{18}[0-9a-f]{8}$/);
        // EventBridge may publish to the encrypted topic of its region, only for this rule, and use that topic's key.
        const policyOf = (r: RecordedResource) => JSON.parse(String(r.inputs.policy)) as { Statement: { Sid: string; Principal: { Service?: string | string[] }; Condition?: Record<string, Record<string, unknown>> }[] };
        const [mainPolicy, eastPolicy] = ["acme-chat-prod-monitoring-alerts", "acme-chat-prod-monitoring-alerts-us-east-1"].map((n) => policyOf(ofType(run.resources, "aws:sns/topicPolicy:TopicPolicy").find((p) => p.name === n)!));
        const events = mainPolicy.Statement.find((st) => st.Sid === "EventRulesPublish")!;
        assert.deepEqual([events.Principal.Service, events.Condition], ["events.amazonaws.com", { ArnEquals: { "aws:SourceArn": [rule.outputs.arn] } }]);
        assert.ok(!JSON.stringify(mainPolicy.Statement.filter((st) => st.Sid !== "EventRulesPublish")).includes("events.amazonaws.com"), "no other statement lets EventBridge publish");
        assert.ok(!JSON.stringify(eastPolicy).includes("events.amazonaws.com"));
        const keyServices = (n: string) => policyOf(ofType(run.resources, "aws:kms/key:Key").find((k) => k.name === n)!).Statement.flatMap((st) => st.Principal.Service ?? []);
        assert.ok(keyServices("acme-chat-prod-monitoring-alerts-key").includes("events.amazonaws.com"));
        assert.ok(!keyServices("acme-chat-prod-monitoring-alerts-us-east-1-key").includes("events.amazonaws.com"));
        assert.equal(db.find((a) => a.inputs.metricName === "DatabaseConnections")!.inputs.threshold, 40);
        assert.deepEqual(mandatoryAppFindings(diagnostics), []);
    });

    it("adopts an existing project by id and creates none; drains the stack's own targets' logs", async () => {
        const { run } = await checkAppProgram("prod", {
            "service:vercel": { ...prodVercel, projectId: "prj_existing123" },
            "service:logDrain": { endpoint: "https://logs.acme.example/vercel", deliveryFormat: "ndjson" },
        });
        assert.equal(ofType(run.resources, "vercel:index/project:Project").length, 0);
        for (const v of ofType(run.resources, ENV_VAR)) assert.equal(v.inputs.projectId, "prj_existing123");
        const [drain] = ofType(run.resources, "vercel:index/logDrain:LogDrain");
        assert.deepEqual([drain.inputs.environments, drain.inputs.projectIds, drain.inputs.teamId], [["production"], ["prj_existing123"], "team_acme"]);
    });

    it("private ElastiCache: per-node alarms, and the reachability rule fires until a Secure Compute peering exists", async () => {
        const { run, diagnostics } = await checkAppProgram("prod", {
            "service:reachability": "private",
            "service:vercel": { ...prodVercel, secureComputeNetworkId: "net_123" },
            "service:cache": { backend: "elasticache" },
        });
        const cacheAlarms = ofType(run.resources, "aws:cloudwatch/metricAlarm:MetricAlarm").filter((a) => a.inputs.namespace === "AWS/ElastiCache");
        assert.equal(cacheAlarms.length, 6, "3 alarms on each of 2 nodes");
        assert.deepEqual([...new Set(cacheAlarms.map((a) => (a.inputs.dimensions as Record<string, string>).CacheClusterId))].sort(), ["acme-chat-prod-cache-001", "acme-chat-prod-cache-002"]);
        assert.ok(!diagnostics.some((d) => d.policy === "datastore-alarms"));
        assertFires(diagnostics, "private-datastore-reachable", "acme-chat-prod-app-env-database-url", "mandatory");
        assertFires(diagnostics, "private-datastore-reachable", "acme-chat-prod-app-env-redis-url", "mandatory");
    });

    it("preview: the stack rules link by dependencies and run, nothing of the app tier is left unevaluated", async () => {
        for (const stack of ["dev", "prod"]) {
            const { diagnostics } = await checkAppProgram(stack, {}, { preview: true });
            const skipped = diagnostics.filter((d) => APP_RULES.includes(d.policy) && d.message.startsWith("can't run"));
            assert.deepEqual(skipped.map((d) => d.message), []);
            assert.deepEqual(mandatoryAppFindings(diagnostics), []);
        }
        const privateRun = await checkAppProgram("prod", { "service:reachability": "private", "service:vercel": { ...prodVercel, secureComputeNetworkId: "net_123" } }, { preview: true });
        assertFires(privateRun.diagnostics, "private-datastore-reachable", "acme-chat-prod-app-env-database-url", "mandatory");
    });

    it("no secret value appears outside a secret wrapper in any recorded input or output", async () => {
        for (const [stack, overrides] of [["dev", {}], ["prod", {}], ["prod", { "service:cache": { backend: "elasticache" }, "service:reachability": "private", "service:vercel": { ...prodVercel, secureComputeNetworkId: "net_1" } }]] as const) {
            for (const preview of [false, true]) {
                const { run } = await checkAppProgram(stack, overrides, { preview });
                // The stand-in's secrets carry MOCKSECRET; a required key the stack file lacks reads as the check's placeholder.
                const leaks = ["MOCKSECRET", MISSING_SECRET_VALUE].flatMap((marker) => [
                    ...run.resources.flatMap((r) => [...unmarked(r.inputs, marker, `${r.name}.inputs`), ...unmarked(r.outputs, marker, `${r.name}.outputs`)]),
                    ...unmarked(run.stackOutputs, marker, "stack outputs"),
                ]);
                assert.deepEqual(leaks, [], `${stack}${preview ? " preview" : ""}`);
                if (!preview) {
                    // The marker does travel, wrapped: the search above could find it.
                    const wrapped = run.resources.filter((r) => JSON.stringify(r.inputs).includes("MOCKSECRET"));
                    assert.ok(wrapped.length >= 4, `${stack}: secrets reach the env vars`);
                }
            }
        }
    });
});

describe("the committed stacks (index.ts) with the real data tier", () => {
    it("the prod JSON report shows the env vars, firewall rules, alarms, budget and health check, with no app finding", async () => {
        const report = JSON.parse(renderJson([await checkVariant("prod")])) as StackReport;
        const of = (type: string) => report.resources.filter((r) => r.type === type);
        const vars = of(ENV_VAR).map((r) => r.inputs as Record<string, unknown>);
        assert.ok(vars.some((v) => v.key === "DATABASE_URL" && v.sensitive === true && v.value === "[secret]"));
        assert.ok(vars.every((v) => JSON.stringify(v.targets) === '["production"]'));
        const [firewall] = of("vercel:index/firewallConfig:FirewallConfig");
        assert.equal((firewall.inputs as { rules: { rules: unknown[] } }).rules.rules.length, 4);
        assert.equal(of("aws:cloudwatch/metricAlarm:MetricAlarm").length, 4);
        assert.equal(of("aws:cloudwatch/eventRule:EventRule").length, 1, "the storage-ceiling events of the database");
        assert.equal(of("aws:cloudwatch/eventTarget:EventTarget").length, 1);
        assert.equal(of("aws:budgets/budget:Budget").length, 1);
        assert.equal((of("aws:route53/healthCheck:HealthCheck")[0].inputs as { fqdn: string }).fqdn, "chat.acme.example");
        assert.deepEqual(report.violations.filter((v) => APP_RULES.includes(v.policy)).map((v) => `${v.policy}: ${v.message}`), []);
    });

    it("private datastores without the Secure Compute peering are refused, and accepted once it exists", async () => {
        const secureCompute = { ...prodVercel, secureComputeNetworkId: "net_1" };
        const refused = await checkVariant("prod", { "service:reachability": "private", "service:vercel": secureCompute, "service:cache": { backend: "elasticache" } });
        for (const name of ["acme-chat-prod-app-env-database-url", "acme-chat-prod-app-env-redis-url"]) {
            assert.ok(refused.violations.some((v) => v.policy === "private-datastore-reachable" && v.resourceName === name && v.enforcementLevel === "mandatory"), name);
        }
        const peered = await checkVariant("prod", { "service:reachability": "private", "service:vercel": { ...secureCompute, peeringConnectionId: "pcx-0123456789abcdef0" } });
        assert.ok(!peered.violations.some((v) => v.policy === "private-datastore-reachable"));
    });
});

describe("insecure prod variants are caught", () => {
    // Two runs carry every mistake config can express; each finding is matched by its own message.
    const variants: Array<{ overrides: Record<string, unknown>; expect: Array<[string, string, RegExp]> }> = [
        {
            overrides: {
                "service:app": { logLevel: "DEBUG", corsOrigins: ["*"], plainEnv: { STRIPE_SECRET_KEY: "sk_live_abcdefghijklmnop" } },
                "service:rateLimits": [],
                "service:budget": { monthlyUsd: 500, alertPercentages: [150] },
            },
            expect: [
                ["DEBUG logging", "vercel-required-env-vars", /LOG_LEVEL is DEBUG/],
                ["wildcard CORS origin", "cors-origins-restricted", /"\*"/],
                ["a credential in plain config", "vercel-env-secrets-sensitive", /STRIPE_SECRET_KEY/],
                ["no rate limits", "vercel-rate-limit-configured", /No active rate_limit rule/],
                ["a budget without the 80% alert", "budget-configured", /80%/],
            ],
        },
        {
            overrides: {
                "service:sentry": { mode: "external" },
                "service:app": { requiredApiKeys: [], corsOrigins: ["http://localhost:3000"] },
                "service:rateLimits": [{ name: "api-all", pathPrefix: "/api", limit: 100, windowSeconds: 60, key: "ip", action: "log" }],
            },
            expect: [
                ["no Sentry DSN", "vercel-required-env-vars", /receives no SENTRY_DSN/],
                ["localhost CORS origin", "cors-origins-restricted", /localhost:3000/],
                ["rate limits that only log", "vercel-rate-limit-configured", /only logs does not count/],
            ],
        },
    ];
    it("a team that enforces sensitive variables: every deployed variable is sensitive, development copies are not, and the stack stays ready", async () => {
        const vercel = { teamId: "team_acme", enforcesSensitiveEnvVars: true };
        for (const stack of ["dev", "prod"]) {
            const report = await checkVariant(stack, { "service:vercel": stack === "prod" ? { ...vercel, domain: "chat.acme.example" } : vercel });
            const vars = report.resources.filter((r) => r.type === ENV_VAR).map((r) => r.inputs as { key: string; targets: string[]; sensitive: boolean });
            assert.ok(vars.length > 5, stack);
            for (const v of vars) {
                const developmentOnly = v.targets.length === 1 && v.targets[0] === "development";
                assert.equal(v.sensitive, !developmentOnly, `${stack} ${v.key} ${v.targets.join(",")}`);
                assert.ok(developmentOnly || !v.targets.includes("development"), `${stack} ${v.key}: development never shares a variable with a deployed target under the policy`);
            }
            assert.equal(report.summary.mandatory + report.summary.providerErrors, 0, JSON.stringify([report.violations, report.providerErrors]));
        }
    });

    it("public previews, in the shared stack that owns the project", async () => {
        const report = await checkVariant("shared", { "service:vercel": { teamId: "team_acme", protectPreviews: false } });
        assert.ok(report.violations.some((v) => v.policy === "vercel-preview-protection" && v.enforcementLevel === "mandatory" && /leaves preview deployments public/.test(v.message)));
    });

    for (const { overrides, expect } of variants) {
        it(expect.map(([what]) => what).join(", "), async () => {
            const report = await checkVariant("prod", overrides);
            for (const [what, policy, message] of expect) {
                const found = report.violations.filter((v) => v.policy === policy && v.enforcementLevel === "mandatory" && message.test(v.message));
                assert.ok(found.length > 0, `${what}: expected a mandatory ${policy} matching ${message}; got ${JSON.stringify(report.violations.map((v) => `${v.policy}: ${v.message}`))}`);
            }
        });
    }
});
