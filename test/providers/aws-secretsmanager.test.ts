/**
 * The secret version validators (readiness/providers/aws/secretsmanager.ts): base64 as Go's decoder reads it,
 * and the write-only secret string's pairing with its version.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toRecorded } from "../synthetic";
import { validateProviderInputs } from "../../readiness/providers";
import { secret } from "../support";

const VERSION = "aws:secretsmanager/secretVersion:SecretVersion";
const errorsOf = (inputs: Record<string, unknown>) => validateProviderInputs(toRecorded([{ type: VERSION, name: "v", inputs: { secretId: "arn:aws:secretsmanager:us-east-1:123456789012:secret:acme", ...inputs } }]));

describe("aws:secretsmanager/secretVersion:SecretVersion", () => {
    it("secret_binary is padded standard base64; line breaks are skipped as Go's decoder skips them", () => {
        assert.deepEqual(errorsOf({ secretBinary: "c2VjcmV0cw==" }), []);
        assert.deepEqual(errorsOf({ secretBinary: "c2Vj\ncmV0cw==" }), []);
        assert.deepEqual(errorsOf({ secretBinary: "c2VjcmV0cw=" }).map((e) => e.property), ["secretBinary"]);
        assert.deepEqual(errorsOf({ secretBinary: "c2VjcmV0cw-_" }).map((e) => e.property), ["secretBinary"]);
    });

    it("a secret value never appears in the message", () => {
        const [e] = errorsOf({ secretBinary: secret("bm90IGJhc2U2NA=") });
        assert.ok(!e.message.includes("bm90IGJhc2U2NA"));
        assert.match(e.message, /\[secret\]/);
    });

    it("the write-only string and its version come together, and exclude the other two", () => {
        assert.deepEqual(errorsOf({ secretStringWo: "s", secretStringWoVersion: 1 }), []);
        assert.equal(errorsOf({ secretStringWo: "s" }).length, 1);
        assert.equal(errorsOf({ secretString: "s", secretStringWo: "s", secretStringWoVersion: 1 }).length, 1);
    });
});
