/**
 * The one place that turns the stack config into each component's args, so `index.ts` and the test programs
 * that run part of the stack build components exactly alike.
 */
import { connectionBudget, PlainServiceConfig, StorageTrust } from "../config";
import { customEnvironmentFor, deploymentEnvironmentsFor, envContract, targetsFor } from "../config/envContract";
import type { VercelAppArgs } from "./app/project";
import type { ElastiCacheArgs, RedisArgs } from "./cache";
import type { CacheEndpoints, DatabaseEndpoints } from "./contract";
import type { CostAssumptionsArgs } from "./costAssumptions";
import { ErrorTrackingArgs, sentryConnection } from "./errorTracking";
import type { PostgresArgs } from "./database";
import type { MonitoringArgs } from "./monitoring";
import type { Network, NetworkArgs } from "./network";
import type { GeneratedSecretsArgs } from "./secrets";
import type { SharedSingletonsArgs } from "./shared";
import type { ObjectStorageArgs } from "./storage";

/** `zones` are the ones the stack's surroundings offer (components/surroundings.ts, `LiveSettings.zones`). */
export function networkArgs(config: PlainServiceConfig, zones: string[]): NetworkArgs {
    return {
        reachability:
            config.reachability === "private"
                ? { mode: "private", secureCompute: { teamId: config.vercel.teamId, networkId: config.vercel.secureComputeNetworkId, peeringConnectionId: config.vercel.peeringConnectionId } }
                : { mode: "public", databaseAllowedCidrs: config.database.allowedCidrs },
        cidrBlock: config.vpcCidr,
        zones,
    };
}

export function postgresArgs(config: PlainServiceConfig, network: Network): PostgresArgs {
    return {
        settings: config.database,
        budget: connectionBudget(config.database),
        subnetIds: network.databaseSubnetIds,
        vpcId: network.vpcId,
        securityGroupId: network.databaseSecurityGroupId,
        publiclyAccessible: !network.private,
        recoveryWindowDays: config.secrets.recoveryWindowDays,
        protectData: config.protectData,
        dependsOn: network.publicRouting,
    };
}

/** `trust` is how the surroundings left storage (components/surroundings.ts, `LiveSettings.storage`): the backend, and for S3 the OIDC provider. */
export function storageArgs(config: PlainServiceConfig, trust: StorageTrust): ObjectStorageArgs {
    const { storage, vercel } = config;
    if (trust.backend === "blob") return { backend: "blob", teamId: vercel.teamId };
    return {
        backend: "s3",
        region: config.aws.region,
        versioning: storage.versioning,
        noncurrentVersionExpirationDays: storage.noncurrentVersionExpirationDays,
        abortIncompleteUploadDays: storage.abortIncompleteUploadDays,
        corsOrigins: storage.corsOrigins,
        forceDestroy: !config.protectData,
        accountId: config.aws.accountId,
        teamId: vercel.teamId,
        teamSlug: vercel.teamSlug,
        projectName: vercel.projectName ?? config.name,
        // The role trusts exactly the deployments this stack hands AWS_ROLE_ARN to.
        oidcEnvironments: deploymentEnvironmentsFor(config.environment),
        oidcProvider: trust.oidcProvider,
    };
}

/** `placement` is the network's private subnets and cache security group, which ElastiCache lives in. */
export function redisArgs(config: PlainServiceConfig, placement: Pick<ElastiCacheArgs, "subnetIds" | "securityGroupIds">): RedisArgs {
    const { cache } = config;
    if (cache.backend === "upstash") return { backend: "upstash", upstashRegion: cache.upstashRegion, upstashBudgetUsd: cache.upstashBudgetUsd };
    return {
        backend: "elasticache",
        engine: cache.engine,
        nodeType: cache.nodeType,
        nodes: cache.nodes,
        snapshotRetentionDays: cache.snapshotRetentionDays,
        finalSnapshot: config.protectData,
        ...placement,
    };
}

export function secretsArgs(config: PlainServiceConfig): GeneratedSecretsArgs {
    const { secrets } = config;
    return {
        names: secrets.generated,
        lengthBytes: secrets.lengthBytes,
        storeInSecretsManager: secrets.storeInSecretsManager,
        recoveryWindowDays: secrets.recoveryWindowDays,
        protectData: config.protectData,
    };
}

/** `productionDomain` is the domain the app serves in production, when this stack sets one. */
export function monitoringArgs(config: PlainServiceConfig, data: { database: DatabaseEndpoints; cache: CacheEndpoints }, productionDomain?: string): MonitoringArgs {
    return {
        database: data.database,
        cache: data.cache,
        databaseInstance: { instanceClass: config.database.instanceClass, memoryGib: connectionBudget(config.database).instanceMemoryGib },
        cacheNodes: config.cache.nodes,
        alertEmails: config.alerts.emails,
        connectionsAlarmShare: config.alerts.connectionsAlarmShare,
        uptime: productionDomain
            ? {
                  domain: productionDomain,
                  path: config.app.healthPath,
                  prelaunch: config.app.prelaunchUntil ? { until: config.app.prelaunchUntil, owner: config.owner } : undefined,
              }
            : undefined,
        budget: config.budget,
        region: config.aws.region,
        costTags: { service: config.name, environment: config.environment },
        protectData: config.protectData,
    };
}

export function costArgs(config: PlainServiceConfig): CostAssumptionsArgs {
    return { usage: { ...config.cost, vercelPlan: config.vercel.plan }, region: config.aws.region };
}

export function sharedSingletonsArgs(config: PlainServiceConfig): SharedSingletonsArgs {
    return { projectName: config.vercel.projectName ?? config.name, vercel: config.vercel, storageBackend: config.storage.backend };
}

export function errorTrackingArgs(config: PlainServiceConfig): ErrorTrackingArgs {
    return { sentry: config.sentry, service: config.name, environment: config.environment, connection: sentryConnection() };
}

/** `refs` are what the app receives from the rest of the stack: the shared project, the data tier, API keys and the Sentry DSN. */
export function vercelAppArgs(config: PlainServiceConfig, refs: Pick<VercelAppArgs, "projectId" | "data" | "apiKeys" | "errorTracking">): VercelAppArgs {
    return {
        ...refs,
        contract: envContract(config, Object.keys(refs.apiKeys)),
        teamId: config.vercel.teamId,
        targets: targetsFor(config.environment),
        customEnvironment: customEnvironmentFor(config.environment),
        rateLimits: config.rateLimits,
        domain: config.vercel.domain,
        logDrain: config.logDrain,
        sensitiveEnvVarsEnforced: config.vercel.enforcesSensitiveEnvVars,
    };
}
