/**
 * Provider settings outside the `service:` namespace that a stack's resources cannot be created without. The
 * offline check treats them like required secrets: a missing one is stood in for and noted, and
 * `--strict-secrets` refuses it.
 */
import { deepMerge } from "./load";
import { PRESETS, REACHABILITY_DEFAULTS, SHARED_ENVIRONMENT } from "./presets";
import { CONFIG_NAMESPACE } from "./schema";
import { parseJsonish } from "../contracts/json";

export interface RequiredProviderKey {
    /** Full config key, such as `upstash:apiKey`. */
    key: string;
    secret: boolean;
    /** Why the stack needs it, for the note and the error. */
    why: string;
}

/**
 * The Upstash provider's `email` and `api_key` are Required, with no default but the UPSTASH_EMAIL and
 * UPSTASH_API_KEY environment variables (upstash/terraform-provider-upstash, upstash/provider.go, bridged by
 * @upstash/pulumi 0.5.0); the api key is Sensitive.
 */
const UPSTASH: RequiredProviderKey[] = [
    { key: "upstash:email", secret: false, why: "the Upstash provider needs the account's email (Redis backend upstash)" },
    { key: "upstash:apiKey", secret: true, why: "the Upstash provider needs an API key of that account (Redis backend upstash)" },
];

/**
 * The Sentry provider's `token` is Optional and Sensitive, defaulting to SENTRY_AUTH_TOKEN or SENTRY_TOKEN
 * (jianyuan/terraform-provider-sentry, sentry/provider.go, v0.11.2, bridged by @pulumiverse/sentry 0.0.9); without
 * one every API call fails, so a managed stack needs it.
 */
const SENTRY: RequiredProviderKey[] = [{ key: "sentry:token", secret: true, why: "the Sentry provider needs an auth token of the organization (service:sentry.mode managed)" }];


/** Which of the provider keys the stack needs are not set in the raw config. */
export function missingProviderConfig(raw: Record<string, string>): RequiredProviderKey[] {
    const p = `${CONFIG_NAMESPACE}:`;
    const preset = PRESETS[raw[`${p}environment`] ?? ""];
    // The shared stack creates no Redis (components/shared.ts).
    if (!preset || raw[`${p}environment`] === SHARED_ENVIRONMENT) return [];
    const reachability = (raw[`${p}reachability`] ?? preset.defaults.reachability) as keyof typeof REACHABILITY_DEFAULTS;
    const cache = deepMerge(deepMerge(preset.defaults.cache, REACHABILITY_DEFAULTS[reachability]?.cache ?? {}), parseJsonish(raw[`${p}cache`], { scalars: true }) ?? {}) as { backend?: unknown };
    const sentry = deepMerge(preset.defaults.sentry, parseJsonish(raw[`${p}sentry`], { scalars: true }) ?? {}) as { mode?: unknown };
    const needed = [...(cache.backend === "upstash" ? UPSTASH : []), ...(sentry.mode === "managed" ? SENTRY : [])];
    return needed.filter((k) => raw[k.key] === undefined || raw[k.key] === "");
}
