/**
 * The project's own stacks, whatever their values: each `Pulumi.<stack>.yaml` beside Pulumi.yaml passes the
 * offline check with no mandatory violation. In the template itself the one stack file still holds the
 * placeholders `pulumi new` fills, and the check refuses it with a message that says so.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { checkStack, defaultLayout } from "../readiness/check";
import { main } from "../readiness/cli";
import { listStacks, PROJECT_PLACEHOLDER } from "../readiness/engine/stackFiles";

const layout = defaultLayout();
const unrendered = (parse(fs.readFileSync(path.join(layout.root, "Pulumi.yaml"), "utf8")) as { name?: string }).name === PROJECT_PLACEHOLDER;

describe("this project's own stacks", () => {
    if (unrendered) {
        it("the template itself is refused (exit 2), pointing at pulumi new", async () => {
            let err = "";
            const code = await main(["--stack", "dev"], () => {}, (s) => (err += s), { layout });
            assert.equal(code, 2);
            assert.match(err, /this is the template itself/);
            assert.match(err, /pulumi new/);
        });
        return;
    }
    const stacks = listStacks(layout.root);
    it("has at least the stack pulumi new created", () => {
        assert.ok(stacks.length > 0, `no Pulumi.<stack>.yaml in ${layout.root}`);
    });
    for (const stack of stacks) {
        it(`${stack} passes the offline check`, async () => {
            const report = await checkStack({ stack, layout });
            const mandatory = report.violations.filter((v) => v.enforcementLevel === "mandatory");
            assert.deepEqual(mandatory.map((v) => `${v.policy} ${v.resourceName}: ${v.message}`), []);
            assert.ok(report.resources.length > 0);
        });
    }
});
