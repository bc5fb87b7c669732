import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { describe, it } from "node:test";
import { flattenPriceFile, loadPriceFile, PRICE_FILE, PRICE_TABLE } from "../../policies/lib/cost/prices";
import { groupPriceTable, renderPriceData } from "../../scripts/priceData";
import { filtersFor, getProductsArgs, parseGetProducts, refreshedRow } from "../../scripts/priceList";
import { catalogueLookups, catalogueRows, skuRows } from "../../scripts/refresh-prices";
import { estimateCost } from "../../policies/lib/cost/estimate";
import { INSTANCE_CLASS_MEMORY_GIB } from "../../components/database";
import { defaultLayout } from "../../readiness/layout";

const root = defaultLayout().root;
const samples = JSON.parse(fs.readFileSync(path.join(root, "test", "fixtures", "pricing", "get-products.json"), "utf8"));
const row = (id: string) => PRICE_TABLE.regions["us-east-1"].find((r) => r.id === id)!;

describe("price refresh from the AWS Price List API", () => {
    it("builds the documented get-products command with the row's filters, the region and its usage-type prefix", () => {
        const args = getProductsArgs(row("vpc.public-ipv4").priceList!, "eu-west-1");
        assert.deepEqual(args.slice(0, 8), ["pricing", "get-products", "--region", "us-east-1", "--service-code", "AmazonVPC", "--format-version", "aws_v1"]);
        const filters = JSON.parse(args[args.indexOf("--filters") + 1]);
        assert.deepEqual(filters[0], { Type: "TERM_MATCH", Field: "regionCode", Value: "eu-west-1" });
        assert.ok(filters.some((f: { Field: string; Value: string }) => f.Field === "usagetype" && f.Value === "EU-PublicIPv4:InUseAddress"));
        assert.throws(() => filtersFor(row("vpc.public-ipv4").priceList!, "me-central-1"), /no usage-type prefix known for me-central-1/);
    });

    it("parses a saved response: the one product's on-demand price, its first tier, per the row's unit", () => {
        const rds = parseGetProducts(samples.rds, row("rds.instance.db.t4g.micro.single-az"));
        assert.deepEqual(rds, { usd: 0.018, sku: "ABCDEFGH12345678", apiUnit: "Hrs", effectiveDate: "2026-11-01" });
        assert.equal(parseGetProducts(samples.tiered, row("s3.standard.storage")).usd, 0.023);
        assert.equal(parseGetProducts(samples.requests, row("s3.standard.write-requests")).usd, 0.005, "per-request price times 1,000");
        const updated = refreshedRow(row("rds.instance.db.t4g.micro.single-az"), rds, "2027-01-15");
        assert.equal(updated.usd, 0.018);
        assert.equal(updated.date, "2027-01-15");
        assert.match(updated.source, /AWS Price List API, AmazonRDS SKU ABCDEFGH12345678/);
    });

    it("refuses a lookup that matches several products or none, naming the SKUs", () => {
        assert.throws(() => parseGetProducts(samples.several, row("rds.instance.db.t4g.micro.single-az")), /matched 2 on-demand products \(ABCDEFGH12345678, ZYXWVUTS87654321\)/);
        assert.throws(() => parseGetProducts(samples.none, row("rds.instance.db.t4g.micro.single-az")), /matched 0/);
        assert.throws(() => parseGetProducts({}, row("kms.key")), /not a get-products response/);
    });

    it("asks for every RDS class the template knows and rewrites the data module the table loads", () => {
        const ids = new Set(skuRows(PRICE_TABLE).map((r) => r.id));
        for (const cls of Object.keys(INSTANCE_CLASS_MEMORY_GIB)) assert.ok(ids.has(`rds.instance.${cls}.multi-az`), cls);
        const committed = fs.readFileSync(path.join(root, "policies", "lib", "cost", "prices.data.ts"), "utf8");
        assert.equal(renderPriceData(PRICE_FILE), committed, "prices.data.ts is exactly what the refresh script writes");
        // A refresh regroups the flat rows it priced: with nothing changed, it writes the same data back.
        assert.deepEqual(groupPriceTable(PRICE_TABLE, PRICE_FILE, PRICE_FILE.note), PRICE_FILE);
    });

    it("prices every class a catalogue lookup returns, under the id the estimate builds, and lists what it cannot price", () => {
        // The saved RDS product, and the same product as another class and as a second licence model of a third.
        const product = JSON.parse(samples.rds.PriceList[0]);
        const as = (instanceType: string, sku: string, extra: Record<string, string> = {}) => {
            const copy = JSON.parse(JSON.stringify(product));
            copy.product.attributes = { ...copy.product.attributes, instanceType, ...extra };
            copy.product.sku = sku;
            return JSON.stringify(copy);
        };
        const response = { FormatVersion: "aws_v1", PriceList: [product, as("db.r6g.large", "R6GLARGE00000000"), as("db.m5.large", "M5LARGE000000001"), as("db.m5.large", "M5LARGE000000002", { licenseModel: "Bring your own license" })].map((p) => (typeof p === "string" ? p : JSON.stringify(p))) };
        const lookups = catalogueLookups();
        const mysqlMultiAz = lookups.find((l) => l.lookup.filters.databaseEngine === "MySQL" && l.lookup.filters.deploymentOption === "Multi-AZ")!;
        assert.equal(mysqlMultiAz.lookup.filters.instanceType, undefined, "a catalogue lookup asks for every class");
        const { rows, problems } = catalogueRows([{ lookup: mysqlMultiAz, response }], "2027-01-15");
        assert.deepEqual(rows.map((r) => r.id).sort(), ["rds.instance.db.r6g.large.mysql.multi-az", "rds.instance.db.t4g.micro.mysql.multi-az"]);
        assert.ok(rows.every((r) => r.usd === 0.018 && r.date === "2027-01-15" && /AWS Price List API, AmazonRDS SKU/.test(r.source) && r.priceList?.filters.instanceType));
        assert.equal(problems.length, 1);
        assert.match(problems[0], /db\.m5\.large: the lookup matched 2 on-demand products/);
        // The estimate finds the row the refresh writes.
        const table = { ...PRICE_TABLE, regions: { "us-east-1": [...PRICE_TABLE.regions["us-east-1"], ...rows] } };
        const db = { urn: "db", type: "aws:rds/instance:Instance", name: "db", providerRegion: "us-east-1", props: { engine: "mysql", instanceClass: "db.r6g.large", multiAz: true } };
        const estimate = estimateCost([db], table);
        assert.ok(estimate.items.some((i) => i.prices.includes("us-east-1/rds.instance.db.r6g.large.mysql.multi-az")), JSON.stringify(estimate.items));
        // What the refresh writes: the MySQL rows form a product of their own, with the filters they share stated
        // once; the written data passes the schema and reads back to the same rows.
        const written = groupPriceTable(table, PRICE_FILE, "refreshed in a test");
        const mysql = written.products.find((p) => p.product === "amazonrds-database-instance-mysql")!;
        assert.deepEqual(mysql.priceList, { serviceCode: "AmazonRDS", filters: { productFamily: "Database Instance", databaseEngine: "MySQL", deploymentOption: "Multi-AZ", licenseModel: "No license required" } });
        assert.deepEqual(mysql.regions["us-east-1"].rows.map((r) => r.filters), [{ instanceType: "db.t4g.micro" }, { instanceType: "db.r6g.large" }]);
        const reread = flattenPriceFile(loadPriceFile(new Function(`${renderPriceData(written).replace("export const PRICE_FILE_DATA: unknown =", "return")}`)()));
        assert.deepEqual(reread.regions["us-east-1"], table.regions["us-east-1"]);
        for (const engine of ["Redis", "Valkey", "Memcached"]) assert.ok(lookups.some((l) => l.lookup.filters.cacheEngine === engine), engine);
    });
});
