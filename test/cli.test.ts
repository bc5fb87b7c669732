import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { main, stackNameProblem } from "../readiness/cli";
import { UsageError } from "../readiness/engine/stackFiles";
import { checkVariant, EXAMPLE, EXAMPLE_PROJECT } from "./support";
import { scratchDir } from "./scratch";

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = "";
    let err = "";
    const code = await main(args, (s) => (out += s), (s) => (err += s), { layout: EXAMPLE });
    return { code, out, err };
}

function tmpFile(name: string, content: string): string {
    const file = path.join(scratchDir("cli-"), name);
    fs.writeFileSync(file, content);
    return file;
}

describe("check command", () => {
    it("prints exactly one JSON document with the contract fields and exits 0 when ready", async () => {
        const { code, out } = await cli(["--stack", "prod", "--format", "json"]);
        assert.equal(code, 0, out);
        const doc = JSON.parse(out);
        for (const key of ["stack", "environment", "resources", "violations", "summary"]) assert.ok(key in doc, key);
        assert.equal(doc.stack, "prod");
        assert.equal(doc.environment, "prod");
        for (const key of ["urn", "type", "name", "parent", "protect", "retainOnDelete", "inputs"]) assert.ok(key in doc.resources[0], key);
        for (const key of ["resources", "mandatory", "advisory"]) assert.equal(typeof doc.summary[key], "number");
        assert.equal(doc.summary.resources, doc.resources.length);
    });

    it("checks every stack file when no stack is named, as one JSON document", async () => {
        const { code, out } = await cli(["--format=json"]);
        assert.equal(code, 0, out);
        const doc = JSON.parse(out);
        assert.deepEqual(doc.stacks.map((s: { stack: string }) => s.stack), ["dev", "prod", "shared"]);
        assert.equal(doc.summary.stacks, 3);
    });

    it("shows the resource tree with --tree, violations and a one-line summary in text", async () => {
        const strict = tmpFile("strict.json", JSON.stringify({ all: "mandatory", "generated-secret-strength": { minimumLength: 100 } }));
        const { code, out } = await cli(["--stack", "dev", "--policy-config", strict, "--tree"]);
        assert.equal(code, 1);
        assert.ok(out.includes(`pulumi:pulumi:Stack  ${EXAMPLE_PROJECT}-dev\n`), out);
        assert.match(out, /\[mandatory\] generated-secret-strength {2}random:index\/randomPassword:RandomPassword/);
        assert.match(out, /fix: /);
        assert.match(out.trim().split("\n").pop()!, /^NOT READY: dev: \d+ resources, [1-9]\d* mandatory/);
    });

    it("exits 2 on usage errors and malformed policy config", async () => {
        assert.equal((await cli(["--frobnicate"])).code, 2);
        assert.equal((await cli(["--format", "yaml"])).code, 2);
        const missing = await cli(["--stack", "nosuch"]);
        assert.equal(missing.code, 2);
        assert.match(missing.err, /no stack file Pulumi\.nosuch\.yaml/);
        const typo = await cli(["--stack", "dev", "--policy-config", tmpFile("typo.json", JSON.stringify({ "generated-secrets-strength": "mandatory" }))]);
        assert.equal(typo.code, 2);
        assert.match(typo.err, /generated-secrets-strength: got "mandatory"; expected "generated-secret-strength": the pack has no such policy/);
        const badValue = await cli(["--stack", "dev", "--policy-config", tmpFile("bad.json", JSON.stringify({ "generated-secret-strength": { minimumLength: "long" } }))]);
        assert.equal(badValue.code, 2);
        assert.match(badValue.err, /minimumLength/);
        const notJson = await cli(["--stack", "dev", "--policy-config", tmpFile("broken.json", "{ all: ")]);
        assert.equal(notJson.code, 2);
    });

    it("refuses invalid stack config before the program runs, naming each key (exit 2 in the CLI)", async () => {
        await assert.rejects(checkVariant("prod", { "service:database": { backupRetentionDays: 99 } }), (e: unknown) => {
            assert.ok(e instanceof UsageError);
            assert.match(e.message, /service:database\.backupRetentionDays: got 99; expected a number at most 35/);
            return true;
        });
    });

    it("refuses missing required secrets with --strict-secrets, and notes the placeholder otherwise", async () => {
        const strict = await cli(["--stack", "prod", "--strict-secrets"]);
        assert.equal(strict.code, 2);
        assert.match(strict.err, /sentry:token/);
        const relaxed = JSON.parse((await cli(["--stack", "prod", "--format", "json"])).out);
        assert.ok(relaxed.notes.some((n: string) => n.includes("sentry:token is not set")));
    });

    it("writes the report to --out", async () => {
        const out = path.join(scratchDir("cli-out-"), "nested", "report.json");
        const r = await cli(["--stack", "dev", "--format", "json", "--out", out]);
        assert.equal(r.code, 0);
        assert.equal(r.out, "");
        assert.equal(JSON.parse(fs.readFileSync(out, "utf8")).stack, "dev");
    });

    it("puts the findings, each with its source line, before the resources, and collapses the tree unless --tree", async () => {
        const strict = tmpFile("strict.json", JSON.stringify({ all: "mandatory", "generated-secret-strength": { minimumLength: 100 } }));
        const { code, out } = await cli(["--stack", "dev", "--policy-config", strict]);
        assert.equal(code, 1);
        const lines = out.trimEnd().split("\n");
        assert.ok(!out.includes(`pulumi:pulumi:Stack  ${EXAMPLE_PROJECT}-dev\n`), "no tree without --tree");
        const finding = lines.findIndex((l) => /\[mandatory\] generated-secret-strength/.test(l));
        const resources = lines.findIndex((l) => /^Resources: \d+ \(--tree lists them\)$/.test(l));
        assert.ok(finding > 0 && resources > finding, out);
        // The line that declared the resource, as the Markdown and SARIF reports give it.
        assert.match(lines[finding + 1], /^ {6}at [\w/.-]+\.ts:\d+$/);
        const file = /at ([\w/.-]+)\.ts:(\d+)$/.exec(lines[finding + 1])!;
        assert.ok(fs.existsSync(path.join(EXAMPLE.root, `${file[1]}.ts`)), file[1]);
    });

    it("ends a run over several stacks with one line naming every stack and its verdict", async () => {
        const ready = await cli([]);
        assert.equal(ready.code, 0);
        assert.equal(ready.out.trimEnd().split("\n").pop(), "READY: dev READY, prod READY, shared READY");
        const strict = tmpFile("strict.json", JSON.stringify({ all: "mandatory", "generated-secret-strength": { minimumLength: 100 } }));
        const mixed = await cli(["--stack", "dev", "--stack", "shared", "--policy-config", strict]);
        assert.equal(mixed.code, 1);
        assert.match(mixed.out.trimEnd().split("\n").pop()!, /^NOT READY: dev NOT READY \([1-9]\d* mandatory\), shared (NOT )?READY/);
    });

    it("takes --stack as the Pulumi CLI spells it: NAME, ORG/NAME, ORG/PROJECT/NAME", async () => {
        for (const spelling of ["prod", "acme/prod", `acme/${EXAMPLE_PROJECT}/prod`, "--stack=acme/prod"]) {
            const args = spelling.startsWith("--") ? [spelling, "--format", "json"] : ["--stack", spelling, "--format", "json"];
            const { code, out } = await cli(args);
            assert.equal(code, 0, `${spelling}: ${out}`);
            assert.equal(JSON.parse(out).stack, "prod");
        }
        for (const bad of ["a/b/c/prod", "acme/", "/prod"]) {
            const { code, out } = await cli(["--stack", bad, "--format", "json"]);
            assert.equal(code, 2, bad);
            assert.deepEqual(JSON.parse(out).error.problems[0], { key: "--stack", value: JSON.stringify(bad), expected: stackNameProblem(bad) });
            assert.match(JSON.parse(out).error.problems[0].expected, /optionally as org\/stack or org\/project\/stack/);
        }
    });

    it("exits 3, saying it is a bug, when the program throws an error nobody meant (not 2, which is bad input)", async () => {
        const program = path.join(EXAMPLE.dist, "test", "programs", "buggy.js");
        let out = "";
        let err = "";
        const code = await main(["--stack", "prod"], (s) => (out += s), (s) => (err += s), { layout: EXAMPLE, program });
        assert.equal(code, 3, err);
        assert.match(err, /the program failed: Cannot read properties of undefined \(reading 'name'\)/);
        assert.match(err, /This is a bug in the program or in the check, not a problem with your input: exit 3/);
        assert.doesNotMatch(err, /\n\s+at /, "no stack trace unless asked for");
        let json = "";
        assert.equal(await main(["--stack", "prod", "--format", "json"], (s) => (json += s), () => undefined, { layout: EXAMPLE, program }), 3);
        assert.equal(JSON.parse(json).error.code, 3);
    });
});

describe("check as a process", () => {
    const launch = path.join(EXAMPLE.root, "readiness", "launch.js");

    it("survives a reader that stops early (npm run check | head): no EPIPE crash, the check's exit code", () => {
        // `head -n 2` closes the pipe after two lines of a report larger than a pipe's buffer (64 KiB on Linux, so
        // the write outlives the reader); pipefail gives the check's own status.
        const r = spawnSync("bash", ["-o", "pipefail", "-c", `"${process.execPath}" "${launch}" --format json | head -n 2`], { cwd: EXAMPLE.root, encoding: "utf8" });
        assert.equal(r.stdout.split("\n").filter(Boolean).length, 2);
        assert.doesNotMatch(r.stderr, /EPIPE|Error/, r.stderr);
        assert.equal(r.status, 0, r.stderr);
    });
});
