/**
 * The one table of type tokens (contracts/tokens.ts), which the typed-inputs table of the pack
 * (policies/lib/inputs.ts) pairs with SDK `*Args` types: the compiler checks the property names, this test checks
 * each token: it is the `__pulumiType` of the SDK class it names (the root stack's, the SDK's own constant).
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TYPES } from "../contracts/tokens";

/** The npm packages of the providers not published as `@pulumi/<name>`. */
const SDK_PACKAGES: Record<string, string> = { vercel: "@pulumiverse/vercel", sentry: "@pulumiverse/sentry", upstash: "@upstash/pulumi" };

/** The SDK class a type token names: `aws:iam/role:Role` is `aws.iam.Role`, `pulumi:providers:aws` is `aws.Provider`. */
function sdkClass(token: string): { __pulumiType?: string } | undefined {
    const [pkg, modulePath, className] = token.split(":");
    if (pkg === "pulumi" && modulePath === "pulumi") return { __pulumiType: require("@pulumi/pulumi/runtime/stack").rootPulumiStackTypeName };
    if (pkg === "pulumi" && modulePath === "providers") return require(SDK_PACKAGES[className!] ?? `@pulumi/${className}`).Provider;
    const sdk = require(SDK_PACKAGES[pkg!] ?? `@pulumi/${pkg}`);
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
