/**
 * The import rules docs/architecture.md states, over all the product code (index.ts, contracts/, config/,
 * components/, policies/, readiness/, scripts/): no circular import, type-only imports included (a cycle of types
 * is still two modules that cannot be understood apart); the program imports nothing from policies/ or
 * readiness/; what the program and the pack share lives in contracts/, which imports nothing, ours or a
 * package's; and each layer imports only the layers below it.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { defaultLayout } from "../readiness/layout";

const root = defaultLayout().root;

/**
 * The layers, lowest first, with what each may import (docs/architecture.md, "Where things are"). A layer is a
 * top-level folder, or index.ts. config/ and policies/ stand side by side: neither imports the other.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
    contracts: [],
    config: ["contracts"],
    // The pack is published on its own (policies/ alone is packed), so it reads its generated copy of contracts/
    // (policies/contracts/, scripts/pack-contracts.js) and nothing outside its folder.
    policies: [],
    components: ["config", "contracts"],
    "index.ts": ["components", "config", "contracts"],
    readiness: ["policies", "config", "contracts"],
    scripts: ["readiness", "index.ts", "components", "policies", "config", "contracts"],
};
const LAYERS = Object.keys(MAY_IMPORT);
const PROGRAM = ["index.ts", "components", "config"];

interface Module {
    /** Project files it imports or re-exports, relative to the root. */
    local: string[];
    /** What it imports that is not a project file: packages and Node's own modules. */
    packages: string[];
}

/** Every .ts file of `layers`, relative to the root, with what each imports. */
function importGraph(layers: readonly string[]): Map<string, Module> {
    const files: string[] = [];
    const walk = (rel: string) => {
        const full = path.join(root, rel);
        if (!fs.statSync(full).isDirectory()) return void (rel.endsWith(".ts") && files.push(rel));
        for (const entry of fs.readdirSync(full, { withFileTypes: true })) if (entry.name !== "node_modules") walk(path.join(rel, entry.name));
    };
    for (const layer of layers) if (fs.existsSync(path.join(root, layer))) walk(layer);
    const resolve = (from: string, spec: string): string => {
        const base = path.normalize(path.join(path.dirname(from), spec));
        return [`${base}.ts`, path.join(base, "index.ts")].find((c) => fs.existsSync(path.join(root, c))) ?? base;
    };
    const graph = new Map<string, Module>();
    for (const f of files) {
        const text = fs.readFileSync(path.join(root, f), "utf8");
        const specs = [...text.matchAll(/^\s*(?:import|export)\s+(?:type\s+)?(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm)].map((m) => m[1]!);
        graph.set(f, {
            local: specs.filter((s) => s.startsWith(".")).map((s) => resolve(f, s)),
            packages: specs.filter((s) => !s.startsWith(".")),
        });
    }
    return graph;
}

/** The layer a root-relative path belongs to (its top-level folder, or index.ts). */
const layerOf = (file: string) => file.split(path.sep)[0]!;

/** The import cycles of `graph` (strongly connected components of more than one module, or a module importing itself). */
function cycles(graph: Map<string, string[]>): string[][] {
    let next = 0;
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const found: string[][] = [];
    const visit = (v: string) => {
        index.set(v, next);
        low.set(v, next++);
        stack.push(v);
        onStack.add(v);
        for (const w of graph.get(v) ?? []) {
            if (!graph.has(w)) continue;
            if (!index.has(w)) {
                visit(w);
                low.set(v, Math.min(low.get(v)!, low.get(w)!));
            } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        }
        if (low.get(v) === index.get(v)) {
            const component: string[] = [];
            let w: string;
            do {
                w = stack.pop()!;
                onStack.delete(w);
                component.push(w);
            } while (w !== v);
            if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
        }
    };
    for (const v of graph.keys()) if (!index.has(v)) visit(v);
    return found;
}

/** Each import from `from`'s layer into another layer, as `file -> file`, that `allowed` refuses. */
function crossings(graph: Map<string, Module>, allowed: (from: string, to: string) => boolean): string[] {
    return [...graph].flatMap(([f, m]) => m.local.filter((d) => layerOf(d) !== layerOf(f) && !allowed(layerOf(f), layerOf(d))).map((d) => `${f} -> ${d}`));
}

describe("import rules", () => {
    const graph = importGraph(LAYERS);

    it("finds a cycle where there is one (the detector itself)", () => {
        const g = new Map([["a.ts", ["b.ts"]], ["b.ts", ["c.ts"]], ["c.ts", ["a.ts"]], ["d.ts", ["a.ts"]]]);
        assert.deepEqual(cycles(g), [["a.ts", "b.ts", "c.ts"]]);
    });

    it("reads every layer, and type-only and multi-line imports too", () => {
        for (const layer of LAYERS) assert.ok([...graph.keys()].some((f) => layerOf(f) === layer), `no module read in ${layer}`);
        // A type-only import (policies/lib/inputs.ts reads the token table's type) and a multi-line one are edges.
        assert.ok(graph.get(path.join("policies", "lib", "inputs.ts"))!.local.includes(path.join("policies", "contracts", "tokens.ts")));
        assert.ok(graph.get(path.join("components", "sentryAlerting.ts"))!.local.includes(path.join("contracts", "sentry.ts")));
    });

    it("tsconfig compiles every layer, so the check's launcher transpiles it in a fresh service", () => {
        const include = (JSON.parse(fs.readFileSync(path.join(root, "tsconfig.json"), "utf8")) as { include: string[] }).include;
        assert.deepEqual(LAYERS.filter((l) => !include.includes(l.endsWith(".ts") ? l : `${l}/**/*.ts`)), []);
    });

    it("the product code has no circular import", () => {
        assert.deepEqual(cycles(new Map([...graph].map(([f, m]) => [f, m.local]))), []);
    });

    it("the program (index.ts, components/, config/) imports nothing from policies/ or readiness/", () => {
        const program = new Map([...graph].filter(([f]) => PROGRAM.includes(layerOf(f))));
        assert.deepEqual(crossings(program, (_, to) => to !== "policies" && to !== "readiness"), []);
    });

    it("what the program and the pack share lives in contracts/ (the pack reads its copy), which imports nothing but itself", () => {
        const importedBy = (layers: string[]) => new Set([...graph].filter(([f]) => layers.includes(layerOf(f))).flatMap(([, m]) => m.local));
        const packCopy = path.join("policies", "contracts") + path.sep;
        const fromPack = new Set([...importedBy(["policies"])].map((d) => (d.startsWith(packCopy) ? path.join("contracts", d.slice(packCopy.length)) : d)));
        const shared = [...importedBy(PROGRAM)].filter((d) => fromPack.has(d));
        assert.ok(shared.length > 0, "the program and the pack share the type tokens at least");
        assert.deepEqual(shared.filter((d) => layerOf(d) !== "contracts"), []);
        const contracts = [...graph].filter(([f]) => layerOf(f) === "contracts" || f.startsWith(packCopy));
        const inside = (f: string, d: string) => path.dirname(d) === path.dirname(f);
        assert.deepEqual(contracts.flatMap(([f, m]) => [...m.packages, ...m.local.filter((d) => !inside(f, d))].map((d) => `${f} -> ${d}`)), []);
    });

    it("the pack's copy of contracts/ is current, so the published pack agrees with the program", () => {
        const run = spawnSync(process.execPath, [path.join(root, "scripts", "pack-contracts.js"), "--check"], { encoding: "utf8" });
        assert.equal(run.status, 0, run.stderr);
    });

    it("each layer imports only the layers below it", () => {
        // The table itself is a layering: every layer a layer may import stands before it.
        for (const [layer, below] of Object.entries(MAY_IMPORT)) for (const b of below) assert.ok(LAYERS.indexOf(b) < LAYERS.indexOf(layer), `${layer} may import ${b}`);
        assert.deepEqual(crossings(graph, (from, to) => MAY_IMPORT[from]!.includes(to)), []);
    });
});
