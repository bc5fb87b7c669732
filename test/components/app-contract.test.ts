import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import { parseServiceConfig, PlainServiceConfig } from "../../config";
import { corsOrigins, customEnvironmentFor, deploymentEnvironmentsFor, envContract, envNamesByTarget, targetsFor } from "../../config/envContract";
import { firewallRules } from "../../components/app/firewall";
import { splitForVercel } from "../../components/app/project";
import { INSTANCE_CLASS_MEMORY_GIB, planConnections } from "../../config";
import { renderEnvExample } from "../../scripts/env-example";
import { EXAMPLE } from "../support";

const base = { "service:name": "acme-chat", "service:owner": "team", "service:aws": '{"region":"us-east-1","accountId":"210987654321"}' };

function configOf(environment: string, extra: Record<string, unknown> = {}): PlainServiceConfig {
    const raw: Record<string, string> = {
        ...base,
        "service:environment": environment,
        "service:vercel": JSON.stringify({ teamId: "team_acme", domain: "chat.acme.example" }),
        "service:alerts": JSON.stringify({ emails: ["oncall@acme.example"] }),
        "service:apiKeys": JSON.stringify(environment === "prod" ? { SENTRY_DSN: "x", OPENAI_API_KEY: "y" } : {}),
    };
    for (const [k, v] of Object.entries(extra)) raw[k] = JSON.stringify(v);
    const { apiKeys: _keys, ...config } = parseServiceConfig(raw, new Set(["service:apiKeys"]));
    return config;
}

describe("env-var contract", () => {
    it("prod writes only production, dev preview and development, every other environment a custom environment of its own", () => {
        assert.deepEqual(targetsFor("prod"), ["production"]);
        assert.deepEqual(targetsFor("dev"), ["preview", "development"]);
        assert.deepEqual(targetsFor("staging"), [], "staging shares no standard target with dev");
        assert.equal(customEnvironmentFor("staging"), "staging");
        assert.equal(customEnvironmentFor("qa"), "qa");
        for (const env of ["dev", "prod", "shared"]) assert.equal(customEnvironmentFor(env), undefined, env);
        assert.deepEqual(deploymentEnvironmentsFor("staging"), ["staging"], "what the OIDC token's environment claim carries");
        assert.deepEqual(deploymentEnvironmentsFor("dev"), ["preview", "development"]);
        const prod = envContract(configOf("prod"), ["SENTRY_DSN", "OPENAI_API_KEY"]);
        assert.ok(prod.every((e) => e.targets.length === 1 && e.targets[0] === "production"));
        const dev = envContract(configOf("dev"), []);
        assert.ok(dev.every((e) => !e.targets.includes("production")));
    });

    it("lists the data tier, generated secrets, api keys and config with the right secrecy", () => {
        const entries = envContract(configOf("prod"), ["SENTRY_DSN", "OPENAI_API_KEY"]);
        const byName = new Map(entries.map((e) => [e.name, e]));
        for (const name of ["DATABASE_URL", "DATABASE_MIGRATION_URL", "DATABASE_READONLY_URL", "REDIS_URL", "SESSION_SECRET", "JWT_SECRET", "SENTRY_DSN", "OPENAI_API_KEY"]) {
            assert.equal(byName.get(name)?.secret, true, `${name} is secret`);
        }
        for (const name of ["ENVIRONMENT", "LOG_LEVEL", "CORS_ORIGINS", "DATABASE_POOL_SIZE", "S3_BUCKET", "AWS_REGION", "AWS_ROLE_ARN"]) {
            assert.equal(byName.get(name)?.secret, false, `${name} is plain`);
        }
        assert.equal(byName.get("SESSION_SECRET")?.source, "generated");
        assert.equal(byName.get("OPENAI_API_KEY")?.source, "secret-config");
        assert.ok(!byName.has("BLOB_READ_WRITE_TOKEN"));
    });

    it("hands Blob's token to the store connection instead of writing S3 settings", () => {
        const entries = envContract(configOf("dev", { "service:storage": { backend: "blob" } }), []);
        const blob = entries.find((e) => e.name === "BLOB_READ_WRITE_TOKEN");
        assert.equal(blob?.delivery, "blob-connection");
        assert.ok(!entries.some((e) => ["S3_BUCKET", "AWS_ROLE_ARN"].includes(e.name)));
        assert.ok(envNamesByTarget(entries).preview!.includes("BLOB_READ_WRITE_TOKEN"));
    });

    it("adds the production domain to CORS_ORIGINS and reads the log level from config", () => {
        const config = configOf("prod", { "service:app": { corsOrigins: ["https://admin.acme.example"] } });
        assert.deepEqual(corsOrigins(config), ["https://admin.acme.example", "https://chat.acme.example"]);
        const entries = envContract(config, ["SENTRY_DSN"]);
        assert.equal(entries.find((e) => e.name === "LOG_LEVEL")?.value({} as never), "INFO");
        assert.equal(entries.find((e) => e.name === "CORS_ORIGINS")?.value({} as never), "https://admin.acme.example,https://chat.acme.example");
    });

    it("keeps the migration URL and third-party keys off the development target (vercel env pull)", () => {
        const dev = configOf("dev", { "service:apiKeys": { OPENAI_API_KEY: "k" } });
        const names = envNamesByTarget(envContract(dev, ["OPENAI_API_KEY"]));
        for (const name of ["DATABASE_MIGRATION_URL", "OPENAI_API_KEY"]) {
            assert.ok(!names.development!.includes(name), `${name} must not be pulled to developer machines`);
            assert.ok(names.preview!.includes(name), `${name} still reaches preview deployments`);
        }
        for (const name of ["DATABASE_URL", "REDIS_URL", "SESSION_SECRET", "LOG_LEVEL"]) assert.ok(names.development!.includes(name), `${name} is what local development needs`);
        const prod = envNamesByTarget(envContract(configOf("prod"), ["SENTRY_DSN", "OPENAI_API_KEY"]));
        assert.ok(prod.production!.includes("DATABASE_MIGRATION_URL") && prod.production!.includes("SENTRY_DSN"));
    });

    it("refuses a plain variable that shadows one the stack provides", () => {
        const dev = configOf("dev");
        const shadowing = { ...dev, app: { ...dev.app, plainEnv: { DATABASE_URL: "postgres://x" } } };
        assert.throws(() => envContract(shadowing, []), (e: Error) => e instanceof pulumi.RunError && /service:app\.plainEnv\.DATABASE_URL: got "DATABASE_URL"; expected another name: DATABASE_URL is already provided/.test(e.message));
        assert.equal(envContract(dev, []).filter((e) => e.name === "DATABASE_URL").length, 1);
    });

    it("splits a secret bound for development into a non-sensitive development copy", () => {
        assert.deepEqual(splitForVercel({ secret: true, targets: ["preview", "development"] }), [
            { targets: ["preview"], sensitive: true, suffix: "preview" },
            { targets: ["development"], sensitive: false, suffix: "development" },
        ]);
        assert.deepEqual(splitForVercel({ secret: true, targets: ["production"] }), [{ targets: ["production"], sensitive: true, suffix: undefined }]);
        assert.deepEqual(splitForVercel({ secret: false, targets: ["preview", "development"] }), [{ targets: ["preview", "development"], sensitive: false }]);
    });

    it("under a team policy that enforces sensitive variables, writes every deployed variable sensitive and development apart", () => {
        assert.deepEqual(splitForVercel({ secret: false, targets: ["preview", "development"] }, true), [
            { targets: ["preview"], sensitive: true, suffix: "preview" },
            { targets: ["development"], sensitive: false, suffix: "development" },
        ]);
        assert.deepEqual(splitForVercel({ secret: false, targets: ["production"] }, true), [{ targets: ["production"], sensitive: true, suffix: undefined }]);
        assert.deepEqual(splitForVercel({ secret: false, targets: ["development"] }, true), [{ targets: ["development"], sensitive: false, suffix: undefined }], "development alone cannot be sensitive");
    });
});

describe("firewall rules", () => {
    it("turns each rate limit into a path-prefix rate_limit rule", () => {
        const [rule] = firewallRules([{ name: "api-chat", pathPrefix: "/api/chat", limit: 10, windowSeconds: 60, key: "ip", action: "rate_limit" }]);
        assert.deepEqual(rule.conditionGroups, [{ conditions: [{ type: "path", op: "pre", value: "/api/chat" }] }]);
        assert.deepEqual(rule.action, { action: "rate_limit", rateLimit: { limit: 10, window: 60, keys: ["ip"], algo: "fixed_window", action: "rate_limit" } });
    });
});

describe("instance memory for the FreeableMemory alarm", () => {
    it("comes from the one instance-class table, through the budget config validation computed", () => {
        const budget = (instanceClass: string) => planConnections({ instanceClass, appConnectionShare: 0.7, poolSize: 1 });
        assert.equal(budget("db.t4g.micro").budget?.instanceMemoryGib, 1);
        assert.equal(budget("db.t4g.medium").budget?.instanceMemoryGib, 4);
        assert.equal(budget("db.m7g.large").budget?.instanceMemoryGib, 8);
        assert.equal(budget("db.r6g.2xlarge").budget?.instanceMemoryGib, 64);
        // A class the table does not hold has no budget: config validation refuses it, naming the key.
        assert.deepEqual(budget("db.unknown").problems.map((p) => p.key), ["service:database.instanceClass"]);
        for (const [cls, gib] of Object.entries(INSTANCE_CLASS_MEMORY_GIB)) assert.equal(budget(cls).budget?.instanceMemoryGib, gib, cls);
    });
});

describe(".env.example", () => {
    it("renders names and placeholders of every stack's contract, never a value", () => {
        const rendered = renderEnvExample(EXAMPLE.project!);
        assert.match(rendered, /^SENTRY_DSN=/m);
        assert.match(rendered, /stacks: dev \(preview, development\), prod \(production\)/);
        assert.doesNotMatch(rendered, /MOCKSECRET|offline-secret-placeholder/);
    });
});
