/**
 * Reading prices from the AWS Price List Query API (`aws pricing get-products`), for scripts/refresh-prices.ts.
 * Apart from running the CLI, everything here is a pure function of a saved response, so it is tested without
 * credentials.
 *
 * The response (`--format-version aws_v1`) is `{"FormatVersion", "PriceList": [<product JSON as a string>, ...]}`;
 * each product is `{product: {sku, attributes}, terms: {OnDemand: {<offer>: {effectiveDate, priceDimensions:
 * {<rate>: {unit, beginRange, pricePerUnit: {USD}}}}}}, publicationDate}`.
 */
import { execFileSync } from "child_process";
import type { PriceListLookup, PriceRow } from "../policies/lib/cost/priceSchema";

/** Usage-type prefixes the Price List API puts before regional usage types (`USE1-PublicIPv4:InUseAddress`). */
export const USAGE_PREFIX: Readonly<Record<string, string>> = {
    "us-east-1": "USE1", "us-east-2": "USE2", "us-west-1": "USW1", "us-west-2": "USW2", "ca-central-1": "CAN1",
    "eu-west-1": "EU", "eu-west-2": "EUW2", "eu-west-3": "EUW3", "eu-central-1": "EUC1", "eu-north-1": "EUN1",
    "ap-southeast-1": "APS1", "ap-southeast-2": "APS2", "ap-northeast-1": "APN1", "ap-south-1": "APS3", "sa-east-1": "SAE1",
};

export interface Filter {
    Type: "TERM_MATCH";
    Field: string;
    Value: string;
}

/** The filters of a row's lookup in `region` (global rows are looked up without a region). */
export function filtersFor(lookup: PriceListLookup, region: string | undefined): Filter[] {
    const prefix = region ? USAGE_PREFIX[region] : undefined;
    const filters: Filter[] = [];
    if (region) filters.push({ Type: "TERM_MATCH", Field: "regionCode", Value: region });
    for (const [field, value] of Object.entries(lookup.filters)) {
        if (value.includes("{usage}") && !prefix) throw new Error(`no usage-type prefix known for ${region ?? "a global row"}: add it to USAGE_PREFIX in scripts/priceList.ts`);
        filters.push({ Type: "TERM_MATCH", Field: field, Value: value.replace("{usage}", prefix ?? "") });
    }
    return filters;
}

/** The arguments of `aws pricing get-products` for a lookup (the Price List API answers in us-east-1). */
export function getProductsArgs(lookup: PriceListLookup, region: string | undefined): string[] {
    return ["pricing", "get-products", "--region", "us-east-1", "--service-code", lookup.serviceCode, "--format-version", "aws_v1", "--filters", JSON.stringify(filtersFor(lookup, region)), "--output", "json"];
}

/** Runs the AWS CLI with the caller's credentials; auto-pagination merges every page's PriceList. */
export function runGetProducts(lookup: PriceListLookup, region: string | undefined): unknown {
    return JSON.parse(execFileSync("aws", getProductsArgs(lookup, region), { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }));
}

interface Dimension {
    unit?: string;
    beginRange?: string;
    description?: string;
    pricePerUnit?: { USD?: string };
}

export interface ParsedPrice {
    /** USD per the row's unit. */
    usd: number;
    sku: string;
    /** The API's unit, such as `Hrs` or `GB-Mo`. */
    apiUnit: string;
    effectiveDate: string;
}

/** How many of the API's units make one of the row's (`1K requests` are priced per request by the API). */
const ROW_UNIT_FACTOR: Record<PriceRow["unit"], number> = { hour: 1, "GB-month": 1, month: 1, GB: 1, "1K requests": 1_000, "1M requests": 1_000_000, "100K commands": 100_000 };

/**
 * The on-demand price of the one product a lookup matched, at its first tier. Zero or several products mean the
 * row's filters need fixing, and the error says which SKUs matched.
 */
export function parseGetProducts(response: unknown, row: Pick<PriceRow, "id" | "unit">): ParsedPrice {
    const list = (response as { PriceList?: unknown })?.PriceList;
    if (!Array.isArray(list)) throw new Error(`${row.id}: not a get-products response (no PriceList)`);
    const products = list.map((p) => (typeof p === "string" ? JSON.parse(p) : p) as { product?: { sku?: string }; terms?: { OnDemand?: Record<string, { effectiveDate?: string; priceDimensions?: Record<string, Dimension> }> } });
    const priced = products.filter((p) => p.terms?.OnDemand && Object.keys(p.terms.OnDemand).length > 0);
    if (priced.length !== 1) {
        throw new Error(`${row.id}: the lookup matched ${priced.length} on-demand products${priced.length ? ` (${priced.map((p) => p.product?.sku).join(", ")})` : ""}; narrow its filters in prices.data.ts`);
    }
    const product = priced[0];
    const offers = Object.values(product.terms!.OnDemand!);
    const dimensions = offers.flatMap((o) => Object.values(o.priceDimensions ?? {}).map((d) => ({ d, effectiveDate: o.effectiveDate ?? "" })));
    // Tiered prices (S3 storage, CloudWatch Logs) list a dimension per tier: the first tier is the one a small stack pays.
    const first = dimensions.find((x) => (x.d.beginRange ?? "0") === "0") ?? dimensions[0];
    const usd = Number(first?.d.pricePerUnit?.USD);
    if (!first || !Number.isFinite(usd)) throw new Error(`${row.id}: product ${product.product?.sku} has no USD on-demand price`);
    return { usd: Math.round(usd * ROW_UNIT_FACTOR[row.unit] * 1e8) / 1e8, sku: product.product?.sku ?? "", apiUnit: first.d.unit ?? "", effectiveDate: first.effectiveDate.slice(0, 10) };
}

/** A row updated from the API: its price, the day it was read and the SKU it came from. */
export function refreshedRow(row: PriceRow, parsed: ParsedPrice, today: string): PriceRow {
    return { ...row, usd: parsed.usd, date: today, source: `AWS Price List API, ${row.priceList!.serviceCode} SKU ${parsed.sku} (effective ${parsed.effectiveDate}, per ${parsed.apiUnit})` };
}

/**
 * Every on-demand product of a catalogue lookup (one without the attribute that picks a single SKU), by the value
 * of `attribute` (`instanceType`): how a refresh prices every class AWS sells, not only the ones a row names.
 * A value matched by several on-demand products (another licence model, say) means the lookup is too wide, and
 * lands in `ambiguous` instead of being guessed.
 */
export function parseEveryProduct(response: unknown, attribute: string, unit: PriceRow["unit"]): { prices: Map<string, ParsedPrice>; ambiguous: string[] } {
    const list = (response as { PriceList?: unknown })?.PriceList;
    if (!Array.isArray(list)) throw new Error(`catalogue lookup by ${attribute}: not a get-products response (no PriceList)`);
    const byValue = new Map<string, unknown[]>();
    for (const raw of list) {
        const product = (typeof raw === "string" ? JSON.parse(raw) : raw) as { product?: { attributes?: Record<string, string> }; terms?: { OnDemand?: object } };
        const value = product.product?.attributes?.[attribute];
        if (!value || !product.terms?.OnDemand || Object.keys(product.terms.OnDemand).length === 0) continue;
        byValue.set(value, [...(byValue.get(value) ?? []), raw]);
    }
    const prices = new Map<string, ParsedPrice>();
    const ambiguous: string[] = [];
    for (const [value, products] of byValue) {
        try {
            prices.set(value, parseGetProducts({ PriceList: products }, { id: value, unit }));
        } catch (e) {
            ambiguous.push((e as Error).message);
        }
    }
    return { prices, ambiguous };
}
