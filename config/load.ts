/**
 * Reads and validates the stack configuration before any resource is registered.
 *
 * `parseServiceConfig` is pure (raw strings in, typed config or a `ConfigError` out) so tests and the
 * offline check can call it directly; `loadStackSettings` reads the running Pulumi program's config.
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { derivedProblems } from "./derived";
import { providedByStack } from "./envContract";
import { ConfigError, InputProblem } from "./problem";
import { isSecretPath, NOT_SET, rawKeyProblems, renderValue, SECRET_MARK } from "./guards";
import { namingProblems, resourceNameOf } from "./names";
import { PRESETS, REACHABILITY_DEFAULTS } from "./presets";
import { vercelPlanProblems } from "./vercelPlan";
import { workedExampleProblems } from "./example";
import { CheckedServiceConfig, CONFIG_NAMESPACE, PlainServiceConfig, SECRET_KEYS, ServiceConfig, ServiceConfigSchema } from "./schema";
import { parseJsonish } from "../contracts/json";

export interface StackSettings {
    config: PlainServiceConfig;
    /** Third-party keys from `service:apiKeys`, each a Pulumi secret. */
    apiKeys: Record<string, pulumi.Output<string>>;
}

/** Top-level keys whose raw value is a string even when it looks like a number or boolean. */
const STRING_KEYS = new Set(["environment", "name", "owner", "reachability", "sharedStack"]);

export interface ParseOptions {
    /** The Pulumi project name: keys under its namespace were meant for `service:`. */
    project?: string;
}

/**
 * Validates raw config (`{"service:key": "string or JSON"}`, as Pulumi stores it) against the environment's
 * preset. `secretKeys` holds the full keys (`service:apiKeys`) whose values came from secure config.
 * Every problem is collected first, the environment's first of all, and thrown as one `ConfigError`.
 */
export function parseServiceConfig(raw: Record<string, string>, secretKeys: ReadonlySet<string> = new Set(), options: ParseOptions = {}): CheckedServiceConfig {
    const prefix = `${CONFIG_NAMESPACE}:`;
    const given: Record<string, unknown> = {};
    for (const [fullKey, value] of Object.entries(raw)) {
        if (!fullKey.startsWith(prefix)) continue;
        const key = fullKey.slice(prefix.length);
        if (key.includes(".")) continue; // a flat dotted key: reported by rawKeyProblems
        given[key] = STRING_KEYS.has(key) ? value : parseJsonish(value, { scalars: true });
    }
    const secureTopKeys = new Set([...secretKeys].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)));
    const isSecret = (key: string) => isSecretPath(key, secureTopKeys);
    const environmentProblem = secretKeys.has(`${prefix}environment`)
        ? {
              key: `${prefix}environment`,
              given: SECRET_MARK,
              expected: `a plain value, one of ${Object.keys(PRESETS).map((e) => `"${e}"`).join(", ")}: the environment picks the presets, the policy config and every physical name, so it cannot be secret (\`pulumi config set ${prefix}environment <env>\` without --secret)`,
          }
        : environmentProblemOf(raw[`${prefix}environment`]);
    const problems: InputProblem[] = rawKeyProblems(raw, { project: options.project, secretKeys });

    for (const key of SECRET_KEYS) {
        if (given[key] !== undefined && !secureTopKeys.has(key)) {
            problems.push({
                key: `${prefix}${key}`,
                given: "a plain-text value",
                expected: `a secret value: remove it from the stack file and set each entry with \`pulumi config set --secret --path '${prefix}${key}.<NAME>' <value>\``,
            });
            delete given[key];
        }
    }
    // What `pulumi new` writes for a blank answer to the secret prompt: no keys.
    if (given.apiKeys === "") given.apiKeys = {};

    const preset = environmentProblem ? undefined : PRESETS[given.environment as string];
    if (!preset) {
        // Without a preset nothing can be merged, but a key the schema does not have is wrong in any environment.
        const known = new Set(Object.keys(ServiceConfigSchema.shape));
        for (const key of Object.keys(given).filter((k) => !known.has(k))) {
            problems.push({ key: `${prefix}${key}`, given: renderValue(given[key], isSecret(key)), expected: `no such key: a typo, or a setting this template does not have (known keys: ${[...known].join(", ")})` });
        }
        throw new ConfigError(dedupe([environmentProblem!, ...problems]));
    }

    problems.push(...workedExampleProblems(given, options.project));

    for (const path of preset.required) {
        const value = getPath(given, path);
        if (value === undefined || (Array.isArray(value) && value.length === 0)) {
            problems.push({
                key: `${prefix}${path}`,
                given: value === undefined ? NOT_SET : "[]",
                expected: `a value: the ${given.environment} environment requires \`${prefix}${path}\` to be set in the stack file`,
            });
        }
    }

    const reachability = (given.reachability ?? preset.defaults.reachability) as keyof typeof REACHABILITY_DEFAULTS;
    const merged = deepMerge(deepMerge(preset.defaults, REACHABILITY_DEFAULTS[reachability] ?? {}), given);
    const result = ServiceConfigSchema.safeParse(merged);
    if (!result.success) {
        for (const issue of result.error.issues) problems.push(...describeIssue(issue, merged, isSecret));
    } else {
        problems.push(
            ...crossFieldProblems(result.data),
            ...derivedNameProblems(result.data),
            ...vercelPlanProblems(result.data),
            ...duplicateProblems(result.data),
            ...ineffectiveProblems(given, result.data),
        );
    }
    problems.push(...derivedProblems(merged));
    if (problems.length > 0) throw new ConfigError(dedupe(problems));
    // No problem: crossFieldProblems found each of CrossKeyGuarantees true.
    return result.data! as CheckedServiceConfig;
}

/**
 * `service:environment` decides every default and the policy config, so it is judged before anything else:
 * missing, empty, null, mis-cased or unknown each get their own explanation.
 */
function environmentProblemOf(value: string | undefined): InputProblem | undefined {
    const key = `${CONFIG_NAMESPACE}:environment`;
    const names = Object.keys(PRESETS);
    const list = names.map((e) => `"${e}"`).join(", ");
    if (value !== undefined && PRESETS[value]) return undefined;
    if (value === undefined) {
        return { key, given: NOT_SET, expected: `one of ${list}: every stack file must name its environment preset (\`pulumi config set ${key} dev\`)` };
    }
    if (value === "null" || value === "") {
        return { key, given: value === "" ? '""' : "null", expected: `one of ${list}: the key is present but has no value` };
    }
    const folded = names.find((e) => e.toLowerCase() === value.trim().toLowerCase());
    if (folded) return { key, given: JSON.stringify(value), expected: `"${folded}": preset names are lower-case and exact` };
    return { key, given: renderValue(parseJsonish(value, { scalars: true }), false), expected: `one of ${list} (the preset of defaults the stack starts from, and its policies/config/<environment>.json)` };
}

/** Rules that tie settings together; each names the key a user should change. */
function crossFieldProblems(c: ServiceConfig): InputProblem[] {
    const p = `${CONFIG_NAMESPACE}:`;
    const problems: InputProblem[] = [];
    if (c.reachability === "private" && !c.vercel.secureComputeNetworkId) {
        problems.push({
            key: `${p}vercel.secureComputeNetworkId`,
            given: NOT_SET,
            expected: "the id of the team's Vercel Secure Compute network: private reachability needs it, or the app cannot reach the VPC",
        });
    }
    if (c.reachability === "private" && c.database.manageRoles && !c.database.deployerInsideVpc) {
        problems.push({
            key: `${p}database.manageRoles`,
            given: "true",
            expected:
                "false while reachability is \"private\": the postgresql provider connects from wherever `pulumi up` runs, and a GitHub-hosted runner " +
                "cannot reach a VPC-only database (the run would fail after the instance is created). Set it to false, and `pulumi up` runs the bootstrap SQL " +
                `through a Lambda function inside the VPC (docs/decisions/postgres-bootstrap.md), or, if \`pulumi up\` runs inside the VPC or the peered network, set ${p}database.deployerInsideVpc to true`,
        });
    }
    if (c.storage.ownOidcProvider && c.storage.oidcProviderArn) {
        problems.push({
            key: `${p}storage.oidcProviderArn`,
            given: JSON.stringify(c.storage.oidcProviderArn),
            expected: `no value while ${p}storage.ownOidcProvider is true: the stack creates its account's provider and its role trusts that one; set one of the two`,
        });
    }
    if (c.cache.backend === "elasticache" && c.reachability !== "private") {
        problems.push({
            key: `${p}cache.backend`,
            given: JSON.stringify(c.cache.backend),
            expected: '"upstash" while reachability is "public": ElastiCache is VPC-only and Vercel functions cannot reach it without Secure Compute',
        });
    }
    for (const name of c.app.requiredApiKeys) {
        if (!(name in c.apiKeys) && !providedByStack(c.sentry.mode, name)) {
            problems.push({
                key: `${p}apiKeys.${name}`,
                given: NOT_SET,
                expected: `a secret value, set with \`pulumi config set --secret --path '${p}apiKeys.${name}' <value>\` (listed in ${p}app.requiredApiKeys)`,
            });
        }
    }
    const generated = new Set(c.secrets.generated);
    for (const name of Object.keys(c.apiKeys)) {
        if (generated.has(name)) {
            problems.push({
                key: `${p}apiKeys.${name}`,
                given: SECRET_MARK,
                expected: `no value: ${name} is generated by the stack (${p}secrets.generated), so a configured copy would be ambiguous`,
            });
        }
    }
    return problems;
}

/**
 * Lists whose entries each derive a resource (its logical name, so its URN, or a rule AWS keeps unique): two
 * entries equal after the derivation would give two resources one URN, which the engine refuses ("Duplicate
 * resource URN"), or one rule twice, which AWS refuses (InvalidPermission.Duplicate).
 */
const UNIQUE_LISTS: Array<{ path: string; items: (c: ServiceConfig) => string[]; derive: (v: string) => string; what: string }> = [
    // components/monitoring.ts keys each subscription `<topic>-email-<address lower-cased>`.
    { path: "alerts.emails", items: (c) => c.alerts.emails, derive: (v) => v.toLowerCase(), what: "each address subscribes once (components/monitoring.ts names the subscription by the address in lower case)" },
    // components/network.ts makes one ingress rule per CIDR; AWS refuses the same rule twice in a group.
    { path: "database.allowedCidrs", items: (c) => c.database.allowedCidrs, derive: (v) => v, what: "each CIDR once: the security group gets one ingress rule per entry, and AWS refuses a duplicate rule" },
    { path: "secrets.generated", items: (c) => c.secrets.generated, derive: (v) => v, what: "each name once: every name is a generated secret, a Secrets Manager secret and an env var" },
    { path: "app.requiredApiKeys", items: (c) => c.app.requiredApiKeys, derive: (v) => v, what: "each name once" },
    { path: "rateLimits", items: (c) => c.rateLimits.map((r) => r.name), derive: (v) => v, what: "rule names that differ: each rule of the Vercel firewall is named by its name" },
    { path: "budget.alertPercentages", items: (c) => c.budget.alertPercentages.map(String), derive: (v) => v, what: "each percentage once: each is one budget notification" },
];

function duplicateProblems(c: ServiceConfig): InputProblem[] {
    const problems: InputProblem[] = [];
    for (const list of UNIQUE_LISTS) {
        const seen = new Map<string, number>();
        list.items(c).forEach((item, i) => {
            const derived = list.derive(item);
            const first = seen.get(derived);
            if (first === undefined) {
                seen.set(derived, i);
                return;
            }
            const index = list.path === "rateLimits" ? `${i}.name` : String(i);
            problems.push({
                key: `${CONFIG_NAMESPACE}:${list.path}.${index}`,
                given: `${renderValue(item, false)}, the same as entry ${first} (${renderValue(list.items(c)[first], false)})`,
                expected: `${list.what}; remove one of them`,
            });
        });
    }
    return problems;
}

/**
 * Settings the chosen mode never reads. Set by hand (not by a preset), each is a mistake a user would want
 * to hear about: they believe a setting is in force that is not.
 */
const INEFFECTIVE: Array<{ mode: string; applies: (c: ServiceConfig) => boolean; keys: string[]; why: string }> = [
    {
        mode: "storage.backend",
        applies: (c) => c.storage.backend === "blob",
        keys: ["storage.oidcProviderArn", "storage.ownOidcProvider", "storage.versioning", "storage.noncurrentVersionExpirationDays", "storage.abortIncompleteUploadDays", "storage.corsOrigins"],
        why: "a Vercel Blob store has no bucket, no IAM role and no OIDC provider (components/storage.ts creates only the store)",
    },
    {
        mode: "sentry.mode",
        applies: (c) => c.sentry.mode === "external",
        keys: ["sentry.organization", "sentry.team", "sentry.projectSlug", "sentry.adopt", "sentry.platform", "sentry.alerts"],
        why: "Sentry kept outside Pulumi creates no project, key or alert rule, so nothing reads the managed settings",
    },
    {
        mode: "cache.backend",
        applies: (c) => c.cache.backend === "upstash",
        keys: ["cache.engine", "cache.nodeType", "cache.nodes", "cache.snapshotRetentionDays"],
        why: "Upstash is serverless: there are no nodes, node types or ElastiCache snapshots",
    },
    { mode: "cache.backend", applies: (c) => c.cache.backend === "elasticache", keys: ["cache.upstashRegion"], why: "ElastiCache lives in the stack's AWS region" },
    {
        mode: "reachability",
        applies: (c) => c.reachability === "public",
        keys: ["vercel.secureComputeNetworkId", "vercel.peeringConnectionId", "database.deployerInsideVpc"],
        why: "public reachability has no Secure Compute network, no peering and no VPC-only database",
    },
];

function ineffectiveProblems(given: Record<string, unknown>, c: ServiceConfig): InputProblem[] {
    const p = `${CONFIG_NAMESPACE}:`;
    const problems: InputProblem[] = [];
    for (const rule of INEFFECTIVE) {
        if (!rule.applies(c)) continue;
        const modeValue = JSON.stringify(getPath(c, rule.mode));
        for (const key of rule.keys) {
            const value = getPath(given, key);
            if (value === undefined) continue;
            problems.push({
                key: `${p}${key}`,
                given: renderValue(value, false),
                expected: `no value while ${p}${rule.mode} is ${modeValue}: ${rule.why}; remove ${p}${key}, or change ${p}${rule.mode}`,
            });
        }
    }
    return problems;
}

/**
 * The service name must fit every physical name derived from it (config/names.ts), in this stack's environment
 * and in every other preset's, so a name accepted for dev cannot fail when the prod stack is created.
 */
function derivedNameProblems(c: ServiceConfig): InputProblem[] {
    const environments = [c.environment, ...Object.keys(PRESETS).filter((e) => e !== c.environment)];
    for (const environment of environments) {
        const name = resourceNameOf(c);
        const found = namingProblems(name, environment, { accountId: c.aws.accountId, engineVersion: c.database.engineVersion });
        if (found.length === 0) continue;
        return [
            {
                key: `${CONFIG_NAMESPACE}:${c.identity ? "identity.name" : "name"}`,
                given: JSON.stringify(name),
                expected:
                    `a name every derived physical name accepts; in the ${environment} environment ` +
                    found.map((f) => `the ${f.resource} ${JSON.stringify(f.value)} must be ${f.limit} (${f.source})`).join("; "),
            },
        ];
    }
    return [];
}

function describeIssue(issue: z.core.$ZodIssue, merged: unknown, isSecret: (key: string) => boolean): InputProblem[] {
    const p = `${CONFIG_NAMESPACE}:`;
    const path = issue.path.map(String);
    const keyOf = (parts: string[]) => (parts.length === 0 ? `${p}(root)` : `${p}${parts.join(".")}`);
    if (issue.code === "unrecognized_keys") {
        return issue.keys.map((k) => ({
            key: keyOf([...path, k]),
            given: renderValue(getPath(merged, [...path, k].join(".")), isSecret([...path, k].join("."))),
            expected: `no such key: a typo, or a setting this template does not have (known keys: ${knownKeys(path).join(", ")})`,
        }));
    }
    const value = getPath(merged, path.join("."));
    return [{ key: keyOf(path), given: value === undefined ? NOT_SET : renderValue(value, isSecret(path.join("."))), expected: expectation(issue) }];
}

const ARTICLE = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

/** Phrases a zod issue as what the key should hold, to follow "expected". */
export function expectation(issue: z.core.$ZodIssue): string {
    switch (issue.code) {
        case "invalid_type":
            return ARTICLE(issue.expected);
        case "too_big": {
            const bound = `${issue.inclusive === false ? "less than" : "at most"} ${issue.maximum}`;
            return issue.origin === "array" ? `${bound} items` : issue.origin === "string" ? `${bound} characters` : `a number ${bound}`;
        }
        case "too_small": {
            const bound = `${issue.inclusive === false ? "more than" : "at least"} ${issue.minimum}`;
            return issue.origin === "array" ? `${bound} items` : issue.origin === "string" ? `${bound} characters` : `a number ${bound}`;
        }
        case "invalid_key": {
            // A record's key broke its rule (an env var name): say the rule, not zod's "Invalid key in record".
            const inner = issue.issues[0];
            const name = issue.path.length > 0 ? JSON.stringify(String(issue.path[issue.path.length - 1])) : "the key";
            return `${inner ? expectation(inner) : "a valid name"} as the name, which ${name} is not`;
        }
        case "invalid_value":
            return `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
        default:
            // Our own messages read "expected ..."; zod's generic ones read "Invalid input: expected ...".
            return issue.message.replace(/^Invalid input: /, "").replace(/^expected /, "");
    }
}

function knownKeys(path: string[]): string[] {
    let schema: z.core.$ZodType = ServiceConfigSchema;
    for (const part of path) {
        const shape = objectShape(schema);
        if (!shape || !(part in shape)) return [];
        schema = shape[part];
    }
    return Object.keys(objectShape(schema) ?? {});
}

function objectShape(schema: z.core.$ZodType): Record<string, z.core.$ZodType> | undefined {
    let s: z.core.$ZodType = schema;
    // Unwrap optional and refined wrappers down to the object.
    for (let i = 0; i < 5; i++) {
        const def = s._zod.def as { type: string; innerType?: z.core.$ZodType; shape?: Record<string, z.core.$ZodType> };
        if (def.type === "object") return def.shape;
        if (def.innerType) s = def.innerType;
        else return undefined;
    }
    return undefined;
}



function getPath(obj: unknown, path: string): unknown {
    let cur: unknown = obj;
    for (const part of path.split(".").filter(Boolean)) {
        if (cur === null || typeof cur !== "object") return undefined;
        cur = (cur as Record<string, unknown>)[part];
    }
    return cur;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Objects merge key by key; arrays and scalars from `override` replace the base. */
export function deepMerge(base: unknown, override: unknown): unknown {
    if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(override)) out[k] = deepMerge(base[k], v);
    return out;
}

/** One problem per key: the first found (a missing required value) explains the key best. */
function dedupe(problems: InputProblem[]): InputProblem[] {
    const seen = new Set<string>();
    return problems.filter((p) => {
        if (seen.has(p.key)) return false;
        seen.add(p.key);
        return true;
    });
}

/**
 * Full keys of required secrets (`service:apiKeys.<NAME>` listed in `app.requiredApiKeys`) that the raw
 * config does not set. The offline check uses it to stand in placeholders, and says so.
 */
export function missingRequiredSecrets(raw: Record<string, string>): string[] {
    const p = `${CONFIG_NAMESPACE}:`;
    const preset = PRESETS[raw[`${p}environment`] ?? ""];
    if (!preset) return [];
    const app = deepMerge(preset.defaults.app, parseJsonish(raw[`${p}app`] ?? "{}", { scalars: true })) as { requiredApiKeys?: unknown };
    const given = parseJsonish(raw[`${p}apiKeys`] ?? "{}", { scalars: true }) as Record<string, unknown>;
    const sentry = deepMerge(preset.defaults.sentry, parseJsonish(raw[`${p}sentry`] ?? "{}", { scalars: true })) as { mode?: unknown };
    // A managed Sentry key provides SENTRY_DSN (config/envContract.ts); nothing to set by hand.
    const required = (Array.isArray(app.requiredApiKeys) ? app.requiredApiKeys.filter((k): k is string => typeof k === "string") : []).filter((k) => !providedByStack(sentry.mode, k));
    return required.filter((k) => !given || typeof given !== "object" || !(k in given)).map((k) => `${p}apiKeys.${k}`);
}

/**
 * Reads the running program's config. Throws `ConfigError` before any resource exists when the config
 * is invalid.
 */
export function loadStackSettings(): StackSettings {
    const raw = pulumi.runtime.allConfig();
    // `isConfigSecret` is exported by the SDK's runtime but marked internal in its typings; it is the only way
    // to tell a `secure:` value from a plain one, which decides whether a plain-text key is refused.
    const runtime = pulumi.runtime as unknown as { isConfigSecret(key: string): boolean };
    const secretKeys = new Set(Object.keys(raw).filter((k) => runtime.isConfigSecret(k)));
    const { apiKeys, ...config } = parseServiceConfig(raw, secretKeys, { project: pulumi.getProject() });
    const secretApiKeys: Record<string, pulumi.Output<string>> = {};
    for (const [name, value] of Object.entries(apiKeys)) secretApiKeys[name] = pulumi.secret(value);
    return { config, apiKeys: secretApiKeys };
}
