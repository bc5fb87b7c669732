/**
 * Readiness rules: database. An RDS database is encrypted with a key the team controls, forces TLS, keeps
 * its password out of code, can be restored to any point of the retention window, survives a deletion by
 * mistake and an AZ outage, explains itself when slow, and its roles hold only what they need.
 *
 * RDS instances (`aws:rds/instance:Instance`) and Aurora or Multi-AZ clusters (`aws:rds/cluster:Cluster`,
 * `aws:rds/clusterInstance:ClusterInstance`) are covered wherever the same property exists.
 */
import type { PolicyResource } from "@pulumi/policy";
import { z } from "zod";
import { knownOrUndefined, isSet } from "../lib/preview";
import { Inputs, inputsOf } from "../lib/inputs";
import { TYPES } from "../contracts/tokens";
import { resourceRule, Rule, RuleResource, stackRule } from "../lib/rule";

const PG_GRANT_ROLE = "postgresql:index/grantRole:GrantRole";

/**
 * True when `key` holds a value only known after apply (a preview of a resource this stack creates). Reading
 * it through the policy proxy would turn the whole rule into an advisory "can't run during preview", so
 * rules ask first and judge only what the unknown can be.
 */
const isPending = (props: Record<string, unknown>, key: string) => isSet(props, key) && knownOrUndefined(() => props[key]) === undefined;

/** A read replica inherits backups, snapshots and credentials from its source. */
const isReplica = (props: Record<string, unknown>) => isSet(props, "replicateSourceDb");

/**
 * Whether an instance is a read replica, and of a source in its own region: `replicateSourceDb` is the
 * source's identifier there, or an ARN (required across regions) whose region is the provider's.
 */
function replicaOf(resource: RuleResource, providerRegion: unknown): "same-region" | "cross-region" | undefined {
    const instance = inputsOf(resource, TYPES.rdsInstance);
    if (!instance || !isSet(resource.props, "replicateSourceDb")) return undefined;
    const source = knownOrUndefined(() => instance.replicateSourceDb);
    // An identifier computed in the same preview is an instance this stack creates, in this region unless it is an ARN.
    if (typeof source !== "string") return "same-region";
    const arn = /^arn:[^:]+:rds:([^:]+):/.exec(source);
    if (!arn) return "same-region";
    const region = knownOrUndefined(() => instance.region) ?? providerRegion;
    return typeof region === "string" && region === arn[1] ? "same-region" : "cross-region";
}

/** Parameter that forces TLS per parameter-group family, and the values that mean "forced". */
const TLS_PARAMETERS: ReadonlyArray<{ family: RegExp; parameter: string; values: string[] }> = [
    { family: /^(aurora-)?postgres/, parameter: "rds.force_ssl", values: ["1"] },
    { family: /^(aurora-mysql|mysql|mariadb)/, parameter: "require_secure_transport", values: ["1", "ON"] },
];
/** Engines whose TLS can only be forced by a custom parameter group. */
const TLS_ENGINES = /^(postgres|aurora-postgresql|mysql|aurora-mysql|mariadb)$/;

function tlsParameterOf(family: unknown) {
    return typeof family === "string" ? TLS_PARAMETERS.find((t) => t.family.test(family)) : undefined;
}

/** One `parameters` entry of a (cluster) parameter group, as the provider's schema has it. */
type ParameterEntry = { name: string; value: unknown; applyMethod?: unknown };

/** Why a parameter group does not force TLS, or undefined when it does (or its family has no such parameter). */
function tlsProblem(props: Record<string, unknown>): string | undefined {
    const tls = tlsParameterOf(props.family);
    if (!tls) return undefined;
    // Every entry is read: the provider keeps `parameter` as a set hashed on name, apply method and value, so two
    // entries of one name with different values are both sent, in hash order rather than the order written, and
    // either may be the one RDS keeps (hashicorp/terraform-provider-aws, internal/service/rds/parameter_group.go,
    // `resourceParameterHash` and `parameterGroupModifyChunk`, commit 2bf0eb1701b4d963203b07b619337250fb1c6845).
    const entries = (Array.isArray(props.parameters) ? (props.parameters as unknown[]) : []).filter(
        (p): p is ParameterEntry => typeof (p as Partial<ParameterEntry> | null)?.name === "string" && (p as ParameterEntry).name.trim().toLowerCase() === tls.parameter,
    );
    if (entries.length === 0) return `does not set ${tls.parameter}, so TLS depends on the family default (${props.family})`;
    const weak = entries.filter((entry) => !tls.values.includes(String(entry.value).trim().toUpperCase()));
    if (weak.length === 0) return undefined;
    const also = entries.length > 1 ? ` (${entries.length} entries name it, and the provider does not apply them in the order written)` : "";
    return `sets ${tls.parameter} = ${weak[0].value}${also}, which lets clients connect without TLS`;
}

const usesDefaultGroup = (name: unknown) => name === undefined || name === null || name === "" || (typeof name === "string" && name.startsWith("default."));

export const rdsStorageEncrypted = resourceRule({
    name: "rds-storage-encrypted",
    description: "Every RDS instance and cluster encrypts its storage with a customer-managed KMS key.",
    severity: "critical",
    category: "security",
    remediation: "Create the database through the template's Postgres component (components/database.ts), which sets `storageEncrypted: true` and `kmsKeyId` to its own rotating key; never rely on the AWS-managed `aws/rds` key.",
    types: [TYPES.rdsInstance, TYPES.rdsCluster],
    validate(resource, _config, report, args) {
        const p = resource.props;
        const replica = replicaOf(resource, args.provider?.props.region);
        // A same-region read replica is encrypted with its source's key, whatever it says itself.
        if (replica === "same-region") return;
        // A cross-region replica takes the source's encryption but needs a key of its own region (kmsKeyId).
        if (replica === undefined && p.storageEncrypted !== true) report(`${resource.name} does not encrypt its storage (storageEncrypted is ${p.storageEncrypted ?? "unset"}).`);
        // A key id known only after apply comes from a key this stack creates: a customer key by construction.
        if (isPending(p, "kmsKeyId")) return;
        const key = p.kmsKeyId;
        if (typeof key !== "string" || key === "") report(`${resource.name} has no kmsKeyId, so RDS uses the AWS-managed aws/rds key, whose policy and rotation the team cannot control.`);
        else if (/(^|:)alias\/aws\//.test(key)) report(`${resource.name} uses the AWS-managed key ${key}; use a customer-managed key.`);
    },
});

export const rdsTlsEnforced = resourceRule({
    name: "rds-tls-enforced",
    description: "Every Postgres or MySQL parameter group forces TLS, and every such database uses a custom parameter group rather than a default one.",
    severity: "critical",
    category: "security",
    remediation: "Use the template's Postgres component, whose parameter group sets `rds.force_ssl` = 1 explicitly (the default differs by major version); for MySQL-family groups set `require_secure_transport` = ON.",
    types: [TYPES.rdsParameterGroup, TYPES.rdsClusterParameterGroup, TYPES.rdsInstance, TYPES.rdsCluster],
    validate(resource, _config, report) {
        const p = resource.props;
        if (resource.type === TYPES.rdsParameterGroup || resource.type === TYPES.rdsClusterParameterGroup) {
            const problem = tlsProblem(p);
            if (problem) report(`${resource.name} ${problem}.`);
            return;
        }
        if (!TLS_ENGINES.test(String(p.engine ?? ""))) return;
        const key = resource.type === TYPES.rdsInstance ? "parameterGroupName" : "dbClusterParameterGroupName";
        // A group name known only after apply belongs to a group this stack creates, which this rule checks itself.
        if (isPending(p, key)) return;
        if (usesDefaultGroup(p[key])) {
            report(`${resource.name} uses ${p[key] ? `the default parameter group ${p[key]}` : "no parameter group (so the default one)"}, which cannot force TLS; set ${key} to a group that does.`);
        }
    },
});

/** Parameter groups of the stack by name, and clusters by identifier, from outputs. */
function index(resources: PolicyResource[]) {
    const groups = new Map<string, PolicyResource>();
    const clusters = new Map<string, PolicyResource>();
    for (const r of resources) {
        if (r.type === TYPES.rdsParameterGroup || r.type === TYPES.rdsClusterParameterGroup) groups.set(`${r.type}|${r.props.name}`, r);
        if (r.type === TYPES.rdsCluster) clusters.set(String(r.props.clusterIdentifier), r);
    }
    return { groups, clusters };
}

export const rdsNotPublicWithoutTls = stackRule({
    name: "rds-not-public-without-tls",
    description: "A publicly accessible database uses a parameter group of this stack that forces TLS.",
    severity: "critical",
    category: "security",
    remediation:
        "Keep `service:reachability` public only with the template's Postgres component, which links the instance to its own parameter group (`rds.force_ssl` = 1) by name; or switch to `private` reachability (Vercel Secure Compute) so the database has no public endpoint.",
    validate(resources, _config, report) {
        const { groups, clusters } = index(resources);
        const judge = (r: PolicyResource, groupType: string, groupName: unknown, via: string) => {
            if (usesDefaultGroup(groupName)) {
                report(`${r.name} is publicly accessible and uses ${groupName ? `the default parameter group ${groupName}` : "the default parameter group"}, which does not force TLS.`, r as RuleResource);
                return;
            }
            const group = groups.get(`${groupType}|${groupName}`);
            if (!group) {
                report(`${r.name} is publicly accessible and uses parameter group ${groupName}${via}, which this stack does not define, so forced TLS cannot be verified.`, r as RuleResource);
                return;
            }
            const problem = tlsProblem(group.props);
            if (problem) report(`${r.name} is publicly accessible and its parameter group ${groupName}${via} ${problem}.`, r as RuleResource);
        };
        for (const r of resources) {
            if (r.type === TYPES.rdsInstance && r.props.publiclyAccessible === true && TLS_ENGINES.test(String(r.props.engine ?? ""))) {
                judge(r, TYPES.rdsParameterGroup, r.props.parameterGroupName, "");
            } else if (r.type === TYPES.rdsClusterInstance && r.props.publiclyAccessible === true) {
                const cluster = clusters.get(String(r.props.clusterIdentifier));
                if (!cluster) {
                    report(`${r.name} is publicly accessible in cluster ${r.props.clusterIdentifier}, which this stack does not define, so forced TLS cannot be verified.`, r as RuleResource);
                } else if (TLS_ENGINES.test(String(cluster.props.engine ?? ""))) {
                    judge(r, TYPES.rdsClusterParameterGroup, cluster.props.dbClusterParameterGroupName, ` (of cluster ${cluster.name})`);
                }
            }
        }
    },
});

export const rdsBackupRetention = resourceRule({
    name: "rds-backup-retention",
    description: "Every RDS instance and cluster keeps automated backups, and with them point-in-time restore, for at least the configured number of days.",
    severity: "high",
    category: "durability",
    remediation: "Raise `service:database.backupRetentionDays` (up to 35) to at least this rule's `minimumDays` for the environment (policies/config/<environment>.json).",
    types: [TYPES.rdsInstance, TYPES.rdsCluster],
    config: {
        /** Days of backups required; 0 would disable point-in-time restore entirely. */
        minimumDays: z.number().int().min(1).max(35).default(7),
    },
    validate(resource, config, report) {
        const p = resource.props;
        if (isReplica(p)) return;
        // RDS keeps 1 day when the property is left out.
        const days = p.backupRetentionPeriod ?? 1;
        if (typeof days !== "number" || days < config.minimumDays) {
            report(`${resource.name} keeps ${days} day(s) of backups${p.backupRetentionPeriod === undefined ? " (RDS's default, as backupRetentionPeriod is unset)" : ""}; at least ${config.minimumDays} are required.`);
        }
    },
});

export const rdsDeletionProtection = resourceRule({
    name: "rds-deletion-protection",
    description: "Every RDS instance and cluster has deletion protection on, so no API call or replacement can delete it.",
    severity: "high",
    category: "durability",
    remediation: "Set `service:database.deletionProtection: true` (the prod preset does); to delete a database on purpose, turn it off in a reviewed change first.",
    types: [TYPES.rdsInstance, TYPES.rdsCluster],
    validate(resource, _config, report) {
        // Deleting a read replica loses no data (its source holds it all); promoting one removes
        // replicateSourceDb, and from then on this rule holds it to deletion protection like any primary.
        if (resource.type === TYPES.rdsInstance && isReplica(resource.props)) return;
        if (resource.props.deletionProtection !== true) report(`${resource.name} has deletion protection off.`);
    },
});

export const rdsFinalSnapshot = resourceRule({
    name: "rds-final-snapshot",
    description: "Deleting an RDS instance or cluster leaves a named final snapshot and keeps its automated backups.",
    severity: "high",
    category: "durability",
    remediation: "Set `service:database.finalSnapshot: true` (the prod preset does): the template then sets `skipFinalSnapshot: false`, a `finalSnapshotIdentifier` and `deleteAutomatedBackups: false`.",
    types: [TYPES.rdsInstance, TYPES.rdsCluster],
    validate(resource, _config, report) {
        const p = resource.props;
        if (isReplica(p)) return;
        const problems: string[] = [];
        if (p.skipFinalSnapshot === true) problems.push("skips the final snapshot");
        else if (!isSet(p, "finalSnapshotIdentifier")) problems.push("names no finalSnapshotIdentifier");
        // RDS deletes automated backups with the instance unless told otherwise.
        if (p.deleteAutomatedBackups !== false) problems.push("deletes its automated backups with it (deleteAutomatedBackups is not false)");
        if (problems.length > 0) report(`On deletion ${resource.name} ${problems.join(" and ")}.`);
    },
});

export const rdsMultiAz = resourceRule({
    name: "rds-multi-az",
    description: "Every RDS instance runs Multi-AZ, so an availability-zone outage or a host failure fails over instead of taking the database down.",
    severity: "medium",
    category: "availability",
    remediation: "Set `service:database.multiAz: true` (the prod preset does).",
    types: [TYPES.rdsInstance],
    validate(resource, _config, report) {
        // A read replica serves reads only: losing it does not take the database down, and the availability of
        // writes is its source's, which this rule judges on the source itself.
        if (isReplica(resource.props)) return;
        if (resource.props.multiAz !== true) report(`${resource.name} runs in a single availability zone.`);
    },
});

export const rdsMasterPasswordManaged = resourceRule({
    name: "rds-master-password-managed",
    description: "RDS keeps the master password in Secrets Manager and rotates it; no password is given in code or config.",
    severity: "high",
    category: "security",
    remediation: "Set `manageMasterUserPassword: true` and remove `password`/`masterPassword` (the template's Postgres component does); give the app its own role instead of the master user.",
    types: [TYPES.rdsInstance, TYPES.rdsCluster],
    validate(resource, _config, report) {
        const p = resource.props;
        if (isReplica(p)) return;
        const plain = (resource.type === TYPES.rdsInstance ? ["password", "passwordWo"] : ["masterPassword", "masterPasswordWo"]).filter((k) => isSet(p, k));
        if (plain.length > 0) report(`${resource.name} sets ${plain.join(" and ")}: the master password then lives in the program and its state.`);
        if (p.manageMasterUserPassword !== true) report(`${resource.name} does not let RDS manage the master password (manageMasterUserPassword is not true), so it is never rotated.`);
    },
});

export const rdsMonitoring = resourceRule({
    name: "rds-monitoring",
    description: "Every RDS database has Performance Insights, enhanced monitoring and its logs exported to CloudWatch.",
    severity: "medium",
    category: "observability",
    remediation: "Set `service:database.monitoringIntervalSeconds` above 0 (the prod preset uses 60); the template's Postgres component turns on Performance Insights and exports the postgresql and upgrade logs.",
    types: [TYPES.rdsInstance, TYPES.rdsCluster, TYPES.rdsClusterInstance],
    config: {
        /** Log types a Postgres instance must export. */
        postgresLogExports: z.array(z.string()).default(["postgresql"]),
    },
    validate(resource, config, report) {
        const p = resource.props;
        const problems: string[] = [];
        // Aurora clusters take Performance Insights and monitoring on their instances; Multi-AZ DB clusters
        // (those with a dbClusterInstanceClass) on the cluster itself.
        if (resource.type !== TYPES.rdsCluster || isSet(p, "dbClusterInstanceClass")) {
            if (p.performanceInsightsEnabled !== true) problems.push("Performance Insights is off");
            if (!(typeof p.monitoringInterval === "number" && p.monitoringInterval > 0)) problems.push("enhanced monitoring is off (monitoringInterval is 0 or unset)");
            else if (!isSet(p, "monitoringRoleArn")) problems.push("enhanced monitoring has no monitoringRoleArn");
        }
        if (resource.type !== TYPES.rdsClusterInstance) {
            const exports: unknown[] = Array.isArray(p.enabledCloudwatchLogsExports) ? p.enabledCloudwatchLogsExports : [];
            const postgres = /postgres/.test(String(p.engine ?? ""));
            const missing = postgres ? config.postgresLogExports.filter((l) => !exports.includes(l)) : [];
            if (missing.length > 0) problems.push(`logs ${missing.join(", ")} are not exported to CloudWatch`);
            else if (exports.length === 0) problems.push("no logs are exported to CloudWatch");
        }
        if (problems.length > 0) report(`${resource.name}: ${problems.join("; ")}.`);
    },
});

export const rdsNoExtendedSupport = resourceRule({
    name: "rds-no-extended-support",
    description: "No RDS database opts into paid RDS Extended Support when its major version reaches end of standard support.",
    severity: "medium",
    category: "cost",
    remediation: "Set `engineLifecycleSupport: \"open-source-rds-extended-support-disabled\"` (the template's Postgres component does) and plan major upgrades via `service:database.engineVersion`.",
    types: [TYPES.rdsInstance, TYPES.rdsCluster],
    validate(resource, _config, report) {
        const value = resource.props.engineLifecycleSupport;
        if (value !== "open-source-rds-extended-support-disabled") {
            report(`${resource.name} ${value ? `sets engineLifecycleSupport to ${value}` : "leaves engineLifecycleSupport unset, and RDS's default"} enrols it in paid Extended Support once its major version leaves standard support.`);
        }
    },
});

export const rdsMinorVersionUpgrade = resourceRule({
    name: "rds-minor-version-upgrade",
    description: "Every RDS database takes minor engine versions automatically in its maintenance window, so security fixes land without a ticket.",
    severity: "medium",
    category: "security",
    remediation: "Leave `autoMinorVersionUpgrade` on (the template's Postgres component sets it) and pin only the major version (`service:database.engineVersion`).",
    types: [TYPES.rdsInstance, TYPES.rdsCluster, TYPES.rdsClusterInstance],
    validate(resource, _config, report) {
        if (resource.props.autoMinorVersionUpgrade === false) report(`${resource.name} turns automatic minor version upgrades off.`);
    },
});

export const rdsStorageAutoscaling = resourceRule({
    name: "rds-storage-autoscaling",
    description: "Every RDS instance can grow its storage on its own (maxAllocatedStorage above allocatedStorage), so a full disk does not stop the database.",
    severity: "medium",
    category: "availability",
    remediation: "Set `service:database.maxAllocatedStorageGb` above `service:database.allocatedStorageGb`.",
    types: [TYPES.rdsInstance],
    validate(resource, _config, report) {
        const p = resource.props;
        const max = p.maxAllocatedStorage;
        const allocated = typeof p.allocatedStorage === "number" ? p.allocatedStorage : 0;
        if (!(typeof max === "number" && max > allocated)) {
            report(`${resource.name} cannot autoscale its storage (maxAllocatedStorage ${max ?? "unset"}, allocatedStorage ${p.allocatedStorage ?? "unset"}).`);
        }
    },
});

export const rdsCopyTagsToSnapshot = resourceRule({
    name: "rds-copy-tags-to-snapshot",
    description: "Every RDS instance and cluster copies its tags to its snapshots, so a snapshot still names its service, owner and environment.",
    severity: "low",
    category: "governance",
    remediation: "Set `copyTagsToSnapshot: true` (the template's Postgres component does).",
    types: [TYPES.rdsInstance, TYPES.rdsCluster],
    validate(resource, _config, report) {
        if (resource.props.copyTagsToSnapshot !== true) report(`${resource.name} does not copy its tags to snapshots.`);
    },
});

const PI_KEY = "performanceInsightsKmsKeyId" satisfies keyof Inputs<typeof TYPES.rdsInstance> & keyof Inputs<typeof TYPES.rdsCluster>;

export const rdsPerformanceInsightsEncrypted = resourceRule({
    name: "rds-performance-insights-encrypted",
    description: "Every RDS database with Performance Insights encrypts it with a customer-managed KMS key: its samples hold query texts and the data in them.",
    severity: "medium",
    category: "security",
    remediation: "Set `performanceInsightsKmsKeyId` to the database's own key (the template's Postgres component passes its storage key); the AWS-managed aws/rds key cannot be scoped or audited by the team.",
    types: [TYPES.rdsInstance, TYPES.rdsCluster, TYPES.rdsClusterInstance],
    validate(resource, _config, report) {
        const p = resource.props;
        const db = inputsOf(resource, TYPES.rdsInstance) ?? inputsOf(resource, TYPES.rdsClusterInstance) ?? inputsOf(resource, TYPES.rdsCluster);
        if (db?.performanceInsightsEnabled !== true) return;
        // A key id known only after apply comes from a key this stack creates: a customer key by construction.
        if (isPending(p, PI_KEY)) return;
        const value = p[PI_KEY];
        if (typeof value !== "string" || value === "") report(`${resource.name} turns Performance Insights on without ${PI_KEY}, so its samples are encrypted with the AWS-managed aws/rds key.`);
        else if (/(^|:)alias\/aws\//.test(value)) report(`${resource.name} encrypts Performance Insights with the AWS-managed key ${value}; use a customer-managed key.`);
    },
});

/** Certificate authorities RDS still issues server certificates from (rds-ca-2019 expired in August 2024). */
const CURRENT_CAS = ["rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1"];

export const rdsCaCertificateCurrent = resourceRule({
    name: "rds-ca-certificate-current",
    description: "Every RDS database presents a server certificate from a current certificate authority, so clients that verify TLS keep connecting.",
    severity: "medium",
    category: "security",
    remediation: "Set `caCertIdentifier` to `rds-ca-rsa2048-g1` (the template's Postgres component does), `rds-ca-rsa4096-g1` or `rds-ca-ecc384-g1`, or leave it unset for RDS's current default; clients verify against AWS's global CA bundle.",
    types: [TYPES.rdsInstance, TYPES.rdsClusterInstance, TYPES.rdsCluster],
    config: { allowed: z.array(z.string().min(1)).min(1).default(CURRENT_CAS) },
    validate(resource, config, report) {
        const value = inputsOf(resource, TYPES.rdsInstance)?.caCertIdentifier ?? inputsOf(resource, TYPES.rdsClusterInstance)?.caCertIdentifier ?? inputsOf(resource, TYPES.rdsCluster)?.caCertificateIdentifier;
        if (typeof value === "string" && value !== "" && !config.allowed.includes(value)) {
            report(`${resource.name} uses the certificate authority ${value}; use one of ${config.allowed.join(", ")}.`);
        }
    },
});

/** Attributes no login role of an app needs; each lets a leaked credential reach far beyond the app's data. */
const ROLE_ATTRIBUTES = ["superuser", "createDatabase", "createRole", "replication", "bypassRowLevelSecurity"] as const;
/** Built-in roles whose membership amounts to superuser-like reach. */
const POWERFUL_ROLES = new Set(["rds_superuser", "rds_replication", "rds_password", "pg_write_all_data", "pg_read_server_files", "pg_write_server_files", "pg_execute_server_program"]);
/** Object types on which ALL includes the power to change structure or membership, not just data. */
const ALL_FORBIDDEN_ON = new Set(["database", "schema", "table"]);

export const postgresRoleLeastPrivilege = resourceRule({
    name: "postgres-role-least-privilege",
    description: "Postgres roles hold no administrative attributes, login roles have a connection limit, and no role is granted ALL on a database, schema or tables, a grant option, or a superuser-like built-in role.",
    severity: "high",
    category: "security",
    remediation:
        "Use the roles of the template's Postgres component: the migration role owns the schema (ownership carries every privilege, no ALL grant needed), the app role gets SELECT/INSERT/UPDATE/DELETE, the read-only role SELECT; connection limits come from `service:database.appConnectionShare` and the instance class.",
    types: [TYPES.postgresRole, TYPES.postgresGrant, TYPES.postgresDefaultPrivileges, PG_GRANT_ROLE],
    validate(resource, _config, report) {
        const p = resource.props;
        if (resource.type === TYPES.postgresRole) {
            const attributes = ROLE_ATTRIBUTES.filter((a) => p[a] === true);
            if (attributes.length > 0) report(`Role ${p.name ?? resource.name} has ${attributes.join(", ")}.`);
            const memberships = (Array.isArray(p.roles) ? p.roles : []).filter((r: unknown) => POWERFUL_ROLES.has(String(r)));
            if (memberships.length > 0) report(`Role ${p.name ?? resource.name} is a member of ${memberships.join(", ")}.`);
            if (p.login === true && !(typeof p.connectionLimit === "number" && p.connectionLimit >= 0)) {
                report(`Login role ${p.name ?? resource.name} has no connection limit (connectionLimit ${p.connectionLimit ?? "unset"} means unlimited), so it can exhaust max_connections for everyone.`);
            }
            return;
        }
        if (resource.type === PG_GRANT_ROLE) {
            if (POWERFUL_ROLES.has(String(p.grantRole))) report(`${resource.name} makes ${p.role} a member of ${p.grantRole}.`);
            if (p.withAdminOption === true) report(`${resource.name} lets ${p.role} grant ${p.grantRole} to others (withAdminOption).`);
            return;
        }
        const privileges: string[] = (Array.isArray(p.privileges) ? p.privileges : []).map((x: unknown) => String(x).toUpperCase());
        const objectType = String(p.objectType ?? "").toLowerCase();
        if (ALL_FORBIDDEN_ON.has(objectType) && privileges.some((x) => x === "ALL" || x === "ALL PRIVILEGES")) {
            report(`${resource.name} grants ALL on ${objectType} to ${p.role}; grant the specific privileges the role needs (the schema owner needs none).`);
        }
        if (p.withGrantOption === true) report(`${resource.name} lets ${p.role} pass its ${objectType} privileges on (withGrantOption).`);
    },
});

export const databaseRules: Rule[] = [
    rdsStorageEncrypted,
    rdsTlsEnforced,
    rdsNotPublicWithoutTls,
    rdsMasterPasswordManaged,
    rdsBackupRetention,
    rdsDeletionProtection,
    rdsFinalSnapshot,
    rdsMultiAz,
    rdsMonitoring,
    rdsNoExtendedSupport,
    rdsMinorVersionUpgrade,
    rdsStorageAutoscaling,
    rdsCopyTagsToSnapshot,
    postgresRoleLeastPrivilege,
    rdsPerformanceInsightsEncrypted,
    rdsCaCertificateCurrent,
];
