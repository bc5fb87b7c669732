/**
 * The `pulumi new` template: its prompts agree with the config schema, and a project made from it the way
 * `pulumi new` makes one (files copied with their placeholders substituted, the `template:` section dropped,
 * the answers written into the first stack's file), with its prod stack created by scripts/new-stack.sh,
 * type-checks and passes the offline check for dev and prod.
 *
 * The Pulumi CLI cannot run here, so scripts/new-stack.sh runs against a stand-in `pulumi` that implements
 * the few commands it uses with the CLI's own rules (pulumi/pulumi sdk/go/common/resource/config/map.go:
 * `--path` turns "true"/"false" into booleans and integers into numbers unless `--type` says otherwise;
 * `--type` excludes `--secret` and `--plaintext`; a value not on the command line is read from stdin).
 */
import * as assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { parse, stringify } from "yaml";
import { CONFIG_NAMESPACE, parseServiceConfig, PRESETS, ServiceConfigSchema } from "../config";
import { checkStack, defaultLayout, StackReport } from "../readiness/check";

interface TemplatePrompt {
    description?: string;
    default?: string;
    secret?: boolean;
}

interface TemplateSection {
    description?: string;
    quickstart?: string;
    config?: Record<string, TemplatePrompt>;
}

const ROOT = defaultLayout().root;
const PREFIX = `${CONFIG_NAMESPACE}:`;
// Spelled in two parts so that `pulumi new` does not substitute them in this very file.
const PROJECT_PLACEHOLDER = "$" + "{PROJECT}";
const DESCRIPTION_PLACEHOLDER = "$" + "{DESCRIPTION}";

function readProjectFile(root: string): { name: string; description: string; runtime: unknown; template?: TemplateSection } {
    return parse(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8"));
}

const template = readProjectFile(ROOT).template ?? {};
const prompts: Record<string, TemplatePrompt> = template.config ?? {};

/** What a newcomer types where a prompt has no default; prompts with a default are accepted as they are. */
const NEW_SERVICE = "orbit-notes";
const ANSWERS: Record<string, string> = {
    "service:name": NEW_SERVICE,
    "service:owner": "notes-team",
    "service:vercel": JSON.stringify({ teamId: "team_orbit42", domain: "notes.orbit.example" }),
    "service:alerts": JSON.stringify({ emails: ["oncall@orbit.example"] }),
    "service:apiKeys": JSON.stringify({ OPENAI_API_KEY: "sk-test-orbit-dev-0000" }),
};

/** The config `pulumi new` writes: for each prompt the answer, else its default; empty answers are skipped. */
function promptedConfig(answers: Record<string, string>): Array<{ key: string; value: string; secret: boolean }> {
    return Object.entries(prompts)
        .map(([key, p]) => ({ key, value: answers[key] ?? p.default ?? "", secret: p.secret === true }))
        .filter((e) => e.value !== "");
}

function rawConfig(entries: Array<{ key: string; value: string }>, overrides: Record<string, string> = {}): Record<string, string> {
    return { ...Object.fromEntries(entries.map((e) => [e.key, e.value])), ...overrides };
}

function secretKeysOf(entries: Array<{ key: string; secret: boolean }>): Set<string> {
    return new Set(entries.filter((e) => e.secret).map((e) => e.key));
}

describe("template prompts", () => {
    it("keeps the project's name, description and runtime, and describes the template", () => {
        const project = readProjectFile(ROOT);
        assert.equal(project.name, "service-template");
        assert.match(project.description, /Vercel/);
        assert.deepEqual(project.runtime, { name: "nodejs", options: { packagemanager: "npm" } });
        assert.ok(template.description && template.description.length > 20, "template.description");
        assert.ok(template.quickstart?.includes("docs/getting-started.md"), "the quickstart points at the getting-started guide");
    });

    it("asks only for keys of the fixed service: namespace that the schema knows, each with a description", () => {
        const shape = ServiceConfigSchema.shape;
        assert.ok(Object.keys(prompts).length >= 10, "a prompt for every choice a new service makes");
        for (const [key, p] of Object.entries(prompts)) {
            assert.ok(key.startsWith(PREFIX), `${key}: prompts live in the ${PREFIX} namespace, never the project's`);
            assert.ok(key.slice(PREFIX.length) in shape, `${key}: not a key of ServiceConfigSchema`);
            assert.ok(p.description && p.description.length > 10, `${key}: needs a description`);
            assert.deepEqual(Object.keys(p).filter((f) => !["description", "default", "secret"].includes(f)), [], `${key}: pulumi new knows description, default and secret only`);
        }
        for (const key of ["name", "owner", "environment", "aws", "vercel", "alerts", "storage", "cache", "reachability", "apiKeys"]) {
            assert.ok(`${PREFIX}${key}` in prompts, `no prompt for ${PREFIX}${key}`);
        }
        assert.equal(prompts["service:environment"].default, "dev");
        assert.equal(prompts["service:apiKeys"].secret, true, "third-party keys are prompted as secrets");
        assert.ok(!prompts["service:apiKeys"].default, "a template cannot ship a secret value");
    });

    it("covers every key a preset requires, with a prompt whose description or default names each nested field", () => {
        for (const [environment, preset] of Object.entries(PRESETS)) {
            for (const required of preset.required) {
                const [top, ...rest] = required.split(".");
                const prompt = prompts[`${PREFIX}${top}`];
                assert.ok(prompt, `${environment} requires ${PREFIX}${required}: no prompt for ${PREFIX}${top}`);
                const leaf = rest.at(-1);
                if (leaf) {
                    assert.ok(`${prompt.description} ${prompt.default ?? ""}`.includes(`"${leaf}"`), `${environment} requires ${PREFIX}${required}: the ${PREFIX}${top} prompt does not show "${leaf}"`);
                }
            }
        }
    });

    it("nested prompts show a JSON example that is itself a valid value", () => {
        for (const [key, p] of Object.entries(prompts)) {
            const example = /(\{.*\})\s*$/.exec(p.description ?? "")?.[1];
            const schema = ServiceConfigSchema.shape[key.slice(PREFIX.length) as keyof typeof ServiceConfigSchema.shape];
            const def = schema._zod.def as { type: string; innerType?: { _zod: { def: { type: string } } } };
            const isObject = def.type === "object" || def.type === "record" || def.innerType?._zod.def.type === "object";
            if (!isObject) continue;
            assert.ok(example, `${key}: a nested setting is answered as JSON, so its description shows an example`);
            assert.doesNotThrow(() => JSON.parse(example.replace("https://...", "https://example.com").replace("sk-...", "sk-example")), `${key}: example ${example} is not JSON`);
        }
    });

    it("the defaults and a newcomer's answers validate for dev", () => {
        const entries = promptedConfig(ANSWERS);
        const config = parseServiceConfig(rawConfig(entries), secretKeysOf(entries));
        assert.equal(config.environment, "dev");
        assert.equal(config.name, NEW_SERVICE);
        assert.equal(config.aws.region, "us-east-1");
        assert.equal(config.vercel.teamId, "team_orbit42");
        assert.equal(config.storage.backend, "s3");
        assert.equal(config.cache.backend, "upstash");
        assert.equal(config.reachability, "public");
        assert.equal(config.apiKeys.OPENAI_API_KEY, "sk-test-orbit-dev-0000");
    });

    it("the defaults validate for every preset once its required keys are answered", () => {
        for (const environment of Object.keys(PRESETS)) {
            const entries = promptedConfig({
                ...ANSWERS,
                "service:environment": environment,
                "service:aws": JSON.stringify({ region: "eu-west-1", accountId: "123456789012" }),
                "service:apiKeys": JSON.stringify({ SENTRY_DSN: "https://key@o1.ingest.sentry.io/1" }),
            });
            const config = parseServiceConfig(rawConfig(entries), secretKeysOf(entries));
            assert.equal(config.environment, environment);
        }
    });

    it("accepting every default is refused with the keys a newcomer must answer", () => {
        const entries = promptedConfig({});
        assert.throws(
            () => parseServiceConfig(rawConfig(entries), secretKeysOf(entries)),
            (e: Error) => ["service:name", "service:owner", "service:vercel.teamId"].every((k) => e.message.includes(k)),
        );
    });

    it("a wrong answer is refused naming the nested key", () => {
        const entries = promptedConfig({ ...ANSWERS, "service:aws": JSON.stringify({ region: "moon-1" }) });
        assert.throws(() => parseServiceConfig(rawConfig(entries), secretKeysOf(entries)), /service:aws\.region/);
    });

    it("no template file carries a placeholder that pulumi new would rewrite", () => {
        for (const file of templateFiles(ROOT)) {
            const text = fs.readFileSync(path.join(ROOT, file));
            if (text.subarray(0, 8000).includes(0)) continue;
            const s = text.toString("utf8");
            assert.ok(!s.includes(PROJECT_PLACEHOLDER) && !s.includes(DESCRIPTION_PLACEHOLDER), `${file}: pulumi new would substitute its placeholder`);
        }
    });
});

/** The files `pulumi new` copies: the repository's files (tracked or not ignored), without installs and builds. */
function templateFiles(root: string): string[] {
    const excluded = (f: string) => /^(node_modules|dist|\.build|\.git)(\/|$)/.test(f) || f.includes("/node_modules/");
    const git = spawnSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: root, encoding: "utf8" });
    if (git.status === 0) {
        return git.stdout.split("\0").filter((f) => f && !excluded(f) && fs.statSync(path.join(root, f), { throwIfNoEntry: false })?.isFile());
    }
    // A project made from the template is not a git repository until its owner makes it one.
    const ignored = fs.existsSync(path.join(root, ".gitignore")) ? fs.readFileSync(path.join(root, ".gitignore"), "utf8").split("\n").map((l) => l.trim()).filter(Boolean) : [];
    const isIgnored = (name: string) => ignored.some((p) => p.replace(/\/$/, "") === name || (p.startsWith("*") && name.endsWith(p.slice(1))));
    const out: string[] = [];
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
            const rel = dir ? `${dir}/${entry.name}` : entry.name;
            if (excluded(rel) || isIgnored(entry.name)) continue;
            if (entry.isDirectory()) walk(rel);
            else if (entry.isFile()) out.push(rel);
        }
    };
    walk("");
    return out;
}

/** `pulumi new`'s copy: every file, the two placeholders replaced (YAML-quoted in .yaml files), in file names too. */
function copyTemplate(root: string, dest: string, project: string, description: string): void {
    for (const file of templateFiles(root)) {
        const bytes = fs.readFileSync(path.join(root, file));
        const target = path.join(dest, file.split(PROJECT_PLACEHOLDER).join(project));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        if (bytes.subarray(0, 8000).includes(0)) {
            fs.writeFileSync(target, bytes);
        } else {
            const yamlFile = file.endsWith(".yaml");
            const name = yamlFile ? stringify(project) : project;
            const desc = yamlFile ? stringify(description) : description;
            fs.writeFileSync(target, bytes.toString("utf8").split(PROJECT_PLACEHOLDER).join(name).split(DESCRIPTION_PLACEHOLDER).join(desc));
        }
        fs.chmodSync(target, (fs.statSync(path.join(root, file)).mode & 0o777) | 0o600);
    }
}

/** The stand-in's reversible "encryption": enough to prove no plain value reaches a stack file. */
const FAKE_CIPHER = "v1:fake:";
const encrypt = (value: string) => FAKE_CIPHER + Buffer.from(value, "utf8").toString("base64");

/** `pulumi new`'s last steps: rewrite Pulumi.yaml without the template section, save the answers. */
function writeLikePulumiNew(dest: string, project: string, description: string, stack: string, answers: Record<string, string>): void {
    const projectFile = readProjectFile(dest);
    delete projectFile.template;
    projectFile.name = project;
    projectFile.description = description;
    (projectFile as Record<string, unknown>).config = { "pulumi:tags": { value: { "pulumi:template": "https://github.com/acme/service-template" } } };
    fs.writeFileSync(path.join(dest, "Pulumi.yaml"), stringify(projectFile));

    // SaveConfig loads the existing stack file (the template ships one per stack) and sets each key in it.
    const stackFile = path.join(dest, `Pulumi.${stack}.yaml`);
    const doc = fs.existsSync(stackFile) ? (parse(fs.readFileSync(stackFile, "utf8")) ?? {}) : {};
    doc.config = doc.config ?? {};
    for (const e of promptedConfig(answers)) doc.config[e.key] = e.secret ? { secure: encrypt(e.value) } : e.value;
    doc.config = Object.fromEntries(Object.entries(doc.config).sort(([a], [b]) => a.localeCompare(b)));
    fs.writeFileSync(stackFile, stringify(doc));
}

/** A `pulumi` for scripts/new-stack.sh: stack init, config --json, config set and config rm on stack files. */
function fakePulumi(yamlModule: string, log: string, cipher: string): string {
    return `#!/usr/bin/env node
const fs = require("fs");
const { parse, stringify } = require(${JSON.stringify(yamlModule)});
const argv = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(argv) + "\\n");
const fail = (m) => { process.stderr.write("pulumi: " + m + "\\n"); process.exit(255); };
const flags = {}, pos = [];
const valued = new Set(["--stack", "-s", "--secrets-provider", "--type"]);
for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") { pos.push(...argv.slice(i + 1)); break; }
    if (valued.has(a)) flags[a.replace(/^-s$/, "--stack")] = argv[++i];
    else if (a.startsWith("--")) flags[a] = true;
    else pos.push(a);
}
const stackFile = (name) => "Pulumi." + String(name).split("/").pop() + ".yaml";
const load = (name) => (fs.existsSync(stackFile(name)) ? parse(fs.readFileSync(stackFile(name), "utf8")) : null) || {};
const save = (name, doc) => fs.writeFileSync(stackFile(name), stringify(doc));
const isSecure = (v) => v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 1 && typeof v.secure === "string";
const hasSecure = (v) => isSecure(v) || (v && typeof v === "object" && Object.values(v).some(hasSecure));
const decrypt = (v) => isSecure(v) ? Buffer.from(v.secure.slice(${JSON.stringify(cipher)}.length), "base64").toString("utf8")
    : Array.isArray(v) ? v.map(decrypt) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decrypt(x)])) : v;
function parsePath(p) {
    const out = []; let i = 0;
    const ident = () => { const m = /^[^.[\\]]+/.exec(p.slice(i)); if (!m) fail("invalid config key path " + p); i += m[0].length; out.push(m[0]); };
    ident();
    while (i < p.length) {
        if (p[i] === ".") { i++; ident(); continue; }
        const m = /^\\[(\\d+)\\]|^\\[("(?:[^"\\\\]|\\\\.)*")\\]/.exec(p.slice(i));
        if (!m) fail("invalid config key path " + p);
        out.push(m[1] !== undefined ? Number(m[1]) : JSON.parse(m[2])); i += m[0].length;
    }
    return out;
}
function typed(value, type, path) {
    if (type === "string") return value;
    if (type === "int") { if (!/^-?\\d+$/.test(value)) fail("invalid int " + value); return Number(value); }
    if (type === "float") { if (Number.isNaN(Number(value))) fail("invalid float " + value); return Number(value); }
    if (type === "bool") { if (!/^(true|false)$/i.test(value)) fail("invalid bool " + value); return value.toLowerCase() === "true"; }
    if (type !== undefined) fail("invalid type " + type);
    if (!path) return value;
    if (value === "true" || value === "false") return value === "true";
    if (/^-?[1-9]\\d*$|^0$/.test(value)) return Number(value);
    return value;
}
const cmd = pos.slice(0, 2).join(" ");
if (cmd === "stack init") {
    if (!flags["--secrets-provider"]) fail("the fake expects --secrets-provider");
    const doc = load(pos[2]);
    save(pos[2], { secretsprovider: flags["--secrets-provider"], encryptedkey: "ZmFrZS1kYXRhLWtleQ==", ...doc });
} else if (pos.length === 1 && pos[0] === "config" && flags["--json"]) {
    const config = load(flags["--stack"]).config || {};
    const out = {};
    for (const [k, v] of Object.entries(config)) {
        const secret = hasSecure(v);
        const plain = flags["--show-secrets"] ? decrypt(v) : v;
        const entry = { secret };
        if (!secret || flags["--show-secrets"]) {
            if (plain !== null && typeof plain === "object") { entry.value = JSON.stringify(plain); entry.objectValue = plain; }
            else entry.value = String(plain);
        }
        out[k] = entry;
    }
    process.stdout.write(JSON.stringify(out, null, 4) + "\\n");
} else if (cmd === "config set") {
    const exclusive = ["--secret", "--plaintext", "--type"].filter((f) => flags[f] !== undefined);
    if (exclusive.length > 1) fail("if any flags in the group [secret plaintext type] are set none of the others can be; " + exclusive.join(" ") + " were all set");
    const key = pos[2];
    let value = pos[3];
    if (value === undefined) value = fs.readFileSync(0, "utf8").replace(/\\r?\\n$/, "");
    const ns = key.slice(0, key.indexOf(":") + 1);
    const segments = flags["--path"] ? parsePath(key.slice(ns.length)) : [key.slice(ns.length)];
    const leaf = flags["--secret"] ? { secure: ${JSON.stringify(cipher)} + Buffer.from(value, "utf8").toString("base64") } : typed(value, flags["--type"], segments.length > 1);
    const doc = load(flags["--stack"]);
    doc.config = doc.config || {};
    const top = ns + segments[0];
    if (segments.length === 1) doc.config[top] = leaf;
    else {
        if (typeof doc.config[top] !== "object" || doc.config[top] === null || isSecure(doc.config[top])) doc.config[top] = typeof segments[1] === "number" ? [] : {};
        let cur = doc.config[top];
        for (let i = 1; i < segments.length - 1; i++) {
            const s = segments[i], next = segments[i + 1];
            if (cur[s] === undefined) cur[s] = typeof next === "number" ? [] : {};
            else if (typeof next === "number" ? !Array.isArray(cur[s]) : typeof cur[s] !== "object") fail("type mismatch at " + key);
            cur = cur[s];
        }
        const last = segments[segments.length - 1];
        if (typeof last === "number" && last > cur.length) fail("array index out of range");
        cur[last] = leaf;
    }
    save(flags["--stack"], doc);
} else if (cmd === "config rm") {
    const doc = load(flags["--stack"]);
    if (doc.config) delete doc.config[pos[2]];
    save(flags["--stack"], doc);
} else {
    fail("the fake does not implement: " + argv.join(" "));
}
`;
}

describe("a project made from the template", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "template-test-"));
    const project = path.join(tmp, NEW_SERVICE);
    const callLog = path.join(tmp, "pulumi-calls.jsonl");
    const sentryDsn = "https://0123456789abcdef@o42.ingest.sentry.io/4242";
    const upstashKey = "upstash-key-0f1e2d3c4b5a";
    let compile: { status: number | null; output: string };
    let script: { create: ReturnType<typeof spawnSync>; normalize: ReturnType<typeof spawnSync> };
    const reports: Record<string, StackReport> = {};

    before(async () => {
        copyTemplate(ROOT, project, NEW_SERVICE, "Shared notes for the orbit team");
        writeLikePulumiNew(project, NEW_SERVICE, "Shared notes for the orbit team", "dev", ANSWERS);
        fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(project, "node_modules"), "dir");
        // One compile type-checks the whole copy and produces the dist the offline check runs; it needs no
        // stack file, so it runs while the scripts below write them.
        const compiled = new Promise<{ status: number | null; output: string }>((resolve) => {
            const tsc = spawn(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", project]);
            let output = "";
            tsc.stdout.on("data", (d) => (output += d));
            tsc.stderr.on("data", (d) => (output += d));
            tsc.on("close", (status) => resolve({ status, output }));
        });

        const bin = path.join(tmp, "bin");
        fs.mkdirSync(bin);
        fs.writeFileSync(path.join(bin, "pulumi"), fakePulumi(require.resolve("yaml"), callLog, FAKE_CIPHER), { mode: 0o755 });
        const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` };
        const run = (args: string[], input = "") => spawnSync("bash", ["scripts/new-stack.sh", ...args], { cwd: project, env, input, encoding: "utf8" });

        // docs/getting-started.md: normalize the JSON answers, drop the template's example prod stack, create prod.
        const normalize = run(["normalize", "orbit/dev"]);
        fs.rmSync(path.join(project, "Pulumi.prod.yaml"));
        const create = run(
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
        script = { normalize, create };

        compile = await compiled;
        if (compile.status !== 0 || create.status !== 0 || normalize.status !== 0) return;
        const layout = { root: project, dist: path.join(project, "dist") };
        for (const stack of ["dev", "prod"]) reports[stack] = await checkStack({ stack, layout });
    });

    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("drops the template section and takes the new name, keeping the program's runtime", () => {
        const projectFile = readProjectFile(project);
        assert.equal(projectFile.name, NEW_SERVICE);
        assert.equal(projectFile.template, undefined);
        assert.deepEqual(projectFile.runtime, { name: "nodejs", options: { packagemanager: "npm" } });
    });

    it("scripts/new-stack.sh normalizes the JSON answers and creates prod", () => {
        assert.equal(script.normalize.status, 0, `normalize failed:\n${script.normalize.stdout}${script.normalize.stderr}`);
        assert.equal(script.create.status, 0, `create failed:\n${script.create.stdout}${script.create.stderr}`);
        const dev = parse(fs.readFileSync(path.join(project, "Pulumi.dev.yaml"), "utf8")).config;
        assert.deepEqual(dev["service:aws"], { region: "us-east-1" }, "a JSON answer becomes a YAML object");
        assert.deepEqual(Object.keys(dev["service:apiKeys"]), ["OPENAI_API_KEY"]);
        assert.ok(typeof dev["service:apiKeys"].OPENAI_API_KEY.secure === "string", "a secret answer stays secret, leaf by leaf");
    });

    it("the prod stack has its own secrets provider and copies no secret, key or ciphertext from dev", () => {
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

    it("type-checks", () => {
        assert.equal(compile.status, 0, compile.output);
    });

    for (const stack of ["dev", "prod"]) {
        it(`passes the offline check for ${stack} with zero mandatory violations`, () => {
            const report = reports[stack];
            assert.ok(report, "the check did not run (see the failures above)");
            assert.equal(report.environment, stack);
            assert.ok(report.resources.length > 10, "the program registered its resources");
            assert.ok(report.resources.every((r) => !r.name.startsWith("acme-chat")), "every name comes from the new service");
            const mandatory = report.violations.filter((v) => v.enforcementLevel === "mandatory");
            assert.deepEqual(mandatory.map((v) => `${v.policy} ${v.resourceName}: ${v.message}`), []);
        });
    }
});
