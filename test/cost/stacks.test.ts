import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findPrice, PRICE_TABLE } from "../../policies/lib/cost/prices";
import { checkVariant } from "../support";

const VERCEL = { dev: { teamId: "team_acme" }, prod: { teamId: "team_acme", domain: "chat.acme.example" } } as const;

interface Combination {
    storage: "s3" | "blob";
    cache: "upstash" | "elasticache";
    reachability: "public" | "private";
}

// ElastiCache is VPC-only, so it exists in private reachability only (config validation refuses the other pairing).
const COMBINATIONS: Combination[] = (["s3", "blob"] as const).flatMap((storage) => [
    { storage, cache: "upstash", reachability: "public" },
    { storage, cache: "upstash", reachability: "private" },
    { storage, cache: "elasticache", reachability: "private" },
]);

describe("cost estimate of every backend and reachability, dev and prod", () => {
    for (const stack of ["dev", "prod"] as const) {
        for (const c of COMBINATIONS) {
            it(`${stack}: storage ${c.storage}, cache ${c.cache}, ${c.reachability}`, async () => {
                const report = await checkVariant(stack, {
                    "service:storage": { backend: c.storage },
                    "service:cache": { backend: c.cache },
                    "service:reachability": c.reachability,
                    "service:vercel": c.reachability === "private" ? { ...VERCEL[stack], secureComputeNetworkId: "net_1" } : VERCEL[stack],
                });
                const cost = report.cost!;
                assert.equal(cost.currency, "USD");
                assert.deepEqual(cost.unpriced.filter((u) => u.type.startsWith("aws:")), [], "every AWS resource the template creates has a price");
                // Private reachability needs Secure Compute, hence Vercel Enterprise, whose prices are contracts.
                for (const u of cost.unpriced.filter((x) => !x.type.startsWith("aws:"))) assert.match(u.reason, /Enterprise.*contract pricing/);
                assert.equal(cost.unpriced.length > 0, c.reachability === "private" && (stack === "prod" || c.storage === "blob"));
                assert.ok(cost.priceDate, "dated");
                // Every item cites rows of the table, and its basis names each of them.
                for (const i of cost.items) {
                    for (const ref of i.prices) {
                        const [region, id] = [ref.slice(0, ref.indexOf("/")), ref.slice(ref.indexOf("/") + 1)];
                        assert.ok(findPrice(PRICE_TABLE, region === "global" ? "" : region, id), `${ref} is a row of the table`);
                        assert.ok(i.basis.includes(`${region} ${id}`), `${i.description}: basis cites ${ref}`);
                    }
                    assert.ok(report.resources.some((r) => r.urn === i.urn), `${i.urn} is a resource of the stack`);
                }
                const sum = Math.round(cost.items.reduce((s, i) => s + i.monthly, 0) * 100) / 100;
                assert.equal(cost.monthly, sum);
                const has = (re: RegExp) => cost.items.some((i) => re.test(i.description));
                assert.equal(has(/S3 Standard/), c.storage === "s3");
                assert.equal([...cost.items, ...cost.unpriced].some((i) => i.type === "vercel:index/blobStore:BlobStore"), c.storage === "blob");
                assert.equal(has(/Upstash/), c.cache === "upstash");
                assert.equal(has(/cache\.t4g\.micro valkey node/), c.cache === "elasticache");
                assert.equal(has(/public IPv4/), c.reachability === "public", "only a public database has a public address");
                assert.equal(has(/Multi-AZ instance/), stack === "prod");
                // The presets' budgets hold their own estimates.
                assert.equal(report.violations.filter((v) => v.policy === "cost-estimate-within-budget").length, 0);
            });
        }
    }
});
