/**
 * ObjectStorage and Redis alone, run like index.ts (the real config loader and context), with the network
 * reduced to fixed subnet and security group ids. Exports what the app tier would read, so tests can check
 * the endpoints, including the secret Redis URL, as they leave the components.
 */
import { loadStackSettings } from "../../config";
import { Redis } from "../../components/cache";
import { createServiceContext } from "../../components/context";
import * as aws from "../../components/aws";
import { sharedReferences } from "../../components/shared";
import { ObjectStorage } from "../../components/storage";
import { redisArgs, storageArgs } from "../../components/wiring";

const { config } = loadStackSettings();
const ctx = createServiceContext(config);

async function main() {
    const shared = await sharedReferences(config, async () => config.aws.accountId ?? (await aws.getCallerIdentity({}, { provider: ctx.aws })).accountId);
    const storage = new ObjectStorage(`${ctx.prefix}-storage`, storageArgs(config, shared), ctx);
    const cache = new Redis(`${ctx.prefix}-redis`, redisArgs(config, { subnetIds: ["subnet-0aaaa", "subnet-0bbbb"], securityGroupIds: ["sg-0cache"] }), ctx);
    return {
        storageEndpoints: storage.endpoints,
        redisUrl: cache.endpoints.url,
        redisPrivate: cache.endpoints.private,
        redisReplicationGroupId: cache.endpoints.replicationGroupId ?? "none",
    };
}

export = main();
