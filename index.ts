/**
 * The service's infrastructure, one stack per environment: `pulumi up --stack dev` or `--stack prod`, after the
 * `shared` stack that owns the Vercel project and the account's OIDC provider (docs/decisions/shared-singletons.md).
 * The config is validated first, so a bad stack file fails before any resource is registered.
 */
import { loadStackSettings, PlainServiceConfig, StackSettings } from "./config";
import { SHARED_ENVIRONMENT } from "./config/presets";
import { VercelApp } from "./components/app/project";
import { Redis } from "./components/cache";
import { createServiceContext, ServiceContext } from "./components/context";
import { CostAssumptions } from "./components/costAssumptions";
import { ErrorTracking } from "./components/errorTracking";
import type { DataTier } from "./components/contract";
import { Postgres } from "./components/database";
import { Monitoring } from "./components/monitoring";
import { Network } from "./components/network";
import { GeneratedSecrets } from "./components/secrets";
import { SharedSingletons } from "./components/shared";
import { readSurroundings } from "./components/surroundings";
import { ObjectStorage } from "./components/storage";
import { costArgs, errorTrackingArgs, monitoringArgs, networkArgs, postgresArgs, redisArgs, secretsArgs, sharedSingletonsArgs, storageArgs, vercelAppArgs } from "./components/wiring";

/** The `shared` stack: the team's and the account's singletons, exported for the environments to reference. */
function sharedStack(config: PlainServiceConfig, ctx: ServiceContext) {
    const singletons = new SharedSingletons(`${ctx.prefix}-singletons`, sharedSingletonsArgs(config), ctx);
    // The usage the estimate prices this stack with (its preset counts no Vercel seat: prod's estimate does).
    new CostAssumptions(`${ctx.prefix}-cost`, costArgs(config));
    return { environment: config.environment, ...singletons.outputs };
}

/** An environment's stack: its data tier and app tier, in the shared project. */
async function serviceStack(config: PlainServiceConfig, apiKeys: StackSettings["apiKeys"], ctx: ServiceContext) {
    // The config against the region's zones and the shared stack, judged before anything of the stack's own registers.
    const live = await readSurroundings(config, ctx);

    // ── Data tier: network, Postgres, object storage, Redis, generated secrets ──────────────────────────
    const network = new Network(`${ctx.prefix}-network`, networkArgs(config, live.zones), ctx);
    const database = new Postgres(`${ctx.prefix}-postgres`, postgresArgs(config, network), ctx);
    const storage = new ObjectStorage(`${ctx.prefix}-storage`, storageArgs(config, live.storage), ctx);
    const cache = new Redis(
        `${ctx.prefix}-redis`,
        redisArgs(config, { subnetIds: network.privateSubnetIds, securityGroupIds: [network.cacheSecurityGroupId] }),
        ctx,
    );
    const secrets = new GeneratedSecrets(`${ctx.prefix}-app-secrets`, secretsArgs(config), ctx);

    // ── App tier: env vars in the shared Vercel project, firewall, monitoring, alerts, budget ─────────────
    const data: DataTier = { database, cache: cache.endpoints, storage: storage.endpoints, generatedSecrets: secrets.values };
    // The app receives the DSN of this environment's own Sentry key (none when it is kept by hand).
    const errorTracking = new ErrorTracking(`${ctx.prefix}-sentry`, errorTrackingArgs(config), ctx);
    const app = new VercelApp(`${ctx.prefix}-app`, vercelAppArgs(config, { projectId: live.vercelProjectId, data, apiKeys, errorTracking: errorTracking.dsn ? { dsn: errorTracking.dsn } : undefined }), ctx);
    const monitoring = new Monitoring(`${ctx.prefix}-monitoring`, monitoringArgs(config, data, app.productionDomain), ctx);
    // The usage the cost estimate and the budget rule assume (service:cost), where the policy pack can see it.
    new CostAssumptions(`${ctx.prefix}-cost`, costArgs(config));

    // ── Stack outputs (names only: no secret value is ever exported in plain text) ────────────────────
    return {
        environment: config.environment,
        generatedSecretNames: Object.keys(secrets.values),
        secretArns: secrets.secretArns,
        /** The VPC a Secure Compute network is peered to: the id Vercel asks for when requesting peering. */
        vpcId: network.vpcId,
        databaseInstanceIdentifier: database.instanceIdentifier,
        /** The roles' connection limits as SQL, for a human; with `manageRoles: false` the bootstrap function applies them itself on every change. */
        postgresConnectionLimitsSql: database.connectionLimitsSql,
        /** Where uploads go: bucket, region and the role the app assumes through OIDC, or the Blob store's id. */
        storageEndpoints: storage.endpoints,
        /** The Redis backend and its ElastiCache replication group (none with Upstash); the URL is a secret and is not exported. */
        redis: { backend: config.cache.backend, replicationGroupId: cache.endpoints.replicationGroupId },
        /** Env var names each Vercel target receives from this stack (names only, never values). */
        envVarNames: app.envVarNames,
        vercelProjectId: app.projectId,
        alarmNames: monitoring.alarmNames,
        alertTopicArn: monitoring.alertTopicArn,
        /** The Sentry project this environment reports into; null when the DSN is kept by hand (service:sentry.mode external). */
        sentry: { mode: config.sentry.mode, projectSlug: errorTracking.projectSlug ?? null },
    };
}

async function main() {
    const { config, apiKeys } = loadStackSettings();
    const ctx = createServiceContext(config);
    return config.environment === SHARED_ENVIRONMENT ? sharedStack(config, ctx) : serviceStack(config, apiKeys, ctx);
}

// Pulumi awaits the module's export and takes it as the stack's outputs.
export = main();
