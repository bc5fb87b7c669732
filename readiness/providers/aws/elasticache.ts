/**
 * terraform-provider-aws's input validation of the ElastiCache types the program can register (the Redis/Valkey
 * replication group and its subnet group), and the transcription of their validator-bearing attributes.
 */
import { atLeast, between, conflictsWith, doesNotMatch, field, lengthBetween, matches, object, onceADayWindow, onceAWeekWindow, relation, sizeBetween, ValueTest, Validator } from "../validator";
import type { TypeCoverage } from "../types";
import { isSet, isUnknownAt, plain } from "../values";
import { isTrue, notInCopy, read, REDIS, sdkEnum, src, validARN } from "./common";
import { nameValidators } from "./names";
import { ELASTICACHE_REPLICATION_GROUP_ID } from "../../../contracts/awsNames";
import { TYPES } from "../../../contracts/tokens";

const SUBNET_GROUP = TYPES.cacheSubnetGroup;

const groupFile = read("internal/service/elasticache/replication_group.go", "v6", "001b6364");
// validReplicationGroupAuthToken is unchanged in the stored copy of validate.go, a v4-line one.
const validateFile = read("internal/service/elasticache/validate.go", "v4", "0a2e9385");
// validRedisVersionString and validValkeyVersionString; a v5-line copy whose commit the research tools do not show.
const versionFile = src("elasticache/engine_version.go", "v5");
// A v5-line copy (aws-sdk-go-v2, names.AttrX, @SDKResource with @Tags); the research tools do not show its commit.
const subnetGroupFile = src("elasticache/subnet_group.go", "v5");

/**
 * Any(validRedisVersionString, validValkeyVersionString), the patterns as the provider writes them: Redis 1 to 5 as
 * major.minor.patch, "6.x", or a 6-9 major.minor (Go's alternation leaves the last branch anchored at the end only,
 * and so does this one); Valkey 7-9 major.minor.
 */
const REDIS_VERSION = /^[1-5](\.[0-9]+){2}$|^((6)\.x)|([6-9]\.[0-9]+)$/;
const VALKEY_VERSION = /^[7-9]\.[0-9]+$/;
const engineVersion: ValueTest = {
    rule: "Any(validRedisVersionString, validValkeyVersionString)",
    test: (v) =>
        typeof v !== "string" || REDIS_VERSION.test(v) || VALKEY_VERSION.test(v)
            ? undefined
            : "is invalid: for Redis 6 or higher and Valkey use <major>.<minor>, for Redis 5 or lower <major>.<minor>.<patch>",
};

const GLOBAL_CONFLICTS = ["numNodeGroups", "parameterGroupName", "engine", "engineVersion", "nodeType", "securityGroupNames", "transitEncryptionEnabled", "transitEncryptionMode", "atRestEncryptionEnabled", "snapshotArns", "snapshotName"];

export const validators: Validator[] = [
    // aws_elasticache_replication_group
    ...nameValidators(REDIS, "replicationGroupId", ELASTICACHE_REPLICATION_GROUP_ID),
    field(REDIS, "description", groupFile, lengthBetween(1, Number.MAX_SAFE_INTEGER, "StringIsNotEmpty")),
    field(REDIS, "authToken", validateFile, lengthBetween(16, 128)),
    field(REDIS, "authToken", validateFile, matches(/^[^@"/]+$/, 'only alphanumeric characters or symbols (excluding @, ", and /) allowed')),
    field(REDIS, "authTokenUpdateStrategy", groupFile, sdkEnum("elasticache.AuthTokenUpdateStrategyType")),
    field(REDIS, "clusterMode", groupFile, sdkEnum("elasticache.ClusterMode")),
    field(REDIS, "engine", groupFile, {
        rule: 'StringInSlice(["redis", "valkey"], ignoreCase)',
        test: (v) => (typeof v !== "string" || ["redis", "valkey"].includes(v.toLowerCase()) ? undefined : 'is not allowed; expected "redis" or "valkey"'),
    }),
    field(REDIS, "engineVersion", versionFile, engineVersion),
    field(REDIS, "ipDiscovery", groupFile, sdkEnum("elasticache.IpDiscovery")),
    field(REDIS, "logDeliveryConfigurations", groupFile, sizeBetween(0, 2, "MaxItems 2")),
    field(REDIS, "logDeliveryConfigurations[].destinationType", groupFile, sdkEnum("elasticache.DestinationType")),
    field(REDIS, "logDeliveryConfigurations[].logFormat", groupFile, sdkEnum("elasticache.LogFormat")),
    field(REDIS, "logDeliveryConfigurations[].logType", groupFile, sdkEnum("elasticache.LogType")),
    field(REDIS, "maintenanceWindow", groupFile, onceAWeekWindow),
    field(REDIS, "networkType", groupFile, sdkEnum("elasticache.NetworkType")),
    field(REDIS, "nodeGroupConfigurations[].nodeGroupId", groupFile, matches(/^\d{1,4}$/, "must be 1-4 digits")),
    field(REDIS, "nodeGroupConfigurations[].primaryOutpostArn", groupFile, validARN),
    field(REDIS, "nodeGroupConfigurations[].replicaCount", groupFile, atLeast(0)),
    field(REDIS, "nodeGroupConfigurations[].slots", groupFile, matches(/^[\d,-]+$/, "must contain only digits, commas, and hyphens")),
    field(REDIS, "notificationTopicArn", groupFile, validARN),
    field(REDIS, "replicasPerNodeGroup", groupFile, atLeast(0)),
    field(REDIS, "snapshotArns[]", groupFile, validARN),
    field(REDIS, "snapshotArns[]", groupFile, doesNotMatch(/,/, "must not contain a comma")),
    field(REDIS, "snapshotRetentionLimit", groupFile, between(Number.NEGATIVE_INFINITY, 35, "IntAtMost(35)")),
    field(REDIS, "snapshotWindow", groupFile, onceADayWindow),
    field(REDIS, "transitEncryptionMode", groupFile, sdkEnum("elasticache.TransitEncryptionMode")),
    object(REDIS, "", groupFile, conflictsWith("authToken", "userGroupIds")),
    object(REDIS, "", groupFile, conflictsWith("numCacheClusters", "numNodeGroups", "replicasPerNodeGroup")),
    object(REDIS, "", groupFile, conflictsWith("numNodeGroups", "numCacheClusters", "globalReplicationGroupId")),
    object(REDIS, "", groupFile, conflictsWith("globalReplicationGroupId", ...GLOBAL_CONFLICTS)),
    object(REDIS, "", groupFile, conflictsWith("nodeGroupConfigurations", "preferredCacheClusterAzs")),
    object(
        REDIS,
        "",
        groupFile,
        relation("replicationGroupValidateMultiAZAutomaticFailover", (o, at) =>
            isUnknownAt(o.value, "multiAzEnabled") || isUnknownAt(o.value, "automaticFailoverEnabled") || !isTrue(o.value, "multiAzEnabled") || isTrue(o.value, "automaticFailoverEnabled")
                ? []
                : [`${at("automaticFailoverEnabled")} must be true if ${at("multiAzEnabled")} is true`],
        ),
    ),
    object(
        REDIS,
        "",
        groupFile,
        relation("replicationGroupValidateAutomaticFailoverNumCacheClusters", (o, at) => {
            if (isUnknownAt(o.value, "automaticFailoverEnabled") || !isTrue(o.value, "automaticFailoverEnabled")) return [];
            if (isUnknownAt(o.value, "numCacheClusters") || !isSet(o.value, "numCacheClusters")) return [];
            const n = plain((o.value as Record<string, unknown>).numCacheClusters);
            return typeof n === "number" && n < 2 ? [`${at("numCacheClusters")} must be at least 2 if ${at("automaticFailoverEnabled")} is true`] : [];
        }),
    ),
    object(
        REDIS,
        "",
        groupFile,
        // The provider asks whether auth_token is in the configuration at all (an unknown value counts). The bridged
        // schema also has the write-only auth_token_wo, which the copy read predates: it counts as a token too, so
        // a configuration using it is never refused here.
        relation("authTokenUpdateStrategyValidate", (o, at) => {
            if (isUnknownAt(o.value, "authTokenUpdateStrategy") || !isSet(o.value, "authTokenUpdateStrategy")) return [];
            const strategy = plain((o.value as Record<string, unknown>).authTokenUpdateStrategy);
            const token = isSet(o.value, "authToken") || isUnknownAt(o.value, "authToken");
            if (strategy === "DELETE") return token ? [{ property: at("authToken"), message: `${at("authToken")} must not be set when ${at("authTokenUpdateStrategy")} is "DELETE"` }] : [];
            const anyToken = token || isSet(o.value, "authTokenWo") || isUnknownAt(o.value, "authTokenWo");
            return anyToken ? [] : [{ property: at("authTokenUpdateStrategy"), message: `${at("authTokenUpdateStrategy")} requires ${at("authToken")} to be set` }];
        }),
    ),
];

const NULLABLE_BOOL = "the Pulumi SDK types it as a boolean, which the bridge passes as the string \"true\" or \"false\", always a valid nullable bool";

export const coverage: Record<string, TypeCoverage> = {
    [REDIS]: {
        source: `${groupFile} (resourceReplicationGroup schema and CustomizeDiff); validReplicationGroupAuthToken in ${validateFile}; the version patterns in ${versionFile}`,
        attributes: [
            { path: "atRestEncryptionEnabled (value)", declared: "nullable.ValidateTypeStringNullableBool", exception: NULLABLE_BOOL },
            { path: "authToken", declared: "validReplicationGroupAuthToken, ConflictsWith(user_group_ids)" },
            { path: "authTokenUpdateStrategy", declared: "enum.Validate[awstypes.AuthTokenUpdateStrategyType](); CustomizeDiff authTokenUpdateStrategyValidate" },
            { path: "authTokenWo", declared: "(v6 attribute)", exception: notInCopy("v6") },
            { path: "autoMinorVersionUpgrade", declared: "nullable.ValidateTypeStringNullableBool", exception: NULLABLE_BOOL },
            { path: "clusterMode", declared: "enum.Validate[awstypes.ClusterMode]()" },
            { path: "description", declared: "StringIsNotEmpty" },
            { path: "durability", declared: "(v6 attribute)", exception: notInCopy("v6") },
            { path: "engine", declared: "StringInSlice([redis, valkey], true) (and a deprecation warning, not an error, for other cases)" },
            { path: "engineVersion", declared: "Any(validRedisVersionString, validValkeyVersionString)" },
            { path: "globalReplicationGroupId", declared: "ConflictsWith(num_node_groups, parameter_group_name, engine, engine_version, node_type, security_group_names, transit_encryption_enabled, transit_encryption_mode, at_rest_encryption_enabled, snapshot_arns, snapshot_name)" },
            { path: "ipDiscovery", declared: "enum.Validate[awstypes.IpDiscovery]()" },
            { path: "logDeliveryConfigurations", declared: "MaxItems 2" },
            { path: "logDeliveryConfigurations[].destinationType", declared: "enum.Validate[awstypes.DestinationType]()" },
            { path: "logDeliveryConfigurations[].logFormat", declared: "enum.Validate[awstypes.LogFormat]()" },
            { path: "logDeliveryConfigurations[].logType", declared: "enum.Validate[awstypes.LogType]()" },
            { path: "maintenanceWindow", declared: "verify.ValidOnceAWeekWindowFormat" },
            { path: "networkType", declared: "enum.Validate[awstypes.NetworkType]()" },
            { path: "nodeGroupConfigurations", declared: "ConflictsWith(preferred_cache_cluster_azs)" },
            { path: "nodeGroupConfigurations[].nodeGroupId", declared: "StringMatch(^\\d{1,4}$)" },
            { path: "nodeGroupConfigurations[].primaryOutpostArn", declared: "verify.ValidARN" },
            { path: "nodeGroupConfigurations[].replicaCount", declared: "IntAtLeast(0)" },
            { path: "nodeGroupConfigurations[].slots", declared: "StringMatch(^[\\d,-]+$)" },
            { path: "notificationTopicArn", declared: "verify.ValidARN" },
            { path: "numCacheClusters", declared: "ConflictsWith(num_node_groups, replicas_per_node_group)" },
            { path: "numNodeGroups", declared: "ConflictsWith(num_cache_clusters, global_replication_group_id)" },
            { path: "replicasPerNodeGroup", declared: "IntAtLeast(0), ConflictsWith(num_cache_clusters)" },
            { path: "replicationGroupId", declared: "validateReplicationGroupID: All(StringLenBetween(1, 40), ^[0-9A-Za-z-]+$, ^[A-Za-z], no --, no trailing -)" },
            { path: "snapshotArns[]", declared: "All(verify.ValidARN, StringDoesNotContainAny(\",\"))" },
            { path: "snapshotRetentionLimit", declared: "IntAtMost(35)" },
            { path: "snapshotWindow", declared: "verify.ValidOnceADayWindowFormat" },
            { path: "transitEncryptionMode", declared: "enum.Validate[awstypes.TransitEncryptionMode]()" },
            { path: "userGroupIds", declared: "ConflictsWith(auth_token)" },
            { path: "(inputs)", declared: "CustomizeDiff: replicationGroupValidateMultiAZAutomaticFailover, replicationGroupValidateAutomaticFailoverNumCacheClusters" },
        ],
    },
    [SUBNET_GROUP]: {
        source: `${subnetGroupFile} (resourceSubnetGroup schema: name, description, subnet_ids, tags, no validator; its CustomizeDiff refuses nothing; the v4 copy @01c08000 has the same schema)`,
        attributes: [],
    },
};
