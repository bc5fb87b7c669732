/** Issue 25: one list of stateful types serves stateful-resources-protected and the change report. */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DATA_TYPES, STATEFUL_TYPES as PACK_TYPES } from "../../policies/lib/stateful";
import { STATEFUL_TYPES as REPORT_TYPES, statefulType } from "../../readiness/changes/replacement";
import { assertFires, assertQuiet, evaluate, SyntheticResource } from "../support";

const RULE = "stateful-resources-protected";
const of = (type: string, name: string, opts: Partial<SyntheticResource> = {}): SyntheticResource => ({ type, name, inputs: {}, ...opts });

describe("stateful-resources-protected reads the one list of stateful types", () => {
    it("is the list the change report reads", () => {
        assert.equal(REPORT_TYPES, PACK_TYPES);
        for (const type of DATA_TYPES) assert.equal(statefulType(type)?.kind, "data", type);
    });

    it("fires in prod on every data type the shared and app stacks hold that loses protect", async () => {
        const types = [
            "vercel:index/project:Project",
            "aws:iam/openIdConnectProvider:OpenIdConnectProvider",
            "sentry:index/sentryProject:SentryProject",
            "sentry:index/sentryKey:SentryKey",
            "aws:cloudwatch/logGroup:LogGroup",
            "postgresql:index/schema:Schema",
            "postgresql:index/database:Database",
            "postgresql:index/role:Role",
            "aws:rds/cluster:Cluster",
            "aws:dynamodb/table:Table",
            "aws:elasticache/serverlessCache:ServerlessCache",
        ];
        const diags = await evaluate(types.map((t, i) => of(t, `r${i}`)));
        types.forEach((t, i) => assertFires(diags, RULE, `r${i}`, "mandatory"));
        assertQuiet(await evaluate(types.map((t, i) => of(t, `r${i}`, { protect: true }))), RULE);
    });

    it("protects a secret version written once (its value ignored) but leaves rotated values replaceable", async () => {
        const diags = await evaluate([
            of("aws:secretsmanager/secretVersion:SecretVersion", "write-once", { inputs: { secretId: "s", secretString: "x" }, ignoreChanges: ["secretString"] }),
            of("aws:secretsmanager/secretVersion:SecretVersion", "rotated", { inputs: { secretId: "s", secretString: "x" } }),
            of("random:index/randomPassword:RandomPassword", "password", { inputs: { length: 64 } }),
            of("aws:rds/parameterGroup:ParameterGroup", "settings", { inputs: { name: "svc-prod-pg", family: "postgres17" } }),
        ]);
        assertFires(diags, RULE, "write-once", "mandatory");
        for (const name of ["rotated", "password", "settings"]) assertQuiet(diags, RULE, name);
    });

    it("requires in prod the generated password a rotated secret version carries to be protected, not the version itself", async () => {
        // What components/secrets.ts makes of an app secret: a password, the secret, and the version carrying the
        // password's value (a property dependency), replaced at each rotation.
        const app = (protectPassword: boolean): SyntheticResource[] => [
            of("random:index/randomPassword:RandomPassword", "session-secret", { inputs: { length: 64 }, protect: protectPassword }),
            of("aws:secretsmanager/secret:Secret", "session-secret-store", { inputs: { name: "acme-prod-session-secret" }, protect: true }),
            of("aws:secretsmanager/secretVersion:SecretVersion", "session-secret-value", {
                inputs: { secretId: "acme-prod-session-secret", secretString: "generated" },
                propertyDependencies: { secretId: ["session-secret-store"], secretString: ["session-secret"] },
            }),
        ];
        const [finding] = assertFires(await evaluate(app(false)), RULE, "session-secret", "mandatory");
        assert.match(finding.message, /session-secret-value .* writes its value into a secret other systems read/);
        // The version itself stays replaceable: deleting it leaves the current value in Secrets Manager.
        assertQuiet(await evaluate(app(false)), RULE, "session-secret-value");
        assertQuiet(await evaluate(app(true)), RULE);
        // A password no secret version carries (a database role's, rotated with its alternate credential) is left alone,
        // and so is one only a write-once record carries (its value input ignored: judged as a record, protected itself).
        const roleOnly = app(false).filter((r) => r.type !== "aws:secretsmanager/secretVersion:SecretVersion");
        assertQuiet(await evaluate(roleOnly), RULE);
        const record = app(false).map((r) => (r.type === "aws:secretsmanager/secretVersion:SecretVersion" ? { ...r, protect: true, ignoreChanges: ["secretString"] } : r));
        assertQuiet(await evaluate(record), RULE);
        assertQuiet(await evaluate(app(false), { environment: "dev" }), RULE);
    });

    it("stays quiet in dev, where data is destroyable", async () => {
        assertQuiet(await evaluate([of("sentry:index/sentryProject:SentryProject", "p")], { environment: "dev" }), RULE);
    });
});
