/**
 * What makes a variable a credential, by its name or by its value: shared by every rule that judges
 * environment variables (Vercel's and Lambda's), so one list of known key formats serves them all.
 */

/** Names that hold credentials by convention: `SESSION_SECRET`, `OPENAI_API_KEY`, `REDIS_URL`, `SENTRY_DSN`... */
export function looksSecretName(name: string): boolean {
    // Public by design: frameworks inline these into browser bundles, so they cannot be secret (values still are checked).
    if (/^(NEXT_PUBLIC|VITE|PUBLIC|NUXT_PUBLIC|EXPO_PUBLIC|REACT_APP)_/.test(name)) return false;
    const parts = name.toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
    const has = (re: RegExp) => parts.some((p) => re.test(p));
    if (has(/^(SECRETS?|TOKENS?|PASSWORDS?|PASSWD|PWD|PASS|DSN|PRIVATE|CREDENTIALS?|SALT|PEPPER)$/)) return true;
    if (has(/KEY$/) || has(/SECRET$/) || has(/TOKEN$/)) return true;
    const datastore = has(/^(DATABASE|DB|POSTGRES|POSTGRESQL|PG|MYSQL|MONGO|MONGODB|REDIS|VALKEY|KV|CACHE|AMQP|RABBITMQ|BROKER)$/);
    return datastore && has(/^(URL|URI|DSN|CONNECTION|CONN)$/);
}

/** Values that are credentials whatever their name: URLs with a user part, well-known key formats, PEM keys. */
export const SECRET_VALUE_PATTERNS: ReadonlyArray<[RegExp, string]> = [
    [/^[a-z][a-z0-9+.-]*:\/\/[^/\s@]+@/i, "a URL with credentials"],
    [/^(sk|rk)_(live|test)_[A-Za-z0-9]{8,}/, "a Stripe secret or restricted key"],
    [/^sk-(proj-|ant-|svcacct-)?[A-Za-z0-9_-]{16,}/, "an OpenAI or Anthropic key"],
    [/^(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}|^github_pat_[A-Za-z0-9_]{20,}/, "a GitHub token"],
    [/^xox[abposr]-[A-Za-z0-9-]{10,}/, "a Slack token"],
    [/^(AKIA|ASIA)[0-9A-Z]{16}$/, "an AWS access key id"],
    [/^AIza[0-9A-Za-z_-]{35}$/, "a Google API key"],
    [/^glpat-[A-Za-z0-9_-]{20,}/, "a GitLab token"],
    [/^npm_[A-Za-z0-9]{36}$/, "an npm token"],
    [/^SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}$/, "a SendGrid key"],
    [/^whsec_[A-Za-z0-9+/=]{16,}/, "a webhook signing secret"],
    [/^vercel_blob_rw_/, "a Vercel Blob token"],
    [/^eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\./, "a JWT"],
    [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, "a PEM private key"],
];

/** What kind of credential `value` is, or undefined when it looks like none. */
export function secretValueKind(value: string): string | undefined {
    const v = value.trim();
    return SECRET_VALUE_PATTERNS.find(([re]) => re.test(v))?.[1];
}
