/**
 * Input validators of cyrilgdn/terraform-provider-postgresql at ff936b9, the upstream commit the
 * pulumi/pulumi-postgresql v3.18 `upstream` submodule pins (v1.26.0 plus three commits; released by
 * pulumi-postgresql as "v1.27.0", pulumi/pulumi-postgresql#974).
 */
import { atLeast, conflictsWith, field, object, oneOf, requiredWith, Validator } from "./validator";

const src = (file: string) => `cyrilgdn/terraform-provider-postgresql postgresql/${file} v1.26.0-3-gff936b9`;
const ROLE = "postgresql:index/role:Role";
const DATABASE = "postgresql:index/database:Database";
const GRANT = "postgresql:index/grant:Grant";
const DEFAULTS = "postgresql:index/defaultPrivileges:DefaultPrivileges";
const role = src("resource_postgresql_role.go");

export const postgresqlValidators: Validator[] = [
    field(ROLE, "connectionLimit", role, atLeast(-1)),
    field(ROLE, "idleInTransactionSessionTimeout", role, atLeast(0)),
    field(ROLE, "statementTimeout", role, atLeast(0)),
    object(ROLE, "", role, conflictsWith("password", "passwordWo", "passwordWoVersion")),
    object(ROLE, "", role, requiredWith("passwordWo", "passwordWoVersion")),
    object(ROLE, "", role, requiredWith("passwordWoVersion", "passwordWo")),
    field(DATABASE, "connectionLimit", src("resource_postgresql_database.go"), atLeast(-1)),
    field(
        GRANT,
        "objectType",
        src("resource_postgresql_grant.go"),
        oneOf("database", "function", "procedure", "routine", "schema", "sequence", "table", "foreign_data_wrapper", "foreign_server", "column"),
    ),
    field(DEFAULTS, "objectType", src("resource_postgresql_default_privileges.go"), oneOf("table", "sequence", "function", "routine", "type", "schema")),
];
