/**
 * ObjectStorage and Redis alone, run like index.ts (the real config loader and context), with the network
 * reduced to fixed subnet and security group ids. Exports what the app tier would read, so tests can check
 * the endpoints, including the secret Redis URL, as they leave the components.
 */
import { loadStackSettings } from "../../config";
import { Redis } from "../../components/cache";
import { createServiceContext } from "../../components/context";
import { ObjectStorage } from "../../components/storage";
import { readSurroundings } from "../../components/surroundings";
import { redisArgs, storageArgs } from "../../components/wiring";

const { config } = loadStackSettings();
const ctx = createServiceContext(config);

async function main() {
    const live = await readSurroundings(config, ctx);
    const storage = new ObjectStorage(`${ctx.prefix}-storage`, storageArgs(config, live.storage), ctx);
    const cache = new Redis(`${ctx.prefix}-redis`, redisArgs(config, { subnetIds: ["subnet-0aaaa", "subnet-0bbbb"], securityGroupIds: ["sg-0cache"] }), ctx);
    return {
        storageEndpoints: storage.endpoints,
        redisUrl: cache.endpoints.url,
        redisPrivate: cache.endpoints.private,
        redisReplicationGroupId: cache.endpoints.replicationGroupId ?? "none",
    };
}

export = main();
