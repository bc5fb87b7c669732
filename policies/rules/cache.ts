/**
 * Readiness rules: Redis. ElastiCache encrypts in transit and at rest, asks for a password (or IAM users),
 * fails over to a replica in another zone and keeps snapshots; an Upstash database speaks TLS.
 *
 * Replication groups are the resource the template uses. A standalone `aws.elasticache.Cluster` running Redis
 * or Valkey cannot encrypt, authenticate or fail over at all, so each rule names it; a cluster that joins a
 * replication group (`replicationGroupId`) takes its settings from the group and is skipped. Serverless
 * caches always use TLS, encryption at rest and several zones, so only the rules they can fail apply to them.
 */
import { z } from "zod";
import { inputsOf } from "../lib/inputs";
import { TYPES } from "../contracts/tokens";
import { isSet, knownOrUndefined } from "../lib/preview";
import { resourceRule, Rule, RuleResource, ruleResource, stackRule } from "../lib/rule";
import { knownStrings, peek } from "../lib/preview";

const CACHE_USER = "aws:elasticache/user:User";

/** A Cluster that is not a member of a replication group and runs Redis or Valkey (whose engine it must name). */
const standaloneRedis = (r: RuleResource) => r.type === TYPES.cacheCluster && !r.props.replicationGroupId && r.props.engine !== "memcached";
const redisEngine = (engine: unknown) => engine === undefined || engine === "redis" || engine === "valkey";

const STANDALONE = "a standalone Redis/Valkey cluster has no control for this: create an aws.elasticache.ReplicationGroup instead (components/cache.ts does)";

export const elasticacheEncryptionInTransit = resourceRule({
    name: "elasticache-encryption-in-transit",
    description: "Every ElastiCache replication group and cluster requires TLS from its clients (transit encryption on, mode required).",
    severity: "critical",
    category: "security",
    remediation: "Use the Redis component (components/cache.ts), which sets `transitEncryptionEnabled: true` and `transitEncryptionMode: \"required\"`; a URL to it starts with rediss://.",
    types: [TYPES.replicationGroup, TYPES.cacheCluster],
    validate(resource, _config, report) {
        const p = resource.props;
        if (resource.type === TYPES.cacheCluster) {
            if (p.replicationGroupId) return;
            if (standaloneRedis(resource)) report(`${resource.name} cannot encrypt in transit: ${STANDALONE}.`);
            else if (p.transitEncryptionEnabled !== true) report(`${resource.name} (memcached) accepts plain-text connections; set transitEncryptionEnabled to true.`);
            return;
        }
        if (p.transitEncryptionEnabled !== true) report(`${resource.name} accepts plain-text connections; set transitEncryptionEnabled to true.`);
        // Left unset, the mode is the service's: a group created with transit encryption refuses plain text
        // ("required"); "preferred" exists only to migrate an existing group and must be asked for (AWS ElastiCache
        // API reference, CreateReplicationGroup/ModifyReplicationGroup `TransitEncryptionMode`). The provider marks
        // the argument optional and computed (hashicorp/terraform-provider-aws, internal/service/elasticache/
        // replication_group.go), so a deployed group's outputs carry the mode it really has, which this rule reads.
        else if (p.transitEncryptionMode !== undefined && p.transitEncryptionMode !== null && p.transitEncryptionMode !== "required") {
            report(`${resource.name} sets transitEncryptionMode to ${JSON.stringify(p.transitEncryptionMode)}; only "required" refuses plain-text clients.`);
        }
    },
});

export const elasticacheEncryptionAtRest = resourceRule({
    name: "elasticache-encryption-at-rest",
    description: "Every ElastiCache replication group encrypts its data, snapshots and swap at rest.",
    severity: "high",
    category: "security",
    remediation: "Use the Redis component (components/cache.ts), which sets `atRestEncryptionEnabled: true`; at-rest encryption is fixed at creation, so an existing group must be replaced.",
    types: [TYPES.replicationGroup, TYPES.cacheCluster],
    validate(resource, _config, report) {
        if (resource.type === TYPES.cacheCluster) {
            if (standaloneRedis(resource)) report(`${resource.name} cannot encrypt at rest: ${STANDALONE}.`);
            return;
        }
        if (resource.props.atRestEncryptionEnabled !== true) report(`${resource.name} stores data and snapshots unencrypted; set atRestEncryptionEnabled to true.`);
    },
});

export const elasticacheAuthToken = resourceRule({
    name: "elasticache-auth-token",
    description: "Every Redis/Valkey cache asks its clients for credentials: an AUTH token or RBAC user groups.",
    severity: "critical",
    category: "security",
    remediation: "Use the Redis component (components/cache.ts), which generates an AUTH token (random.RandomPassword, 64 characters) and puts it in the secret REDIS_URL; or attach `userGroupIds` (`userGroupId` for serverless).",
    types: [TYPES.replicationGroup, TYPES.cacheCluster, TYPES.serverlessCache],
    validate(resource, _config, report) {
        const p = resource.props;
        if (resource.type === TYPES.cacheCluster) {
            if (standaloneRedis(resource)) report(`${resource.name} cannot require a password: ${STANDALONE}.`);
            return;
        }
        if (resource.type === TYPES.serverlessCache) {
            if (redisEngine(p.engine) && !isSet(p, "userGroupId")) report(`${resource.name} has no user group, so its default user connects without a password.`);
            return;
        }
        if (!isSet(p, "authToken") && !isSet(p, "authTokenWo") && !isSet(p, "userGroupIds")) {
            report(`${resource.name} lets anyone who reaches it connect without credentials; set authToken or userGroupIds.`);
        }
    },
});

export const elasticacheAuthTokenGenerated = stackRule({
    name: "elasticache-auth-token-generated",
    description: "Every ElastiCache AUTH token and RBAC user password is generated by the stack (a random.RandomPassword), never a literal written in code or config, which lives on in history and is shared by copies.",
    severity: "high",
    category: "security",
    remediation: "Let the Redis component generate the token (random.RandomPassword, 64 characters) or pass the result of one; never a string from code or stack config. The same holds for an `aws.elasticache.User`'s passwords.",
    validate(resources, _config, report) {
        for (const r of resources) {
            const inputs = r.type === TYPES.replicationGroup ? ["authToken", "authTokenWo"] : r.type === CACHE_USER ? ["passwords", "passwordsWo", "authenticationMode"] : [];
            for (const key of inputs) {
                if (!isSet(r.props, key)) continue;
                // The engine records an input computed from another resource's output as a property dependency,
                // known even when the value is not: a generated token depends on its generator.
                const generated = (r.propertyDependencies?.[key] ?? []).length > 0;
                const value = peek(r.props, key);
                const literal =
                    key === "authenticationMode"
                        ? knownStrings(peek(value, "passwords")).length > 0
                        : typeof value === "string" || knownStrings(value).length > 0;
                if (!generated && literal) report(`${r.name} sets ${key === "authenticationMode" ? "authenticationMode.passwords" : key} to a literal, not to a secret the stack generates.`, ruleResource(r));
            }
        }
    },
});

export const elasticacheFailover = resourceRule({
    name: "elasticache-failover",
    description: "Every ElastiCache replication group has a replica in another availability zone and fails over to it automatically.",
    severity: "medium",
    category: "availability",
    remediation: "Set `service:cache.nodes` to 2 or more (the prod preset does); components/cache.ts then turns on automaticFailoverEnabled and multiAzEnabled.",
    types: [TYPES.replicationGroup, TYPES.cacheCluster],
    validate(resource, _config, report) {
        const p = resource.props;
        if (resource.type === TYPES.cacheCluster) {
            if (standaloneRedis(resource)) report(`${resource.name} is a single node: ${STANDALONE}.`);
            return;
        }
        const missing = ["automaticFailoverEnabled", "multiAzEnabled"].filter((k) => p[k] !== true);
        if (missing.length > 0) report(`${resource.name} leaves ${missing.join(" and ")} off, so losing its primary or zone takes the cache down.`);
        const replicas = typeof p.numCacheClusters === "number" ? p.numCacheClusters - 1 : typeof p.replicasPerNodeGroup === "number" ? p.replicasPerNodeGroup : undefined;
        if (replicas !== undefined && replicas < 1) report(`${resource.name} has no replica to fail over to.`);
    },
});

export const elasticacheSnapshots = resourceRule({
    name: "elasticache-snapshots",
    description: "Every Redis/Valkey cache keeps daily snapshots for at least the configured days and, where required, takes a final snapshot before deletion.",
    severity: "medium",
    category: "durability",
    remediation:
        "Set `service:cache.snapshotRetentionDays` to at least the rule's `minimumRetentionDays` (the prod preset keeps 7); components/cache.ts sets finalSnapshotIdentifier when `service:protectData` is true.",
    types: [TYPES.replicationGroup, TYPES.cacheCluster, TYPES.serverlessCache],
    config: {
        /** Fewest days of snapshots accepted. */
        minimumRetentionDays: z.number().int().min(0).max(35).default(1),
        /** Require `finalSnapshotIdentifier`, so deleting the cache keeps its data. */
        requireFinalSnapshot: z.boolean().default(false),
    },
    validate(resource, config, report) {
        const p = resource.props;
        if (resource.type === TYPES.cacheCluster && !standaloneRedis(resource)) return;
        if (resource.type === TYPES.serverlessCache && !redisEngine(p.engine)) return;
        const days = typeof p.snapshotRetentionLimit === "number" ? p.snapshotRetentionLimit : 0;
        if (days < config.minimumRetentionDays) report(`${resource.name} keeps ${days} days of snapshots; at least ${config.minimumRetentionDays} are required.`);
        if (config.requireFinalSnapshot && resource.type !== TYPES.serverlessCache && !isSet(p, "finalSnapshotIdentifier")) {
            report(`${resource.name} has no finalSnapshotIdentifier, so deleting it discards its data.`);
        }
    },
});

export const elasticacheMinorVersionUpgrade = resourceRule({
    name: "elasticache-minor-version-upgrade",
    description: "Every ElastiCache replication group and cluster takes minor engine versions automatically in its maintenance window, so security fixes land without a ticket.",
    severity: "medium",
    category: "security",
    remediation: "Leave `autoMinorVersionUpgrade` unset or true (components/cache.ts does) and pin only the major version (`service:cache.engineVersion`).",
    types: [TYPES.replicationGroup, TYPES.cacheCluster],
    validate(resource, _config, report) {
        // The replication group takes a boolean; the cluster resource, a string ("true"/"false").
        const value = inputsOf(resource, TYPES.replicationGroup)?.autoMinorVersionUpgrade ?? inputsOf(resource, TYPES.cacheCluster)?.autoMinorVersionUpgrade;
        if (resource.type === TYPES.cacheCluster && resource.props.replicationGroupId) return;
        if (value === false || (typeof value === "string" && value.trim().toLowerCase() === "false")) {
            report(`${resource.name} turns automatic minor version upgrades off, so engine security fixes wait for someone to apply them.`);
        }
    },
});

export const elasticacheCustomSubnetGroup = resourceRule({
    name: "elasticache-custom-subnet-group",
    description: "Every ElastiCache replication group and standalone cluster names a subnet group of its own, instead of the default subnet group, which places it in the account's default VPC.",
    severity: "medium",
    category: "security",
    remediation: "Give the cache an `aws.elasticache.SubnetGroup` over the stack's private subnets and set `subnetGroupName` to it (components/cache.ts does).",
    types: [TYPES.replicationGroup, TYPES.cacheCluster],
    validate(resource, _config, report) {
        const p = resource.props;
        if (resource.type === TYPES.cacheCluster && p.replicationGroupId) return;
        // A name known only after apply belongs to a subnet group this stack creates.
        if (isSet(p, "subnetGroupName") && knownOrUndefined(() => p.subnetGroupName) === undefined) return;
        const name = inputsOf(resource, TYPES.replicationGroup)?.subnetGroupName ?? inputsOf(resource, TYPES.cacheCluster)?.subnetGroupName;
        if (name === undefined || name === null || name === "" || name === "default") {
            report(`${resource.name} uses ${name ? "the subnet group \"default\"" : "no subnetGroupName, so the default subnet group"}, which places it in the default VPC instead of the stack's private subnets.`);
        }
    },
});

export const upstashTls = resourceRule({
    name: "upstash-tls",
    description: "Every Upstash Redis database accepts TLS connections only.",
    severity: "critical",
    category: "security",
    remediation: "Use the Redis component (components/cache.ts), which creates the database with `tls: true` and hands the app a rediss:// URL.",
    types: [TYPES.upstashRedis],
    validate(resource, _config, report) {
        if (resource.props.tls === false) report(`${resource.name} turns TLS off, so its password and data cross the internet in plain text.`);
    },
});

export const cacheRules: Rule[] = [
    elasticacheEncryptionInTransit,
    elasticacheEncryptionAtRest,
    elasticacheAuthToken,
    elasticacheAuthTokenGenerated,
    upstashTls,
    elasticacheFailover,
    elasticacheSnapshots,
    elasticacheMinorVersionUpgrade,
    elasticacheCustomSubnetGroup,
];
