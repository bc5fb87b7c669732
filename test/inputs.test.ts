/**
 * The typed-inputs table of the pack (policies/lib/inputs.ts) pairs each type token with an SDK `*Args` type;
 * the compiler checks the property names, this test checks the pairing: each token is the `__pulumiType` of
 * the SDK class whose args it names.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TYPES } from "../contracts/tokens";

/** The SDK class a type token names: `aws:iam/role:Role` is `aws.iam.Role`, `pulumi:providers:aws` is `aws.Provider`. */
function sdkClass(token: string): { __pulumiType?: string } | undefined {
    const [pkg, modulePath, className] = token.split(":");
    if (pkg === "pulumi" && modulePath === "providers") return require(className === "aws" ? "@pulumi/aws" : `@pulumiverse/${className}`).Provider;
    const sdk = require(pkg === "vercel" ? "@pulumiverse/vercel" : `@pulumi/${pkg}`);
    const namespace = modulePath.split("/")[0];
    return (namespace === "index" ? sdk : sdk[namespace])?.[className];
}

describe("typed inputs of the pack", () => {
    it("names each resource type by the token its SDK class registers", () => {
        for (const [key, token] of Object.entries(TYPES)) {
            const cls = sdkClass(token);
            assert.ok(cls, `${key}: no SDK class for ${token}`);
            // A provider registers as `pulumi:providers:<package>`, its class naming only the package.
            assert.equal(token.startsWith("pulumi:providers:") ? `pulumi:providers:${cls.__pulumiType}` : cls.__pulumiType, token, key);
        }
    });
});
