/**
 * ObjectStorage and Redis alone, run like index.ts (the real config loader and context), with the network
 * reduced to fixed subnet and security group ids. Exports what the app tier would read, so tests can check
 * the endpoints, including the secret Redis URL, as they leave the components.
 */
import { loadStackSettings } from "../../config";
import { Redis } from "../../components/cache";
import { createServiceContext } from "../../components/context";
import { ObjectStorage } from "../../components/storage";
import { redisArgs, storageArgs } from "../../components/wiring";

const { config } = loadStackSettings();
const ctx = createServiceContext(config);
const storage = new ObjectStorage(`${ctx.prefix}-storage`, storageArgs(config), ctx);
const cache = new Redis(`${ctx.prefix}-redis`, redisArgs(config, { subnetIds: ["subnet-0aaaa", "subnet-0bbbb"], securityGroupIds: ["sg-0cache"] }), ctx);

export const storageEndpoints = storage.endpoints;
export const redisUrl = cache.endpoints.url;
export const redisPrivate = cache.endpoints.private;
export const redisReplicationGroupId = cache.endpoints.replicationGroupId ?? "none";
