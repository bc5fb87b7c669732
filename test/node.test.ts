/**
 * One Node major everywhere: `.nvmrc` names it, and package.json's engines, @types/node, every workflow's
 * setup-node step and `.ci/run` follow it; it satisfies what the installed Pulumi SDK declares it needs.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { defaultLayout } from "../readiness/layout";

const ROOT = defaultLayout().root;
const read = (...p: string[]) => fs.readFileSync(path.join(ROOT, ...p), "utf8");
const MAJOR = Number(read(".nvmrc").trim());
const pkg = JSON.parse(read("package.json")) as { engines: { node: string }; devDependencies: Record<string, string> };

/** The lowest major a `>=N` (or `>=N.x.y`) range admits; any other form of range fails the test that reads it. */
function floorMajor(range: string, what: string): number {
    const m = /^>=\s*(\d+)(\.\d+){0,2}$/.exec(range.trim());
    assert.ok(m, `${what}: expected a ">=N" range, got "${range}"`);
    return Number(m[1]);
}

describe("Node version", () => {
    it(".nvmrc names one major, and package.json's engines asks for exactly that", () => {
        assert.ok(Number.isInteger(MAJOR) && MAJOR >= 22, `.nvmrc: "${read(".nvmrc").trim()}"`);
        assert.equal(floorMajor(pkg.engines.node, "package.json engines.node"), MAJOR);
    });

    it("the installed Pulumi SDK and the policy SDK accept that major", () => {
        for (const dep of ["@pulumi/pulumi", "@pulumi/policy"]) {
            const engines = (JSON.parse(read("node_modules", ...dep.split("/"), "package.json")) as { engines?: { node?: string } }).engines?.node;
            if (engines === undefined) continue;
            assert.ok(floorMajor(engines, `${dep} engines.node`) <= MAJOR, `${dep} needs ${engines}; .nvmrc says ${MAJOR}`);
        }
    });

    it("@types/node describes that major (declared and installed)", () => {
        assert.match(pkg.devDependencies["@types/node"], new RegExp(`^[~^]?${MAJOR}\\.`));
        const installed = (JSON.parse(read("node_modules", "@types", "node", "package.json")) as { version: string }).version;
        assert.equal(Number(installed.split(".")[0]), MAJOR, `installed @types/node ${installed}`);
    });

    it("this suite runs on it or later", () => {
        assert.ok(Number(process.versions.node.split(".")[0]) >= MAJOR, `running on ${process.version}; .nvmrc says ${MAJOR}`);
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
        assert.ok(read(".gitignore").split("\n").includes(`${prefix}/`), `${prefix}/ is git-ignored`);
    });
});
