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
import { ConfigError } from "../config";
import { ServiceContext, withAwsProvider } from "./context";
import type { StorageEndpoints } from "./contract";
import { Transform, transformed } from "./transform";


export interface ObjectStorageArgs {
    /** The stack's AWS region (`service:aws.region`), handed to the app with the bucket name. */
    region: string;
    /** `s3` (`service:storage.backend`): private bucket plus OIDC role; `blob`: private Vercel Blob store. */
    backend: "s3" | "blob";
    /** Keep overwritten and deleted versions (`service:storage.versioning`). */
    versioning: boolean;
    /** Days a noncurrent version is kept before it expires (`service:storage.noncurrentVersionExpirationDays`); used when versioned. */
    noncurrentVersionExpirationDays: number;
    /** Days before an unfinished multipart upload is aborted (`service:storage.abortIncompleteUploadDays`). */
    abortIncompleteUploadDays: number;
    /** Browser origins allowed to use the bucket directly (`service:storage.corsOrigins`); no CORS configuration when empty. */
    corsOrigins: string[];
    /** Let `pulumi destroy` delete a bucket that still holds objects; only where data is disposable (not `service:protectData`). */
    forceDestroy: boolean;
    /** AWS account of the bucket (`service:aws.accountId`); the deploying identity's account when unset. */
    accountId?: string;
    /** Vercel team id (`service:vercel.teamId`): the Blob store is created in that team, never a personal scope. */
    teamId: string;
    /** Vercel team slug (`service:vercel.teamSlug`): the OIDC issuer is `https://oidc.vercel.com/<slug>`. When unset, taken from `oidcProviderArn`, else read from Vercel. */
    teamSlug?: string;
    /** Vercel project name, as the OIDC token's subject names it (`service:vercel.projectName`, default the service name). */
    projectName: string;
    /** Vercel environments whose deployments may assume the role, as the OIDC token's `environment` claim names them (`deploymentEnvironmentsFor`). */
    oidcEnvironments: string[];
    /**
     * The account's IAM OIDC provider for the team's issuer: `service:storage.oidcProviderArn`, else the shared
     * stack's (components/shared.ts). An account holds one provider per issuer, so environments never create it,
     * unless `createOidcProvider` says this stack's account has no other.
     */
    oidcProviderArn?: string;
    /** Create the account's provider here (`service:storage.ownOidcProvider`): the stack deploys into an account of its own. */
    createOidcProvider: boolean;
    /**
     * Hooks that change a child's args or options just before it is constructed (components/transform.ts), for a
     * stack that needs one S3 argument the settings do not expose; the pack judges the result.
     * - `bucket`: the `aws.s3.Bucket` (s3 backend only).
     */
    transform?: { bucket?: Transform<aws.s3.BucketArgs> };
}

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
        const { bucketName, roleArn } = this.s3(name, args, ctx);
        this.endpoints = { backend: "s3", bucketName, region: args.region, roleArn };
        this.registerOutputs({ bucketName, roleArn });
    }

    private s3(name: string, args: ObjectStorageArgs, ctx: ServiceContext) {
        const child = { parent: this };
        const accountId = args.accountId ? pulumi.output(args.accountId) : aws.getCallerIdentityOutput({}, child).accountId;
        const partition = aws.getPartitionOutput({}, child).partition;

        // Bucket names are global across AWS: the account id keeps the same service from colliding across accounts.
        const bucket = new aws.s3.Bucket(
            `${name}-bucket`,
            ...transformed(
                args.transform?.bucket,
                { bucket: accountId.apply((id) => ctx.names.storage.bucket(id)), forceDestroy: args.forceDestroy, tags: ctx.tags },
                { ...child, ...ctx.stateful },
            ),
        );
        // Config resources refer to the bucket by its name input, which is known in a preview (its id is not).
        const bucketName = bucket.bucket;
        const bucketArn = pulumi.interpolate`arn:${partition}:s3:::${bucketName}`;

        // The guards of a kept bucket are kept with it: `pulumi destroy --skip-preview` deletes unprotected
        // resources until it reaches a protected one, and deleting these would leave the retained bucket open
        // to public ACLs and policies, without its TLS-only policy, or with versioning suspended (the provider
        // suspends it when a BucketVersioning is deleted).
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
        if (args.corsOrigins.length > 0) {
            new aws.s3.BucketCorsConfiguration(
                `${name}-cors`,
                {
                    bucket: bucketName,
                    corsRules: [
                        {
                            // Browser uploads and downloads through presigned URLs.
                            allowedMethods: ["GET", "HEAD", "PUT", "POST"],
                            allowedOrigins: args.corsOrigins,
                            allowedHeaders: ["content-type", "content-md5", "x-amz-*"],
                            exposeHeaders: ["ETag"],
                            maxAgeSeconds: 3600,
                        },
                    ],
                },
                child,
            );
        }

        // An existing provider's ARN names the team's issuer; otherwise Vercel is asked (a data source, read in
        // previews too, so the trust policy is known before anything is created).
        // The provider's ARN names the team's issuer; without a slug in config it is read from there, else Vercel is
        // asked (a data source, read in previews too, so the trust policy is known before anything is created).
        const providerSlug = args.oidcProviderArn?.replace(/^.*:oidc-provider\/oidc\.vercel\.com\//, "");
        if (args.teamSlug && providerSlug && providerSlug !== args.teamSlug) {
            throw new ConfigError([
                {
                    key: "service:storage.oidcProviderArn",
                    given: JSON.stringify(args.oidcProviderArn),
                    expected: `the account's OIDC provider for oidc.vercel.com/${args.teamSlug} (the team's issuer), or no value to use the shared stack's`,
                },
            ]);
        }
        const knownSlug = args.teamSlug ?? providerSlug;
        const teamSlug = knownSlug ? pulumi.output(knownSlug) : vercel.getTeamConfigOutput({ id: args.teamId }, { parent: this }).slug;
        const issuerHost = pulumi.interpolate`oidc.vercel.com/${teamSlug}`;
        const audience = pulumi.interpolate`https://vercel.com/${teamSlug}`;
        const provider = args.createOidcProvider
            ? new aws.iam.OpenIdConnectProvider(`${name}-vercel-oidc`, { url: pulumi.interpolate`https://${issuerHost}`, clientIdLists: [audience], tags: ctx.tags }, { ...child, ...ctx.stateful })
            : undefined;
        if (!provider && !args.oidcProviderArn) {
            throw new ConfigError([{ key: "service:storage.ownOidcProvider", given: "false", expected: "true, or an OIDC provider from the shared stack or service:storage.oidcProviderArn: the role needs one" }]);
        }
        const providerArn = args.oidcProviderArn ?? pulumi.interpolate`arn:${partition}:iam::${accountId}:oidc-provider/${issuerHost}`;
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
        return { bucketName, roleArn: role.arn };
    }
}
