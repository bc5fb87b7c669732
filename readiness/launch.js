"use strict";
/**
 * `npm run check`: the offline check on the sources as they are now, without a type-check on the way.
 *
 * A full `tsc -p` costs seconds even with nothing to rebuild (it reads every declaration file of the
 * SDKs), so type errors are left to `npm run typecheck`, the tests and CI. What this launcher guarantees is
 * that the check never runs stale code: every TypeScript file the project's tsconfig compiles whose output
 * in the outDir is missing, or not newer than the file (or than tsconfig.json), is transpiled again, file by
 * file, with the project's own compiler options, or taken from the transpile cache when the same content was
 * transpiled before. tsconfig's `isolatedModules` makes the type-check refuse anything whose file-by-file
 * output would differ from tsc's. TypeScript is loaded only when a file has to be transpiled; then the
 * compiled CLI runs in this same process.
 *
 * Plain JavaScript, because it runs before anything is compiled.
 */
require("./node-version").refuseUnsupportedNode("npm run check");
const fs = require("fs");
const Module = require("module");
const path = require("path");

// From Node 22.1 (nodejs/node doc/api/module.md, "module.enableCompileCache"); 22.0 runs without the cache.
Module.enableCompileCache?.();

const root = path.resolve(__dirname, "..");
const tsconfigFile = path.join(root, "tsconfig.json");

/** tsconfig.json, with the forms of `include` this project uses: single files and `dir/**\/*.ts`. */
function readTsconfig() {
    const text = fs.readFileSync(tsconfigFile, "utf8");
    let config;
    try {
        config = JSON.parse(text);
    } catch {
        const parsed = loadTypeScript().parseConfigFileTextToJson(tsconfigFile, text);
        if (parsed.error) throw new Error(`${tsconfigFile}: ${parsed.error.messageText}`);
        config = parsed.config;
    }
    const unsupported = (config.include ?? []).filter((p) => !/^[^*]+\.ts$/.test(p) && !/^[^*]+\/\*\*\/\*\.ts$/.test(p));
    if (config.extends || config.files || unsupported.length > 0) {
        throw new Error(`${tsconfigFile}: the check's launcher (readiness/launch.js) reads only "include" entries of the forms "file.ts" and "dir/**/*.ts" and no "extends" or "files"; extend it for ${unsupported.join(", ") || "those"}`);
    }
    return config;
}

function sourcesOf(config) {
    const exclude = new Set((config.exclude ?? []).map((p) => path.resolve(root, p)));
    const out = [];
    const walk = (dir) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const file = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                if (entry.name !== "node_modules" && !exclude.has(file)) walk(file);
            } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) {
                out.push(file);
            }
        }
    };
    for (const pattern of config.include ?? []) {
        if (pattern.endsWith("/**/*.ts")) {
            const dir = path.resolve(root, pattern.slice(0, -"/**/*.ts".length));
            if (fs.existsSync(dir)) walk(dir);
        } else if (fs.existsSync(path.resolve(root, pattern))) {
            out.push(path.resolve(root, pattern));
        }
    }
    return out;
}

let typescript;
function loadTypeScript() {
    typescript ??= require(require.resolve("typescript", { paths: [root] }));
    return typescript;
}

/** Writes through a temporary file, so a check running beside this one never reads half a file. */
function writeAtomically(file, text) {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
}

/**
 * Transpiled output by content: TypeScript's version, the compiler options, the source's and the output's
 * paths (relative to the root: a source map names the source relative to its output) and the source text
 * decide the output, so an output once written is reused for the same content (a branch switched back and
 * forth, a copy of the project such as the template's `pulumi new` test makes). Kept beside the installed
 * dependencies, which `npm ci` starts afresh.
 */
const cacheDir = path.join(root, "node_modules", ".cache", "transpile");

/**
 * Drops entries of a content cache not used for a fortnight (a hit refreshes an entry's time), once per
 * process and only when something new is written, so the caches do not grow for ever between installs.
 */
const pruned = new Set();
function pruneCache(dir) {
    if (pruned.has(dir)) return;
    pruned.add(dir);
    const before = Date.now() - 14 * 24 * 3600 * 1000;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isFile() && fs.statSync(file).mtimeMs < before) fs.rmSync(file, { force: true });
    }
}

/** The installed TypeScript's version, read from its package.json: asking the compiler would load it. */
let tsVersion;
function typescriptVersion() {
    tsVersion ??= JSON.parse(fs.readFileSync(require.resolve("typescript/package.json", { paths: [root] }), "utf8")).version;
    return tsVersion;
}

function cacheKey(options, source, output, text) {
    const rel = (f) => path.relative(root, f).split(path.sep).join("/");
    return require("crypto").createHash("sha256").update([typescriptVersion(), JSON.stringify(options), rel(source), rel(output), text].join("\0")).digest("hex");
}

/** Deletes each `.js` (and its `.js.map`) under the outDir's included folders that no current source writes. */
function removeOrphans(config, rootDir, outDir, outputs) {
    const walk = (dir) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const file = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(file);
            else if (entry.name.endsWith(".js") && !outputs.has(file)) {
                fs.rmSync(file, { force: true });
                fs.rmSync(`${file}.map`, { force: true });
            }
        }
    };
    for (const pattern of config.include ?? []) {
        if (!pattern.endsWith("/**/*.ts")) continue;
        const dir = path.join(outDir, path.relative(rootDir, path.resolve(root, pattern.slice(0, -"/**/*.ts".length))));
        if (fs.existsSync(dir)) walk(dir);
    }
}

/** Transpiles every stale source; returns false (after printing why) if one does not parse. */
function refresh() {
    const config = readTsconfig();
    const options = config.compilerOptions ?? {};
    const rootDir = path.resolve(root, options.rootDir ?? ".");
    const outDir = path.resolve(root, options.outDir ?? ".");
    const configTime = fs.statSync(tsconfigFile).mtimeMs;
    const stale = [];
    const outputs = new Set();
    for (const source of sourcesOf(config)) {
        const output = path.join(outDir, path.relative(rootDir, source)).replace(/\.ts$/, ".js");
        outputs.add(output);
        const built = fs.statSync(output, { throwIfNoEntry: false });
        if (!built || built.mtimeMs <= Math.max(fs.statSync(source).mtimeMs, configTime)) stale.push([source, output]);
    }
    // A source deleted or moved leaves its output behind, and Node may load it in place of the new one (a
    // dist/x.js left by x.ts shadows dist/x/index.js when x.ts became x/index.ts). Whatever removed a source
    // changed its importers too, so this looks only when something is stale: nothing on the unchanged path.
    if (stale.length > 0) removeOrphans(config, rootDir, outDir, outputs);
    let ok = true;
    let compilerOptions;
    for (const [source, output] of stale) {
        const text = fs.readFileSync(source, "utf8");
        const cached = path.join(cacheDir, `${cacheKey(options, source, output, text)}.json`);
        let built;
        if (fs.existsSync(cached)) {
            built = JSON.parse(fs.readFileSync(cached, "utf8"));
            const now = new Date();
            fs.utimesSync(cached, now, now);
        } else {
            // TypeScript loads only when something has to be transpiled.
            const ts = loadTypeScript();
            compilerOptions ??= ts.convertCompilerOptionsFromJson(options, root).options;
            const result = ts.transpileModule(text, { fileName: source, compilerOptions, reportDiagnostics: true });
            const errors = (result.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
            if (errors.length > 0) {
                process.stderr.write(ts.formatDiagnostics(errors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => "\n" }));
                ok = false;
                continue;
            }
            built = { js: result.outputText, map: result.sourceMapText };
            fs.mkdirSync(cacheDir, { recursive: true });
            pruneCache(cacheDir);
            writeAtomically(cached, JSON.stringify(built));
        }
        fs.mkdirSync(path.dirname(output), { recursive: true });
        if (built.map !== undefined) writeAtomically(`${output}.map`, built.map);
        writeAtomically(output, built.js);
    }
    return { ok, outDir };
}

/** Brings the outDir up to date; the outDir, or undefined (after printing why) when a source does not parse. */
function ensureBuilt() {
    try {
        const refreshed = refresh();
        return refreshed.ok ? refreshed.outDir : undefined;
    } catch (e) {
        process.stderr.write(`${e.message}\n`);
        return undefined;
    }
}

/** The project's TypeScript sources, as its tsconfig includes them (for the test runner's type-check). */
function projectSources() {
    return { tsconfig: tsconfigFile, sources: sourcesOf(readTsconfig()) };
}

module.exports = { ensureBuilt, projectSources, pruneCache, typescriptVersion };

if (require.main === module) {
    const outDir = ensureBuilt();
    if (outDir === undefined) process.exitCode = 2;
    else require(path.join(outDir, "readiness", "cli.js")).runAsProcess(process.argv.slice(2));
}
