/** The suite's own helpers: a rule name they are given must be one the pack (or the change report) has. */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertQuiet, knownRule, reportFires, violations } from "./support";

describe("test helpers refuse an unknown rule name", () => {
    it("accepts the pack's rules and the change report's", () => {
        for (const name of ["kms-key-rotation", "iam-oidc-role-scoped", "blob-store-private", "stateful-replacement"]) assert.equal(knownRule(name), name);
    });

    it("refuses a misspelt name, naming the rule it is near, in every helper", () => {
        assert.throws(() => knownRule("kms-key-rotaton"), /no rule is named "kms-key-rotaton" \(did you mean "kms-key-rotation"\?\)/);
        // Without the check, a quiet assertion on a misspelt rule passes whatever the pack reports.
        assert.throws(() => assertQuiet([], "s3-versoning"), /no rule is named "s3-versoning"/);
        assert.throws(() => violations([], "no-such-rule"), /no rule is named "no-such-rule"$/);
        assert.throws(() => reportFires({ violations: [] } as never, "rds-multiaz"), /did you mean "rds-multi-az"/);
    });
});
