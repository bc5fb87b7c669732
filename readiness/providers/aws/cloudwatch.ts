/**
 * terraform-provider-aws's validation of CloudWatch metric alarms, log groups and EventBridge rules and targets.
 * Each source names the copy of terraform-provider-aws read (see ./common.ts for the bridged release).
 */
import { atLeast, atLeastOneOf, between, conflictsWith, field, isJSON, lengthBetween, matches, object, oneOf, relation, sizeBetween, stringInSlice, Validator, ValueTest } from "../validator";
import type { TypeCoverage } from "../types";
import { isSet, isUnknownAt, plain } from "../values";
import { AWS_SDK_ENUMS } from "../enums.generated";
import { ALARM, alarm, alarmV6, EVENT_RULE, EVENT_TARGET, eventBridgeName, eventRule, EXTENDED_STATISTIC, logGroup, logGroupCharacters, LOGS, logValidate, queryPeriod, sdkEnum, src, TF_AWS, validARN } from "./common";
import * as names from "../../../contracts/awsNames";
import { nameValidators } from "./names";
import { TYPES } from "../../../contracts/tokens";
const eventRuleV5 = `${TF_AWS} internal/service/events/rule.go v5 (aws-sdk-go-v2, names.Attr constants; stored copy, commit not shown)`;
const eventsValidate = `${TF_AWS} internal/service/events/validate.go v5+ (validBusNameOrARN with regexache; stored copy, commit not shown)`;
const eventTargetV5 = `${TF_AWS} internal/service/events/target.go v5 (aws-sdk-go-v2, names.Attr constants; stored copy, commit not shown)`;

/** A test on each key and value of a map (validation.MapKeyLenBetween, MapKeyMatch, MapValueLenBetween, MapValueMatch). */
function mapEntries(rule: string, test: (key: string, value: unknown) => string | undefined): ValueTest {
    return {
        rule,
        test: (v) => {
            if (!v || typeof v !== "object" || Array.isArray(v)) return undefined;
            for (const [k, value] of Object.entries(v as Record<string, unknown>)) {
                const problem = test(k, value);
                if (problem) return problem;
            }
            return undefined;
        },
    };
}
const mapKeysAndValues = (keyPattern: RegExp, valuePattern: RegExp) =>
    mapEntries("AllDiag(MapKeyLenBetween(0, 512), MapKeyMatch, MapValueLenBetween(0, 512), MapValueMatch)", (k, value) => {
        if (k.length > 512) return `has a key of ${k.length} characters; expected at most 512`;
        if (!keyPattern.test(k)) return `has the key ${JSON.stringify(k)}, which does not match ${keyPattern}`;
        if (typeof value !== "string") return undefined;
        if (value.length > 512) return `has a value of ${value.length} characters under ${JSON.stringify(k)}; expected at most 512`;
        return valuePattern.test(value) ? undefined : `has a value under ${JSON.stringify(k)} that does not match ${valuePattern}`;
    });
const ecs = "ecsTarget";

export const validators: Validator[] = [
    // validBusNameOrARN (events/validate.go, a later copy with regexache): at most 1600 characters, on rules and targets.
    ...[EVENT_RULE, EVENT_TARGET].map((type) => field(type, "eventBusName", eventsValidate, lengthBetween(1, 1600, "validBusNameOrARN: StringLenBetween(1, 1600)"))),

    // aws_cloudwatch_event_target: the rest of target.go
    field(EVENT_TARGET, "arn", eventTargetV5, validARN),
    field(EVENT_TARGET, "batchTarget.arraySize", eventTargetV5, between(2, 10000, "IntBetween(2, 10000)")),
    field(EVENT_TARGET, "batchTarget.jobAttempts", eventTargetV5, between(1, 10, "IntBetween(1, 10)")),
    field(EVENT_TARGET, "deadLetterConfig.arn", eventTargetV5, validARN),
    field(EVENT_TARGET, `${ecs}.capacityProviderStrategies[].base`, eventTargetV5, between(0, 100000, "IntBetween(0, 100000)")),
    field(EVENT_TARGET, `${ecs}.capacityProviderStrategies[].weight`, eventTargetV5, between(0, 1000, "IntBetween(0, 1000)")),
    field(EVENT_TARGET, `${ecs}.group`, eventTargetV5, lengthBetween(1, 255, "StringLenBetween(1, 255)")),
    field(EVENT_TARGET, `${ecs}.launchType`, eventTargetV5, sdkEnum("eventbridge.LaunchType")),
    field(EVENT_TARGET, `${ecs}.orderedPlacementStrategies`, eventTargetV5, sizeBetween(0, 5, "MaxItems 5")),
    field(EVENT_TARGET, `${ecs}.orderedPlacementStrategies[].field`, eventTargetV5, lengthBetween(0, 255, "StringLenBetween(0, 255)")),
    field(EVENT_TARGET, `${ecs}.orderedPlacementStrategies[].type`, eventTargetV5, sdkEnum("eventbridge.PlacementStrategyType")),
    field(EVENT_TARGET, `${ecs}.placementConstraints`, eventTargetV5, sizeBetween(0, 10, "MaxItems 10")),
    field(EVENT_TARGET, `${ecs}.placementConstraints[].type`, eventTargetV5, sdkEnum("eventbridge.PlacementConstraintType")),
    field(EVENT_TARGET, `${ecs}.platformVersion`, eventTargetV5, lengthBetween(0, 1600, "StringLenBetween(0, 1600)")),
    field(EVENT_TARGET, `${ecs}.propagateTags`, eventTargetV5, sdkEnum("eventbridge.PropagateTags")),
    field(EVENT_TARGET, `${ecs}.taskCount`, eventTargetV5, between(1, 2147483647, "IntBetween(1, math.MaxInt32)")),
    field(EVENT_TARGET, `${ecs}.taskDefinitionArn`, eventTargetV5, validARN),
    // Header and query patterns as target.go writes them (the query ones unanchored: one allowed character suffices).
    field(EVENT_TARGET, "httpTarget.headerParameters", eventTargetV5, mapKeysAndValues(/^[0-9A-Za-z_!#$%&'*+,.^|~-]+$/, /^[ \t]*[\x20-\x7E]+([ \t]+[\x20-\x7E]+)*[ \t]*$/)),
    field(EVENT_TARGET, "httpTarget.queryStringParameters", eventTargetV5, mapKeysAndValues(/[^\x00-\x1F\x7F]+/, /[^\x00-\x09\x0B\x0C\x0E-\x1F\x7F]+/)),
    field(EVENT_TARGET, "input", eventTargetV5, isJSON),
    field(EVENT_TARGET, "input", eventTargetV5, lengthBetween(0, 8192, "StringLenBetween(0, 8192)")),
    object(EVENT_TARGET, "", eventTargetV5, conflictsWith("input", "inputPath", "inputTransformer")),
    object(EVENT_TARGET, "", eventTargetV5, conflictsWith("inputPath", "inputTransformer")),
    field(EVENT_TARGET, "inputPath", eventTargetV5, lengthBetween(0, 256, "StringLenBetween(0, 256)")),
    field(EVENT_TARGET, "inputTransformer.inputPaths", eventTargetV5, mapEntries('MapKeyNoMatch(^AWS.*$)', (k) => (/^AWS.*$/.test(k) ? `has the key ${JSON.stringify(k)}: must not start with "AWS"` : undefined))),
    field(EVENT_TARGET, "inputTransformer.inputTemplate", eventTargetV5, lengthBetween(1, 8192, "StringLenBetween(1, 8192)")),
    field(EVENT_TARGET, "kinesisTarget.partitionKeyPath", eventTargetV5, lengthBetween(1, 256, "StringLenBetween(1, 256)")),
    field(EVENT_TARGET, "redshiftTarget.database", eventTargetV5, lengthBetween(1, 64, "StringLenBetween(1, 64)")),
    field(EVENT_TARGET, "redshiftTarget.dbUser", eventTargetV5, lengthBetween(1, 128, "StringLenBetween(1, 128)")),
    field(EVENT_TARGET, "redshiftTarget.secretsManagerArn", eventTargetV5, validARN),
    field(EVENT_TARGET, "redshiftTarget.sql", eventTargetV5, lengthBetween(1, 100000, "StringLenBetween(1, 100000)")),
    field(EVENT_TARGET, "redshiftTarget.statementName", eventTargetV5, lengthBetween(1, 500, "StringLenBetween(1, 500)")),
    field(EVENT_TARGET, "retryPolicy.maximumEventAgeInSeconds", eventTargetV5, between(0, 86400, "IntBetween(0, 86400)")),
    field(EVENT_TARGET, "retryPolicy.maximumRetryAttempts", eventTargetV5, between(0, 185, "IntBetween(0, 185)")),
    field(EVENT_TARGET, "roleArn", eventTargetV5, validARN),
    field(EVENT_TARGET, "runCommandTargets", eventTargetV5, sizeBetween(0, 5, "MaxItems 5")),
    field(EVENT_TARGET, "runCommandTargets[].key", eventTargetV5, lengthBetween(1, 128, "StringLenBetween(1, 128)")),
    field(EVENT_TARGET, "runCommandTargets[].values", eventTargetV5, sizeBetween(0, 50, "MaxItems 50")),
    field(EVENT_TARGET, "runCommandTargets[].values[]", eventTargetV5, lengthBetween(1, 256, "StringLenBetween(1, 256)")),
    field(EVENT_TARGET, "sagemakerPipelineTarget.pipelineParameterLists", eventTargetV5, sizeBetween(0, 200, "MaxItems 200")),

    // aws_cloudwatch_metric_alarm
    ...nameValidators(ALARM, "name", names.ALARM_NAME),
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
    ...nameValidators(LOGS, "name", names.LOG_GROUP_NAME),
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
    [TYPES.metricAlarm]: {
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
    [TYPES.logGroup]: {
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
            { path: "eventBusName", declared: "validBusNameOrARN = All(StringLenBetween(1, 1600), Any(...))" },
            {
                path: "eventBusName (name or event bus ARN)",
                declared: "validBusNameOrARN's Any(ValidARNCheck(eventBusARNCheck), StringMatch(^validBusNameCharClass$))",
                exception: "validBusNameCharClass and isEventBusARN are defined in parts of the events package that were not read",
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
        source: `${eventTargetV5}; validateRuleName and validateTargetID in ${src("events/validate.go")}`,
        attributes: [
            { path: "appsyncTarget", declared: "(not in the copy read)", exception: "added after the copy read (@pulumi/aws 7.48 has it); its validators, if any, could not be read" },
            { path: "arn", declared: "ValidARN" },
            { path: "batchTarget", declared: "MaxItems 1", shape: true },
            { path: "batchTarget.arraySize", declared: "IntBetween(2, 10000)" },
            { path: "batchTarget.jobAttempts", declared: "IntBetween(1, 10)" },
            { path: "deadLetterConfig", declared: "MaxItems 1", shape: true },
            { path: "deadLetterConfig.arn", declared: "ValidARN" },
            { path: "ecsTarget", declared: "MaxItems 1", shape: true },
            { path: "ecsTarget.capacityProviderStrategies[].base", declared: "IntBetween(0, 100000)" },
            { path: "ecsTarget.capacityProviderStrategies[].weight", declared: "IntBetween(0, 1000)" },
            { path: "ecsTarget.group", declared: "StringLenBetween(1, 255)" },
            { path: "ecsTarget.launchType", declared: "enum.Validate[types.LaunchType]()" },
            { path: "ecsTarget.networkConfiguration", declared: "MaxItems 1", shape: true },
            { path: "ecsTarget.orderedPlacementStrategies", declared: "MaxItems 5" },
            { path: "ecsTarget.orderedPlacementStrategies[].field", declared: "StringLenBetween(0, 255)" },
            { path: "ecsTarget.orderedPlacementStrategies[].type", declared: "enum.Validate[types.PlacementStrategyType]()" },
            { path: "ecsTarget.placementConstraints", declared: "MaxItems 10" },
            { path: "ecsTarget.placementConstraints[].type", declared: "enum.Validate[types.PlacementConstraintType]()" },
            { path: "ecsTarget.platformVersion", declared: "StringLenBetween(0, 1600)" },
            { path: "ecsTarget.propagateTags", declared: "enum.Validate[types.PropagateTags]()" },
            { path: "ecsTarget.taskCount", declared: "IntBetween(1, math.MaxInt32)" },
            { path: "ecsTarget.taskDefinitionArn", declared: "ValidARN" },
            { path: "eventBusName", declared: "validBusNameOrARN = All(StringLenBetween(1, 1600), Any(...))" },
            {
                path: "eventBusName (name or event bus ARN)",
                declared: "validBusNameOrARN's Any(ValidARNCheck(eventBusARNCheck), StringMatch(^validBusNameCharClass$))",
                exception: "validBusNameCharClass and isEventBusARN are defined in parts of the events package that were not read",
            },
            { path: "httpTarget", declared: "MaxItems 1", shape: true },
            { path: "httpTarget.headerParameters", declared: "AllDiag(MapKeyLenBetween(0, 512), MapKeyMatch, MapValueLenBetween(0, 512), MapValueMatch)" },
            { path: "httpTarget.queryStringParameters", declared: "AllDiag(MapKeyLenBetween(0, 512), MapKeyMatch, MapValueLenBetween(0, 512), MapValueMatch)" },
            { path: "input", declared: "All(StringIsJSON, StringLenBetween(0, 8192)), ConflictsWith(input_path, input_transformer)" },
            { path: "inputPath", declared: "StringLenBetween(0, 256), ConflictsWith(input, input_transformer)" },
            { path: "inputTransformer", declared: "MaxItems 1, ConflictsWith(input, input_path)" },
            { path: "inputTransformer.inputPaths", declared: "AllDiag(MapSizeAtMost(targetInputTransformerMaxInputPaths), MapKeyNoMatch(^AWS.*$))" },
            {
                path: "inputTransformer.inputPaths (size)",
                declared: "verify.MapSizeAtMost(targetInputTransformerMaxInputPaths)",
                exception: "the constant targetInputTransformerMaxInputPaths is defined outside the part of target.go read, so the limit is not known here",
            },
            { path: "inputTransformer.inputTemplate", declared: "StringLenBetween(1, 8192)" },
            { path: "kinesisTarget", declared: "MaxItems 1", shape: true },
            { path: "kinesisTarget.partitionKeyPath", declared: "StringLenBetween(1, 256)" },
            { path: "redshiftTarget", declared: "MaxItems 1", shape: true },
            { path: "redshiftTarget.database", declared: "StringLenBetween(1, 64)" },
            { path: "redshiftTarget.dbUser", declared: "StringLenBetween(1, 128)" },
            { path: "redshiftTarget.secretsManagerArn", declared: "ValidARN" },
            { path: "redshiftTarget.sql", declared: "StringLenBetween(1, 100000)" },
            { path: "redshiftTarget.statementName", declared: "StringLenBetween(1, 500)" },
            { path: "retryPolicy", declared: "MaxItems 1", shape: true },
            { path: "retryPolicy.maximumEventAgeInSeconds", declared: "IntBetween(0, 86400)" },
            { path: "retryPolicy.maximumRetryAttempts", declared: "IntBetween(0, 185)" },
            { path: "roleArn", declared: "ValidARN" },
            { path: "rule", declared: "validateRuleName" },
            { path: "runCommandTargets", declared: "MaxItems 5" },
            { path: "runCommandTargets[].key", declared: "StringLenBetween(1, 128)" },
            { path: "runCommandTargets[].values", declared: "MaxItems 50" },
            { path: "runCommandTargets[].values[]", declared: "StringLenBetween(1, 256)" },
            { path: "sagemakerPipelineTarget", declared: "MaxItems 1", shape: true },
            { path: "sagemakerPipelineTarget.pipelineParameterLists", declared: "MaxItems 200" },
            { path: "sqsTarget", declared: "MaxItems 1", shape: true },
            { path: "targetId", declared: "validateTargetID" },
        ],
    },
};
