// The data tier's network and Postgres alone, exporting what the app tier receives (DatabaseEndpoints), so
// tests can see the secret URLs and the budget that index.ts never exports.
import { createServiceContext } from "../../components/context";
import { Postgres } from "../../components/database";
import { Network } from "../../components/network";
import { networkArgs, postgresArgs } from "../../components/wiring";
import { loadStackSettings } from "../../config";

const { config } = loadStackSettings();
const ctx = createServiceContext(config);
const network = new Network(`${ctx.prefix}-network`, networkArgs(config), ctx);
const database = new Postgres(`${ctx.prefix}-postgres`, postgresArgs(config, network), ctx);

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
