// Generated from contracts/awsNames.ts by `npm run pack-contracts` (scripts/pack-contracts.js): the pack is
// published on its own, so it carries its copy of what it shares with the program. Edit contracts/awsNames.ts.
/**
 * The rules AWS names must follow, as data: one home for config/names.ts (which checks every name the program
 * derives before anything registers) and readiness/providers/aws/ (which builds the validators emulating the
 * provider's Check from the same rule objects, readiness/providers/aws/names.ts). A rule marked `provider` is
 * refused by terraform-provider-aws (the v6 line @pulumi/aws 7.x bridges) during the preview; one marked `api`
 * is refused only by the AWS API at create time, after a preview passed, so only config/names.ts checks it.
 * No dependency at all (test/imports.test.ts).
 *
 * Each source names the provider file a rule was read from, with the release line and commit of the stored copy
 * read (the same citations as readiness/providers/aws/common.ts).
 */

interface RuleBase {
    /** What a valid name is, read after "must be" in config's problem text. */
    readonly limit: string;
    /** Repository, path, line and commit of the rule, or "AWS API (<call> <parameter>)". */
    readonly source: string;
    /** Who refuses a name breaking it: the provider's Check (during the preview), or only the AWS API. */
    readonly enforcedBy: "provider" | "api";
}

/** A length limit (validation.StringLenBetween and hand-written len() checks). */
export interface LengthRule extends RuleBase {
    readonly kind: "length";
    readonly min: number;
    readonly max: number;
    /** The provider's validator as written there (`StringLenBetween(1, 64)`). */
    readonly rule: string;
}

/** A pattern the name must match (`mustMatch`) or must not match (validation.StringMatch / StringDoesNotMatch). */
export interface PatternRule extends RuleBase {
    readonly kind: "pattern";
    readonly pattern: RegExp;
    readonly mustMatch: boolean;
    /** The provider's own message. */
    readonly message: string;
}

export type NameRule = LengthRule | PatternRule;

/** True when `value` keeps the rule. */
export function nameRuleHolds(rule: NameRule, value: string): boolean {
    if (rule.kind === "length") return value.length >= rule.min && value.length <= rule.max;
    return rule.pattern.test(value) === rule.mustMatch;
}

const tf = (file: string, line: string, commit?: string) => `hashicorp/terraform-provider-aws internal/service/${file} ${line}${commit ? ` @${commit}` : ""}`;
const api = (call: string) => `AWS API (${call})`;

const length = (min: number, max: number, source: string, enforcedBy: "provider" | "api", rule = `StringLenBetween(${min}, ${max})`): LengthRule => ({
    kind: "length",
    min,
    max,
    rule,
    limit: min <= 0 ? `at most ${max} characters long` : `${min}-${max} characters long`,
    source,
    enforcedBy,
});
const must = (pattern: RegExp, limit: string, message: string, source: string, enforcedBy: "provider" | "api" = "provider"): PatternRule => ({ kind: "pattern", pattern, mustMatch: true, limit, message, source, enforcedBy });
const mustNot = (pattern: RegExp, limit: string, message: string, source: string, enforcedBy: "provider" | "api" = "provider"): PatternRule => ({ kind: "pattern", pattern, mustMatch: false, limit, message, source, enforcedBy });

// --- RDS (internal/service/rds/validate.go validIdentifier, validParamGroupName, validSubnetGroupName; instance.go
// final_snapshot_identifier). validIdentifier and validParamGroupName share three rules, messages included.
const rdsValidate = tf("rds/validate.go", "v5", "03e17e19");
const rdsInstance = tf("rds/instance.go", "v5");

export const RDS_FIRST_LETTER = must(/^[a-z]/, "started by a lower-case letter", "the first character must be a letter", rdsValidate);
export const RDS_NO_DOUBLE_HYPHEN = mustNot(/--/, "free of two consecutive hyphens", "cannot contain two consecutive hyphens", rdsValidate);
export const RDS_NO_TRAILING_HYPHEN = mustNot(/-$/, "free of a trailing hyphen", "cannot end with a hyphen", rdsValidate);
/** validIdentifier's and validIdentifierPrefix's characters. */
export const RDS_IDENTIFIER_CHARACTERS = must(/^[0-9a-z-]+$/, "lower-case letters, digits and hyphens", "only lowercase alphanumeric characters and hyphens allowed", rdsValidate);

/** aws_db_instance.identifier. validIdentifier checks no length; RDS caps DB instance identifiers at 63. */
export const RDS_IDENTIFIER: readonly NameRule[] = [
    length(1, 63, api("CreateDBInstance DBInstanceIdentifier"), "api"),
    RDS_IDENTIFIER_CHARACTERS,
    RDS_FIRST_LETTER,
    RDS_NO_DOUBLE_HYPHEN,
    RDS_NO_TRAILING_HYPHEN,
];

/** aws_db_parameter_group.name (validParamGroupName): periods allowed, unlike an identifier. */
export const RDS_PARAMETER_GROUP_NAME: readonly NameRule[] = [
    must(/^[0-9a-z.-]+$/, "lower-case letters, digits, periods and hyphens", "only lowercase alphanumeric characters, periods, and hyphens allowed in parameter group names", rdsValidate),
    RDS_FIRST_LETTER,
    RDS_NO_DOUBLE_HYPHEN,
    RDS_NO_TRAILING_HYPHEN,
    length(0, 255, rdsValidate, "provider", "LengthAtMost(255)"),
];

/** validParamGroupNamePrefix's characters: no periods in a prefix, unlike a name. */
export const RDS_PARAMETER_GROUP_PREFIX_CHARACTERS = must(/^[0-9a-z-]+$/, "lower-case letters, digits and hyphens", "only lowercase alphanumeric characters and hyphens allowed in parameter group names", rdsValidate);

/** validSubnetGroupName's characters, which validSubnetGroupNamePrefix shares. */
export const RDS_SUBNET_GROUP_CHARACTERS = must(/^[0-9a-z_ .-]+$/, "lower-case letters, digits, hyphens, underscores, periods and spaces", "only lowercase alphanumeric characters, hyphens, underscores, periods, and spaces allowed", rdsValidate);

/** aws_db_subnet_group.name (validSubnetGroupName). */
export const RDS_SUBNET_GROUP_NAME: readonly NameRule[] = [
    RDS_SUBNET_GROUP_CHARACTERS,
    length(0, 255, rdsValidate, "provider", "LengthAtMost(255)"),
    mustNot(/^default$/i, 'other than "default"', '"Default" is not allowed as a name', rdsValidate),
];

/**
 * aws_db_instance.final_snapshot_identifier: its own validation.All in instance.go, which allows upper-case letters
 * (RDS stores identifiers lower-cased); no length check there, the API's is 1 to 255.
 */
export const RDS_FINAL_SNAPSHOT_IDENTIFIER: readonly NameRule[] = [
    length(1, 255, api("CreateDBSnapshot DBSnapshotIdentifier"), "api"),
    must(/^[A-Za-z]/, "started by a letter", "must begin with alphabetic character", rdsInstance),
    must(/^[0-9A-Za-z-]+$/, "letters, digits and hyphens", "must only contain alphanumeric characters and hyphens", rdsInstance),
    mustNot(/--/, "free of two consecutive hyphens", "cannot contain two consecutive hyphens", rdsInstance),
    mustNot(/-$/, "free of a trailing hyphen", "cannot end in a hyphen", rdsInstance),
];

// --- ElastiCache
const replicationGroup = tf("elasticache/replication_group.go", "v6", "001b6364");

/**
 * aws_elasticache_replication_group.replication_group_id (validateReplicationGroupID). Upper-case letters pass: the
 * attribute's StateFunc lower-cases the id (strings.ToLower), as ElastiCache itself does.
 */
export const ELASTICACHE_REPLICATION_GROUP_ID: readonly NameRule[] = [
    length(1, 40, replicationGroup, "provider", "LengthBetween(1, 40)"),
    must(/^[0-9A-Za-z-]+$/, "letters, digits and hyphens", "must contain only alphanumeric characters and hyphens", replicationGroup),
    must(/^[A-Za-z]/, "started by a letter", "must begin with a letter", replicationGroup),
    mustNot(/--/, "free of two consecutive hyphens", "cannot contain two consecutive hyphens", replicationGroup),
    mustNot(/-$/, "free of a trailing hyphen", "cannot end with a hyphen", replicationGroup),
];

/** The provider lower-cases the name and checks nothing else (internal/service/elasticache/subnet_group.go). */
export const ELASTICACHE_SUBNET_GROUP_NAME: readonly NameRule[] = [
    length(1, 255, api("CreateCacheSubnetGroup CacheSubnetGroupName"), "api"),
    must(/^[0-9a-z-]+$/, "lower-case letters, digits and hyphens", "", api("CreateCacheSubnetGroup CacheSubnetGroupName"), "api"),
];

/** final_snapshot_identifier carries no validator; the API's rules for DeleteReplicationGroup. */
export const ELASTICACHE_FINAL_SNAPSHOT_NAME: readonly NameRule[] = [
    length(1, 255, api("DeleteReplicationGroup FinalSnapshotIdentifier"), "api"),
    must(/^[a-z][a-z0-9-]*$/, "lower-case letters, digits and hyphens, starting with a letter", "", api("DeleteReplicationGroup FinalSnapshotIdentifier"), "api"),
    mustNot(/--/, "free of two consecutive hyphens", "", api("DeleteReplicationGroup FinalSnapshotIdentifier"), "api"),
    mustNot(/-$/, "free of a trailing hyphen", "", api("DeleteReplicationGroup FinalSnapshotIdentifier"), "api"),
];

// --- IAM (internal/service/iam/role.go name: validResourceName(roleNameMaxLen))
/** iam validResourceName's characters (role, role policy and their prefixes). */
export const IAM_NAME_CHARACTERS = must(/^[\w+=,.@-]*$/, "letters, digits and +=,.@_-", "must match [\\w+=,.@-]", tf("iam/role.go", "v6 (stored copy, commit not shown)"));
export const IAM_ROLE_NAME: readonly NameRule[] = [length(1, 64, tf("iam/role.go", "v6 (stored copy, commit not shown)"), "provider"), IAM_NAME_CHARACTERS];

// --- Lambda: the function name carries no provider validator read here; the API's rule.
export const LAMBDA_FUNCTION_NAME: readonly NameRule[] = [
    // CreateFunction: "If you specify only the function name, it is limited to 64 characters in length."
    length(1, 64, api("CreateFunction FunctionName"), "api"),
    must(/^[A-Za-z0-9_-]+$/, "letters, digits, hyphens and underscores", "", api("CreateFunction FunctionName"), "api"),
];

// --- KMS (internal/service/kms/validate.go validNameForResource, the v5+ form: cmkAliasPrefix = "alias/aws/")
const kmsValidate = tf("kms/validate.go", "v5");
export const KMS_ALIAS_RESERVED = mustNot(/^(alias\/aws\/)/, "free of the reserved prefix alias/aws/", "cannot begin with reserved AWS CMK prefix 'alias/aws/'", kmsValidate);
export const KMS_ALIAS_CHARACTERS = must(/^(alias\/)[0-9A-Za-z_/-]+$/, "alias/ followed by letters, digits and _/-", "must begin with 'alias/' and be comprised of only [0-9A-Za-z_/-]", kmsValidate);
export const KMS_ALIAS_NAME: readonly NameRule[] = [length(1, 256, api("CreateAlias AliasName"), "api"), KMS_ALIAS_RESERVED, KMS_ALIAS_CHARACTERS];

// --- Secrets Manager (internal/service/secretsmanager/validate.go validSecretName)
const secretValidate = tf("secretsmanager/validate.go", "v6", "0413c661");
export const SECRET_NAME_CHARACTERS = must(/^[0-9A-Za-z/_+=.@-]+$/, "letters, digits and /_+=.@-", "only alphanumeric characters and /_+=.@- special characters are allowed", secretValidate);
export const SECRET_NAME: readonly NameRule[] = [SECRET_NAME_CHARACTERS, length(0, 512, secretValidate, "provider", "validSecretName: at most 512")];

// --- CloudWatch Logs (internal/service/logs/validate.go validLogGroupName)
const logValidate = tf("logs/validate.go", "v5");
export const LOG_GROUP_CHARACTERS = must(/^[.\-_/#A-Za-z0-9]+$/, "letters, digits and _-/.#", "alphanumeric characters, underscores, hyphens, slashes, hash signs and dots are allowed", logValidate);
export const LOG_GROUP_NAME: readonly NameRule[] = [length(0, 512, logValidate, "provider", "validLogGroupName: at most 512"), LOG_GROUP_CHARACTERS];

// --- SNS (internal/service/sns/topic.go resourceTopicCustomizeDiff: the name the topic will have, checked whole)
const topic = tf("sns/topic.go", "v5");
export const SNS_TOPIC_NAME = must(/^[0-9A-Za-z_-]{1,256}$/, "1 to 256 letters, digits, hyphens and underscores", "1 to 256 of [0-9A-Za-z_-]", topic);
export const SNS_FIFO_TOPIC_NAME = must(/^[0-9A-Za-z_-]{1,251}\.fifo$/, "1 to 251 letters, digits, hyphens and underscores followed by .fifo", "1 to 251 of [0-9A-Za-z_-] followed by .fifo", topic);

// --- EventBridge (internal/service/events/validate.go validateRuleName, validateTargetID)
const eventsValidate = tf("events/validate.go", "v6");
export const EVENTBRIDGE_NAME: readonly NameRule[] = [
    length(1, 64, eventsValidate, "provider", "cannot be longer than 64 characters"),
    must(/^[0-9A-Za-z_.-]+$/, "letters, digits, '_', '.' and '-'", "only letters, digits, '_', '.' and '-' allowed", eventsValidate),
];

// --- CloudWatch alarms (internal/service/cloudwatch/metric_alarm.go alarm_name)
export const ALARM_NAME: readonly NameRule[] = [length(1, 255, tf("cloudwatch/metric_alarm.go", "v6"), "provider")];

// --- EC2 security groups (internal/service/ec2/vpc_security_group.go name)
const sg = tf("ec2/vpc_security_group.go", "v6", "01606926");
/** CreateSecurityGroup refuses names starting with sg- (they would read as group ids); so does the provider. */
export const SECURITY_GROUP_NO_SG_PREFIX = mustNot(/^sg-/, "free of the prefix sg-", "cannot begin with sg-", sg);
export const SECURITY_GROUP_NAME: readonly NameRule[] = [length(0, 255, sg, "provider"), SECURITY_GROUP_NO_SG_PREFIX];

// --- S3 (internal/service/s3/bucket.go validBucketName, not emulated as a validator; the API's naming rules)
const bucket = tf("s3/bucket.go", "v6");
export const S3_BUCKET_NAME: readonly NameRule[] = [
    length(3, 63, bucket, "provider"),
    must(/^[0-9a-z.-]+$/, "lower-case letters, digits, hyphens and periods", "", bucket),
    must(/^[a-z0-9].*[a-z0-9]$/, "started and ended by a letter or digit", "", api("S3 bucket naming rules"), "api"),
    mustNot(/^(xn--|sthree-|amzn-s3-demo-)/, "free of the reserved prefixes xn--, sthree- and amzn-s3-demo-", "", api("S3 bucket naming rules"), "api"),
];

// --- Route 53 (internal/service/route53/health_check.go reference_name)
/**
 * The provider prefixes `reference_name` to a 37-character unique id in the health check's CallerReference, which
 * the API caps at 64: 27 characters are left.
 */
export const HEALTH_CHECK_REFERENCE_NAME = length(0, 27, tf("route53/health_check.go", "v5"), "provider", "StringLenBetween(0, 64 - UniqueIDSuffixLength - 11) = (0, 27)");

// --- Budgets
export const BUDGET_NAME: readonly NameRule[] = [length(1, 100, api("CreateBudget BudgetName"), "api"), must(/^[^:\\]+$/, "free of ':' and '\\'", "", api("CreateBudget BudgetName"), "api")];
