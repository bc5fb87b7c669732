/**
 * The price table: exactly the SKUs this template can create, per product and region, each region's prices with
 * the day they were read and where they are published. The data lives in `prices.data.ts` (a plain object, read
 * here through `PriceFileSchema`), which `npm run refresh-prices` rewrites from the AWS Price List API (each AWS
 * product names the filters it is looked up by); Vercel and Upstash publish no price API, so their rows are kept
 * by hand from their pricing pages, as are the rows of a region compiled from a cited public record
 * (docs/cost.md, "Regions").
 *
 * A row id is what an estimate item's `basis` cites, so every figure in a report traces back to one row.
 * Prices are USD, on demand, without free tiers that belong to the account rather than the stack (the first 10
 * alarms, the first 50 AWS-endpoint health checks, the 12-month free tier): a stack's estimate must hold in an
 * account that already uses them.
 */
import { PRICE_FILE_DATA } from "./prices.data";
import { GLOBAL_REGION, PriceFile, PriceFileSchema, PriceRow, PriceTable } from "./priceSchema";

/** The region whose products every other region is measured against (the committed stacks' region). */
export const TEMPLATE_REGION = "us-east-1";

/** The price data, validated: a malformed row fails here, at load, naming where it is and what is expected. */
export function loadPriceFile(data: unknown): PriceFile {
    const parsed = PriceFileSchema.safeParse(data);
    if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `  - ${i.path.join(".") || "(the file)"}: ${i.message}`);
        throw new Error(`policies/lib/cost/prices.data.ts does not match the price schema (policies/lib/cost/priceSchema.ts):\n${problems.join("\n")}`);
    }
    return parsed.data;
}

/** The flat view of the data: every row with its product's date, source and filters filled in. */
export function flattenPriceFile(file: PriceFile): PriceTable {
    const table: PriceTable = { currency: file.currency, regions: {}, global: [], missingProducts: {} };
    const priced = new Map<string, Set<string>>();
    for (const product of file.products) {
        for (const [region, prices] of Object.entries(product.regions)) {
            const rows = region === GLOBAL_REGION ? table.global : (table.regions[region] ??= []);
            if (region !== GLOBAL_REGION) priced.set(region, (priced.get(region) ?? new Set()).add(product.product));
            for (const row of prices.rows) {
                const flat: PriceRow = { id: row.id, description: row.description, unit: row.unit, usd: row.usd, date: row.date ?? prices.date, source: row.source ?? prices.source };
                if (product.priceList) flat.priceList = { serviceCode: product.priceList.serviceCode, filters: { ...product.priceList.filters, ...row.filters } };
                rows.push(flat);
            }
        }
    }
    const template = priced.get(TEMPLATE_REGION) ?? new Set<string>();
    for (const [region, products] of priced) {
        const missing = file.products.filter((p) => template.has(p.product) && !products.has(p.product)).map((p) => p.title);
        if (missing.length > 0) table.missingProducts![region] = missing;
    }
    return table;
}

export const PRICE_FILE: PriceFile = loadPriceFile(PRICE_FILE_DATA);
export const PRICE_TABLE: PriceTable = flattenPriceFile(PRICE_FILE);

/** A row as an estimate cites it: where it came from and what it costs. */
export interface CitedPrice extends PriceRow {
    /** `us-east-1` for a regional row, `global` otherwise. */
    region: string;
}

/** The row `id` for `region` (regional rows first, then global ones); undefined when the table lacks it. */
export function findPrice(table: PriceTable, region: string, id: string): CitedPrice | undefined {
    const regional = table.regions[region]?.find((r) => r.id === id);
    if (regional) return { ...regional, region };
    const global = table.global.find((r) => r.id === id);
    return global ? { ...global, region: GLOBAL_REGION } : undefined;
}
