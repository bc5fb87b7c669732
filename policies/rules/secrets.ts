/** Generated secrets: strong enough to resist guessing, and never shipped as a default. */
import { z } from "zod";
import { resourceRule } from "../lib/rule";

const RANDOM_SECRET_TYPES = ["random:index/randomPassword:RandomPassword", "random:index/randomString:RandomString"];

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

export const secretRules = [generatedSecretStrength];
