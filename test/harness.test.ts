import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { describe, it } from "node:test";
import { defaultLayout } from "../readiness/layout";
import { ProgramError, runProgram } from "../readiness/engine/run";
import { REDACTED, redact } from "../readiness/redact";

const dist = defaultLayout().dist;
const program = (name: string) => path.join(dist, "test", "programs", `${name}.js`);
const run = (name: string, preview = false) =>
    runProgram({ program: program(name), project: "harness", stack: "t", config: {}, secretKeys: [], preview, mock: { region: "us-east-1", accountId: "123456789012" } });

describe("offline engine harness", () => {
    it("records type, name, parent, provider and every resource option", async () => {
        const r = await run("options");
        const byName = new Map(r.resources.map((x) => [x.name, x]));
        const box = byName.get("box")!;
        const first = byName.get("box-first")!;
        const second = byName.get("box-second")!;
        assert.equal(box.type, "test:harness:Box");
        assert.equal(box.custom, false);
        assert.equal(first.parent, box.urn);
        assert.equal(first.protect, true);
        assert.equal(first.retainOnDelete, true);
        assert.equal(second.protect, false);
        assert.equal(second.deleteBeforeReplace, true);
        assert.deepEqual(second.ignoreChanges, ["length"]);
        assert.deepEqual(second.dependsOn, [first.urn]);
        assert.match(first.provider ?? "", /^urn:pulumi:t::harness::pulumi:providers:random::default_/, "default provider is synthesized as the engine does");
        assert.ok(r.resources.some((x) => x.type === "pulumi:providers:random"));
    });

    it("records the TypeScript line that declared each resource", async () => {
        const r = await run("options");
        const first = r.resources.find((x) => x.name === "box-first")!;
        assert.ok(first.source, "source position recorded");
        assert.match(first.source.uri, /test\/programs\/options\.ts$/);
        assert.equal(first.source.line, 8);
    });

    it("registers again when the program module is already cached", async () => {
        const a = await run("options");
        const b = await run("options");
        assert.equal(b.resources.length, a.resources.length);
        assert.ok(b.resources.length >= 5);
    });

    it("keeps secrets wrapped and redacts them in reports", async () => {
        const r = await run("options");
        const first = r.resources.find((x) => x.name === "box-first")!;
        assert.equal((redact(first.outputs) as Record<string, unknown>).result, REDACTED);
        assert.equal((redact(r.stackOutputs) as Record<string, unknown>).marker, REDACTED);
        assert.ok(!JSON.stringify(redact(r.resources.map((x) => x.outputs))).includes("exported-secret"));
    });

    it("leaves computed outputs unknown in preview mode", async () => {
        const r = await run("options", true);
        const first = r.resources.find((x) => x.name === "box-first")!;
        assert.equal((redact(first.outputs) as Record<string, unknown>).result, "[unknown]");
    });

    it("exits 2 naming the program when its run never finishes", () => {
        const script = `require(${JSON.stringify(path.join(dist, "readiness", "engine", "run.js"))}).runProgram(${JSON.stringify({
            program: program("never"), project: "harness", stack: "t", config: {}, secretKeys: [], preview: false, mock: { region: "us-east-1", accountId: "123456789012" },
        })}).then(() => console.log("finished"));`;
        const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
        assert.equal(r.status, 2);
        assert.equal(r.stdout, "");
        assert.match(r.stderr, /never\.js never finished: it waits on a promise that never settles/);
    });

    it("turns a mock that cannot answer into one clear error", async () => {
        await assert.rejects(run("throwing"), (e: unknown) => {
            assert.ok(e instanceof ProgramError);
            assert.match(e.message, /no mock for provider function 'aws:ec2\/getAmi:getAmi'/);
            assert.ok(e.message.split("\n").length < 5, "one message, not a flood");
            return true;
        });
        // The engine is usable again after a failed run.
        assert.ok((await run("options")).resources.length >= 5);
    });
});
