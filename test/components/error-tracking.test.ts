import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError, parseServiceConfig } from "../../config";
import type { RecordedResource } from "../../readiness/engine/resource";
import { ERROR_RATE_SOURCE, ERROR_TRACKING_TYPE, SERVER_ERRORS_SOURCE } from "../../components/errorTracking";
import { SENTRY_DETECTOR, SENTRY_LEGACY_ALERTS, SENTRY_WORKFLOW } from "../../contracts/sentry";
import { checkAppProgram, MISSING_SECRET_VALUE } from "../programs/app-run";
import { exampleStack } from "../support";

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SIG = "1b47061264138c4ac30d75fd1eb44270";
const PROJECT = "sentry:index/sentryProject:SentryProject";
const KEY = "sentry:index/sentryKey:SentryKey";
const ENV_VAR = "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable";
const DSN = /^https:\/\/[0-9a-f]{32}@o\d{7}\.ingest\.sentry\.io\/\d{16}$/;

const ofType = (rs: RecordedResource[], type: string) => rs.filter((r) => r.type === type);
const envVars = (rs: RecordedResource[], key: string) => ofType(rs, ENV_VAR).filter((r) => r.inputs.key === key);
function revealed(v: unknown): string {
    const w = v as Record<string, unknown>;
    assert.ok(w && w[SIG_KEY] === SIG, "a Pulumi secret");
    return w.value as string;
}
type Json = Record<string, any>;
const dataSource = (d: RecordedResource) => (d.inputs.dataSources as Json[])[0];

describe("ErrorTracking (service:sentry.mode managed)", () => {
    it("prod: its own protected project without a platform, a protected key whose DSN reaches production as a sensitive secret", async () => {
        const { run } = await checkAppProgram("prod");
        const [project] = ofType(run.resources, PROJECT);
        assert.equal(project.inputs.slug, "acme-chat-prod");
        assert.deepEqual(project.inputs.teams, ["platform-team"]);
        assert.equal(project.inputs.platform, undefined, "v0.11.2 validates a platform by fetching docs.sentry.io during preview");
        assert.equal(project.protect, true);
        assert.equal(project.retainOnDelete, true);
        assert.equal(project.parent?.split("::").pop(), "acme-chat-prod-sentry");
        assert.equal(ofType(run.resources, ERROR_TRACKING_TYPE).length, 1);

        const [key] = ofType(run.resources, KEY);
        assert.equal(key.inputs.project, "acme-chat-prod");
        assert.equal(key.protect, true);
        const [dsnVar] = envVars(run.resources, "SENTRY_DSN");
        assert.equal(dsnVar.inputs.sensitive, true);
        assert.deepEqual(dsnVar.inputs.targets, ["production"]);
        assert.match(revealed(dsnVar.inputs.value), DSN);
        assert.equal(revealed(dsnVar.inputs.value), key.outputs.dsnPublic);
        const [environment] = envVars(run.resources, "SENTRY_ENVIRONMENT");
        assert.equal(environment.inputs.sensitive, false);
    });

    it("prod alerts through the workflow engine: nothing on the removed legacy routes or the transactions dataset", async () => {
        const { run } = await checkAppProgram("prod");
        for (const legacy of SENTRY_LEGACY_ALERTS) assert.equal(ofType(run.resources, legacy).length, 0, legacy);
        const workflows = ofType(run.resources, SENTRY_WORKFLOW);
        const newIssues = workflows.find((w) => w.inputs.connectErrorDetector === true)!;
        assert.deepEqual((newIssues.inputs.triggers as Json).conditions.map((c: Json) => c.type), ["first_seen_event", "regression_event"]);
        assert.equal(newIssues.inputs.notifyTeam, "platform-team", "the team's members are e-mailed");
        assert.deepEqual((newIssues.inputs.actionFilters as Json[])[0].actions, [], "no other action without Slack");
        assert.equal((newIssues.outputs.detectorIds as number[]).length, 1, "connected to the project's error detector");

        const detectors = ofType(run.resources, SENTRY_DETECTOR);
        assert.equal(detectors.length, 2);
        for (const d of detectors) {
            assert.equal(dataSource(d).dataset, "events_analytics_platform");
            assert.deepEqual(dataSource(d).eventTypes, ["trace_item_span"]);
            assert.equal(d.inputs.project, "acme-chat-prod");
        }
        const rate = detectors.find((d) => dataSource(d).aggregate === ERROR_RATE_SOURCE.aggregate)!;
        assert.equal(dataSource(rate).timeWindow, 300, "5 minutes, in seconds");
        assert.deepEqual((rate.inputs.conditionGroup as Json).conditions, [
            { type: "gt", comparison: 0.01, conditionResult: 75 },
            { type: "lte", comparison: 0.01, conditionResult: 0 },
        ]);
        const notify = workflows.find((w) => w.inputs.connectErrorDetector === false)!;
        assert.deepEqual(rate.propertyDependencies?.workflowIds, [notify.urn], "the detector notifies through the metric workflow");
        assert.match(String((rate.inputs.workflowIds as string[])[0]), /^\d+$/, "by the workflow's numeric id");
        assert.ok(rate.additionalSecretOutputs.includes("token"));
        const server = detectors.find((d) => dataSource(d).query === SERVER_ERRORS_SOURCE.query)!;
        assert.equal((server.inputs.conditionGroup as Json).conditions[0].comparison, 10);
    });

    it("the Sentry token reaches the workflow-engine resources only as a secret input", async () => {
        const { run } = await checkAppProgram("prod");
        const resources = [...ofType(run.resources, SENTRY_WORKFLOW), ...ofType(run.resources, SENTRY_DETECTOR)];
        assert.equal(resources.length, 4);
        for (const r of resources) assert.equal(revealed(r.inputs.token), MISSING_SECRET_VALUE, `${r.name}: sentry:token, as a secret`);
    });

    it("dev: a project and key of its own (another DSN), unprotected, no alerts by default", async () => {
        const [{ run: dev }, { run: prod }] = [await checkAppProgram("dev"), await checkAppProgram("prod")];
        assert.equal(ofType(dev.resources, PROJECT)[0].inputs.slug, "acme-chat-dev");
        assert.equal(ofType(dev.resources, PROJECT)[0].protect, false);
        assert.equal(ofType(dev.resources, KEY)[0].protect, false);
        const dsn = (rs: RecordedResource[]) => revealed(envVars(rs, "SENTRY_DSN")[0].inputs.value);
        assert.match(dsn(dev.resources), DSN);
        assert.notEqual(dsn(dev.resources), dsn(prod.resources));
        assert.deepEqual(envVars(dev.resources, "SENTRY_DSN").flatMap((v) => v.inputs.targets as string[]).sort(), ["development", "preview"]);
        assert.equal(ofType(dev.resources, SENTRY_WORKFLOW).length + ofType(dev.resources, SENTRY_DETECTOR).length, 0);
    });

    it("adopts an existing project by slug: no project resource, the stack's own key and alerts in it", async () => {
        const { run } = await checkAppProgram("prod", { "service:sentry": { mode: "managed", organization: "acme", team: "platform-team", projectSlug: "legacy-web", adopt: true } });
        assert.equal(ofType(run.resources, PROJECT).length, 0);
        assert.equal(ofType(run.resources, KEY)[0].inputs.project, "legacy-web");
        assert.ok([...ofType(run.resources, SENTRY_DETECTOR), ...ofType(run.resources, SENTRY_WORKFLOW)].every((m) => m.inputs.project === "legacy-web"));
    });

    it("routes alerts to a Slack channel as well when an integration is configured", async () => {
        const alerts = { newIssues: true, errorRatePercent: 5, errorRateWindowMinutes: 10, serverErrorsPerWindow: 0, serverErrorsWindowMinutes: 5, slack: { integrationId: "123", channel: "#alerts" } };
        const { run } = await checkAppProgram("prod", { "service:sentry": { mode: "managed", organization: "acme", team: "platform-team", alerts } });
        for (const w of ofType(run.resources, SENTRY_WORKFLOW)) {
            const actions = (w.inputs.actionFilters as Json[])[0].actions as Json[];
            assert.equal(w.inputs.notifyTeam, "platform-team");
            assert.deepEqual(actions.map((a) => [a.type, a.integrationId, a.config.targetDisplay]), [["slack", "123", "alerts"]]);
        }
        const detectors = ofType(run.resources, SENTRY_DETECTOR);
        assert.equal(detectors.length, 1, "the 5xx monitor is off");
        assert.equal((detectors[0].inputs.conditionGroup as Json).conditions[0].comparison, 0.05);
        assert.equal(dataSource(detectors[0]).timeWindow, 600);
    });

    it("external: creates nothing in Sentry and hands the app the DSN from service:apiKeys", async () => {
        const given = "https://0123456789abcdef0123456789abcdef@o1234567.ingest.sentry.io/42";
        const { run } = await checkAppProgram("prod", { "service:sentry": { mode: "external" }, "service:apiKeys": { SENTRY_DSN: given } });
        assert.equal(run.resources.filter((r) => r.type.startsWith("sentry:") || r.type.startsWith("pulumi-nodejs:")).length, 0);
        const [component] = ofType(run.resources, ERROR_TRACKING_TYPE);
        assert.equal(component.outputs.mode, "external");
        assert.equal(revealed(envVars(run.resources, "SENTRY_DSN")[0].inputs.value), given);
        assert.equal(envVars(run.resources, "SENTRY_ENVIRONMENT").length, 0);
    });
});

describe("service:sentry config", () => {
    const raw = (stack: string, extra: Record<string, unknown> = {}) => {
        const out: Record<string, string> = { ...exampleStack(stack).config, "service:apiKeys": "{}" };
        for (const [k, v] of Object.entries(extra)) out[k] = typeof v === "string" ? v : JSON.stringify(v);
        return out;
    };
    const problems = (config: Record<string, string>, secrets = ["service:apiKeys"]) => {
        try {
            parseServiceConfig(config, new Set(secrets));
        } catch (e) {
            assert.ok(e instanceof ConfigError);
            return e.problems;
        }
        return [];
    };

    it("accepts the example stacks, managed, with the prod preset's alerts and none in dev", () => {
        const prod = parseServiceConfig(raw("prod"), new Set(["service:apiKeys"]));
        assert.equal(prod.sentry.mode, "managed");
        assert.deepEqual([prod.sentry.alerts.newIssues, prod.sentry.alerts.errorRatePercent, prod.sentry.alerts.errorRateWindowMinutes], [true, 1, 5]);
        const dev = parseServiceConfig(raw("dev"), new Set(["service:apiKeys"]));
        assert.equal(dev.sentry.alerts.errorRatePercent, 0);
    });

    it("refuses managed without organization or team, adopt without a slug, and windows Sentry has not", () => {
        const p = problems(raw("prod", { "service:sentry": { mode: "managed", adopt: true, alerts: { errorRateWindowMinutes: 7 } } }));
        const keys = p.map((x) => x.key).sort();
        assert.deepEqual(keys, ["service:sentry.alerts.errorRateWindowMinutes", "service:sentry.organization", "service:sentry.projectSlug", "service:sentry.team"]);
        assert.match(p.find((x) => x.key === "service:sentry.organization")!.expected, /mode "external"/);
        const minute = problems(raw("prod", { "service:sentry": { mode: "managed", organization: "acme", team: "platform-team", alerts: { errorRateWindowMinutes: 1 } } }));
        assert.deepEqual(minute.map((x) => x.key), ["service:sentry.alerts.errorRateWindowMinutes"], "a span monitor's window is 5 minutes or more");
    });

    it("refuses a DSN set by hand while the stack manages one, and requires none", () => {
        const p = problems(raw("prod", { "service:apiKeys": { SENTRY_DSN: "https://k@o1.ingest.sentry.io/1" } }));
        assert.ok(p.some((x) => x.key === "service:apiKeys.SENTRY_DSN" && /defined twice/.test(x.expected) && x.given === "[secret]"));
        assert.deepEqual(problems(raw("prod")), []);
        const external = problems(raw("prod", { "service:sentry": { mode: "external" } }));
        assert.ok(external.some((x) => x.key === "service:apiKeys.SENTRY_DSN" && /requiredApiKeys/.test(x.expected)));
    });

    it("refuses sentry:token in plain text without echoing it", () => {
        const p = problems({ ...raw("dev"), "sentry:token": "sntrys_plain_value" });
        const found = p.find((x) => x.key === "sentry:token");
        assert.ok(found && /--secret sentry:token/.test(found.expected));
        assert.ok(!JSON.stringify(p).includes("sntrys_plain_value"));
        assert.deepEqual(problems({ ...raw("dev"), "sentry:token": "sntrys_hidden" }, ["service:apiKeys", "sentry:token"]), []);
    });
});
