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
const teamEmail = { type: "email", integrationId: null, config: { targetType: "team", targetIdentifier: "1234567", targetDisplay: null }, data: {} };
const slack = { type: "slack", integrationId: "12", config: { targetType: "specific", targetIdentifier: null, targetDisplay: "alerts" }, data: {} };
const workflow = (name: string, actions: unknown[]): SyntheticResource => ({
    type: "pulumi-nodejs:dynamic/sentry:Workflow",
    name,
    inputs: { organization: "acme", project: "acme-chat-prod", connectErrorDetector: false, name, enabled: true, config: { frequency: 0 }, triggers: { logicType: "any-short", conditions: [] }, actionFilters: [{ logicType: "any-short", conditions: [], actions }] },
});
const spans = { queryType: 1, dataset: "events_analytics_platform", eventTypes: ["trace_item_span"], query: "is_transaction:true", timeWindow: 300, environment: null };
const detector = (name: string, source: Record<string, unknown>, notify: string[], projectSlug: unknown = "acme-chat-prod", workflowIds: unknown = notify.length ? [UNKNOWN] : []): SyntheticResource => ({
    type: "pulumi-nodejs:dynamic/sentry:Detector",
    name,
    inputs: {
        organization: "acme",
        project: projectSlug,
        name,
        type: "metric_issue",
        dataSources: [{ ...spans, ...source }],
        conditionGroup: { logicType: "any", conditions: [{ type: "gt", comparison: 0.01, conditionResult: 75 }, { type: "lte", comparison: 0.01, conditionResult: 0 }] },
        config: { detectionType: "static" },
        workflowIds,
    },
    propertyDependencies: notify.length ? { workflowIds: notify } : undefined,
});
const rate = { aggregate: "failure_rate()" };
const legacyMetric: SyntheticResource = {
    type: "sentry:index/sentryMetricAlert:SentryMetricAlert",
    name: "legacy-rate",
    inputs: { organization: "acme", project: "acme-chat-prod", aggregate: "failure_rate()", query: "", dataset: "transactions", timeWindow: 5, thresholdType: 0, triggers: [{ label: "critical", thresholdType: 0, alertThreshold: 0.01, actions: [{ type: "email", targetType: "team", targetIdentifier: "1" }] }] },
};
const legacyIssue: SyntheticResource = {
    type: "sentry:index/sentryIssueAlert:SentryIssueAlert",
    name: "legacy-issues",
    inputs: { organization: "acme", project: "acme-chat-prod", name: "New issue", actionMatch: "any", filterMatch: "all", frequency: 30, conditions: [{ id: "sentry.rules.conditions.first_seen_event.FirstSeenEventCondition" }], actions: [{ id: "sentry.mail.actions.NotifyEmailAction", targetType: "Team", targetIdentifier: "1" }] },
};

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
    const notify = workflow("notify", [teamEmail]);

    it("fires in prod without an error-rate monitor, with a legacy metric alert only, on a refused dataset, telling nobody, or on another project", async () => {
        assertFires(await evaluate(base), "sentry-error-rate-alert", "project-acme-chat-prod", "mandatory");
        const [legacy] = assertFires(await evaluate([...base, legacyMetric]), "sentry-error-rate-alert", "project-acme-chat-prod");
        assert.match(legacy.message, /legacy-rate: SentryMetricAlert uses the legacy alert-rule API Sentry removed/);
        assertFires(await evaluate([...base, notify, detector("count", { aggregate: "count(span.duration)" }, ["notify"])]), "sentry-error-rate-alert", "project-acme-chat-prod");
        assertFires(await evaluate([...base, notify, detector("tx", { ...rate, dataset: "transactions", eventTypes: ["transaction"] }, ["notify"])]), "sentry-error-rate-alert", "project-acme-chat-prod");
        const [silent] = assertFires(await evaluate([...base, workflow("nobody", []), detector("rate", rate, ["nobody"])]), "sentry-error-rate-alert", "project-acme-chat-prod");
        assert.match(silent.message, /rate: the error-rate monitor is connected to no alert with a recipient/);
        const noTarget = workflow("typo", [{ ...teamEmail, config: { targetType: "team", targetIdentifier: "platform-team", targetDisplay: null } }]);
        assertFires(await evaluate([...base, noTarget, detector("rate", rate, ["typo"])]), "sentry-error-rate-alert", "project-acme-chat-prod");
        assertFires(await evaluate([...base, detector("unrouted", rate, [])]), "sentry-error-rate-alert", "project-acme-chat-prod");
        const teamNoFilter: SyntheticResource = { ...notify, name: "empty", inputs: { ...notify.inputs, notifyTeam: "platform-team", actionFilters: [] } };
        assertFires(await evaluate([...base, teamNoFilter, detector("rate", rate, ["empty"])]), "sentry-error-rate-alert", "project-acme-chat-prod");
        assertFires(await evaluate([...base, notify, detector("rate", rate, ["notify"], "other-project")]), "sentry-error-rate-alert", "project-acme-chat-prod");
    });

    it("stays quiet with a span error-rate monitor notifying a team, a Slack channel or a workflow kept outside the stack; in dev; when Sentry is external", async () => {
        assertQuiet(await evaluate([...base, notify, detector("rate", rate, ["notify"])]), "sentry-error-rate-alert");
        const byTeam = workflow("team", []);
        assertQuiet(await evaluate([...base, { ...byTeam, inputs: { ...byTeam.inputs, notifyTeam: "platform-team" } }, detector("rate", rate, ["team"])]), "sentry-error-rate-alert");
        assertQuiet(await evaluate([...base, workflow("slack", [slack]), detector("rate", rate, ["slack"])]), "sentry-error-rate-alert");
        const previewTeam = workflow("preview", [{ ...teamEmail, config: { targetType: "team", targetIdentifier: UNKNOWN, targetDisplay: null } }]);
        assertQuiet(await evaluate([...base, previewTeam, detector("rate", rate, ["preview"])]), "sentry-error-rate-alert");
        assertQuiet(await evaluate([...base, detector("rate", rate, [], "acme-chat-prod", ["4242"])]), "sentry-error-rate-alert");
        assertQuiet(await evaluate([...base, notify, detector("rate", rate, ["notify"], UNKNOWN)].map((r) => (r.name === "rate" ? { ...r, propertyDependencies: { ...r.propertyDependencies, project: ["project-acme-chat-prod"] } } : r))), "sentry-error-rate-alert");
        assertQuiet(await evaluate(base, { environment: "dev" }), "sentry-error-rate-alert");
        assertQuiet(await evaluate([component({ mode: "external" })]), "sentry-error-rate-alert");
    });
});

describe("sentry-alerts-current-api", () => {
    it("fires, mandatory in dev and prod, on every issue or metric alert of the legacy API", async () => {
        assertFires(await evaluate([legacyIssue]), "sentry-alerts-current-api", "legacy-issues", "mandatory");
        const [metric] = assertFires(await evaluate([legacyMetric], { environment: "dev" }), "sentry-alerts-current-api", "legacy-rate", "mandatory");
        assert.match(metric.message, /alert-rules/);
    });

    it("stays quiet on the workflow engine's resources and on a stack without alerts", async () => {
        assertQuiet(await evaluate([managed, project("acme-chat-prod"), workflow("notify", [teamEmail]), detector("rate", rate, ["notify"])]), "sentry-alerts-current-api");
        assertQuiet(await evaluate([managed, project("acme-chat-prod")], { environment: "dev" }), "sentry-alerts-current-api");
    });
});

describe("sentry-environment-separate", () => {
    it("fires, mandatory in dev and prod, on a project or key whose slug carries another environment or none", async () => {
        assertFires(await evaluate([project("acme-chat-prod"), key("k", "acme-chat-prod")], { environment: "dev" }), "sentry-environment-separate", "project-acme-chat-prod", "mandatory");
        assertFires(await evaluate([key("k", "acme-chat-prod")], { environment: "dev" }), "sentry-environment-separate", "k", "mandatory");
        assertFires(await evaluate([project("legacy-web")]), "sentry-environment-separate", "project-legacy-web", "mandatory");
        assertFires(await evaluate([key("k", "acme-production")]), "sentry-environment-separate", "k");
        assertFires(await evaluate([detector("rate", rate, [], "acme-chat-prod")], { environment: "dev" }), "sentry-environment-separate", "rate", "mandatory");
        assertFires(await evaluate([workflow("notify", [teamEmail])], { environment: "dev" }), "sentry-environment-separate", "notify");
    });

    it("stays quiet on slugs that carry the environment, and on an unknown slug", async () => {
        assertQuiet(await evaluate([project("acme-chat-prod"), key("k", "acme-chat-prod")]), "sentry-environment-separate");
        assertQuiet(await evaluate([project("acme-chat-dev"), key("k", "acme-chat-dev")], { environment: "dev" }), "sentry-environment-separate");
        assertQuiet(await evaluate([key("k", UNKNOWN)]), "sentry-environment-separate");
        assertQuiet(await evaluate([detector("rate", rate, []), workflow("notify", [teamEmail])]), "sentry-environment-separate");
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
