/** Issue 25's misses: each class fires on its insecure twin and stays quiet on the sound resource. */
import { describe, it } from "node:test";
import { assertFires, assertQuiet, evaluate, secret, SyntheticResource, UNKNOWN } from "../support";

const one = async (rule: string, bad: SyntheticResource, good: SyntheticResource, environment = "prod") => {
    assertFires(await evaluate([bad], { environment }), rule, bad.name, "mandatory");
    assertQuiet(await evaluate([good], { environment }), rule);
};

describe("rules for services a stack adds beside the template", () => {
    it("dynamodb-recoverable: a table without PITR or deletion protection fires; one with both is quiet", async () => {
        const table = (inputs: Record<string, unknown>): SyntheticResource => ({ type: "aws:dynamodb/table:Table", name: "orders", inputs: { name: "orders-prod", billingMode: "PAY_PER_REQUEST", hashKey: "id", ...inputs } });
        await one("dynamodb-recoverable", table({ deletionProtectionEnabled: true }), table({ pointInTimeRecovery: { enabled: true }, deletionProtectionEnabled: true }));
        assertFires(await evaluate([table({ pointInTimeRecovery: { enabled: true } })]), "dynamodb-recoverable", "orders", "mandatory");
        assertFires(await evaluate([table({})], { environment: "dev" }), "dynamodb-recoverable", "orders", "advisory");
    });

    it("cloudfront-https-only: allow-all on any behavior fires; redirect-to-https with origin access control is quiet", async () => {
        const dist = (defaultPolicy: string, ordered: string[] = []): SyntheticResource => ({
            type: "aws:cloudfront/distribution:Distribution",
            name: "cdn",
            inputs: {
                enabled: true,
                origins: [{ domainName: "assets-prod.s3.us-east-1.amazonaws.com", originId: "s3", originAccessControlId: "oac-1" }],
                defaultCacheBehavior: { targetOriginId: "s3", viewerProtocolPolicy: defaultPolicy, allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] },
                orderedCacheBehaviors: ordered.map((p, i) => ({ pathPattern: `/p${i}/*`, targetOriginId: "s3", viewerProtocolPolicy: p })),
                viewerCertificate: { cloudfrontDefaultCertificate: true },
            },
        });
        await one("cloudfront-https-only", dist("allow-all"), dist("redirect-to-https", ["https-only"]));
        assertFires(await evaluate([dist("redirect-to-https", ["allow-all"])], { environment: "dev" }), "cloudfront-https-only", "cdn", "mandatory");
    });

    it("rds-snapshot-not-public: a snapshot shared with all fires; one shared with an account is quiet", async () => {
        const snap = (shared: string[]): SyntheticResource => ({ type: "aws:rds/snapshot:Snapshot", name: "snap", inputs: { dbInstanceIdentifier: "svc-prod", dbSnapshotIdentifier: "svc-prod-manual", sharedAccounts: shared } });
        await one("rds-snapshot-not-public", snap(["all"]), snap(["222222222222"]));
    });

    it("secretsmanager-policy-not-public: Principal * fires; a named role, or * restricted to the organisation, is quiet", async () => {
        const policy = (statement: Record<string, unknown>): SyntheticResource => ({
            type: "aws:secretsmanager/secretPolicy:SecretPolicy",
            name: "secret-policy",
            inputs: { secretArn: "arn:aws:secretsmanager:us-east-1:111111111111:secret:x", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "*", ...statement }] }) },
        });
        await one("secretsmanager-policy-not-public", policy({ Principal: "*" }), policy({ Principal: { AWS: "arn:aws:iam::111111111111:role/app" } }));
        await one("secretsmanager-policy-not-public", policy({ Principal: { AWS: "*" } }), policy({ Principal: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } }));
        // The secret's own inline `policy` input is the same document.
        const inline = (principal: unknown): SyntheticResource => ({ type: "aws:secretsmanager/secret:Secret", name: "inline", inputs: { name: "svc-prod-x", policy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: principal, Action: "secretsmanager:*", Resource: "*" }] }) } });
        await one("secretsmanager-policy-not-public", inline("*"), inline({ AWS: "arn:aws:iam::111111111111:root" }));
    });

    it("lambda-environment-safe: a secret value or DEBUG on fires; ARNs, unknown references and DEBUG=false are quiet", async () => {
        const fn = (variables: Record<string, unknown>): SyntheticResource => ({ type: "aws:lambda/function:Function", name: "worker", inputs: { runtime: "nodejs22.x", handler: "index.handler", role: "arn:aws:iam::111111111111:role/worker", environment: { variables } } });
        await one("lambda-environment-safe", fn({ DB_PASSWORD: "hunter2hunter2" }), fn({ DB_SECRET_ARN: "arn:aws:secretsmanager:us-east-1:111111111111:secret:db", LOG_LEVEL: "info", DEBUG: "false" }));
        await one("lambda-environment-safe", fn({ STRIPE_API_KEY: secret("sk_live_x") }), fn({ API_KEY_PARAMETER: "/svc/prod/api-key", REGION: "us-east-1" }));
        await one("lambda-environment-safe", fn({ DEBUG: "1" }), fn({ DEBUG: "0" }));
        assertQuiet(await evaluate([fn({ DB_SECRET_ARN: UNKNOWN, NODE_ENV: "production" })]), "lambda-environment-safe");
        // A credential by its value, whatever the name; and a credential-named variable whose value is still unknown.
        await one("lambda-environment-safe", fn({ UPSTREAM: "AKIAABCDEFGHIJKLMNOP" }), fn({ UPSTREAM: "https://api.example.com" }));
        assertFires(await evaluate([fn({ SESSION_SECRET: UNKNOWN })]), "lambda-environment-safe", "worker", "mandatory");
    });

    it("ssm-secrets-encrypted: a password as a plain String fires; as a SecureString, or a plain setting, is quiet", async () => {
        const param = (name: string, type: string): SyntheticResource => ({ type: "aws:ssm/parameter:Parameter", name: "param", inputs: { name, type, value: "x" } });
        await one("ssm-secrets-encrypted", param("/svc/prod/db-password", "String"), param("/svc/prod/db-password", "SecureString"));
        assertQuiet(await evaluate([param("/svc/prod/log-level", "String")]), "ssm-secrets-encrypted");
        await one("ssm-secrets-encrypted", { ...param("/svc/prod/upstream", "String"), inputs: { name: "/svc/prod/upstream", type: "String", value: "sk_live_0123456789abcdef" } }, param("/svc/prod/upstream", "String"));
    });
});

describe("elasticache-auth-token-generated", () => {
    const group = (extra: Partial<SyntheticResource>, authToken: unknown): SyntheticResource => ({
        type: "aws:elasticache/replicationGroup:ReplicationGroup",
        name: "redis",
        inputs: { replicationGroupId: "svc-prod", description: "r", transitEncryptionEnabled: true, authToken },
        ...extra,
    });
    it("fires on a literal token, secret or not", async () => {
        assertFires(await evaluate([group({}, "correct-horse-battery-staple-0123456789")]), "elasticache-auth-token-generated", "redis", "mandatory");
        assertFires(await evaluate([group({}, secret("correct-horse-battery-staple-0123456789"))]), "elasticache-auth-token-generated", "redis", "mandatory");
    });
    it("fires on an RBAC user's literal passwords, and stays quiet on generated ones", async () => {
        const user = (extra: Partial<SyntheticResource>, inputs: Record<string, unknown>): SyntheticResource => ({ type: "aws:elasticache/user:User", name: "app-user", inputs: { userId: "app", userName: "app", engine: "valkey", accessString: "on ~* +@all", ...inputs }, ...extra });
        assertFires(await evaluate([user({}, { passwords: ["correct-horse-battery-staple-0123456789"] })]), "elasticache-auth-token-generated", "app-user", "mandatory");
        assertFires(await evaluate([user({}, { authenticationMode: { type: "password", passwords: [secret("correct-horse-battery-staple-0123456789")] } })]), "elasticache-auth-token-generated", "app-user", "mandatory");
        const password: SyntheticResource = { type: "random:index/randomPassword:RandomPassword", name: "pw", inputs: { length: 64 } };
        assertQuiet(await evaluate([password, user({ propertyDependencies: { authenticationMode: ["pw"] } }, { authenticationMode: { type: "password", passwords: [UNKNOWN] } })]), "elasticache-auth-token-generated");
        assertQuiet(await evaluate([user({}, { authenticationMode: { type: "iam" } })]), "elasticache-auth-token-generated");
    });

    it("stays quiet on a token computed from a generated password, known or not", async () => {
        const password: SyntheticResource = { type: "random:index/randomPassword:RandomPassword", name: "token", inputs: { length: 64, special: false }, outputs: { length: 64, result: "x".repeat(64) } };
        for (const value of [UNKNOWN, secret("x".repeat(64))]) {
            assertQuiet(await evaluate([password, group({ propertyDependencies: { authToken: ["token"] } }, value)]), "elasticache-auth-token-generated");
        }
    });
});

describe("environments-share-no-data", () => {
    const envVar = (key: string, value: unknown, targets = ["production"]): SyntheticResource => ({
        type: "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable",
        name: `env-${key.toLowerCase()}`,
        inputs: { projectId: "prj_1", key, value, targets, sensitive: true },
    });
    it("fires on prod variables pointing at the dev database host or the dev bucket, and on dev pointing at prod", async () => {
        const diags = await evaluate([
            envVar("DATABASE_URL", secret("postgres://app:s3cret@acme-chat-dev-postgres.c1x2.us-east-1.rds.amazonaws.com:5432/app?sslmode=verify-full")),
            envVar("S3_BUCKET", "acme-chat-dev-storage"),
            { type: "aws:lambda/function:Function", name: "worker", inputs: { role: "arn:aws:iam::111111111111:role/acme-chat-prod-worker", environment: { variables: { BUCKET: "acme-chat-development-uploads" } } } },
        ]);
        for (const name of ["env-database_url", "env-s3_bucket", "worker"]) assertFires(diags, "environments-share-no-data", name, "mandatory");
        const dev = await evaluate([envVar("REDIS_URL", "rediss://default:x@acme-chat-prod-redis.upstash.io:6379", ["preview"])], { environment: "dev" });
        assertFires(dev, "environments-share-no-data", "env-redis_url", "mandatory");
    });
    it("stays quiet on the stack's own names, synonyms, bare environment values, credentials and unknown values", async () => {
        const diags = await evaluate([
            envVar("DATABASE_URL", "postgres://dev-user:dev-pass@acme-chat-prod-postgres.c1x2.us-east-1.rds.amazonaws.com:5432/app"),
            envVar("S3_BUCKET", "acme-chat-production-storage"),
            envVar("ENVIRONMENT", "prod"),
            envVar("PREVIOUS_ENVIRONMENT", "dev"),
            envVar("REDIS_URL", UNKNOWN),
        ]);
        assertQuiet(diags, "environments-share-no-data");
    });
});
