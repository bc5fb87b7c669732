/**
 * The price table's two shapes. `PriceFile` is the data as kept in `prices.data.ts`: grouped by product, each
 * product's Price List lookup stated once and, per region, the day its prices were read and where they are
 * published, then its rows. `PriceTable` is the flat view the estimate looks prices up in: one `PriceRow` per
 * SKU, with its product's date, source and filters filled in (prices.ts builds it). A module of its own so the
 * data and the lookups both depend on it, and not on each other.
 */
import { z } from "zod";

export const PRICE_UNITS = ["hour", "GB-month", "month", "1K requests", "1M requests", "100K commands", "GB"] as const;
export type PriceUnit = (typeof PRICE_UNITS)[number];

/** The region key of a product priced the same everywhere (Route 53 health checks, Vercel, Upstash). */
export const GLOBAL_REGION = "global";

export interface PriceListLookup {
    /** Price List API service code (`aws pricing get-products --service-code ...`). */
    serviceCode: string;
    /**
     * TERM_MATCH filters by product attribute; `regionCode` is added per region, and `{usage}` in a value stands
     * for the region's usage-type prefix (USE1 for us-east-1, EU for eu-west-1, ...).
     */
    filters: Record<string, string>;
}

export interface PriceRow {
    /** Stable id, cited by estimate items: `<service>.<what>[.<variant>]`. */
    id: string;
    description: string;
    /** What `usd` is per. */
    unit: PriceUnit;
    usd: number;
    /** Day the price was read (UTC). */
    date: string;
    /** Where the price is published (a pricing page, or the Price List API with the product's SKU). */
    source: string;
    /** How `scripts/refresh-prices.ts` finds the row in the Price List API; absent for non-AWS prices. */
    priceList?: PriceListLookup;
}

export interface PriceTable {
    currency: "USD";
    /** Rows priced per AWS region. */
    regions: Record<string, PriceRow[]>;
    /** Rows with one price everywhere: Route 53 health checks, Vercel, Upstash. */
    global: PriceRow[];
    /**
     * Per region the table holds, the products priced in the template region (us-east-1) that it has no prices
     * for, by title: what an estimate there reports as unknown. Absent for a table built by hand in a test.
     */
    missingProducts?: Record<string, string[]>;
}

/** A calendar day that exists (`2026-02-30` does not). */
const Day = z.string().refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().startsWith(d), {
    message: "expected a calendar day as YYYY-MM-DD",
});
const Filters = z.record(z.string().min(1), z.string().min(1));
const Source = z.string().min(1, "expected where the price is published (a URL, or a repository, path and commit)");

const PriceFileRowSchema = z
    .object({
        id: z.string().regex(/^[a-z0-9]+(\.[a-z0-9-]+)+$/, "expected `<service>.<what>[.<variant>]` in lower case"),
        description: z.string().min(1),
        unit: z.enum(PRICE_UNITS),
        usd: z.number().nonnegative(),
        /** Filters of this row beyond its product's. */
        filters: Filters.optional(),
        /** Only where the row was read on another day, or from another source, than the rest of its region. */
        date: Day.optional(),
        source: Source.optional(),
    })
    .strict();

const RegionPricesSchema = z
    .object({
        /** Day the region's prices were read (UTC). */
        date: Day,
        /** Where they are published. */
        source: Source,
        rows: z.array(PriceFileRowSchema).min(1),
    })
    .strict();

const ProductSchema = z
    .object({
        /** Stable name of the product, such as `rds-instances`. */
        product: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
        /** What it is, as a report names it. */
        title: z.string().min(1),
        /** The Price List lookup every row shares; absent for a vendor without a price API (Vercel, Upstash). */
        priceList: z.object({ serviceCode: z.string().min(1), filters: Filters }).strict().optional(),
        /** By AWS region code, or `global` for a product priced the same everywhere. */
        regions: z.record(z.string().regex(/^(global|[a-z]{2}(-[a-z]+)+-\d+)$/, "expected an AWS region code or `global`"), RegionPricesSchema),
    })
    .strict();

export const PriceFileSchema = z
    .object({
        currency: z.literal("USD"),
        /** How the rows were compiled: by hand, or by `npm run refresh-prices` on a given day. */
        note: z.string().min(1),
        products: z.array(ProductSchema).min(1),
    })
    .strict()
    .superRefine((file, ctx) => {
        const products = new Set<string>();
        const ids = new Map<string, string>();
        file.products.forEach((p, i) => {
            if (products.has(p.product)) ctx.addIssue({ code: "custom", path: ["products", i, "product"], message: `product ${p.product} is listed twice` });
            products.add(p.product);
            const regions = Object.keys(p.regions);
            if (regions.includes(GLOBAL_REGION) && regions.length > 1) {
                ctx.addIssue({ code: "custom", path: ["products", i, "regions"], message: `${p.product} is priced both globally and per region` });
            }
            for (const [region, prices] of Object.entries(p.regions)) {
                prices.rows.forEach((row, j) => {
                    const key = `${region}/${row.id}`;
                    const other = ids.get(key);
                    if (other) ctx.addIssue({ code: "custom", path: ["products", i, "regions", region, "rows", j, "id"], message: `${key} is also a row of ${other}` });
                    ids.set(key, p.product);
                    const shared = Object.keys(row.filters ?? {}).filter((k) => p.priceList && k in p.priceList.filters);
                    if (shared.length > 0) {
                        ctx.addIssue({ code: "custom", path: ["products", i, "regions", region, "rows", j, "filters"], message: `${shared.join(", ")} is already a filter of ${p.product}` });
                    }
                    if (row.filters && !p.priceList) ctx.addIssue({ code: "custom", path: ["products", i, "regions", region, "rows", j, "filters"], message: `${p.product} has no Price List lookup to filter` });
                });
            }
        });
    });

export type PriceFile = z.infer<typeof PriceFileSchema>;
export type PriceProduct = PriceFile["products"][number];
export type PriceFileRow = PriceProduct["regions"][string]["rows"][number];
