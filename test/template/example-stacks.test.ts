/**
 * The template repository's own stack files are the worked example the tests check (test/fixtures/example),
 * so `npm ci && npm run check` in a fresh clone shows exactly what the tests assert, and the two never drift.
 * And what `npm test` runs here: the template's own tests; the service's run once, in the copy `pulumi new`
 * makes (./new-service.test.ts).
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { checkStack } from "../../readiness/check";
import { defaultLayout } from "../../readiness/layout";
import { listStacks } from "../../readiness/engine/stackFiles";
import { compiledTests, testFiles } from "../selection";
import { EXAMPLE } from "../support";

describe("the template's committed stacks", () => {
    const root = defaultLayout().root;
    it("are the worked example's stacks, file for file", () => {
        assert.deepEqual(listStacks(root), listStacks(EXAMPLE.project!));
        for (const stack of listStacks(root)) {
            assert.equal(
                fs.readFileSync(path.join(root, `Pulumi.${stack}.yaml`), "utf8"),
                fs.readFileSync(path.join(EXAMPLE.project!, `Pulumi.${stack}.yaml`), "utf8"),
                `Pulumi.${stack}.yaml differs from test/fixtures/example/Pulumi.${stack}.yaml`,
            );
        }
    });
    it("each passes npm run check in the template repository, where the README's first command runs it", async () => {
        for (const stack of listStacks(root)) {
            const report = await checkStack({ stack, layout: defaultLayout() });
            assert.deepEqual(report.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => `${v.policy} ${v.resourceName}`), [], stack);
            assert.deepEqual(report.providerErrors.map((e) => `${e.name} ${e.property}`), [], stack);
            assert.ok(report.resources.length > 0, stack);
        }
    });
});

describe("npm test in the template repository", () => {
    it("runs the template's own tests; every other test runs in the copy pulumi new makes", () => {
        const { template, service } = compiledTests();
        assert.deepEqual(testFiles(), template);
        assert.ok(template.some((f) => f.endsWith(path.join("template", "new-service.test.js"))), "the pulumi new reproduction, which runs the service's tests");
        assert.ok(service.length > 0 && service.every((f) => !template.includes(f)));
    });
});
