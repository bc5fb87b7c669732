/**
 * The template repository's own stack files are the worked example the tests check (test/fixtures/example),
 * so `npm ci && npm run check` in a fresh clone shows exactly what the tests assert, and the two never drift.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { defaultLayout } from "../../readiness/check";
import { listStacks } from "../../readiness/engine/stackFiles";
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
});
