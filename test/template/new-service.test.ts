/**
 * A service made from the template the way a newcomer makes one: `pulumi new` (reproduced in ./pulumi-new.ts)
 * with some prompts left empty, the copy's own `npm ci` and `npm run check` (which checks dev and skips the
 * worked example's prod and shared stacks that pulumi new copied), then the documented steps of
 * docs/getting-started.md (scripts/new-stack.sh normalize, then create prod and shared, which replace those
 * copies), then the copy's own `npm run check` and `npm test`, which must pass as they are: nothing deleted by
 * hand, nothing edited. In the template repository the copy's `npm test` is the one run of every test
 * outside test/template/ (test/selection.ts), so its summary is asserted in full.
 *
 * The Pulumi CLI cannot run here, so scripts/new-stack.sh runs against a stand-in `pulumi` that implements the
 * few commands it uses with the CLI's own rules (pulumi/pulumi sdk/go/common/resource/config/map.go: `--path`
 * turns "true"/"false" into booleans and integers into numbers unless `--type` says otherwise; `--type`
 * excludes `--secret` and `--plaintext`; a value not on the command line is read from stdin).
 */
import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { parse } from "yaml";
import { defaultLayout } from "../../readiness/layout";
import { compiledTests, testFiles } from "../selection";
import { FAKE_CIPHER, fakePulumi, PROJECT_PLACEHOLDER, pulumiNew, readProjectFile } from "./pulumi-new";

const ROOT = defaultLayout().root;
/** The template's test files outside test/template/, relative to the root: what a service runs. */
const serviceTestFiles = compiledTests().service;
const NEW_SERVICE = "orbit-notes";
/** What the newcomer types; service:alerts and the prompts with a default are left empty. */
const ANSWERS: Record<string, string> = {
    "service:name": NEW_SERVICE,
    "service:owner": "notes-team",
    "service:vercel": JSON.stringify({ teamId: "team_orbit42", domain: "notes.orbit.example" }),
    "service:apiKeys": JSON.stringify({ OPENAI_API_KEY: "sk-test-orbit-dev-0000" }),
};
const EXAMPLE_VALUES = ["acme-chat", "platform-team", "team_acme", "acme.example"];

interface Run {
    status: number | null;
    output: string;
    ms: number;
}

/** Runs a command in the new project without blocking this process (other test files keep running). */
function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, input = ""): Promise<Run> {
    const start = Date.now();
    return new Promise((resolve) => {
        const child = spawn(cmd, args, { cwd, env });
        let output = "";
        child.stdout.on("data", (d) => (output += d));
        child.stderr.on("data", (d) => (output += d));
        child.on("close", (status) => resolve({ status, output, ms: Date.now() - start }));
        // A command that refuses before it reads its input (new-stack.sh refusing a --secret) closes its stdin:
        // the write then fails with EPIPE, which is the command's answer, not this test's error.
        child.stdin.on("error", (e: NodeJS.ErrnoException) => {
            if (e.code !== "EPIPE") throw e;
        });
        child.stdin.end(input);
    });
}

/** npm as this test runs under it (`npm test` sets npm_execpath), on this Node. */
function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
    const cli = process.env.npm_execpath;
    return cli && /\.c?js$/.test(cli) ? run(process.execPath, [cli, ...args], cwd, env) : run("npm", args, cwd, env);
}

describe("a service made from the template", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "new-service-"));
    const project = path.join(tmp, NEW_SERVICE);
    const callLog = path.join(tmp, "pulumi-calls.jsonl");
    const sentryDsn = "https://0123456789abcdef@o42.ingest.sentry.io/4242";
    const upstashKey = "upstash-key-0f1e2d3c4b5a";
    const steps: Record<"install" | "readme" | "firstCheck" | "normalize" | "refused" | "create" | "createShared" | "check" | "test", Run | undefined> = {
        install: undefined,
        readme: undefined,
        firstCheck: undefined,
        normalize: undefined,
        refused: undefined,
        create: undefined,
        createShared: undefined,
        check: undefined,
        test: undefined,
    };
    const firstReport = path.join(tmp, "first-check.json");
    let copiedExamples: string[] = [];
    let sharedWithSecret: Run | undefined;

    before(async () => {
        pulumiNew(ROOT, project, { project: NEW_SERVICE, description: "Shared notes for the orbit team", stack: "dev", answers: ANSWERS });
        copiedExamples = ["prod", "shared"].filter((s) => fs.existsSync(path.join(project, `Pulumi.${s}.yaml`)));

        const bin = path.join(tmp, "bin");
        fs.mkdirSync(bin);
        fs.writeFileSync(path.join(bin, "pulumi"), fakePulumi(require.resolve("yaml"), callLog, FAKE_CIPHER), { mode: 0o755 });
        // The stand-in `pulumi` first, then the Node running this test; the copy's npm scripts find both.
        const env: NodeJS.ProcessEnv = { ...process.env, PATH: [bin, path.dirname(process.execPath), process.env.PATH].join(path.delimiter) };
        for (const k of Object.keys(env)) if (k.startsWith("npm_") && k !== "npm_execpath") delete env[k];
        // Set by node's test runner in its children; a nested `node --test` that sees it runs no file at all.
        delete env.NODE_TEST_CONTEXT;

        // `pulumi new` ends with the install. The copy's own `npm ci` plans it from the copy's package.json and
        // lockfile (refusing if they disagree, e.g. after the name substitution); the tree it would write is this
        // checkout's, installed from the same lockfile, so it is linked instead of written again: a real install
        // took 23 s and deleting it 66 s more on a busy 2-core machine, against under a second for the plan.
        steps.install = await npm(["ci", "--dry-run", "--prefer-offline", "--no-audit", "--no-fund"], project, env);
        if (steps.install.status !== 0) return;
        fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(project, "node_modules"), "dir");
        // What the real install runs last: the root package's postinstall (the service's own README).
        steps.readme = await npm(["run", "postinstall"], project, env);

        // Right after pulumi new: the check runs on the service's dev stack alone.
        steps.firstCheck = await npm(["run", "--silent", "check", "--", "--format", "json", "--out", firstReport], project, env);

        // docs/getting-started.md, step 2: normalize the JSON answers, create prod with its own secrets provider.
        const script = (args: string[], input = "") => run("bash", ["scripts/new-stack.sh", ...args], project, env, input);
        steps.normalize = await script(["normalize", "orbit/dev"]);
        // A prod stack without the settings prod requires (aws.accountId, alerts.emails): the check refuses it,
        // so create must not end with it.
        steps.refused = await script(
            ["create", "--from", "orbit/dev", "--to", "orbit/prod-eu", "--environment", "prod", "--secrets-provider", "awskms://alias/orbit-notes-prod-pulumi?region=eu-west-1", "--secret", "SENTRY_DSN"],
            `${sentryDsn}\n`,
        );
        steps.create = await script(
            [
                "create", "--from", "orbit/dev", "--to", "orbit/prod", "--environment", "prod",
                "--secrets-provider", "awskms://alias/orbit-notes-prod-pulumi?region=us-east-1",
                "--set", "aws.accountId=012345678901",
                "--set", "alerts.emails[0]=oncall@orbit.example",
                "--set-json", "database.appConnectionShare=0.5",
                "--secret", "SENTRY_DSN", "--secret", "upstash:apiKey",
            ],
            `${sentryDsn}\n${upstashKey}\n`,
        );
        // docs/getting-started.md, step 5: the shared stack, in the AWS account of dev and prod.
        steps.createShared = await script([
            "create", "--from", "orbit/dev", "--to", "orbit/shared", "--environment", "shared",
            "--secrets-provider", "awskms://alias/orbit-notes-shared-pulumi?region=us-east-1",
            "--set", "aws.accountId=012345678901",
        ]);
        sharedWithSecret = await script(
            ["create", "--from", "orbit/dev", "--to", "orbit/shared-2", "--environment", "shared", "--secrets-provider", "awskms://alias/x?region=us-east-1", "--secret", "upstash:apiKey"],
            "some-key\n",
        );
        if (steps.normalize.status !== 0 || steps.create.status !== 0 || steps.createShared.status !== 0) return;

        steps.check = await npm(["run", "--silent", "check", "--", "--format", "json"], project, env);
        steps.test = await npm(["test"], project, env);
    });

    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    const passed = (step: keyof typeof steps) => {
        const r = steps[step];
        assert.ok(r, `${step} did not run (see the failures above)`);
        assert.equal(r.status, 0, `${step} failed after ${r.ms} ms:\n${r.output.slice(-6000)}`);
        return r;
    };

    it("has its own name and identity and no template section; the copied example stacks are the template's", () => {
        const projectFile = readProjectFile(project);
        assert.equal(projectFile.name, NEW_SERVICE);
        assert.equal(projectFile.template, undefined);
        assert.deepEqual(projectFile.runtime, { name: "nodejs", options: { packagemanager: "npm" } });
        assert.equal(JSON.parse(fs.readFileSync(path.join(project, "package.json"), "utf8")).name, NEW_SERVICE);
        // pulumi new copies every committed file: the worked example's prod and shared stacks come along.
        assert.deepEqual(copiedExamples, ["prod", "shared"]);
        const dev = fs.readFileSync(path.join(project, "Pulumi.dev.yaml"), "utf8");
        assert.ok(!dev.includes(PROJECT_PLACEHOLDER));
        for (const v of EXAMPLE_VALUES) assert.ok(!dev.includes(v), `the dev stack keeps the template's example value ${v}`);
        assert.equal(parse(dev).config["service:name"], NEW_SERVICE);
    });

    it("right after pulumi new, npm run check checks dev and skips the copied examples, naming the step that replaces them", () => {
        const r = passed("firstCheck");
        // One stack checked: the document is that stack's report.
        const doc = JSON.parse(fs.readFileSync(firstReport, "utf8")) as { stack: string; summary: { mandatory: number; providerErrors: number } };
        assert.equal(doc.stack, "dev");
        assert.equal(doc.summary.mandatory, 0);
        assert.equal(doc.summary.providerErrors, 0);
        for (const file of ["Pulumi.prod.yaml", "Pulumi.shared.yaml"]) {
            assert.match(r.output, new RegExp(`skipped ${file.replace(".", "\\.")}: it is the template's worked example`));
        }
        assert.match(r.output, /scripts\/new-stack\.sh create/);
    });

    it("gets a README of its own on pulumi new: its name and description, not the template's front door", () => {
        passed("readme");
        const readme = fs.readFileSync(path.join(project, "README.md"), "utf8");
        assert.equal(readme.split("\n")[0], `# ${NEW_SERVICE}`);
        assert.ok(readme.includes("Shared notes for the orbit team"), "the description pulumi new was given");
        assert.ok(!readme.includes("Service template:"), "not the template's README");
        assert.ok(!fs.existsSync(path.join(project, ".template")), "the service keeps no template leftovers");
        assert.equal(JSON.parse(fs.readFileSync(path.join(project, "package.json"), "utf8")).description, "Shared notes for the orbit team");
        // Every page the README links to is there.
        for (const [, link] of readme.matchAll(/\]\(([^)#]+)\)/g)) assert.ok(fs.existsSync(path.join(project, link)), link);
        // The template's own README is left alone where the template is checked out.
        assert.match(fs.readFileSync(path.join(ROOT, "README.md"), "utf8").split("\n")[0], /^# Service template/);
    });

    it("the copy's own npm ci accepts its package.json and lockfile", () => {
        passed("install");
    });

    it("scripts/new-stack.sh normalizes the JSON answers and creates prod and shared in place of the copied examples", () => {
        passed("normalize");
        for (const step of ["create", "createShared"] as const) assert.match(passed(step).output, /is the template's worked example; replacing it/);
        const shared = parse(fs.readFileSync(path.join(project, "Pulumi.shared.yaml"), "utf8"));
        assert.equal(shared.config["service:environment"], "shared");
        assert.equal(shared.config["service:name"], NEW_SERVICE);
        const dev = parse(fs.readFileSync(path.join(project, "Pulumi.dev.yaml"), "utf8")).config;
        assert.deepEqual(dev["service:aws"], { region: "us-east-1" }, "a JSON answer becomes a YAML object");
        assert.deepEqual(Object.keys(dev["service:apiKeys"]), ["OPENAI_API_KEY"]);
        assert.ok(typeof dev["service:apiKeys"].OPENAI_API_KEY.secure === "string", "a secret answer stays secret, leaf by leaf");
    });

    it("scripts/new-stack.sh create refuses to end with a stack the check refuses, and removes it again", () => {
        const r = steps.refused;
        assert.ok(r, "the refused create did not run");
        assert.equal(r.status, 2, r.output);
        assert.match(r.output, /aws\.accountId/, "the check names the missing key");
        assert.match(r.output, /the check refuses orbit\/prod-eu \(exit 2/);
        assert.doesNotMatch(r.output, /^Created /m);
        assert.ok(!fs.existsSync(path.join(project, "Pulumi.prod-eu.yaml")), "no stack file left behind");
        const calls = fs.readFileSync(callLog, "utf8").trim().split("\n").map((l) => (JSON.parse(l) as string[]).join(" "));
        assert.ok(calls.includes("stack rm --yes orbit/prod-eu"), calls.join("\n"));
    });

    it("scripts/new-stack.sh create copies to the shared stack only what it reads, and asks it for no secret", () => {
        const shared = parse(fs.readFileSync(path.join(project, "Pulumi.shared.yaml"), "utf8")).config;
        // What the shared stack's program reads (scripts/new-stack.sh): nothing of dev's app, data tier, Sentry or keys.
        const reads = ["service:aws", "service:cost", "service:environment", "service:name", "service:owner", "service:reachability", "service:storage", "service:vercel"];
        for (const key of Object.keys(shared)) assert.ok(reads.includes(key), `${key} copied into the shared stack`);
        const dev = parse(fs.readFileSync(path.join(project, "Pulumi.dev.yaml"), "utf8")).config;
        assert.ok(Object.keys(dev).some((k) => !reads.includes(k)), "dev holds settings the shared stack does not read (else this proves nothing)");
        assert.match(passed("createShared").output, /not copying service:apiKeys: the target environment does not read it/);
        assert.ok(sharedWithSecret, "the shared create with a secret did not run");
        assert.equal(sharedWithSecret.status, 2);
        assert.match(sharedWithSecret.output, /--secret upstash:apiKey: the shared stack reads no secret/);
        assert.ok(!fs.existsSync(path.join(project, "Pulumi.shared-2.yaml")));
    });

    it("the prod stack has its own secrets provider and copies no secret, key or ciphertext from dev", () => {
        passed("create");
        const prodText = fs.readFileSync(path.join(project, "Pulumi.prod.yaml"), "utf8");
        const devText = fs.readFileSync(path.join(project, "Pulumi.dev.yaml"), "utf8");
        const prod = parse(prodText);
        assert.equal(prod.secretsprovider, "awskms://alias/orbit-notes-prod-pulumi?region=us-east-1");
        const c = prod.config;
        assert.equal(c["service:environment"], "prod");
        assert.equal(c["service:name"], NEW_SERVICE);
        assert.equal(c["service:owner"], "notes-team");
        assert.deepEqual(c["service:aws"], { region: "us-east-1", accountId: "012345678901" }, "the account id stays a string");
        assert.deepEqual(c["service:vercel"], { teamId: "team_orbit42", domain: "notes.orbit.example" });
        assert.deepEqual(c["service:alerts"], { emails: ["oncall@orbit.example"] });
        assert.equal(c["service:database"].appConnectionShare, 0.5);
        assert.deepEqual(Object.keys(c["service:apiKeys"]), ["SENTRY_DSN"], "dev's OPENAI_API_KEY is not copied");
        assert.ok(c["service:apiKeys"].SENTRY_DSN.secure && c["upstash:apiKey"].secure, "secrets set encrypted");
        for (const plain of [sentryDsn, upstashKey, "sk-test-orbit-dev-0000"]) assert.ok(!prodText.includes(plain), "no plain secret in the stack file");
        for (const cipher of devText.match(/v1:fake:[A-Za-z0-9+/=]+/g) ?? []) assert.ok(!prodText.includes(cipher), "no dev ciphertext in prod");
        const calls = fs.readFileSync(callLog, "utf8").trim().split("\n").map((l) => JSON.parse(l) as string[]);
        for (const call of calls) {
            for (const plain of [sentryDsn, upstashKey, "sk-test-orbit-dev-0000"]) assert.ok(!call.includes(plain), `a secret reached pulumi's argv: ${call.join(" ")}`);
            assert.ok(!call.includes("cp") && !call.includes("--copy-config-from"), "config is never copied wholesale (that would carry secrets)");
        }
        assert.ok(calls.some((c) => c.join(" ").startsWith("stack init orbit/prod --secrets-provider awskms://")));
    });

    it("npm run check: every stack READY, every name its own", () => {
        const doc = JSON.parse(passed("check").output) as { stacks: Array<{ stack: string; project: string; resources: Array<{ name: string }>; summary: { mandatory: number } }> };
        assert.deepEqual(doc.stacks.map((s) => s.stack), ["dev", "prod", "shared"]);
        for (const s of doc.stacks) {
            assert.equal(s.project, NEW_SERVICE);
            assert.equal(s.summary.mandatory, 0, s.stack);
            assert.ok(s.resources.length > (s.stack === "shared" ? 3 : 10), `${s.stack}: the program registered its resources`);
            for (const r of s.resources) for (const v of EXAMPLE_VALUES) assert.ok(!r.name.includes(v), `${s.stack}: ${r.name}`);
        }
    });

    it("npm test: the copy's own suite runs every test outside test/template/, and all of them pass", (t) => {
        t.diagnostic(Object.entries(steps).map(([k, r]) => `${k} ${r?.ms ?? "-"} ms`).join(", "));
        const r = steps.test;
        assert.ok(r, "test did not run (see the failures above)");
        const out = r.output;
        // A failure inside the copy is a failure of one of the service's tests: show it whole, not a tail.
        const failing = out.indexOf("✖ failing tests:");
        assert.equal(r.status, 0, `the copy's npm test failed after ${r.ms} ms:\n${failing >= 0 ? out.slice(failing) : out.slice(-6000)}`);
        const summary = Object.fromEntries([...out.matchAll(/^ℹ (tests|pass|fail|cancelled|skipped|todo) (\d+)$/gm)].map((m) => [m[1], Number(m[2])]));
        t.diagnostic(`the copy's suite: ${summary.pass} of ${summary.tests} tests passed`);
        // Under the template's own npm test the copy's content is the template's, so this says "passed before":
        // the type-check ran once (scripts/test.js), not once here and once in the copy.
        t.diagnostic(`the copy's ${/^type-check: .*$/m.exec(out)?.[0] ?? "type-check: (no line)"}`);
        assert.ok(summary.tests > 0 && summary.pass === summary.tests, `every test passes: ${JSON.stringify(summary)}`);
        for (const k of ["fail", "cancelled", "skipped", "todo"]) assert.equal(summary[k], 0, k);
        // This is the one run of the service's tests in the template repository (test/selection.ts): the copy
        // must select exactly the template's test files outside test/template/, no more, no fewer.
        const ownFiles = testFiles(project, path.join(project, "dist"));
        assert.deepEqual(ownFiles, serviceTestFiles, "the copy runs every service test file and no template test");
        assert.doesNotMatch(out, /template prompts|a service made from the template/, "template-only tests do not run in a service");
        for (const stack of ["dev", "prod", "shared"]) assert.match(out, new RegExp(`✔ ${stack} passes the offline check`), `the service's own ${stack} stack is checked`);
    });
});
