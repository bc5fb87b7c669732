/**
 * terraform-provider-aws's validation of AWS Budgets.
 * Each source names the copy of terraform-provider-aws read (see ./common.ts for the bridged release).
 */
import { between, conflictsWith, field, lengthBetween, object, sizeAtLeast, Validator } from "../validator";
import type { SourceAttribute, TypeCoverage } from "../types";
import { BUDGET, budget, sdkEnum, timePeriodTimestamp, validAccountID, validARN } from "./common";

/**
 * filter_expression is filterExpressionElem(3): each level has dimensions, cost_categories and tags (MaxItems 1
 * each), and the two upper levels also and/or (lists) and not (MaxItems 1) holding the level below. Every path an
 * expression can take, in the Pulumi SDK's names.
 */
export const FILTER_EXPRESSIONS: readonly string[] = (() => {
    const out: string[] = [];
    const walk = (prefix: string, level: number) => {
        out.push(prefix);
        if (level > 1) for (const child of ["ands[]", "ors[]", "not"]) walk(`${prefix}.${child}`, level - 1);
    };
    walk("filterExpression", 3);
    return out;
})();

/** validateFilterExpressionDiff: an ABSENT match option is refused on dimensions and cost categories (not on tags). */
const notAbsent = {
    rule: "validateFilterExpressionDiff: ABSENT match_option is not supported",
    test: (v: unknown) => (v === "ABSENT" ? "is not supported: ABSENT match_option is not supported for dimensions and cost categories" : undefined),
};

const expressionValidators = (e: string): Validator[] => [
    field(BUDGET, `${e}.dimensions.key`, budget, sdkEnum("budgets.Dimension")),
    ...(["dimensions", "costCategories", "tags"] as const).flatMap((block) => [
        field(BUDGET, `${e}.${block}.matchOptions[]`, budget, sdkEnum("budgets.MatchOption")),
        field(BUDGET, `${e}.${block}.values`, budget, sizeAtLeast(1)),
        field(BUDGET, `${e}.${block}.values[]`, budget, lengthBetween(0, 1024, "StringLenBetween(0, 1024)")),
    ]),
    field(BUDGET, `${e}.dimensions.matchOptions[]`, budget, notAbsent),
    field(BUDGET, `${e}.costCategories.matchOptions[]`, budget, notAbsent),
    field(BUDGET, `${e}.tags.key`, budget, lengthBetween(0, 1024, "StringLenBetween(0, 1024)")),
];

export const validators: Validator[] = [
    // aws_budgets_budget
    field(BUDGET, "budgetType", budget, sdkEnum("budgets.BudgetType")),
    field(BUDGET, "timeUnit", budget, sdkEnum("budgets.TimeUnit")),
    field(BUDGET, "notifications[].comparisonOperator", budget, sdkEnum("budgets.ComparisonOperator")),
    field(BUDGET, "notifications[].notificationType", budget, sdkEnum("budgets.NotificationType")),
    field(BUDGET, "notifications[].thresholdType", budget, sdkEnum("budgets.ThresholdType")),
    field(BUDGET, "notifications[].subscriberSnsTopicArns[]", budget, validARN),
    field(BUDGET, "autoAdjustData.autoAdjustType", budget, sdkEnum("budgets.AutoAdjustType")),
    field(BUDGET, "autoAdjustData.historicalOptions.budgetAdjustmentPeriod", budget, between(1, 60, "IntBetween(1, 60)")),
    field(BUDGET, "accountId", budget, validAccountID),
    field(BUDGET, "billingViewArn", budget, validARN),
    field(BUDGET, "timePeriodStart", budget, timePeriodTimestamp),
    field(BUDGET, "timePeriodEnd", budget, timePeriodTimestamp),
    field(BUDGET, "plannedLimits[].startTime", budget, timePeriodTimestamp),
    object(BUDGET, "", budget, conflictsWith("name", "namePrefix")),
    object(BUDGET, "", budget, conflictsWith("plannedLimits", "limitAmount", "limitUnit")),
    object(BUDGET, "", budget, conflictsWith("costFilters", "filterExpression")),
    ...FILTER_EXPRESSIONS.flatMap(expressionValidators),
];

const shape = (path: string, declared = "MaxItems 1"): SourceAttribute => ({ path, declared, shape: true });

const expressionRows = (e: string): SourceAttribute[] => [
    ...(["dimensions", "costCategories", "tags"] as const).map((block) => shape(`${e}.${block}`)),
    { path: `${e}.dimensions.key`, declared: "enum.Validate[awstypes.Dimension]()" },
    ...(["dimensions", "costCategories"] as const).map((block) => ({
        path: `${e}.${block}.matchOptions[]`,
        declared: "enum.Validate[awstypes.MatchOption](); CustomizeDiff validateFilterExpressionDiff: not ABSENT",
    })),
    { path: `${e}.tags.matchOptions[]`, declared: "enum.Validate[awstypes.MatchOption]()" },
    ...(["dimensions", "costCategories", "tags"] as const).flatMap((block) => [
        { path: `${e}.${block}.values`, declared: "MinItems 1" },
        { path: `${e}.${block}.values[]`, declared: "StringLenBetween(0, 1024)" },
    ]),
    { path: `${e}.tags.key`, declared: "StringLenBetween(0, 1024)" },
    ...(e.split(".").length < 3 ? [shape(`${e}.not`)] : []),
];

export const coverage: Record<string, TypeCoverage> = {
    [BUDGET]: {
        source: `${budget}; its CustomizeDiff validateFilterExpressionDiff walks filter_expression at every level`,
        attributes: [
            { path: "accountId", declared: "ValidAccountID" },
            shape("autoAdjustData"),
            { path: "autoAdjustData.autoAdjustType", declared: "enum.Validate[awstypes.AutoAdjustType]()" },
            shape("autoAdjustData.historicalOptions"),
            { path: "autoAdjustData.historicalOptions.budgetAdjustmentPeriod", declared: "IntBetween(1, 60)" },
            { path: "billingViewArn", declared: "ValidARN" },
            { path: "budgetType", declared: "enum.Validate[awstypes.BudgetType]()" },
            { path: "costFilters", declared: "ConflictsWith(filter_expression)" },
            shape("costTypes"),
            { path: "filterExpression", declared: "MaxItems 1, ConflictsWith(cost_filter)" },
            ...FILTER_EXPRESSIONS.flatMap(expressionRows),
            { path: "limitAmount", declared: "ConflictsWith(planned_limit)" },
            { path: "limitUnit", declared: "ConflictsWith(planned_limit)" },
            { path: "name", declared: "ConflictsWith(name_prefix)" },
            { path: "namePrefix", declared: "ConflictsWith(name)" },
            { path: "notifications[].comparisonOperator", declared: "enum.Validate[awstypes.ComparisonOperator]()" },
            { path: "notifications[].notificationType", declared: "enum.Validate[awstypes.NotificationType]()" },
            { path: "notifications[].subscriberSnsTopicArns[]", declared: "ValidARN" },
            { path: "notifications[].thresholdType", declared: "enum.Validate[awstypes.ThresholdType]()" },
            { path: "plannedLimits", declared: "ConflictsWith(limit_amount, limit_unit)" },
            { path: "plannedLimits[].startTime", declared: "validTimePeriodTimestamp" },
            { path: "timePeriodEnd", declared: "validTimePeriodTimestamp" },
            { path: "timePeriodStart", declared: "validTimePeriodTimestamp" },
            { path: "timeUnit", declared: "enum.Validate[awstypes.TimeUnit]()" },
        ],
    },
};
