/**
 * terraform-provider-aws's input validation of the RDS types the program can register (the PostgreSQL instance,
 * its parameter group and subnet group), and the transcription of their validator-bearing attributes.
 */
import * as names from "../../../contracts/awsNames";
import type { NameRule } from "../../../contracts/awsNames";
import { between, conflictsWith, field, lengthBetween, matches, object, onceADayWindow, onceAWeekWindow, oneOf, relation, stringInSlice, ValueTest, Validator } from "../validator";
import { nameValidators } from "./names";
import type { TypeCoverage } from "../types";
import { isSet, isUnknownAt, plain } from "../values";
import { AWS_SDK_ENUMS } from "../enums.generated";
import { isTrue, notInCopy, PARAMS, RDS, RDS_SUBNETS, read, sdkEnum, src, validARN } from "./common";

// No v6 copy of instance.go is stored (the research tools serve a v5-line one: aws-sdk-go v1, @SDKResource
// "DB Instance" with @Tags, blue_green_update, backup_target; its commit is not shown), nor any v6 instance.go
// schema elsewhere; the attributes the bridged v6 schema added since are listed as not transcribed.
const instanceFile = src("rds/instance.go", "v5");
const validateFile = read("internal/service/rds/validate.go", "v5", "03e17e19");
// The value lists (instanceExportableLogType_Values, networkType_Values, backupTarget_Values) of a v6 copy.
const constsFile = src("rds/consts.go", "v6");
// instance.go names the window validators; timestamp.go defines their formats and ValidateUTCFormat.
const timestampFile = "hashicorp/terraform-provider-aws internal/service/rds/instance.go,internal/types/timestamp/timestamp.go@259c7dae v4";
const parameterGroupFile = read("internal/service/rds/parameter_group.go", "v5", "01606926");
const subnetGroupFile = read("internal/service/rds/subnet_group.go", "v4", "01c08000");

/**
 * validIdentifierPrefix and validParamGroupNamePrefix: a name's rules but the trailing hyphen, which a prefix may end
 * with, on the prefix's own characters.
 */
const rdsPrefix = (characters: NameRule): NameRule[] => [characters, names.RDS_FIRST_LETTER, names.RDS_NO_DOUBLE_HYPHEN];

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * verify.ValidUTCTimestamp: Go's time.Parse(time.RFC3339, v). Its general parser (the fallback of the RFC 3339 fast
 * path) takes a one- or two-digit hour, a fraction after "." or ",", "Z" or a ±hh:mm offset, and checks each field's
 * range and the day against its month; where it is lenient this is too, so no timestamp Go accepts is refused.
 */
const utcTimestamp: ValueTest = {
    rule: "ValidUTCTimestamp",
    test: (v) => {
        if (typeof v !== "string") return undefined;
        const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{1,2}):(\d{2}):(\d{2})([.,]\d+)?(Z|[+-](\d{2}):(\d{2}))$/.exec(v);
        const expected = 'must be in RFC3339 time format "2006-01-02T15:04:05Z07:00"';
        if (!m) return expected;
        const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
        const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
        const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
        const offsetOk = m[8] === "Z" || (Number(m[9]) <= 24 && Number(m[10]) <= 60);
        const ok = month >= 1 && month <= 12 && day >= 1 && day <= days && hour < 24 && minute < 60 && second < 60 && offsetOk;
        return ok ? undefined : `${expected}: a field is out of range`;
    },
};

/** verify.ValidKMSKeyID: a key ID, key ARN, alias name or alias ARN, of 1 to 2048 characters. */
const validKMSKeyID = lengthBetween(1, 2048, "ValidKMSKeyID: 1 to 2048 characters");

/** enum.ValidateIgnoreCase[types.ApplyMethod](): the SDK's members, compared without case. */
const applyMethod = stringInSlice(AWS_SDK_ENUMS.enums["rds.ApplyMethod"] ?? [], true, "enum.ValidateIgnoreCase[rds.ApplyMethod]()");

const S3_IMPORT_NEEDS = ["allocatedStorage", "engine", "username"];
const S3_IMPORT_REFUSES = ["characterSetName", "timezone", "backupTarget"];

/** dbInstanceValidBlueGreenEngines, in the same instance.go. */
const BLUE_GREEN_ENGINES = ["mariadb", "mysql", "postgres"];

export const validators: Validator[] = [
    // aws_db_instance
    ...nameValidators(RDS, "identifier", names.RDS_IDENTIFIER),
    ...nameValidators(RDS, "identifierPrefix", rdsPrefix(names.RDS_IDENTIFIER_CHARACTERS)),
    object(RDS, "", instanceFile, conflictsWith("identifier", "identifierPrefix")),
    field(RDS, "backupRetentionPeriod", instanceFile, between(0, 35, "IntBetween(0, 35)")),
    field(RDS, "backupTarget", `${instanceFile} + ${constsFile}`, stringInSlice(["outposts", "region"], false)),
    field(RDS, "backupWindow", timestampFile, onceADayWindow),
    field(RDS, "maintenanceWindow", timestampFile, onceAWeekWindow),
    field(RDS, "monitoringInterval", instanceFile, oneOf(0, 1, 5, 10, 15, 30, 60)),
    ...nameValidators(RDS, "finalSnapshotIdentifier", names.RDS_FINAL_SNAPSHOT_IDENTIFIER),
    field(RDS, "customIamInstanceProfile", instanceFile, matches(/^AWSRDSCustom.*$/, "must begin with AWSRDSCustom")),
    field(
        RDS,
        "enabledCloudwatchLogsExports[]",
        `${instanceFile} + ${constsFile}`,
        stringInSlice(["agent", "alert", "audit", "diag.log", "error", "general", "iam-db-auth-error", "listener", "notify.log", "oemagent", "postgresql", "slowquery", "trace", "upgrade"], false, "StringInSlice(instanceExportableLogType_Values(), false)"),
    ),
    field(RDS, "kmsKeyId", instanceFile, validARN),
    field(RDS, "masterUserSecretKmsKeyId", instanceFile, validKMSKeyID),
    field(RDS, "monitoringRoleArn", instanceFile, validARN),
    field(RDS, "networkType", `${instanceFile} + ${constsFile}`, stringInSlice(["DUAL", "IPV4"], false)),
    field(RDS, "performanceInsightsKmsKeyId", instanceFile, validARN),
    field(RDS, "replicaMode", instanceFile, sdkEnum("rds.ReplicaMode")),
    field(RDS, "restoreToPointInTime.restoreTime", `${instanceFile} + ${timestampFile}`, utcTimestamp),
    object(RDS, "restoreToPointInTime", instanceFile, conflictsWith("restoreTime", "useLatestRestorableTime")),
    object(RDS, "", instanceFile, conflictsWith("manageMasterUserPassword", "password")),
    object(RDS, "", instanceFile, conflictsWith("dbName", "replicateSourceDb")),
    object(RDS, "", instanceFile, conflictsWith("username", "replicateSourceDb")),
    object(RDS, "", instanceFile, conflictsWith("s3Import", "snapshotIdentifier", "replicateSourceDb")),
    object(RDS, "", instanceFile, conflictsWith("restoreToPointInTime", "s3Import", "snapshotIdentifier", "replicateSourceDb")),
    object(
        RDS,
        "",
        instanceFile,
        // The provider reads engine as planned; an engine left to the provider (unset) is not decided here.
        relation("CustomizeDiff: blue_green_update.enabled needs a blue/green engine and no replicate_source_db", (o, at) => {
            const inputs = o.value as Record<string, unknown>;
            if (isUnknownAt(o.value, "blueGreenUpdate") || !isSet(o.value, "blueGreenUpdate") || isUnknownAt(inputs.blueGreenUpdate, "enabled") || !isTrue(plain(inputs.blueGreenUpdate), "enabled")) return [];
            const out: { property: string; message: string }[] = [];
            const engine = plain(inputs.engine);
            if (!isUnknownAt(o.value, "engine") && typeof engine === "string" && engine !== "" && !BLUE_GREEN_ENGINES.includes(engine.toLowerCase())) {
                out.push({ property: at("blueGreenUpdate.enabled"), message: `${at("blueGreenUpdate.enabled")} cannot be set when ${at("engine")} is ${JSON.stringify(engine)}; blue/green updates are for ${BLUE_GREEN_ENGINES.join(", ")}` });
            }
            const source = plain(inputs.replicateSourceDb);
            if (!isUnknownAt(o.value, "replicateSourceDb") && typeof source === "string" && source !== "") {
                out.push({ property: at("blueGreenUpdate.enabled"), message: `${at("blueGreenUpdate.enabled")} cannot be set when ${at("replicateSourceDb")} is set` });
            }
            return out;
        }),
    ),

    object(
        RDS,
        "",
        instanceFile,
        // resourceInstanceCreate checks these before RestoreDBInstanceFromS3 with d.GetOk, to which a zero value is unset;
        // the apply fails, not the preview.
        relation("resourceInstanceCreate: an S3 import needs allocated_storage, engine, username, and takes no character_set_name, timezone, backup_target", (o, at) => {
            const keys = ["s3Import", "replicateSourceDb", ...S3_IMPORT_NEEDS, ...S3_IMPORT_REFUSES];
            if (keys.some((k) => isUnknownAt(o.value, k)) || !isSet(o.value, "s3Import")) return [];
            const inputs = plain(o.value) as Record<string, unknown>;
            if (typeof inputs.replicateSourceDb === "string" && inputs.replicateSourceDb !== "") return [];
            const given = (k: string) => inputs[k] !== undefined && inputs[k] !== null && inputs[k] !== "" && inputs[k] !== 0 && inputs[k] !== false;
            return [
                ...S3_IMPORT_NEEDS.filter((k) => !given(k)).map((k) => ({ property: at(k), message: `${at(k)} is required to restore from ${at("s3Import")} (checked when the instance is created)` })),
                ...S3_IMPORT_REFUSES.filter(given).map((k) => ({ property: at(k), message: `${at(k)} does not work with a restore from ${at("s3Import")} (checked when the instance is created)` })),
            ];
        }),
    ),

    // aws_db_parameter_group
    ...nameValidators(PARAMS, "name", names.RDS_PARAMETER_GROUP_NAME),
    ...nameValidators(PARAMS, "namePrefix", rdsPrefix(names.RDS_PARAMETER_GROUP_PREFIX_CHARACTERS)),
    // validParamGroupNamePrefix checks len > 255 (its message says 226; the check is what refuses).
    field(PARAMS, "namePrefix", validateFile, lengthBetween(0, 255, "validParamGroupNamePrefix: at most 255")),
    field(PARAMS, "parameters[].applyMethod", parameterGroupFile, applyMethod),
    object(PARAMS, "", parameterGroupFile, conflictsWith("name", "namePrefix")),

    // aws_db_subnet_group
    ...nameValidators(RDS_SUBNETS, "name", names.RDS_SUBNET_GROUP_NAME),
    ...nameValidators(RDS_SUBNETS, "namePrefix", [names.RDS_SUBNET_GROUP_CHARACTERS]),
    field(RDS_SUBNETS, "namePrefix", validateFile, lengthBetween(0, 229, "validSubnetGroupNamePrefix: at most 229")),
    object(RDS_SUBNETS, "", subnetGroupFile, conflictsWith("name", "namePrefix")),
];

const V6_ONLY = notInCopy("v5");

export const coverage: Record<string, TypeCoverage> = {
    [RDS]: {
        source: `${instanceFile} (ResourceInstance schema and CustomizeDiff; no v6 copy is stored); validIdentifier(Prefix) in ${validateFile}; value lists in ${constsFile}; window and timestamp formats in internal/types/timestamp/timestamp.go @259c7dae`,
        attributes: [
            { path: "backupRetentionPeriod", declared: "IntBetween(0, 35)" },
            { path: "backupTarget", declared: "StringInSlice(backupTarget_Values(), false)" },
            { path: "backupWindow", declared: "verify.ValidOnceADayWindowFormat" },
            { path: "blueGreenUpdate", declared: "MaxItems 1", shape: true },
            { path: "(inputs)", declared: "CustomizeDiff: blue_green_update.enabled only for mariadb, mysql, postgres, and not with replicate_source_db" },
            { path: "customIamInstanceProfile", declared: "StringMatch(^AWSRDSCustom.*$)" },
            { path: "databaseInsightsMode", declared: "(v6 attribute)", exception: V6_ONLY },
            { path: "dbName", declared: "ConflictsWith(replicate_source_db)" },
            { path: "dedicatedLogVolume", declared: "(v6 attribute)", exception: V6_ONLY },
            { path: "domainAuthSecretArn", declared: "(v6 attribute)", exception: V6_ONLY },
            { path: "domainDnsIps", declared: "(v6 attribute)", exception: V6_ONLY },
            { path: "domainFqdn", declared: "(v6 attribute)", exception: V6_ONLY },
            { path: "domainOu", declared: "(v6 attribute)", exception: V6_ONLY },
            { path: "enabledCloudwatchLogsExports[]", declared: "StringInSlice(InstanceExportableLogType_Values(), false)" },
            { path: "engineLifecycleSupport", declared: "(v6 attribute)", exception: V6_ONLY },
            { path: "finalSnapshotIdentifier", declared: "All(^[A-Za-z], ^[0-9A-Za-z-]+$, no --, no trailing -)" },
            { path: "identifier", declared: "validIdentifier, ConflictsWith(identifier_prefix)" },
            { path: "identifierPrefix", declared: "validIdentifierPrefix, ConflictsWith(identifier)" },
            { path: "kmsKeyId", declared: "verify.ValidARN" },
            { path: "maintenanceWindow", declared: "verify.ValidOnceAWeekWindowFormat" },
            { path: "manageMasterUserPassword", declared: "ConflictsWith(password)" },
            { path: "masterUserSecretKmsKeyId", declared: "verify.ValidKMSKeyID" },
            { path: "monitoringInterval", declared: "IntInSlice([0, 1, 5, 10, 15, 30, 60])" },
            { path: "monitoringRoleArn", declared: "verify.ValidARN" },
            { path: "networkType", declared: "StringInSlice(NetworkType_Values(), false)" },
            { path: "password", declared: "ConflictsWith(manage_master_user_password)" },
            { path: "passwordWo", declared: "(v6 attribute)", exception: V6_ONLY },
            { path: "performanceInsightsKmsKeyId", declared: "verify.ValidARN" },
            { path: "replicaMode", declared: "StringInSlice(rds.ReplicaMode_Values(), false)" },
            { path: "restoreToPointInTime", declared: "MaxItems 1, ConflictsWith(s3_import, snapshot_identifier, replicate_source_db)" },
            { path: "restoreToPointInTime.restoreTime", declared: "verify.ValidUTCTimestamp, ConflictsWith(restore_to_point_in_time.0.use_latest_restorable_time)" },
            { path: "restoreToPointInTime.useLatestRestorableTime", declared: "ConflictsWith(restore_to_point_in_time.0.restore_time)" },
            { path: "s3Import", declared: "MaxItems 1, ConflictsWith(snapshot_identifier, replicate_source_db)" },
            { path: "(inputs)", declared: "s3_import in resourceInstanceCreate, before RestoreDBInstanceFromS3: allocated_storage, engine and username required; character_set_name, timezone, backup_target refused" },
            { path: "upgradeStorageConfig", declared: "(v6 attribute)", exception: V6_ONLY },
            { path: "username", declared: "ConflictsWith(replicate_source_db)" },
        ],
    },
    [PARAMS]: {
        source: `${parameterGroupFile} (resourceParameterGroup schema); validParamGroupName(Prefix) in ${validateFile}`,
        attributes: [
            { path: "name", declared: "validParamGroupName, ConflictsWith(name_prefix)" },
            { path: "namePrefix", declared: "validParamGroupNamePrefix, ConflictsWith(name)" },
            { path: "parameters[].applyMethod", declared: "enum.ValidateIgnoreCase[types.ApplyMethod]()" },
        ],
    },
    [RDS_SUBNETS]: {
        source: `${subnetGroupFile} (ResourceSubnetGroup schema; only a v4 copy could be read); validSubnetGroupName and validSubnetGroupNamePrefix in ${validateFile}`,
        attributes: [
            { path: "name", declared: "validSubnetGroupName, ConflictsWith(name_prefix)" },
            { path: "namePrefix", declared: "validSubnetGroupNamePrefix (^[0-9a-z_ .-]+$, at most 229), ConflictsWith(name)" },
        ],
    },
};
