/**
 * The change report of `npm run check -- --baseline FILE`: what this run would create, update, replace or
 * delete compared with an earlier report or a `pulumi stack export`, and a finding for every replacement or
 * deletion of a stateful resource (mandatory where `service:protectData` is on, advisory elsewhere).
 */
import type { ReportViolation, StackReport } from "../report";
import type { ProgramRun } from "../engine/run";
import { BaselineDocument, BaselineKind, BaselineStack, engineProviderRef, engineUrns } from "./baseline";
import { CurrentResource, diffResources, ReportChange } from "./diff";
import { statefulType } from "./replacement";

export { baselineFor, loadBaseline, parseBaseline } from "./baseline";
export type { BaselineDocument, BaselineStack } from "./baseline";
export type { ChangeAction, ReportChange } from "./diff";
export { STATEFUL_TYPES, cite, statefulType } from "./replacement";

/** The rule name findings of the change report carry in `violations[]` and SARIF. */
export const CHANGE_RULE = "stateful-replacement";
export const CHANGE_RULE_DOC = {
    description: "A change must not replace or delete a resource that holds data or a secret.",
    severity: "critical",
    category: "durability",
    remediation:
        "Keep the logical name and the inputs that force a replacement (an alias carries a renamed resource over); where a replacement is inherent, follow its runbook in docs/runbooks/changes.md.",
};

/** The rule of a change the cloud refuses to make in place: the `up` would fail half-way. */
export const REFUSED_RULE = "stateful-update-refused";
export const REFUSED_RULE_DOC = {
    description: "A change to a resource that holds data must be one its cloud accepts in place.",
    severity: "high",
    category: "durability",
    remediation: "Follow the procedure the finding names (docs/runbooks/changes.md): an opt-in such as service:database.allowMajorVersionUpgrade, or a new resource and a restore.",
};

export interface ReportBaseline {
    file: string;
    kind: BaselineKind;
    /** The baseline's stack, or null when the baseline document has no entry for this stack. */
    stack: string | null;
}

export interface ChangeSet {
    baseline: ReportBaseline;
    changes: ReportChange[];
    violations: ReportViolation[];
    notes: string[];
}

/** The resources of this run as the comparison sees them: engine URNs, redacted inputs, dependencies. */
export function currentResources(report: StackReport, run: ProgramRun): CurrentResource[] {
    const urns = engineUrns(report.resources);
    const recorded = new Map(run.resources.map((r) => [r.urn, r]));
    return report.resources.map((r) => {
            const rec = recorded.get(r.urn);
            const dependencies: Record<string, string[]> = {};
            for (const [k, deps] of Object.entries(rec?.propertyDependencies ?? {})) dependencies[k] = deps.map((d) => urns.get(d) ?? d);
            return {
                urn: r.urn,
                engineUrn: urns.get(r.urn)!,
                type: r.type,
                name: r.name,
                custom: r.custom,
                inputs: (r.inputs ?? {}) as Record<string, unknown>,
                dependencies,
                replaceOnChanges: rec?.replaceOnChanges ?? [],
                ignoreChanges: r.ignoreChanges ?? [],
                aliases: (rec?.aliases ?? []).map((a) => urns.get(a) ?? a),
                aliasSpecs: (rec?.aliasSpecs ?? []).map((a) => ("urn" in a || !a.parentUrn ? a : { ...a, parentUrn: urns.get(a.parentUrn) ?? a.parentUrn })),
                parent: r.parent ? urns.get(r.parent) : undefined,
                provider: engineProviderRef(r.provider, urns),
            };
        });
}

export function changesFor(report: StackReport, run: ProgramRun, doc: BaselineDocument, baseline: BaselineStack | undefined, protectData: boolean): ChangeSet {
    const notes: string[] = [];
    if (!baseline) notes.push(`The baseline ${doc.file} has no stack ${report.stack}: every resource is shown as created.`);
    if (doc.kind === "stack-export") {
        notes.push(
            "Compared with a stack export: inputs computed from other resources' outputs (ids, ARNs) are compared through those resources only (they change when one of them is created or replaced), and inputs only the provider set (defaults) are not compared.",
        );
    }
    const changes = diffResources({
        current: currentResources(report, run),
        baseline: baseline?.resources ?? [],
        baselineKind: doc.kind,
    });
    for (const c of changes) if (c.renamed) c.reason = renameReason(c, baseline?.environment, report.environment);
    const changed = new Set(changes.map((c) => c.urn));
    // A stateful resource that shows no change may still change where only a secret could say so.
    for (const r of report.resources) {
        const table = statefulType(r.type);
        if (!table || changed.has(r.urn) || !baseline) continue;
        const hidden = Object.entries((r.inputs ?? {}) as Record<string, unknown>)
            .filter(([k, v]) => v === "[secret]" && table.forceNew.includes(k) && !r.ignoreChanges.includes(k))
            .map(([k]) => k);
        if (hidden.length > 0) {
            notes.push(
                `${r.type} ${r.name}: ${hidden.join(", ")} ${hidden.length === 1 ? "is" : "are"} secret in the baseline and in this run, so a change cannot be seen here; a change would replace it.`,
            );
        }
    }
    const violations: ReportViolation[] = changes
        .filter((c) => c.stateful && (c.action === "replace" || (c.action === "delete" && statefulType(c.type)!.kind === "data") || c.refused))
        .map((c) => ({
            policy: c.refused ? REFUSED_RULE : CHANGE_RULE,
            enforcementLevel: protectData ? "mandatory" : "advisory",
            urn: c.urn,
            message: findingMessage(c, report.stack),
            severity: (c.refused ? REFUSED_RULE_DOC : CHANGE_RULE_DOC).severity,
            category: CHANGE_RULE_DOC.category,
            remediation: (c.refused ? REFUSED_RULE_DOC : CHANGE_RULE_DOC).remediation,
            phase: "resource",
            resourceType: c.type,
            resourceName: c.name,
            // A replacement or deletion shows in the preview's plan.
            deployPhase: "preview",
        }));
    return { baseline: { file: doc.file, kind: doc.kind, stack: baseline?.stack ?? null }, changes, violations, notes };
}

/**
 * Why a resource reappears under a new name, and the way to do it: renaming the service keeps every name
 * with `service:identity.name`; a stack's environment is in every physical name, so moving it is a new stack.
 */
function renameReason(c: ReportChange, before: string | undefined, after: string): string {
    const r = c.renamed!;
    const what = c.action === "delete" ? `renamed to ${r.to}` : `the new copy of ${r.from}`;
    if (before && before !== after && r.fromPrefix.endsWith(`-${before}`) && r.toPrefix.endsWith(`-${after}`)) {
        return (
            `${what}: the stack moved from environment ${before} to ${after}, and every physical name carries the environment; ` +
            `a stack does not move between environments: create a stack for ${after} and restore the data into it (docs/runbooks/changes.md, "Moving a stack to another environment")`
        );
    }
    const oldName = before && r.fromPrefix.endsWith(`-${before}`) ? r.fromPrefix.slice(0, -before.length - 1) : r.fromPrefix;
    return (
        `${what}: the name prefix "${r.fromPrefix}" became "${r.toPrefix}" (service:name changed); ` +
        `set service:identity.name to "${oldName}" and every resource keeps its logical and physical name (docs/runbooks/changes.md, "Renaming the service")`
    );
}

function findingMessage(c: ReportChange, stack: string): string {
    const table = statefulType(c.type)!;
    if (c.refused) return `This change to ${table.holds} in stack ${stack} (${c.type} ${c.name}) fails in the cloud: ${c.refused}.`;
    // A retained resource survives its deletion in the cloud, but leaves the stack: nothing manages it any more.
    const verb = c.action === "replace" ? "replaces" : c.retained ? "drops from the stack (unmanaged from then on)" : "deletes";
    const protectedNote = c.protected
        ? " The resource is protected, so `pulumi up` stops at this step with an error, after creating what comes before it."
        : "";
    return `This change ${verb} ${table.holds} in stack ${stack} (${c.type} ${c.name}): ${c.reason}.${protectedNote}`;
}
