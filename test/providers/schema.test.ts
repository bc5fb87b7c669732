import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { defaultLayout } from "../../readiness/layout";
import { deriveEnumTable, renderEnumTable, SDK_ENUMS } from "../../readiness/providers/schema/enums";
import { deriveOutputTable, deriveRequiredTable, renderOutputTable, renderRequiredTable } from "../../readiness/providers/schema/generate";

describe("the required-inputs table derived from the SDK typings", () => {
    const root = defaultLayout().root;
    const table = deriveRequiredTable(path.join(root, "node_modules"));

    it("is up to date with node_modules (regenerate with `npm run provider-schema`)", () => {
        const committed = fs.readFileSync(path.join(root, "readiness", "providers", "required.generated.ts"), "utf8");
        assert.ok(committed === renderRequiredTable(table), "readiness/providers/required.generated.ts is stale: run `npm run provider-schema` and commit the result");
    });

    it("reads required inputs and nested required fields from the typings", () => {
        assert.equal(table.packages["@pulumiverse/vercel"], "5.4.1");
        assert.ok(table.required["aws:rds/instance:Instance"].paths.includes("instanceClass"));
        assert.ok(!table.required["aws:rds/instance:Instance"].paths.includes("identifier"), "optional inputs are not required");
        assert.ok(table.required["vercel:index/firewallConfig:FirewallConfig"].paths.includes("rules.rules[].name"));
        assert.equal(table.required["aws:rds/instance:Instance"].declaration, "@pulumi/aws/rds/instance.d.ts InstanceArgs");
    });
});

describe("the AWS service enums derived from the AWS SDK for JavaScript v3", () => {
    const root = defaultLayout().root;
    const table = deriveEnumTable(path.join(root, "node_modules"));

    it("is up to date with node_modules (regenerate with `npm run provider-schema`)", () => {
        const committed = fs.readFileSync(path.join(root, "readiness", "providers", "enums.generated.ts"), "utf8");
        assert.ok(committed === renderEnumTable(table), "readiness/providers/enums.generated.ts is stale: run `npm run provider-schema` and commit the result");
    });

    it("reads every listed enum, with the members the service models define", () => {
        for (const [client, names] of Object.entries(SDK_ENUMS)) for (const n of names) assert.ok(table.enums[`${client}.${n}`]?.length > 0, `${client}.${n}`);
        assert.ok(table.enums["cloudwatch.ComparisonOperator"].includes("GreaterThanOrEqualToThreshold"));
        assert.ok(table.enums["s3.BucketVersioningStatus"].includes("Enabled") && !table.enums["s3.BucketVersioningStatus"].includes("enabled"));
        assert.match(table.packages["@aws-sdk/client-s3"], /^3\.\d+\.\d+$/);
    });
});

describe("the output-properties table derived from the SDK typings", () => {
    const root = defaultLayout().root;
    const table = deriveOutputTable(path.join(root, "node_modules"));

    it("is up to date with node_modules (regenerate with `npm run provider-schema`)", () => {
        const committed = fs.readFileSync(path.join(root, "readiness", "engine", "outputs.generated.ts"), "utf8");
        assert.ok(committed === renderOutputTable(table), "readiness/engine/outputs.generated.ts is stale: run `npm run provider-schema` and commit the result");
    });

    it("lists every output of a resource class with its kind, computed ones included", () => {
        const sg = table.outputs["aws:ec2/securityGroup:SecurityGroup"].properties;
        assert.equal(sg.ingress, "list");
        assert.equal(sg.tagsAll, "map");
        assert.equal(sg.arn, "string");
        assert.equal(table.outputs["aws:rds/instance:Instance"].properties.port, "number");
        assert.equal(table.outputs["aws:rds/instance:Instance"].properties.multiAz, "boolean");
        assert.ok(!("pulumi:providers:aws" in table.outputs), "providers are not resources the mocks create");
    });
});
