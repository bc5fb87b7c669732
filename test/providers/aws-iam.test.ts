/**
 * The IAM policy-document validator of the v6 line (verify.ValidIAMPolicyJSON, readiness/providers/aws/common.ts)
 * on roles and role policies: a JSON object, no leading space, no key repeated within one object, and no size
 * limit (v5's ValidIAMPolicyJSON(10240) is gone).
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toRecorded } from "../synthetic";
import { validateProviderInputs } from "../../readiness/providers";
import { validIAMPolicyJSON } from "../../readiness/providers/aws/common";

const errorsOf = (type: string, inputs: Record<string, unknown>) => validateProviderInputs(toRecorded([{ type, name: "r", inputs }]));
const ROLE = "aws:iam/role:Role";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Federated: "arn:aws:iam::123456789012:oidc-provider/oidc.vercel.com/acme" }, Action: "sts:AssumeRoleWithWebIdentity" }] });

describe("verify.ValidIAMPolicyJSON (v6)", () => {
    it("refuses a key repeated within one object, not the same key in different objects", () => {
        assert.match(validIAMPolicyJSON.test('{"Version":"2012-10-17","Version":"2008-10-17"}') ?? "", /duplicate JSON keys: "Version"/);
        assert.match(validIAMPolicyJSON.test('{"Statement":[{"Sid":"a","Sid":"b"}]}') ?? "", /duplicate/);
        assert.match(validIAMPolicyJSON.test('{"a\\u0062":1,"ab":2}') ?? "", /duplicate/, "keys compare decoded");
        assert.equal(validIAMPolicyJSON.test('{"Statement":[{"Sid":"a"},{"Sid":"b"}],"Sid":"c"}'), undefined);
        assert.equal(validIAMPolicyJSON.test('{"a":{"x":1},"b":{"x":"{\\"x\\":1,"}}'), undefined, "a brace inside a string is text");
    });

    it("says what is wrong with a value that is not an object", () => {
        assert.match(validIAMPolicyJSON.test(" {}") ?? "", /leading space/);
        assert.match(validIAMPolicyJSON.test(JSON.stringify(trust)) ?? "", /JSON-encoded string, not a JSON-encoded object/);
        assert.match(validIAMPolicyJSON.test("[]") ?? "", /JSON array/);
        assert.match(validIAMPolicyJSON.test("") ?? "", /empty string/);
    });

    it("has no size limit in the v6 line", () => {
        const big = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: Array.from({ length: 400 }, (_, i) => `arn:aws:s3:::acme-${i}/*`) }] });
        assert.ok(big.length > 10240);
        assert.deepEqual(errorsOf(ROLE_POLICY, { role: "acme-app", policy: big }), []);
    });

    it("applies to a role's trust policy, which v4 only parsed as JSON", () => {
        assert.deepEqual(errorsOf(ROLE, { assumeRolePolicy: trust }), []);
        assert.deepEqual(errorsOf(ROLE, { assumeRolePolicy: "[]" }).map((e) => e.property), ["assumeRolePolicy"]);
    });
});
