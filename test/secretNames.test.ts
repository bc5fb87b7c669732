/**
 * The check treats a provider setting as a credential by its name (a plain-text one is refused, a default
 * provider's input is redacted). The names must cover every input the provider packages themselves mark
 * secret, read from their own registrations, and leave their ordinary settings alone.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { describe, it } from "node:test";
import { isSecretPath, looksSecret } from "../config";
import { defaultLayout } from "../readiness/layout";
import { runProgram } from "../readiness/engine/run";

describe("credential names", () => {
    it("cover every input the installed providers mark secret", async () => {
        const run = await runProgram({
            program: path.join(defaultLayout().dist, "test", "programs", "providers.js"),
            project: "secret-names", stack: "t", config: {}, secretKeys: [], preview: false,
            mock: { region: "us-east-1", accountId: "123456789012" },
        });
        const providers = run.resources.filter((r) => r.type.startsWith("pulumi:providers:"));
        assert.deepEqual(providers.map((p) => p.type.split(":")[2]).sort(), ["aws", "postgresql", "random", "upstash", "vercel"]);
        const marked = providers.flatMap((p) => p.additionalSecretOutputs.map((name) => `${p.type.split(":")[2]}:${name}`));
        assert.ok(marked.includes("upstash:apiKey") && marked.includes("vercel:apiToken") && marked.includes("aws:secretKey"), JSON.stringify(marked));
        for (const key of marked) assert.ok(looksSecret(key), `${key} is marked secret by its provider but not recognised as a credential`);
    });

    it("leave ordinary settings alone", () => {
        for (const key of ["aws:region", "aws:profile", "aws:sharedCredentialsFiles", "upstash:email", "vercel:team", "postgresql:host", "postgresql:username"]) {
            assert.ok(!looksSecret(key), `${key} is not a credential`);
        }
        // The template's own settings named like secrets hold names and switches, and errors show them.
        for (const path of ["secrets", "secrets.generated", "secrets.storeInSecretsManager"]) assert.equal(isSecretPath(path, new Set()), false, path);
        for (const path of ["apiKeys", "apiKey", "databse.password"]) assert.equal(isSecretPath(path, new Set()), true, path);
        assert.equal(isSecretPath("owner", new Set(["owner"])), true, "a secure value is secret wherever it is");
        for (const key of ["service:app.plainEnv.STRIPE_SECRET_KEY", "servce:apiKeys", "myteam:authToken", "x:private_key", "x:db-password"]) assert.ok(looksSecret(key), key);
    });
});
