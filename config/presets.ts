/**
 * Environment presets: the defaults a stack gets from `service:environment`.
 *
 * Presets are data. `dev` is cheap and disposable, `prod` durable and hardened; a new environment is one
 * more entry (see `staging`), plus its policy config `policies/config/<environment>.json`.
 * A stack file overrides any default; objects merge key by key, arrays are replaced whole.
 */
import { PROD_COST_USAGE } from "../contracts/usage";
import type { ServiceConfig } from "./schema";

/** Every setting except the ones only a stack can know (name, owner, account, team). */
export type PresetDefaults = Omit<ServiceConfig, "environment" | "name" | "owner" | "aws" | "vercel" | "apiKeys"> & {
    aws: Partial<ServiceConfig["aws"]>;
    vercel: Partial<ServiceConfig["vercel"]>;
    apiKeys: Record<string, string>;
};

export interface Preset {
    /** One line on what the environment is for. */
    description: string;
    /** Config paths (below `service:`) a stack of this environment must set itself. */
    required: string[];
    defaults: PresetDefaults;
}

/**
 * Rate limits drawn from the seed checklists: chat-style AI routes, uploads and sign-up are the abuse targets.
 * Windows stay within the 10 minutes Vercel's Pro plan allows (config/vercelPlan.ts).
 */
const seedRateLimits: ServiceConfig["rateLimits"] = [
    { name: "api-chat", pathPrefix: "/api/chat", limit: 10, windowSeconds: 60, key: "ip", action: "rate_limit" },
    { name: "api-upload", pathPrefix: "/api/upload", limit: 5, windowSeconds: 600, key: "ip", action: "rate_limit" },
    { name: "api-signup", pathPrefix: "/api/auth/signup", limit: 3, windowSeconds: 600, key: "ip", action: "rate_limit" },
    { name: "api-default", pathPrefix: "/api", limit: 100, windowSeconds: 60, key: "ip", action: "rate_limit" },
];

const dev: Preset = {
    description: "Cheap and disposable: one AZ pair, short backups, nothing protected, destroyable at any time.",
    required: ["name", "owner", "aws.region", "vercel.teamId"],
    defaults: {
        reachability: "public",
        protectData: false,
        aws: {},
        vercel: { protectPreviews: true, plan: "pro", enforcesSensitiveEnvVars: false },
        availabilityZones: 2,
        // Off the common 10.0.0.0/16, so peering with a Secure Compute network is unlikely to collide.
        vpcCidr: "10.42.0.0/16",
        database: {
            engineVersion: "17",
            allowMajorVersionUpgrade: false,
            instanceClass: "db.t4g.micro",
            allocatedStorageGb: 20,
            maxAllocatedStorageGb: 50,
            backupRetentionDays: 1,
            multiAz: false,
            deletionProtection: false,
            finalSnapshot: false,
            performanceInsightsRetentionDays: 7,
            monitoringIntervalSeconds: 0,
            allowedCidrs: ["0.0.0.0/0"],
            appConnectionShare: 0.6,
            poolSize: 2,
            manageRoles: true,
            deployerInsideVpc: false,
            activeCredential: "primary",
            logRetentionDays: 7,
        },
        storage: {
            backend: "s3",
            versioning: false,
            noncurrentVersionExpirationDays: 7,
            abortIncompleteUploadDays: 1,
            corsOrigins: ["http://localhost:3000"],
            ownOidcProvider: false,
        },
        cache: {
            backend: "upstash",
            engine: "valkey",
            nodeType: "cache.t4g.micro",
            nodes: 1,
            snapshotRetentionDays: 0,
            upstashRegion: "us-east-1",
            // Upstash's own default; the dev usage estimate is cents.
            upstashBudgetUsd: 20,
        },
        secrets: {
            generated: ["SESSION_SECRET", "JWT_SECRET"],
            lengthBytes: 32,
            storeInSecretsManager: false,
            recoveryWindowDays: 7,
        },
        apiKeys: {},
        app: {
            corsOrigins: ["http://localhost:3000"],
            logLevel: "DEBUG",
            requiredApiKeys: [],
            plainEnv: {},
            healthPath: "/health",
        },
        rateLimits: seedRateLimits,
        alerts: { emails: [], connectionsAlarmShare: 0.8 },
        budget: { monthlyUsd: 50, alertPercentages: [80, 100] },
        // A new stack cannot know the Sentry organization: it starts with the DSN kept by hand (none needed in dev)
        // until `service:sentry` names the organization and team and switches to `managed`.
        sentry: {
            mode: "external",
            adopt: false,
            alerts: { newIssues: false, errorRatePercent: 0, errorRateWindowMinutes: 5, serverErrorsPerWindow: 0, serverErrorsWindowMinutes: 5 },
        },
        // The team's Vercel plan is counted once, in prod.
        cost: {
            storageGb: 5,
            storageWritesPerMonth: 100_000,
            storageReadsPerMonth: 1_000_000,
            redisCommandsPerMonth: 1_000_000,
            redisStorageGb: 0.25,
            databaseLogGbPerMonth: 1,
            backupDailyChangeShare: 0.05,
            // A sample carries the process list as well as the OS counters: several KB; 10 errs high.
            monitoringSampleKb: 10,
            vercelSeats: 0,
        },
    },
};

const prod: Preset = {
    description: "Durable and hardened: Multi-AZ, 14+ days of point-in-time restore, everything stateful protected.",
    required: ["name", "owner", "aws.region", "aws.accountId", "vercel.teamId", "alerts.emails"],
    defaults: {
        ...dev.defaults,
        protectData: true,
        availabilityZones: 3,
        database: {
            ...dev.defaults.database,
            instanceClass: "db.t4g.medium",
            allocatedStorageGb: 50,
            maxAllocatedStorageGb: 500,
            backupRetentionDays: 14,
            multiAz: true,
            deletionProtection: true,
            finalSnapshot: true,
            monitoringIntervalSeconds: 60,
            poolSize: 5,
            logRetentionDays: 30,
        },
        storage: {
            ...dev.defaults.storage,
            versioning: true,
            noncurrentVersionExpirationDays: 30,
            abortIncompleteUploadDays: 7,
            corsOrigins: [],
        },
        // Three times the $20 a month prod's usage (contracts/usage.ts, redisCommandsPerMonth) is estimated at: at
        // Upstash's default budget of $20 an ordinary month would end throttled.
        cache: { ...dev.defaults.cache, nodes: 2, snapshotRetentionDays: 7, upstashBudgetUsd: 60 },
        secrets: { ...dev.defaults.secrets, storeInSecretsManager: true, recoveryWindowDays: 30 },
        app: { ...dev.defaults.app, corsOrigins: [], logLevel: "INFO", requiredApiKeys: ["SENTRY_DSN"] },
        budget: { monthlyUsd: 500, alertPercentages: [80, 100] },
        // The checklists' error alerts: every new issue and regression, failed transactions over 1 % for 5 minutes,
        // and a spike of responses with a 5xx status.
        sentry: {
            ...dev.defaults.sentry,
            alerts: { newIssues: true, errorRatePercent: 1, errorRateWindowMinutes: 5, serverErrorsPerWindow: 10, serverErrorsWindowMinutes: 5 },
        },
        // One home with the estimate's figures for a stack without them (contracts/usage.ts).
        cost: { ...PROD_COST_USAGE },
    },
};

/** A pre-production copy of prod at a lower cost: the proof that a third environment is a few lines. */
const staging: Preset = {
    description: "Prod's shape at a lower cost: single-AZ database, a week of backups, protected data.",
    required: prod.required,
    defaults: {
        ...prod.defaults,
        availabilityZones: 2,
        database: { ...prod.defaults.database, instanceClass: "db.t4g.small", multiAz: false, backupRetentionDays: 7 },
        budget: { monthlyUsd: 150, alertPercentages: [80, 100] },
        cost: { ...prod.defaults.cost, vercelSeats: 0 },
    },
};

/** The environment of the stack that owns what a Vercel team and an AWS account hold once (docs/decisions/shared-singletons.md). */
export const SHARED_ENVIRONMENT = "shared";

/**
 * Team- and account-wide singletons: the Vercel project every environment deploys to and the IAM OIDC provider
 * for the team's Vercel issuer. Deployed first; the environments find them through a StackReference. Only the
 * name, owner, account, team and storage backend matter here; the rest of the defaults are prod's, unused.
 */
const shared: Preset = {
    description: "The Vercel project and the AWS OIDC provider every environment shares: deployed first, protected, referenced by the others.",
    required: ["name", "owner", "aws.region", "aws.accountId", "vercel.teamId"],
    // It hands the app nothing, so it needs none of the app's keys. The team's Vercel seats are counted once, in
    // prod's estimate, so the shared stack's does not count them again.
    defaults: { ...prod.defaults, app: { ...prod.defaults.app, requiredApiKeys: [] }, cost: { ...prod.defaults.cost, vercelSeats: 0 } },
};

export const PRESETS: Readonly<Record<string, Preset>> = { dev, staging, prod, [SHARED_ENVIRONMENT]: shared };

/**
 * Defaults that follow `service:reachability` rather than the environment, laid over the preset before the stack
 * file. Private mode keeps every datastore in the VPC (ElastiCache, not Upstash), and does not manage Postgres roles
 * from the deployer, which on a GitHub-hosted runner cannot reach a VPC-only database: a Lambda function inside the
 * VPC applies the bootstrap plan instead (components/bootstrap/, docs/decisions/postgres-bootstrap.md).
 */
export const REACHABILITY_DEFAULTS: Readonly<Record<ServiceConfig["reachability"], { vercel?: Partial<ServiceConfig["vercel"]>; database?: Partial<ServiceConfig["database"]>; cache?: Partial<ServiceConfig["cache"]> }>> = {
    public: {},
    // Secure Compute, which private reachability needs, is an Enterprise feature.
    private: { vercel: { plan: "enterprise" }, database: { manageRoles: false }, cache: { backend: "elasticache" } },
};
