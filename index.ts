/**
 * The service's infrastructure, one stack per environment: `pulumi up --stack dev` or `--stack prod`.
 * The config is validated first, so a bad stack file fails before any resource is registered.
 */
import * as aws from "@pulumi/aws";
import { loadStackSettings } from "./config";
import { requiredTags, ServiceContext, statefulOptions } from "./components/context";
import { GeneratedSecrets } from "./components/secrets";

const { config } = loadStackSettings();

const tags = requiredTags(config);
const awsProvider = new aws.Provider("aws", {
    region: config.aws.region as aws.Region,
    // The account guard: a prod stack refuses to run against any other account.
    allowedAccountIds: config.aws.accountId ? [config.aws.accountId] : undefined,
    defaultTags: { tags },
});

const ctx: ServiceContext = {
    config,
    prefix: `${config.name}-${config.environment}`,
    tags,
    aws: awsProvider,
    stateful: statefulOptions(config),
};

// ── Data tier: network, Postgres, object storage, Redis, generated secrets ──────────────────────────────
const secrets = new GeneratedSecrets(
    `${ctx.prefix}-app-secrets`,
    {
        names: config.secrets.generated,
        lengthBytes: config.secrets.lengthBytes,
        storeInSecretsManager: config.secrets.storeInSecretsManager,
        recoveryWindowDays: config.secrets.recoveryWindowDays,
    },
    ctx,
);

// ── App tier: Vercel project, env vars, firewall, monitoring, alerts, budget ─────────────────────────────

// ── Stack outputs (names only: no secret value is ever exported in plain text) ────────────────────────
export const environment = config.environment;
export const generatedSecretNames = Object.keys(secrets.values);
export const secretArns = secrets.secretArns;
