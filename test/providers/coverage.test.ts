import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { defaultLayout } from "../../readiness/layout";
import { COVERAGE, coverageRows, isEmulated, renderCoverageDoc } from "../../readiness/providers/coverage";
import { VALIDATED_TYPES } from "../../readiness/providers/types";

describe("the provider validation coverage (docs/provider-validation.md)", () => {
    it("is up to date (regenerate with `npm run provider-schema`)", () => {
        const committed = fs.readFileSync(path.join(defaultLayout().root, "docs", "provider-validation.md"), "utf8");
        assert.ok(committed === renderCoverageDoc(), "docs/provider-validation.md is stale: run `npm run provider-schema` and commit the result");
    });

    it("has an entry for every type the program can register, and only for those", () => {
        assert.deepEqual(coverageRows().map((r) => r.type), [...VALIDATED_TYPES]);
        assert.deepEqual(Object.keys(COVERAGE).filter((t) => !VALIDATED_TYPES.includes(t)), []);
    });

    it("every transcribed attribute is emulated, enforced by the SDK's shape, or says why not; no exception is stale", () => {
        for (const [type, entry] of Object.entries(COVERAGE)) {
            if (!("attributes" in entry)) continue;
            for (const a of entry.attributes) {
                const emulated = isEmulated(type, a);
                if (a.exception) assert.ok(!emulated, `${type} ${a.path} is emulated now: drop its exception`);
                else assert.ok(emulated || a.shape, `${type} ${a.path} (${a.declared}) is neither emulated nor explained`);
            }
        }
    });

    it("emulation is computed from the registered validators, not declared", () => {
        assert.ok(isEmulated("aws:sns/topicSubscription:TopicSubscription", { path: "protocol", declared: "" }));
        assert.ok(isEmulated("aws:budgets/budget:Budget", { path: "limitUnit", declared: "" }), "a relation naming the key counts");
        assert.ok(!isEmulated("aws:sns/topicSubscription:TopicSubscription", { path: "endpoint", declared: "" }));
        assert.ok(!isEmulated("aws:budgets/budget:Budget", { path: "limit", declared: "" }), "a key that is only a prefix of one in a relation does not count");
    });
});
