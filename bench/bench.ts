/**
 * `npm run bench`: how fast the offline check is, as users run it, beside the floor every check pays.
 *
 * Every figure is a fresh process timed from outside (start-up included), the median of BENCH_RUNS runs
 * (default 7) after one warm-up. Each command runs paired with the floor, `node -e 'require("@pulumi/pulumi")'`
 * (a bare SDK load), in turn, so the ratio (the median of the pairs' ratios) holds while the machine's speed
 * drifts; on a shared machine quote the ratio.
 *
 * - `npm run check -- --stack prod` as typed, nothing changed since the last run;
 * - the same after one source file was edited (rewritten with a new modification time);
 * - `node dist/readiness/cli.js --stack prod`, the CLI alone.
 *   In the template itself (which has no prod stack and refuses its placeholder project) these run in a
 *   scratch service made as `pulumi new` makes one: the template's files copied, with the worked example's
 *   Pulumi.yaml and stack files, node_modules linked; in a service, in the service itself.
 * - the scaling curve: the prod stack plus 1,000, 5,000 and 20,000 generated resources (BENCH_SCALE), checked
 *   and rendered in every format: wall and CPU time of the process (CPU is what a busy machine does not
 *   inflate), CPU time per 1,000 resources and the peak memory.
 * - `npm test` as typed, nothing changed since the last run and after editing one source file (median of
 *   BENCH_TEST_RUNS, default 3, after one warm-up): in a service, and, in the template itself, the template's
 *   own `npm test` too (its tests and the `pulumi new` reproduction, which runs a new service's whole suite in
 *   the copy). Wall and CPU time of the whole process tree; there is no floor for a test suite, the target is
 *   absolute.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { defaultLayout } from "../readiness/layout";
import { isTemplateSource } from "../readiness/engine/stackFiles";
import { PROJECT_PLACEHOLDER, templateFiles } from "../test/template/pulumi-new";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TEST_RUNS = Number(process.env.BENCH_TEST_RUNS ?? 3);
const SCALE = (process.env.BENCH_SCALE ?? "1000,5000,20000").split(",").map(Number);
const { root, dist } = defaultLayout();
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Where `npm run check -- --stack prod` is typed: this service, or a service made from this template. */
function service(): string {
    if (!isTemplateSource(root)) return root;
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-service-")), "service");
    for (const file of templateFiles(root)) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.copyFileSync(path.join(root, file), path.join(dir, file));
    }
    const example = path.join(root, "test", "fixtures", "example");
    for (const file of fs.readdirSync(example).filter((f) => /^Pulumi(\.[^.]+)?\.yaml$/.test(f))) fs.copyFileSync(path.join(example, file), path.join(dir, file));
    fs.writeFileSync(path.join(dir, "package.json"), fs.readFileSync(path.join(dir, "package.json"), "utf8").replace(PROJECT_PLACEHOLDER, "bench-service"));
    fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
    return dir;
}

interface Timed {
    seconds: number;
    status: number | null;
    stdout: string;
}

function time(command: string, args: string[], before?: () => void, cwd = root, okStatus = [0, 1]): Timed {
    before?.();
    const start = process.hrtime.bigint();
    const r = spawnSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 30 });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (r.error) throw r.error;
    if (!okStatus.includes(r.status ?? -1)) throw new Error(`${command} ${args.join(" ")} exited ${r.status}: ${r.stderr}${r.stdout.slice(-4000)}`);
    return { seconds, status: r.status, stdout: r.stdout };
}

/**
 * CPU seconds of this process's finished children and their descendants (Linux: cutime + cstime of
 * /proc/self/stat, in clock ticks of 1/100 s); undefined elsewhere.
 */
function childrenCpu(): number | undefined {
    try {
        const fields = fs.readFileSync("/proc/self/stat", "utf8").replace(/^.*\) /, "").split(" ");
        // After the command name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14 here.
        return (Number(fields[13]) + Number(fields[14])) / 100;
    } catch {
        return undefined;
    }
}

/** Wall and CPU seconds of `npm test` in `cwd` (the whole process tree), the median of TEST_RUNS after a warm-up. */
function npmTest(cwd: string, before?: () => void): { seconds: number; cpu: number | undefined } {
    // Run as a user runs it, not as a child of `npm run bench` (the suite's own tests look at npm's environment).
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("npm_")));
    const once = () => {
        before?.();
        const cpuBefore = childrenCpu();
        const start = process.hrtime.bigint();
        const r = spawnSync(npm, ["test"], { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 30 });
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        if (r.error) throw r.error;
        if (r.status !== 0) throw new Error(`npm test in ${cwd} exited ${r.status}:\n${r.stdout.slice(-4000)}${r.stderr.slice(-2000)}`);
        const cpuAfter = childrenCpu();
        return { seconds, cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
    };
    once();
    const runs = Array.from({ length: TEST_RUNS }, once);
    const cpus = runs.map((r) => r.cpu).filter((c): c is number => c !== undefined);
    return { seconds: median(runs.map((r) => r.seconds)), cpu: cpus.length === runs.length ? median(cpus) : undefined };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const floor = () => time(process.execPath, ["-e", "require('@pulumi/pulumi')"]);

/** Median time of a command and of the floor, run in turn, and the median of their pairwise ratios. */
function paired(cwd: string, command: string, args: string[], before?: () => void): { seconds: number; floor: number; ratio: number } {
    time(command, args, before, cwd);
    floor();
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < RUNS; i++) {
        a.push(time(command, args, before, cwd).seconds);
        b.push(floor().seconds);
    }
    return { seconds: median(a), floor: median(b), ratio: median(a.map((x, i) => x / b[i])) };
}

/**
 * An edit of a source file: new content (a comment line no earlier run wrote, so neither the launcher's
 * transpile cache nor a build can reuse anything) and a new modification time. `restore` puts it back.
 */
function editor(file: string): { edit: () => void; restore: () => void } {
    const original = fs.readFileSync(file, "utf8");
    let n = 0;
    return {
        edit: () => fs.writeFileSync(file, `${original}// bench edit ${process.pid}-${Date.now()}-${n++}\n`),
        restore: () => fs.writeFileSync(file, original),
    };
}

function withEdits<T>(file: string, measure: (edit: () => void) => T): T {
    const { edit, restore } = editor(file);
    try {
        return measure(edit);
    } finally {
        restore();
    }
}

function main(): void {
    const dir = service();
    const check = ["run", "--silent", "check", "--", "--stack", "prod"];
    const rows: Array<[string, { seconds: number; floor: number; ratio: number }]> = [
        ["npm run check -- --stack prod (nothing changed)", paired(dir, npm, check)],
        ["npm run check -- --stack prod (one source file edited)", withEdits(path.join(dir, "components", "monitoring.ts"), (edit) => paired(dir, npm, check, edit))],
        ["node dist/readiness/cli.js --stack prod", paired(dir, process.execPath, [path.join(dir, "dist", "readiness", "cli.js"), "--stack", "prod"])],
    ];
    if (dir !== root) fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
    console.log(`node ${process.version}, ${cpu}, ${os.cpus().length} cores; each figure the median of ${RUNS} fresh processes, run in turn with the floor`);
    console.log(`floor: node -e 'require("@pulumi/pulumi")'\n`);
    const width = Math.max(...rows.map(([k]) => k.length), 40);
    console.log(`${"command".padEnd(width)}  ${"median".padStart(8)}  ${"floor".padStart(8)}  ratio`);
    for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v.seconds.toFixed(2).padStart(7)}s  ${v.floor.toFixed(2).padStart(7)}s  ${v.ratio.toFixed(2)}x`);

    console.log(`\nscaling: the prod stack plus generated resources, checked and rendered in every format (fresh process, median of ${Math.min(RUNS, 3)})`);
    console.log(`${"generated".padStart(9)}  ${"resources".padStart(9)}  ${"wall".padStart(7)}  ${"cpu".padStart(7)}  ${"cpu per 1,000".padStart(13)}  ${"peak".padStart(9)}`);
    let base: number | undefined;
    for (const n of SCALE) {
        const runs = Array.from({ length: Math.min(RUNS, n >= 20000 ? 1 : 3) }, () => time(process.execPath, [path.join(dist, "bench", "scale.js"), String(n)]));
        const points = runs.map((r) => JSON.parse(r.stdout.trim().split("\n").pop()!) as { resources: number; peakMiB: number; cpuSeconds: number });
        const wall = median(runs.map((r) => r.seconds));
        const cpu = median(points.map((p) => p.cpuSeconds));
        const per1k = (cpu / points[0].resources) * 1000;
        base ??= per1k;
        console.log(
            `${String(n).padStart(9)}  ${String(points[0].resources).padStart(9)}  ${wall.toFixed(1).padStart(6)}s  ${cpu.toFixed(1).padStart(6)}s  ${per1k.toFixed(2).padStart(12)}s  ${String(median(points.map((p) => p.peakMiB))).padStart(5)} MiB   (${(per1k / base).toFixed(2)}x the first point's)`,
        );
    }

    console.log(`\nnpm test as typed (median of ${TEST_RUNS} after a warm-up; wall, and CPU of the whole process tree)`);
    const suites: Array<[string, string]> = isTemplateSource(root)
        ? [["npm test in the template (its own tests; a pulumi new copy runs the service's suite)", root], ["npm test in a service made from it", service()]]
        : [["npm test", root]];
    for (const [label, cwd] of suites) {
        const show = (what: string, t: { seconds: number; cpu: number | undefined }) =>
            console.log(`${`${label}, ${what}`.padEnd(width)}  ${t.seconds.toFixed(1).padStart(7)}s wall  ${t.cpu === undefined ? "n/a" : `${t.cpu.toFixed(1)}s`} CPU`);
        show("nothing changed", npmTest(cwd));
        show("one source file edited", withEdits(path.join(cwd, "components", "monitoring.ts"), (edit) => npmTest(cwd, edit)));
        if (cwd !== root) fs.rmSync(path.dirname(cwd), { recursive: true, force: true });
    }
}

main();
