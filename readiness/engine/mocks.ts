/**
 * Realistic provider behaviour for the offline run: ids, ARNs, endpoints and hostnames shaped like the
 * real ones, so env vars and policies built from outputs look as they will in the cloud.
 *
 * During a preview the engine does not know computed outputs of a resource it has yet to create, so in
 * preview mode only the inputs are echoed back and everything computed stays unknown.
 */
import { createHash } from "crypto";
import * as pulumi from "@pulumi/pulumi";
import type { OutputKind } from "../providers/types";
import { OUTPUT_PROPERTIES } from "./outputs.generated";
import { TYPES } from "../../contracts/tokens";
import { parseJsonish } from "../../contracts/json";

export interface MockContext {
    region: string;
    accountId: string;
    preview: boolean;
    /**
     * Outputs of referenced stacks by fully qualified name, replacing the stand-in `stackReferenceOutputs` builds
     * (a test's way to reference a shared stack in another account, say).
     */
    stackOutputs?: Record<string, Record<string, unknown>>;
    /** The zones the region offers the account (default four, a to d): a test's way to model a region with fewer. */
    availableZones?: string[];
}

type Outputs = Record<string, unknown>;
type Generator = (name: string, inputs: Record<string, any>, ctx: MockContext, h: string) => { id?: string; outputs?: Outputs };

const arn = (ctx: MockContext, service: string, resource: string, global = false) =>
    `arn:aws:${service}:${global ? "" : ctx.region}:${global && service === "s3" ? "" : ctx.accountId}:${resource}`;

const idPrefixed = (prefix: string) => (_n: string, _i: Record<string, any>, _c: MockContext, h: string) => ({ id: `${prefix}-${h.slice(0, 17)}` });

/** Deterministic stand-in for a generated secret: same stack, same value, so runs are reproducible. */
function fakeSecret(h: string, length: number, inputs: Record<string, any>): string {
    const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789" + (inputs.special === false ? "" : inputs.overrideSpecial ?? "");
    let out = "";
    let seed = h;
    while (out.length < length) {
        seed = createHash("sha256").update(seed).digest("hex");
        for (let i = 0; i + 1 < seed.length && out.length < length; i += 2) out += alphabet[parseInt(seed.slice(i, i + 2), 16) % alphabet.length];
    }
    return out;
}

const GENERATORS: Record<string, Generator> = {
    [TYPES.kmsKey]: (_n, _i, ctx, h) => {
        const keyId = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
        return { id: keyId, outputs: { keyId, arn: arn(ctx, "kms", `key/${keyId}`) } };
    },
    [TYPES.kmsAlias]: (_n, i, ctx) => ({ id: i.name, outputs: { arn: arn(ctx, "kms", i.name) } }),
    [TYPES.vpc]: (_n, _i, ctx, h) => ({ id: `vpc-${h.slice(0, 17)}`, outputs: { arn: arn(ctx, "ec2", `vpc/vpc-${h.slice(0, 17)}`), defaultSecurityGroupId: `sg-${h.slice(17, 34)}` } }),
    [TYPES.subnet]: (_n, _i, ctx, h) => ({ id: `subnet-${h.slice(0, 17)}`, outputs: { arn: arn(ctx, "ec2", `subnet/subnet-${h.slice(0, 17)}`) } }),
    [TYPES.securityGroup]: (_n, _i, ctx, h) => ({ id: `sg-${h.slice(0, 17)}`, outputs: { arn: arn(ctx, "ec2", `security-group/sg-${h.slice(0, 17)}`) } }),
    // ARN formats as recorded (test/fixtures/recorded/ec2-networking.json).
    [TYPES.internetGateway]: (_n, _i, ctx, h) => ({ id: `igw-${h.slice(0, 17)}`, outputs: { arn: arn(ctx, "ec2", `internet-gateway/igw-${h.slice(0, 17)}`) } }),
    [TYPES.routeTable]: (_n, _i, ctx, h) => ({ id: `rtb-${h.slice(0, 17)}`, outputs: { arn: arn(ctx, "ec2", `route-table/rtb-${h.slice(0, 17)}`) } }),
    [TYPES.defaultSecurityGroup]: (_n, _i, ctx, h) => ({ id: `sg-${h.slice(0, 17)}`, outputs: { arn: arn(ctx, "ec2", `security-group/sg-${h.slice(0, 17)}`), name: "default" } }),
    [TYPES.logGroup]: (n, i, ctx) => ({ id: i.name ?? n, outputs: { arn: arn(ctx, "logs", `log-group:${i.name ?? n}`) } }),
    [TYPES.vpcPeeringConnection]: idPrefixed("pcx"),
    [TYPES.vpcPeeringAccepter]: (_n, i) => ({ id: i.vpcPeeringConnectionId, outputs: { acceptStatus: "active" } }),
    // The security group rule ARN as EC2 documents it (`security-group-rule/sgr-...`).
    [TYPES.ingressRule]: (_n, _i, ctx, h) => ({ id: `sgr-${h.slice(0, 17)}`, outputs: { arn: arn(ctx, "ec2", `security-group-rule/sgr-${h.slice(0, 17)}`), securityGroupRuleId: `sgr-${h.slice(0, 17)}` } }),
    [TYPES.egressRule]: (_n, _i, ctx, h) => ({ id: `sgr-${h.slice(0, 17)}`, outputs: { arn: arn(ctx, "ec2", `security-group-rule/sgr-${h.slice(0, 17)}`), securityGroupRuleId: `sgr-${h.slice(0, 17)}` } }),
    // The Postgres bootstrap function (components/bootstrap/function.ts). The function's id is its name; the
    // invocation's is `<function>,<qualifier>,<md5 of the payload>` and its defaults are CREATE_ONLY, $LATEST and `tf`
    // (terraform-provider-aws internal/service/lambda/invocation.go, commit 0133e9ef35552b7396cf6cbd9b98bccfd24c7c26).
    // Its `result` is whatever the function returns, which no mock can know: it stays unset.
    [TYPES.lambdaFunction]: (_n, i, ctx) => ({
        id: i.name,
        outputs: { arn: arn(ctx, "lambda", `function:${i.name}`), qualifiedArn: arn(ctx, "lambda", `function:${i.name}:$LATEST`), version: "$LATEST", invokeArn: `arn:aws:apigateway:${ctx.region}:lambda:path/2015-03-31/functions/${arn(ctx, "lambda", `function:${i.name}`)}/invocations` },
    }),
    [TYPES.lambdaInvocation]: (_n, i) => ({
        id: `${i.functionName},${i.qualifier ?? "$LATEST"},${createHash("md5").update(String(i.input ?? "")).digest("hex")}`,
        outputs: { qualifier: i.qualifier ?? "$LATEST", lifecycleScope: i.lifecycleScope ?? "CREATE_ONLY", terraformKey: i.terraformKey ?? "tf" },
    }),
    [TYPES.vpcEndpoint]: (_n, _i, ctx, h) => ({ id: `vpce-${h.slice(0, 17)}`, outputs: { arn: arn(ctx, "ec2", `vpc-endpoint/vpce-${h.slice(0, 17)}`), state: "available", ownerId: ctx.accountId, requesterManaged: false } }),
    [TYPES.rdsInstance]: (n, i, ctx, h) => {
        const identifier = i.identifier ?? `${n}-${h.slice(0, 7)}`;
        const address = `${identifier}.c${h.slice(0, 11)}.${ctx.region}.rds.amazonaws.com`;
        const port = i.port ?? 5432;
        return {
            id: identifier,
            outputs: {
                identifier,
                address,
                port,
                endpoint: `${address}:${port}`,
                arn: arn(ctx, "rds", `db:${identifier}`),
                resourceId: `db-${h.slice(0, 26).toUpperCase()}`,
                masterUserSecrets: i.manageMasterUserPassword
                    ? [{ secretArn: arn(ctx, "secretsmanager", `secret:rds!db-${h.slice(0, 8)}-${h.slice(8, 14)}`), secretStatus: "active", kmsKeyId: i.masterUserSecretKmsKeyId ?? "" }]
                    : [],
            },
        };
    },
    [TYPES.rdsParameterGroup]: (n, i, ctx) => ({ id: i.name ?? n, outputs: { arn: arn(ctx, "rds", `pg:${i.name ?? n}`) } }),
    [TYPES.rdsSubnetGroup]: (n, i, ctx) => ({ id: i.name ?? n, outputs: { arn: arn(ctx, "rds", `subgrp:${i.name ?? n}`) } }),
    [TYPES.bucket]: (n, i, ctx) => {
        const bucket = i.bucket ?? `${n}-${ctx.accountId.slice(-6)}`;
        return {
            id: bucket,
            outputs: {
                bucket, arn: `arn:aws:s3:::${bucket}`, region: ctx.region, bucketRegion: ctx.region,
                bucketDomainName: `${bucket}.s3.amazonaws.com`, bucketRegionalDomainName: `${bucket}.s3.${ctx.region}.amazonaws.com`,
            },
        };
    },
    // Bucket configuration resources are identified by their bucket's name, as the provider does.
    ...Object.fromEntries(
        ["bucketPublicAccessBlock:BucketPublicAccessBlock", "bucketOwnershipControls:BucketOwnershipControls", "bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "bucketVersioning:BucketVersioning", "bucketLifecycleConfiguration:BucketLifecycleConfiguration", "bucketPolicy:BucketPolicy", "bucketCorsConfiguration:BucketCorsConfiguration"].map(
            (t): [string, Generator] => [`aws:s3/${t}`, (_n, i) => ({ id: i.bucket })],
        ),
    ),
    [TYPES.rolePolicy]: (_n, i) => ({ id: `${i.role}:${i.name}` }),
    [TYPES.role]: (n, i, ctx, h) => ({ id: i.name ?? n, outputs: { arn: `arn:aws:iam::${ctx.accountId}:role/${i.name ?? n}`, uniqueId: `AROA${h.slice(0, 17).toUpperCase()}` } }),
    [TYPES.policy]: (n, i, ctx) => ({ id: `arn:aws:iam::${ctx.accountId}:policy/${i.name ?? n}`, outputs: { arn: `arn:aws:iam::${ctx.accountId}:policy/${i.name ?? n}` } }),
    [TYPES.openIdConnectProvider]: (_n, i, ctx) => {
        const a = `arn:aws:iam::${ctx.accountId}:oidc-provider/${String(i.url ?? "").replace(/^https:\/\//, "")}`;
        return { id: a, outputs: { arn: a } };
    },
    [TYPES.cacheSubnetGroup]: (n, i, ctx) => ({ id: i.name ?? n, outputs: { arn: arn(ctx, "elasticache", `subnetgroup:${i.name ?? n}`) } }),
    [TYPES.cacheParameterGroup]: (n, i) => ({ id: i.name ?? n }),
    [TYPES.replicationGroup]: (n, i, ctx, h) => {
        const id = i.replicationGroupId ?? n;
        const host = `${id}.${h.slice(0, 6)}.${ctx.region.replace(/-(\w)\w+-(\d)$/, "$1$2").replace(/^(\w\w)\w*?-/, "$1")}.cache.amazonaws.com`;
        return { id, outputs: { arn: arn(ctx, "elasticache", `replicationgroup:${id}`), primaryEndpointAddress: `master.${host}`, readerEndpointAddress: `replica.${host}`, port: i.port ?? 6379, memberClusters: [`${id}-001`, `${id}-002`] } };
    },
    // AWS provider v7 takes a per-resource `region`; the ARN follows it.
    [TYPES.topic]: (n, i, ctx) => {
        const a = arn({ ...ctx, region: i.region ?? ctx.region }, "sns", i.name ?? n);
        // The owner is the account (recorded: sns-topic).
        return { id: a, outputs: { arn: a, owner: ctx.accountId } };
    },
    [TYPES.topicSubscription]: (_n, i, _c, h) => ({ id: `${i.topic}:${h.slice(0, 8)}`, outputs: { arn: `${i.topic}:${h.slice(0, 8)}-${h.slice(8, 12)}`, pendingConfirmation: i.protocol === "email" } }),
    [TYPES.metricAlarm]: (n, i, ctx) => ({ id: i.name ?? n, outputs: { arn: arn({ ...ctx, region: i.region ?? ctx.region }, "cloudwatch", `alarm:${i.name ?? n}`) } }),
    // hashicorp/terraform-provider-aws internal/service/events: a rule's id is its name on the default bus and
    // `<bus>/<name>` elsewhere (rule.go ruleCreateResourceID), its ARN `rule/<name>` or `rule/<bus>/<name>`; a target's id
    // is `<rule>-<target_id>` (`<bus>-<rule>-<target_id>` off the default bus, id.go targetCreateResourceID), its
    // target_id when unset generated by terraform-plugin-sdk helper/id PrefixedUniqueId("terraform-"): 18 timestamp
    // digits and an 8-hex-digit counter.
    [TYPES.eventRule]: (n, i, ctx) => {
        const bus = i.eventBusName && i.eventBusName !== "default" ? String(i.eventBusName).replace(/^arn:.*:event-bus\//, "") : undefined;
        const name = i.name ?? n;
        // Read sets the deprecated is_enabled from the rule's state as well (hashicorp/terraform-provider-aws
        // internal/service/events/rule.go resourceRuleRead: true for ENABLED and ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS), so an output
        // view never sees is_enabled false on an enabled rule.
        const state = i.state ?? (i.isEnabled === false ? "DISABLED" : "ENABLED");
        return {
            id: bus ? `${bus}/${name}` : name,
            outputs: { arn: arn({ ...ctx, region: i.region ?? ctx.region }, "events", bus ? `rule/${bus}/${name}` : `rule/${name}`), eventBusName: bus ?? "default", state, isEnabled: state !== "DISABLED" },
        };
    },
    [TYPES.eventTarget]: (_n, i, _c, h) => {
        const targetId = i.targetId ?? `terraform-2026${BigInt(`0x${h.slice(0, 12)}`).toString().padStart(14, "0").slice(0, 14)}${h.slice(12, 20)}`;
        const bus = i.eventBusName && i.eventBusName !== "default" ? String(i.eventBusName) : undefined;
        return { id: bus ? `${bus}-${i.rule}-${targetId}` : `${i.rule}-${targetId}`, outputs: { targetId, eventBusName: bus ?? "default" } };
    },
    [TYPES.secret]: (n, i, ctx, h) => {
        const a = arn(ctx, "secretsmanager", `secret:${i.name ?? n}-${h.slice(0, 6)}`);
        return { id: a, outputs: { arn: a } };
    },
    // As recorded (test/fixtures/recorded/secretversion.json): the version's `arn` is its secret's, its id `<secret arn>|<version id>`.
    [TYPES.secretVersion]: (_n, i, _c, h) => {
        const versionId = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`.toUpperCase();
        return { id: `${i.secretId}|${versionId}`, outputs: { arn: i.secretId, versionId, versionStages: i.versionStages ?? ["AWSCURRENT"] } };
    },
    [TYPES.budget]: (n, i, ctx) => ({ id: `${ctx.accountId}:${i.name ?? n}`, outputs: { arn: `arn:aws:budgets::${ctx.accountId}:budget/${i.name ?? n}` } }),
    [TYPES.healthCheck]: (_n, _i, ctx, h) => ({ id: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`, outputs: { arn: `arn:aws:route53:::healthcheck/${h.slice(0, 8)}` } }),
    [TYPES.randomPassword]: (_n, i, _c, h) => {
        const result = fakeSecret(h, i.length ?? 16, i);
        return { id: "none", outputs: { result: pulumi.secret(result), bcryptHash: pulumi.secret(`$2a$10$${h.slice(0, 53)}`) } };
    },
    [TYPES.randomString]: (_n, i, _c, h) => ({ id: fakeSecret(h, i.length ?? 16, i), outputs: { result: fakeSecret(h, i.length ?? 16, i) } }),
    "random:index/randomId:RandomId": (_n, i, _c, h) => {
        const hex = h.slice(0, (i.byteLength ?? 8) * 2);
        const buf = Buffer.from(hex, "hex");
        return { id: buf.toString("base64url"), outputs: { hex, b64Url: buf.toString("base64url"), b64Std: buf.toString("base64"), dec: BigInt(`0x${hex}`).toString() } };
    },
    [TYPES.vercelProject]: (_n, _i, _c, h) => ({ id: `prj_${h.slice(0, 28)}` }),
    [TYPES.blobStore]: (_n, _i, _c, h) => ({ id: `store_${h.slice(0, 16)}` }),
    [TYPES.upstashRedis]: (n, i, _c, h) => ({
        id: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`,
        outputs: { endpoint: `${i.databaseName ?? n}-${h.slice(0, 5)}.upstash.io`, port: 6379, password: pulumi.secret(fakeSecret(h, 40, {})), databaseId: h.slice(0, 32) },
    }),
    // Sentry: numeric ids; a DSN `https://<public key>@o<org id>.ingest.sentry.io/<project id>`, secret as the component keeps it.
    [TYPES.sentryProject]: (_n, i, _c, h) => ({
        id: `${i.organization}/${i.slug ?? i.name}`,
        outputs: { slug: i.slug ?? i.name, internalId: sentryId(h, 0), projectId: sentryId(h, 0), status: "active", isPublic: false, color: `#${h.slice(0, 6)}` },
    }),
    [TYPES.sentryKey]: (_n, i, _c, h) => {
        const org = sentryId(createHash("sha1").update(`org::${i.organization}`).digest("hex"), 0, 7);
        const projectId = sentryId(createHash("sha1").update(`project::${i.organization}/${i.project}`).digest("hex"), 0);
        const publicKey = h.slice(0, 32);
        const secretKey = createHash("sha1").update(`secret::${h}`).digest("hex").slice(0, 32);
        return {
            id: `${i.organization}/${i.project}/${publicKey}`,
            outputs: {
                public: publicKey,
                secret: pulumi.secret(secretKey),
                projectId: Number(projectId),
                isActive: true,
                dsnPublic: `https://${publicKey}@o${org}.ingest.sentry.io/${projectId}`,
                dsnSecret: pulumi.secret(`https://${publicKey}:${secretKey}@o${org}.ingest.sentry.io/${projectId}`),
                dsnCsp: `https://o${org}.ingest.sentry.io/api/${projectId}/security/?sentry_key=${publicKey}`,
            },
        };
    },
    [TYPES.sentryIssueAlert]: (_n, i, _c, h) => ({ id: `${i.organization}/${i.project}/${sentryId(h, 0, 8)}`, outputs: { internalId: sentryId(h, 0, 8) } }),
    [TYPES.sentryMetricAlert]: (_n, i, _c, h) => ({ id: `${i.organization}/${i.project}/${sentryId(h, 0, 8)}`, outputs: { internalId: sentryId(h, 0, 8) } }),
    // The workflow-engine resources (components/sentryAlerting.ts): the id is Sentry's numeric id; the outputs are what
    // their provider's create returns besides the inputs (the connected error detector, the project's numeric id).
    "pulumi-nodejs:dynamic/sentry:Workflow": (_n, i, _c, h) => ({
        id: sentryId(h, 0, 7),
        outputs: { detectorIds: i.connectErrorDetector ? [Number(sentryId(createHash("sha1").update(`error-detector::${i.organization}/${i.project}`).digest("hex"), 0, 7))] : [] },
    }),
    "pulumi-nodejs:dynamic/sentry:Detector": (_n, i, _c, h) => ({
        id: sentryId(h, 0, 7),
        outputs: { projectId: sentryId(createHash("sha1").update(`project::${i.organization}/${i.project}`).digest("hex"), 0) },
    }),
};

/** A decimal id from a hash (Sentry's ids are numbers), `digits` long without a leading zero. */
function sentryId(h: string, offset: number, digits = 16): string {
    const low = 10n ** BigInt(digits - 1);
    return (low + (BigInt(`0x${h.slice(offset, offset + 24)}`) % (9n * low))).toString();
}

/**
 * What the AWS provider's Check adds to a resource's inputs when the program leaves them out (`__defaults` in
 * a real stack's state), so they are in the outputs after apply. From real states recorded against AWS in
 * pulumi/pulumi-aws provider/testdata/recorded/TestProviderUpgrade/<case>/5.42.0/state.json (Apache-2.0),
 * transcribed in test/fixtures/recorded/, where a test holds this table to them. Defaults equal to the zero
 * value of their kind (false, 0) are left to the zero fill.
 */
export const CHECK_DEFAULTS: Record<string, Record<string, unknown>> = {
    // kms-key (commit d8c0a458e1b6ae43cd5adf8e99bb6a54d32bfb9b)
    [TYPES.kmsKey]: { customerMasterKeySpec: "SYMMETRIC_DEFAULT", isEnabled: true, keyUsage: "ENCRYPT_DECRYPT" },
    // secretsmanager-secret (commit fff3939ac05ae4dcb3fb9e98ff19eb86585c5a0d)
    [TYPES.secret]: { recoveryWindowInDays: 30 },
    // rds-instance (commit 77065781aeb4347f2a3a6fed503ee56b4412647f)
    [TYPES.rdsInstance]: { autoMinorVersionUpgrade: true, deleteAutomatedBackups: true },
    // ec2-networking (commit 9fc133ff38595512bfb71e99705f458e92f2454b)
    [TYPES.vpc]: { enableDnsSupport: true, instanceTenancy: "default" },
    // bucket (commit 77065781aeb4347f2a3a6fed503ee56b4412647f); @pulumi/aws 7.48.0 s3/bucket.d.ts still documents
    // `acl` "Defaults to `private`".
    [TYPES.bucket]: { acl: "private" },
    // subnet-group (commit bee47b4dda511cd2a006e423ef1a8aaafc22be61)
    [TYPES.rdsSubnetGroup]: { description: "Managed by Pulumi" },
    // Not in a recording: terraform-provider-aws internal/service/cloudwatch/metric_alarm.go, `actions_enabled`
    // (Optional, Default: true).
    [TYPES.metricAlarm]: { actionsEnabled: true },
};

/**
 * What the service itself sets on create when the program leaves a property out, as the recorded states show
 * (not Check defaults: they are not in `__defaults`). Applied after apply only, so a preview keeps these
 * properties as the program set them. A bucket's are replaced by what its configuration resources set
 * (readiness/engine/read.ts).
 */
const CREATE_DEFAULTS: Record<string, Record<string, unknown>> = {
    // bucket (commit 77065781aeb4347f2a3a6fed503ee56b4412647f): S3 encrypts every new bucket with SSE-S3 and
    // leaves versioning off until configured.
    [TYPES.bucket]: {
        requestPayer: "BucketOwner",
        serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { kmsMasterKeyId: "", sseAlgorithm: "AES256" }, bucketKeyEnabled: false } },
        versioning: { enabled: false, mfaDelete: false },
    },
};

/** How the bridge records an output the provider left unset (recorded states: `""`, `0`, `false`, `[]`, `{}`, `null` for a nested block). */
const ZERO: Record<OutputKind, unknown> = { string: "", number: 0, boolean: false, list: [], map: {}, object: null };

/**
 * The outputs a real `up` records for a created resource: every output property the SDK declares for the type
 * (readiness/engine/outputs.generated.ts), the zero value where nothing sets it, the Check defaults and what
 * the service sets on create, the program's inputs, the computed values of the type's generator, and `tagsAll` (the provider's default tags
 * merged under the resource's own, as the provider's tags interceptor computes them).
 */
function appliedOutputs(type: string, inputs: Record<string, any>, computed: Outputs, defaultTags: Record<string, string>, ctx: MockContext): Outputs {
    const declared = OUTPUT_PROPERTIES.outputs[type]?.properties ?? {};
    const out: Outputs = {};
    for (const [k, kind] of Object.entries(declared)) out[k] = kind === "list" ? [] : kind === "map" ? {} : ZERO[kind];
    // @pulumi/aws 7's per-resource `region` is recorded as the provider's region when the program leaves it out;
    // the owner of EC2 objects is the account (recorded: ec2-networking).
    if ("region" in declared && type.startsWith("aws:")) out.region = ctx.region;
    if ("ownerId" in declared && type.startsWith("aws:")) out.ownerId = ctx.accountId;
    Object.assign(out, CHECK_DEFAULTS[type] ?? {}, CREATE_DEFAULTS[type] ?? {}, inputs, computed);
    if ("tagsAll" in declared || inputs.tags) out.tagsAll = { ...(type.startsWith("aws:") ? defaultTags : {}), ...(plainTags(inputs.tags) ?? {}) };
    return out;
}

/** Tags as a plain map; a secret or unknown tag map is kept out of tagsAll's merge. */
function plainTags(tags: unknown): Record<string, string> | undefined {
    return tags && typeof tags === "object" && !Array.isArray(tags) && !pulumi.Output.isInstance(tags) ? (tags as Record<string, string>) : undefined;
}

/** The AWS provider's `defaultTags.tags` from the stack's config, as the default provider is configured. */
function awsDefaultTags(): Record<string, string> {
    const parsed = parseJsonish(pulumi.runtime.allConfig()["aws:defaultTags"]) as { tags?: Record<string, string> } | undefined;
    return parsed && typeof parsed === "object" && parsed.tags ? parsed.tags : {};
}

/** Resources whose id is their name when no generator knows better (Vercel and Postgres objects, mostly). */
function fallbackId(type: string, name: string, inputs: Record<string, any>, h: string): string {
    if (type.startsWith("postgresql:")) return inputs.name ?? name;
    if (type.startsWith("vercel:")) return `${type.split(":")[2]?.toLowerCase() ?? "res"}_${h.slice(0, 20)}`;
    return `${name}-${h.slice(0, 8)}`;
}

/**
 * The outputs a `shared` stack of this program exports (components/shared.ts), as that stack would have them
 * when deployed with the checked stack's team and into its account: the project id Vercel gives, the OIDC
 * provider for the team's issuer. Read from the running program's config, so a team slug or project name set
 * there shows up here as it would in the real shared stack.
 */
export function stackReferenceOutputs(stackName: string, ctx: MockContext): Record<string, unknown> {
    const config = pulumi.runtime.allConfig();
    const vercel = (parseJsonish(config["service:vercel"], { scalars: true }) ?? {}) as { teamId?: string; teamSlug?: string; projectName?: string };
    const slug = vercel.teamSlug ?? String(vercel.teamId ?? "team").replace(/^team_/, "").toLowerCase();
    const h = createHash("sha1").update(`stack::${stackName}`).digest("hex");
    return {
        vercelProjectId: `prj_${h.slice(0, 28)}`,
        vercelProjectName: vercel.projectName ?? config["service:name"] ?? "",
        vercelOidcProviderArn: `arn:aws:iam::${ctx.accountId}:oidc-provider/oidc.vercel.com/${slug}`,
        awsAccountId: ctx.accountId,
    };
}


export function newResourceMock(ctx: MockContext) {
    let configDefaultTags: Record<string, string> | undefined;
    // An explicit AWS provider's default tags, by the provider's id (a resource names its provider `urn::id`).
    const providerTags = new Map<string, Record<string, string>>();
    return (args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, any> } => {
        if (args.type === "pulumi:pulumi:StackReference") {
            // A read of a stack that exists: its outputs are known in a preview as well.
            const name = String(args.inputs.name ?? args.id ?? args.name);
            const outputs = ctx.stackOutputs?.[name] ?? stackReferenceOutputs(name, ctx);
            return { id: name, state: { name, outputs, secretOutputNames: [] } };
        }
        const h = createHash("sha1").update(`${args.type}::${args.name}`).digest("hex");
        const provider = (args as { provider?: string }).provider;
        const defaultTags = provider ? (providerTags.get(provider.split("::").pop() ?? "") ?? {}) : (configDefaultTags ??= awsDefaultTags());
        const gen = GENERATORS[args.type];
        const made = gen ? gen(args.name, args.inputs, ctx, h) : {};
        if (ctx.preview) {
            // A first preview: what the program said is known; ids and computed outputs are not.
            const unknown: Record<string, string> = {};
            for (const k of Object.keys(made.outputs ?? {})) if (!(k in args.inputs)) unknown[k] = pulumi.runtime.unknownValue;
            return { id: undefined, state: { ...args.inputs, ...unknown } };
        }
        const id = made.id ?? fallbackId(args.type, args.name, args.inputs, h);
        if (args.type === TYPES.awsProvider) {
            // Provider inputs that are objects travel JSON-encoded.
            const dt = (typeof args.inputs.defaultTags === "string" ? parseJsonish(args.inputs.defaultTags) : args.inputs.defaultTags) as { tags?: Record<string, string> } | undefined;
            providerTags.set(id, dt?.tags ?? {});
        }
        return {
            id,
            state: appliedOutputs(args.type, args.inputs, made.outputs ?? {}, defaultTags, ctx),
        };
    };
}

/** Provider functions the template calls. An unmocked function is an error that names it. */
export function callMock(ctx: MockContext) {
    return (args: pulumi.runtime.MockCallArgs): Record<string, any> => {
        switch (args.token) {
            case "aws:index/getCallerIdentity:getCallerIdentity":
                return { accountId: ctx.accountId, arn: `arn:aws:iam::${ctx.accountId}:user/deployer`, userId: "AIDAOFFLINECHECK", id: ctx.accountId };
            case "aws:index/getRegion:getRegion":
                return { name: ctx.region, region: ctx.region, id: ctx.region, endpoint: `ec2.${ctx.region}.amazonaws.com` };
            case "aws:index/getPartition:getPartition":
                return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" };
            case "aws:index/getAvailabilityZones:getAvailabilityZones": {
                const names = ctx.availableZones ?? ["a", "b", "c", "d"].map((s) => `${ctx.region}${s}`);
                return { names, zoneIds: names.map((_, i) => `use1-az${i + 1}`), id: ctx.region, state: "available" };
            }
            case "aws:secretsmanager/getSecretVersion:getSecretVersion": {
                // The RDS-managed master secret: a JSON document with the master user's name and password.
                const h = createHash("sha1").update(`secret::${args.inputs.secretId}`).digest("hex");
                const password = fakeSecret(h, 32, { overrideSpecial: "!#$%&*()_+-=[]{}<>:?" });
                return {
                    arn: args.inputs.secretId, id: `${args.inputs.secretId}|AWSCURRENT`, secretId: args.inputs.secretId, versionId: h.slice(0, 32), versionStage: "AWSCURRENT", versionStages: ["AWSCURRENT"],
                    secretString: JSON.stringify({ username: "dbadmin", password }), secretBinary: "", createdDate: "2025-01-01T00:00:00Z", region: ctx.region,
                };
            }
            case "vercel:index/getNetwork:getNetwork":
                // A Secure Compute network in Vercel's AWS account, in the stack's region, off the template's default VPC range.
                return { id: args.inputs.id, teamId: args.inputs.teamId, name: "secure-compute", cidr: "10.128.0.0/16", awsAccountId: "999999999999", awsRegion: ctx.region, awsAvailabilityZoneIds: [], egressIpAddresses: ["198.51.100.10", "198.51.100.11"], region: "iad1", status: "ready", vpcId: "vpc-0vercelsecurecompute" };
            case "vercel:index/getTeamConfig:getTeamConfig": {
                // The team's URL slug, read by the S3 storage role's OIDC trust: team_acme is vercel.com/acme.
                const slug = String(args.inputs.id).replace(/^team_/, "").toLowerCase();
                return { id: args.inputs.id, slug, name: slug, description: "", emailDomain: "", hideIpAddresses: false, hideIpAddressesInLogDrains: false, inviteCode: "", previewDeploymentSuffix: "", sensitiveEnvironmentVariablePolicy: "on" };
            }
            case "sentry:index/getSentryTeam:getSentryTeam": {
                const h = createHash("sha1").update(`team::${args.inputs.organization}/${args.inputs.slug}`).digest("hex");
                return { id: args.inputs.slug, organization: args.inputs.organization, slug: args.inputs.slug, name: args.inputs.slug, internalId: sentryId(h, 0, 7), hasAccess: true, isMember: true, isPending: false };
            }
            default:
                throw new Error(`the offline check has no mock for provider function '${args.token}'; add one to readiness/engine/mocks.ts`);
        }
    };
}
