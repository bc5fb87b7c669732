import { describe, it } from "node:test";
import { assertFires, assertQuiet, evaluate } from "../support";

const password = (name: string, inputs: Record<string, unknown>) => ({ type: "random:index/randomPassword:RandomPassword", name, inputs });

describe("generated-secret-strength", () => {
    it("fires on a short generated secret, mandatory in dev and prod", async () => {
        for (const environment of ["dev", "prod"]) {
            const diags = await evaluate([password("short", { length: 16, special: false })], { environment });
            assertFires(diags, "generated-secret-strength", "short", "mandatory");
        }
    });

    it("fires when two character classes are turned off", async () => {
        const diags = await evaluate([password("digits-only", { length: 64, upper: false, lower: false })]);
        assertFires(diags, "generated-secret-strength", "digits-only");
    });

    it("stays quiet on a 64-character secret and honours a configured minimum", async () => {
        assertQuiet(await evaluate([password("strong", { length: 64, upper: false })]), "generated-secret-strength");
        const stricter = await evaluate([password("strong", { length: 64 })], { policyConfig: { "generated-secret-strength": { minimumLength: 80 } } });
        assertFires(stricter, "generated-secret-strength", "strong");
    });
});
