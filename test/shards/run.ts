/**
 * The test suite in two processes rather than one per test file: `npm test` lists the test files in
 * TEST_FILES and runs `node --test` on shards/1.js and shards/2.js, which load their share of the files into
 * one process each. A process pays the SDKs' start-up once instead of per file, and checks of the same
 * configuration in one process run once (`rememberChecks`, ./memo.ts), in the process's evaluation worker thread
 * (./evaluator.ts); program runs stay one at a time per process, as the mock runtime requires, and the two
 * processes use both cores.
 *
 * `node --test dist/test/<file>.test.js` still runs one file on its own.
 *
 * Why not node's own isolation and sharding: measured 2026-12-06 on the 2-core machine of docs/speed.md, the
 * service suite (80 files, 1,265 tests, all passing either way), one run each from outside: node's default,
 * a process per file (`node --test --test-concurrency=2 <files>`), took 312 s of CPU; these two processes took
 * 159 s. Each file's process loads the SDKs again, and a configuration checked by many files is checked in
 * each. `--test-isolation=none` would run everything in one process on one core, and `--test-shard` splits by
 * position, not cost, into separate `node --test` runs with a report each, where `npm test` prints one.
 */
import "../../readiness/startup";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { rememberChecks } from "./memo";
import { workerEvaluator } from "./evaluator";

/** What a file costs, roughly: program runs, pack evaluations and child processes, plus its own start. */
function weight(file: string): number {
    const text = fs.readFileSync(file, "utf8");
    return 1 + (text.match(/\b(checkStack|checkVariant|runCheck|runProgram|evaluate|spawnSync|spawn|cli)\(/g)?.length ?? 0);
}

/** Splits the files into `count` shards of about equal weight (heaviest first, each to the lightest shard). */
export function shardsOf(files: string[], count: number): string[][] {
    const shards = Array.from({ length: count }, () => ({ files: [] as string[], weight: 0 }));
    const weighed = files.map((file) => ({ file, weight: weight(file) })).sort((a, b) => b.weight - a.weight || a.file.localeCompare(b.file));
    for (const { file, weight: w } of weighed) {
        const lightest = shards.reduce((a, b) => (b.weight < a.weight ? b : a));
        lightest.files.push(file);
        lightest.weight += w;
    }
    return shards.map((s) => s.files.sort());
}

export function runShard(index: number, count: number): void {
    const listed = (process.env.TEST_FILES ?? "").split(/\s+/).filter(Boolean);
    if (listed.length === 0) throw new Error("TEST_FILES lists no test files (npm test sets it)");
    rememberChecks(workerEvaluator());
    for (const file of shardsOf(listed.map((f) => path.resolve(f)), count)[index - 1]) {
        try {
            require(file);
        } catch (e) {
            test(`${path.relative(process.cwd(), file)} loads`, () => {
                throw e;
            });
        }
    }
}
