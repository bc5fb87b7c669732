// The data tier's network and Postgres alone, exporting what the app tier receives (DatabaseEndpoints), so
// tests can see the secret URLs and the budget that index.ts never exports.
import * as aws from "@pulumi/aws";
import { requiredTags, ServiceContext, statefulOptions } from "../../components/context";
import { Postgres } from "../../components/database";
import { Network } from "../../components/network";
import { loadStackSettings } from "../../config";

const { config } = loadStackSettings();
const tags = requiredTags(config);
const ctx: ServiceContext = {
    config,
    prefix: `${config.name}-${config.environment}`,
    tags,
    aws: new aws.Provider("aws", { region: config.aws.region as aws.Region, defaultTags: { tags } }),
    stateful: statefulOptions(config),
};
const network = new Network(
    `${ctx.prefix}-network`,
    {
        reachability: config.reachability,
        cidrBlock: config.vpcCidr,
        availabilityZones: config.availabilityZones,
        databaseAllowedCidrs: config.database.allowedCidrs,
        secureCompute: config.vercel.secureComputeNetworkId
            ? { teamId: config.vercel.teamId, networkId: config.vercel.secureComputeNetworkId, peeringConnectionId: config.vercel.peeringConnectionId }
            : undefined,
    },
    ctx,
);
const database = new Postgres(
    `${ctx.prefix}-postgres`,
    {
        settings: config.database,
        subnetIds: network.databaseSubnetIds,
        securityGroupId: network.databaseSecurityGroupId,
        publiclyAccessible: !network.private,
        recoveryWindowDays: config.secrets.recoveryWindowDays,
    },
    ctx,
);

export const appUrl = database.appUrl;
export const migrationUrl = database.migrationUrl;
export const readonlyUrl = database.readonlyUrl;
export const poolSize = database.poolSize;
export const appConnectionLimit = database.appConnectionLimit;
export const instanceIdentifier = database.instanceIdentifier;
export const allocatedStorageGb = database.allocatedStorageGb;
export const isPrivate = database.private;
export const databaseSubnetIds = network.databaseSubnetIds;
export const publicSubnetIds = network.publicSubnetIds;
export const privateSubnetIds = network.privateSubnetIds;
export const cacheSecurityGroupId = network.cacheSecurityGroupId;
