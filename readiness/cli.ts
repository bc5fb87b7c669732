/**
 * `npm run check -- [options]`: the offline readiness check.
 *
 * Exit codes (an interface; scripts depend on them):
 *   0  no mandatory violation in any checked stack
 *   1  at least one mandatory violation or provider error
 *   2  a config or usage error (bad flag, invalid stack config, malformed policy config, a program's own
 *      config error)
 *   3  an internal error: a bug in the program or in the check (an exception nobody meant to throw)
 */
import "./startup";
import * as fs from "fs";
import * as path from "path";
import { CheckOptions, checkStack, runCheck } from "./check";
import { defaultLayout } from "./layout";
import { ProgramError } from "./engine/run";
import { UsageError } from "./engine/stackFiles";
import { blocks, StackReport } from "./report";
import { BaselineDocument, loadBaseline } from "./changes";
import { isWorkedExampleStack, WORKED_EXAMPLE_PROJECT } from "../config/example";
import { listStacks, readProject, readStackFile } from "./engine/stackFiles";
import { InputProblem } from "../config/problem";
import { FORMATS, Format, render } from "./reports";
import { escapeControl, hasControl } from "../config/guards";
import type { Layout } from "./layout";
import { checkState, exportState } from "./state";
import { addCollisions } from "./collisions";

const USAGE = `Usage: npm run check -- [--stack NAME]... [--format ${Object.keys(FORMATS).join("|")}] [--out FILE] [--tree]
                         [--preview] [--policy-config FILE] [--strict-secrets] [--baseline FILE]
                         [--export-state FILE] | --state FILE [--environment ENV]

  --stack NAME          check one stack (repeatable), as the CLI spells it: NAME, ORG/NAME or ORG/PROJECT/NAME
                        (its file is Pulumi.NAME.yaml); default: every Pulumi.<stack>.yaml here
  --tree                text format: list every resource as a tree (default: one line counting them)
  --format FORMAT       report format (default text); json is one document on stdout
  --out FILE            write the report to FILE instead of stdout
  --preview             check the first preview of a new stack alone (computed outputs unknown); by
                        default the check evaluates the preview and the state after apply
  --policy-config FILE  policy pack config instead of policies/config/<environment>.json
  --strict-secrets      fail (exit 2) when a required secret is not set in the stack file
  --baseline FILE       report what changes against FILE: an earlier JSON report of this check or a
                        \`pulumi stack export\`; a replaced or deleted stateful resource is a finding
  --state FILE          check a \`pulumi stack export\` file (deployment version 3) instead of running the
                        program: provider validation and resource rules on its inputs, stack rules on outputs
  --environment ENV     with --state: the policy config policies/config/ENV.json (default: the resources'
                        environment tag)
  --export-state FILE   also write the checked stack as a stack export (secrets as undecryptable ciphertext)
Exit: 0 ready, 1 mandatory violations or provider errors, 2 config or usage error, 3 a bug in the program or the check.`;

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
    /** Text format: the whole resource tree instead of a count. */
    tree: boolean;
    help: boolean;
}

/** Flags that take one value: given twice, which one was meant is a guess, so it is refused. */
const SINGLE_VALUE_FLAGS: Record<string, string> = { "-f": "--format", "-o": "--out", "--format": "--format", "--out": "--out", "--policy-config": "--policy-config", "--baseline": "--baseline", "--state": "--state", "--environment": "--environment", "--export-state": "--export-state" };

/**
 * A stack name as Pulumi accepts it, optionally qualified `org/stack` or `org/project/stack`: each part letters,
 * digits, `-`, `_` and `.` (pulumi/pulumi sdk/go/common/tokens/names.go, stack names), never `.` or `..`, so a
 * name can never step out of the folder of the stack files.
 */
export function stackNameProblem(name: string): string | undefined {
    const parts = name.split("/");
    if (parts.length > 3 || parts.some((p) => !/^[A-Za-z0-9_.-]{1,100}$/.test(p) || /^\.+$/.test(p))) {
        return "a stack name (letters, digits, -, _ and ., optionally as org/stack or org/project/stack), without path components such as /, .. or \\";
    }
    return undefined;
}

export function parseArgs(argv: string[]): CliArgs {
    const args: CliArgs = { stacks: [], format: "text", preview: false, strictSecrets: false, tree: false, help: false };
    const seen = new Map<string, string>();
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const [flag, inline] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
        const value = () => {
            const v = inline ?? argv[++i];
            const shown = v === undefined ? "(none)" : JSON.stringify(escapeControl(v));
            if (v === undefined || v.startsWith("--")) throw new UsageError(`${flag} needs a value`, [{ key: flag, given: shown, expected: "a value after the flag" }]);
            if (v.trim() === "") throw new UsageError(`${flag} ${shown}: expected a value, not an empty one`, [{ key: flag, given: shown, expected: "a non-empty value (an empty --out would fall back to stdout, an empty --environment to the tags)" }]);
            if (hasControl(v)) throw new UsageError(`${flag} ${shown}: expected text without control characters`, [{ key: flag, given: shown, expected: "a value without control characters" }]);
            const canonical = SINGLE_VALUE_FLAGS[flag];
            if (canonical) {
                const earlier = seen.get(canonical);
                if (earlier !== undefined) {
                    const expected = `${canonical} once: it takes one value, and which of ${JSON.stringify(escapeControl(earlier))} and ${shown} was meant cannot be told`;
                    throw new UsageError(`${canonical} given twice; expected ${expected}`, [{ key: canonical, given: `${JSON.stringify(escapeControl(earlier))} and ${shown}`, expected }]);
                }
                seen.set(canonical, v);
            }
            return v;
        };
        switch (flag) {
            case "--stack":
            case "-s": {
                const stack = value();
                const problem = stackNameProblem(stack);
                if (problem) throw new UsageError(`--stack ${JSON.stringify(escapeControl(stack))}: expected ${problem}`, [{ key: "--stack", given: JSON.stringify(escapeControl(stack)), expected: problem }]);
                args.stacks.push(stackName(stack));
                break;
            }
            case "--format":
            case "-f": {
                const f = value();
                if (!(f in FORMATS)) throw new UsageError(`--format ${f}: expected one of ${Object.keys(FORMATS).join(", ")}`, [{ key: "--format", given: f, expected: `one of ${Object.keys(FORMATS).join(", ")}` }]);
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
            case "--tree":
                args.tree = true;
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
            case "--environment": {
                const environment = value();
                // It names policies/config/<environment>.json: a name, never a path.
                if (!/^[a-z][a-z0-9-]{0,62}$/.test(environment)) {
                    const expected = "an environment name such as prod (lower-case letters, digits and -), naming policies/config/<environment>.json; for another file use --policy-config";
                    throw new UsageError(`--environment ${JSON.stringify(escapeControl(environment))}: expected ${expected}`, [{ key: "--environment", given: JSON.stringify(escapeControl(environment)), expected }]);
                }
                args.environment = environment;
                break;
            }
            case "--export-state":
                args.exportState = value();
                break;
            case "--help":
            case "-h":
                args.help = true;
                break;
            default:
                throw new UsageError(`unknown argument ${escapeControl(a)}`, [{ key: escapeControl(a), given: escapeControl(a), expected: "one of the flags below (see --help)" }]);
        }
    }
    return args;
}

/**
 * The stack a `--stack` value names, spelled as the Pulumi CLI takes it: `NAME`, `ORG/NAME` or
 * `ORG/PROJECT/NAME` (pulumi/pulumi sdk/go/common/tokens: a fully qualified stack name); the stack file is
 * Pulumi.NAME.yaml either way, as scripts/pulumi.js reads it.
 */
export function stackName(value: string): string {
    const parts = value.split("/");
    if (parts.length > 3 || parts.some((p) => p === "")) {
        throw new UsageError(`--stack ${value}: expected NAME, ORG/NAME or ORG/PROJECT/NAME`, [{ key: "--stack", given: value, expected: "a stack name: NAME, ORG/NAME or ORG/PROJECT/NAME" }]);
    }
    return parts[parts.length - 1];
}

/** `--format json` anywhere on the command line, even one that fails to parse: errors then come as JSON too. */
function wantsJson(argv: string[]): boolean {
    return argv.some((a, i) => a === "--format=json" || a === "-f=json" || ((a === "--format" || a === "-f") && argv[i + 1] === "json"));
}

/** What the command line or the input got wrong, as one message and as problems for the JSON document. */
interface Failure {
    message: string;
    /** 2 for bad input, 3 for a bug (an internal error). */
    code?: 2 | 3;
    problems: InputProblem[];
    stack?: string;
}

function failureOf(e: unknown, stack?: string): Failure {
    const prefix = stack ? `stack ${stack}: ` : "";
    if (e instanceof UsageError) return { message: `${prefix}${e.message}`, problems: e.problems.length > 0 ? e.problems : [{ key: stack ? `stack ${stack}` : "(command line)", given: "", expected: e.message }], stack };
    if (e instanceof ProgramError) {
        const cause = e.cause as { problems?: InputProblem[] } | undefined;
        const problems = cause?.problems ?? [{ key: `stack ${stack}`, given: "", expected: e.message }];
        if (e.bug) return { message: `${prefix}${e.message}\n${BUG}`, problems, stack, code: 3 };
        return { message: `${prefix}${e.message}`, problems, stack };
    }
    // A bug rather than bad input: exit 3 with one message (the trace only when asked for).
    const detail = process.env.READINESS_STACK_TRACES ? (e as Error).stack : `${(e as Error)?.message ?? String(e)} (set READINESS_STACK_TRACES=1 for a stack trace)`;
    return { message: `${prefix}internal error: ${detail}\n${BUG}`, problems: [{ key: stack ? `stack ${stack}` : "(internal)", given: "", expected: `no internal error: please report it (${(e as Error)?.message ?? String(e)})` }], stack, code: 3 };
}

/** A problem as the JSON error document has always spelt it (docs/json-report.md): what was given is its `value`. */
function asJsonProblem({ key, given, expected }: InputProblem): { key: string; value: string; expected: string } {
    return { key, value: given, expected };
}

/** What an internal error (exit 3) adds: it is not the user's input. */
const BUG = "This is a bug in the program or in the check, not a problem with your input: exit 3. Please report it with the command you ran.";

/**
 * The check command. `base` is applied to every stack's check (tests point it at other project layouts and
 * programs). Every failure exits 2 (bad input) or 3 (a bug) with one message on stderr, or with `--format json`
 * one document on stdout: `{"error": {"code": 2 | 3, "message", "problems": [{key, value, expected}]}}`.
 */
export async function main(
    argv: string[],
    out: (s: string) => void = (s) => process.stdout.write(s),
    err: (s: string) => void = (s) => process.stderr.write(s),
    base: Partial<CheckOptions> = {},
): Promise<number> {
    const json = wantsJson(argv);
    // The report file of this run: removed when the run fails, so an earlier passing report never stands for it.
    let reportFile: string | undefined;
    const fail = (f: Failure, usage = false): number => {
        if (reportFile) removeStaleReport(reportFile, json ? () => undefined : err);
        const code = f.code ?? 2;
        if (json) out(`${JSON.stringify({ error: { code, message: f.message, ...(f.stack ? { stack: f.stack } : {}), problems: f.problems.map(asJsonProblem) } }, null, 2)}\n`);
        else err(`${f.message}\n${usage ? `\n${USAGE}\n` : ""}`);
        return code;
    };
    const usageFailure = (key: string, value: string, message: string) => fail({ message, problems: [{ key, given: value, expected: message }] }, true);
    let args: CliArgs;
    try {
        args = parseArgs(argv);
    } catch (e) {
        reportFile = outOfUnparsed(argv, base.layout ?? defaultLayout());
        return fail(failureOf(e), true);
    }
    if (args.help) {
        out(`${USAGE}\n`);
        return 0;
    }
    const layout = base.layout ?? defaultLayout();
    for (const [flag, file] of [["--out", args.out], ["--export-state", args.exportState]] as const) {
        if (!file) continue;
        const input = inputAt(file, args, layout);
        if (input) {
            const expected = `a file of its own: ${flag} would overwrite ${input}, which the check reads`;
            return fail({ message: `${flag} ${file}: ${expected}`, problems: [{ key: flag, given: file, expected }] });
        }
    }
    if (args.out && args.exportState && sameFile(args.out, args.exportState)) {
        const expected = "different files for the report and the stack export";
        return fail({ message: `--out and --export-state name the same file ${args.out}; expected ${expected}`, problems: [{ key: "--export-state", given: args.exportState, expected }] });
    }
    if (args.out) {
        const problem = outProblem(args.out);
        if (problem) return fail({ message: `--out ${args.out}: ${problem}`, problems: [{ key: "--out", given: args.out, expected: problem }] });
        reportFile = args.out;
    }
    const stateConflicts: [string, boolean][] = [
        ["--stack", args.stacks.length > 0],
        ["--preview", args.preview],
        ["--strict-secrets", args.strictSecrets],
        ["--baseline", !!args.baseline],
        ["--export-state", !!args.exportState],
    ];
    const conflict = args.state ? stateConflicts.find(([, set]) => set)?.[0] : undefined;
    if (conflict) return usageFailure(conflict, "set", `--state checks a stack export without running the program; ${conflict} does not apply to it`);
    if (args.environment && !args.state) return usageFailure("--environment", args.environment, "--environment applies only with --state (a stack file names its own environment)");
    if (args.state) {
        try {
            return finish(args, [(await checkState({ file: args.state, environment: args.environment, policyConfig: args.policyConfig, layout })).report], out, err, fail);
        } catch (e) {
            return fail(failureOf(e));
        }
    }
    let stacks = args.stacks;
    if (stacks.length === 0) {
        try {
            stacks = stacksOfThisService(layout.project ?? layout.root, err);
        } catch (e) {
            return fail(failureOf(e));
        }
    }
    if (args.exportState && stacks.length !== 1) return usageFailure("--export-state", args.exportState, `--export-state writes one stack: pass exactly one --stack (got ${stacks.length})`);
    if (stacks.length === 0) {
        const dir = layout.project ?? layout.root;
        const found = listStacks(dir);
        const what = found.length > 0 ? `only the template's worked example (${found.map((s) => `Pulumi.${s}.yaml`).join(", ")})` : "no Pulumi.<stack>.yaml files";
        return fail({ message: `no stack of this service to check: ${dir} has ${what}`, problems: [{ key: "--stack", given: "(none)", expected: `a stack file Pulumi.<stack>.yaml of this service in ${dir}` }] });
    }
    let baseline: BaselineDocument | undefined;
    try {
        baseline = args.baseline ? loadBaseline(args.baseline) : undefined;
    } catch (e) {
        return fail(failureOf(e));
    }
    const reports: StackReport[] = [];
    for (const stack of stacks) {
        try {
            const opts = { ...base, stack, preview: args.preview, policyConfig: args.policyConfig, strictSecrets: args.strictSecrets, baseline, layout };
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
            return fail(failureOf(e, stack));
        }
    }
    // Stacks checked together must not own the same Vercel variable or physical name.
    if (reports.length > 1) addCollisions(reports);
    return finish(args, reports, out, err, fail);
}

/**
 * The one `--out` of a command line that failed to parse, when it names a file that is no input: its earlier
 * report goes too, since this run wrote none.
 */
function outOfUnparsed(argv: string[], layout: Layout): string | undefined {
    const outs = argv.flatMap((a, i) => (a === "--out" || a === "-o" ? [argv[i + 1]] : a.startsWith("--out=") ? [a.slice("--out=".length)] : [])).filter((v): v is string => !!v && !v.startsWith("--"));
    if (outs.length !== 1) return undefined;
    const named = (flag: string) => argv.flatMap((a, i) => (a === flag ? [argv[i + 1]] : a.startsWith(`${flag}=`) ? [a.slice(flag.length + 1)] : [])).filter((v): v is string => !!v);
    const others = [...named("--policy-config"), ...named("--baseline"), ...named("--state"), ...named("--export-state")];
    const args = { stacks: [], format: "text", preview: false, strictSecrets: false, tree: false, help: false } as CliArgs;
    if (inputAt(outs[0], args, layout) || others.some((o) => sameFile(o, outs[0]))) return undefined;
    return outs[0];
}

/** Deletes the report an earlier run left at `--out`, saying so: this run wrote none. */
function removeStaleReport(file: string, err: (s: string) => void): void {
    try {
        if (!fs.statSync(file).isFile()) return;
        fs.unlinkSync(file);
        err(`removed ${file}: it held an earlier report, and this run wrote none\n`);
    } catch {
        // Nothing there: nothing stale.
    }
}

/** True when `a` and `b` are one file: the same inode when both exist, the same real path otherwise. */
function sameFile(a: string, b: string): boolean {
    const sa = statOf(path.resolve(a));
    const sb = statOf(path.resolve(b));
    if (sa && sb) return sa.dev === sb.dev && sa.ino === sb.ino;
    return realTarget(a) === realTarget(b);
}

/** A path with its folder's symbolic links resolved, for a file that may not exist yet. */
function realTarget(file: string): string {
    const target = path.resolve(file);
    try {
        return fs.realpathSync(target);
    } catch {
        try {
            return path.join(fs.realpathSync(path.dirname(target)), path.basename(target));
        } catch {
            return target;
        }
    }
}

/**
 * The input file a write to `file` would overwrite, if any: the project file, every stack file, every policy
 * config, and the files named by --policy-config, --baseline and --state. A check must never change what it
 * checks.
 */
function inputAt(file: string, args: CliArgs, layout: Layout): string | undefined {
    const dir = layout.project ?? layout.root;
    const inputs: string[] = [path.join(dir, "Pulumi.yaml"), path.join(dir, "Pulumi.yml")];
    let stackDir = dir;
    try {
        stackDir = readProject(dir).stackDir;
    } catch {
        // An unreadable project file is reported when the check reads it; its folder still holds the stack files.
    }
    for (const folder of new Set([dir, stackDir])) {
        for (const f of safeList(folder)) if (/^Pulumi\..+\.ya?ml$/.test(f)) inputs.push(path.join(folder, f));
    }
    const policyDir = path.join(layout.root, "policies", "config");
    for (const f of safeList(policyDir)) inputs.push(path.join(policyDir, f));
    for (const named of [args.policyConfig, args.baseline, args.state]) if (named) inputs.push(named);
    // A stack file named by --stack that does not exist yet would be created by `pulumi stack init`, not by us.
    for (const stack of args.stacks) inputs.push(path.join(stackDir, `Pulumi.${stack}.yaml`));
    return inputs.find((input) => sameFile(file, input));
}

function safeList(dir: string): string[] {
    try {
        return fs.readdirSync(dir);
    } catch {
        return [];
    }
}

/** Renders the reports where `--out` says and gives the exit code. */
function finish(args: CliArgs, reports: StackReport[], out: (s: string) => void, err: (s: string) => void, fail: (f: Failure) => number): number {
    const text = render(args.format, reports, { tree: args.tree });
    if (args.out) {
        try {
            fs.writeFileSync(args.out, text);
        } catch (e) {
            const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
            return fail({ message: `--out ${args.out}: cannot write the report (${reason})`, problems: [{ key: "--out", given: args.out, expected: `a file path that can be written (${reason})` }] });
        }
        err(`wrote ${args.format} report to ${args.out}\n`);
    } else {
        out(text);
    }
    return reports.some(blocks) ? 1 : 0;
}

/**
 * Why the report could not be written to `file`, found before the check runs so a typo costs no run: a
 * directory, a path below a file, or a place that cannot be written. Missing folders are created one by one
 * (Node's recursive mkdir never returns on some read-only file systems, such as /proc).
 */
function outProblem(file: string): string | undefined {
    const target = path.resolve(file);
    const stat = statOf(target);
    if (stat?.isDirectory()) return "is a directory; expected a file path such as report.json";
    const missing: string[] = [];
    let dir = path.dirname(target);
    while (!statOf(dir)) {
        missing.unshift(dir);
        dir = path.dirname(dir);
    }
    if (!statOf(dir)!.isDirectory()) return `${dir} is a file, so nothing can be written below it`;
    for (const d of missing) {
        try {
            fs.mkdirSync(d);
        } catch (e) {
            return `cannot create the folder ${d} (${(e as NodeJS.ErrnoException).code ?? "error"})`;
        }
    }
    try {
        fs.closeSync(fs.openSync(target, "a"));
        if (!stat) fs.unlinkSync(target);
    } catch (e) {
        return `cannot write ${target} (${(e as NodeJS.ErrnoException).code ?? "error"})`;
    }
    return undefined;
}

function statOf(p: string): fs.Stats | undefined {
    try {
        return fs.statSync(p);
    } catch {
        return undefined;
    }
}

/**
 * The check as a process: `main`'s answer is the exit code, an unexpected error exits 3. A reader that stops
 * early (`npm run check | head`) closes the pipe: the rest of the report is dropped and the exit code is the
 * check's, not a crash on EPIPE.
 */
export function runAsProcess(argv: string[]): Promise<void> {
    for (const stream of [process.stdout, process.stderr]) {
        // The write fails and the stream is destroyed; later writes fail the same way. Nothing else is lost.
        stream.on("error", (e: NodeJS.ErrnoException) => {
            if (e.code !== "EPIPE" && e.code !== "ERR_STREAM_DESTROYED") throw e;
        });
    }
    return main(argv).then(
        (code) => {
            process.exitCode = code;
        },
        (e) => {
            // A bug, not bad input: the trace is what a bug report needs, but still one line unless asked for.
            const detail = process.env.READINESS_STACK_TRACES ? (e as Error).stack : `${(e as Error).message ?? e} (set READINESS_STACK_TRACES=1 for a stack trace)`;
            process.stderr.write(`internal error: ${detail}\n${BUG}\n`);
            process.exitCode = 3;
        },
    );
}

if (require.main === module) void runAsProcess(process.argv.slice(2));

/**
 * Every stack file beside Pulumi.yaml, less the template's worked example where `pulumi new` copied it into a
 * service (its prod and shared stacks, until scripts/new-stack.sh create replaces them): those are not stacks
 * of this service, and checking one by name says which of its values to replace.
 */
function stacksOfThisService(dir: string, err: (s: string) => void): string[] {
    const all = listStacks(dir);
    if (readProject(dir).name === WORKED_EXAMPLE_PROJECT) return all;
    return all.filter((stack) => {
        const file = readStackFile(dir, stack);
        if (!isWorkedExampleStack(file.config)) return true;
        err(
            `skipped ${path.basename(file.file)}: it is the template's worked example, copied by pulumi new, not a stack of this service; ` +
                `create this service's ${stack} stack with scripts/new-stack.sh create, which replaces the file (docs/getting-started.md)\n`,
        );
        return false;
    });
}
