/** Generated secrets: strong enough to resist guessing, and never shipped as a default. */
import { z } from "zod";
import { resourceRule } from "../lib/rule";
import { TYPES } from "../contracts/tokens";

const RANDOM_SECRET_TYPES = [TYPES.randomPassword, TYPES.randomString];

export const generatedSecretStrength = resourceRule({
    name: "generated-secret-strength",
    description: "Every generated password or secret is long enough to resist guessing and draws from letters and digits.",
    severity: "critical",
    category: "security",
    remediation: "Raise `length` of the random resource (the template generates app secrets from `service:secrets.lengthBytes`, at least 32) and keep upper, lower and numeric characters enabled.",
    types: RANDOM_SECRET_TYPES,
    config: { minimumLength: z.number().int().min(8).default(32) },
    validate(resource, config, report) {
        const p = resource.props;
        if (typeof p.length !== "number" || p.length < config.minimumLength) {
            report(`${resource.name} generates ${p.length} characters; at least ${config.minimumLength} are required.`);
        }
        const disabled = ["upper", "lower", "numeric"].filter((k) => p[k] === false);
        if (disabled.length > 1) {
            report(`${resource.name} turns off ${disabled.join(" and ")} characters, which shrinks the search space of the secret.`);
        }
    },
});

export const secretsManagerRecoveryWindow = resourceRule({
    name: "secretsmanager-recovery-window",
    description: "Every Secrets Manager secret can be recovered for at least the configured days after it is deleted, and none is force-deleted (a window of 0).",
    severity: "medium",
    category: "durability",
    remediation:
        "Set `service:secrets.recoveryWindowDays` to at least the rule's `minimumDays` (the prod preset keeps 30); never set `recoveryWindowInDays: 0`, which deletes a secret and every copy of its value at once.",
    types: [TYPES.secret],
    config: { minimumDays: z.number().int().min(7).max(30).default(7) },
    validate(resource, config, report) {
        // Unset means AWS's default window of 30 days.
        const days = resource.props.recoveryWindowInDays ?? 30;
        if (days === 0) report(`${resource.name} is deleted without a recovery window (recoveryWindowInDays 0): one destroy loses the secret for good.`);
        else if (typeof days !== "number" || days < config.minimumDays) {
            report(`${resource.name} can be recovered for ${days} days after deletion; at least ${config.minimumDays} are required.`);
        }
    },
});

export const secretRules = [generatedSecretStrength, secretsManagerRecoveryWindow];
