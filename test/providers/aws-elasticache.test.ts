/**
 * The ElastiCache validators (readiness/providers/aws/elasticache.ts): the replication group's limits exactly at
 * each end, its SDK enums, the version patterns as the provider writes them, and its plan-time relations.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toRecorded } from "../synthetic";
import { validateProviderInputs } from "../../readiness/providers";
import { secret, UNKNOWN } from "../support";

const errorsOf = (inputs: Record<string, unknown>) => validateProviderInputs(toRecorded([{ type: "aws:elasticache/replicationGroup:ReplicationGroup", name: "r", inputs }]));
const props = (inputs: Record<string, unknown>) => errorsOf(inputs).map((e) => e.property);
const group = { replicationGroupId: "acme-chat-prod", description: "Redis for acme-chat", nodeType: "cache.t4g.micro" };

describe("aws_elasticache_replication_group", () => {
    it("the identifier: 1 to 40 characters", () => {
        assert.deepEqual(props({ ...group, replicationGroupId: `a${"b".repeat(39)}` }), []);
        assert.deepEqual(props({ ...group, replicationGroupId: `a${"b".repeat(40)}` }), ["replicationGroupId"]);
    });

    it("an auth token of 16 to 128 characters, checked on its plaintext but never shown", () => {
        assert.deepEqual(props({ ...group, authToken: secret("t".repeat(16)) }), []);
        assert.deepEqual(props({ ...group, authToken: secret("t".repeat(128)) }), []);
        const errors = errorsOf({ ...group, authToken: secret("t".repeat(15)) });
        assert.deepEqual(errors.map((e) => e.property), ["authToken"]);
        assert.ok(!errors[0].message.includes("ttt"), "the token is not in the message");
        assert.deepEqual(props({ ...group, authToken: secret("t".repeat(129)) }), ["authToken"]);
    });

    it("snapshot retention at most 35, replica counts at least 0, at most 2 log delivery configurations", () => {
        assert.deepEqual(props({ ...group, snapshotRetentionLimit: 35, replicasPerNodeGroup: 0 }), []);
        assert.deepEqual(props({ ...group, snapshotRetentionLimit: 36, replicasPerNodeGroup: -1 }).sort(), ["replicasPerNodeGroup", "snapshotRetentionLimit"]);
        const log = (logType: string) => ({ destination: "acme-redis", destinationType: "cloudwatch-logs", logFormat: "json", logType });
        assert.deepEqual(props({ ...group, logDeliveryConfigurations: [log("slow-log"), log("engine-log")] }), []);
        assert.deepEqual(props({ ...group, logDeliveryConfigurations: [log("slow-log"), log("engine-log"), log("slow-log")] }), ["logDeliveryConfigurations"]);
        const shard = (over: Record<string, unknown>) => props({ ...group, numNodeGroups: 1, nodeGroupConfigurations: [{ nodeGroupId: "0001", replicaCount: 0, slots: "0-16383", ...over }] });
        assert.deepEqual(shard({}), []);
        assert.deepEqual(shard({ nodeGroupId: "9999" }), []);
        assert.deepEqual(shard({ nodeGroupId: "10000", replicaCount: -1, slots: "0..16383" }).sort(), ["nodeGroupConfigurations[0].nodeGroupId", "nodeGroupConfigurations[0].replicaCount", "nodeGroupConfigurations[0].slots"]);
    });

    it("SDK enums, case-sensitive, on the group and on each log delivery configuration", () => {
        const ok = { clusterMode: "compatible", ipDiscovery: "ipv6", networkType: "dual_stack", transitEncryptionMode: "preferred" };
        assert.deepEqual(props({ ...group, ...ok }), []);
        assert.deepEqual(props({ ...group, clusterMode: "Compatible", ipDiscovery: "IPv6", networkType: "dualstack", transitEncryptionMode: "Preferred" }).sort(), ["clusterMode", "ipDiscovery", "networkType", "transitEncryptionMode"]);
        const log = { destination: "acme-redis", destinationType: "cloudwatch-logs", logFormat: "JSON", logType: "slow-log" };
        assert.deepEqual(props({ ...group, logDeliveryConfigurations: [log] }), ["logDeliveryConfigurations[0].logFormat"]);
    });

    it("engine versions as the provider's patterns read them: Redis 6+ and Valkey as major.minor, Redis 5 and older with a patch", () => {
        for (const ok of ["7.1", "6.2", "6.x", "5.0.6", "8.0", "7.2"]) assert.deepEqual(props({ ...group, engineVersion: ok }), [], ok);
        for (const bad of ["7.1.0", "5.0", "6", "4.x", "redis7"]) assert.deepEqual(props({ ...group, engineVersion: bad }), ["engineVersion"], bad);
    });

    it("windows, ARNs and snapshot ARNs without commas", () => {
        assert.deepEqual(props({ ...group, maintenanceWindow: "sun:05:00-sun:06:00", snapshotWindow: "03:00-04:00", notificationTopicArn: "arn:aws:sns:us-east-1:123456789012:alerts" }), []);
        assert.deepEqual(props({ ...group, maintenanceWindow: "sun:5:00-sun:06:00", snapshotWindow: "3:00-4:00", notificationTopicArn: "alerts" }).sort(), ["maintenanceWindow", "notificationTopicArn", "snapshotWindow"]);
        assert.deepEqual(props({ ...group, snapshotArns: ["arn:aws:s3:::acme/a.rdb", "arn:aws:s3:::acme/a.rdb,b.rdb"] }), ["snapshotArns[1]"]);
    });

    it("a secondary of a global group does not set what the global group decides", () => {
        assert.deepEqual(props({ replicationGroupId: "acme-chat-dr", description: "DR", globalReplicationGroupId: "ldgnf-acme" }), []);
        assert.deepEqual(props({ ...group, globalReplicationGroupId: "ldgnf-acme" }), ["(inputs)"]);
        assert.deepEqual(props({ ...group, nodeGroupConfigurations: [{ nodeGroupId: "0001" }], preferredCacheClusterAzs: ["us-east-1a"] }), ["(inputs)"]);
    });

    it("auth_token_update_strategy needs a token, and DELETE needs none (an unknown or write-only token counts)", () => {
        assert.deepEqual(props({ ...group, authTokenUpdateStrategy: "ROTATE" }), ["authTokenUpdateStrategy"]);
        assert.deepEqual(props({ ...group, authTokenUpdateStrategy: "SET", authToken: secret("t".repeat(32)) }), []);
        assert.deepEqual(props({ ...group, authTokenUpdateStrategy: "SET", authToken: UNKNOWN }), []);
        assert.deepEqual(props({ ...group, authTokenUpdateStrategy: "SET", authTokenWo: secret("t".repeat(32)) }), []);
        assert.deepEqual(props({ ...group, authTokenUpdateStrategy: "DELETE" }), []);
        assert.deepEqual(props({ ...group, authTokenUpdateStrategy: "DELETE", authToken: secret("t".repeat(32)) }), ["authToken"]);
    });
});
