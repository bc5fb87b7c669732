/**
 * Which Node: package.json's engines admits every major the installed Pulumi SDK supports (its own engines
 * floor); `.nvmrc` names the one we develop on, which @types/node, every workflow's setup-node step and
 * `.ci/run` follow; `.ci/run` also runs the suite on the floor. On an older Node, the README's commands
 * refuse in one line.
 */
import { spawnSync } from "node:child_process";
import * as os from "node:os";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { defaultLayout } from "../readiness/layout";

const ROOT = defaultLayout().root;
const read = (...p: string[]) => fs.readFileSync(path.join(ROOT, ...p), "utf8");
const MAJOR = Number(read(".nvmrc").trim());
const pkg = JSON.parse(read("package.json")) as { engines: { node: string }; devDependencies: Record<string, string>; scripts: Record<string, string> };

/** The lowest major a `>=N` (or `>=N.x.y`) range admits; any other form of range fails the test that reads it. */
function floorMajor(range: string, what: string): number {
    const m = /^>=\s*(\d+)(\.\d+){0,2}$/.exec(range.trim());
    assert.ok(m, `${what}: expected a ">=N" range, got "${range}"`);
    return Number(m[1]);
}

const FLOOR = floorMajor(pkg.engines.node, "package.json engines.node");

describe("Node version", () => {
    it(".nvmrc names one major at or above package.json's engines floor, which is the Pulumi SDK's own floor", () => {
        assert.ok(Number.isInteger(MAJOR) && MAJOR >= FLOOR, `.nvmrc: "${read(".nvmrc").trim()}"; engines: ${pkg.engines.node}`);
        const sdk = (JSON.parse(read("node_modules", "@pulumi", "pulumi", "package.json")) as { engines: { node: string } }).engines.node;
        assert.equal(FLOOR, floorMajor(sdk, "@pulumi/pulumi engines.node"), "support every Node the SDK supports, no more");
    });

    it("the installed Pulumi SDK and the policy SDK accept the floor", () => {
        for (const dep of ["@pulumi/pulumi", "@pulumi/policy"]) {
            const engines = (JSON.parse(read("node_modules", ...dep.split("/"), "package.json")) as { engines?: { node?: string } }).engines?.node;
            if (engines === undefined) continue;
            assert.ok(floorMajor(engines, `${dep} engines.node`) <= FLOOR, `${dep} needs ${engines}; engines says ${pkg.engines.node}`);
        }
    });

    it("@types/node describes that major (declared and installed)", () => {
        assert.match(pkg.devDependencies["@types/node"], new RegExp(`^[~^]?${MAJOR}\\.`));
        const installed = (JSON.parse(read("node_modules", "@types", "node", "package.json")) as { version: string }).version;
        assert.equal(Number(installed.split(".")[0]), MAJOR, `installed @types/node ${installed}`);
    });

    it("this suite runs on a supported Node", () => {
        assert.ok(Number(process.versions.node.split(".")[0]) >= FLOOR, `running on ${process.version}; engines says ${pkg.engines.node}`);
    });

    it("every setup-node step of the workflows reads .nvmrc rather than naming a version", () => {
        const dir = path.join(ROOT, ".github", "workflows");
        let steps = 0;
        for (const file of fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
            const wf = parse(fs.readFileSync(path.join(dir, file), "utf8")) as { jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown> }> }> };
            for (const [jobId, job] of Object.entries(wf.jobs)) {
                for (const step of job.steps.filter((s) => s.uses?.startsWith("actions/setup-node@"))) {
                    steps++;
                    assert.equal(step.with?.["node-version-file"], ".nvmrc", `${file} ${jobId}`);
                    assert.equal(step.with?.["node-version"], undefined, `${file} ${jobId}: node-version would override .nvmrc`);
                }
            }
        }
        assert.ok(steps > 0, "the workflows set up Node");
    });

    it(".ci/run takes its Node major from .nvmrc and installs it from the npm registry into a git-ignored folder", () => {
        const run = read(".ci", "run");
        assert.match(run, /<\.nvmrc/);
        assert.match(run, /npm install [^\n]*--prefix "\$prefix" "\$pkg@\$want"/);
        const prefix = /^\s*prefix=(\S+)$/m.exec(run)?.[1];
        assert.ok(prefix, "the install prefix");
        assert.ok(read(".gitignore").split("\n").some((entry) => entry.endsWith("/") && `${prefix}/`.startsWith(entry)), `${prefix}/ is git-ignored`);
    });

    it(".ci/run also runs the suite on the engines floor", () => {
        const run = read(".ci", "run");
        assert.match(run, /engines/);
        assert.match(run, /for want in/);
    });
});

/**
 * An older Node, two ways: this Node made to report 20.20.2 by a preload (so the test runs on every machine),
 * and any real `node` older than the floor found on the machine's PATH (this sandbox's /usr/bin/node is 20).
 */
describe("on a Node older than the engines floor", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "old-node-"));
    const preload = path.join(dir, "old.js");
    fs.writeFileSync(preload, 'Object.defineProperty(process, "versions", { value: { ...process.versions, node: "20.20.2" } });\n');
    const olds: Array<{ label: string; argv: string[] }> = [{ label: "Node 20.20.2 (preloaded)", argv: [process.execPath, "--require", preload] }];
    for (const candidate of ["/usr/bin/node", "/usr/local/bin/node"]) {
        const v = spawnSync(candidate, ["-p", "process.versions.node"], { encoding: "utf8" });
        if (v.status === 0 && Number(v.stdout.split(".")[0]) < FLOOR) olds.push({ label: `${candidate} ${v.stdout.trim()}`, argv: [candidate] });
    }
    const commands: Array<[string, string]> = [
        ["npm run check", pkg.scripts.check],
        ["npm test", pkg.scripts.test],
        ["npm install", pkg.scripts.preinstall],
    ];
    for (const old of olds) {
        for (const [command, script] of commands) {
            it(`${command} (${script}) prints one line naming the Node needed and how to get it, and exits 2 (${old.label})`, () => {
                const words = script.split(" ").slice(1);
                assert.equal(script.split(" ")[0], "node");
                const env = { ...process.env, npm_command: "install" };
                const r = spawnSync(old.argv[0], [...old.argv.slice(1), ...words], { cwd: ROOT, encoding: "utf8", env });
                assert.equal(r.status, 2, r.stderr);
                assert.equal(r.stdout, "");
                const lines = r.stderr.split("\n").filter(Boolean);
                assert.equal(lines.length, 1, r.stderr);
                assert.match(lines[0], new RegExp(`^${command}: needs Node ${FLOOR} or later \\(this is Node 20\\.`));
                assert.match(lines[0], /nvm install.*\.nvmrc/);
                assert.match(lines[0], new RegExp(`node-${process.platform === "win32" ? "win" : process.platform}-${process.arch}@${MAJOR}`));
                assert.doesNotMatch(r.stderr, /\bat \S+ \(|TypeError/);
            });
        }
    }

    it("a supported Node passes the guard silently", () => {
        const r = spawnSync(process.execPath, [path.join(ROOT, "readiness", "node-version.js"), "npm test"], { cwd: ROOT, encoding: "utf8" });
        assert.equal(r.status, 0);
        assert.equal(r.stderr, "");
    });
});
