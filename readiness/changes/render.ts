/** How the change report appears in the text, Markdown and SARIF reports (JSON carries `changes` as is). */
import type { StackReport } from "../report";
import type { ChangeAction, ReportChange } from "./diff";
import { CHANGE_RULE, CHANGE_RULE_DOC, REFUSED_RULE, REFUSED_RULE_DOC } from "./index";

const VERB: Record<ChangeAction, string> = { create: "create", update: "update", replace: "REPLACE", delete: "DELETE" };

function counts(changes: ReportChange[]): string {
    const n = (a: ChangeAction) => changes.filter((c) => c.action === a).length;
    return `${n("create")} to create, ${n("update")} to update, ${n("replace")} to replace, ${n("delete")} to delete`;
}

export function changesText(r: StackReport): string[] {
    if (!r.changes || !r.baseline) return [];
    const lines = ["", `Changes against ${r.baseline.file} (${r.baseline.kind}): ${counts(r.changes)}`];
    if (r.changes.length === 0) lines.push("  No resource changes.");
    for (const c of r.changes) {
        lines.push(`  ${VERB[c.action].padEnd(7)} ${c.stateful ? "[stateful] " : ""}${c.type}  ${c.name}`);
        if (c.stateful || c.action === "replace") lines.push(`      ${c.reason}`);
    }
    return lines;
}

const md = (text: string) => text.replace(/([\\*_[\]<>|#~])/g, "\\$1");
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

export function changesMarkdown(r: StackReport): string[] {
    if (!r.changes || !r.baseline) return [];
    const out = ["", "#### Changes", "", `Against ${code(r.baseline.file)} (${r.baseline.kind}): ${counts(r.changes)}.`];
    const shown = r.changes.filter((c) => c.stateful || c.action === "replace" || c.action === "delete");
    if (shown.length > 0) {
        out.push("", "| Action | Resource | Stateful | Why |", "| --- | --- | --- | --- |");
        for (const c of shown) {
            const action = c.stateful && (c.action === "replace" || c.action === "delete") ? `**${c.action}**` : c.action;
            out.push(`| ${action} | ${code(c.type)} ${code(c.name)} | ${c.stateful ? "yes" : "no"} | ${md(c.reason).replace(/\n+/g, " ")} |`);
        }
    }
    const rest = r.changes.length - shown.length;
    if (rest > 0) out.push("", `${rest} other resource${rest === 1 ? "" : "s"} created or updated in place (see the JSON report's \`changes\`).`);
    return out;
}

/** The SARIF rule descriptors of the change findings, added when a report was compared with a baseline. */
export function changeRuleDescriptors(): Array<{ id: string } & Record<string, unknown>> {
    return [
        [CHANGE_RULE, CHANGE_RULE_DOC],
        [REFUSED_RULE, REFUSED_RULE_DOC],
    ].map(([id, doc]) => {
        const d = doc as typeof CHANGE_RULE_DOC;
        return {
            id: id as string,
            name: id,
            shortDescription: { text: d.description },
            fullDescription: { text: `${d.description} Computed by comparing this run with a baseline (an earlier report or a stack export), before any preview.` },
            help: { text: `Remediation: ${d.remediation}`, markdown: `**Remediation:** ${d.remediation}` },
            defaultConfiguration: { level: "error" },
            properties: { category: d.category, severity: d.severity, kind: "change", tags: [d.category, "readiness"] },
        };
    });
}
