import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertFires, assertQuiet, checkVariant, evaluate, secret, SyntheticResource, UNKNOWN } from "../support";

const ENV_VAR = "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable";
const component = (outputs: Record<string, unknown>): SyntheticResource => ({ type: "service:monitoring:ErrorTracking", name: "sentry", custom: false, inputs: {}, outputs });
const project = (slug: string): SyntheticResource => ({ type: "sentry:index/sentryProject:SentryProject", name: `project-${slug}`, inputs: { organization: "acme", slug, name: slug, teams: ["platform"] } });
const key = (name: string, projectSlug: unknown, deps: string[] = []): SyntheticResource => ({
    type: "sentry:index/sentryKey:SentryKey",
    name,
    inputs: { organization: "acme", project: projectSlug, name: "app" },
    propertyDependencies: deps.length ? { project: deps } : undefined,
});
const dsnVar = (name: string, deps: string[], targets = ["production"]): SyntheticResource => ({
    type: ENV_VAR,
    name,
    inputs: { projectId: "prj_1", teamId: "team_acme", key: "SENTRY_DSN", value: secret("https://abc@o1.ingest.sentry.io/2"), sensitive: true, targets },
    propertyDependencies: deps.length ? { value: deps } : undefined,
});
const managed = component({ mode: "managed", environment: "prod", projectSlug: "acme-chat-prod", adopted: false });
const teamAction = { type: "email", targetType: "team", targetIdentifier: "1234567" };
const metric = (name: string, aggregate: string, actions: unknown[], projectSlug: unknown = "acme-chat-prod"): SyntheticResource => ({
    type: "sentry:index/sentryMetricAlert:SentryMetricAlert",
    name,
    inputs: { organization: "acme", project: projectSlug, aggregate, query: "", dataset: "transactions", timeWindow: 5, thresholdType: 0, triggers: [{ label: "critical", thresholdType: 0, alertThreshold: 0.01, actions }] },
});

describe("sentry-dsn-from-stack-key", () => {
    it("fires, mandatory in prod, on a production SENTRY_DSN that comes from no key of the stack, or from a key of a project it neither creates nor adopts", async () => {
        const pasted = await evaluate([managed, project("acme-chat-prod"), dsnVar("dsn", [])]);
        assertFires(pasted, "sentry-dsn-from-stack-key", "dsn", "mandatory");
        const foreign = await evaluate([managed, project("acme-chat-prod"), key("dev-key", "acme-chat-dev"), dsnVar("dsn", ["dev-key"])]);
        const [f] = assertFires(foreign, "sentry-dsn-from-stack-key", "dsn");
        assert.match(f.message, /"acme-chat-dev", which this stack neither creates nor adopts/);
    });

    it("stays quiet on the stack's own key (by dependency, by slug or adopted), on other targets and when Sentry is kept outside Pulumi by choice", async () => {
        assertQuiet(await evaluate([managed, project("acme-chat-prod"), key("k", UNKNOWN, ["project-acme-chat-prod"]), dsnVar("dsn", ["k"])]), "sentry-dsn-from-stack-key");
        assertQuiet(await evaluate([managed, project("acme-chat-prod"), key("k", "acme-chat-prod"), dsnVar("dsn", ["k"])]), "sentry-dsn-from-stack-key");
        const adopted = component({ mode: "managed", projectSlug: "legacy-web", adopted: true });
        assertQuiet(await evaluate([adopted, key("k", "legacy-web"), dsnVar("dsn", ["k"])]), "sentry-dsn-from-stack-key");
        assertQuiet(await evaluate([managed, dsnVar("dsn", [], ["preview"])], { environment: "dev" }), "sentry-dsn-from-stack-key");
        assertQuiet(await evaluate([component({ mode: "external", environment: "prod" }), dsnVar("dsn", [])]), "sentry-dsn-from-stack-key");
    });
});

describe("sentry-error-rate-alert", () => {
    const base = [managed, project("acme-chat-prod"), key("k", "acme-chat-prod")];

    it("fires in prod without an error-rate alert, with one that tells nobody, or with one on another project", async () => {
        assertFires(await evaluate(base), "sentry-error-rate-alert", "project-acme-chat-prod", "mandatory");
        assertFires(await evaluate([...base, metric("count", "count()", [teamAction])]), "sentry-error-rate-alert", "project-acme-chat-prod");
        const [silent] = assertFires(await evaluate([...base, metric("rate", "failure_rate()", [])]), "sentry-error-rate-alert", "project-acme-chat-prod");
        assert.match(silent.message, /no trigger action with a recipient/);
        assertFires(await evaluate([...base, metric("rate", "failure_rate()", [teamAction], "other-project")]), "sentry-error-rate-alert", "project-acme-chat-prod");
    });

    it("stays quiet with an error-rate alert routed to a team or an integration, in dev, and when Sentry is external", async () => {
        assertQuiet(await evaluate([...base, metric("rate", "failure_rate()", [teamAction])]), "sentry-error-rate-alert");
        assertQuiet(await evaluate([...base, metric("rate", "failure_rate()", [{ type: "slack", targetType: "specific", targetIdentifier: "#alerts", integrationId: 12 }])]), "sentry-error-rate-alert");
        assertQuiet(await evaluate([...base, metric("rate", "failure_rate()", [{ type: "email", targetType: "team", targetIdentifier: UNKNOWN }])]), "sentry-error-rate-alert");
        assertQuiet(await evaluate(base, { environment: "dev" }), "sentry-error-rate-alert");
        assertQuiet(await evaluate([component({ mode: "external" })]), "sentry-error-rate-alert");
    });
});

describe("sentry-environment-separate", () => {
    it("fires, mandatory in dev and prod, on a project or key whose slug carries another environment or none", async () => {
        assertFires(await evaluate([project("acme-chat-prod"), key("k", "acme-chat-prod")], { environment: "dev" }), "sentry-environment-separate", "project-acme-chat-prod", "mandatory");
        assertFires(await evaluate([key("k", "acme-chat-prod")], { environment: "dev" }), "sentry-environment-separate", "k", "mandatory");
        assertFires(await evaluate([project("legacy-web")]), "sentry-environment-separate", "project-legacy-web", "mandatory");
        assertFires(await evaluate([key("k", "acme-production")]), "sentry-environment-separate", "k");
    });

    it("stays quiet on slugs that carry the environment, and on an unknown slug", async () => {
        assertQuiet(await evaluate([project("acme-chat-prod"), key("k", "acme-chat-prod")]), "sentry-environment-separate");
        assertQuiet(await evaluate([project("acme-chat-dev"), key("k", "acme-chat-dev")], { environment: "dev" }), "sentry-environment-separate");
        assertQuiet(await evaluate([key("k", UNKNOWN)]), "sentry-environment-separate");
    });
});

describe("the Sentry rules on the real program", () => {
    it("the example stacks are quiet; dev adopting prod's project, and prod without alerts, are blocked", async () => {
        for (const stack of ["dev", "prod"]) {
            const report = await checkVariant(stack);
            assert.deepEqual(report.violations.filter((v) => v.policy.startsWith("sentry-")), [], stack);
        }
        // An override replaces the stack file's whole service:sentry object.
        const sentry = { mode: "managed", organization: "acme", team: "platform-team" };
        const dev = await checkVariant("dev", { "service:sentry": { ...sentry, projectSlug: "acme-chat-prod", adopt: true } });
        assert.ok(dev.violations.some((v) => v.policy === "sentry-environment-separate" && v.enforcementLevel === "mandatory"));
        const quiet = await checkVariant("prod", { "service:sentry": { ...sentry, alerts: { newIssues: true, errorRatePercent: 0, errorRateWindowMinutes: 5, serverErrorsPerWindow: 10, serverErrorsWindowMinutes: 5 } } });
        assert.ok(quiet.violations.some((v) => v.policy === "sentry-error-rate-alert" && v.enforcementLevel === "mandatory"));
    });
});
