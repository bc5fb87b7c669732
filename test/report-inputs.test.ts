/**
 * A dynamic resource's `__provider` input is its provider's serialized code: a report shows a digest of it, so the
 * report stays readable, and a change of the code still shows as a change against a report or a stack export.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import { checkStack } from "../readiness/check";
import { REDACTED, reportInputs } from "../readiness/redact";
import { DYNAMIC_TYPES } from "../readiness/providers/types";
import { EXAMPLE } from "./support";

const secret = (value: unknown) => ({ [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value });

describe("a report's inputs", () => {
    it("show a dynamic provider's code as its sha256, stable, different for other code, and digested once", () => {
        const code = "exports.handler = function () { return { create: async () => ({ id: '1' }) }; };";
        const once = reportInputs({ __provider: code, name: "errors" });
        assert.match(String(once.__provider), /^sha256:[0-9a-f]{64}$/);
        assert.equal(once.name, "errors");
        assert.deepEqual(reportInputs({ __provider: code }), { __provider: once.__provider });
        assert.notEqual(reportInputs({ __provider: `${code} ` }).__provider, once.__provider);
        // A report read back as a baseline is digested already: the same digest, not a digest of the digest.
        assert.equal(reportInputs(once).__provider, once.__provider);
    });

    it("are still redacted: a secret input, the token a dynamic provider is given among them, never shows", () => {
        const shown = reportInputs({ __provider: "code", token: secret("sntrys_abc"), nested: { key: secret("k") } });
        assert.equal(shown.token, REDACTED);
        assert.deepEqual(shown.nested, { key: REDACTED });
        assert.ok(!JSON.stringify(shown).includes("sntrys_abc"));
    });

    it("of prod's Sentry alerts hold a digest, not the provider's code", async () => {
        const report = await checkStack({ stack: "prod", layout: EXAMPLE });
        const dynamic = report.resources.filter((r) => DYNAMIC_TYPES.includes(r.type) && r.type.startsWith("pulumi-nodejs:dynamic"));
        assert.ok(dynamic.length > 0, "prod registers Sentry's workflow-engine resources");
        for (const r of dynamic) assert.match(String((r.inputs as Record<string, unknown>).__provider), /^sha256:[0-9a-f]{64}$/, r.name);
    });
});
