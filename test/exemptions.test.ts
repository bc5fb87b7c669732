import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { before, describe, it } from "node:test";
import { ExemptionSchema, judgeExemption } from "../policies/lib/exemptions";
import { exemptionTag } from "../contracts/exemptions";
import { rules } from "../policies/pack";
import { checkStack } from "../readiness/check";
import { defaultLayout } from "../readiness/layout";
import type { StackReport } from "../readiness/report";
import { evaluate, EXAMPLE } from "./support";
import { scratchDir } from "./scratch";

const real = defaultLayout();
/** The example prod stack's config and policy files, with test/programs/governance as its program. */
const program = path.join(real.dist, "test", "programs", "governance", "index.js");
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const tail = (urn: string) => urn.split("::").pop();

function policyConfigWith(entries: Record<string, unknown>): string {
    const doc = JSON.parse(fs.readFileSync(path.join(real.root, "policies", "config", "prod.json"), "utf8"));
    const file = path.join(scratchDir("exemptions-"), "prod.json");
    fs.writeFileSync(file, JSON.stringify({ ...doc, ...entries }));
    return file;
}

const violationsOf = (r: StackReport, policy: string, name: string) => r.violations.filter((v) => v.policy === policy && tail(v.urn) === name);

describe("exemptions", () => {
    let report: StackReport;
    before(async () => {
        const configExemption = {
            rule: "names-carry-environment",
            resource: "config-exempted",
            owner: "data-team",
            reason: "shared with the marketing site until Q3",
            expires: inDays(60),
        };
        report = await checkStack({
            stack: "prod",
            layout: EXAMPLE,
            program,
            policyConfig: policyConfigWith({ "names-carry-environment": { environment: "prod", exemptions: [configExemption] } }),
        });
    });

    it("turns a violation waived by an in-code exemption tag into an exemption of the report", () => {
        assert.deepEqual(violationsOf(report, "names-carry-environment", "tag-exempted"), []);
        const e = report.exemptions.find((x) => x.policy === "names-carry-environment" && tail(x.urn) === "tag-exempted");
        assert.ok(e, `exemptions: ${JSON.stringify(report.exemptions)}`);
        assert.equal(e.owner, "platform-team");
        assert.equal(e.reason, "bucket predates the naming scheme");
        assert.match(e.message, /acme-legacy-uploads/);
    });

    it("does the same for an exemption granted in the policy config file", () => {
        assert.deepEqual(violationsOf(report, "names-carry-environment", "config-exempted"), []);
        const e = report.exemptions.find((x) => tail(x.urn) === "config-exempted");
        assert.ok(e);
        assert.equal(e.owner, "data-team");
        assert.equal(e.reason, "shared with the marketing site until Q3");
    });

    it("keeps the violation mandatory when the exemption has expired or gives no real reason, and flags the tag", () => {
        const expired = violationsOf(report, "names-carry-environment", "tag-expired");
        assert.equal(expired.length, 1);
        assert.equal(expired[0].enforcementLevel, "mandatory");
        assert.match(expired[0].message, /does not apply: the exemption expired on 2020-01-01/);
        const reasonless = violationsOf(report, "names-carry-environment", "tag-reasonless");
        assert.equal(reasonless[0].enforcementLevel, "mandatory");
        assert.match(reasonless[0].message, /does not apply: an exemption needs a reason of at least 10 characters/);
        for (const name of ["tag-expired", "tag-reasonless"]) {
            assert.equal(violationsOf(report, "exemptions-valid", name)[0]?.enforcementLevel, "mandatory", `exemptions-valid on ${name}`);
            assert.ok(!report.exemptions.some((e) => tail(e.urn) === name));
        }
        assert.deepEqual(violationsOf(report, "exemptions-valid", "tag-exempted"), []);
    });

    it("refuses any exemption of a rule prod marks non-exemptable", () => {
        const refused = violationsOf(report, "s3-public-access-blocked", "public-waived");
        assert.ok(refused.length > 0);
        for (const v of refused) {
            assert.equal(v.enforcementLevel, "mandatory");
            assert.match(v.message, /rule 's3-public-access-blocked' cannot be exempted in this environment/);
        }
        assert.ok(!report.exemptions.some((e) => e.policy === "s3-public-access-blocked"));
    });

    it("lets the same waiver apply where the rule is exemptable (dev's policy config)", async () => {
        const dev = await checkStack({ stack: "prod", layout: EXAMPLE, program, policyConfig: path.join(real.root, "policies", "config", "dev.json") });
        assert.ok(dev.exemptions.some((e) => e.policy === "s3-public-access-blocked" && tail(e.urn) === "public-waived"));
        assert.deepEqual(violationsOf(dev, "s3-public-access-blocked", "public-waived"), []);
    });

    it("reports an exempted finding as an advisory EXEMPTED note to the CLI", async () => {
        const tags = { service: "s", environment: "prod", owner: "o", "managed-by": "pulumi", ...exemptionTag({ rule: "names-carry-environment", owner: "alice", reason: "legacy name kept for DNS", expires: inDays(10) }) };
        const diags = await evaluate([{ type: "aws:sns/topic:Topic", name: "legacy", inputs: { name: "legacy-alerts", tags } }]);
        const notes = diags.filter((d) => d.policy === "names-carry-environment");
        assert.equal(notes.length, 1);
        assert.equal(notes[0].enforcementLevel, "advisory");
        assert.match(notes[0].message, /^EXEMPTED until \d{4}-\d{2}-\d{2} \(owner: alice; reason: legacy name kept for DNS\)/);
    });

    it("refuses a config exemption of a non-exemptable rule in prod but not in dev", async () => {
        const exemption = { rule: "vercel-env-secrets-sensitive", resource: "api-key", owner: "alice", reason: "rotated right after the launch", expires: inDays(10) };
        const envVar = { type: "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable", name: "api-key", inputs: { key: "API_SECRET_KEY", value: "plain", targets: ["production"], sensitive: false, projectId: "prj_1", teamId: "team_a" } };
        const policyConfig = { "vercel-env-secrets-sensitive": { exemptions: [exemption] } };
        const prod = (await evaluate([envVar], { policyConfig })).filter((d) => d.policy === "vercel-env-secrets-sensitive");
        assert.ok(prod.length > 0 && prod.every((d) => d.enforcementLevel === "mandatory" && d.message.includes("cannot be exempted")));
        const dev = (await evaluate([envVar], { environment: "dev", policyConfig })).filter((d) => d.policy === "vercel-env-secrets-sensitive");
        assert.ok(dev.length > 0 && dev.every((d) => d.enforcementLevel === "advisory" && d.message.startsWith("EXEMPTED")));
    });

    /** What is wrong with the exemptions of the policy config files in `dir` (the committed ones, or a fixture). */
    const configExemptionProblems = (dir: string): string[] => {
        const names = new Set(rules.map((r) => r.name));
        const problems: string[] = [];
        for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json"))) {
            const doc = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Record<string, { exemptions?: unknown[] }>;
            for (const [rule, entry] of Object.entries(doc)) {
                for (const raw of (typeof entry === "object" && entry?.exemptions) || []) {
                    const parsed = ExemptionSchema.safeParse(raw);
                    if (!parsed.success) {
                        problems.push(`${file}: ${rule}: not an exemption`);
                        continue;
                    }
                    const e = parsed.data;
                    if (e.rule !== rule) problems.push(`${file}: an exemption under '${rule}' names '${e.rule}'`);
                    if (!names.has(e.rule)) problems.push(`${file}: no rule '${e.rule}'`);
                    const verdict = judgeExemption(e, false, new Date());
                    if (!verdict.valid) problems.push(`${file}: ${rule}: ${verdict.reason}`);
                }
            }
        }
        return problems;
    };

    it("keeps every exemption committed in policies/config valid today", () => {
        assert.deepEqual(configExemptionProblems(path.join(real.root, "policies", "config")), []);
    });

    it("would refuse a committed exemption that has expired, names another rule or a rule the pack lacks", () => {
        const dir = scratchDir("exemptions-");
        const valid = { rule: "rds-multi-az", owner: "data-team", reason: "single-AZ until the launch review", expires: inDays(30) };
        fs.writeFileSync(path.join(dir, "fixture.json"), JSON.stringify({
            "rds-multi-az": { exemptions: [valid, { ...valid, expires: inDays(-1) }, { ...valid, rule: "rds-backup-retention" }] },
            "no-such-rule": { exemptions: [{ ...valid, rule: "no-such-rule" }] },
        }));
        const problems = configExemptionProblems(dir);
        assert.equal(problems.length, 3, problems.join("\n"));
        assert.ok(problems.some((p) => p.includes("rds-multi-az") && !p.includes("names")), "the expired one");
        assert.ok(problems.some((p) => p.includes("names 'rds-backup-retention'")), "the one filed under another rule");
        assert.ok(problems.some((p) => p.includes("no rule 'no-such-rule'")), "the one of a rule the pack lacks");
    });
});
