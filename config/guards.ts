/**
 * Checks on the raw stack config that the schema cannot make: keys outside `service:` that were meant for
 * it, secrets written in plain text, `secure:` values where a plain one belongs, and how a value may be
 * shown in an error at all. They look at every key of the stack file, not only the ones the template reads.
 */
import type { InputProblem } from "./problem";
import { CONFIG_NAMESPACE, SECRET_KEYS } from "./schema";
import { parseJsonish } from "../contracts/json";

export const SECRET_MARK = "[secret]";
export const NOT_SET = "(not set)";

/** Config namespaces of the providers the program uses; `<namespace>:<key>` configures its default provider. */
export const PROVIDER_NAMESPACES = ["aws", "vercel", "upstash", "random", "postgresql", "sentry"] as const;

/**
 * A key name that holds a credential, judged on its last segment (`upstash:apiKey`, `aws:secretKey`,
 * `service:app.plainEnv.STRIPE_SECRET_KEY`, `postgresql:password`), case and separators ignored.
 */
export function looksSecret(name: string): boolean {
    const last = name.split(/[:.]/).pop() ?? "";
    return /(apikeys?|token|tokens|password|passwd|passphrase|secrets?|secretkey|accesskey|privatekey|credentials?)$/.test(last.toLowerCase().replace(/[-_]/g, ""));
}

/**
 * Keys of the schema whose names look secret but hold names or switches, not credentials: their values are
 * shown in errors like any other setting.
 */
const NAMED_LIKE_SECRETS_BUT_PLAIN = new Set(["secrets", "storeInSecretsManager"]);

/** Whether an error may show the value at `path` (below `service:`, dotted). */
export function isSecretPath(path: string, secureTopKeys: ReadonlySet<string>): boolean {
    const parts = path.split(".");
    if (secureTopKeys.has(parts[0])) return true;
    if ((SECRET_KEYS as readonly string[]).includes(parts[0])) return true;
    return parts.some((p) => !NAMED_LIKE_SECRETS_BUT_PLAIN.has(p) && looksSecret(p));
}

/** A value as an error shows it: JSON, shortened, with anything under a secret-looking key replaced. */
export function renderValue(value: unknown, secret: boolean): string {
    if (value === undefined) return NOT_SET;
    if (secret) return SECRET_MARK;
    const text = JSON.stringify(maskSecretKeys(value)) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function maskSecretKeys(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(maskSecretKeys);
    if (value && typeof value === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) out[k] = !NAMED_LIKE_SECRETS_BUT_PLAIN.has(k) && looksSecret(k) ? SECRET_MARK : maskSecretKeys(v);
        return out;
    }
    return value;
}

/** Levenshtein distance, for telling a typo of a namespace from an unrelated one. */
export function editDistance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let diag = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const up = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
            diag = up;
        }
    }
    return row[b.length];
}

/** A namespace within typing distance of `target`: one edit for short names, two otherwise, case ignored. */
function nearMiss(namespace: string, target: string): boolean {
    const n = namespace.toLowerCase();
    if (n === target) return namespace !== target;
    return editDistance(n, target) <= (target.length <= 4 ? 1 : 2);
}

export interface RawContext {
    /** The Pulumi project name: a key under its namespace was meant for `service:`. */
    project?: string;
    /** Full keys whose values came from `secure:` config. */
    secretKeys: ReadonlySet<string>;
}

/**
 * Keys outside `service:` that look like ours, flat dotted keys, plain-text credentials and `secure:` values
 * at keys that end up in names and tags.
 */
export function rawKeyProblems(raw: Record<string, string>, ctx: RawContext): InputProblem[] {
    const prefix = `${CONFIG_NAMESPACE}:`;
    const problems: InputProblem[] = [];
    const show = (fullKey: string) => renderValue(parseJsonish(raw[fullKey], { scalars: true }), ctx.secretKeys.has(fullKey) || isSecretPath(fullKey.replace(/:/g, "."), new Set()));
    for (const fullKey of Object.keys(raw)) {
        const colon = fullKey.indexOf(":");
        const namespace = colon < 0 ? "" : fullKey.slice(0, colon);
        const key = colon < 0 ? fullKey : fullKey.slice(colon + 1);
        if (namespace === CONFIG_NAMESPACE) {
            const top = key.split(".")[0];
            if (key.includes(".")) {
                problems.push({
                    key: fullKey,
                    given: show(fullKey),
                    expected: `a nested setting: \`${fullKey}\` is one flat key (what \`pulumi config set\` writes without --path), which the template never reads; set it with \`pulumi config set --path '${fullKey}' <value>\` or nest it under \`${prefix}${top}:\` in the stack file`,
                });
            } else if (ctx.secretKeys.has(fullKey) && !(SECRET_KEYS as readonly string[]).includes(key)) {
                problems.push({
                    key: fullKey,
                    given: SECRET_MARK,
                    expected: `a plain value: ${fullKey} is not a secret, and a deploy would write the decrypted value into names, tags and URNs in plain text; set it with \`pulumi config set ${fullKey} <value>\` (without --secret)`,
                });
            }
            continue;
        }
        if (colon < 0) {
            problems.push({
                key: fullKey,
                given: show(fullKey),
                expected: `a namespaced key such as \`${prefix}${key}\`: Pulumi reads a key without a namespace as \`${ctx.project ?? "<project>"}:${key}\`, which the template never reads`,
            });
            continue;
        }
        if (nearMiss(namespace, CONFIG_NAMESPACE) || (ctx.project && namespace === ctx.project && ctx.project !== CONFIG_NAMESPACE)) {
            const why = namespace === ctx.project ? `the project's namespace \`${namespace}:\`` : `\`${namespace}:\``;
            problems.push({
                key: fullKey,
                given: show(fullKey),
                expected: `\`${prefix}${key}\`: every setting of the template lives under the fixed \`${prefix}\` namespace, and ${why} is never read`,
            });
            continue;
        }
        const provider = PROVIDER_NAMESPACES.find((p) => nearMiss(namespace, p));
        if (provider) {
            problems.push({
                key: fullKey,
                given: show(fullKey),
                expected: `\`${provider}:${key}\`: \`${namespace}:\` is no provider's namespace, so the ${provider} provider never sees this key`,
            });
            continue;
        }
        if (looksSecret(key) && !ctx.secretKeys.has(fullKey)) {
            problems.push({
                key: fullKey,
                given: "a plain-text value",
                expected: `a secret: a credential in the stack file is readable by anyone with the repository; remove it and run \`pulumi config set --secret ${fullKey}\` (the value is read from stdin)`,
            });
        }
    }
    return problems;
}

/**
 * Characters that are not text: C0 controls but tab and line breaks, DEL, C1 controls, and the bidirectional
 * overrides that make a line display other than it reads. A value holding one is refused, and every human
 * report escapes them, so no value can move the cursor, clear a line or forge one.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const CONTROL_OR_BREAK = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

export function hasControl(text: string): boolean {
    return CONTROL.test(text);
}

/** `text` with every control character and line break written as a `\uXXXX` escape (`\n`, `\r`, `\t` by name). */
export function escapeControl(text: string): string {
    return text.replace(CONTROL_OR_BREAK, (c) => ({ "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
