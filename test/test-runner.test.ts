/**
 * `npm test` (scripts/test.js): the tests run the current sources, the type-check runs beside them and fails
 * the run on its own, and a type-check that passed is remembered by content, not by place.
 *
 * Each case runs the real script in a scratch project with the real launcher: a tsconfig, one source, and two
 * shard files of one test each (the script runs test/shards/1 and 2 with the files test/selection picks).
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, describe, it } from "node:test";
import { defaultLayout } from "../readiness/layout";
import { scratchDir, scratchNodeModules } from "./scratch";

const { root } = defaultLayout();

const TSCONFIG = {
    compilerOptions: {
        target: "ES2022", module: "commonjs", lib: ["ES2022"], types: [], strict: true, isolatedModules: true, resolveJsonModule: true,
        incremental: true, tsBuildInfoFile: "dist/.tsbuildinfo", rootDir: ".", outDir: "dist",
    },
    include: ["src/**/*.ts", "test/**/*.ts"],
};

function scratchProject(nodeModules?: string): string {
    const dir = scratchDir("npm-test-");
    const write = (file: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
    };
    for (const file of ["readiness/launch.js", "readiness/node-version.js", "scripts/test.js", "package.json", ".nvmrc"]) write(file, fs.readFileSync(path.join(root, file), "utf8"));
    write("tsconfig.json", JSON.stringify(TSCONFIG, null, 4));
    write("package-lock.json", "{}\n");
    write("src/value.ts", "export const value: number = 1;\n");
    write("test/selection.ts", "export function testFiles(): string[] {\n    return [];\n}\n");
    // Typed without @types/node, so each type-check here takes a fraction of a second.
    const nodeTest = 'declare const require: (id: string) => { test(name: string, fn: () => void): void };\nconst { test } = require("node:test");\n';
    write("test/shards/1.ts", `import { value } from "../../src/value";\n${nodeTest}\ntest("shard one reads the value", () => {\n    if (value !== 1) throw new Error(\`value is \${value}\`);\n});\n`);
    write("test/shards/2.ts", `${nodeTest}\ntest("shard two runs", () => {});\nexport {};\n`);
    scratchNodeModules(dir, root, nodeModules);
    return dir;
}

function npmTest(dir: string): { status: number | null; out: string } {
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT;
    const r = spawnSync(process.execPath, [path.join(dir, "scripts", "test.js")], { cwd: dir, env, encoding: "utf8" });
    return { status: r.status, out: r.stdout + r.stderr };
}

describe("npm test", () => {
    const dir = scratchProject();
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("runs both shards on a project never built, type-checks it, and remembers the pass", () => {
        const r = npmTest(dir);
        assert.equal(r.status, 0, r.out);
        assert.match(r.out, /✔ shard one reads the value/);
        assert.match(r.out, /✔ shard two runs/);
        assert.match(r.out, /^type-check: passed$/m);
        assert.equal(fs.readdirSync(path.join(dir, "node_modules", ".cache", "typecheck")).length, 1);
    });

    it("does not type-check again what passed before, here or in a copy with the same sources and dependencies", () => {
        assert.match(npmTest(dir).out, /^type-check: passed \(these sources and dependencies passed before\)$/m);
        const copy = scratchProject(path.join(dir, "node_modules"));
        try {
            const r = npmTest(copy);
            assert.equal(r.status, 0, r.out);
            assert.match(r.out, /passed before/);
        } finally {
            fs.rmSync(copy, { recursive: true, force: true });
        }
    });

    it("type-checks again when a file outside the sources that tsc read changes (a JSON module's type)", () => {
        const settings = path.join(dir, "src", "settings.json");
        fs.writeFileSync(settings, '{ "port": 1 }\n');
        fs.writeFileSync(path.join(dir, "src", "value.ts"), 'export const value: number = 1;\nexport const settings: typeof import("./settings.json") = { port: 1 };\n');
        assert.match(npmTest(dir).out, /^type-check: passed$/m);
        assert.match(npmTest(dir).out, /passed before/);
        fs.writeFileSync(settings, '{ "port": "one" }\n');
        const r = npmTest(dir);
        assert.equal(r.status, 1, r.out);
        assert.match(r.out, /src\/value\.ts\(2,\d+\): error TS2322/);
        fs.rmSync(settings);
    });

    it("fails on a type error although every test passes, printing tsc's error", () => {
        fs.writeFileSync(path.join(dir, "src", "value.ts"), 'export const value: number = 1;\nexport const label: string = 2;\n');
        const r = npmTest(dir);
        assert.equal(r.status, 1, r.out);
        assert.match(r.out, /✔ shard one reads the value/, "the tests still ran");
        assert.match(r.out, /src\/value\.ts\(2,14\): error TS2322/);
        assert.match(r.out, /npm test: the type-check \(tsc --noEmit\) failed/);
    });

    it("fails when a test fails, and the tests run the source as edited, never a stale build", () => {
        fs.writeFileSync(path.join(dir, "src", "value.ts"), "export const value: number = 2;\n");
        const r = npmTest(dir);
        assert.notEqual(r.status, 0, r.out);
        assert.match(r.out, /value is 2/);
        assert.match(r.out, /^type-check: passed$/m);
    });
});

describe("CI", () => {
    it("type-checks once, through npm test (which remembers the pass for the floor's run), never beside it", () => {
        const ci = fs.readFileSync(path.join(root, ".ci", "run"), "utf8").split("\n").filter((l) => !/^\s*#/.test(l)).join("\n");
        assert.match(ci, /^\s*npm test$/m);
        assert.doesNotMatch(ci, /npm run (typecheck|build)|\btsc\b/, "a second type-check outside npm test");
    });
});
