/**
 * Provider validators built from the AWS name rules of contracts/awsNames.ts, the same rule objects config/names.ts
 * checks the program's derived names against: a rule has one home, and the finding keeps the provider's message.
 * Rules only the AWS API enforces (`enforcedBy: "api"`) are not the provider's Check, so no validator emulates them.
 */
import type { NameRule } from "../../../contracts/awsNames";
import { doesNotMatch, field, lengthBetween, matches, ValueTest, Validator } from "../validator";

/** A validator that emulates one name rule, and the rule it was built from. */
export interface NameValidator extends Validator {
    readonly nameRule: NameRule;
}

function valueTest(rule: NameRule): ValueTest {
    if (rule.kind === "length") return lengthBetween(rule.min, rule.max, rule.rule);
    const message = rule.message || rule.limit;
    return rule.mustMatch ? matches(rule.pattern, message) : doesNotMatch(rule.pattern, message);
}

/** One validator per provider-enforced rule, on every known value at `path` of resources of `type`. */
export function nameValidators(type: string, path: string, rules: readonly NameRule[]): NameValidator[] {
    return rules.filter((r) => r.enforcedBy === "provider").map((r) => ({ ...field(type, path, r.source, valueTest(r)), nameRule: r }));
}
