/**
 * The EventBridge rule validators of rule.go (readiness/providers/aws/cloudwatch.ts): the monitoring component's
 * storage rule passes, and the schedule-or-pattern requirement waits for unknown values.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toRecorded } from "../synthetic";
import { validateProviderInputs } from "../../readiness/providers";
import { UNKNOWN } from "../support";

const RULE = "aws:cloudwatch/eventRule:EventRule";
const props = (inputs: Record<string, unknown>) => validateProviderInputs(toRecorded([{ type: RULE, name: "r", inputs }])).map((e) => e.property);

describe("aws:cloudwatch/eventRule:EventRule", () => {
    it("needs a schedule or a pattern; an unknown pattern counts as one to come", () => {
        assert.deepEqual(props({ name: "acme-chat-prod-storage", eventPattern: JSON.stringify({ source: ["aws.rds"] }) }), []);
        assert.deepEqual(props({ name: "acme-chat-prod-storage", eventPattern: UNKNOWN }), []);
        assert.deepEqual(props({ name: "acme-chat-prod-storage" }), ["(inputs)"]);
    });

    it("a schedule expression is at most 256 characters and the state the SDK's, exactly", () => {
        assert.deepEqual(props({ scheduleExpression: "r".repeat(256) }), []);
        assert.deepEqual(props({ scheduleExpression: "r".repeat(257) }), ["scheduleExpression"]);
        assert.deepEqual(props({ scheduleExpression: "rate(5 minutes)", state: "enabled" }), ["state"]);
    });
});
