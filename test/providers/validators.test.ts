import * as assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { toRecorded } from "../synthetic";
import { validateProviderInputs, VALIDATORS } from "../../readiness/providers";
import { REQUIRED_INPUTS } from "../../readiness/providers/required.generated";
import { VALIDATED_TYPES, WITHOUT_VALIDATORS } from "../../readiness/providers/types";
import { SECRET_PLACEHOLDER } from "../../readiness/engine/stackFiles";
import { secret, UNKNOWN } from "../support";
import { EXAMPLES } from "./examples";

/** Inputs holding `value` at a validator's property path (`a.b[].c`; `(inputs)` is the inputs themselves). */
export function inputsAt(path: string, value: unknown): Record<string, unknown> {
    if (path === "(inputs)") return value as Record<string, unknown>;
    let v = value;
    for (const segment of path.split(".").reverse()) v = segment.endsWith("[]") ? { [segment.slice(0, -2)]: [v] } : { [segment]: v };
    return v as Record<string, unknown>;
}

const handWritten = [...VALIDATORS.values()].flat().filter((v) => !v.rule.startsWith("Required("));
const keyOf = (v: { type: string; property: string; rule: string }) => `${v.type} ${v.property} ${v.rule}`;

describe("provider validators: each fires on a value its provider refuses and stays quiet on one it accepts", () => {
    // The Upstash provider takes its credentials from the environment when config lacks them; the examples are about config.
    const saved = { UPSTASH_EMAIL: process.env.UPSTASH_EMAIL, UPSTASH_API_KEY: process.env.UPSTASH_API_KEY, SENTRY_AUTH_TOKEN: process.env.SENTRY_AUTH_TOKEN, SENTRY_TOKEN: process.env.SENTRY_TOKEN };
    before(() => {
        for (const k of Object.keys(saved)) delete process.env[k];
    });
    after(() => {
        for (const [k, v] of Object.entries(saved)) if (v !== undefined) process.env[k] = v;
    });

    it("the Upstash provider accepts credentials from UPSTASH_EMAIL and UPSTASH_API_KEY instead of config", () => {
        const provider = () => validateProviderInputs(toRecorded([{ type: "pulumi:providers:upstash", name: "default_0_5_0", inputs: {} }]));
        assert.deepEqual(provider().map((e) => e.property).sort(), ["apiKey", "email"]);
        process.env.UPSTASH_EMAIL = "ops@acme.example";
        process.env.UPSTASH_API_KEY = "key";
        try {
            assert.deepEqual(provider(), []);
        } finally {
            delete process.env.UPSTASH_EMAIL;
            delete process.env.UPSTASH_API_KEY;
        }
    });
    it("every hand-written validator has an example, and every example a validator", () => {
        const keys = new Set(handWritten.map(keyOf));
        assert.deepEqual(handWritten.map(keyOf).filter((k) => !(k in EXAMPLES)), [], "validators without an example");
        assert.deepEqual(Object.keys(EXAMPLES).filter((k) => !keys.has(k)), [], "examples without a validator");
        assert.equal(keys.size, handWritten.length, "validator keys are unique");
    });

    for (const v of handWritten) {
        const [bad, good] = EXAMPLES[keyOf(v)] ?? [undefined, undefined];
        it(`${v.type} ${v.property} ${v.rule}`, () => {
            const fired = v.run(inputsAt(v.property, bad));
            assert.ok(fired.length > 0, `expected ${v.rule} to refuse ${JSON.stringify(bad)}`);
            for (const f of fired) {
                assert.equal(f.source, v.source);
                assert.match(f.source, /^\S+\/\S+ \S+ v?\d/, "a citation: repository, path, version");
            }
            assert.deepEqual(v.run(inputsAt(v.property, good)), [], `expected ${v.rule} to accept ${JSON.stringify(good)}`);
        });
    }
});

describe("provider validation of secret and unknown values", () => {
    const deploymentType = (value: unknown) =>
        validateProviderInputs(toRecorded([{ type: "vercel:index/project:Project", name: "app", inputs: { name: "acme-chat", vercelAuthentication: { deploymentType: value } } }]));

    it("validates a secret's plaintext but prints it as [secret]", () => {
        const [e] = deploymentType(secret("standardProtectionNew"));
        assert.equal(e.property, "vercelAuthentication.deploymentType");
        assert.match(e.message, /\[secret\] is not allowed/);
        assert.ok(!e.message.includes("standardProtectionNew"));
        // A secret parent hides its children too.
        const nested = validateProviderInputs(toRecorded([{ type: "vercel:index/project:Project", name: "app", inputs: { vercelAuthentication: secret({ deploymentType: "bogus" }) } }]));
        assert.equal(nested.length, 1);
        assert.ok(!nested[0].message.includes("bogus"));
        assert.deepEqual(deploymentType(secret("standard_protection_new")), []);
    });

    it("skips a value unknown during preview, and anything below it", () => {
        assert.deepEqual(deploymentType(UNKNOWN), []);
        assert.deepEqual(validateProviderInputs(toRecorded([{ type: "vercel:index/project:Project", name: "app", inputs: { vercelAuthentication: UNKNOWN } }])), []);
        const rules = { rules: [{ name: UNKNOWN, action: { action: "deny" }, conditionGroups: [] }, UNKNOWN] };
        assert.deepEqual(validateProviderInputs(toRecorded([{ type: "vercel:index/firewallConfig:FirewallConfig", name: "fw", inputs: { projectId: "prj", rules } }])), []);
    });

    it("a secret the stack file holds encrypted (the offline placeholder) is of unknown content", () => {
        const provider = (apiToken: unknown) => validateProviderInputs(toRecorded([{ type: "pulumi:providers:vercel", name: "default_5_4_1", inputs: { apiToken } }]));
        assert.deepEqual(provider(SECRET_PLACEHOLDER), []);
        assert.deepEqual(provider("not-a-token").map((e) => e.property), ["apiToken"]);
    });

    it("an unknown counts as set for a required input, and relations wait for it", () => {
        const env = (inputs: Record<string, unknown>) =>
            validateProviderInputs(toRecorded([{ type: "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable", name: "v", inputs: { key: "A", projectId: UNKNOWN, sensitive: true, targets: ["preview"], ...inputs } }]));
        assert.deepEqual(env({ value: UNKNOWN }), []);
        assert.deepEqual(env({ value: "1", valueWo: UNKNOWN }), []);
        assert.deepEqual(env({ value: "1", valueWo: "1" }).map((e) => e.property), ["(inputs)"]);
    });
});

describe("EventBridge rule pattern (terraform-provider-aws events/rule.go validateEventPatternValue)", () => {
    it("measures the normalized JSON: whitespace does not count, 4097 characters of content do", () => {
        const ruleWith = (eventPattern: string) =>
            validateProviderInputs(toRecorded([{ type: "aws:cloudwatch/eventRule:EventRule", name: "r", inputs: { name: "acme-chat-prod-storage", eventPattern } }])).map((e) => e.message);
        const sized = (n: number) => JSON.stringify({ source: [""] }).length + n;
        const ofLength = (length: number) => JSON.stringify({ source: ["a".repeat(length - sized(0))] });
        assert.equal(ofLength(4096).length, 4096);
        assert.deepEqual(ruleWith(ofLength(4096)), []);
        assert.deepEqual(ruleWith(JSON.stringify(JSON.parse(ofLength(4096)), null, 8)), []);
        assert.equal(ruleWith(ofLength(4097)).length, 1);
    });
});

describe("required inputs, derived from the SDK typings", () => {
    it("a missing required input is refused, citing the typings it comes from", () => {
        const errors = validateProviderInputs(toRecorded([{ type: "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable", name: "v", inputs: { key: "A", value: "1", targets: ["preview"] } }]));
        assert.deepEqual(errors.map((e) => e.property).sort(), ["projectId", "sensitive"]);
        assert.equal(errors[0].source, "@pulumiverse/vercel/projectEnvironmentVariable.d.ts ProjectEnvironmentVariableArgs 5.4.1 (generated from the bridged provider schema)");
    });

    it("nested required inputs apply to every element present, and not to absent parents", () => {
        const fw = (rules: unknown) => validateProviderInputs(toRecorded([{ type: "vercel:index/firewallConfig:FirewallConfig", name: "fw", inputs: { projectId: "prj", rules } }]));
        assert.deepEqual(fw(undefined), []);
        const errors = fw({ rules: [{ name: "api-all", action: { action: "deny" }, conditionGroups: [{ conditions: [{ type: "path", op: "pre", value: "/api" }] }] }, { name: "missing", conditionGroups: [] }] });
        assert.deepEqual(errors.map((e) => e.message), ["rules.rules[1].action is required but not set"]);
    });

    it("every validated type has validators, or is listed with the reason it has none", () => {
        const without = VALIDATED_TYPES.filter((t) => (VALIDATORS.get(t) ?? []).length === 0);
        assert.deepEqual(without.sort(), Object.keys(WITHOUT_VALIDATORS).sort());
    });

    it("covers every validated type: each has a table entry naming its SDK declaration", () => {
        for (const [type, entry] of Object.entries(REQUIRED_INPUTS.required)) {
            assert.match(entry.declaration, /^@[\w-]+\/[\w-]+\/[\w/]+\.d\.ts \w+Args$/, type);
        }
    });
});
