/**
 * Evaluates the real pack on resources described by hand, without running a program: how rule tests reach
 * the exact code path of a preview (the same handlers, the same proxy) with one resource or a thousand.
 */
import * as fs from "fs";
import * as pulumi from "@pulumi/pulumi";
import * as path from "path";
import { pathToFileURL } from "url";
import { analyzeResources, configure, Diagnostic, packFor, resolvePolicyConfig } from "../readiness/engine/analyzer";
import type { RecordedResource } from "../readiness/engine/resource";
import { defaultLayout, Layout } from "../readiness/layout";

const SIG_KEY = pulumi.runtime.specialSigKey;
const SECRET_SIG = pulumi.runtime.specialSecretSig;
/** The engine's marker for a value unknown during preview. */
export const UNKNOWN = pulumi.runtime.unknownValue;

/** Wraps a value the way a secret travels to the analyzer. */
export function secret(value: unknown): unknown {
    return { [SIG_KEY]: SECRET_SIG, value };
}

export interface SyntheticResource {
    type: string;
    name: string;
    /** Inputs (Analyze); plain JSON, with `secret(...)` and `UNKNOWN` where wanted. */
    inputs?: Record<string, unknown>;
    /** Outputs (AnalyzeStack); default: the inputs. */
    outputs?: Record<string, unknown>;
    /** Name of the parent among the synthetic resources; default: the stack. */
    parent?: string;
    /** Name of the explicit provider among the synthetic resources. */
    provider?: string;
    protect?: boolean;
    retainOnDelete?: boolean;
    deleteBeforeReplace?: boolean;
    ignoreChanges?: string[];
    dependsOn?: string[];
    /** Inputs computed from other synthetic resources' outputs, by resource name: how links show in a preview. */
    propertyDependencies?: Record<string, string[]>;
    custom?: boolean;
}

export interface EvaluateOptions {
    /** Environment whose `policies/config/<environment>.json` applies. Default: prod. */
    environment?: string;
    /** Entries merged over the environment's config document (per policy, shallow). */
    policyConfig?: Record<string, unknown>;
    stack?: string;
    project?: string;
    layout?: Layout;
}

/** Builds the recorded form of synthetic resources: URNs, parents and providers as the engine makes them. */
export function toRecorded(resources: SyntheticResource[], stack = "test", project = "service-template"): RecordedResource[] {
    const stackUrn = `urn:pulumi:${stack}::${project}::pulumi:pulumi:Stack::${project}-${stack}`;
    const urns = new Map<string, string>();
    const typeChain = new Map<string, string>();
    const out: RecordedResource[] = [
        base({ urn: stackUrn, type: "pulumi:pulumi:Stack", name: `${project}-${stack}`, custom: false, inputs: {}, outputs: {} }),
    ];
    for (const r of resources) {
        const parentChain = r.parent ? typeChain.get(r.parent) : undefined;
        const qualified = parentChain ? `${parentChain}$${r.type}` : r.type;
        const urn = `urn:pulumi:${stack}::${project}::${qualified}::${r.name}`;
        urns.set(r.name, urn);
        typeChain.set(r.name, qualified);
        const inputs = r.inputs ?? {};
        out.push(
            base({
                urn,
                type: r.type,
                name: r.name,
                custom: r.custom ?? !r.type.startsWith("service:"),
                parent: r.parent ? urns.get(r.parent) : stackUrn,
                provider: r.provider ? `${urns.get(r.provider)}::provider-id` : undefined,
                protect: r.protect ?? false,
                retainOnDelete: r.retainOnDelete ?? false,
                deleteBeforeReplace: r.deleteBeforeReplace,
                ignoreChanges: r.ignoreChanges ?? [],
                dependsOn: (r.dependsOn ?? []).map((n) => urns.get(n) ?? n),
                propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies ?? {}).map(([k, names]) => [k, names.map((n) => urns.get(n) ?? n)])),
                inputs,
                outputs: r.outputs ?? inputs,
            }),
        );
    }
    return out;
}

function base(r: Partial<RecordedResource> & Pick<RecordedResource, "urn" | "type" | "name" | "custom" | "inputs" | "outputs">): RecordedResource {
    return {
        protect: false,
        retainOnDelete: false,
        ignoreChanges: [],
        replaceOnChanges: [],
        dependsOn: [],
        aliases: [],
        additionalSecretOutputs: [],
        propertyDependencies: {},
        ...r,
    };
}

/** Runs Configure, Analyze on every resource and AnalyzeStack, returning the pack's diagnostics. */
export async function evaluate(resources: SyntheticResource[], opts: EvaluateOptions = {}): Promise<Diagnostic[]> {
    const layout = opts.layout ?? defaultLayout();
    const pack = packFor(layout);
    const environment = opts.environment ?? "prod";
    const file = path.join(layout.root, "policies", "config", `${environment}.json`);
    const doc = { ...(JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>) };
    for (const [k, v] of Object.entries(opts.policyConfig ?? {})) {
        const current = doc[k];
        doc[k] = v && typeof v === "object" && current && typeof current === "object" ? { ...current, ...v } : v;
    }
    await configure(pack, resolvePolicyConfig(pack, doc, pathToFileURL(file).toString()));
    return analyzeResources(pack, toRecorded(resources, opts.stack, opts.project));
}
