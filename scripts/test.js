"use strict";
/**
 * `npm test [-- <node --test flags>]`: the test suite on the sources as they are now, type-checked meanwhile.
 *
 * - The tests run what readiness/launch.js builds for `npm run check`: every source whose output is missing
 *   or older is transpiled again, file by file (under `isolatedModules`, the output tsc would write).
 * - The type-check, `tsc --noEmit` (incremental), runs beside them instead of before them, so on two cores
 *   neither waits for the other. `npm test` fails when either fails, and prints the type errors last.
 * - A type-check that passed is remembered by the content of everything it read: the tsconfig, every source
 *   it includes, any other project file tsc read (its `--listFiles`) and the installed dependency tree
 *   (node_modules/.package-lock.json). The same content type-checks the same wherever it is, so a later run
 *   with the same content (nothing edited since, or a copy of the project such as the template's `pulumi
 *   new` test makes) does not run it again. So CI (.ci/run) type-checks once, here, and nowhere else.
 *
 * The tests are the files test/selection.ts picks, run by node's test runner in two processes: its own
 * process isolation and `--test-concurrency=2` run test/shards/1 and 2, which load their share of the files
 * (test/shards/run.ts says why not a process per file: measured, twice the CPU). Flags after `--` go to
 * `node --test`, such as `--test-name-pattern=<regex>`.
 *
 * Plain JavaScript, because it runs before anything is compiled.
 */
require("../readiness/node-version").refuseUnsupportedNode("npm test");
const { spawn } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { ensureBuilt, projectSources, pruneCache, typescriptVersion } = require("../readiness/launch");

const root = path.resolve(__dirname, "..");
const tscBin = require.resolve("typescript/bin/tsc", { paths: [root] });

function run(args, opts) {
    return new Promise((resolve) => {
        const child = spawn(process.execPath, args, { cwd: root, ...opts });
        let output = "";
        child.stdout?.on("data", (d) => (output += d));
        child.stderr?.on("data", (d) => (output += d));
        child.on("error", (e) => resolve({ code: 2, output: `${e.message}\n` }));
        child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
    });
}

const rel = (file) => path.relative(root, file).split(path.sep).join("/");
const digest = (text) => crypto.createHash("sha256").update(text).digest("hex");

/**
 * What decides the type-check, by content and by relative path (so a copy of the project has the same key):
 * TypeScript's version, the tsconfig, every source it includes and the installed dependency tree; undefined
 * when there is no record of what is installed.
 */
function typecheckKey() {
    const hash = crypto.createHash("sha256");
    const add = (label, file) => hash.update(`${label}\0${fs.readFileSync(file)}\0`);
    hash.update(`typescript ${typescriptVersion()}\0`);
    const { tsconfig, sources } = projectSources();
    add("tsconfig.json", tsconfig);
    for (const file of sources.map(rel).sort()) add(file, path.join(root, file));
    // What is installed: npm's record of node_modules, else the lockfile; with neither, nothing is remembered.
    const installed = [path.join(root, "node_modules", ".package-lock.json"), path.join(root, "package-lock.json")].find((f) => fs.existsSync(f));
    if (installed === undefined) return undefined;
    add("installed dependencies", installed);
    return hash.digest("hex");
}

/**
 * The other project files the passing type-check read (a JSON module, say), from tsc's `--listFiles`, each
 * with its content's hash: a remembered pass holds only while they are unchanged too.
 */
function alsoRead(listed, sources) {
    const own = new Set(sources.map(rel));
    const files = listed.split(/\r?\n/).filter((f) => f && fs.existsSync(f)).map((f) => rel(path.resolve(root, f)));
    return files.filter((f) => !f.startsWith("..") && !f.split("/").includes("node_modules") && !own.has(f)).sort().map((f) => ({ file: f, sha256: digest(fs.readFileSync(path.join(root, f))) }));
}

function stillHolds(marker) {
    try {
        const { alsoRead: read } = JSON.parse(fs.readFileSync(marker, "utf8"));
        return read.every(({ file, sha256 }) => fs.existsSync(path.join(root, file)) && digest(fs.readFileSync(path.join(root, file))) === sha256);
    } catch {
        return false;
    }
}

async function typecheck() {
    const key = typecheckKey();
    const marker = key && path.join(root, "node_modules", ".cache", "typecheck", `${key}.json`);
    if (marker && fs.existsSync(marker) && stillHolds(marker)) {
        const now = new Date();
        fs.utimesSync(marker, now, now);
        return { code: 0, output: "", remembered: true };
    }
    const result = await run([tscBin, "-p", "tsconfig.json", "--noEmit", "--listFiles"], { stdio: ["ignore", "pipe", "pipe"] });
    if (result.code !== 0) return { code: result.code, output: result.output.split(/\r?\n/).filter((l) => !path.isAbsolute(l) || !fs.existsSync(l)).join("\n") };
    // Only a pass is remembered, and only if nothing changed while tsc ran.
    if (marker && typecheckKey() === key) {
        fs.mkdirSync(path.dirname(marker), { recursive: true });
        pruneCache(path.dirname(marker));
        const tmp = `${marker}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, JSON.stringify({ passed: new Date().toISOString(), alsoRead: alsoRead(result.output, projectSources().sources) }, null, 1));
        fs.renameSync(tmp, marker);
    }
    return { code: 0, output: "" };
}

async function main() {
    const checked = typecheck();
    const outDir = ensureBuilt();
    if (outDir === undefined) return 2;
    const files = require(path.join(outDir, "test", "selection.js")).testFiles();
    const shards = ["1", "2"].map((n) => path.join(outDir, "test", "shards", `${n}.js`));
    // Node 22 reports in TAP when stdout is not a terminal, 23 and later in spec: the same report on every
    // supported Node (nodejs/node doc/api/test.md, "Test reporters"), unless a reporter is asked for.
    const reporter = process.argv.slice(2).some((a) => a.startsWith("--test-reporter")) ? [] : ["--test-reporter=spec"];
    const tested = await run(["--test", "--test-concurrency=2", ...reporter, ...process.argv.slice(2), ...shards], { stdio: "inherit", env: { ...process.env, TEST_FILES: files.join("\n") } });
    const types = await checked;
    if (types.code !== 0) process.stderr.write(`\n${types.output}npm test: the type-check (tsc --noEmit) failed\n`);
    else process.stdout.write(types.remembered ? "type-check: passed (these sources and dependencies passed before)\n" : "type-check: passed\n");
    return tested.code !== 0 ? tested.code : types.code !== 0 ? 1 : 0;
}

main().then(
    (code) => (process.exitCode = code),
    (e) => {
        process.stderr.write(`${e.stack ?? e}\n`);
        process.exitCode = 2;
    },
);
