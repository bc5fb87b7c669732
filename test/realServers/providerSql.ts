/**
 * The SQL terraform-provider-postgresql runs for our `postgresql:*` resources, so the tests can apply exactly
 * what a `pulumi up` with `manageRoles: true` would apply, to a real server.
 *
 * Source: cyrilgdn/terraform-provider-postgresql at ff936b9548c1076f498523a2bd116915ff977142 (MPL-2.0), the
 * `upstream` submodule of pulumi/pulumi-postgresql from v3.18.0 on, which @pulumi/postgresql 3.18.1 bridges:
 * - postgresql/resource_postgresql_role.go, createRole: `CREATE ROLE <name> WITH <opts>` (booleans in the order
 *   SUPERUSER, CREATEDB, CREATEROLE, INHERIT, LOGIN, BYPASSRLS, REPLICATION; CONNECTION LIMIT; PASSWORD), then
 *   grantRoles: `GRANT <group> TO <name>`, alterSearchPath: `ALTER ROLE <name> SET search_path TO <paths>`,
 *   setAssumeRole: `ALTER ROLE <name> SET ROLE TO <role>`; updatePassword: `ALTER ROLE <name> PASSWORD '<pw>'`;
 * - postgresql/resource_postgresql_database.go, createDatabase: `CREATE DATABASE <name> OWNER <current_user>
 *   TEMPLATE template0 ENCODING 'UTF8'` when no owner/template is given; delete: `DROP DATABASE <name> WITH ( FORCE )`
 *   (13+), after terminating its backends;
 * - postgresql/resource_postgresql_schema.go: `CREATE SCHEMA <name> AUTHORIZATION <owner>` and `DROP SCHEMA
 *   <name> RESTRICT|CASCADE` (dropCascade), both inside withRolesGranted(owner);
 * - postgresql/resource_postgresql_grant.go, createGrantQuery/createRevokeQuery: in one transaction on the
 *   target database, `REVOKE ALL PRIVILEGES ON ...` then `GRANT <privs> ON DATABASE|SCHEMA|ALL <T>S IN SCHEMA`,
 *   inside withRolesGranted(owners of the objects);
 * - postgresql/resource_postgresql_default_privileges.go: `ALTER DEFAULT PRIVILEGES FOR ROLE <owner> IN SCHEMA
 *   <s> REVOKE ALL ON <T>S FROM <role>` then `... GRANT <privs> ON <T>S TO <role>`, inside withRolesGranted(owner);
 * - postgresql/helpers.go, withRolesGranted: a non-superuser connection user is made a member of each role
 *   (`GRANT <role> TO <current_user>`) for the statement and the membership revoked after.
 */
import { Client } from "pg";

/** One `postgresql:*` resource as the program registers it: its type token and its inputs. */
export interface DeclaredResource {
    type: string;
    inputs: Record<string, any>;
}

/** Where the provider writes the connection user's name (it reads it first: getCurrentUser). */
const CURRENT_USER = "<current user>";
const q = (ident: string) => `"${ident.replace(/"/g, '""')}"`;
const lit = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** A statement and the database it runs in (`undefined`: the provider's maintenance database). */
export interface ProviderStatement {
    database?: string;
    /** Roles the provider temporarily joins for this statement (withRolesGranted). */
    asMemberOf: string[];
    sql: string[];
}

/**
 * The provider's statements for creating the resources, in the order the dependency graph allows (roles,
 * then the database, the schema, grants and default privileges). `passwords` by role name, because the
 * program's inputs hold them as secrets.
 */
export function providerCreateStatements(resources: readonly DeclaredResource[], passwords: Record<string, string>): ProviderStatement[] {
    const of = (token: string) => resources.filter((r) => r.type === `postgresql:index/${token}`);
    const out: ProviderStatement[] = [];
    for (const { inputs: r } of of("role:Role")) {
        const flag = (on: boolean | undefined, yes: string, no: string) => (on ? yes : no);
        const opts = [
            `PASSWORD ${lit(passwords[r.name] ?? "")}`,
            `CONNECTION LIMIT ${r.connectionLimit ?? -1}`,
            flag(r.superuser, "SUPERUSER", "NOSUPERUSER"),
            flag(r.createDatabase, "CREATEDB", "NOCREATEDB"),
            flag(r.createRole, "CREATEROLE", "NOCREATEROLE"),
            flag(r.inherit ?? true, "INHERIT", "NOINHERIT"),
            flag(r.login, "LOGIN", "NOLOGIN"),
            flag(r.bypassRowLevelSecurity, "BYPASSRLS", "NOBYPASSRLS"),
            flag(r.replication, "REPLICATION", "NOREPLICATION"),
        ];
        // createRole: CREATE ROLE, grantRoles, alterSearchPath, then setAssumeRole.
        const sql = [`CREATE ROLE ${q(r.name)} WITH ${opts.join(" ")}`];
        for (const group of r.roles ?? []) sql.push(`GRANT ${q(group)} TO ${q(r.name)}`);
        if (r.searchPaths?.length) sql.push(`ALTER ROLE ${q(r.name)} SET search_path TO ${r.searchPaths.map(q).join(", ")}`);
        if (r.assumeRole) sql.push(`ALTER ROLE ${q(r.name)} SET ROLE TO ${q(r.assumeRole)}`);
        out.push({ asMemberOf: [], sql });
    }
    for (const { inputs: d } of of("database:Database")) {
        out.push({ asMemberOf: [], sql: [`CREATE DATABASE ${q(d.name)} OWNER ${CURRENT_USER} TEMPLATE template0 ENCODING ${lit(d.encoding ?? "UTF8")}`] });
    }
    for (const { inputs: s } of of("schema:Schema")) {
        out.push({ database: s.database, asMemberOf: [s.owner], sql: [`CREATE SCHEMA ${q(s.name)} AUTHORIZATION ${q(s.owner)}`] });
    }
    const schemaOwner = (db: string, schema: string) => of("schema:Schema").find((s) => s.inputs.database === db && s.inputs.name === schema)?.inputs.owner as string;
    for (const { inputs: g } of of("grant:Grant")) {
        const privileges: string[] = g.privileges ?? [];
        const on =
            g.objectType === "database" ? `DATABASE ${q(g.database)}` : g.objectType === "schema" ? `SCHEMA ${q(g.schema)}` : `ALL ${g.objectType.toUpperCase()}S IN SCHEMA ${q(g.schema)}`;
        const sql = [`REVOKE ALL PRIVILEGES ON ${on} FROM ${g.role === "public" ? "PUBLIC" : q(g.role)}`];
        if (privileges.length > 0) sql.push(`GRANT ${privileges.join(",")} ON ${on} TO ${q(g.role)}`);
        // Objects in a schema are owned by its owner here (the migration role), whom the provider joins.
        out.push({ database: g.database, asMemberOf: g.objectType === "database" ? [] : [schemaOwner(g.database, g.schema)], sql });
    }
    for (const { inputs: p } of of("defaultPrivileges:DefaultPrivileges")) {
        const head = `ALTER DEFAULT PRIVILEGES FOR ROLE ${q(p.owner)} IN SCHEMA ${q(p.schema)}`;
        const kind = `${String(p.objectType).toUpperCase()}S`;
        out.push({ database: p.database, asMemberOf: [p.owner], sql: [`${head} REVOKE ALL ON ${kind} FROM ${q(p.role)}`, `${head} GRANT ${p.privileges.join(",")} ON ${kind} TO ${q(p.role)}`] });
    }
    return out;
}

/**
 * The provider's statements for destroying the resources, in the order Pulumi deletes them (dependents
 * first): grants are revoked, then the schema, the database and the roles are dropped.
 */
export function providerDeleteStatements(resources: readonly DeclaredResource[]): ProviderStatement[] {
    const of = (token: string) => resources.filter((r) => r.type === `postgresql:index/${token}`).map((r) => r.inputs);
    const out: ProviderStatement[] = [];
    for (const s of of("schema:Schema")) out.push({ database: s.database, asMemberOf: [s.owner], sql: [`DROP SCHEMA ${q(s.name)} ${s.dropCascade ? "CASCADE" : "RESTRICT"}`] });
    for (const d of of("database:Database")) out.push({ asMemberOf: [], sql: [`DROP DATABASE ${q(d.name)} WITH ( FORCE )`] });
    // resource_postgresql_role.go, deleteRole: REASSIGN OWNED and DROP OWNED run only with `skipReassignOwned`
    // false in the database the provider is connected to (the maintenance one); then DROP ROLE.
    // Dependents first: the alternate credentials (members of a role) go before the roles they belong to.
    const roles = of("role:Role").sort((a, b) => Number(Boolean(b.roles?.length)) - Number(Boolean(a.roles?.length)));
    for (const r of roles) out.push({ asMemberOf: [r.name], sql: [`REASSIGN OWNED BY ${q(r.name)} TO CURRENT_USER`, `DROP OWNED BY ${q(r.name)}`] }, { asMemberOf: [], sql: [`DROP ROLE ${q(r.name)}`] });
    return out;
}

/** Runs statements as the provider would: each in one transaction, joined to the roles it needs. */
export async function applyAsProvider(statements: readonly ProviderStatement[], connect: (database?: string) => Client): Promise<void> {
    for (const st of statements) {
        const client = connect(st.database);
        await client.connect();
        try {
            // CREATE/DROP DATABASE cannot run inside a transaction; the provider runs them on the bare connection.
            const bare = st.sql.some((s) => /^(CREATE|DROP) DATABASE/.test(s));
            if (!bare) await client.query("BEGIN");
            const joined: string[] = [];
            for (const role of st.asMemberOf) {
                // helpers.go, isMemberOfRole: from PostgreSQL 16 on, a membership counts only with its SET option.
                const { rows } = await client.query("SELECT pg_has_role(current_user, $1, CASE WHEN current_setting('server_version_num')::int >= 160000 THEN 'SET' ELSE 'MEMBER' END) AS member", [role]);
                if (!rows[0].member) {
                    await client.query(`GRANT ${q(role)} TO CURRENT_USER`);
                    joined.push(role);
                }
            }
            const { rows: who } = await client.query("SELECT current_user AS name");
            for (const sql of st.sql) await client.query(sql.replace(CURRENT_USER, q(who[0].name)));
            for (const role of joined) await client.query(`REVOKE ${q(role)} FROM CURRENT_USER`);
            if (!bare) await client.query("COMMIT");
        } finally {
            await client.end();
        }
    }
}

/** The provider's update of a role whose password input changed (resource_postgresql_role.go, setRolePassword). */
export function providerPasswordUpdate(role: string, password: string): ProviderStatement {
    return { asMemberOf: [], sql: [`ALTER ROLE ${q(role)} PASSWORD ${lit(password)}`] };
}
