/**
 * The env-var contract: every variable the app receives, where its value comes from, whether it is secret and
 * which Vercel targets get it. The Vercel project (components/app/project.ts), the generated `.env.example`
 * (scripts/env-example.ts) and the stack's `envVarNames` output are all built from this one list, so they
 * cannot drift apart.
 */
import * as pulumi from "@pulumi/pulumi";
import { SHARED_ENVIRONMENT } from "./presets";
import { ConfigError, InputProblem } from "./problem";
import type { PlainServiceConfig } from "./schema";
import type { VercelTarget } from "../contracts/vercel";

export type EnvSource = "data-tier" | "generated" | "secret-config" | "plain-config" | "error-tracking";

/**
 * Which of Vercel's standard targets an environment's stack writes. Data, so a different split is one entry:
 * prod feeds production deployments only; dev feeds previews and local development (`vercel env pull`). Every
 * other environment (staging, qa, ...) gets a Vercel custom environment of its own (`customEnvironmentFor`):
 * two stacks writing the same key to the same target of the one shared project would collide
 * (ENV_ALREADY_EXISTS, pulumiverse/pulumi-vercel#118), or one would hand its database to the other's deployments.
 */
export const ENVIRONMENT_TARGETS: Readonly<Record<string, readonly VercelTarget[]>> = { prod: ["production"], dev: ["preview", "development"] };

/** The standard targets an environment writes; none for an environment with a custom environment of its own. */
export function targetsFor(environment: string): VercelTarget[] {
    return [...(ENVIRONMENT_TARGETS[environment] ?? [])];
}

/**
 * The Vercel custom environment an environment's stack creates and writes, named after the environment; none for
 * prod, dev and the shared stack. Custom environments need a Pro or Enterprise team (vercel.com/docs/deployments/
 * environments: "Pro and Enterprise teams can create Custom Environments"); their names are 1-32 lower-case
 * letters, digits and hyphens (terraform-provider-vercel vercel/resource_custom_environment.go, `name` validators,
 * commit 04def107), which every preset name is.
 */
export function customEnvironmentFor(environment: string): string | undefined {
    return ENVIRONMENT_TARGETS[environment] || environment === SHARED_ENVIRONMENT ? undefined : environment;
}

/**
 * The Vercel environments this stack's deployments run in: its standard targets, or its custom environment's name.
 * That name is what a deployment of a custom environment sees in VERCEL_TARGET_ENV (VERCEL_ENV says only
 * production, preview or development: getsentry/sentry-javascript packages/core/src/utils/vercel.ts) and what
 * Vercel's own token verifier expects in the OIDC token's `environment` claim by default (@vercel/oidc 3.6.1,
 * `environment` defaults to VERCEL_TARGET_ENV || VERCEL_ENV), so the storage role trusts it by that name.
 */
export function deploymentEnvironmentsFor(environment: string): string[] {
    const custom = customEnvironmentFor(environment);
    return custom ? [custom] : targetsFor(environment);
}

/**
 * The data tier's endpoints the contract reads: the part of components/contract.ts's `DataTier` it needs, stated
 * here so config/ depends on no component (the compiler checks that the data tier wiring hands over satisfies it).
 */
export interface EnvData {
    database: { appUrl: pulumi.Output<string>; migrationUrl: pulumi.Output<string>; readonlyUrl: pulumi.Output<string>; poolSize: number };
    cache: { url: pulumi.Output<string> };
    storage: { backend: "s3"; bucketName: pulumi.Output<string>; region: string; roleArn: pulumi.Output<string> } | { backend: "blob" };
    generatedSecrets: Record<string, pulumi.Output<string>>;
}

/** Everything a value can be read from: the data tier's endpoints and the secret third-party keys. */
export interface EnvSources {
    data: EnvData;
    apiKeys: Record<string, pulumi.Output<string>>;
    /** The DSN of this stack's Sentry key, with `service:sentry.mode: managed` (components/errorTracking.ts). */
    errorTracking?: { dsn: pulumi.Output<string> };
}

/** The variable the Sentry SDKs read their DSN from. */
export const SENTRY_DSN = "SENTRY_DSN";

export interface EnvEntry {
    name: string;
    source: EnvSource;
    /** Secret values become sensitive Vercel variables (write-only once set) and Pulumi secrets. */
    secret: boolean;
    targets: VercelTarget[];
    /** The stack's own custom environment, which the variable is written to instead of standard targets. */
    customEnvironment?: string;
    description: string;
    /** What `.env.example` shows instead of a value. */
    placeholder: string;
    /**
     * `env-var`: the stack writes the variable; `blob-connection`: Vercel injects it when the Blob store is
     * connected, so the stack only lists it.
     */
    delivery: "env-var" | "blob-connection";
    /** The value, read from the sources at deploy time (never called by `.env.example`). */
    value(sources: EnvSources): pulumi.Input<string>;
}

/**
 * The config the contract reads; `apiKeyNames` are the names under `service:apiKeys` (values stay secret).
 * Throws a `ConfigError` when two entries would write the same variable.
 */
export function envContract(config: PlainServiceConfig, apiKeyNames: readonly string[]): EnvEntry[] {
    const problems = envContractProblems(config, apiKeyNames);
    if (problems.length > 0) throw new ConfigError(problems);
    return contractEntries(config, apiKeyNames);
}

/**
 * Variables the config would define twice, each named by the config key to change: a generated secret, a
 * third-party key or a plain variable that takes the name of one the stack already provides (DATABASE_URL,
 * REDIS_URL, ...). Config validation runs it before the program does.
 */
export function envContractProblems(config: PlainServiceConfig, apiKeyNames: readonly string[]): InputProblem[] {
    const problems: InputProblem[] = [];
    const first = new Map<string, EnvEntry>();
    for (const e of contractEntries(config, apiKeyNames)) {
        const earlier = first.get(e.name);
        if (!earlier) {
            first.set(e.name, e);
            continue;
        }
        const configured = e.source === "secret-config" && apiKeyNames.includes(e.name);
        const key =
            e.source === "generated"
                ? "service:secrets.generated"
                : e.source === "secret-config"
                  ? configured ? `service:apiKeys.${e.name}` : "service:app.requiredApiKeys"
                  : `service:app.plainEnv.${e.name}`;
        problems.push({
            key,
            // The name is the mistake; only a configured key's value is secret.
            given: configured ? "[secret]" : JSON.stringify(e.name),
            expected: `another name: ${e.name} is already provided by the stack (${earlier.description.replace(/\.$/, "")}), so it would be defined twice`,
        });
    }
    return problems;
}

function contractEntries(config: PlainServiceConfig, apiKeyNames: readonly string[]): EnvEntry[] {
    const targets = targetsFor(config.environment);
    const customEnvironment = customEnvironmentFor(config.environment);
    const entries: EnvEntry[] = [];
    // `development` values are pulled in plain text onto every developer's machine (`vercel env pull`), where
    // Vercel forbids them to be sensitive: a value that can change the schema or spend a third party's money
    // (`localDevelopment: false`) stays on deployed targets only.
    const add = ({ localDevelopment = true, ...e }: Omit<EnvEntry, "targets" | "delivery"> & { delivery?: EnvEntry["delivery"]; localDevelopment?: boolean }) =>
        entries.push({ delivery: "env-var", ...e, targets: targets.filter((t) => localDevelopment || t !== "development"), ...(customEnvironment ? { customEnvironment } : {}) });

    add({
        name: "ENVIRONMENT",
        source: "plain-config",
        secret: false,
        description: "Name of the stack's environment (service:environment).",
        placeholder: "dev",
        value: () => config.environment,
    });
    add({
        name: "LOG_LEVEL",
        source: "plain-config",
        secret: false,
        description: "Log level of the app (service:app.logLevel); never DEBUG in production.",
        placeholder: "DEBUG",
        value: () => config.app.logLevel,
    });
    // No origin (no service:app.corsOrigins and no custom domain, as in a staging stack served on its vercel.app
    // address) means no cross-origin request is accepted: the variable is left out, because Vercel refuses a
    // variable without a value (readiness/providers/vercel.ts, ExactlyOneOf value/value_wo) and the app reads an
    // absent CORS_ORIGINS as "same origin only".
    const origins = corsOrigins(config);
    if (origins.length > 0) {
        add({
            name: "CORS_ORIGINS",
            source: "plain-config",
            secret: false,
            description: "Comma-separated origins the API accepts cross-origin requests from (service:app.corsOrigins plus the custom domain); absent when there are none (same origin only).",
            placeholder: "http://localhost:3000",
            value: () => origins.join(","),
        });
    }
    add({
        name: "DATABASE_URL",
        source: "data-tier",
        secret: true,
        description: "Postgres URL of the app role (data access only); TLS verified against the RDS CA bundle the app ships at certs/rds-global-bundle.pem (docs/database-connections.md).",
        placeholder: "postgres://USER:PASSWORD@HOST:5432/DATABASE?sslmode=verify-full&sslrootcert=certs/rds-global-bundle.pem",
        value: (s) => s.data.database.appUrl,
    });
    add({
        name: "DATABASE_MIGRATION_URL",
        source: "data-tier",
        secret: true,
        description: "Postgres URL of the migration role, which owns the schema; use it only to run migrations (never pulled to a developer machine).",
        localDevelopment: false,
        placeholder: "postgres://USER:PASSWORD@HOST:5432/DATABASE?sslmode=verify-full&sslrootcert=certs/rds-global-bundle.pem",
        value: (s) => s.data.database.migrationUrl,
    });
    add({
        name: "DATABASE_READONLY_URL",
        source: "data-tier",
        secret: true,
        description: "Postgres URL of the read-only role, for reports and analytics queries.",
        placeholder: "postgres://USER:PASSWORD@HOST:5432/DATABASE?sslmode=verify-full&sslrootcert=certs/rds-global-bundle.pem",
        value: (s) => s.data.database.readonlyUrl,
    });
    add({
        name: "DATABASE_POOL_SIZE",
        source: "data-tier",
        secret: false,
        description: "Connections each serverless instance's pool may open; the app role's limit divided by this caps concurrent instances.",
        placeholder: String(config.database.poolSize),
        value: (s) => String(s.data.database.poolSize),
    });
    add({
        name: "REDIS_URL",
        source: "data-tier",
        secret: true,
        description: "rediss:// URL of the cache, with its credentials.",
        placeholder: "rediss://default:PASSWORD@HOST:6379",
        value: (s) => s.data.cache.url,
    });
    if (config.storage.backend === "s3") {
        add({
            name: "S3_BUCKET",
            source: "data-tier",
            secret: false,
            description: "Private bucket for uploads; reached with the role in AWS_ROLE_ARN, never with static keys.",
            placeholder: "my-service-dev-uploads",
            value: (s) => s3(s).bucketName,
        });
        add({
            name: "AWS_REGION",
            source: "data-tier",
            secret: false,
            description: "Region of the bucket.",
            placeholder: "us-east-1",
            value: (s) => s3(s).region,
        });
        add({
            name: "AWS_ROLE_ARN",
            source: "data-tier",
            secret: false,
            description: "IAM role the app assumes with its Vercel OIDC token (no AWS keys in env vars).",
            placeholder: "arn:aws:iam::123456789012:role/my-service-dev-app",
            value: (s) => s3(s).roleArn,
        });
    } else {
        add({
            name: "BLOB_READ_WRITE_TOKEN",
            source: "data-tier",
            secret: true,
            delivery: "blob-connection",
            description: "Token of the private Vercel Blob store, injected by Vercel when the store is connected to the project.",
            placeholder: "vercel_blob_rw_REPLACE_ME",
            value: () => {
                throw new Error("BLOB_READ_WRITE_TOKEN is injected by the Blob store connection, not written by the stack");
            },
        });
    }
    for (const name of config.secrets.generated) {
        add({
            name,
            source: "generated",
            secret: true,
            description: `Random secret generated by the stack (service:secrets.generated), ${config.secrets.lengthBytes}+ bytes of entropy.`,
            placeholder: "replace-with-output-of-openssl-rand-hex-32",
            value: (s) => {
                const v = s.data.generatedSecrets[name];
                if (!v) throw new Error(`the data tier generated no secret named ${name} (listed in service:secrets.generated)`);
                return v;
            },
        });
    }
    if (config.sentry.mode === "managed") {
        add({
            name: SENTRY_DSN,
            source: "error-tracking",
            secret: true,
            description: "DSN of this environment's own Sentry project key (service:sentry), so its events never land in another environment's project.",
            placeholder: "https://PUBLIC_KEY@o0.ingest.sentry.io/0",
            value: (s) => {
                if (!s.errorTracking) throw new Error("service:sentry.mode is \"managed\" but no Sentry key was created for the app");
                return s.errorTracking.dsn;
            },
        });
        add({
            name: "SENTRY_ENVIRONMENT",
            source: "error-tracking",
            secret: false,
            description: "Environment the Sentry SDK tags events with (service:environment).",
            placeholder: "dev",
            value: () => config.environment,
        });
    }
    // A managed DSN satisfies the app's need for one; a DSN also set by hand would be defined twice and is refused.
    const provided = (name: string) => providedByStack(config.sentry.mode, name) && !apiKeyNames.includes(name);
    for (const name of [...new Set([...apiKeyNames, ...config.app.requiredApiKeys])].filter((n) => !provided(n)).sort()) {
        add({
            name,
            source: "secret-config",
            secret: true,
            description: `Third-party key from secret config service:apiKeys.${name}${config.app.requiredApiKeys.includes(name) ? " (required: service:app.requiredApiKeys)" : ""}; deployed targets only, developers use their own key locally.`,
            localDevelopment: false,
            placeholder: name === SENTRY_DSN ? "https://PUBLIC_KEY@o0.ingest.sentry.io/0" : "replace-me",
            value: (s) => {
                const v = s.apiKeys[name];
                if (!v) throw new pulumi.RunError(`service:apiKeys.${name} is not set; set it with \`pulumi config set --secret --path 'service:apiKeys.${name}' <value>\``);
                return v;
            },
        });
    }
    for (const [name, value] of Object.entries(config.app.plainEnv)) {
        add({
            name,
            source: "plain-config",
            secret: false,
            description: `Plain value from service:app.plainEnv.${name}.`,
            placeholder: value,
            value: () => value,
        });
    }

    return entries;
}

/** CORS_ORIGINS: the configured origins plus the production domain over HTTPS. */
export function corsOrigins(config: PlainServiceConfig): string[] {
    const origins = [...config.app.corsOrigins];
    if (config.vercel.domain) origins.push(`https://${config.vercel.domain}`);
    return [...new Set(origins)];
}

/** Env var names each target (or the stack's custom environment) receives (names only: safe to export and print). */
export function envNamesByTarget(entries: readonly EnvEntry[]): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const e of entries) for (const t of [...e.targets, ...(e.customEnvironment ? [e.customEnvironment] : [])]) (out[t] ??= []).push(e.name);
    for (const names of Object.values(out)) names!.sort();
    return out;
}

function s3(s: EnvSources): Extract<EnvData["storage"], { backend: "s3" }> {
    if (s.data.storage.backend !== "s3") throw new Error(`service:storage.backend is "s3" but the data tier provides ${s.data.storage.backend}`);
    return s.data.storage;
}

/**
 * A key the app needs (`service:app.requiredApiKeys`) that the stack itself provides, so nobody sets it by hand:
 * SENTRY_DSN from this stack's Sentry key with `service:sentry.mode: managed` (components/errorTracking.ts).
 */
export function providedByStack(sentryMode: unknown, name: string): boolean {
    return sentryMode === "managed" && name === "SENTRY_DSN";
}
