import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { defaultLayout } from "../../readiness/layout";
import { deriveRequiredTable, renderRequiredTable } from "../../readiness/providers/schema/generate";

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
