import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { exemptionTag } from "../../contracts/exemptions";
import { assertFires, assertQuiet, checkVariant, evaluate, reportFires, secret, SyntheticResource, UNKNOWN } from "../support";

const TAGS = { service: "acme-chat", environment: "prod", owner: "platform-team", "managed-by": "pulumi" };
const awsProvider = (inputs: Record<string, unknown> = {}, without: string[] = []): SyntheticResource => {
    // Provider inputs reach policies JSON-stringified, as the engine sends them.
    const all: Record<string, unknown> = { region: "us-east-1", defaultTags: JSON.stringify({ tags: TAGS }), allowedAccountIds: JSON.stringify(["210987654321"]), ...inputs };
    for (const key of without) delete all[key];
    return { type: "pulumi:providers:aws", name: "aws", inputs: all };
};
const bucket = (name: string, inputs: Record<string, unknown>, extra: Partial<SyntheticResource> = {}): SyntheticResource => ({
    type: "aws:s3/bucket:Bucket",
    name,
    inputs,
    ...extra,
});
const inFuture = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("required-tags", () => {
    it("fires on a taggable resource without its own tags or provider default tags, mandatory in dev and prod", async () => {
        for (const environment of ["dev", "prod"]) {
            const diags = await evaluate([bucket("bare", { bucket: `acme-chat-${environment}-bare` })], { environment });
            assertFires(diags, "required-tags", "bare", "mandatory");
        }
    });

    it("fires when a required tag is missing or blank on both the resource and its provider", async () => {
        const partial = { service: "acme-chat", environment: "prod", owner: " " };
        const diags = await evaluate([
            awsProvider({ defaultTags: JSON.stringify({ tags: partial }) }),
            { type: "aws:sns/topic:Topic", name: "alerts", inputs: { name: "acme-chat-prod-alerts" }, provider: "aws" },
        ]);
        const [v] = assertFires(diags, "required-tags", "alerts");
        assert.match(v.message, /owner, managed-by/);
    });

    it("stays quiet when the provider's default tags (a JSON string) or the resource's own tags cover every key", async () => {
        const viaProvider = await evaluate([awsProvider(), bucket("data", { bucket: "acme-chat-prod-data" }, { provider: "aws" })]);
        assertQuiet(viaProvider, "required-tags");
        const own = await evaluate([{ type: "aws:kms/key:Key", name: "key", inputs: { tags: TAGS } }]);
        assertQuiet(own, "required-tags");
    });

    it("leaves resource types without tags alone", async () => {
        const diags = await evaluate([{ type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name: "block", inputs: { bucket: "b", blockPublicAcls: true } }]);
        assertQuiet(diags, "required-tags");
    });

    it("catches an owner made of whitespace in the prod stack config", async () => {
        reportFires(await checkVariant("prod", { "service:owner": " " }), "required-tags");
    });
});

describe("names-carry-environment", () => {
    it("fires on a prod bucket, database and secret whose names carry another or no environment", async () => {
        const diags = await evaluate([
            bucket("uploads", { bucket: "acme-chat-dev-uploads", tags: TAGS }),
            { type: "aws:rds/instance:Instance", name: "db", inputs: { identifier: "acme-chat-db", tags: TAGS } },
            { type: "aws:secretsmanager/secret:Secret", name: "s", inputs: { namePrefix: "acme-chat-production/", tags: TAGS } },
            { type: "aws:elasticache/replicationGroup:ReplicationGroup", name: "cache", inputs: { replicationGroupId: "acme-chat-cache", tags: TAGS } },
        ]);
        for (const name of ["uploads", "db", "s", "cache"]) assertFires(diags, "names-carry-environment", name, "mandatory");
    });

    it("fires in dev on a name that only contains the environment inside a longer word", async () => {
        const diags = await evaluate([{ type: "aws:iam/role:Role", name: "role", inputs: { name: "acme-devices-role", tags: TAGS } }], { environment: "dev" });
        assertFires(diags, "names-carry-environment", "role", "mandatory");
    });

    it("stays quiet on names built from the prefix, auto-named resources and the Vercel project", async () => {
        const diags = await evaluate([
            bucket("uploads", { bucket: "acme-chat-prod-uploads", tags: TAGS }),
            { type: "aws:sns/topic:Topic", name: "alerts", inputs: { tags: TAGS } },
            { type: "aws:secretsmanager/secret:Secret", name: "s", inputs: { name: "acme-chat-prod/session-secret", tags: TAGS } },
            { type: "vercel:index/project:Project", name: "app", inputs: { name: "acme-chat" } },
        ]);
        assertQuiet(diags, "names-carry-environment");
    });
});

describe("aws-provider-account-pinned", () => {
    it("fires in prod on an explicit or default AWS provider without allowedAccountIds", async () => {
        const diags = await evaluate([
            awsProvider({}, ["allowedAccountIds"]),
            { type: "pulumi:providers:aws", name: "default_7_48_0", inputs: { region: "us-east-1" } },
        ]);
        assertFires(diags, "aws-provider-account-pinned", "aws", "mandatory");
        assertFires(diags, "aws-provider-account-pinned", "default_7_48_0", "mandatory");
    });

    it("stays quiet on a pinned provider in prod and on any provider in dev", async () => {
        assertQuiet(await evaluate([awsProvider()]), "aws-provider-account-pinned");
        assertQuiet(await evaluate([awsProvider({}, ["allowedAccountIds"])], { environment: "dev" }), "aws-provider-account-pinned");
    });
});

describe("aws-provider-no-static-credentials", () => {
    it("fires on keys given to an explicit provider in code and to the default provider from stack config, secret or not, mandatory in dev and prod", async () => {
        for (const environment of ["dev", "prod"]) {
            const diags = await evaluate(
                [
                    awsProvider({ accessKey: "AKIAIOSFODNN7EXAMPLE", secretKey: secret("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY") }),
                    { type: "pulumi:providers:aws", name: "default_7_48_0", inputs: { region: "us-east-1", token: "FwoGZXIvYXdzEXAMPLE" } },
                ],
                { environment },
            );
            const [v] = assertFires(diags, "aws-provider-no-static-credentials", "aws", "mandatory");
            assert.match(v.message, /accessKey, secretKey/);
            assert.doesNotMatch(v.message, /AKIA|wJalr/, "no key appears in a message");
            assertFires(diags, "aws-provider-no-static-credentials", "default_7_48_0", "mandatory");
        }
    });

    it("stays quiet on providers that take credentials from the environment, a profile or an assumed role", async () => {
        const diags = await evaluate([awsProvider(), { ...awsProvider({ profile: "acme-prod", assumeRoles: JSON.stringify([{ roleArn: "arn:aws:iam::210987654321:role/deployer" }]) }), name: "profiled" }, { type: "pulumi:providers:aws", name: "blank", inputs: { region: "us-east-1", accessKey: "" } }]);
        assertQuiet(diags, "aws-provider-no-static-credentials");
    });
});

describe("resources-described", () => {
    const SG = "aws:ec2/securityGroup:SecurityGroup";
    it("fires on a group, an inline rule, a standalone rule, a key and a secret without a description, advisory in dev and mandatory in prod", async () => {
        const resources: SyntheticResource[] = [
            { type: SG, name: "bare-sg", inputs: { vpcId: "vpc-1", tags: TAGS } },
            { type: SG, name: "inline", inputs: { vpcId: "vpc-1", description: "Workers", ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/16"] }], tags: TAGS } },
            { type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", name: "rule", inputs: { securityGroupId: "sg-1", ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv4: "10.0.0.0/16", tags: TAGS } },
            { type: "aws:kms/key:Key", name: "key", inputs: { enableKeyRotation: true, description: " ", tags: TAGS } },
            { type: "aws:secretsmanager/secret:Secret", name: "secret", inputs: { name: "acme-chat-prod/x", tags: TAGS } },
        ];
        const prod = await evaluate(resources);
        for (const name of ["bare-sg", "inline", "rule", "key", "secret"]) assertFires(prod, "resources-described", name, "mandatory");
        const [v] = assertFires(prod, "resources-described", "inline");
        assert.match(v.message, /ingress\[0\]/);
        assertFires(await evaluate(resources, { environment: "dev" }), "resources-described", "bare-sg", "advisory");
    });

    it("stays quiet when every one of them says what it is for", async () => {
        const diags = await evaluate([
            { type: SG, name: "sg", inputs: { vpcId: "vpc-1", description: "Postgres of acme-chat-prod", egress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/16"], description: "VPC endpoints" }], tags: TAGS } },
            { type: "aws:ec2/securityGroupRule:SecurityGroupRule", name: "legacy", inputs: { type: "ingress", securityGroupId: "sg-1", protocol: "tcp", fromPort: 1, toPort: 1, description: "Health checks" } },
            { type: "aws:kms/key:Key", name: "key", inputs: { enableKeyRotation: true, description: "Encrypts the alerts topic", tags: TAGS } },
        ]);
        assertQuiet(diags, "resources-described");
    });
});

describe("log-group-retention", () => {
    const logGroup = (name: string, inputs: Record<string, unknown>): SyntheticResource => ({ type: "aws:cloudwatch/logGroup:LogGroup", name, inputs: { name: `/aws/rds/instance/acme-chat-prod-postgres/${name}`, tags: TAGS, ...inputs } });
    it("fires on a log group kept forever (unset or 0), advisory in dev and mandatory in prod", async () => {
        assertFires(await evaluate([logGroup("forever", {})]), "log-group-retention", "forever", "mandatory");
        assertFires(await evaluate([logGroup("zero", { retentionInDays: 0 })], { environment: "dev" }), "log-group-retention", "zero", "advisory");
    });

    it("stays quiet on a log group with a retention", async () => {
        assertQuiet(await evaluate([logGroup("month", { retentionInDays: 30 })]), "log-group-retention");
    });
});

describe("third-party-key-environment", () => {
    const envVar = (name: string, value: unknown, targets = ["production", "preview"]): SyntheticResource => ({
        type: "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable",
        name,
        inputs: { key: name.toUpperCase(), value, targets, sensitive: true, projectId: "prj_1" },
    });

    it("fires on a test-mode key reaching production in prod, and on a live key in dev", async () => {
        const prod = await evaluate([envVar("stripe", secret("sk_test_abc123abc123"))]);
        const [v] = assertFires(prod, "third-party-key-environment", "stripe", "mandatory");
        assert.doesNotMatch(v.message, /abc123/, "the key itself never appears in a message");
        const dev = await evaluate([envVar("clerk", secret("pk_live_Y2xlcmsuZXhhbXBsZQ"), ["development", "preview"])], { environment: "dev" });
        assertFires(dev, "third-party-key-environment", "clerk", "mandatory");
    });

    it("checks every variable of a ProjectEnvironmentVariables resource and write-only values", async () => {
        const diags = await evaluate([
            {
                type: "vercel:index/projectEnvironmentVariables:ProjectEnvironmentVariables",
                name: "bulk",
                inputs: { projectId: "prj_1", variables: [{ key: "OK", value: "plain", targets: ["production"], sensitive: false }, { key: "RK", value: secret("rk_test_zzzzzzzz"), targets: ["production"], sensitive: true }] },
            },
            { type: "vercel:index/sharedEnvironmentVariable:SharedEnvironmentVariable", name: "shared", inputs: { key: "SK", valueWo: secret("sk_test_qqqqqqqq"), targets: ["production"], projectIds: ["prj_1"], sensitive: true } },
        ]);
        assertFires(diags, "third-party-key-environment", "bulk");
        assertFires(diags, "third-party-key-environment", "shared");
    });

    it("stays quiet on matching keys, preview-only test keys in prod, unmarked keys and the offline placeholder", async () => {
        const diags = await evaluate([
            envVar("live", secret("sk_live_abcdefgh")),
            envVar("preview-only", secret("sk_test_abcdefgh"), ["preview"]),
            envVar("openai", secret("sk-proj-abcdefgh")),
            envVar("placeholder", secret("offline-secret-placeholder")),
        ]);
        assertQuiet(diags, "third-party-key-environment");
    });

    it("skips a value unknown during preview: computed by another resource, it is no third-party key", async () => {
        const diags = await evaluate([envVar("database-url", UNKNOWN)]);
        assert.equal(diags.filter((d) => d.policy === "third-party-key-environment").length, 0);
    });
});

describe("stateful-resources-protected", () => {
    it("fires in prod on an unprotected stateful resource and on one replaced by deleting first", async () => {
        const diags = await evaluate([
            bucket("data", { bucket: "acme-chat-prod-data", tags: TAGS }),
            { type: "postgresql:index/database:Database", name: "appdb", inputs: { name: "app" }, protect: true, deleteBeforeReplace: true },
            { type: "vercel:index/blobStore:BlobStore", name: "blobs", inputs: { name: "acme-chat-prod-blobs" } },
        ]);
        assertFires(diags, "stateful-resources-protected", "data", "mandatory");
        const [v] = assertFires(diags, "stateful-resources-protected", "appdb", "mandatory");
        assert.match(v.message, /deleteBeforeReplace/);
        assertFires(diags, "stateful-resources-protected", "blobs");
    });

    it("stays quiet on protected stateful resources in prod, stateless ones, and anything in dev", async () => {
        assertQuiet(await evaluate([{ type: "aws:kms/key:Key", name: "k", inputs: { tags: TAGS }, protect: true }]), "stateful-resources-protected");
        assertQuiet(await evaluate([{ type: "aws:sns/topic:Topic", name: "t", inputs: { tags: TAGS } }]), "stateful-resources-protected");
        assertQuiet(await evaluate([bucket("data", { bucket: "acme-chat-dev-data", tags: TAGS })], { environment: "dev" }), "stateful-resources-protected");
    });

    it("catches service:protectData false in the prod stack config", async () => {
        reportFires(await checkVariant("prod", { "service:protectData": false }), "stateful-resources-protected");
    });
});

describe("exemptions-valid", () => {
    const tagged = (name: string, tag: Record<string, string>): SyntheticResource => bucket(name, { bucket: `acme-chat-prod-${name}`, tags: { ...TAGS, ...tag } }, { protect: true });

    it("fires, mandatory in dev and prod, on expired, reasonless, ownerless, malformed, far-off and unknown-rule exemption tags", async () => {
        const resources = [
            tagged("expired", exemptionTag({ rule: "required-tags", owner: "alice", reason: "legacy bucket moved next quarter", expires: "2020-01-01" })),
            tagged("reasonless", exemptionTag({ rule: "required-tags", owner: "alice", reason: "because", expires: inFuture(30) })),
            tagged("ownerless", exemptionTag({ rule: "required-tags", owner: "", reason: "legacy bucket moved next quarter", expires: inFuture(30) })),
            tagged("malformed", { "readiness:exempt:required-tags": "until next week" }),
            tagged("far-off", exemptionTag({ rule: "required-tags", owner: "alice", reason: "legacy bucket moved next quarter", expires: inFuture(2000) })),
            tagged("typo", exemptionTag({ rule: "required-tag", owner: "alice", reason: "legacy bucket moved next quarter", expires: inFuture(30) })),
        ];
        for (const environment of ["dev", "prod"]) {
            const diags = await evaluate(resources, { environment });
            for (const r of resources) assertFires(diags, "exemptions-valid", r.name, "mandatory");
        }
        const diags = await evaluate(resources);
        assert.match(assertFires(diags, "exemptions-valid", "expired")[0].message, /expired on 2020-01-01/);
        assert.match(assertFires(diags, "exemptions-valid", "typo")[0].message, /no rule 'required-tag'/);
    });

    it("stays quiet on a well-formed, current exemption of an existing rule", async () => {
        const diags = await evaluate([tagged("ok", exemptionTag({ rule: "required-tags", owner: "alice", reason: "legacy bucket moved next quarter", expires: inFuture(30) }))]);
        assertQuiet(diags, "exemptions-valid");
    });
});
