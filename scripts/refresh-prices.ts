/**
 * `npm run refresh-prices -- --region eu-west-1 [--region ...]`: rewrites the AWS products of
 * policies/lib/cost/prices.data.ts for each region from the AWS Price List API, with the AWS CLI and your
 * credentials (`pricing:GetProducts`). The SKUs are the table's own rows (us-east-1's are the template for a new
 * region) plus every RDS class components/database.ts knows, Single-AZ and Multi-AZ. Global AWS rows (Route 53)
 * are refreshed with `--region global`. Vercel and Upstash rows are kept by hand.
 */
import * as fs from "fs";
import * as path from "path";
import { INSTANCE_CLASS_MEMORY_GIB } from "../components/database";
import { cacheNodeRowId, rdsInstanceRowId } from "../policies/lib/cost/estimate";
import { PRICE_FILE, PRICE_TABLE, TEMPLATE_REGION } from "../policies/lib/cost/prices";
import type { PriceListLookup, PriceRow, PriceTable } from "../policies/lib/cost/priceSchema";
import { defaultLayout } from "../readiness/layout";
import { groupPriceTable, renderPriceData } from "./priceData";
import { parseEveryProduct, parseGetProducts, refreshedRow, runGetProducts } from "./priceList";

/** The AWS rows a region should have: the template region's, and a row per known RDS class and deployment. */
export function skuRows(table: PriceTable): PriceRow[] {
    const template = table.regions[TEMPLATE_REGION] ?? [];
    const rows = new Map(template.map((r) => [r.id, r]));
    for (const cls of Object.keys(INSTANCE_CLASS_MEMORY_GIB)) {
        for (const az of ["Single-AZ", "Multi-AZ"]) {
            const id = `rds.instance.${cls}.${az.toLowerCase()}`;
            if (rows.has(id)) continue;
            rows.set(id, {
                id,
                description: `RDS for PostgreSQL ${cls}, ${az === "Multi-AZ" ? "Multi-AZ (primary and standby)" : "Single-AZ"}, on demand`,
                unit: "hour",
                usd: 0,
                date: "",
                source: "",
                priceList: { serviceCode: "AmazonRDS", filters: { productFamily: "Database Instance", instanceType: cls, databaseEngine: "PostgreSQL", deploymentOption: az } },
            });
        }
    }
    return [...rows.values()].filter((r) => r.priceList);
}

/**
 * The classes AWS sells, asked for by kind rather than one by one: each lookup leaves out `instanceType`, so the
 * API answers with every class of that engine and deployment, and each becomes a row the estimate looks up by
 * the same id it builds (policies/lib/cost/estimate.ts). Engines with licence-included pricing (Oracle, SQL
 * Server) have several products per class and are not looked up.
 */
export interface CatalogueLookup {
    lookup: PriceListLookup;
    /** Row id and description of one class. */
    row: (instanceType: string) => Pick<PriceRow, "id" | "description">;
}

const RDS_ENGINES: ReadonlyArray<{ engine: string; priceList: string; label: string }> = [
    { engine: "postgres", priceList: "PostgreSQL", label: "RDS for PostgreSQL" },
    { engine: "mysql", priceList: "MySQL", label: "RDS for MySQL" },
    { engine: "mariadb", priceList: "MariaDB", label: "RDS for MariaDB" },
];
const CACHE_ENGINES: ReadonlyArray<{ engine: string; priceList: string; label: string }> = [
    { engine: "redis", priceList: "Redis", label: "ElastiCache for Redis OSS" },
    { engine: "valkey", priceList: "Valkey", label: "ElastiCache for Valkey" },
    { engine: "memcached", priceList: "Memcached", label: "ElastiCache for Memcached" },
];

export function catalogueLookups(): CatalogueLookup[] {
    const out: CatalogueLookup[] = [];
    for (const e of RDS_ENGINES) {
        for (const az of ["Single-AZ", "Multi-AZ"] as const) {
            out.push({
                lookup: { serviceCode: "AmazonRDS", filters: { productFamily: "Database Instance", databaseEngine: e.priceList, deploymentOption: az, licenseModel: "No license required" } },
                row: (cls) => ({ id: rdsInstanceRowId(cls, e.engine, az === "Multi-AZ"), description: `${e.label} ${cls}, ${az === "Multi-AZ" ? "Multi-AZ (primary and standby)" : "Single-AZ"}, on demand` }),
            });
        }
    }
    for (const e of CACHE_ENGINES) {
        out.push({
            lookup: { serviceCode: "AmazonElastiCache", filters: { productFamily: "Cache Instance", cacheEngine: e.priceList } },
            row: (type) => ({ id: cacheNodeRowId(type, e.engine), description: `${e.label} ${type} node, on demand` }),
        });
    }
    return out;
}

/** Catalogue rows of one region from each lookup's response; what a lookup could not price is listed, not guessed. */
export function catalogueRows(responses: ReadonlyArray<{ lookup: CatalogueLookup; response: unknown }>, today: string): { rows: PriceRow[]; problems: string[] } {
    const rows: PriceRow[] = [];
    const problems: string[] = [];
    for (const { lookup, response } of responses) {
        const { prices, ambiguous } = parseEveryProduct(response, "instanceType", "hour");
        problems.push(...ambiguous);
        for (const [type, parsed] of prices) {
            const { id, description } = lookup.row(type);
            const row: PriceRow = { id, description, unit: "hour", usd: 0, date: "", source: "", priceList: { ...lookup.lookup, filters: { ...lookup.lookup.filters, instanceType: type } } };
            rows.push(refreshedRow(row, parsed, today));
        }
    }
    return { rows, problems };
}

function main(argv: string[]): void {
    const regions = argv.flatMap((a, i) => (argv[i - 1] === "--region" ? [a] : []));
    if (regions.length === 0) {
        process.stderr.write("usage: npm run refresh-prices -- --region <aws region | global> [--region ...]\n");
        process.exit(2);
    }
    const today = new Date().toISOString().slice(0, 10);
    const table: PriceTable = JSON.parse(JSON.stringify({ ...PRICE_TABLE, missingProducts: undefined }));
    const failures: string[] = [];
    for (const region of regions) {
        const wanted = region === "global" ? table.global.filter((r) => r.priceList) : skuRows(table);
        const previous = new Map((region === "global" ? table.global : table.regions[region] ?? []).map((r) => [r.id, r]));
        const refreshed: PriceRow[] = [];
        for (const row of wanted) {
            let response: unknown;
            try {
                response = runGetProducts(row.priceList!, region === "global" ? undefined : region);
            } catch (e) {
                // The CLI itself failed (no credentials, no permission, no network): nothing else will work either.
                process.stderr.write(`aws pricing get-products failed; the price table is unchanged:\n${(e as Error).message}\n`);
                process.exit(1);
            }
            try {
                refreshed.push(refreshedRow(row, parseGetProducts(response, row), today));
            } catch (e) {
                failures.push(`${region}: ${(e as Error).message}`);
                // A row that cannot be refreshed keeps its previous price and date, when it had one.
                const old = previous.get(row.id);
                if (old) refreshed.push(old);
            }
        }
        if (region === "global") table.global = table.global.map((r) => refreshed.find((x) => x.id === r.id) ?? r);
        else {
            // Then every class AWS sells in the region, by engine and deployment: a scale-up to any of them is priced.
            const responses = catalogueLookups().map((lookup) => ({ lookup, response: runGetProducts(lookup.lookup, region) }));
            const catalogue = catalogueRows(responses, today);
            failures.push(...catalogue.problems.map((p) => `${region}: ${p}`));
            const ids = new Set(refreshed.map((r) => r.id));
            table.regions[region] = [...refreshed, ...catalogue.rows.filter((r) => !ids.has(r.id)).sort((a, b) => a.id.localeCompare(b.id))];
        }
    }
    const target = path.join(defaultLayout().root, "policies", "lib", "cost", "prices.data.ts");
    const note = `AWS products of ${regions.join(", ")} refreshed on ${today} from the AWS Price List API; every other region and product as its own date and source say.`;
    fs.writeFileSync(target, renderPriceData(groupPriceTable(table, PRICE_FILE, note)));
    process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
    if (failures.length > 0) {
        process.stderr.write(`${failures.length} rows could not be refreshed (kept as they were, or left out of a new region, where the estimate lists what they price as not priced):\n${failures.map((f) => `  - ${f}`).join("\n")}\n`);
        process.exit(1);
    }
}

if (require.main === module) main(process.argv.slice(2));
