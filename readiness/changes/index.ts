/**
 * The change report of `npm run check -- --baseline FILE`: what this run would create, update, replace or
 * delete compared with an earlier report or a `pulumi stack export`, and a finding for every replacement or
 * deletion of a stateful resource (mandatory where `service:protectData` is on, advisory elsewhere).
 */
import type { ReportViolation, StackReport } from "../report";
import type { ProgramRun } from "../engine/run";
import { BaselineDocument, BaselineStack, engineProviderRef, engineUrns, ReportBaseline } from "./baseline";
import { CurrentResource, diffResources, ReportChange } from "./diff";
import { statefulType } from "./replacement";
import { TYPES } from "../../contracts/tokens";

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
    for (const c of changes) {
        if (c.reparented) c.reason = reparentReason(c);
        else if (c.renamed) c.reason = renameReason(c, baseline?.environment, report.environment);
    }
    const changed = new Set(changes.map((c) => c.urn));
    // A stateful resource that shows no change may still change where only a secret could say so.
    for (const r of report.resources) {
        const table = statefulType(r.type);
        if (!table || changed.has(r.urn) || !baseline) continue;
        const hidden = Object.entries((r.inputs ?? {}) as Record<string, unknown>)
            .filter(([k, v]) => v === "[secret]" && table.forceNew?.includes(k) && !r.ignoreChanges.includes(k))
            .map(([k]) => k);
        if (hidden.length > 0) {
            notes.push(
                `${r.type} ${r.name}: ${hidden.join(", ")} ${hidden.length === 1 ? "is" : "are"} secret in the baseline and in this run, so a change cannot be seen here; a change would replace it.`,
            );
        }
    }
    // Losses the change report words for what they break beyond the resource itself (a shared stack's
    // singletons, a move to another Vercel project); where one is also a stateful change, its words win.
    const losses = [...sharedStackSwitch(report, baseline), ...sharedSingletonLosses(changes, report.stack)];
    const specific = new Map(losses.map((l) => [l.urn, l.message]));
    const violations: ReportViolation[] = changes
        .filter((c) => c.stateful && (c.action === "replace" || (c.action === "delete" && statefulType(c.type)!.kind === "data") || c.refused))
        .map((c) => ({
            policy: c.refused ? REFUSED_RULE : CHANGE_RULE,
            enforcementLevel: protectData ? "mandatory" : "advisory",
            urn: c.urn,
            message: specific.get(c.urn) ?? findingMessage(c, report.stack),
            severity: (c.refused ? REFUSED_RULE_DOC : CHANGE_RULE_DOC).severity,
            category: CHANGE_RULE_DOC.category,
            remediation: (c.refused ? REFUSED_RULE_DOC : CHANGE_RULE_DOC).remediation,
            phase: "resource",
            resourceType: c.type,
            resourceName: c.name,
            // A replacement or deletion shows in the preview's plan.
            deployPhase: "preview",
        }));
    const level = protectData ? "mandatory" : "advisory";
    const flagged = new Set(violations.map((v) => v.urn));
    for (const loss of losses) {
        if (flagged.has(loss.urn)) continue;
        flagged.add(loss.urn);
        violations.push({ ...loss, policy: CHANGE_RULE, enforcementLevel: level, severity: CHANGE_RULE_DOC.severity, category: CHANGE_RULE_DOC.category, remediation: CHANGE_RULE_DOC.remediation, phase: "resource", deployPhase: "preview" });
    }
    return { baseline: { file: doc.file, kind: doc.kind, stack: baseline?.stack ?? null }, changes, violations, notes };
}

type Loss = Pick<ReportViolation, "urn" | "message" | "resourceType" | "resourceName">;

/**
 * The environment's Vercel resources move to another project (`service:sharedStack` names another stack, or
 * `service:vercel.projectId` another project). A preview shows updates of `projectId`, but Vercel's provider
 * replaces each (terraform-provider-vercel v5.4.1, vercel/resource_project_environment_variable.go and
 * resource_project_domain.go: `project_id` RequiresReplace): they are deleted from the project production
 * deploys from, and the app there loses its config at its next deploy. Judged against a report baseline,
 * whose project ids are what this check resolved then; a stack export holds the real ids, which an offline
 * run cannot know.
 */
function sharedStackSwitch(report: StackReport, baseline: BaselineStack | undefined): Loss[] {
    if (!baseline || baseline.kind !== "report") return [];
    const before = new Map(baseline.resources.map((r) => [r.urn, r]));
    const urns = engineUrns(report.resources);
    const projectOf = (inputs: unknown) => (inputs && typeof inputs === "object" ? (inputs as { projectId?: unknown }).projectId : undefined);
    const moved = report.resources.filter((r) => {
        if (!r.custom || !r.type.startsWith("vercel:index/")) return false;
        const was = projectOf(before.get(urns.get(r.urn)!)?.inputs);
        const now = projectOf(r.inputs);
        return typeof was === "string" && typeof now === "string" && was !== now;
    });
    if (moved.length === 0) return [];
    const first = moved[0];
    const from = String(projectOf(before.get(urns.get(first.urn)!)!.inputs));
    const to = String(projectOf(first.inputs));
    return [
        {
            urn: first.urn,
            resourceType: first.type,
            resourceName: first.name,
            message:
                `This change moves ${moved.length} Vercel resources of stack ${report.stack} (env vars, the domain, the firewall) from project ${from} to ${to}: service:sharedStack names another shared stack, ` +
                `or service:vercel.projectId another project. Vercel replaces each (project_id forces a replacement), so they are deleted from the project production deploys from, ` +
                `and its next deployment runs without its database URL and secrets; follow docs/runbooks/changes.md, "Switching the shared stack".`,
        },
    ];
}

/**
 * The shared stack's singletons (docs/decisions/shared-singletons.md): every environment's storage role
 * trusts the account's IAM OIDC provider for the Vercel issuer by its ARN, and deploys from the one Vercel
 * project. Dropping either, by a rename of the service or by switching the shared stack to Blob storage,
 * breaks every other stack, whatever its own diff says.
 */
const SHARED_SINGLETONS: Record<string, string> = {
    [TYPES.openIdConnectProvider]:
        "the account's IAM OIDC provider for the Vercel issuer, which every environment's storage role trusts by ARN (S3 access of dev and prod fails until it exists again, and a new one cannot be created beside a retained one: an account holds one provider per issuer URL)",
    [TYPES.vercelProject]: "the team's Vercel project, which every environment deploys from",
};

function sharedSingletonLosses(changes: ReportChange[], stack: string): Loss[] {
    return changes
        .filter((c) => SHARED_SINGLETONS[c.type] && (c.action === "delete" || c.action === "replace"))
        .map((c) => {
            const how =
                c.action === "replace"
                    ? `replaces it (${c.reason})`
                    : c.renamed || c.reparented
                      ? `drops it: ${c.reason}`
                      : c.type.startsWith("aws:iam/openIdConnectProvider")
                        ? "drops it: this stack no longer creates it (with service:storage.backend blob the shared stack creates no provider), while other stacks may still use S3; keep service:storage.backend s3 in the shared stack while any stack uses S3"
                        : "drops it: this stack no longer registers it";
            return {
                urn: c.urn,
                resourceType: c.type,
                resourceName: c.name,
                message: `This change ${how}. It is ${SHARED_SINGLETONS[c.type]}, in stack ${stack}; follow docs/runbooks/changes.md, "The shared stack's singletons".`,
            };
        });
}

/**
 * A resource under another parent: its URN changes with its parents' types, so the engine deletes the old one
 * and creates a new one, unless an alias names where it was. Renaming the service is not the cause, so
 * `service:identity.name` is not the way.
 */
function reparentReason(c: ReportChange): string {
    const r = c.reparented!;
    const where = (chain: string) => (chain === "(stack)" ? "at the top of the stack" : `under ${chain}`);
    const oldName = c.renamed?.from ?? c.name;
    const parentOpt = r.from === "(stack)" ? "parent: pulumi.rootStackResource" : "parent: <the old parent resource>";
    const alias = `aliases: [{ ${c.renamed ? `name: "${oldName}", ` : ""}${parentOpt} }]`;
    return (
        `${c.action === "delete" ? "moved" : "the new copy of a resource moved"} from ${where(r.from)} to ${where(r.to)}: the URN carries its parents' types, so without an alias the engine deletes it and creates a new one; ` +
        `give the moved resource (or the component moved, whose children follow) \`${alias}\` in its options (docs/runbooks/changes.md, "Moving a resource under another parent"); service:identity.name does not help here`
    );
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
