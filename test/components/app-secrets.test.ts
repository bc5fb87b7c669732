import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkAppProgram, MISSING_SECRET_VALUE } from "../programs/app-run";

const SIG_KEY = pulumi.runtime.specialSigKey;
const SECRET_SIG = pulumi.runtime.specialSecretSig;
const isSecret = (v: unknown): v is { value: unknown } => !!v && typeof v === "object" && (v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;

/** Types whose outputs are generated secrets, and the output that holds each. */
const SECRET_SOURCES: Record<string, string[]> = {
    "random:index/randomPassword:RandomPassword": ["result", "bcryptHash"],
    "upstash:index/redisDatabase:RedisDatabase": ["password"],
};

/** Paths under `value` where a string contains one of `needles` outside a secret wrapper. */
function leaks(value: unknown, needles: string[], at: string): string[] {
    if (typeof value === "string") return needles.some((n) => value.includes(n)) ? [at] : [];
    if (Array.isArray(value)) return value.flatMap((v, i) => leaks(v, needles, `${at}[${i}]`));
    if (value && typeof value === "object") {
        if (isSecret(value)) return [];
        return Object.entries(value).flatMap(([k, v]) => leaks(v, needles, `${at}.${k}`));
    }
    return [];
}

describe("no secret value appears outside a secret wrapper in the committed stacks", () => {
    for (const stack of ["dev", "prod"]) {
        it(`${stack}: generated passwords and configured keys stay wrapped in every recorded input and output`, async () => {
            const { run } = await checkAppProgram(stack, {}, { program: "index" });
            const secrets = [MISSING_SECRET_VALUE];
            for (const r of run.resources) {
                for (const field of SECRET_SOURCES[r.type] ?? []) {
                    const v = r.outputs[field];
                    assert.ok(isSecret(v), `${r.name}.${field} is recorded as a secret`);
                    if (typeof v.value === "string") secrets.push(v.value);
                }
            }
            assert.ok(secrets.length > 3, "the stack generates secrets to look for");
            // A password also travels URL-encoded inside connection strings.
            const needles = [...new Set(secrets.flatMap((s) => [s, encodeURIComponent(s)]))];
            const found = run.resources.flatMap((r) => [...leaks(r.inputs, needles, `${r.name}.inputs`), ...leaks(r.outputs, needles, `${r.name}.outputs`)]);
            found.push(...leaks(run.stackOutputs, needles, "stack outputs"));
            assert.deepEqual(found, []);
            // The search can find them: the app's env vars do carry generated secrets, wrapped.
            const carried = run.resources.filter((r) => r.type.startsWith("vercel:") && needles.some((n) => JSON.stringify(r.inputs).includes(n)));
            assert.ok(carried.length >= 2, `${stack}: the generated secrets reach Vercel env vars`);
        });
    }
});
