/**
 * Markdown for a pull-request comment: a verdict, then per stack a summary table, the violations by severity
 * with their remediation, the exemptions, the rules that could not run and the notes.
 */
import { blocks, ReportViolation, StackReport } from "../report";
import { COST_TABLE_ROWS, urnName } from "../cost";
import { usd } from "../../policies/lib/cost/estimate";
import { findingLocation } from "./sarif";
import { changesMarkdown } from "../changes/render";
import { AFTER_APPLY, SEVERITY_ORDER } from "./severity";
import { escapedForHumans } from "./escape";

/** Keeps a comment well under GitHub's 65,536-character limit on a stack with many findings. */
const MAX_VIOLATIONS_PER_STACK = 100;

/** Escapes Markdown outside code spans, so rule messages render as written. */
function md(text: string): string {
    return text
        .split(/(`[^`\n]*`)/)
        .map((part, i) => (i % 2 === 1 ? part : part.replace(/([\\*_[\]<>|#~])/g, "\\$1")))
        .join("");
}

/** A table cell: one line, pipes escaped even inside code spans. */
const cell = (text: string) => md(text).replace(/\n+/g, " ").replace(/(?<!\\)\|/g, "\\|");
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

export function renderMarkdown(raw: StackReport[]): string {
    const reports = raw.map(escapedForHumans);
    const blocking = reports.filter(blocks);
    const why = (r: StackReport) =>
        [
            r.summary.providerErrors > 0 ? `${r.summary.providerErrors} provider errors` : "",
            r.summary.mandatory > 0 ? `${r.summary.mandatory} mandatory` : "",
            (r.summary.collisions ?? 0) > 0 ? `${r.summary.collisions} collisions with other stacks` : "",
        ].filter(Boolean).join(", ");
    const lines: string[] = [];
    lines.push(
        blocking.length === 0
            ? `## Readiness: ready (${reports.map((r) => r.stack).join(", ")})`
            : `## Readiness: not ready (${blocking.map((r) => `${r.stack}: ${why(r)}`).join(", ")})`,
    );
    for (const r of reports) lines.push("", ...renderStack(r));
    return lines.join("\n") + "\n";
}

function renderStack(r: StackReport): string[] {
    const s = r.summary;
    const names = new Map(r.resources.map((res) => [res.urn, `${res.type} ${code(res.name)}`]));
    const subject = (urn: string) => names.get(urn) ?? (urn ? code(urn) : "the stack");
    const at = (urn: string) => {
        const loc = findingLocation(r, urn);
        return `${loc.file}:${loc.line}`;
    };
    const out: string[] = [];
    out.push(`### ${blocks(r) ? "❌" : "✅"} Stack ${code(r.stack)} (environment ${code(r.environment)}${r.preview ? ", first-preview mode" : ""})`);
    out.push("");
    out.push("| Resources | Mandatory | Advisory | Exempted | Not evaluated | Provider errors |");
    out.push("| ---: | ---: | ---: | ---: | ---: | ---: |");
    out.push(`| ${s.resources} | ${s.mandatory} | ${s.advisory} | ${s.exempted} | ${s.notEvaluated} | ${s.providerErrors} |`);
    out.push("");
    out.push(`Policy pack ${code(`${r.policyPack.name}@${r.policyPack.version}`)} with ${code(r.policyPack.config)}.`);

    if (r.providerErrors.length > 0) {
        out.push("", "#### Provider errors", "", "The providers would refuse these inputs, so the preview itself fails before any policy runs:", "");
        out.push("| Resource | Property | Problem | Provider source |");
        out.push("| --- | --- | --- | --- |");
        for (const e of r.providerErrors) out.push(`| ${cell(subject(e.urn))} (${code(at(e.urn))}) | ${code(e.property)} | ${cell(e.message)} | ${code(e.source)} |`);
    }

    if ((r.collisions ?? []).length > 0) {
        out.push("", "#### Collisions with other stacks", "");
        for (const c of r.collisions!) out.push(`- ${c.certain ? "**blocks**" : "possible"}: ${md(c.message)}`);
    }

    out.push("", "#### Violations", "");
    if (r.violations.length === 0) {
        out.push("No violations.");
    } else {
        const shown = [...r.violations]
            .sort((a, b) => rank(a) - rank(b) || (a.enforcementLevel === b.enforcementLevel ? 0 : a.enforcementLevel === "mandatory" ? -1 : 1))
            .slice(0, MAX_VIOLATIONS_PER_STACK);
        // Grouped by severity, then by rule and level, so a rule's fix is given once for all its findings.
        const groups = new Map<string, ReportViolation[]>();
        for (const v of shown) {
            const k = `${v.severity ?? "unrated"}\u0000${v.policy}\u0000${v.enforcementLevel}`;
            const group = groups.get(k);
            if (group) group.push(v);
            else groups.set(k, [v]);
        }
        const perSeverity = new Map<string, number>();
        for (const v of r.violations) perSeverity.set(v.severity ?? "unrated", (perSeverity.get(v.severity ?? "unrated") ?? 0) + 1);
        let severity: string | undefined;
        for (const group of groups.values()) {
            const first = group[0];
            const key = first.severity ?? "unrated";
            if (key !== severity) {
                if (severity !== undefined) out.push("");
                severity = key;
                out.push(`##### ${key[0].toUpperCase()}${key.slice(1)} (${perSeverity.get(key)})`, "");
            }
            out.push(`- **${first.enforcementLevel}** ${code(first.policy)} (${group.length})`);
            if (first.remediation) out.push(`  - Fix: ${md(first.remediation)}`);
            for (const v of group) out.push(`  - ${subject(v.urn)} (${code(at(v.urn))}): ${v.deployPhase === "apply" ? `${AFTER_APPLY}: ` : ""}${md(v.message.replace(/\n+/g, " "))}`);
        }
        if (r.violations.length > shown.length) {
            out.push("", `…and ${r.violations.length - shown.length} more: run ${code(`npm run check -- --stack ${r.stack}`)} for the full list.`);
        }
    }

    if (r.exemptions.length > 0) {
        out.push("", "#### Exemptions", "");
        out.push("| Rule | Resource | Owner | Expires | Reason |");
        out.push("| --- | --- | --- | --- | --- |");
        for (const e of r.exemptions) out.push(`| ${code(e.policy)} | ${cell(subject(e.urn))} | ${cell(e.owner)} | ${e.expires} | ${cell(e.reason)} |`);
    }
    if (r.notEvaluated.length > 0) {
        out.push("", "#### Not evaluated", "", "These rules read values unknown until the resources exist, so they cannot block this preview:", "");
        for (const n of r.notEvaluated) out.push(`- ${code(n.policy)} on ${subject(n.urn)}: ${md(n.message.replace(/\n+/g, " "))}`);
    }
    if (r.notes.length > 0) {
        out.push("", "#### Notes", "");
        for (const n of r.notes) out.push(`- ${md(n)}`);
    }
    out.push(...changesMarkdown(r));
    if (r.costChange) out.push("", ...costChangeSection(r.costChange));
    if (r.cost) out.push("", ...costSection(r.cost));
    return out;
}

const signed = (n: number) => (n > 0 ? `+${usd(n)}` : n < 0 ? `−${usd(-n)}` : usd(0));

/** What the change adds or removes a month, per resource, as Infracost comments on a Terraform pull request. */
function costChangeSection(diff: NonNullable<StackReport["costChange"]>): string[] {
    const out = ["#### Monthly cost change", "", `**${signed(diff.delta)} a month** (${usd(diff.before)} → ${usd(diff.after)}; ${md(diff.basis)}).`];
    if (diff.changes.length === 0) return out;
    out.push("", "| Resource | Items | Before | After | Change |", "| --- | --- | ---: | ---: | ---: |");
    for (const c of diff.changes) out.push(`| ${code(urnName(c.urn))} | ${cell(c.description)} | ${usd(c.before)} | ${usd(c.after)} | ${signed(c.delta)} |`);
    return out;
}

function costSection(cost: NonNullable<StackReport["cost"]>): string[] {
    const v = cost.byVendor;
    const out = [
        "#### Monthly cost estimate",
        "",
        `**${usd(cost.monthly)} a month** (AWS ${usd(v.aws)}, Vercel ${usd(v.vercel)}, Upstash ${usd(v.upstash)}), ${cost.priceDate ? `${cost.currency} prices of ${cost.priceDate}` : "nothing here has a price: every resource is free or unpriced"}.`,
        "",
        "| Resource | Item | Monthly |",
        "| --- | --- | ---: |",
    ];
    for (const i of cost.items.slice(0, COST_TABLE_ROWS)) out.push(`| ${code(urnName(i.urn))} | ${cell(i.description)}${i.usageBased ? " \\*" : ""} | ${usd(i.monthly)} |`);
    const rest = cost.items.slice(COST_TABLE_ROWS);
    if (rest.length > 0) out.push(`| …and ${rest.length} more | | ${usd(rest.reduce((s, i) => s + i.monthly, 0))} |`);
    for (const u of cost.unpriced) out.push("", `- Not priced: ${code(urnName(u.urn))}: ${md(u.reason)}`);
    if (cost.assumptions.length > 0) {
        out.push("", `<details><summary>\\* Usage assumptions (${cost.assumptions.length})</summary>`, "");
        for (const a of cost.assumptions) out.push(`- ${md(a)}`);
        out.push("", "</details>");
    }
    return out;
}

function rank(v: ReportViolation): number {
    const i = SEVERITY_ORDER.indexOf(v.severity ?? "");
    return i < 0 ? SEVERITY_ORDER.length : i;
}
