/**
 * terraform-provider-aws's validation of AWS Budgets.
 * Each source names the copy of terraform-provider-aws read (see ./common.ts for the bridged release).
 */
import { between, conflictsWith, field, object, Validator } from "../validator";
import type { TypeCoverage } from "../types";
import { BUDGET, budget, sdkEnum, TF_AWS, timePeriodTimestamp, validAccountID, validARN } from "./common";

export const validators: Validator[] = [
    // aws_budgets_budget: SDK enums (StringInSlice(budgets.X_Values(), false) in the v4 file, enum.Validate later)
    field(BUDGET, "budgetType", budget, sdkEnum("budgets.BudgetType")),
    field(BUDGET, "timeUnit", budget, sdkEnum("budgets.TimeUnit")),
    field(BUDGET, "notifications[].comparisonOperator", budget, sdkEnum("budgets.ComparisonOperator")),
    field(BUDGET, "notifications[].notificationType", budget, sdkEnum("budgets.NotificationType")),
    field(BUDGET, "notifications[].thresholdType", budget, sdkEnum("budgets.ThresholdType")),
    field(BUDGET, "notifications[].subscriberSnsTopicArns[]", budget, validARN),
    field(BUDGET, "autoAdjustData.autoAdjustType", budget, sdkEnum("budgets.AutoAdjustType")),
    field(BUDGET, "autoAdjustData.historicalOptions.budgetAdjustmentPeriod", budget, between(1, 60, "IntBetween(1, 60)")),
    field(BUDGET, "accountId", budget, validAccountID),
    field(BUDGET, "timePeriodStart", budget, timePeriodTimestamp),
    field(BUDGET, "timePeriodEnd", budget, timePeriodTimestamp),
    field(BUDGET, "plannedLimits[].startTime", budget, timePeriodTimestamp),
    object(BUDGET, "", budget, conflictsWith("name", "namePrefix")),
    object(BUDGET, "", budget, conflictsWith("plannedLimits", "limitAmount", "limitUnit")),

];

export const coverage: Record<string, TypeCoverage> = {
    "aws:budgets/budget:Budget": {
        source: `${TF_AWS} internal/service/budgets/budget.go v4 @01d5888a (only a v4 copy could be read; the enums are the SDK's in every line)`,
        attributes: [
            { path: "accountId", declared: "ValidAccountID" },
            { path: "autoAdjustData", declared: "MaxItems 1", shape: true },
            { path: "autoAdjustData.autoAdjustType", declared: "StringInSlice(budgets.AutoAdjustType_Values(), false)" },
            { path: "autoAdjustData.historicalOptions", declared: "MaxItems 1", shape: true },
            { path: "autoAdjustData.historicalOptions.budgetAdjustmentPeriod", declared: "IntBetween(1, 60)" },
            { path: "budgetType", declared: "StringInSlice(budgets.BudgetType_Values(), false)" },
            {
                path: "costFilters",
                declared: "ConflictsWith(cost_filters)",
                exception: "the conflict is with the v4 map `cost_filters`, which @pulumi/aws 7.48's BudgetArgs no longer has (costFilters is the cost_filter set)",
            },
            { path: "costTypes", declared: "MaxItems 1", shape: true },
            { path: "limitAmount", declared: "ConflictsWith(planned_limit)" },
            { path: "limitUnit", declared: "ConflictsWith(planned_limit)" },
            { path: "name", declared: "ConflictsWith(name_prefix)" },
            { path: "namePrefix", declared: "ConflictsWith(name)" },
            { path: "notifications[].comparisonOperator", declared: "StringInSlice(budgets.ComparisonOperator_Values(), false)" },
            { path: "notifications[].notificationType", declared: "StringInSlice(budgets.NotificationType_Values(), false)" },
            { path: "notifications[].subscriberSnsTopicArns[]", declared: "ValidARN" },
            { path: "notifications[].thresholdType", declared: "StringInSlice(budgets.ThresholdType_Values(), false)" },
            { path: "plannedLimits", declared: "ConflictsWith(limit_amount, limit_unit)" },
            { path: "plannedLimits[].startTime", declared: "validTimePeriodTimestamp" },
            { path: "timePeriodEnd", declared: "validTimePeriodTimestamp" },
            { path: "timePeriodStart", declared: "validTimePeriodTimestamp" },
            { path: "timeUnit", declared: "StringInSlice(budgets.TimeUnit_Values(), false)" },
        ],
    },
};
