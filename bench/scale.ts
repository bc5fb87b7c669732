/**
 * One point of the scaling curve, in a fresh process: the prod stack plus N generated resources
 * (bench/programs/scaled.ts) checked, then rendered in every report format. Prints one JSON line with the
 * resource count, the process's CPU time and peak memory; `npm run bench` times the process from outside.
 *
 *   node dist/bench/scale.js 20000
 */
import "../readiness/startup";
import * as path from "path";
import { checkStack } from "../readiness/check";
import { defaultLayout, Layout } from "../readiness/layout";
import { isTemplateSource } from "../readiness/engine/stackFiles";
import { FORMATS, render, Format } from "../readiness/reports";

async function main(): Promise<void> {
    const generated = Number(process.argv[2]);
    if (!Number.isInteger(generated) || generated < 0) throw new Error(`usage: node dist/bench/scale.js <generated resources>, got ${process.argv[2]}`);
    // In the template itself the stacks are the worked example's; in a service, its own.
    const layout: Layout = isTemplateSource(defaultLayout().root) ? { ...defaultLayout(), project: path.join(defaultLayout().root, "test", "fixtures", "example") } : defaultLayout();
    const report = await checkStack({
        stack: "prod",
        layout,
        program: path.join(layout.dist, "bench", "programs", "scaled.js"),
        configOverrides: { "scale:resources": String(generated) },
    });
    let bytes = 0;
    for (const format of Object.keys(FORMATS) as Format[]) bytes += render(format, [report]).length;
    process.stdout.write(
        `${JSON.stringify({ generated, resources: report.summary.resources, violations: report.violations.length, reportBytes: bytes, peakMiB: Math.round(process.resourceUsage().maxRSS / 1024), cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6 })}\n`,
    );
}

main().catch((e) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exitCode = 2;
});
