/**
 * The one place that turns the stack config into each component's args, so `index.ts` and the test programs
 * that run part of the stack build components exactly alike.
 */
import type { PlainServiceConfig } from "../config";
import { customEnvironmentFor, deploymentEnvironmentsFor, envContract, targetsFor } from "../config/envContract";
import type { VercelAppArgs } from "./app/project";
import type { RedisArgs } from "./cache";
import type { CacheEndpoints, DatabaseEndpoints } from "./contract";
import type { CostAssumptionsArgs } from "./costAssumptions";
import { ErrorTrackingArgs, sentryConnection } from "./errorTracking";
import type { PostgresArgs } from "./database";
import type { MonitoringArgs } from "./monitoring";
import type { Network, NetworkArgs } from "./network";
import type { GeneratedSecretsArgs } from "./secrets";
import type { SharedReferences, SharedSingletonsArgs } from "./shared";
import type { ObjectStorageArgs } from "./storage";

export function networkArgs(config: PlainServiceConfig): NetworkArgs {
    const { vercel } = config;
    return {
        reachability: config.reachability,
        cidrBlock: config.vpcCidr,
        availabilityZones: config.availabilityZones,
        databaseAllowedCidrs: config.database.allowedCidrs,
        secureCompute: vercel.secureComputeNetworkId
            ? { teamId: vercel.teamId, networkId: vercel.secureComputeNetworkId, peeringConnectionId: vercel.peeringConnectionId }
            : undefined,
    };
}

export function postgresArgs(config: PlainServiceConfig, network: Network): PostgresArgs {
    return {
        settings: config.database,
        subnetIds: network.databaseSubnetIds,
        vpcId: network.vpcId,
        securityGroupId: network.databaseSecurityGroupId,
        publiclyAccessible: !network.private,
        recoveryWindowDays: config.secrets.recoveryWindowDays,
        protectData: config.protectData,
        dependsOn: network.publicRouting,
    };
}

/** `shared` holds the account's OIDC provider found by `sharedReferences` (components/shared.ts). */
export function storageArgs(config: PlainServiceConfig, shared: Pick<SharedReferences, "oidcProviderArn">): ObjectStorageArgs {
    const { storage, vercel } = config;
    return {
        region: config.aws.region,
        backend: storage.backend,
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
        oidcProviderArn: shared.oidcProviderArn,
        createOidcProvider: storage.ownOidcProvider,
    };
}

/** `placement` is the network's private subnets and cache security group (ElastiCache only). */
export function redisArgs(config: PlainServiceConfig, placement: Pick<RedisArgs, "subnetIds" | "securityGroupIds">): RedisArgs {
    const { cache } = config;
    return {
        backend: cache.backend,
        engine: cache.engine,
        nodeType: cache.nodeType,
        nodes: cache.nodes,
        snapshotRetentionDays: cache.snapshotRetentionDays,
        finalSnapshot: config.protectData,
        upstashRegion: cache.upstashRegion,
        upstashBudgetUsd: cache.upstashBudgetUsd,
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
        databaseInstanceClass: config.database.instanceClass,
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
        storageBackend: config.storage.backend,
        targets: targetsFor(config.environment),
        customEnvironment: customEnvironmentFor(config.environment),
        rateLimits: config.rateLimits,
        domain: config.vercel.domain,
        logDrain: config.logDrain,
        sensitiveEnvVarsEnforced: config.vercel.enforcesSensitiveEnvVars,
    };
}
