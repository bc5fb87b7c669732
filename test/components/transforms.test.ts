/**
 * A component's `transform` hooks (components/transform.ts): what a hook sets is what the child is registered
 * with, and the pack judges the child as registered, so a hook cannot switch off a guarantee unnoticed.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { describe, it } from "node:test";
import { checkStack, runCheck } from "../../readiness/check";
import { defaultLayout } from "../../readiness/layout";
import { EXAMPLE, exampleStack } from "../support";

/** Private reachability with ElastiCache, so every hooked child (instance, parameter group, bucket, replication group) exists. */
function privateElastiCache(stack: string): Record<string, string> {
    const vercel = { ...JSON.parse(exampleStack(stack).config["service:vercel"]), protectPreviews: true, secureComputeNetworkId: "net_acme", peeringConnectionId: "pcx-0123456789abcdef0" };
    return { "service:reachability": "private", "service:vercel": JSON.stringify(vercel), "service:cache": JSON.stringify({ backend: "elasticache" }) };
}

const program = path.join(defaultLayout().dist, "test", "programs", "transforms.js");
const transformed = (stack: string) => runCheck({ stack, layout: EXAMPLE, program, configOverrides: privateElastiCache(stack), secretOverrides: ["service:apiKeys"] });

describe("transform hooks of the data-tier components", () => {
    it("a hook that turns off the prod instance's deletion protection is registered as set and refused by rds-deletion-protection", async () => {
        const { report } = await transformed("prod");
        const instance = report.resources.find((r) => r.type === "aws:rds/instance:Instance");
        assert.ok(instance, "the program registers the RDS instance");
        assert.equal((instance.inputs as Record<string, unknown>).deletionProtection, false);
        const found = report.violations.filter((v) => v.policy === "rds-deletion-protection");
        assert.equal(found.length, 1, JSON.stringify(report.violations.map((v) => v.policy)));
        assert.equal(found[0].enforcementLevel, "mandatory");
        assert.equal(found[0].urn, instance.urn);
    });

    it("without the hook the same prod stack keeps deletion protection and the rule stays quiet", async () => {
        const report = await checkStack({ stack: "prod", layout: EXAMPLE, configOverrides: privateElastiCache("prod"), secretOverrides: ["service:apiKeys"] });
        const instance = report.resources.find((r) => r.type === "aws:rds/instance:Instance");
        assert.equal((instance?.inputs as Record<string, unknown>).deletionProtection, true);
        assert.deepEqual(report.violations.filter((v) => v.policy === "rds-deletion-protection"), []);
    });

    it("hooks that change harmless arguments show in the recorded inputs, next to the component's own", async () => {
        const { report } = await transformed("dev");
        const inputs = (type: string) => {
            const found = report.resources.filter((r) => r.type === type);
            assert.equal(found.length, 1, `one ${type}`);
            return found[0].inputs as Record<string, any>;
        };
        const parameters = inputs("aws:rds/parameterGroup:ParameterGroup").parameters as { name: string; value: string }[];
        assert.deepEqual(parameters.find((p) => p.name === "log_connections"), { name: "log_connections", value: "1" });
        assert.deepEqual(parameters.find((p) => p.name === "rds.force_ssl"), { name: "rds.force_ssl", value: "1" });
        const tags = inputs("aws:s3/bucket:Bucket").tags as Record<string, string>;
        assert.equal(tags["data-class"], "uploads");
        assert.equal(tags.service, "acme-chat");
        assert.equal(inputs("aws:elasticache/replicationGroup:ReplicationGroup").description, "Redis of acme-chat: sessions and rate limits");
        assert.equal(inputs("aws:rds/instance:Instance").deletionProtection, false);
    });
});
