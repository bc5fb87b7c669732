// The data tier's network and Postgres alone, exporting what the app tier receives (DatabaseEndpoints), so
// tests can see the secret URLs and the budget that index.ts never exports.
import { createServiceContext } from "../../components/context";
import { Postgres } from "../../components/database";
import { Network } from "../../components/network";
import { readSurroundings } from "../../components/surroundings";
import { networkArgs, postgresArgs } from "../../components/wiring";
import { loadStackSettings } from "../../config";

const { config } = loadStackSettings();
const ctx = createServiceContext(config);

async function main() {
    const live = await readSurroundings(config, ctx);
    const network = new Network(`${ctx.prefix}-network`, networkArgs(config, live.zones), ctx);
    const database = new Postgres(`${ctx.prefix}-postgres`, postgresArgs(config, network), ctx);
    return {
        appUrl: database.appUrl,
        migrationUrl: database.migrationUrl,
        readonlyUrl: database.readonlyUrl,
        poolSize: database.poolSize,
        appConnectionLimit: database.appConnectionLimit,
        instanceIdentifier: database.instanceIdentifier,
        allocatedStorageGb: database.allocatedStorageGb,
        isPrivate: database.private,
        databaseSubnetIds: network.databaseSubnetIds,
        publicSubnetIds: network.publicSubnetIds,
        privateSubnetIds: network.privateSubnetIds,
        cacheSecurityGroupId: network.cacheSecurityGroupId,
    };
}

export = main();
