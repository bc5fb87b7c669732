/**
 * Compares the resources this run registers with a baseline's and says, for each resource that changes,
 * whether it is created, updated, replaced or deleted, and why.
 *
 * What can and cannot be seen:
 * - A value that is secret on both sides is opaque: a change to it cannot be seen here, and is not guessed.
 * - Against a `pulumi stack export`, an input computed from another resource's output (an id, an ARN) holds
 *   the real value in the export and a stand-in in this run, so it is compared only through its dependencies:
 *   it changes when a resource it comes from is created or replaced. Inputs the provider added at Check
 *   (defaults the program never set) are only in the export and are not compared.
 * - A replacement propagates: an input that comes from a replaced or created resource changes, and when that
 *   input forces a replacement, the dependent is replaced too (as a preview shows it).
 */
import type { AliasSpec } from "../engine/resource";
import { REDACTED, UNKNOWN_MARK } from "../redact";
import { BaselineKind, BaselineResource, parseUrn } from "./baseline";
import { cite, PROVIDER_REPLACEMENTS, statefulType } from "./replacement";
import { TYPES } from "../../contracts/tokens";

export type ChangeAction = "create" | "update" | "replace" | "delete";

export interface ReportChange {
    /** The resource's URN in this report (for a delete, the baseline's URN in the engine's form). */
    urn: string;
    type: string;
    name: string;
    action: ChangeAction;
    /** The type holds data or a secret (readiness/changes/replacement.ts). */
    stateful: boolean;
    /** Why: the inputs that force the replacement (with the provider source that says so), or what changes. */
    reason: string;
    /** Top-level inputs that differ. */
    inputs: string[];
    /** Inputs that are secret on both sides and so cannot be compared. */
    unseen: string[];
    /** The baseline had the resource `protect`ed: a replace or delete fails at `pulumi up`. */
    protected: boolean;
    /** The baseline had it `retainOnDelete`: a delete leaves the cloud resource in place, unmanaged. */
    retained: boolean;
    /** An update the cloud refuses (a major version downgrade, an upgrade not allowed), and the way to do it. */
    refused?: string;
    /** A delete and a create of the same type whose names differ only in their prefix: the resource was renamed. */
    renamed?: { from: string; to: string; fromPrefix: string; toPrefix: string };
    /**
     * A delete and a create of the same type whose parents differ (the URN carries the parents' types): the
     * resource, or a component above it, was moved under another parent. The parent type chains, `(stack)` at the top.
     */
    reparented?: { from: string; to: string };
}

/** One resource of this run, with what the comparison needs beyond the report. */
export interface CurrentResource {
    /** The report's URN (the SDK mock monitor's form). */
    urn: string;
    /** The engine's URN. */
    engineUrn: string;
    type: string;
    name: string;
    custom: boolean;
    inputs: Record<string, unknown>;
    /** Top-level input name to the engine URNs of the resources its value comes from. */
    dependencies: Record<string, string[]>;
    replaceOnChanges: string[];
    /** Inputs the program tells the engine to keep as they are in the state (`ignoreChanges`). */
    ignoreChanges?: string[];
    /** Engine URNs this resource may have had before (aliases given as URNs). */
    aliases: string[];
    /** Aliases given as parts (name, type, parent, ...), parent URNs in the engine's form. */
    aliasSpecs?: AliasSpec[];
    /** Engine URN of the parent. */
    parent?: string;
    /** Engine URN of the provider that manages it. */
    provider?: string;
}

interface Pair {
    current?: CurrentResource;
    baseline?: BaselineResource;
}

/** Why each input of a matched pair changed, filled by `compare`. */
interface Comparison {
    stateful: boolean;
    /** The table holds the type's force-new inputs, so an update that forces none is known to be in place. */
    forceNewRead: boolean;
    refused?: string;
    changed: string[];
    unseen: string[];
    replaceReasons: string[];
}

const DIFFERENT = "different";
const OPAQUE = "opaque";
type ValueDiff = typeof DIFFERENT | typeof OPAQUE | undefined;

/** Compares two redacted values; `opaque` when the only differences that could hide are secret on both sides. */
function diffValue(a: unknown, b: unknown): ValueDiff {
    if (a === REDACTED && b === REDACTED) return OPAQUE;
    if (a === REDACTED || b === REDACTED) return DIFFERENT;
    if (a === UNKNOWN_MARK || b === UNKNOWN_MARK) return OPAQUE;
    if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length) return DIFFERENT;
        return combine(a.map((x, i) => diffValue(x, b[i])));
    }
    if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
        const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
        return combine([...keys].map((k) => diffValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])));
    }
    return a === b || (a == null && b == null) ? undefined : DIFFERENT;
}

function combine(diffs: ValueDiff[]): ValueDiff {
    if (diffs.includes(DIFFERENT)) return DIFFERENT;
    return diffs.includes(OPAQUE) ? OPAQUE : undefined;
}

const show = (v: unknown) => {
    const s = typeof v === "string" ? JSON.stringify(v) : JSON.stringify(v ?? null);
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

export interface DiffInput {
    current: CurrentResource[];
    baseline: BaselineResource[];
    baselineKind: BaselineKind;
}

export function diffResources({ current, baseline, baselineKind }: DiffInput): ReportChange[] {
    const baselineByUrn = new Map(baseline.map((b) => [b.urn, b]));
    const allPairs: Pair[] = [];
    const matched = new Set<string>();
    // Which old URN each resource was found under, when an alias found it: its children inherit it.
    const foundUnder = new Map<string, string>();
    // In registration order, as the engine looks resources up: a parent is matched before its children.
    for (const c of current) {
        const urn = [c.engineUrn, ...aliasUrns(c, foundUnder)].find((u) => baselineByUrn.has(u) && !matched.has(u));
        if (urn) {
            matched.add(urn);
            if (urn !== c.engineUrn) foundUnder.set(c.engineUrn, urn);
        }
        allPairs.push({ current: c, baseline: urn ? baselineByUrn.get(urn) : undefined });
    }
    for (const b of baseline) if (!matched.has(b.urn)) allPairs.push({ baseline: b });
    // Components are matched (their aliases carry their children) but have no inputs to change.
    const pairs = allPairs.filter((p) => (p.current ?? p.baseline)!.custom);

    // Where each engine URN (current, or baseline for deletes) ends up: filled pass by pass until it settles.
    const action = new Map<string, ChangeAction>();
    const comparisons = new Map<string, Comparison>();
    const reasons = new Map<string, string[]>();
    for (const p of pairs) {
        if (p.current && !p.baseline) {
            action.set(p.current.engineUrn, "create");
        } else if (!p.current && p.baseline) {
            action.set(p.baseline.urn, "delete");
        } else if (p.current && p.baseline) {
            const cmp = compare(p.current, p.baseline, baselineKind);
            comparisons.set(p.current.engineUrn, cmp);
            if (cmp.replaceReasons.length > 0) {
                action.set(p.current.engineUrn, "replace");
                reasons.set(p.current.engineUrn, [...cmp.replaceReasons]);
            } else if (cmp.changed.length > 0) {
                action.set(p.current.engineUrn, "update");
            }
        }
    }

    // Replacements and creations propagate through the inputs that carry their outputs, and through providers.
    const byEngineUrn = new Map(current.map((c) => [c.engineUrn, c]));
    for (let pass = 0, moved = true; moved && pass < 50; pass++) {
        moved = false;
        for (const p of pairs) {
            const c = p.current;
            if (!c || !p.baseline) continue;
            const provider = c.provider ? c.provider.slice(0, c.provider.lastIndexOf("::")) : undefined;
            const own = reasons.get(c.engineUrn) ?? [];
            if (provider && action.get(provider) === "replace" && !own.some((r) => r.startsWith("its provider "))) {
                // The provider's reason comes first: it is the cause, whatever inputs change with it.
                action.set(c.engineUrn, "replace");
                const why = reasons.get(provider)?.join("; ");
                reasons.set(c.engineUrn, [`its provider ${byEngineUrn.get(provider)?.name ?? provider} is replaced${why ? ` (${why})` : ""}`, ...own]);
                moved = true;
                continue;
            }
            if (action.get(c.engineUrn) === "replace") continue;
            const table = statefulType(c.type);
            const cmp = comparisons.get(c.engineUrn)!;
            for (const [input, deps] of Object.entries(c.dependencies)) {
                const changedDep = deps.find((d) => d !== c.engineUrn && (action.get(d) === "replace" || action.get(d) === "create"));
                if (!changedDep) continue;
                const depName = byEngineUrn.get(changedDep)?.name ?? changedDep;
                const forces = table?.forceNew?.includes(input) || c.replaceOnChanges.includes(input) || c.replaceOnChanges.includes("*");
                if (!cmp.changed.includes(input)) cmp.changed.push(input);
                cmp.unseen = cmp.unseen.filter((u) => u !== input);
                if (forces) {
                    action.set(c.engineUrn, "replace");
                    const why = `${input} comes from ${depName}, which is ${action.get(changedDep) === "create" ? "created anew" : "replaced"}`;
                    reasons.set(c.engineUrn, [...(reasons.get(c.engineUrn) ?? []), `${why}${table ? ` (forces a replacement: ${cite(table.citation!)})` : " (replaceOnChanges)"}`]);
                    moved = true;
                    break;
                } else if (action.get(c.engineUrn) === undefined) {
                    action.set(c.engineUrn, "update");
                    moved = true;
                }
            }
        }
    }

    const changes: ReportChange[] = [];
    // The engine's URN of each change (a create's report URN is the SDK mock's, which omits the parents' chain).
    const engineUrnOf = new Map<ReportChange, string>();
    for (const p of pairs) {
        const key = p.current?.engineUrn ?? p.baseline!.urn;
        const act = action.get(key);
        if (!act) continue;
        const type = p.current?.type ?? p.baseline!.type;
        const table = statefulType(type);
        const cmp = comparisons.get(key);
        changes.push({
            urn: p.current?.urn ?? p.baseline!.urn,
            type,
            name: p.current?.name ?? p.baseline!.urn.split("::").pop()!,
            action: act,
            stateful: table !== undefined,
            reason: reasonFor(act, cmp, reasons.get(key), p.baseline?.retainOnDelete === true),
            inputs: cmp?.changed ?? [],
            unseen: cmp?.unseen ?? [],
            protected: p.baseline?.protect === true,
            retained: p.baseline?.retainOnDelete === true,
            ...(act === "update" && cmp?.refused ? { refused: cmp.refused } : {}),
        });
        engineUrnOf.set(changes[changes.length - 1], key);
    }
    pairRenames(changes, (c) => engineUrnOf.get(c) ?? c.urn);
    // Stateful first, then the most destructive action.
    const rank: Record<ChangeAction, number> = { delete: 0, replace: 1, create: 2, update: 3 };
    return changes.sort((a, b) => Number(b.stateful) - Number(a.stateful) || rank[a.action] - rank[b.action]);
}

/**
 * Marks each deleted resource that reappears under a new name: same type, the longest common end of the
 * names starting at a `-` (such as `-postgres-instance`), and a different start (`acme-chat-prod` against
 * `acme-talk-prod`). That is what renaming the service or moving the stack to another environment does.
 */
function pairRenames(changes: ReportChange[], engineUrn: (c: ReportChange) => string): void {
    const chain = (c: ReportChange) => parentChain(engineUrn(c));
    const creates = changes.filter((c) => c.action === "create");
    const taken = new Set<ReportChange>();
    // The same name under another parent first: nothing but the parent chain in the URN changed.
    for (const d of changes.filter((c) => c.action === "delete")) {
        const c = creates.find((x) => !taken.has(x) && x.type === d.type && x.name === d.name && chain(x) !== chain(d));
        if (!c) continue;
        taken.add(c);
        d.reparented = c.reparented = { from: chain(d), to: chain(c) };
    }
    for (const d of changes.filter((c) => c.action === "delete" && !c.reparented)) {
        let best: { c: ReportChange; suffix: number } | undefined;
        for (const c of creates) {
            if (c.type !== d.type || taken.has(c)) continue;
            let n = 0;
            while (n < d.name.length && n < c.name.length && d.name[d.name.length - 1 - n] === c.name[c.name.length - 1 - n]) n++;
            // Back to a segment boundary, so `-prod-x` against `-staging-x` keeps `-x`, not `g-x`.
            const end = d.name.slice(d.name.length - n);
            const cut = end.indexOf("-");
            const suffix = cut < 0 ? 0 : n - cut;
            if (suffix < 2 || suffix >= d.name.length || suffix >= c.name.length) continue;
            if (!best || suffix > best.suffix) best = { c, suffix };
        }
        if (!best) continue;
        taken.add(best.c);
        const renamed = {
            from: d.name,
            to: best.c.name,
            fromPrefix: d.name.slice(0, d.name.length - best.suffix),
            toPrefix: best.c.name.slice(0, best.c.name.length - best.suffix),
        };
        d.renamed = renamed;
        best.c.renamed = renamed;
        // A component named after its new parent (`<parent>-postgres`) is renamed and moved at once.
        if (chain(d) !== chain(best.c)) d.reparented = best.c.reparented = { from: chain(d), to: chain(best.c) };
    }
}

/**
 * The types of a resource's parents, from its URN's qualified type (`service:data:Postgres$aws:rds/instance:Instance`
 * gives `service:data:Postgres`); the stack itself, which the engine leaves out and the SDK's mocks write, counts
 * as no parent.
 */
export function parentChain(urn: string): string {
    const types = (parseUrn(urn)?.qualifiedType ?? "").split("$").filter((t) => t !== TYPES.stack);
    return types.slice(0, -1).join("$") || "(stack)";
}


/** The engine's URN from its parts (pulumi/pulumi sdk/go/common/resource/urn/urn.go, New). */
function newUrn(stack: string, project: string, parent: string | undefined, type: string, name: string): string {
    const parentType = parent ? parseUrn(parent)?.qualifiedType : undefined;
    const qualified = parentType && parentType !== TYPES.stack ? `${parentType}$${type}` : type;
    return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

/**
 * Every old URN the engine would look the resource up under, as pulumi/pulumi's step generator derives
 * them (pkg/resource/deploy/step_generator.go: collapseAliasToUrn, generateAliases, inheritedChildAlias):
 * each alias with its empty parts taken from the resource, and the parent's old URN where the parent was
 * found under an alias; then, for a parent found under an alias, the child under that old parent, with the
 * parent's old name in place of its new one at the start of the child's name.
 */
function aliasUrns(c: CurrentResource, foundUnder: Map<string, string>): string[] {
    const own = parseUrn(c.engineUrn);
    if (!own) return c.aliases;
    const out = [...c.aliases];
    const explicit: Array<{ type: string; name: string }> = [];
    for (const spec of c.aliasSpecs ?? []) {
        if ("urn" in spec) {
            out.push(spec.urn);
            continue;
        }
        const type = spec.type || c.type;
        const name = spec.name || c.name;
        let parent = spec.parentUrn || c.parent;
        if (spec.parentUrn && foundUnder.has(spec.parentUrn)) parent = foundUnder.get(spec.parentUrn);
        if (spec.noParent) parent = undefined;
        out.push(newUrn(spec.stack || own.stack, spec.project || own.project, parent, type, name));
        explicit.push({ type, name });
    }
    const parentOld = c.parent ? foundUnder.get(c.parent) : undefined;
    if (c.parent && parentOld) {
        const parentName = parseUrn(c.parent)?.name ?? "";
        const oldParentName = parseUrn(parentOld)?.name ?? "";
        for (const { type, name } of [{ type: c.type, name: c.name }, ...explicit]) {
            const renamed = parentName && name.startsWith(parentName) ? oldParentName + name.slice(parentName.length) : name;
            out.push(newUrn(own.stack, own.project, parentOld, type, renamed));
        }
    }
    return out;
}

function compare(c: CurrentResource, b: BaselineResource, kind: BaselineKind): Comparison {
    const table = statefulType(c.type);
    const out: Comparison = { stateful: table !== undefined, forceNewRead: table?.forceNew !== undefined, changed: [], unseen: [], replaceReasons: [] };
    const keys = new Set([...Object.keys(c.inputs), ...(kind === "report" ? Object.keys(b.inputs) : [])]);
    for (const key of keys) {
        // The bridge's bookkeeping of which inputs were defaulted, not an input.
        if (key.startsWith("__")) continue;
        // The engine keeps an ignored input's old value, so a new one in the program changes nothing.
        if ((c.ignoreChanges ?? []).some((i) => i === key || i.startsWith(`${key}.`) || i.startsWith(`${key}[`))) continue;
        const computed = (c.dependencies[key] ?? []).length > 0;
        // In a stack export, a value from another resource's output is the real one; here it is a stand-in.
        if (kind === "stack-export" && computed) continue;
        const before = b.inputs[key];
        const after = c.inputs[key];
        const d = diffValue(before, after);
        if (d === OPAQUE) {
            out.unseen.push(key);
            continue;
        }
        if (d !== DIFFERENT) continue;
        out.changed.push(key);
        const change = before === REDACTED || after === REDACTED ? "" : ` from ${show(before)} to ${show(after)}`;
        const providerRule = PROVIDER_REPLACEMENTS[c.type];
        if (providerRule?.inputs.includes(key)) {
            out.replaceReasons.push(`${key} changes${change}: ${providerRule.why}`);
        } else if (table?.forceNew?.includes(key)) {
            out.replaceReasons.push(`${key} changes${change}, which forces a replacement (${cite(table.citation!)})`);
        } else if (c.replaceOnChanges.includes(key) || c.replaceOnChanges.includes("*")) {
            out.replaceReasons.push(`${key} changes${change}, and the program sets replaceOnChanges on it`);
        } else {
            const rule = table?.conditional?.find((r) => r.input === key && r.when(before, after));
            if (rule) out.replaceReasons.push(`${rule.describe} forces a replacement (${cite(table!.citation!)})`);
        }
    }
    if (out.changed.length > 0 && table?.refuses) out.refused = table.refuses(b.inputs, c.inputs);
    return out;
}

function reasonFor(act: ChangeAction, cmp: Comparison | undefined, replaceReasons: string[] | undefined, retained: boolean): string {
    const unseen = cmp && cmp.unseen.length > 0 ? `; secret on both sides, so not compared: ${cmp.unseen.join(", ")}` : "";
    switch (act) {
        case "create":
            return "not in the baseline: a new resource (a changed logical name, parent or type gives a new URN unless an alias names the old one)";
        case "delete":
            return retained
                ? "in the baseline but no longer registered: `pulumi up` drops it from the stack and, with retainOnDelete, leaves it in the cloud, unmanaged"
                : "in the baseline but no longer registered: `pulumi up` deletes it";
        case "replace":
            return `${(replaceReasons ?? []).join("; ")}${unseen}`;
        case "update": {
            const known = cmp?.forceNewRead ? "updated in place" : "updated (whether these inputs force a replacement of this type is not in the table of stateful types)";
            if (cmp?.refused) return `${(cmp.changed).join(", ")} ${cmp.changed.length === 1 ? "changes" : "change"}, and the update fails: ${cmp.refused}${unseen}`;
            return `${(cmp?.changed ?? []).join(", ")} ${cmp && cmp.changed.length === 1 ? "changes" : "change"}: ${known}${unseen}`;
        }
    }
}
