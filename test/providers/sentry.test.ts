/**
 * The Sentry validators (readiness/providers/sentry.ts): the project's Create check from terraform-provider-sentry
 * v0.11.2, and the workflow-engine resources, whose validators must be exactly what their dynamic provider's
 * `check` (components/sentryAlerting.ts) refuses during a real preview, split by input and cited by serializer file.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { detectorProvider, workflowProvider } from "../../components/sentryAlerting";
import { SENTRY_DETECTOR, SENTRY_SOURCES, SENTRY_WORKFLOW } from "../../contracts/sentry";
import { toRecorded } from "../synthetic";
import { validateProviderInputs } from "../../readiness/providers";
import { secret } from "../support";

const errors = (type: string, inputs: Record<string, unknown>) => validateProviderInputs(toRecorded([{ type, name: "r", inputs }]));
const refused = (type: string, inputs: Record<string, unknown>) => errors(type, inputs).map((e) => e.property);

const email = { type: "email", integrationId: null, config: { targetType: "team", targetIdentifier: "1234567", targetDisplay: null }, data: {} };
const workflow = {
    organization: "acme",
    project: "acme-chat-prod",
    connectErrorDetector: true,
    notifyTeam: null,
    name: "New issue or regression (prod)",
    enabled: true,
    config: { frequency: 30 },
    triggers: { logicType: "any-short", conditions: [{ type: "first_seen_event", comparison: true, conditionResult: true }] },
    actionFilters: [{ logicType: "any-short", conditions: [], actions: [email] }],
};
const spans = { queryType: 1, dataset: "events_analytics_platform", eventTypes: ["trace_item_span"], aggregate: "failure_rate()", query: "is_transaction:true", timeWindow: 300, environment: null };
const resolve = { type: "lte", comparison: 0.01, conditionResult: 0 };
const detector = {
    organization: "acme",
    project: "acme-chat-prod",
    name: "Error rate over 1 % (prod)",
    type: "metric_issue",
    dataSources: [spans],
    conditionGroup: { logicType: "any", conditions: [{ type: "gt", comparison: 0.01, conditionResult: 75 }, resolve] },
    config: { detectionType: "static" },
    workflowIds: ["7654321"],
};

describe("Sentry project (resource_sentry_project.go v0.11.2)", () => {
    const project = (extra: Record<string, unknown>) => refused("sentry:index/sentryProject:SentryProject", { organization: "acme", name: "acme-chat", ...extra });
    it("Create refuses a project with neither team nor teams; either alone is accepted", () => {
        assert.deepEqual(project({}), ["(inputs)"]);
        assert.deepEqual(project({ teams: ["platform"] }), []);
        assert.deepEqual(project({ team: "platform" }), []);
        assert.deepEqual(project({ team: "platform", teams: ["platform"] }), ["(inputs)"], "and the two conflict");
    });
});

describe("Sentry workflow-engine resources: the validators are the dynamic provider's check", () => {
    const variants: [string, Record<string, unknown>][] = [
        ["workflow as the program sends it", workflow],
        ["workflow name at 256", { ...workflow, name: "n".repeat(256) }],
        ["workflow name at 257", { ...workflow, name: "n".repeat(257) }],
        ["blank workflow name", { ...workflow, name: "  " }],
        ["frequency 1440", { ...workflow, config: { frequency: 1440 } }],
        ["frequency 15", { ...workflow, config: { frequency: 15 } }],
        ["legacy condition id", { ...workflow, triggers: { logicType: "any-short", conditions: [{ type: "sentry.rules.conditions.first_seen_event.FirstSeenEventCondition", comparison: true, conditionResult: true }] } }],
        ["team slug with a space", { ...workflow, notifyTeam: "Platform Team" }],
        ["no action filter", { ...workflow, actionFilters: [] }],
        ["slack without integration", { ...workflow, actionFilters: [{ logicType: "all", conditions: [], actions: [{ ...email, type: "slack", config: { targetType: "specific", targetIdentifier: null, targetDisplay: "#alerts" } }] }] }],
    ];
    const detectorVariants: [string, Record<string, unknown>][] = [
        ["detector as the program sends it", detector],
        ["detector name at 200", { ...detector, name: "n".repeat(200) }],
        ["detector name at 201", { ...detector, name: "n".repeat(201) }],
        ["EAP window at 300 seconds", { ...detector, dataSources: [{ ...spans, timeWindow: 300 }] }],
        ["EAP window at 299 seconds", { ...detector, dataSources: [{ ...spans, timeWindow: 299 }] }],
        ["transactions dataset", { ...detector, dataSources: [{ ...spans, dataset: "transactions", eventTypes: ["transaction"] }] }],
        ["three conditions", { ...detector, conditionGroup: { logicType: "any", conditions: [{ type: "gt", comparison: 0.05, conditionResult: 75 }, { type: "gt", comparison: 0.01, conditionResult: 50 }, resolve] } }],
        ["four conditions", { ...detector, conditionGroup: { logicType: "any", conditions: [{ type: "gt", comparison: 0.05, conditionResult: 75 }, { type: "gt", comparison: 0.02, conditionResult: 50 }, { type: "gt", comparison: 0.01, conditionResult: 50 }, resolve] } }],
        ["no resolution", { ...detector, conditionGroup: { logicType: "any", conditions: [{ type: "gt", comparison: 0.01, conditionResult: 75 }] } }],
        ["no data source", { ...detector, dataSources: [] }],
    ];

    const same = async (type: string, provider: typeof workflowProvider, label: string, inputs: Record<string, unknown>) => {
        const checked = await provider.check!({}, inputs);
        const fromCheck = (checked.failures ?? []).map((f) => f.property).sort();
        assert.deepEqual(refused(type, inputs).sort(), fromCheck, label);
        return fromCheck;
    };

    it("a workflow: the same properties refused, at each limit", async () => {
        const out: Record<string, string[]> = {};
        for (const [label, inputs] of variants) out[label] = await same(SENTRY_WORKFLOW, workflowProvider, label, inputs);
        assert.deepEqual(out["workflow as the program sends it"], []);
        assert.deepEqual(out["workflow name at 256"], []);
        assert.deepEqual(out["workflow name at 257"], ["name"]);
        assert.deepEqual(out["frequency 1440"], []);
        assert.deepEqual(out["frequency 15"], ["config.frequency"]);
        assert.deepEqual(out["no action filter"], ["actionFilters"]);
    });

    it("a detector: the same properties refused, at each limit", async () => {
        const out: Record<string, string[]> = {};
        for (const [label, inputs] of detectorVariants) out[label] = await same(SENTRY_DETECTOR, detectorProvider, label, inputs);
        assert.deepEqual(out["detector as the program sends it"], []);
        assert.deepEqual(out["detector name at 200"], []);
        assert.deepEqual(out["detector name at 201"], ["name"]);
        assert.deepEqual(out["EAP window at 300 seconds"], []);
        assert.deepEqual(out["EAP window at 299 seconds"], ["dataSources[0].timeWindow"]);
        assert.deepEqual(out["three conditions"], []);
        assert.deepEqual(out["four conditions"], ["conditionGroup.conditions"]);
    });

    it("each finding cites the serializer file that refuses it, and a finding is reported once", () => {
        const found = errors(SENTRY_DETECTOR, { ...detector, dataSources: [{ ...spans, dataset: "transactions", eventTypes: ["error"] }] });
        assert.deepEqual(
            found.map((e) => [e.property, e.source]),
            [
                ["dataSources[0].eventTypes", SENTRY_SOURCES.snuba],
                ["dataSources[0].dataset", SENTRY_SOURCES.metric],
            ],
        );
    });

    it("a secret input is never judged, so its value cannot reach a message", () => {
        assert.deepEqual(refused(SENTRY_WORKFLOW, { ...workflow, name: secret("n".repeat(300)) }), []);
    });
});
