/**
 * What is wrong with a stack's config, each problem named by the key to change. No dependency but the SDK's
 * `RunError`, so every module of config/ (and the check) can report problems without importing the loader.
 */
import * as pulumi from "@pulumi/pulumi";

export interface ConfigProblem {
    /** Full config key, such as `service:database.backupRetentionDays`. */
    key: string;
    /** What was given, rendered for a message; `[secret]` for secret values, `(not set)` when missing. */
    given: string;
    expected: string;
}

/**
 * Every problem of a stack's config at once, so a user fixes them in one pass. A `RunError`, so the Pulumi CLI
 * prints the message alone, without a stack trace.
 */
export class ConfigError extends pulumi.RunError {
    constructor(readonly problems: ConfigProblem[]) {
        super(
            `Invalid stack config (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
                problems.map((p) => `  - ${p.key}: got ${p.given}; expected ${p.expected}`).join("\n"),
        );
        this.name = "ConfigError";
    }
}
