/**
 * Input validators of terraform-provider-aws (the v6 line that @pulumi/aws 7.x bridges), by resource type.
 * Each source names the file it was read from and the release line that file shows (see ./common.ts).
 */
import { atLeast, between, conflictsWith, doesNotMatch, field, isJSON, lengthBetween, matches, object, oneOf, openIDURL, relation, requiredWith, sizeBetween, stringInSlice, Validator } from "../validator";
import { isSet, isUnknownAt, plain } from "../values";
import { isIP } from "net";
import {
    src,
    read,
    sdkEnum,
    validARN,
    validAccountID,
    iamName,
    iamPolicyJSON,
    HEALTH,
    KEY,
    ALIAS,
    SECRET,
    LOGS,
    ROLE,
    SUBSCRIPTION,
    ALARM,
    EVENT_RULE,
    EVENT_TARGET,
    BUDGET,
    SSE,
    VERSIONING,
    ROLE_POLICY,
    OIDC,
    TOPIC,
    alarm,
    health,
    kmsKey,
    kmsKeyV6,
    alarmV6,
    budget,
    logGroup,
    logValidate,
    healthV5,
    sse,
    versioning,
    subscription,
    snsConsts,
    role,
    rolePolicy,
    iamValidate,
    oidc,
    secret,
    secretValidate,
    topic,
    eventRule,
    eventBridgeName,
    EXTENDED_STATISTIC,
    queryPeriod,
    timePeriodTimestamp,
    logGroupCharacters,
} from "./common";
import { AWS_SDK_ENUMS } from "../enums.generated";
import * as names from "../../../contracts/awsNames";
import { nameRuleHolds } from "../../../contracts/awsNames";
import { nameValidators } from "./names";
import * as ec2 from "./ec2";
import * as vpc from "./vpc";
import * as elasticache from "./elasticache";
import * as rds from "./rds";

/** Every service's validators, from the files that hold them with their coverage. */
export const awsValidators: Validator[] = [
    ...ec2.validators,
    ...vpc.validators,
    ...elasticache.validators,
    ...rds.validators,

    // aws_route53_health_check
    ...nameValidators(HEALTH, "referenceName", [names.HEALTH_CHECK_REFERENCE_NAME]),
    field(HEALTH, "failureThreshold", health, between(1, 10, "IntBetween(1, 10)")),
    field(HEALTH, "fqdn", health, lengthBetween(0, 255, "StringLenBetween(0, 255)")),
    field(HEALTH, "resourcePath", health, lengthBetween(0, 255, "StringLenBetween(0, 255)")),
    field(HEALTH, "searchString", health, lengthBetween(0, 255, "StringLenBetween(0, 255)")),
    field(HEALTH, "requestInterval", health, oneOf(10, 30)),
    field(HEALTH, "childHealthThreshold", health, between(Number.NEGATIVE_INFINITY, 256, "IntAtMost(256)")),
    field(HEALTH, "port", health, between(1, 65535, "IsPortNumber")),
    field(HEALTH, "regions", health, sizeBetween(3, 64, "MinItems 3, MaxItems 64")),

    // aws_kms_key, aws_kms_alias
    field(KEY, "deletionWindowInDays", kmsKey, between(7, 30, "IntBetween(7, 30)")),
    field(KEY, "description", kmsKey, lengthBetween(0, 8192, "StringLenBetween(0, 8192)")),
    field(KEY, "rotationPeriodInDays", kmsKey, between(90, 2560, "IntBetween(90, 2560)")),
    object(KEY, "", kmsKey, requiredWith("rotationPeriodInDays", "enableKeyRotation")),
    field(KEY, "customKeyStoreId", kmsKey, lengthBetween(1, 22, "StringLenBetween(1, 22)")),
    field(KEY, "xksKeyId", kmsKey, lengthBetween(1, 128, "StringLenBetween(1, 128)")),
    object(KEY, "", kmsKey, requiredWith("xksKeyId", "customKeyStoreId")),
    field(KEY, "customerMasterKeySpec", kmsKeyV6, sdkEnum("kms.KeySpec")),
    field(KEY, "keyUsage", kmsKeyV6, sdkEnum("kms.KeyUsageType")),
    // validNameForResource: v4 refused any "alias/aws..." and allowed ':'; from v5 only the AWS-managed prefix
    // "alias/aws/" is reserved (so "alias/awsome-app" is valid) and the characters are [0-9A-Za-z_/-].
    ...nameValidators(ALIAS, "name", names.KMS_ALIAS_NAME),
    // alias.go validates name_prefix with the same function, and the two conflict.
    ...nameValidators(ALIAS, "namePrefix", [names.KMS_ALIAS_RESERVED, names.KMS_ALIAS_CHARACTERS]),
    object(ALIAS, "", read("internal/service/kms/alias.go", "v5", "01c08000"), conflictsWith("name", "namePrefix")),

    // aws_secretsmanager_secret
    field(SECRET, "recoveryWindowInDays", src("secretsmanager/secret.go", "v5"), {
        rule: "Any(IntBetween(7, 30), IntInSlice([0]))",
        test: (v) => (typeof v !== "number" || v === 0 || (v >= 7 && v <= 30) ? undefined : "is out of range; expected 0 (delete without recovery) or 7 to 30"),
    }),
    object(SECRET, "", src("secretsmanager/secret.go", "v5"), conflictsWith("name", "namePrefix")),

    // aws_cloudwatch_log_group
    field(LOGS, "retentionInDays", src("logs/group.go"), oneOf(0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)),
    object(LOGS, "", src("logs/group.go"), conflictsWith("name", "namePrefix")),

    // aws_iam_role
    field(ROLE, "assumeRolePolicy", src("iam/role.go", "v4"), isJSON),
    field(ROLE, "maxSessionDuration", src("iam/role.go", "v4"), between(3600, 43200, "IntBetween(3600, 43200)")),
    field(ROLE, "description", src("iam/role.go", "v4"), lengthBetween(0, 1000, "StringLenBetween(0, 1000)")),
    field(ROLE, "description", src("iam/role.go", "v4"), doesNotMatch(/[“‘]/, "cannot contain specially formatted single or double quotes: [“‘]")),
    field(ROLE, "path", src("iam/role.go", "v4"), lengthBetween(0, 512, "StringLenBetween(0, 512)")),
    object(ROLE, "", src("iam/role.go", "v4"), conflictsWith("name", "namePrefix")),

    // aws_sns_topic_subscription
    ...(["deliveryPolicy", "filterPolicy", "redrivePolicy", "replayPolicy"] as const).map((p) => field(SUBSCRIPTION, p, src("sns/topic_subscription.go", "v5"), isJSON)),

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

    // aws_cloudwatch_log_group
    field(LOGS, "logGroupClass", logGroup, sdkEnum("cloudwatch-logs.LogGroupClass")),
    ...nameValidators(LOGS, "name", names.LOG_GROUP_NAME),
    field(LOGS, "namePrefix", logValidate, lengthBetween(0, 483, "validLogGroupNamePrefix: at most 483")),
    field(LOGS, "namePrefix", logValidate, logGroupCharacters),

    // aws_route53_health_check
    field(HEALTH, "type", healthV5, sdkEnum("route-53.HealthCheckType")),
    field(HEALTH, "insufficientDataHealthStatus", healthV5, sdkEnum("route-53.InsufficientDataHealthStatus")),
    field(HEALTH, "regions[]", healthV5, sdkEnum("route-53.HealthCheckRegion")),
    field(HEALTH, "routingControlArn", healthV5, validARN),
    field(HEALTH, "cloudwatchAlarmRegion", healthV5, sdkEnum("route-53.CloudWatchRegion")),
    field(HEALTH, "childHealthchecks", healthV5, sizeBetween(0, 256, "MaxItems 256")),
    field(HEALTH, "childHealthchecks[]", healthV5, lengthBetween(0, 64, "StringLenBetween(0, 64)")),
    field(HEALTH, "ipAddress", healthV5, {
        rule: "IsIPAddress",
        // Go's net.ParseIP: dotted IPv4 without leading zeros or IPv6 without a zone, as node:net's isIP reads them.
        test: (v) => (typeof v !== "string" || (isIP(v) !== 0 && !v.includes("%")) ? undefined : "is not a valid IP address"),
    }),

    // aws_s3_bucket_server_side_encryption_configuration, aws_s3_bucket_versioning
    field(SSE, "rules[].applyServerSideEncryptionByDefault.sseAlgorithm", sse, sdkEnum("s3.ServerSideEncryption")),
    field(SSE, "bucket", sse, lengthBetween(1, 63, "StringLenBetween(1, 63)")),
    field(SSE, "expectedBucketOwner", sse, validAccountID),
    // BucketVersioningStatus_Values() is the SDK's Enabled and Suspended plus the provider's own "Disabled".
    field(VERSIONING, "versioningConfiguration.status", versioning, sdkEnum("s3.BucketVersioningStatus", ["Disabled"])),
    field(VERSIONING, "versioningConfiguration.mfaDelete", versioning, sdkEnum("s3.MFADelete")),
    field(VERSIONING, "bucket", versioning, lengthBetween(1, 63, "StringLenBetween(1, 63)")),
    field(VERSIONING, "expectedBucketOwner", versioning, validAccountID),

    // aws_sns_topic_subscription: the provider's own protocol list (sns/consts.go), case-sensitive
    field(SUBSCRIPTION, "protocol", snsConsts, stringInSlice(["application", "email", "email-json", "firehose", "http", "https", "lambda", "sms", "sqs"], false)),
    field(SUBSCRIPTION, "filterPolicyScope", snsConsts, stringInSlice(["MessageAttributes", "MessageBody"], false)),
    field(SUBSCRIPTION, "topic", subscription, validARN),
    field(SUBSCRIPTION, "subscriptionRoleArn", subscription, validARN),

    // aws_iam_role, aws_iam_role_policy
    ...nameValidators(ROLE, "name", names.IAM_ROLE_NAME),
    ...iamName(38).map((t) => field(ROLE, "namePrefix", role, t)),
    field(ROLE, "permissionsBoundary", role, validARN),
    field(ROLE, "managedPolicyArns[]", role, validARN),
    field(ROLE, "inlinePolicies[].name", role, lengthBetween(1, 128, "All(StringIsNotEmpty, validRolePolicyName): 1 to 128")),
    field(ROLE, "inlinePolicies[].name", role, matches(/^[\w+=,.@-]*$/, "must match [\\w+=,.@-]")),
    ...iamName(128).map((t) => field(ROLE_POLICY, "name", iamValidate, t)),
    ...iamName(102).map((t) => field(ROLE_POLICY, "namePrefix", rolePolicy, t)),
    object(ROLE_POLICY, "", rolePolicy, conflictsWith("name", "namePrefix")),
    field(ROLE_POLICY, "policy", rolePolicy, iamPolicyJSON(10240)),
    field(ROLE_POLICY, "role", iamValidate, lengthBetween(1, 128, "validRolePolicyRole: StringLenBetween(1, 128)")),
    field(ROLE_POLICY, "role", iamValidate, matches(/[\w+=,.@-]+/, "must contain at least one of [\\w+=,.@-]")),
    field(ROLE_POLICY, "role", iamValidate, {
        rule: "validRolePolicyRole: not an ARN",
        test: (v) => (typeof v === "string" && v.startsWith("arn:") && validARN.test(v) === undefined ? "must be the role's name not its ARN" : undefined),
    }),

    // aws_iam_openid_connect_provider
    field(OIDC, "url", iamValidate, openIDURL),
    field(OIDC, "thumbprintLists[]", oidc, lengthBetween(40, 40, "StringLenBetween(40, 40)")),
    field(OIDC, "clientIdLists[]", oidc, lengthBetween(1, 255, "StringLenBetween(1, 255)")),

    // aws_secretsmanager_secret
    ...nameValidators(SECRET, "name", names.SECRET_NAME),
    ...nameValidators(SECRET, "namePrefix", [names.SECRET_NAME_CHARACTERS]),
    field(SECRET, "namePrefix", secretValidate, lengthBetween(0, 486, "validSecretNamePrefix: at most 512 - UniqueIDSuffixLength = 486")),
    field(SECRET, "policy", secret, isJSON),

    // aws_sns_topic
    ...["application", "firehose", "http", "lambda", "sqs"].flatMap((p) => [
        field(TOPIC, `${p}FailureFeedbackRoleArn`, topic, validARN),
        field(TOPIC, `${p}SuccessFeedbackRoleArn`, topic, validARN),
        field(TOPIC, `${p}SuccessFeedbackSampleRate`, topic, between(0, 100, "IntBetween(0, 100)")),
    ]),
    ...(["archivePolicy", "deliveryPolicy", "policy"] as const).map((p) => field(TOPIC, p, topic, isJSON)),
    field(TOPIC, "signatureVersion", topic, between(1, 2, "IntBetween(1, 2)")),
    // topicTracingConfig_Values() lives in sns/consts.go, not read; its members are the ones the bridged release's
    // own documentation lists (@pulumi/aws 7.48.0 sns/topic.d.ts, tracingConfig: "PassThrough", "Active").
    field(TOPIC, "tracingConfig", "@pulumi/aws sns/topic.d.ts 7.48.0 (tracingConfig doc) + hashicorp/terraform-provider-aws internal/service/sns/topic.go v5", stringInSlice(["PassThrough", "Active"], false)),
    object(TOPIC, "", topic, conflictsWith("name", "namePrefix")),
    object(
        TOPIC,
        "",
        topic,
        relation("resourceTopicCustomizeDiff: topic name", (o, at) => {
            if (["name", "namePrefix", "fifoTopic"].some((k) => isUnknownAt(o.value, k))) return [];
            const inputs = o.value as Record<string, unknown>;
            const fifo = plain(inputs.fifoTopic) === true;
            // The name the provider generates: the configured one, or the prefix plus a 26-character unique suffix.
            const name = isSet(inputs, "name") ? String(plain(inputs.name)) : isSet(inputs, "namePrefix") ? `${String(plain(inputs.namePrefix))}${"0".repeat(26)}${fifo ? ".fifo" : ""}` : undefined;
            if (name === undefined) return [];
            const rule = fifo ? names.SNS_FIFO_TOPIC_NAME : names.SNS_TOPIC_NAME;
            const ok = nameRuleHolds(rule, name);
            const key = isSet(inputs, "name") ? "name" : "namePrefix";
            const expected = rule.message;
            return ok ? [] : [{ property: at(key), message: `${at(key)}: ${JSON.stringify(plain(inputs[key]))} gives an invalid topic name; expected ${expected}${key === "namePrefix" ? " (the prefix plus a 26-character suffix)" : ""}` }];
        }),
    ),
    ...(["archivePolicy", "contentBasedDeduplication"] as const).map((k) =>
        object(
            TOPIC,
            "",
            topic,
            relation(`resourceTopicCustomizeDiff: ${k} only for FIFO topics`, (o, at) => {
                if (isUnknownAt(o.value, k) || isUnknownAt(o.value, "fifoTopic")) return [];
                const inputs = o.value as Record<string, unknown>;
                const value = plain(inputs[k]);
                const set = k === "archivePolicy" ? typeof value === "string" && value !== "" : value === true;
                return set && plain(inputs.fifoTopic) !== true ? [{ property: at(k), message: `${at(k)} can only be set for FIFO topics (${at("fifoTopic")}: true)` }] : [];
            }),
        ),
    ),
];
