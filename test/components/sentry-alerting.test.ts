/**
 * The workflow-engine providers as the real CLI runs them: serialized by @pulumi/pulumi's closure serializer
 * (what `pulumi.dynamic.Resource` stores in `__provider`), loaded back the way the nodejs dynamic provider host
 * loads it (`require(text).handler()`, @pulumi/pulumi cmd/dynamic-provider/index.js getProvider), and driven
 * against a loopback HTTP server that answers with the shapes getsentry/sentry's serializers return (an `id`
 * string per object; the detector list of organization_detector_index.py; 201 on create, 404 on a missing id).
 * What the server checks is the request the provider makes: method, path, bearer token, and a body with only
 * the API's fields.
 */
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { detectorProvider, workflowProvider } from "../../components/sentryAlerting";
import { scratchDir } from "../scratch";

const TOKEN = "sntrys_loopback_token_value";

interface Seen {
    method: string;
    url: string;
    auth: string | undefined;
    body: any;
}

/** A stand-in for sentry.io's API on 127.0.0.1, recording each request. */
class FakeSentry {
    seen: Seen[] = [];
    private server = http.createServer((req, res) => {
        let raw = "";
        req.on("data", (c) => (raw += c));
        req.on("end", () => {
            const body = raw ? JSON.parse(raw) : undefined;
            this.seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body });
            const [status, answer] = this.answer(req.method!, req.url!, body);
            res.writeHead(status, { "Content-Type": "application/json" });
            res.end(answer === undefined ? "" : JSON.stringify(answer));
        });
    });
    url = "";

    private answer(method: string, url: string, body: any): [number, unknown] {
        if (method === "GET" && url.startsWith("/api/0/organizations/acme/detectors/?")) {
            return [200, [{ id: "555", projectId: "42", name: "Error Monitor", type: "error", workflowIds: [] }, { id: "556", projectId: "42", name: "Other", type: "metric_issue" }]];
        }
        if (method === "GET" && url === "/api/0/projects/acme/acme-chat-prod/") return [200, { id: "42", slug: "acme-chat-prod", name: "acme-chat-prod" }];
        if (method === "GET" && url === "/api/0/teams/acme/platform-team/") return [200, { id: "1234567", slug: "platform-team", name: "Platform Team" }];
        if (method === "POST" && url === "/api/0/organizations/acme/workflows/") return body.name === "refuse me" ? [400, { name: ["This field is required."] }] : [201, { id: "7001", name: body.name }];
        if (method === "POST" && url === "/api/0/organizations/acme/detectors/") return [201, { id: "8001", name: body.name, projectId: body.projectId }];
        if (method === "PUT" && /^\/api\/0\/organizations\/acme\/(workflows|detectors)\/\d+\/$/.test(url)) return [200, { id: url.split("/")[5] }];
        if (method === "DELETE" && url.endsWith("/404/")) return [404, { detail: "The requested resource does not exist" }];
        if (method === "DELETE") return [204, undefined];
        return [404, { detail: "not found" }];
    }

    async start(): Promise<void> {
        await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
        this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/0`;
    }

    async stop(): Promise<void> {
        await new Promise<void>((resolve) => this.server.close(() => resolve()));
    }
}

/** The provider as the dynamic provider host gets it back from the state's `__provider` text. */
async function reloaded(provider: pulumi.dynamic.ResourceProvider): Promise<{ provider: pulumi.dynamic.ResourceProvider; text: string; containsSecrets: boolean }> {
    const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
    const file = path.join(scratchDir("provider-"), "provider.js");
    fs.writeFileSync(file, serialized.text);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as { handler: () => pulumi.dynamic.ResourceProvider };
    return { provider: mod.handler(), text: serialized.text, containsSecrets: serialized.containsSecrets };
}

const email = { type: "email", integrationId: null, config: { targetType: "team", targetIdentifier: "1234567", targetDisplay: null }, data: {} };
const slack = { type: "slack", integrationId: "12", config: { targetType: "specific", targetIdentifier: null, targetDisplay: "alerts" }, data: {} };

describe("the Sentry workflow-engine providers, serialized and run as the CLI runs them", () => {
    const sentry = new FakeSentry();
    let workflows: pulumi.dynamic.ResourceProvider;
    let detectors: pulumi.dynamic.ResourceProvider;
    let texts: string[] = [];
    const saved = { SENTRY_AUTH_TOKEN: process.env.SENTRY_AUTH_TOKEN, SENTRY_TOKEN: process.env.SENTRY_TOKEN };
    before(async () => {
        for (const k of Object.keys(saved)) delete process.env[k];
        await sentry.start();
        const w = await reloaded(workflowProvider);
        const d = await reloaded(detectorProvider);
        [workflows, detectors, texts] = [w.provider, d.provider, [w.text, d.text]];
        assert.equal(w.containsSecrets || d.containsSecrets, false, "the providers capture no secret");
    });
    after(async () => {
        await sentry.stop();
        for (const [k, v] of Object.entries(saved)) if (v !== undefined) process.env[k] = v;
    });

    const workflowInputs = () => ({
        organization: "acme",
        project: "acme-chat-prod",
        apiUrl: sentry.url,
        token: TOKEN,
        connectErrorDetector: true,
        notifyTeam: "platform-team",
        name: "New issue or regression (prod)",
        enabled: true,
        config: { frequency: 30 },
        triggers: { logicType: "any-short", conditions: [{ type: "first_seen_event", comparison: true, conditionResult: true }] },
        actionFilters: [{ logicType: "any-short", conditions: [], actions: [slack] }],
    });
    const detectorInputs = () => ({
        organization: "acme",
        project: "acme-chat-prod",
        apiUrl: sentry.url,
        token: TOKEN,
        name: "Error rate over 1 % (prod)",
        type: "metric_issue",
        dataSources: [{ queryType: 1, dataset: "events_analytics_platform", eventTypes: ["trace_item_span"], aggregate: "failure_rate()", query: "is_transaction:true", timeWindow: 300, environment: null }],
        conditionGroup: { logicType: "any", conditions: [{ type: "gt", comparison: 0.01, conditionResult: 75 }, { type: "lte", comparison: 0.01, conditionResult: 0 }] },
        config: { detectionType: "static" },
        workflowIds: ["7001"],
    });

    it("serializes with no reference to this process: no module path of the project, no Pulumi runtime", () => {
        for (const text of texts) {
            assert.ok(!text.includes(path.resolve(__dirname, "..", "..")), "no absolute path of the build");
            assert.ok(!/require\("@pulumi\/pulumi/.test(text), "the Pulumi SDK stays out of the closure");
        }
    });

    it("check, in the provider host: refuses what Sentry's serializers refuse, passes over values unknown in a preview", async () => {
        const bad = { ...detectorInputs(), dataSources: [{ ...detectorInputs().dataSources[0], dataset: "transactions", eventTypes: ["transaction"] }] };
        const { failures } = await detectors.check!({}, bad);
        assert.ok(failures!.some((f) => f.property === "dataSources[0].dataset" && /transaction-based alerts is disabled/.test(f.reason) && /metric_issue_detector\.py/.test(f.reason)));
        assert.deepEqual((await detectors.check!({}, detectorInputs())).failures, []);
        const preview = { ...workflowInputs(), project: pulumi.runtime.unknownValue, actionFilters: [{ logicType: "any-short", conditions: [], actions: [{ ...email, config: { ...email.config, targetIdentifier: pulumi.runtime.unknownValue } }] }] };
        assert.deepEqual((await workflows.check!({}, preview)).failures, []);
        const minute = { ...detectorInputs(), dataSources: [{ ...detectorInputs().dataSources[0], timeWindow: 60 }] };
        assert.deepEqual((await detectors.check!({}, minute)).failures!.map((f) => f.property), ["dataSources[0].timeWindow"], "span monitors evaluate 5 minutes or more");
        const { failures: wf } = await workflows.check!({}, { ...workflowInputs(), config: { frequency: 15 } });
        assert.deepEqual(wf!.map((f) => f.property), ["config.frequency"]);
    });

    it("create: connects the project's error detector, posts only the API's fields, authenticates with the token", async () => {
        sentry.seen = [];
        const created = await workflows.create(workflowInputs());
        assert.equal(created.id, "7001");
        assert.deepEqual(created.outs.detectorIds, [555]);
        const [list, team, post] = sentry.seen;
        assert.equal(list.method, "GET");
        assert.equal(list.url, "/api/0/organizations/acme/detectors/?projectSlug=acme-chat-prod&query=type%3Aerror");
        assert.equal(team.url, "/api/0/teams/acme/platform-team/");
        assert.equal(post.method, "POST");
        assert.equal(post.url, "/api/0/organizations/acme/workflows/");
        for (const s of sentry.seen) assert.equal(s.auth, `Bearer ${TOKEN}`);
        assert.deepEqual(Object.keys(post.body).sort(), ["actionFilters", "config", "detectorIds", "enabled", "name", "triggers"]);
        assert.deepEqual(post.body.detectorIds, [555]);
        assert.deepEqual(post.body.actionFilters[0].actions, [email, slack], "the team's e-mail, by the id Sentry gave, then Slack");
        assert.equal(created.outs.token, TOKEN, "kept for delete; the resource marks it a secret output");

        sentry.seen = [];
        const detector = await detectors.create(detectorInputs());
        assert.equal(detector.id, "8001");
        const [project, create] = sentry.seen;
        assert.equal(project.url, "/api/0/projects/acme/acme-chat-prod/");
        assert.equal(create.url, "/api/0/organizations/acme/detectors/");
        assert.deepEqual(Object.keys(create.body).sort(), ["conditionGroup", "config", "dataSources", "name", "projectId", "type", "workflowIds"]);
        assert.equal(create.body.projectId, "42");
        assert.deepEqual(create.body.workflowIds, [7001], "Sentry's ListField(IntegerField)");
    });

    it("update and delete: PUT and DELETE on the object's id; a delete of what is gone succeeds", async () => {
        sentry.seen = [];
        await workflows.update!("7001", { ...workflowInputs(), detectorIds: [555] }, { ...workflowInputs(), name: "Renamed" });
        const put = sentry.seen.find((s) => s.method === "PUT")!;
        assert.deepEqual([put.url, put.body.name, put.body.detectorIds, put.body.actionFilters[0].actions.length], ["/api/0/organizations/acme/workflows/7001/", "Renamed", [555], 2]);
        await detectors.delete!("8001", { ...detectorInputs(), projectId: "42" });
        await workflows.delete!("404", { ...workflowInputs(), detectorIds: [555] });
        assert.deepEqual(sentry.seen.slice(2).map((s) => `${s.method} ${s.url}`), ["DELETE /api/0/organizations/acme/detectors/8001/", "DELETE /api/0/organizations/acme/workflows/404/"]);
    });

    it("diff: a new project replaces an issue workflow; a new threshold updates a detector in place", async () => {
        const moved = await workflows.diff!("7001", { ...workflowInputs(), detectorIds: [555] }, { ...workflowInputs(), project: "acme-chat-staging" });
        assert.deepEqual(moved.replaces, ["project"]);
        const d = detectorInputs();
        const raised = await detectors.diff!("8001", { ...d, projectId: "42" }, { ...d, conditionGroup: { ...d.conditionGroup, conditions: [{ type: "gt", comparison: 0.02, conditionResult: 75 }, { type: "lte", comparison: 0.02, conditionResult: 0 }] } });
        assert.deepEqual([raised.changes, raised.replaces], [true, []]);
        const same = await detectors.diff!("8001", { ...d, projectId: "42" }, d);
        assert.equal(same.changes, false);
    });

    it("errors name the request and Sentry's answer, never the token; no token at all is a clear error", async () => {
        await assert.rejects(workflows.create({ ...workflowInputs(), connectErrorDetector: false, name: "refuse me" }), (e: Error) => {
            assert.match(e.message, /Sentry answered 400 to POST \/organizations\/acme\/workflows\/: \{"name":\["This field is required."\]\}/);
            assert.ok(!e.message.includes(TOKEN));
            return true;
        });
        await assert.rejects(workflows.create({ ...workflowInputs(), token: undefined }), /no Sentry auth token: set it with `pulumi config set --secret sentry:token <token>` or SENTRY_AUTH_TOKEN/);
        process.env.SENTRY_AUTH_TOKEN = "sntrys_from_environment";
        try {
            sentry.seen = [];
            await workflows.create({ ...workflowInputs(), token: undefined, connectErrorDetector: false });
            assert.equal(sentry.seen[0].auth, "Bearer sntrys_from_environment");
        } finally {
            delete process.env.SENTRY_AUTH_TOKEN;
        }
    });
});
