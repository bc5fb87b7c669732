/**
 * The cost section of a stack's report: the shared estimator (policies/lib/cost) run on the recorded
 * registrations, and the difference between two reports' estimates for a pull request.
 */
import * as fs from "fs";
import * as path from "path";
import { CostEstimate, CostResource, estimateCost } from "../../policies/lib/cost/estimate";
import { USAGE_ASSUMPTIONS_TYPE } from "../../contracts/tokens";
import type { PriceTable } from "../../policies/lib/cost/priceSchema";
import { BaselineStack, engineUrns } from "../changes/baseline";
import type { RecordedResource } from "../engine/resource";
import { redact, UNKNOWN_MARK } from "../redact";

export type StackCost = CostEstimate;

/** Redacted values with every unknown dropped: the estimate never prices a secret, nor a guess. */
function known(value: unknown): unknown {
    if (value === UNKNOWN_MARK) return undefined;
    if (Array.isArray(value)) return value.map(known);
    if (value && typeof value === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) {
            const kept = known(v);
            if (kept !== undefined) out[k] = kept;
        }
        return out;
    }
    return value;
}

/**
 * Custom resources are priced on their inputs (what a preview knows), components on their registered outputs
 * (where the usage assumptions live); each resource's provider supplies its region.
 */
export function costResources(resources: readonly RecordedResource[]): CostResource[] {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    return resources.map((r) => {
        const providerUrn = r.provider ? r.provider.split("::").slice(0, -1).join("::") : undefined;
        const provider = providerUrn ? byUrn.get(providerUrn) : undefined;
        const region = provider ? (known(redact(provider.inputs)) as Record<string, unknown>).region : undefined;
        return {
            urn: r.urn,
            type: r.type,
            name: r.name,
            props: known(redact(r.custom ? r.inputs : r.outputs)) as Record<string, unknown>,
            providerRegion: typeof region === "string" ? region : undefined,
        };
    });
}

export function estimateStackCost(resources: readonly RecordedResource[], table?: PriceTable): StackCost {
    return estimateCost(costResources(resources), table);
}

export interface CostChange {
    urn: string;
    type: string;
    /** The resource's items, joined, from whichever side has them. */
    description: string;
    before: number;
    after: number;
    delta: number;
}

export interface CostDiff {
    /** How the baseline was priced. */
    basis: string;
    before: number;
    after: number;
    delta: number;
    /** Resources whose monthly cost changed, largest change first. */
    changes: CostChange[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** What a change adds or removes a month, per resource (by URN), from the baseline's estimate to this one. */
export function diffCost(baseline: Pick<StackCost, "items" | "monthly">, current: Pick<StackCost, "items" | "monthly">): CostDiff {
    const perResource = (items: StackCost["items"]) => {
        const out = new Map<string, { type: string; monthly: number; descriptions: string[] }>();
        for (const i of items) {
            const entry = out.get(i.urn) ?? { type: i.type, monthly: 0, descriptions: [] };
            entry.monthly += i.monthly;
            entry.descriptions.push(i.description);
            out.set(i.urn, entry);
        }
        return out;
    };
    const before = perResource(baseline.items);
    const after = perResource(current.items);
    const changes: CostChange[] = [];
    for (const urn of new Set([...before.keys(), ...after.keys()])) {
        const b = before.get(urn);
        const a = after.get(urn);
        const delta = round2((a?.monthly ?? 0) - (b?.monthly ?? 0));
        if (delta === 0) continue;
        changes.push({ urn, type: (a ?? b)!.type, description: (a ?? b)!.descriptions.join("; "), before: round2(b?.monthly ?? 0), after: round2(a?.monthly ?? 0), delta });
    }
    changes.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.urn.localeCompare(y.urn));
    return { basis: "the baseline's estimate against this run's", before: baseline.monthly, after: current.monthly, delta: round2(current.monthly - baseline.monthly), changes };
}

/** The `cost` a baseline report recorded for its stack (reports made before cost existed have none). */
function recordedCost(baseline: BaselineStack): { cost: StackCost; resources: Parameters<typeof engineUrns>[0] } | undefined {
    if (baseline.kind !== "report") return undefined;
    try {
        const doc = JSON.parse(fs.readFileSync(baseline.file, "utf8")) as { stacks?: unknown[] } & Record<string, unknown>;
        const reports = (Array.isArray(doc.stacks) ? doc.stacks : [doc]) as Array<{ stack?: string; cost?: StackCost; resources?: Parameters<typeof engineUrns>[0] }>;
        const found = reports.find((r) => r.stack === baseline.stack);
        return found?.cost && Array.isArray(found.cost.items) && found.resources ? { cost: found.cost, resources: found.resources } : undefined;
    } catch {
        return undefined;
    }
}

/**
 * The monthly cost change against a `--baseline` (readiness/changes). A baseline report that recorded its estimate
 * is compared as it was (its own prices and usage); a stack export, or a report from before estimates, is priced
 * with this run's table and `service:cost` usage, so the difference is what the change of resources adds or
 * removes. URNs are compared in the engine's form, as the change report does.
 */
export function costChangeAgainst(
    report: { resources: Parameters<typeof engineUrns>[0]; cost?: StackCost },
    run: readonly RecordedResource[],
    baseline: BaselineStack | undefined,
): CostDiff | undefined {
    if (!report.cost) return undefined;
    const inEngineForm = (cost: Pick<StackCost, "items" | "monthly">, resources: Parameters<typeof engineUrns>[0]) => {
        const toEngine = engineUrns(resources);
        return { monthly: cost.monthly, items: cost.items.map((i) => ({ ...i, urn: toEngine.get(i.urn) ?? i.urn })) };
    };
    const current = inEngineForm(report.cost, report.resources);
    const recorded = baseline ? recordedCost(baseline) : undefined;
    if (recorded) return { ...diffCost(inEngineForm(recorded.cost, recorded.resources), current), basis: `the estimate recorded in ${path.basename(baseline!.file)}` };
    const byUrn = new Map((baseline?.resources ?? []).map((r) => [r.urn, r]));
    const before: CostResource[] = (baseline?.resources ?? [])
        .filter((r) => r.type !== USAGE_ASSUMPTIONS_TYPE)
        .map((r) => {
            const providerUrn = r.provider ? r.provider.split("::").slice(0, -1).join("::") : undefined;
            const region = providerUrn ? (byUrn.get(providerUrn)?.inputs as { region?: unknown } | undefined)?.region : undefined;
            return { urn: r.urn, type: r.type, name: urnName(r.urn), props: r.custom ? (known(r.inputs) as Record<string, unknown>) : {}, providerRegion: typeof region === "string" ? region : undefined };
        });
    const assumptions = costResources(run).find((r) => r.type === USAGE_ASSUMPTIONS_TYPE);
    // The baseline's resources are in the engine's URN form, as `current` is; the run's component is not yet.
    if (assumptions) before.push({ ...assumptions, urn: engineUrns(report.resources).get(assumptions.urn) ?? assumptions.urn });
    const diff = diffCost(estimateCost(before), current);
    return { ...diff, basis: `${baseline ? `the baseline ${path.basename(baseline.file)}` : "an empty baseline"} priced with this run's price table and service:cost usage` };
}

/** Items a summary table shows; the rest are counted in one line (the JSON report has them all). */
export const COST_TABLE_ROWS = 8;

/** The resource name at the end of a URN. */
export function urnName(urn: string): string {
    return urn.slice(urn.lastIndexOf("::") + 2);
}
