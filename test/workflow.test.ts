/**
 * The pipeline the template's users get (.github/workflows/): valid for GitHub (its own parser and workflow
 * schema, @actions/workflow-parser, offline), calling actions with inputs they have, and naming only
 * files, npm scripts and check flags that exist in this repository.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { register } from "node:module";
import * as path from "node:path";
import { describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { defaultLayout } from "../readiness/layout";
import { parseArgs } from "../readiness/cli";
import { FORMATS } from "../readiness/reports";

const ROOT = defaultLayout().root;
const WORKFLOWS = path.join(ROOT, ".github", "workflows");

interface Step {
    name?: string;
    shell?: string;
    uses?: string;
    run?: string;
    if?: string;
    with?: Record<string, string | number | boolean>;
    env?: Record<string, string>;
}
interface Job {
    name?: string;
    if?: string;
    needs?: string | string[];
    environment?: string | { name: string };
    permissions?: Record<string, string>;
    strategy?: { matrix?: { include?: Array<Record<string, string>> } & Record<string, unknown> };
    env?: Record<string, string>;
    steps: Step[];
}
interface Workflow {
    on: Record<string, unknown>;
    env?: Record<string, string>;
    permissions?: Record<string, string>;
    jobs: Record<string, Job>;
}

const files = fs.readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f)).sort();
const workflows: Record<string, Workflow> = Object.fromEntries(files.map((f) => [f, parse(fs.readFileSync(path.join(WORKFLOWS, f), "utf8"))]));
const texts: Record<string, string> = Object.fromEntries(files.map((f) => [f, fs.readFileSync(path.join(WORKFLOWS, f), "utf8")]));

/**
 * The inputs of each action the workflows use, from each action's own action.yml at the tag of its current major
 * (checkout v7, setup-node v7, configure-aws-credentials v6, codeql-action v4 upload-sarif/action.yml, pulumi/actions
 * v7; all run on node24).
 * A misspelled input is silently ignored by GitHub, so it is caught here.
 */
const ACTION_INPUTS: Record<string, string[]> = {
    "actions/checkout@v7": ["repository", "ref", "token", "ssh-key", "ssh-known-hosts", "ssh-strict", "ssh-user", "persist-credentials", "path", "clean", "filter", "sparse-checkout", "sparse-checkout-cone-mode", "fetch-depth", "fetch-tags", "show-progress", "lfs", "submodules", "set-safe-directory", "github-server-url", "allow-unsafe-pr-checkout"],
    "actions/setup-node@v7": ["node-version", "node-version-file", "architecture", "check-latest", "registry-url", "scope", "token", "cache", "package-manager-cache", "cache-dependency-path", "mirror", "mirror-token"],
    "aws-actions/configure-aws-credentials@v6": ["aws-region", "aws-profile", "overwrite-aws-profile", "role-to-assume", "aws-access-key-id", "aws-secret-access-key", "aws-session-token", "web-identity-token-file", "role-chaining", "audience", "http-proxy", "no-proxy", "mask-aws-account-id", "role-duration-seconds", "role-external-id", "role-session-name", "role-skip-session-tagging", "transitive-tag-keys", "inline-session-policy", "managed-session-policies", "output-credentials", "output-env-credentials", "unset-current-credentials", "disable-retry", "retry-max-attempts", "special-characters-workaround", "use-existing-credentials", "allowed-account-ids", "force-skip-oidc", "action-timeout-s", "custom-tags", "sts-endpoint"],
    "github/codeql-action/upload-sarif@v4": ["sarif_file", "checkout_path", "ref", "sha", "token", "matrix", "category", "wait-for-processing"],
    "pulumi/actions@v7": ["command", "stack-name", "pulumi-version", "pulumi-version-file", "work-dir", "comment-on-pr", "comment-on-pr-number", "comment-on-summary", "github-token", "cloud-url", "secrets-provider", "parallel", "message", "config-map", "expect-no-changes", "diff", "replace", "exclude", "exclude-dependents", "target", "target-dependents", "policyPacks", "policyPackConfigs", "refresh", "upsert", "remove", "edit-pr-comment", "color", "exclude-protected", "plan", "suppress-outputs", "suppress-progress", "always-include-summary", "continue-on-error", "log-verbosity", "log-flow", "debug"],
};

/** Every combination of a job's matrix (one empty combination without a matrix). */
function matrixCombos(job: Job): Array<Record<string, string>> {
    const matrix = job.strategy?.matrix;
    if (!matrix) return [{}];
    if (matrix.include && Object.keys(matrix).length === 1) return matrix.include;
    let combos: Array<Record<string, string>> = [{}];
    for (const [k, values] of Object.entries(matrix)) {
        if (k === "include" || k === "exclude") continue;
        combos = combos.flatMap((c) => (values as string[]).map((v) => ({ ...c, [k]: String(v) })));
    }
    return combos;
}

/** Resolves `${{ matrix.x }}` and `${{ env.X }}` in a value; other expressions (vars, secrets) stay. */
function resolve(value: unknown, matrix: Record<string, string>, env: Record<string, string>): string {
    return String(value)
        .replace(/\$\{\{\s*matrix\.(\w+)\s*\}\}/g, (_, k) => matrix[k] ?? `<no matrix.${k}>`)
        .replace(/\$\{\{\s*env\.(\w+)\s*\}\}/g, (_, k) => (env[k] !== undefined ? resolve(env[k], matrix, env) : `<no env.${k}>`));
}

function* steps(): Generator<{ file: string; jobId: string; job: Job; step: Step; index: number; matrix: Record<string, string>; env: Record<string, string> }> {
    for (const [file, wf] of Object.entries(workflows)) {
        for (const [jobId, job] of Object.entries(wf.jobs)) {
            for (const matrix of matrixCombos(job)) {
                for (const [index, step] of job.steps.entries()) {
                    yield { file, jobId, job, step, index, matrix, env: { ...(wf.env ?? {}), ...(job.env ?? {}), ...(step.env ?? {}) } };
                }
            }
        }
    }
}

/** Shell words of a one-line `run`, with `"$VAR"` taken from the step's env. */
function words(run: string, env: Record<string, string>, matrix: Record<string, string>): string[] {
    return (run.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((w) => w.replace(/^["']|["']$/g, "")).map((w) => w.replace(/^\$(\w+)$/, (m, k) => (env[k] !== undefined ? resolve(env[k], matrix, env) : m)));
}

/** An `npm run preview|up|pulumi -- ...` in a step: the CLI argv the wrapper is given, and the stack it names. */
function pulumiCall(run: string, env: Record<string, string>, matrix: Record<string, string>): { argv: string[]; stack: string } | undefined {
    const m = /npm run (preview|up|pulumi) -- ([^\n]*)/.exec(run);
    if (!m) return undefined;
    const rest = words(m[2], env, matrix).map((w) => resolve(w, matrix, env));
    const argv = m[1] === "pulumi" ? rest : [m[1], ...rest];
    const i = argv.indexOf("--stack");
    assert.ok(i >= 0, `every deploy names its stack: ${run}`);
    return { argv, stack: argv[i + 1] };
}

interface WorkflowParser {
    parseWorkflow(file: { name: string; content: string }, trace: { info(m: string): void; verbose(m: string): void; error(m: string): void }): {
        context: { errors: { getErrors(): Array<{ message: string }> } };
        value: unknown;
    };
    convertWorkflowTemplate(context: unknown, value: unknown): Promise<{ errors?: Array<{ Message: string }>; jobs?: unknown[] }>;
}

let parser: Promise<WorkflowParser> | undefined;
/**
 * @actions/workflow-parser ships ECMAScript modules only and imports its schema JSON without an import
 * attribute (it is meant for bundlers); a resolve hook adds `type: "json"` for that one package, and the
 * module is loaded with a real dynamic import (TypeScript would turn `import()` into `require()`).
 */
function workflowParser(): Promise<WorkflowParser> {
    if (!parser) {
        const hook = `export async function resolve(specifier, context, next) {
            const resolved = await next(specifier, context);
            return resolved.url.includes("/@actions/workflow-parser/") && resolved.url.endsWith(".json")
                ? { ...resolved, importAttributes: { ...context.importAttributes, type: "json" } }
                : resolved;
        }`;
        register(`data:text/javascript,${encodeURIComponent(hook)}`);
        const dynamicImport = new Function("specifier", "return import(specifier)") as (s: string) => Promise<WorkflowParser>;
        parser = dynamicImport(pathToFileURL(path.join(ROOT, "node_modules", "@actions", "workflow-parser", "dist", "index.js")).href);
    }
    return parser;
}

async function schemaErrors(name: string, content: string): Promise<string[]> {
    const p = await workflowParser();
    const silent = { info() {}, verbose() {}, error() {} };
    const result = p.parseWorkflow({ name, content }, silent);
    const errors = result.context.errors.getErrors().map((e) => e.message);
    if (errors.length === 0 && result.value) {
        const template = await p.convertWorkflowTemplate(result.context, result.value);
        errors.push(...(template.errors ?? []).map((e) => e.Message));
    }
    return errors;
}

describe("workflows for the template's users", () => {
    it("has the pull-request, deploy and drift workflows", () => {
        assert.deepEqual(files, ["deploy.yml", "drift.yml", "readiness.yml"]);
    });

    it("each is valid for GitHub's own workflow parser and schema", async () => {
        for (const file of files) assert.deepEqual(await schemaErrors(file, texts[file]), [], file);
    });

    it("the parser catches a misspelled key and an unknown expression (the check is not vacuous)", async () => {
        const broken = texts["readiness.yml"].replace("timeout-minutes: 15", "timeout-minuets: 15").replace("${{ secrets.PULUMI_ACCESS_TOKEN }}", "${{ secret.PULUMI_ACCESS_TOKEN }}");
        const errors = await schemaErrors("broken.yml", broken);
        assert.ok(errors.some((e) => e.includes("timeout-minuets")), errors.join("\n"));
        assert.ok(errors.some((e) => e.includes("secret")), errors.join("\n"));
    });

    it("calls only known actions, pinned to a major version, with inputs they have", () => {
        for (const { file, jobId, step } of steps()) {
            if (!step.uses) continue;
            const inputs = ACTION_INPUTS[step.uses];
            assert.ok(inputs, `${file} ${jobId}: ${step.uses} is not one of the vetted actions`);
            for (const input of Object.keys(step.with ?? {})) assert.ok(inputs.includes(input), `${file} ${jobId}: ${step.uses} has no input "${input}"`);
        }
    });

    it("triggers: previews on pull requests, deploys on pushes to main, drift on a schedule", () => {
        assert.ok("pull_request" in workflows["readiness.yml"].on);
        assert.deepEqual(workflows["deploy.yml"].on, { push: { branches: ["main"] } });
        assert.ok("schedule" in workflows["drift.yml"].on);
        const prod = workflows["deploy.yml"].jobs.prod;
        assert.equal(prod.environment, "production", "prod deploys wait for the production environment's reviewers");
        assert.equal(prod.needs, "dev", "prod deploys after dev");
    });

    it("runs the offline check as SARIF for code scanning and as Markdown into the job summary", () => {
        const runs = [...steps()].filter((s) => s.file === "readiness.yml").map((s) => s.step);
        assert.ok(runs.some((s) => s.run === "npm ci"));
        assert.ok(runs.some((s) => s.run?.includes("npm run check -- --format sarif --out readiness.sarif")));
        assert.ok(runs.some((s) => s.run?.includes("--format markdown") && s.run.includes('--out "$GITHUB_STEP_SUMMARY"')));
        const upload = runs.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"));
        assert.equal(upload?.with?.sarif_file, "readiness.sarif");
    });

    it("compares the pull request with the base branch's report, so a stateful replacement is a finding before any preview", () => {
        const job = workflows["readiness.yml"].jobs["offline-check"];
        const stepsOf = job.steps as Array<Step & { "working-directory"?: string }>;
        const checkout = stepsOf.findIndex((s) => s.uses?.startsWith("actions/checkout@") && s.with?.ref === "${{ github.event.pull_request.base.sha }}");
        assert.ok(checkout >= 0, "the base branch is checked out");
        const dir = String(stepsOf[checkout].with?.path);
        const report = stepsOf.findIndex((s) => s["working-directory"] === dir && /npm ci/.test(s.run ?? "") && /npm run check -- --format json --out/.test(s.run ?? ""));
        assert.ok(report > checkout, "the base branch's own check writes its JSON report");
        const out = parseArgs(words(/npm run check -- (.*)/.exec(stepsOf[report].run!)![1], {}, {})).out;
        for (const format of ["sarif", "markdown"]) {
            const i = stepsOf.findIndex((s) => s.run?.includes(`npm run check -- --format ${format}`));
            assert.ok(i > report, `the ${format} check runs after the base report`);
            const args = parseArgs(words(/npm run check -- (.*)/.exec(stepsOf[i].run!)![1], {}, {}));
            assert.equal(args.baseline, out, `the ${format} check compares with the base report`);
        }
        // A base branch whose check cannot run (exit 2) still gives a baseline: everything compared as new.
        assert.match(stepsOf[report].run!, /status=\$\?[\s\S]*if \[ "\$status" -gt 1 \]; then[\s\S]*'\{"stacks": \[\]\}' > "\$RUNNER_TEMP\/base-report\.json"/);
    });

    it("every npm script exists and every check invocation parses with the check's own argument parser", () => {
        const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts as Record<string, string>;
        let checks = 0;
        for (const { file, jobId, step } of steps()) {
            for (const m of step.run?.matchAll(/npm run (?:--silent )?([\w:-]+)(?: -- ([^\n]*))?/g) ?? []) {
                assert.ok(scripts[m[1]], `${file} ${jobId}: npm run ${m[1]} is not a script of package.json`);
                if (m[1] !== "check") continue;
                checks++;
                const args = parseArgs(words(m[2] ?? "", {}, {}));
                assert.ok(args.format in FORMATS, `${file} ${jobId}: --format ${args.format}`);
            }
            for (const m of step.run?.matchAll(/npm (\w+)/g) ?? []) assert.ok(["ci", "run", "test"].includes(m[1]), `${file} ${jobId}: npm ${m[1]}`);
        }
        assert.ok(checks >= 3);
    });

    it("every preview, up and policy analysis goes through the wrapper that attaches the pack (never the bare CLI or the action's own command)", () => {
        let runs = 0;
        for (const { file, jobId, step, matrix, env } of steps()) {
            if (step.uses?.startsWith("pulumi/actions")) assert.equal(step.with?.command, undefined, `${file} ${jobId}: pulumi/actions only installs the CLI; npm run preview/up attach the pack`);
            if (!step.run) continue;
            assert.doesNotMatch(step.run, /(^|[;&|]\s*)pulumi\s/m, `${file} ${jobId}: the bare CLI would run without the pack: ${step.run}`);
            const call = pulumiCall(step.run, env, matrix);
            if (!call) continue;
            runs++;
            // GitHub's default shell has no pipefail: a piped preview would hide the CLI's exit code.
            if (/\|/.test(step.run)) assert.equal(step.shell, "bash", `${file} ${jobId}: a piped deploy command needs shell: bash (pipefail)`);
            assert.match(call.stack, /^\$\{\{ vars\.PULUMI_ORG \}\}\/(dev|prod|shared)$/, `${file} ${jobId}: stack ${call.stack}`);
            assert.equal(call.stack.split("/").pop(), matrix.stack ?? call.stack.split("/").pop(), `${file} ${jobId}: the matrix's stack`);
        }
        assert.equal(runs, 2 + 6 + 2 * 2, "previews of dev and prod, preview and up of shared, dev and prod, and the drift job's two checks per stack");
        const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts as Record<string, string>;
        assert.equal(scripts.preview, "node scripts/pulumi.js preview");
        assert.equal(scripts.up, "node scripts/pulumi.js up");
        assert.equal(scripts.pulumi, "node scripts/pulumi.js");
        assert.ok(fs.existsSync(path.join(ROOT, "policies", "PulumiPolicy.yaml")));
    });

    it("a scheduled job runs pulumi policy analyze (CLI 3.229+) against each deployed stack", () => {
        const drift = workflows["drift.yml"].jobs.drift;
        assert.deepEqual(matrixCombos(drift).map((m) => m.stack), ["dev", "prod"]);
        const calls = drift.steps.map((s) => (s.run ? pulumiCall(s.run, drift.env ?? {}, {}) : undefined)).filter((c) => c !== undefined);
        assert.deepEqual(calls.map((c) => c.argv[0] === "policy" ? c.argv.slice(0, 2).join(" ") : c.argv[0]), ["preview", "policy analyze"]);
        const preview = calls[0].argv;
        assert.ok(preview.includes("--refresh") && preview.includes("--expect-no-changes"), preview.join(" "));
        const versions = [...steps()].filter((s) => s.step.uses?.startsWith("pulumi/actions")).map((s) => s.step.with?.["pulumi-version"]);
        assert.ok(versions.length > 0 && versions.every((v) => v === "^3.229.0"), "policy analyze needs 3.229 or later");
    });

    it("uses OIDC for AWS (no static keys) and only the Pulumi and Vercel tokens as secrets", () => {
        for (const file of files) {
            assert.doesNotMatch(texts[file], /aws-access-key-id|aws-secret-access-key|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY/, file);
            const secrets = new Set([...texts[file].matchAll(/secrets\.(\w+)/g)].map((m) => m[1]));
            for (const s of secrets) assert.ok(["PULUMI_ACCESS_TOKEN", "VERCEL_API_TOKEN"].includes(s), `${file}: secret ${s}`);
        }
        for (const [file, wf] of Object.entries(workflows)) {
            for (const [jobId, job] of Object.entries(wf.jobs)) {
                const aws = job.steps.findIndex((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials"));
                const pulumi = job.steps.findIndex((s) => s.run !== undefined && pulumiCall(s.run, {}, {}) !== undefined);
                if (pulumi < 0) continue;
                assert.ok(aws >= 0 && aws < pulumi, `${file} ${jobId}: AWS credentials before pulumi`);
                assert.equal(job.permissions?.["id-token"], "write", `${file} ${jobId}: OIDC needs id-token: write`);
                assert.ok(job.steps[aws].with?.["role-to-assume"], `${file} ${jobId}: role-to-assume`);
                const env = { ...(wf.env ?? {}), ...(job.env ?? {}) };
                assert.equal(env.PULUMI_ACCESS_TOKEN, "${{ secrets.PULUMI_ACCESS_TOKEN }}", `${file} ${jobId}`);
                assert.equal(env.VERCEL_API_TOKEN, "${{ secrets.VERCEL_API_TOKEN }}", `${file} ${jobId}`);
            }
        }
    });

    it("each matrix role names a repository variable, and prod previews never use the deploy role", () => {
        for (const [file, wf] of Object.entries(workflows)) {
            for (const [jobId, job] of Object.entries(wf.jobs)) {
                for (const m of matrixCombos(job)) {
                    if (!m.role) continue;
                    assert.match(m.role, /^AWS_ROLE_ARN_[A-Z_]+$/, `${file} ${jobId}`);
                    if (m.stack === "prod") assert.equal(m.role, "AWS_ROLE_ARN_PROD_READONLY", `${file} ${jobId}`);
                }
            }
        }
        const prodDeploy = workflows["deploy.yml"].jobs.prod.steps.find((s) => s.uses?.startsWith("aws-actions/"));
        assert.equal(prodDeploy?.with?.["role-to-assume"], "${{ vars.AWS_ROLE_ARN_PROD }}");
    });

    it("after each environment's up, the same job deploys the app to that stack (Vercel applies env vars only to new deployments)", () => {
        const deployApp = require(path.join(ROOT, "scripts", "deploy-app.js")) as { parseArgs(argv: string[]): { stack: string; ref: string } };
        const jobs = workflows["deploy.yml"].jobs;
        const deployed: string[] = [];
        for (const [jobId, job] of Object.entries(jobs)) {
            const env = { ...(workflows["deploy.yml"].env ?? {}), ...(job.env ?? {}) };
            const ups = job.steps.map((s, i) => ({ i, call: s.run ? pulumiCall(s.run, env, {}) : undefined })).filter((x) => x.call?.argv[0] === "up");
            const apps = job.steps.map((s, i) => ({ i, m: /npm run deploy-app -- (.*)/.exec(s.run ?? "") })).filter((x) => x.m);
            for (const { i, m } of apps) {
                const args = deployApp.parseArgs(words(m![1], env, {}));
                const up = ups.find((u) => u.call!.stack === args.stack);
                assert.ok(up && up.i < i, `deploy.yml ${jobId}: the app of ${args.stack} is deployed after that stack's up`);
                assert.equal(args.ref, "${{ vars.APP_GIT_REF || 'main' }}", `deploy.yml ${jobId}: the app's ref is a repository variable`);
                assert.equal(env.VERCEL_API_TOKEN, "${{ secrets.VERCEL_API_TOKEN }}", "the script reads the Vercel token the provider reads");
                deployed.push(args.stack.split("/").pop()!);
            }
        }
        assert.deepEqual(deployed, ["dev", "prod"], "every environment's job deploys its app; the shared stack serves none");
        const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts as Record<string, string>;
        assert.equal(scripts["deploy-app"], "node scripts/deploy-app.js");
    });

    it("every deploy is preceded by a preview of the same stack in the same job", () => {
        let ups = 0;
        for (const [file, wf] of Object.entries(workflows)) {
            for (const [jobId, job] of Object.entries(wf.jobs)) {
                const calls = job.steps.map((s) => (s.run ? pulumiCall(s.run, {}, {}) : undefined));
                calls.forEach((c, i) => {
                    if (c?.argv[0] !== "up") return;
                    ups++;
                    assert.ok(calls.slice(0, i).some((p) => p?.argv[0] === "preview" && p.stack === c.stack), `${file} ${jobId}: up of ${c.stack} without a preview first`);
                    assert.ok(!c.argv.includes("--skip-preview"), `${file} ${jobId}: up keeps its own preview, the last net for stack rules`);
                });
            }
        }
        assert.equal(ups, 3);
    });

});
