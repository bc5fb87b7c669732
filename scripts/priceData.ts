/**
 * Writing the price data (policies/lib/cost/prices.data.ts): the grouped form a refresh regroups its flat rows
 * into, and the module text, one row a line so a diff of a refresh reads price by price.
 */
import type { PriceFile, PriceFileRow, PriceProduct, PriceRow, PriceTable } from "../policies/lib/cost/priceSchema";
import { GLOBAL_REGION } from "../policies/lib/cost/priceSchema";

const mostCommon = (values: readonly string[]): string => {
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0][0];
};

/** The product a flat row belongs to: the one already holding its id, or the first whose lookup its filters extend. */
function productOf(row: PriceRow, products: readonly PriceProduct[]): PriceProduct | undefined {
    const holding = products.find((p) => Object.values(p.regions).some((r) => r.rows.some((x) => x.id === row.id)));
    if (holding) return holding;
    return products.find(
        (p) =>
            p.priceList !== undefined &&
            row.priceList?.serviceCode === p.priceList.serviceCode &&
            Object.entries(p.priceList.filters).every(([k, v]) => row.priceList?.filters[k] === v),
    );
}

/** Slug of a new product's name: `amazonrds-database-instance-mysql`. */
const slug = (parts: ReadonlyArray<string | undefined>) =>
    parts.filter((p): p is string => !!p).join("-").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/**
 * A product for rows no product of the data takes (a refresh's catalogue of MySQL classes, say): one per service,
 * product family and engine, its filters the ones all its rows share.
 */
function newProduct(rows: readonly PriceRow[]): PriceProduct {
    const first = rows[0].priceList;
    if (!first) throw new Error(`${rows[0].id}: a row without a Price List lookup belongs to a product kept by hand; add it to prices.data.ts`);
    const engine = first.filters.databaseEngine ?? first.filters.cacheEngine;
    const filters = Object.fromEntries(Object.entries(first.filters).filter(([k, v]) => rows.every((r) => r.priceList?.filters[k] === v)));
    return {
        product: slug([first.serviceCode, first.filters.productFamily, engine]),
        title: [first.serviceCode, first.filters.productFamily, engine].filter(Boolean).join(", "),
        priceList: { serviceCode: first.serviceCode, filters },
        regions: {},
    };
}

/**
 * `table`'s rows grouped as `template` groups them: each region's date and source are the most common of its
 * rows, a row that differs keeps its own. Rows no product of `template` takes form new products (`newProduct`).
 */
export function groupPriceTable(table: PriceTable, template: PriceFile, note: string): PriceFile {
    const products: PriceProduct[] = template.products.map((p) => ({ ...p, regions: {} }));
    const placed = new Map<PriceProduct, Map<string, PriceRow[]>>();
    const place = (product: PriceProduct, region: string, row: PriceRow) => {
        const byRegion = placed.get(product) ?? new Map<string, PriceRow[]>();
        byRegion.set(region, [...(byRegion.get(region) ?? []), row]);
        placed.set(product, byRegion);
    };
    const strays = new Map<string, Array<[string, PriceRow]>>();
    const regions: Array<[string, PriceRow[]]> = [...Object.entries(table.regions), [GLOBAL_REGION, table.global]];
    for (const [region, rows] of regions) {
        for (const row of rows) {
            const product = productOf(row, template.products);
            if (product) place(products[template.products.indexOf(product)], region, row);
            else {
                const f = row.priceList?.filters ?? {};
                const key = slug([row.priceList?.serviceCode ?? row.id, f.productFamily, f.databaseEngine ?? f.cacheEngine]);
                strays.set(key, [...(strays.get(key) ?? []), [region, row]]);
            }
        }
    }
    for (const rows of strays.values()) {
        const product = newProduct(rows.map(([, r]) => r));
        products.push(product);
        for (const [region, row] of rows) place(product, region, row);
    }
    for (const product of products) {
        for (const [region, rows] of placed.get(product) ?? []) {
            const date = mostCommon(rows.map((r) => r.date));
            const source = mostCommon(rows.map((r) => r.source));
            product.regions[region] = {
                date,
                source,
                rows: rows.map((r): PriceFileRow => {
                    const own = Object.entries(r.priceList?.filters ?? {}).filter(([k]) => !(product.priceList && k in product.priceList.filters));
                    return {
                        id: r.id,
                        description: r.description,
                        unit: r.unit,
                        usd: r.usd,
                        ...(own.length > 0 ? { filters: Object.fromEntries(own) } : {}),
                        ...(r.date !== date ? { date: r.date } : {}),
                        ...(r.source !== source ? { source: r.source } : {}),
                    };
                }),
            };
        }
    }
    return { currency: table.currency, note, products: products.filter((p) => Object.keys(p.regions).length > 0) };
}

/** The text of prices.data.ts for `file`: JSON, one row a line. */
export function renderPriceData(file: PriceFile): string {
    const j = (v: unknown) => JSON.stringify(v);
    const lines = [
        "// Data, not code: read and validated through PriceFileSchema (priceSchema.ts) by prices.ts, which says what it holds.",
        "// `npm run refresh-prices` rewrites the AWS products (scripts/priceData.ts renders this file); Vercel and Upstash",
        "// rows, and a region compiled from a cited public record, are edited by hand (docs/cost.md).",
        "export const PRICE_FILE_DATA: unknown = {",
        `    "currency": ${j(file.currency)},`,
        `    "note": ${j(file.note)},`,
        `    "products": [`,
    ];
    file.products.forEach((p, i) => {
        lines.push("        {", `            "product": ${j(p.product)},`, `            "title": ${j(p.title)},`);
        if (p.priceList) lines.push(`            "priceList": ${j(p.priceList)},`);
        lines.push(`            "regions": {`);
        const regions = Object.entries(p.regions);
        regions.forEach(([region, prices], r) => {
            lines.push(`                ${j(region)}: {`, `                    "date": ${j(prices.date)},`, `                    "source": ${j(prices.source)},`, `                    "rows": [`);
            prices.rows.forEach((row, k) => lines.push(`                        ${j(row)}${k < prices.rows.length - 1 ? "," : ""}`));
            lines.push("                    ]", `                }${r < regions.length - 1 ? "," : ""}`);
        });
        lines.push("            }", `        }${i < file.products.length - 1 ? "," : ""}`);
    });
    lines.push("    ]", "};", "");
    return lines.join("\n");
}
