/**
 * The offline engine's EventBridge rule and target: the ids and ARNs terraform-provider-aws gives them
 * (internal/service/events rule.go ruleCreateResourceID, id.go targetCreateResourceID; terraform-plugin-sdk helper/id
 * PrefixedUniqueId for an unset target_id), and unknown computed outputs in a first preview.
 */
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { newResourceMock } from "../readiness/engine/mocks";

const ctx = { accountId: "210987654321", region: "eu-west-1", preview: false };
const mock = (type: string, name: string, inputs: Record<string, unknown>, preview = false) =>
    newResourceMock({ ...ctx, preview })({ type, name, inputs, provider: "", id: undefined, custom: true } as unknown as pulumi.runtime.MockResourceArgs);

describe("EventBridge mocks", () => {
    it("a rule on the default bus is identified by its name, on another bus by bus/name, with the ARN to match", () => {
        const onDefault = mock("aws:cloudwatch/eventRule:EventRule", "r", { name: "acme-chat-prod-storage", eventPattern: "{}" });
        assert.equal(onDefault.id, "acme-chat-prod-storage");
        assert.equal(onDefault.state.arn, "arn:aws:events:eu-west-1:210987654321:rule/acme-chat-prod-storage");
        assert.equal(onDefault.state.eventBusName, "default");
        const onBus = mock("aws:cloudwatch/eventRule:EventRule", "r", { name: "orders", eventBusName: "app-events", eventPattern: "{}" });
        assert.equal(onBus.id, "app-events/orders");
        assert.equal(onBus.state.arn, "arn:aws:events:eu-west-1:210987654321:rule/app-events/orders");
    });

    it("a target is <rule>-<target_id>, the target_id generated as terraform-<18 digits><8 hex digits> when unset", () => {
        const generated = mock("aws:cloudwatch/eventTarget:EventTarget", "t", { rule: "acme-chat-prod-storage", arn: "arn:aws:sns:eu-west-1:210987654321:acme-chat-prod-alerts" });
        assert.match(String(generated.state.targetId), /^terraform-\d{18}[0-9a-f]{8}$/);
        assert.equal(generated.id, `acme-chat-prod-storage-${generated.state.targetId}`);
        const named = mock("aws:cloudwatch/eventTarget:EventTarget", "t", { rule: "orders", eventBusName: "app-events", targetId: "sns", arn: "arn:aws:sns:eu-west-1:210987654321:x" });
        assert.equal(named.id, "app-events-orders-sns");
    });

    it("in a first preview, the ARN and the generated target_id are unknown", () => {
        const rule = mock("aws:cloudwatch/eventRule:EventRule", "r", { name: "acme-chat-prod-storage", eventPattern: "{}" }, true);
        assert.equal(rule.id, undefined);
        assert.equal(rule.state.arn, pulumi.runtime.unknownValue);
        const target = mock("aws:cloudwatch/eventTarget:EventTarget", "t", { rule: "acme-chat-prod-storage", arn: "x" }, true);
        assert.equal(target.state.targetId, pulumi.runtime.unknownValue);
    });
});
