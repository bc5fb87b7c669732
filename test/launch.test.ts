/**
 * How the check starts: `npm run check` runs readiness/launch.js, which transpiles what changed and never
 * runs stale output; every check process defers the SDK's closure-serialisation dependencies and loads only
 * the `@pulumi/aws` services the program uses.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { defaultLayout } from "../readiness/layout";
import { EXAMPLE } from "./support";
import { scratchDir, scratchNodeModules } from "./scratch";

const { root, dist } = defaultLayout();

/** A project with the real launcher and tsconfig, whose `readiness/cli.ts` prints what it was built from. */
/**
 * `nodeModules`: another scratch project's node_modules to share (and so its transpile cache); by default one
 * of its own, holding only TypeScript, so the cache it fills goes away with it.
 */
function scratchProject(nodeModules?: string): { dir: string; run: (...args: string[]) => { status: number | null; stdout: string; stderr: string }; write: (marker: string) => void; output: string } {
    const dir = scratchDir("launch-");
    fs.mkdirSync(path.join(dir, "readiness"));
    // The launcher, the Node guard it runs first, and what that reads (package.json's engines, .nvmrc).
    for (const file of [["readiness", "launch.js"], ["readiness", "node-version.js"], ["tsconfig.json"], ["package.json"], [".nvmrc"]]) {
        fs.copyFileSync(path.join(root, ...file), path.join(dir, ...file));
    }
    scratchNodeModules(dir, root, nodeModules);
    const write = (marker: string) =>
        fs.writeFileSync(
            path.join(dir, "readiness", "cli.ts"),
            `import { label } from "./label";\nexport function runAsProcess(argv: string[]): void {\n    const typescriptLoaded = Object.keys(require.cache).some((m) => m.includes("/typescript/lib/"));\n    console.log(JSON.stringify({ marker: "${marker}", label, argv, typescriptLoaded }));\n}\n`,
        );
    write("first");
    fs.writeFileSync(path.join(dir, "readiness", "label.ts"), `export const label: string = "one";\n`);
    const run = (...args: string[]) => spawnSync(process.execPath, [path.join(dir, "readiness", "launch.js"), ...args], { cwd: dir, encoding: "utf8" });
    return { dir, run, write, output: path.join(dir, "dist", "readiness", "cli.js") };
}

const pick = (stdout: string) => {
    const { marker, typescriptLoaded } = JSON.parse(stdout) as { marker: string; typescriptLoaded: boolean };
    return { marker, typescriptLoaded };
};

/** Moves a file's modification time into the past, as if it was written a while ago. */
function age(file: string, seconds: number): void {
    const t = new Date(Date.now() - seconds * 1000);
    fs.utimesSync(file, t, t);
}

describe("the check's launcher", () => {
    it("builds a project that was never built and runs the CLI with the arguments given", () => {
        const p = scratchProject();
        const r = p.run("--stack", "prod");
        assert.equal(r.status, 0, r.stderr);
        const { marker, label, argv } = JSON.parse(r.stdout);
        assert.deepEqual({ marker, label, argv }, { marker: "first", label: "one", argv: ["--stack", "prod"] });
        assert.ok(fs.existsSync(`${p.output}.map`), "source maps are written, as tsc writes them");
        assert.match(fs.readFileSync(`${p.output}.map`, "utf8"), /"sources":\["..\/..\/readiness\/cli.ts"\]/);
    });

    it("removes the output of a source that is gone, so a file that became a folder is not shadowed by its old output", () => {
        const p = scratchProject();
        assert.equal(JSON.parse(p.run().stdout).label, "one");
        const old = path.join(p.dir, "dist", "readiness", "label.js");
        assert.ok(fs.existsSync(old));
        // readiness/label.ts becomes readiness/label/index.ts: `./label` resolves to dist/readiness/label.js first.
        fs.rmSync(path.join(p.dir, "readiness", "label.ts"));
        fs.mkdirSync(path.join(p.dir, "readiness", "label"));
        fs.writeFileSync(path.join(p.dir, "readiness", "label", "index.ts"), `export const label: string = "folder";\n`);
        const r = p.run();
        assert.equal(r.status, 0, r.stderr);
        assert.equal(JSON.parse(r.stdout).label, "folder");
        assert.ok(!fs.existsSync(old) && !fs.existsSync(`${old}.map`), "the orphaned output and its map are gone");
        assert.ok(fs.existsSync(path.join(p.dir, "dist", "readiness", "label", "index.js")));
    });

    it("transpiles nothing when no source changed", () => {
        const p = scratchProject();
        assert.equal(p.run().status, 0);
        age(path.join(p.dir, "readiness", "cli.ts"), 60);
        age(path.join(p.dir, "readiness", "label.ts"), 60);
        age(path.join(p.dir, "tsconfig.json"), 60);
        age(p.output, 30);
        const before = fs.statSync(p.output).mtimeMs;
        assert.equal(p.run().status, 0);
        assert.equal(fs.statSync(p.output).mtimeMs, before, "an up-to-date output is left alone");
    });

    it("never runs stale code: an edited source is transpiled again, also one edited within the same second", () => {
        const p = scratchProject();
        assert.equal(JSON.parse(p.run().stdout).marker, "first");
        p.write("second");
        assert.equal(JSON.parse(p.run().stdout).marker, "second");
        fs.writeFileSync(path.join(p.dir, "readiness", "label.ts"), `export const label: string = "two";\n`);
        assert.equal(JSON.parse(p.run().stdout).label, "two", "a dependency of the entry counts too");
        // An output written before the source's last change is stale, however little before.
        fs.utimesSync(p.output, fs.statSync(path.join(p.dir, "readiness", "cli.ts")).mtime, fs.statSync(path.join(p.dir, "readiness", "cli.ts")).mtime);
        p.write("third");
        fs.utimesSync(path.join(p.dir, "readiness", "cli.ts"), fs.statSync(p.output).mtime, fs.statSync(p.output).mtime);
        assert.equal(JSON.parse(p.run().stdout).marker, "third");
    });

    it("takes a source whose content was transpiled before from the cache, without loading TypeScript", () => {
        const p = scratchProject();
        // Content no earlier run can have cached (a cache outlives the runs that fill it).
        const token = `${process.pid}-${Date.now()}`;
        p.write(`one-${token}`);
        assert.deepEqual(pick(p.run().stdout), { marker: `one-${token}`, typescriptLoaded: true });
        p.write(`two-${token}`);
        assert.deepEqual(pick(p.run().stdout), { marker: `two-${token}`, typescriptLoaded: true });
        p.write(`one-${token}`);
        assert.deepEqual(pick(p.run().stdout), { marker: `one-${token}`, typescriptLoaded: false }, "content seen before comes from the cache");
        // A copy of the project (same content, same relative paths) gets it from the cache too.
        const copy = scratchProject(path.join(p.dir, "node_modules"));
        copy.write(`one-${token}`);
        assert.deepEqual(pick(copy.run().stdout), { marker: `one-${token}`, typescriptLoaded: false });
    });

    it("drops cache entries unused for a fortnight when it writes a new one, and keeps the rest", () => {
        const p = scratchProject();
        assert.equal(p.run().status, 0);
        const cache = path.join(p.dir, "node_modules", ".cache", "transpile");
        fs.writeFileSync(path.join(cache, "old.json"), "{}");
        fs.writeFileSync(path.join(cache, "recent.json"), "{}");
        age(path.join(cache, "old.json"), 15 * 24 * 3600);
        age(path.join(cache, "recent.json"), 13 * 24 * 3600);
        p.write(`pruning-${process.pid}-${Date.now()}`);
        assert.equal(p.run().status, 0);
        assert.ok(!fs.existsSync(path.join(cache, "old.json")), "an entry unused for 15 days is dropped");
        assert.ok(fs.existsSync(path.join(cache, "recent.json")), "an entry used 13 days ago stays");
    });

    it("transpiles everything again when tsconfig.json changes", () => {
        const p = scratchProject();
        assert.equal(p.run().status, 0);
        age(p.output, 30);
        const before = fs.statSync(p.output).mtimeMs;
        fs.writeFileSync(path.join(p.dir, "tsconfig.json"), fs.readFileSync(path.join(p.dir, "tsconfig.json"), "utf8").replace('"sourceMap": true', '"sourceMap": false'));
        assert.equal(p.run().status, 0);
        assert.ok(fs.statSync(p.output).mtimeMs > before);
    });

    it("refuses (exit 2) a source that does not parse, naming it, and runs nothing", () => {
        const p = scratchProject();
        fs.writeFileSync(path.join(p.dir, "readiness", "cli.ts"), "export function runAsProcess( {\n");
        const r = p.run();
        assert.equal(r.status, 2);
        assert.match(r.stderr, /readiness\/cli\.ts/);
        assert.equal(r.stdout, "");
    });
});

describe("a check process", () => {
    /**
     * Runs the real check on the dev stack in one fresh process, lists the modules it loaded, then serialises
     * a function in the same process (both tests read this one run: a check process costs most of a second).
     * Dev, because prod's Sentry alerts are dynamic resources, whose providers the SDK serialises (TypeScript
     * then loads, as it should).
     */
    let run: { modules: string[]; serialised: { before: boolean; text: string; after: boolean } } | undefined;
    function checkProcess(): NonNullable<typeof run> {
        if (run) return run;
        const script = `
            const { main } = require(${JSON.stringify(path.join(dist, "readiness", "cli.js"))});
            main(["--stack", "dev", "--format", "json"], () => {}, undefined, { layout: ${JSON.stringify(EXAMPLE)} }).then(async (code) => {
                const modules = Object.keys(require.cache);
                const pulumi = require("@pulumi/pulumi");
                const before = Object.keys(require.cache).some((m) => m.includes("/typescript/lib/"));
                const sf = await pulumi.runtime.serializeFunction(() => 40 + 2);
                const after = Object.keys(require.cache).some((m) => m.includes("/typescript/lib/"));
                process.stdout.write(JSON.stringify({ code, modules, serialised: { before, text: sf.text, after } }));
            });`;
        const r = spawnSync(process.execPath, ["-e", script], { cwd: root, encoding: "utf8" });
        assert.equal(r.status, 0, r.stderr);
        const out = JSON.parse(r.stdout);
        assert.equal(out.code, 0);
        run = { modules: out.modules, serialised: out.serialised };
        return run;
    }

    it("loads neither TypeScript nor npm's arborist, and only the @pulumi/aws services the program uses", () => {
        const { modules } = checkProcess();
        // Module paths are real paths: node_modules may be a link (a service made from the template in its tests).
        const aws = fs.realpathSync(path.join(root, "node_modules", "@pulumi", "aws")) + path.sep;
        assert.ok(modules.some((m) => m.startsWith(`${aws}rds${path.sep}`)), "the program's services are loaded");
        assert.ok(!modules.includes(`${aws}index.js`), "the package's root module loads every service");
        assert.ok(!modules.some((m) => m.startsWith(`${aws}sagemaker${path.sep}`)), "a service the program does not use");
        assert.ok(!modules.some((m) => m.includes(`${path.sep}typescript${path.sep}lib${path.sep}`)));
        assert.ok(!modules.some((m) => m.includes(`${path.sep}@npmcli${path.sep}arborist${path.sep}lib${path.sep}arborist`)));
    });

    it("still serialises a function, loading TypeScript when it is first needed", () => {
        const e = checkProcess().serialised;
        assert.equal(e.before, false);
        assert.match(e.text, /40 \+ 2/);
        assert.equal(e.after, true);
    });
});
