import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FALLBACK_USAGE } from "../../policies/lib/cost/estimate";
import { USAGE_ASSUMPTIONS_TYPE } from "../../contracts/tokens";
import { assertFires, assertQuiet, checkVariant, evaluate, reportFires, SyntheticResource, UNKNOWN } from "../support";

const RULE = "cost-estimate-within-budget";
const provider: SyntheticResource = { type: "pulumi:providers:aws", name: "aws", inputs: { region: "us-east-1" } };
const budget = (limit: string): SyntheticResource => ({ type: "aws:budgets/budget:Budget", name: "monthly", inputs: { budgetType: "COST", timeUnit: "MONTHLY", limitUnit: "USD", limitAmount: limit } });
const assumptions: SyntheticResource = { type: USAGE_ASSUMPTIONS_TYPE, name: "cost", custom: false, outputs: { usage: FALLBACK_USAGE, region: "us-east-1" } };
const cache = (nodes: number, nodeType = "cache.t4g.medium"): SyntheticResource => ({
    type: "aws:elasticache/replicationGroup:ReplicationGroup",
    name: "cache",
    provider: "aws",
    inputs: { replicationGroupId: "acme-prod", engine: "redis", nodeType, numCacheClusters: nodes },
});

describe("cost-estimate-within-budget", () => {
    it("fires when more nodes push the estimate past the budget's share, mandatory in prod and advisory in dev", async () => {
        // 3 × cache.t4g.medium ≈ $142 a month against 80% of $100.
        const over = [provider, assumptions, budget("100.00"), cache(3)];
        const [finding] = assertFires(await evaluate(over), RULE, "monthly", "mandatory");
        assert.match(finding.message, /exceeds 80% of the \$100\.00 budget \(\$80\.00\)/);
        assert.match(finding.message, /cache 3 × cache\.t4g\.medium redis nodes/);
        assertFires(await evaluate(over, { environment: "dev" }), RULE, "monthly", "advisory");
    });

    it("stays quiet under the share, and the share is configurable", async () => {
        // 1 node ≈ $47 a month: under $80, over 40% of $100.
        const one = [provider, assumptions, budget("100.00"), cache(1)];
        assertQuiet(await evaluate(one), RULE);
        assertFires(await evaluate(one, { policyConfig: { [RULE]: { share: 0.4 } } }), RULE, "monthly");
        assertQuiet(await evaluate([provider, assumptions, cache(6)]), RULE);
    });

    it("reports a resource the table cannot price as unknown and advisory, even in prod; not a value unknown until creation, nor a non-AWS cost", async () => {
        const [unknownPrice] = assertFires(await evaluate([provider, assumptions, budget("1000.00"), cache(1, "cache.r7g.16xlarge")]), RULE, "cache", "advisory");
        assert.match(unknownPrice.message, /cost is unknown and not counted/);
        const unknownType = { ...cache(1), inputs: { ...cache(1).inputs, nodeType: UNKNOWN } };
        const diags = await evaluate([provider, assumptions, budget("1000.00"), unknownType]);
        assertQuiet(diags, RULE);
        assert.ok(diags.some((d) => d.policy === RULE && d.message.startsWith("can't run policy")), "reported as not runnable during the preview");
        const missing = { ...cache(1), inputs: { replicationGroupId: "acme-prod", engine: "redis", numCacheClusters: 1 } };
        assertFires(await evaluate([provider, assumptions, budget("1000.00"), missing]), RULE, "cache", "advisory");
        const upstash: SyntheticResource = { type: "upstash:index/redisDatabase:RedisDatabase", name: "redis", inputs: { databaseName: "x" } };
        const heavy = { ...assumptions, outputs: { usage: { ...FALLBACK_USAGE, redisCommandsPerMonth: 1_000_000_000 }, region: "us-east-1" } };
        assertQuiet(await evaluate([provider, heavy, budget("10.00"), upstash]), RULE);
    });

    it("never blocks a prod scale-up to a class or engine the table lacks, and still blocks what it can price over budget", async () => {
        const db = (instanceClass: string, engine = "postgres"): SyntheticResource => ({
            type: "aws:rds/instance:Instance",
            name: "db",
            provider: "aws",
            inputs: { identifier: "acme-prod", engine, instanceClass, allocatedStorage: 50, multiAz: true },
        });
        for (const unpriced of [db("db.r6g.large"), db("db.m5.large"), db("db.r7g.xlarge"), db("db.t4g.medium", "mysql")]) {
            const diags = await evaluate([provider, assumptions, budget("500.00"), unpriced]);
            const found = assertFires(diags, RULE, "db", "advisory");
            assert.ok(found.every((d) => d.enforcementLevel === "advisory"), JSON.stringify(found));
        }
        // Known cost over budget still blocks when another resource is unpriced.
        const diags = await evaluate([provider, assumptions, budget("100.00"), cache(3), db("db.r6g.large")]);
        assertFires(diags, RULE, "monthly", "mandatory");
        assertFires(diags, RULE, "db", "advisory");
    });

    it("prices a read replica's storage from its source", async () => {
        const source: SyntheticResource = { type: "aws:rds/instance:Instance", name: "primary", provider: "aws", inputs: { identifier: "acme-prod", engine: "postgres", instanceClass: "db.t4g.medium", allocatedStorage: 50, storageType: "gp3", multiAz: true } };
        const replica: SyntheticResource = { type: "aws:rds/instance:Instance", name: "replica", provider: "aws", inputs: { identifier: "acme-prod-ro", replicateSourceDb: "acme-prod", instanceClass: "db.t4g.medium" } };
        const diags = await evaluate([provider, assumptions, budget("1000.00"), source, replica]);
        assertQuiet(diags, RULE);
        const { estimateCost } = await import("../../policies/lib/cost/estimate");
        const estimate = estimateCost([source, replica].map((r) => ({ urn: r.name, type: r.type, name: r.name, props: r.inputs ?? {}, providerRegion: "us-east-1" })));
        assert.ok(estimate.items.some((i) => i.urn === "replica" && /50 GB gp3 storage/.test(i.description)), JSON.stringify(estimate.items.map((i) => [i.urn, i.description])));
        assert.deepEqual(estimate.unpriced.filter((u) => u.urn === "replica"), []);
    });

    it("holds the committed stacks quiet and stops a bigger instance class in prod", async () => {
        for (const stack of ["dev", "prod"]) {
            const report = await checkVariant(stack);
            assert.equal(report.violations.filter((v) => v.policy === RULE).length, 0, `${stack}: ${JSON.stringify(report.violations.filter((v) => v.policy === RULE))}`);
        }
        reportFires(await checkVariant("prod", { "service:database": { instanceClass: "db.t4g.2xlarge" } }), RULE, "mandatory");
        reportFires(await checkVariant("dev", { "service:database": { instanceClass: "db.t4g.large" } }), RULE, "advisory");
    });
});
