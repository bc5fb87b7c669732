/**
 * The import rules docs/architecture.md states for the checking half: no circular import inside readiness/
 * or policies/ (type-only imports included: a cycle of types is still two modules that cannot be understood
 * apart), and the pack never imports the checker.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { defaultLayout } from "../readiness/layout";

const root = defaultLayout().root;

/** Every .ts file under `dirs`, relative to the root, with the project files each imports or re-exports. */
function importGraph(dirs: string[]): Map<string, string[]> {
    const files: string[] = [];
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
            const rel = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                if (entry.name !== "node_modules") walk(rel);
            } else if (entry.name.endsWith(".ts")) files.push(rel);
        }
    };
    for (const d of dirs) walk(d);
    const known = new Set(files);
    const resolve = (from: string, spec: string): string | undefined => {
        if (!spec.startsWith(".")) return undefined;
        const base = path.normalize(path.join(path.dirname(from), spec));
        return [`${base}.ts`, path.join(base, "index.ts")].find((c) => known.has(c)) ?? (spec.includes("readiness") ? base : undefined);
    };
    const graph = new Map<string, string[]>();
    for (const f of files) {
        const text = fs.readFileSync(path.join(root, f), "utf8");
        const specs = [...text.matchAll(/^\s*(?:import|export)\s+(?:type\s+)?(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm)].map((m) => m[1]);
        graph.set(f, specs.map((s) => resolve(f, s)).filter((s): s is string => s !== undefined));
    }
    return graph;
}

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

describe("import rules", () => {
    it("finds a cycle where there is one (the detector itself)", () => {
        const graph = new Map([["a.ts", ["b.ts"]], ["b.ts", ["c.ts"]], ["c.ts", ["a.ts"]], ["d.ts", ["a.ts"]]]);
        assert.deepEqual(cycles(graph), [["a.ts", "b.ts", "c.ts"]]);
    });

    it("readiness/ and policies/ have no circular import", () => {
        assert.deepEqual(cycles(importGraph(["readiness", "policies"])), []);
    });

    it("the pack imports nothing from readiness/", () => {
        const graph = importGraph(["policies"]);
        const up = [...graph].flatMap(([f, deps]) => deps.filter((d) => d.startsWith(`readiness${path.sep}`)).map((d) => `${f} -> ${d}`));
        assert.deepEqual(up, []);
    });
});
