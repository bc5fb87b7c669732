/**
 * The service's Postgres: one RDS PostgreSQL instance hardened for production, and the roles the app,
 * its migrations and read-only tools log in as (components/databaseRoles.ts).
 *
 * TLS is forced by an explicit parameter group (`rds.force_ssl` = 1; its default differs by major version),
 * storage, Performance Insights and the master secret are encrypted with a customer KMS key that rotates,
 * and the master password lives only in Secrets Manager (`manageMasterUserPassword`, rotated by RDS): the
 * app never sees it, it gets its own role with a computed connection limit.
 */
import * as aws from "./aws";
import * as pulumi from "@pulumi/pulumi";
import type { ConnectionBudget, DatabaseConfig } from "../config";
import { ServiceContext, withAwsProvider } from "./context";
import type { DatabaseEndpoints } from "./contract";
import { PostgresRoles } from "./databaseRoles";
import { POSTGRES_PORT } from "./network";
import { Transform, transformed } from "./transform";

export { connectionBudget, instanceClassMemoryBytes, INSTANCE_CLASS_MEMORY_GIB } from "../config";
export type { ConnectionBudget } from "../config";

/** The RDS CA the instance's server certificate is issued by (RSA 2048, valid to 2061; RDS's default for new instances). */
const RDS_CA = "rds-ca-rsa2048-g1";
/** The master user; its password is created, stored and rotated by RDS in Secrets Manager. */
const MASTER_USERNAME = "dbadmin";

export interface PostgresArgs {
    /** Every database setting (`service:database`; the environment's preset fills what the stack file leaves out). */
    settings: DatabaseConfig;
    /** The connection budget of those settings (config/connectionBudget.ts), which config validation computed and found workable. */
    budget: ConnectionBudget;
    /** Subnets of the DB subnet group (`Network.databaseSubnetIds`): public ones in public mode, private ones in private mode. */
    subnetIds: pulumi.Input<string>[];
    /** The VPC of those subnets (`Network.vpcId`), where the bootstrap function runs when roles are not managed. */
    vpcId: pulumi.Input<string>;
    /** The group admitting TCP 5432 (`Network.databaseSecurityGroupId`). */
    securityGroupId: pulumi.Input<string>;
    /** Give the instance a public endpoint: true in public reachability (the default), where Vercel's dynamic egress must reach it. */
    publiclyAccessible: boolean;
    /** Days a deleted Secrets Manager secret of this component stays recoverable (`service:secrets.recoveryWindowDays`; 7 in dev, 30 in prod). */
    recoveryWindowDays: number;
    /** Keep data through mistakes (`service:protectData`; off in dev, on in prod): the longest KMS deletion window, the parameter group retained. */
    protectData: boolean;
    /**
     * What the instance must wait for beyond its inputs: in public mode the network's internet gateway and public
     * route table associations (`Network.publicRouting`), without which AWS refuses a publicly accessible instance.
     */
    dependsOn?: pulumi.Resource[];
    /**
     * Hooks that change a child's args or options just before it is constructed (components/transform.ts), for a
     * stack that needs one RDS argument the settings do not expose. The pack judges the result: a hook that turns
     * off, say, `deletionProtection` in prod is a mandatory violation like any other.
     * - `instance`: the `aws.rds.Instance`;
     * - `parameterGroup`: the `aws.rds.ParameterGroup` (its `parameters` list is the one to append to).
     */
    transform?: {
        instance?: Transform<aws.rds.InstanceArgs>;
        parameterGroup?: Transform<aws.rds.ParameterGroupArgs>;
    };
}

/** Logs the instance exports to CloudWatch; each gets its log group, with retention, before the instance exists. */
const LOG_EXPORTS = ["postgresql", "upgrade"] as const;

export class Postgres extends pulumi.ComponentResource implements DatabaseEndpoints {
    public readonly appUrl: pulumi.Output<string>;
    public readonly migrationUrl: pulumi.Output<string>;
    public readonly readonlyUrl: pulumi.Output<string>;
    public readonly poolSize: number;
    public readonly appConnectionLimit: number;
    public readonly instanceIdentifier: pulumi.Output<string>;
    public readonly allocatedStorageGb: number;
    public readonly private: boolean;
    /** The whole connection budget, for alarms and documentation. */
    public readonly budget: ConnectionBudget;
    /** The roles' connection limits as SQL, for stacks whose roles are not managed (`PostgresRoles.connectionLimitsSql`). */
    public readonly connectionLimitsSql: string;
    /** ARN of the RDS-managed master secret: for operators only, never handed to the app. */
    public readonly masterSecretArn: pulumi.Output<string>;

    constructor(name: string, args: PostgresArgs, ctx: ServiceContext, opts?: pulumi.ComponentResourceOptions) {
        super("service:data:Postgres", name, {}, withAwsProvider(ctx, opts));
        const s = args.settings;
        this.budget = args.budget;
        const key = this.createKey(name, args, ctx);
        const instance = this.createInstance(name, args, key, ctx);
        this.instanceIdentifier = instance.identifier;
        this.masterSecretArn = instance.masterUserSecrets.apply((secrets) => secrets[0]?.secretArn ?? "");
        const roles = this.createRoles(name, args, instance, key, ctx);
        this.connectionLimitsSql = roles.connectionLimitsSql;
        this.appUrl = roles.appUrl;
        this.migrationUrl = roles.migrationUrl;
        this.readonlyUrl = roles.readonlyUrl;
        this.poolSize = this.budget.poolSize;
        this.appConnectionLimit = this.budget.appConnectionLimit;
        this.allocatedStorageGb = s.allocatedStorageGb;
        this.private = !args.publiclyAccessible;

        this.registerOutputs({
            instanceIdentifier: this.instanceIdentifier,
            appConnectionLimit: this.appConnectionLimit,
            poolSize: this.poolSize,
            maxConnections: this.budget.maxConnections,
        });
    }

    /** The customer key of the instance's storage, Performance Insights and master secret, rotating, with its alias. */
    private createKey(name: string, args: PostgresArgs, ctx: ServiceContext) {
        const names = ctx.names.postgres;
        const key = new aws.kms.Key(
            `${name}-key`,
            {
                description: `Encrypts ${names.identifier}: storage, Performance Insights and the master user secret`,
                enableKeyRotation: true,
                // A deleted key makes every snapshot it encrypted unreadable: the longest window in protected stacks.
                deletionWindowInDays: args.protectData ? 30 : 7,
                tags: ctx.tags,
            },
            { parent: this, ...ctx.stateful },
        );
        new aws.kms.Alias(`${name}-key`, { name: names.keyAlias, targetKeyId: key.keyId }, { parent: this });
        return key;
    }

    /**
     * The parameter group: TLS forced and what a slow app needs logged. One group per major version: an upgrade
     * creates the next major's group next to the one in use, moves the instance to it, and only then drops the old
     * one (retained where data is protected; AWS refuses to delete a group an instance still uses). The alias adopts
     * the group of the version-less logical name earlier releases used, for the major it was created with.
     */
    private createParameterGroup(name: string, args: PostgresArgs, ctx: ServiceContext) {
        const { engineVersion } = args.settings;
        const names = ctx.names.postgres;
        return new aws.rds.ParameterGroup(
            `${name}-params${engineVersion}`,
            ...transformed(args.transform?.parameterGroup, {
                // An explicit name is known at preview, so policies can link the instance to it before anything exists.
                name: names.parameterGroup,
                family: `postgres${engineVersion}`,
                description: `${names.identifier}: TLS forced, slow queries and lock waits logged`,
                parameters: [
                    { name: "rds.force_ssl", value: "1" },
                    // Statements over a second, lock waits and big temp files are what a slow app needs explained.
                    { name: "log_min_duration_statement", value: "1000" },
                    { name: "log_lock_waits", value: "1" },
                    { name: "log_temp_files", value: String(10 * 1024) },
                    // A serverless function that dies mid-transaction would otherwise hold a connection of the budget forever.
                    { name: "idle_in_transaction_session_timeout", value: String(5 * 60 * 1000) },
                ],
                tags: ctx.tags,
            }, { parent: this, retainOnDelete: args.protectData, aliases: [{ name: `${name}-params` }] }),
        );
    }

    /** Enhanced monitoring's role, which RDS assumes to publish OS metrics (only when `monitoringIntervalSeconds` is above 0). */
    private createMonitoringRole(name: string, ctx: ServiceContext) {
        const child = { parent: this };
        const names = ctx.names.postgres;
        const role = new aws.iam.Role(
            `${name}-monitoring`,
            {
                name: names.monitoringRole,
                description: `Enhanced monitoring of ${names.identifier}`,
                assumeRolePolicy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Principal: { Service: "monitoring.rds.amazonaws.com" }, Action: "sts:AssumeRole" }],
                }),
                tags: ctx.tags,
            },
            child,
        );
        const partition = aws.getPartitionOutput({}, { parent: this }).partition;
        new aws.iam.RolePolicyAttachment(
            `${name}-monitoring`,
            { role: role.name, policyArn: pulumi.interpolate`arn:${partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole` },
            child,
        );
        return role.arn;
    }

    /**
     * The exported logs' groups. RDS would create `/aws/rds/instance/<id>/<log>` itself on first export, with no
     * retention (kept forever); created here first, each carries the stack's retention and tags, and the instance waits for them.
     */
    private createLogGroups(name: string, args: PostgresArgs, ctx: ServiceContext) {
        return LOG_EXPORTS.map(
            (log) =>
                new aws.cloudwatch.LogGroup(
                    `${name}-log-${log}`,
                    { name: ctx.names.postgres.logGroup(log), retentionInDays: args.settings.logRetentionDays, tags: ctx.tags },
                    { parent: this, ...ctx.stateful },
                ),
        );
    }

    /** The instance, with what it is placed in, encrypted with and waits for. */
    private createInstance(name: string, args: PostgresArgs, key: aws.kms.Key, ctx: ServiceContext) {
        const s = args.settings;
        const names = ctx.names.postgres;
        const parameterGroup = this.createParameterGroup(name, args, ctx);
        const subnetGroup = new aws.rds.SubnetGroup(
            `${name}-subnets`,
            { name: names.subnetGroup, description: `Subnets of ${names.identifier}`, subnetIds: args.subnetIds, tags: ctx.tags },
            { parent: this },
        );
        const monitoringRoleArn = s.monitoringIntervalSeconds > 0 ? this.createMonitoringRole(name, ctx) : undefined;
        const logGroups = this.createLogGroups(name, args, ctx);
        return new aws.rds.Instance(
            `${name}-instance`,
            ...transformed(args.transform?.instance, {
                identifier: names.identifier,
                engine: "postgres",
                // The major version only: RDS picks the newest minor and `autoMinorVersionUpgrade` keeps it current.
                engineVersion: s.engineVersion,
                engineLifecycleSupport: "open-source-rds-extended-support-disabled",
                autoMinorVersionUpgrade: true,
                allowMajorVersionUpgrade: s.allowMajorVersionUpgrade,
                instanceClass: s.instanceClass,
                storageType: "gp3",
                allocatedStorage: s.allocatedStorageGb,
                maxAllocatedStorage: s.maxAllocatedStorageGb,
                storageEncrypted: true,
                kmsKeyId: key.arn,
                username: MASTER_USERNAME,
                manageMasterUserPassword: true,
                masterUserSecretKmsKeyId: key.arn,
                port: POSTGRES_PORT,
                dbSubnetGroupName: subnetGroup.name,
                vpcSecurityGroupIds: [args.securityGroupId],
                publiclyAccessible: args.publiclyAccessible,
                parameterGroupName: parameterGroup.name,
                caCertIdentifier: RDS_CA,
                multiAz: s.multiAz,
                backupRetentionPeriod: s.backupRetentionDays,
                // Fixed windows (UTC) that do not overlap, instead of ones RDS would pick at random.
                backupWindow: "03:00-04:00",
                maintenanceWindow: "sun:04:30-sun:05:30",
                deletionProtection: s.deletionProtection,
                skipFinalSnapshot: !s.finalSnapshot,
                // A fixed name: deleting a second instance of the same stack fails until the old snapshot is renamed, never silently.
                finalSnapshotIdentifier: s.finalSnapshot ? names.finalSnapshot : undefined,
                deleteAutomatedBackups: !s.finalSnapshot,
                copyTagsToSnapshot: true,
                performanceInsightsEnabled: true,
                performanceInsightsKmsKeyId: key.arn,
                performanceInsightsRetentionPeriod: s.performanceInsightsRetentionDays,
                monitoringInterval: s.monitoringIntervalSeconds,
                monitoringRoleArn,
                enabledCloudwatchLogsExports: [...LOG_EXPORTS],
                tags: ctx.tags,
            }, { parent: this, ...ctx.stateful, dependsOn: [...(args.dependsOn ?? []), ...logGroups] }),
        );
    }

    /** The database and the app's, migrations' and read-only tools' roles, with the budget's connection limits. */
    private createRoles(name: string, args: PostgresArgs, instance: aws.rds.Instance, key: aws.kms.Key, ctx: ServiceContext) {
        const s = args.settings;
        return new PostgresRoles(
            `${name}-roles`,
            {
                manage: s.manageRoles,
                databaseName: ctx.names.postgres.database,
                host: instance.address,
                port: instance.port,
                masterUsername: MASTER_USERNAME,
                masterSecretArn: this.masterSecretArn,
                engineVersion: s.engineVersion,
                limits: { app: this.budget.appConnectionLimit, migration: this.budget.migrationConnectionLimit, readonly: this.budget.readonlyConnectionLimit },
                kmsKeyArn: key.arn,
                recoveryWindowDays: args.recoveryWindowDays,
                protectData: args.protectData,
                activeCredential: s.activeCredential,
                placement: { vpcId: args.vpcId, subnetIds: args.subnetIds, securityGroupId: args.securityGroupId },
                logRetentionDays: s.logRetentionDays,
            },
            ctx,
            { parent: this },
        );
    }
}
