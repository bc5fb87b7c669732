/**
 * The schema of the check's report: what every renderer (readiness/reports), the change report and the JSON
 * output read. An interface: fields are only ever added, never renamed or removed.
 */
import type { CostDiff, StackCost } from "./cost";
import type { EnforcementLevel } from "./engine/analyzer";
import type { ProviderError } from "./providers";
// From the modules that make them, not the change report's index, which reads this schema.
import type { ReportBaseline } from "./changes/baseline";
import type { ReportChange } from "./changes/diff";

export interface ReportResource {
    urn: string;
    type: string;
    name: string;
    parent: string | null;
    provider: string | null;
    custom: boolean;
    protect: boolean;
    retainOnDelete: boolean;
    deleteBeforeReplace: boolean | null;
    ignoreChanges: string[];
    dependsOn: string[];
    source: { file: string; line: number; column: number } | null;
    /** Inputs with every secret replaced by the redaction marker and every unknown by `[unknown]`. */
    inputs: unknown;
}

export interface ReportViolation {
    policy: string;
    enforcementLevel: EnforcementLevel;
    urn: string;
    message: string;
    severity: string | null;
    category: string | null;
    remediation: string | null;
    phase: "resource" | "stack";
    resourceType: string | null;
    resourceName: string | null;
}

export interface ReportExemption {
    policy: string;
    urn: string;
    owner: string;
    expires: string;
    reason: string;
    message: string;
}

export interface ReportNotEvaluated {
    policy: string;
    urn: string;
    message: string;
}

export interface StackReport {
    stack: string;
    environment: string;
    project: string;
    preview: boolean;
    reachability: string | null;
    /** The stack file the config came from, relative to the project root (where findings without a source line point). */
    stackFile: string;
    policyPack: { name: string; version: string; config: string };
    resources: ReportResource[];
    /** Inputs the providers' own validation (their Check in a real preview) refuses; any one blocks. */
    providerErrors: ProviderError[];
    violations: ReportViolation[];
    exemptions: ReportExemption[];
    /** Rules that could not run because a value they read is unknown until the resource exists. */
    notEvaluated: ReportNotEvaluated[];
    notes: string[];
    summary: { resources: number; mandatory: number; advisory: number; exempted: number; notEvaluated: number; providerErrors: number };
    /** With `--baseline`: the file compared against. */
    baseline?: ReportBaseline;
    /** With `--baseline`: every resource this run creates, updates, replaces or deletes, stateful ones first. */
    changes?: ReportChange[];
    /** Monthly cost estimate of what the stack creates (readiness/cost); always set by the check, optional for hand-built reports. */
    cost?: StackCost;
    /** What the change adds or removes a month against a baseline report's estimate (`diffCost`), when one is given. */
    costChange?: CostDiff;
}

/** A report blocks a deploy when a provider would refuse an input or a mandatory policy fails. */
export const blocks = (r: StackReport): boolean => r.summary.mandatory > 0 || r.summary.providerErrors > 0;

export type { ProviderError };
