/**
 * Input validators of cyrilgdn/terraform-provider-postgresql at ff936b9, the upstream commit the
 * pulumi/pulumi-postgresql v3.18 `upstream` submodule pins (v1.26.0 plus three commits; released by
 * pulumi-postgresql as "v1.27.0", pulumi/pulumi-postgresql#974; MPL-2.0).
 *
 * Besides the SDKv2 schema's ValidateFunc/ConflictsWith/RequiredWith, this provider checks some inputs in its
 * Configure and Create functions before it sends any SQL: those refuse the apply as surely as a validator refuses
 * the preview, so they are emulated too, each named after the function that makes it. Checks that depend on the
 * server's version (ROUTINE, PROCEDURE, MAINTAIN) are not judged offline.
 */
import { atLeast, conflictsWith, custom, field, object, oneOf, relation, requiredWith, stringInSlice, Validator, ValueTest } from "./validator";
import type { TypeCoverage } from "./types";
import { containsUnknown, isSet, isUnknownAt, plain } from "./values";
import { TYPES } from "../../contracts/tokens";

const COMMIT = "v1.26.0-3-gff936b9";
const src = (file: string) => `cyrilgdn/terraform-provider-postgresql postgresql/${file} ${COMMIT}`;
const ROLE = TYPES.postgresRole;
const DATABASE = TYPES.postgresDatabase;
const GRANT = TYPES.postgresGrant;
const DEFAULTS = TYPES.postgresDefaultPrivileges;
const SCHEMA = TYPES.postgresSchema;
const PROVIDER = "pulumi:providers:postgresql";
const role = src("resource_postgresql_role.go");
const grant = src("resource_postgresql_grant.go");
const defaults = src("resource_postgresql_default_privileges.go");
const provider = src("provider.go");
const helpers = src("helpers.go");

/** Provider configuration arrives as strings (`"15"`); the provider reads it as the schema's type. */
const intAtLeast = (min: number): ValueTest => {
    const t = atLeast(min);
    return { rule: t.rule, test: (v) => t.test(typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : v) };
};

/**
 * validateExpectedVersion: semver.ParseTolerant of github.com/blang/semver v3.5.1 (go.mod at ff936b9). Refused
 * here is only what every ParseTolerant release refuses, so a version a newer blang/semver tolerates (leading
 * zeros, a "V" prefix) is never blocked: after trimming spaces and one "v", major and minor must be digits, a short
 * version may not carry "-" or "+", and the patch part is digits with an optional -prerelease and +build made of
 * non-empty [0-9A-Za-z-] identifiers.
 */
const expectedVersion = custom("validateExpectedVersion (semver.ParseTolerant)", (v) => {
    if (typeof v !== "string") return undefined;
    const parts = v.trim().replace(/^v/, "").split(".");
    const [major, minor, ...rest] = parts;
    const patch = rest.join(".");
    const ids = /^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$/;
    const short = parts.length < 3;
    if (short && /[+-]/.test(parts[parts.length - 1])) return "is not a version: a short version cannot carry prerelease or build metadata";
    const m = short ? ["", "0", undefined, undefined] : /^(\d+)(?:-([^+]*))?(?:\+(.*))?$/.exec(patch);
    const ok = /^\d+$/.test(major) && (minor === undefined || /^\d+$/.test(minor)) && m !== null && (m[2] === undefined || ids.test(m[2])) && (m[3] === undefined || ids.test(m[3]));
    return ok ? undefined : "is not a version semver.ParseTolerant accepts (e.g. \"17\", \"17.4\", \"17.4.0\")";
});

/** allowedPrivileges (helpers.go L252-264), without MAINTAIN, which a table takes only on PostgreSQL 17 or later. */
const PRIVILEGES: Record<string, readonly string[]> = {
    database: ["ALL", "CREATE", "CONNECT", "TEMPORARY"],
    table: ["ALL", "SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"],
    sequence: ["ALL", "USAGE", "SELECT", "UPDATE"],
    schema: ["ALL", "CREATE", "USAGE"],
    function: ["ALL", "EXECUTE"],
    procedure: ["ALL", "EXECUTE"],
    routine: ["ALL", "EXECUTE"],
    type: ["ALL", "USAGE"],
    foreign_data_wrapper: ["ALL", "USAGE"],
    foreign_server: ["ALL", "USAGE"],
    column: ["ALL", "SELECT", "INSERT", "UPDATE", "REFERENCES"],
};

/** The known plain value of `key`, or undefined when it is unset or not known yet. */
const known = (o: Record<string, unknown>, key: string): unknown => (isSet(o, key) && !containsUnknown(o[key]) ? plain(o[key]) : undefined);
const count = (o: Record<string, unknown>, key: string): number | undefined => (isUnknownAt(o, key) || containsUnknown(o[key]) ? undefined : Array.isArray(known(o, key)) ? (known(o, key) as unknown[]).length : 0);

/** validatePrivileges (helpers.go L283-298), run by the Create of grants and default privileges. */
const privilegesFor = (type: string, source: string) =>
    object(
        type,
        "",
        source,
        relation("Create: validatePrivileges (privileges allowed for objectType)", (o, at) => {
            const v = o.value as Record<string, unknown>;
            const objectType = known(v, "objectType");
            const privileges = known(v, "privileges");
            if (typeof objectType !== "string" || !(objectType in PRIVILEGES) || !Array.isArray(privileges)) return [];
            const allowed = PRIVILEGES[objectType];
            const bad = privileges.filter((p) => !allowed.includes(p as string) && !(objectType === "table" && p === "MAINTAIN"));
            return bad.map((p) => ({ property: at("privileges"), message: `${at("privileges")}: ${JSON.stringify(p)} is not an allowed privilege for object type ${objectType}; expected ${allowed.join(", ")}` }));
        }),
    );

/** One check of resourcePostgreSQLGrantCreateOrUpdate (resource_postgresql_grant.go L145-166), before any SQL. */
const grantCheck = (rule: string, property: string, fails: (objectType: string, v: Record<string, unknown>) => boolean | undefined, message: string) =>
    object(
        GRANT,
        "",
        grant,
        relation(`Create: ${rule}`, (o, at) => {
            const v = o.value as Record<string, unknown>;
            const objectType = known(v, "objectType");
            return typeof objectType === "string" && fails(objectType, v) === true ? [{ property: at(property), message: `${at(property)}: ${message}` }] : [];
        }),
    );

export const postgresqlValidators: Validator[] = [
    field(ROLE, "connectionLimit", role, atLeast(-1)),
    field(ROLE, "idleInTransactionSessionTimeout", role, atLeast(0)),
    field(ROLE, "statementTimeout", role, atLeast(0)),
    object(ROLE, "", role, conflictsWith("password", "passwordWo", "passwordWoVersion")),
    object(ROLE, "", role, requiredWith("passwordWo", "passwordWoVersion")),
    object(ROLE, "", role, requiredWith("passwordWoVersion", "passwordWo")),
    // alterSearchPath, run by Create and Update inside the role's transaction.
    field(ROLE, "searchPaths[]", role, custom("Create: alterSearchPath (no \", \" in an element)", (v) => (typeof v === "string" && v.includes(", ") ? 'contains ", ": search_path cannot contain `, ` (give each schema as its own element)' : undefined))),
    field(DATABASE, "connectionLimit", src("resource_postgresql_database.go"), atLeast(-1)),
    field(
        GRANT,
        "objectType",
        grant,
        oneOf("database", "function", "procedure", "routine", "schema", "sequence", "table", "foreign_data_wrapper", "foreign_server", "column"),
    ),
    grantCheck("schema is mandatory unless objectType is database, foreign_data_wrapper or foreign_server", "schema", (t, v) => !["database", "foreign_data_wrapper", "foreign_server"].includes(t) && !isUnknownAt(v, "schema") && !known(v, "schema"), "parameter 'schema' is mandatory for postgresql_grant resource"),
    grantCheck("no objects when objectType is database or schema", "objects", (t, v) => (t === "database" || t === "schema") && (count(v, "objects") ?? 0) > 0, "cannot specify `objects` when `object_type` is `database` or `schema`"),
    grantCheck("columns only when objectType is column", "columns", (t, v) => t !== "column" && (count(v, "columns") ?? 0) > 0, "cannot specify `columns` when `object_type` is not `column`"),
    grantCheck("columns required when objectType is column", "columns", (t, v) => t === "column" && count(v, "columns") === 0, "must specify `columns` when `object_type` is `column`"),
    grantCheck("exactly 1 privilege when objectType is column", "privileges", (t, v) => t === "column" && count(v, "privileges") !== undefined && count(v, "privileges") !== 1, "must specify exactly 1 `privileges` when `object_type` is `column`"),
    grantCheck("exactly 1 object when objectType is column", "objects", (t, v) => t === "column" && count(v, "objects") !== undefined && count(v, "objects") !== 1, "must specify exactly 1 table in the `objects` field when `object_type` is `column`"),
    grantCheck(
        "exactly 1 object when objectType is foreign_data_wrapper or foreign_server",
        "objects",
        (t, v) => (t === "foreign_data_wrapper" || t === "foreign_server") && count(v, "objects") !== undefined && count(v, "objects") !== 1,
        "one element must be specified in `objects` when `object_type` is `foreign_data_wrapper` or `foreign_server`",
    ),
    privilegesFor(GRANT, helpers),
    field(DEFAULTS, "objectType", defaults, oneOf("table", "sequence", "function", "routine", "type", "schema")),
    object(
        DEFAULTS,
        "",
        defaults,
        relation("Create: no schema when objectType is schema", (o, at) => {
            const v = o.value as Record<string, unknown>;
            return known(v, "objectType") === "schema" && typeof known(v, "schema") === "string" && known(v, "schema") !== ""
                ? [{ property: at("schema"), message: `${at("schema")}: cannot specify \`schema\` when \`object_type\` is \`schema\`` }]
                : [];
        }),
    ),
    object(
        DEFAULTS,
        "",
        defaults,
        relation("Create: withGrantOption not for role public", (o, at) => {
            const v = o.value as Record<string, unknown>;
            const r = known(v, "role");
            return known(v, "withGrantOption") === true && typeof r === "string" && r.toLowerCase() === "public"
                ? [{ property: at("withGrantOption"), message: `${at("withGrantOption")}: with_grant_option cannot be true for role 'public'` }]
                : [];
        }),
    ),
    privilegesFor(DEFAULTS, helpers),

    // The provider's own configuration (Provider() schema and providerConfigure).
    field(PROVIDER, "scheme", provider, stringInSlice(["postgres", "awspostgres", "gcppostgres"], false)),
    field(PROVIDER, "connectTimeout", provider, intAtLeast(-1)),
    field(PROVIDER, "maxConnections", provider, intAtLeast(-1)),
    field(PROVIDER, "expectedVersion", provider, expectedVersion),
    object(
        PROVIDER,
        "",
        provider,
        relation("Configure: azureIdentityAuth needs azureTenantId", (o, at) => {
            const v = o.value as Record<string, unknown>;
            const on = (k: string) => String(known(v, k)) === "true";
            if (!on("azureIdentityAuth") || on("awsRdsIamAuth") || isUnknownAt(v, "awsRdsIamAuth") || isUnknownAt(v, "azureTenantId") || known(v, "azureTenantId")) return [];
            return [{ property: at("azureTenantId"), message: "postgresql: azure_identity_auth is enabled, azure_tenant_id must be provided also" }];
        }),
    ),
];

const VERSION_DEPENDENT = "depends on the server's PostgreSQL version, which the provider reads from the live connection";
const sourceOf = (file: string, lines: string) => `cyrilgdn/terraform-provider-postgresql postgresql/${file} @ff936b9 (${COMMIT}, pinned by pulumi/pulumi-postgresql v3.18.0's upstream submodule) ${lines}`;

/** Every validator-bearing attribute (and pre-SQL check) of the PostgreSQL types the program registers. */
export const postgresqlCoverage: Record<string, TypeCoverage> = {
    [DATABASE]: {
        source: sourceOf("resource_postgresql_database.go", "Schema L30-140"),
        attributes: [{ path: "connectionLimit", declared: "IntAtLeast(-1) (L92)" }],
    },
    [ROLE]: {
        source: sourceOf("resource_postgresql_role.go", "Schema L55-200 (roles and search_path declare MinItems 0, no constraint), Create L200-380"),
        attributes: [
            { path: "password", declared: "ConflictsWith(password_wo, password_wo_version) (L67)" },
            { path: "passwordWo", declared: "ConflictsWith(password), RequiredWith(password_wo_version) (L74-75)" },
            { path: "passwordWoVersion", declared: "ConflictsWith(password), RequiredWith(password_wo) (L82-83)" },
            { path: "connectionLimit", declared: "IntAtLeast(-1) (L123)" },
            { path: "idleInTransactionSessionTimeout", declared: "IntAtLeast(0) (L147)" },
            { path: "statementTimeout", declared: "IntAtLeast(0) (L189)" },
            { path: "searchPaths[]", declared: "Create/Update alterSearchPath: \"search_path cannot contain `, `\" (L1045-1055)" },
        ],
    },
    [GRANT]: {
        source: sourceOf("resource_postgresql_grant.go", "Schema L40-100, resourcePostgreSQLGrantCreateOrUpdate L139-170, validateFeatureSupport L835-856; validatePrivileges in helpers.go L283-298"),
        attributes: [
            { path: "objectType", declared: "StringInSlice(allowedObjectTypes, false) (L70)" },
            { path: "schema", declared: "Create: mandatory unless object_type is database, foreign_data_wrapper or foreign_server (L146-148)" },
            { path: "objects", declared: "Create: none for database or schema; exactly 1 for column, foreign_data_wrapper, foreign_server (L149-166)" },
            { path: "columns", declared: "Create: only and always for object_type column (L152-157)" },
            { path: "privileges", declared: "Create: exactly 1 for column (L158-160); validatePrivileges: allowed for the object type" },
            { path: "objectType (server version)", declared: "validateFeatureSupport: procedure and routine need a server that supports them (L835-856)", exception: VERSION_DEPENDENT },
        ],
    },
    [DEFAULTS]: {
        source: sourceOf("resource_postgresql_default_privileges.go", "Schema L20-80, Create L116-145; validatePrivileges in helpers.go L283-298"),
        attributes: [
            { path: "objectType", declared: "StringInSlice(table, sequence, function, routine, type, schema) (L52-59)" },
            { path: "schema", declared: "Create: \"cannot specify `schema` when `object_type` is `schema`\" (L120-128)" },
            { path: "withGrantOption", declared: "Create: \"with_grant_option cannot be true for role 'public'\" (L137-139)" },
            { path: "privileges", declared: "Create: validatePrivileges, allowed for the object type (L141)" },
            { path: "objectType (server version)", declared: "Create: routine, and schema with a schema, need a server that supports them (L120-135)", exception: VERSION_DEPENDENT },
        ],
    },
    [SCHEMA]: {
        source: sourceOf("resource_postgresql_schema.go", "Schema L40-110: no attribute carries a validator, ConflictsWith or MaxItems, and Create checks nothing before its SQL"),
        attributes: [],
    },
    [PROVIDER]: {
        source: sourceOf("provider.go", "Provider() schema L30-215, validateExpectedVersion L232-237, providerConfigure L333-420"),
        attributes: [
            { path: "scheme", declared: "StringInSlice(postgres, awspostgres, gcppostgres, false) (L36-40)" },
            { path: "clientcert", declared: "MaxItems 1 (L173)", shape: true },
            { path: "connectTimeout", declared: "IntAtLeast(-1) (L186)" },
            { path: "maxConnections", declared: "IntAtLeast(-1) (L193)" },
            { path: "expectedVersion", declared: "validateExpectedVersion: semver.ParseTolerant (L200, L232-237)" },
            { path: "azureTenantId", declared: "Configure: azure_identity_auth needs azure_tenant_id (L360-364)" },
        ],
    },
};
