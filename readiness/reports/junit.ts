/**
 * JUnit XML for CI test views: a testsuite per stack. Every provider error is a failed testcase (classname
 * `<stack>.provider`); every violation is a testcase (rule and resource), failed when mandatory and passed
 * with its message as output when advisory; every exemption and every rule that could not run in preview is
 * a skipped testcase; a rule with no finding is one passing testcase. So failures equal the provider errors
 * plus the mandatory count, and skipped equals exempted plus not evaluated.
 */
import type { StackReport } from "../report";
import { PACK_NAME, rules } from "../../policies/pack";
import { findingLocation } from "./sarif";
import { AFTER_APPLY } from "./severity";

// XML 1.0 cannot carry most control characters, even escaped.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const xml = (text: string) =>
    text.replace(INVALID_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
const attrs = (a: Record<string, string | number>) => Object.entries(a).map(([k, v]) => ` ${k}="${xml(String(v))}"`).join("");

/** The classname suffix of provider errors' testcases (no rule of the pack has this name). */
export const PROVIDER_CASES = "provider";

interface Case {
    rule: string;
    name: string;
    file?: string;
    line?: number;
    body: string;
    outcome: "passed" | "failed" | "skipped";
}

export function renderJunit(reports: StackReport[]): string {
    const suites = reports.map(suiteOf);
    const total = (k: "tests" | "failures" | "skipped") => suites.reduce((n, s) => n + s[k], 0);
    const lines = [
        `<?xml version="1.0" encoding="UTF-8"?>`,
        `<testsuites${attrs({ name: reports[0]?.policyPack.name ?? PACK_NAME, tests: total("tests"), failures: total("failures"), errors: 0, skipped: total("skipped") })}>`,
        ...suites.flatMap((s) => s.xml),
        `</testsuites>`,
    ];
    return lines.join("\n") + "\n";
}

function suiteOf(r: StackReport): { tests: number; failures: number; skipped: number; xml: string[] } {
    const names = new Map(r.resources.map((res) => [res.urn, res.name]));
    const resourceName = (urn: string) => names.get(urn) ?? (urn ? urn.split("::").pop()! : "(stack)");
    const where = (urn: string) => {
        const loc = findingLocation(r, urn);
        return { file: loc.file, line: loc.line };
    };
    const cases: Case[] = [];
    const seen = new Map<string, number>();
    // Two findings of one rule on one resource stay two testcases; the second gets an ordinal.
    const caseName = (rule: string, urn: string) => {
        const base = `${rule} › ${resourceName(urn)}`;
        const n = (seen.get(base) ?? 0) + 1;
        seen.set(base, n);
        return n === 1 ? base : `${base} (${n})`;
    };
    for (const e of r.providerErrors) {
        cases.push({ rule: PROVIDER_CASES, name: caseName(`${e.type} ${e.property}`, e.urn), ...where(e.urn), body: `${e.message}\nProvider source: ${e.source}`, outcome: "failed" });
    }
    for (const v of r.violations) {
        const remediation = v.remediation ? `\nFix: ${v.remediation}` : "";
        cases.push({ rule: v.policy, name: caseName(v.policy, v.urn), ...where(v.urn), body: `${v.deployPhase === "apply" ? `${AFTER_APPLY}: ` : ""}${v.message}${remediation}`, outcome: v.enforcementLevel === "mandatory" ? "failed" : "passed" });
    }
    for (const e of r.exemptions) {
        cases.push({ rule: e.policy, name: caseName(e.policy, e.urn), ...where(e.urn), body: `exempted until ${e.expires} (owner ${e.owner}): ${e.reason}`, outcome: "skipped" });
    }
    for (const n of r.notEvaluated) {
        cases.push({ rule: n.policy, name: caseName(n.policy, n.urn), ...where(n.urn), body: `not evaluated during preview: ${n.message}`, outcome: "skipped" });
    }
    const touched = new Set(cases.map((c) => c.rule));
    for (const rule of rules) {
        if (!touched.has(rule.name)) cases.push({ rule: rule.name, name: `${rule.name} › no violations`, body: "", outcome: "passed" });
    }
    const order = new Map([PROVIDER_CASES, ...rules.map((rule) => rule.name)].map((name, i) => [name, i]));
    cases.sort((a, b) => (order.get(a.rule) ?? order.size) - (order.get(b.rule) ?? order.size));

    const failures = cases.filter((c) => c.outcome === "failed").length;
    const skipped = cases.filter((c) => c.outcome === "skipped").length;
    const out = [
        `  <testsuite${attrs({ name: r.stack, tests: cases.length, failures, errors: 0, skipped })}>`,
        `    <properties>`,
        ...[
            ["environment", r.environment],
            ["preview", String(r.preview)],
            ["policyPack", `${r.policyPack.name}@${r.policyPack.version}`],
            ["policyConfig", r.policyPack.config],
            ["resources", String(r.summary.resources)],
            ["advisory", String(r.summary.advisory)],
            ["providerErrors", String(r.summary.providerErrors)],
        ].map(([name, value]) => `      <property${attrs({ name, value })}/>`),
        `    </properties>`,
    ];
    for (const c of cases) {
        const head = `    <testcase${attrs({ classname: `${r.stack}.${c.rule}`, name: c.name, ...(c.file ? { file: c.file, line: c.line! } : {}) })}`;
        if (c.outcome === "passed" && !c.body) {
            out.push(`${head}/>`);
            continue;
        }
        out.push(`${head}>`);
        const firstLine = c.body.split("\n")[0];
        if (c.outcome === "failed") out.push(`      <failure${attrs({ message: firstLine, type: c.rule === PROVIDER_CASES ? "provider" : "mandatory" })}>${xml(c.body)}</failure>`);
        else if (c.outcome === "skipped") out.push(`      <skipped${attrs({ message: firstLine })}/>`);
        else out.push(`      <system-out>${xml(`advisory: ${c.body}`)}</system-out>`);
        out.push(`    </testcase>`);
    }
    out.push(`  </testsuite>`);
    return { tests: cases.length, failures, skipped, xml: out };
}
