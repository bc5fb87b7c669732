/**
 * What is wrong with the input, each problem named by the key to change: a stack's config here, and in the check
 * a flag or an input file too (readiness/engine/stackFiles.ts `UsageError`), one shape throughout. No dependency
 * but the SDK's `RunError`, so every module of config/ and the check can report problems without the loader.
 */
import * as pulumi from "@pulumi/pulumi";

export interface InputProblem {
    /** Full config key, such as `service:database.backupRetentionDays`; in the check also a flag or a file. */
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
    constructor(readonly problems: InputProblem[]) {
        super(
            `Invalid stack config (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
                problems.map((p) => `  - ${p.key}: got ${p.given}; expected ${p.expected}`).join("\n"),
        );
        this.name = "ConfigError";
    }
}
