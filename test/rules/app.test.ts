import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeResources, configure, resolvePolicyConfig } from "../../readiness/engine/analyzer";
import { toRecorded } from "../synthetic";
import { packFor } from "../../readiness/engine/analyzer";
import { assertFires, assertQuiet, checkVariant, evaluate, secret, SyntheticResource, UNKNOWN } from "../support";

const TEAM = "team_acme";
const envVar = (name: string, inputs: Record<string, unknown>): SyntheticResource => ({
    type: "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable",
    name,
    inputs: { projectId: "prj_1", teamId: TEAM, ...inputs },
});
const prodVar = (name: string, key: string, value: unknown, sensitive: boolean) => envVar(name, { key, value, sensitive, targets: ["production"] });

describe("vercel-env-secrets-sensitive", () => {
    it("fires on a secret-looking name that is not sensitive, mandatory in dev and prod", async () => {
        for (const environment of ["dev", "prod"]) {
            const diags = await evaluate([envVar("db", { key: "DATABASE_URL", value: "x", sensitive: false, targets: ["preview"] })], { environment });
            assertFires(diags, "vercel-env-secrets-sensitive", "db", "mandatory");
        }
    });

    it("fires on secret-looking values whatever the name, in every variable form", async () => {
        const diags = await evaluate([
            prodVar("stripe", "PAYMENTS", "sk_live_abcdefghijklmnop", false),
            prodVar("url-creds", "UPSTREAM", "https://user:pw@api.example.com", false),
            prodVar("github", "CI_THING", "ghp_abcdefghijklmnopqrstuvwxyz0123", false),
            {
                type: "vercel:index/projectEnvironmentVariables:ProjectEnvironmentVariables",
                name: "plural",
                inputs: { projectId: "prj_1", teamId: TEAM, variables: [{ key: "OPENAI_API_KEY", value: "k", sensitive: false, targets: ["production"] }] },
            },
            {
                type: "vercel:index/projectEnvironmentVariables:ProjectEnvironmentVariables",
                name: "plural-json",
                inputs: { projectId: "prj_1", teamId: TEAM, variables: JSON.stringify([{ key: "UPSTREAM", value: "sk-proj-abcdefghijklmnopqrstuvwx", sensitive: false, targets: ["production"] }]) },
            },
            envVar("write-only", { key: "WEBHOOK", valueWo: "whsec_abcdefghijklmnopqrstuv", sensitive: false, targets: ["production"] }),
            {
                type: "vercel:index/sharedEnvironmentVariable:SharedEnvironmentVariable",
                name: "shared",
                inputs: { projectIds: ["prj_1"], teamId: TEAM, key: "SLACK", value: "xoxb-1234567890-abcdef", sensitive: false, targets: ["preview"] },
            },
            {
                type: "vercel:index/project:Project",
                name: "inline",
                inputs: { name: "p", teamId: TEAM, vercelAuthentication: { deploymentType: "standard_protection_new" }, environments: [{ key: "SESSION_SECRET", value: "s", sensitive: false, targets: ["production"] }] },
            },
        ]);
        for (const name of ["stripe", "url-creds", "github", "plural", "plural-json", "write-only", "shared", "inline"]) assertFires(diags, "vercel-env-secrets-sensitive", name);
    });

    it("stays quiet on sensitive secrets, plain values, public framework keys and development-only copies", async () => {
        const diags = await evaluate([
            prodVar("db", "DATABASE_URL", secret("postgres://app:pw@db:5432/app"), true),
            prodVar("pool", "DATABASE_POOL_SIZE", "5", false),
            prodVar("cors", "CORS_ORIGINS", "https://chat.acme.example", false),
            prodVar("public", "NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY", "pk_test_abcdefghijkl", false),
            envVar("dev-copy", { key: "DATABASE_URL", value: "postgres://app:pw@db/app", sensitive: false, targets: ["development"] }),
        ]);
        assertQuiet(diags, "vercel-env-secrets-sensitive");
    });

    it("does not read an unknown value when the name already decides", async () => {
        const diags = await evaluate([prodVar("db", "DATABASE_URL", UNKNOWN, true), prodVar("redis", "REDIS_URL", UNKNOWN, false)]);
        assertFires(diags, "vercel-env-secrets-sensitive", "redis", "mandatory");
        assertQuiet(diags, "vercel-env-secrets-sensitive", "db");
    });
});

describe("vercel-env-targets-match-environment", () => {
    it("fires when prod writes a preview variable or dev writes production, in every form", async () => {
        const prod = await evaluate([envVar("preview-var", { key: "A", value: "1", sensitive: false, targets: ["preview"] })], { environment: "prod" });
        assertFires(prod, "vercel-env-targets-match-environment", "preview-var", "mandatory");
        const dev = await evaluate(
            [
                envVar("prod-var", { key: "A", value: "1", sensitive: false, targets: ["production", "preview"] }),
                envVar("custom", { key: "B", value: "1", sensitive: false, customEnvironmentIds: ["env_1"] }),
                { type: "vercel:index/blobProjectConnection:BlobProjectConnection", name: "blob", inputs: { blobStoreId: "store_1", projectId: "prj_1", teamId: TEAM, environments: ["production"] } },
            ],
            { environment: "dev" },
        );
        for (const name of ["prod-var", "custom", "blob"]) assertFires(dev, "vercel-env-targets-match-environment", name, "mandatory");
    });

    it("stays quiet on each environment's own targets", async () => {
        assertQuiet(await evaluate([envVar("v", { key: "A", value: "1", sensitive: false, targets: ["production"] })], { environment: "prod" }), "vercel-env-targets-match-environment");
        assertQuiet(await evaluate([envVar("v", { key: "A", value: "1", sensitive: false, targets: ["preview", "development"] })], { environment: "dev" }), "vercel-env-targets-match-environment");
    });
});

describe("vercel-required-env-vars", () => {
    const required = ["ENVIRONMENT", "LOG_LEVEL", "DATABASE_URL", "REDIS_URL", "SENTRY_DSN"];
    const complete = (level = "INFO") => required.map((key) => prodVar(key.toLowerCase(), key, key === "LOG_LEVEL" ? level : "v", key !== "ENVIRONMENT" && key !== "LOG_LEVEL"));

    it("fires when production misses a required variable", async () => {
        const diags = await evaluate(complete().filter((r) => r.name !== "sentry_dsn"));
        const [v] = assertFires(diags, "vercel-required-env-vars", undefined, "mandatory");
        assert.match(v.message, /production target receives no SENTRY_DSN/);
    });

    it("fires on LOG_LEVEL DEBUG in prod and allows it in dev", async () => {
        assertFires(await evaluate(complete("DEBUG")), "vercel-required-env-vars", "log_level");
        const dev = ["ENVIRONMENT", "LOG_LEVEL", "DATABASE_URL", "REDIS_URL"].map((key) => envVar(key, { key, value: key === "LOG_LEVEL" ? "DEBUG" : "v", sensitive: false, targets: ["preview", "development"] }));
        assertQuiet(await evaluate(dev, { environment: "dev" }), "vercel-required-env-vars");
    });

    it("stays quiet on a complete production set and on stacks without a Vercel app", async () => {
        assertQuiet(await evaluate(complete()), "vercel-required-env-vars");
        assertQuiet(await evaluate([{ type: "aws:sns/topic:Topic", name: "t", inputs: {} }]), "vercel-required-env-vars");
    });
});

describe("cors-origins-restricted on CORS_ORIGINS", () => {
    it("fires on wildcards, null, plain http and localhost in prod", async () => {
        const diags = await evaluate([
            prodVar("star", "CORS_ORIGINS", "*", false),
            prodVar("http", "CORS_ORIGINS", "https://ok.example,http://app.example", false),
            prodVar("local", "CORS_ORIGINS", '["http://localhost:3000"]', false),
            prodVar("wild", "ALLOWED_ORIGINS", "https://*.vercel.app", false),
        ]);
        for (const name of ["star", "http", "local", "wild"]) assertFires(diags, "cors-origins-restricted", name, "mandatory");
    });

    it("stays quiet on https origins, and on localhost in dev", async () => {
        assertQuiet(await evaluate([prodVar("ok", "CORS_ORIGINS", "https://chat.acme.example,https://admin.acme.example", false)]), "cors-origins-restricted");
        assertQuiet(await evaluate([envVar("dev", { key: "CORS_ORIGINS", value: "http://localhost:3000", sensitive: false, targets: ["preview", "development"] })], { environment: "dev" }), "cors-origins-restricted");
    });
});

const firewall = (rules: unknown[], enabled = true): SyntheticResource => ({
    type: "vercel:index/firewallConfig:FirewallConfig",
    name: "fw",
    inputs: { projectId: "prj_1", teamId: TEAM, enabled, rules: { rules } },
});
const rateRule = (path: string, opts: { action?: string; limit?: number; window?: number; extra?: unknown[] } = {}) => ({
    name: `rl${path.replace(/\//g, "-")}`,
    active: true,
    conditionGroups: [{ conditions: [{ type: "path", op: "pre", value: path }, ...(opts.extra ?? [])] }],
    action: { action: "rate_limit", rateLimit: { limit: opts.limit ?? 100, window: opts.window ?? 60, keys: ["ip"], algo: "fixed_window", action: opts.action ?? "rate_limit" } },
});
const production = prodVar("env", "ENVIRONMENT", "prod", false);

describe("vercel-rate-limit-configured", () => {
    it("fires when production has no firewall, a disabled one, or only logging or narrowed rules", async () => {
        assertFires(await evaluate([production]), "vercel-rate-limit-configured", undefined, "mandatory");
        assertFires(await evaluate([production, firewall([rateRule("/api")], false)]), "vercel-rate-limit-configured", "fw");
        assertFires(await evaluate([production, firewall([rateRule("/api", { action: "log" })])]), "vercel-rate-limit-configured", "fw");
        assertFires(await evaluate([production, firewall([rateRule("/api/chat")])]), "vercel-rate-limit-configured", "fw");
        assertFires(await evaluate([production, firewall([rateRule("/api", { extra: [{ type: "method", op: "eq", value: "POST" }] })])]), "vercel-rate-limit-configured", "fw");
    });

    it("fires on a limit too loose to protect anything", async () => {
        const [v] = assertFires(await evaluate([production, firewall([rateRule("/api", { limit: 100000, window: 60 })])]), "vercel-rate-limit-configured", "fw");
        assert.match(v.message, /100000 requests per minute/);
    });

    it("stays quiet with a blocking /api limit, and on stacks that do not serve production", async () => {
        assertQuiet(await evaluate([production, firewall([rateRule("/api/chat"), rateRule("/api")])]), "vercel-rate-limit-configured");
        assertQuiet(await evaluate([envVar("pv", { key: "A", value: "1", sensitive: false, targets: ["preview"] })], { environment: "dev" }), "vercel-rate-limit-configured");
    });
});

describe("vercel-rate-limit-configured on the FirewallConfig itself", () => {
    it("fires on a disabled firewall or one without a blocking /api limit, even in a stack that writes no production variable", async () => {
        for (const environment of ["dev", "prod"]) {
            const off = await evaluate([firewall([rateRule("/api")], false)], { environment });
            const [v] = assertFires(off, "vercel-rate-limit-configured", "fw", "mandatory");
            assert.match(v.message, /disabled/);
            assert.equal(v.phase, "resource", "caught on the firewall's own inputs");
            assertFires(await evaluate([firewall([])], { environment }), "vercel-rate-limit-configured", "fw", "mandatory");
        }
    });

    it("stays quiet on an enabled firewall with a blocking /api limit, alone in the stack", async () => {
        assertQuiet(await evaluate([firewall([rateRule("/api")])], { environment: "dev" }), "vercel-rate-limit-configured");
    });
});

describe("vercel-no-debug-in-production", () => {
    const cases: Array<[string, string]> = [
        ["DEBUG", "true"],
        ["DEBUG", "app:*"],
        ["FLASK_DEBUG", "1"],
        ["DJANGO_DEBUG", "True"],
        ["APP_DEBUG", "yes"],
        ["WP_DEBUG_MODE", "on"],
        ["NODE_ENV", "development"],
        ["NODE_ENV", "staging"],
        ["FLASK_ENV", "development"],
        ["APP_ENV", "dev"],
        ["RAILS_ENV", "test"],
    ];

    it("fires on each debug or development switch reaching production, in every variable form, mandatory in dev and prod", async () => {
        for (const environment of ["dev", "prod"]) {
            const diags = await evaluate(cases.map(([key, value], i) => prodVar(`v${i}`, key, value, false)), { environment });
            cases.forEach((_, i) => assertFires(diags, "vercel-no-debug-in-production", `v${i}`, "mandatory"));
        }
        const plural = await evaluate([
            {
                type: "vercel:index/projectEnvironmentVariables:ProjectEnvironmentVariables",
                name: "bulk",
                inputs: { projectId: "prj_1", teamId: TEAM, variables: [{ key: "LOG_FORMAT", value: "json", targets: ["production"], sensitive: false }, { key: "FLASK_DEBUG", value: secret("1"), targets: ["production", "preview"], sensitive: true }] },
            },
        ]);
        const [v] = assertFires(plural, "vercel-no-debug-in-production", "bulk", "mandatory");
        assert.match(v.message, /FLASK_DEBUG/);
    });

    it("stays quiet on production values, off switches, non-production targets and values computed in a preview", async () => {
        const diags = await evaluate([
            prodVar("node", "NODE_ENV", "production", false),
            prodVar("debug-off", "DEBUG", "false", false),
            prodVar("flask-off", "FLASK_DEBUG", "0", false),
            prodVar("env", "APP_ENV", "production", false),
            prodVar("environment", "ENVIRONMENT", "prod", false),
            prodVar("pending", "DEBUG", UNKNOWN, false),
            envVar("preview-debug", { key: "DEBUG", value: "true", sensitive: false, targets: ["preview", "development"] }),
        ]);
        assertQuiet(diags, "vercel-no-debug-in-production");
    });
});

describe("vercel-preview-protection", () => {
    const project = (inputs: Record<string, unknown>): SyntheticResource => ({ type: "vercel:index/project:Project", name: "proj", inputs: { name: "acme", teamId: TEAM, ...inputs } });

    it("fires on unprotected previews and on protection exceptions, in dev and prod", async () => {
        for (const environment of ["dev", "prod"]) {
            assertFires(await evaluate([project({ vercelAuthentication: { deploymentType: "none" } })], { environment }), "vercel-preview-protection", "proj", "mandatory");
            assertFires(await evaluate([project({})], { environment }), "vercel-preview-protection", "proj", "mandatory");
        }
        const exception: SyntheticResource = { type: "vercel:index/deploymentProtectionException:DeploymentProtectionException", name: "hole", inputs: { teamId: TEAM } };
        assertFires(await evaluate([exception]), "vercel-preview-protection", "hole");
    });

    it("stays quiet with Vercel Authentication or password protection", async () => {
        assertQuiet(await evaluate([project({ vercelAuthentication: { deploymentType: "standard_protection_new" } })]), "vercel-preview-protection");
        assertQuiet(await evaluate([project({ passwordProtection: { deploymentType: "only_preview_deployments", password: secret("pw") } })]), "vercel-preview-protection");
    });
});

describe("vercel-team-scoped", () => {
    it("fires on any Vercel resource without a teamId", async () => {
        const diags = await evaluate([
            { type: "vercel:index/projectDomain:ProjectDomain", name: "domain", inputs: { projectId: "prj_1", domain: "a.example" } },
            { type: "vercel:index/logDrain:LogDrain", name: "drain", inputs: { teamId: "", endpoint: "https://x", deliveryFormat: "json", environments: ["production"], sources: ["lambda"] } },
        ]);
        assertFires(diags, "vercel-team-scoped", "domain", "mandatory");
        assertFires(diags, "vercel-team-scoped", "drain", "mandatory");
    });

    it("stays quiet when every resource names its team", async () => {
        assertQuiet(await evaluate([{ type: "vercel:index/projectDomain:ProjectDomain", name: "domain", inputs: { projectId: "prj_1", domain: "a.example", teamId: TEAM } }]), "vercel-team-scoped");
    });
});

describe("private-datastore-reachable", () => {
    const rds = (publiclyAccessible: boolean): SyntheticResource => ({
        type: "aws:rds/instance:Instance",
        name: "db",
        inputs: { identifier: "acme-prod-db", publiclyAccessible },
        outputs: { identifier: "acme-prod-db", publiclyAccessible, address: "acme-prod-db.c123.us-east-1.rds.amazonaws.com" },
    });
    const dbUrl = prodVar("db-url", "DATABASE_URL", secret("postgres://app:pw@acme-prod-db.c123.us-east-1.rds.amazonaws.com:5432/app"), true);
    const cache: SyntheticResource = { type: "aws:elasticache/replicationGroup:ReplicationGroup", name: "cache", inputs: { replicationGroupId: "acme-prod-cache" } };
    const redisUrl = prodVar("redis-url", "REDIS_URL", secret("rediss://default:pw@master.acme-prod-cache.abc123.use1.cache.amazonaws.com:6379"), true);

    it("fires when a private database or any ElastiCache endpoint reaches Vercel without Secure Compute, in dev and prod", async () => {
        for (const environment of ["dev", "prod"]) {
            const diags = await evaluate([rds(false), dbUrl, cache, redisUrl], { environment });
            assertFires(diags, "private-datastore-reachable", "db-url", "mandatory");
            assertFires(diags, "private-datastore-reachable", "redis-url", "mandatory");
        }
    });

    it("stays quiet for a public database, and when the stack peers a Secure Compute network", async () => {
        assertQuiet(await evaluate([rds(true), dbUrl]), "private-datastore-reachable");
        const peering: SyntheticResource = { type: "aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter", name: "peer", inputs: { vpcPeeringConnectionId: "pcx-12345678" } };
        assertQuiet(await evaluate([rds(false), dbUrl, cache, redisUrl, peering]), "private-datastore-reachable");
    });

    it("links by property dependency when the URL is unknown during preview", async () => {
        // evaluate() builds resources without property dependencies, so drive the same handlers by hand.
        const pack = packFor();
        await configure(pack, resolvePolicyConfig(pack, { all: "mandatory" }, "inline"));
        const recorded = toRecorded([{ ...rds(false), outputs: { identifier: "acme-prod-db", publiclyAccessible: false, address: UNKNOWN } }, prodVar("db-url", "DATABASE_URL", UNKNOWN, true)]);
        const db = recorded.find((r) => r.name === "db")!;
        const url = recorded.find((r) => r.name === "db-url")!;
        const unlinked = await analyzeResources(pack, recorded);
        assertQuiet(unlinked, "private-datastore-reachable");
        url.propertyDependencies = { value: [db.urn] };
        assertFires(await analyzeResources(pack, recorded), "private-datastore-reachable", "db-url", "mandatory");
    });

    it("links by the identifier as a host label, and by a host with no inner label, but not by a longer identifier", async () => {
        const byLabel = prodVar("by-label", "DATABASE_URL", "postgres://app@acme-prod-db.internal.example:5432/app", false);
        const longer = prodVar("longer", "REPLICA_URL", "postgres://app@acme-prod-db-replica.internal.example:5432/app", false);
        assertFires(await evaluate([rds(false), byLabel]), "private-datastore-reachable", "by-label");
        assertQuiet(await evaluate([rds(false), longer]), "private-datastore-reachable");
        const shortHost: SyntheticResource = { ...rds(false), outputs: { identifier: "x-db", publiclyAccessible: false, address: "db.internal" } };
        assertFires(await evaluate([shortHost, prodVar("short", "DATABASE_URL", "postgres://app@db.internal/app", false)]), "private-datastore-reachable", "short");
    });

    it("pairs each env var with its own datastore among hundreds", async () => {
        const stores: SyntheticResource[] = Array.from({ length: 300 }, (_, i) => ({
            type: "aws:rds/instance:Instance",
            name: `db${i}`,
            inputs: { identifier: `acme-prod-db${i}`, publiclyAccessible: false },
            outputs: { identifier: `acme-prod-db${i}`, publiclyAccessible: false, address: `acme-prod-db${i}.c${1000 + i}.us-east-1.rds.amazonaws.com` },
        }));
        const vars = Array.from({ length: 300 }, (_, i) => prodVar(`url${i}`, `URL_${i}`, i === 123 ? `postgres://app@acme-prod-db${i}.c${1000 + i}.us-east-1.rds.amazonaws.com/app` : `https://api${i}.example.com`, false));
        const found = assertFires(await evaluate([...stores, ...vars]), "private-datastore-reachable");
        assert.deepEqual(found.map((d) => d.urn.split("::").pop()), ["url123"]);
        assert.match(found[0].message, /RDS instance db123,/);
    });
});

describe("vercel-no-debug-in-production on the committed prod stack", () => {
    it("blocks the first preview when service:app.plainEnv switches a debug mode on", async () => {
        const report = await checkVariant("prod", { "service:app": { plainEnv: { FLASK_DEBUG: "1", NODE_ENV: "development" } } }, { preview: true });
        const found = report.violations.filter((v) => v.policy === "vercel-no-debug-in-production");
        assert.equal(found.length, 2, JSON.stringify(report.violations.map((v) => `${v.policy} ${v.resourceName}`)));
        for (const v of found) {
            assert.equal(v.enforcementLevel, "mandatory");
            assert.equal(v.phase, "resource", "caught on the variable's inputs, before it exists");
        }
    });
});
