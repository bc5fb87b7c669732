/**
 * Reads what a stack looked like before: an earlier JSON report of the check (one stack, or the multi-stack
 * document) or a `pulumi stack export` (deployment version 3). Both become the same list of resources keyed
 * by the engine's URN, with every secret as the redaction marker.
 */
import { UsageError } from "../engine/stackFiles";
import { exportResourceList, readJsonFile, shown } from "../jsonFile";
import { reportInputs } from "../redact";
import { TYPES } from "../../contracts/tokens";

export type BaselineKind = "report" | "stack-export";

/** The report's record of the baseline it compared against (`StackReport.baseline`). */
export interface ReportBaseline {
    file: string;
    kind: BaselineKind;
    /** The baseline's stack, or null when the baseline document has no entry for this stack. */
    stack: string | null;
}

export interface BaselineResource {
    /** The URN the engine gives the resource (as in `pulumi stack export`). */
    urn: string;
    type: string;
    custom: boolean;
    /** Inputs with secrets redacted. */
    inputs: Record<string, unknown>;
    protect: boolean;
    retainOnDelete: boolean;
    /** The provider reference `urn::id` with the URN in engine form, when the baseline records one. */
    provider?: string;
}

export interface BaselineStack {
    kind: BaselineKind;
    file: string;
    stack: string;
    project: string;
    /** `service:environment` of the baseline, when it records one (a report; an export's `environment` tags). */
    environment?: string;
    resources: BaselineResource[];
}

/** A loaded baseline file: one or more stacks. */
export interface BaselineDocument {
    kind: BaselineKind;
    file: string;
    stacks: BaselineStack[];
}


interface UrnParts {
    stack: string;
    project: string;
    qualifiedType: string;
    name: string;
}

export function parseUrn(urn: string): UrnParts | undefined {
    const m = /^urn:pulumi:([^:]*)::([^:]*)::(.+?)::(.*)$/s.exec(urn);
    return m ? { stack: m[1], project: m[2], qualifiedType: m[3], name: m[4] } : undefined;
}

interface ReportLikeResource {
    urn: string;
    type: string;
    name: string;
    parent: string | null | undefined;
}

/**
 * The engine's URN of each resource of a report. The SDK's mock monitor qualifies a type with its parent's
 * type only (and with the root stack's); the engine qualifies it with the parent's whole qualified type and
 * leaves the root stack out (pulumi/pulumi sdk/go/common/resource/urn/urn.go, New). Keyed by report URN.
 */
export function engineUrns(resources: readonly ReportLikeResource[]): Map<string, string> {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const qualified = new Map<string, string>();
    const qualify = (r: ReportLikeResource, depth = 0): string => {
        const known = qualified.get(r.urn);
        if (known) return known;
        const parent = r.parent ? byUrn.get(r.parent) : undefined;
        const parentType = parent && depth < 64 ? qualify(parent, depth + 1) : "";
        const q = parentType && parentType !== TYPES.stack ? `${parentType}$${r.type}` : r.type;
        qualified.set(r.urn, q);
        return q;
    };
    const out = new Map<string, string>();
    for (const r of resources) {
        const parts = parseUrn(r.urn);
        out.set(r.urn, parts ? `urn:pulumi:${parts.stack}::${parts.project}::${qualify(r)}::${r.name}` : r.urn);
    }
    return out;
}

/** Rewrites a provider reference `urn::id` to the engine's URN. */
export function engineProviderRef(ref: string | null | undefined, urns: Map<string, string>): string | undefined {
    if (!ref) return undefined;
    const cut = ref.lastIndexOf("::");
    const urn = ref.slice(0, cut);
    return `${urns.get(urn) ?? urn}${ref.slice(cut)}`;
}

export function loadBaseline(file: string): BaselineDocument {
    return parseBaseline(readJsonFile(file, "--baseline", "a JSON report of this check or a `pulumi stack export`"), file);
}

export function parseBaseline(doc: unknown, file: string): BaselineDocument {
    const o = (doc ?? {}) as Record<string, unknown>;
    if (o && typeof o === "object" && "deployment" in o) {
        if (o.version !== 3) {
            throw new UsageError(`--baseline ${file}: a stack export of deployment version ${JSON.stringify(o.version)}; expected version 3 (export it with a current Pulumi CLI)`);
        }
        return { kind: "stack-export", file, stacks: [fromExport(o.deployment as Record<string, unknown>, file)] };
    }
    if (Array.isArray(o.stacks)) return { kind: "report", file, stacks: o.stacks.map((s) => fromReport(s, file)) };
    if (Array.isArray(o.resources) && typeof o.stack === "string") return { kind: "report", file, stacks: [fromReport(o, file)] };
    throw new UsageError(`--baseline ${file}: neither a JSON report of this check (stack, resources) nor a \`pulumi stack export\` (version, deployment)`);
}

function fromReport(s: unknown, file: string): BaselineStack {
    const r = s as { stack?: unknown; project?: unknown; environment?: unknown; resources?: unknown };
    if (typeof r.stack !== "string" || !Array.isArray(r.resources)) throw new UsageError(`--baseline ${file}: a stack entry without stack and resources`);
    r.resources.forEach((res, i) => {
        const ok = res && typeof res === "object" && typeof (res as { urn?: unknown }).urn === "string" && typeof (res as { type?: unknown }).type === "string";
        if (!ok) throw new UsageError(`--baseline ${file}: --baseline resources[${i}]: got ${shown(res)}; expected a resource object with urn and type`, [{ key: `--baseline resources[${i}]`, given: shown(res), expected: "a resource object with urn and type, as the check's JSON report writes it" }]);
    });
    const resources = r.resources as Array<ReportLikeResource & { custom?: boolean; inputs?: unknown; protect?: boolean; retainOnDelete?: boolean; provider?: string | null }>;
    const urns = engineUrns(resources);
    const project = typeof r.project === "string" ? r.project : (parseUrn(resources[0]?.urn ?? "")?.project ?? "");
    return {
        kind: "report",
        file,
        stack: r.stack,
        project,
        environment: typeof r.environment === "string" ? r.environment : undefined,
        resources: resources.map((res) => ({
            urn: urns.get(res.urn)!,
            type: res.type,
            custom: res.custom !== false,
            // A report's inputs are already redacted; redacting again keeps any stray wire-form secret out.
            inputs: reportInputs(res.inputs),
            protect: res.protect === true,
            retainOnDelete: res.retainOnDelete === true,
            provider: engineProviderRef(res.provider, urns),
        })),
    };
}

function fromExport(deployment: Record<string, unknown>, file: string): BaselineStack {
    const resources = exportResourceList(deployment, "--baseline", file);
    const root = resources.find((r) => r.type === TYPES.stack);
    const parts = parseUrn(String(root?.urn ?? resources[0]?.urn ?? ""));
    if (!parts) throw new UsageError(`--baseline ${file}: the stack export holds no resources, so there is nothing to compare with`);
    const tagged = resources.map((r) => (r.inputs as { tags?: { environment?: unknown } } | undefined)?.tags?.environment).find((e) => typeof e === "string");
    // The engine's URNs are already what engineUrns derives from the parent chain; an export written by the
    // offline engine (`--export-state`) carries the mock monitor's, which this turns into the engine's.
    const urns = engineUrns(
        resources
            .filter((r) => typeof r.urn === "string" && typeof r.type === "string")
            .map((r) => ({ urn: r.urn as string, type: r.type as string, name: parseUrn(r.urn as string)?.name ?? "", parent: typeof r.parent === "string" ? r.parent : null })),
    );
    return {
        kind: "stack-export",
        file,
        stack: parts.stack,
        project: parts.project,
        environment: tagged as string | undefined,
        resources: resources
            // Resources pending deletion from an earlier replacement are not part of the stack's desired state.
            .filter((r) => r.delete !== true && typeof r.urn === "string" && typeof r.type === "string")
            .map((r) => ({
                urn: urns.get(r.urn as string) ?? (r.urn as string),
                type: r.type as string,
                custom: r.custom === true,
                inputs: reportInputs(r.inputs),
                protect: r.protect === true,
                retainOnDelete: r.retainOnDelete === true,
                provider: typeof r.provider === "string" && r.provider ? engineProviderRef(r.provider, urns) : undefined,
            })),
    };
}

/**
 * The baseline of one checked stack. A multi-stack document without it gives undefined (a new stack: every
 * resource is created); a one-stack baseline of another stack is a usage error.
 */
export function baselineFor(doc: BaselineDocument, stack: string, project: string): BaselineStack | undefined {
    const found = doc.stacks.find((s) => s.stack === stack || s.stack.split("/").pop() === stack);
    if (found) {
        if (found.project && project && found.project !== project) {
            throw new UsageError(
                `--baseline ${doc.file}: stack ${found.stack} of project ${found.project}, but this program's project is ${project}: a renamed project gives every resource a new URN (keep the old name in Pulumi.yaml, or compare with a baseline of the renamed project)`,
            );
        }
        return found;
    }
    if (doc.stacks.length === 1) {
        throw new UsageError(`--baseline ${doc.file}: it holds stack ${doc.stacks[0].stack}, not ${stack}; pass the baseline of ${stack} (or check --stack ${doc.stacks[0].stack})`);
    }
    return undefined;
}
