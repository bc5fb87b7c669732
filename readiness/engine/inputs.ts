/**
 * The stack config as the offline check hands it to the program, validated first: every problem of the
 * stack file is reported before the policy config is looked up and before the program runs, so a bad input
 * registers nothing and costs no program run.
 */
import * as path from "path";
import { ConfigError, CONFIG_NAMESPACE, missingRequiredSecrets, parseServiceConfig, ServiceConfig } from "../../config";
import { SECRET_KEYS } from "../../config/schema";
import { missingProviderConfig } from "../../config/providerConfig";
import { SECRET_PLACEHOLDER, StackFile, UsageError } from "./stackFiles";
import { parseJsonish } from "../../contracts/json";

export interface PreparedConfig {
    config: Record<string, string>;
    secretKeys: string[];
    notes: string[];
    /** The validated config (placeholders in for secrets the stack file cannot show offline). */
    settings: ServiceConfig;
}

export interface PrepareOptions {
    project: string;
    stackFile: StackFile;
    config: Record<string, string>;
    secretKeys: string[];
    strictSecrets?: boolean;
}

const API_KEYS = `${CONFIG_NAMESPACE}:apiKeys`;

export function prepareConfig(opts: PrepareOptions): PreparedConfig {
    const config = { ...opts.config };
    const secretKeys = [...opts.secretKeys];
    const notes: string[] = [];
    const fileName = path.basename(opts.stackFile.file);

    const plainBesideSecure = plainEntriesOfSecretKeys(opts);
    if (plainBesideSecure.length > 0) {
        throw new UsageError(
            `${fileName}: ${plainBesideSecure.map((k) => `${k}: got a plain-text value; expected a secret`).join("; ")}`,
            plainBesideSecure.map((key) => ({
                key,
                given: "a plain-text value",
                expected: `a secret value: the CLI marks the whole key secret once one entry is, so a plain entry beside it would pass as one; remove it from ${fileName} and run \`pulumi config set --secret --path '${key}' <value>\``,
            })),
        );
    }
    for (const key of opts.stackFile.fromProject) {
        if (opts.config[key] === opts.stackFile.config[key]) notes.push(`${key} is not set in ${fileName}; it is taken from Pulumi.yaml's \`config:\`, as the Pulumi CLI applies it to every stack.`);
    }

    // `pulumi new`'s secret prompt stores the whole JSON object as one `secure:` value. The CLI decrypts it to
    // the JSON text and the program parses it; offline its entries cannot be read, so the names the stack
    // requires stand in, each with a placeholder.
    const wholeSecret = secretKeys.includes(API_KEYS) && config[API_KEYS] === SECRET_PLACEHOLDER;
    if (wholeSecret) {
        config[API_KEYS] = "{}";
        notes.push(`${API_KEYS} is one secure value (as \`pulumi new\` writes it); its entries cannot be read offline, so the required keys are checked with placeholders.`);
    }

    // Provider settings the stack's resources need (upstash:email, upstash:apiKey) are stood in for like
    // required secrets, marked secret where the key is.
    const missingProvider = missingProviderConfig(config);
    for (const m of missingProvider) {
        config[m.key] = m.secret ? SECRET_PLACEHOLDER : "offline-check@example.invalid";
        if (m.secret && !secretKeys.includes(m.key)) secretKeys.push(m.key);
        notes.push(`${m.key} is not set in ${fileName}; checked with a placeholder (${m.why}). Set it with \`pulumi config set${m.secret ? " --secret" : ""} ${m.key} <value>\` before \`pulumi up\`.`);
    }

    // Placeholders only where a secret belongs: a plain-text apiKeys must reach validation as it is, to be refused.
    const present = config[API_KEYS] !== undefined;
    const apiKeys = objectOf(config[API_KEYS]);
    const missing = (present && !secretKeys.includes(API_KEYS)) || (present && !apiKeys) ? [] : missingRequiredSecrets(config);
    const strictMissing = opts.strictSecrets ? (wholeSecret ? [] : missing) : [];
    if (opts.strictSecrets && (strictMissing.length > 0 || missingProvider.length > 0)) {
        const problems = [
            ...strictMissing.map((key) => ({ key, given: "(not set)", expected: `a secret value, set with \`pulumi config set --secret --path '${key}' <value>\`` })),
            ...missingProvider.map((m) => ({ key: m.key, given: "(not set)", expected: `${m.secret ? "a secret value" : "a value"} (${m.why}), set with \`pulumi config set${m.secret ? " --secret" : ""} ${m.key} <value>\`` })),
        ];
        const secrets = strictMissing.length > 0 ? `required secrets: ${strictMissing.join(", ")} (set each with \`pulumi config set --secret --path '<key>' <value>\`)` : "";
        const provider = missingProvider.length > 0 ? `required provider config: ${missingProvider.map((m) => `${m.key} (${m.why}; \`pulumi config set${m.secret ? " --secret" : ""} ${m.key} <value>\`)`).join(", ")}` : "";
        throw new UsageError(`${fileName} does not set ${[secrets, provider].filter(Boolean).join("; ")}`, problems);
    }
    if (missing.length > 0) {
        const filled = apiKeys ?? {};
        for (const key of missing) {
            filled[key.slice(API_KEYS.length + 1)] = SECRET_PLACEHOLDER;
            if (!wholeSecret) {
                notes.push(`${key} is not set in ${fileName}; checked with a placeholder. Set it with \`pulumi config set --secret --path '${key}' <value>\` before \`pulumi up\`.`);
            }
        }
        config[API_KEYS] = JSON.stringify(filled);
        if (!secretKeys.includes(API_KEYS)) secretKeys.push(API_KEYS);
    }

    let settings: ServiceConfig;
    try {
        settings = parseServiceConfig(config, new Set(secretKeys), { project: opts.project });
    } catch (e) {
        if (e instanceof ConfigError) throw new UsageError(`${fileName}: ${e.message}`, e.problems);
        throw e;
    }
    return { config, secretKeys, notes, settings };
}

/** The apiKeys object as the stack file gives it (none when absent); undefined when it is not an object. */
function objectOf(raw: string | undefined): Record<string, unknown> | undefined {
    const v = parseJsonish(raw ?? "{}");
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/**
 * Entries of a key that must be secret (`service:apiKeys`) written in plain text beside secure ones. The CLI
 * hands the program the whole key as secret once any leaf is (pulumi/pulumi sdk/go/common/resource/config,
 * `Value.Secure` of an object: true when any leaf is), so only the stack file can tell them apart.
 */
function plainEntriesOfSecretKeys(opts: PrepareOptions): string[] {
    const out: string[] = [];
    const leaves = new Set(opts.stackFile.secretLeaves ?? []);
    for (const name of SECRET_KEYS) {
        const key = `${CONFIG_NAMESPACE}:${name}`;
        // Only a value read from the stack file has leaves to judge; an override (tests) states its own secrecy.
        if (opts.config[key] === undefined || opts.config[key] !== opts.stackFile.config[key] || leaves.has(key)) continue;
        if (!opts.stackFile.secretKeys.includes(key)) continue; // wholly plain: refused with the key by the schema's check
        const entries = objectOf(opts.config[key]);
        for (const entry of Object.keys(entries ?? {})) if (!leaves.has(`${key}.${entry}`)) out.push(`${key}.${entry}`);
    }
    return out;
}
