/**
 * Where a project's files are: its root (Pulumi.yaml and the stack files) and tsc's outDir. Its own module,
 * with nothing heavy imported, so the test runner can find the tests without loading the SDKs.
 */
import * as path from "path";

/** Where things live, relative to the project root; tests point these at copies. */
export interface Layout {
    /** Project root: Pulumi.yaml and the stack files. */
    root: string;
    /** Compiled output root (tsc's outDir). */
    dist: string;
    /** Folder holding the Pulumi.yaml and stack files to check, if not the root (tests check example stacks this way). */
    project?: string;
}

/**
 * This file compiles to <dist>/readiness/layout.js, and tsc's outDir is <root>/dist: the root is the folder
 * above dist, and nothing further up. A folder without its own Pulumi.yaml is refused by name when its project
 * is read; adopting a parent folder's project would check these stack files as another project's.
 */
export function defaultLayout(): Layout {
    const dist = path.resolve(__dirname, "..");
    return { root: path.dirname(dist), dist };
}

