/**
 * The bootstrap function's code bundle: handler.js as the archive's `index.js`, and the `pg` driver with every
 * package it depends on, copied from the project's node_modules as installed (`pg` is a dependency, so
 * `npm install` always installs it), each at `node_modules/<name>` where Node's resolution from `index.js` finds it.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

/** The driver the handler requires. */
const DRIVER = "pg";

/** The project root: the nearest directory up from here holding the handler's source (also from dist/). */
export function projectRoot(from = __dirname): string {
    for (let dir = from; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "components", "bootstrap", "handler.js")) && fs.existsSync(path.join(dir, "package.json"))) return dir;
        if (path.dirname(dir) === dir) throw new Error(`components/bootstrap/handler.js not found above ${from}`);
    }
}

export interface BundleFiles {
    /** Path inside the archive → directory or file on this machine. */
    entries: Record<string, string>;
    /** SHA-256 over every file's archive path and content: changes when the handler or an installed package does. */
    codeHash: string;
}

/**
 * The packages `require("pg")` loads at run time: its `dependencies` and the `optionalDependencies` that are
 * installed, recursively, each resolved from the package that depends on it, as Node resolves them. Peer
 * dependencies are not followed (pg-pool's peer is pg itself; pg's `pg-native` is opt-in and not used).
 */
export function bundleFiles(root = projectRoot()): BundleFiles {
    const entries: Record<string, string> = { "index.js": path.join(root, "components", "bootstrap", "handler.js") };
    const seen = new Map<string, string>();
    const visit = (name: string, from: string, optional: boolean) => {
        const manifest = packageManifest(name, from);
        if (manifest === undefined) {
            if (optional) return;
            throw new Error(`The Postgres bootstrap function needs the npm package "${name}", which is not installed beside ${from}: run npm install`);
        }
        const dir = path.dirname(fs.realpathSync(manifest));
        const known = seen.get(name);
        if (known !== undefined) {
            if (known !== dir) throw new Error(`The Postgres bootstrap function needs two installations of "${name}" (${known} and ${dir}); one node_modules/${name} cannot hold both`);
            return;
        }
        seen.set(name, dir);
        entries[`node_modules/${name}`] = dir;
        const pkg = JSON.parse(fs.readFileSync(manifest, "utf8")) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
        for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir, false);
        for (const dep of Object.keys(pkg.optionalDependencies ?? {})) visit(dep, dir, true);
    };
    visit(DRIVER, root, false);
    const hash = crypto.createHash("sha256");
    for (const key of Object.keys(entries).sort()) {
        for (const [rel, file] of listFiles(entries[key])) hash.update(`${path.posix.join(key, rel)}\0`).update(fs.readFileSync(file)).update("\0");
    }
    return { entries, codeHash: hash.digest("hex") };
}

/**
 * The package.json of `name` as Node finds the package from a module in `from`: the first
 * `<ancestor>/node_modules/<name>` going up (a package's `exports` may hide its package.json from require.resolve).
 */
function packageManifest(name: string, from: string): string | undefined {
    for (let dir = from; ; dir = path.dirname(dir)) {
        const candidate = path.join(dir, "node_modules", name, "package.json");
        if (path.basename(dir) !== "node_modules" && fs.existsSync(candidate)) return candidate;
        if (path.dirname(dir) === dir) return undefined;
    }
}

/** Every file under `source` (or `source` itself), with its path relative to it: what a FileArchive of it holds. */
export function listFiles(source: string): Array<[string, string]> {
    if (fs.statSync(source).isFile()) return [["", source]];
    const out: Array<[string, string]> = [];
    const walk = (dir: string, rel: string) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            const p = path.join(dir, e.name);
            if (e.isDirectory()) walk(p, path.posix.join(rel, e.name));
            else if (e.isFile()) out.push([path.posix.join(rel, e.name), p]);
        }
    };
    walk(source, "");
    return out;
}

/** The archive the function is created from. */
export function bundleArchive(files: BundleFiles): pulumi.asset.AssetArchive {
    const assets: Record<string, pulumi.asset.Asset | pulumi.asset.Archive> = {};
    for (const [key, source] of Object.entries(files.entries)) {
        assets[key] = fs.statSync(source).isFile() ? new pulumi.asset.FileAsset(source) : new pulumi.asset.FileArchive(source);
    }
    return new pulumi.asset.AssetArchive(assets);
}
