/**
 * Checks that need the whole validated config: numbers derived from several keys (the connection budget),
 * settings that must agree with each other (the OIDC provider and the team, the account) and limits of the
 * platforms the values end up on (Vercel's env var size). They run with the schema, before the program, so
 * every problem of a stack file is reported at once and nothing is registered.
 */
import { customEnvironmentFor, envContractProblems } from "./envContract";
import { planConnections } from "./connectionBudget";
import type { InputProblem } from "./problem";
import { PlainServiceConfig, ServiceConfig, ServiceConfigSchema } from "./schema";

/**
 * Vercel: "a total of 64 KB in Environments Variables per-Deployment ... no single variable can be larger
 * than 64 KB" (vercel.com/guides/how-do-i-workaround-vercel-s-4-kb-environment-variables-limit).
 */
export const VERCEL_ENV_TOTAL_BYTES = 64 * 1024;

type Section = keyof ServiceConfig;

/**
 * The merged config (valid or not): each check runs when the sections it reads are valid, so a schema error
 * elsewhere does not hide a derived problem until the next run.
 */
export function derivedProblems(merged: unknown): InputProblem[] {
    const shape = ServiceConfigSchema.shape;
    const m = (merged && typeof merged === "object" ? merged : {}) as Record<string, unknown>;
    const valid = (...sections: Section[]) => sections.every((s) => shape[s].safeParse(m[s]).success);
    const c = m as unknown as ServiceConfig;
    const p = "service:";
    const problems: InputProblem[] = [];
    if (valid("database")) problems.push(...planConnections(c.database).problems);

    if (valid("storage", "vercel", "aws") && c.storage.backend === "s3" && c.storage.oidcProviderArn) {
        const m = /^arn:aws[a-z-]*:iam::(\d{12}):oidc-provider\/oidc\.vercel\.com\/([a-z0-9-]+)$/.exec(c.storage.oidcProviderArn);
        if (m && c.vercel.teamSlug && m[2] !== c.vercel.teamSlug) {
            problems.push({
                key: `${p}storage.oidcProviderArn`,
                given: JSON.stringify(c.storage.oidcProviderArn),
                expected: `the account's OIDC provider for oidc.vercel.com/${c.vercel.teamSlug} (${p}vercel.teamSlug): this one trusts tokens of team "${m[2]}", so the app's role could never be assumed; or no value to create it`,
            });
        }
        if (m && c.aws.accountId && m[1] !== c.aws.accountId) {
            problems.push({
                key: `${p}storage.oidcProviderArn`,
                given: JSON.stringify(c.storage.oidcProviderArn),
                expected: `a provider in account ${c.aws.accountId} (${p}aws.accountId): IAM roles trust OIDC providers of their own account only`,
            });
        }
    }

    // A Blob store connects to standard targets only (terraform-provider-vercel v5.4.1,
    // vercel/resource_blob_project_connection.go: environments OneOf production, preview, development).
    const custom = typeof c.environment === "string" ? customEnvironmentFor(c.environment) : undefined;
    if (custom && valid("storage") && c.storage.backend === "blob") {
        problems.push({
            key: `${p}storage.backend`,
            given: '"blob"',
            expected: `"s3": the ${c.environment} environment deploys to its own Vercel custom environment ("${custom}"), and a Blob store can be connected only to production, preview or development`,
        });
    }

    if (valid("environment", "app", "secrets", "storage", "database", "vercel", "apiKeys")) {
        const { apiKeys, ...plain } = c;
        // Runs beside the cross-key checks, not after them; the contract reads none of the keys CrossKeyGuarantees ties.
        problems.push(...envContractProblems(plain as PlainServiceConfig, Object.keys(apiKeys)));
    }
    if (!valid("app")) return problems;

    // Plain values are known here; secret and generated ones are far smaller than the limit.
    let total = 0;
    for (const [name, value] of Object.entries(c.app.plainEnv)) {
        const bytes = Buffer.byteLength(name) + Buffer.byteLength(value);
        total += bytes;
        if (bytes > VERCEL_ENV_TOTAL_BYTES) {
            problems.push({
                key: `${p}app.plainEnv.${name}`,
                given: `a value of ${bytes} bytes`,
                expected: `at most ${VERCEL_ENV_TOTAL_BYTES} bytes: Vercel allows 64 KB of environment variables per deployment; keep large values in object storage`,
            });
        }
    }
    if (total > VERCEL_ENV_TOTAL_BYTES && !problems.some((x) => x.key.startsWith(`${p}app.plainEnv.`))) {
        problems.push({
            key: `${p}app.plainEnv`,
            given: `${Object.keys(c.app.plainEnv).length} variables, ${total} bytes`,
            expected: `at most ${VERCEL_ENV_TOTAL_BYTES} bytes in all: Vercel allows 64 KB of environment variables per deployment`,
        });
    }
    return problems;
}
