/** Examples (refused, accepted) for the RDS validators of readiness/providers/aws/rds.ts; see ./examples.ts. */
type Example = [bad: unknown, good: unknown];

const RDS = "aws:rds/instance:Instance";
const PG = "aws:rds/parameterGroup:ParameterGroup";
const SG = "aws:rds/subnetGroup:SubnetGroup";

export const RDS_EXAMPLES: Record<string, Example> = {
    [`${RDS} identifier RegexMatches(/^[0-9a-z-]+$/)`]: ["Acme-Chat", "acme-chat"],
    [`${RDS} identifier RegexMatches(/^[a-z]/)`]: ["1acme", "acme1"],
    [`${RDS} identifier StringDoesNotMatch(/--/)`]: ["acme--chat-prod-postgres", "acme-chat-prod-postgres"],
    [`${RDS} identifier StringDoesNotMatch(/-$/)`]: ["acme-", "acme"],
    [`${RDS} identifierPrefix RegexMatches(/^[0-9a-z-]+$/)`]: ["Acme", "acme-"],
    [`${RDS} identifierPrefix RegexMatches(/^[a-z]/)`]: ["-acme", "acme-"],
    [`${RDS} identifierPrefix StringDoesNotMatch(/--/)`]: ["acme--", "acme-"],
    [`${RDS} (inputs) ConflictsWith(identifier, identifierPrefix)`]: [{ identifier: "acme", identifierPrefix: "acme-" }, { identifier: "acme" }],
    [`${RDS} backupRetentionPeriod IntBetween(0, 35)`]: [36, 35],
    [`${RDS} backupTarget StringInSlice("outposts", "region", false)`]: ["Region", "region"],
    [`${RDS} backupWindow ValidOnceADayWindowFormat`]: ["3:00-4:00", "03:00-04:00"],
    [`${RDS} maintenanceWindow ValidOnceAWeekWindowFormat`]: ["sunday:04:30-sunday:05:30", "Sun:04:30-Sun:05:30"],
    [`${RDS} monitoringInterval OneOf(0, 1, 5, 10, 15, 30, 60)`]: [20, 60],
    [`${RDS} finalSnapshotIdentifier RegexMatches(/^[A-Za-z]/)`]: ["1-final", "final-1"],
    [`${RDS} finalSnapshotIdentifier RegexMatches(/^[0-9A-Za-z-]+$/)`]: ["final_snapshot", "final-snapshot"],
    [`${RDS} finalSnapshotIdentifier StringDoesNotMatch(/--/)`]: ["final--snapshot", "final-snapshot"],
    [`${RDS} finalSnapshotIdentifier StringDoesNotMatch(/-$/)`]: ["final-", "final"],
    [`${RDS} customIamInstanceProfile RegexMatches(/^AWSRDSCustom.*$/)`]: ["MyProfile", "AWSRDSCustomProfile"],
    [`${RDS} enabledCloudwatchLogsExports[] StringInSlice(instanceExportableLogType_Values(), false)`]: ["PostgreSQL", "postgresql"],
    [`${RDS} kmsKeyId ValidARN`]: ["alias/acme", "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"],
    [`${RDS} masterUserSecretKmsKeyId ValidKMSKeyID: 1 to 2048 characters`]: ["k".repeat(2049), "alias/acme-chat-prod"],
    [`${RDS} monitoringRoleArn ValidARN`]: ["rds-monitoring-role", "arn:aws:iam::123456789012:role/rds-monitoring-role"],
    [`${RDS} networkType StringInSlice("DUAL", "IPV4", false)`]: ["ipv4", "IPV4"],
    [`${RDS} performanceInsightsKmsKeyId ValidARN`]: ["arn:aws:kms", "arn:aws:kms:us-east-1:123456789012:key/abc"],
    [`${RDS} replicaMode enum.Validate[rds.ReplicaMode]()`]: ["read-only", "open-read-only"],
    [`${RDS} restoreToPointInTime.restoreTime ValidUTCTimestamp`]: ["2026-12-06 03:00:00", "2026-12-06T03:00:00Z"],
    [`${RDS} restoreToPointInTime ConflictsWith(restoreTime, useLatestRestorableTime)`]: [
        { restoreTime: "2026-12-06T03:00:00Z", useLatestRestorableTime: true },
        { restoreTime: "2026-12-06T03:00:00Z" },
    ],
    [`${RDS} (inputs) ConflictsWith(manageMasterUserPassword, password)`]: [{ manageMasterUserPassword: true, password: "p".repeat(16) }, { manageMasterUserPassword: true }],
    [`${RDS} (inputs) ConflictsWith(dbName, replicateSourceDb)`]: [{ dbName: "app", replicateSourceDb: "src" }, { dbName: "app" }],
    [`${RDS} (inputs) ConflictsWith(username, replicateSourceDb)`]: [{ username: "app", replicateSourceDb: "src" }, { replicateSourceDb: "src" }],
    [`${RDS} (inputs) ConflictsWith(s3Import, snapshotIdentifier, replicateSourceDb)`]: [{ s3Import: { bucketName: "b" }, snapshotIdentifier: "s" }, { snapshotIdentifier: "s" }],
    [`${RDS} (inputs) ConflictsWith(restoreToPointInTime, s3Import, snapshotIdentifier, replicateSourceDb)`]: [{ restoreToPointInTime: { useLatestRestorableTime: true }, snapshotIdentifier: "s" }, { restoreToPointInTime: { useLatestRestorableTime: true } }],
    [`${RDS} (inputs) CustomizeDiff: blue_green_update.enabled needs a blue/green engine and no replicate_source_db`]: [
        { engine: "sqlserver-ex", blueGreenUpdate: { enabled: true } },
        { engine: "postgres", blueGreenUpdate: { enabled: true } },
    ],

    [`${RDS} (inputs) resourceInstanceCreate: an S3 import needs allocated_storage, engine, username, and takes no character_set_name, timezone, backup_target`]: [
        { s3Import: { bucketName: "acme-backups", ingestionRole: "arn:aws:iam::123456789012:role/rds-s3", sourceEngine: "mysql", sourceEngineVersion: "8.0" }, engine: "mysql", username: "admin" },
        { s3Import: { bucketName: "acme-backups", ingestionRole: "arn:aws:iam::123456789012:role/rds-s3", sourceEngine: "mysql", sourceEngineVersion: "8.0" }, engine: "mysql", username: "admin", allocatedStorage: 20 },
    ],

    [`${PG} name RegexMatches(/^[0-9a-z.-]+$/)`]: ["acme_chat_postgres17", "acme-chat-postgres17"],
    [`${PG} name RegexMatches(/^[a-z]/)`]: ["17-acme", "acme-17"],
    [`${PG} name StringDoesNotMatch(/--/)`]: ["acme--chat-prod-postgres17", "acme-chat-prod-postgres17"],
    [`${PG} name StringDoesNotMatch(/-$/)`]: ["acme-", "acme"],
    [`${PG} name LengthAtMost(255)`]: ["a".repeat(256), "a".repeat(255)],
    [`${PG} namePrefix RegexMatches(/^[0-9a-z-]+$/)`]: ["acme.chat-", "acme-chat-"],
    [`${PG} namePrefix RegexMatches(/^[a-z]/)`]: ["17-acme-", "acme-17-"],
    [`${PG} namePrefix StringDoesNotMatch(/--/)`]: ["acme--", "acme-"],
    [`${PG} namePrefix validParamGroupNamePrefix: at most 255`]: ["a".repeat(256), "a".repeat(255)],
    [`${PG} parameters[].applyMethod enum.ValidateIgnoreCase[rds.ApplyMethod]()`]: ["on-reboot", "Pending-Reboot"],
    [`${PG} (inputs) ConflictsWith(name, namePrefix)`]: [{ name: "acme", namePrefix: "acme-" }, { namePrefix: "acme-" }],

    [`${SG} name RegexMatches(/^[0-9a-z_ .-]+$/)`]: ["Acme/Chat", "acme-chat"],
    [`${SG} name LengthAtMost(255)`]: ["a".repeat(256), "a".repeat(255)],
    [`${SG} name StringDoesNotMatch(/^default$/i)`]: ["default", "acme-default"],
    [`${SG} namePrefix RegexMatches(/^[0-9a-z_ .-]+$/)`]: ["Acme-", "acme chat_db.subnets-"],
    [`${SG} namePrefix validSubnetGroupNamePrefix: at most 229`]: ["a".repeat(230), "a".repeat(229)],
    [`${SG} (inputs) ConflictsWith(name, namePrefix)`]: [{ name: "a", namePrefix: "a-" }, { namePrefix: "a-" }],
};
