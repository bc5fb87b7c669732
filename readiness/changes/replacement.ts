/**
 * Which inputs of each stateful resource type force a replacement, read from the providers' own sources
 * (ForceNew in SDKv2 schemas, RequiresReplace plan modifiers in plugin-framework schemas, CustomizeDiff
 * ForceNew rules). Names are the Pulumi input names (the bridge camel-cases the Terraform attribute names).
 *
 * "Stateful" means the resource holds something that is lost or must be recreated by hand when it is replaced
 * or deleted: data, a key that decrypts data, a secret value apps depend on, or the settings the database
 * runs with. A type missing here is compared, but a change to it is reported as an update whose replacement
 * behaviour is not known to this table.
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
    /** Inputs whose change replaces the resource. */
    forceNew: readonly string[];
    conditional?: readonly ConditionalReplacement[];
    /** An in-place update the cloud refuses: what goes wrong and the way to do it, or undefined when it is accepted. */
    refuses?: (before: Record<string, unknown>, after: Record<string, unknown>) => string | undefined;
    citation: Citation;
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

export const STATEFUL_TYPES: readonly StatefulType[] = [
    {
        type: "aws:rds/instance:Instance",
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
        type: "aws:rds/parameterGroup:ParameterGroup",
        kind: "settings",
        holds: "the engine settings the database runs with (a group in use cannot be deleted)",
        forceNew: ["name", "namePrefix", "family", "description"],
        citation: { repository: AWS, path: "internal/service/rds/parameter_group.go", version: "0160692" },
    },
    {
        type: "aws:rds/subnetGroup:SubnetGroup",
        kind: "settings",
        refuses: rdsSubnetMove,
        holds: "the placement of the database (a group in use cannot be deleted)",
        forceNew: ["name", "namePrefix"],
        citation: { repository: AWS, path: "internal/service/rds/subnet_group.go", version: "01c0800" },
    },
    {
        type: "aws:s3/bucket:Bucket",
        kind: "data",
        holds: "every uploaded object",
        forceNew: ["bucket", "bucketPrefix"],
        citation: { repository: AWS, path: "internal/service/s3/bucket.go", version: "0070bcd" },
    },
    {
        type: "aws:elasticache/replicationGroup:ReplicationGroup",
        kind: "data",
        holds: "the Redis data set (sessions, queues, caches)",
        forceNew: [
            "replicationGroupId", "atRestEncryptionEnabled", "dataTieringEnabled", "globalReplicationGroupId", "kmsKeyId",
            "networkType", "port", "securityGroupNames", "snapshotArns", "snapshotName", "subnetGroupName",
        ],
        citation: { repository: AWS, path: "internal/service/elasticache/replication_group.go", version: "001b636" },
    },
    {
        type: "aws:cloudwatch/logGroup:LogGroup",
        kind: "data",
        holds: "the logs kept for their retention period (the database's error, slow-query and upgrade logs)",
        forceNew: ["name", "namePrefix", "logGroupClass"],
        citation: { repository: AWS, path: "internal/service/logs/group.go", version: "0073593" },
    },
    {
        type: "aws:kms/key:Key",
        kind: "data",
        holds: "the key that decrypts the database, its snapshots and secrets",
        forceNew: ["customKeyStoreId", "customerMasterKeySpec", "keyUsage", "multiRegion", "xksKeyId"],
        citation: { repository: AWS, path: "internal/service/kms/key.go", version: "00a3530" },
    },
    {
        type: "aws:secretsmanager/secret:Secret",
        kind: "data",
        holds: "a secret other systems read by name",
        forceNew: ["name", "namePrefix"],
        citation: { repository: AWS, path: "internal/service/secretsmanager/secret.go", version: "00c21ce" },
    },
    {
        type: "aws:secretsmanager/secretVersion:SecretVersion",
        kind: "data",
        holds: "the current value of a secret",
        forceNew: ["secretId", "secretBinary", "secretString", "secretStringWoVersion"],
        citation: { repository: AWS, path: "internal/service/secretsmanager/secret_version.go", version: "0042e8e" },
    },
    ...["randomPassword:RandomPassword", "randomString:RandomString"].map(
        (t): StatefulType => ({
            type: `random:index/${t}`,
            kind: "data",
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
        type: "postgresql:index/database:Database",
        kind: "data",
        holds: "the app database inside the instance, with every table",
        forceNew: ["template", "encoding", "lcCollate", "lcCtype"],
        citation: { repository: "cyrilgdn/terraform-provider-postgresql", path: "postgresql/resource_postgresql_database.go", version: "v1.26.0" },
    },
    {
        type: "postgresql:index/role:Role",
        kind: "data",
        holds: "a login role the app connects as (renamed in place; dropping it fails while it owns objects)",
        forceNew: [],
        citation: { repository: "cyrilgdn/terraform-provider-postgresql", path: "postgresql/resource_postgresql_role.go", version: "v1.26.0" },
    },
    {
        type: "postgresql:index/schema:Schema",
        kind: "data",
        holds: "the schema holding the app's tables",
        forceNew: ["database"],
        citation: { repository: "cyrilgdn/terraform-provider-postgresql", path: "postgresql/resource_postgresql_schema.go", version: "v1.26.0" },
    },
    {
        type: "upstash:index/redisDatabase:RedisDatabase",
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
        type: "vercel:index/project:Project",
        kind: "data",
        holds: "the Vercel project: deployments, domains, env vars of every environment (shared by the dev and prod stacks)",
        // RequiresReplaceIfConfigured; the name is updated in place.
        forceNew: ["teamId"],
        citation: { repository: "vercel/terraform-provider-vercel", path: "vercel/resource_project.go", version: "v5.10.0" },
    },
    {
        type: "vercel:index/blobStore:BlobStore",
        kind: "data",
        holds: "every uploaded file",
        forceNew: ["name", "access", "region", "teamId"],
        citation: { repository: "vercel/terraform-provider-vercel", path: "vercel/resource_blob_store.go", version: "v5.10.0" },
    },
    // No input of either is ForceNew in v0.11.2 (the version @pulumiverse/sentry 0.0.9 bridges): they are lost by deletion.
    {
        type: "sentry:index/sentryProject:SentryProject",
        kind: "data",
        holds: "the Sentry project: every issue, its events and history, and the alerts and keys attached to it",
        forceNew: [],
        citation: { repository: "jianyuan/terraform-provider-sentry", path: "sentry/resource_sentry_project.go", version: "v0.11.2" },
    },
    {
        type: "sentry:index/sentryKey:SentryKey",
        kind: "data",
        holds: "the Sentry client key whose DSN every deployed build reports with: a new key is a new DSN, and builds holding the old one lose their events once it is deleted",
        forceNew: [],
        citation: { repository: "jianyuan/terraform-provider-sentry", path: "sentry/resource_sentry_key.go", version: "v0.11.2" },
    },
];

/**
 * Provider inputs whose change replaces every resource the provider manages. Not a provider flag: AWS
 * resources live in one region, so the same program against another region creates them anew there, and
 * the old ones stay behind with their data.
 */
export const PROVIDER_REPLACEMENTS: Record<string, { inputs: string[]; why: string }> = {
    "pulumi:providers:aws": {
        inputs: ["region"],
        why: "every AWS resource it manages is created anew in the new region, and the old ones stay behind with their data; a region move is a new stack and a restore (docs/runbooks/changes.md, \"Moving to another region\")",
    },
};

const BY_TYPE = new Map(STATEFUL_TYPES.map((t) => [t.type, t]));

export function statefulType(type: string): StatefulType | undefined {
    return BY_TYPE.get(type);
}

/** A one-line citation: `repository path@version`. */
export function cite(c: Citation): string {
    return `${c.repository} ${c.path}@${c.version}`;
}
