/**
 * Readiness rules: the app tier on Vercel. Env vars (every form the provider has: project variables, the
 * plural resource, shared variables and the project's inline `environments`), preview protection, team scope,
 * rate limiting, CORS and whether the app can reach its datastores at all.
 */
import type { PolicyResource } from "@pulumi/policy";
import { z } from "zod";
import { Inputs, inputsOf } from "../lib/inputs";
import { TYPES } from "../contracts/tokens";
import { knownOrUndefined, peek } from "../lib/preview";
import { resourceAndStackRule, resourceRule, Rule, ruleResource, stackRule } from "../lib/rule";
import { parseJsonish } from "../contracts/json";
import { looksSecretName, secretValueKind } from "../lib/secretValues";
import { ENV_VAR_TYPES, targetsOf, VariableView, variablesOf, VercelTargetName } from "../lib/vercel";
import { VERCEL_TARGETS } from "../contracts/vercel";

// ── Env vars in all their forms ────────────────────────────────────────────────────────────────────────────

export const envSecretsSensitive = resourceRule({
    name: "vercel-env-secrets-sensitive",
    description: "Every Vercel env var whose name or value looks secret is sensitive, so it can never be read back from the dashboard or API.",
    severity: "critical",
    category: "security",
    remediation:
        "Secrets reach the app through the env-var contract (config/envContract.ts), which marks them sensitive: move a credential from `service:app.plainEnv` to secret config with `pulumi config set --secret --path 'service:apiKeys.<NAME>' <value>`. A hand-written variable needs `sensitive: true` (Vercel forbids it only on a variable that targets `development` alone).",
    types: ENV_VAR_TYPES,
    validate(resource, _config, report) {
        for (const { item, label } of variablesOf(resource.type, resource.props)) {
            if (item.sensitive === true) continue;
            const targets = targetsOf(item);
            if (targets.length > 0 && targets.every((t) => t === "development")) continue;
            const name = String(item.key ?? "");
            if (looksSecretName(name)) {
                report(`${resource.name}: ${label} looks like a secret by its name but is not sensitive; it targets ${targets.join(", ") || "no environment"}.`);
                continue;
            }
            // `valueWo` is the write-only alternative to `value`: never in state, but just as readable in Vercel.
            for (const field of ["value", "valueWo"]) {
                if (!(field in item)) continue;
                const value = item[field];
                const kind = typeof value === "string" ? secretValueKind(value) : undefined;
                if (kind) report(`${resource.name}: the ${field} of ${label} is ${kind} but the variable is not sensitive.`);
            }
        }
    },
});

export const envTargetsMatchEnvironment = resourceRule({
    name: "vercel-env-targets-match-environment",
    description: "A stack writes env vars only to the Vercel targets of its own environment, so dev data never reaches production deployments and prod secrets never reach previews.",
    severity: "high",
    category: "security",
    remediation:
        "Targets follow `ENVIRONMENT_TARGETS` in config/envContract.ts (prod: production; dev: preview and development; every other environment: a custom environment of its own, `custom` here). Fix a hand-written variable's `targets`/`environments`, or the allowed list in policies/config/<environment>.json (`allowedTargets`).",
    types: [...ENV_VAR_TYPES, TYPES.blobConnection],
    config: { allowedTargets: z.array(z.enum([...VERCEL_TARGETS, "custom"])).default([...VERCEL_TARGETS]) },
    validate(resource, config, report) {
        const allowed = new Set<string>(config.allowedTargets);
        if (resource.type === TYPES.blobConnection) {
            const listed = parseJsonish(resource.props.environments);
            const envs = Array.isArray(listed) ? (listed as string[]) : [];
            const bad = envs.filter((t) => !allowed.has(t));
            if (bad.length > 0) report(`${resource.name} injects the Blob token into ${bad.join(", ")}; this environment may only write ${config.allowedTargets.join(", ")}.`);
            return;
        }
        for (const { item, label } of variablesOf(resource.type, resource.props)) {
            const bad = targetsOf(item).filter((t) => !allowed.has(t));
            if (bad.length > 0) report(`${resource.name}: ${label} targets ${bad.join(", ")}; this environment may only write ${config.allowedTargets.join(", ")}.`);
        }
    },
});


/**
 * Deployment types of vercelAuthentication and passwordProtection that cover previews (everything but `none`), as
 * the provider spells them (terraform-provider-vercel v5.4.1, vercel/resource_project.go, deployment_type OneOf).
 * The camelCase forms in the SDK's doc comments are refused by the provider, so they protect nothing.
 */
const PROTECTING_DEPLOYMENT_TYPES = new Set(["standard_protection_new", "standard_protection", "all_deployments", "only_preview_deployments"]);

export const previewProtection = resourceRule({
    name: "vercel-preview-protection",
    description: "Preview deployments require a Vercel login (or a password), so unreleased branches and their data are never public.",
    severity: "high",
    category: "security",
    remediation:
        "Set `service:vercel.protectPreviews: true` (the default), which gives the project Vercel Authentication with Standard Protection. Remove DeploymentProtectionException resources; use a ProjectProtectionBypass secret for automation instead. A project adopted with `service:vercel.projectId` is not managed by the stack: set its Deployment Protection in the project settings.",
    types: [TYPES.vercelProject, TYPES.protectionException],
    validate(resource, _config, report) {
        if (resource.type === TYPES.protectionException) {
            report(`${resource.name} exempts a deployment from Deployment Protection, making that preview public.`);
            return;
        }
        const project = inputsOf(resource, TYPES.vercelProject);
        const auth = project?.vercelAuthentication?.deploymentType;
        const password = project?.passwordProtection?.deploymentType;
        const protectedBy = [auth, password].some((t) => typeof t === "string" && PROTECTING_DEPLOYMENT_TYPES.has(t));
        if (!protectedBy) {
            report(`${resource.name} leaves preview deployments public (vercelAuthentication.deploymentType is ${JSON.stringify(auth ?? "not set")}, no password protection).`);
        }
    },
});

export const teamScoped = resourceRule({
    name: "vercel-team-scoped",
    description: "Every Vercel resource names its team, so nothing is created in someone's personal account by the token's default scope.",
    severity: "high",
    category: "security",
    remediation: "Pass `teamId: config.vercel.teamId` (from `service:vercel.teamId`) to every Vercel resource; the template's components all do.",
    types: (t: string) => t.startsWith("vercel:index/") && t !== TYPES.teamConfig,
    validate(resource, _config, report) {
        const teamId = resource.props.teamId;
        if (typeof teamId !== "string" || teamId.trim() === "") report(`${resource.name} (${resource.type.split(":").pop()}) has no teamId.`);
    },
});

// ── Stack rules ────────────────────────────────────────────────────────────────────────────────────────────


/** Every variable of the stack with its resource, for stack rules. */
function stackVariables(resources: PolicyResource[]): Array<VariableView & { resource: PolicyResource }> {
    return resources.filter((r) => ENV_VAR_TYPES.includes(r.type)).flatMap((r) => variablesOf(r.type, r.props).map((v) => ({ ...v, resource: r })));
}

/** Targets whose deployments this stack feeds (env vars, the Blob connection, or a production domain). */
function writtenTargets(resources: PolicyResource[]): Set<string> {
    const out = new Set<string>();
    for (const v of stackVariables(resources)) for (const t of targetsOf(v.item)) out.add(t);
    for (const r of resources) {
        const blobTargets = r.type === TYPES.blobConnection ? parseJsonish(r.props.environments) : undefined;
        if (Array.isArray(blobTargets)) for (const t of blobTargets) out.add(String(t));
        if (r.type === TYPES.projectDomain && !r.props.gitBranch && !r.props.customEnvironmentId) out.add("production");
    }
    return out;
}

export const requiredEnvVars = stackRule({
    name: "vercel-required-env-vars",
    description: "Every Vercel target the stack writes receives the variables the app needs to run and to report its errors, and production never logs at a forbidden level such as DEBUG.",
    severity: "high",
    category: "security",
    remediation:
        "The env-var contract provides ENVIRONMENT, LOG_LEVEL and the datastore URLs; add third-party keys such as SENTRY_DSN to `service:app.requiredApiKeys` and set them with `pulumi config set --secret --path 'service:apiKeys.<NAME>' <value>`. Set `service:app.logLevel` to INFO or higher. The list lives in policies/config/<environment>.json (`required`).",
    config: {
        required: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/)).default(["ENVIRONMENT", "LOG_LEVEL", "DATABASE_URL"]),
        forbiddenLogLevels: z.array(z.string()).default(["DEBUG"]),
    },
    validate(resources, config, report) {
        const variables = stackVariables(resources);
        const targets = writtenTargets(resources);
        if (targets.size === 0) return;
        const blobTargets = new Set<string>();
        for (const r of resources) {
            const envs = r.type === TYPES.blobConnection && !r.props.envVarPrefix ? parseJsonish(r.props.environments) : undefined;
            if (Array.isArray(envs)) for (const t of envs) blobTargets.add(String(t));
        }
        for (const target of [...targets].sort()) {
            const present = new Set(variables.filter((v) => targetsOf(v.item).includes(target as VercelTargetName)).map((v) => String(v.item.key)));
            if (blobTargets.has(target)) present.add("BLOB_READ_WRITE_TOKEN");
            const missing = config.required.filter((n) => !present.has(n));
            if (missing.length > 0) report(`The ${target} target receives no ${missing.join(", ")}.`);
        }
        const forbidden = new Set(config.forbiddenLogLevels.map((l) => l.toUpperCase()));
        for (const v of variables) {
            if (String(v.item.key) !== "LOG_LEVEL") continue;
            const level = v.item.value;
            if (typeof level === "string" && forbidden.has(level.trim().toUpperCase())) {
                report(`${v.resource.name}: LOG_LEVEL is ${level} for ${targetsOf(v.item).join(", ")}; debug logs carry request bodies and personal data.`, ruleResource(v.resource));
            }
        }
    },
});

/** One rule of a FirewallConfig, as the provider's schema types it. */
type FirewallRule = NonNullable<NonNullable<Inputs<typeof TYPES.firewall>["rules"]>["rules"]>[number];

/** A rate_limit rule that counts every request under `path` and blocks (not just logs) past the limit. */
function coversPath(rule: FirewallRule, path: string): boolean {
    if (rule.active === false || rule.action?.action !== "rate_limit") return false;
    const rl = rule.action?.rateLimit;
    if (!rl || rl.action === "log" || !(Number(rl.limit) > 0)) return false;
    const groups = Array.isArray(rule.conditionGroups) ? rule.conditionGroups : [];
    return groups.some((g) => {
        const conditions = Array.isArray(g?.conditions) ? g.conditions : [];
        // Any other condition in the group (a method, a header) narrows the rule to part of the traffic.
        if (conditions.length === 0 || !conditions.every((c) => c?.type === "path" && c.neg !== true)) return false;
        return conditions.every((c) => {
            const value = String(c.value ?? "");
            if (c.op === "pre") return path.startsWith(value);
            if (c.op === "sub") return path.includes(value);
            if (c.op === "re") {
                try {
                    return new RegExp(value).test(path) && new RegExp(value).test(`${path}/x`);
                } catch {
                    return false;
                }
            }
            return false;
        });
    });
}

const rateLimitDoc = {
    name: "vercel-rate-limit-configured",
    description:
        "Every Vercel firewall is enabled with a blocking rate limit on every API path, and a stack that serves production has one, so one client cannot exhaust the functions, the database or a paid model API.",
    severity: "high" as const,
    category: "security" as const,
    remediation:
        "Keep `service:rateLimits` (the presets limit /api/chat, /api/upload, /api/auth/signup and /api) with `action: rate_limit` or `deny`; the prod stack turns them into a FirewallConfig. Never set `enabled: false` on a FirewallConfig: remove a rule instead.",
    config: {
        paths: z.array(z.string().startsWith("/")).default(["/api"]),
        /** A limit looser than this per client is no protection. */
        maxRequestsPerMinute: z.number().positive().default(600),
    },
};

/** What a FirewallConfig lacks: it is off, or some API path has no blocking, tight enough rate limit. */
function firewallProblems(name: string, props: Record<string, unknown>, config: { paths: string[]; maxRequestsPerMinute: number }): string[] {
    const firewall = props as Inputs<typeof TYPES.firewall>;
    if (firewall.enabled === false) return [`${name} is disabled (enabled: false), so none of its rules, rate limits included, apply.`];
    const rules: FirewallRule[] = Array.isArray(firewall.rules?.rules) ? firewall.rules.rules : [];
    const problems: string[] = [];
    for (const path of config.paths) {
        const covering = rules.filter((rule) => coversPath(rule, path));
        if (covering.length === 0) {
            problems.push(`No active rate_limit rule of ${name} blocks excess requests to ${path} (a rule that only logs does not count).`);
            continue;
        }
        for (const rule of covering) {
            const perMinute = (Number(rule.action.rateLimit?.limit) * 60) / Number(rule.action.rateLimit?.window || 60);
            if (perMinute > config.maxRequestsPerMinute) {
                problems.push(`Rule ${JSON.stringify(rule.name)} of ${name} allows ${Math.round(perMinute)} requests per minute per client under ${path}; at most ${config.maxRequestsPerMinute} protects anything.`);
            }
        }
    }
    return problems;
}

export const rateLimitConfigured = resourceAndStackRule(
    // On each FirewallConfig itself, whatever else the stack holds, so a disabled firewall blocks its preview.
    resourceRule({
        ...rateLimitDoc,
        types: [TYPES.firewall],
        validate(resource, config, report) {
            for (const problem of firewallProblems(resource.name, resource.props, config)) report(problem);
        },
    }),
    stackRule({
        ...rateLimitDoc,
        validate(resources, _config, report) {
            if (!writtenTargets(resources).has("production")) return;
            if (!resources.some((r) => r.type === TYPES.firewall)) report("The stack serves production but has no FirewallConfig.");
        },
    }),
);

// ── Debug and development modes ────────────────────────────────────────────────────────────────────────────

/** Values that switch a flag on, as frameworks read them (Flask, Django, Laravel, the debug module). */
const TRUE_ISH = /^(1|true|yes|on|y|t)$/i;
const FALSE_ISH = /^(0|false|no|off|n|f|)$/i;
/** Environment names that mean "not production" when a mode variable carries them. */
const DEV_ENVIRONMENTS = /^(dev|development|local|debug|test|testing)$/i;

/**
 * Why a variable puts the app in a debug or development mode, or undefined. Debug switches (`DEBUG`,
 * `FLASK_DEBUG`, `DJANGO_DEBUG`, `APP_DEBUG`, `*_DEBUG_MODE`) on; `NODE_ENV` anything but production; mode
 * variables (`FLASK_ENV`, `APP_ENV`, `RAILS_ENV`, `*_MODE`, ...) naming a development environment.
 */
export function debugModeProblem(name: string, value: string): string | undefined {
    const key = name.toUpperCase();
    const v = value.trim();
    if (key === "DEBUG") {
        // The debug module reads DEBUG as a list of namespaces: any value but an off-switch turns logging on.
        return FALSE_ISH.test(v) ? undefined : `DEBUG=${JSON.stringify(v)} turns debug output on`;
    }
    if (/(^|_)DEBUG(_MODE)?$/.test(key)) return TRUE_ISH.test(v) ? `${name}=${JSON.stringify(v)} turns the framework's debug mode on` : undefined;
    if (key === "NODE_ENV") return v === "production" ? undefined : `NODE_ENV=${JSON.stringify(v)} runs Node frameworks in development mode (verbose errors, no caching)`;
    if (/(^|_)(ENV|MODE)$/.test(key) && DEV_ENVIRONMENTS.test(v)) return `${name}=${JSON.stringify(v)} runs the app in ${v.toLowerCase()} mode`;
    return undefined;
}

export const noDebugInProduction = resourceRule({
    name: "vercel-no-debug-in-production",
    description: "No variable reaching Vercel's production target turns on a debug or development mode: DEBUG, FLASK_DEBUG, DJANGO_DEBUG, APP_DEBUG and the like true, NODE_ENV other than production, FLASK_ENV or APP_ENV development.",
    severity: "high",
    category: "security",
    remediation:
        "Debug pages show stack traces, settings and secrets to anyone who triggers an error: remove the variable from production (set it in `service:app.plainEnv` of a dev stack only), and let NODE_ENV default to production on Vercel.",
    types: ENV_VAR_TYPES,
    validate(resource, _config, report) {
        for (const { item, label } of variablesOf(resource.type, resource.props)) {
            if (!targetsOf(item).includes("production")) continue;
            const name = String(item.key ?? "");
            for (const field of ["value", "valueWo"]) {
                // A value computed by another resource is no hand-set mode switch.
                const value = field in item ? knownOrUndefined(() => item[field]) : undefined;
                const problem = typeof value === "string" ? debugModeProblem(name, value) : undefined;
                if (problem) report(`${resource.name}: ${label} reaches production and ${problem}.`);
            }
        }
    },
});

const PRIVATE_DATASTORES: Record<string, { label: string; isPrivate(props: Record<string, unknown>): boolean; ids: string[] }> = {
    [TYPES.rdsInstance]: { label: "RDS instance", isPrivate: (p) => peek(p, "publiclyAccessible") !== true, ids: ["identifier"] },
    [TYPES.rdsClusterInstance]: { label: "Aurora instance", isPrivate: (p) => peek(p, "publiclyAccessible") !== true, ids: ["identifier"] },
    [TYPES.rdsProxy]: { label: "RDS Proxy", isPrivate: () => true, ids: ["name"] },
    [TYPES.replicationGroup]: { label: "ElastiCache group", isPrivate: () => true, ids: ["replicationGroupId"] },
    [TYPES.cacheCluster]: { label: "ElastiCache cluster", isPrivate: () => true, ids: ["clusterId"] },
    [TYPES.serverlessCache]: { label: "ElastiCache serverless cache", isPrivate: () => true, ids: ["name"] },
};

/** Resources that give Vercel functions a route into the VPC: a Secure Compute network and its peering. */
const PRIVATE_ROUTES: readonly string[] = [TYPES.vercelNetwork, TYPES.vpcPeeringConnection, TYPES.vpcPeeringAccepter];

const HOST_FIELDS = ["address", "endpoint", "primaryEndpointAddress", "readerEndpointAddress", "configurationEndpointAddress"];

export const privateDatastoreReachable = stackRule({
    name: "private-datastore-reachable",
    description: "A datastore that only accepts connections from inside its VPC is handed to the Vercel app only when the stack also gives Vercel a private route to it (Secure Compute and VPC peering).",
    severity: "critical",
    category: "security",
    remediation:
        "Either set `service:reachability: public` (Postgres over TLS from the internet, Upstash for Redis: `service:cache.backend: upstash`), or keep `private` with `service:vercel.secureComputeNetworkId` and the VPC peering the network component creates for it.",
    validate(resources, _config, report) {
        if (resources.some((r) => PRIVATE_ROUTES.includes(r.type))) return;
        const stores = resources.filter((r) => PRIVATE_DATASTORES[r.type]?.isPrivate(r.props));
        if (stores.length === 0) return;
        const linkedStores = datastoreLinks(stores);
        for (const r of resources.filter((x) => ENV_VAR_TYPES.includes(x.type))) {
            for (const store of linkedStores(r)) {
                report(
                    `${r.name} hands the app the endpoint of ${PRIVATE_DATASTORES[store.type].label} ${store.name}, which accepts connections only from its VPC; Vercel functions cannot reach it without Secure Compute, so every request would time out.`,
                    ruleResource(r),
                );
            }
        }
    },
});

/**
 * The datastores (in the order given) an env var resource hands to the app: its value was computed from a
 * datastore's outputs (known even in preview), or a known value names the datastore's host, as a hand-written
 * URL would (the host anywhere in the value, or its identifier as a host label: `@id.`, `/id.` or `.id.`).
 * Built once per stack and looked up per env var through indexes, so a stack with thousands of both is checked
 * in time proportional to its size rather than to env vars times datastores.
 */
function datastoreLinks(stores: PolicyResource[]): (r: PolicyResource) => PolicyResource[] {
    const fields = ["value", "valueWo", "variables", "environments"];
    const byUrn = new Map(stores.map((s, i) => [s.urn, i]));
    const add = <T>(index: Map<string, T[]>, key: string, item: T) => {
        const list = index.get(key);
        if (list) list.push(item);
        else index.set(key, [item]);
    };
    // A host inside a value contains each of the host's inner labels between two dots of the value, so hosts
    // are indexed by their rarest inner label; a host with none ("localhost", "db.internal") is tried on every value.
    const hosts = stores.map((store) => HOST_FIELDS.map((k) => peek(store.props, k)).filter((v): v is string => typeof v === "string" && v !== "").map((h) => h.toLowerCase()));
    const innerLabels = (text: string) => text.split(".").slice(1, -1);
    const labelCount = new Map<string, number>();
    for (const h of hosts.flat()) for (const l of new Set(innerLabels(h))) labelCount.set(l, (labelCount.get(l) ?? 0) + 1);
    const hostsByLabel = new Map<string, Array<[number, string]>>();
    const unlabelledHosts: Array<[number, string]> = [];
    hosts.forEach((list, i) => {
        for (const h of list) {
            const labels = innerLabels(h);
            if (labels.length === 0) {
                unlabelledHosts.push([i, h]);
                continue;
            }
            const rarest = labels.reduce((a, b) => ((labelCount.get(b) ?? 0) < (labelCount.get(a) ?? 0) ? b : a));
            add(hostsByLabel, rarest, [i, h] as [number, string]);
        }
    });
    // An identifier without `@`, `/` or `.` follows one of them in a value exactly when it is the text between
    // that character and the next dot; any other identifier is matched by its pattern.
    const idsByText = new Map<string, number[]>();
    const idPatterns: Array<[number, RegExp]> = [];
    stores.forEach((store, i) => {
        for (const id of PRIVATE_DATASTORES[store.type].ids.map((k) => peek(store.props, k)).filter((v): v is string => typeof v === "string" && v !== "")) {
            const lower = id.toLowerCase();
            if (/[@/.]/.test(lower)) idPatterns.push([i, new RegExp(`[@/.]${escapeRe(lower)}\\.`)]);
            else add(idsByText, lower, i);
        }
    });
    return (r) => {
        const linked = new Set<number>();
        for (const f of fields) for (const d of r.propertyDependencies?.[f] ?? []) {
            const i = byUrn.get(d.urn);
            if (i !== undefined) linked.add(i);
        }
        for (const value of knownValues(r)) {
            const lower = value.toLowerCase();
            for (const label of innerLabels(lower)) for (const [i, h] of hostsByLabel.get(label) ?? []) if (lower.includes(h)) linked.add(i);
            for (const [i, h] of unlabelledHosts) if (lower.includes(h)) linked.add(i);
            for (let at = 0; at < lower.length; at++) {
                if (!"@/.".includes(lower[at])) continue;
                const dot = lower.indexOf(".", at + 1);
                if (dot < 0) break;
                for (const i of idsByText.get(lower.slice(at + 1, dot)) ?? []) linked.add(i);
            }
            for (const [i, re] of idPatterns) if (re.test(lower)) linked.add(i);
        }
        return [...linked].sort((a, b) => a - b).map((i) => stores[i]);
    };
}

/** Known string values of an env var resource in any of its forms (unknown ones are skipped: see `dependsOn`). */
function knownValues(r: PolicyResource): string[] {
    const values: unknown[] = [peek(r.props, "value"), peek(r.props, "valueWo")];
    for (const list of ["variables", "environments"]) {
        const items = parseJsonish(peek(r.props, list));
        if (Array.isArray(items)) for (const item of items) values.push(peek(item, "value"));
    }
    return values.filter((v): v is string => typeof v === "string");
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Environment names a physical name may carry (`<service>-<environment>-...`); synonyms count as one. */
const ENVIRONMENT_SYNONYMS: ReadonlyArray<readonly string[]> = [["prod", "production"], ["dev", "development"]];
const sameEnvironment = (a: string, b: string) => a === b || ENVIRONMENT_SYNONYMS.some((group) => group.includes(a) && group.includes(b));

/**
 * The names in a variable's value that carry an environment other than `own`: hosts and bucket-like tokens of
 * the form `<service>-<environment>[-...]`. A URL's user and password are left out (they are credentials, not
 * names), and a bare environment name (`ENVIRONMENT=dev`) is not a resource.
 */
export function otherEnvironmentNames(value: string, own: string, environments: readonly string[]): Array<{ name: string; environment: string }> {
    const withoutCredentials = value.replace(/(\/\/)[^/\s@]*@/g, "$1");
    const out: Array<{ name: string; environment: string }> = [];
    for (const token of withoutCredentials.toLowerCase().split(/[^a-z0-9-]+/)) {
        const segments = token.split("-");
        const hit = segments.findIndex((seg, i) => i > 0 && environments.includes(seg) && !sameEnvironment(seg, own.toLowerCase()));
        if (hit > 0) out.push({ name: token, environment: segments[hit] });
    }
    return out;
}

export const environmentsShareNoData = resourceRule({
    name: "environments-share-no-data",
    description: "No env var of one environment points at another environment's datastore, bucket or host (prod reading the dev database, dev writing to the prod bucket), so environments never share data.",
    severity: "critical",
    category: "security",
    remediation:
        "Let each stack wire its own datastores into its own variables (the template's components do); never paste another environment's host, URL or bucket name into a stack's config or a transform.",
    types: [...ENV_VAR_TYPES, TYPES.lambdaFunction],
    config: {
        /** The environment this config file is for; without it, the stack name in the resource's URN. */
        environment: z.string().min(1).optional(),
        /** Environment names that appear as a name segment of physical names. */
        environments: z.array(z.string().min(1)).default(["dev", "development", "staging", "test", "preview", "prod", "production"]),
    },
    validate(resource, config, report) {
        const own = config.environment ?? /^urn:pulumi:([^:]+)::/.exec(resource.urn)?.[1];
        if (!own) return;
        const values: Array<{ label: string; value: unknown }> = [];
        if (resource.type === TYPES.lambdaFunction) {
            const vars = parseJsonish((parseJsonish(peek(resource.props, "environment")) as { variables?: unknown } | undefined)?.variables);
            if (vars && typeof vars === "object") for (const key of Object.keys(vars)) values.push({ label: key, value: peek(vars, key) });
        } else {
            for (const v of variablesOf(resource.type, resource.props)) values.push({ label: v.label, value: peek(v.item, "value") });
        }
        for (const { label, value } of values) {
            // A value unknown in the preview comes from a resource of this stack: this stack's own data.
            if (typeof value !== "string") continue;
            for (const hit of otherEnvironmentNames(value, own, config.environments)) {
                report(`${resource.name}: ${label} points at ${hit.name}, a resource of environment "${hit.environment}", from environment "${own}".`);
            }
        }
    },
});

export const appRules: Rule[] = [
    envSecretsSensitive,
    envTargetsMatchEnvironment,
    requiredEnvVars,
    noDebugInProduction,
    rateLimitConfigured,
    previewProtection,
    teamScoped,
    privateDatastoreReachable,
    environmentsShareNoData,
];
