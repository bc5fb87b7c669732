/**
 * The service's infrastructure, one stack per environment: `pulumi up --stack dev` or `--stack prod`.
 * The config is validated first, so a bad stack file fails before any resource is registered.
 */
import { loadStackSettings } from "./config";
import { VercelApp } from "./components/app/project";
import { Redis } from "./components/cache";
import { createServiceContext } from "./components/context";
import { CostAssumptions } from "./components/costAssumptions";
import type { DataTier } from "./components/contract";
import { Postgres } from "./components/database";
import { Monitoring } from "./components/monitoring";
import { Network } from "./components/network";
import { GeneratedSecrets } from "./components/secrets";
import { ObjectStorage } from "./components/storage";
import { costArgs, monitoringArgs, networkArgs, postgresArgs, redisArgs, secretsArgs, storageArgs } from "./components/wiring";

const { config, apiKeys } = loadStackSettings();
const ctx = createServiceContext(config);

// ── Data tier: network, Postgres, object storage, Redis, generated secrets ──────────────────────────────
const network = new Network(`${ctx.prefix}-network`, networkArgs(config), ctx);
const database = new Postgres(`${ctx.prefix}-postgres`, postgresArgs(config, network), ctx);
const storage = new ObjectStorage(`${ctx.prefix}-storage`, storageArgs(config), ctx);
const cache = new Redis(
    `${ctx.prefix}-redis`,
    redisArgs(config, { subnetIds: network.privateSubnetIds, securityGroupIds: [network.cacheSecurityGroupId] }),
    ctx,
);
const secrets = new GeneratedSecrets(`${ctx.prefix}-app-secrets`, secretsArgs(config), ctx);

// ── App tier: Vercel project, env vars, firewall, monitoring, alerts, budget ─────────────────────────────
const data: DataTier = { database, cache: cache.endpoints, storage: storage.endpoints, generatedSecrets: secrets.values };
const app = new VercelApp(`${ctx.prefix}-app`, { data, apiKeys }, ctx);
const monitoring = new Monitoring(`${ctx.prefix}-monitoring`, monitoringArgs(config, data, app.productionDomain), ctx);
// The usage the cost estimate and the budget rule assume (service:cost), where the policy pack can see it.
new CostAssumptions(`${ctx.prefix}-cost`, costArgs(config));

// ── Stack outputs (names only: no secret value is ever exported in plain text) ────────────────────────
export const environment = config.environment;
export const generatedSecretNames = Object.keys(secrets.values);
export const secretArns = secrets.secretArns;
/** The VPC a Secure Compute network is peered to: the id Vercel asks for when requesting peering. */
export const vpcId = network.vpcId;
export const databaseInstanceIdentifier = database.instanceIdentifier;
/** With `manageRoles: false`, run after every instance class change: `pulumi stack output postgresConnectionLimitsSql | psql "<master URL>"`. */
export const postgresConnectionLimitsSql = database.connectionLimitsSql;
/** Where uploads go: bucket, region and the role the app assumes through OIDC, or the Blob store's id. */
export const storageEndpoints = storage.endpoints;
/** The Redis backend and its ElastiCache replication group (none with Upstash); the URL is a secret and is not exported. */
export const redis = { backend: config.cache.backend, replicationGroupId: cache.endpoints.replicationGroupId };
/** Env var names each Vercel target receives from this stack (names only, never values). */
export const envVarNames = app.envVarNames;
export const vercelProjectId = app.projectId;
export const alarmNames = monitoring.alarmNames;
export const alertTopicArn = monitoring.alertTopicArn;
