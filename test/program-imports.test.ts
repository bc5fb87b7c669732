/**
 * The program (index.ts, components/, config/) never loads @pulumi/policy: a `pulumi up` runs the program in a
 * service whose root dependencies do not include the policy SDK (the pack is a workspace of its own), and the
 * SDK costs hundreds of modules to load. What the program shares with the pack comes from contracts/, which
 * depends on nothing (test/imports.test.ts).
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { defaultLayout } from "../readiness/layout";

const { root, dist } = defaultLayout();

/** Every compiled module of the program but index.js, which runs the program when loaded. */
function programModules(): string[] {
    const out: string[] = [];
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const file = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(file);
            else if (entry.name.endsWith(".js")) out.push(file);
        }
    };
    for (const folder of ["components", "config"]) walk(path.join(dist, folder));
    return out;
}

/** The modules a fresh Node process holds after requiring `modules`, relative to the root. */
function loadedBy(modules: string[]): string[] {
    const script = `for (const m of JSON.parse(process.argv[1])) require(m); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
    const r = spawnSync(process.execPath, ["-e", script, JSON.stringify(modules)], { cwd: root, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    return (JSON.parse(r.stdout) as string[]).map((f) => path.relative(root, f));
}

describe("the program's imports", () => {
    it("load no module of @pulumi/policy, from every component and config module", () => {
        const modules = programModules();
        assert.ok(modules.some((m) => m.endsWith(path.join("components", "errorTracking.js"))) && modules.some((m) => m.endsWith(path.join("components", "monitoring.js"))));
        const loaded = loadedBy(modules);
        assert.ok(loaded.some((f) => f.includes(path.join("contracts", "tokens.js"))), "the tokens the program shares with the pack are loaded");
        assert.deepEqual(loaded.filter((f) => f.includes(`${path.sep}@pulumi${path.sep}policy${path.sep}`)), []);
    });

    it("index.ts imports only config/ and components/ of the project", () => {
        const text = fs.readFileSync(path.join(root, "index.ts"), "utf8");
        const local = [...text.matchAll(/^\s*import\s+(?:type\s+)?(?:[^"';]*?\s+from\s+)?["'](\.[^"']+)["']/gm)].map((m) => m[1]);
        assert.ok(local.length > 0);
        assert.deepEqual(local.filter((s) => !/^\.\/(config|components)(\/|$)/.test(s)), []);
    });

    it("would notice: the pack's rule modules do load @pulumi/policy", () => {
        const loaded = loadedBy([path.join(dist, "policies", "rules", "errorTracking.js")]);
        assert.ok(loaded.some((f) => f.includes(`${path.sep}@pulumi${path.sep}policy${path.sep}`)));
    });
});
