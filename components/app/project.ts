/**
 * The app tier on Vercel, in the project every environment shares: its env vars from the env-var contract,
 * the production domain, the edge firewall, the Blob store connection and an optional log drain.
 *
 * One Vercel project serves every environment: the prod stack writes the `production` target, dev writes
 * `preview` and `development`, and every other environment (staging) a Vercel custom environment it creates in
 * the project (see `ENVIRONMENT_TARGETS`, `customEnvironmentFor`). The `shared` stack owns the project
 * (components/shared.ts) and every environment finds it by StackReference, or by `service:vercel.projectId`,
 * so no environment's deploy or destroy creates or deletes the project production deploys from.
 */
import * as pulumi from "@pulumi/pulumi";
import * as vercel from "@pulumiverse/vercel";
import type { PlainServiceConfig, RateLimitRule } from "../../config";
import type { ServiceContext } from "../context";
import type { DataTier } from "../contract";
import { EnvEntry, envNamesByTarget } from "../../config/envContract";
import { VercelTarget } from "../../contracts/vercel";
import { EdgeFirewall } from "./firewall";

export interface VercelAppArgs {
    /** The shared project (`LiveSettings.vercelProjectId`, components/surroundings.ts). */
    projectId: pulumi.Input<string>;
    /** What the data tier hands the app: connection URLs, storage endpoints, generated secrets (components/contract.ts). */
    data: DataTier;
    /** Third-party keys from `service:apiKeys`, each a Pulumi secret. */
    apiKeys: Record<string, pulumi.Output<string>>;
    /** The DSN of this stack's Sentry key, when `service:sentry.mode` is `managed`. */
    errorTracking?: { dsn: pulumi.Output<string> };
    /** The env-var contract this stack writes (`envContract` of the config and the API key names). */
    contract: EnvEntry[];
    /** The Vercel team (`service:vercel.teamId`). */
    teamId: string;
    /** The Vercel targets this stack writes (`targetsFor(service:environment)`). */
    targets: VercelTarget[];
    /** The custom environment this stack creates and writes instead of standard targets (`customEnvironmentFor(service:environment)`). */
    customEnvironment?: string;
    /** Edge rate limits of the production domain (`service:rateLimits`), set when this stack serves production. */
    rateLimits: RateLimitRule[];
    /** Custom domain production serves (`service:vercel.domain`). */
    domain?: string;
    /** Where logs are forwarded (`service:logDrain`), if anywhere. */
    logDrain?: PlainServiceConfig["logDrain"];
    /** The team enforces sensitive env vars (`service:vercel.enforcesSensitiveEnvVars`): every deployed variable is sensitive. */
    sensitiveEnvVarsEnforced: boolean;
}

/** Log sources forwarded by the drain: runtime and edge traffic, not build logs (which can echo env var names and paths). */
const LOG_DRAIN_SOURCES = ["lambda", "edge", "static", "external", "firewall"];

export class VercelApp extends pulumi.ComponentResource {
    public readonly projectId: pulumi.Output<string>;
    /** The contract this stack wrote (metadata only; values never leave the env var resources). */
    public readonly contract: EnvEntry[];
    /** Env var names each target (or custom environment) of this stack receives. Names only: safe to export. */
    public readonly envVarNames: Record<string, string[]>;
    /** The id of the custom environment this stack created, when it has one. */
    public readonly customEnvironmentId?: pulumi.Output<string>;
    /** The custom domain production serves, when this stack writes production and a domain is configured. */
    public readonly productionDomain?: string;

    constructor(name: string, args: VercelAppArgs, ctx: ServiceContext, opts?: pulumi.ComponentResourceOptions) {
        super("service:app:VercelApp", name, {}, opts);
        const { teamId } = args;

        // The project belongs to the shared stack (components/shared.ts): one per team, used by every environment.
        this.projectId = pulumi.output(args.projectId);

        // A pre-production environment of its own in the shared project (Pro and Enterprise teams; config/vercelPlan.ts
        // refuses it on Hobby): its variables, deployments and OIDC tokens are apart from dev's previews and prod's.
        const customEnvironment = args.customEnvironment
            ? new vercel.CustomEnvironment(
                  `${name}-environment`,
                  { projectId: this.projectId, teamId, name: args.customEnvironment, description: `The ${args.customEnvironment} environment, managed by its Pulumi stack` },
                  { parent: this },
              )
            : undefined;
        this.customEnvironmentId = customEnvironment?.id;

        this.contract = args.contract;
        const sources = { data: args.data, apiKeys: args.apiKeys, errorTracking: args.errorTracking };
        for (const entry of this.contract) {
            if (entry.delivery !== "env-var") continue;
            const value = entry.value(sources);
            // A custom environment is one deployed target: a secret is sensitive there, and so is every value when the
            // team enforces sensitive variables ("variables targeting ... custom environments may have to set this to
            // true": @pulumiverse/vercel 5.4.1, projectEnvironmentVariable.d.ts).
            const planned: PlannedVariable[] = customEnvironment ? [{ targets: [], sensitive: entry.secret || args.sensitiveEnvVarsEnforced }] : splitForVercel(entry, args.sensitiveEnvVarsEnforced);
            for (const variable of planned) {
                const suffix = variable.suffix ? `-${variable.suffix}` : "";
                new vercel.ProjectEnvironmentVariable(
                    `${name}-env-${entry.name.toLowerCase().replace(/_/g, "-")}${suffix}`,
                    {
                        projectId: this.projectId,
                        teamId,
                        key: entry.name,
                        value: entry.secret ? pulumi.secret(value) : value,
                        targets: customEnvironment ? undefined : variable.targets,
                        customEnvironmentIds: customEnvironment ? [customEnvironment.id] : undefined,
                        sensitive: variable.sensitive,
                        comment: entry.description,
                    },
                    // A changed variable is replaced; creating the new copy first fails with ENV_ALREADY_EXISTS. Protected
                    // in prod so `pulumi destroy --skip-preview` cannot take production's config before it reaches the
                    // first protected resource; not retained, so a deliberate removal leaves no stale copy behind.
                    { parent: this, deleteBeforeReplace: true, protect: ctx.stateful.protect },
                );
            }
        }
        const { targets } = args;

        if (args.data.storage.backend === "blob") {
            new vercel.BlobProjectConnection(
                `${name}-blob`,
                { blobStoreId: args.data.storage.storeId, projectId: this.projectId, teamId, environments: targets },
                { parent: this },
            );
        }

        const servesProduction = targets.includes("production");
        if (servesProduction) {
            // Rate limits guard the public production domain; previews sit behind Vercel Authentication, and one
            // project-wide firewall managed from two stacks would be overwritten by whichever ran last.
            // Protected and retained in prod: a destroy must not leave the production domain without its rate limits.
            new EdgeFirewall(`${name}-firewall`, { projectId: this.projectId, teamId, rateLimits: args.rateLimits, keep: ctx.stateful }, { parent: this });
            if (args.domain) {
                // HTTPS with an automatic certificate is Vercel's default for a project domain; no redirect is set.
                // Protected and retained in prod: a destroyed domain must be added and verified again before it serves.
                new vercel.ProjectDomain(`${name}-domain`, { projectId: this.projectId, teamId, domain: args.domain }, { parent: this, ...ctx.stateful });
                this.productionDomain = args.domain;
            }
        }

        // A log drain forwards production and preview logs only: development runs on developers' machines
        // (terraform-provider-vercel v5.4.1, vercel/resource_log_drain.go: environments OneOf production, preview).
        const drained = targets.filter((t): t is "production" | "preview" => t === "production" || t === "preview");
        if (args.logDrain && drained.length > 0) {
            new vercel.LogDrain(
                `${name}-log-drain`,
                {
                    name: ctx.names.logDrain,
                    teamId,
                    endpoint: args.logDrain.endpoint,
                    deliveryFormat: args.logDrain.deliveryFormat,
                    environments: drained,
                    projectIds: [this.projectId],
                    sources: LOG_DRAIN_SOURCES,
                },
                { parent: this },
            );
        }

        this.envVarNames = envNamesByTarget(this.contract);
        this.registerOutputs({ projectId: this.projectId, envVarNames: this.envVarNames });
    }
}

export interface PlannedVariable {
    targets: VercelTarget[];
    sensitive: boolean;
    /** Distinguishes the resources of one entry split across targets. */
    suffix?: string;
}

/**
 * Vercel refuses a sensitive variable that targets only `development`, so a secret bound for development gets
 * its own non-sensitive copy there (it is pulled to developers' machines by `vercel env pull` anyway) and a
 * sensitive one for the remaining targets. Plain values stay one variable, unless the team enforces sensitive
 * variables (`sensitiveEnforced`, `service:vercel.enforcesSensitiveEnvVars`): then every variable of a deployed
 * target is sensitive and, like a secret, one bound for development gets its own non-sensitive copy there, since
 * under that policy a variable cannot target development together with another target (@pulumiverse/vercel 5.4.1,
 * projectEnvironmentVariable.d.ts, `sensitive`: "Variables targeting only `development` must set this to `false`
 * ... A variable cannot target `development` together with `preview`, `production`, or custom environments while
 * that team policy is enabled"; the provider's ModifyPlan refuses it, so a real preview fails).
 */
export function splitForVercel(entry: Pick<EnvEntry, "secret" | "targets">, sensitiveEnforced = false): PlannedVariable[] {
    if (!entry.secret && !sensitiveEnforced) return [{ targets: [...entry.targets], sensitive: false }];
    const deployed = entry.targets.filter((t) => t !== "development");
    const out: PlannedVariable[] = [];
    const split = deployed.length > 0 && deployed.length < entry.targets.length;
    if (deployed.length > 0) out.push({ targets: deployed, sensitive: true, suffix: split ? deployed.join("-") : undefined });
    if (entry.targets.includes("development")) out.push({ targets: ["development"], sensitive: false, suffix: split ? "development" : undefined });
    return out;
}
