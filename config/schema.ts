/**
 * The whole stack configuration of the template, as one zod schema.
 *
 * Every setting lives under the fixed `service:` namespace (never the project name), so a new service can
 * rename its Pulumi project without orphaning its stack files. A stack file only states what differs from
 * its environment's preset (see `presets.ts`); the merged result must satisfy `ServiceConfigSchema`.
 */
import { Region } from "@pulumi/aws/types/enums";
import { z } from "zod";

/** The config namespace every key of this template lives under: `service:<key>`. */
export const CONFIG_NAMESPACE = "service";

const envVarName = z
    .string()
    .regex(/^[A-Z][A-Z0-9_]*$/, { error: "expected an UPPER_SNAKE_CASE environment variable name" });

const httpsOrigin = z
    .string()
    .regex(/^(https?:\/\/[a-z0-9.-]+(:\d{1,5})?|\*)$/, { error: "expected an origin such as https://app.example.com (scheme, lower-case host and optional port, no path)" });

/** Dotted-quad IPv4 with a prefix: four octets 0-255 without leading zeros, a prefix 0-32. */
export function parseIpv4Cidr(value: string): { address: number; prefix: number } | undefined {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
    if (!m) return undefined;
    const parts = m.slice(1).map((p) => ({ text: p, n: Number(p) }));
    if (parts.some((p) => p.text.length > 1 && p.text.startsWith("0"))) return undefined;
    if (parts.slice(0, 4).some((p) => p.n > 255) || parts[4].n > 32) return undefined;
    return { address: parts.slice(0, 4).reduce((acc, p) => acc * 256 + p.n, 0), prefix: parts[4].n };
}

/**
 * An IPv4 CIDR on its network address: AWS validates security group rule CIDRs this way
 * (hashicorp/terraform-provider-aws, internal/service/ec2/vpc_security_group_ingress_rule.go, `cidr_ipv4`:
 * IPv4CIDRNetworkAddress), so 10.0.0.1/16 is refused at deploy time.
 */
const cidr = z.string().superRefine((value, ctx) => {
    const parsed = parseIpv4Cidr(value);
    if (!parsed) {
        ctx.addIssue({ code: "custom", message: "expected an IPv4 CIDR block such as 203.0.113.10/32 (four numbers 0-255, a prefix 0-32)" });
    } else if (parsed.address % 2 ** (32 - parsed.prefix) !== 0) {
        const size = 2 ** (32 - parsed.prefix);
        const base = parsed.address - (parsed.address % size);
        const dotted = [24, 16, 8, 0].map((shift) => Math.floor(base / 2 ** shift) % 256).join(".");
        ctx.addIssue({ code: "custom", message: `expected the block's network address, ${dotted}/${parsed.prefix} (AWS refuses host bits in a CIDR)` });
    }
});

/** Every region @pulumi/aws knows (its `Region` enum): anything else fails at the provider's Configure. */
export const AWS_REGIONS: ReadonlySet<string> = new Set(Object.values(Region));

/**
 * Upstash's primary regions for a global database (upstash/terraform-provider-upstash,
 * upstash/redis/database/resource.go, `primary_region`).
 */
export const UPSTASH_PRIMARY_REGIONS = ["us-east-1", "us-west-1", "us-west-2", "eu-central-1", "eu-west-1", "sa-east-1", "ap-southeast-1", "ap-southeast-2"] as const;

/**
 * What AWS accepts in a tag value: letters, digits, spaces and `_ . : / = + - @`, at most 256 characters
 * (AWS Tagging API, "Tag naming limits and requirements"). Every resource is tagged with the owner.
 */
const awsTagValue = z
    .string()
    .min(1)
    .max(256)
    .regex(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u, { error: "expected letters, digits, spaces and _ . : / = + - @ only (it becomes an AWS tag value)" });

/** RFC 1918, /16 to /24 (what a VPC accepts), and written on its network address so subnets can be cut from it. */
function isPrivateVpcRange(value: string): boolean {
    const [address, bits] = value.split("/");
    const octets = address.split(".").map(Number);
    const prefix = Number(bits);
    const n = octets.reduce((acc, o) => acc * 256 + o, 0);
    const inRange = (base: number, size: number) => octets.every((o) => o <= 255) && n >= base && n + 2 ** (32 - prefix) <= base + size;
    const rfc1918 = inRange(10 * 2 ** 24, 2 ** 24) || inRange((172 * 256 + 16) * 2 ** 16, 2 ** 20) || inRange((192 * 256 + 168) * 2 ** 16, 2 ** 16);
    return prefix >= 16 && prefix <= 24 && n % 2 ** (32 - prefix) === 0 && rfc1918;
}

const hostname = z
    .string()
    .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { error: "expected a lower-case DNS name such as app.example.com" });

export const AwsSchema = z
    .object({
        /** AWS region every AWS resource of the stack lives in. */
        region: z.string().refine((r) => AWS_REGIONS.has(r), { error: "expected an AWS region such as us-east-1 or eu-west-1" }),
        /** The only AWS account this stack may deploy into (the account guard). Required for prod-like presets. */
        accountId: z.string().regex(/^\d{12}$/, { error: "expected a 12-digit AWS account id, quoted in YAML" }).optional(),
    })
    .strict();

export const VercelSchema = z
    .object({
        /** The Vercel team that owns the project; passed to every Vercel resource so nothing lands in a personal scope. */
        teamId: z.string().regex(/^team_[A-Za-z0-9]+$/, { error: "expected a Vercel team id such as team_abc123" }),
        /**
         * The team's URL slug (vercel.com/<slug>): the `s3` storage role trusts OIDC tokens issued by
         * https://oidc.vercel.com/<slug>. Defaults to the slug Vercel reports for `teamId`.
         */
        teamSlug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, { error: "expected the team's URL slug, such as acme (from vercel.com/acme)" }).optional(),
        /**
         * Project name to create, when `projectId` is not given. Defaults to the service name. 1-52 lower-case letters,
         * digits and hyphens (terraform-provider-vercel v5.4.1, vercel/resource_project.go, name validators).
         */
        projectName: z.string().regex(/^[a-z0-9-]{1,52}$/, { error: "expected a Vercel project name: 1-52 lower-case letters, digits or hyphens" }).optional(),
        /** Adopt an existing project (already linked to Git) by id instead of creating one. */
        projectId: z.string().regex(/^prj_[A-Za-z0-9]+$/, { error: "expected a Vercel project id such as prj_abc123" }).optional(),
        /** Framework preset of a created project. */
        framework: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: "expected a Vercel framework slug such as nextjs" }).optional(),
        /** Git repository of a created project, as `owner/name` on GitHub. */
        gitRepository: z.string().regex(/^[\w.-]+\/[\w.-]+$/, { error: "expected a GitHub repository as owner/name (letters, digits, ., _ and -)" }).optional(),
        /** Custom domain served by the production deployment. */
        domain: hostname.optional(),
        /**
         * The team enforces sensitive environment variables (Vercel team settings, "Enforce Sensitive Environment
         * Variables"; the team's `sensitiveEnvironmentVariablePolicy` is "on"): every variable of preview, production
         * or a custom environment is written sensitive. A development-only variable cannot be sensitive, so values
         * bound for development get their own non-sensitive copy. Set it before the stack's first `up`.
         */
        enforcesSensitiveEnvVars: z.boolean(),
        /** Require Vercel Authentication on preview deployments, so a branch build is never public. */
        protectPreviews: z.boolean(),
        /**
         * The team's Vercel plan: it bounds what the firewall, log drains and Secure Compute can do
         * (config/vercelPlan.ts), so a stack the plan cannot have is refused before anything is created.
         */
        plan: z.enum(["hobby", "pro", "enterprise"]),
        /** Id of the team's Secure Compute network; required when `service:reachability` is `private`. */
        secureComputeNetworkId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "expected the network id shown in the team's Secure Compute settings (letters, digits, _ and -)" }).optional(),
        /**
         * The VPC peering connection (`pcx-...`) the Secure Compute network requested to this stack's VPC; the stack
         * accepts it and routes the network's CIDR through it. Set it after the first private-mode `pulumi up`:
         * Vercel can request peering only once the VPC exists.
         */
        peeringConnectionId: z.string().regex(/^pcx-[0-9a-f]{8,17}$/, { error: "expected a VPC peering connection id such as pcx-0123456789abcdef0" }).optional(),
    })
    .strict();

/** Retention periods CloudWatch Logs accepts, except 0 (never expire). */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

export const DatabaseSchema = z
    .object({
        /** PostgreSQL major version. */
        engineVersion: z.enum(["16", "17"]),
        /**
         * Let RDS upgrade the instance to a new `engineVersion` major (AWS refuses a major upgrade without it).
         * An explicit opt-in for the one `up` that upgrades (docs/runbooks/changes.md, "Major engine upgrade").
         */
        allowMajorVersionUpgrade: z.boolean(),
        /** RDS instance class; its memory decides max_connections and so the connection budget. */
        instanceClass: z.string().regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, { error: "expected an RDS instance class such as db.t4g.micro" }),
        allocatedStorageGb: z.number().int().min(20).max(65536),
        /** Ceiling for storage autoscaling: at least 10 % above `allocatedStorageGb` (AWS refuses a smaller ceiling). */
        maxAllocatedStorageGb: z.number().int().min(21).max(65536),
        /** Days of automated backups and point-in-time restore (0 disables both). */
        backupRetentionDays: z.number().int().min(0).max(35),
        multiAz: z.boolean(),
        deletionProtection: z.boolean(),
        /** Take a final snapshot and keep automated backups when the instance is deleted. */
        finalSnapshot: z.boolean(),
        /** Performance Insights retention: 7, 731 or a multiple of 31 days. */
        performanceInsightsRetentionDays: z
            .number()
            .int()
            .refine((d) => d === 7 || d === 731 || (d > 0 && d % 31 === 0 && d <= 713), {
                error: "expected 7, 731 or a multiple of 31 up to 713",
            }),
        /** Enhanced monitoring interval in seconds (0 turns it off). */
        monitoringIntervalSeconds: z.union([0, 1, 5, 10, 15, 30, 60].map((n) => z.literal(n)) as [z.ZodLiteral<number>, z.ZodLiteral<number>]),
        /** CIDRs allowed to reach Postgres in public mode. 0.0.0.0/0 is the only choice for Vercel's dynamic egress. */
        allowedCidrs: z.array(cidr).min(1),
        /** Share of max_connections given to the app role; the rest is kept for migrations, admin and the read-only role. */
        appConnectionShare: z.number().gt(0).max(0.9),
        /** Connections per serverless instance's pool; the app role's limit divided by this is how many instances can run at once. */
        poolSize: z.number().int().min(1).max(100),
        /** Create the database, schema and roles with the postgresql provider. Needs the deployer to reach the database. */
        manageRoles: z.boolean(),
        /**
         * `pulumi up` runs inside the VPC or the peered network, so the postgresql provider can reach a private database:
         * the explicit opt-in that lets `manageRoles` stay true with private reachability.
         */
        deployerInsideVpc: z.boolean(),
        /**
         * Which of each role's two login credentials the URLs use (`<role>` or `<role>_alt`). Rotation replaces the
         * password of the one not in use and switches to it, so the running deployment keeps its working URL
         * until it is redeployed (docs/runbooks/rotate-secret.md).
         */
        activeCredential: z.enum(["primary", "alternate"]),
        /**
         * Days CloudWatch keeps the exported Postgres logs; one of the values CloudWatch Logs accepts (terraform-provider-aws v6,
         * internal/service/logs/group.go retention_in_days; 0, "never expire", is left out on purpose).
         */
        logRetentionDays: z.number().refine((d) => (LOG_RETENTION_DAYS as readonly number[]).includes(d), {
            error: `expected one of ${LOG_RETENTION_DAYS.join(", ")} (days CloudWatch Logs can keep a log group's events)`,
        }),
    })
    .strict()
    .superRefine((d, ctx) => {
        // RDS refuses a maximum storage threshold less than 10 % above the allocated storage (Amazon RDS User Guide,
        // "Managing capacity automatically with Amazon RDS storage autoscaling", USER_PIOPS.Autoscaling: "the maximum
        // storage threshold must be at least 10 percent more than the current allocated storage"). Integers, so no rounding.
        if (d.maxAllocatedStorageGb * 10 < d.allocatedStorageGb * 11) {
            const least = Math.ceil((d.allocatedStorageGb * 11) / 10);
            ctx.addIssue({
                code: "custom",
                path: ["maxAllocatedStorageGb"],
                message: `at least ${least} GiB: maxAllocatedStorageGb (${d.maxAllocatedStorageGb}) must be at least 10 % above allocatedStorageGb (${d.allocatedStorageGb}), or RDS refuses the instance and storage cannot autoscale`,
            });
        }
    });

export const StorageSchema = z
    .object({
        /** `s3`: a private bucket reached through Vercel OIDC; `blob`: a private Vercel Blob store. */
        backend: z.enum(["s3", "blob"]),
        /** Keep old object versions, so an overwrite or delete can be undone. */
        versioning: z.boolean(),
        /** Days an overwritten or deleted version is kept before it expires. */
        noncurrentVersionExpirationDays: z.number().int().min(1).max(3650),
        /** Days before an unfinished multipart upload is aborted and its parts deleted. */
        abortIncompleteUploadDays: z.number().int().min(1).max(30),
        /** Origins allowed to use the bucket from a browser (presigned uploads). */
        corsOrigins: z.array(httpsOrigin),
        /**
         * ARN of an IAM OIDC provider for the team's Vercel issuer that already exists in the AWS account, instead of
         * the shared stack's (an account holds one provider per issuer; docs/decisions/shared-singletons.md).
         */
        oidcProviderArn: z
            .string()
            .regex(/^arn:aws[a-z-]*:iam::\d{12}:oidc-provider\/oidc\.vercel\.com\/[a-z0-9-]+$/, { error: "expected arn:aws:iam::<account>:oidc-provider/oidc.vercel.com/<team slug>" })
            .optional(),
        /**
         * This stack deploys into an AWS account the shared stack does not: it creates that account's OIDC provider
         * for the team's Vercel issuer itself (one stack per account may).
         */
        ownOidcProvider: z.boolean(),
    })
    .strict();

export const CacheSchema = z
    .object({
        /** `elasticache` needs private reachability; `upstash` is a serverless TLS Redis Vercel can reach. */
        backend: z.enum(["elasticache", "upstash"]),
        engine: z.enum(["valkey", "redis"]),
        nodeType: z.string().regex(/^cache\.[a-z0-9]+\.[a-z0-9]+$/, { error: "expected a node type such as cache.t4g.micro" }),
        /** Nodes in the replication group; 2 or more enables automatic failover. */
        nodes: z.number().int().min(1).max(6),
        /** Days of daily snapshots (0 = none). */
        snapshotRetentionDays: z.number().int().min(0).max(35),
        /** Upstash primary region, close to the Vercel functions. */
        upstashRegion: z.enum(UPSTASH_PRIMARY_REGIONS),
        /**
         * Monthly spend limit of the Upstash database in USD: past it Upstash throttles the database until the next
         * month (@upstash/pulumi 0.5.0 RedisDatabaseArgs.budget, "default $20"). Keep it well above the estimate
         * (`npm run check` prints both), so a busy month slows nothing.
         */
        upstashBudgetUsd: z.number().int({ error: "expected whole US dollars" }).min(1).max(1_000_000),
    })
    .strict();

export const SecretsSchema = z
    .object({
        /** App secrets to generate (session key, JWT secret, ...), each handed to the app under this name. */
        generated: z.array(envVarName),
        /** Length in bytes of every generated app secret. */
        lengthBytes: z.number().int().min(32).max(128),
        /** Also keep every generated secret in AWS Secrets Manager (so it can be read or rotated outside Pulumi). */
        storeInSecretsManager: z.boolean(),
        /** Days a deleted Secrets Manager secret can still be recovered. */
        recoveryWindowDays: z.number().int().min(7).max(30),
    })
    .strict();

export const AppSchema = z
    .object({
        /** Origins the API accepts cross-origin requests from (CORS_ORIGINS). */
        corsOrigins: z.array(httpsOrigin),
        logLevel: z.enum(["DEBUG", "INFO", "WARN", "ERROR"]),
        /** Third-party keys the app needs, each read from secret config `service:apiKeys.<NAME>`. */
        requiredApiKeys: z.array(envVarName),
        /** Plain, non-secret variables handed to the app as they are. */
        plainEnv: z.record(envVarName, z.string()),
        /** Path of the health endpoint the uptime check calls. */
        healthPath: z.string().regex(/^\/[\w\-./]*$/, { error: "expected a path such as /health" }),
        /**
         * Pre-launch: until this day (UTC, YYYY-MM-DD) the production domain is not expected to serve the app yet (the
         * first deployment, DNS). The uptime check runs, but its alarm pages nobody: its actions are off, waived by an
         * exemption of alarm-actions-reach-subscriber that expires that day (at most 180 days away: exemptions-valid).
         * Remove the key once the health path answers; past the date the pack blocks every deploy until it is removed.
         * Why: docs/decisions/first-deploy.md.
         */
        prelaunchUntil: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "expected a day as YYYY-MM-DD, such as 2027-01-31" })
            .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { error: "expected a real calendar day as YYYY-MM-DD" })
            .optional(),
    })
    .strict();

export const RateLimitRuleSchema = z
    .object({
        /** Vercel names firewall rules with 4-160 characters (terraform-provider-vercel v5.4.1, vercel/resource_firewall_config.go, rule name LengthBetween). */
        name: z.string().regex(/^[a-z0-9-]{4,160}$/, { error: "expected a kebab-case rule name of 4-160 characters (Vercel's firewall refuses shorter names)" }),
        /** Request path prefix the rule covers, such as /api/chat; at most 180 characters, so the rule's description stays within Vercel's 260. */
        pathPrefix: z.string().max(180).regex(/^\/[\w\-./]*$/, { error: "expected a path prefix such as /api/chat" }),
        /** Requests allowed per window per key. */
        limit: z.number().int().min(1).max(100000),
        windowSeconds: z.number().int().min(10).max(86400),
        /** What a client is counted by. */
        key: z.enum(["ip", "ja4"]),
        /** What happens past the limit. */
        action: z.enum(["rate_limit", "deny", "log"]),
    })
    .strict();

export const AlertsSchema = z
    .object({
        /** Addresses subscribed to the alerts topic (they must confirm the subscription). */
        emails: z.array(z.email({ error: "expected an email address" })),
        /** Alarm when the database connections exceed this share of the budget. */
        connectionsAlarmShare: z.number().gt(0).max(1),
    })
    .strict();

export const BudgetSchema = z
    .object({
        /** Monthly AWS spend limit of this stack, in USD. */
        monthlyUsd: z.number().positive().max(1_000_000),
        /** Alert thresholds as percentages of the limit. */
        alertPercentages: z.array(z.number().int().min(1).max(1000)).min(1),
    })
    .strict();

/**
 * Usage the cost estimate cannot read from any resource (readiness/cost, policies/lib/cost). The presets' figures
 * are deliberately on the high side for a small service; set your own as traffic becomes known.
 */
export const CostSchema = z
    .object({
        /** GB kept in the object store (S3 or Vercel Blob), old versions included. */
        storageGb: z.number().min(0).max(1_000_000),
        /** Uploads, copies and lists a month. */
        storageWritesPerMonth: z.number().int().min(0),
        /** Object reads a month. */
        storageReadsPerMonth: z.number().int().min(0),
        /** Upstash Redis commands a month. */
        redisCommandsPerMonth: z.number().int().min(0),
        /** GB kept in Upstash Redis. */
        redisStorageGb: z.number().min(0).max(100),
        /** GB a month the database writes to CloudWatch Logs through its log exports. */
        databaseLogGbPerMonth: z.number().min(0).max(100_000),
        /** Share of the database's allocated storage that changes each day (what each retained day of backups adds). */
        backupDailyChangeShare: z.number().min(0).max(1),
        /** KB each enhanced-monitoring sample writes to CloudWatch Logs. */
        monitoringSampleKb: z.number().positive().max(1024),
        /** Seats of the team's plan (`service:vercel.plan`) this stack's estimate carries: the plan is the team's, so count it in one stack. */
        vercelSeats: z.number().int().min(0).max(1000),
    })
    .strict();

export const LogDrainSchema = z
    .object({
        /** HTTPS endpoint receiving Vercel logs (needs a Pro or Enterprise plan and a verified endpoint). */
        endpoint: z.url({ protocol: /^https$/, error: "expected an https:// URL" }),
        deliveryFormat: z.enum(["json", "ndjson"]),
    })
    .strict();

/**
 * A Sentry slug (organization, team, project): lower-case letters, digits, `-` and `_`, as Sentry's own slugs
 * are, at most 50 characters.
 */
const sentrySlug = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,49}$/, { error: "expected a Sentry slug: 1-50 lower-case letters, digits, - or _ (as in sentry.io/organizations/<slug>/)" });

/**
 * Time windows of Sentry's metric monitors, in minutes, from 5: the monitors run on spans, and a span monitor's
 * window is at least 5 minutes (contracts/sentry.ts, EAP_MIN_WINDOW_SECONDS).
 */
export const SENTRY_ALERT_WINDOWS = [5, 10, 15, 30, 60, 120, 240, 1440] as const;
const sentryWindow = z.number().refine((m) => (SENTRY_ALERT_WINDOWS as readonly number[]).includes(m), { error: `expected one of ${SENTRY_ALERT_WINDOWS.join(", ")} (minutes a Sentry span monitor can evaluate)` });

export const SentryAlertsSchema = z
    .object({
        /** An issue alert on every new issue and every regression (a resolved issue seen again). */
        newIssues: z.boolean(),
        /** Metric monitor when the share of failed transactions (spans, failure_rate()) exceeds this percentage (0 turns it off). */
        errorRatePercent: z.number().min(0).max(100),
        errorRateWindowMinutes: sentryWindow,
        /** Metric monitor when more than this many transactions (spans) end in a 5xx within the window (0 turns it off). */
        serverErrorsPerWindow: z.number().int().min(0),
        serverErrorsWindowMinutes: sentryWindow,
        /**
         * Where alerts go besides the team's members by email: a Slack channel of an installed Slack integration
         * (its id from Settings, Integrations). Without it, alerts email the members of `service:sentry.team`.
         */
        slack: z
            .object({
                integrationId: z.string().regex(/^\d+$/, { error: "expected the numeric id of the organization's Slack integration" }),
                channel: z.string().regex(/^#[a-z0-9][a-z0-9_-]{0,79}$/, { error: "expected a Slack channel such as #alerts" }),
            })
            .strict()
            .optional(),
    })
    .strict();

export const SentrySchema = z
    .object({
        /**
         * `managed`: the stack creates (or adopts) the environment's Sentry project, its client key and its alert rules,
         * and hands the key's DSN to the app; `external`: Sentry is kept outside Pulumi and `SENTRY_DSN` is pasted into
         * `service:apiKeys` by hand.
         */
        mode: z.enum(["managed", "external"]),
        /** Organization slug; required when managed. */
        organization: sentrySlug.optional(),
        /** Team that owns the project and receives its alerts; required when managed. */
        team: sentrySlug.optional(),
        /** Project slug; defaults to `<service>-<environment>`, so every environment reports into its own project. */
        projectSlug: sentrySlug.optional(),
        /** Use the existing project `projectSlug` instead of creating one: the stack adds its key and alerts to it. */
        adopt: z.boolean(),
        alerts: SentryAlertsSchema,
    })
    .strict()
    .superRefine((s, ctx) => {
        if (s.mode !== "managed") return;
        for (const key of ["organization", "team"] as const) {
            if (!s[key]) ctx.addIssue({ code: "custom", path: [key], message: `expected a Sentry ${key} slug: mode "managed" creates the project in it (or choose mode "external" and set service:apiKeys.SENTRY_DSN)` });
        }
        if (s.adopt && !s.projectSlug) ctx.addIssue({ code: "custom", path: ["projectSlug"], message: "expected the slug of the project to adopt (adopt is true)" });
    });

/** A service name: a DNS-safe slug (the physical names derived from it set the real ceiling, config/names.ts). */
const serviceName = z
    .string()
    .min(3)
    .max(63)
    .regex(/^[a-z](?:[a-z0-9]|-(?!-))*[a-z0-9]$/, {
        error: "expected 3 or more lower-case letters, digits or single hyphens, starting with a letter and ending with a letter or digit (no `--`: RDS and ElastiCache identifiers refuse it)",
    });

export const ServiceConfigSchema = z
    .object({
        /** Preset name: picks every default below. */
        environment: z.string(),
        /** Service name: a DNS-safe slug that prefixes every physical name together with the environment. */
        // The real ceiling is set by the physical names derived from it (config/names.ts), checked after the schema.
        name: serviceName,
        /**
         * What the stack's resources are named after, when it is not `name`: set `identity.name` to the old name
         * when renaming the service, and every logical and physical name keeps it, so nothing is replaced
         * (docs/runbooks/changes.md, "Renaming the service").
         */
        identity: z.object({ name: serviceName }).strict().optional(),
        /** Team or person accountable for the service; tagged on every resource. */
        owner: awsTagValue,
        /** `public`: datastores reachable over the internet with TLS; `private`: VPC-only, for Vercel Secure Compute. */
        reachability: z.enum(["public", "private"]),
        /** Protect and retain stateful resources: `pulumi destroy` and replacements cannot remove data. */
        protectData: z.boolean(),
        /**
         * The stack owning the team's Vercel project and the account's OIDC provider, as `<org>/<project>/<stack>`.
         * Defaults to `<this org>/<this project>/shared`; unused by the shared stack itself.
         */
        sharedStack: z.string().regex(/^[\w.-]+\/[\w.-]+\/[\w.-]+$/, { error: "expected a fully qualified stack name such as acme/orbit-notes/shared" }).optional(),
        aws: AwsSchema,
        vercel: VercelSchema,
        /** Availability zones the VPC's private subnets span. */
        availabilityZones: z.number().int().min(2).max(3),
        /**
         * Private IPv4 range of the VPC, /16 to /24, cut into eight subnets. It cannot change without replacing the
         * network, and in private mode it must not overlap the Secure Compute network's CIDR.
         */
        vpcCidr: cidr.refine(isPrivateVpcRange, { error: "expected a private (RFC 1918) range from /16 to /24 on its network address, such as 10.42.0.0/16" }),
        database: DatabaseSchema,
        storage: StorageSchema,
        cache: CacheSchema,
        secrets: SecretsSchema,
        /** Third-party keys (OpenAI, Anthropic, Sentry, ...), set with `pulumi config set --secret --path`. */
        apiKeys: z.record(envVarName, z.string().min(1, { error: "expected a non-empty key" })),
        app: AppSchema,
        rateLimits: z.array(RateLimitRuleSchema),
        alerts: AlertsSchema,
        budget: BudgetSchema,
        cost: CostSchema,
        logDrain: LogDrainSchema.optional(),
        /** Error tracking: a Sentry project, key and alert rules per environment, or a DSN kept by hand. */
        sentry: SentrySchema,
    })
    .strict();

export type ServiceConfig = z.infer<typeof ServiceConfigSchema>;

/** The validated config; third-party keys are kept apart as secret outputs so they cannot be used in plain text. */
/**
 * What the cross-key checks (`crossFieldProblems` in load.ts) guarantee of a config `parseServiceConfig` returns, as
 * types, so code past validation reads them instead of checking again: private reachability has its Secure Compute network.
 */
export type CrossKeyGuarantees = { reachability: "public" } | { reachability: "private"; vercel: { secureComputeNetworkId: string } };

/** A config that passed every check of `parseServiceConfig`. */
export type CheckedServiceConfig = ServiceConfig & CrossKeyGuarantees;

/** `Omit` member by member, so a union keeps its discriminant. */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type PlainServiceConfig = OmitEach<CheckedServiceConfig, "apiKeys">;
export type DatabaseConfig = ServiceConfig["database"];
export type RateLimitRule = ServiceConfig["rateLimits"][number];

/** Keys whose values must come from `pulumi config set --secret`: a plain-text value in a stack file is refused. */
export const SECRET_KEYS: ReadonlyArray<keyof ServiceConfig> = ["apiKeys"];
