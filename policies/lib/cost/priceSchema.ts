/**
 * The shape of the price table (policies/lib/cost/prices.ts says what it holds). A module of its own so the
 * rows (`prices.data.ts`) and the lookups (`prices.ts`) both depend on it, and not on each other.
 */
export interface PriceListLookup {
    /** Price List API service code (`aws pricing get-products --service-code ...`). */
    serviceCode: string;
    /**
     * TERM_MATCH filters by product attribute; `regionCode` is added per region, and `{usage}` in a value stands
     * for the region's usage-type prefix (USE1 for us-east-1, EU for eu-west-1, ...).
     */
    filters: Record<string, string>;
}

export type PriceUnit = "hour" | "GB-month" | "month" | "1K requests" | "1M requests" | "100K commands" | "GB";

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
}
