import { TYPES } from "../../contracts/tokens";
/**
 * The stateful resource types: the one list both the pack (`stateful-resources-protected`, which requires a
 * production stack to protect every type that holds data) and the offline change report
 * (readiness/changes/, which flags their replacement or deletion) read.
 *
 * "Stateful" means the resource holds something that is lost or must be recreated by hand when it is replaced
 * or deleted: data, a key that decrypts data, a secret value apps depend on, or the settings the database
 * runs with. For each type, the inputs that force a replacement are read from the providers' own sources
 * (ForceNew in SDKv2 schemas, RequiresReplace plan modifiers in plugin-framework schemas, CustomizeDiff
 * ForceNew rules); names are the Pulumi input names (the bridge camel-cases the Terraform attribute names).
 * A type whose force-new inputs were not read says so (`forceNew` absent): the change report then compares its
 * inputs without claiming whether a change replaces it.
 */

export interface Citation {
    repository: string;
    path: string;
    /** A release tag or the commit of the stored source that was read. */
    version: string;
}

/** A replacement that depends on the direction of the change, not just on a difference. */
export interface ConditionalReplacement {
    input: string;
    /** True when going from `before` to `after` forces the replacement. */
    when: (before: unknown, after: unknown) => boolean;
    describe: string;
}

export interface StatefulType {
    type: string;
    /**
     * `data`: a replacement or a deletion loses what it holds. `settings`: it holds configuration the
     * data depends on; replacing it while in use fails, but deleting it once nothing uses it loses nothing.
     */
    kind: "data" | "settings";
    /** What is lost, or must be redone, when the resource is replaced or deleted. */
    holds: string;
    /**
     * A value replaced on purpose to rotate it (docs/runbooks/rotate-secret.md): `protect` would refuse the
     * rotation, so the pack does not require it (retainOnDelete keeps an AWS secret version, and CrossGuard's
     * resource options carry no retainOnDelete to check); the change report still flags the replacement.
     * `input` is what a rotation writes: a program that ignores it never rotates the value, which must then be
     * protected like any other data.
     */
    rotated?: { input?: string };
    /** Inputs whose change replaces the resource; absent when the provider's source was not read for them. */
    forceNew?: readonly string[];
    conditional?: readonly ConditionalReplacement[];
    /** An in-place update the cloud refuses: what goes wrong and the way to do it, or undefined when it is accepted. */
    refuses?: (before: Record<string, unknown>, after: Record<string, unknown>) => string | undefined;
    /** Where `forceNew` was read; present exactly when `forceNew` is. */
    citation?: Citation;
}

/**
 * RDS refuses to take out of a subnet group the subnet an instance is placed in ("Some of the subnets to be
 * deleted are currently in use"): a new set that keeps none of the old subnets cannot keep that one.
 */
function rdsSubnetMove(before: Record<string, unknown>, after: Record<string, unknown>): string | undefined {
    const old = Array.isArray(before.subnetIds) ? (before.subnetIds as unknown[]) : [];
    const now = Array.isArray(after.subnetIds) ? (after.subnetIds as unknown[]) : [];
    if (old.length === 0 || now.length === 0 || old.some((s) => now.includes(s))) return undefined;
    return `subnetIds keeps none of the subnets the instance is placed in, and RDS refuses to remove a subnet in use; moving the database to other subnets is a new instance and a restore (docs/runbooks/changes.md, "Switching reachability")`;
}

const major = (v: unknown) => (typeof v === "string" || typeof v === "number" ? Number.parseInt(String(v).split(".")[0], 10) : Number.NaN);

/** RDS upgrades a major version only when asked to, and never downgrades one (ModifyDBInstance). */
function rdsVersionChange(before: Record<string, unknown>, after: Record<string, unknown>): string | undefined {
    const from = major(before.engineVersion);
    const to = major(after.engineVersion);
    if (Number.isNaN(from) || Number.isNaN(to) || from === to) return undefined;
    if (to < from) {
        return `engineVersion goes down from ${from} to ${to}: RDS cannot downgrade a major version; a lower major is a new instance and a restore (docs/runbooks/changes.md, "Major engine upgrade")`;
    }
    if (after.allowMajorVersionUpgrade !== true) {
        return `engineVersion goes up from ${from} to ${to} without allowMajorVersionUpgrade: RDS refuses a major upgrade unless it is allowed; set service:database.allowMajorVersionUpgrade: true for this up (docs/runbooks/changes.md, "Major engine upgrade")`;
    }
    return undefined;
}

const AWS = "hashicorp/terraform-provider-aws";
const becomesFalse = (before: unknown, after: unknown) => before === true && after !== true;

const READ_STATEFUL_TYPES: readonly StatefulType[] = [
    {
        type: TYPES.rdsInstance,
        kind: "data",
        holds: "the Postgres database and every row in it",
        forceNew: [
            "identifier", "identifierPrefix", "engine", "kmsKeyId", "storageEncrypted", "username", "availabilityZone",
            "characterSetName", "ncharCharacterSetName", "dbName", "snapshotIdentifier", "restoreToPointInTime", "s3Import",
            "timezone", "customIamInstanceProfile",
        ],
        refuses: rdsVersionChange,
        citation: { repository: AWS, path: "internal/service/rds/instance.go", version: "00e4b23" },
    },
    {
        type: TYPES.rdsParameterGroup,
        kind: "settings",
        holds: "the engine settings the database runs with (a group in use cannot be deleted)",
        forceNew: ["name", "namePrefix", "family", "description"],
        citation: { repository: AWS, path: "internal/service/rds/parameter_group.go", version: "0160692" },
    },
    {
        type: TYPES.rdsSubnetGroup,
        kind: "settings",
        refuses: rdsSubnetMove,
        holds: "the placement of the database (a group in use cannot be deleted)",
        forceNew: ["name", "namePrefix"],
        citation: { repository: AWS, path: "internal/service/rds/subnet_group.go", version: "01c0800" },
    },
    {
        type: TYPES.bucket,
        kind: "data",
        holds: "every uploaded object",
        forceNew: ["bucket", "bucketPrefix"],
        citation: { repository: AWS, path: "internal/service/s3/bucket.go", version: "0070bcd" },
    },
    {
        type: TYPES.replicationGroup,
        kind: "data",
        holds: "the Redis data set (sessions, queues, caches)",
        forceNew: [
            "replicationGroupId", "atRestEncryptionEnabled", "dataTieringEnabled", "globalReplicationGroupId", "kmsKeyId",
            "networkType", "port", "securityGroupNames", "snapshotArns", "snapshotName", "subnetGroupName",
        ],
        citation: { repository: AWS, path: "internal/service/elasticache/replication_group.go", version: "001b636" },
    },
    {
        type: TYPES.logGroup,
        kind: "data",
        holds: "the logs kept for their retention period (the database's error, slow-query and upgrade logs)",
        forceNew: ["name", "namePrefix", "logGroupClass"],
        citation: { repository: AWS, path: "internal/service/logs/group.go", version: "0073593" },
    },
    {
        type: TYPES.kmsKey,
        kind: "data",
        holds: "the key that decrypts the database, its snapshots and secrets",
        forceNew: ["customKeyStoreId", "customerMasterKeySpec", "keyUsage", "multiRegion", "xksKeyId"],
        citation: { repository: AWS, path: "internal/service/kms/key.go", version: "00a3530" },
    },
    {
        type: TYPES.secret,
        kind: "data",
        holds: "a secret other systems read by name",
        forceNew: ["name", "namePrefix"],
        citation: { repository: AWS, path: "internal/service/secretsmanager/secret.go", version: "00c21ce" },
    },
    {
        type: TYPES.secretVersion,
        kind: "data",
        rotated: { input: "secretString" },
        holds: "the current value of a secret",
        forceNew: ["secretId", "secretBinary", "secretString", "secretStringWoVersion"],
        citation: { repository: AWS, path: "internal/service/secretsmanager/secret_version.go", version: "0042e8e" },
    },
    ...["randomPassword:RandomPassword", "randomString:RandomString"].map(
        (t): StatefulType => ({
            type: `random:index/${t}`,
            kind: "data",
            rotated: {},
            holds: "a generated secret: a new value logs every user out or breaks every client holding the old one",
            forceNew: ["keepers", "length", "special", "upper", "lower", "number", "numeric", "minNumeric", "minUpper", "minLower", "minSpecial", "overrideSpecial"],
            citation: {
                repository: "hashicorp/terraform-provider-random",
                path: t.startsWith("randomPassword") ? "internal/provider/resource_password.go" : "internal/provider/resource_string.go",
                version: "v3.9.0",
            },
        }),
    ),
    {
        type: TYPES.postgresDatabase,
        kind: "data",
        holds: "the app database inside the instance, with every table",
        forceNew: ["template", "encoding", "lcCollate", "lcCtype"],
        citation: { repository: "cyrilgdn/terraform-provider-postgresql", path: "postgresql/resource_postgresql_database.go", version: "v1.26.0" },
    },
    {
        type: TYPES.postgresRole,
        kind: "data",
        holds: "a login role the app connects as (renamed in place; dropping it fails while it owns objects)",
        forceNew: [],
        citation: { repository: "cyrilgdn/terraform-provider-postgresql", path: "postgresql/resource_postgresql_role.go", version: "v1.26.0" },
    },
    {
        type: TYPES.postgresSchema,
        kind: "data",
        holds: "the schema holding the app's tables",
        forceNew: ["database"],
        citation: { repository: "cyrilgdn/terraform-provider-postgresql", path: "postgresql/resource_postgresql_schema.go", version: "v1.26.0" },
    },
    {
        type: TYPES.upstashRedis,
        kind: "data",
        holds: "the Redis data set (sessions, queues, caches)",
        forceNew: ["databaseName", "region", "primaryRegion"],
        conditional: [
            { input: "consistent", when: becomesFalse, describe: "turning consistent off" },
            { input: "tls", when: becomesFalse, describe: "turning tls off" },
        ],
        citation: { repository: "upstash/terraform-provider-upstash", path: "upstash/redis/database/resource.go", version: "v2.0.0" },
    },
    {
        type: TYPES.vercelProject,
        kind: "data",
        holds: "the Vercel project: deployments, domains, env vars of every environment (shared by the dev and prod stacks)",
        // RequiresReplaceIfConfigured; the name is updated in place.
        forceNew: ["teamId"],
        citation: { repository: "vercel/terraform-provider-vercel", path: "vercel/resource_project.go", version: "v5.10.0" },
    },
    {
        type: TYPES.blobStore,
        kind: "data",
        holds: "every uploaded file",
        forceNew: ["name", "access", "region", "teamId"],
        citation: { repository: "vercel/terraform-provider-vercel", path: "vercel/resource_blob_store.go", version: "v5.10.0" },
    },
    // No input of either is ForceNew in v0.11.2 (the version @pulumiverse/sentry 0.0.9 bridges): they are lost by deletion.
    {
        type: TYPES.sentryProject,
        kind: "data",
        holds: "the Sentry project: every issue, its events and history, and the alerts and keys attached to it",
        forceNew: [],
        citation: { repository: "jianyuan/terraform-provider-sentry", path: "sentry/resource_sentry_project.go", version: "v0.11.2" },
    },
    {
        type: TYPES.sentryKey,
        kind: "data",
        holds: "the Sentry client key whose DSN every deployed build reports with: a new key is a new DSN, and builds holding the old one lose their events once it is deleted",
        forceNew: [],
        citation: { repository: "jianyuan/terraform-provider-sentry", path: "sentry/resource_sentry_key.go", version: "v0.11.2" },
    },
];
/** Types known to hold data whose force-new inputs this table has not read from their providers' sources. */
const DATA_WITHOUT_FORCE_NEW: ReadonlyArray<Pick<StatefulType, "type" | "holds">> = [
    { type: TYPES.rdsCluster, holds: "the Aurora or Multi-AZ cluster's databases and every row in them" },
    { type: TYPES.bucketV2, holds: "every uploaded object" },
    { type: TYPES.cacheCluster, holds: "the cache's data set" },
    { type: TYPES.serverlessCache, holds: "the cache's data set" },
    { type: TYPES.dynamodbTable, holds: "every item in the table" },
    { type: "aws:efs/fileSystem:FileSystem", holds: "every file on the file system" },
    { type: TYPES.rdsSnapshot, holds: "a point-in-time copy of the database" },
    {
        type: TYPES.openIdConnectProvider,
        holds: "the account's one OIDC provider for the Vercel issuer, which every environment's role trusts (shared stack)"
    },
];

/** Every stateful type, for the pack and the change report alike. */
export const STATEFUL_TYPES: readonly StatefulType[] = [...READ_STATEFUL_TYPES, ...DATA_WITHOUT_FORCE_NEW.map((t): StatefulType => ({ ...t, kind: "data" }))];

const BY_TYPE = new Map(STATEFUL_TYPES.map((t) => [t.type, t]));

export function statefulType(type: string): StatefulType | undefined {
    return BY_TYPE.get(type);
}

/** Types whose loss loses data (not only settings): what a production stack must protect, unless `mustProtect` says it rotates. */
export const DATA_TYPES: readonly string[] = STATEFUL_TYPES.filter((t) => t.kind === "data").map((t) => t.type);

/** Whether a resource of a data type must be protected, given the inputs its program ignores. */
export function mustProtect(type: string, ignoreChanges: readonly string[]): boolean {
    const t = statefulType(type);
    if (!t || t.kind !== "data") return false;
    if (!t.rotated) return true;
    const input = t.rotated.input;
    return input !== undefined && ignoreChanges.includes(input);
}
