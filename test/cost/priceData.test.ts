/**
 * The price data as data (#28.7): read through its schema at load, grouped by product with each region's date,
 * source and shared filters stated once; and a region priced partly (#25, #27), whose missing prices are reported
 * as unknown and never block.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CostResource, estimateCost, FALLBACK_USAGE, HOURS_PER_MONTH } from "../../policies/lib/cost/estimate";
import { flattenPriceFile, loadPriceFile, PRICE_FILE, PRICE_TABLE } from "../../policies/lib/cost/prices";
import { USAGE_ASSUMPTIONS_TYPE } from "../../contracts/tokens";
import { assertFires, assertQuiet, evaluate, SyntheticResource } from "../support";

const copy = () => JSON.parse(JSON.stringify(PRICE_FILE));
const rdsRows = (file: ReturnType<typeof copy>) => file.products.find((p: { product: string }) => p.product === "rds-instances").regions["us-east-1"];

describe("price data schema", () => {
    it("reads the shipped data: every product states its lookup once and each region its date and source once", () => {
        assert.deepEqual(loadPriceFile(PRICE_FILE), PRICE_FILE);
        const rds = PRICE_FILE.products.find((p) => p.product === "rds-instances")!;
        assert.deepEqual(rds.priceList?.filters, { productFamily: "Database Instance", databaseEngine: "PostgreSQL" });
        assert.ok(rds.regions["us-east-1"].rows.every((r) => r.date === undefined && r.source === undefined && r.filters?.instanceType));
        // The flat view fills each row in from its product and region.
        const flat = PRICE_TABLE.regions["us-east-1"].find((r) => r.id === "rds.instance.db.t4g.medium.multi-az")!;
        assert.equal(flat.date, rds.regions["us-east-1"].date);
        assert.deepEqual(flat.priceList, { serviceCode: "AmazonRDS", filters: { productFamily: "Database Instance", databaseEngine: "PostgreSQL", instanceType: "db.t4g.medium", deploymentOption: "Multi-AZ" } });
    });

    it("refuses at load a day that does not exist, a negative price, an unknown unit, a row id twice and a filter stated twice, naming where", () => {
        const cases: Array<[string, (f: ReturnType<typeof copy>) => void, RegExp]> = [
            ["day", (f) => (rdsRows(f).date = "2026-02-30"), /products\.0\.regions\.us-east-1\.date: expected a calendar day/],
            ["price", (f) => (rdsRows(f).rows[0].usd = -1), /products\.0\.regions\.us-east-1\.rows\.0\.usd/],
            ["unit", (f) => (rdsRows(f).rows[0].unit = "hours"), /rows\.0\.unit/],
            ["duplicate", (f) => (rdsRows(f).rows[1].id = rdsRows(f).rows[0].id), /us-east-1\/rds\.instance\.db\.t4g\.micro\.single-az is also a row of rds-instances/],
            ["restated filter", (f) => (rdsRows(f).rows[0].filters.databaseEngine = "PostgreSQL"), /databaseEngine is already a filter of rds-instances/],
            ["unknown key", (f) => (rdsRows(f).rows[0].price = 1), /rows\.0: Unrecognized key/],
            ["no source", (f) => (rdsRows(f).source = ""), /us-east-1\.source: expected where the price is published/],
        ];
        for (const [what, spoil, message] of cases) {
            const file = copy();
            spoil(file);
            assert.throws(() => loadPriceFile(file), (e: Error) => message.test(e.message) && /prices\.data\.ts does not match the price schema/.test(e.message), what);
        }
    });
});

describe("a region priced partly (eu-west-1)", () => {
    const at = (region: string) => (type: string, props: Record<string, unknown>, name: string): CostResource => ({ urn: `urn:${name}`, type, name, props, providerRegion: region });
    const eu = at("eu-west-1");
    const db = (props: Record<string, unknown>) => eu("aws:rds/instance:Instance", { identifier: "db", engine: "postgres", instanceClass: "db.t4g.medium", storageType: "gp3", allocatedStorage: 50, backupRetentionPeriod: 0, ...props }, "db");

    it("prices what the table holds for eu-west-1 at eu-west-1's rows, cited by region", () => {
        const e = estimateCost([db({})]);
        const instance = e.items.find((i) => i.description === "db.t4g.medium Single-AZ instance")!;
        assert.deepEqual(instance.prices, ["eu-west-1/rds.instance.db.t4g.medium.single-az"]);
        assert.equal(instance.monthly, Math.round(HOURS_PER_MONTH * 0.069 * 100) / 100);
        assert.match(instance.basis, /\[eu-west-1 rds\.instance\.db\.t4g\.medium\.single-az, 2026-03-23\]/);
        assert.deepEqual(e.unpriced, []);
        assert.ok(!e.assumptions.some((a) => a.includes("priced partly") || a.includes("No prices for")), JSON.stringify(e.assumptions));
    });

    it("reports what eu-west-1 lacks as unknown, naming the products it has no prices for, never at another region's rates", () => {
        const e = estimateCost([db({ multiAz: true }), eu("aws:ec2/natGateway:NatGateway", {}, "nat"), eu("aws:kms/key:Key", {}, "key")]);
        assert.deepEqual([...new Set(e.unpriced.map((u) => u.urn))].sort(), ["urn:db", "urn:key", "urn:nat"]);
        assert.match(e.unpriced.find((u) => u.urn === "urn:db")!.reason, /no row rds\.instance\.db\.t4g\.medium\.multi-az in eu-west-1/);
        const note = e.assumptions.find((a) => a.startsWith("eu-west-1 is priced partly"));
        assert.ok(note && note.includes("NAT gateway hours") && note.includes("KMS customer managed keys"), JSON.stringify(e.assumptions));
        assert.ok(e.items.every((i) => i.prices.every((p) => !p.startsWith("us-east-1/"))), JSON.stringify(e.items));
        assert.deepEqual(PRICE_TABLE.missingProducts?.["eu-west-1"], ["RDS backup storage beyond the free allowance", "Public IPv4 addresses", "NAT gateway hours", "PrivateLink interface endpoint hours", "KMS customer managed keys", "Secrets Manager secrets"]);
    });

    it("still prices a region the table lacks at us-east-1 rates and says so", () => {
        const e = estimateCost([at("eu-central-1")("aws:kms/key:Key", {}, "key")]);
        assert.deepEqual(e.items.map((i) => i.prices), [["us-east-1/kms.key"]]);
        assert.ok(e.assumptions.some((a) => a.startsWith("No prices for eu-central-1")));
    });

    it("lists no products as missing for a region that has them all", () => {
        const file = copy();
        for (const p of file.products) if (p.regions["us-east-1"]) p.regions["eu-west-1"] = p.regions["us-east-1"];
        assert.equal(flattenPriceFile(loadPriceFile(file)).missingProducts?.["eu-west-1"], undefined);
    });

    it("never blocks a prod deploy for an eu-west-1 price it lacks, and still blocks a known eu-west-1 total over budget", async () => {
        const provider: SyntheticResource = { type: "pulumi:providers:aws", name: "aws", inputs: { region: "eu-west-1" } };
        const assumptions: SyntheticResource = { type: USAGE_ASSUMPTIONS_TYPE, name: "cost", custom: false, outputs: { usage: FALLBACK_USAGE, region: "eu-west-1" } };
        const budget = (limit: string): SyntheticResource => ({ type: "aws:budgets/budget:Budget", name: "monthly", inputs: { budgetType: "COST", timeUnit: "MONTHLY", limitUnit: "USD", limitAmount: limit } });
        const instance = (multiAz: boolean): SyntheticResource => ({ type: "aws:rds/instance:Instance", name: "db", provider: "aws", inputs: { identifier: "acme-prod", engine: "postgres", instanceClass: "db.t4g.large", allocatedStorage: 50, storageType: "gp3", backupRetentionPeriod: 0, multiAz } });
        const RULE = "cost-estimate-within-budget";
        const unknown = await evaluate([provider, assumptions, budget("20.00"), instance(true)]);
        assertFires(unknown, RULE, "db", "advisory");
        assert.ok(!unknown.some((d) => d.policy === RULE && d.enforcementLevel === "mandatory"), JSON.stringify(unknown.filter((d) => d.policy === RULE)));
        // db.t4g.large Single-AZ in eu-west-1: 730 h × $0.138 ≈ $100.74, over 80% of $100.
        assertFires(await evaluate([provider, assumptions, budget("100.00"), instance(false)]), RULE, "monthly", "mandatory");
        assertQuiet(await evaluate([provider, assumptions, budget("500.00"), instance(false)]), RULE);
    });
});
