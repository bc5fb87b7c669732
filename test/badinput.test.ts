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
import { defaultLayout } from "../readiness/layout";
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
    /** The whole stack file, instead of the dev stack with `set` (bytes, for text that is not UTF-8). */
    file?: string | Buffer;
    /** Lines added under `config:` of the dev stack as written, for what `set` cannot spell (tags, `.nan`, `~`). */
    yaml?: string[];
    /** The project file's text instead of the example's; `null` leaves the folder without one. */
    project?: string | null;
    /** A `--state` export's text, passed with --state (and no --stack). */
    state?: string;
    /** A `--baseline` file's text, passed with --baseline. */
    baseline?: string;
    /** What the problem's `expected` must say. */
    expected?: RegExp;
    /** A passing report from an earlier run sits at {tmp}/report.out; the refused run must remove it. */
    stale?: boolean;
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
    { name: "its own OIDC provider and an existing one at once", set: { "service:storage": { ownOidcProvider: true, oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme" } }, key: "service:storage.oidcProviderArn", value: "123456789012", expected: /ownOidcProvider is true/ },
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

/** A minimal `pulumi stack export` (version 3): the stack and one bucket, with `change` applied to the resources. */
function stateExport(change: (resources: Array<Record<string, unknown>>) => unknown[] = (r) => r): string {
    const stack = "urn:pulumi:dev::service-template::pulumi:pulumi:Stack::service-template-dev";
    const resources: Array<Record<string, unknown>> = [
        { urn: stack, custom: false, type: "pulumi:pulumi:Stack", outputs: {} },
        { urn: "urn:pulumi:dev::service-template::aws:s3/bucket:Bucket::uploads", custom: true, id: "uploads", type: "aws:s3/bucket:Bucket", parent: stack, inputs: { bucket: "acme-chat-dev-uploads", tags: { environment: "dev" } }, outputs: {} },
    ];
    return JSON.stringify({ version: 3, deployment: { manifest: { time: "2026-01-01T00:00:00Z", magic: "", version: "v3.200.0" }, resources: change(resources) } });
}
const nested = (depth: number) => `${'{"a":'.repeat(depth)}{}${"}".repeat(depth)}`;
const DEV_LINES = (drop: string) => stringify({ config: Object.fromEntries(Object.entries(DEV).filter(([k]) => k !== drop)) }).trimEnd();

const yamlValues: Case[] = [
    { name: ".nan where a number belongs", yaml: ["service:database:", "  allocatedStorageGb: .nan"], key: "service:database.allocatedStorageGb", value: ".nan", expected: /finite number/ },
    { name: ".inf where a number belongs", yaml: ["service:budget:", "  monthlyUsd: .inf"], key: "service:budget.monthlyUsd", value: ".inf" },
    { name: "a number beyond what JSON holds", yaml: ["service:database:", "  poolSize: 1e400"], key: "service:database.poolSize", value: "1e400" },
    { name: "a service name of ~ (null)", file: `${DEV_LINES("service:name")}\n  service:name: ~\n`, key: "service:name", value: "~", expected: /delete the key/ },
    { name: "an owner left empty after the colon", file: `${DEV_LINES("service:owner")}\n  service:owner:\n`, key: "service:owner", value: "nothing after the colon" },
    { name: "a !!binary owner", file: `${DEV_LINES("service:owner")}\n  service:owner: !!binary aGVsbG8=\n`, key: "service:owner", value: "!!binary", expected: /without a tag/ },
    { name: "a !!python/object value", file: `${DEV_LINES("service:owner")}\n  service:owner: !!python/object:os.system x\n`, key: "service:owner", value: "!!python/object" },
    { name: "an unknown !secret tag on a credential", yaml: ["upstash:apiKey: !secret leak-tag-secret-5b1"], key: "upstash:apiKey", value: "!secret", secret: "leak-tag-secret-5b1" },
    { name: "an unknown tag inside apiKeys", yaml: ["service:apiKeys:", "  OPENAI_API_KEY: !vault sk-leak-vault-tag-77"], key: "service:apiKeys.OPENAI_API_KEY", value: "!vault", secret: "sk-leak-vault-tag-77" },
    { name: "a NUL byte in a plain env var", yaml: ["service:app:", '  plainEnv: { FEATURE_FLAG: "on\\x00off" }'], key: "service:app.plainEnv.FEATURE_FLAG", value: "\\u0000" },
    { name: "an escape sequence in a plain env var", set: { "service:app": { plainEnv: { BANNER: "hello\u001b[2K\rREADY" } } }, key: "service:app.plainEnv.BANNER", value: "\\u001b" },
    { name: "a bidirectional override in a CORS origin", set: { "service:app": { corsOrigins: ["https://app.example.com\u202e"] } }, key: "service:app.corsOrigins.0", value: "\\u202e" },
    { name: "a Latin-1 byte (not UTF-8)", file: Buffer.concat([Buffer.from(`${DEV_LINES("service:owner")}\n  service:owner: caf`), Buffer.from([0xe9]), Buffer.from("\n")]), key: "Pulumi.bad.yaml", value: "not UTF-8" },
    { name: "invalid YAML right after a credential", yaml: ['upstash:apiKey: "leak-yaml-near-error-9', "  service:x: [unclosed"], key: "Pulumi.bad.yaml", value: "invalid YAML", secret: "leak-yaml-near-error-9" },
    { name: "a duplicate key holding a credential", yaml: ["upstash:apiKey: leak-dup-one-31", "upstash:apiKey: leak-dup-two-32"], key: "Pulumi.bad.yaml", value: "invalid YAML", secret: "leak-dup-two-32" },
    { name: "a plain env var name in lower case", set: { "service:app": { plainEnv: { "feature-flag": "on" } } }, key: "service:app.plainEnv.feature-flag", value: '"on"', expected: /UPPER_SNAKE_CASE environment variable name as the name/ },
];

const collisions: Case[] = [
    { name: "alert addresses differing only in case", set: { "service:alerts": { emails: ["oncall@example.com", "OnCall@Example.com"] } }, key: "service:alerts.emails.1", value: "OnCall@Example.com", expected: /lower case/ },
    { name: "the same alert address twice", set: { "service:alerts": { emails: ["oncall@example.com", "oncall@example.com"] } }, key: "service:alerts.emails.1", value: "oncall@example.com" },
    { name: "the same CIDR twice", set: { "service:database": { allowedCidrs: ["203.0.113.0/24", "203.0.113.0/24"] } }, key: "service:database.allowedCidrs.1", value: "203.0.113.0/24", expected: /duplicate rule/ },
    { name: "a generated secret named twice", set: { "service:secrets": { generated: ["SESSION_SECRET", "SESSION_SECRET"] } }, key: "service:secrets.generated.1", value: "SESSION_SECRET" },
    { name: "two rate-limit rules of one name", set: { "service:rateLimits": [0, 1].map((i) => ({ name: "api-limit", pathPrefix: `/api/${i}`, limit: 10, windowSeconds: 60, key: "ip", action: "rate_limit" })) }, key: "service:rateLimits.1.name", value: "api-limit" },
    { name: "Blob storage with an OIDC provider ARN", set: { "service:storage": { backend: "blob", oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme" } }, key: "service:storage.oidcProviderArn", value: "acme", expected: /service:storage\.backend is "blob"/ },
    { name: "Blob storage with its own OIDC provider", set: { "service:storage": { backend: "blob", ownOidcProvider: true } }, key: "service:storage.ownOidcProvider", value: "true", expected: /service:storage\.backend/ },
    { name: "Blob storage with versioning settings", set: { "service:storage": { backend: "blob", versioning: true } }, key: "service:storage.versioning", value: "true" },
    { name: "external Sentry with an organization", set: { "service:sentry": { mode: "external", organization: "acme" }, "service:apiKeys": { SENTRY_DSN: secure("dsn") } }, key: "service:sentry.organization", value: '"acme"', expected: /service:sentry\.mode is "external"/ },
    { name: "external Sentry with alert settings", set: { "service:sentry": { mode: "external", alerts: { newIssues: true } }, "service:apiKeys": { SENTRY_DSN: secure("dsn") } }, key: "service:sentry.alerts", value: "newIssues" },
    { name: "Upstash with ElastiCache node settings", set: { "service:cache": { backend: "upstash", nodes: 3 } }, key: "service:cache.nodes", value: "3", expected: /service:cache\.backend is "upstash"/ },
    { name: "public reachability with a peering connection", set: { "service:vercel": { teamId: "team_acme", peeringConnectionId: "pcx-0123456789abcdef0" } }, key: "service:vercel.peeringConnectionId", value: "pcx-0123456789abcdef0", expected: /service:reachability is "public"/ },
    { name: "a secure service:environment", set: { "service:environment": secure("dev") }, key: "service:environment", value: "[secret]", expected: /cannot be secret/ },
    { name: "an empty secure Upstash key", set: { "upstash:apiKey": { secure: "" } }, key: "upstash:apiKey", value: "without ciphertext" },
    { name: "an empty secure apiKeys entry", set: { "service:apiKeys": { OPENAI_API_KEY: { secure: "" } } }, key: "service:apiKeys.OPENAI_API_KEY", value: "without ciphertext" },
    { name: "a plain apiKeys entry beside a secure one", set: { "service:apiKeys": { SENTRY_DSN: secure("dsn"), OPENAI_API_KEY: "sk-plain-beside-one-41" } }, key: "service:apiKeys.OPENAI_API_KEY", value: "a plain-text value", secret: "sk-plain-beside-one-41" },
    { name: "a plain apiKeys entry beside three secure ones", set: { "service:apiKeys": { A_KEY: secure("a"), B_KEY: secure("b"), C_KEY: secure("c"), D_KEY: "sk-plain-beside-three-42" } }, key: "service:apiKeys.D_KEY", value: "a plain-text value", secret: "sk-plain-beside-three-42" },
];

const projectFiles: Case[] = [
    { name: "no Pulumi.yaml beside the stack files", project: null, key: "Pulumi.yaml", value: "(no such file)", expected: /never adopts a parent folder/ },
    { name: "a numeric project name", project: "name: 42\nruntime: nodejs\n", key: "Pulumi.yaml: name", value: "42" },
    { name: "a project name with ::", project: 'name: "orbit::notes"\nruntime: nodejs\n', key: "Pulumi.yaml: name", value: "orbit::notes", expected: /letters, digits, hyphens, underscores and dots/ },
    { name: "a project name with a space", project: 'name: "orbit notes"\nruntime: nodejs\n', key: "Pulumi.yaml: name", value: "orbit notes" },
    { name: "project config of another namespace as a bare mapping", project: "name: service-template\nruntime: nodejs\nconfig:\n  service:database:\n    multiAz: false\n", key: "Pulumi.yaml: config.service:database", value: "multiAz", expected: /under `value:`/ },
    { name: "project config of another namespace with a default", project: "name: service-template\nruntime: nodejs\nconfig:\n  service:protectData:\n    default: false\n", key: "Pulumi.yaml: config.service:protectData.default", value: "a default", expected: /`value:` instead/ },
    { name: "project config with both value and default", project: "name: service-template\nruntime: nodejs\nconfig:\n  retries:\n    value: 1\n    default: 2\n", key: "Pulumi.yaml: config.retries", value: "both default and value" },
    { name: "a project config value that breaks the schema", project: "name: service-template\nruntime: nodejs\nconfig:\n  service:protectData: maybe\n", key: "service:protectData", value: '"maybe"' },
    { name: "a secret in project config", project: "name: service-template\nruntime: nodejs\nconfig:\n  upstash:apiKey:\n    value:\n      secure: v1:abc\n", key: "Pulumi.yaml: config.upstash:apiKey", value: "[secret]" },
    { name: "stackConfigDir and a text config at once", project: "name: service-template\nruntime: nodejs\nstackConfigDir: stacks\nconfig: other\n", key: "Pulumi.yaml: config", value: '"other"' },
    { name: "an unknown tag in Pulumi.yaml", project: "name: service-template\nruntime: nodejs\nconfig:\n  upstash:apiKey: !secret leak-project-tag-61\n", key: "Pulumi.yaml: config.upstash:apiKey", value: "!secret", secret: "leak-project-tag-61" },
];

const flags: Case[] = [
    { name: "--out pointed at the stack file", args: ["--out", "{root}/Pulumi.bad.yaml"], key: "--out", value: "Pulumi.bad.yaml", expected: /which the check reads/ },
    { name: "--export-state pointed at the project file", args: ["--export-state", "{root}/Pulumi.yaml"], key: "--export-state", value: "Pulumi.yaml" },
    { name: "--out pointed at the policy config", args: ["--out", "{tmp}/bad-policy.json"], policy: "{}", key: "--out", value: "bad-policy.json" },
    { name: "--out pointed at the stack file through a relative path with ..", args: ["--out", "{tmp}/../../../{root}/Pulumi.bad.yaml"], key: "--out", value: "Pulumi.bad.yaml" },
    { name: "--out and --export-state on one file", args: ["--out", "{tmp}/same.json", "--export-state", "{tmp}/same.json"], key: "--export-state", value: "same.json" },
    { name: "--out= empty", args: ["--out="], key: "--out", value: '""', expected: /non-empty/ },
    { name: "--format given twice", args: ["-f", "sarif", "-f", "junit"], key: "--format", value: '"sarif"', expected: /once/ },
    { name: "--out given twice", args: ["--out", "{tmp}/a.txt", "-o", "{tmp}/b.txt"], key: "--out", value: "a.txt" },
    { name: "--policy-config given twice", args: ["--policy-config", "{tmp}/a.json", "--policy-config", "{tmp}/b.json"], key: "--policy-config", value: "a.json" },
    { name: "--stack with path components", args: ["--stack", "/../.x/name"], key: "--stack", value: "/../.x/name", expected: /without path components/ },
    { name: "--stack climbing out of the folder", args: ["--stack", "../Pulumi"], key: "--stack", value: "../Pulumi" },
    { name: "--environment with path components", args: ["--state", "{tmp}/missing.json", "--environment", "../../x"], key: "--environment", value: "../../x", expected: /--policy-config/ },
    { name: "--environment= empty", args: ["--state", "{tmp}/missing.json", "--environment="], key: "--environment", value: '""' },
    { name: "a refused run with an earlier report at --out", args: ["--out", "{tmp}/report.out"], set: { "service:owner": "$(whoami)" }, stale: true, key: "service:owner", value: "$(whoami)" },
];

const elsewhere: Case[] = [
    { name: "--state with a null resource", state: stateExport((r) => [null, ...r]), key: "--state deployment.resources[0]", value: "null" },
    { name: "--state with a numeric URN", state: stateExport((r) => [r[0], { ...r[1], urn: 42 }]), key: "--state deployment.resources[1].urn", value: "42" },
    { name: "--state with a malformed %-escape in sourcePosition", state: stateExport((r) => [r[0], { ...r[1], sourcePosition: "project:///a%zz.ts#1,2" }]), key: "--state deployment.resources[1].sourcePosition", value: "%zz" },
    { name: "--state with inputs nested 20,000 deep", state: stateExport().replace('"inputs":{', `"inputs":{"deep":${nested(20000)},`), key: "--state", value: "nested more than" },
    { name: "--state with cyclic parents", state: stateExport((r) => [r[0], { ...r[1], parent: "urn:pulumi:dev::service-template::aws:s3/bucket:Bucket::other" }, { ...r[1], urn: "urn:pulumi:dev::service-template::aws:s3/bucket:Bucket::other", parent: r[1].urn }]), key: "--state deployment.resources[1].parent", value: "other" },
    { name: "--state with one URN twice", state: stateExport((r) => [r[0], r[1], r[1]]), key: "--state deployment.resources[2].urn", value: "uploads", expected: /duplicate URN/ },
    { name: "--state that is not JSON, around a credential", state: '{"version":3,"deployment":{"resources":[{"inputs":{"password":"leak-state-json-71" oops}}]}}', key: "--state", value: "invalid JSON", secret: "leak-state-json-71" },
    { name: "--state cut off inside a credential", state: '{"version":3,"deployment":{"resources":[{"inputs":{"password":"leak-state-cut-72', key: "--state", value: "invalid JSON", secret: "leak-state-cut-72" },
    { name: "--baseline that is not JSON, around a credential", baseline: '{"stack":"bad","resources":[{"inputs":{"token":"leak-baseline-73"} ]}', key: "--baseline", value: "invalid JSON", secret: "leak-baseline-73" },
    { name: "--baseline report with a null resource", baseline: JSON.stringify({ stack: "bad", resources: [null] }), key: "--baseline resources[0]", value: "null" },
    { name: "--baseline export with a numeric URN", baseline: stateExport((r) => [r[0], { ...r[1], urn: 7 }]), key: "--baseline deployment.resources[1].urn", value: "7" },
    { name: "--policy-config that is not JSON, around a credential", policy: '{"all": "mandatory", "note": "leak-policy-74" oops}', key: /bad-policy\.json$/, value: "invalid JSON", secret: "leak-policy-74" },
];

const CORPUS: Array<[string, Case[]]> = [
    ["values YAML can hold, and bytes that are not text", yamlValues],
    ["settings that collide, or do nothing in the chosen mode", collisions],
    ["the project file", projectFiles],
    ["flags that would clobber or escape", flags],
    ["files from elsewhere", elsewhere],
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
    if (c.project === undefined) fs.copyFileSync(path.join(EXAMPLE.project!, "Pulumi.yaml"), path.join(root, "Pulumi.yaml"));
    else if (c.project !== null) fs.writeFileSync(path.join(root, "Pulumi.yaml"), c.project);
    fs.symlinkSync(path.join(layout.root, "policies"), path.join(root, "policies"));
    let text = c.file;
    if (text === undefined) {
        const config: Record<string, unknown> = { ...DEV };
        for (const [k, v] of Object.entries(c.set ?? {})) {
            if (v === undefined) delete config[k];
            else config[k] = v;
        }
        text = stringify({ config });
        if (c.yaml) text = `${text.trimEnd()}\n${c.yaml.map((l) => `  ${l}`).join("\n")}\n`;
    }
    fs.writeFileSync(path.join(root, "Pulumi.bad.yaml"), text);
    const tmp = scratchDir("badinput-out-");
    fs.writeFileSync(path.join(tmp, "file.txt"), "a file, not a folder");
    if (c.stale) fs.writeFileSync(path.join(tmp, "report.out"), "READY: bad: an earlier run's report\n");
    return { root, tmp };
}

/** Every input file's bytes, to prove a run changed none of them. */
function snapshot(dirs: string[]): Map<string, string> {
    const out = new Map<string, string>();
    for (const dir of dirs) {
        for (const f of fs.readdirSync(dir)) {
            const file = path.join(dir, f);
            if (fs.lstatSync(file).isFile()) out.set(file, fs.readFileSync(file).toString("base64"));
        }
    }
    return out;
}

async function run(c: Case, format: "json" | "text"): Promise<{ code: number; out: string; err: string; printed: string; tmp: string; root: string; changed: string[] }> {
    const { root, tmp } = projectFor(c);
    const args = [...(c.args ?? []).map((a) => a.replace("{tmp}", tmp).replace("{root}", root))];
    if (c.state !== undefined) {
        fs.writeFileSync(path.join(tmp, "state.json"), c.state);
        args.unshift("--state", path.join(tmp, "state.json"));
    }
    if (c.baseline !== undefined) {
        fs.writeFileSync(path.join(tmp, "baseline.json"), c.baseline);
        args.push("--baseline", path.join(tmp, "baseline.json"));
    }
    if (!args.includes("--stack") && !args.includes("--state")) args.unshift("--stack", "bad");
    if (c.policy !== undefined) {
        const file = path.join(tmp, "bad-policy.json");
        fs.writeFileSync(file, c.policy);
        args.push("--policy-config", file);
    }
    if (format === "json") args.unshift("--format", "json");
    const before = snapshot([root, tmp].filter(Boolean));
    let out = "";
    let err = "";
    // What the process itself prints (a library's warning goes to stderr, not through `err`).
    let printed = "";
    const stderr = process.stderr.write;
    const onWarning = (w: Error) => (printed += `${w.name}: ${w.message}\n`);
    process.on("warning", onWarning);
    process.stderr.write = ((s: string | Uint8Array) => ((printed += typeof s === "string" ? s : Buffer.from(s).toString("utf8")), true)) as typeof process.stderr.write;
    let code: number;
    try {
        code = await main(args, (s) => (out += s), (s) => (err += s), { layout: { root, dist: layout.dist }, program: SENTINEL });
        await new Promise((resolve) => setImmediate(resolve));
    } finally {
        process.stderr.write = stderr;
        process.off("warning", onWarning);
    }
    const after = snapshot([root, tmp]);
    const changed = [...before].filter(([f, bytes]) => after.get(f) !== bytes && !(c.stale && f.endsWith("report.out"))).map(([f]) => f);
    return { code, out, err, printed, tmp, root, changed };
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
                    const value = c.value.replace("{tmp}", json.tmp).replace("{root}", json.root);
                    assert.equal(loads(), before, "the program must not be loaded: nothing may be registered");

                    assert.equal(json.code, 2, json.out);
                    assert.equal(json.err, "", "with --format json the error is on stdout only");
                    const doc = JSON.parse(json.out) as { error: { code: number; message: string; problems: Array<{ key: string; value: string; expected: string }> } };
                    assert.equal(doc.error.code, 2);
                    const problem = doc.error.problems.find((p) => matches(p.key, c.key));
                    assert.ok(problem, `no problem names ${c.key}; got ${JSON.stringify(doc.error.problems.map((p) => p.key))}`);
                    assert.ok(problem.value.includes(value), `value of ${problem.key}: ${problem.value}, expected it to show ${value}`);
                    assert.ok(problem.expected.length >= 5, `says what is expected: ${problem.expected}`);
                    if (c.expected) assert.match(problem.expected, c.expected);
                    for (const r of [json, text]) {
                        assert.deepEqual(r.changed, [], "no file of the user's is changed");
                        if (c.stale) assert.ok(!fs.existsSync(path.join(r.tmp, "report.out")), "the earlier report is gone: a refused run leaves no stale success");
                    }

                    assert.equal(text.code, 2);
                    assert.equal(text.out, "", "an error prints no report");
                    const keyText = typeof c.key === "string" ? c.key : path.basename(problem.key.split(": ").pop()!);
                    assert.ok(text.err.includes(keyText), `stderr names ${keyText}:\n${text.err}`);
                    assert.equal(text.err.trim().split("\n")[0].length > 0, true);
                    for (const output of [json.out, text.err, json.printed, text.printed]) {
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
