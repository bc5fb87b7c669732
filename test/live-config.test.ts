/**
 * Config is judged once, before the stack registers anything of its own; components trust their typed args.
 * The checks that need what exists (the region's zones, the shared stack's outputs, the account) live in
 * config/live.ts and run from components/surroundings.ts ahead of every component; the states the checks exclude
 * cannot be written in the components' arg types, and the components no longer check them.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import type { RedisArgs } from "../components/cache";
import type { NetworkArgs } from "../components/network";
import type { ObjectStorageArgs } from "../components/storage";
import { judgeLiveFacts, LiveFacts, parseServiceConfig, PlainServiceConfig } from "../config";
import { ProgramError, runProgram } from "../readiness/engine/run";
import { defaultLayout } from "../readiness/layout";
import { EXAMPLE_PROJECT, exampleStack } from "./support";

const { root, dist } = defaultLayout();
const SHARED = `organization/${EXAMPLE_PROJECT}/shared`;
const ACCOUNT = "210987654321";
const PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.vercel.com/acme`;
const sharedOutputs = { vercelProjectId: "prj_shared", vercelOidcProviderArn: PROVIDER, awsAccountId: ACCOUNT };

function configOf(stack: string, overrides: Record<string, unknown> = {}): PlainServiceConfig {
    const raw: Record<string, string> = { ...exampleStack(stack).config, "service:apiKeys": "{}" };
    for (const [k, v] of Object.entries(overrides)) raw[k] = typeof v === "string" ? v : JSON.stringify(v);
    const { apiKeys, ...config } = parseServiceConfig(raw, new Set(["service:apiKeys"]));
    return config;
}

/** Facts under which prod (three zones, the shared stack's provider) passes. */
const sound = (over: Partial<LiveFacts> = {}): LiveFacts => ({
    availableZones: ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d"],
    shared: { stack: SHARED, outputs: { ...sharedOutputs } },
    ownAccountId: ACCOUNT,
    ...over,
});

describe("live config checks (config/live.ts)", () => {
    it("quiet when the surroundings fit: the first zones in the region's order, the shared project and provider", () => {
        const { problems, settings } = judgeLiveFacts(configOf("prod"), sound());
        assert.deepEqual(problems, []);
        assert.deepEqual(settings, { zones: ["us-east-1a", "us-east-1b", "us-east-1c"], vercelProjectId: "prj_shared", storage: { backend: "s3", oidcProvider: { create: false, arn: PROVIDER } } });
    });

    it("refuses more zones than the region offers the account, naming the key, the value and the limit", () => {
        const { problems, settings } = judgeLiveFacts(configOf("prod"), sound({ availableZones: ["us-west-1a", "us-west-1c"] }));
        assert.equal(settings, undefined);
        assert.deepEqual(problems.map((p) => [p.key, p.given]), [["service:availabilityZones", "3"]]);
        assert.match(problems[0].expected, /^at most 2: us-east-1 has no more available zones for this account \(us-west-1a, us-west-1c\)$/);
    });

    it("refuses a shared stack without the outputs the stack reads, naming service:sharedStack", () => {
        const { problems } = judgeLiveFacts(configOf("dev"), sound({ shared: { stack: SHARED, outputs: {} } }));
        assert.deepEqual(problems.map((p) => [p.key, p.given]), [["service:sharedStack", JSON.stringify(SHARED)], ["service:sharedStack", JSON.stringify(SHARED)]]);
        assert.match(problems[0].expected, /exports vercelProjectId: run `pulumi up` on the shared stack first/);
        assert.match(problems[1].expected, /exports vercelOidcProviderArn/);
        // A stack that names its project and creates its own provider never reads the shared stack.
        const own = configOf("dev", { "service:vercel": { teamId: "team_acme", projectId: "prj_own" }, "service:storage": { ownOidcProvider: true } });
        const alone = judgeLiveFacts(own, { availableZones: ["a", "b"] });
        assert.deepEqual(alone.problems, []);
        assert.deepEqual(alone.settings?.storage, { backend: "s3", oidcProvider: { create: true } });
    });

    it("refuses the shared stack's OIDC provider in another account, or when it created none", () => {
        const elsewhere = judgeLiveFacts(configOf("prod"), sound({ shared: { stack: SHARED, outputs: { ...sharedOutputs, awsAccountId: "999999999999" } } }));
        assert.deepEqual(elsewhere.problems.map((p) => [p.key, p.given]), [["service:storage.ownOidcProvider", "false"]]);
        assert.match(elsewhere.problems[0].expected, /this stack deploys into AWS account 210987654321, the shared stack .* into 999999999999/);
        const none = judgeLiveFacts(configOf("prod"), sound({ shared: { stack: SHARED, outputs: { ...sharedOutputs, vercelOidcProviderArn: "" } } }));
        assert.match(none.problems[0].expected, /created no OIDC provider \(its storage backend is not s3\)/);
        // Blob storage needs no provider at all.
        assert.deepEqual(judgeLiveFacts(configOf("dev", { "service:storage": { backend: "blob" } }), sound({ shared: { stack: SHARED, outputs: { ...sharedOutputs, vercelOidcProviderArn: "" } } })).problems, []);
    });

    it("refuses the shared stack's provider of another team's issuer (the check storage.ts made while registering)", () => {
        const config = configOf("prod", { "service:vercel": { teamId: "team_acme", teamSlug: "other-team", domain: "chat.acme.example" } });
        const { problems } = judgeLiveFacts(config, sound());
        assert.deepEqual(problems.map((p) => p.key), ["service:storage.oidcProviderArn"]);
        assert.match(problems[0].expected, /oidc\.vercel\.com\/other-team .* trusts tokens of team "acme"/);
        assert.deepEqual(judgeLiveFacts(configOf("prod", { "service:vercel": { teamId: "team_acme", teamSlug: "acme", domain: "chat.acme.example" } }), sound()).problems, []);
    });

    it("reports every live problem at once", () => {
        const facts = sound({ availableZones: ["us-east-1a"], shared: { stack: SHARED, outputs: { ...sharedOutputs, awsAccountId: "999999999999" } } });
        assert.deepEqual(judgeLiveFacts(configOf("prod"), facts).problems.map((p) => p.key), ["service:availabilityZones", "service:storage.ownOidcProvider"]);
    });
});

/** The real program under the offline engine, with the region's zones and the shared stack's outputs given. */
function run(stack: string, mock: { availableZones?: string[]; stackOutputs?: Record<string, Record<string, unknown>> }) {
    return runProgram({
        program: path.join(dist, "index.js"),
        project: EXAMPLE_PROJECT,
        stack,
        config: { ...exampleStack(stack).config, "service:apiKeys": "{}" },
        secretKeys: ["service:apiKeys"],
        preview: true,
        mock: { region: "us-east-1", accountId: ACCOUNT, ...mock },
    });
}

/** What reading the surroundings needs registered: the stack, its AWS provider and the StackReference. */
const READERS = new Set(["pulumi:pulumi:Stack", "pulumi:providers:aws", "pulumi:pulumi:StackReference"]);
const typeOf = (urn: string) => urn.split("::")[2].split("$").pop()!;

describe("a live refusal comes before the stack registers anything of its own", () => {
    it("more zones than the region offers: a config error naming the key, and nothing but the readers registered", async () => {
        await assert.rejects(run("prod", { availableZones: ["us-east-1a", "us-east-1b"] }), (e: unknown) => {
            assert.ok(e instanceof ProgramError);
            assert.equal(e.bug, false, "bad input, not a bug");
            assert.match(e.message, /service:availabilityZones: got 3; expected at most 2: us-east-1 has no more available zones/);
            assert.ok(e.registered.length > 0);
            assert.deepEqual(e.registered.map(typeOf).filter((t) => !READERS.has(t)), []);
            return true;
        });
    });

    it("a shared provider in another account: the same", async () => {
        const elsewhere = { ...sharedOutputs, awsAccountId: "999999999999" };
        await assert.rejects(run("prod", { stackOutputs: { [SHARED]: elsewhere } }), (e: unknown) => {
            assert.ok(e instanceof ProgramError);
            assert.match(e.message, /service:storage\.ownOidcProvider: got false; expected true: this stack deploys into AWS account 210987654321/);
            assert.deepEqual(e.registered.map(typeOf).filter((t) => !READERS.has(t)), []);
            return true;
        });
    });

    it("quiet with enough zones: the subnets take the region's zones in its order", async () => {
        const { resources } = await run("dev", { availableZones: ["us-east-1b", "us-east-1f"] });
        const subnets = resources.filter((r) => r.type === "aws:ec2/subnet:Subnet");
        assert.deepEqual([...new Set(subnets.map((s) => s.inputs.availabilityZone))], ["us-east-1b", "us-east-1f"]);
    });
});

describe("components trust their typed args", () => {
    /** Files of components/ that judged config while registering, and what gave it away. */
    const judged = ["network.ts", "storage.ts", "cache.ts", "shared.ts", "app/project.ts", "monitoring.ts", "database.ts"];

    for (const file of judged) {
        it(`components/${file} throws no config error`, () => {
            const source = fs.readFileSync(path.join(root, "components", file), "utf8");
            // connectionBudget throws a ConfigError for settings validation refused: the budget arrives as an arg instead.
            assert.doesNotMatch(source, /\bthrow\b|ConfigError|RunError|connectionBudget\(/);
        });
    }

    it("the states the checks exclude cannot be written (the type-check of this file fails if they can)", () => {
        const network = (a: NetworkArgs) => a.reachability.mode;
        // @ts-expect-error private reachability without its Secure Compute network
        network({ reachability: { mode: "private" }, cidrBlock: "10.42.0.0/16", zones: ["a", "b"] });
        // @ts-expect-error public reachability without the sources Postgres admits
        network({ reachability: { mode: "public" }, cidrBlock: "10.42.0.0/16", zones: ["a", "b"] });
        const storage = (a: ObjectStorageArgs) => a.backend;
        // @ts-expect-error an S3 bucket whose role has no OIDC provider to trust
        storage({ backend: "s3", region: "us-east-1", versioning: true, noncurrentVersionExpirationDays: 30, abortIncompleteUploadDays: 7, corsOrigins: [], forceDestroy: false, teamId: "team_acme", projectName: "x", oidcEnvironments: ["production"] });
        const redis = (a: RedisArgs) => a.backend;
        // @ts-expect-error ElastiCache without the network's subnets and security group
        redis({ backend: "elasticache", engine: "valkey", nodeType: "cache.t4g.micro", nodes: 1, snapshotRetentionDays: 0, finalSnapshot: false });
        assert.equal(network({ reachability: { mode: "public", databaseAllowedCidrs: ["0.0.0.0/0"] }, cidrBlock: "10.42.0.0/16", zones: ["a", "b"] }), "public");
    });
});
