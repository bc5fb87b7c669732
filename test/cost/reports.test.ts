import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import type { StackReport } from "../../readiness/report";
import { diffCost } from "../../readiness/cost";
import { renderJson } from "../../readiness/reports/json";
import { renderMarkdown } from "../../readiness/reports/markdown";
import { renderText } from "../../readiness/reports/text";
import { checkVariant } from "../support";
import { scratchDir } from "../scratch";

describe("cost in the reports", () => {
    it("JSON carries cost {currency, monthly, priceDate, items [{urn, type, description, monthly, basis}], assumptions} per stack", async () => {
        const report = JSON.parse(renderJson([await checkVariant("prod")])) as StackReport;
        const cost = report.cost!;
        for (const key of ["currency", "monthly", "priceDate", "items", "assumptions"]) assert.ok(key in cost, key);
        for (const i of cost.items) for (const key of ["urn", "type", "description", "monthly", "basis"]) assert.ok(key in i, `item ${key}`);
        const monthly = cost.items.map((i) => i.monthly);
        assert.deepEqual(monthly, [...monthly].sort((a, b) => b - a), "largest first");
        assert.ok(cost.assumptions.length > 0);
    });

    it("counts the team's Vercel seats once across a service's stacks (in prod, not again in shared)", async () => {
        const vercel = async (stack: string) => (await checkVariant(stack)).cost!.items.filter((i) => /Vercel .* plan/.test(i.description)).reduce((sum, i) => sum + i.monthly, 0);
        assert.ok((await vercel("prod")) > 0, "prod prices the plan's seat");
        assert.equal(await vercel("shared"), 0, "shared does not count it again");
    });

    it("text and Markdown show the largest items first and the total, marking usage assumptions", async () => {
        const report = await checkVariant("prod");
        const cost = report.cost!;
        const total = `$${cost.monthly.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
        const text = renderText([report]);
        assert.ok(text.includes(`Monthly cost estimate: ${total}`), text);
        const lines = text.split("\n");
        const first = lines.findIndex((l) => l.startsWith("Monthly cost estimate"));
        assert.match(lines[first + 1], new RegExp(cost.items[0].description.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
        assert.ok(text.includes("* rests on usage assumptions"));
        const md = renderMarkdown([report]);
        assert.ok(md.includes(`**${total} a month**`), md);
        assert.ok(md.includes("| Resource | Item | Monthly |"));
        assert.ok(md.includes("Usage assumptions"));
    });

    it("the pull-request comment says what a change adds or removes a month per resource", async () => {
        const baseline = (await checkVariant("prod")).cost!;
        const bigger = await checkVariant("prod", { "service:database": { instanceClass: "db.t4g.large" } });
        const diff = diffCost(baseline, bigger.cost!);
        assert.equal(diff.delta, Math.round((bigger.cost!.monthly - baseline.monthly) * 100) / 100);
        assert.ok(diff.delta > 0);
        assert.equal(diff.changes.length, 1, JSON.stringify(diff.changes));
        assert.match(diff.changes[0].urn, /postgres-instance$/);
        const md = renderMarkdown([{ ...bigger, costChange: diff }]);
        assert.match(md, /#### Monthly cost change\n\n\*\*\+\$\d+\.\d\d a month\*\*/);
        assert.match(md, /\| `acme-chat-prod-postgres-instance` \| .* \| \$\d+\.\d\d \| \$\d+\.\d\d \| \+\$\d+\.\d\d \|/);
        const removed = diffCost(bigger.cost!, { items: bigger.cost!.items.filter((i) => !/postgres-instance$/.test(i.urn)), monthly: 0 });
        assert.ok(removed.changes[0].delta < 0 && removed.changes[0].after === 0, "a removed resource shows what it saves");
        assert.match(renderMarkdown([{ ...bigger, costChange: removed }]), /\| −\$\d+\.\d\d \|/);
    });

    it("with --baseline, the report carries what the change adds a month, per resource", async () => {
        const dir = scratchDir("cost-baseline-");
        const file = path.join(dir, "prod.json");
        fs.writeFileSync(file, renderJson([await checkVariant("prod")]));
        const report = await checkVariant("prod", { "service:database": { instanceClass: "db.t4g.large" }, "service:cost": { vercelSeats: 3 } }, { baseline: file });
        const change = report.costChange!;
        assert.ok(change, "costChange is set");
        const urns = change.changes.map((c) => c.urn.slice(c.urn.lastIndexOf("::") + 2)).sort();
        // The Vercel project is the shared stack's, so the plan's seats are priced on the stack's usage assumptions.
        assert.deepEqual(urns, ["acme-chat-prod-cost", "acme-chat-prod-postgres-instance"], JSON.stringify(change.changes));
        assert.equal(change.changes.find((c) => c.urn.endsWith("-cost"))!.delta, 40);
        assert.match(renderText([report]), /change against the baseline: \+\$[\d,.]+ a month/);
        assert.match(renderMarkdown([report]), /#### Monthly cost change/);
        assert.match(change.basis, /recorded in prod\.json/);
        const same = await checkVariant("prod", {}, { baseline: file });
        assert.equal(same.costChange!.delta, 0);
        assert.deepEqual(same.costChange!.changes, []);
        // A report without an estimate (made before estimates existed) is priced with this run's usage: only resources differ.
        const bare = JSON.parse(fs.readFileSync(file, "utf8"));
        delete bare.cost;
        const older = path.join(dir, "older.json");
        fs.writeFileSync(older, JSON.stringify(bare));
        const repriced = (await checkVariant("prod", { "service:database": { instanceClass: "db.t4g.large" }, "service:cost": { vercelSeats: 3 } }, { baseline: older })).costChange!;
        assert.deepEqual(repriced.changes.map((c) => c.urn.slice(c.urn.lastIndexOf("::") + 2)), ["acme-chat-prod-postgres-instance"]);
        assert.match(repriced.basis, /priced with this run's price table and service:cost usage/);
    });

    it("docs/cost.md states the committed stacks' estimates as the check prints them", async () => {
        const readme = fs.readFileSync(path.join(__dirname, "..", "..", "..", "docs", "cost.md"), "utf8");
        const money = (n: number) => `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
        for (const stack of ["dev", "prod"]) {
            const cost = (await checkVariant(stack)).cost!;
            const v = cost.byVendor;
            const row = `| \`${stack}\` | ${money(cost.monthly)} | ${money(v.aws)} | ${money(v.vercel)} | ${money(v.upstash)} | ${cost.items[0].description}, ${money(cost.items[0].monthly)} |`;
            assert.ok(readme.includes(row), `docs/cost.md lacks ${row}`);
        }
    });
});
