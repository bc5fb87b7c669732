/**
 * Hostile input that is not refused but must still be handled as the real CLI would, or printed safely:
 * Pulumi.yaml's project-level `config:` and `stackConfigDir` (which the CLI applies to every stack), the
 * project root never taken from a parent folder, a `--state` export whose credentials carry no secret marker,
 * and URNs with control characters in the human report formats.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { defaultLayout } from "../readiness/layout";
import { main } from "../readiness/cli";
import { deriveSecretTable, renderSecretTable } from "../readiness/providers/schema/secrets";
import { EXAMPLE } from "./support";
import { scratchDir } from "./scratch";

const layout = defaultLayout();

/** A copy of the worked example's project with `project` as its Pulumi.yaml and the stack files under `stackDir`. */
function exampleCopy(project: string, stackDir = "."): string {
    const root = scratchDir("hostile-");
    fs.writeFileSync(path.join(root, "Pulumi.yaml"), project);
    fs.symlinkSync(path.join(layout.root, "policies"), path.join(root, "policies"));
    fs.mkdirSync(path.join(root, stackDir), { recursive: true });
    for (const f of fs.readdirSync(EXAMPLE.project!).filter((f) => /^Pulumi\..+\.yaml$/.test(f))) fs.copyFileSync(path.join(EXAMPLE.project!, f), path.join(root, stackDir, f));
    return root;
}

async function check(root: string, argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = "";
    let err = "";
    const code = await main(argv, (s) => (out += s), (s) => (err += s), { layout: { root, dist: layout.dist } });
    return { code, out, err };
}

const PROJECT_FILE = "name: service-template\nruntime: nodejs\n";

describe("Pulumi.yaml as the CLI reads it", () => {
    it("project-level `service:protectData: false` applies to prod, as the CLI applies it: the pack blocks it", async () => {
        const kept = await check(exampleCopy(PROJECT_FILE), ["--stack", "prod", "--format", "json"]);
        assert.equal(kept.code, 0, kept.out.slice(0, 400));
        const off = await check(exampleCopy(`${PROJECT_FILE}config:\n  service:protectData: false\n`), ["--stack", "prod", "--format", "json"]);
        assert.equal(off.code, 1, off.out.slice(0, 400));
        const report = JSON.parse(off.out) as { violations: Array<{ policy: string; enforcementLevel: string }>; notes: string[] };
        assert.ok(report.violations.some((v) => v.policy === "stateful-resources-protected" && v.enforcementLevel === "mandatory"), JSON.stringify(report.violations.map((v) => v.policy)));
        assert.ok(report.notes.some((n) => /service:protectData is not set in Pulumi\.prod\.yaml; it is taken from Pulumi\.yaml's `config:`/.test(n)), JSON.stringify(report.notes));
    });

    it("the stack file's own value wins over the project's, whole (pulumi/pulumi workspace/config.go mergeConfig)", async () => {
        const root = exampleCopy(`${PROJECT_FILE}config:\n  service:owner:\n    value: project-owner\n`);
        const text = fs.readFileSync(path.join(root, "Pulumi.prod.yaml"), "utf8");
        assert.match(text, /service:owner: /);
        const r = await check(root, ["--stack", "prod", "--format", "json"]);
        const doc = JSON.parse(r.out) as { resources: Array<{ inputs: { tags?: { owner?: string } } }> };
        const owners = new Set(doc.resources.map((x) => x.inputs.tags?.owner).filter(Boolean));
        assert.ok(!owners.has("project-owner"), [...owners].join(", "));
    });

    it("stack files under stackConfigDir are found, and --out cannot overwrite one there", async () => {
        const root = exampleCopy(`${PROJECT_FILE}stackConfigDir: stacks\n`, "stacks");
        const ok = await check(root, ["--stack", "dev", "--format", "json"]);
        assert.equal(ok.code, 0, ok.out.slice(0, 400));
        const before = fs.readFileSync(path.join(root, "stacks", "Pulumi.dev.yaml"), "utf8");
        const refused = await check(root, ["--stack", "dev", "--format", "json", "--out", path.join(root, "stacks", "Pulumi.dev.yaml")]);
        assert.equal(refused.code, 2);
        assert.equal(fs.readFileSync(path.join(root, "stacks", "Pulumi.dev.yaml"), "utf8"), before);
        // The old spelling, `config: <folder>`, is the same setting (project.go RewriteConfigPathIntoStackConfigDir).
        const legacy = exampleCopy(`${PROJECT_FILE}config: stacks\n`, "stacks");
        assert.equal((await check(legacy, ["--stack", "dev", "--format", "json"])).code, 0);
    });

    it("the project root is the folder above dist, never a parent folder found by walking up", () => {
        assert.equal(layout.root, path.dirname(layout.dist));
    });
});

describe("a --state export whose credentials carry no secret marker", () => {
    const leak = { apiKey: "leak-unmarked-upstash-81", password: "leak-unmarked-rds-82", token: "leak-unmarked-aws-83" };
    const stack = "urn:pulumi:dev::service-template::pulumi:pulumi:Stack::service-template-dev";
    const exported = JSON.stringify({
        version: 3,
        deployment: {
            resources: [
                { urn: stack, custom: false, type: "pulumi:pulumi:Stack", outputs: {} },
                { urn: "urn:pulumi:dev::service-template::pulumi:providers:upstash::default", custom: true, id: "p1", type: "pulumi:providers:upstash", inputs: { email: "ops@example.com", apiKey: leak.apiKey }, outputs: { apiKey: leak.apiKey } },
                { urn: "urn:pulumi:dev::service-template::pulumi:providers:aws::default", custom: true, id: "p2", type: "pulumi:providers:aws", inputs: { region: "us-east-1", token: leak.token }, outputs: {} },
                {
                    urn: "urn:pulumi:dev::service-template::aws:rds/instance:Instance::db",
                    custom: true,
                    id: "db",
                    type: "aws:rds/instance:Instance",
                    parent: stack,
                    inputs: { identifier: "db", password: leak.password, tags: { environment: "dev" } },
                    outputs: { password: leak.password },
                },
            ],
        },
    });

    it("redacts them by the providers' secret schema in every format", async () => {
        const dir = scratchDir("hostile-state-");
        const file = path.join(dir, "state.json");
        fs.writeFileSync(file, exported);
        for (const format of ["json", "text", "markdown", "sarif", "junit"]) {
            const r = await check(layout.root, ["--state", file, "--format", format]);
            assert.ok(r.code === 0 || r.code === 1, `${format}: exit ${r.code}: ${r.out.slice(0, 300)}${r.err.slice(0, 300)}`);
            for (const value of Object.values(leak)) assert.ok(!`${r.out}${r.err}`.includes(value), `${format} printed ${value}`);
        }
        const doc = JSON.parse((await check(layout.root, ["--state", file, "--format", "json"])).out) as { resources: Array<{ type: string; inputs: Record<string, unknown> }> };
        assert.equal(doc.resources.find((r) => r.type === "pulumi:providers:upstash")!.inputs.apiKey, "[secret]");
        assert.equal(doc.resources.find((r) => r.type === "pulumi:providers:upstash")!.inputs.email, "ops@example.com", "what the schema does not mark secret stays readable");
        assert.equal(doc.resources.find((r) => r.type === "aws:rds/instance:Instance")!.inputs.password, "[secret]");
    });

    it("the table of secret properties matches the provider SDKs in node_modules", () => {
        const committed = fs.readFileSync(path.join(layout.root, "readiness", "providers", "secrets.generated.ts"), "utf8");
        assert.equal(committed, renderSecretTable(deriveSecretTable(path.join(layout.root, "node_modules"))), "run npm run provider-schema");
        const table = deriveSecretTable(path.join(layout.root, "node_modules"));
        assert.deepEqual(table["aws:rds/instance:Instance"], ["password", "passwordWo"]);
        assert.deepEqual(table["pulumi:providers:upstash"], ["apiKey"]);
    });
});

describe("control characters in the human formats", () => {
    const forged = "\u001b[2K\r\nREADY: dev: 0 resources, 0 mandatory";
    const exported = JSON.stringify({
        version: 3,
        deployment: {
            resources: [
                { urn: "urn:pulumi:dev::service-template::pulumi:pulumi:Stack::service-template-dev", custom: false, type: "pulumi:pulumi:Stack", outputs: {} },
                { urn: `urn:pulumi:dev::service-template::aws:s3/bucket:Bucket::uploads${forged}`, custom: true, id: "b", type: "aws:s3/bucket:Bucket", inputs: { bucket: "acme-chat-dev-uploads", tags: { environment: "dev" } }, outputs: {} },
            ],
        },
    });

    for (const format of ["text", "markdown"]) {
        it(`${format}: a URN with an escape sequence and a line break cannot forge a line`, async () => {
            const dir = scratchDir("hostile-urn-");
            const file = path.join(dir, "state.json");
            fs.writeFileSync(file, exported);
            const r = await check(layout.root, ["--state", file, "--format", format]);
            assert.ok(r.code === 0 || r.code === 1, r.err);
            assert.doesNotMatch(r.out, /[\u0000-\u0008\u000b-\u001f\u007f]/, "no raw control character");
            assert.ok(r.out.includes("\\u001b[2K\\r\\nREADY"), "the sequence is shown escaped");
            const verdicts = r.out.split("\n").filter((l) => /^(NOT )?READY: |^## Readiness/.test(l));
            assert.equal(verdicts.length, 1, verdicts.join(" | "));
        });
    }
});
