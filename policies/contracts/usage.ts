// Generated from contracts/usage.ts by `npm run pack-contracts` (scripts/pack-contracts.js): the pack is
// published on its own, so it carries its copy of what it shares with the program. Edit contracts/usage.ts.
/**
 * The usage a cost estimate cannot read from any resource (`service:cost`), as the program registers it on its
 * `service:cost:UsageAssumptions` component (components/costAssumptions.ts) and the estimate reads it
 * (policies/lib/cost/estimate.ts), and prod's figures for it: one home for both the prod preset
 * (config/presets.ts) and the estimate of a stack that carries no usage component. No dependency at all
 * (test/imports.test.ts).
 */

/** Usage the estimate cannot read from any resource: `service:cost`, and the team's plan from `service:vercel.plan`. */
export interface CostUsage {
    /** GB kept in the object store (S3 or Vercel Blob), old versions included. */
    storageGb: number;
    /** Uploads, copies and lists a month (S3 PUT/COPY/POST/LIST, Blob advanced operations). */
    storageWritesPerMonth: number;
    /** Reads a month (S3 GET, Blob cache-miss reads). */
    storageReadsPerMonth: number;
    /** Upstash Redis commands a month. */
    redisCommandsPerMonth: number;
    /** GB kept in Upstash Redis. */
    redisStorageGb: number;
    /** GB a month each RDS instance writes to CloudWatch Logs through its log exports. */
    databaseLogGbPerMonth: number;
    /** Share of the allocated database storage that changes each day: what each day of backups adds. */
    backupDailyChangeShare: number;
    /** KB one enhanced-monitoring sample of an RDS instance writes to CloudWatch Logs. */
    monitoringSampleKb: number;
    /** The Vercel team's plan, and how many of its seats this stack's estimate carries. */
    vercelPlan: "hobby" | "pro" | "enterprise";
    vercelSeats: number;
}

/** Prod's `service:cost`: deliberately on the high side for a small service, so a budget set against it holds. */
export const PROD_COST_USAGE: Readonly<Omit<CostUsage, "vercelPlan">> = {
    storageGb: 50,
    storageWritesPerMonth: 1_000_000,
    storageReadsPerMonth: 10_000_000,
    // About $20 a month at Upstash's price: prod's Upstash budget (service:cache.upstashBudgetUsd) is three times that.
    redisCommandsPerMonth: 10_000_000,
    redisStorageGb: 1,
    databaseLogGbPerMonth: 5,
    backupDailyChangeShare: 0.05,
    // A sample carries the process list as well as the OS counters: several KB; 10 errs high.
    monitoringSampleKb: 10,
    // The team's Vercel plan is counted once, in prod.
    vercelSeats: 1,
};
