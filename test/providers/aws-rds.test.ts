/**
 * The RDS validators (readiness/providers/aws/rds.ts): the instance's limits exactly at each end, its value lists,
 * the point-in-time restore timestamp as Go's RFC 3339 parser reads it, the blue/green CustomizeDiff, and the
 * parameter group's and subnet group's name prefixes.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toRecorded } from "../synthetic";
import { validateProviderInputs } from "../../readiness/providers";
import { UNKNOWN } from "../support";

const props = (type: string, inputs: Record<string, unknown>) => validateProviderInputs(toRecorded([{ type, name: "r", inputs }])).map((e) => e.property);
const RDS = "aws:rds/instance:Instance";
const instance = { instanceClass: "db.t4g.micro", engine: "postgres" };
const db = (over: Record<string, unknown>) => props(RDS, { ...instance, ...over });

describe("aws_db_instance", () => {
    it("backup retention from 0 to 35 days; a secret KMS key of 1 to 2048 characters", () => {
        assert.deepEqual([0, 35].map((n) => db({ backupRetentionPeriod: n })), [[], []]);
        assert.deepEqual([-1, 36].map((n) => db({ backupRetentionPeriod: n })), [["backupRetentionPeriod"], ["backupRetentionPeriod"]]);
        assert.deepEqual(db({ manageMasterUserPassword: true, masterUserSecretKmsKeyId: "k".repeat(2048) }), []);
        assert.deepEqual(db({ manageMasterUserPassword: true, masterUserSecretKmsKeyId: "k".repeat(2049) }), ["masterUserSecretKmsKeyId"]);
        assert.deepEqual(db({ manageMasterUserPassword: true, masterUserSecretKmsKeyId: "" }), ["masterUserSecretKmsKeyId"]);
    });

    it("the provider's value lists, exactly: log exports, network type, backup target, replica mode", () => {
        assert.deepEqual(db({ enabledCloudwatchLogsExports: ["postgresql", "upgrade", "iam-db-auth-error"], networkType: "DUAL", backupTarget: "region", replicaMode: "open-read-only" }), []);
        assert.deepEqual(db({ enabledCloudwatchLogsExports: ["postgresql", "Upgrade"], networkType: "dual", backupTarget: "Region", replicaMode: "read-only" }).sort(), [
            "backupTarget",
            "enabledCloudwatchLogsExports[1]",
            "networkType",
            "replicaMode",
        ]);
    });

    it("a monitoring role is an ARN", () => {
        assert.deepEqual(db({ monitoringInterval: 60, monitoringRoleArn: "arn:aws:iam::123456789012:role/rds-monitoring" }), []);
        assert.deepEqual(db({ monitoringInterval: 60, monitoringRoleArn: "rds-monitoring" }), ["monitoringRoleArn"]);
    });

    it("a restore time is RFC 3339 as Go parses it: leap days, the edges of the clock, offsets and fractions", () => {
        const at = (restoreTime: string) => db({ restoreToPointInTime: { restoreTime, sourceDbInstanceIdentifier: "acme" } });
        for (const ok of ["2024-02-29T00:00:00Z", "2026-12-06T23:59:59Z", "2026-12-06T03:00:00.123456Z", "2026-12-06T03:00:00+05:30", "2026-12-06T3:00:00Z", "2000-02-29T12:00:00-08:00"]) {
            assert.deepEqual(at(ok), [], ok);
        }
        for (const bad of ["2025-02-29T00:00:00Z", "2026-12-06T24:00:00Z", "2026-12-06T03:60:00Z", "2026-12-06T03:00:60Z", "2026-13-01T00:00:00Z", "2026-12-06 03:00:00Z", "2026-12-06T03:00:00", "2026-12-06T03:00:00z", "1900-02-29T00:00:00Z"]) {
            assert.deepEqual(at(bad), ["restoreToPointInTime.restoreTime"], bad);
        }
    });

    it("a restore names a time or the latest restorable time, not both", () => {
        assert.deepEqual(db({ restoreToPointInTime: { restoreTime: "2026-12-06T03:00:00Z", useLatestRestorableTime: true } }), ["restoreToPointInTime"]);
        assert.deepEqual(db({ restoreToPointInTime: { useLatestRestorableTime: true, sourceDbInstanceIdentifier: "acme" } }), []);
    });

    it("a replica does not set its own user name", () => {
        assert.deepEqual(props(RDS, { instanceClass: "db.t4g.micro", replicateSourceDb: "acme-prod", username: "app" }), ["(inputs)"]);
        assert.deepEqual(props(RDS, { instanceClass: "db.t4g.micro", replicateSourceDb: "acme-prod" }), []);
    });

    it("an S3 import names its storage, engine and user, and no character set, time zone or backup target (checked at create)", () => {
        const s3Import = { bucketName: "acme-backups", ingestionRole: "arn:aws:iam::123456789012:role/rds-s3", sourceEngine: "mysql", sourceEngineVersion: "8.0" };
        const restore = (over: Record<string, unknown>) => props(RDS, { instanceClass: "db.t4g.micro", s3Import, engine: "mysql", username: "admin", allocatedStorage: 20, ...over });
        assert.deepEqual(restore({}), []);
        assert.deepEqual(restore({ allocatedStorage: 0, username: "" }).sort(), ["allocatedStorage", "username"]);
        assert.deepEqual(restore({ engine: undefined }), ["engine"]);
        assert.deepEqual(restore({ timezone: "UTC", characterSetName: "utf8", backupTarget: "region" }).sort(), ["backupTarget", "characterSetName", "timezone"]);
        assert.deepEqual(restore({ allocatedStorage: UNKNOWN }), []);
        assert.deepEqual(props(RDS, { ...instance, allocatedStorage: 20, timezone: "UTC" }), [], "without an S3 import nothing is asked");
    });

    it("blue/green updates are for MariaDB, MySQL and PostgreSQL primaries; an unset or unknown engine is not decided", () => {
        const bg = (over: Record<string, unknown>) => props(RDS, { instanceClass: "db.t4g.micro", blueGreenUpdate: { enabled: true }, ...over });
        for (const engine of ["postgres", "mysql", "mariadb", "Postgres"]) assert.deepEqual(bg({ engine }), [], engine);
        assert.deepEqual(bg({ engine: "oracle-ee" }), ["blueGreenUpdate.enabled"]);
        assert.deepEqual(bg({ replicateSourceDb: "acme-prod" }), ["blueGreenUpdate.enabled"]);
        assert.deepEqual(bg({}), []);
        assert.deepEqual(bg({ engine: UNKNOWN }), []);
        assert.deepEqual(props(RDS, { ...instance, engine: "oracle-ee", blueGreenUpdate: { enabled: false } }), []);
    });
});

describe("aws_db_parameter_group and aws_db_subnet_group name prefixes", () => {
    it("a parameter group prefix: lowercase letters, digits and hyphens, starting with a letter, at most 255", () => {
        const pg = (namePrefix: string) => props("aws:rds/parameterGroup:ParameterGroup", { family: "postgres17", namePrefix });
        assert.deepEqual(pg("acme-chat-"), []);
        assert.deepEqual(pg(`a${"b".repeat(254)}`), []);
        assert.deepEqual(pg(`a${"b".repeat(255)}`), ["namePrefix"]);
        assert.deepEqual(pg("acme.chat-"), ["namePrefix"]);
        assert.deepEqual(pg("1acme-"), ["namePrefix"]);
    });

    it("a parameter's apply method is the SDK's, in any case", () => {
        const param = (applyMethod: string) => props("aws:rds/parameterGroup:ParameterGroup", { family: "postgres17", parameters: [{ name: "log_min_duration_statement", value: "500", applyMethod }] });
        for (const ok of ["immediate", "pending-reboot", "IMMEDIATE"]) assert.deepEqual(param(ok), [], ok);
        assert.deepEqual(param("on-reboot"), ["parameters[0].applyMethod"]);
    });

    it("a subnet group prefix: the name's characters, at most 229 (the provider's validSubnetGroupNamePrefix)", () => {
        const sg = (namePrefix: string) => props("aws:rds/subnetGroup:SubnetGroup", { subnetIds: ["subnet-1"], namePrefix });
        assert.deepEqual(sg("acme chat_db.subnets-"), []);
        assert.deepEqual(sg("s".repeat(229)), []);
        assert.deepEqual(sg("s".repeat(230)), ["namePrefix"]);
        assert.deepEqual(sg("Acme-"), ["namePrefix"]);
    });
});
