/**
 * The template's worked example (config/example.ts): its values check READY in the example's own project, and
 * in any other project (a service made by pulumi new, where a blank answer keeps the copied value) each one is
 * refused by name before anything runs.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { ConfigError, isWorkedExampleStack, parseServiceConfig, WORKED_EXAMPLE_PROJECT, WORKED_EXAMPLE_VALUES } from "../config";
import { defaultLayout } from "../readiness/layout";
import { main } from "../readiness/cli";
import { readProject } from "../readiness/engine/stackFiles";
import { EXAMPLE, exampleStack } from "./support";
import { scratchDir } from "./scratch";

const SECRETS = new Set(["service:apiKeys"]);
const withSentry = (raw: Record<string, string>) => raw;

function problemKeys(fn: () => unknown): string[] {
    try {
        fn();
    } catch (e) {
        assert.ok(e instanceof ConfigError, String(e));
        return e.problems.map((p) => p.key).sort();
    }
    return [];
}

describe("the worked example's values", () => {
    it("check clean in the example's own project (the template repository)", () => {
        for (const stack of ["dev", "prod", "shared"]) {
            assert.deepEqual(problemKeys(() => parseServiceConfig(withSentry(exampleStack(stack).config), SECRETS, { project: WORKED_EXAMPLE_PROJECT })), [], stack);
        }
    });

    it("are each refused by name in any other project, as in a service pulumi new made", () => {
        const prod = problemKeys(() => parseServiceConfig(withSentry(exampleStack("prod").config), SECRETS, { project: "orbit-notes" }));
        assert.deepEqual(prod, Object.keys(WORKED_EXAMPLE_VALUES).map((p) => `service:${p}`).sort());
        try {
            parseServiceConfig(withSentry(exampleStack("dev").config), SECRETS, { project: "orbit-notes" });
            assert.fail("the example's dev values were accepted in another project");
        } catch (e) {
            assert.match(String((e as Error).message), /service:vercel\.teamId: got "team_acme"; expected this service's own value: "team_acme" is the template's worked example/);
        }
    });

    it("leave a service's own values alone", () => {
        const own = {
            ...exampleStack("prod").config,
            "service:name": "orbit-notes",
            "service:owner": "notes-team",
            "service:aws": JSON.stringify({ region: "us-east-1", accountId: "012345678901" }),
            "service:vercel": JSON.stringify({ teamId: "team_orbit42", domain: "notes.orbit.example" }),
            "service:alerts": JSON.stringify({ emails: ["oncall@orbit.example", "second@orbit.example"] }),
        };
        assert.deepEqual(problemKeys(() => parseServiceConfig(withSentry(own), SECRETS, { project: "orbit-notes" })), []);
        assert.equal(isWorkedExampleStack(own), false);
        assert.equal(isWorkedExampleStack(exampleStack("shared").config), true);
    });

    it("is the project the fixture and the template repository are checked as", () => {
        assert.equal(readProject(EXAMPLE.project!).name, WORKED_EXAMPLE_PROJECT);
    });

    it("scripts/new-stack.sh recognises a copied example by the same service name", () => {
        const script = fs.readFileSync(path.join(defaultLayout().root, "scripts", "new-stack.sh"), "utf8");
        assert.ok(script.includes(`service:name:[[:space:]]+"?${WORKED_EXAMPLE_VALUES.name}"?`), "new-stack.sh and config/example.ts name the same example");
    });

    it("a stack named on the command line that holds example values exits 2 naming them, before anything runs", async () => {
        const tmp = scratchDir("worked-example-");
        try {
            fs.writeFileSync(path.join(tmp, "Pulumi.yaml"), "name: orbit-notes\nruntime: nodejs\n");
            fs.copyFileSync(path.join(EXAMPLE.project!, "Pulumi.prod.yaml"), path.join(tmp, "Pulumi.prod.yaml"));
            let err = "";
            const code = await main(["--stack", "prod"], () => {}, (s) => (err += s), { layout: { ...EXAMPLE, project: tmp } });
            assert.equal(code, 2);
            assert.match(err, /service:name: got "acme-chat"/);
            assert.match(err, /service:aws\.accountId: got "210987654321"/);
            // Checking every stack skips the copy instead, and says why; with nothing else to check that is exit 2.
            err = "";
            const all = await main([], () => {}, (s) => (err += s), { layout: { ...EXAMPLE, project: tmp } });
            assert.equal(all, 2);
            assert.match(err, /skipped Pulumi\.prod\.yaml: it is the template's worked example/);
            assert.match(err, /only the template's worked example/);
        } finally {
            fs.rmSync(tmp, { recursive: true, force: true });
        }
    });
});
