/**
 * Every physical name the program derives from `service:name` and `service:environment`, in one place.
 *
 * The components take their names from `physicalNames(...)`, and config validation checks the same names
 * against each provider's limits before any resource is registered, so a name that some resource would
 * reject is refused with the derived resource and the limit, instead of failing half-way through `pulumi up`.
 *
 * Sources (versions as in package-lock.json: @pulumi/aws 7.48.0 bridges terraform-provider-aws v6,
 * @pulumiverse/vercel 5.4.1 bridges terraform-provider-vercel v5.4.1, @upstash/pulumi 0.5.0):
 * each rule below cites the validator it mirrors; "AWS API" marks a limit AWS documents for the API call,
 * which the provider either does not check (it would fail at create time, after the preview passed) or
 * checks in code not read for this module.
 */

/** Route 53 publishes health-check metrics only in us-east-1, so the uptime alarm and its topic live there. */
export const HEALTH_CHECK_METRICS_REGION = "us-east-1";
/** Stands in for `service:aws.accountId` when it is not set: every account id has exactly 12 digits. */
const ACCOUNT_ID_SHAPE = "000000000000";
/**
 * The provider prefixes `reference_name` to a 37-character unique id in the health check's CallerReference,
 * which the API caps at 64: 27 characters are left (terraform-provider-aws v6,
 * internal/service/route53/health_check.go, `reference_name` ValidateFunc).
 */
export const HEALTH_CHECK_REFERENCE_MAX = 27;

/** The stack's security groups: the two datastores', the bootstrap function's and the Secrets Manager endpoint's. */
export type SecurityGroupSlug = "postgres" | "cache" | "postgres-bootstrap" | "secretsmanager-endpoint";

export interface PhysicalNames {
    /** `<service>-<environment>`: the prefix of every physical name, so environments never collide. */
    prefix: string;
    postgres: {
        /** RDS instance identifier; also the subnet group's name and the KMS alias's suffix. */
        identifier: string;
        parameterGroup: string;
        subnetGroup: string;
        finalSnapshot: string;
        monitoringRole: string;
        keyAlias: string;
        /** The app database inside the instance; the role names derive from it. */
        database: string;
        bootstrapSecret: string;
        /** The function (and its IAM role and log group's suffix) that applies the bootstrap plan from inside the VPC. */
        bootstrapFunction: string;
        /** The log group RDS writes an exported log to: `/aws/rds/instance/<identifier>/<log>`. */
        logGroup(log: string): string;
    };
    securityGroup(slug: SecurityGroupSlug): string;
    storage: {
        /** Bucket names are global across AWS: the account id keeps the same service from colliding across accounts. */
        bucket(accountId: string): string;
        role: string;
        blobStore: string;
    };
    cache: {
        subnetGroup: string;
        replicationGroupId: string;
        finalSnapshot: string;
        upstashDatabase: string;
    };
    appSecret(slug: string): string;
    alertsTopic(region?: string): string;
    alarm(suffix: string): string;
    /** EventBridge rule forwarding the database's storage-ceiling events (at most 64 characters: 54 of prefix + 8). */
    storageEventRule: string;
    healthCheckReference: string;
    budget: string;
    logDrain: string;
}

/**
 * The name every logical and physical name derives from: `service:identity.name` when the service was renamed
 * after its resources were created, so a rename replaces nothing; `service:name` otherwise.
 */
export function resourceNameOf(config: { name: string; identity?: { name: string } }): string {
    return config.identity?.name ?? config.name;
}

export function physicalNames(name: string, environment: string, engineVersion = "17"): PhysicalNames {
    const prefix = `${name}-${environment}`;
    const identifier = `${prefix}-postgres`;
    const topic = (region?: string) => (region ? `${prefix}-alerts-${region}` : `${prefix}-alerts`);
    return {
        prefix,
        postgres: {
            identifier,
            parameterGroup: `${identifier}${engineVersion}`,
            subnetGroup: identifier,
            finalSnapshot: `${identifier}-final`,
            monitoringRole: `${identifier}-monitoring`,
            keyAlias: `alias/${identifier}`,
            database: name.replace(/-/g, "_"),
            bootstrapSecret: `${prefix}/postgres-bootstrap`,
            bootstrapFunction: `${identifier}-bootstrap`,
            logGroup: (log) => `/aws/rds/instance/${identifier}/${log}`,
        },
        securityGroup: (slug) => `${prefix}-${slug}`,
        storage: {
            bucket: (accountId) => `${prefix}-uploads-${accountId}`,
            role: `${prefix}-storage`,
            blobStore: `${prefix}-uploads`,
        },
        cache: {
            subnetGroup: `${prefix}-cache`,
            replicationGroupId: prefix,
            finalSnapshot: `${prefix}-final`,
            upstashDatabase: `${prefix}-cache`,
        },
        appSecret: (slug) => `${prefix}/${slug}`,
        alertsTopic: topic,
        alarm: (suffix) => `${prefix}-${suffix}`,
        storageEventRule: `${prefix}-storage`,
        // Only a readable prefix of the caller reference (see HEALTH_CHECK_REFERENCE_MAX); the Name tag carries the full name.
        healthCheckReference: `${prefix}-uptime`.slice(0, HEALTH_CHECK_REFERENCE_MAX).replace(/-+$/, ""),
        budget: `${prefix}-monthly`,
        logDrain: prefix,
    };
}

/** One provider limit on a name: `holds` is false when the provider (or AWS) would reject the name. */
interface NameRule {
    /** What the name must be, to follow "must be". */
    limit: string;
    holds(value: string): boolean;
    /** Where the limit comes from: repository, path, validator. */
    source: string;
}

const AWS = "terraform-provider-aws v6";
const length = (min: number, max: number, source: string): NameRule => ({
    limit: `${min}-${max} characters long`,
    holds: (v) => v.length >= min && v.length <= max,
    source,
});
const pattern = (re: RegExp, limit: string, source: string): NameRule => ({ limit, holds: (v) => re.test(v), source });

/** RDS identifiers and snapshot identifiers (internal/service/rds/validate.go validIdentifier, instance.go final_snapshot_identifier). */
const rdsIdentifier = (source: string): NameRule[] => [
    pattern(/^[a-z][a-z0-9-]*$/, "lower-case letters, digits and hyphens, starting with a letter", source),
    pattern(/^(?!.*--)/, "free of two consecutive hyphens", source),
    pattern(/[^-]$/, "free of a trailing hyphen", source),
];

export interface DerivedName {
    /** The resource whose name it is, as a user would recognise it. */
    resource: string;
    value: string;
    rules: NameRule[];
}

/**
 * Every derived name with the rules it must satisfy. Names are checked whether or not this stack's settings
 * create the resource today, so turning a feature on later (a domain, ElastiCache, Secrets Manager copies)
 * never meets a name that cannot exist.
 */
export function derivedNames(name: string, environment: string, opts: { accountId?: string; engineVersion?: string } = {}): DerivedName[] {
    const n = physicalNames(name, environment, opts.engineVersion);
    const rds = `${AWS}, internal/service/rds`;
    return [
        {
            resource: "RDS instance identifier",
            value: n.postgres.identifier,
            // RDS for PostgreSQL caps DB instance identifiers at 63 characters (AWS API; validIdentifier checks the pattern only).
            rules: [length(1, 63, "AWS API (CreateDBInstance DBInstanceIdentifier)"), ...rdsIdentifier(`${rds}/validate.go validIdentifier`)],
        },
        {
            resource: "RDS parameter group name",
            value: n.postgres.parameterGroup,
            rules: [length(1, 255, `${rds}/validate.go validParamGroupName`), ...rdsIdentifier(`${rds}/validate.go validParamGroupName`)],
        },
        {
            resource: "RDS subnet group name",
            value: n.postgres.subnetGroup,
            rules: [
                length(1, 255, `${rds}/validate.go validSubnetGroupName`),
                pattern(/^[0-9a-z_ .-]+$/, "lower-case letters, digits, hyphens, underscores, periods and spaces", `${rds}/validate.go validSubnetGroupName`),
            ],
        },
        {
            resource: "RDS final snapshot identifier",
            value: n.postgres.finalSnapshot,
            rules: [length(1, 255, `${rds}/instance.go final_snapshot_identifier`), ...rdsIdentifier(`${rds}/instance.go final_snapshot_identifier`)],
        },
        {
            resource: "IAM role name (RDS enhanced monitoring)",
            value: n.postgres.monitoringRole,
            rules: iamRoleName(),
        },
        { resource: "KMS alias (Postgres key)", value: n.postgres.keyAlias, rules: kmsAlias() },
        {
            resource: "Postgres database name",
            value: n.postgres.database,
            // NAMEDATALEN is 64 in PostgreSQL: identifiers keep at most 63 bytes, longer ones are silently truncated.
            rules: [length(1, 63, "PostgreSQL identifier limit (NAMEDATALEN - 1)")],
        },
        { resource: "Secrets Manager secret name (Postgres bootstrap)", value: n.postgres.bootstrapSecret, rules: secretName() },
        { resource: "CloudWatch log group (RDS postgresql log)", value: n.postgres.logGroup("postgresql"), rules: logGroupName() },
        { resource: "security group name (Postgres)", value: n.securityGroup("postgres"), rules: securityGroupName() },
        { resource: "security group name (cache)", value: n.securityGroup("cache"), rules: securityGroupName() },
        { resource: "security group name (Postgres bootstrap function)", value: n.securityGroup("postgres-bootstrap"), rules: securityGroupName() },
        { resource: "security group name (Secrets Manager endpoint)", value: n.securityGroup("secretsmanager-endpoint"), rules: securityGroupName() },
        { resource: "Lambda function name (Postgres bootstrap)", value: n.postgres.bootstrapFunction, rules: lambdaFunctionName() },
        { resource: "IAM role name (Postgres bootstrap function)", value: n.postgres.bootstrapFunction, rules: iamRoleName() },
        { resource: "CloudWatch log group (Postgres bootstrap function)", value: `/aws/lambda/${n.postgres.bootstrapFunction}`, rules: logGroupName() },
        { resource: "S3 bucket name", value: n.storage.bucket(opts.accountId ?? ACCOUNT_ID_SHAPE), rules: bucketName() },
        { resource: "IAM role name (storage)", value: n.storage.role, rules: iamRoleName() },
        {
            resource: "ElastiCache subnet group name",
            value: n.cache.subnetGroup,
            rules: [
                // The provider lower-cases the name and checks nothing else (internal/service/elasticache/subnet_group.go).
                length(1, 255, "AWS API (CreateCacheSubnetGroup CacheSubnetGroupName)"),
                pattern(/^[0-9a-z-]+$/, "lower-case letters, digits and hyphens", "AWS API (CreateCacheSubnetGroup CacheSubnetGroupName)"),
            ],
        },
        {
            resource: "ElastiCache replication group id",
            value: n.cache.replicationGroupId,
            rules: [
                // The provider checks it in validateReplicationGroupID (internal/service/elasticache/replication_group.go);
                // the rules are the API's for CreateReplicationGroup.
                length(1, 40, "AWS API (CreateReplicationGroup ReplicationGroupId)"),
                ...rdsIdentifier("AWS API (CreateReplicationGroup ReplicationGroupId)"),
            ],
        },
        {
            resource: "ElastiCache final snapshot name",
            value: n.cache.finalSnapshot,
            rules: [length(1, 255, "AWS API (DeleteReplicationGroup FinalSnapshotIdentifier)"), ...rdsIdentifier("AWS API (DeleteReplicationGroup FinalSnapshotIdentifier)")],
        },
        { resource: "Secrets Manager secret name (app secrets)", value: n.appSecret("session-secret"), rules: secretName() },
        { resource: "SNS topic name (alerts)", value: n.alertsTopic(HEALTH_CHECK_METRICS_REGION), rules: topicName() },
        { resource: "KMS alias (alerts topic key)", value: `alias/${n.alertsTopic(HEALTH_CHECK_METRICS_REGION)}`, rules: kmsAlias() },
        {
            resource: "CloudWatch alarm name",
            value: n.alarm("cache-006-engine-cpu"),
            rules: [length(1, 255, "AWS API (PutMetricAlarm AlarmName)")],
        },
        {
            resource: "EventBridge rule name (database storage events)",
            value: n.storageEventRule,
            rules: [
                length(1, 64, "hashicorp/terraform-provider-aws internal/service/events/validate.go validateRuleName"),
                pattern(/^[0-9A-Za-z_.-]+$/, "letters, digits, '_', '.' and '-'", "hashicorp/terraform-provider-aws internal/service/events/validate.go validateRuleName"),
            ],
        },
        {
            resource: "Vercel project name (service:vercel.projectName defaults to the service name)",
            value: name,
            rules: [
                length(1, 52, "terraform-provider-vercel v5.4.1, vercel/resource_project.go, name LengthBetween"),
                pattern(/^[a-z0-9-]+$/, "lower-case letters, digits and hyphens", "terraform-provider-vercel v5.4.1, vercel/resource_project.go, name RegexMatches"),
            ],
        },
        {
            resource: "AWS budget name",
            value: n.budget,
            rules: [
                length(1, 100, "AWS API (CreateBudget BudgetName)"),
                pattern(/^[^:\\]+$/, "free of ':' and '\\'", "AWS API (CreateBudget BudgetName)"),
            ],
        },
    ];
}

function iamRoleName(): NameRule[] {
    const source = `${AWS}, internal/service/iam/role.go name (validResourceName(roleNameMaxLen))`;
    return [length(1, 64, source), pattern(/^[\w+=,.@-]+$/, "letters, digits and +=,.@_-", source)];
}

function lambdaFunctionName(): NameRule[] {
    // CreateFunction: "If you specify only the function name, it is limited to 64 characters in length."
    const source = "AWS API (CreateFunction FunctionName)";
    return [length(1, 64, source), pattern(/^[A-Za-z0-9_-]+$/, "letters, digits, hyphens and underscores", source)];
}

function kmsAlias(): NameRule[] {
    const source = `${AWS}, internal/service/kms/validate.go validName`;
    return [
        length(1, 256, "AWS API (CreateAlias AliasName)"),
        pattern(/^alias\/(?!aws)[0-9A-Za-z:/_-]+$/, "alias/ followed by letters, digits and :/_-, not starting alias/aws", source),
    ];
}

function secretName(): NameRule[] {
    const source = "AWS API (CreateSecret Name)";
    return [length(1, 512, source), pattern(/^[\w/+=.@-]+$/, "letters, digits and /_+=.@-", source)];
}

function logGroupName(): NameRule[] {
    const source = `${AWS}, internal/service/logs/validate.go validLogGroupName`;
    return [length(1, 512, source), pattern(/^[\w./#-]+$/, "letters, digits and _-/.#", source)];
}

function topicName(): NameRule[] {
    const source = `${AWS}, internal/service/sns/topic.go resourceTopicCustomizeDiff`;
    return [length(1, 256, source), pattern(/^[0-9A-Za-z_-]+$/, "letters, digits, hyphens and underscores", source)];
}

function securityGroupName(): NameRule[] {
    return [
        length(1, 255, "AWS API (CreateSecurityGroup GroupName)"),
        // CreateSecurityGroup refuses names starting with sg- (they would read as group ids).
        pattern(/^(?!sg-)/, "free of the prefix sg-", "AWS API (CreateSecurityGroup GroupName)"),
    ];
}

function bucketName(): NameRule[] {
    const source = `${AWS}, internal/service/s3/bucket.go validBucketName`;
    const api = "AWS API (S3 bucket naming rules)";
    return [
        length(3, 63, source),
        pattern(/^[0-9a-z.-]+$/, "lower-case letters, digits, hyphens and periods", source),
        pattern(/^[a-z0-9].*[a-z0-9]$/, "started and ended by a letter or digit", api),
        pattern(/^(?!xn--|sthree-|amzn-s3-demo-)/, "free of the reserved prefixes xn--, sthree- and amzn-s3-demo-", api),
    ];
}

export interface NameProblem {
    resource: string;
    value: string;
    limit: string;
    source: string;
}

/** Every rule a derived name breaks, for one environment. */
export function namingProblems(name: string, environment: string, opts: { accountId?: string; engineVersion?: string } = {}): NameProblem[] {
    const problems: NameProblem[] = [];
    for (const d of derivedNames(name, environment, opts)) {
        for (const rule of d.rules) {
            if (!rule.holds(d.value)) problems.push({ resource: d.resource, value: d.value, limit: rule.limit, source: rule.source });
        }
    }
    return problems;
}
