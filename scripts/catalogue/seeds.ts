/**
 * The seed map: what five real production-readiness checklists ask for, deduplicated into items, and how the
 * pack answers each one: the rules that enforce it, or why it is out of a deploy gate's reach (app code or a
 * process). `npm run catalogue` renders it into docs/rules.md; test/catalogue.test.ts keeps it honest (every
 * rule named exists, every rule is reached by an item or marked supporting).
 *
 * Item ids are stable: docs and reviews refer to them. The source texts are quoted from the checklists.
 */

/** The seed checklists, by file name, with what each one is. */
export const SEEDS = {
    "000_4eac1ed4926e2034.txt": "Ask-Chopper: a Flask app moving to Vercel, checklist before a 10-user test",
    "001_9968bd6842696db4.txt": "AI todo chatbot (FastAPI): production readiness checklist, marked complete",
    "002_8f8a0c43407669fd.txt": "RAG document assistant: what a fully production-ready app still needs",
    "003_3aa5b3d81174b989.txt": "Creator analytics app on Railway: audit before 20 real users",
    "004_09697a93302eb555.txt": "YouTopia (Render backend, Vercel frontend): production deployment checklist",
} as const;

export type SeedFile = keyof typeof SEEDS;

export interface SeedSource {
    seed: SeedFile;
    /** The checklist's own words. */
    text: string;
}

interface ItemBase {
    /** Stable kebab-case id. */
    id: string;
    /** What the item asks for, in one line. */
    title: string;
    sources: SeedSource[];
}

export type SeedItem = ItemBase &
    (
        | { enforcedBy: string[]; outOfScope?: never; reason?: never }
        | {
              enforcedBy?: never;
              /** `app-code`: the app's own source decides it; `process`: people or another system do. */
              outOfScope: "app-code" | "process";
              /** One line: why no deploy-time rule can decide it. */
              reason: string;
          }
    );

const s000 = (text: string): SeedSource => ({ seed: "000_4eac1ed4926e2034.txt", text });
const s001 = (text: string): SeedSource => ({ seed: "001_9968bd6842696db4.txt", text });
const s002 = (text: string): SeedSource => ({ seed: "002_8f8a0c43407669fd.txt", text });
const s003 = (text: string): SeedSource => ({ seed: "003_3aa5b3d81174b989.txt", text });
const s004 = (text: string): SeedSource => ({ seed: "004_09697a93302eb555.txt", text });

export const seedItems: SeedItem[] = [
    // ── Data ─────────────────────────────────────────────────────────────────────────────────────────────
    {
        id: "managed-database",
        title: "Data lives in a managed Postgres database that is encrypted, highly available and cannot be deleted by accident",
        sources: [s000("Migrate from SQLite to Vercel Postgres or Supabase"), s004("Use production PostgreSQL database (separate Render instance)")],
        enforcedBy: [
            "rds-storage-encrypted",
            "rds-performance-insights-encrypted",
            "kms-key-rotation",
            "kms-key-policy-restricted",
            "kms-no-lockout-bypass",
            "kms-key-enabled-while-used",
            "rds-deletion-protection",
            "rds-multi-az",
            "stateful-resources-protected",
        ],
    },
    {
        id: "database-backups",
        title: "Automated database backups with point-in-time restore, kept long enough and surviving deletion",
        sources: [
            s000("Plan database backup strategy"),
            s001("Backup retention policy defined (30 days)"),
            s002("Automated daily backups"),
            s002("Set up point-in-time recovery"),
            s003("Verify backup schedule, test restore"),
            s004("Database backups enabled on Render"),
            s004("Database backup schedule configured"),
        ],
        enforcedBy: ["rds-backup-retention", "rds-final-snapshot", "rds-copy-tags-to-snapshot", "dynamodb-recoverable"],
    },
    {
        id: "restore-tested",
        title: "Restoring a backup has been rehearsed",
        sources: [s001("Backup tested (restore successful)"), s002("Test restore procedures"), s004("Backup restore procedure tested")],
        outOfScope: "process",
        reason: "A restore drill acts on a running stack; the pack keeps the backups (rds-backup-retention) but cannot prove a restore works.",
    },
    {
        id: "database-reachable",
        title: "The deployed app can actually reach its database",
        sources: [s000("Test database connections in production environment"), s003("Check database connection limits")],
        enforcedBy: ["private-datastore-reachable", "rds-not-public-without-tls"],
    },
    {
        id: "connection-pooling",
        title: "Connections are pooled within a budget the database can hold, with an alarm before it runs out",
        sources: [
            s000("Implement connection pooling (use SQLAlchemy pool settings)"),
            s001("Connection pooling configured (10 baseline + 20 overflow)"),
            s003("Configure database pool"),
            s004("Database connection pooling configured (pool_size=5, max_overflow=10)"),
        ],
        enforcedBy: ["postgres-role-least-privilege", "datastore-alarms"],
    },
    {
        id: "connection-resilience",
        title: "The app survives database restarts: pre-ping, retries with backoff",
        sources: [s001("Pool pre-ping enabled (detects DB restarts)"), s001("Database retry logic (exponential backoff)")],
        outOfScope: "app-code",
        reason: "Pool and retry settings live in the app's database client; the stack only hands it DATABASE_URL and DATABASE_POOL_SIZE.",
    },
    {
        id: "datastore-capacity-alarms",
        title: "Free storage, connections and memory of the datastores are watched, and storage grows before it fills",
        sources: [
            s001("Database pool exhaustion"),
            s001("Disk space < 10% free"),
            s003("Database connections > 80%"),
            s004("Database storage limits monitored"),
        ],
        enforcedBy: ["datastore-alarms", "rds-storage-autoscaling", "alarm-actions-reach-subscriber"],
    },
    {
        id: "database-monitoring",
        title: "Database query performance is observable",
        sources: [s000("Monitor database query performance"), s001("Query performance logging active"), s004("Database query performance monitoring")],
        enforcedBy: ["rds-monitoring"],
    },
    {
        id: "database-maintenance",
        title: "The database takes its patches in a maintenance window and stays on a supported version",
        sources: [s004("Database maintenance window configured")],
        enforcedBy: ["rds-minor-version-upgrade", "rds-no-extended-support", "rds-ca-certificate-current"],
    },
    {
        id: "schema-migrations",
        title: "Schema changes go through versioned migrations that are run on deploy",
        sources: [s000("Run database migrations"), s001("Alembic migrations versioned"), s002("Set up Alembic for schema migrations"), s003("Run migration on production DB")],
        outOfScope: "process",
        reason: "Migrations run from the deploy pipeline with the migration role the stack creates; whether they ran is not visible to a deploy of infrastructure.",
    },
    {
        id: "database-indexes",
        title: "Queries are backed by indexes",
        sources: [s000("Add database indexes:"), s001("Indexes on all foreign keys"), s004("Query optimization (indexes on frequently queried fields)")],
        outOfScope: "app-code",
        reason: "Indexes are part of the app's schema migrations.",
    },
    {
        id: "object-storage",
        title: "Uploaded files go to durable, encrypted object storage, not the function's disk",
        sources: [s000("Set up Vercel Blob or S3 bucket"), s004("Use production S3 bucket (`S3_BUCKET_NAME=youtopia-s3-prod`)")],
        enforcedBy: ["s3-versioning", "s3-encryption-at-rest", "s3-policy-no-deny-all"],
    },
    {
        id: "object-storage-private",
        title: "Object storage is not publicly accessible; the app reaches it with scoped, keyless credentials",
        sources: [s004("S3 bucket access restricted (not publicly accessible)")],
        enforcedBy: [
            "s3-public-access-blocked",
            "s3-acls-disabled",
            "s3-no-public-policy",
            "s3-no-website-hosting",
            "blob-store-private",
            "iam-oidc-role-scoped",
            "iam-no-data-exfiltration",
        ],
    },
    {
        id: "storage-lifecycle",
        title: "Old files and versions expire instead of accumulating cost",
        sources: [s004("AWS S3 lifecycle policies configured (delete old files?)")],
        enforcedBy: ["s3-lifecycle"],
    },
    {
        id: "redis",
        title: "A Redis for caching, sessions and rate limits that is encrypted, authenticated, highly available and backed up",
        sources: [
            s000("Consider Redis-backed sessions for better scalability"),
            s001("Redis caching for frequent queries (optional)"),
            s002("Cache frequent database queries in Redis"),
            s003("Add Redis to Railway, set `REDIS_URL` env var"),
        ],
        enforcedBy: [
            "elasticache-encryption-in-transit",
            "elasticache-encryption-at-rest",
            "elasticache-auth-token",
            "upstash-tls",
            "elasticache-failover",
            "elasticache-snapshots",
            "elasticache-minor-version-upgrade",
            "elasticache-custom-subnet-group",
            "elasticache-auth-token-generated",
        ],
    },

    // ── Secrets and configuration ───────────────────────────────────────────────────────────────────────
    {
        id: "strong-secrets",
        title: "App secrets (session key, JWT secret) are random and at least 32 bytes",
        sources: [
            s000('Generate strong random secret key: `python -c "import secrets; print(secrets.token_hex(32))"`'),
            s001("JWT tokens with secure secrets (min 32 characters)"),
            s001("Minimum secret length enforced (32 chars)"),
        ],
        enforcedBy: ["generated-secret-strength"],
    },
    {
        id: "secrets-out-of-code",
        title: "Secrets live in the platform's secret store, never in code, config files or git",
        sources: [
            s000("Add to Vercel environment variables (never commit to git)"),
            s001("Secrets stored in environment variables only"),
            s001("Database connection strings not in code"),
            s004("Secrets stored in deployment platform (Render/Vercel), not in code"),
            s004("`.env` files in `.gitignore` and never committed"),
        ],
        enforcedBy: ["vercel-env-secrets-sensitive", "rds-master-password-managed", "aws-provider-no-static-credentials", "lambda-environment-safe", "ssm-secrets-encrypted"],
    },
    {
        id: "credential-rotation",
        title: "Database credentials are rotated rather than fixed forever",
        sources: [s002("Credentials for the database should be changed, new OpenAI API key created (TODO)")],
        enforcedBy: ["rds-master-password-managed"],
    },
    {
        id: "required-env-vars",
        title: "Every variable the app needs is set in every deployment environment",
        sources: [
            s000("Update DATABASE_URL in Vercel environment variables"),
            s001("Required variables validated on startup"),
            s003("Verify all environment variables set"),
            s004("Environment variables set for production"),
            s004("Clerk webhook signing secrets configured (if using webhooks)"),
        ],
        enforcedBy: ["vercel-required-env-vars"],
    },
    {
        id: "environment-separation",
        title: "Each environment has its own resources and configuration; nothing is shared or hard-coded across them",
        sources: [
            s000("Set up staging environment"),
            s001("Production vs staging configuration separated"),
            s002("Hardcoded configs must be removed again (TODO)"),
            s004("Use development S3 bucket (`S3_BUCKET_NAME=youtopia-s3-dev`)"),
            s004("Use development PostgreSQL database (can be local or Render dev instance)"),
        ],
        enforcedBy: ["names-carry-environment", "aws-provider-account-pinned", "vercel-env-targets-match-environment", "environments-share-no-data"],
    },
    {
        id: "third-party-keys-per-environment",
        title: "Production uses live third-party keys and development test keys, never the other way round",
        sources: [
            s004("Use production Clerk instance (`CLERK_SECRET_KEY=sk_live_...`)"),
            s004("Set `VITE_CLERK_PUBLISHABLE_KEY` to production key (`pk_live_...`)"),
            s004("Use development Clerk instance (`CLERK_SECRET_KEY=sk_test_...`)"),
            s004("Separate Clerk applications for dev and prod"),
        ],
        enforcedBy: ["third-party-key-environment"],
    },
    {
        id: "production-log-level",
        title: "Production runs without debug mode or DEBUG logging",
        sources: [s001("Log levels appropriate (INFO for production)"), s001("Debug mode disabled in production"), s004("Log levels configured (`INFO` for prod, `DEBUG` for dev)")],
        enforcedBy: ["vercel-required-env-vars", "vercel-no-debug-in-production"],
    },

    // ── Edge and traffic ────────────────────────────────────────────────────────────────────────────────
    {
        id: "cors-restricted",
        title: "CORS allows only the app's own production origins",
        sources: [
            s000("Configure CORS to restrict origins (app.py line 37)"),
            s001("CORS origins configured"),
            s002("**Set up CORS properly**"),
            s003("Verify CORS origins include production domain"),
            s004("CORS origins properly configured for production only"),
            s004("Remove localhost from production"),
        ],
        enforcedBy: ["cors-origins-restricted"],
    },
    {
        id: "rate-limiting",
        title: "Abuse-prone routes (chat, uploads, sign-up, the whole API) are rate limited",
        sources: [
            s000("Add rate limiting with Flask-Limiter"),
            s000("Chat endpoints: 10 requests/minute per user"),
            s000("Registration: 3 attempts/hour per IP"),
            s002("**Add rate limiting**"),
            s003("Add rate limiting middleware for critical endpoints"),
            s004("**CRITICAL**: Implement rate limiting (see recommendations below)"),
        ],
        enforcedBy: ["vercel-rate-limit-configured"],
    },
    {
        id: "tls-everywhere",
        title: "Every connection, to the app and between the app and its data, uses TLS",
        sources: [s004("HTTPS enforced (automatic on Vercel/Render)")],
        enforcedBy: ["rds-tls-enforced", "rds-not-public-without-tls", "s3-tls-only", "elasticache-encryption-in-transit", "upstash-tls", "cloudfront-https-only"],
    },
    {
        id: "preview-deployments-isolated",
        title: "Preview deployments exist for pull requests but are neither public nor wired to production data",
        sources: [s004("Set up preview deployments for PRs (using dev backend)"), s004("Preview deployments enabled for PRs")],
        enforcedBy: ["vercel-preview-protection", "vercel-env-targets-match-environment"],
    },
    {
        id: "custom-domain",
        title: "The app is served on its custom domain with a certificate",
        sources: [s004("Configure custom domain: `you-topia.ai`"), s004("Custom domain configured with SSL")],
        outOfScope: "process",
        reason: "Registering the domain and its DNS records happens outside the stack; the template attaches `service:vercel.domain` and Vercel issues the certificate.",
    },

    // ── Monitoring ──────────────────────────────────────────────────────────────────────────────────────
    {
        id: "error-tracking",
        title: "Errors are reported to an error tracker such as Sentry",
        sources: [
            s000("Set up Sentry for error tracking"),
            s002("Sentry for error tracking"),
            s003("`SENTRY_DSN` not set, errors won't be tracked"),
            s004("Sentry (or similar) configured for backend"),
        ],
        enforcedBy: ["vercel-required-env-vars", "sentry-dsn-from-stack-key", "sentry-environment-separate"],
    },
    {
        id: "uptime-monitoring",
        title: "An external check watches the health endpoint and pages someone when it fails",
        sources: [
            s000("Set up uptime monitoring (Vercel Analytics or UptimeRobot)"),
            s004("Uptime monitor configured (UptimeRobot, Pingdom, etc.)"),
            s004("Health check endpoint monitored (`/health`)"),
            s004("Alerts configured for downtime"),
        ],
        enforcedBy: ["health-check-monitored", "alarm-actions-reach-subscriber"],
    },
    {
        id: "alerts-reach-people",
        title: "Alerts are delivered to people (email, chat), not just recorded",
        sources: [s000("Set up alerts for errors"), s001("Alert notifications configured"), s003("Configure alerts for errors"), s004("Error notifications configured (email/Slack)")],
        enforcedBy: ["alarm-actions-reach-subscriber", "sns-topic-policy-restricted", "sentry-error-rate-alert", "sentry-alerts-current-api"],
    },
    {
        id: "app-metric-alerts",
        title: "Error-rate thresholds raise alerts",
        sources: [s001("Error rate > 1%"), s003("Error rate > 5% for 5 minutes")],
        enforcedBy: ["sentry-error-rate-alert"],
    },
    {
        id: "app-latency-alerts",
        title: "Latency thresholds raise alerts",
        sources: [s001("p95 response time > 2.5s"), s003("Response time > 2s for 5 minutes")],
        outOfScope: "process",
        reason: "Latency is measured by the APM the app reports to (Sentry performance needs the app's tracing), and its alert rules are configured there.",
    },
    {
        id: "health-endpoint",
        title: "The app exposes a health endpoint that checks its dependencies",
        sources: [s000("Add health check endpoint `/health`"), s001("Health endpoint at `/health`"), s001("Database connectivity check")],
        outOfScope: "app-code",
        reason: "The endpoint is the app's; the stack only monitors the path it is given (`service:app.healthPath`).",
    },
    {
        id: "structured-logging",
        title: "The app logs structured records instead of prints",
        sources: [
            s000("Replace print statements with proper logging"),
            s000("Add structured logging with context"),
            s001("Structured JSON logging configured"),
            s002("Replace print statements with proper logging (TODO)"),
            s004("Structured logging with `structlog`"),
        ],
        outOfScope: "app-code",
        reason: "Log format is decided by the app's logger.",
    },
    {
        id: "no-secrets-in-logs",
        title: "Passwords, tokens and personal data never reach the logs",
        sources: [s001("Passwords never logged or stored in plaintext"), s001("No PII logged"), s004("Sensitive data (passwords, tokens) not logged")],
        outOfScope: "app-code",
        reason: "What the app logs is its own code; the stack keeps secrets out of its outputs and marks secret env vars sensitive.",
    },
    {
        id: "log-aggregation",
        title: "Logs are shipped to an aggregation service",
        sources: [s001("Log aggregation configured"), s004("Log aggregation service configured (LogDNA, Datadog, etc.)")],
        outOfScope: "process",
        reason: "A Vercel log drain needs a paid plan and a verified endpoint; the template adds one when `service:logDrain` is set, so no rule can require it.",
    },

    // ── Cost ────────────────────────────────────────────────────────────────────────────────────────────
    {
        id: "cost-budget",
        title: "Cloud spend has a budget that warns before it is exceeded",
        sources: [s000("Do you have a budget for cloud storage?")],
        enforcedBy: ["budget-configured", "cost-estimate-within-budget", "rds-no-extended-support"],
    },
    {
        id: "third-party-usage-limits",
        title: "Paid third-party APIs have usage limits and quota alerts",
        sources: [s000("Track Anthropic API usage"), s003("API quota > 80%"), s004("OpenAI API usage limits set (to prevent billing surprises)")],
        outOfScope: "process",
        reason: "Usage limits are set in each provider's own console; the pack only rate-limits the routes that spend them (vercel-rate-limit-configured).",
    },

    // ── App code ────────────────────────────────────────────────────────────────────────────────────────
    {
        id: "authentication",
        title: "Protected endpoints authenticate and authorize every request",
        sources: [s001("All protected endpoints validate JWT tokens"), s002("**Authentication & authorization**"), s004("Verify JWT token validation is working correctly")],
        outOfScope: "app-code",
        reason: "Authentication is request handling in the app.",
    },
    {
        id: "tenant-isolation",
        title: "Users cannot reach each other's data",
        sources: [s001("User isolation enforced at all database layers"), s004("Test multi-tenant isolation (users can't access other tenants' data)")],
        outOfScope: "app-code",
        reason: "Row-level isolation is in the app's queries; the stack only separates its database roles.",
    },
    {
        id: "input-validation",
        title: "Inputs are validated and sanitized; queries are parameterized",
        sources: [s000("Add input sanitization for user content"), s001("Pydantic schemas validate all API inputs"), s001("SQL injection prevented (parameterized queries)")],
        outOfScope: "app-code",
        reason: "Validation happens in the app's handlers.",
    },
    {
        id: "upload-validation",
        title: "Uploads are limited in size and type",
        sources: [s000("Enhance file upload validation"), s004("File upload size limits configured (max 50MB recommended)"), s004("Validate file types on upload (PDF, DOCX, TXT only)")],
        outOfScope: "app-code",
        reason: "Limits are enforced where the app accepts or presigns an upload.",
    },
    {
        id: "session-security",
        title: "Sessions use secure, HTTP-only, same-site cookies and CSRF protection",
        sources: [s000("Set secure session cookie settings:"), s000("Add Flask-WTF for CSRF protection")],
        outOfScope: "app-code",
        reason: "Cookie flags and CSRF tokens are set by the app's web framework.",
    },
    {
        id: "trusted-hosts",
        title: "The app answers only for its own host names",
        sources: [s003("TrustedHost middleware in production"), s004("TrustedHost middleware enabled")],
        outOfScope: "app-code",
        reason: "Host checks are middleware in the app.",
    },
    {
        id: "browser-exposed-variables",
        title: "No secret is exposed to the browser through a public env var prefix",
        sources: [s004("Environment variables never exposed to frontend (except `VITE_*` vars)")],
        outOfScope: "app-code",
        reason: "Which variables the bundle inlines is decided by the framework's public prefix in the app's build.",
    },
    {
        id: "timeouts-and-degradation",
        title: "Slow upstream calls time out and degrade gracefully",
        sources: [s000("Add timeout handling for long-running operations"), s001("OpenAI API timeout handling (graceful degradation)")],
        outOfScope: "app-code",
        reason: "Timeouts are set on the app's HTTP clients.",
    },
    {
        id: "error-handling",
        title: "Users see friendly errors; the frontend has error boundaries",
        sources: [s000("Add user-friendly error messages"), s001("User-friendly error messages"), s002("**Frontend error boundaries**")],
        outOfScope: "app-code",
        reason: "Error presentation is the app's UI.",
    },
    {
        id: "graceful-shutdown",
        title: "The app shuts down cleanly, closing connections and finishing in-flight work",
        sources: [s001("Graceful shutdown support"), s002("**Implement graceful shutdown**")],
        outOfScope: "app-code",
        reason: "Signal handling is in the app's process.",
    },
    {
        id: "background-workers",
        title: "Background jobs run in workers, not in request handlers",
        sources: [s002("Finish in-flight Celery tasks"), s003("Deploy Celery worker on Railway")],
        outOfScope: "app-code",
        reason: "The template deploys serverless functions only; a job queue and its workers are the app's.",
    },

    // ── Process ─────────────────────────────────────────────────────────────────────────────────────────
    {
        id: "testing",
        title: "Unit, integration and end-to-end tests pass before a deploy",
        sources: [s000("Write basic integration tests"), s001("All tests passing (unit, integration, security)"), s002("**Backend tests**"), s004("All API endpoints tested with production-like data")],
        outOfScope: "process",
        reason: "The app's test suite runs in its CI; the pack gates the infrastructure only.",
    },
    {
        id: "load-testing",
        title: "The app has been load tested at the expected concurrency",
        sources: [
            s000("Run load test with 10 concurrent users"),
            s001("Load testing framework ready"),
            s003("Run load tests with 50-100 concurrent users"),
            s004("Load testing performed (if expecting high traffic)"),
        ],
        outOfScope: "process",
        reason: "A load test exercises a deployed stack.",
    },
    {
        id: "smoke-tests",
        title: "Smoke tests and a health check pass right after each deploy",
        sources: [s001("Smoke tests pass (all 5 user stories)"), s003("Verify health check passes"), s004("Health check returns 200 OK")],
        outOfScope: "process",
        reason: "Post-deploy checks run against the live deployment.",
    },
    {
        id: "ci-cd",
        title: "Deploys run from CI with tests on every PR and an approval for production",
        sources: [s002("Automated testing on PR"), s002("Manual approval for production"), s004("Enable automatic deployments from `main` branch")],
        outOfScope: "process",
        reason: "Pipelines and approvals live in the CI system; it should run `npm run check` (this pack) before `pulumi up`.",
    },
    {
        id: "rollback-plan",
        title: "A rollback procedure exists and has been tried",
        sources: [s000("Create rollback procedure"), s001("Migration rollback procedures documented"), s002("Rollback capabilities"), s003("Rollback plan ready"), s004("Rollback plan tested")],
        outOfScope: "process",
        reason: "Rolling back is an operation on deployments and migrations, decided by people.",
    },
    {
        id: "runbooks",
        title: "Deployment steps and common incidents are documented in runbooks",
        sources: [s000("Document deployment steps"), s001("Runbooks created for common issues"), s003("Runbook documented"), s004("Deployment runbook created (how to deploy, rollback, etc.)")],
        outOfScope: "process",
        reason: "Runbooks are written by the team that operates the service.",
    },
    {
        id: "on-call",
        title: "Someone is on call and an incident response plan exists",
        sources: [
            s001("On-call rotation defined"),
            s001("Incident response plan documented"),
            s004("On-call rotation scheduled (who responds to production issues)"),
            s004("Incident response plan documented"),
        ],
        outOfScope: "process",
        reason: "A rotation is people; the pack makes sure alerts have a subscriber to reach (alarm-actions-reach-subscriber).",
    },
    {
        id: "dependency-hygiene",
        title: "Dependencies are pinned, current and audited",
        sources: [s001("Dependencies pinned in `pyproject.toml`"), s001("All dependencies up-to-date (as of 2025-12-31)")],
        outOfScope: "process",
        reason: "Dependency updates and audits belong to the app's repository tooling.",
    },
    {
        id: "performance-targets",
        title: "Performance targets and SLOs are defined",
        sources: [s001("Performance targets documented (p95 < 3s)"), s001("SLA/SLO defined")],
        outOfScope: "process",
        reason: "Targets are a team decision measured by monitoring, not a property of the infrastructure.",
    },
    {
        id: "compliance",
        title: "Privacy and legal obligations are reviewed",
        sources: [s001("GDPR compliance reviewed (if applicable)"), s001("Privacy policy created")],
        outOfScope: "process",
        reason: "Legal review is outside any deploy gate.",
    },
];

/** Rules no checklist item names directly, and what they support. */
export const supporting: Record<string, string> = {
    "security-group-ingress-restricted":
        "Keeps the datastores' network open only on their own port; every data item assumes it, though no checklist names network exposure.",
    "secretsmanager-recovery-window": "Keeps a deleted app secret recoverable, so secrets-out-of-code cannot turn into a lost secret.",
    "vercel-team-scoped": "Keeps every Vercel resource in the team's account, where the other app rules and the team's access controls apply.",
    "required-tags": "Names service, environment and owner on every AWS resource, so on-call and cost items can tell who answers for it.",
    "exemptions-valid": "Keeps every waiver of the other rules owned, explained and temporary.",
    "datastore-egress-restricted": "Keeps a datastore from sending its data to the internet, the other half of the network exposure that ingress rules close.",
    "security-group-rules-not-mixed": "Keeps the datastores' network rules stable: a group managed two ways loses or rewrites rules on every apply.",
    "iam-no-admin-access": "Keeps every role, user and group of the stack short of administrator access, so a leaked app or CI credential cannot take the account.",
    "iam-no-wildcard-actions": "Keeps IAM grants to named actions, so a role meant to read objects cannot also delete or reconfigure a whole service.",
    "iam-no-privilege-escalation": "Keeps any role of the stack from granting itself more, which would void every other access rule.",
    "iam-no-credentials-exposure": "Keeps roles from minting or reading other principals' credentials, which would extend a leak to them.",
    "iam-no-permissions-management": "Keeps roles from rewriting resource policies, ACLs and grants, the controls the storage and key rules rely on.",
    "iam-trust-policy-restricted": "Keeps roles assumable only by the principals they are for, so no one outside the account can become them.",
    "resources-described": "Says on every security group, rule, key and secret what it guards, so on-call and audits can tell what a change would touch.",
    "rds-snapshot-not-public": "Keeps a copy of the database from becoming public through a shared snapshot, the one path around every network and credential rule of the database items.",
    "secretsmanager-policy-not-public": "Keeps a secret's resource policy from handing it to every AWS account, which would void secrets-out-of-code.",
    "log-group-retention": "Keeps logs from being stored, and paid for, forever; the cost items assume every store of data has an end.",
    "iam-role-policies-not-mixed": "Keeps a role's permissions what the code says: a role managed two ways loses or regains policies on every apply.",
};
