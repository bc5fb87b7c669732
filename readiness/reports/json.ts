/**
 * The JSON report: an interface other tools depend on. Fields are only ever added, never renamed or
 * removed. One stack gives its report object; several give `{ "stacks": [...], "summary": {...} }`.
 */
import type { StackReport } from "../report";

export function renderJson(reports: StackReport[]): string {
    if (reports.length === 1) return JSON.stringify(reports[0], null, 2) + "\n";
    const summary = { stacks: reports.length, resources: 0, mandatory: 0, advisory: 0, exempted: 0, notEvaluated: 0, providerErrors: 0, collisions: 0 };
    for (const r of reports) {
        summary.resources += r.summary.resources;
        summary.mandatory += r.summary.mandatory;
        summary.advisory += r.summary.advisory;
        summary.exempted += r.summary.exempted;
        summary.notEvaluated += r.summary.notEvaluated;
        summary.providerErrors += r.summary.providerErrors;
        summary.collisions += r.summary.collisions ?? 0;
    }
    return JSON.stringify({ stacks: reports, summary }, null, 2) + "\n";
}
