/**
 * Every physical name the program derives from `service:name` and `service:environment`, in one place.
 *
 * The components take their names from `physicalNames(...)`, and config validation checks the same names
 * against each provider's limits before any resource is registered, so a name that some resource would
 * reject is refused with the derived resource and the limit, instead of failing half-way through `pulumi up`.
 *
 * Sources (versions as in package-lock.json: @pulumi/aws 7.48.0 bridges terraform-provider-aws v6,
 * @pulumiverse/vercel 5.4.1 bridges terraform-provider-vercel v5.4.1, @upstash/pulumi 0.5.0):
 * the AWS name rules live in contracts/awsNames.ts, each citing the provider validator it is (the check's provider
 * validators are built from the same objects, readiness/providers/aws/names.ts); "AWS API" marks a limit AWS
 * documents for the API call, which the provider does not check (it would fail at create time, after the
 * preview passed).
 */
import * as aws from "../contracts/awsNames";
import { nameRuleHolds, NameRule } from "../contracts/awsNames";

/** Route 53 publishes health-check metrics only in us-east-1, so the uptime alarm and its topic live there. */
export const HEALTH_CHECK_METRICS_REGION = "us-east-1";
/** Stands in for `service:aws.accountId` when it is not set: every account id has exactly 12 digits. */
const ACCOUNT_ID_SHAPE = "000000000000";
/** The longest health check `reference_name` the provider takes (contracts/awsNames.ts says why 27). */
export const HEALTH_CHECK_REFERENCE_MAX = aws.HEALTH_CHECK_REFERENCE_NAME.max;

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

const length = (min: number, max: number, source: string): NameRule => ({
    kind: "length",
    min,
    max,
    rule: `StringLenBetween(${min}, ${max})`,
    limit: `${min}-${max} characters long`,
    source,
    enforcedBy: "api",
});
const pattern = (re: RegExp, limit: string, source: string): NameRule => ({ kind: "pattern", pattern: re, mustMatch: true, limit, message: limit, source, enforcedBy: "provider" });

export interface DerivedName {
    /** The resource whose name it is, as a user would recognise it. */
    resource: string;
    value: string;
    /** The rules of contracts/awsNames.ts, the very objects the provider validators are built from. */
    rules: readonly NameRule[];
}

/**
 * Every derived name with the rules it must satisfy. Names are checked whether or not this stack's settings
 * create the resource today, so turning a feature on later (a domain, ElastiCache, Secrets Manager copies)
 * never meets a name that cannot exist.
 */
export function derivedNames(name: string, environment: string, opts: { accountId?: string; engineVersion?: string } = {}): DerivedName[] {
    const n = physicalNames(name, environment, opts.engineVersion);
    return [
        { resource: "RDS instance identifier", value: n.postgres.identifier, rules: aws.RDS_IDENTIFIER },
        { resource: "RDS parameter group name", value: n.postgres.parameterGroup, rules: aws.RDS_PARAMETER_GROUP_NAME },
        { resource: "RDS subnet group name", value: n.postgres.subnetGroup, rules: aws.RDS_SUBNET_GROUP_NAME },
        { resource: "RDS final snapshot identifier", value: n.postgres.finalSnapshot, rules: aws.RDS_FINAL_SNAPSHOT_IDENTIFIER },
        { resource: "IAM role name (RDS enhanced monitoring)", value: n.postgres.monitoringRole, rules: aws.IAM_ROLE_NAME },
        { resource: "KMS alias (Postgres key)", value: n.postgres.keyAlias, rules: aws.KMS_ALIAS_NAME },
        {
            resource: "Postgres database name",
            value: n.postgres.database,
            // NAMEDATALEN is 64 in PostgreSQL: identifiers keep at most 63 bytes, longer ones are silently truncated.
            rules: [length(1, 63, "PostgreSQL identifier limit (NAMEDATALEN - 1)")],
        },
        { resource: "Secrets Manager secret name (Postgres bootstrap)", value: n.postgres.bootstrapSecret, rules: aws.SECRET_NAME },
        { resource: "CloudWatch log group (RDS postgresql log)", value: n.postgres.logGroup("postgresql"), rules: aws.LOG_GROUP_NAME },
        { resource: "security group name (Postgres)", value: n.securityGroup("postgres"), rules: aws.SECURITY_GROUP_NAME },
        { resource: "security group name (cache)", value: n.securityGroup("cache"), rules: aws.SECURITY_GROUP_NAME },
        { resource: "security group name (Postgres bootstrap function)", value: n.securityGroup("postgres-bootstrap"), rules: aws.SECURITY_GROUP_NAME },
        { resource: "security group name (Secrets Manager endpoint)", value: n.securityGroup("secretsmanager-endpoint"), rules: aws.SECURITY_GROUP_NAME },
        { resource: "Lambda function name (Postgres bootstrap)", value: n.postgres.bootstrapFunction, rules: aws.LAMBDA_FUNCTION_NAME },
        { resource: "IAM role name (Postgres bootstrap function)", value: n.postgres.bootstrapFunction, rules: aws.IAM_ROLE_NAME },
        { resource: "CloudWatch log group (Postgres bootstrap function)", value: `/aws/lambda/${n.postgres.bootstrapFunction}`, rules: aws.LOG_GROUP_NAME },
        { resource: "S3 bucket name", value: n.storage.bucket(opts.accountId ?? ACCOUNT_ID_SHAPE), rules: aws.S3_BUCKET_NAME },
        { resource: "IAM role name (storage)", value: n.storage.role, rules: aws.IAM_ROLE_NAME },
        { resource: "ElastiCache subnet group name", value: n.cache.subnetGroup, rules: aws.ELASTICACHE_SUBNET_GROUP_NAME },
        { resource: "ElastiCache replication group id", value: n.cache.replicationGroupId, rules: aws.ELASTICACHE_REPLICATION_GROUP_ID },
        { resource: "ElastiCache final snapshot name", value: n.cache.finalSnapshot, rules: aws.ELASTICACHE_FINAL_SNAPSHOT_NAME },
        { resource: "Secrets Manager secret name (app secrets)", value: n.appSecret("session-secret"), rules: aws.SECRET_NAME },
        // The alerts topic is a standard (not FIFO) topic.
        { resource: "SNS topic name (alerts)", value: n.alertsTopic(HEALTH_CHECK_METRICS_REGION), rules: [aws.SNS_TOPIC_NAME] },
        { resource: "KMS alias (alerts topic key)", value: `alias/${n.alertsTopic(HEALTH_CHECK_METRICS_REGION)}`, rules: aws.KMS_ALIAS_NAME },
        { resource: "CloudWatch alarm name", value: n.alarm("cache-006-engine-cpu"), rules: aws.ALARM_NAME },
        // Cut to fit by physicalNames, so it always holds; listed so the rule has one home both sides read.
        { resource: "Route 53 health check reference name", value: n.healthCheckReference, rules: [aws.HEALTH_CHECK_REFERENCE_NAME] },
        { resource: "EventBridge rule name (database storage events)", value: n.storageEventRule, rules: aws.EVENTBRIDGE_NAME },
        {
            resource: "Vercel project name (service:vercel.projectName defaults to the service name)",
            value: name,
            rules: [
                length(1, 52, "terraform-provider-vercel v5.4.1, vercel/resource_project.go, name LengthBetween"),
                pattern(/^[a-z0-9-]+$/, "lower-case letters, digits and hyphens", "terraform-provider-vercel v5.4.1, vercel/resource_project.go, name RegexMatches"),
            ],
        },
        { resource: "AWS budget name", value: n.budget, rules: aws.BUDGET_NAME },
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
            if (!nameRuleHolds(rule, d.value)) problems.push({ resource: d.resource, value: d.value, limit: rule.limit, source: rule.source });
        }
    }
    return problems;
}
