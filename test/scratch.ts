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
