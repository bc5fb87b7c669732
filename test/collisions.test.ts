/**
 * Stacks checked together (`npm run check` with several stacks, the default) must not both own a Vercel variable
 * (the same project, key and target) or a physical name: each stack alone would pass, and the second deploy would
 * fail with ENV_ALREADY_EXISTS (pulumiverse/pulumi-vercel#118) or take over the first stack's resource.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { main } from "../readiness/cli";
import { defaultLayout } from "../readiness/layout";
import type { StackReport } from "../readiness/report";
import { EXAMPLE } from "./support";
import { scratchDir } from "./scratch";

const ROOT = defaultLayout().root;
const STAGING = fs.readFileSync(path.join(ROOT, "test", "fixtures", "Pulumi.staging.yaml"), "utf8");

/** A project with the example's Pulumi.yaml and the given stack files. */
function project(files: Record<string, string>): string {
    const dir = scratchDir("collisions-");
    fs.copyFileSync(path.join(EXAMPLE.project!, "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
    for (const [stack, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), text);
    return dir;
}
const exampleFile = (stack: string) => fs.readFileSync(path.join(EXAMPLE.project!, `Pulumi.${stack}.yaml`), "utf8");

async function check(dir: string, stacks: string[], format = "json"): Promise<{ code: number; out: string }> {
    let out = "";
    const code = await main([...stacks.flatMap((s) => ["--stack", s]), "--format", format], (s) => (out += s), () => {}, { layout: { ...defaultLayout(), project: dir } });
    return { code, out };
}

describe("stacks checked together", () => {
    it("staging and dev report no collision: staging writes its own custom environment, and every name carries the environment", async () => {
        const { code, out } = await check(project({ dev: exampleFile("dev"), staging: STAGING }), ["dev", "staging"]);
        const doc = JSON.parse(out) as { stacks: StackReport[]; summary: { collisions: number } };
        assert.deepEqual(doc.stacks.map((s) => [s.stack, s.collisions]), [["dev", []], ["staging", []]]);
        assert.equal(doc.summary.collisions, 0);
        assert.equal(code, 0, JSON.stringify(doc.stacks.map((s) => [s.stack, s.summary])));
    });

    it("two stacks of one environment collide on their Vercel variables and physical names: exit 1, each named in the JSON", async () => {
        const { code, out } = await check(project({ staging: STAGING, "staging-copy": STAGING }), ["staging", "staging-copy"]);
        assert.equal(code, 1);
        const doc = JSON.parse(out) as { stacks: StackReport[]; summary: { collisions: number } };
        const [first, second] = doc.stacks;
        assert.ok(first.summary.collisions! > 10, `${first.summary.collisions}`);
        assert.equal(first.summary.collisions, second.summary.collisions);
        assert.equal(doc.summary.collisions, first.summary.collisions! + second.summary.collisions!);
        const kinds = new Set(first.collisions!.map((c) => c.kind));
        assert.deepEqual([...kinds].sort(), ["physical-name", "vercel-env-var"]);
        const custom = first.collisions!.find((c) => /CustomEnvironment "staging"/.test(c.what))!;
        assert.deepEqual(custom.stacks, ["staging-copy"]);
        assert.equal(custom.certain, true);
        const db = first.collisions!.find((c) => /Instance "acme-chat-staging-postgres" in aws account 123456789012 region eu-west-1/.test(c.what));
        assert.ok(db, first.collisions!.map((c) => c.what).join("\n"));
        assert.ok(db.urns.every((u) => u.startsWith("urn:pulumi:staging::")), "this stack's own resources");
        // The report contract is extended, not changed: every earlier field is still there.
        for (const key of ["stack", "environment", "resources", "violations", "providerErrors", "summary"]) assert.ok(key in first, key);
    });

    it("two dev stacks: the shared project's preview variables collide for certain; AWS names only possibly, as no stack pins the account", async () => {
        const { code, out } = await check(project({ dev: exampleFile("dev"), "dev-copy": exampleFile("dev") }), ["dev", "dev-copy"]);
        assert.equal(code, 1);
        const [dev] = (JSON.parse(out) as { stacks: StackReport[] }).stacks;
        const variable = dev.collisions!.find((c) => c.kind === "vercel-env-var" && /variable DATABASE_URL of Vercel project prj_\w+, target preview/.test(c.what));
        assert.ok(variable?.certain, "the same key on the same target of the shared project");
        assert.match(variable.message, /ENV_ALREADY_EXISTS/);
        const bucket = dev.collisions!.find((c) => c.kind === "physical-name" && /Role "acme-chat-dev-storage"/.test(c.what));
        assert.equal(bucket?.certain, false, "an IAM role name collides only within one account, and dev pins none");
        assert.equal(dev.summary.collisions, dev.collisions!.filter((c) => c.certain).length);
    });

    it("the text report says which stack collides with which, and a single stack is never compared", async () => {
        const dir = project({ staging: STAGING, "staging-copy": STAGING });
        const { out } = await check(dir, ["staging", "staging-copy"], "text");
        assert.match(out, /COLLISIONS \(\d+\)/);
        assert.match(out, /\[blocks\] staging and staging-copy both write/);
        assert.match(out, /NOT READY: staging: .* \d+ collisions with other stacks/);
        const alone = JSON.parse((await check(dir, ["staging"])).out) as StackReport;
        assert.equal(alone.collisions, undefined);
    });
});
