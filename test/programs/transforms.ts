/**
 * The data tier as index.ts builds it, with a `transform` hook on each child the components let a stack change:
 * the RDS instance's turns deletion protection off (which the pack must refuse in prod); the others change
 * harmless arguments (one more Postgres parameter, one more bucket tag, the Redis description), which the
 * recorded inputs must show.
 */
import { loadStackSettings } from "../../config";
import * as aws from "../../components/aws";
import { Redis } from "../../components/cache";
import { createServiceContext } from "../../components/context";
import { Postgres } from "../../components/database";
import { Network } from "../../components/network";
import { sharedReferences } from "../../components/shared";
import { ObjectStorage } from "../../components/storage";
import { networkArgs, postgresArgs, redisArgs, storageArgs } from "../../components/wiring";

const { config } = loadStackSettings();
const ctx = createServiceContext(config);

async function main() {
    const shared = await sharedReferences(config, async () => config.aws.accountId ?? (await aws.getCallerIdentity({}, { provider: ctx.aws })).accountId);
    const network = new Network(`${ctx.prefix}-network`, networkArgs(config), ctx);
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
    new ObjectStorage(
        `${ctx.prefix}-storage`,
        { ...storageArgs(config, shared), transform: { bucket: (args) => void (args.tags = { ...ctx.tags, "data-class": "uploads" }) } },
        ctx,
    );
    new Redis(
        `${ctx.prefix}-redis`,
        {
            ...redisArgs(config, { subnetIds: network.privateSubnetIds, securityGroupIds: [network.cacheSecurityGroupId] }),
            transform: { replicationGroup: (args) => void (args.description = "Redis of acme-chat: sessions and rate limits") },
        },
        ctx,
    );
}

export = main();
