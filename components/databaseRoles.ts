/**
 * The app database and the three roles that log in to it, each with its own generated password and a
 * connection limit from the budget (components/database.ts):
 * - `<db>_migrator` owns the `app` schema and may CREATE in the database: migrations create and alter tables
 *   as it, and migration tools create their own schema (drizzle's `drizzle`) and trusted extensions
 *   (pgcrypto, citext: trusted since PostgreSQL 13, so CREATE on the database is all they need);
 * - `<db>_app` has data access only: USAGE on the schema, SELECT/INSERT/UPDATE/DELETE on its tables and USAGE
 *   on its sequences, including (through default privileges) every table the migration role creates later;
 * - `<db>_readonly` has SELECT only.
 * PUBLIC's default CONNECT and TEMPORARY on the database are revoked, so no other role can connect.
 *
 * Each role has a second login credential, `<role>_alt`: a member of the role that becomes it at login
 * (`ALTER ROLE ... SET ROLE`), so it has exactly the role's privileges and what it creates is owned by the role.
 * The URLs use one of the two (`service:database.activeCredential`); a rotation replaces the other's password
 * and switches to it, and the credential the running deployment uses stays valid until it is redeployed.
 *
 * Two ways to create them, chosen by `service:database.manageRoles`:
 * - `true`: Pulumi creates them with the postgresql provider, logged in as the master user with the password
 *   RDS keeps in Secrets Manager (TLS required). The deployer must reach the database: in public mode its IP
 *   must be in `service:database.allowedCidrs`; in private mode `pulumi up` must run inside the VPC or the
 *   peered network.
 * - `false`: Pulumi cannot reach the database, so it generates the passwords (the URLs need them) and a Lambda
 *   function inside the VPC applies the same objects as an idempotent plan (`bootstrapPlan`), invoked by `pulumi up`
 *   whenever a password, a limit or its code changes (components/bootstrap/, docs/decisions/postgres-bootstrap.md);
 *   the URLs wait for that run. The first deploy's psql script also stays in Secrets Manager, as `<prefix>/postgres-bootstrap`.
 */
import * as aws from "./aws";
import * as postgresql from "@pulumi/postgresql";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { BootstrapPlan, PostgresBootstrap } from "./bootstrap/function";
import { ServiceContext, withAwsProvider } from "./context";

/** The schema the app's tables live in (not `public`, whose defaults differ between major versions). */
const APP_SCHEMA = "app";
/**
 * Specials of generated role passwords: URL-unreserved characters, so a password never breaks a URL, a
 * quoted SQL literal or a shell word (URLs still encode it, in case the set is ever widened).
 */
const ROLE_PASSWORD_SPECIALS = "-_.~";
/**
 * Where the app finds the RDS CA bundle (https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem),
 * relative to its working directory: the project root locally and in a Vercel function. Every URL names it
 * in `sslrootcert` with `sslmode=verify-full`, so libpq (psycopg) and node-postgres both verify the server
 * against it and check its name (docs/database-connections.md).
 */
export const RDS_CA_BUNDLE_PATH = "certs/rds-global-bundle.pem";
/** The query string of every role's URL: verification on, the CA bundle named. */
export const URL_TLS_PARAMS = `sslmode=verify-full&sslrootcert=${RDS_CA_BUNDLE_PATH}`;

export interface PostgresRolesArgs {
    /** Create the objects with the postgresql provider (`service:database.manageRoles`); otherwise write the bootstrap script. */
    manage: boolean;
    /** Name of the app database, also the prefix of the role names: the service name with `_` for `-`. */
    databaseName: string;
    /** The instance's address and port. */
    host: pulumi.Input<string>;
    /** The instance's port (5432, `POSTGRES_PORT`). */
    port: pulumi.Input<number>;
    /** The master user the provider (or the operator) logs in as. */
    masterUsername: string;
    /** The RDS-managed master secret, read at deploy time for the master password. */
    masterSecretArn: pulumi.Input<string>;
    /** Major version, so the provider need not probe the server for its features. */
    engineVersion: string;
    /** CONNECTION LIMIT of each login role, from the connection budget. */
    limits: { app: number; migration: number; readonly: number };
    /** Key encrypting the bootstrap script's secret. */
    kmsKeyArn: pulumi.Input<string>;
    /** Days a deleted bootstrap secret stays recoverable. */
    recoveryWindowDays: number;
    /** Which login credential of each role the URLs use (`service:database.activeCredential`). */
    activeCredential: Credential;
    /** Keep data through mistakes (`service:protectData`): the schema is then never dropped with its tables. */
    protectData: boolean;
    /** Where the bootstrap function runs when roles are not managed: the database's VPC, subnets and group. */
    placement: { vpcId: pulumi.Input<string>; subnetIds: pulumi.Input<string>[]; securityGroupId: pulumi.Input<string> };
    /** Days the bootstrap function's log group keeps its lines. */
    logRetentionDays: number;
}

type RoleKind = "migration" | "app" | "readonly";
export type Credential = "primary" | "alternate";
const CREDENTIALS: Credential[] = ["primary", "alternate"];
/** The login name of a role's credential: the role itself, or its `_alt` member. */
export const credentialName = (role: string, credential: Credential) => (credential === "primary" ? role : `${role}_alt`);
const ROLE_SUFFIX: Record<RoleKind, string> = { migration: "migrator", app: "app", readonly: "readonly" };
/** What every login role is not: no superuser, no role or database creation, no replication, no bypass of row security. */
const LOGIN_ONLY = { superuser: false, createDatabase: false, createRole: false, replication: false, bypassRowLevelSecurity: false } as const;

/** The one source of the grants, read by both the provider path and the bootstrap script. */
export const DATABASE_PRIVILEGES: Record<RoleKind, string[]> = { migration: ["CONNECT", "CREATE"], app: ["CONNECT"], readonly: ["CONNECT"] };
export const TABLE_PRIVILEGES: Record<RoleKind, string[]> = { migration: [], app: ["SELECT", "INSERT", "UPDATE", "DELETE"], readonly: ["SELECT"] };
export const SEQUENCE_PRIVILEGES: Record<RoleKind, string[]> = { migration: [], app: ["USAGE"], readonly: [] };

export class PostgresRoles extends pulumi.ComponentResource {
    public readonly appUrl: pulumi.Output<string>;
    public readonly migrationUrl: pulumi.Output<string>;
    public readonly readonlyUrl: pulumi.Output<string>;
    /** Role names by kind. */
    public readonly roleNames: Record<RoleKind, string>;
    /** The Secrets Manager secret holding the first deploy's bootstrap script, when roles are not managed. */
    public readonly bootstrapSecretArn?: pulumi.Output<string>;
    /**
     * `ALTER ROLE ... CONNECTION LIMIT` for the current connection budget (no secret in it), for a human: with
     * unmanaged roles the bootstrap function applies the limits itself whenever they change.
     */
    public readonly connectionLimitsSql: string;

    constructor(name: string, args: PostgresRolesArgs, ctx: ServiceContext, opts?: pulumi.ComponentResourceOptions) {
        super("service:data:PostgresRoles", name, {}, withAwsProvider(ctx, opts));
        const kinds: RoleKind[] = ["migration", "app", "readonly"];
        const db = args.databaseName;
        this.roleNames = { migration: `${db}_${ROLE_SUFFIX.migration}`, app: `${db}_${ROLE_SUFFIX.app}`, readonly: `${db}_${ROLE_SUFFIX.readonly}` };

        const allPasswords = {} as Record<Credential, Record<RoleKind, pulumi.Output<string>>>;
        for (const credential of CREDENTIALS) {
            allPasswords[credential] = {} as Record<RoleKind, pulumi.Output<string>>;
            for (const kind of kinds) {
                // The primary's logical name is the one earlier releases used, so upgrading keeps its password.
                const password = new random.RandomPassword(
                    `${name}-${ROLE_SUFFIX[kind]}${credential === "primary" ? "" : "-alt"}-password`,
                    { length: 40, special: true, overrideSpecial: ROLE_PASSWORD_SPECIALS, minUpper: 1, minLower: 1, minNumeric: 1 },
                    { parent: this, additionalSecretOutputs: ["result"] },
                );
                allPasswords[credential][kind] = pulumi.secret(password.result);
            }
        }
        const passwords = allPasswords.primary;
        const active = args.activeCredential;
        const url = (kind: RoleKind) =>
            pulumi.secret(
                pulumi.interpolate`postgres://${credentialName(this.roleNames[kind], active)}:${allPasswords[active][kind].apply(encodeURIComponent)}@${args.host}:${args.port}/${db}?${URL_TLS_PARAMS}`,
            );
        this.appUrl = url("app");
        this.migrationUrl = url("migration");
        this.readonlyUrl = url("readonly");

        if (args.manage) {
            this.createInDatabase(name, args, allPasswords, ctx);
        } else {
            const all = pulumi.all([passwords.migration, passwords.app, passwords.readonly, allPasswords.alternate.migration, allPasswords.alternate.app, allPasswords.alternate.readonly]);
            const plan = all.apply(([migration, app, readonly, altMigration, altApp, altReadonly]) =>
                bootstrapPlan(db, this.roleNames, { migration, app, readonly }, args.limits, { migration: altMigration, app: altApp, readonly: altReadonly }),
            );
            const script = all.apply(([migration, app, readonly, altMigration, altApp, altReadonly]) =>
                bootstrapScript(db, this.roleNames, { migration, app, readonly }, args.limits, { migration: altMigration, app: altApp, readonly: altReadonly }),
            );
            const secret = new aws.secretsmanager.Secret(
                `${name}-bootstrap`,
                {
                    name: ctx.names.postgres.bootstrapSecret,
                    description: `psql script creating the database, schema and roles of ${ctx.prefix} as first deployed (the bootstrap function applies the current plan)`,
                    kmsKeyId: args.kmsKeyArn,
                    recoveryWindowInDays: args.recoveryWindowDays,
                    tags: ctx.tags,
                },
                { parent: this, ...ctx.stateful },
            );
            new aws.secretsmanager.SecretVersion(
                `${name}-bootstrap`,
                { secretId: secret.id, secretString: pulumi.secret(script) },
                // A record of the first deploy's script, kept because `protect` refuses to replace the version whose
                // value changes. What reaches the database on every change is the bootstrap function's run below.
                { parent: this, ...ctx.stateful, ignoreChanges: ["secretString"] },
            );
            // Pulumi cannot reach the database: a function inside the VPC applies the plan, in this same `up`.
            const bootstrap = new PostgresBootstrap(
                `${name}-bootstrap-run`,
                {
                    vpcId: args.placement.vpcId,
                    subnetIds: args.placement.subnetIds,
                    databaseSecurityGroupId: args.placement.securityGroupId,
                    host: args.host,
                    port: args.port,
                    masterUsername: args.masterUsername,
                    masterSecretArn: args.masterSecretArn,
                    kmsKeyArn: args.kmsKeyArn,
                    plan: pulumi.secret(plan),
                    logRetentionDays: args.logRetentionDays,
                },
                ctx,
                { parent: this },
            );
            // The URLs (and so the app's env vars) are written only once the database accepts their passwords.
            const afterRun = (u: pulumi.Output<string>) => pulumi.secret(pulumi.all([u, bootstrap.result]).apply(([value]) => value));
            this.appUrl = afterRun(this.appUrl);
            this.migrationUrl = afterRun(this.migrationUrl);
            this.readonlyUrl = afterRun(this.readonlyUrl);
            this.bootstrapSecretArn = secret.arn;
        }
        this.connectionLimitsSql = connectionLimitsScript(this.roleNames, args.limits);
        this.registerOutputs({ roleNames: this.roleNames, bootstrapSecretArn: this.bootstrapSecretArn });
    }

    private createInDatabase(name: string, args: PostgresRolesArgs, allPasswords: Record<Credential, Record<RoleKind, pulumi.Output<string>>>, ctx: ServiceContext): void {
        const passwords = allPasswords.primary;
        const master = aws.secretsmanager.getSecretVersionOutput({ secretId: args.masterSecretArn }, { parent: this });
        const provider = new postgresql.Provider(
            `${name}-provider`,
            {
                host: args.host,
                port: args.port,
                username: args.masterUsername,
                password: pulumi.secret(master.secretString.apply((s) => (JSON.parse(s) as { password: string }).password)),
                database: "postgres",
                sslmode: "require",
                // The RDS master user is not a superuser; the provider then avoids superuser-only statements.
                superuser: false,
                expectedVersion: args.engineVersion,
                connectTimeout: 15,
            },
            { parent: this },
        );
        const inDb = { parent: this, provider };
        const stateful = { ...inDb, ...ctx.stateful };
        const db = args.databaseName;

        const roles = {} as Record<RoleKind, postgresql.Role>;
        for (const kind of ["migration", "app", "readonly"] as RoleKind[]) {
            roles[kind] = new postgresql.Role(
                `${name}-${ROLE_SUFFIX[kind]}`,
                {
                    name: this.roleNames[kind],
                    login: true,
                    password: passwords[kind],
                    connectionLimit: args.limits[kind],
                    searchPaths: [APP_SCHEMA],
                    ...LOGIN_ONLY,
                },
                stateful,
            );
        }
        // The database goes before its roles on destroy: DROP ROLE fails (2BP01) while the role still has
        // privileges in a database that exists, and without this edge Pulumi may delete them in parallel.
        // The second credential of each role: a member that becomes the role at login (provider: GRANT, then ALTER ROLE ... SET ROLE TO).
        const alternates = (["migration", "app", "readonly"] as RoleKind[]).map(
            (kind) =>
                new postgresql.Role(
                    `${name}-${ROLE_SUFFIX[kind]}-alt`,
                    {
                        name: credentialName(this.roleNames[kind], "alternate"),
                        login: true,
                        password: allPasswords.alternate[kind],
                        connectionLimit: args.limits[kind],
                        searchPaths: [APP_SCHEMA],
                        roles: [roles[kind].name],
                        assumeRole: roles[kind].name,
                        ...LOGIN_ONLY,
                    },
                    stateful,
                ),
        );
        const database = new postgresql.Database(`${name}-database`, { name: db, encoding: "UTF8" }, { ...stateful, dependsOn: [...Object.values(roles), ...alternates] });
        // PUBLIC may CONNECT and create TEMP tables in a new database by default; only the three roles may here.
        new postgresql.Grant(`${name}-revoke-public`, { database: database.name, role: "public", objectType: "database", privileges: [] }, inDb);
        const schema = new postgresql.Schema(
            `${name}-schema`,
            // Where data is not protected (dev), destroy drops the schema with the tables migrations made in it;
            // where it is, the schema (and `protect`) refuse.
            { name: APP_SCHEMA, database: database.name, owner: roles.migration.name, dropCascade: !args.protectData },
            stateful,
        );

        for (const kind of ["migration", "app", "readonly"] as RoleKind[]) {
            const role = roles[kind].name;
            const slug = ROLE_SUFFIX[kind];
            new postgresql.Grant(`${name}-${slug}-connect`, { database: database.name, role, objectType: "database", privileges: DATABASE_PRIVILEGES[kind] }, inDb);
            // The migration role owns the schema, and with it every privilege on what it creates.
            if (kind === "migration") continue;
            new postgresql.Grant(`${name}-${slug}-schema`, { database: database.name, schema: schema.name, role, objectType: "schema", privileges: ["USAGE"] }, inDb);
            const objects: Array<["table" | "sequence", string[]]> = [
                ["table", TABLE_PRIVILEGES[kind]],
                ["sequence", SEQUENCE_PRIVILEGES[kind]],
            ];
            for (const [objectType, privileges] of objects) {
                if (privileges.length === 0) continue;
                new postgresql.Grant(`${name}-${slug}-${objectType}s`, { database: database.name, schema: schema.name, role, objectType, privileges }, inDb);
                // Tables and sequences created later by migrations get the same grants.
                new postgresql.DefaultPrivileges(
                    `${name}-${slug}-future-${objectType}s`,
                    { database: database.name, schema: schema.name, owner: roles.migration.name, role, objectType, privileges },
                    inDb,
                );
            }
        }
    }
}

/** The statements that bring the roles' connection limits to the budget of the current instance class. */
export function connectionLimitsScript(names: Record<RoleKind, string>, limits: Record<RoleKind, number>): string {
    const kinds: RoleKind[] = ["migration", "app", "readonly"];
    const statements = kinds.flatMap((k) => CREDENTIALS.map((c) => `ALTER ROLE "${credentialName(names[k], c)}" CONNECTION LIMIT ${limits[k]};`));
    return `${["\\set ON_ERROR_STOP on", ...statements].join("\n")}\n`;
}

/**
 * What `manageRoles` would create (roles, their second credentials, database, schema, grants) as idempotent
 * steps: run again, it changes nothing but what differs from the plan, so a new password or connection limit
 * reaches the database by running it again. Passwords are kept apart from the statements, so the executor
 * (components/bootstrap/handler.js) can send PostgreSQL a verifier instead of the password. The master user joins
 * the migration role because, on RDS, it is not a superuser and must be a member to make it the schema owner and
 * to set its default privileges.
 */
export function bootstrapPlan(
    db: string,
    names: Record<RoleKind, string>,
    passwords: Record<RoleKind, string>,
    limits: Record<RoleKind, number>,
    alternatePasswords: Record<RoleKind, string>,
): BootstrapPlan {
    const q = (ident: string) => `"${ident}"`;
    const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
    const kinds: RoleKind[] = ["migration", "app", "readonly"];
    const ensureRole = (name: string, limit: number) => [
        // The privileged attributes are refused once the role exists: since PostgreSQL 16 only a superuser may alter
        // SUPERUSER, REPLICATION or BYPASSRLS, even to turn them off, and the RDS master user is not one. A role the
        // master user creates cannot have them, so they are set at creation and the limit on every run.
        `DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = ${literal(name)}) THEN CREATE ROLE ${q(name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS; END IF; END$$;`,
        `ALTER ROLE ${q(name)} LOGIN NOCREATEDB NOCREATEROLE CONNECTION LIMIT ${limit};`,
        `ALTER ROLE ${q(name)} SET search_path = ${q(APP_SCHEMA)};`,
    ];
    const onServer = kinds.flatMap((k) => ensureRole(names[k], limits[k]));
    // The second credential: member of the role, becoming it at login (what the provider path creates).
    for (const k of kinds) {
        const alt = credentialName(names[k], "alternate");
        onServer.push(...ensureRole(alt, limits[k]), `GRANT ${q(names[k])} TO ${q(alt)};`, `ALTER ROLE ${q(alt)} SET ROLE TO ${q(names[k])};`);
    }
    onServer.push(`GRANT ${q(names.migration)} TO CURRENT_USER;`);
    const inDatabase = [`CREATE SCHEMA IF NOT EXISTS ${q(APP_SCHEMA)} AUTHORIZATION ${q(names.migration)};`];
    for (const k of ["app", "readonly"] as RoleKind[]) {
        inDatabase.push(`GRANT USAGE ON SCHEMA ${q(APP_SCHEMA)} TO ${q(names[k])};`);
        const grants: Array<[string, string[]]> = [
            ["TABLES", TABLE_PRIVILEGES[k]],
            ["SEQUENCES", SEQUENCE_PRIVILEGES[k]],
        ];
        for (const [objects, privileges] of grants) {
            if (privileges.length === 0) continue;
            inDatabase.push(`GRANT ${privileges.join(", ")} ON ALL ${objects} IN SCHEMA ${q(APP_SCHEMA)} TO ${q(names[k])};`);
            inDatabase.push(`ALTER DEFAULT PRIVILEGES FOR ROLE ${q(names.migration)} IN SCHEMA ${q(APP_SCHEMA)} GRANT ${privileges.join(", ")} ON ${objects} TO ${q(names[k])};`);
        }
    }
    return {
        database: db,
        onServer,
        passwords: kinds.flatMap((k) => [
            { role: names[k], password: passwords[k] },
            { role: credentialName(names[k], "alternate"), password: alternatePasswords[k] },
        ]),
        createDatabase: `CREATE DATABASE ${q(db)} ENCODING 'UTF8';`,
        afterDatabase: [`REVOKE ALL ON DATABASE ${q(db)} FROM PUBLIC;`, ...kinds.map((k) => `GRANT ${DATABASE_PRIVILEGES[k].join(", ")} ON DATABASE ${q(db)} TO ${q(names[k])};`)],
        inDatabase,
    };
}

/** The bootstrap plan as a psql script, for an operator who runs it by hand as the master user; idempotent like the plan. */
export function bootstrapScript(
    db: string,
    names: Record<RoleKind, string>,
    passwords: Record<RoleKind, string>,
    limits: Record<RoleKind, number>,
    alternatePasswords: Record<RoleKind, string>,
): string {
    const plan = bootstrapPlan(db, names, passwords, limits, alternatePasswords);
    const lines = [
        "\\set ON_ERROR_STOP on",
        ...plan.onServer,
        ...plan.passwords.map(({ role, password }) => `ALTER ROLE "${role}" PASSWORD '${password.replace(/'/g, "''")}';`),
        `SELECT '${plan.createDatabase.replace(/'/g, "''")}' WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_database WHERE datname = '${db}')\\gexec`,
        ...plan.afterDatabase,
        `\\connect "${db}"`,
        ...plan.inDatabase,
    ];
    return `${lines.join("\n")}\n`;
}
