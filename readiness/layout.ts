/**
 * Where a project's files are: its root (Pulumi.yaml and the stack files) and tsc's outDir. Its own module,
 * with nothing heavy imported, so the test runner can find the tests without loading the SDKs.
 */
import * as fs from "fs";
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

/** This file compiles to <dist>/readiness/layout.js; the root is the nearest folder above with a Pulumi.yaml. */
export function defaultLayout(): Layout {
    const dist = path.resolve(__dirname, "..");
    let root = path.dirname(dist);
    while (!fs.existsSync(path.join(root, "Pulumi.yaml")) && path.dirname(root) !== root) root = path.dirname(root);
    return { root, dist };
}

