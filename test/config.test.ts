import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { ConfigError, parseServiceConfig, PRESETS } from "../config";
import { checkStack } from "../readiness/check";
import { defaultLayout } from "../readiness/layout";
import { readStackFile } from "../readiness/engine/stackFiles";
import { EXAMPLE, exampleStack } from "./support";
import { scratchDir } from "./scratch";

const root = defaultLayout().root;
/** An example stack's config with its required secrets set, as after `pulumi config set --secret`. */
const SECRETS = ["service:apiKeys"];
const stackConfig = (stack: string): Record<string, string> => ({ ...exampleStack(stack).config, "service:apiKeys": "{}" });

function problemsOf(raw: Record<string, string>, secretKeys: string[] = SECRETS): ConfigError["problems"] {
    try {
        parseServiceConfig(raw, new Set(secretKeys));
    } catch (e) {
        assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${e}`);
        return e.problems;
    }
    assert.fail("expected the config to be refused");
}

describe("stack config", () => {
    it("accepts the committed dev and prod stacks and applies their presets", () => {
        const dev = parseServiceConfig(stackConfig("dev"), new Set(SECRETS));
        const prod = parseServiceConfig(stackConfig("prod"), new Set(SECRETS));
        assert.equal(dev.database.backupRetentionDays, PRESETS.dev.defaults.database.backupRetentionDays);
        assert.equal(prod.database.multiAz, true);
        assert.equal(prod.protectData, true);
        assert.equal(dev.protectData, false);
        assert.ok(prod.database.backupRetentionDays >= 14);
    });

    it("lets a stack file override any default, merging objects key by key", () => {
        const raw = { ...stackConfig("prod"), "service:database": JSON.stringify({ backupRetentionDays: 30 }) };
        const c = parseServiceConfig(raw, new Set(SECRETS));
        assert.equal(c.database.backupRetentionDays, 30);
        assert.equal(c.database.multiAz, true, "untouched keys keep the preset");
    });

    it("lists every problem at once with its full key, the value given and what is expected", () => {
        const raw = {
            ...stackConfig("prod"),
            "service:database": JSON.stringify({ backupRetentionDays: 40, multiAz: "yes" }),
            "service:availabilityZones": "7",
            "service:databse": "{}",
            "service:aws": JSON.stringify({ region: "us-east-1", accountId: 210987654321 }),
        };
        const problems = problemsOf(raw);
        const byKey = new Map(problems.map((p) => [p.key, p]));
        assert.match(byKey.get("service:database.backupRetentionDays")!.given, /^40$/);
        assert.match(byKey.get("service:database.backupRetentionDays")!.expected, /35/);
        assert.equal(byKey.get("service:database.multiAz")!.given, '"yes"');
        assert.match(byKey.get("service:availabilityZones")!.expected, /3/);
        assert.match(byKey.get("service:databse")!.expected, /no such key.*database/);
        assert.equal(byKey.get("service:aws.accountId")!.expected, "a string");
        const message = new ConfigError(problems).message;
        assert.match(message, /^Invalid stack config \(5 problems\)/);
    });

    it("refuses a missing required value of the environment", () => {
        const raw = { ...stackConfig("prod") };
        delete raw["service:owner"];
        raw["service:aws"] = JSON.stringify({ region: "us-east-1" });
        const keys = problemsOf(raw).map((p) => p.key);
        assert.deepEqual(keys.sort(), ["service:aws.accountId", "service:owner"]);
    });

    it("refuses an unknown environment and names the presets", () => {
        const problems = problemsOf({ ...stackConfig("dev"), "service:environment": "production" });
        assert.equal(problems[0].key, "service:environment");
        assert.match(problems[0].expected, /"dev", "staging", "prod"/);
    });

    it("refuses third-party keys in plain text and never echoes a secret value", () => {
        const plain = problemsOf({ ...stackConfig("dev"), "service:apiKeys": JSON.stringify({ OPENAI_API_KEY: "sk-live-plain" }) }, []);
        assert.equal(plain[0].key, "service:apiKeys");
        assert.match(plain[0].expected, /pulumi config set --secret --path/);
        const secret = problemsOf({ ...stackConfig("dev"), "service:apiKeys": JSON.stringify({ lower: "sk-hidden-value" }) }, ["service:apiKeys"]);
        assert.ok(secret.length > 0);
        assert.ok(!JSON.stringify(secret).includes("sk-hidden-value"), "a secret value must not appear in a config error");
    });

    it("refuses an autoscaling ceiling less than 10 % above the allocated storage (AWS refuses it), and accepts exactly 10 %", () => {
        const withStorage = (allocatedStorageGb: number, maxAllocatedStorageGb: number) => ({ ...stackConfig("prod"), "service:database": JSON.stringify({ allocatedStorageGb, maxAllocatedStorageGb }) });
        const [p] = problemsOf(withStorage(100, 109)).filter((x) => x.key === "service:database.maxAllocatedStorageGb");
        assert.ok(p, "the ceiling is named");
        assert.match(p.expected, /at least 110 GiB: maxAllocatedStorageGb \(109\) must be at least 10 % above allocatedStorageGb \(100\)/);
        assert.match(problemsOf(withStorage(25, 27)).find((x) => x.key === "service:database.maxAllocatedStorageGb")!.expected, /at least 28 GiB/, "10 % of 25 rounds up");
        assert.equal(parseServiceConfig(withStorage(100, 110), new Set(SECRETS)).database.maxAllocatedStorageGb, 110);
        assert.equal(parseServiceConfig(withStorage(25, 28), new Set(SECRETS)).database.maxAllocatedStorageGb, 28);
    });

    it("refuses a custom environment where Vercel has none: on a Hobby team, and a Blob store connected to it", () => {
        const staging = { ...stackConfig("prod"), "service:environment": "staging" };
        const hobby = problemsOf({ ...staging, "service:vercel": JSON.stringify({ teamId: "team_acme", plan: "hobby" }), "service:rateLimits": "[]", "service:cache": JSON.stringify({ backend: "upstash" }) });
        assert.match(hobby.find((p) => p.key === "service:vercel.plan")!.expected, /custom environment of its own \("staging"\), which only Pro and Enterprise teams can create/);
        const blob = problemsOf({ ...staging, "service:storage": JSON.stringify({ backend: "blob" }) });
        assert.match(blob.find((p) => p.key === "service:storage.backend")!.expected, /a Blob store can be connected only to production, preview or development/);
        const dev = parseServiceConfig({ ...stackConfig("dev"), "service:vercel": JSON.stringify({ teamId: "team_acme", plan: "hobby" }), "service:rateLimits": "[]" }, new Set(SECRETS));
        assert.equal(dev.vercel.plan, "hobby", "dev writes standard targets: Hobby is fine");
    });

    it("ties settings together: ElastiCache needs private reachability, private needs Secure Compute", () => {
        const problems = problemsOf({ ...stackConfig("dev"), "service:cache": JSON.stringify({ backend: "elasticache" }) });
        assert.ok(problems.some((p) => p.key === "service:cache.backend" && /upstash/.test(p.expected)));
        const priv = problemsOf({ ...stackConfig("dev"), "service:reachability": "private" });
        assert.ok(priv.some((p) => p.key === "service:vercel.secureComputeNetworkId"));
    });

    it("makes a third environment a preset plus a stack file (staging)", async () => {
        const tmp = scratchDir("staging-");
        fs.copyFileSync(path.join(EXAMPLE.project!, "Pulumi.yaml"), path.join(tmp, "Pulumi.yaml"));
        fs.copyFileSync(path.join(root, "test", "fixtures", "Pulumi.staging.yaml"), path.join(tmp, "Pulumi.staging.yaml"));
        const staging = parseServiceConfig({ ...readStackFile(tmp, "staging").config, "service:apiKeys": JSON.stringify({ SENTRY_DSN: "x" }) }, new Set(SECRETS));
        assert.equal(staging.database.multiAz, false);
        assert.equal(staging.protectData, true);
        const report = await checkStack({ stack: "staging", layout: { ...defaultLayout(), project: tmp } });
        assert.equal(report.environment, "staging");
        // Ready means nothing blocks: no mandatory violation and no input a provider would refuse.
        assert.equal(report.summary.mandatory, 0, JSON.stringify(report.violations, null, 1));
        assert.deepEqual(report.providerErrors, []);
        const envVars = report.resources.filter((r) => r.type === "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable").map((r) => (r.inputs as { key: string }).key);
        assert.ok(!envVars.includes("CORS_ORIGINS"), "without a domain or configured origins, no empty CORS_ORIGINS is written");
        // Its own Vercel custom environment: no variable of staging lands on dev's preview or development targets.
        const custom = report.resources.filter((r) => r.type === "vercel:index/customEnvironment:CustomEnvironment");
        assert.deepEqual(custom.map((r) => (r.inputs as { name: string }).name), ["staging"]);
        for (const r of report.resources.filter((x) => x.type === "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable")) {
            const inputs = r.inputs as { targets?: string[]; customEnvironmentIds?: string[] };
            assert.equal(inputs.targets, undefined, r.name);
            assert.equal(inputs.customEnvironmentIds?.length, 1, r.name);
        }
        assert.ok(report.resources.length > 3);
    });
});
