/**
 * Readiness rules: SNS topic policies, on every topic of the stack. The alerts topic is how on-call hears
 * about an outage: anyone who may publish to it can bury real alarms in noise or send phishing to the on-call
 * inbox, and anyone who may manage or subscribe to it can silence alerts or read them.
 */
import { label, policyStatements, publicStatements, strings } from "../lib/iam";
import { inputsOf } from "../lib/inputs";
import { TYPES } from "../contracts/tokens";
import { resourceRule, Rule } from "../lib/rule";

export const snsTopicPolicyRestricted = resourceRule({
    name: "sns-topic-policy-restricted",
    description: "No SNS topic policy lets any principal (`*`, `AWS: \"*\"`, NotPrincipal) publish to, subscribe to or manage the topic without a condition that pins the caller, such as aws:SourceAccount or aws:SourceArn.",
    severity: "critical",
    category: "security",
    remediation:
        "Grant sns:Publish to the service principals that send alerts (cloudwatch.amazonaws.com, budgets.amazonaws.com) with an aws:SourceAccount condition, and topic management to the account, as the Monitoring component (components/monitoring.ts) does.",
    types: [TYPES.topicPolicy, TYPES.topic],
    validate(resource, _config, report) {
        const policy = inputsOf(resource, TYPES.topicPolicy)?.policy ?? inputsOf(resource, TYPES.topic)?.policy;
        if (policy === undefined || policy === null || policy === "") return;
        const statements = policyStatements(policy) ?? [];
        for (const s of publicStatements(statements)) {
            const actions = strings(s.Action).filter((a) => a === "*" || /^sns:/i.test(a));
            if (actions.length === 0 && s.NotAction === undefined) continue;
            const who = s.NotPrincipal !== undefined ? "everyone but the NotPrincipal" : "any principal";
            report(`${resource.name}: topic policy ${label(s, statements.indexOf(s))} lets ${who} call ${actions.join(", ") || "every action but those of NotAction"} with no condition that pins the caller.`);
        }
    },
});

export const snsRules: Rule[] = [snsTopicPolicyRestricted];
