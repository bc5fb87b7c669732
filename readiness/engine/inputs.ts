/**
 * The stack config as the offline check hands it to the program, validated first: every problem of the
 * stack file is reported before the policy config is looked up and before the program runs, so a bad input
 * registers nothing and costs no program run.
 */
import * as path from "path";
import { ConfigError, CONFIG_NAMESPACE, missingRequiredSecrets, parseServiceConfig, ServiceConfig } from "../../config";
import { missingProviderConfig } from "../../config/providerConfig";
import { InputProblem, SECRET_PLACEHOLDER, StackFile, UsageError } from "./stackFiles";

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
            ...strictMissing.map((key) => ({ key, value: "(not set)", expected: `a secret value, set with \`pulumi config set --secret --path '${key}' <value>\`` })),
            ...missingProvider.map((m) => ({ key: m.key, value: "(not set)", expected: `${m.secret ? "a secret value" : "a value"} (${m.why}), set with \`pulumi config set${m.secret ? " --secret" : ""} ${m.key} <value>\`` })),
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
        if (e instanceof ConfigError) throw new UsageError(`${fileName}: ${e.message}`, e.problems.map(toInputProblem));
        throw e;
    }
    return { config, secretKeys, notes, settings };
}

export function toInputProblem(p: { key: string; given: string; expected: string }): InputProblem {
    return { key: p.key, value: p.given, expected: p.expected };
}

/** The apiKeys object as the stack file gives it (none when absent); undefined when it is not an object. */
function objectOf(raw: string | undefined): Record<string, unknown> | undefined {
    if (raw === undefined) return {};
    try {
        const v = JSON.parse(raw);
        return v && typeof v === "object" && !Array.isArray(v) ? v : undefined;
    } catch {
        return undefined;
    }
}
