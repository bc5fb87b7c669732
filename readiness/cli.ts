/**
 * `npm run check -- [options]`: the offline readiness check.
 *
 * Exit codes (an interface; scripts depend on them):
 *   0  no mandatory violation in any checked stack
 *   1  at least one mandatory violation or provider error
 *   2  a config or usage error (bad flag, invalid stack config, malformed policy config, program failure)
 */
import "./startup";
import * as fs from "fs";
import * as path from "path";
import { blocks, checkStack, defaultLayout, ProgramError, runCheck, StackReport, UsageError } from "./check";
import { BaselineDocument, loadBaseline } from "./changes";
import { listStacks } from "./engine/stackFiles";
import { FORMATS, Format, render } from "./reports";
import { checkState, exportState } from "./state";

const USAGE = `Usage: npm run check -- [--stack NAME]... [--format ${Object.keys(FORMATS).join("|")}] [--out FILE]
                         [--preview] [--policy-config FILE] [--strict-secrets] [--baseline FILE]
                         [--export-state FILE] | --state FILE [--environment ENV]

  --stack NAME          check one stack (repeatable); default: every Pulumi.<stack>.yaml here
  --format FORMAT       report format (default text); json is one document on stdout
  --out FILE            write the report to FILE instead of stdout
  --preview             leave computed outputs unknown, as in the first preview of a new stack
  --policy-config FILE  policy pack config instead of policies/config/<environment>.json
  --strict-secrets      fail (exit 2) when a required secret is not set in the stack file
  --baseline FILE       report what changes against FILE: an earlier JSON report of this check or a
                        \`pulumi stack export\`; a replaced or deleted stateful resource is a finding
  --state FILE          check a \`pulumi stack export\` file (deployment version 3) instead of running the
                        program: provider validation and resource rules on its inputs, stack rules on outputs
  --environment ENV     with --state: the policy config policies/config/ENV.json (default: the resources'
                        environment tag)
  --export-state FILE   also write the checked stack as a stack export (secrets as undecryptable ciphertext)
Exit: 0 ready, 1 mandatory violations or provider errors, 2 config or usage error.`;

export interface CliArgs {
    stacks: string[];
    format: Format;
    out?: string;
    preview: boolean;
    policyConfig?: string;
    strictSecrets: boolean;
    baseline?: string;
    /** Check this stack export instead of running the program. */
    state?: string;
    /** With `state`: the environment whose policy config applies. */
    environment?: string;
    /** Write the checked stack as a stack export to this file. */
    exportState?: string;
    help: boolean;
}

export function parseArgs(argv: string[]): CliArgs {
    const args: CliArgs = { stacks: [], format: "text", preview: false, strictSecrets: false, help: false };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const [flag, inline] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
        const value = () => {
            const v = inline ?? argv[++i];
            if (v === undefined || v.startsWith("--")) throw new UsageError(`${flag} needs a value`);
            return v;
        };
        switch (flag) {
            case "--stack":
            case "-s":
                args.stacks.push(value());
                break;
            case "--format":
            case "-f": {
                const f = value();
                if (!(f in FORMATS)) throw new UsageError(`--format ${f}: expected one of ${Object.keys(FORMATS).join(", ")}`);
                args.format = f as Format;
                break;
            }
            case "--out":
            case "-o":
                args.out = value();
                break;
            case "--preview":
                args.preview = true;
                break;
            case "--policy-config":
                args.policyConfig = path.resolve(value());
                break;
            case "--strict-secrets":
                args.strictSecrets = true;
                break;
            case "--baseline":
                args.baseline = value();
                break;
            case "--state":
                args.state = value();
                break;
            case "--environment":
                args.environment = value();
                break;
            case "--export-state":
                args.exportState = value();
                break;
            case "--help":
            case "-h":
                args.help = true;
                break;
            default:
                throw new UsageError(`unknown argument ${a}`);
        }
    }
    return args;
}

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
    let args: CliArgs;
    try {
        args = parseArgs(argv);
    } catch (e) {
        err(`${(e as Error).message}\n\n${USAGE}\n`);
        return 2;
    }
    if (args.help) {
        out(`${USAGE}\n`);
        return 0;
    }
    const layout = defaultLayout();
    const stateConflicts: [string, boolean][] = [
        ["--stack", args.stacks.length > 0],
        ["--preview", args.preview],
        ["--strict-secrets", args.strictSecrets],
        ["--baseline", !!args.baseline],
        ["--export-state", !!args.exportState],
    ];
    const conflict = args.state ? stateConflicts.find(([, set]) => set)?.[0] : undefined;
    if (conflict) {
        err(`--state checks a stack export without running the program; ${conflict} does not apply to it\n\n${USAGE}\n`);
        return 2;
    }
    if (args.environment && !args.state) {
        err(`--environment applies only with --state (a stack file names its own environment)\n\n${USAGE}\n`);
        return 2;
    }
    if (args.state) {
        try {
            return finish(args, [(await checkState({ file: args.state, environment: args.environment, policyConfig: args.policyConfig, layout })).report], out, err);
        } catch (e) {
            if (!(e instanceof UsageError)) throw e;
            err(`${e.message}\n`);
            return 2;
        }
    }
    const stacks = args.stacks.length > 0 ? args.stacks : listStacks(layout.root);
    if (args.exportState && stacks.length !== 1) {
        err(`--export-state writes one stack: pass exactly one --stack (got ${stacks.length})\n`);
        return 2;
    }
    if (stacks.length === 0) {
        err(`no Pulumi.<stack>.yaml files in ${layout.root}\n`);
        return 2;
    }
    let baseline: BaselineDocument | undefined;
    try {
        baseline = args.baseline ? loadBaseline(args.baseline) : undefined;
    } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        err(`${e.message}\n`);
        return 2;
    }
    const reports: StackReport[] = [];
    for (const stack of stacks) {
        try {
            const opts = { stack, preview: args.preview, policyConfig: args.policyConfig, strictSecrets: args.strictSecrets, baseline, layout };
            if (args.exportState) {
                const { report, run } = await runCheck(opts);
                fs.mkdirSync(path.dirname(path.resolve(args.exportState)), { recursive: true });
                fs.writeFileSync(args.exportState, JSON.stringify(exportState(run, layout.root), null, 2) + "\n");
                err(`wrote the stack export of ${stack} to ${args.exportState}\n`);
                reports.push(report);
            } else {
                reports.push(await checkStack(opts));
            }
        } catch (e) {
            if (e instanceof UsageError || e instanceof ProgramError) {
                err(`stack ${stack}: ${e.message}\n`);
                return 2;
            }
            throw e;
        }
    }
    return finish(args, reports, out, err);
}

/** Renders the reports where `--out` says and gives the exit code. */
function finish(args: CliArgs, reports: StackReport[], out: (s: string) => void, err: (s: string) => void): number {
    const text = render(args.format, reports);
    if (args.out) {
        fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
        fs.writeFileSync(args.out, text);
        err(`wrote ${args.format} report to ${args.out}\n`);
    } else {
        out(text);
    }
    return reports.some(blocks) ? 1 : 0;
}

/** The check as a process: `main`'s answer is the exit code, an unexpected error exits 2. */
export function runAsProcess(argv: string[]): Promise<void> {
    return main(argv).then(
        (code) => {
            process.exitCode = code;
        },
        (e) => {
            process.stderr.write(`internal error: ${(e as Error).stack ?? e}\n`);
            process.exitCode = 2;
        },
    );
}

if (require.main === module) void runAsProcess(process.argv.slice(2));
