/**
 * The postgresql validators added from cyrilgdn/terraform-provider-postgresql @ff936b9 (readiness/providers/
 * postgresql.ts): the provider configuration's validators and Configure check, and the checks its Create functions
 * make before any SQL, each where it fires and where it stays quiet, at the limits.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toRecorded } from "../synthetic";
import { validateProviderInputs } from "../../readiness/providers";
import { UNKNOWN } from "../support";

const refused = (type: string, inputs: Record<string, unknown>) => validateProviderInputs(toRecorded([{ type, name: "r", inputs }])).map((e) => e.property);
const provider = (inputs: Record<string, unknown>) => refused("pulumi:providers:postgresql", inputs);
const grant = (inputs: Record<string, unknown>) => refused("postgresql:index/grant:Grant", { role: "app_rw", database: "app", ...inputs });
const defaults = (inputs: Record<string, unknown>) => refused("postgresql:index/defaultPrivileges:DefaultPrivileges", { role: "app_rw", database: "app", owner: "app_owner", ...inputs });

describe("postgresql provider configuration (provider.go @ff936b9)", () => {
    it("expected_version: what semver.ParseTolerant accepts passes, and only what every release of it refuses is refused", () => {
        for (const v of ["17", "17.4", "17.4.0", "v17.4", " 16.3 ", "17.0.0-rc1", "17.0.0+build.1", "017.4"]) assert.deepEqual(provider({ expectedVersion: v }), [], v);
        for (const v of ["", "17-beta", "17.4.x", "seventeen", "17.4.0.1", "17.0.0-", "17.0.0+"]) assert.deepEqual(provider({ expectedVersion: v }), ["expectedVersion"], JSON.stringify(v));
    });

    it("connect_timeout and max_connections are at least -1, numbers or the strings provider config arrives as", () => {
        for (const key of ["connectTimeout", "maxConnections"]) {
            assert.deepEqual(provider({ [key]: -1 }), []);
            assert.deepEqual(provider({ [key]: "15" }), []);
            assert.deepEqual(provider({ [key]: -2 }), [key]);
            assert.deepEqual(provider({ [key]: "-2" }), [key]);
        }
    });

    it("scheme is postgres, awspostgres or gcppostgres, case-sensitively", () => {
        for (const scheme of ["postgres", "awspostgres", "gcppostgres"]) assert.deepEqual(provider({ scheme }), []);
        assert.deepEqual(provider({ scheme: "Postgres" }), ["scheme"]);
    });

    it("Azure identity auth needs a tenant, unless RDS IAM auth is on (which Configure tries first)", () => {
        assert.deepEqual(provider({ azureIdentityAuth: "true" }), ["azureTenantId"]);
        assert.deepEqual(provider({ azureIdentityAuth: true, azureTenantId: "" }), ["azureTenantId"]);
        assert.deepEqual(provider({ azureIdentityAuth: "true", azureTenantId: "t" }), []);
        assert.deepEqual(provider({ azureIdentityAuth: "true", awsRdsIamAuth: "true" }), []);
        assert.deepEqual(provider({ azureIdentityAuth: "true", azureTenantId: UNKNOWN }), []);
        assert.deepEqual(provider({ azureIdentityAuth: "false" }), []);
    });
});

describe("postgresql_grant: resourcePostgreSQLGrantCreateOrUpdate's checks before any SQL", () => {
    it("schema is mandatory except for database, foreign data wrapper and foreign server grants", () => {
        assert.deepEqual(grant({ objectType: "table", privileges: ["SELECT"] }), ["schema"]);
        assert.deepEqual(grant({ objectType: "table", schema: "", privileges: ["SELECT"] }), ["schema"]);
        assert.deepEqual(grant({ objectType: "table", schema: "app", privileges: ["SELECT"] }), []);
        assert.deepEqual(grant({ objectType: "table", schema: UNKNOWN, privileges: ["SELECT"] }), []);
        assert.deepEqual(grant({ objectType: "database", privileges: ["CONNECT"] }), []);
        assert.deepEqual(grant({ objectType: "foreign_server", objects: ["remote"], privileges: ["USAGE"] }), []);
    });

    it("objects: none on a database or schema; exactly one on a column, foreign data wrapper or foreign server", () => {
        assert.deepEqual(grant({ objectType: "database", objects: ["app"], privileges: ["CONNECT"] }), ["objects"]);
        assert.deepEqual(grant({ objectType: "schema", schema: "app", objects: [], privileges: ["USAGE"] }), []);
        assert.deepEqual(grant({ objectType: "foreign_data_wrapper", objects: [], privileges: ["USAGE"] }), ["objects"]);
        assert.deepEqual(grant({ objectType: "foreign_data_wrapper", objects: ["a", "b"], privileges: ["USAGE"] }), ["objects"]);
        assert.deepEqual(grant({ objectType: "foreign_data_wrapper", objects: UNKNOWN, privileges: ["USAGE"] }), []);
        assert.deepEqual(grant({ objectType: "table", schema: "app", objects: ["a", "b"], privileges: ["SELECT"] }), [], "any number of tables");
    });

    it("columns: only, and always, on a column grant, with exactly one table and one privilege", () => {
        assert.deepEqual(grant({ objectType: "column", schema: "app", objects: ["users"], columns: ["id", "email"], privileges: ["SELECT"] }), []);
        assert.deepEqual(grant({ objectType: "column", schema: "app", objects: ["users"], privileges: ["SELECT"] }), ["columns"]);
        assert.deepEqual(grant({ objectType: "table", schema: "app", columns: ["id"], privileges: ["SELECT"] }), ["columns"]);
        assert.deepEqual(grant({ objectType: "column", schema: "app", objects: ["users", "orders"], columns: ["id"], privileges: ["SELECT"] }), ["objects"]);
        assert.deepEqual(grant({ objectType: "column", schema: "app", objects: ["users"], columns: ["id"], privileges: ["SELECT", "UPDATE"] }), ["privileges"]);
    });

    it("privileges are those allowedPrivileges lists for the object type, as written (MAINTAIN on a table depends on the server)", () => {
        assert.deepEqual(grant({ objectType: "table", schema: "app", privileges: ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "ALL", "MAINTAIN"] }), []);
        assert.deepEqual(grant({ objectType: "schema", schema: "app", privileges: ["USAGE", "SELECT"] }), ["privileges"]);
        assert.deepEqual(grant({ objectType: "table", schema: "app", privileges: ["select"] }), ["privileges"], "the provider compares exactly");
        assert.deepEqual(grant({ objectType: "sequence", schema: "app", privileges: ["MAINTAIN"] }), ["privileges"]);
    });
});

describe("postgresql_default_privileges and postgresql_role: Create's checks before any SQL", () => {
    it("no schema on default privileges for schemas; no grant option for PUBLIC; privileges per object type", () => {
        assert.deepEqual(defaults({ objectType: "schema", schema: "app", privileges: ["USAGE"] }), ["schema"]);
        assert.deepEqual(defaults({ objectType: "schema", privileges: ["USAGE"] }), []);
        assert.deepEqual(defaults({ objectType: "table", schema: "app", privileges: ["SELECT"], role: "Public", withGrantOption: true }), ["withGrantOption"]);
        assert.deepEqual(defaults({ objectType: "table", schema: "app", privileges: ["SELECT"], role: "public", withGrantOption: false }), []);
        assert.deepEqual(defaults({ objectType: "function", schema: "app", privileges: ["USAGE"] }), ["privileges"]);
        assert.deepEqual(defaults({ objectType: "function", schema: "app", privileges: ["EXECUTE"] }), []);
    });

    it("a search_path element may not contain \", \"", () => {
        const role = (searchPaths: unknown) => refused("postgresql:index/role:Role", { name: "app_rw", searchPaths });
        assert.deepEqual(role(["app", "public"]), []);
        assert.deepEqual(role(["app,public"]), [], "a comma alone is one quoted identifier");
        assert.deepEqual(role(["app, public"]), ["searchPaths[0]"]);
    });
});
