import { describe, it } from "node:test";
import { assertFires, assertQuiet, checkVariant, evaluate, reportFires } from "../support";

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

describe("secretsmanager-recovery-window", () => {
    const secretWith = (name: string, inputs: Record<string, unknown>) => ({ type: "aws:secretsmanager/secret:Secret", name, inputs: { name: `acme-chat-prod/${name}`, ...inputs } });

    it("fires on a force delete (window 0): advisory in dev, mandatory in prod", async () => {
        const forced = [secretWith("forced", { recoveryWindowInDays: 0 })];
        assertFires(await evaluate(forced, { environment: "dev" }), "secretsmanager-recovery-window", "forced", "advisory");
        assertFires(await evaluate(forced, { environment: "prod" }), "secretsmanager-recovery-window", "forced", "mandatory");
    });

    it("holds prod to its longer window and accepts AWS's default of 30 days", async () => {
        const week = [secretWith("week", { recoveryWindowInDays: 7 })];
        assertFires(await evaluate(week, { environment: "prod" }), "secretsmanager-recovery-window", "week", "mandatory");
        assertQuiet(await evaluate(week, { environment: "dev" }), "secretsmanager-recovery-window");
        assertQuiet(await evaluate([secretWith("default", {})], { environment: "prod" }), "secretsmanager-recovery-window");
    });

    it("a short recovery window in the prod stack config blocks the preview", async () => {
        reportFires(await checkVariant("prod", { "service:secrets": { recoveryWindowDays: 7 } }, { preview: true }), "secretsmanager-recovery-window");
    });
});
