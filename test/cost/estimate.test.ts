import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CostEstimate, CostResource, estimateCost, FALLBACK_USAGE, HOURS_PER_MONTH } from "../../policies/lib/cost/estimate";
import { USAGE_ASSUMPTIONS_TYPE } from "../../contracts/tokens";
import { findPrice, PRICE_TABLE } from "../../policies/lib/cost/prices";
import { PRESETS } from "../../config";

const REGION = "us-east-1";
const price = (id: string) => {
    const row = findPrice(PRICE_TABLE, REGION, id);
    assert.ok(row, `price table row ${id}`);
    return row.usd;
};
let n = 0;
const res = (type: string, props: Record<string, unknown>, name = `r${++n}`): CostResource => ({ urn: `urn:pulumi:test::p::${type}::${name}`, type, name, props, providerRegion: REGION });
const usage = (u: Partial<typeof FALLBACK_USAGE> = {}) => res(USAGE_ASSUMPTIONS_TYPE, { usage: { ...FALLBACK_USAGE, ...u }, region: REGION }, "cost");
const item = (e: CostEstimate, description: RegExp) => {
    const found = e.items.filter((i) => description.test(i.description));
    assert.equal(found.length, 1, `one item matching ${description}; got ${JSON.stringify(e.items.map((i) => i.description))}`);
    return found[0];
};
const cents = (n: number) => Math.round(n * 100) / 100;

const rds = (props: Record<string, unknown> = {}) =>
    res("aws:rds/instance:Instance", { identifier: "db", engine: "postgres", instanceClass: "db.t4g.medium", storageType: "gp3", allocatedStorage: 50, maxAllocatedStorage: 500, backupRetentionPeriod: 0, ...props });

describe("cost estimate: RDS", () => {
    it("prices the instance by class and Multi-AZ, and storage by type and allocated size (not the autoscaling ceiling)", () => {
        const single = estimateCost([usage(), rds()]);
        assert.equal(item(single, /instance$/).monthly, cents(HOURS_PER_MONTH * price("rds.instance.db.t4g.medium.single-az")));
        assert.equal(item(single, /storage/).monthly, cents(50 * price("rds.storage.gp3.single-az")));
        const multi = estimateCost([usage(), rds({ multiAz: true, instanceClass: "db.t4g.large" })]);
        assert.equal(item(multi, /Multi-AZ instance/).monthly, cents(HOURS_PER_MONTH * price("rds.instance.db.t4g.large.multi-az")));
        assert.equal(item(multi, /storage/).monthly, cents(50 * price("rds.storage.gp3.multi-az")));
        assert.ok(item(multi, /Multi-AZ instance/).monthly > 2 * item(single, /instance$/).monthly, "a larger Multi-AZ class costs more");
        const gp2 = estimateCost([usage(), rds({ storageType: undefined })]);
        assert.equal(item(gp2, /storage/).monthly, cents(50 * price("rds.storage.gp2.single-az")), "no storage type means gp2");
    });

    it("charges backup storage beyond the free allowance in proportion to retention", () => {
        const none = estimateCost([usage(), rds()]);
        assert.equal(none.items.filter((i) => /backups/.test(i.description)).length, 0, "no retention, no backups");
        const week = item(estimateCost([usage({ backupDailyChangeShare: 0.1 }), rds({ backupRetentionPeriod: 7 })]), /backups/);
        assert.equal(week.monthly, cents(50 * 0.1 * 7 * price("rds.backup-storage")));
        assert.equal(week.usageBased, true);
    });

    it("prices Performance Insights (free at 7 days, unpriced beyond), enhanced monitoring, the public IPv4, the master secret and log exports", () => {
        const e = estimateCost([usage({ monitoringSampleKb: 4, databaseLogGbPerMonth: 2 }), rds({ performanceInsightsEnabled: true, performanceInsightsRetentionPeriod: 7, monitoringInterval: 10, publiclyAccessible: true, manageMasterUserPassword: true, enabledCloudwatchLogsExports: ["postgresql"] })]);
        assert.equal(item(e, /Performance Insights/).monthly, 0);
        const samplesGb = ((HOURS_PER_MONTH * 3600) / 10) * 4 / 1024 / 1024;
        assert.equal(item(e, /enhanced monitoring/).monthly, cents(samplesGb * (price("cloudwatch.logs.ingestion") + price("cloudwatch.logs.storage"))));
        assert.equal(item(e, /public IPv4/).monthly, cents(HOURS_PER_MONTH * price("vpc.public-ipv4")));
        assert.equal(item(e, /master user secret/).monthly, price("secretsmanager.secret"));
        // No log group sets a retention: a year of logs is stored.
        assert.equal(item(e, /log exports/).monthly, cents(2 * price("cloudwatch.logs.ingestion") + 2 * (365 / (HOURS_PER_MONTH / 24)) * price("cloudwatch.logs.storage")));
        const retained = estimateCost([usage({ databaseLogGbPerMonth: 2 }), rds({ enabledCloudwatchLogsExports: ["postgresql"] }), res("aws:cloudwatch/logGroup:LogGroup", { name: "/aws/rds/instance/db/postgresql", retentionInDays: 30 })]);
        assert.ok(item(retained, /log exports/).monthly < item(e, /log exports/).monthly, "a retention on the RDS log group lowers the stored volume");
        const quiet = estimateCost([usage(), rds({ publiclyAccessible: false, monitoringInterval: 0 })]);
        assert.equal(quiet.items.filter((i) => /public IPv4|enhanced/.test(i.description)).length, 0);
        const longPi = estimateCost([usage(), rds({ performanceInsightsEnabled: true, performanceInsightsRetentionPeriod: 31 })]);
        assert.match(longPi.unpriced.map((u) => u.reason).join(), /Performance Insights retention of 31 days/);
    });

    it("lists a class or engine the table lacks as unpriced instead of guessing", () => {
        assert.match(estimateCost([usage(), rds({ instanceClass: "db.r7g.16xlarge" })]).unpriced[0].reason, /no row rds\.instance\.db\.r7g\.16xlarge\.single-az in us-east-1/);
        // MySQL's rows are looked up under an id of their own (scripts/refresh-prices.ts writes them), never PostgreSQL's.
        assert.match(estimateCost([usage(), rds({ engine: "mysql" })]).unpriced[0].reason, /no row rds\.instance\.db\.t4g\.medium\.mysql\.single-az in us-east-1/);
        assert.match(estimateCost([usage(), rds({ engine: "oracle-ee" })]).unpriced[0].reason, /RDS engine oracle-ee: the price table holds postgres, mysql, mariadb only/);
    });

    it("prices a region the table lacks at the template region's rates, and says so", () => {
        const elsewhere = estimateCost([usage(), { ...rds(), providerRegion: "ap-south-2" }]);
        assert.deepEqual(elsewhere.unpriced, []);
        assert.equal(item(elsewhere, /instance$/).monthly, item(estimateCost([usage(), rds()]), /instance$/).monthly);
        assert.ok(elsewhere.assumptions.some((a) => a.includes("No prices for ap-south-2") && a.includes("refresh-prices -- --region ap-south-2")));
    });
});

describe("cost estimate: other AWS types", () => {
    it("prices ElastiCache by node type, engine and node count", () => {
        const group = (nodes: number, engine: string) => res("aws:elasticache/replicationGroup:ReplicationGroup", { nodeType: "cache.t4g.small", engine, numCacheClusters: nodes });
        assert.equal(item(estimateCost([usage(), group(3, "valkey")]), /node/).monthly, cents(3 * HOURS_PER_MONTH * price("elasticache.node.cache.t4g.small.valkey")));
        assert.equal(item(estimateCost([usage(), group(1, "redis")]), /node/).monthly, cents(HOURS_PER_MONTH * price("elasticache.node.cache.t4g.small.redis")));
        const sharded = res("aws:elasticache/replicationGroup:ReplicationGroup", { nodeType: "cache.t4g.micro", engine: "valkey", numNodeGroups: 2, replicasPerNodeGroup: 1 });
        assert.match(item(estimateCost([usage(), sharded]), /node/).description, /^4 ×/);
        const cluster = res("aws:elasticache/cluster:Cluster", { nodeType: "cache.t3.micro", engine: "redis", numCacheNodes: 2 });
        assert.equal(item(estimateCost([usage(), cluster]), /node/).monthly, cents(2 * HOURS_PER_MONTH * price("elasticache.node.cache.t3.micro.redis")));
    });

    it("prices Elastic IPs, NAT gateways, KMS keys and Secrets Manager secrets", () => {
        const e = estimateCost([usage(), res("aws:ec2/eip:Eip", {}), res("aws:ec2/natGateway:NatGateway", {}), res("aws:kms/key:Key", {}), res("aws:secretsmanager/secret:Secret", {})]);
        assert.equal(item(e, /Elastic IP/).monthly, cents(HOURS_PER_MONTH * price("vpc.public-ipv4")));
        assert.equal(item(e, /NAT gateway/).monthly, cents(HOURS_PER_MONTH * price("vpc.nat-gateway")));
        assert.equal(item(e, /KMS key/).monthly, price("kms.key"));
        assert.equal(item(e, /Secrets Manager/).monthly, price("secretsmanager.secret"));
    });

    it("prices CloudWatch alarms per metric, high resolution under a 60 s period", () => {
        const standard = res("aws:cloudwatch/metricAlarm:MetricAlarm", { metricName: "CPUUtilization", period: 300 });
        const fast = res("aws:cloudwatch/metricAlarm:MetricAlarm", { metricName: "CPUUtilization", period: 10 });
        const math = res("aws:cloudwatch/metricAlarm:MetricAlarm", { metricQueries: [{ id: "a", metric: { metricName: "A", period: 60 } }, { id: "b", metric: { metricName: "B", period: 60 } }, { id: "e", expression: "a+b" }] });
        const e = estimateCost([usage(), standard, fast, math]);
        assert.equal(item(e, /alarm on 1 metric$/).monthly, price("cloudwatch.alarm.standard"));
        assert.equal(item(e, /high resolution/).monthly, price("cloudwatch.alarm.high-resolution"));
        assert.equal(item(e, /alarm on 2 metrics/).monthly, cents(2 * price("cloudwatch.alarm.standard")));
    });

    it("prices Route 53 health checks with each option, AWS and non-AWS endpoints apart", () => {
        const check = (props: Record<string, unknown>) => item(estimateCost([usage(), res("aws:route53/healthCheck:HealthCheck", props)]), /health check/);
        assert.equal(check({ type: "HTTP", fqdn: "app.example.com", requestInterval: 30 }).monthly, price("route53.health-check.non-aws"));
        assert.equal(check({ type: "HTTPS", fqdn: "app.example.com" }).monthly, cents(price("route53.health-check.non-aws") + price("route53.health-check.option.non-aws")));
        const all = check({ type: "HTTPS_STR_MATCH", fqdn: "app.example.com", requestInterval: 10, measureLatency: true });
        assert.equal(all.monthly, cents(price("route53.health-check.non-aws") + 4 * price("route53.health-check.option.non-aws")));
        assert.match(all.description, /HTTPS, string matching, fast interval, latency measurement/);
        const aws = check({ type: "HTTPS", fqdn: "my-lb-1.us-east-1.elb.amazonaws.com" });
        assert.equal(aws.monthly, cents(price("route53.health-check.aws") + price("route53.health-check.option.aws")));
        assert.equal(check({ type: "CALCULATED", childHealthchecks: ["a"] }).monthly, price("route53.health-check.aws"));
    });
});

describe("cost estimate: usage-based items", () => {
    it("prices S3 by stored GB and requests, shared across the stack's buckets", () => {
        const u = { storageGb: 100, storageWritesPerMonth: 2_000_000, storageReadsPerMonth: 4_000_000 };
        const one = item(estimateCost([usage(u), res("aws:s3/bucket:Bucket", {})]), /S3/);
        assert.equal(one.monthly, cents(100 * price("s3.standard.storage") + 2000 * price("s3.standard.write-requests") + 4000 * price("s3.standard.read-requests")));
        assert.equal(one.usageBased, true);
        const two = estimateCost([usage(u), res("aws:s3/bucket:Bucket", {}), res("aws:s3/bucket:Bucket", {})]);
        assert.equal(cents(two.items.reduce((s, i) => s + i.monthly, 0)), one.monthly);
    });

    it("prices Vercel Blob beyond a Pro team's allowance, and not at all on Hobby", () => {
        const blob = () => res("vercel:index/blobStore:BlobStore", { name: "files", access: "private" });
        const within = item(estimateCost([usage({ storageGb: 5, storageReadsPerMonth: 100_000, storageWritesPerMonth: 10_000, vercelSeats: 0 }), blob()]), /Blob/);
        assert.equal(within.monthly, 0);
        const beyond = item(estimateCost([usage({ storageGb: 15, storageReadsPerMonth: 1_100_000, storageWritesPerMonth: 210_000 }), blob()]), /Blob/);
        assert.equal(beyond.monthly, cents(10 * price("vercel.blob.storage") + 1 * price("vercel.blob.simple-operations") + 0.2 * price("vercel.blob.advanced-operations")));
        assert.equal(beyond.vendor, "vercel");
        assert.equal(item(estimateCost([usage({ vercelPlan: "hobby", storageGb: 50 }), blob()]), /Blob/).monthly, 0);
    });

    it("states the Upstash budget beside the estimate, and warns when the estimate leaves no headroom (Upstash throttles past it)", () => {
        const within = estimateCost([usage({ redisCommandsPerMonth: 3_000_000 }), res("upstash:index/redisDatabase:RedisDatabase", { databaseName: "cache", budget: 60 }, "cache")]);
        assert.ok(within.assumptions.some((a) => /Upstash Redis cache: a \$60\.00 monthly budget \(service:cache\.upstashBudgetUsd\), \$54\.00 above the estimate/.test(a)), within.assumptions.join("\n"));
        // No budget given: the provider's $20 applies, and 10 M commands ($20) would end the month throttled.
        const unset = estimateCost([usage({ redisCommandsPerMonth: 10_000_000 }), res("upstash:index/redisDatabase:RedisDatabase", { databaseName: "cache" }, "cache")]);
        assert.ok(unset.assumptions.some((a) => /the estimate \$20\.00 a month is more than 80% of its \$20\.00 budget.*raise service:cache\.upstashBudgetUsd/.test(a)), unset.assumptions.join("\n"));
    });

    it("every preset's Upstash budget leaves headroom over its own usage estimate", () => {
        for (const [environment, preset] of Object.entries(PRESETS)) {
            const { cost, cache } = preset.defaults;
            const e = estimateCost([usage({ ...cost, vercelPlan: "pro" }), res("upstash:index/redisDatabase:RedisDatabase", { databaseName: "cache", budget: cache.upstashBudgetUsd })]);
            assert.ok(item(e, /Upstash/).monthly <= 0.8 * cache.upstashBudgetUsd, `${environment}: estimate ${item(e, /Upstash/).monthly} against a budget of ${cache.upstashBudgetUsd}`);
        }
    });

    it("prices Upstash by commands and storage beyond the first GB", () => {
        const db = res("upstash:index/redisDatabase:RedisDatabase", { databaseName: "cache" });
        const e = item(estimateCost([usage({ redisCommandsPerMonth: 3_000_000, redisStorageGb: 3 }), db]), /Upstash/);
        assert.equal(e.monthly, cents(30 * price("upstash.redis.commands") + 2 * price("upstash.redis.storage")));
        assert.equal(e.vendor, "upstash");
    });

    it("prices the Vercel plan by the seats the stack carries", () => {
        const project = res("vercel:index/project:Project", { name: "app" });
        assert.equal(item(estimateCost([usage({ vercelSeats: 3 }), project]), /Vercel Pro/).monthly, 3 * price("vercel.plan.pro"));
        assert.equal(estimateCost([usage({ vercelSeats: 0 }), project]).items.length, 0);
        assert.match(estimateCost([usage({ vercelPlan: "enterprise" }), project]).unpriced[0].reason, /contract pricing/);
        assert.deepEqual(estimateCost([usage({ vercelPlan: "enterprise", vercelSeats: 0 }), project]).unpriced, [], "a stack that carries no seat prices no plan");
    });

    it("says which figures are assumptions, and falls back to the prod preset's usage without the component", () => {
        const e = estimateCost([usage(), res("aws:s3/bucket:Bucket", {}), rds({ backupRetentionPeriod: 7 })]);
        assert.ok(e.assumptions.some((a) => a.includes("service:cost.storageGb")));
        assert.ok(e.assumptions.some((a) => a.includes("service:cost.backupDailyChangeShare")));
        assert.deepEqual(FALLBACK_USAGE, { ...PRESETS.prod.defaults.cost, vercelPlan: PRESETS.prod.defaults.vercel.plan });
        const bare = estimateCost([res("aws:s3/bucket:Bucket", {})]);
        assert.ok(bare.assumptions.some((a) => a.includes("conservative defaults")));
        assert.equal(bare.items[0].monthly, item(estimateCost([usage(FALLBACK_USAGE), res("aws:s3/bucket:Bucket", {})]), /S3/).monthly);
    });

    it("counts unknown AWS types as not priced, and lists them", () => {
        const e = estimateCost([usage(), res("aws:ec2/instance:Instance", { instanceType: "m5.large" })]);
        assert.ok(e.assumptions.some((a) => a.includes("aws:ec2/instance:Instance: not in the price table")));
    });
});

describe("price table", () => {
    it("has a date, a source and a positive or zero price on every row, and unique ids per region", () => {
        for (const [region, rows] of [...Object.entries(PRICE_TABLE.regions), ["global", PRICE_TABLE.global] as const]) {
            const ids = new Set<string>();
            for (const r of rows) {
                assert.match(r.date, /^\d{4}-\d{2}-\d{2}$/, r.id);
                // A vendor's page, or a public record of one: a repository, its path and the commit read.
                assert.match(r.source, /^(https:\/\/|[\w.-]+\/[\w.-]+ \S+ at [0-9a-f]{7,40} )/, r.id);
                assert.ok(r.usd >= 0, r.id);
                assert.ok(!ids.has(r.id), `${region}: duplicate ${r.id}`);
                ids.add(r.id);
                if (region !== "global") assert.ok(r.priceList, `${region} ${r.id} says how the refresh script finds it`);
            }
        }
    });
});
