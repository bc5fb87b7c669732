/**
 * The schema of the check's report: what every renderer (readiness/reports), the change report and the JSON
 * output read. An interface: fields are only ever added, never renamed or removed.
 */
import type { CostDiff, StackCost } from "./cost";
import type { DeployPhase, EnforcementLevel } from "./engine/analyzer";
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
    /** The pass that found it: Analyze on each resource's inputs, or AnalyzeStack on the stack's properties. */
    phase: "resource" | "stack";
    resourceType: string | null;
    resourceName: string | null;
    /**
     * The run of a deployment that finds it: "preview" (a preview, and the start of `up`, on what the program
     * set, computed values unknown) or "apply" (the end of `up`, `preview --refresh` and drift runs, on the
     * outputs the providers returned). Named apart from `phase`, which was already the pass.
     */
    deployPhase: DeployPhase;
}

/** Something this stack and another stack of the same check would both own (readiness/collisions.ts). */
export interface ReportCollision {
    /** `vercel-env-var`: the same (project, key, target); `physical-name`: the same name in the scope it must be unique in. */
    kind: "vercel-env-var" | "physical-name";
    /** What is owned twice, in words. */
    what: string;
    /** The other stacks that own it. */
    stacks: string[];
    /** This stack's resources that own it. */
    urns: string[];
    /** False when part of the scope is unknown offline (an AWS account no stack pins): listed, but not blocking. */
    certain: boolean;
    message: string;
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
    summary: {
        resources: number;
        mandatory: number;
        advisory: number;
        exempted: number;
        notEvaluated: number;
        providerErrors: number;
        /** With several stacks checked together: the certain collisions with another stack (each blocks). */
        collisions?: number;
    };
    /** With several stacks checked together: what this stack and another would both own (readiness/collisions.ts). */
    collisions?: ReportCollision[];
    /** With `--baseline`: the file compared against. */
    baseline?: ReportBaseline;
    /** With `--baseline`: every resource this run creates, updates, replaces or deletes, stateful ones first. */
    changes?: ReportChange[];
    /** Monthly cost estimate of what the stack creates (readiness/cost); always set by the check, optional for hand-built reports. */
    cost?: StackCost;
    /** What the change adds or removes a month against a baseline report's estimate (`diffCost`), when one is given. */
    costChange?: CostDiff;
}

/**
 * A report blocks a deploy when a provider would refuse an input, a mandatory policy fails, or (checked with other
 * stacks) it would own something another stack owns.
 */
export const blocks = (r: StackReport): boolean => r.summary.mandatory > 0 || r.summary.providerErrors > 0 || (r.summary.collisions ?? 0) > 0;

export type { DeployPhase, ProviderError };
