/**
 * The change report on Sentry: switching a stack from `service:sentry.mode: managed` to `external` drops the
 * project and the client key from the stack (retained in Sentry, unmanaged from then on), which is a mandatory
 * finding in prod; a change to the alerts alone updates the workflow-engine resources and loses nothing.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { before, describe, it } from "node:test";
import { runCheck, StackCheck } from "../readiness/check";
import { main } from "../readiness/cli";
import { CHANGE_RULE, changesFor, parseBaseline, ReportChange } from "../readiness/changes";
import { baselineFor } from "../readiness/changes/baseline";
import { SENTRY_DETECTOR, SENTRY_WORKFLOW } from "../contracts/sentry";
import { EXAMPLE } from "./support";
import { scratchDir } from "./scratch";

const PROJECT = "sentry:index/sentryProject:SentryProject";
const KEY = "sentry:index/sentryKey:SentryKey";

function variant(stack: string, overrides: Record<string, unknown>): Promise<StackCheck> {
    const configOverrides: Record<string, string> = {};
    for (const [k, v] of Object.entries(overrides)) configOverrides[k] = JSON.stringify(v);
    return runCheck({ stack, layout: EXAMPLE, configOverrides, secretOverrides: ["service:apiKeys"] });
}

function compare(stack: string, beforeCheck: StackCheck, after: StackCheck, protectData: boolean) {
    const doc = parseBaseline(JSON.parse(JSON.stringify(beforeCheck.report)), "before.json");
    return changesFor(after.report, after.run, doc, baselineFor(doc, stack, after.report.project), protectData);
}

const ofType = (changes: ReportChange[], type: string) => changes.filter((c) => c.type === type);
const external = { "service:sentry": { mode: "external" }, "service:apiKeys": { SENTRY_DSN: "https://0123456789abcdef0123456789abcdef@o1234567.ingest.sentry.io/42" } };

describe("the change report on Sentry", () => {
    let prod: StackCheck;
    before(async () => {
        prod = await variant("prod", {});
    });

    it("prod, managed to external: the project and the key leave the stack, each a mandatory finding; the alerts go", async () => {
        const { changes, violations } = compare("prod", prod, await variant("prod", external), true);
        for (const type of [PROJECT, KEY]) {
            const [c] = ofType(changes, type);
            assert.deepEqual([c.action, c.stateful, c.protected, c.retained], ["delete", true, true, true], type);
            const v = violations.find((x) => x.resourceType === type)!;
            assert.equal(v.policy, CHANGE_RULE);
            assert.equal(v.enforcementLevel, "mandatory");
            assert.match(v.message, /drops from the stack \(unmanaged from then on\)/);
        }
        assert.match(violations.find((v) => v.resourceType === PROJECT)!.message, /every issue, its events and history/);
        assert.match(violations.find((v) => v.resourceType === KEY)!.message, /DSN every deployed build reports with/);
        // The alerts are settings, not data: they go without a finding.
        assert.deepEqual([...ofType(changes, SENTRY_WORKFLOW), ...ofType(changes, SENTRY_DETECTOR)].map((c) => [c.action, c.stateful]), [
            ["delete", false], ["delete", false], ["delete", false], ["delete", false],
        ]);
        assert.equal(violations.filter((v) => (v.resourceType ?? "").startsWith("pulumi-nodejs:")).length, 0);
    });

    it("dev, managed to external: the same changes, advisory where protectData is off", async () => {
        const dev = await variant("dev", {});
        const { changes, violations } = compare("dev", dev, await variant("dev", external), false);
        assert.deepEqual(ofType(changes, PROJECT).map((c) => [c.action, c.protected]), [["delete", false]]);
        assert.deepEqual(violations.filter((v) => (v.resourceType ?? "").startsWith("sentry:")).map((v) => [v.resourceType, v.enforcementLevel]), [
            [PROJECT, "advisory"],
            [KEY, "advisory"],
        ]);
    });

    it("prod, a new error-rate threshold and Slack: the monitors and workflows update in place, nothing stateful changes", async () => {
        const alerts = { newIssues: true, errorRatePercent: 2, errorRateWindowMinutes: 10, serverErrorsPerWindow: 10, serverErrorsWindowMinutes: 5, slack: { integrationId: "123", channel: "#alerts" } };
        const { changes, violations } = compare("prod", prod, await variant("prod", { "service:sentry": { mode: "managed", organization: "acme", team: "platform-team", alerts } }), true);
        assert.deepEqual(violations, []);
        assert.deepEqual([...ofType(changes, PROJECT), ...ofType(changes, KEY)], []);
        const rate = changes.find((c) => c.name === "acme-chat-prod-sentry-error-rate")!;
        assert.equal(rate.action, "update");
        assert.deepEqual([...rate.inputs].sort(), ["conditionGroup", "dataSources", "name"]);
        assert.ok(ofType(changes, SENTRY_WORKFLOW).every((c) => c.action === "update" && c.inputs.includes("actionFilters")));
    });

    it("the command, given the managed prod report as --baseline, exits 1 on a prod stack switched to external", async () => {
        const dir = scratchDir("sentry-external-");
        fs.copyFileSync(path.join(EXAMPLE.project!, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
        const managed = fs.readFileSync(path.join(EXAMPLE.project!, "Pulumi.prod.yaml"), "utf8");
        const switched = managed.replace(/  service:sentry:\n(    .*\n)+/, "  service:sentry:\n    mode: external\n");
        assert.notEqual(switched, managed);
        fs.writeFileSync(path.join(dir, "Pulumi.prod.yaml"), switched);
        const baseline = path.join(dir, "managed.json");
        assert.equal(await main(["--stack", "prod", "--format", "json", "--out", baseline], () => undefined, () => undefined, { layout: EXAMPLE }), 0);
        let out = "";
        const code = await main(["--stack", "prod", "--format", "json", "--baseline", baseline], (s) => (out += s), () => undefined, { layout: { ...EXAMPLE, project: dir } });
        assert.equal(code, 1);
        const report = JSON.parse(out);
        const found = report.violations.filter((v: { policy: string }) => v.policy === CHANGE_RULE).map((v: { resourceType: string; enforcementLevel: string }) => [v.resourceType, v.enforcementLevel]);
        assert.deepEqual(found.sort(), [[KEY, "mandatory"], [PROJECT, "mandatory"]]);
        // Without the baseline the switched stack itself is ready: only the comparison sees the loss.
        assert.equal(await main(["--stack", "prod", "--format", "json"], () => undefined, () => undefined, { layout: { ...EXAMPLE, project: dir } }), 0);
    });
});
