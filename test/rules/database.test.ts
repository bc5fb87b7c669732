import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertFires, assertQuiet, checkVariant, evaluate, reportFires, secret, SyntheticResource, UNKNOWN } from "../support";

const INSTANCE = "aws:rds/instance:Instance";
const PARAMETER_GROUP = "aws:rds/parameterGroup:ParameterGroup";

/** A parameter group and an instance as the template declares them: every rule of this area stays quiet. */
function goodParameterGroup(parameters: Array<{ name: string; value: string }> = [{ name: "rds.force_ssl", value: "1" }]): SyntheticResource {
    return { type: PARAMETER_GROUP, name: "pg", inputs: { name: "svc-prod-postgres17", family: "postgres17", parameters } };
}

/** The template's instance with `overrides`; an override of `undefined` removes the property. */
function goodInstance(overrides: Record<string, unknown> = {}, name = "db"): SyntheticResource {
    const inputs: Record<string, unknown> = {
        identifier: "svc-prod-postgres",
        engine: "postgres",
        engineVersion: "17",
        instanceClass: "db.t4g.medium",
        allocatedStorage: 50,
        maxAllocatedStorage: 500,
        storageEncrypted: true,
        kmsKeyId: "arn:aws:kms:us-east-1:111111111111:key/abcd",
        username: "dbadmin",
        manageMasterUserPassword: true,
        parameterGroupName: "svc-prod-postgres17",
        publiclyAccessible: true,
        multiAz: true,
        backupRetentionPeriod: 14,
        deletionProtection: true,
        skipFinalSnapshot: false,
        finalSnapshotIdentifier: "svc-prod-postgres-final",
        deleteAutomatedBackups: false,
        copyTagsToSnapshot: true,
        performanceInsightsEnabled: true,
        performanceInsightsKmsKeyId: "arn:aws:kms:us-east-1:111111111111:key/abcd",
        caCertIdentifier: "rds-ca-rsa2048-g1",
        monitoringInterval: 60,
        monitoringRoleArn: "arn:aws:iam::111111111111:role/svc-prod-postgres-monitoring",
        enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
        autoMinorVersionUpgrade: true,
        engineLifecycleSupport: "open-source-rds-extended-support-disabled",
        ...overrides,
    };
    for (const [k, v] of Object.entries(inputs)) if (v === undefined) delete inputs[k];
    return { type: INSTANCE, name, inputs };
}

const DATABASE_RULES = [
    "rds-storage-encrypted",
    "rds-tls-enforced",
    "rds-not-public-without-tls",
    "rds-master-password-managed",
    "rds-backup-retention",
    "rds-deletion-protection",
    "rds-final-snapshot",
    "rds-multi-az",
    "rds-monitoring",
    "rds-no-extended-support",
    "rds-minor-version-upgrade",
    "rds-storage-autoscaling",
    "rds-copy-tags-to-snapshot",
    "kms-key-rotation",
    "postgres-role-least-privilege",
    "rds-performance-insights-encrypted",
    "rds-ca-certificate-current",
];

/** Evaluates one instance (next to a TLS-forcing group) with `overrides`, in prod unless told. */
const withInstance = (overrides: Record<string, unknown>, environment = "prod") => evaluate([goodParameterGroup(), goodInstance(overrides)], { environment });

describe("database rules on the template's own shape", () => {
    it("stay quiet on an instance declared like the template's, in dev and prod", async () => {
        for (const environment of ["dev", "prod"]) {
            const diags = await evaluate([goodParameterGroup(), goodInstance(), { type: "aws:kms/key:Key", name: "key", inputs: { enableKeyRotation: true } }], { environment });
            for (const rule of DATABASE_RULES) assertQuiet(diags, rule);
        }
    });

    it("judge a first preview on what is known: a pending key or group id is the stack's own", async () => {
        const diags = await withInstance({ kmsKeyId: UNKNOWN, parameterGroupName: UNKNOWN, monitoringRoleArn: UNKNOWN, storageEncrypted: false });
        assertFires(diags, "rds-storage-encrypted", "db", "mandatory");
        assert.ok(!diags.some((d) => d.message.startsWith("can't run policy 'rds-storage-encrypted'")), "the rule must keep its level in preview");
        for (const rule of ["rds-tls-enforced", "rds-monitoring"]) assertQuiet(diags, rule);
    });
});

describe("rds-storage-encrypted", () => {
    it("fires on unencrypted storage, a missing key and the AWS-managed key, mandatory in dev", async () => {
        assertFires(await withInstance({ storageEncrypted: false }, "dev"), "rds-storage-encrypted", "db", "mandatory");
        assertFires(await withInstance({ kmsKeyId: undefined }), "rds-storage-encrypted", "db", "mandatory");
        const [v] = assertFires(await withInstance({ kmsKeyId: "arn:aws:kms:us-east-1:111111111111:alias/aws/rds" }), "rds-storage-encrypted", "db");
        assert.match(v.message, /AWS-managed/);
    });

    it("covers Aurora clusters", async () => {
        const cluster = { type: "aws:rds/cluster:Cluster", name: "aurora", inputs: { engine: "aurora-postgresql", storageEncrypted: true } };
        assertFires(await evaluate([cluster]), "rds-storage-encrypted", "aurora");
    });

    const replica = (replicateSourceDb: unknown, extra: Record<string, unknown> = {}) =>
        goodInstance({ replicateSourceDb, storageEncrypted: undefined, kmsKeyId: undefined, identifier: "svc-prod-postgres-replica", ...extra }, "replica");
    const provider: SyntheticResource = { type: "pulumi:providers:aws", name: "aws", inputs: { region: "us-east-1" } };

    it("stays quiet on a same-region read replica, which inherits its source's encryption and key", async () => {
        const byIdentifier = await evaluate([goodParameterGroup(), goodInstance(), replica("svc-prod-postgres")]);
        assertQuiet(byIdentifier, "rds-storage-encrypted", "replica");
        const computed = await evaluate([goodParameterGroup(), replica(UNKNOWN)]);
        assertQuiet(computed, "rds-storage-encrypted", "replica");
        const sameRegionArn = await evaluate([provider, { ...replica("arn:aws:rds:us-east-1:111111111111:db:svc-prod-postgres"), provider: "aws" }]);
        assertQuiet(sameRegionArn, "rds-storage-encrypted", "replica");
    });

    it("fires on a cross-region replica without a key of its own region, and not on one with it", async () => {
        const source = "arn:aws:rds:eu-west-1:111111111111:db:svc-prod-postgres";
        const [v] = assertFires(await evaluate([provider, { ...replica(source), provider: "aws" }]), "rds-storage-encrypted", "replica", "mandatory");
        assert.match(v.message, /kmsKeyId/);
        assertQuiet(await evaluate([provider, { ...replica(source, { kmsKeyId: "arn:aws:kms:us-east-1:111111111111:key/replica" }), provider: "aws" }]), "rds-storage-encrypted", "replica");
    });
});

describe("rds-tls-enforced", () => {
    it("fires on a Postgres group without rds.force_ssl or with it off, and on MySQL-family groups alike", async () => {
        const diags = await evaluate([
            { type: PARAMETER_GROUP, name: "no-force", inputs: { name: "a", family: "postgres17", parameters: [{ name: "log_lock_waits", value: "1" }] } },
            { type: PARAMETER_GROUP, name: "force-off", inputs: { name: "b", family: "postgres16", parameters: [{ name: "rds.force_ssl", value: "0" }] } },
            { type: "aws:rds/clusterParameterGroup:ClusterParameterGroup", name: "aurora", inputs: { name: "c", family: "aurora-postgresql16", parameters: [] } },
            { type: PARAMETER_GROUP, name: "mysql", inputs: { name: "d", family: "mysql8.0", parameters: [{ name: "require_secure_transport", value: "OFF" }] } },
        ]);
        for (const name of ["no-force", "force-off", "aurora", "mysql"]) assertFires(diags, "rds-tls-enforced", name, "mandatory");
    });

    it("fires on an instance with no parameter group or a default one", async () => {
        assertFires(await withInstance({ parameterGroupName: undefined }), "rds-tls-enforced", "db");
        assertFires(await withInstance({ parameterGroupName: "default.postgres17" }), "rds-tls-enforced", "db");
    });

    it("stays quiet on TLS forced in either spelling and on engines without the parameter", async () => {
        const diags = await evaluate([
            goodParameterGroup(),
            { type: PARAMETER_GROUP, name: "mysql", inputs: { name: "m", family: "mysql8.0", parameters: [{ name: "require_secure_transport", value: "ON" }] } },
            { type: PARAMETER_GROUP, name: "oracle", inputs: { name: "o", family: "oracle-ee-19", parameters: [] } },
        ]);
        assertQuiet(diags, "rds-tls-enforced");
    });
});

describe("rds-not-public-without-tls", () => {
    it("fires when a public instance's group does not force TLS or is not in the stack", async () => {
        const weak = await evaluate([goodParameterGroup([{ name: "rds.force_ssl", value: "0" }]), goodInstance()]);
        const [v] = assertFires(weak, "rds-not-public-without-tls", "db", "mandatory");
        assert.equal(v.phase, "stack");
        assertFires(await evaluate([goodInstance({ parameterGroupName: "someone-elses-group" })]), "rds-not-public-without-tls", "db");
    });

    it("follows a public Aurora instance to its cluster's group", async () => {
        const diags = await evaluate([
            { type: "aws:rds/cluster:Cluster", name: "aurora", inputs: { clusterIdentifier: "aurora-1", engine: "aurora-postgresql", dbClusterParameterGroupName: "aurora-params" } },
            { type: "aws:rds/clusterParameterGroup:ClusterParameterGroup", name: "aurora-params", inputs: { name: "aurora-params", family: "aurora-postgresql16", parameters: [] } },
            { type: "aws:rds/clusterInstance:ClusterInstance", name: "aurora-1a", inputs: { clusterIdentifier: "aurora-1", publiclyAccessible: true } },
        ]);
        assertFires(diags, "rds-not-public-without-tls", "aurora-1a");
    });

    it("stays quiet on a public instance linked to its TLS-forcing group, and on private instances", async () => {
        assertQuiet(await evaluate([goodParameterGroup(), goodInstance()]), "rds-not-public-without-tls");
        assertQuiet(await evaluate([goodInstance({ publiclyAccessible: false, parameterGroupName: "external" })]), "rds-not-public-without-tls");
    });
});

describe("rds-master-password-managed", () => {
    it("fires on a plain password (even an unknown one) and on an unmanaged password", async () => {
        assertFires(await withInstance({ password: secret("hunter22hunter22") }), "rds-master-password-managed", "db", "mandatory");
        const pending = await withInstance({ password: UNKNOWN });
        assertFires(pending, "rds-master-password-managed", "db", "mandatory");
        assertFires(await withInstance({ manageMasterUserPassword: false }, "dev"), "rds-master-password-managed", "db", "mandatory");
        const cluster = { type: "aws:rds/cluster:Cluster", name: "aurora", inputs: { engine: "aurora-postgresql", masterPassword: secret("x") } };
        assertFires(await evaluate([cluster]), "rds-master-password-managed", "aurora");
    });

    it("leaves read replicas alone: they inherit the source's credentials", async () => {
        assertQuiet(await withInstance({ manageMasterUserPassword: undefined, replicateSourceDb: "svc-prod-postgres" }), "rds-master-password-managed");
    });
});

describe("rds-backup-retention", () => {
    it("requires 14 days in prod and 1 in dev, counting an unset period as RDS's 1 day", async () => {
        assertFires(await withInstance({ backupRetentionPeriod: 7 }), "rds-backup-retention", "db", "mandatory");
        assertFires(await withInstance({ backupRetentionPeriod: undefined }), "rds-backup-retention", "db", "mandatory");
        assertQuiet(await withInstance({ backupRetentionPeriod: 1 }, "dev"), "rds-backup-retention");
        assertFires(await withInstance({ backupRetentionPeriod: 0 }, "dev"), "rds-backup-retention", "db", "advisory");
    });

    it("catches a prod stack with 3 days of backups", async () => {
        reportFires(await checkVariant("prod", { "service:database": { backupRetentionDays: 3 } }), "rds-backup-retention");
    });
});

describe("durability and availability of the instance", () => {
    it("fire on the synthetic mistakes: advisory in dev, mandatory in prod", async () => {
        const cases: Array<[string, Record<string, unknown>]> = [
            ["rds-deletion-protection", { deletionProtection: false }],
            ["rds-final-snapshot", { skipFinalSnapshot: true }],
            ["rds-final-snapshot", { finalSnapshotIdentifier: undefined }],
            ["rds-final-snapshot", { deleteAutomatedBackups: undefined }],
            ["rds-multi-az", { multiAz: false }],
            ["rds-monitoring", { performanceInsightsEnabled: false }],
            ["rds-monitoring", { monitoringInterval: 0 }],
            ["rds-monitoring", { monitoringRoleArn: undefined }],
            ["rds-monitoring", { enabledCloudwatchLogsExports: ["upgrade"] }],
            ["rds-no-extended-support", { engineLifecycleSupport: undefined }],
            ["rds-no-extended-support", { engineLifecycleSupport: "open-source-rds-extended-support" }],
            ["rds-storage-autoscaling", { maxAllocatedStorage: undefined }],
            ["rds-storage-autoscaling", { maxAllocatedStorage: 50 }],
            ["rds-copy-tags-to-snapshot", { copyTagsToSnapshot: false }],
        ];
        for (const [rule, overrides] of cases) {
            assertFires(await withInstance(overrides), rule, "db", "mandatory");
            assertFires(await withInstance(overrides, "dev"), rule, "db", "advisory");
        }
    });

    it("rds-minor-version-upgrade is security: mandatory even in dev", async () => {
        assertFires(await withInstance({ autoMinorVersionUpgrade: false }, "dev"), "rds-minor-version-upgrade", "db", "mandatory");
        assertQuiet(await withInstance({ autoMinorVersionUpgrade: undefined }), "rds-minor-version-upgrade");
    });

    it("skip what a read replica inherits", async () => {
        const diags = await withInstance({ replicateSourceDb: "src", backupRetentionPeriod: 0, skipFinalSnapshot: true, deleteAutomatedBackups: true });
        for (const rule of ["rds-backup-retention", "rds-final-snapshot"]) assertQuiet(diags, rule);
    });

    it("catch the insecure prod variants config can express", async () => {
        const variants: Array<[string, Record<string, unknown>]> = [
            ["rds-deletion-protection", { deletionProtection: false }],
            ["rds-final-snapshot", { finalSnapshot: false }],
            ["rds-multi-az", { multiAz: false }],
            ["rds-monitoring", { monitoringIntervalSeconds: 0 }],
        ];
        for (const [rule, database] of variants) reportFires(await checkVariant("prod", { "service:database": database }), rule);
    });
});

describe("postgres-role-least-privilege", () => {
    const role = (name: string, inputs: Record<string, unknown>) => ({ type: "postgresql:index/role:Role", name, inputs: { name, ...inputs } });
    const grant = (name: string, inputs: Record<string, unknown>) => ({ type: "postgresql:index/grant:Grant", name, inputs: { database: "app", role: "svc_app", ...inputs } });

    it("fires on administrative attributes, powerful memberships, unlimited logins, ALL and grant options, mandatory in dev", async () => {
        const resources = [
            role("admin", { login: true, connectionLimit: 5, superuser: true }),
            role("creator", { login: true, connectionLimit: 5, createRole: true, createDatabase: true }),
            role("rls", { login: true, connectionLimit: 5, bypassRowLevelSecurity: true }),
            role("member", { login: true, connectionLimit: 5, roles: ["rds_superuser"] }),
            role("unlimited", { login: true }),
            role("minus-one", { login: true, connectionLimit: -1 }),
            grant("all-db", { objectType: "database", privileges: ["ALL"] }),
            grant("all-schema", { objectType: "schema", schema: "app", privileges: ["all"] }),
            grant("regrant", { objectType: "table", schema: "app", privileges: ["SELECT"], withGrantOption: true }),
            { type: "postgresql:index/defaultPrivileges:DefaultPrivileges", name: "future-all", inputs: { database: "app", schema: "app", owner: "m", role: "svc_app", objectType: "table", privileges: ["ALL"] } },
            { type: "postgresql:index/grantRole:GrantRole", name: "to-superuser", inputs: { role: "svc_app", grantRole: "rds_superuser" } },
        ];
        const diags = await evaluate(resources, { environment: "dev" });
        for (const r of resources) assertFires(diags, "postgres-role-least-privilege", r.name, "mandatory");
    });

    it("stays quiet on the template's roles and grants", async () => {
        const diags = await evaluate([
            role("svc_app", { login: true, connectionLimit: 247, password: UNKNOWN, superuser: false, createDatabase: false, createRole: false, replication: false, bypassRowLevelSecurity: false }),
            role("group", { login: false }),
            grant("connect", { objectType: "database", privileges: ["CONNECT"] }),
            grant("revoke-public", { role: "public", objectType: "database", privileges: [] }),
            grant("tables", { objectType: "table", schema: "app", privileges: ["SELECT", "INSERT", "UPDATE", "DELETE"] }),
        ]);
        assertQuiet(diags, "postgres-role-least-privilege");
        assert.ok(!diags.some((d) => d.message.startsWith("can't run")), "an unknown password is never read");
    });
});

describe("rds-performance-insights-encrypted", () => {
    it("fires on Performance Insights without a key or with the AWS-managed key, on instances, cluster instances and clusters", async () => {
        assertFires(await withInstance({ performanceInsightsKmsKeyId: undefined }, "dev"), "rds-performance-insights-encrypted", "db", "mandatory");
        const [v] = assertFires(await withInstance({ performanceInsightsKmsKeyId: "alias/aws/rds" }), "rds-performance-insights-encrypted", "db", "mandatory");
        assert.match(v.message, /AWS-managed/);
        const diags = await evaluate([
            { type: "aws:rds/clusterInstance:ClusterInstance", name: "aurora-1", inputs: { clusterIdentifier: "c", instanceClass: "db.r6g.large", engine: "aurora-postgresql", performanceInsightsEnabled: true } },
            { type: "aws:rds/cluster:Cluster", name: "multi-az", inputs: { engine: "postgres", dbClusterInstanceClass: "db.m6gd.large", performanceInsightsEnabled: true } },
        ]);
        assertFires(diags, "rds-performance-insights-encrypted", "aurora-1");
        assertFires(diags, "rds-performance-insights-encrypted", "multi-az");
    });

    it("stays quiet with a customer key (known, or created in the same preview) and with Performance Insights off", async () => {
        assertQuiet(await withInstance({}), "rds-performance-insights-encrypted");
        assertQuiet(await withInstance({ performanceInsightsKmsKeyId: UNKNOWN }), "rds-performance-insights-encrypted");
        assertQuiet(await withInstance({ performanceInsightsEnabled: false, performanceInsightsKmsKeyId: undefined }), "rds-performance-insights-encrypted");
    });
});

describe("rds-ca-certificate-current", () => {
    it("fires on an outdated certificate authority on instances, cluster instances and Multi-AZ clusters", async () => {
        assertFires(await withInstance({ caCertIdentifier: "rds-ca-2019" }, "dev"), "rds-ca-certificate-current", "db", "mandatory");
        const diags = await evaluate([
            { type: "aws:rds/clusterInstance:ClusterInstance", name: "aurora-1", inputs: { clusterIdentifier: "c", instanceClass: "db.r6g.large", engine: "aurora-postgresql", caCertIdentifier: "rds-ca-2015" } },
            { type: "aws:rds/cluster:Cluster", name: "multi-az", inputs: { engine: "postgres", caCertificateIdentifier: "rds-ca-2019" } },
        ]);
        assertFires(diags, "rds-ca-certificate-current", "aurora-1", "mandatory");
        assertFires(diags, "rds-ca-certificate-current", "multi-az", "mandatory");
    });

    it("stays quiet on current authorities and on RDS's default", async () => {
        for (const ca of ["rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1", undefined]) {
            assertQuiet(await withInstance({ caCertIdentifier: ca }), "rds-ca-certificate-current");
        }
    });
});
