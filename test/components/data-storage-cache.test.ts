import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { describe, it } from "node:test";
import { cacheRules } from "../../policies/rules/cache";
import { blobRules } from "../../policies/rules/blob";
import { iamOidcRoleScoped } from "../../policies/rules/iam";
import { storageRules } from "../../policies/rules/storage";
import { defaultLayout } from "../../readiness/layout";
import type { StackReport } from "../../readiness/report";
import { runProgram } from "../../readiness/engine/run";
import type { RecordedResource } from "../../readiness/engine/resource";
import { checkVariant, exampleStack } from "../support";

const SIG_KEY = pulumi.runtime.specialSigKey;
const SECRET_SIG = pulumi.runtime.specialSecretSig;
const isSecret = (v: unknown) => !!v && typeof v === "object" && (v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
/** A wire value with its secret wrappers removed (the recorded outputs keep them, as the engine does). */
function plain(v: unknown): any {
    if (isSecret(v)) return plain((v as { value: unknown }).value);
    if (Array.isArray(v)) return v.map(plain);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
    return v;
}

const ACCOUNT = { dev: "111111111111", prod: "210987654321" } as const;
const PRIVATE_VERCEL = { teamId: "team_acme", protectPreviews: true, secureComputeNetworkId: "net_acme", peeringConnectionId: "pcx-0123456789abcdef0" };
/** The other backends: a Blob store, and ElastiCache (which needs private reachability). */
const BLOB_ELASTICACHE = { "service:reachability": "private", "service:storage": { backend: "blob" }, "service:cache": { backend: "elasticache" } };

type Env = "dev" | "prod";

/** Runs test/programs/storage-cache.ts on an example stack's config with overrides. */
async function runComponents(stack: Env, overrides: Record<string, unknown> = {}, preview = false) {
    const config: Record<string, string> = { ...exampleStack(stack).config, "service:apiKeys": "{}" };
    for (const [k, v] of Object.entries(overrides)) config[k] = typeof v === "string" ? v : JSON.stringify(v);
    if ("service:reachability" in overrides) config["service:vercel"] = JSON.stringify({ ...JSON.parse(config["service:vercel"]), ...PRIVATE_VERCEL });
    const run = await runProgram({
        program: path.join(defaultLayout().dist, "test", "programs", "storage-cache.js"),
        project: "service-template",
        stack,
        config,
        secretKeys: ["service:apiKeys"],
        preview,
        mock: { region: "us-east-1", accountId: ACCOUNT[stack] },
    });
    const byType = (type: string) => run.resources.filter((r) => r.type === type);
    const one = (type: string): RecordedResource => {
        const found = byType(type);
        assert.equal(found.length, 1, `one ${type}, got ${found.length}`);
        return found[0];
    };
    return { run, byType, one, inputs: (type: string) => plain(one(type).inputs) };
}

const doc = (json: unknown) => JSON.parse(String(json));

describe("ObjectStorage, s3 backend", () => {
    for (const env of ["dev", "prod"] as const) {
        it(`builds a private, TLS-only, encrypted bucket and an OIDC role scoped to ${env}'s Vercel environments`, async () => {
            const { run, one, byType, inputs } = await runComponents(env);
            const bucketName = `acme-chat-${env}-uploads-${ACCOUNT[env]}`;
            const component = one("service:data:ObjectStorage");
            const bucket = one("aws:s3/bucket:Bucket");
            assert.equal(bucket.parent, component.urn);
            assert.equal(inputs("aws:s3/bucket:Bucket").bucket, bucketName);
            assert.equal(bucket.protect, env === "prod");
            assert.equal(bucket.retainOnDelete, env === "prod");
            assert.equal(inputs("aws:s3/bucket:Bucket").forceDestroy, env === "dev");
            for (const type of ["Bucket", "BucketPublicAccessBlock", "BucketOwnershipControls", "BucketPolicy", "BucketLifecycleConfiguration"]) {
                const r = run.resources.find((x) => x.type.endsWith(`:${type}`))!;
                assert.ok(r.provider?.includes("pulumi:providers:aws::aws"), `${type} uses the stack's AWS provider`);
            }

            const pab = inputs("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
            assert.deepEqual([pab.bucket, pab.blockPublicAcls, pab.blockPublicPolicy, pab.ignorePublicAcls, pab.restrictPublicBuckets], [bucketName, true, true, true, true]);
            assert.equal(inputs("aws:s3/bucketOwnershipControls:BucketOwnershipControls").rule.objectOwnership, "BucketOwnerEnforced");
            assert.equal(inputs("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").rules[0].applyServerSideEncryptionByDefault.sseAlgorithm, "AES256");

            const policy = doc(inputs("aws:s3/bucketPolicy:BucketPolicy").policy);
            const tls = policy.Statement.find((s: any) => s.Sid === "DenyInsecureTransport");
            assert.deepEqual(tls.Resource, [`arn:aws:s3:::${bucketName}`, `arn:aws:s3:::${bucketName}/*`]);
            assert.deepEqual(tls.Condition, { Bool: { "aws:SecureTransport": "false" } });

            const rules = inputs("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").rules;
            assert.equal(rules.find((r: any) => r.id === "abort-incomplete-uploads").abortIncompleteMultipartUpload.daysAfterInitiation, env === "prod" ? 7 : 1);
            const versioning = byType("aws:s3/bucketVersioning:BucketVersioning");
            if (env === "prod") {
                assert.equal(plain(versioning[0].inputs).versioningConfiguration.status, "Enabled");
                assert.equal(rules.find((r: any) => r.id === "expire-noncurrent-versions").noncurrentVersionExpiration.noncurrentDays, 30);
                assert.equal(byType("aws:s3/bucketCorsConfiguration:BucketCorsConfiguration").length, 0, "prod lists no CORS origins");
            } else {
                assert.equal(versioning.length, 0);
                assert.equal(rules.length, 1);
                assert.deepEqual(inputs("aws:s3/bucketCorsConfiguration:BucketCorsConfiguration").corsRules[0].allowedOrigins, ["http://localhost:3000"]);
            }

            // The account's provider is the shared stack's; the role trusts it without creating one.
            assert.equal(byType("aws:iam/openIdConnectProvider:OpenIdConnectProvider").length, 0);
            const role = inputs("aws:iam/role:Role");
            assert.equal(role.name, `acme-chat-${env}-storage`);
            const [trust] = doc(role.assumeRolePolicy).Statement;
            assert.equal(trust.Principal.Federated, `arn:aws:iam::${ACCOUNT[env]}:oidc-provider/oidc.vercel.com/acme`);
            const subjects = env === "prod" ? ["production"] : ["preview", "development"];
            assert.deepEqual(trust.Condition.StringEquals, {
                "oidc.vercel.com/acme:aud": "https://vercel.com/acme",
                "oidc.vercel.com/acme:sub": subjects.map((e) => `owner:acme:project:acme-chat:environment:${e}`),
            });
            const grants = doc(inputs("aws:iam/rolePolicy:RolePolicy").policy).Statement;
            assert.deepEqual(grants.map((s: any) => s.Resource), [`arn:aws:s3:::${bucketName}/*`, `arn:aws:s3:::${bucketName}`]);
            assert.ok(!JSON.stringify(grants).includes("s3:*"));

            const endpoints = plain(run.stackOutputs.storageEndpoints);
            assert.deepEqual(endpoints, { backend: "s3", bucketName, region: "us-east-1", roleArn: `arn:aws:iam::${ACCOUNT[env]}:role/acme-chat-${env}-storage` });
        });
    }

    it("reuses an OIDC provider named in config and refuses one of another team", async () => {
        const arn = `arn:aws:iam::${ACCOUNT.dev}:oidc-provider/oidc.vercel.com/acme`;
        const { byType, inputs } = await runComponents("dev", { "service:storage": { oidcProviderArn: arn } });
        assert.equal(byType("aws:iam/openIdConnectProvider:OpenIdConnectProvider").length, 0);
        assert.equal(doc(inputs("aws:iam/role:Role").assumeRolePolicy).Statement[0].Principal.Federated, arn);
        const otherTeam = { "service:storage": { oidcProviderArn: arn.replace(/acme$/, "other") }, "service:vercel": { teamId: "team_acme", teamSlug: "acme", protectPreviews: true } };
        await assert.rejects(runComponents("dev", otherTeam), /service:storage\.oidcProviderArn: got .*oidc\.vercel\.com\/other"; expected the account's OIDC provider for oidc\.vercel\.com\/acme/);
    });

    it("takes the team slug from config over Vercel's answer", async () => {
        const { inputs } = await runComponents("prod", { "service:vercel": { teamId: "team_acme", teamSlug: "acme-corp", protectPreviews: true } });
        const [trust] = doc(inputs("aws:iam/role:Role").assumeRolePolicy).Statement;
        assert.equal(trust.Principal.Federated, `arn:aws:iam::${ACCOUNT.prod}:oidc-provider/oidc.vercel.com/acme-corp`);
        assert.ok("oidc.vercel.com/acme-corp:aud" in trust.Condition.StringEquals);
    });

    it("creates the account's provider itself only when told its account has no shared stack", async () => {
        const { inputs, one } = await runComponents("dev", { "service:storage": { ownOidcProvider: true } });
        const oidc = inputs("aws:iam/openIdConnectProvider:OpenIdConnectProvider");
        assert.deepEqual([oidc.url, oidc.clientIdLists], ["https://oidc.vercel.com/acme", ["https://vercel.com/acme"]]);
        assert.ok(one("aws:iam/role:Role").dependsOn.includes(one("aws:iam/openIdConnectProvider:OpenIdConnectProvider").urn), "the trust names it by ARN, so the role waits");
    });
});

describe("ObjectStorage, blob backend", () => {
    for (const env of ["dev", "prod"] as const) {
        it(`creates a private Blob store in the team (${env})`, async () => {
            const { run, one, inputs } = await runComponents(env, { "service:storage": { backend: "blob" } });
            assert.deepEqual(inputs("vercel:index/blobStore:BlobStore"), { name: `acme-chat-${env}-uploads`, access: "private", teamId: "team_acme" });
            assert.equal(one("vercel:index/blobStore:BlobStore").protect, env === "prod");
            assert.ok(!run.resources.some((r) => r.type.startsWith("aws:s3/") || r.type === "aws:iam/role:Role"));
            const endpoints = plain(run.stackOutputs.storageEndpoints);
            assert.equal(endpoints.backend, "blob");
            assert.match(endpoints.storeId, /^store_/);
        });
    }
});

describe("Redis, upstash backend", () => {
    for (const env of ["dev", "prod"] as const) {
        it(`creates a TLS database in the configured region and hands out a secret rediss:// URL (${env})`, async () => {
            const { run, one, inputs } = await runComponents(env);
            // The budget is the preset's, not Upstash's default of $20, past which Upstash throttles the database.
            assert.deepEqual(inputs("upstash:index/redisDatabase:RedisDatabase"), { databaseName: `acme-chat-${env}-cache`, region: "global", primaryRegion: "us-east-1", tls: true, budget: env === "prod" ? 60 : 20 });
            const db = one("upstash:index/redisDatabase:RedisDatabase");
            assert.equal(db.parent, one("service:data:Redis").urn);
            assert.equal(db.protect, env === "prod");
            assert.ok(isSecret(run.stackOutputs.redisUrl), "the URL stays a secret");
            const password = plain(db.outputs).password;
            const host = plain(db.outputs).endpoint;
            assert.equal(plain(run.stackOutputs.redisUrl), `rediss://default:${encodeURIComponent(password)}@${host}:6379`);
            assert.equal(plain(run.stackOutputs.redisPrivate), false);
        });
    }
});

describe("Redis, elasticache backend", () => {
    for (const env of ["dev", "prod"] as const) {
        it(`creates an encrypted, authenticated group in the private subnets (${env})`, async () => {
            const { run, one, inputs } = await runComponents(env, BLOB_ELASTICACHE);
            const group = inputs("aws:elasticache/replicationGroup:ReplicationGroup");
            const nodes = env === "prod" ? 2 : 1;
            assert.equal(group.replicationGroupId, `acme-chat-${env}`);
            assert.equal(group.engine, "valkey");
            assert.equal(group.numCacheClusters, nodes);
            assert.deepEqual([group.transitEncryptionEnabled, group.transitEncryptionMode, group.atRestEncryptionEnabled], [true, "required", true]);
            assert.deepEqual([group.automaticFailoverEnabled, group.multiAzEnabled], [nodes >= 2, nodes >= 2]);
            assert.equal(group.snapshotRetentionLimit, env === "prod" ? 7 : 0);
            assert.equal(group.finalSnapshotIdentifier, env === "prod" ? `acme-chat-prod-final` : undefined);
            assert.deepEqual(group.securityGroupIds, ["sg-0cache"]);
            assert.equal(group.subnetGroupName, `acme-chat-${env}-cache`);
            assert.deepEqual(inputs("aws:elasticache/subnetGroup:SubnetGroup").subnetIds, ["subnet-0aaaa", "subnet-0bbbb"]);
            const rg = one("aws:elasticache/replicationGroup:ReplicationGroup");
            assert.equal(rg.protect, env === "prod");
            assert.ok(isSecret(rg.inputs.authToken), "the AUTH token reaches the provider as a secret");

            const token = one("random:index/randomPassword:RandomPassword");
            assert.equal(plain(token.inputs).overrideSpecial, "!&#$^<>-");
            assert.ok(token.additionalSecretOutputs.includes("result"));
            const secretValue = plain(token.outputs).result as string;
            assert.ok(secretValue.length >= 16 && secretValue.length <= 128 && /^[A-Za-z0-9!&#$^<>-]+$/.test(secretValue));
            assert.ok(isSecret(run.stackOutputs.redisUrl));
            const host = plain(rg.outputs).primaryEndpointAddress;
            assert.equal(plain(run.stackOutputs.redisUrl), `rediss://:${encodeURIComponent(secretValue)}@${host}:6379`);
            assert.equal(plain(run.stackOutputs.redisReplicationGroupId), `acme-chat-${env}`);
            assert.equal(plain(run.stackOutputs.redisPrivate), true);
        });
    }
});

describe("the data tier's storage and Redis in the committed stacks", () => {
    const mine = new Set([...storageRules, ...blobRules, iamOidcRoleScoped, ...cacheRules].map((r) => r.name));
    const ownViolations = (r: StackReport) => r.violations.filter((v) => mine.has(v.policy) && v.enforcementLevel === "mandatory");

    for (const env of ["dev", "prod"] as const) {
        it(`${env}: a bucket and a Redis, no mandatory storage or cache violation, every rule evaluated in preview`, async () => {
            for (const preview of [false, true]) {
                const report = await checkVariant(env, {}, { preview });
                assert.deepEqual(ownViolations(report), [], JSON.stringify(ownViolations(report)));
                assert.deepEqual(report.notEvaluated.filter((n) => mine.has(n.policy)), []);
                const types = new Set(report.resources.map((r) => r.type));
                for (const t of ["service:data:ObjectStorage", "service:data:Redis", "aws:s3/bucket:Bucket", "upstash:index/redisDatabase:RedisDatabase"]) assert.ok(types.has(t), t);
            }
        });

        it(`${env}: Blob and ElastiCache in private mode pass the same rules`, async () => {
            const report = await checkVariant(env, { ...BLOB_ELASTICACHE, "service:vercel": { ...PRIVATE_VERCEL, ...(env === "prod" ? { domain: "chat.acme.example" } : {}) } }, { preview: true });
            assert.deepEqual(ownViolations(report), [], JSON.stringify(ownViolations(report)));
            const types = new Set(report.resources.map((r) => r.type));
            for (const t of ["vercel:index/blobStore:BlobStore", "aws:elasticache/replicationGroup:ReplicationGroup"]) assert.ok(types.has(t), t);
        });
    }
});
