/**
 * Input validators of terraform-provider-aws (the v6 line that @pulumi/aws 7.48.0 bridges): each service's own
 * file (./s3.ts, ./cloudwatch.ts, ...) concatenated, then the types not yet moved into a file of their own.
 * Each source names the file it was read from and the release line that file shows (see ./common.ts).
 */
import { atLeast, between, conflictsWith, doesNotMatch, exactlyOneOf, field, isCIDRNetwork, lengthAtMost, lengthBetween, matches, object, oneOf, ipv4CIDRNetwork, ipv6CIDRNetwork, onceADayWindow, onceAWeekWindow, relation, requiredWith, Validator } from "../validator";
import { isSet, isUnknownAt, plain } from "../values";
import {
    src,
    read,
    validARN,
    RDS,
    PARAMS,
    RDS_SUBNETS,
    REDIS,
    VPC,
    SG,
    ROUTE,
    ASSOCIATION,
    ROUTE_TARGETS,
    INGRESS,
    sg,
    rdsInstance,
    rdsValidate,
    redis,
    rdsWindows,
    ingress,
    rdsName,
    isTrue,
} from "./common";
import * as s3 from "./s3";
import * as cloudwatch from "./cloudwatch";
import * as lambda from "./lambda";
import * as iam from "./iam";
import * as secretsmanager from "./secretsmanager";
import * as sns from "./sns";
import * as budgets from "./budgets";
import * as route53 from "./route53";
import * as kms from "./kms";
import * as provider from "./provider";

export const awsValidators: Validator[] = [
    ...s3.validators,
    ...cloudwatch.validators,
    ...lambda.validators,
    ...iam.validators,
    ...secretsmanager.validators,
    ...sns.validators,
    ...budgets.validators,
    ...route53.validators,
    ...kms.validators,
    ...provider.validators,
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
    object(RDS_SUBNETS, "", read("internal/service/rds/subnet_group.go", "v5", "01c08000"), conflictsWith("name", "namePrefix")),

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

    // aws_vpc
    field(VPC, "cidrBlock", src("ec2/vpc_.go", "v5"), isCIDRNetwork(16, 28)),
    field(VPC, "instanceTenancy", src("ec2/vpc_.go", "v5"), oneOf("default", "dedicated")),
    field(VPC, "ipv4NetmaskLength", src("ec2/vpc_.go", "v5"), between(16, 28, "IntBetween(16, 28)")),
    object(VPC, "", src("ec2/vpc_.go", "v5"), conflictsWith("cidrBlock", "ipv4NetmaskLength")),
    object(VPC, "", src("ec2/vpc_.go", "v5"), requiredWith("ipv4NetmaskLength", "ipv4IpamPoolId")),
    object(VPC, "", src("ec2/vpc_.go", "v5"), conflictsWith("assignGeneratedIpv6CidrBlock", "ipv6IpamPoolId")),

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

    // aws_db_instance: maintenance windows (timestamp.go's formats), ARNs
    field(RDS, "backupWindow", rdsWindows, onceADayWindow),
    field(RDS, "maintenanceWindow", rdsWindows, onceAWeekWindow),
    field(RDS, "kmsKeyId", rdsInstance, validARN),
    field(RDS, "performanceInsightsKmsKeyId", rdsInstance, validARN),

    // aws_vpc_security_group_ingress_rule (plugin framework): ranges, CIDRs, exactly one source
    field(INGRESS, "fromPort", ingress, between(-1, 65535, "int64validator.Between(-1, 65535)")),
    field(INGRESS, "toPort", ingress, between(-1, 65535, "int64validator.Between(-1, 65535)")),
    field(INGRESS, "cidrIpv4", ingress, ipv4CIDRNetwork),
    field(INGRESS, "cidrIpv6", ingress, ipv6CIDRNetwork),
    object(INGRESS, "", ingress, exactlyOneOf("cidrIpv4", "cidrIpv6", "prefixListId", "referencedSecurityGroupId")),


];
