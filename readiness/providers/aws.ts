/**
 * Input validators of terraform-provider-aws (the v6 line that @pulumi/aws 7.x bridges). The provider
 * repository is too large to keep here; each source names the file it was read from and the release line
 * that file shows (v6 where the file carries v6-only markers such as resource identity, v5 where only an
 * older copy was available; these rules are unchanged between the two).
 */
import {
    atLeast,
    between,
    conflictsWith,
    doesNotMatch,
    exactlyOneOf,
    field,
    isCIDRNetwork,
    isJSON,
    lengthAtMost,
    lengthBetween,
    matches,
    object,
    oneOf,
    relation,
    requiredWith,
    sizeBetween,
    Validator,
} from "./validator";
import { isSet, isUnknownAt, plain } from "./values";

const src = (file: string, line = "v6") => `hashicorp/terraform-provider-aws internal/service/${file} ${line}`;

const RDS = "aws:rds/instance:Instance";
const PARAMS = "aws:rds/parameterGroup:ParameterGroup";
const RDS_SUBNETS = "aws:rds/subnetGroup:SubnetGroup";
const HEALTH = "aws:route53/healthCheck:HealthCheck";
const REDIS = "aws:elasticache/replicationGroup:ReplicationGroup";
const KEY = "aws:kms/key:Key";
const ALIAS = "aws:kms/alias:Alias";
const SECRET = "aws:secretsmanager/secret:Secret";
const LOGS = "aws:cloudwatch/logGroup:LogGroup";
const VPC = "aws:ec2/vpc:Vpc";
const ROLE = "aws:iam/role:Role";
const SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const EVENT_RULE = "aws:cloudwatch/eventRule:EventRule";
const EVENT_TARGET = "aws:cloudwatch/eventTarget:EventTarget";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const ROUTE = "aws:ec2/route:Route";
const ASSOCIATION = "aws:ec2/routeTableAssociation:RouteTableAssociation";
const ROUTE_TARGETS = ["carrierGatewayId", "coreNetworkArn", "egressOnlyGatewayId", "gatewayId", "localGatewayId", "natGatewayId", "networkInterfaceId", "transitGatewayId", "vpcEndpointId", "vpcPeeringConnectionId"];
const sg = src("ec2/vpc_security_group.go");
// The stored metric_alarm.go predates the PromQL evaluation criteria of the bridged release (which made
// comparison_operator and evaluation_periods optional); only rules that release did not touch are taken.
const alarm = src("cloudwatch/metric_alarm.go");

const rdsInstance = src("rds/instance.go", "v5");
const rdsValidate = src("rds/validate.go", "v5");
const health = src("route53/health_check.go");
const redis = src("elasticache/replication_group.go");
const kmsKey = src("kms/key.go");
const eventRule = src("events/rule.go");

/** validIdentifier and validParamGroupName in rds/validate.go: the same four rules on another set of characters. */
function rdsName(type: string, path: string, source: string, characters: RegExp, explanation: string): Validator[] {
    return [
        field(type, path, source, matches(characters, explanation)),
        field(type, path, source, matches(/^[a-z]/, "the first character must be a letter")),
        field(type, path, source, doesNotMatch(/--/, "cannot contain two consecutive hyphens")),
        field(type, path, source, doesNotMatch(/-$/, "cannot end with a hyphen")),
    ];
}

/** validateRuleName and validateTargetID in events/validate.go: at most 64 characters of [0-9A-Za-z_.-]. */
function eventBridgeName(type: string, path: string): Validator[] {
    const source = src("events/validate.go");
    return [field(type, path, source, lengthBetween(1, 64, "cannot be longer than 64 characters")), field(type, path, source, matches(/^[0-9A-Za-z_.-]+$/, "only letters, digits, '_', '.' and '-' allowed"))];
}

/** A boolean that is set and true (a known value; unknown values are left to the caller). */
const isTrue = (obj: unknown, key: string) => isSet(obj, key) && plain((obj as Record<string, unknown>)[key]) === true;

export const awsValidators: Validator[] = [
    // aws_db_instance
    ...rdsName(RDS, "identifier", rdsValidate, /^[0-9a-z-]+$/, "only lowercase alphanumeric characters and hyphens allowed"),
    field(RDS, "identifierPrefix", rdsValidate, matches(/^[0-9a-z-]+$/, "only lowercase alphanumeric characters and hyphens allowed")),
    field(RDS, "identifierPrefix", rdsValidate, matches(/^[a-z]/, "the first character must be a letter")),
    field(RDS, "identifierPrefix", rdsValidate, doesNotMatch(/--/, "cannot contain two consecutive hyphens")),
    object(RDS, "", rdsInstance, conflictsWith("identifier", "identifierPrefix")),
    field(RDS, "backupRetentionPeriod", rdsInstance, between(0, 35, "IntBetween(0, 35)")),
    field(RDS, "monitoringInterval", rdsInstance, oneOf(0, 1, 5, 10, 15, 30, 60)),
    field(RDS, "finalSnapshotIdentifier", rdsInstance, matches(/^[A-Za-z]/, "must begin with alphabetic character")),
    field(RDS, "finalSnapshotIdentifier", rdsInstance, matches(/^[0-9A-Za-z-]+$/, "must only contain alphanumeric characters and hyphens")),
    field(RDS, "finalSnapshotIdentifier", rdsInstance, doesNotMatch(/--/, "cannot contain two consecutive hyphens")),
    field(RDS, "finalSnapshotIdentifier", rdsInstance, doesNotMatch(/-$/, "cannot end in a hyphen")),
    field(RDS, "customIamInstanceProfile", rdsInstance, matches(/^AWSRDSCustom.*$/, "must begin with AWSRDSCustom")),
    object(RDS, "", rdsInstance, conflictsWith("manageMasterUserPassword", "password")),
    object(RDS, "", rdsInstance, conflictsWith("dbName", "replicateSourceDb")),
    object(RDS, "", rdsInstance, conflictsWith("s3Import", "snapshotIdentifier", "replicateSourceDb")),
    object(RDS, "", rdsInstance, conflictsWith("restoreToPointInTime", "s3Import", "snapshotIdentifier", "replicateSourceDb")),

    // aws_db_parameter_group, aws_db_subnet_group
    ...rdsName(PARAMS, "name", rdsValidate, /^[0-9a-z.-]+$/, "only lowercase alphanumeric characters, periods, and hyphens allowed in parameter group names"),
    field(PARAMS, "name", rdsValidate, lengthAtMost(255)),
    object(PARAMS, "", src("rds/parameter_group.go"), conflictsWith("name", "namePrefix")),
    field(RDS_SUBNETS, "name", rdsValidate, matches(/^[0-9a-z_ .-]+$/, "only lowercase alphanumeric characters, hyphens, underscores, periods, and spaces allowed")),
    field(RDS_SUBNETS, "name", rdsValidate, lengthAtMost(255)),
    field(RDS_SUBNETS, "name", rdsValidate, doesNotMatch(/^default$/i, '"Default" is not allowed as a name')),

    // aws_route53_health_check
    field(HEALTH, "referenceName", health, lengthBetween(0, 27, "StringLenBetween(0, 64 - UniqueIDSuffixLength - 11) = (0, 27)")),
    field(HEALTH, "failureThreshold", health, between(1, 10, "IntBetween(1, 10)")),
    field(HEALTH, "fqdn", health, lengthBetween(0, 255, "StringLenBetween(0, 255)")),
    field(HEALTH, "resourcePath", health, lengthBetween(0, 255, "StringLenBetween(0, 255)")),
    field(HEALTH, "searchString", health, lengthBetween(0, 255, "StringLenBetween(0, 255)")),
    field(HEALTH, "requestInterval", health, oneOf(10, 30)),
    field(HEALTH, "childHealthThreshold", health, between(Number.NEGATIVE_INFINITY, 256, "IntAtMost(256)")),
    field(HEALTH, "port", health, between(1, 65535, "IsPortNumber")),
    field(HEALTH, "regions", health, sizeBetween(3, 64, "MinItems 3, MaxItems 64")),

    // aws_elasticache_replication_group
    field(REDIS, "replicationGroupId", redis, lengthBetween(1, 40)),
    field(REDIS, "replicationGroupId", redis, matches(/^[0-9A-Za-z-]+$/, "must contain only alphanumeric characters and hyphens")),
    field(REDIS, "replicationGroupId", redis, matches(/^[A-Za-z]/, "must begin with a letter")),
    field(REDIS, "replicationGroupId", redis, doesNotMatch(/--/, "cannot contain two consecutive hyphens")),
    field(REDIS, "replicationGroupId", redis, doesNotMatch(/-$/, "cannot end with a hyphen")),
    field(REDIS, "description", redis, lengthBetween(1, Number.MAX_SAFE_INTEGER, "StringIsNotEmpty")),
    field(REDIS, "authToken", src("elasticache/validate.go"), lengthBetween(16, 128)),
    field(REDIS, "authToken", src("elasticache/validate.go"), matches(/^[^@"/]+$/, 'only alphanumeric characters or symbols (excluding @, ", and /) allowed')),
    field(REDIS, "snapshotRetentionLimit", redis, between(Number.NEGATIVE_INFINITY, 35, "IntAtMost(35)")),
    field(REDIS, "replicasPerNodeGroup", redis, atLeast(0)),
    field(REDIS, "engine", redis, {
        rule: 'StringInSlice(["redis", "valkey"], ignoreCase)',
        test: (v) => (typeof v !== "string" || ["redis", "valkey"].includes(v.toLowerCase()) ? undefined : 'is not allowed; expected "redis" or "valkey"'),
    }),
    object(REDIS, "", redis, conflictsWith("authToken", "userGroupIds")),
    object(REDIS, "", redis, conflictsWith("numCacheClusters", "numNodeGroups", "replicasPerNodeGroup")),
    object(
        REDIS,
        "",
        redis,
        relation("replicationGroupValidateMultiAZAutomaticFailover", (o, at) =>
            isUnknownAt(o.value, "multiAzEnabled") || isUnknownAt(o.value, "automaticFailoverEnabled") || !isTrue(o.value, "multiAzEnabled") || isTrue(o.value, "automaticFailoverEnabled")
                ? []
                : [`${at("automaticFailoverEnabled")} must be true if ${at("multiAzEnabled")} is true`],
        ),
    ),
    object(
        REDIS,
        "",
        redis,
        relation("replicationGroupValidateAutomaticFailoverNumCacheClusters", (o, at) => {
            if (isUnknownAt(o.value, "automaticFailoverEnabled") || !isTrue(o.value, "automaticFailoverEnabled")) return [];
            if (isUnknownAt(o.value, "numCacheClusters") || !isSet(o.value, "numCacheClusters")) return [];
            const n = plain((o.value as Record<string, unknown>).numCacheClusters);
            return typeof n === "number" && n < 2 ? [`${at("numCacheClusters")} must be at least 2 if ${at("automaticFailoverEnabled")} is true`] : [];
        }),
    ),

    // aws_kms_key, aws_kms_alias
    field(KEY, "deletionWindowInDays", kmsKey, between(7, 30, "IntBetween(7, 30)")),
    field(KEY, "description", kmsKey, lengthBetween(0, 8192, "StringLenBetween(0, 8192)")),
    field(KEY, "rotationPeriodInDays", kmsKey, between(90, 2560, "IntBetween(90, 2560)")),
    object(KEY, "", kmsKey, requiredWith("rotationPeriodInDays", "enableKeyRotation")),
    field(KEY, "customKeyStoreId", kmsKey, lengthBetween(1, 22, "StringLenBetween(1, 22)")),
    field(KEY, "xksKeyId", kmsKey, lengthBetween(1, 128, "StringLenBetween(1, 128)")),
    object(KEY, "", kmsKey, requiredWith("xksKeyId", "customKeyStoreId")),
    field(ALIAS, "name", src("kms/validate.go", "v5"), doesNotMatch(/^(alias\/aws)/, "cannot begin with reserved AWS CMK prefix 'alias/aws'")),
    field(ALIAS, "name", src("kms/validate.go", "v5"), matches(/^(alias\/)[a-zA-Z0-9:/_-]+$/, "must begin with 'alias/' and be comprised of only [a-zA-Z0-9:/_-]")),

    // aws_secretsmanager_secret
    field(SECRET, "recoveryWindowInDays", src("secretsmanager/secret.go", "v5"), {
        rule: "Any(IntBetween(7, 30), IntInSlice([0]))",
        test: (v) => (typeof v !== "number" || v === 0 || (v >= 7 && v <= 30) ? undefined : "is out of range; expected 0 (delete without recovery) or 7 to 30"),
    }),
    object(SECRET, "", src("secretsmanager/secret.go", "v5"), conflictsWith("name", "namePrefix")),

    // aws_cloudwatch_log_group
    field(LOGS, "retentionInDays", src("logs/group.go"), oneOf(0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)),
    object(LOGS, "", src("logs/group.go"), conflictsWith("name", "namePrefix")),

    // aws_vpc
    field(VPC, "cidrBlock", src("ec2/vpc_.go", "v5"), isCIDRNetwork(16, 28)),
    field(VPC, "instanceTenancy", src("ec2/vpc_.go", "v5"), oneOf("default", "dedicated")),
    field(VPC, "ipv4NetmaskLength", src("ec2/vpc_.go", "v5"), between(16, 28, "IntBetween(16, 28)")),
    object(VPC, "", src("ec2/vpc_.go", "v5"), conflictsWith("cidrBlock", "ipv4NetmaskLength")),
    object(VPC, "", src("ec2/vpc_.go", "v5"), requiredWith("ipv4NetmaskLength", "ipv4IpamPoolId")),
    object(VPC, "", src("ec2/vpc_.go", "v5"), conflictsWith("assignGeneratedIpv6CidrBlock", "ipv6IpamPoolId")),

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

    // aws_security_group
    field(SG, "description", sg, lengthBetween(0, 255, "StringLenBetween(0, 255)")),
    field(SG, "name", sg, lengthBetween(0, 255, "StringLenBetween(0, 255)")),
    field(SG, "name", sg, doesNotMatch(/^sg-/, "cannot begin with sg-")),
    field(SG, "namePrefix", sg, lengthBetween(0, 229, "StringLenBetween(0, 255 - UniqueIDSuffixLength)")),
    field(SG, "namePrefix", sg, doesNotMatch(/^sg-/, "cannot begin with sg-")),
    object(SG, "", sg, conflictsWith("name", "namePrefix")),

    // aws_route, aws_route_table_association
    object(ROUTE, "", src("ec2/vpc_route.go"), exactlyOneOf(...ROUTE_TARGETS)),
    object(ROUTE, "", src("ec2/vpc_route.go"), conflictsWith("egressOnlyGatewayId", "destinationCidrBlock")),
    object(ROUTE, "", src("ec2/vpc_route.go"), conflictsWith("carrierGatewayId", "destinationIpv6CidrBlock")),
    object(ASSOCIATION, "", src("ec2/vpc_route_table_association.go", "v5"), exactlyOneOf("subnetId", "gatewayId")),
];
