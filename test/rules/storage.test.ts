import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { badCorsOrigins } from "../../policies/rules/storage";
import { assertFires, assertQuiet, checkVariant, evaluate, reportFires, SyntheticResource, UNKNOWN } from "../support";

const S3 = "aws:s3/";
const T = {
    bucket: `${S3}bucket:Bucket`,
    bucketV2: `${S3}bucketV2:BucketV2`,
    pab: `${S3}bucketPublicAccessBlock:BucketPublicAccessBlock`,
    ownership: `${S3}bucketOwnershipControls:BucketOwnershipControls`,
    sse: `${S3}bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration`,
    versioning: `${S3}bucketVersioning:BucketVersioning`,
    lifecycle: `${S3}bucketLifecycleConfiguration:BucketLifecycleConfiguration`,
    policy: `${S3}bucketPolicy:BucketPolicy`,
    cors: `${S3}bucketCorsConfiguration:BucketCorsConfiguration`,
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
};
const BUCKET = "acme-chat-prod-uploads-210987654321";
const ARN = `arn:aws:s3:::${BUCKET}`;

const tlsDeny = (resources: string[] = [ARN, `${ARN}/*`]) => ({
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: resources,
    Condition: { Bool: { "aws:SecureTransport": "false" } },
});
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });

/** A bucket with everything the rules ask for, as components/storage.ts builds it. */
function goodBucket(): SyntheticResource[] {
    return [
        { type: T.bucket, name: "uploads", inputs: { bucket: BUCKET } },
        { type: T.pab, name: "uploads-pab", inputs: { bucket: BUCKET, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true } },
        { type: T.ownership, name: "uploads-ownership", inputs: { bucket: BUCKET, rule: { objectOwnership: "BucketOwnerEnforced" } } },
        { type: T.sse, name: "uploads-sse", inputs: { bucket: BUCKET, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] } },
        { type: T.versioning, name: "uploads-versioning", inputs: { bucket: BUCKET, versioningConfiguration: { status: "Enabled" } } },
        {
            type: T.lifecycle,
            name: "uploads-lifecycle",
            inputs: {
                bucket: BUCKET,
                rules: [
                    { id: "abort", status: "Enabled", filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } },
                    { id: "noncurrent", status: "Enabled", filter: {}, noncurrentVersionExpiration: { noncurrentDays: 30 } },
                ],
            },
        },
        { type: T.policy, name: "uploads-policy", inputs: { bucket: BUCKET, policy: doc(tlsDeny()) } },
    ];
}
const without = (set: SyntheticResource[], name: string) => set.filter((r) => r.name !== name);
const patched = (set: SyntheticResource[], name: string, inputs: Record<string, unknown>) =>
    set.map((r) => (r.name === name ? { ...r, inputs: { ...r.inputs, ...inputs } } : r));

const STORAGE_RULES = [
    "s3-public-access-blocked",
    "s3-acls-disabled",
    "s3-no-public-policy",
    "s3-no-website-hosting",
    "s3-encryption-at-rest",
    "s3-tls-only",
    "cors-origins-restricted",
    "iam-oidc-role-scoped",
    "s3-policy-no-deny-all",
    "blob-store-private",
    "s3-versioning",
    "s3-lifecycle",
];

describe("storage rules on a complete bucket", () => {
    it("stay quiet in dev and prod", async () => {
        for (const environment of ["dev", "prod"]) {
            const diags = await evaluate(goodBucket(), { environment });
            for (const rule of STORAGE_RULES) assertQuiet(diags, rule);
        }
    });
});

describe("s3-public-access-blocked", () => {
    it("fires on a block that leaves a setting off, mandatory in dev and prod", async () => {
        for (const environment of ["dev", "prod"]) {
            const diags = await evaluate(patched(goodBucket(), "uploads-pab", { restrictPublicBuckets: false }), { environment });
            const [v] = assertFires(diags, "s3-public-access-blocked", "uploads-pab", "mandatory");
            assert.match(v.message, /restrictPublicBuckets/);
        }
    });

    it("fires on a bucket without a block, and a block of another bucket does not count", async () => {
        const missing = await evaluate(without(goodBucket(), "uploads-pab"));
        assertFires(missing, "s3-public-access-blocked", "uploads", "mandatory");
        const elsewhere = await evaluate(patched(goodBucket(), "uploads-pab", { bucket: "some-other-bucket" }));
        assertFires(elsewhere, "s3-public-access-blocked", "uploads");
    });

    it("fires on account, access point and multi-region access point blocks turned off", async () => {
        const diags = await evaluate([
            { type: `${S3}accountPublicAccessBlock:AccountPublicAccessBlock`, name: "account", inputs: { blockPublicAcls: true, blockPublicPolicy: false, ignorePublicAcls: true, restrictPublicBuckets: true } },
            { type: `${S3}accessPoint:AccessPoint`, name: "ap", inputs: { bucket: BUCKET, publicAccessBlockConfiguration: { blockPublicAcls: false } } },
            { type: `${S3}accessPoint:AccessPoint`, name: "ap-default", inputs: { bucket: BUCKET } },
            {
                type: "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint",
                name: "mrap",
                inputs: { details: { name: "m", regions: [{ bucket: BUCKET }], publicAccessBlock: { ignorePublicAcls: false } } },
            },
        ]);
        assertFires(diags, "s3-public-access-blocked", "account");
        assertFires(diags, "s3-public-access-blocked", "ap");
        assertFires(diags, "s3-public-access-blocked", "mrap");
        assertQuiet(diags, "s3-public-access-blocked", "ap-default");
    });

    it("blocks a preview on known flags even when the bucket name is not known yet", async () => {
        const diags = await evaluate(patched(goodBucket(), "uploads-pab", { bucket: UNKNOWN, blockPublicPolicy: false }));
        assertFires(diags, "s3-public-access-blocked", "uploads-pab", "mandatory");
    });
});

describe("s3-acls-disabled", () => {
    it("fires when ownership controls keep ACLs in force", async () => {
        for (const objectOwnership of ["ObjectWriter", "BucketOwnerPreferred"]) {
            const diags = await evaluate(patched(goodBucket(), "uploads-ownership", { rule: { objectOwnership } }));
            assertFires(diags, "s3-acls-disabled", "uploads-ownership", "mandatory");
        }
        assertFires(await evaluate(without(goodBucket(), "uploads-ownership")), "s3-acls-disabled", "uploads");
    });

    it("fires on every public ACL form: canned, grant lists, inline, objects", async () => {
        const allUsers = "http://acs.amazonaws.com/groups/global/AllUsers";
        const diags = await evaluate([
            ...goodBucket(),
            { type: `${S3}bucketAclV2:BucketAclV2`, name: "acl-canned", inputs: { bucket: BUCKET, acl: "public-read" } },
            {
                type: `${S3}bucketAcl:BucketAcl`,
                name: "acl-grants",
                inputs: { bucket: BUCKET, accessControlPolicy: { owner: { id: "x" }, grants: [{ permission: "READ", grantee: { type: "Group", uri: allUsers } }] } },
            },
            { type: T.bucketV2, name: "inline-grants", inputs: { bucket: "b2", grants: [{ type: "Group", uri: "http://acs.amazonaws.com/groups/global/AuthenticatedUsers", permissions: ["READ"] }] } },
            { type: T.bucket, name: "inline-canned", inputs: { bucket: "b3", acl: "authenticated-read" } },
            { type: `${S3}bucketObjectv2:BucketObjectv2`, name: "object", inputs: { bucket: BUCKET, key: "a", acl: "public-read-write" } },
            { type: `${S3}objectCopy:ObjectCopy`, name: "copy", inputs: { bucket: BUCKET, key: "b", source: "x/y", grants: [{ type: "Group", uri: allUsers, permissions: ["READ"] }] } },
            { type: `${S3}bucketAclV2:BucketAclV2`, name: "acl-private", inputs: { bucket: BUCKET, acl: "private" } },
        ]);
        for (const name of ["acl-canned", "acl-grants", "inline-grants", "inline-canned", "object", "copy"]) assertFires(diags, "s3-acls-disabled", name, "mandatory");
        assertQuiet(diags, "s3-acls-disabled", "acl-private");
    });
});

describe("s3-no-public-policy", () => {
    const publicRead = { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${ARN}/*` };

    it("fires on Principal * given as a JSON string, mandatory in dev and prod", async () => {
        for (const environment of ["dev", "prod"]) {
            const diags = await evaluate(patched(goodBucket(), "uploads-policy", { policy: doc(tlsDeny(), publicRead) }), { environment });
            assertFires(diags, "s3-no-public-policy", "uploads-policy", "mandatory");
        }
    });

    it("fires on object documents, AWS:* lists and NotPrincipal", async () => {
        const objectForm = { Version: "2012-10-17", Statement: [{ ...publicRead, Principal: { AWS: "*" } }] };
        const diags = await evaluate([
            { type: T.policy, name: "object-form", inputs: { bucket: BUCKET, policy: objectForm } },
            { type: T.policy, name: "list-form", inputs: { bucket: BUCKET, policy: doc({ ...publicRead, Principal: { AWS: ["arn:aws:iam::111111111111:root", "*"] } }) } },
            { type: T.policy, name: "not-principal", inputs: { bucket: BUCKET, policy: doc({ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "s3:*", Resource: ARN }) } },
            { type: T.policy, name: "not-json", inputs: { bucket: BUCKET, policy: "{not json" } },
        ]);
        for (const name of ["object-form", "list-form", "not-principal", "not-json"]) assertFires(diags, "s3-no-public-policy", name);
    });

    it("covers inline bucket policies and every access point policy", async () => {
        const pub = doc(publicRead);
        const diags = await evaluate([
            { type: T.bucket, name: "inline", inputs: { bucket: "b2", policy: pub } },
            { type: `${S3}accessPoint:AccessPoint`, name: "ap", inputs: { bucket: BUCKET, policy: pub } },
            { type: "aws:s3control/accessPointPolicy:AccessPointPolicy", name: "ap-policy", inputs: { accessPointArn: "arn:aws:s3:us-east-1:1:accesspoint/a", policy: pub } },
            { type: "aws:s3control/multiRegionAccessPointPolicy:MultiRegionAccessPointPolicy", name: "mrap-policy", inputs: { details: { name: "m", policy: pub } } },
            { type: "aws:s3control/bucketPolicy:BucketPolicy", name: "outposts", inputs: { bucket: "arn:aws:s3-outposts:x", policy: pub } },
            { type: "aws:s3control/objectLambdaAccessPointPolicy:ObjectLambdaAccessPointPolicy", name: "lambda-ap", inputs: { name: "l", policy: pub } },
        ]);
        for (const name of ["inline", "ap", "ap-policy", "mrap-policy", "outposts", "lambda-ap"]) assertFires(diags, "s3-no-public-policy", name);
    });

    it("accepts * only with a condition that pins the caller, and never a negated or open one", async () => {
        const withCondition = (Condition: object) => doc({ ...publicRead, Condition });
        const diags = await evaluate([
            { type: T.policy, name: "vpce", inputs: { bucket: BUCKET, policy: withCondition({ StringEquals: { "aws:SourceVpce": "vpce-0123" } }) } },
            { type: T.policy, name: "org", inputs: { bucket: BUCKET, policy: withCondition({ StringEquals: { "aws:PrincipalOrgID": ["o-abc123"] } }) } },
            { type: T.policy, name: "open-ip", inputs: { bucket: BUCKET, policy: withCondition({ IpAddress: { "aws:SourceIp": "0.0.0.0/0" } }) } },
            { type: T.policy, name: "negated", inputs: { bucket: BUCKET, policy: withCondition({ StringNotEquals: { "aws:SourceVpce": "vpce-0123" } }) } },
            { type: T.policy, name: "if-exists", inputs: { bucket: BUCKET, policy: withCondition({ StringEqualsIfExists: { "aws:SourceVpce": "vpce-0123" } }) } },
            { type: T.policy, name: "unrelated-key", inputs: { bucket: BUCKET, policy: withCondition({ StringEquals: { "s3:prefix": "public/" } }) } },
            { type: T.policy, name: "named-role", inputs: { bucket: BUCKET, policy: doc({ ...publicRead, Principal: { AWS: "arn:aws:iam::111111111111:role/app" } }) } },
        ]);
        for (const name of ["vpce", "org", "named-role"]) assertQuiet(diags, "s3-no-public-policy", name);
        for (const name of ["open-ip", "negated", "if-exists", "unrelated-key"]) assertFires(diags, "s3-no-public-policy", name);
    });
});

describe("s3-no-website-hosting", () => {
    it("fires on website configurations in standalone and inline forms", async () => {
        const diags = await evaluate([
            ...goodBucket(),
            { type: `${S3}bucketWebsiteConfiguration:BucketWebsiteConfiguration`, name: "site", inputs: { bucket: BUCKET, indexDocument: { suffix: "index.html" } } },
            { type: `${S3}bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2`, name: "site-v2", inputs: { bucket: BUCKET, indexDocument: { suffix: "index.html" } } },
            { type: T.bucket, name: "inline", inputs: { bucket: "b2", website: { indexDocument: "index.html" } } },
            { type: T.bucketV2, name: "inline-v2", inputs: { bucket: "b3", websites: [{ redirectAllRequestsTo: "https://example.com" }] } },
        ]);
        for (const name of ["site", "site-v2", "inline", "inline-v2"]) assertFires(diags, "s3-no-website-hosting", name, "mandatory");
        assertQuiet(diags, "s3-no-website-hosting", "uploads");
    });
});

describe("s3-encryption-at-rest", () => {
    it("fires on a configuration without a default algorithm and on a bucket without one", async () => {
        const noDefault = await evaluate(patched(goodBucket(), "uploads-sse", { rules: [{ bucketKeyEnabled: true }] }));
        assertFires(noDefault, "s3-encryption-at-rest", "uploads-sse", "mandatory");
        assertFires(noDefault, "s3-encryption-at-rest", "uploads", "mandatory");
        assertFires(await evaluate(without(goodBucket(), "uploads-sse"), { environment: "dev" }), "s3-encryption-at-rest", "uploads", "mandatory");
    });

    it("accepts inline encryption of v7 and BucketV2 buckets", async () => {
        const diags = await evaluate([
            { type: T.bucket, name: "inline", inputs: { bucket: "b2", serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } } } } },
            { type: T.bucketV2, name: "inline-v2", inputs: { bucket: "b3", serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: "AES256" }] }] }] } },
            { type: T.bucketV2, name: "bad-v2", inputs: { bucket: "b4", serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefaults: [{ sseAlgorithm: "none" }] }] }] } },
        ]);
        assertQuiet(diags, "s3-encryption-at-rest", "inline");
        assertQuiet(diags, "s3-encryption-at-rest", "inline-v2");
        assertFires(diags, "s3-encryption-at-rest", "bad-v2");
    });
});

describe("s3-tls-only", () => {
    it("fires on a bucket policy without the TLS deny, and on its bucket", async () => {
        const allowRole = { Effect: "Allow", Principal: { AWS: "arn:aws:iam::1:role/app" }, Action: "s3:GetObject", Resource: `${ARN}/*` };
        const diags = await evaluate(patched(goodBucket(), "uploads-policy", { policy: doc(allowRole) }));
        assertFires(diags, "s3-tls-only", "uploads-policy", "mandatory");
        assertFires(diags, "s3-tls-only", "uploads", "mandatory");
    });

    it("fires on a bucket without a policy and on a deny that misses the bucket itself", async () => {
        assertFires(await evaluate(without(goodBucket(), "uploads-policy")), "s3-tls-only", "uploads");
        const objectsOnly = await evaluate(patched(goodBucket(), "uploads-policy", { policy: doc(tlsDeny([`${ARN}/*`])) }));
        assertFires(objectsOnly, "s3-tls-only", "uploads-policy");
    });

    it("accepts an inline policy, a boolean condition value and a policy given as an object", async () => {
        const inline = { type: T.bucket, name: "inline", inputs: { bucket: BUCKET, policy: doc({ ...tlsDeny(), Condition: { Bool: { "aws:SecureTransport": false } } }) } };
        const diags = await evaluate([inline]);
        assertQuiet(diags, "s3-tls-only");
        const objectForm = await evaluate(patched(goodBucket(), "uploads-policy", { policy: { Version: "2012-10-17", Statement: [tlsDeny()] } }));
        assertQuiet(objectForm, "s3-tls-only");
    });
});

describe("cors-origins-restricted", () => {
    const corsWith = (origins: string[]) => [...goodBucket(), { type: T.cors, name: "uploads-cors", inputs: { bucket: BUCKET, corsRules: [{ allowedMethods: ["GET"], allowedOrigins: origins }] } }];

    it("fires on a wildcard, mandatory in dev and prod", async () => {
        for (const environment of ["dev", "prod"]) assertFires(await evaluate(corsWith(["*"]), { environment }), "cors-origins-restricted", "uploads-cors", "mandatory");
    });

    it("allows localhost only where the environment's config says so", async () => {
        assertFires(await evaluate(corsWith(["http://localhost:3000"]), { environment: "prod" }), "cors-origins-restricted", "uploads-cors");
        assertQuiet(await evaluate(corsWith(["http://localhost:3000"]), { environment: "dev" }), "cors-origins-restricted");
        assertFires(await evaluate(corsWith(["http://app.example.com"]), { environment: "dev" }), "cors-origins-restricted", "uploads-cors");
        assertQuiet(await evaluate(corsWith(["https://app.example.com"])), "cors-origins-restricted");
    });

    it("covers inline CORS rules and the V2 resource", async () => {
        const diags = await evaluate([
            { type: T.bucket, name: "inline", inputs: { bucket: "b2", corsRules: [{ allowedMethods: ["PUT"], allowedOrigins: ["https://*.vercel.app"] }] } },
            { type: `${S3}bucketCorsConfigurationV2:BucketCorsConfigurationV2`, name: "cors-v2", inputs: { bucket: "b2", corsRules: [{ allowedMethods: ["PUT"], allowedOrigins: ["null"] }] } },
        ]);
        assertFires(diags, "cors-origins-restricted", "inline");
        assertFires(diags, "cors-origins-restricted", "cors-v2");
    });

    it("exports the origin check the app tier shares", () => {
        const origins = ["https://app.example.com", "*", "http://localhost:3000", "http://127.0.0.1:5173", "http://0.0.0.0", "http://app.example.com", "https://*.example.com", "null", "https://app.example.com/path"];
        assert.deepEqual(badCorsOrigins(origins, { allowLocalhost: false }), origins.slice(1));
        assert.deepEqual(badCorsOrigins(origins, { allowLocalhost: true }), ["*", "http://app.example.com", "https://*.example.com", "null", "https://app.example.com/path"]);
    });
});

describe("s3-versioning", () => {
    it("fires on suspended versioning and on a bucket without it: advisory in dev, mandatory in prod", async () => {
        const suspended = patched(goodBucket(), "uploads-versioning", { versioningConfiguration: { status: "Suspended" } });
        assertFires(await evaluate(suspended, { environment: "dev" }), "s3-versioning", "uploads-versioning", "advisory");
        assertFires(await evaluate(suspended, { environment: "prod" }), "s3-versioning", "uploads-versioning", "mandatory");
        assertFires(await evaluate(without(goodBucket(), "uploads-versioning")), "s3-versioning", "uploads", "mandatory");
    });

    it("accepts inline versioning", async () => {
        const diags = await evaluate([{ type: T.bucket, name: "inline", inputs: { bucket: "b2", versioning: { enabled: true } } }]);
        assertQuiet(diags, "s3-versioning");
    });
});

describe("s3-lifecycle", () => {
    it("fires without a whole-bucket abort rule", async () => {
        const noAbort = patched(goodBucket(), "uploads-lifecycle", {
            rules: [
                { id: "tmp", status: "Enabled", filter: { prefix: "tmp/" }, abortIncompleteMultipartUpload: { daysAfterInitiation: 1 } },
                { id: "noncurrent", status: "Enabled", filter: {}, noncurrentVersionExpiration: { noncurrentDays: 30 } },
            ],
        });
        const diags = await evaluate(noAbort);
        assertFires(diags, "s3-lifecycle", "uploads-lifecycle", "mandatory");
        assertFires(diags, "s3-lifecycle", "uploads", "mandatory");
        assertFires(await evaluate(without(goodBucket(), "uploads-lifecycle"), { environment: "dev" }), "s3-lifecycle", "uploads", "advisory");
    });

    it("fires on a versioned bucket that never expires old versions, or expires them too soon for prod", async () => {
        const abortOnly = patched(goodBucket(), "uploads-lifecycle", { rules: [{ id: "abort", status: "Enabled", filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } }] });
        assertFires(await evaluate(abortOnly), "s3-lifecycle", "uploads");
        assertQuiet(await evaluate(without(abortOnly, "uploads-versioning")), "s3-lifecycle");
        const week = patched(goodBucket(), "uploads-lifecycle", {
            rules: [
                { id: "abort", status: "Enabled", filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } },
                { id: "noncurrent", status: "Enabled", filter: {}, noncurrentVersionExpiration: { noncurrentDays: 7 } },
            ],
        });
        assertFires(await evaluate(week, { environment: "prod" }), "s3-lifecycle", "uploads-lifecycle", "mandatory");
        assertQuiet(await evaluate(week, { environment: "dev" }), "s3-lifecycle");
    });

    it("reads inline lifecycle rules", async () => {
        const diags = await evaluate([
            { type: T.bucket, name: "inline", inputs: { bucket: "b2", versioning: { enabled: true }, lifecycleRules: [{ enabled: true, abortIncompleteMultipartUploadDays: 3, noncurrentVersionExpiration: { days: 30 } }] } },
            { type: T.bucketV2, name: "inline-v2", inputs: { bucket: "b3", lifecycleRules: [{ enabled: true, noncurrentVersionExpirations: [{ days: 30 }] }] } },
        ]);
        assertQuiet(diags, "s3-lifecycle", "inline");
        assertFires(diags, "s3-lifecycle", "inline-v2");
    });
});

describe("insecure prod variants of the stack config", () => {
    it("a wildcard CORS origin blocks the prod preview", async () => {
        reportFires(await checkVariant("prod", { "service:storage": { corsOrigins: ["*"] } }, { preview: true }), "cors-origins-restricted");
    });

    it("a localhost CORS origin is refused in prod", async () => {
        reportFires(await checkVariant("prod", { "service:storage": { corsOrigins: ["http://localhost:3000"] } }), "cors-origins-restricted");
    });

    it("an unversioned bucket blocks the prod preview", async () => {
        reportFires(await checkVariant("prod", { "service:storage": { versioning: false } }, { preview: true }), "s3-versioning");
    });

    it("noncurrent versions kept a week are refused in prod", async () => {
        reportFires(await checkVariant("prod", { "service:storage": { noncurrentVersionExpirationDays: 7 } }, { preview: true }), "s3-lifecycle");
    });
});

describe("s3-policy-no-deny-all", () => {
    const denyAll = (extra: object = {}) => ({ Sid: "LockDown", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [ARN, `${ARN}/*`], ...extra });

    it("fires on an unconditional deny of every action to everyone, in a bucket policy or inline, advisory in dev and mandatory in prod", async () => {
        const dev = await evaluate(patched(goodBucket(), "uploads-policy", { policy: doc(tlsDeny(), denyAll()) }), { environment: "dev" });
        const [v] = assertFires(dev, "s3-policy-no-deny-all", "uploads-policy", "advisory");
        assert.match(v.message, /LockDown/);
        const prod = await evaluate([
            { type: T.policy, name: "star", inputs: { bucket: BUCKET, policy: doc(denyAll({ Action: "*", Principal: { AWS: "*" } })) } },
            { type: T.bucket, name: "inline", inputs: { bucket: "acme-chat-prod-other", policy: doc(denyAll()) } },
        ]);
        assertFires(prod, "s3-policy-no-deny-all", "star", "mandatory");
        assertFires(prod, "s3-policy-no-deny-all", "inline", "mandatory");
    });

    it("stays quiet on denies with a condition, a NotPrincipal, or narrowed actions", async () => {
        const diags = await evaluate([
            { type: T.policy, name: "conditional", inputs: { bucket: BUCKET, policy: doc(tlsDeny(), denyAll({ Condition: { StringNotLike: { "aws:PrincipalArn": "arn:aws:iam::210987654321:role/app" } } })) } },
            { type: T.policy, name: "not-principal", inputs: { bucket: BUCKET, policy: doc({ Effect: "Deny", NotPrincipal: { AWS: "arn:aws:iam::210987654321:role/app" }, Action: "s3:*", Resource: `${ARN}/*` }) } },
            { type: T.policy, name: "narrow", inputs: { bucket: BUCKET, policy: doc(denyAll({ Action: "s3:DeleteBucket" })) } },
        ]);
        assertQuiet(diags, "s3-policy-no-deny-all");
    });
});
