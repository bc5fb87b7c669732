/**
 * `npm run bench`: how fast the offline check is, beside the floor it cannot go below.
 *
 * - floor: a bare `require("@pulumi/pulumi")` in a fresh process (every check pays it);
 * - check (process): `node dist/readiness/cli.js --stack <s> --format json`, a fresh process, as a user runs it;
 * - check (warm): the same check again inside one process (what the test suite and repeated runs pay);
 * - 1,000 resources: the pack evaluated on a synthetic stack of 1,000 resources through the real handlers.
 * Each figure is the median of RUNS runs.
 */
import { execFileSync } from "child_process";
import * as path from "path";
import { checkStack, defaultLayout, Layout } from "../readiness/check";
import { isTemplateSource, listStacks } from "../readiness/engine/stackFiles";
import { evaluate, SyntheticResource } from "../readiness/engine/synthetic";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** In the template itself the stack file still holds the placeholders `pulumi new` fills: bench the worked example. */
const layout: Layout = isTemplateSource(defaultLayout().root) ? { ...defaultLayout(), project: path.join(defaultLayout().root, "test", "fixtures", "example") } : defaultLayout();
const stacks = listStacks(layout.project ?? layout.root);

function median(xs: number[]): number {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)];
}

function timeProcess(args: string[]): number {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
        const t = process.hrtime.bigint();
        execFileSync(process.execPath, args, { cwd: layout.root, stdio: ["ignore", "ignore", "inherit"] });
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    return median(times);
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
        const t = process.hrtime.bigint();
        await fn();
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    return median(times);
}

/** A stack shaped like a real one, scaled: buckets, instances, env vars, alarms, passwords. */
function syntheticStack(n: number): SyntheticResource[] {
    const kinds: Array<(i: number) => SyntheticResource> = [
        (i) => ({ type: "aws:s3/bucket:Bucket", name: `bucket-${i}`, inputs: { bucket: `svc-prod-b${i}`, tags: { service: "svc", environment: "prod", owner: "team", "managed-by": "pulumi" } } }),
        (i) => ({ type: "random:index/randomPassword:RandomPassword", name: `password-${i}`, inputs: { length: 64, special: false } }),
        (i) => ({ type: "aws:cloudwatch/metricAlarm:MetricAlarm", name: `alarm-${i}`, inputs: { name: `svc-prod-alarm-${i}`, metricName: "CPUUtilization", namespace: "AWS/RDS", threshold: 80, alarmActions: ["arn:aws:sns:us-east-1:123456789012:svc-prod-alerts"] } }),
        (i) => ({ type: "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable", name: `env-${i}`, inputs: { key: `VAR_${i}`, value: "x", targets: ["production"], sensitive: true, teamId: "team_x", projectId: "prj_x" } }),
        (i) => ({ type: "aws:rds/instance:Instance", name: `db-${i}`, inputs: { identifier: `svc-prod-db-${i}`, engine: "postgres", storageEncrypted: true, backupRetentionPeriod: 14, deletionProtection: true, multiAz: true }, protect: true }),
    ];
    return Array.from({ length: n }, (_, i) => kinds[i % kinds.length](i));
}

async function main() {
    const cli = path.join(layout.dist, "readiness", "cli.js");
    const rows: [string, number][] = [];
    rows.push(["floor: require(@pulumi/pulumi), fresh process", timeProcess(["-e", "require('@pulumi/pulumi')"])]);
    for (const stack of stacks) {
        const argv = ["--stack", stack, "--format", "json"];
        // The CLI's own main, in a fresh process, on the layout above.
        const script = `require(${JSON.stringify(cli)}).main(${JSON.stringify(argv)}, () => {}, undefined, { layout: ${JSON.stringify(layout)} }).then((c) => (process.exitCode = c))`;
        rows.push([`check --stack ${stack}, fresh process`, timeProcess(["-e", script])]);
    }
    for (const stack of stacks) {
        await checkStack({ stack, layout });
        rows.push([`check --stack ${stack}, warm (in-process)`, await timeAsync(() => checkStack({ stack, layout }))]);
        rows.push([`check --stack ${stack} --preview, warm`, await timeAsync(() => checkStack({ stack, layout, preview: true }))]);
    }
    const big = syntheticStack(1000);
    await evaluate(big);
    rows.push(["pack on 1,000 synthetic resources (Analyze x1000 + AnalyzeStack)", await timeAsync(() => evaluate(big))]);
    const width = Math.max(...rows.map(([k]) => k.length));
    console.log(`median of ${RUNS} runs, ${require("os").cpus().length} cores, node ${process.version}`);
    for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v.toFixed(0).padStart(6)} ms`);
}

main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
});
