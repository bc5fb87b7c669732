/**
 * Coverage of the providers' own validation: for each resource type the program can register, the attributes
 * that carry a validator, ConflictsWith, ExactlyOneOf, AtLeastOneOf, RequiredWith or MaxItems in the provider
 * source, transcribed from the file read (cited), and whether the engine emulates each. "Emulated" is not
 * declared here: it is computed from the validators registered for the type (readiness/providers/index.ts),
 * so a row cannot claim a validator that does not exist. A row the engine does not emulate says why.
 *
 * docs/provider-validation.md is generated from this by `npm run provider-schema`; a test keeps it current and
 * complete (every validated type has an entry).
 */
import { VALIDATORS } from "./index";
import { postgresqlCoverage } from "./postgresql";
import { randomCoverage } from "./random";
import { sentryCoverage } from "./sentry";
import { upstashCoverage } from "./upstash";
import { vercelCoverage } from "./vercel";
import { SourceAttribute, TypeCoverage, VALIDATED_TYPES } from "./types";
import * as ec2 from "./aws/ec2";
import * as vpc from "./aws/vpc";
import * as elasticache from "./aws/elasticache";
import * as rds from "./aws/rds";

const TF_AWS = "hashicorp/terraform-provider-aws";
const ONE_BLOCK = "MaxItems 1: the Pulumi SDK types this block as one object, not a list";

/** Where the validators of a type that has no transcription yet cite their sources. */
function notTranscribed(type: string): string {
    const provider = type.startsWith("pulumi:providers:") ? type.slice("pulumi:providers:".length) : type.split(":")[0];
    const home = provider === "aws" ? "readiness/providers/aws/" : `readiness/providers/${provider}.ts`;
    return `provider file not transcribed into this table yet; the validators listed are those emulated (see ${home} for their sources)`;
}

export const COVERAGE: Record<string, TypeCoverage> = {
    ...vercelCoverage,
    ...postgresqlCoverage,
    ...sentryCoverage,
    ...upstashCoverage,
    ...randomCoverage,
    ...ec2.coverage,
    ...vpc.coverage,
    ...elasticache.coverage,
    ...rds.coverage,
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
    "aws:sns/topic:Topic": {
        source: `${TF_AWS} internal/service/sns/topic.go v5 (topicSchema and resourceTopicCustomizeDiff; the stored copy's commit is not shown by the research tools)`,
        attributes: [
            { path: "applicationFailureFeedbackRoleArn", declared: "ValidARN" },
            { path: "applicationSuccessFeedbackRoleArn", declared: "ValidARN" },
            { path: "applicationSuccessFeedbackSampleRate", declared: "IntBetween(0, 100)" },
            { path: "firehoseFailureFeedbackRoleArn", declared: "ValidARN" },
            { path: "firehoseSuccessFeedbackRoleArn", declared: "ValidARN" },
            { path: "firehoseSuccessFeedbackSampleRate", declared: "IntBetween(0, 100)" },
            { path: "httpFailureFeedbackRoleArn", declared: "ValidARN" },
            { path: "httpSuccessFeedbackRoleArn", declared: "ValidARN" },
            { path: "httpSuccessFeedbackSampleRate", declared: "IntBetween(0, 100)" },
            { path: "lambdaFailureFeedbackRoleArn", declared: "ValidARN" },
            { path: "lambdaSuccessFeedbackRoleArn", declared: "ValidARN" },
            { path: "lambdaSuccessFeedbackSampleRate", declared: "IntBetween(0, 100)" },
            { path: "sqsFailureFeedbackRoleArn", declared: "ValidARN" },
            { path: "sqsSuccessFeedbackRoleArn", declared: "ValidARN" },
            { path: "sqsSuccessFeedbackSampleRate", declared: "IntBetween(0, 100)" },
            { path: "archivePolicy", declared: "StringIsJSON; CustomizeDiff: FIFO topics only" },
            { path: "contentBasedDeduplication", declared: "CustomizeDiff: FIFO topics only" },
            { path: "deliveryPolicy", declared: "StringIsJSON" },
            { path: "name", declared: "ConflictsWith(name_prefix); CustomizeDiff: ^[0-9A-Za-z_-]{1,256}$ (FIFO: {1,251}\\.fifo)" },
            { path: "namePrefix", declared: "ConflictsWith(name); the generated name meets the same pattern" },
            { path: "policy", declared: "StringIsJSON" },
            { path: "signatureVersion", declared: "IntBetween(1, 2)" },
            { path: "tracingConfig", declared: "StringInSlice(topicTracingConfig_Values(), false) (members from the bridged release's docs)" },
        ],
    },
    "aws:kms/key:Key": {
        source: `${TF_AWS} internal/service/kms/key.go v6 @00a35305 (resourceKey schema)`,
        attributes: [
            { path: "customKeyStoreId", declared: "StringLenBetween(1, 22)" },
            { path: "customerMasterKeySpec", declared: "enum.Validate[awstypes.KeySpec]()" },
            { path: "deletionWindowInDays", declared: "IntBetween(7, 30)" },
            { path: "description", declared: "StringLenBetween(0, 8192)" },
            { path: "keyUsage", declared: "enum.Validate[awstypes.KeyUsageType]()" },
            {
                path: "policy",
                declared: "sdkv2.IAMPolicyDocumentSchemaOptionalComputed()",
                exception: "the validator sits in the shared helper internal/sdkv2, which was not read, so which checks it makes (JSON, size) is not known here",
            },
            { path: "rotationPeriodInDays", declared: "IntBetween(90, 2560), RequiredWith(enable_key_rotation)" },
            { path: "xksKeyId", declared: "StringLenBetween(1, 128), RequiredWith(custom_key_store_id)" },
        ],
    },
    "aws:kms/alias:Alias": {
        source: `${TF_AWS} internal/service/kms/alias.go v5 @01c08000; validNameForResource in internal/service/kms/validate.go v5 (cmkAliasPrefix "alias/aws/")`,
        attributes: [
            { path: "name", declared: "validNameForResource, ConflictsWith(name_prefix)" },
            { path: "namePrefix", declared: "validNameForResource, ConflictsWith(name)" },
        ],
    },
    "aws:route53/healthCheck:HealthCheck": {
        source: `${TF_AWS} internal/service/route53/health_check.go v5 (resourceHealthCheck schema; the stored copy's commit is not shown by the research tools)`,
        attributes: [
            { path: "childHealthThreshold", declared: "IntAtMost(256)" },
            { path: "childHealthchecks", declared: "MaxItems 256" },
            { path: "childHealthchecks[]", declared: "StringLenBetween(0, 64)" },
            { path: "cloudwatchAlarmRegion", declared: "enum.Validate[awstypes.CloudWatchRegion]()" },
            { path: "failureThreshold", declared: "IntBetween(1, 10)" },
            { path: "fqdn", declared: "StringLenBetween(0, 255)" },
            { path: "insufficientDataHealthStatus", declared: "enum.Validate[awstypes.InsufficientDataHealthStatus]()" },
            { path: "ipAddress", declared: "IsIPAddress" },
            { path: "port", declared: "IsPortNumber" },
            { path: "referenceName", declared: "StringLenBetween(0, 64 - UniqueIDSuffixLength - 11)" },
            { path: "regions", declared: "MinItems 3, MaxItems 64" },
            { path: "regions[]", declared: "enum.Validate[awstypes.HealthCheckRegion]()" },
            { path: "requestInterval", declared: "IntInSlice([10, 30])" },
            { path: "resourcePath", declared: "StringLenBetween(0, 255)" },
            { path: "routingControlArn", declared: "ValidARN" },
            { path: "searchString", declared: "StringLenBetween(0, 255)" },
            { path: "type", declared: "enum.Validate[awstypes.HealthCheckType]()" },
        ],
    },
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
    "aws:cloudwatch/logGroup:LogGroup": {
        source: `${TF_AWS} internal/service/logs/group.go v6 @0073593e; validLogGroupName(Prefix) in internal/service/logs/validate.go v5`,
        attributes: [
            { path: "logGroupClass", declared: "enum.Validate[awstypes.LogGroupClass]()" },
            { path: "name", declared: "validLogGroupName, ConflictsWith(name_prefix)" },
            { path: "namePrefix", declared: "validLogGroupNamePrefix, ConflictsWith(name)" },
            { path: "retentionInDays", declared: "IntInSlice([0, 1, 3, ... 3653])" },
        ],
    },
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": {
        source: `${TF_AWS} internal/service/s3/bucket_server_side_encryption_configuration.go v5 @01606926`,
        attributes: [
            { path: "bucket", declared: "StringLenBetween(1, 63)" },
            { path: "expectedBucketOwner", declared: "ValidAccountID" },
            { path: "rules[].applyServerSideEncryptionByDefault", declared: "MaxItems 1", shape: true },
            { path: "rules[].applyServerSideEncryptionByDefault.sseAlgorithm", declared: "enum.Validate[types.ServerSideEncryption]()" },
        ],
    },
    "aws:s3/bucketVersioning:BucketVersioning": {
        source: `${TF_AWS} internal/service/s3/bucket_versioning.go v4 @01c08000 (only a v4 copy could be read)`,
        attributes: [
            { path: "bucket", declared: "StringLenBetween(1, 63)" },
            { path: "expectedBucketOwner", declared: "ValidAccountID" },
            { path: "versioningConfiguration", declared: "MaxItems 1", shape: true },
            { path: "versioningConfiguration.mfaDelete", declared: "StringInSlice(s3.MFADelete_Values(), false)" },
            { path: "versioningConfiguration.status", declared: "StringInSlice(BucketVersioningStatus_Values(), false)" },
            {
                path: "versioningConfiguration.status (update)",
                declared: "CustomizeDiff: cannot go from Enabled or Suspended to Disabled",
                exception: "compares the prior state with the plan; the offline check previews a fresh program and has no prior state",
            },
        ],
    },
    "aws:sns/topicSubscription:TopicSubscription": {
        source: `${TF_AWS} internal/service/sns/topic_subscription.go v5 @04a2e6e5; protocols in internal/service/sns/consts.go v4 @01c08000`,
        attributes: [
            { path: "deliveryPolicy", declared: "StringIsJSON" },
            { path: "filterPolicy", declared: "StringIsJSON" },
            { path: "filterPolicyScope", declared: "StringInSlice(subscriptionFilterPolicyScope_Values(), false)" },
            { path: "protocol", declared: "StringInSlice(subscriptionProtocol_Values(), false)" },
            { path: "redrivePolicy", declared: "StringIsJSON" },
            { path: "replayPolicy", declared: "StringIsJSON" },
            { path: "subscriptionRoleArn", declared: "ValidARN" },
            { path: "topic", declared: "topic_arn: ValidARN" },
        ],
    },
    "aws:iam/role:Role": {
        source: `${TF_AWS} internal/service/iam/role.go v4 @0040ea69 (only a v4 copy could be read); validResourceName in internal/service/iam/validate.go v5 @044fb317`,
        attributes: [
            { path: "assumeRolePolicy", declared: "StringIsJSON" },
            { path: "description", declared: "All(StringLenBetween(0, 1000), StringDoesNotMatch([“‘]), StringMatch([\\p{L}\\p{M}\\p{Z}\\p{S}\\p{N}\\p{P}]*))" },
            { path: "inlinePolicies[].name", declared: "All(StringIsNotEmpty, validRolePolicyName)" },
            {
                path: "inlinePolicies[].policy",
                declared: "ValidIAMPolicyJSON",
                exception: "the v4 copy's ValidIAMPolicyJSON takes no size limit and later lines pass one; which limit the bridged release applies could not be read",
            },
            { path: "managedPolicyArns[]", declared: "ValidARN" },
            { path: "maxSessionDuration", declared: "IntBetween(3600, 43200)" },
            { path: "name", declared: "validResourceName(64), ConflictsWith(name_prefix)" },
            { path: "namePrefix", declared: "validResourceName(38), ConflictsWith(name)" },
            { path: "path", declared: "StringLenBetween(0, 512)" },
            { path: "permissionsBoundary", declared: "ValidARN" },
        ],
    },
    "aws:iam/rolePolicy:RolePolicy": {
        source: `${TF_AWS} internal/service/iam/role_policy.go v5 @02f97af8; validRolePolicyName and validRolePolicyRole in internal/service/iam/validate.go v5 @044fb317`,
        attributes: [
            { path: "name", declared: "validRolePolicyName = validResourceName(128), ConflictsWith(name_prefix)" },
            { path: "namePrefix", declared: "validResourceName(102), ConflictsWith(name)" },
            { path: "policy", declared: "ValidIAMPolicyJSON(10240)" },
            { path: "role", declared: "validRolePolicyRole" },
        ],
    },
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider": {
        source: `${TF_AWS} internal/service/iam/openid_connect_provider.go v6 @01606926; validOpenIDURL in internal/service/iam/validate.go v5 @044fb317`,
        attributes: [
            { path: "clientIdLists[]", declared: "StringLenBetween(1, 255)" },
            { path: "thumbprintLists[]", declared: "StringLenBetween(40, 40)" },
            { path: "url", declared: "validOpenIDURL = All(IsURLWithHTTPS, no query parameters)" },
        ],
    },
    "aws:secretsmanager/secret:Secret": {
        source: `${TF_AWS} internal/service/secretsmanager/secret.go v5 @00c21ced; validSecretName(Prefix) in internal/service/secretsmanager/validate.go v6 @0413c661`,
        attributes: [
            { path: "name", declared: "validSecretName, ConflictsWith(name_prefix)" },
            { path: "namePrefix", declared: "validSecretNamePrefix, ConflictsWith(name)" },
            { path: "policy", declared: "StringIsJSON" },
            { path: "recoveryWindowInDays", declared: "Any(IntBetween(7, 30), IntInSlice([0]))" },
        ],
    },
};

/** Whether a registered validator of `type` emulates the row: one at its path, or a relation naming its key. */
export function isEmulated(type: string, a: SourceAttribute): boolean {
    // A required-input check is not what the provider declares on these rows, so it does not count.
    const validators = (VALIDATORS.get(type) ?? []).filter((v) => !v.rule.startsWith("Required("));
    if (validators.some((v) => v.property === a.path)) return true;
    const dot = a.path.lastIndexOf(".");
    const parent = dot < 0 ? "(inputs)" : a.path.slice(0, dot);
    const key = dot < 0 ? a.path : a.path.slice(dot + 1);
    return validators.some((v) => v.property === parent && new RegExp(`[(, ]${key.replace(/[[\]]/g, "\\$&")}([,): ]|$)`).test(v.rule));
}

/** Every validated type's entry: a transcription, or why there is none, with the validators emulated. */
export function coverageRows(): { type: string; entry: TypeCoverage; emulatedRules: string[] }[] {
    return VALIDATED_TYPES.map((type) => ({
        type,
        entry: COVERAGE[type] ?? { notTranscribed: notTranscribed(type) },
        emulatedRules: (VALIDATORS.get(type) ?? []).map((v) => `${v.property} ${v.rule}`),
    }));
}

const cell = (s: string) => s.replace(/\|/g, "\\|");

/** docs/provider-validation.md. */
export function renderCoverageDoc(): string {
    const rows = coverageRows();
    const transcribed = rows.filter((r) => "attributes" in r.entry);
    let total = 0;
    let covered = 0;
    const out: string[] = [];
    for (const r of transcribed) {
        const e = r.entry as { source: string; attributes: SourceAttribute[] };
        for (const a of e.attributes) {
            total++;
            if (a.shape || isEmulated(r.type, a)) covered++;
        }
    }
    out.push(
        "<!-- Generated by `npm run provider-schema` from readiness/providers/coverage.ts; do not edit by hand. -->",
        "# Provider validation coverage",
        "",
        "What a real preview's provider Check refuses and the offline check emulates (readiness/providers/). For each",
        "resource type the program can register (every backend, both reachability modes, every environment), the",
        "attributes that carry a validator, ConflictsWith, ExactlyOneOf, AtLeastOneOf, RequiredWith or MaxItems in the",
        "provider source, transcribed from the file cited, and whether a registered validator emulates each. Required",
        "inputs come from the SDK typings for every type (readiness/providers/required.generated.ts); AWS enums come",
        "from the AWS SDK for JavaScript v3 (readiness/providers/enums.generated.ts).",
        "",
        `Transcribed: ${transcribed.length} of ${rows.length} registered types; ${covered} of ${total} validator-bearing attributes of those types are emulated or enforced by the SDK's shape (${((100 * covered) / total).toFixed(1)} %); every other row says why not.`,
        "",
        "Version: @pulumi/aws 7.48.0 bridges terraform-provider-aws v6 (pulumi/pulumi-aws#5665 moved v7 onto v6). The",
        "exact v6 release at tag v7.48.0 could not be read here (the stored pulumi/pulumi-aws provider/go.mod is an",
        "older v6-line copy whose `replace => ../upstream` points at the submodule, and the repository is too large to",
        "fetch); each row cites the copy of the provider file that could be read, its major line and commit. The other",
        "providers' rows cite the tag of the upstream release their bridged package pins (vercel v5.4.1, postgresql",
        "ff936b9, sentry v0.11.2, upstash v2.0.0, random v3.9.0), with the schema lines read.",
        "",
    );
    for (const r of rows) {
        out.push(`## \`${r.type}\``, "");
        if ("notTranscribed" in r.entry) {
            out.push(`Not transcribed: ${r.entry.notTranscribed}.`, "");
            if (r.emulatedRules.length) out.push(...r.emulatedRules.map((x) => `- \`${x}\``), "");
            continue;
        }
        out.push(`Source: ${r.entry.source}`, "");
        if (r.entry.attributes.length === 0) {
            out.push("No validator-bearing attribute.", "");
            continue;
        }
        out.push("| Attribute | Declared in the provider | Emulated |", "| --- | --- | --- |");
        for (const a of r.entry.attributes) {
            const status = isEmulated(r.type, a) ? "yes" : a.shape ? `by the SDK's shape (${ONE_BLOCK})` : `no: ${a.exception ?? "MISSING REASON"}`;
            out.push(`| \`${cell(a.path)}\` | ${cell(a.declared)} | ${cell(status)} |`);
        }
        out.push("");
    }
    return out.join("\n");
}
