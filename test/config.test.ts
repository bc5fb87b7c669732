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
        assert.equal(report.summary.mandatory, 0, JSON.stringify(report.violations, null, 1));
        assert.ok(report.resources.length > 3);
    });
});
