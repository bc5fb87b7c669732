/**
 * Scratch directories for tests, all under one folder per test process that is removed when the process
 * exits, so a test run leaves nothing behind in the system's temporary directory, pass or fail.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

let parent: string | undefined;

export function scratchDir(prefix: string): string {
    if (parent === undefined) {
        const made = fs.mkdtempSync(path.join(os.tmpdir(), "readiness-tests-"));
        parent = made;
        process.once("exit", () => fs.rmSync(made, { recursive: true, force: true }));
    }
    return fs.mkdtempSync(path.join(parent, prefix));
}

/**
 * Gives a scratch project a node_modules: `shared`, another scratch project's, linked (so the two share the
 * caches kept there); else one of its own holding only a link to this project's TypeScript, so whatever a
 * test caches there goes away with the scratch project.
 */
export function scratchNodeModules(dir: string, root: string, shared?: string): void {
    if (shared) {
        fs.symlinkSync(shared, path.join(dir, "node_modules"), "dir");
        return;
    }
    fs.mkdirSync(path.join(dir, "node_modules"));
    fs.symlinkSync(fs.realpathSync(path.join(root, "node_modules", "typescript")), path.join(dir, "node_modules", "typescript"), "dir");
}
