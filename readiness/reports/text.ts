/**
 * The report for people, read from the bottom up: per stack, the findings first (provider errors, violations
 * grouped by severity with the source line that declared the resource and the remediation), then what does
 * not block, the cost, the resources (one counting line, or the whole tree with `--tree`) and the stack's
 * verdict; after several stacks, one last line with every stack's verdict. Every value is escaped for humans
 * first (./escape.ts), so no resource name or message can forge a line.
 */
import type { ReportResource, StackReport } from "../report";
import { blocks } from "../report";
import { changesText } from "../changes/render";
import { COST_TABLE_ROWS, urnName } from "../cost";
import { usd } from "../../policies/lib/cost/estimate";
import { AFTER_APPLY, SEVERITY_ORDER } from "./severity";
import { escapedForHumans } from "./escape";
import { findingLocation } from "./sarif";

export interface TextOptions {
    /** List every resource as a tree (`--tree`) rather than one line counting them. */
    tree?: boolean;
}

export function renderText(reports: StackReport[], options: TextOptions = {}): string {
    const text = reports.map(escapedForHumans).map((r) => renderOne(r, options)).join("\n");
    return reports.length > 1 ? `${text}\n${verdictLine(reports)}\n` : text;
}

/** One line naming every stack and its verdict: what a reader (or `tail -1`) needs from a run over several stacks. */
export function verdictLine(reports: StackReport[]): string {
    const each = reports.map((r) => {
        if (!blocks(r)) return `${r.stack} READY`;
        const why = [r.summary.mandatory > 0 ? `${r.summary.mandatory} mandatory` : "", r.summary.providerErrors > 0 ? `${r.summary.providerErrors} provider error${r.summary.providerErrors === 1 ? "" : "s"}` : ""];
        return `${r.stack} NOT READY (${why.filter(Boolean).join(", ")})`;
    });
    return `${reports.some(blocks) ? "NOT READY" : "READY"}: ${each.join(", ")}`;
}

function renderOne(r: StackReport, options: TextOptions): string {
    const lines: string[] = [];
    lines.push(`Stack ${r.stack} (environment ${r.environment}${r.reachability ? `, ${r.reachability} reachability` : ""}${r.preview ? ", first-preview mode" : ""})`);
    lines.push(`Policy pack ${r.policyPack.name}@${r.policyPack.version} with ${r.policyPack.config}`);
    lines.push("");
    const names = new Map(r.resources.map((res) => [res.urn, `${res.type} "${res.name}"`]));
    // First: a provider error stops the preview itself, before any policy runs.
    if (r.providerErrors.length > 0) {
        lines.push(`PROVIDER ERRORS (${r.providerErrors.length}): the providers would refuse these inputs, so the preview itself fails`);
        for (const e of r.providerErrors) {
            lines.push(`  [provider] ${e.type} "${e.name}"  ${e.property}`);
            lines.push(`      ${e.message}`);
            lines.push(`      source: ${e.source}`);
        }
        lines.push("");
    }
    if ((r.collisions ?? []).length > 0) {
        lines.push(`COLLISIONS (${r.collisions!.length}): another stack of this check would own the same thing`);
        for (const c of r.collisions!) lines.push(`  [${c.certain ? "blocks" : "possible"}] ${c.message}`);
        lines.push("");
    }
    if (r.violations.length === 0) {
        lines.push("No violations.");
    } else {
        const bySeverity = new Map<string, typeof r.violations>();
        for (const v of r.violations) push(bySeverity, v.severity ?? "unrated", v);
        const order = [...SEVERITY_ORDER, ...[...bySeverity.keys()].filter((k) => !SEVERITY_ORDER.includes(k))];
        for (const severity of order) {
            const group = bySeverity.get(severity);
            if (!group) continue;
            lines.push(`${severity.toUpperCase()} (${group.length})`);
            for (const v of group.sort((a, b) => (a.enforcementLevel === b.enforcementLevel ? 0 : a.enforcementLevel === "mandatory" ? -1 : 1))) {
                // A deleted resource is only in the baseline: its type and name come with the finding.
                const subject = names.get(v.urn) ?? (v.resourceType ? `${v.resourceType} "${v.resourceName}"` : v.urn);
                const at = findingLocation(r, v.urn);
                lines.push(`  [${v.enforcementLevel}] ${v.policy}  ${subject}${v.deployPhase === "apply" ? `  ${AFTER_APPLY}` : ""}`);
                lines.push(`      at ${at.file}:${at.line}`);
                for (const l of v.message.split("\n")) lines.push(`      ${l}`);
                if (v.remediation) lines.push(`      fix: ${v.remediation}`);
            }
        }
    }
    if (r.exemptions.length > 0) {
        lines.push("");
        lines.push(`Exemptions (${r.exemptions.length})`);
        for (const e of r.exemptions) lines.push(`  ${e.policy}  ${names.get(e.urn) ?? e.urn}  until ${e.expires}, owner ${e.owner}: ${e.reason}`);
    }
    if (r.notEvaluated.length > 0) {
        lines.push("");
        lines.push(`Not evaluated until the resources exist (${r.notEvaluated.length}); these rules cannot block this preview:`);
        for (const n of r.notEvaluated) lines.push(`  ${n.policy}  ${names.get(n.urn) ?? n.urn}: ${n.message}`);
    }
    if (r.notes.length > 0) {
        lines.push("");
        lines.push("Notes");
        for (const n of r.notes) lines.push(`  - ${n}`);
    }
    lines.push(...changesText(r));
    if (r.cost) lines.push("", ...costLines(r.cost, r.costChange));
    lines.push("");
    if (options.tree) lines.push(`Resources (${r.resources.length})`, ...tree(r.resources), "");
    else lines.push(`Resources: ${r.resources.length} (--tree lists them)`, "");
    const s = r.summary;
    lines.push(
        `${blocks(r) ? "NOT READY" : "READY"}: ${r.stack}: ${s.resources} resources, ${s.mandatory} mandatory, ${s.advisory} advisory, ${s.exempted} exempted, ${s.notEvaluated} not evaluated, ${s.providerErrors} provider errors${s.collisions ? `, ${s.collisions} collisions with other stacks` : ""}`,
    );
    return lines.join("\n") + "\n";
}

function tree(resources: ReportResource[]): string[] {
    const children = new Map<string, ReportResource[]>();
    const roots: ReportResource[] = [];
    const known = new Set(resources.map((r) => r.urn));
    for (const r of resources) {
        if (r.parent && known.has(r.parent)) push(children, r.parent, r);
        else roots.push(r);
    }
    const out: string[] = [];
    const walk = (r: ReportResource, prefix: string, last: boolean, top: boolean) => {
        const flags = [r.protect ? "protected" : "", r.retainOnDelete ? "retained" : ""].filter(Boolean).join(", ");
        out.push(`${top ? "" : prefix + (last ? "└─ " : "├─ ")}${r.type}  ${r.name}${flags ? `  (${flags})` : ""}`);
        const kids = children.get(r.urn) ?? [];
        kids.forEach((k, i) => walk(k, top ? "" : prefix + (last ? "   " : "│  "), i === kids.length - 1, false));
    };
    roots.forEach((r, i) => walk(r, "", i === roots.length - 1, true));
    return out;
}

/** The estimate's largest items and the total; `*` marks a figure that rests on a usage assumption. */
function costLines(cost: NonNullable<StackReport["cost"]>, change: StackReport["costChange"]): string[] {
    const v = cost.byVendor;
    const out = [`Monthly cost estimate: ${usd(cost.monthly)} (AWS ${usd(v.aws)}, Vercel ${usd(v.vercel)}, Upstash ${usd(v.upstash)}; ${cost.priceDate ? `${cost.currency}, prices of ${cost.priceDate}` : "nothing here has a price: every resource is free or unpriced"})`];
    if (change) out.push(`  change against the baseline: ${change.delta >= 0 ? "+" : "-"}${usd(Math.abs(change.delta))} a month (${usd(change.before)} -> ${usd(change.after)}) in ${change.changes.length} resource${change.changes.length === 1 ? "" : "s"}`);
    const shown = cost.items.slice(0, COST_TABLE_ROWS);
    const width = Math.max(...shown.map((i) => usd(i.monthly).length), 0);
    for (const i of shown) out.push(`  ${usd(i.monthly).padStart(width)}${i.usageBased ? "*" : " "} ${urnName(i.urn)}: ${i.description}`);
    const rest = cost.items.slice(COST_TABLE_ROWS);
    if (rest.length > 0) out.push(`  ${usd(rest.reduce((s, i) => s + i.monthly, 0)).padStart(width)}  ...and ${rest.length} more items (--format json lists each with its basis)`);
    for (const u of cost.unpriced) out.push(`  not priced: ${urnName(u.urn)}: ${u.reason}`);
    if (cost.assumptions.length > 0) {
        out.push("  * rests on usage assumptions:");
        for (const a of cost.assumptions) out.push(`    - ${a}`);
    }
    return out;
}

/** Appends to the list under `key` in place (a copy per append would make grouping quadratic). */
function push<T>(groups: Map<string, T[]>, key: string, item: T): void {
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
}
