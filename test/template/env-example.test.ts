/**
 * The template ships `.env.example` rendered from the worked example's stacks (its own stack file still holds
 * placeholders). A service regenerates it from its own stacks with `npm run env-example`.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { renderEnvExample } from "../../scripts/env-example";
import { EXAMPLE } from "../support";

describe(".env.example of the template", () => {
    it("is up to date with the contract of the example stacks (run `npm run env-example`)", () => {
        assert.equal(fs.readFileSync(path.join(EXAMPLE.root, ".env.example"), "utf8"), renderEnvExample(EXAMPLE.project!));
    });
});
