/**
 * The leak test: every secret the stack can hold gets a unique value, then every report format, every file the
 * check writes and everything it prints (its own output and the process's stdout and stderr) is searched for
 * each value as it is, URL-encoded and base64-encoded. The same for an error: a bad stack file that also holds
 * secrets.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { runCheck } from "../readiness/check";
import { main } from "../readiness/cli";
import { FORMATS } from "../readiness/reports";
import { exportState } from "../readiness/state";
import { EXAMPLE } from "./support";
import { scratchDir } from "./scratch";

/** Unique per run, with characters that encode differently in a URL and in base64. */
const tag = `${process.pid.toString(36)}${Date.now().toString(36)}`;
const SECRETS: Record<string, string> = {
    "service:apiKeys": JSON.stringify({ OPENAI_API_KEY: `sk-live/${tag}+openai=` }),
    "upstash:apiKey": `upstash-${tag}/key+=`,
    "sentry:token": `sntrys_${tag}/token+=`,
    "vercel:apiToken": `vt${tag}`.padEnd(24, "Z").slice(0, 24),
    "aws:secretKey": `aws/${tag}+secret=`,
    "postgresql:password": `pg-${tag}@pass/word`,
};
const secretValues = (): string[] => {
    const apiKeys = JSON.parse(SECRETS["service:apiKeys"]) as Record<string, string>;
    return [...Object.values(apiKeys), ...Object.entries(SECRETS).filter(([k]) => k !== "service:apiKeys").map(([, v]) => v)];
};
const overrides = { configOverrides: { ...SECRETS, "upstash:email": "ops@example.com" }, secretOverrides: Object.keys(SECRETS), layout: EXAMPLE };

function forms(value: string): string[] {
    return [value, encodeURIComponent(value), Buffer.from(value).toString("base64"), Buffer.from(value).toString("base64url")];
}

function assertNoLeak(where: string, text: string, values: string[]): void {
    for (const v of values) for (const f of forms(v)) assert.ok(!text.includes(f), `${where} holds a secret (${f.slice(0, 12)}...)`);
}

/**
 * Runs the CLI with the process's stderr captured too (the SDK and the providers' code log there). The
 * process's stdout is left alone: the test runner reports through it.
 */
async function captured(argv: string[], base: Parameters<typeof main>[3] = overrides): Promise<{ code: number; out: string; printed: string }> {
    let out = "";
    let printed = "";
    const write = (s: string | Uint8Array) => {
        printed += typeof s === "string" ? s : Buffer.from(s).toString("utf8");
        return true;
    };
    const stderr = process.stderr.write;
    process.stderr.write = write as typeof process.stderr.write;
    try {
        const code = await main(argv, (s) => ((out += s), write(s)), write, base);
        return { code, out, printed };
    } finally {
        process.stderr.write = stderr;
    }
}

/** A wire value's plain content: secrets arrive wrapped in the SDK's signature object. */
function unwrap(v: unknown): unknown {
    return v && typeof v === "object" && "value" in v ? (v as { value: unknown }).value : v;
}

describe("no secret value leaves the check", () => {
    for (const stack of ["dev", "prod"]) {
        it(`${stack}: every format, on stdout and in --out files, and everything printed`, async () => {
            // The values the stack generates itself (random passwords, the mock's stand-ins) are secrets too.
            const { run } = await runCheck({ stack, ...overrides });
            const generated = run.resources
                .filter((r) => r.type.startsWith("random:"))
                .map((r) => unwrap(r.outputs.result))
                .filter((v): v is string => typeof v === "string" && v.length >= 16);
            assert.ok(generated.length > 0, "the stack generates secrets");
            const values = [...secretValues(), ...generated];
            const dir = scratchDir("leak-");
            for (const format of Object.keys(FORMATS)) {
                const printed = await captured(["--stack", stack, "--format", format]);
                assert.ok(printed.code === 0 || printed.code === 1, `${format}: exit ${printed.code}: ${printed.printed.slice(0, 400)}`);
                assert.ok(printed.printed.length > 100, `${format} printed a report`);
                assertNoLeak(`${stack} ${format} on stdout`, printed.printed, values);
                const file = path.join(dir, `${stack}.${format}`);
                const written = await captured(["--stack", stack, "--format", format, "--out", file]);
                assertNoLeak(`${stack} ${format} printed with --out`, written.printed, values);
                assertNoLeak(`${stack} ${format} --out file`, fs.readFileSync(file, "utf8"), values);
            }
            const exported = path.join(dir, `${stack}.state.json`);
            const exportRun = await captured(["--stack", stack, "--format", "json", "--export-state", exported]);
            assertNoLeak(`${stack} --export-state output`, exportRun.printed, values);
            assertNoLeak(`${stack} --export-state file`, fs.readFileSync(exported, "utf8"), values);
        });
    }

    it("reports a default provider's credential inputs as [secret]", async () => {
        const printed = await captured(["--stack", "dev", "--format", "json"]);
        const doc = JSON.parse(printed.out) as { resources: Array<{ type: string; inputs: Record<string, unknown> }> };
        const upstash = doc.resources.find((r) => r.type === "pulumi:providers:upstash");
        assert.ok(upstash, "the dev stack uses the Upstash default provider");
        assert.equal(upstash.inputs.apiKey, "[secret]");
        assert.equal(upstash.inputs.email, "ops@example.com", "a plain provider setting stays readable");
        const sentry = doc.resources.find((r) => r.type === "pulumi:providers:sentry");
        assert.ok(sentry, "the dev stack manages its Sentry project through the default provider");
        assert.equal(sentry.inputs.token, "[secret]");
    });

    it("an invalid stack file that holds secrets: the error shows none of them", async () => {
        const bad = {
            configOverrides: {
                ...overrides.configOverrides,
                "service:apiKeys": JSON.stringify({ "not-an-env-name": `bad-key-${tag}` }),
                "service:apiKey": JSON.stringify({ OPENAI_API_KEY: `typo-${tag}` }),
                "servce:apiKeys": JSON.stringify({ OPENAI_API_KEY: `ns-${tag}` }),
                "service:databse": JSON.stringify({ password: `nested-${tag}` }),
            },
            secretOverrides: overrides.secretOverrides,
            layout: EXAMPLE,
        };
        const values = [...secretValues(), `bad-key-${tag}`, `typo-${tag}`, `ns-${tag}`, `nested-${tag}`];
        for (const format of ["text", "json"]) {
            const printed = await captured(["--stack", "dev", "--format", format], bad);
            assert.equal(printed.code, 2);
            assert.match(printed.printed, /service:apiKey\b/);
            assertNoLeak(`error (${format})`, printed.printed, values);
        }
    });
});

describe("no secret leaves through a YAML library's warning, a parse error or an unmarked export", () => {
    const values = secretValues();
    /** A scratch project with the example's project file and `stackText` as its dev stack file. */
    const projectWith = (stackText: string) => {
        const root = scratchDir("leak-yaml-");
        fs.copyFileSync(path.join(EXAMPLE.project!, "Pulumi.yaml"), path.join(root, "Pulumi.yaml"));
        fs.symlinkSync(path.join(EXAMPLE.root, "policies"), path.join(root, "policies"));
        fs.writeFileSync(path.join(root, "Pulumi.dev.yaml"), stackText);
        return { ...EXAMPLE, root, project: undefined };
    };
    const dev = fs.readFileSync(path.join(EXAMPLE.project!, "Pulumi.dev.yaml"), "utf8").trimEnd();
    const withWarnings = async (argv: string[], base: Parameters<typeof captured>[1]) => {
        let warned = "";
        const onWarning = (w: Error) => (warned += `${w.message}\n`);
        process.on("warning", onWarning);
        try {
            const r = await captured(argv, base);
            await new Promise((resolve) => setImmediate(resolve));
            return { ...r, printed: r.printed + warned };
        } finally {
            process.off("warning", onWarning);
        }
    };

    it("an unknown tag on every credential (the library would print the source line)", async () => {
        const lines = values.map((v, i) => `  leakns${i}:apiKey: !secret ${JSON.stringify(v)}`);
        const layout = projectWith(`${dev}\n${lines.join("\n")}\n`);
        for (const format of ["text", "json"]) {
            const r = await withWarnings(["--stack", "dev", "--format", format], { configOverrides: {}, secretOverrides: [], layout });
            assert.equal(r.code, 2);
            assert.match(r.printed, /!secret/);
            assertNoLeak(`tag (${format})`, r.printed, values);
        }
    });

    it("a parse error next to a credential", async () => {
        for (const [i, v] of values.entries()) {
            const layout = projectWith(`${dev}\n  upstash:apiKey: "${v}\n  service:x: [\n`);
            const r = await withWarnings(["--stack", "dev", "--format", i % 2 === 0 ? "json" : "text"], { configOverrides: {}, secretOverrides: [], layout });
            assert.equal(r.code, 2);
            assertNoLeak(`parse error ${i}`, r.printed, values);
        }
    });

    it("a --state export (what --show-secrets writes, and what a tool writes without the marker)", async () => {
        const dir = scratchDir("leak-state-");
        const { run } = await runCheck({ stack: "dev", ...overrides });
        const exported = JSON.parse(JSON.stringify(exportState(run, EXAMPLE.root, { showSecrets: true }))) as { deployment: { resources: Array<Record<string, unknown>> } };
        // Strip every secret marker, as a hand-made or third-party export would hold the values.
        const unmark = (v: unknown): unknown => {
            if (Array.isArray(v)) return v.map(unmark);
            if (v && typeof v === "object") {
                const o = v as Record<string, unknown>;
                if (typeof o.plaintext === "string") return JSON.parse(o.plaintext);
                return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, unmark(x)]));
            }
            return v;
        };
        const plain = { version: 3, deployment: { resources: exported.deployment.resources.map((r) => ({ ...r, inputs: unmark(r.inputs), outputs: unmark(r.outputs) })) } };
        const provider = (plain.deployment.resources as Array<Record<string, unknown>>).find((r) => r.type === "pulumi:providers:upstash")!;
        assert.equal((provider.inputs as { apiKey: string }).apiKey, SECRETS["upstash:apiKey"], "the export holds the key without a marker");
        for (const [name, doc] of [["marked", exported], ["unmarked", plain]] as const) {
            const file = path.join(dir, `${name}.json`);
            fs.writeFileSync(file, JSON.stringify({ version: 3, ...doc }));
            for (const format of Object.keys(FORMATS)) {
                const r = await withWarnings(["--state", file, "--format", format], overrides);
                assert.ok(r.code === 0 || r.code === 1, `${name} ${format}: exit ${r.code}: ${r.printed.slice(0, 300)}`);
                assertNoLeak(`--state ${name} ${format}`, r.printed, values);
            }
        }
    });
});
