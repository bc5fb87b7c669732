/**
 * Readiness rules: S3 object storage. A bucket stays private (every way one becomes public is covered:
 * access blocks, ACLs, policies, access points, website hosting), encrypted, reached over TLS only, versioned
 * and cleaned up. The role the app assumes to reach it is judged with the IAM rules (rules/iam.ts,
 * iam-oidc-role-scoped); a Vercel Blob store, the other backend, in rules/blob.ts.
 *
 * Rules that relate a bucket to its configuration resources run twice: on each resource's inputs (what one
 * resource shows on its own, which blocks a preview early) and over the stack (every bucket has the
 * resource), under one name so config, exemptions and reports treat them as one rule.
 */
import type { PolicyResource } from "@pulumi/policy";
import { z } from "zod";
import { corsOriginProblem } from "../lib/cors";
import { asArray, conditions, hasUnknown, label, policyStatements, principalIsEveryone, publicStatements, Statement, strings } from "../lib/iam";
import { Inputs, inputsOf } from "../lib/inputs";
import { TYPES } from "../contracts/tokens";
import { knownOrUndefined } from "../lib/preview";
import { resourceAndStackRule, resourceRule, Rule, ruleResource, stackRule } from "../lib/rule";
import { ENV_VAR_TYPES as VERCEL_ENV_VAR_TYPES, envVarCorsOrigins } from "../lib/vercel";

export { badCorsOrigins, corsOriginProblem } from "../lib/cors";

const S3 = "aws:s3/";
const BUCKETS = [`${S3}bucket:Bucket`, `${S3}bucketV2:BucketV2`];
const [BUCKET_V7, BUCKET_V2] = BUCKETS;
const PUBLIC_ACCESS_BLOCK = `${S3}bucketPublicAccessBlock:BucketPublicAccessBlock`;
const ACCOUNT_PUBLIC_ACCESS_BLOCK = `${S3}accountPublicAccessBlock:AccountPublicAccessBlock`;
const ACCESS_POINT = `${S3}accessPoint:AccessPoint`;
const OWNERSHIP_CONTROLS = `${S3}bucketOwnershipControls:BucketOwnershipControls`;
const BUCKET_ACLS = [`${S3}bucketAcl:BucketAcl`, `${S3}bucketAclV2:BucketAclV2`];
const OBJECTS = [`${S3}bucketObject:BucketObject`, `${S3}bucketObjectv2:BucketObjectv2`, `${S3}objectCopy:ObjectCopy`];
const BUCKET_POLICY = `${S3}bucketPolicy:BucketPolicy`;
const WEBSITES = [`${S3}bucketWebsiteConfiguration:BucketWebsiteConfiguration`, `${S3}bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2`];
const ENCRYPTION_CONFIGS = [
    `${S3}bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration`,
    `${S3}bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2`,
];
const VERSIONING_CONFIGS = [`${S3}bucketVersioning:BucketVersioning`, `${S3}bucketVersioningV2:BucketVersioningV2`];
const LIFECYCLE_CONFIGS = [`${S3}bucketLifecycleConfiguration:BucketLifecycleConfiguration`, `${S3}bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2`];
const CORS_CONFIGS = [`${S3}bucketCorsConfiguration:BucketCorsConfiguration`, `${S3}bucketCorsConfigurationV2:BucketCorsConfigurationV2`];

/** Every resource whose policy document can grant access to a bucket or its objects, and where it keeps it. */
const RESOURCE_POLICIES: Record<string, (p: Record<string, unknown>) => unknown> = {
    [BUCKET_POLICY]: (p) => p.policy,
    [BUCKET_V7]: (p) => p.policy,
    [BUCKET_V2]: (p) => p.policy,
    [ACCESS_POINT]: (p) => p.policy,
    "aws:s3control/accessPointPolicy:AccessPointPolicy": (p) => p.policy,
    "aws:s3control/bucketPolicy:BucketPolicy": (p) => p.policy,
    [TYPES.multiRegionAccessPointPolicy]: (p) => (p as Inputs<typeof TYPES.multiRegionAccessPointPolicy>).details?.policy,
    "aws:s3control/objectLambdaAccessPointPolicy:ObjectLambdaAccessPointPolicy": (p) => p.policy,
};

// ── Helpers ─────────────────────────────────────────────────────────────────────────────────────────────

const bucketArn = /^arn:[^:]+:s3:::/;
/** A bucket reference as config resources carry it (name, id or ARN), reduced to the name. */
const bucketKey = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v.replace(bucketArn, "") : undefined);

/** True when the statement denies every S3 action to everyone on the bucket and its objects whenever TLS is not used. */
function deniesPlainHttp(s: Statement, bucket: string | undefined): boolean {
    if (s.Effect !== "Deny" || !principalIsEveryone(s.Principal)) return false;
    if (!asArray(s.Action).some((a) => a === "*" || a === "s3:*")) return false;
    const tlsOff = conditions(s).some(
        (c) => /^Bool(IfExists)?$/.test(c.operator) && c.key === "aws:securetransport" && c.values.some((v) => String(v).toLowerCase() === "false"),
    );
    if (!tlsOff) return false;
    if (bucket === undefined) return true;
    // A resource computed in the same preview (the bucket's own ARN) is given the benefit of the doubt.
    if (hasUnknown(s.Resource)) return true;
    const resources = strings(s.Resource);
    const covers = (suffix: string) => resources.some((r) => r === "*" || r.replace(bucketArn, "") === `${bucket}${suffix}`);
    return covers("") && covers("/*");
}

const PUBLIC_ACLS = new Set(["public-read", "public-read-write", "authenticated-read"]);
const PUBLIC_GRANTEES = /acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)/i;

/** The public grants of a canned ACL and of grant lists, in every shape the S3 resources carry them. */
function publicAclGrants(type: string, p: Record<string, unknown>): string[] {
    const found: string[] = [];
    if (typeof p.acl === "string" && PUBLIC_ACLS.has(p.acl)) found.push(`canned ACL "${p.acl}"`);
    // The grants of a bucket or an object copy name their grantee's URI inline; a BucketAcl's access control
    // policy nests it under `grantee`. (No other S3 resource of the provider has grants.)
    const resource = { type, props: p };
    const granted = inputsOf(resource, TYPES.bucket) ?? inputsOf(resource, TYPES.bucketV2) ?? inputsOf(resource, TYPES.objectCopy);
    const acl = inputsOf(resource, TYPES.bucketAcl) ?? inputsOf(resource, TYPES.bucketAclV2);
    const uris = [...asArray(granted?.grants).map((g) => g?.uri), ...asArray(acl?.accessControlPolicy?.grants).map((g) => g?.grantee?.uri)];
    for (const uri of uris) {
        if (typeof uri === "string" && PUBLIC_GRANTEES.test(uri)) found.push(`a grant to ${uri.replace(/.*\//, "")}`);
    }
    return found;
}

const BLOCK_FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;
const flagsOff = (block: Partial<Record<(typeof BLOCK_FLAGS)[number], unknown>> | undefined) => BLOCK_FLAGS.filter((f) => block?.[f] !== true);

/** Outputs of every bucket that names itself, with the name config resources refer to it by. */
function bucketsOf(resources: PolicyResource[]): { resource: PolicyResource; name: string }[] {
    return resources.filter((r) => BUCKETS.includes(r.type)).map((r) => ({ resource: r, name: bucketKey(r.props.bucket) ?? bucketKey(r.props.id) ?? r.name }));
}

/** Names of the buckets that some resource of `types` attaches to and `accept`s. */
function attachedBuckets(resources: PolicyResource[], types: string[], accept: (p: Record<string, unknown>) => boolean = () => true): Set<string> {
    const names = new Set<string>();
    for (const r of resources) {
        if (!types.includes(r.type)) continue;
        const name = bucketKey(r.props.bucket);
        if (name !== undefined && accept(r.props)) names.add(name);
    }
    return names;
}


// ── Public access ───────────────────────────────────────────────────────────────────────────────────────

const publicAccessDoc = {
    name: "s3-public-access-blocked",
    description: "Every bucket has a public access block with all four settings on, and no account, access point or multi-region access point block turns one off.",
    severity: "critical" as const,
    category: "security" as const,
    remediation:
        "Keep the `aws.s3.BucketPublicAccessBlock` the ObjectStorage component (components/storage.ts) gives each bucket, with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true; give any bucket you add its own.",
};

export const s3PublicAccessBlocked = resourceAndStackRule(
    resourceRule({
        ...publicAccessDoc,
        types: [PUBLIC_ACCESS_BLOCK, ACCOUNT_PUBLIC_ACCESS_BLOCK, ACCESS_POINT, TYPES.multiRegionAccessPoint],
        validate(resource, _config, report) {
            const p = resource.props;
            const block =
                resource.type === ACCESS_POINT ? inputsOf(resource, TYPES.accessPoint)?.publicAccessBlockConfiguration : resource.type === TYPES.multiRegionAccessPoint ? inputsOf(resource, TYPES.multiRegionAccessPoint)?.details?.publicAccessBlock : p;
            // An access point without the block gets all four settings on by default; a bucket or account block does not.
            if (block === undefined && (resource.type === ACCESS_POINT || resource.type === TYPES.multiRegionAccessPoint)) return;
            const off = flagsOff(block);
            if (off.length > 0) report(`${resource.name} leaves ${off.join(", ")} off, so a public ACL or policy would take effect.`);
        },
    }),
    stackRule({
        ...publicAccessDoc,
        validate(resources, _config, report) {
            const blocked = attachedBuckets(resources, [PUBLIC_ACCESS_BLOCK], (p) => flagsOff(p).length === 0);
            for (const b of bucketsOf(resources)) {
                if (!blocked.has(b.name)) report(`Bucket ${b.name} has no public access block with all four settings on.`, ruleResource(b.resource));
            }
        },
    }),
);

const aclDoc = {
    name: "s3-acls-disabled",
    description: "Every bucket enforces bucket-owner ownership (ACLs disabled), and no bucket or object ACL grants access to all or all authenticated AWS users.",
    severity: "critical" as const,
    category: "security" as const,
    remediation:
        "Keep the `aws.s3.BucketOwnershipControls` with objectOwnership `BucketOwnerEnforced` that components/storage.ts creates; grant access through the bucket policy or the app's IAM role, never with an ACL (remove `acl`/`grants` and any BucketAcl resource).",
};

export const s3AclsDisabled = resourceAndStackRule(
    resourceRule({
        ...aclDoc,
        types: [OWNERSHIP_CONTROLS, ...BUCKET_ACLS, ...OBJECTS, ...BUCKETS],
        validate(resource, _config, report) {
            const p = resource.props;
            if (resource.type === OWNERSHIP_CONTROLS) {
                const ownership = inputsOf(resource, TYPES.bucketOwnershipControls)?.rule?.objectOwnership;
                if (ownership !== "BucketOwnerEnforced") report(`${resource.name} sets object ownership to ${JSON.stringify(ownership)}, which keeps ACLs in force; use "BucketOwnerEnforced".`);
                return;
            }
            const grants = publicAclGrants(resource.type, p);
            if (grants.length > 0) report(`${resource.name} makes data public through ${grants.join(" and ")}.`);
        },
    }),
    stackRule({
        ...aclDoc,
        validate(resources, _config, report) {
            const enforced = attachedBuckets(resources, [OWNERSHIP_CONTROLS], (p) => (p as Inputs<typeof TYPES.bucketOwnershipControls>).rule?.objectOwnership === "BucketOwnerEnforced");
            for (const b of bucketsOf(resources)) {
                if (!enforced.has(b.name)) report(`Bucket ${b.name} has no ownership controls set to BucketOwnerEnforced, so ACLs may still grant access.`, ruleResource(b.resource));
            }
        },
    }),
);

export const s3NoPublicPolicy = resourceRule({
    name: "s3-no-public-policy",
    description: "No bucket, access point or multi-region access point policy allows anyone (Principal `*`) without a condition that pins the caller or network.",
    severity: "critical",
    category: "security",
    remediation:
        "Grant the app access through the IAM role of components/storage.ts (assumed through Vercel OIDC), not the bucket policy; if a statement must name `*`, add a condition on aws:SourceVpce, aws:PrincipalOrgID, aws:SourceArn or similar.",
    types: Object.keys(RESOURCE_POLICIES),
    validate(resource, _config, report) {
        const doc = RESOURCE_POLICIES[resource.type](resource.props);
        if (doc === undefined || doc === null) return;
        const statements = policyStatements(doc);
        if (statements === undefined) {
            report(`${resource.name} has a policy that is not a JSON policy document, so it cannot be shown to be private.`);
            return;
        }
        for (const s of publicStatements(statements)) {
            const who = s.NotPrincipal !== undefined ? "everyone except the NotPrincipal" : "anyone";
            report(`${resource.name} allows ${who} to ${strings(s.Action).join(", ") || "act"}${typeof s.Sid === "string" ? ` (statement ${s.Sid})` : ""} with no condition that restricts the caller.`);
        }
    },
});

/** A Deny of every S3 action to everyone with no condition: nobody, not the app, not an administrator, gets in. */
function deniesEverything(s: Statement): boolean {
    if (s.Effect !== "Deny" || s.NotPrincipal !== undefined || !principalIsEveryone(s.Principal) || s.Condition !== undefined) return false;
    if (s.NotAction !== undefined) return false;
    return strings(s.Action).some((a) => a === "*" || a.toLowerCase() === "s3:*");
}

export const s3PolicyNoDenyAll = resourceRule({
    name: "s3-policy-no-deny-all",
    description: "No bucket policy denies every S3 action to everyone without a condition, which locks out the app and every administrator (only the account root can then delete the policy).",
    severity: "high",
    category: "availability",
    remediation:
        "Give every Deny statement a condition that says when it applies (aws:SecureTransport false, as the TLS-only statement of components/storage.ts does; aws:PrincipalArn not the app's role), or narrow its actions.",
    types: [BUCKET_POLICY, ...BUCKETS],
    validate(resource, _config, report) {
        const policy = resource.props.policy;
        if (policy === undefined || policy === null || policy === "") return;
        const statements = policyStatements(policy) ?? [];
        statements.forEach((s, i) => {
            if (deniesEverything(s)) report(`${resource.name}: ${label(s, i)} denies ${strings(s.Action).join(", ")} to everyone with no condition, so no one can use the bucket.`);
        });
    },
});

export const s3NoWebsiteHosting = resourceRule({
    name: "s3-no-website-hosting",
    description: "No bucket serves a static website: website endpoints are plain HTTP and exist to serve the public.",
    severity: "high",
    category: "security",
    remediation: "Remove the bucket's website configuration; serve public assets from the Vercel app (or a CDN with TLS) and keep the bucket private.",
    types: [...WEBSITES, ...BUCKETS],
    validate(resource, _config, report) {
        const p = resource.props;
        const inline = resource.type === BUCKET_V7 ? p.website : resource.type === BUCKET_V2 ? asArray(p.websites)[0] : undefined;
        if (WEBSITES.includes(resource.type) || (inline && Object.keys(inline).length > 0)) {
            report(`${resource.name} turns on static website hosting for a bucket.`);
        }
    },
});

// ── Encryption and TLS ──────────────────────────────────────────────────────────────────────────────────

const SSE_ALGORITHMS = new Set(["AES256", "aws:kms", "aws:kms:dsse"]);

/** Default-encryption algorithms in each shape: standalone `rules`, v7 inline `rule`, BucketV2 inline lists. */
function defaultEncryption(type: string, p: Record<string, unknown>): unknown[] | undefined {
    const resource = { type, props: p };
    const config = inputsOf(resource, TYPES.encryptionConfig) ?? inputsOf(resource, TYPES.encryptionConfigV2);
    if (config) return asArray(config.rules).map((r) => r?.applyServerSideEncryptionByDefault?.sseAlgorithm);
    const v7 = inputsOf(resource, TYPES.bucket);
    if (v7) return v7.serverSideEncryptionConfiguration ? [v7.serverSideEncryptionConfiguration.rule?.applyServerSideEncryptionByDefault?.sseAlgorithm] : undefined;
    const v2 = inputsOf(resource, TYPES.bucketV2);
    if (v2?.serverSideEncryptionConfigurations !== undefined) {
        return asArray(v2.serverSideEncryptionConfigurations).flatMap((c) => asArray(c?.rules).flatMap((r) => asArray(r?.applyServerSideEncryptionByDefaults).map((d) => d?.sseAlgorithm)));
    }
    return undefined;
}
const encrypts = (algorithms: unknown[] | undefined) => algorithms !== undefined && algorithms.length > 0 && algorithms.every((a) => typeof a === "string" && SSE_ALGORITHMS.has(a));

const encryptionDoc = {
    name: "s3-encryption-at-rest",
    description: "Every bucket has an explicit default-encryption configuration (SSE-S3 or SSE-KMS) for every object written to it.",
    severity: "high" as const,
    category: "security" as const,
    remediation:
        "Keep the `aws.s3.BucketServerSideEncryptionConfiguration` of components/storage.ts (AES256); for a bucket you add, give it one with `applyServerSideEncryptionByDefault.sseAlgorithm` AES256, aws:kms or aws:kms:dsse.",
};

export const s3EncryptionAtRest = resourceAndStackRule(
    resourceRule({
        ...encryptionDoc,
        types: [...ENCRYPTION_CONFIGS, ...BUCKETS],
        validate(resource, _config, report) {
            const algorithms = defaultEncryption(resource.type, resource.props);
            if (algorithms !== undefined && !encrypts(algorithms)) {
                report(`${resource.name} configures encryption without a default algorithm of ${[...SSE_ALGORITHMS].join(", ")} (got ${JSON.stringify(algorithms)}).`);
            }
        },
    }),
    stackRule({
        ...encryptionDoc,
        validate(resources, _config, report) {
            const encrypted = attachedBuckets(resources, ENCRYPTION_CONFIGS, (p) => encrypts(defaultEncryption(ENCRYPTION_CONFIGS[0], p)));
            for (const b of bucketsOf(resources)) {
                if (!encrypted.has(b.name) && !encrypts(defaultEncryption(b.resource.type, b.resource.props))) {
                    report(`Bucket ${b.name} has no default-encryption configuration.`, ruleResource(b.resource));
                }
            }
        },
    }),
);

const tlsDoc = {
    name: "s3-tls-only",
    description: "Every bucket's policy denies every request that does not use TLS (aws:SecureTransport false) on the bucket and its objects.",
    severity: "high" as const,
    category: "security" as const,
    remediation:
        "Keep the `aws.s3.BucketPolicy` of components/storage.ts, whose DenyInsecureTransport statement denies s3:* to `*` on the bucket and `bucket/*` when aws:SecureTransport is false; a bucket has one policy, so add statements to it rather than replacing it.",
};

const bucketPolicyDeniesHttp = (p: Record<string, unknown>, policy: unknown) =>
    (policyStatements(policy) ?? []).some((s) => deniesPlainHttp(s, bucketKey(knownOrUndefined(() => p.bucket))));

export const s3TlsOnly = resourceAndStackRule(
    resourceRule({
        ...tlsDoc,
        types: [BUCKET_POLICY, ...BUCKETS],
        validate(resource, _config, report) {
            const p = resource.props;
            // A bucket has exactly one policy, so a policy without the deny leaves its bucket open to plain HTTP.
            if (p.policy === undefined || p.policy === null || p.policy === "") return;
            if (!bucketPolicyDeniesHttp(p, p.policy)) report(`${resource.name} is a bucket policy without a statement denying requests made without TLS.`);
        },
    }),
    stackRule({
        ...tlsDoc,
        validate(resources, _config, report) {
            const denied = attachedBuckets(resources, [BUCKET_POLICY], (p) => bucketPolicyDeniesHttp(p, p.policy));
            for (const b of bucketsOf(resources)) {
                const inline = b.resource.props.policy;
                if (!denied.has(b.name) && !(inline && bucketPolicyDeniesHttp({ bucket: b.name }, inline))) {
                    report(`Bucket ${b.name} has no policy denying requests made without TLS.`, ruleResource(b.resource));
                }
            }
        },
    }),
);

export const corsOriginsRestricted = resourceRule({
    name: "cors-origins-restricted",
    description: "Cross-origin access is allowed only from named https origins: no wildcard, no null origin, no plain http, and no local addresses outside development.",
    severity: "high",
    category: "security",
    remediation:
        "List the app's own https origins in `service:storage.corsOrigins` (bucket CORS) and `service:app.corsOrigins` (CORS_ORIGINS); keep http://localhost only in development stacks, whose policy config sets `allowLocalhost`.",
    types: [...CORS_CONFIGS, ...BUCKETS, ...VERCEL_ENV_VAR_TYPES],
    config: { allowLocalhost: z.boolean().default(false) },
    validate(resource, config, report) {
        // The app's CORS_ORIGINS env var (policies/rules/app.ts finds it in every Vercel variable form).
        for (const { label, origins } of envVarCorsOrigins(resource.type, resource.props)) {
            for (const origin of origins) {
                const problem = corsOriginProblem(origin, config);
                if (problem) report(`${resource.name}: ${label} allows cross-origin requests from ${JSON.stringify(origin)}: ${problem}.`);
            }
        }
        const cors = inputsOf(resource, TYPES.corsConfig) ?? inputsOf(resource, TYPES.corsConfigV2) ?? inputsOf(resource, TYPES.bucket) ?? inputsOf(resource, TYPES.bucketV2);
        for (const rule of asArray(cors?.corsRules)) {
            for (const origin of asArray<unknown>(rule?.allowedOrigins)) {
                const problem = corsOriginProblem(String(origin), config);
                if (problem) report(`${resource.name} allows cross-origin requests from ${JSON.stringify(origin)}: ${problem}.`);
            }
        }
    },
});

// ── Durability ──────────────────────────────────────────────────────────────────────────────────────────

/** Versioning in each shape: standalone status, v7 inline `versioning.enabled`, BucketV2 `versionings[]`. */
function versioningOf(type: string, p: Record<string, unknown>): boolean | undefined {
    const resource = { type, props: p };
    const config = inputsOf(resource, TYPES.versioningConfig) ?? inputsOf(resource, TYPES.versioningConfigV2);
    if (config) return config.versioningConfiguration?.status === "Enabled";
    const v7 = inputsOf(resource, TYPES.bucket);
    if (v7?.versioning !== undefined) return v7.versioning?.enabled === true;
    const v2 = inputsOf(resource, TYPES.bucketV2);
    if (v2?.versionings !== undefined) return asArray(v2.versionings).some((v) => v?.enabled === true);
    return undefined;
}

const versioningDoc = {
    name: "s3-versioning",
    description: "Every bucket keeps object versions, so an overwrite or delete (by a bug or an attacker with the app's role) can be undone.",
    severity: "medium" as const,
    category: "durability" as const,
    remediation: "Set `service:storage.versioning` to true (the prod preset does); components/storage.ts then adds a BucketVersioning with status Enabled.",
};

export const s3Versioning = resourceAndStackRule(
    resourceRule({
        ...versioningDoc,
        types: [...VERSIONING_CONFIGS, ...BUCKETS],
        validate(resource, _config, report) {
            if (versioningOf(resource.type, resource.props) === false) report(`${resource.name} leaves versioning off (or suspended) for its bucket.`);
        },
    }),
    stackRule({
        ...versioningDoc,
        validate(resources, _config, report) {
            const versioned = attachedBuckets(resources, VERSIONING_CONFIGS, (p) => versioningOf(VERSIONING_CONFIGS[0], p) === true);
            for (const b of bucketsOf(resources)) {
                if (!versioned.has(b.name) && versioningOf(b.resource.type, b.resource.props) !== true) {
                    report(`Bucket ${b.name} does not keep object versions.`, ruleResource(b.resource));
                }
            }
        },
    }),
);

interface LifecycleFacts {
    /** Days of the whole-bucket abort-incomplete-uploads rule, when one is enabled. */
    abortDays?: number;
    /** Days of every enabled noncurrent-version expiration. */
    noncurrentDays: number[];
}

const appliesToWholeBucket = (rule: { filter?: unknown; prefix?: unknown }) => {
    const filter = rule.filter;
    const noFilter = filter === undefined || filter === null || (typeof filter === "object" && Object.values(filter).every((v) => v === undefined || v === null || v === ""));
    return noFilter && (rule.prefix === undefined || rule.prefix === null || rule.prefix === "");
};

/** The lifecycle facts of standalone configurations and of v7 and BucketV2 inline `lifecycleRules`. */
function lifecycleOf(type: string, p: Record<string, unknown>): LifecycleFacts | undefined {
    const facts: LifecycleFacts = { noncurrentDays: [] };
    const resource = { type, props: p };
    const config = inputsOf(resource, TYPES.lifecycleConfig) ?? inputsOf(resource, TYPES.lifecycleConfigV2);
    if (config) {
        for (const r of asArray(config.rules)) {
            if (r?.status !== "Enabled") continue;
            const abort = r.abortIncompleteMultipartUpload?.daysAfterInitiation;
            if (typeof abort === "number" && appliesToWholeBucket(r)) facts.abortDays = Math.min(facts.abortDays ?? abort, abort);
            const noncurrent = r.noncurrentVersionExpiration?.noncurrentDays;
            if (typeof noncurrent === "number") facts.noncurrentDays.push(noncurrent);
        }
        return facts;
    }
    // A v7 Bucket's rule has one `noncurrentVersionExpiration`, a BucketV2's a list of them.
    const v7 = inputsOf(resource, TYPES.bucket);
    const v2 = inputsOf(resource, TYPES.bucketV2);
    const rules = v7?.lifecycleRules ?? v2?.lifecycleRules;
    if (rules === undefined) return undefined;
    const inline = [
        ...asArray(v7?.lifecycleRules).map((r) => ({ rule: r, expirations: [r?.noncurrentVersionExpiration] })),
        ...asArray(v2?.lifecycleRules).map((r) => ({ rule: r, expirations: asArray(r?.noncurrentVersionExpirations) })),
    ];
    for (const { rule: r, expirations } of inline) {
        if (r?.enabled !== true) continue;
        if (typeof r.abortIncompleteMultipartUploadDays === "number" && appliesToWholeBucket(r)) {
            facts.abortDays = Math.min(facts.abortDays ?? r.abortIncompleteMultipartUploadDays, r.abortIncompleteMultipartUploadDays);
        }
        for (const n of expirations) {
            if (typeof n?.days === "number") facts.noncurrentDays.push(n.days);
        }
    }
    return facts;
}

const lifecycleDoc = {
    name: "s3-lifecycle",
    description:
        "Every bucket aborts incomplete multipart uploads, and a versioned bucket expires noncurrent versions, after at least the configured days, so storage neither grows forever nor loses old versions too soon.",
    severity: "medium" as const,
    category: "durability" as const,
    remediation:
        "Keep the BucketLifecycleConfiguration of components/storage.ts: `service:storage.abortIncompleteUploadDays` sets the abort rule and `service:storage.noncurrentVersionExpirationDays` (at least the rule's `minimumNoncurrentDays`) the noncurrent-version expiration.",
    config: { minimumNoncurrentDays: z.number().int().min(1).default(7) },
};

export const s3Lifecycle = resourceAndStackRule(
    resourceRule({
        ...lifecycleDoc,
        types: [...LIFECYCLE_CONFIGS, ...BUCKETS],
        validate(resource, config, report) {
            const facts = lifecycleOf(resource.type, resource.props);
            if (!facts) return;
            if (facts.abortDays === undefined) report(`${resource.name} has no enabled whole-bucket rule aborting incomplete multipart uploads.`);
            for (const days of facts.noncurrentDays.filter((d) => d < config.minimumNoncurrentDays)) {
                report(`${resource.name} expires noncurrent versions after ${days} days; keep them at least ${config.minimumNoncurrentDays} days so a bad overwrite can be undone.`);
            }
        },
    }),
    stackRule({
        ...lifecycleDoc,
        validate(resources, _config, report) {
            const byBucket = new Map<string, LifecycleFacts>();
            for (const r of resources) {
                const name = LIFECYCLE_CONFIGS.includes(r.type) ? bucketKey(r.props.bucket) : undefined;
                if (name !== undefined) byBucket.set(name, lifecycleOf(r.type, r.props)!);
            }
            const versioned = attachedBuckets(resources, VERSIONING_CONFIGS, (p) => versioningOf(VERSIONING_CONFIGS[0], p) === true);
            for (const b of bucketsOf(resources)) {
                const facts = byBucket.get(b.name) ?? lifecycleOf(b.resource.type, b.resource.props);
                const missing: string[] = [];
                if (facts?.abortDays === undefined) missing.push("abort incomplete multipart uploads");
                const isVersioned = versioned.has(b.name) || versioningOf(b.resource.type, b.resource.props) === true;
                if (isVersioned && (facts?.noncurrentDays.length ?? 0) === 0) missing.push("expire noncurrent versions");
                if (missing.length > 0) report(`Bucket ${b.name} has no lifecycle rule to ${missing.join(" or ")}.`, ruleResource(b.resource));
            }
        },
    }),
);

export const storageRules: Rule[] = [
    s3PublicAccessBlocked,
    s3AclsDisabled,
    s3NoPublicPolicy,
    s3PolicyNoDenyAll,
    s3NoWebsiteHosting,
    s3EncryptionAtRest,
    s3TlsOnly,
    corsOriginsRestricted,
    s3Versioning,
    s3Lifecycle,
];
