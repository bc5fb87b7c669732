/**
 * The usage the cost estimate assumes (`service:cost`), as the program registers it on its
 * `service:cost:UsageAssumptions` component (components/costAssumptions.ts) and the estimator reads it
 * (policies/lib/cost/estimate.ts). No dependency at all (test/imports.test.ts).
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
