/**
 * terraform-provider-aws's validation of CloudWatch metric alarms, log groups and EventBridge rules and targets.
 * Each source names the copy of terraform-provider-aws read (see ./common.ts for the bridged release).
 */
import { atLeast, atLeastOneOf, conflictsWith, field, lengthBetween, matches, object, oneOf, relation, sizeBetween, stringInSlice, Validator } from "../validator";
import type { TypeCoverage } from "../types";
import { isSet, isUnknownAt, plain } from "../values";
import { AWS_SDK_ENUMS } from "../enums.generated";
import { ALARM, alarm, alarmV6, EVENT_RULE, EVENT_TARGET, eventBridgeName, eventRule, EXTENDED_STATISTIC, logGroup, logGroupCharacters, LOGS, logValidate, queryPeriod, sdkEnum, src, TF_AWS, validARN } from "./common";
const eventRuleV5 = `${TF_AWS} internal/service/events/rule.go v5 (aws-sdk-go-v2, names.Attr constants; stored copy, commit not shown)`;

export const validators: Validator[] = [
    // aws_cloudwatch_metric_alarm
    field(ALARM, "name", alarm, lengthBetween(1, 255, "StringLenBetween(1, 255)")),
    field(ALARM, "alarmDescription", alarm, lengthBetween(0, 1024, "StringLenBetween(0, 1024)")),
    field(ALARM, "datapointsToAlarm", alarm, atLeast(1)),
    field(ALARM, "evaluationPeriods", alarm, atLeast(1)),
    field(ALARM, "metricName", alarm, lengthBetween(1, 255, "StringLenBetween(1, 255)")),
    field(ALARM, "namespace", alarm, lengthBetween(1, 255, "StringLenBetween(1, 255)")),
    field(ALARM, "period", alarm, {
        rule: "Any(IntInSlice([10, 20, 30]), IntDivisibleBy(60))",
        test: (v) => (typeof v !== "number" || [10, 20, 30].includes(v) || v % 60 === 0 ? undefined : "is not allowed; expected 10, 20, 30 or a multiple of 60"),
    }),
    field(ALARM, "okActions", alarm, sizeBetween(0, 5, "MaxItems 5")),
    field(ALARM, "insufficientDataActions", alarm, sizeBetween(0, 5, "MaxItems 5")),
    object(ALARM, "", alarm, conflictsWith("statistic", "extendedStatistic", "metricQueries")),
    object(ALARM, "", alarm, conflictsWith("extendedStatistic", "metricQueries")),
    object(ALARM, "", alarm, conflictsWith("metricName", "metricQueries")),
    object(ALARM, "", alarm, conflictsWith("namespace", "metricQueries")),
    object(ALARM, "", alarm, conflictsWith("period", "metricQueries")),
    object(ALARM, "", alarm, conflictsWith("dimensions", "metricQueries")),
    object(ALARM, "", alarm, conflictsWith("threshold", "thresholdMetricId")),
    object(
        ALARM,
        "",
        alarm,
        relation("CustomizeDiff: one of statistic or extended_statistic with metric_name", (o, at) => {
            if (["metricName", "statistic", "extendedStatistic"].some((k) => isUnknownAt(o.value, k)) || !isSet(o.value, "metricName")) return [];
            const n = ["statistic", "extendedStatistic"].filter((k) => isSet(o.value, k)).length;
            return n === 1 ? [] : [`one of ${at("statistic")} or ${at("extendedStatistic")} must be set for a metric alarm on ${at("metricName")}`];
        }),
    ),

    // aws_cloudwatch_event_rule, aws_cloudwatch_event_target (validate.go: validateRuleName, validateTargetID; rule.go:
    // validateEventPatternValue, the pattern's normalized JSON at most 4096 characters)
    ...eventBridgeName(EVENT_RULE, "name"),
    ...eventBridgeName(EVENT_TARGET, "rule"),
    ...eventBridgeName(EVENT_TARGET, "targetId"),
    field(EVENT_RULE, "eventPattern", eventRule, {
        rule: "validateEventPatternValue: valid JSON, at most 4096 characters once normalized",
        test: (v) => {
            if (typeof v !== "string") return undefined;
            try {
                return JSON.stringify(JSON.parse(v)).length > 4096 ? "cannot be longer than 4096 characters once normalized" : undefined;
            } catch {
                return "contains an invalid JSON";
            }
        },
    }),
    field(EVENT_RULE, "description", eventRule, lengthBetween(0, 512, "StringLenBetween(0, 512)")),

    // aws_cloudwatch_metric_alarm: the SDK enums and the rules of the v6 file
    field(ALARM, "comparisonOperator", alarmV6, sdkEnum("cloudwatch.ComparisonOperator")),
    field(ALARM, "statistic", alarmV6, sdkEnum("cloudwatch.Statistic")),
    field(ALARM, "unit", alarmV6, sdkEnum("cloudwatch.StandardUnit")),
    field(ALARM, "treatMissingData", alarmV6, stringInSlice(["missing", "ignore", "breaching", "notBreaching"], true)),
    field(ALARM, "evaluateLowSampleCountPercentiles", alarmV6, stringInSlice(["evaluate", "ignore"], true)),
    field(ALARM, "extendedStatistic", alarmV6, matches(EXTENDED_STATISTIC, "invalid statistic, see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html")),
    field(ALARM, "namespace", alarmV6, matches(/[^:].*/, "must not contain colon characters")),
    field(ALARM, "thresholdMetricId", alarmV6, lengthBetween(1, 255, "StringLenBetween(1, 255)")),
    ...(["alarmActions[]", "okActions[]", "insufficientDataActions[]"] as const).map((p) =>
        field(ALARM, p, alarmV6, {
            rule: "Any(ValidARN, validEC2AutomateARN)",
            test: (v) => (validARN.test(v) === undefined || (typeof v === "string" && /^arn:[\w-]+:automate:[\w-]+:ec2:(reboot|recover|stop|terminate)$/.test(v)) ? undefined : validARN.test(v)),
        }),
    ),
    field(ALARM, "metricQueries[].id", alarmV6, lengthBetween(1, 255, "StringLenBetween(1, 255)")),
    field(ALARM, "metricQueries[].accountId", alarmV6, lengthBetween(1, 255, "StringLenBetween(1, 255)")),
    field(ALARM, "metricQueries[].expression", alarmV6, lengthBetween(1, 1024, "StringLenBetween(1, 1024)")),
    field(ALARM, "metricQueries[].period", alarmV6, queryPeriod),
    field(ALARM, "metricQueries[].metric.metricName", alarmV6, lengthBetween(1, 255, "StringLenBetween(1, 255)")),
    field(ALARM, "metricQueries[].metric.namespace", alarmV6, lengthBetween(1, 255, "StringLenBetween(1, 255)")),
    field(ALARM, "metricQueries[].metric.namespace", alarmV6, matches(/[^:].*/, "must not contain colon characters")),
    field(ALARM, "metricQueries[].metric.period", alarmV6, queryPeriod),
    field(ALARM, "metricQueries[].metric.stat", alarmV6, {
        rule: "AnyDiag(enum.Validate[cloudwatch.Statistic](), StringMatch(extended statistic))",
        test: (v) => (typeof v !== "string" || AWS_SDK_ENUMS.enums["cloudwatch.Statistic"].includes(v) || EXTENDED_STATISTIC.test(v) ? undefined : "is not a statistic (Average, Maximum, Minimum, SampleCount, Sum) nor an extended statistic (p99, TM(10%:90%), ...)"),
    }),
    field(ALARM, "metricQueries[].metric.unit", alarmV6, sdkEnum("cloudwatch.StandardUnit")),
    object(
        ALARM,
        "metricQueries[]",
        alarmV6,
        relation("CustomizeDiff: no metric_query may have both expression and metric", (o, at) =>
            isUnknownAt(o.value, "expression") || isUnknownAt(o.value, "metric") || !isSet(o.value, "expression") || plain((o.value as Record<string, unknown>).expression) === "" || !isSet(o.value, "metric")
                ? []
                : [`${at("expression")} and ${at("metric")} are both set: a metric query has one or the other`],
        ),
    ),

    // aws_cloudwatch_log_group
    field(LOGS, "logGroupClass", logGroup, sdkEnum("cloudwatch-logs.LogGroupClass")),
    field(LOGS, "name", logValidate, lengthBetween(0, 512, "validLogGroupName: at most 512")),
    field(LOGS, "name", logValidate, logGroupCharacters),
    field(LOGS, "namePrefix", logValidate, lengthBetween(0, 483, "validLogGroupNamePrefix: at most 483")),
    field(LOGS, "namePrefix", logValidate, logGroupCharacters),

    // aws_cloudwatch_log_group
    field(LOGS, "retentionInDays", src("logs/group.go"), oneOf(0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)),
    object(LOGS, "", src("logs/group.go"), conflictsWith("name", "namePrefix")),

    // aws_cloudwatch_event_rule: the rest of rule.go's schema
    ...eventBridgeName(EVENT_RULE, "namePrefix"),
    object(EVENT_RULE, "", eventRuleV5, conflictsWith("name", "namePrefix")),
    object(EVENT_RULE, "", eventRuleV5, conflictsWith("isEnabled", "state")),
    object(EVENT_RULE, "", eventRuleV5, atLeastOneOf("scheduleExpression", "eventPattern")),
    field(EVENT_RULE, "roleArn", eventRuleV5, validARN),
    field(EVENT_RULE, "scheduleExpression", eventRuleV5, lengthBetween(0, 256, "StringLenBetween(0, 256)")),
    field(EVENT_RULE, "state", eventRuleV5, sdkEnum("eventbridge.RuleState")),
];

export const coverage: Record<string, TypeCoverage> = {
    "aws:cloudwatch/metricAlarm:MetricAlarm": {
        source: `${TF_AWS} internal/service/cloudwatch/metric_alarm.go v6 @055611a6 (resourceMetricAlarm schema and CustomizeDiff)`,
        attributes: [
            { path: "alarmActions[]", declared: "Any(ValidARN, validEC2AutomateARN)" },
            { path: "alarmDescription", declared: "StringLenBetween(0, 1024)" },
            { path: "name", declared: "alarm_name: StringLenBetween(1, 255)" },
            { path: "comparisonOperator", declared: "enum.Validate[types.ComparisonOperator]()" },
            { path: "datapointsToAlarm", declared: "IntAtLeast(1)" },
            { path: "dimensions", declared: "ConflictsWith(metric_query)" },
            { path: "evaluateLowSampleCountPercentiles", declared: "StringInSlice(lowSampleCountPercentiles_Values(), true)" },
            { path: "evaluationPeriods", declared: "IntAtLeast(1)" },
            { path: "extendedStatistic", declared: "StringMatch(extended statistic), ConflictsWith(statistic, metric_query)" },
            { path: "insufficientDataActions", declared: "MaxItems 5" },
            { path: "insufficientDataActions[]", declared: "Any(ValidARN, validEC2AutomateARN)" },
            { path: "metricName", declared: "StringLenBetween(1, 255), ConflictsWith(metric_query)" },
            { path: "metricQueries[].accountId", declared: "StringLenBetween(1, 255)" },
            { path: "metricQueries[].expression", declared: "StringLenBetween(1, 1024)" },
            { path: "metricQueries[].id", declared: "StringLenBetween(1, 255)" },
            { path: "metricQueries[].metric", declared: "MaxItems 1", shape: true },
            { path: "metricQueries[].metric.metricName", declared: "StringLenBetween(1, 255)" },
            { path: "metricQueries[].metric.namespace", declared: "All(StringLenBetween(1, 255), StringMatch([^:].*))" },
            { path: "metricQueries[].metric.period", declared: "Any(IntInSlice([1, 5, 10, 20, 30]), IntDivisibleBy(60))" },
            { path: "metricQueries[].metric.stat", declared: "AnyDiag(enum.Validate[types.Statistic](), StringMatch(extended statistic))" },
            { path: "metricQueries[].metric.unit", declared: "enum.Validate[types.StandardUnit]()" },
            { path: "metricQueries[].period", declared: "Any(IntInSlice([1, 5, 10, 20, 30]), IntDivisibleBy(60))" },
            { path: "metricQueries[]", declared: "CustomizeDiff: no metric_query with both expression and metric" },
            { path: "namespace", declared: "All(StringLenBetween(1, 255), StringMatch([^:].*)), ConflictsWith(metric_query)" },
            { path: "okActions", declared: "MaxItems 5" },
            { path: "okActions[]", declared: "Any(ValidARN, validEC2AutomateARN)" },
            { path: "period", declared: "Any(IntInSlice([10, 20, 30]), IntDivisibleBy(60)), ConflictsWith(metric_query)" },
            { path: "statistic", declared: "enum.Validate[types.Statistic](), ConflictsWith(extended_statistic, metric_query)" },
            { path: "threshold", declared: "ConflictsWith(threshold_metric_id)" },
            { path: "thresholdMetricId", declared: "StringLenBetween(1, 255), ConflictsWith(threshold)" },
            { path: "treatMissingData", declared: "StringInSlice(missingData_Values(), true)" },
            { path: "unit", declared: "enum.Validate[types.StandardUnit]()" },
            { path: "(inputs)", declared: "CustomizeDiff: one of statistic or extended_statistic with metric_name" },
        ],
    },
    "aws:cloudwatch/logGroup:LogGroup": {
        source: `${TF_AWS} internal/service/logs/group.go v6 @0073593e; validLogGroupName(Prefix) in internal/service/logs/validate.go v5`,
        attributes: [
            { path: "logGroupClass", declared: "enum.Validate[awstypes.LogGroupClass]()" },
            { path: "name", declared: "validLogGroupName, ConflictsWith(name_prefix)" },
            { path: "namePrefix", declared: "validLogGroupNamePrefix, ConflictsWith(name)" },
            { path: "retentionInDays", declared: "IntInSlice([0, 1, 3, ... 3653])" },
        ],
    },
    [EVENT_RULE]: {
        source: eventRuleV5,
        attributes: [
            { path: "description", declared: "StringLenBetween(0, 512)" },
            {
                path: "eventBusName",
                declared: "validBusNameOrARN",
                exception: "validBusNameOrARN sits in events/validate.go's part that was not read",
            },
            { path: "eventPattern", declared: "validateEventPatternValue (valid JSON, at most 4096 characters once normalized), AtLeastOneOf(schedule_expression, event_pattern)" },
            { path: "isEnabled", declared: "ConflictsWith(state)" },
            { path: "name", declared: "validateRuleName, ConflictsWith(name_prefix)" },
            { path: "namePrefix", declared: "validateRuleName, ConflictsWith(name)" },
            { path: "roleArn", declared: "ValidARN" },
            { path: "scheduleExpression", declared: "StringLenBetween(0, 256), AtLeastOneOf(schedule_expression, event_pattern)" },
            { path: "state", declared: "enum.Validate[types.RuleState](), ConflictsWith(is_enabled)" },
        ],
    },
    [EVENT_TARGET]: {
        source: `${src("events/target.go")} and events/validate.go: only rule (validateRuleName) and target_id (validateTargetID) were transcribed; the rest of target.go's schema (arn, role_arn, input, the ECS/Batch/Kinesis/SQS/HTTP/retry/dead-letter blocks) was not read`,
        attributes: [
            { path: "rule", declared: "validateRuleName" },
            { path: "targetId", declared: "validateTargetID" },
        ],
    },
};
