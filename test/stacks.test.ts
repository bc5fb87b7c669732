/**
 * The project's own stacks, whatever their values: each `Pulumi.<stack>.yaml` beside Pulumi.yaml passes the
 * offline check with no mandatory violation. In the template repository those are the worked example's stacks;
 * in a service made from it, a stack file that is still a copy of the worked example (pulumi new copies the
 * example's prod and shared stacks until scripts/new-stack.sh create replaces them) is not a stack of the
 * service: `npm run check` skips it, and checking it by name refuses it, naming the example values to replace.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isWorkedExampleStack, WORKED_EXAMPLE_PROJECT } from "../config";
import { checkStack } from "../readiness/check";
import { defaultLayout } from "../readiness/layout";
import { main } from "../readiness/cli";
import { listStacks, readProject, readStackFile } from "../readiness/engine/stackFiles";

const layout = defaultLayout();
const dir = layout.project ?? layout.root;
const isTemplate = readProject(dir).name === WORKED_EXAMPLE_PROJECT;

describe("this project's own stacks", () => {
    const stacks = listStacks(dir);
    it("has at least the stack pulumi new created", () => {
        assert.ok(stacks.length > 0, `no Pulumi.<stack>.yaml in ${dir}`);
    });
    for (const stack of stacks) {
        if (!isTemplate && isWorkedExampleStack(readStackFile(dir, stack).config)) {
            it(`${stack} is still the template's worked example: refused by name, naming the values to replace`, async () => {
                let err = "";
                const code = await main(["--stack", stack], () => {}, (s) => (err += s), { layout });
                assert.equal(code, 2);
                assert.match(err, /service:name: got "acme-chat"/);
                assert.match(err, /worked example/);
            });
            continue;
        }
        it(`${stack} passes the offline check`, async () => {
            const report = await checkStack({ stack, layout });
            const mandatory = report.violations.filter((v) => v.enforcementLevel === "mandatory");
            assert.deepEqual(mandatory.map((v) => `${v.policy} ${v.resourceName}: ${v.message}`), []);
            assert.deepEqual(report.providerErrors.map((e) => `${e.name} ${e.property}: ${e.message}`), []);
            assert.ok(report.resources.length > 0);
        });
    }
});
