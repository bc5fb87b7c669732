/**
 * The monthly cost of a stack, priced from its resources' own properties with the price table: the same code
 * for the offline check's report (on recorded inputs) and for the pack's budget rule (on what AnalyzeStack
 * sees), so the number a pull request shows is the number a preview is held to.
 *
 * Usage that no resource property states (objects stored, requests, Redis commands, log volume, the Vercel
 * plan) comes from the `service:cost:UsageAssumptions` component, which carries `service:cost` as its outputs:
 * a policy pack cannot read stack config, but it does see a component's registered outputs. Every item that
 * depends on such a figure is marked, and the estimate lists the assumptions it made.
 */
import { peek } from "../preview";
import { typeRecord } from "../typeRecords";
import { CitedPrice, findPrice, PRICE_TABLE } from "./prices";
import type { PriceTable } from "./priceSchema";
import { USAGE_ASSUMPTIONS_TYPE, TYPES } from "../../contracts/tokens";
import { CostUsage, PROD_COST_USAGE } from "../../contracts/usage";

/** The region whose prices stand in for a region the table lacks. */
export const FALLBACK_REGION = "us-east-1";

/** AWS bills hourly resources by the hour; 730 is its monthly convention (8,760 h / 12). */
export const HOURS_PER_MONTH = 730;
const DAYS_PER_MONTH = HOURS_PER_MONTH / 24;

/**
 * Used when a stack has no assumptions component: prod's figures, the conservative ones, on the presets' default
 * plan (config/presets.ts).
 */
export const FALLBACK_USAGE: CostUsage = { ...PROD_COST_USAGE, vercelPlan: "pro" };

/** A resource as the estimate reads it. `props` may be @pulumi/policy's proxy: it is only read through `peek`. */
export interface CostResource {
    urn: string;
    type: string;
    name: string;
    props: Record<string, unknown>;
    /** Region of the resource's provider, when it has one. */
    providerRegion?: string;
}

export interface CostItem {
    urn: string;
    type: string;
    description: string;
    /** USD a month, rounded to cents. */
    monthly: number;
    /** How the figure was computed: quantities times the cited price rows. */
    basis: string;
    /** Price rows used, as `<region>/<row id>`. */
    prices: string[];
    /** Who bills it. */
    vendor: "aws" | "vercel" | "upstash";
    /** True when the figure rests on a `service:cost` usage assumption rather than on resource properties alone. */
    usageBased: boolean;
}

export interface UnpricedResource {
    urn: string;
    type: string;
    reason: string;
    /** The property whose value was missing, when that is why (it may be unknown until the resource exists). */
    property?: string;
}

export interface CostEstimate {
    currency: "USD";
    /** Sum of the items, USD a month. */
    monthly: number;
    /** Oldest date among the price rows used. */
    priceDate: string | null;
    /** Largest first. */
    items: CostItem[];
    /** Every usage figure and simplification the estimate rests on. */
    assumptions: string[];
    /** Resources of priced kinds the table could not price (a class or region it lacks, a value unknown in preview). */
    unpriced: UnpricedResource[];
    /** Sums by vendor: the AWS one is what the AWS budget measures. */
    byVendor: { aws: number; vercel: number; upstash: number };
}

/** The types the estimate prices, each with its own case in `estimateCost` (their records say `cost: "priced"`, typeRecords.ts). */
const T = {
    rds: TYPES.rdsInstance,
    replicationGroup: TYPES.replicationGroup,
    cacheCluster: TYPES.cacheCluster,
    eip: "aws:ec2/eip:Eip",
    natGateway: "aws:ec2/natGateway:NatGateway",
    vpcEndpoint: TYPES.vpcEndpoint,
    kmsKey: TYPES.kmsKey,
    secret: TYPES.secret,
    alarm: TYPES.metricAlarm,
    logGroup: TYPES.logGroup,
    healthCheck: TYPES.healthCheck,
    bucket: TYPES.bucket,
    bucketV2: TYPES.bucketV2,
    blobStore: TYPES.blobStore,
    upstash: TYPES.upstashRedis,
    vercelProject: TYPES.vercelProject,
} as const;

const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : undefined);
const round2 = (n: number) => Math.round(n * 100) / 100;

/** `$1,234.56`. */
export function usd(n: number): string {
    return `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A unit price with every digit it is published with: `$0.016`, `$0.0004`, `$20.00`. */
function unitPrice(n: number): string {
    return `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 6 })}`;
}
const qty = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 3 });

/** A quantity times a price row. */
interface Charge {
    quantity: number;
    /** The quantity in words, such as `730 h` or `50 GB-month`. */
    label: string;
    price: CitedPrice;
}

const perUnit: Record<string, number> = { hour: 1, "GB-month": 1, month: 1, GB: 1, "1K requests": 1_000, "1M requests": 1_000_000, "100K commands": 100_000 };

function chargeAmount(c: Charge): number {
    return (c.quantity / perUnit[c.price.unit]) * c.price.usd;
}

function describeCharge(c: Charge): string {
    return `${c.label} × ${unitPrice(c.price.usd)}/${c.price.unit} [${c.price.region} ${c.price.id}, ${c.price.date}]`;
}

interface Context {
    table: PriceTable;
    usage: CostUsage;
    defaultRegion?: string;
    items: CostItem[];
    unpriced: UnpricedResource[];
    assumptions: Set<string>;
    logGroups: CostResource[];
    /** Every RDS instance of the stack: a read replica's storage is its source's. */
    rdsInstances: CostResource[];
}

function regionOf(r: CostResource, ctx: Context): string | undefined {
    return str(peek(r.props, "region")) ?? r.providerRegion ?? ctx.defaultRegion;
}

/**
 * Adds an item from charges whose rows are looked up by id; a missing row makes the resource unpriced instead,
 * naming the row so a refresh can add it.
 */
function add(
    ctx: Context,
    r: CostResource,
    vendor: CostItem["vendor"],
    description: string,
    charges: Array<{ quantity: number; label: string; row: string }>,
    opts: { usageBased?: boolean; region?: string; note?: string } = {},
): void {
    let region = opts.region ?? (vendor === "aws" ? regionOf(r, ctx) : "global");
    if (region === undefined) {
        ctx.unpriced.push({ urn: r.urn, type: r.type, reason: `${description}: the resource's region is not known` });
        return;
    }
    if (region !== "global" && !ctx.table.regions[region]) {
        // A region the table lacks is priced at the template region's rates (among the lowest) and says so, rather
        // than leaving the stack without an estimate until someone with AWS credentials refreshes the table.
        ctx.assumptions.add(`No prices for ${region} in the price table: its AWS items are priced at ${FALLBACK_REGION} rates, usually a little lower; \`npm run refresh-prices -- --region ${region}\` adds them.`);
        region = FALLBACK_REGION;
    }
    const resolved: Charge[] = [];
    for (const c of charges) {
        const price = findPrice(ctx.table, region, c.row);
        if (!price) {
            // A region the table prices partly reports what it lacks as unknown (never guessed from another region),
            // and says once which of its products are unknown there.
            const missing = ctx.table.missingProducts?.[region];
            if (missing) ctx.assumptions.add(`${region} is priced partly (the price table has no ${region} prices for ${missing.join(", ")}): what it lacks there is listed as not priced, never priced at another region's rates (docs/cost.md, "Regions").`);
            ctx.unpriced.push({ urn: r.urn, type: r.type, reason: `${description}: the price table has no row ${c.row} in ${region} (npm run refresh-prices adds it)` });
            return;
        }
        resolved.push({ quantity: c.quantity, label: c.label, price });
    }
    const monthly = round2(resolved.reduce((sum, c) => sum + chargeAmount(c), 0));
    const basis = resolved.map(describeCharge).join(" + ") + (opts.note ? `; ${opts.note}` : "");
    ctx.items.push({ urn: r.urn, type: r.type, description, monthly, basis, prices: resolved.map((c) => `${c.price.region}/${c.price.id}`), vendor, usageBased: opts.usageBased === true });
}

const hours = (n = 1) => ({ quantity: HOURS_PER_MONTH * n, label: n === 1 ? `${HOURS_PER_MONTH} h` : `${qty(n)} × ${HOURS_PER_MONTH} h` });

/** Engines whose instances the price table's rows cover (scripts/refresh-prices.ts looks up each). */
const PRICED_RDS_ENGINES = ["postgres", "mysql", "mariadb"];

/** The price row of an RDS instance class; PostgreSQL's rows keep their original ids, other engines name theirs. */
export function rdsInstanceRowId(instanceClass: string, engine: string, multiAz: boolean): string {
    return `rds.instance.${instanceClass}${engine === "postgres" ? "" : `.${engine}`}.${multiAz ? "multi-az" : "single-az"}`;
}

/** The price row of an ElastiCache node type running `engine`. */
export function cacheNodeRowId(nodeType: string, engine: string): string {
    return `elasticache.node.${nodeType}.${engine}`;
}

function rdsInstance(r: CostResource, ctx: Context): void {
    const p = r.props;
    const id = str(peek(p, "identifier")) ?? r.name;
    const source = replicaSource(r, ctx);
    // A replica runs its source's engine (CreateDBInstanceReadReplica takes none).
    const engine = str(peek(p, "engine")) ?? (source ? str(peek(source.props, "engine")) : undefined) ?? "postgres";
    if (!PRICED_RDS_ENGINES.includes(engine)) {
        ctx.unpriced.push({ urn: r.urn, type: r.type, reason: `RDS engine ${engine}: the price table holds ${PRICED_RDS_ENGINES.join(", ")} only` });
        return;
    }
    const cls = str(peek(p, "instanceClass"));
    if (cls === undefined) {
        ctx.unpriced.push({ urn: r.urn, type: r.type, reason: "RDS instance class not known", property: "instanceClass" });
        return;
    }
    const multiAz = peek(p, "multiAz") === true;
    const az = multiAz ? "multi-az" : "single-az";
    add(ctx, r, "aws", `${cls} ${multiAz ? "Multi-AZ" : "Single-AZ"} instance`, [{ ...hours(), row: rdsInstanceRowId(cls, engine, multiAz) }]);

    // A read replica is created with its source's storage (CreateDBInstanceReadReplica takes no size), so an
    // unstated size or type is read from the source when the stack holds it.
    const allocated = num(peek(p, "allocatedStorage")) ?? (source ? num(peek(source.props, "allocatedStorage")) : undefined);
    // RDS creates gp2 volumes when no storage type is given.
    const volume = str(peek(p, "storageType")) ?? (source ? str(peek(source.props, "storageType")) : undefined) ?? "gp2";
    if (allocated !== undefined) {
        const ceiling = num(peek(p, "maxAllocatedStorage"));
        add(ctx, r, "aws", `${allocated} GB ${volume} storage${multiAz ? " (both copies)" : ""}`, [{ quantity: allocated, label: `${allocated} GB-month`, row: `rds.storage.${volume}${engine === "postgres" ? "" : `.${engine}`}.${az}` }], {
            note: ceiling && ceiling > allocated ? `priced at the allocated size; autoscaling may grow it to ${ceiling} GB` : undefined,
        });
        // The API's default retention is 1 day when none is given.
        const retention = num(peek(p, "backupRetentionPeriod")) ?? 1;
        if (retention > 0) {
            const share = ctx.usage.backupDailyChangeShare;
            const extraGb = allocated * share * retention;
            add(ctx, r, "aws", `backups beyond the free ${allocated} GB (${retention} days retained)`, [{ quantity: extraGb, label: `${qty(extraGb)} GB-month`, row: "rds.backup-storage" }], {
                usageBased: true,
                note: `${allocated} GB full copy free, then ${qty(share * 100)}% of ${allocated} GB changed a day × ${retention} days`,
            });
            ctx.assumptions.add(`RDS backups: the database fills its ${allocated} GB and ${qty(share * 100)}% of it changes a day (service:cost.backupDailyChangeShare); each retained day adds that much backup storage.`);
        }
    } else {
        ctx.unpriced.push({ urn: r.urn, type: r.type, reason: "RDS allocated storage not known", property: "allocatedStorage" });
    }

    if (peek(p, "performanceInsightsEnabled") === true) {
        const days = num(peek(p, "performanceInsightsRetentionPeriod")) ?? 7;
        if (days <= 7) {
            ctx.items.push({ urn: r.urn, type: r.type, description: "Performance Insights, 7 days", monthly: 0, basis: "7 days of Performance Insights history are free", prices: [], vendor: "aws", usageBased: false });
        } else {
            ctx.unpriced.push({ urn: r.urn, type: r.type, reason: `Performance Insights retention of ${days} days: the price table has no row for paid retention` });
        }
    }

    const interval = num(peek(p, "monitoringInterval")) ?? 0;
    if (interval > 0) {
        const gb = ((HOURS_PER_MONTH * 3600) / interval) * ctx.usage.monitoringSampleKb / 1024 / 1024;
        // RDSOSMetrics keeps 30 days by default: about one month of samples is stored at any time.
        add(ctx, r, "aws", `enhanced monitoring every ${interval} s`, [
            { quantity: gb, label: `${qty(gb)} GB`, row: "cloudwatch.logs.ingestion" },
            { quantity: gb, label: `${qty(gb)} GB-month`, row: "cloudwatch.logs.storage" },
        ], { usageBased: true, note: `${qty((HOURS_PER_MONTH * 3600) / interval)} samples of ${ctx.usage.monitoringSampleKb} KB, kept 30 days` });
        ctx.assumptions.add(`Enhanced monitoring: ${ctx.usage.monitoringSampleKb} KB per sample written to CloudWatch Logs (service:cost.monitoringSampleKb), kept 30 days.`);
    }

    if (peek(p, "publiclyAccessible") === true) add(ctx, r, "aws", "public IPv4 address", [{ ...hours(), row: "vpc.public-ipv4" }]);
    if (peek(p, "manageMasterUserPassword") === true) {
        add(ctx, r, "aws", "master user secret (created by RDS in Secrets Manager)", [{ quantity: 1, label: "1 secret", row: "secretsmanager.secret" }]);
    }

    const exportsList = peek(p, "enabledCloudwatchLogsExports");
    const exported = Array.isArray(exportsList) ? exportsList.filter((e): e is string => typeof e === "string") : [];
    if (exported.length > 0) {
        const gb = ctx.usage.databaseLogGbPerMonth;
        const groups = exported.map((log) => ctx.logGroups.find((g) => str(peek(g.props, "name")) === `/aws/rds/instance/${id}/${log}`));
        const retentions = groups.map((g) => (g ? num(peek(g.props, "retentionInDays")) : undefined));
        // RDS creates its log groups with no expiry; a year of accumulation stands in for "never".
        const neverExpires = retentions.some((d) => d === undefined || d === 0);
        const days = neverExpires ? 365 : Math.max(...(retentions as number[]));
        const storedGb = gb * Math.min(days, 365) / DAYS_PER_MONTH;
        add(ctx, r, "aws", `log exports (${exported.join(", ")})`, [
            { quantity: gb, label: `${qty(gb)} GB`, row: "cloudwatch.logs.ingestion" },
            { quantity: storedGb, label: `${qty(storedGb)} GB-month`, row: "cloudwatch.logs.storage" },
        ], { usageBased: true, note: neverExpires ? "log groups never expire: a year of logs stored" : `kept ${days} days` });
        ctx.assumptions.add(`Database logs: ${qty(gb)} GB a month per instance into CloudWatch Logs (service:cost.databaseLogGbPerMonth), stored uncompressed${neverExpires ? "; groups without a retention are counted at a year of logs" : ""}.`);
    }
}

/** The stack's instance `r` replicates, by identifier or by ARN (`arn:aws:rds:<region>:<account>:db:<identifier>`). */
function replicaSource(r: CostResource, ctx: Context): CostResource | undefined {
    const ref = str(peek(r.props, "replicateSourceDb"));
    if (ref === undefined) return undefined;
    const id = /^arn:[^:]+:rds:[^:]*:[^:]*:db:(.+)$/.exec(ref)?.[1] ?? ref;
    return ctx.rdsInstances.find((s) => s !== r && (str(peek(s.props, "identifier")) === id || str(peek(s.props, "arn")) === ref));
}

function cacheNodes(r: CostResource, ctx: Context, nodes: number): void {
    const nodeType = str(peek(r.props, "nodeType"));
    const engine = str(peek(r.props, "engine")) ?? "redis";
    if (nodeType === undefined) {
        ctx.unpriced.push({ urn: r.urn, type: r.type, reason: "ElastiCache node type not known", property: "nodeType" });
        return;
    }
    if (engine !== "valkey" && engine !== "redis" && engine !== "memcached") {
        ctx.unpriced.push({ urn: r.urn, type: r.type, reason: `ElastiCache engine ${engine}: the price table holds Valkey, Redis OSS and Memcached only` });
        return;
    }
    add(ctx, r, "aws", `${nodes} × ${nodeType} ${engine} node${nodes === 1 ? "" : "s"}`, [{ ...hours(nodes), row: cacheNodeRowId(nodeType, engine) }]);
    ctx.assumptions.add("ElastiCache snapshots: within the free backup storage of one snapshot per node (not priced).");
}

function alarm(r: CostResource, ctx: Context): void {
    const queries = peek(r.props, "metricQueries");
    const metrics = Array.isArray(queries) ? queries.filter((q) => peek(q, "metric") !== undefined).length : 0;
    const count = Math.max(1, metrics);
    const periods = [num(peek(r.props, "period")), ...(Array.isArray(queries) ? queries.map((q) => num(peek(q, "metric", "period"))) : [])].filter((n): n is number => n !== undefined);
    const highRes = periods.some((s) => s < 60);
    add(ctx, r, "aws", `alarm on ${count} metric${count === 1 ? "" : "s"}${highRes ? ", high resolution" : ""}`, [
        { quantity: count, label: `${count} metric${count === 1 ? "" : "s"}`, row: highRes ? "cloudwatch.alarm.high-resolution" : "cloudwatch.alarm.standard" },
    ]);
}

/** Route 53 counts an endpoint as AWS when it is an AWS resource; a custom domain (a Vercel app) is not. */
const AWS_ENDPOINT = /\.(amazonaws\.com|cloudfront\.net|awsglobalaccelerator\.com)\.?$/i;

function healthCheck(r: CostResource, ctx: Context): void {
    const type = str(peek(r.props, "type")) ?? "HTTP";
    const endpoint = str(peek(r.props, "fqdn")) ?? str(peek(r.props, "ipAddress"));
    const monitorsEndpoint = !["CALCULATED", "CLOUDWATCH_METRIC", "RECOVERY_CONTROL"].includes(type);
    const aws = !monitorsEndpoint || (endpoint !== undefined && AWS_ENDPOINT.test(endpoint));
    const options: string[] = [];
    if (monitorsEndpoint) {
        if (type.startsWith("HTTPS")) options.push("HTTPS");
        if (type.endsWith("STR_MATCH")) options.push("string matching");
        if (num(peek(r.props, "requestInterval")) === 10) options.push("fast interval");
        if (peek(r.props, "measureLatency") === true) options.push("latency measurement");
    }
    const kind = aws ? "aws" : "non-aws";
    const charges = [{ quantity: 1, label: "1 check", row: `route53.health-check.${kind}` }];
    if (options.length > 0) charges.push({ quantity: options.length, label: `${options.length} option${options.length === 1 ? "" : "s"} (${options.join(", ")})`, row: `route53.health-check.option.${kind}` });
    add(ctx, r, "aws", `${type} health check of ${aws ? "an AWS" : "a non-AWS"} endpoint${options.length ? ` with ${options.join(", ")}` : ""}`, charges, { region: "global" });
}

function objectStores(buckets: CostResource[], blobs: CostResource[], ctx: Context): void {
    const stores = buckets.length + blobs.length;
    if (stores === 0) return;
    const u = ctx.usage;
    // One usage figure for the stack: shared evenly when a program creates several stores.
    const share = 1 / stores;
    const gb = u.storageGb * share;
    const writes = u.storageWritesPerMonth * share;
    const reads = u.storageReadsPerMonth * share;
    for (const b of buckets) {
        add(ctx, b, "aws", "S3 Standard storage and requests", [
            { quantity: gb, label: `${qty(gb)} GB-month`, row: "s3.standard.storage" },
            { quantity: writes, label: `${qty(writes)} writes`, row: "s3.standard.write-requests" },
            { quantity: reads, label: `${qty(reads)} reads`, row: "s3.standard.read-requests" },
        ], { usageBased: true });
    }
    for (const b of blobs) {
        if (u.vercelPlan === "enterprise") {
            ctx.unpriced.push({ urn: b.urn, type: b.type, reason: "Vercel Blob on an Enterprise plan: contract pricing" });
            continue;
        }
        if (u.vercelPlan === "hobby") {
            ctx.items.push({ urn: b.urn, type: b.type, description: "Vercel Blob on Hobby", monthly: 0, basis: "Hobby is not billed: usage past its limits is refused until the next month", prices: [], vendor: "vercel", usageBased: true });
            continue;
        }
        // A Pro team's allowance (5 GB, 100,000 simple and 10,000 advanced operations) is spent before anything is billed.
        const extraGb = Math.max(0, gb - 5);
        const extraReads = Math.max(0, reads - 100_000);
        const extraWrites = Math.max(0, writes - 10_000);
        add(ctx, b, "vercel", "Vercel Blob storage and operations beyond the Pro allowance", [
            { quantity: extraGb, label: `${qty(extraGb)} GB-month`, row: "vercel.blob.storage" },
            { quantity: extraReads, label: `${qty(extraReads)} simple operations`, row: "vercel.blob.simple-operations" },
            { quantity: extraWrites, label: `${qty(extraWrites)} advanced operations`, row: "vercel.blob.advanced-operations" },
        ], { usageBased: true, note: "reads counted as cache misses" });
    }
    ctx.assumptions.add(
        `Object storage: ${qty(u.storageGb)} GB stored (old versions included), ${qty(u.storageWritesPerMonth)} writes and ${qty(u.storageReadsPerMonth)} reads a month (service:cost.storageGb, storageWritesPerMonth, storageReadsPerMonth)${stores > 1 ? `, split evenly over ${stores} stores` : ""}; data transfer out is not priced.`,
    );
}

/** What the Upstash provider sets when `budget` is not given (@upstash/pulumi 0.5.0, redisDatabase.d.ts). */
export const UPSTASH_DEFAULT_BUDGET_USD = 20;
/** Share of the Upstash budget the estimate may take: the same headroom the AWS budget rule keeps (cost-estimate-within-budget). */
export const UPSTASH_BUDGET_SHARE = 0.8;

function upstash(r: CostResource, ctx: Context): void {
    const u = ctx.usage;
    const extraGb = Math.max(0, u.redisStorageGb - 1);
    add(ctx, r, "upstash", "Upstash Redis, pay as you go", [
        { quantity: u.redisCommandsPerMonth, label: `${qty(u.redisCommandsPerMonth)} commands`, row: "upstash.redis.commands" },
        { quantity: extraGb, label: `${qty(extraGb)} GB-month beyond the first`, row: "upstash.redis.storage" },
    ], { usageBased: true });
    // Past its budget Upstash throttles the database until the next month; unset, the provider applies $20
    // (@upstash/pulumi 0.5.0, RedisDatabaseArgs.budget: "Budget for the database (default $20)").
    const budget = num(peek(r.props, "budget")) ?? UPSTASH_DEFAULT_BUDGET_USD;
    const monthly = ctx.items.filter((i) => i.urn === r.urn).reduce((sum, i) => sum + i.monthly, 0);
    ctx.assumptions.add(
        monthly > budget * UPSTASH_BUDGET_SHARE
            ? `Upstash Redis ${r.name}: the estimate ${usd(monthly)} a month is more than ${Math.round(UPSTASH_BUDGET_SHARE * 100)}% of its ${usd(budget)} budget, past which Upstash throttles the database until the next month: raise service:cache.upstashBudgetUsd.`
            : `Upstash Redis ${r.name}: a ${usd(budget)} monthly budget (service:cache.upstashBudgetUsd), ${usd(budget - monthly)} above the estimate; past it Upstash throttles the database until the next month.`,
    );
    ctx.assumptions.add(`Upstash Redis: ${qty(u.redisCommandsPerMonth)} commands a month and ${qty(u.redisStorageGb)} GB stored (service:cost.redisCommandsPerMonth, redisStorageGb); read regions and bandwidth beyond the free 200 GB are not priced.`);
}

function vercelPlan(anchor: CostResource, ctx: Context): void {
    const { vercelPlan: plan, vercelSeats: seats } = ctx.usage;
    if (plan === "enterprise" && seats > 0) {
        ctx.unpriced.push({ urn: anchor.urn, type: anchor.type, reason: "Vercel Enterprise plan: contract pricing" });
        return;
    }
    if (seats > 0 && plan !== "enterprise") add(ctx, anchor, "vercel", `Vercel ${plan === "pro" ? "Pro" : "Hobby"} plan, ${seats} seat${seats === 1 ? "" : "s"}`, [{ quantity: seats, label: `${seats} seat${seats === 1 ? "" : "s"}`, row: `vercel.plan.${plan}` }], { usageBased: true });
    ctx.assumptions.add(
        `Vercel: the team's ${plan} plan (service:vercel.plan) with ${seats} seat${seats === 1 ? "" : "s"} counted in this stack (service:cost.vercelSeats; a team's plan is shared by its stacks, so count it in one); usage within the plan's allowances.`,
    );
}

/** The estimate of a stack's resources. */
export function estimateCost(resources: readonly CostResource[], table: PriceTable = PRICE_TABLE): CostEstimate {
    const assumptionsComponent = resources.find((r) => r.type === USAGE_ASSUMPTIONS_TYPE);
    const declared = assumptionsComponent ? peek(assumptionsComponent.props, "usage") : undefined;
    const usage: CostUsage = { ...FALLBACK_USAGE, ...(declared && typeof declared === "object" ? (declared as Partial<CostUsage>) : {}) };
    const ctx: Context = {
        table,
        usage,
        defaultRegion: assumptionsComponent ? str(peek(assumptionsComponent.props, "region")) : undefined,
        items: [],
        unpriced: [],
        assumptions: new Set(),
        logGroups: resources.filter((r) => r.type === T.logGroup),
        rdsInstances: resources.filter((r) => r.type === T.rds),
    };
    if (!assumptionsComponent) ctx.assumptions.add(`No ${USAGE_ASSUMPTIONS_TYPE} component in the stack: usage figures are the conservative defaults.`);

    const unknownTypes = new Map<string, number>();
    const buckets: CostResource[] = [];
    const blobs: CostResource[] = [];
    for (const r of resources) {
        switch (r.type) {
            case T.rds: rdsInstance(r, ctx); break;
            case T.replicationGroup: {
                const clusters = num(peek(r.props, "numCacheClusters"));
                const groups = num(peek(r.props, "numNodeGroups"));
                const replicas = num(peek(r.props, "replicasPerNodeGroup"));
                cacheNodes(r, ctx, clusters ?? (groups !== undefined || replicas !== undefined ? (groups ?? 1) * ((replicas ?? 0) + 1) : 1));
                break;
            }
            case T.cacheCluster: cacheNodes(r, ctx, num(peek(r.props, "numCacheNodes")) ?? 1); break;
            case T.eip: add(ctx, r, "aws", "Elastic IP (public IPv4)", [{ ...hours(), row: "vpc.public-ipv4" }]); break;
            case T.natGateway:
                add(ctx, r, "aws", "NAT gateway", [{ ...hours(), row: "vpc.nat-gateway" }]);
                ctx.assumptions.add("NAT gateways: hours only; the data they process is not priced.");
                break;
            case T.vpcEndpoint: {
                // Gateway endpoints (S3, DynamoDB) are free; an interface endpoint is charged per zone it has a subnet in.
                const kind = peek(r.props, "vpcEndpointType");
                if (kind === "Gateway") break;
                const subnets = peek(r.props, "subnetIds");
                const zones = Array.isArray(subnets) && subnets.length > 0 ? subnets.length : 1;
                add(ctx, r, "aws", "Interface VPC endpoint", [{ ...hours(zones), row: "vpc.interface-endpoint" }]);
                ctx.assumptions.add("Interface VPC endpoints: hours per zone (one subnet each); the data they process is not priced.");
                break;
            }
            case T.kmsKey:
                add(ctx, r, "aws", "KMS key", [{ quantity: 1, label: "1 key", row: "kms.key" }]);
                if (peek(r.props, "enableKeyRotation") === true) ctx.assumptions.add("KMS keys: first-year price; each of the first two yearly rotations adds $1 a month per key.");
                break;
            case T.secret: add(ctx, r, "aws", "Secrets Manager secret", [{ quantity: 1, label: "1 secret", row: "secretsmanager.secret" }]); break;
            case T.alarm: alarm(r, ctx); break;
            case T.healthCheck: healthCheck(r, ctx); break;
            case T.bucket: case T.bucketV2: buckets.push(r); break;
            case T.blobStore: blobs.push(r); break;
            case T.upstash: upstash(r, ctx); break;
            default:
                if (r.type.startsWith("aws:") && typeRecord(r.type)?.cost !== "free") unknownTypes.set(r.type, (unknownTypes.get(r.type) ?? 0) + 1);
        }
    }
    objectStores(buckets, blobs, ctx);
    const project = resources.find((r) => r.type === T.vercelProject);
    const anchor = project ?? assumptionsComponent;
    if (anchor && (project || resources.some((r) => r.type.startsWith("vercel:")))) vercelPlan(anchor, ctx);
    for (const [type, count] of unknownTypes) ctx.assumptions.add(`${count} × ${type}: not in the price table, counted as $0.`);
    if (ctx.logGroups.length > 0) ctx.assumptions.add("CloudWatch log groups: only the RDS log exports' ingestion is estimated; other groups' volume is not.");

    const items = ctx.items.sort((a, b) => b.monthly - a.monthly || a.urn.localeCompare(b.urn));
    const sum = (pick: (i: CostItem) => boolean) => round2(items.filter(pick).reduce((s, i) => s + i.monthly, 0));
    const dates = items.flatMap((i) => i.prices.map((ref) => ref)).map((ref) => {
        const [region, id] = [ref.slice(0, ref.indexOf("/")), ref.slice(ref.indexOf("/") + 1)];
        return findPrice(table, region === "global" ? "" : region, id)?.date;
    }).filter((d): d is string => d !== undefined).sort();
    return {
        currency: "USD",
        monthly: sum(() => true),
        priceDate: dates[0] ?? null,
        items,
        assumptions: [...ctx.assumptions],
        unpriced: ctx.unpriced,
        byVendor: { aws: sum((i) => i.vendor === "aws"), vercel: sum((i) => i.vendor === "vercel"), upstash: sum((i) => i.vendor === "upstash") },
    };
}
