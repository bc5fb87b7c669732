/**
 * `npm run preview`, `npm run up` and `npm run pulumi --` (scripts/pulumi.js) call the real CLI with the pack
 * and the policy config of the stack's environment. Tested against a stand-in `pulumi` on PATH that records
 * its arguments, in a scratch project holding the example's dev and prod stack files.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { before, describe, it } from "node:test";
import { defaultLayout } from "../readiness/layout";
import { EXAMPLE } from "./support";
import { scratchDir } from "./scratch";

const { root } = defaultLayout();
const PACK = (environment: string) => ["--policy-pack", "policies", "--policy-pack-config", `policies/config/${environment}.json`];

describe("deploys through the pack-attaching wrapper", () => {
    const dir = scratchDir("wrapper-");
    const log = path.join(dir, "calls.log");
    /** The stand-in's calls: each line the working directory and the arguments, NUL-terminated. */
    const readCalls = () =>
        (fs.existsSync(log) ? fs.readFileSync(log, "utf8") : "")
            .split("\n")
            .filter(Boolean)
            .map((line) => {
                const [cwd, ...argv] = line.split("\0").slice(0, -1);
                return { cwd, argv };
            });
    const bin = path.join(dir, "bin");
    let env: NodeJS.ProcessEnv;

    before(() => {
        fs.mkdirSync(path.join(dir, "scripts"));
        fs.copyFileSync(path.join(root, "scripts", "pulumi.js"), path.join(dir, "scripts", "pulumi.js"));
        fs.copyFileSync(path.join(root, "package.json"), path.join(dir, "package.json"));
        for (const f of ["Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.prod.yaml"]) fs.copyFileSync(path.join(EXAMPLE.project!, f), path.join(dir, f));
        fs.mkdirSync(path.join(dir, "policies", "config"), { recursive: true });
        for (const f of fs.readdirSync(path.join(root, "policies", "config"))) fs.copyFileSync(path.join(root, "policies", "config", f), path.join(dir, "policies", "config", f));
        fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
        // The stand-in (a shell script: it starts in a millisecond, the test runs it often): records its working
        // directory and argv, NUL-separated, one call a line; answers `stack --show-name`; exits with $FAKE_EXIT.
        fs.mkdirSync(bin);
        fs.writeFileSync(
            path.join(bin, "pulumi"),
            `#!/bin/sh
printf '%s\\0' "$PWD" "$@" >> ${JSON.stringify(log)}
printf '\\n' >> ${JSON.stringify(log)}
if [ "$*" = "stack --show-name" ]; then
    if [ -n "$FAKE_SELECTED" ]; then echo "$FAKE_SELECTED"; else exit 255; fi
fi
exit "\${FAKE_EXIT:-0}"
`,
            { mode: 0o755 },
        );
        env = { ...process.env, PATH: [bin, path.dirname(process.execPath), process.env.PATH].join(path.delimiter) };
    });

    /** Runs the wrapper from another directory (npm runs scripts from the project root; the wrapper must not depend on that). */
    function wrapper(args: string[], extraEnv: Record<string, string> = {}) {
        fs.rmSync(log, { force: true });
        const r = spawnSync(process.execPath, [path.join(dir, "scripts", "pulumi.js"), ...args], { cwd: os.tmpdir(), env: { ...env, ...extraEnv }, encoding: "utf8" });
        const calls = readCalls();
        return { status: r.status, stderr: r.stderr, calls, last: calls.at(-1)?.argv };
    }

    it("preview of dev attaches the pack with dev's policy config", () => {
        const r = wrapper(["preview", "--stack", "acme/dev"]);
        assert.equal(r.status, 0, r.stderr);
        assert.deepEqual(r.last, ["preview", ...PACK("dev"), "--stack", "acme/dev"]);
        assert.equal(fs.realpathSync(r.calls[0].cwd), fs.realpathSync(dir), "the CLI runs in the project");
    });

    it("up of prod attaches prod's config and passes every other flag through in order", () => {
        const r = wrapper(["up", "--stack", "acme/orbit-notes/prod", "--yes", "--diff", "--message", "release 42", "--target", "urn:pulumi:prod::x::a::b"]);
        assert.equal(r.status, 0, r.stderr);
        assert.deepEqual(r.last, ["up", ...PACK("prod"), "--stack", "acme/orbit-notes/prod", "--yes", "--diff", "--message", "release 42", "--target", "urn:pulumi:prod::x::a::b"]);
    });

    it("reads the stack from each of the CLI's spellings, and the environment from its file, not its name", () => {
        for (const spelling of [["--stack=acme/prod"], ["-s", "prod"], ["-sprod"], ["-s=prod"]]) {
            assert.deepEqual(wrapper(["preview", ...spelling]).last, ["preview", ...PACK("prod"), ...spelling], spelling.join(" "));
        }
        // A stack file named after one environment but set to another: the config decides.
        fs.writeFileSync(path.join(dir, "Pulumi.qa.yaml"), "config:\n  service:environment: prod\n");
        assert.deepEqual(wrapper(["up", "-s", "qa"]).last, ["up", ...PACK("prod"), "-s", "qa"]);
        fs.rmSync(path.join(dir, "Pulumi.qa.yaml"));
    });

    it("the aliases and the other pack-running commands get the pack too", () => {
        assert.deepEqual(wrapper(["pre", "-s", "dev"]).last, ["pre", ...PACK("dev"), "-s", "dev"]);
        assert.deepEqual(wrapper(["update", "-s", "dev"]).last, ["update", ...PACK("dev"), "-s", "dev"]);
        assert.deepEqual(wrapper(["watch", "-s", "dev"]).last, ["watch", ...PACK("dev"), "-s", "dev"]);
        assert.deepEqual(wrapper(["policy", "analyze", "--stack", "acme/prod"]).last, ["policy", "analyze", ...PACK("prod"), "--stack", "acme/prod"]);
    });

    it("without --stack, uses the CLI's selected stack", () => {
        const r = wrapper(["preview", "--diff"], { FAKE_SELECTED: "acme/prod" });
        assert.deepEqual(r.calls.map((c) => c.argv), [["stack", "--show-name"], ["preview", ...PACK("prod"), "--diff"]]);
        const none = wrapper(["preview"]);
        assert.equal(none.status, 2);
        assert.match(none.stderr, /pass --stack NAME/);
    });

    it("leaves every other command exactly as given", () => {
        for (const argv of [["stack", "ls"], ["config", "set", "--path", "service:owner", "x", "--stack", "dev"], ["refresh", "--stack", "prod"], ["destroy", "-s", "dev"], ["policy", "publish", "policies"]]) {
            assert.deepEqual(wrapper(argv).last, argv, argv.join(" "));
        }
    });

    it("exits with the CLI's exit code", () => {
        assert.equal(wrapper(["preview", "-s", "prod"], { FAKE_EXIT: "1" }).status, 1);
        assert.equal(wrapper(["stack", "ls"], { FAKE_EXIT: "3" }).status, 3);
    });

    it("refuses (exit 2, CLI not run) a stack without a file, an environment without a policy config, and --cwd", () => {
        const missing = wrapper(["up", "--stack", "acme/staging"]);
        assert.equal(missing.status, 2);
        assert.match(missing.stderr, /no Pulumi\.staging\.yaml/);
        fs.writeFileSync(path.join(dir, "Pulumi.lab.yaml"), "config:\n  service:environment: lab\n");
        const noConfig = wrapper(["up", "--stack", "lab"]);
        assert.match(noConfig.stderr, /no policy config policies\/config\/lab\.json/);
        fs.writeFileSync(path.join(dir, "Pulumi.lab.yaml"), "config:\n  service:name: x\n");
        assert.match(wrapper(["preview", "--stack", "lab"]).stderr, /service:environment is undefined/);
        fs.rmSync(path.join(dir, "Pulumi.lab.yaml"));
        const cwd = wrapper(["up", "--stack", "dev", "--cwd", "elsewhere"]);
        for (const r of [missing, noConfig, cwd]) {
            assert.equal(r.status, 2);
            assert.deepEqual(r.calls, [], "the CLI never runs without the pack");
        }
    });

    it("npm run preview / up / pulumi are wired to it", () => {
        const npm = (args: string[]) => {
            fs.rmSync(log, { force: true });
            const cli = process.env.npm_execpath;
            const [cmd, pre] = cli && /\.c?js$/.test(cli) ? [process.execPath, [cli]] : ["npm", []];
            const r = spawnSync(cmd, [...pre, "run", "--silent", ...args], { cwd: dir, env, encoding: "utf8" });
            assert.equal(r.status, 0, r.stderr);
            return readCalls().at(-1)!.argv;
        };
        assert.deepEqual(npm(["preview", "--", "--stack", "acme/dev"]), ["preview", ...PACK("dev"), "--stack", "acme/dev"]);
        assert.deepEqual(npm(["up", "--", "--stack", "acme/prod", "--yes"]), ["up", ...PACK("prod"), "--stack", "acme/prod", "--yes"]);
        assert.deepEqual(npm(["pulumi", "--", "policy", "analyze", "--stack", "acme/dev"]), ["policy", "analyze", ...PACK("dev"), "--stack", "acme/dev"]);
    });
});

describe("the docs deploy through the wrapper", () => {
    it("no command in README.md or docs/ runs pulumi preview, up or policy analyze without it", () => {
        const files = ["README.md", ...fs.readdirSync(path.join(root, "docs"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md")).map((f) => path.join("docs", f))];
        const bare: string[] = [];
        let wrapped = 0;
        for (const file of files) {
            const text = fs.readFileSync(path.join(root, file), "utf8");
            // Commands: lines of fenced blocks (after an optional shell prompt or list indent).
            for (const block of text.matchAll(/```(?:bash|sh|shell)?\n([\s\S]*?)```/g)) {
                for (const line of block[1].split("\n")) {
                    if (/^\s*(\$\s*)?(time\s+)?pulumi\s+(preview|pre|up|update|watch|policy\s+analyze)\b/.test(line)) bare.push(`${file}: ${line.trim()}`);
                    if (/^\s*npm run (preview|up|pulumi) -- /.test(line)) wrapped++;
                }
            }
        }
        assert.deepEqual(bare, [], "use npm run preview / up / pulumi --, which attach the pack");
        assert.ok(wrapped >= 5, `the docs show the wrapper (${wrapped} commands)`);
    });
});
