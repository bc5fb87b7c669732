/**
 * The app tier and monitoring on a stand-in data tier, run like index.ts: the real config loader, context,
 * VercelApp and Monitoring, with a database and (in private mode) an ElastiCache group reduced to the one
 * resource each that the app tier links to. Every secret of the stand-in carries the MOCKSECRET marker, so
 * tests can prove none escapes its secret wrapper.
 */
import * as aws from "../../components/aws";
import * as pulumi from "@pulumi/pulumi";
import { loadStackSettings } from "../../config";
import { createServiceContext } from "../../components/context";
import type { DataTier } from "../../components/contract";
import { VercelApp } from "../../components/app/project";
import { ErrorTracking } from "../../components/errorTracking";
import { Monitoring } from "../../components/monitoring";
import { readSurroundings } from "../../components/surroundings";
import { errorTrackingArgs, monitoringArgs, vercelAppArgs } from "../../components/wiring";

/** Every stand-in secret contains it; test/components/app-stack.test.ts searches the recorded inputs for it. */
const MOCK_SECRET_MARKER = "MOCKSECRET";

const { config, apiKeys } = loadStackSettings();
const ctx = createServiceContext(config);
const tags = ctx.tags;
const isPrivate = config.reachability === "private";

const db = new aws.rds.Instance(
    "stand-in-db",
    {
        identifier: `${ctx.prefix}-db`,
        engine: "postgres",
        instanceClass: config.database.instanceClass,
        allocatedStorage: config.database.allocatedStorageGb,
        maxAllocatedStorage: config.database.maxAllocatedStorageGb,
        publiclyAccessible: !isPrivate,
        tags,
    },
    { provider: ctx.aws },
);
const password = (role: string) => pulumi.secret(`${MOCK_SECRET_MARKER}-${role}`);
const dbUrl = (role: string) => pulumi.secret(pulumi.interpolate`postgres://${role}:${password(role)}@${db.address}:5432/app?sslmode=require`);

let cache: DataTier["cache"];
if (config.cache.backend === "elasticache") {
    const group = new aws.elasticache.ReplicationGroup(
        "stand-in-cache",
        { replicationGroupId: `${ctx.prefix}-cache`, description: "stand-in", nodeType: config.cache.nodeType, numCacheClusters: config.cache.nodes, tags },
        { provider: ctx.aws },
    );
    cache = {
        url: pulumi.secret(pulumi.interpolate`rediss://default:${password("redis")}@${group.primaryEndpointAddress}:6379`),
        replicationGroupId: group.replicationGroupId,
        private: true,
    };
} else {
    cache = { url: pulumi.secret(`rediss://default:${MOCK_SECRET_MARKER}-upstash@stand-in.upstash.io:6379`), private: false };
}

const data: DataTier = {
    database: {
        appUrl: dbUrl("app"),
        migrationUrl: dbUrl("migrator"),
        readonlyUrl: dbUrl("reader"),
        poolSize: config.database.poolSize,
        appConnectionLimit: 50,
        instanceIdentifier: db.identifier,
        allocatedStorageGb: config.database.allocatedStorageGb,
        private: isPrivate,
    },
    cache,
    storage:
        config.storage.backend === "s3"
            ? { backend: "s3", bucketName: pulumi.output(`${ctx.prefix}-uploads`), region: config.aws.region, roleArn: pulumi.output(`arn:aws:iam::111111111111:role/${ctx.prefix}-app`) }
            : { backend: "blob", storeId: pulumi.output("store_standin") },
    generatedSecrets: Object.fromEntries(config.secrets.generated.map((n) => [n, pulumi.secret(`${MOCK_SECRET_MARKER}-${n}`)])),
};

async function main() {
    const live = await readSurroundings(config, ctx, async () => config.aws.accountId ?? "111111111111");
    const errorTracking = new ErrorTracking(`${ctx.prefix}-sentry`, errorTrackingArgs(config), ctx);
    const app = new VercelApp(`${ctx.prefix}-app`, vercelAppArgs(config, { projectId: live.vercelProjectId, data, apiKeys, errorTracking: errorTracking.dsn ? { dsn: errorTracking.dsn } : undefined }), ctx);
    const monitoring = new Monitoring(`${ctx.prefix}-monitoring`, monitoringArgs(config, data, app.productionDomain), ctx);
    return { envVarNames: app.envVarNames, alarmNames: monitoring.alarmNames };
}

export = main();
