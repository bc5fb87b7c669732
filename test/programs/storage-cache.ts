/**
 * ObjectStorage and Redis alone, run like index.ts (the real config loader and context), with the network
 * reduced to fixed subnet and security group ids. Exports what the app tier would read, so tests can check
 * the endpoints, including the secret Redis URL, as they leave the components.
 */
import * as aws from "@pulumi/aws";
import { loadStackSettings } from "../../config";
import { Redis } from "../../components/cache";
import { requiredTags, ServiceContext, statefulOptions } from "../../components/context";
import { ObjectStorage } from "../../components/storage";

const { config } = loadStackSettings();
const tags = requiredTags(config);
const ctx: ServiceContext = {
    config,
    prefix: `${config.name}-${config.environment}`,
    tags,
    aws: new aws.Provider("aws", { region: config.aws.region as aws.Region, defaultTags: { tags } }),
    stateful: statefulOptions(config),
};

const storage = new ObjectStorage(
    `${ctx.prefix}-storage`,
    {
        ...config.storage,
        forceDestroy: !config.protectData,
        accountId: config.aws.accountId,
        teamId: config.vercel.teamId,
        teamSlug: config.vercel.teamSlug,
        projectName: config.vercel.projectName ?? config.name,
        oidcEnvironments: config.environment === "prod" ? ["production"] : ["preview", "development"],
    },
    ctx,
);
const cache = new Redis(
    `${ctx.prefix}-redis`,
    { ...config.cache, finalSnapshot: config.protectData, subnetIds: ["subnet-0aaaa", "subnet-0bbbb"], securityGroupIds: ["sg-0cache"] },
    ctx,
);

export const storageEndpoints = storage.endpoints;
export const redisUrl = cache.endpoints.url;
export const redisPrivate = cache.endpoints.private;
export const redisReplicationGroupId = cache.endpoints.replicationGroupId ?? "none";
