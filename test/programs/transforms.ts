/**
 * The data tier as index.ts builds it, with a `transform` hook on each child the components let a stack change:
 * the RDS instance's turns deletion protection off (which the pack must refuse in prod); the others change
 * harmless arguments (one more Postgres parameter, one more bucket tag, the Redis description), which the
 * recorded inputs must show.
 */
import { loadStackSettings } from "../../config";
import { Redis } from "../../components/cache";
import { createServiceContext } from "../../components/context";
import { Postgres } from "../../components/database";
import { Network } from "../../components/network";
import { ObjectStorage } from "../../components/storage";
import { readSurroundings } from "../../components/surroundings";
import { networkArgs, postgresArgs, redisArgs, storageArgs } from "../../components/wiring";

const { config } = loadStackSettings();
const ctx = createServiceContext(config);

async function main() {
    const live = await readSurroundings(config, ctx);
    const network = new Network(`${ctx.prefix}-network`, networkArgs(config, live.zones), ctx);
    new Postgres(
        `${ctx.prefix}-postgres`,
        {
            ...postgresArgs(config, network),
            transform: {
                instance: (args) => {
                    args.deletionProtection = false;
                },
                parameterGroup: (args) => {
                    // The component passes its parameters as a plain list, so a hook appends to it.
                    (args.parameters as unknown[]).push({ name: "log_connections", value: "1" });
                },
            },
        },
        ctx,
    );
    const storage = storageArgs(config, live.storage);
    // The bucket hook exists on the s3 backend only: a Blob store has no bucket.
    if (storage.backend === "s3") storage.transform = { bucket: (args) => void (args.tags = { ...ctx.tags, "data-class": "uploads" }) };
    new ObjectStorage(`${ctx.prefix}-storage`, storage, ctx);
    const redis = redisArgs(config, { subnetIds: network.privateSubnetIds, securityGroupIds: [network.cacheSecurityGroupId] });
    // The replication group's hook exists on the elasticache backend only.
    if (redis.backend === "elasticache") redis.transform = { replicationGroup: (args) => void (args.description = "Redis of acme-chat: sessions and rate limits") };
    new Redis(`${ctx.prefix}-redis`, redis, ctx);
}

export = main();
