/**
 * The service's infrastructure, one stack per environment: `pulumi up --stack dev` or `--stack prod`.
 * The config is validated first, so a bad stack file fails before any resource is registered.
 */
import * as aws from "@pulumi/aws";
import { loadStackSettings } from "./config";
import { requiredTags, ServiceContext, statefulOptions } from "./components/context";
import { GeneratedSecrets } from "./components/secrets";
import { Network } from "./components/network";
import { Postgres } from "./components/database";
import { ObjectStorage } from "./components/storage";
import { Redis } from "./components/cache";
import { targetsFor } from "./components/app/envContract";
import { VercelApp } from "./components/app/project";
import type { DataTier } from "./components/contract";
import { Monitoring } from "./components/monitoring";

const { config, apiKeys } = loadStackSettings();

const tags = requiredTags(config);
const awsProvider = new aws.Provider("aws", {
    region: config.aws.region as aws.Region,
    // The account guard: a prod stack refuses to run against any other account.
    allowedAccountIds: config.aws.accountId ? [config.aws.accountId] : undefined,
    defaultTags: { tags },
});

const ctx: ServiceContext = {
    config,
    prefix: `${config.name}-${config.environment}`,
    tags,
    aws: awsProvider,
    stateful: statefulOptions(config),
};

// ── Data tier: network, Postgres, object storage, Redis, generated secrets ──────────────────────────────
const network = new Network(
    `${ctx.prefix}-network`,
    {
        reachability: config.reachability,
        cidrBlock: config.vpcCidr,
        availabilityZones: config.availabilityZones,
        databaseAllowedCidrs: config.database.allowedCidrs,
        secureCompute: config.vercel.secureComputeNetworkId
            ? { teamId: config.vercel.teamId, networkId: config.vercel.secureComputeNetworkId, peeringConnectionId: config.vercel.peeringConnectionId }
            : undefined,
    },
    ctx,
);
const database = new Postgres(
    `${ctx.prefix}-postgres`,
    {
        settings: config.database,
        subnetIds: network.databaseSubnetIds,
        securityGroupId: network.databaseSecurityGroupId,
        publiclyAccessible: !network.private,
        recoveryWindowDays: config.secrets.recoveryWindowDays,
    },
    ctx,
);
const storage = new ObjectStorage(
    `${ctx.prefix}-storage`,
    {
        backend: config.storage.backend,
        versioning: config.storage.versioning,
        noncurrentVersionExpirationDays: config.storage.noncurrentVersionExpirationDays,
        abortIncompleteUploadDays: config.storage.abortIncompleteUploadDays,
        corsOrigins: config.storage.corsOrigins,
        forceDestroy: !config.protectData,
        accountId: config.aws.accountId,
        teamId: config.vercel.teamId,
        teamSlug: config.vercel.teamSlug,
        projectName: config.vercel.projectName ?? config.name,
        // The role trusts exactly the deployments this stack hands AWS_ROLE_ARN to.
        oidcEnvironments: targetsFor(config.environment),
        oidcProviderArn: config.storage.oidcProviderArn,
    },
    ctx,
);
const cache = new Redis(
    `${ctx.prefix}-redis`,
    {
        backend: config.cache.backend,
        engine: config.cache.engine,
        nodeType: config.cache.nodeType,
        nodes: config.cache.nodes,
        snapshotRetentionDays: config.cache.snapshotRetentionDays,
        finalSnapshot: config.protectData,
        upstashRegion: config.cache.upstashRegion,
        subnetIds: network.privateSubnetIds,
        securityGroupIds: [network.cacheSecurityGroupId],
    },
    ctx,
);
const secrets = new GeneratedSecrets(
    `${ctx.prefix}-app-secrets`,
    {
        names: config.secrets.generated,
        lengthBytes: config.secrets.lengthBytes,
        storeInSecretsManager: config.secrets.storeInSecretsManager,
        recoveryWindowDays: config.secrets.recoveryWindowDays,
    },
    ctx,
);

// ── App tier: Vercel project, env vars, firewall, monitoring, alerts, budget ─────────────────────────────
const data: DataTier = { database, cache: cache.endpoints, storage: storage.endpoints, generatedSecrets: secrets.values };
const app = new VercelApp(`${ctx.prefix}-app`, { data, apiKeys }, ctx);
const monitoring = new Monitoring(
    `${ctx.prefix}-monitoring`,
    {
        database,
        cache: cache.endpoints,
        databaseInstanceClass: config.database.instanceClass,
        cacheNodes: config.cache.nodes,
        alertEmails: config.alerts.emails,
        connectionsAlarmShare: config.alerts.connectionsAlarmShare,
        freeStorageAlarmShare: config.alerts.freeStorageAlarmShare,
        uptime: app.productionDomain ? { domain: app.productionDomain, path: config.app.healthPath } : undefined,
        budget: config.budget,
    },
    ctx,
);

// ── Stack outputs (names only: no secret value is ever exported in plain text) ────────────────────────
export const environment = config.environment;
export const generatedSecretNames = Object.keys(secrets.values);
export const secretArns = secrets.secretArns;
/** The VPC a Secure Compute network is peered to: the id Vercel asks for when requesting peering. */
export const vpcId = network.vpcId;
export const databaseInstanceIdentifier = database.instanceIdentifier;
/** Where uploads go: bucket, region and the role the app assumes through OIDC, or the Blob store's id. */
export const storageEndpoints = storage.endpoints;
/** The Redis backend and its ElastiCache replication group (none with Upstash); the URL is a secret and is not exported. */
export const redis = { backend: config.cache.backend, replicationGroupId: cache.endpoints.replicationGroupId };
/** Env var names each Vercel target receives from this stack (names only, never values). */
export const envVarNames = app.envVarNames;
export const vercelProjectId = app.projectId;
export const alarmNames = monitoring.alarmNames;
export const alertTopicArn = monitoring.alertTopicArn;
