/**
 * The bad-input corpus: malformed and hostile stack files, policy configs and command lines, each run through
 * the check command as a user types it (text and `--format json`). Every one must exit 2 before the program
 * is loaded (so nothing is registered), with one message naming the key and the value given, no stack trace,
 * and never a secret value.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, describe, it } from "node:test";
import { parse, stringify } from "yaml";
import { defaultLayout } from "../readiness/check";
import { main } from "../readiness/cli";
import { SENTINEL_LOADS, sentinelLoads } from "./programs/sentinel-loads";
import { EXAMPLE } from "./support";
import { scratchDir } from "./scratch";

const layout = defaultLayout();
const SENTINEL = path.join(layout.dist, "test", "programs", "sentinel.js");
const loads = sentinelLoads;
after(() => fs.rmSync(SENTINEL_LOADS, { force: true }));

/** The example's dev stack config: a valid base each case changes. */
const DEV = (parse(fs.readFileSync(path.join(EXAMPLE.project!, "Pulumi.dev.yaml"), "utf8")) as { config: Record<string, unknown> }).config;
const secure = (label: string) => ({ secure: `v1:${Buffer.from(label).toString("base64")}` });
const big = "x".repeat(70 * 1024);

interface Case {
    /** The mistake, as a user would describe it. */
    name: string;
    /** Config keys to set on the dev stack (undefined deletes one). */
    set?: Record<string, unknown>;
    /** The whole stack file, instead of the dev stack with `set`. */
    file?: string;
    /** A policy config file's text, passed with --policy-config. */
    policy?: string;
    /** Extra command-line arguments; `{tmp}` is a fresh folder. */
    args?: string[];
    /** The key (or flag, or file) the error must name, exactly, or a pattern. */
    key: string | RegExp;
    /** Text the problem's value must contain. */
    value: string;
    /** A value that must appear nowhere in the output. */
    secret?: string;
}

const namespaces: Case[] = [
    { name: "typo of the service namespace", set: { "servce:owner": "payments" }, key: "servce:owner", value: '"payments"' },
    { name: "service namespace capitalised", set: { "Service:protectData": true }, key: "Service:protectData", value: "true" },
    { name: "service namespace plural", set: { "services:vpcCidr": "10.9.0.0/16" }, key: "services:vpcCidr", value: '"10.9.0.0/16"' },
    { name: "the project name's namespace", set: { "service-template:name": "other" }, key: "service-template:name", value: '"other"' },
    { name: "a flat dotted key written by hand", set: { "service:database.backupRetentionDays": 3 }, key: "service:database.backupRetentionDays", value: "3" },
    { name: "a flat dotted key two levels deep", set: { "service:vercel.domain": "app.example.com" }, key: "service:vercel.domain", value: '"app.example.com"' },
    { name: "a key without namespace", set: { owner: "payments" }, key: "owner", value: '"payments"' },
    { name: "typo of a provider namespace", set: { "vercle:team": "team_x" }, key: "vercle:team", value: '"team_x"' },
    { name: "typo of the upstash namespace", set: { "upstsh:email": "ops@example.com" }, key: "upstsh:email", value: '"ops@example.com"' },
    { name: "an unknown top-level setting", set: { "service:databse": { multiAz: true } }, key: "service:databse", value: '{"multiAz":true}' },
    { name: "an unknown nested setting", set: { "service:database": { backupRetention: 7 } }, key: "service:database.backupRetention", value: "7" },
    { name: "a mis-cased setting", set: { "service:VpcCidr": "10.9.0.0/16" }, key: "service:VpcCidr", value: '"10.9.0.0/16"' },
];

const environments: Case[] = [
    { name: "unknown environment", set: { "service:environment": "production" }, key: "service:environment", value: '"production"' },
    { name: "mis-cased environment", set: { "service:environment": "Dev" }, key: "service:environment", value: '"Dev"' },
    { name: "environment missing", set: { "service:environment": undefined }, key: "service:environment", value: "(not set)" },
    { name: "environment null", set: { "service:environment": null }, key: "service:environment", value: "null" },
    { name: "environment empty", set: { "service:environment": "" }, key: "service:environment", value: '""' },
    { name: "environment without a policy config", set: { "service:environment": "qa" }, key: "service:environment", value: '"qa"' },
    { name: "environment as a list", set: { "service:environment": ["dev"] }, key: "service:environment", value: '["dev"]' },
];

const files: Case[] = [
    { name: "an empty stack file", file: "", key: "Pulumi.bad.yaml", value: "an empty file" },
    { name: "a stack file of comments only", file: "# nothing here\n", key: "Pulumi.bad.yaml", value: "an empty file" },
    { name: "a stack file that is a list", file: "- service:environment: dev\n", key: "Pulumi.bad.yaml", value: "a list" },
    { name: "a stack file that is a scalar", file: "dev\n", key: "Pulumi.bad.yaml", value: '"dev"' },
    { name: "config as a list", file: "config:\n  - service:environment: dev\n", key: "Pulumi.bad.yaml: config", value: "a list" },
    { name: "config as a scalar", file: "config: dev\n", key: "Pulumi.bad.yaml: config", value: '"dev"' },
    { name: "config misspelt", file: "confg:\n  service:environment: dev\n", key: "Pulumi.bad.yaml: confg", value: "a section Pulumi does not read" },
    { name: "config capitalised", file: "Config:\n  service:environment: dev\n", key: "Pulumi.bad.yaml: Config", value: "a section Pulumi does not read" },
    { name: "environment at the top of the file", file: "environment: dev\nconfig:\n  service:name: acme-chat\n", key: "Pulumi.bad.yaml: environment", value: '"dev"' },
    { name: "invalid YAML", file: "config:\n  service:environment: [dev\n", key: "Pulumi.bad.yaml", value: "invalid YAML" },
];

const derived: Case[] = [
    { name: "an instance class the budget does not know", set: { "service:database": { instanceClass: "db.x9.large" } }, key: "service:database.instanceClass", value: '"db.x9.large"' },
    { name: "a pool larger than the app role's connections", set: { "service:database": { poolSize: 60 } }, key: "service:database.poolSize", value: "60" },
    { name: "an OIDC provider of another team", set: { "service:vercel": { teamId: "team_acme", teamSlug: "acme" }, "service:storage": { oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/other-team" } }, key: "service:storage.oidcProviderArn", value: "other-team" },
    { name: "an OIDC provider of another account", set: { "service:aws": { region: "us-east-1", accountId: "210987654321" }, "service:storage": { oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme" } }, key: "service:storage.oidcProviderArn", value: "123456789012" },
    { name: "a generated secret named like a contract variable", set: { "service:secrets": { generated: ["DATABASE_URL"] } }, key: "service:secrets.generated", value: '"DATABASE_URL"' },
    { name: "a plain variable named like a contract variable", set: { "service:app": { plainEnv: { REDIS_URL: "redis://localhost" } } }, key: "service:app.plainEnv.REDIS_URL", value: '"REDIS_URL"' },
    { name: "a third-party key named like a contract variable", set: { "service:apiKeys": { DATABASE_URL: secure("db") } }, key: "service:apiKeys.DATABASE_URL", value: "[secret]" },
    { name: "autoscaling ceiling below the storage", set: { "service:database": { allocatedStorageGb: 100, maxAllocatedStorageGb: 50 } }, key: "service:database.maxAllocatedStorageGb", value: "50" },
    { name: "ElastiCache with public reachability", set: { "service:cache": { backend: "elasticache" } }, key: "service:cache.backend", value: '"elasticache"' },
    { name: "private reachability without Secure Compute", set: { "service:reachability": "private", "service:cache": { backend: "elasticache" } }, key: "service:vercel.secureComputeNetworkId", value: "(not set)" },
];

const refusedByProviders: Case[] = [
    { name: "a region that does not exist", set: { "service:aws": { region: "us-east-7" } }, key: "service:aws.region", value: '"us-east-7"' },
    { name: "a region of another cloud", set: { "service:aws": { region: "europe-west1" } }, key: "service:aws.region", value: '"europe-west1"' },
    { name: "a VPC CIDR with an octet over 255", set: { "service:vpcCidr": "10.300.0.0/16" }, key: "service:vpcCidr", value: '"10.300.0.0/16"' },
    { name: "an allowed CIDR with an octet over 255", set: { "service:database": { allowedCidrs: ["256.1.1.0/24"] } }, key: "service:database.allowedCidrs.0", value: '"256.1.1.0/24"' },
    { name: "an allowed CIDR with host bits", set: { "service:database": { allowedCidrs: ["203.0.113.10/24"] } }, key: "service:database.allowedCidrs.0", value: '"203.0.113.10/24"' },
    { name: "an allowed CIDR with a leading zero", set: { "service:database": { allowedCidrs: ["010.0.0.0/8"] } }, key: "service:database.allowedCidrs.0", value: '"010.0.0.0/8"' },
    { name: "an allowed CIDR with a prefix over 32", set: { "service:database": { allowedCidrs: ["10.0.0.0/33"] } }, key: "service:database.allowedCidrs.0", value: '"10.0.0.0/33"' },
    { name: "an owner with a semicolon (AWS tag value)", set: { "service:owner": "team; rm -rf /" }, key: "service:owner", value: '"team; rm -rf /"' },
    { name: "an owner with command substitution", set: { "service:owner": "$(whoami)" }, key: "service:owner", value: '"$(whoami)"' },
    { name: "an owner with a pipe and angle brackets", set: { "service:owner": "a|b<c>" }, key: "service:owner", value: '"a|b<c>"' },
    { name: "an owner longer than a tag value", set: { "service:owner": "o".repeat(257) }, key: "service:owner", value: "ooo" },
    { name: "a plain env var over Vercel's 64 KB", set: { "service:app": { plainEnv: { BIG_BLOB: big } } }, key: "service:app.plainEnv.BIG_BLOB", value: "bytes" },
    { name: "plain env vars over Vercel's 64 KB together", set: { "service:app": { plainEnv: { HALF_A: "a".repeat(40 * 1024), HALF_B: "b".repeat(40 * 1024) } } }, key: "service:app.plainEnv", value: "bytes" },
    { name: "a service name with a shell metacharacter", set: { "service:name": "acme;chat" }, key: "service:name", value: '"acme;chat"' },
    { name: "a project name with a dollar sign", set: { "service:vercel": { teamId: "team_acme", projectName: "acme$chat" } }, key: "service:vercel.projectName", value: '"acme$chat"' },
    { name: "a framework with a command", set: { "service:vercel": { teamId: "team_acme", framework: "nextjs && curl x" } }, key: "service:vercel.framework", value: "nextjs && curl x" },
    { name: "an Upstash region Upstash does not offer", set: { "service:cache": { upstashRegion: "us-east-9" } }, key: "service:cache.upstashRegion", value: '"us-east-9"' },
    { name: "a rate-limit rule name with backticks", set: { "service:rateLimits": [{ name: "api`id`", pathPrefix: "/api", limit: 10, windowSeconds: 60, key: "ip", action: "rate_limit" }] }, key: "service:rateLimits.0.name", value: "api`id`" },
    { name: "a Secure Compute network id with a subshell", set: { "service:vercel": { teamId: "team_acme", secureComputeNetworkId: "net$(id)" } }, key: "service:vercel.secureComputeNetworkId", value: "net$(id)" },
    { name: "a CORS origin with a semicolon", set: { "service:app": { corsOrigins: ["https://app.example.com;evil"] } }, key: "service:app.corsOrigins.0", value: "https://app.example.com;evil" },
    { name: "a Git repository with a semicolon", set: { "service:vercel": { teamId: "team_acme", gitRepository: "acme/app;rm" } }, key: "service:vercel.gitRepository", value: '"acme/app;rm"' },
    { name: "a team id with spaces", set: { "service:vercel": { teamId: "team acme" } }, key: "service:vercel.teamId", value: '"team acme"' },
];

const secrets: Case[] = [
    { name: "the Upstash API key in plain text", set: { "upstash:apiKey": "leak-upstash-4f1c" }, key: "upstash:apiKey", value: "a plain-text value", secret: "leak-upstash-4f1c" },
    { name: "the Vercel API token in plain text", set: { "vercel:apiToken": "leak-vercel-8a2b" }, key: "vercel:apiToken", value: "a plain-text value", secret: "leak-vercel-8a2b" },
    { name: "an AWS secret key in plain text", set: { "aws:secretKey": "leak-aws-secret-77" }, key: "aws:secretKey", value: "a plain-text value", secret: "leak-aws-secret-77" },
    { name: "an AWS session token in plain text", set: { "aws:token": "leak-aws-token-31" }, key: "aws:token", value: "a plain-text value", secret: "leak-aws-token-31" },
    { name: "a Postgres provider password in plain text", set: { "postgresql:password": "leak-pg-pass-90" }, key: "postgresql:password", value: "a plain-text value", secret: "leak-pg-pass-90" },
    { name: "a third-party key in plain text", set: { "service:apiKeys": { OPENAI_API_KEY: "sk-leak-openai-12" } }, key: "service:apiKeys", value: "a plain-text value", secret: "sk-leak-openai-12" },
    { name: "a secure owner", set: { "service:owner": secure("owner") }, key: "service:owner", value: "[secret]" },
    { name: "a secure service name", set: { "service:name": secure("name") }, key: "service:name", value: "[secret]" },
    { name: "a secure value inside a non-secret object", set: { "service:vercel": { teamId: secure("team") } }, key: "service:vercel", value: "[secret]" },
    { name: "a mistyped apiKeys key in plain text", set: { "service:apiKey": { OPENAI_API_KEY: "sk-leak-typo-55" } }, key: "service:apiKey", value: "[secret]", secret: "sk-leak-typo-55" },
    { name: "apiKeys under a typo namespace", set: { "servce:apiKeys": { OPENAI_API_KEY: "sk-leak-ns-66" } }, key: "servce:apiKeys", value: "[secret]", secret: "sk-leak-ns-66" },
    { name: "a password inside an unknown setting", set: { "service:databse": { password: "leak-nested-pw-3" } }, key: "service:databse", value: '{"password":"[secret]"}', secret: "leak-nested-pw-3" },
    { name: "an apiKeys entry that is not an env var name", set: { "service:apiKeys": { "openai-key": secure("k") } }, key: "service:apiKeys.openai-key", value: "[secret]" },
    { name: "a flat dotted apiKeys entry in plain text", set: { "service:apiKeys.OPENAI_API_KEY": "sk-leak-flat-21" }, key: "service:apiKeys.OPENAI_API_KEY", value: "[secret]", secret: "sk-leak-flat-21" },
];

const commandLines: Case[] = [
    { name: "--out pointing at a directory", args: ["--out", "{tmp}"], key: "--out", value: "{tmp}" },
    { name: "--out below a file", args: ["--out", "{tmp}/file.txt/report.json"], key: "--out", value: "file.txt/report.json" },
    { name: "--out in a folder that cannot be written", args: ["--out", "/proc/readiness/report.json"], key: "--out", value: "/proc/readiness/report.json" },
    { name: "an unknown format", args: ["--format", "yaml"], key: "--format", value: "yaml" },
    { name: "an unknown flag", args: ["--frobnicate"], key: "--frobnicate", value: "--frobnicate" },
    { name: "a flag without its value", args: ["--policy-config"], key: "--policy-config", value: "(none)" },
    { name: "a stack without a stack file", args: ["--stack", "nosuch"], key: /stack nosuch/, value: "" },
];

const policies: Case[] = [
    { name: "a policy property of the wrong type", policy: JSON.stringify({ "generated-secret-strength": { minimumLength: "long" } }), key: /: generated-secret-strength\.minimumLength$/, value: '"long"' },
    { name: "a policy name with a typo", policy: JSON.stringify({ "generated-secrets-strength": "mandatory" }), key: /: generated-secrets-strength$/, value: '"mandatory"' },
    { name: "an unknown enforcement level", policy: JSON.stringify({ "rds-backup-retention": "strict" }), key: /: rds-backup-retention$/, value: '"strict"' },
    { name: "an unknown level for all", policy: JSON.stringify({ all: "blocking" }), key: /: all$/, value: '"blocking"' },
    { name: "a bad level inside a policy object", policy: JSON.stringify({ "rds-backup-retention": { enforcementLevel: "high" } }), key: /: rds-backup-retention\.enforcementLevel$/, value: '"high"' },
    { name: "a property a policy does not have", policy: JSON.stringify({ "generated-secret-strength": { minimumLenght: 40 } }), key: /: generated-secret-strength\.minimumLenght$/, value: "40" },
    { name: "a policy config that is a list", policy: JSON.stringify(["all"]), key: /bad-policy\.json$/, value: '["all"]' },
    { name: "a policy entry that is a number", policy: JSON.stringify({ "rds-backup-retention": 3 }), key: /: rds-backup-retention$/, value: "3" },
    { name: "a policy config that is not JSON", policy: "{ all: ", key: /bad-policy\.json$/, value: "invalid JSON" },
];

const CORPUS: Array<[string, Case[]]> = [
    ["keys outside service: that look like ours", namespaces],
    ["the environment, first", environments],
    ["the shape of the stack file", files],
    ["cross-field and derived checks", derived],
    ["values providers and clouds refuse", refusedByProviders],
    ["secrets", secrets],
    ["command line and output", commandLines],
    ["policy config", policies],
];

function projectFor(c: Case): { root: string; tmp: string } {
    const root = scratchDir("badinput-");
    fs.copyFileSync(path.join(EXAMPLE.project!, "Pulumi.yaml"), path.join(root, "Pulumi.yaml"));
    fs.symlinkSync(path.join(layout.root, "policies"), path.join(root, "policies"));
    let text = c.file;
    if (text === undefined) {
        const config: Record<string, unknown> = { ...DEV };
        for (const [k, v] of Object.entries(c.set ?? {})) {
            if (v === undefined) delete config[k];
            else config[k] = v;
        }
        text = stringify({ config });
    }
    fs.writeFileSync(path.join(root, "Pulumi.bad.yaml"), text);
    const tmp = scratchDir("badinput-out-");
    fs.writeFileSync(path.join(tmp, "file.txt"), "a file, not a folder");
    return { root, tmp };
}

async function run(c: Case, format: "json" | "text"): Promise<{ code: number; out: string; err: string; tmp: string }> {
    const { root, tmp } = projectFor(c);
    const args = [...(c.args ?? []).map((a) => a.replace("{tmp}", tmp))];
    if (!args.includes("--stack")) args.unshift("--stack", "bad");
    if (c.policy !== undefined) {
        const file = path.join(tmp, "bad-policy.json");
        fs.writeFileSync(file, c.policy);
        args.push("--policy-config", file);
    }
    if (format === "json") args.unshift("--format", "json");
    let out = "";
    let err = "";
    const code = await main(args, (s) => (out += s), (s) => (err += s), { layout: { root, dist: layout.dist }, program: SENTINEL });
    return { code, out, err, tmp };
}

const TRACE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;
const matches = (key: string, want: string | RegExp) => (typeof want === "string" ? key === want : want.test(key));

describe("bad input is refused before anything runs", () => {
    let total = 0;
    for (const [group, cases] of CORPUS) {
        total += cases.length;
        describe(group, () => {
            for (const c of cases) {
                it(c.name, async () => {
                    const before = loads();
                    const json = await run(c, "json");
                    const text = await run(c, "text");
                    const value = c.value.replace("{tmp}", json.tmp);
                    assert.equal(loads(), before, "the program must not be loaded: nothing may be registered");

                    assert.equal(json.code, 2, json.out);
                    assert.equal(json.err, "", "with --format json the error is on stdout only");
                    const doc = JSON.parse(json.out) as { error: { code: number; message: string; problems: Array<{ key: string; value: string; expected: string }> } };
                    assert.equal(doc.error.code, 2);
                    const problem = doc.error.problems.find((p) => matches(p.key, c.key));
                    assert.ok(problem, `no problem names ${c.key}; got ${JSON.stringify(doc.error.problems.map((p) => p.key))}`);
                    assert.ok(problem.value.includes(value), `value of ${problem.key}: ${problem.value}, expected it to show ${value}`);
                    assert.ok(problem.expected.length >= 5, `says what is expected: ${problem.expected}`);

                    assert.equal(text.code, 2);
                    assert.equal(text.out, "", "an error prints no report");
                    const keyText = typeof c.key === "string" ? c.key : path.basename(problem.key.split(": ").pop()!);
                    assert.ok(text.err.includes(keyText), `stderr names ${keyText}:\n${text.err}`);
                    assert.equal(text.err.trim().split("\n")[0].length > 0, true);
                    for (const output of [json.out, text.err]) {
                        assert.doesNotMatch(output, TRACE, "no stack trace");
                        assert.doesNotMatch(output, /internal error/);
                        if (c.secret) {
                            for (const form of [c.secret, encodeURIComponent(c.secret), Buffer.from(c.secret).toString("base64")]) assert.ok(!output.includes(form), `secret leaked as ${form}`);
                        }
                    }
                });
            }
        });
    }
    it("holds at least 60 bad inputs", () => assert.ok(total >= 60, `corpus has ${total}`));
});

describe("good input stays accepted", () => {
    /** Checks the dev stack (or `stack`) with `set` applied; `real` runs the template's own program instead of the counter. */
    const accept = async (set: Record<string, unknown>, stack = DEV, extra: string[] = [], real = false) => {
        const c: Case = { name: "accepted", key: "", value: "", file: stringify({ config: { ...stack, ...set } }) };
        const { root } = projectFor(c);
        let out = "";
        let err = "";
        const code = await main(["--stack", "bad", "--format", "json", ...extra], (s) => (out += s), (s) => (err += s), { layout: { root, dist: layout.dist }, ...(real ? {} : { program: SENTINEL }) });
        return { code, doc: JSON.parse(out), err };
    };

    it("takes pulumi new's one secure service:apiKeys object as the CLI does, checking required keys with placeholders", async () => {
        const PROD = (parse(fs.readFileSync(path.join(EXAMPLE.project!, "Pulumi.prod.yaml"), "utf8")) as { config: Record<string, unknown> }).config;
        const { code, doc } = await accept({ "service:apiKeys": secure('{"OPENAI_API_KEY":"sk-1"}'), "upstash:email": "ops@example.com", "upstash:apiKey": secure("k"), "sentry:token": secure("s") }, PROD, ["--strict-secrets"], true);
        assert.equal(code, 0, JSON.stringify(doc).slice(0, 600));
        assert.ok(doc.notes.some((n: string) => /service:apiKeys is one secure value/.test(n)), JSON.stringify(doc.notes));
    });

    it("leaves provider settings, secure credentials and namespaces of other tools alone", async () => {
        const before = loads();
        const { code, doc } = await accept({
            "aws:region": "us-east-1",
            "upstash:email": "ops@example.com",
            "upstash:apiKey": secure("u"),
            "vercel:apiToken": secure("v"),
            "pulumi:disable-default-providers": ["kubernetes"],
            "myteam:costCenter": "cc-42",
            "service:apiKeys": { OPENAI_API_KEY: secure("o") },
            "service:database": { allowedCidrs: ["203.0.113.0/24", "198.51.100.7/32"] },
            "service:owner": "Platform Team: EU/West @acme",
        });
        assert.equal(code, 0, JSON.stringify(doc).slice(0, 600));
        assert.equal(loads(), before + 1, "a valid stack runs its program");
    });

    it("names the environment before looking for its policy config", async () => {
        const { code, doc } = await accept({ "service:environment": "qa" });
        assert.equal(code, 2);
        assert.equal(doc.error.problems[0].key, "service:environment");
        assert.doesNotMatch(doc.error.message, /policy config/);
    });

    it("refuses in less time than a check takes", async () => {
        const time = async (set: Record<string, unknown>) => {
            const start = process.hrtime.bigint();
            const { code } = await accept(set);
            return { code, ms: Number(process.hrtime.bigint() - start) / 1e6 };
        };
        await time({}); // the first check pays the pack's load
        const good = await time({});
        const bad = await time({ "service:database": { poolSize: 60 }, "servce:owner": "x", "service:aws": { region: "mars-1" } });
        assert.equal(good.code, 0);
        assert.equal(bad.code, 2);
        assert.ok(bad.ms < good.ms, `refusal took ${bad.ms.toFixed(1)} ms, a check ${good.ms.toFixed(1)} ms`);
    });
});
