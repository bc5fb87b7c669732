import * as assert from "node:assert/strict";
import * as path from "node:path";
import { describe, it } from "node:test";
import { checkStack } from "../readiness/check";
import { defaultLayout } from "../readiness/layout";
import type { StackReport } from "../readiness/report";
import { rules } from "../policies/pack";
import { checkVariant, EXAMPLE } from "./support";

const real = defaultLayout();
const tail = (urn: string) => urn.split("::").pop();
const key = (r: StackReport) => r.violations.filter((v) => v.phase === "resource").map((v) => `${v.enforcementLevel} ${v.policy} ${v.urn} ${v.message}`).sort();

/** Insecure prod configs, each caught by a per-resource rule that must block a first preview. */
const VARIANTS: Array<{ rule: string; overrides: Record<string, unknown> }> = [
    { rule: "stateful-resources-protected", overrides: { "service:protectData": false } },
    { rule: "required-tags", overrides: { "service:owner": " " } },
    { rule: "rds-backup-retention", overrides: { "service:database": { backupRetentionDays: 1 } } },
    { rule: "rds-deletion-protection", overrides: { "service:database": { deletionProtection: false } } },
    { rule: "rds-multi-az", overrides: { "service:database": { multiAz: false } } },
    { rule: "secretsmanager-recovery-window", overrides: { "service:secrets": { recoveryWindowDays: 7 } } },
    { rule: "cors-origins-restricted", overrides: { "service:app": { corsOrigins: ["http://localhost:3000"] } } },
];

describe("first preview of prod", () => {
    it("checks the example prod stack in preview mode as it checks it in up mode, per resource", async () => {
        const preview = await checkStack({ stack: "prod", preview: true, layout: EXAMPLE });
        const up = await checkStack({ stack: "prod", layout: EXAMPLE });
        assert.equal(preview.preview, true);
        assert.equal(preview.summary.resources, up.summary.resources);
        assert.equal(preview.summary.mandatory, 0, JSON.stringify(preview.violations.map((v) => `${v.policy} ${v.resourceName}`)));
        assert.deepEqual(key(preview), key(up));
        for (const n of preview.notEvaluated) {
            assert.ok(!preview.violations.some((v) => v.policy === n.policy && v.urn === n.urn), "a rule is either evaluated or listed, never both");
        }
    });

    for (const { rule, overrides } of VARIANTS) {
        it(`still blocks on ${rule} for an insecure prod config`, async () => {
            const preview = await checkVariant("prod", overrides, { preview: true });
            const found = preview.violations.filter((v) => v.policy === rule);
            assert.ok(found.length > 0, `${rule} did not fire in preview`);
            assert.ok(found.some((v) => v.phase === "resource"), "caught on the resource's inputs, before it exists");
            const kind = rules.find((r) => r.name === rule)!.doc.kind;
            for (const v of found) {
                assert.equal(v.enforcementLevel, "mandatory");
                // A rule with a stack half may also blame what only links between resources show.
                if (kind !== "resource+stack") assert.equal(v.phase, "resource", "caught on the resource's inputs, before it exists");
            }
            assert.ok(!preview.notEvaluated.some((n) => n.policy === rule), `${rule} must not depend on values unknown in preview`);
        });
    }
});

describe("rules that cannot run in a preview", () => {
    /** test/programs/governance: a bucket named from a random suffix that exists only after creation. */
    const program = path.join(real.dist, "test", "programs", "governance", "index.js");

    it("are listed as not evaluated, with the resource, instead of passing", async () => {
        const preview = await checkStack({ stack: "prod", program, preview: true, layout: EXAMPLE });
        const skipped = preview.notEvaluated.filter((n) => n.policy === "names-carry-environment");
        assert.deepEqual(skipped.map((n) => tail(n.urn)), ["computed-name"]);
        assert.match(skipped[0].message, /bucket/);
        assert.equal(preview.summary.notEvaluated, preview.notEvaluated.length);
        assert.ok(!preview.violations.some((v) => v.policy === "names-carry-environment" && tail(v.urn) === "computed-name"));
    });

    it("are evaluated once the values exist", async () => {
        const up = await checkStack({ stack: "prod", program, layout: EXAMPLE });
        assert.ok(!up.notEvaluated.some((n) => n.policy === "names-carry-environment"));
        assert.ok(!up.violations.some((v) => v.policy === "names-carry-environment" && tail(v.urn) === "computed-name"), "the generated name carries prod");
        assert.ok(up.violations.some((v) => v.policy === "names-carry-environment" && tail(v.urn) === "tag-expired"), "the rule runs in up mode");
    });
});
