import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { catalogueInput, renderCatalogue } from "../scripts/catalogue/generate";
import { PEERS } from "../scripts/catalogue/peers";
import { renderPeers } from "../scripts/catalogue/peersDoc";
import { SEEDS, seedItems, supporting } from "../scripts/catalogue/seeds";
import { rules } from "../policies/pack";
import { defaultLayout } from "../readiness/layout";

const layout = defaultLayout();
const ruleNames = new Set(rules.map((r) => r.name));

describe("seed map", () => {
    it("names only rules the pack has", () => {
        for (const item of seedItems) {
            for (const name of item.enforcedBy ?? []) assert.ok(ruleNames.has(name), `${item.id}: no rule '${name}'`);
        }
        for (const name of Object.keys(supporting)) assert.ok(ruleNames.has(name), `supporting: no rule '${name}'`);
    });

    it("reaches every rule of the pack through an item, or marks it supporting with a reason", () => {
        const enforcing = new Set(seedItems.flatMap((i) => i.enforcedBy ?? []));
        for (const name of ruleNames) {
            assert.ok(enforcing.has(name) || (supporting[name] ?? "").length >= 20, `rule '${name}' enforces no seed item and is not marked supporting`);
            assert.ok(!(enforcing.has(name) && name in supporting), `rule '${name}' enforces items, so it is not merely supporting`);
        }
    });

    it("gives every item a stable kebab-case id, its sources and either rules or a one-line reason", () => {
        const ids = seedItems.map((i) => i.id);
        assert.equal(new Set(ids).size, ids.length, "ids are unique");
        for (const item of seedItems) {
            assert.match(item.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, item.id);
            assert.ok(item.sources.length > 0, `${item.id} has sources`);
            for (const s of item.sources) assert.ok(s.seed in SEEDS && s.text.trim().length > 0, `${item.id}: source ${s.seed}`);
            if (item.enforcedBy) {
                assert.ok(item.enforcedBy.length > 0 && item.outOfScope === undefined, `${item.id}: rules or out of scope, not both`);
            } else {
                assert.ok(item.outOfScope === "app-code" || item.outOfScope === "process", `${item.id}: out of scope kind`);
                assert.ok(item.reason && item.reason.length >= 20 && !item.reason.includes("\n"), `${item.id}: a one-line reason`);
            }
        }
        for (const seed of Object.keys(SEEDS)) assert.ok(seedItems.some((i) => i.sources.some((s) => s.seed === seed)), `every seed contributes: ${seed}`);
    });
});

describe("docs/rules.md", () => {
    const rendered = renderCatalogue(catalogueInput(layout));

    it("is up to date with the pack, the policy configs and the seed map (regenerate with `npm run catalogue`)", () => {
        const committed = fs.readFileSync(path.join(layout.root, "docs", "rules.md"), "utf8");
        assert.ok(committed === rendered, "docs/rules.md is stale: run `npm run catalogue` and commit the result");
    });

    it("documents every rule with its metadata, blocking point, level per environment and remediation", () => {
        const envs = fs.readdirSync(path.join(layout.root, "policies", "config")).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5));
        assert.ok(envs.includes("dev") && envs.includes("prod"));
        for (const rule of rules) {
            const start = rendered.indexOf(`\n### ${rule.name}\n`);
            assert.ok(start >= 0, `section for ${rule.name}`);
            const end = rendered.indexOf("\n### ", start + 1);
            const section = rendered.slice(start, end < 0 ? undefined : end);
            for (const text of [rule.doc.description, `| Category | ${rule.doc.category} |`, `| Severity | ${rule.doc.severity} |`, `| Kind | ${rule.doc.kind} |`, rule.doc.remediation]) {
                assert.ok(section.includes(text), `${rule.name}: ${text}`);
            }
            if (rule.doc.kind !== "stack") assert.match(section, /\| Blocks \| In `pulumi preview` and `pulumi up`, on each resource's inputs/);
            if (rule.doc.kind === "stack") assert.match(section, /\| Blocks \| In `pulumi preview`, over the whole stack/);
            if (rule.doc.kind === "resource+stack") assert.match(section, /Its stack half: in `pulumi preview`, over the whole stack/);
            for (const env of envs) assert.match(section, new RegExp(`\\| Level in ${env} \\| (advisory|mandatory|remediate|disabled)`), `${rule.name} in ${env}`);
        }
        const governance = rendered.slice(rendered.indexOf("\n### aws-provider-account-pinned\n"));
        assert.match(governance, /\| Level in prod \| mandatory \(required: true\) \|/);
        assert.match(rendered, /\| Level in prod \| mandatory \(non-exemptable\) \|/);
    });

    it("lists every seed item in the seed map with its rules or its reason", () => {
        for (const item of seedItems) {
            const row = rendered.split("\n").find((l) => l.startsWith(`| <a id="${item.id}"></a>`));
            assert.ok(row, `row for ${item.id}`);
            if (item.enforcedBy) for (const r of item.enforcedBy) assert.ok(row.includes(`[\`${r}\`](#${r})`), `${item.id} -> ${r}`);
            else assert.ok(row.includes(`| ${item.outOfScope} |`), `${item.id} kind`);
        }
    });
});

describe("docs/peers.md", () => {
    it("names only rules the pack has, and says for every check a rule that covers it or how the pack differs", () => {
        for (const peer of PEERS) {
            const ids = peer.checks.map((c) => c.id);
            assert.equal(new Set(ids).size, ids.length, `${peer.name}: each check once`);
            for (const c of peer.checks) {
                for (const name of c.ours ?? []) assert.ok(ruleNames.has(name), `${peer.name} ${c.id}: no rule '${name}'`);
                assert.ok((c.ours ?? []).length > 0 || (c.differs ?? "").length >= 20, `${peer.name} ${c.id}: neither a rule nor a reason`);
                assert.ok(c.title.trim().length > 0 && !c.title.includes("\n"), `${peer.name} ${c.id}: a one-line title`);
            }
        }
    });

    it("writes down the deliberate differences: public RDS behind forced TLS, AES256 rather than SSE-KMS, no cross-region replication", () => {
        const reasons = PEERS.flatMap((p) => p.checks.map((c) => c.differs ?? "")).join("\n");
        for (const text of [/public behind forced TLS/, /SSE-S3 \(AES256/, /no cross-region replication/]) assert.match(reasons, text);
    });

    it("is up to date with the comparison and the pack (regenerate with `npm run catalogue`)", () => {
        const committed = fs.readFileSync(path.join(layout.root, "docs", "peers.md"), "utf8");
        assert.ok(committed === renderPeers(PEERS, rules), "docs/peers.md is stale: run `npm run catalogue` and commit the result");
    });
});
