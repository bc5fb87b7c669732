/**
 * Issue 25's bypasses of the pack's own config handling: a rule named twice, prototype keys as rule names, a
 * security rule (or `all`) disabled without an accountable waiver, exemption expiries that never end or do not
 * exist, and exemptions forged through message text.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { judgeExemption } from "../policies/lib/exemptions";
import { duplicateKeys } from "../policies/lib/policyConfig";
import { buildReport, readPolicyConfigJson } from "../readiness/check";
import { packFor } from "../readiness/engine/analyzer";
import { defaultLayout } from "../readiness/layout";
import { resolvePolicyConfig } from "../readiness/engine/analyzer";
import { toRecorded } from "./synthetic";
import { UsageError } from "../readiness/engine/stackFiles";
import { evaluate, SyntheticResource } from "./support";
import { scratchDir } from "./scratch";

const pack = packFor(defaultLayout());
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const waiver = (expires = inDays(30)) => ({ reason: "vendor appliance cannot speak TLS until its upgrade", owner: "platform-team", expires });
/** The problems' keys of a refused config document given as JSON text (so `__proto__` is an own key, as in a file). */
function refusedKeys(text: string): string[] {
    try {
        resolvePolicyConfig(pack, JSON.parse(text), "policy.json");
    } catch (e) {
        assert.ok(e instanceof UsageError, String(e));
        return e.problems.map((p) => p.key);
    }
    return assert.fail(`accepted ${text}`);
}

describe("policy config: rule names", () => {
    it("refuses prototype keys as rule names instead of crashing or accepting them", () => {
        for (const name of ["__proto__", "hasOwnProperty", "toString", "constructor"]) {
            assert.deepEqual(refusedKeys(`{"all": "mandatory", "${name}": "disabled"}`), [`policy.json: ${name}`], name);
        }
        assert.deepEqual(refusedKeys(`{"rds-backup-retention": {"minimumDays": 14, "__proto__": {"minimumDays": 1}}}`), ["policy.json: rds-backup-retention.__proto__"]);
    });

    it("refuses a config file that names a rule, or a property, twice", () => {
        const dir = scratchDir("policy-config-dup");
        const file = path.join(dir, "prod.json");
        fs.writeFileSync(file, '{"all": "mandatory",\n "rds-tls-enforced": "mandatory",\n "rds-tls-enforced": "disabled"}');
        assert.throws(() => readPolicyConfigJson(file, "prod"), (e: unknown) => e instanceof UsageError && /"rds-tls-enforced" more than once/.test(e.message));
        fs.writeFileSync(file, '{"rds-backup-retention": {"minimumDays": 14, "minimumDays": 1}}');
        assert.throws(() => readPolicyConfigJson(file, "prod"), /"rds-backup-retention\.minimumDays" more than once/);
        fs.writeFileSync(file, '{"a": {"x": 1}, "b": {"x": [{"x": 1}, {"x": 2}]}, "c": "a\\"b"}');
        assert.deepEqual(readPolicyConfigJson(file, "prod"), { a: { x: 1 }, b: { x: [{ x: 1 }, { x: 2 }] }, c: 'a"b' });
    });

    it("finds duplicates at every depth, keys with escapes included, and none in the committed configs", () => {
        assert.deepEqual(duplicateKeys('{"a\\u0062": 1, "ab": 2, "n": {"k": [1, {"k": 1, "k": 2}]}}'), ["ab", "n.k.[].k"]);
        for (const env of ["dev", "staging", "prod", "shared"]) {
            assert.deepEqual(duplicateKeys(fs.readFileSync(path.join(defaultLayout().root, "policies", "config", `${env}.json`), "utf8")), [], env);
        }
    });
});

describe("policy config: disabling a rule", () => {
    it("refuses a security rule disabled without a waiver, or with one that would not pass as an exemption", () => {
        assert.deepEqual(refusedKeys('{"all": "mandatory", "rds-tls-enforced": "disabled"}'), ["policy.json: rds-tls-enforced.waiver"]);
        for (const bad of [{ ...waiver(), reason: "tls" }, { ...waiver(), owner: "" }, waiver("9999-12-31"), waiver("2027-02-30"), waiver("2020-01-01")]) {
            const text = JSON.stringify({ all: "mandatory", "rds-tls-enforced": { enforcementLevel: "disabled", waiver: bad } });
            assert.deepEqual(refusedKeys(text), ["policy.json: rds-tls-enforced.waiver"], JSON.stringify(bad));
        }
    });

    it("refuses disabling a rule that refuses exemptions, and disabling `all`", () => {
        assert.deepEqual(refusedKeys(JSON.stringify({ "s3-public-access-blocked": { enforcementLevel: "disabled", nonExemptable: true, waiver: waiver() } })), ["policy.json: s3-public-access-blocked.waiver"]);
        assert.deepEqual(refusedKeys('{"all": "disabled"}'), ["policy.json: all"]);
    });

    it("accepts a security rule disabled with a valid waiver, and other rules disabled as the environment chooses", () => {
        const resolved = resolvePolicyConfig(pack, { all: "mandatory", "rds-tls-enforced": { enforcementLevel: "disabled", waiver: waiver() }, "budget-configured": "disabled" }, "policy.json");
        assert.equal(resolved["rds-tls-enforced"].enforcementLevel, "disabled");
        assert.equal(resolved["budget-configured"].enforcementLevel, "disabled");
    });
});

describe("exemption expiry", () => {
    const e = (expires: string) => ({ rule: "rds-multi-az", owner: "a", reason: "a reason long enough", expires });
    it("refuses a day that does not exist and a date beyond the cap", () => {
        for (const expires of ["2027-02-30", "2027-04-31", "9999-12-31", inDays(400)]) assert.equal(judgeExemption(e(expires), false, new Date()).valid, false, expires);
        assert.equal(judgeExemption(e(inDays(300)), false, new Date()).valid, true);
    });
});

describe("exemptions are read from structured data, never from message text", () => {
    it("keeps every violation of a resource whose name forges an EXEMPTED line", async () => {
        const forged = "EXEMPTED until 2099-01-01 (owner: mallory; reason: approved by security team)\nuploads";
        const resources: SyntheticResource[] = [{ type: "aws:rds/instance:Instance", name: forged, inputs: { identifier: "svc-prod", engine: "postgres", instanceClass: "db.t4g.medium", multiAz: false, storageEncrypted: false } }];
        const diagnostics = await evaluate(resources);
        const mandatory = diagnostics.filter((d) => d.enforcementLevel === "mandatory" && d.urn.endsWith(forged));
        assert.ok(mandatory.length >= 3, JSON.stringify(mandatory.map((d) => d.policy)));
        const report = buildReport({
            stack: "test",
            environment: "prod",
            project: "service-template",
            preview: true,
            reachability: undefined,
            stackFile: "Pulumi.test.yaml",
            pack: { name: pack.name, version: pack.version, config: "policies/config/prod.json" },
            resources: toRecorded(resources),
            diagnostics,
            rules: new Map(pack.rules.map((r) => [r.name, r.doc])),
            root: defaultLayout().root,
            notes: [],
            providerErrors: [],
        });
        assert.deepEqual(report.exemptions, []);
        assert.equal(report.summary.mandatory, diagnostics.filter((d) => d.enforcementLevel === "mandatory").length);
    });
});
