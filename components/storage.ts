/**
 * Object storage for uploads: a private S3 bucket the app reaches through Vercel OIDC (no static AWS keys),
 * or a private Vercel Blob store.
 *
 * The bucket's policy and the role's documents are built from names known before anything exists (the
 * prefix, the account id, the team slug), never from outputs of resources being created, so the readiness
 * rules can read them during the first preview and block it.
 *
 * Encryption at rest is SSE-S3 (AES256), not SSE-KMS: with an AWS-managed key KMS adds no control a policy
 * could use, and a customer key would add a key policy, KMS permissions on the app's role and a per-request
 * cost, for an audit trail the bucket's CloudTrail data events already give. The bucket stays private, TLS-only
 * and reachable only through one role, which is where the protection lies.
 */
import * as aws from "./aws";
import * as pulumi from "@pulumi/pulumi";
import * as vercel from "@pulumiverse/vercel";
import type { OidcProviderSource } from "../config";
import { ServiceContext, withAwsProvider } from "./context";
import type { StorageEndpoints } from "./contract";
import { Transform, transformed } from "./transform";

/** A private Vercel Blob store (`service:storage.backend: blob`). */
export interface BlobStorageArgs {
    /** `blob` (`service:storage.backend`; the presets' default is `s3`). */
    backend: "blob";
    /** Vercel team id (`service:vercel.teamId`, required): the store is created in that team, never a personal scope. */
    teamId: string;
}

/** A private S3 bucket the app reaches through Vercel OIDC (`service:storage.backend: s3`, the presets' default). */
export interface S3StorageArgs {
    /** `s3` (`service:storage.backend`, the default). */
    backend: "s3";
    /** The stack's AWS region (`service:aws.region`, required), handed to the app with the bucket name. */
    region: string;
    /** Keep overwritten and deleted versions (`service:storage.versioning`; on in prod, off in dev). */
    versioning: boolean;
    /** Days a noncurrent version is kept before it expires, when versioned (`service:storage.noncurrentVersionExpirationDays`; 7 in dev, 30 in prod). */
    noncurrentVersionExpirationDays: number;
    /** Days before an unfinished multipart upload is aborted (`service:storage.abortIncompleteUploadDays`; 1 in dev, 7 in prod). */
    abortIncompleteUploadDays: number;
    /** Browser origins allowed to use the bucket directly (`service:storage.corsOrigins`, default none: no CORS configuration). */
    corsOrigins: string[];
    /** Let `pulumi destroy` delete a bucket that still holds objects; only where data is disposable (not `service:protectData`, so off in prod). */
    forceDestroy: boolean;
    /** AWS account of the bucket (`service:aws.accountId`); the deploying identity's account when unset (the default). */
    accountId?: string;
    /** Vercel team id (`service:vercel.teamId`, required): the OIDC slug is read from it when nothing else names it. */
    teamId: string;
    /** Vercel team slug (`service:vercel.teamSlug`): the OIDC issuer is `https://oidc.vercel.com/<slug>`. When unset (the default), taken from an existing provider's ARN, else read from Vercel. */
    teamSlug?: string;
    /** Vercel project name, as the OIDC token's subject names it (`service:vercel.projectName`, default the service name). */
    projectName: string;
    /** Vercel environments whose deployments may assume the role, as the OIDC token's `environment` claim names them (`deploymentEnvironmentsFor`). */
    oidcEnvironments: string[];
    /**
     * The account's IAM OIDC provider for the team's issuer (config/live.ts): by default the shared stack's
     * (components/shared.ts), or `service:storage.oidcProviderArn`; created here only with
     * `service:storage.ownOidcProvider`, for a stack whose account has no other (an account holds one per issuer).
     */
    oidcProvider: OidcProviderSource;
    /**
     * Hooks that change a child's args or options just before it is constructed (components/transform.ts), for a
     * stack that needs one S3 argument the settings do not expose; the pack judges the result. None by default.
     * - `bucket`: the `aws.s3.Bucket`.
     */
    transform?: { bucket?: Transform<aws.s3.BucketArgs> };
}

/** Where uploads go: a Blob store or an S3 bucket, with only the settings of the chosen backend. */
export type ObjectStorageArgs = BlobStorageArgs | S3StorageArgs;

export class ObjectStorage extends pulumi.ComponentResource {
    public readonly endpoints: StorageEndpoints;

    constructor(name: string, args: ObjectStorageArgs, ctx: ServiceContext, opts?: pulumi.ComponentResourceOptions) {
        super("service:data:ObjectStorage", name, {}, withAwsProvider(ctx, opts));
        if (args.backend === "blob") {
            const store = new vercel.BlobStore(
                `${name}-blob`,
                { name: ctx.names.storage.blobStore, access: "private", teamId: args.teamId },
                { parent: this, ...ctx.stateful },
            );
            this.endpoints = { backend: "blob", storeId: store.id };
            this.registerOutputs({ storeId: store.id });
            return;
        }
        const child = { parent: this };
        const accountId = args.accountId ? pulumi.output(args.accountId) : aws.getCallerIdentityOutput({}, child).accountId;
        const partition = aws.getPartitionOutput({}, child).partition;
        const bucketName = this.createBucket(name, args, accountId, ctx);
        const bucketArn = pulumi.interpolate`arn:${partition}:s3:::${bucketName}`;
        this.createBucketGuards(name, args, bucketName, bucketArn, ctx);
        if (args.corsOrigins.length > 0) this.allowBrowserOrigins(name, bucketName, args.corsOrigins);
        const role = this.createAppRole(name, args, accountId, partition, bucketArn, ctx);
        this.endpoints = { backend: "s3", bucketName, region: args.region, roleArn: role.arn };
        this.registerOutputs({ bucketName, roleArn: role.arn });
    }

    /**
     * The bucket, named with the account id: bucket names are global across AWS, so the same service cannot collide
     * across accounts. Returns its name input, which config resources refer to: it is known in a preview (the id is not).
     */
    private createBucket(name: string, args: S3StorageArgs, accountId: pulumi.Output<string>, ctx: ServiceContext) {
        const bucket = new aws.s3.Bucket(
            `${name}-bucket`,
            ...transformed(
                args.transform?.bucket,
                { bucket: accountId.apply((id) => ctx.names.storage.bucket(id)), forceDestroy: args.forceDestroy, tags: ctx.tags },
                { parent: this, ...ctx.stateful },
            ),
        );
        return bucket.bucket;
    }

    /**
     * What keeps the bucket private, encrypted, TLS-only and tidy. The guards of a kept bucket are kept with it:
     * `pulumi destroy --skip-preview` deletes unprotected resources until it reaches a protected one, and deleting
     * these would leave the retained bucket open to public ACLs and policies, without its TLS-only policy, or with
     * versioning suspended (the provider suspends it when a BucketVersioning is deleted).
     */
    private createBucketGuards(name: string, args: S3StorageArgs, bucketName: pulumi.Output<string>, bucketArn: pulumi.Output<string>, ctx: ServiceContext) {
        const child = { parent: this };
        const guard = { ...child, ...ctx.stateful };
        const accessBlock = new aws.s3.BucketPublicAccessBlock(
            `${name}-public-access`,
            { bucket: bucketName, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
            guard,
        );
        new aws.s3.BucketOwnershipControls(`${name}-ownership`, { bucket: bucketName, rule: { objectOwnership: "BucketOwnerEnforced" } }, guard);
        new aws.s3.BucketServerSideEncryptionConfiguration(
            `${name}-encryption`,
            { bucket: bucketName, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] },
            guard,
        );
        const versioning = args.versioning
            ? new aws.s3.BucketVersioning(`${name}-versioning`, { bucket: bucketName, versioningConfiguration: { status: "Enabled" } }, guard)
            : undefined;
        new aws.s3.BucketLifecycleConfiguration(
            `${name}-lifecycle`,
            {
                bucket: bucketName,
                rules: [
                    {
                        id: "abort-incomplete-uploads",
                        status: "Enabled",
                        filter: {},
                        abortIncompleteMultipartUpload: { daysAfterInitiation: args.abortIncompleteUploadDays },
                    },
                    ...(args.versioning
                        ? [
                              {
                                  id: "expire-noncurrent-versions",
                                  status: "Enabled",
                                  filter: {},
                                  noncurrentVersionExpiration: { noncurrentDays: args.noncurrentVersionExpirationDays },
                                  // Once its noncurrent versions are gone, a delete marker is clutter that slows listings.
                                  expiration: { expiredObjectDeleteMarker: true },
                              },
                          ]
                        : []),
                ],
            },
            // S3 applies lifecycle rules to the versioning state it sees; configure versioning first.
            { ...child, dependsOn: versioning ? [versioning] : [] },
        );
        new aws.s3.BucketPolicy(
            `${name}-policy`,
            {
                bucket: bucketName,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "DenyInsecureTransport",
                            Effect: "Deny",
                            Principal: "*",
                            Action: "s3:*",
                            Resource: [bucketArn, pulumi.interpolate`${bucketArn}/*`],
                            Condition: { Bool: { "aws:SecureTransport": "false" } },
                        },
                        {
                            Sid: "DenyOutdatedTls",
                            Effect: "Deny",
                            Principal: "*",
                            Action: "s3:*",
                            Resource: [bucketArn, pulumi.interpolate`${bucketArn}/*`],
                            Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
                        },
                    ],
                }),
            },
            // Both edit the bucket's access settings; S3 rejects concurrent changes.
            { ...guard, dependsOn: [accessBlock] },
        );
    }

    /** Browser uploads and downloads through presigned URLs, from the configured origins only. */
    private allowBrowserOrigins(name: string, bucketName: pulumi.Output<string>, origins: string[]) {
        new aws.s3.BucketCorsConfiguration(
            `${name}-cors`,
            {
                bucket: bucketName,
                corsRules: [
                    {
                        allowedMethods: ["GET", "HEAD", "PUT", "POST"],
                        allowedOrigins: origins,
                        allowedHeaders: ["content-type", "content-md5", "x-amz-*"],
                        exposeHeaders: ["ETag"],
                        maxAgeSeconds: 3600,
                    },
                ],
            },
            { parent: this },
        );
    }

    /**
     * The role the app assumes with its Vercel OIDC token (no static keys), trusting exactly this project's
     * deployments of the configured environments, and allowed the bucket's objects only.
     */
    private createAppRole(name: string, args: S3StorageArgs, accountId: pulumi.Output<string>, partition: pulumi.Output<string>, bucketArn: pulumi.Output<string>, ctx: ServiceContext) {
        const child = { parent: this };
        const { providerArn, provider, issuerHost, audience, teamSlug } = this.oidcProvider(name, args, accountId, partition, ctx);
        const role = new aws.iam.Role(
            `${name}-role`,
            {
                name: ctx.names.storage.role,
                description: `Assumed by the ${args.projectName} Vercel project (${args.oidcEnvironments.join(", ")}) through OIDC to use ${ctx.prefix}'s upload bucket`,
                assumeRolePolicy: pulumi.all([providerArn, issuerHost, audience, teamSlug]).apply(([federated, issuer, aud, slug]) =>
                    JSON.stringify({
                        Version: "2012-10-17",
                        Statement: [
                            {
                                Sid: "VercelOidc",
                                Effect: "Allow",
                                Principal: { Federated: federated },
                                Action: "sts:AssumeRoleWithWebIdentity",
                                Condition: {
                                    StringEquals: {
                                        [`${issuer}:aud`]: aud,
                                        [`${issuer}:sub`]: args.oidcEnvironments.map((env) => `owner:${slug}:project:${args.projectName}:environment:${env}`),
                                    },
                                },
                            },
                        ],
                    }),
                ),
                tags: ctx.tags,
            },
            // The trust policy names the provider by ARN, so the dependency must be stated.
            { ...child, dependsOn: provider ? [provider] : [] },
        );
        new aws.iam.RolePolicy(
            `${name}-role-objects`,
            {
                role: role.name,
                name: "upload-bucket-objects",
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "Objects",
                            Effect: "Allow",
                            Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"],
                            Resource: pulumi.interpolate`${bucketArn}/*`,
                        },
                        { Sid: "List", Effect: "Allow", Action: "s3:ListBucket", Resource: bucketArn },
                    ],
                }),
            },
            child,
        );
        return role;
    }

    /**
     * The team's issuer and the provider the role trusts. The slug comes from config, else from the existing
     * provider's ARN (which names the issuer), else from Vercel (a data source, read in previews too, so the trust
     * policy is known before anything is created). The provider is created here only when `oidcProvider` says so.
     */
    private oidcProvider(name: string, args: S3StorageArgs, accountId: pulumi.Output<string>, partition: pulumi.Output<string>, ctx: ServiceContext) {
        const source = args.oidcProvider;
        const knownSlug = args.teamSlug ?? (source.create ? undefined : source.arn.replace(/^.*:oidc-provider\/oidc\.vercel\.com\//, ""));
        const teamSlug = knownSlug ? pulumi.output(knownSlug) : vercel.getTeamConfigOutput({ id: args.teamId }, { parent: this }).slug;
        const issuerHost = pulumi.interpolate`oidc.vercel.com/${teamSlug}`;
        const audience = pulumi.interpolate`https://vercel.com/${teamSlug}`;
        if (!source.create) return { providerArn: pulumi.output(source.arn), provider: undefined, issuerHost, audience, teamSlug };
        const provider = new aws.iam.OpenIdConnectProvider(
            `${name}-vercel-oidc`,
            { url: pulumi.interpolate`https://${issuerHost}`, clientIdLists: [audience], tags: ctx.tags },
            { parent: this, ...ctx.stateful },
        );
        return { providerArn: pulumi.interpolate`arn:${partition}:iam::${accountId}:oidc-provider/${issuerHost}`, provider, issuerHost, audience, teamSlug };
    }
}
