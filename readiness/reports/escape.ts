/**
 * The report as the human formats (text, Markdown) may print it: every string with its control characters
 * escaped (config/guards.ts `escapeControl`), so a URN, a name or a tag from a hostile stack export cannot
 * move the cursor, clear a line or start a line of its own (a forged "READY: ... 0 mandatory" line). Line
 * breaks survive only in a finding's message and remediation, whose continuation lines the renderers indent.
 */
import { escapeControl } from "../../config/guards";
import type { StackReport } from "../report";

const MULTILINE = new Set(["message", "remediation"]);

function escapeDeep(value: unknown, keepBreaks: boolean): unknown {
    if (typeof value === "string") return keepBreaks ? value.split("\n").map(escapeControl).join("\n") : escapeControl(value);
    if (Array.isArray(value)) return value.map((v) => escapeDeep(v, false));
    if (value && typeof value === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) out[escapeControl(k)] = escapeDeep(v, MULTILINE.has(k));
        return out;
    }
    return value;
}

export function escapedForHumans(report: StackReport): StackReport {
    return escapeDeep(report, false) as StackReport;
}
