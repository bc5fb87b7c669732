/**
 * `pulumi new`, reproduced as the CLI does it (pulumi/pulumi pkg/cmd/pulumi/templates/project_templates.go
 * CopyTemplateFiles and transform, pkg/cmd/pulumi/project/newcmd/new.go and config.go):
 * - every file of the template except `.git` is copied (neither .gitignore nor .pulumiignore is read);
 *   `$` + `{PROJECT}` and `$` + `{DESCRIPTION}` are replaced in each text file (YAML-quoted in .yaml files) and
 *   in file names;
 * - Pulumi.yaml is loaded and saved again with the new name and description, without its `template:`
 *   section, and with the `pulumi:template` stack tag in its config (comments do not survive the save);
 * - each prompt's answer, or its default when the answer is empty, is merged into the copied stack file
 *   `Pulumi.<stack>.yaml`; an empty answer without a default is not written, so the copied file's value stays.
 * The Pulumi CLI cannot run here; this is the part of it that decides what a new service starts with.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { PROJECT_PLACEHOLDER } from "../../readiness/engine/stackFiles";

export { PROJECT_PLACEHOLDER };
// Spelled in two parts so that `pulumi new` does not substitute it in this very file.
export const DESCRIPTION_PLACEHOLDER = "$" + "{DESCRIPTION}";

export interface TemplatePrompt {
    description?: string;
    default?: string;
    secret?: boolean;
}

export interface TemplateSection {
    description?: string;
    quickstart?: string;
    config?: Record<string, TemplatePrompt>;
}

export interface ProjectFile {
    name: string;
    description: string;
    runtime: unknown;
    template?: TemplateSection;
    config?: Record<string, unknown>;
}

export function readProjectFile(root: string): ProjectFile {
    return parse(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8"));
}

/** The template's prompts, keyed by config key. */
export function promptsOf(root: string): Record<string, TemplatePrompt> {
    return readProjectFile(root).template?.config ?? {};
}

/** What `pulumi new` writes for each prompt: the answer, else the default; nothing for an empty answer without one. */
export function answered(prompts: Record<string, TemplatePrompt>, answers: Record<string, string>): Array<{ key: string; value: string; secret: boolean }> {
    return Object.entries(prompts)
        .map(([key, p]) => ({ key, value: answers[key] || p.default || "", secret: p.secret === true }))
        .filter((e) => e.value !== "");
}

/**
 * The files `pulumi new` copies from a clone of the template: every file git tracks (plus new files not yet
 * committed but not ignored, so a local run sees the working tree as it would be committed), never an install
 * or a build, which are ignored.
 */
export function templateFiles(root: string): string[] {
    const git = spawnSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: root, encoding: "utf8" });
    if (git.status !== 0) throw new Error(`git ls-files in ${root} failed (the template's own tests need its git checkout): ${git.stderr}`);
    return [...new Set(git.stdout.split("\0"))].filter((f) => f && fs.statSync(path.join(root, f), { throwIfNoEntry: false })?.isFile()).sort();
}

export const isBinary = (bytes: Buffer) => bytes.subarray(0, 8000).includes(0);

/** CopyTemplateFiles: every file, the two placeholders replaced (YAML-quoted in .yaml files), in file names too. */
export function copyTemplate(root: string, dest: string, project: string, description: string): void {
    for (const file of templateFiles(root)) {
        const bytes = fs.readFileSync(path.join(root, file));
        const target = path.join(dest, file.split(PROJECT_PLACEHOLDER).join(project));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        if (isBinary(bytes)) {
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
export const FAKE_CIPHER = "v1:fake:";
export const encrypt = (value: string) => FAKE_CIPHER + Buffer.from(value, "utf8").toString("base64");

export const TEMPLATE_URL = "https://github.com/acme/service-template";

/** `pulumi new`'s last steps in `dest`: save Pulumi.yaml without the template section, merge the answers. */
export function finishLikePulumiNew(dest: string, prompts: Record<string, TemplatePrompt>, project: string, description: string, stack: string, answers: Record<string, string>): void {
    const projectFile = readProjectFile(dest);
    delete projectFile.template;
    projectFile.name = project;
    projectFile.description = description;
    projectFile.config = { "pulumi:tags": { value: { "pulumi:template": TEMPLATE_URL } } };
    fs.writeFileSync(path.join(dest, "Pulumi.yaml"), stringify(projectFile));

    // SaveConfig loads the copied stack file, if the template ships one, and sets each answered key in it.
    const stackFile = path.join(dest, `Pulumi.${stack}.yaml`);
    const doc = fs.existsSync(stackFile) ? (parse(fs.readFileSync(stackFile, "utf8")) ?? {}) : {};
    doc.config = doc.config ?? {};
    for (const e of answered(prompts, answers)) doc.config[e.key] = e.secret ? { secure: encrypt(e.value) } : e.value;
    doc.config = Object.fromEntries(Object.entries(doc.config).sort(([a], [b]) => a.localeCompare(b)));
    fs.writeFileSync(stackFile, stringify(doc));
}

/** The whole of `pulumi new <template> --dir <dest> --stack <org>/<stack>`, bar the `npm install` it ends with. */
export function pulumiNew(template: string, dest: string, opts: { project: string; description: string; stack: string; answers: Record<string, string> }): void {
    const prompts = promptsOf(template);
    copyTemplate(template, dest, opts.project, opts.description);
    finishLikePulumiNew(dest, prompts, opts.project, opts.description, opts.stack, opts.answers);
}

/**
 * The committed stack file as `pulumi new` leaves it, as the raw config the program reads (objects as JSON):
 * the template's file with the project name substituted, then the answers.
 */
export function newStackConfig(template: string, project: string, stack: string, answers: Record<string, string>): { config: Record<string, string>; secretKeys: Set<string> } {
    const file = path.join(template, `Pulumi.${stack}.yaml`);
    const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8").split(PROJECT_PLACEHOLDER).join(stringify(project)) : "";
    const committed = ((parse(text) ?? {}) as { config?: Record<string, unknown> }).config ?? {};
    const config: Record<string, string> = {};
    for (const [k, v] of Object.entries(committed)) config[k] = typeof v === "string" ? v : JSON.stringify(v);
    const written = answered(promptsOf(template), answers);
    for (const e of written) config[e.key] = e.value;
    return { config, secretKeys: new Set(written.filter((e) => e.secret).map((e) => e.key)) };
}

/** A `pulumi` for scripts/new-stack.sh: stack init, config --json, config set and config rm on stack files. */
export function fakePulumi(yamlModule: string, log: string, cipher: string): string {
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
} else if (cmd === "stack rm") {
    // The CLI deletes the stack and, unless --preserve-config, its Pulumi.<stack>.yaml (pulumi/pulumi
    // pkg/cmd/pulumi/stack/stack_rm.go; the automation API's remove_stack runs \`stack rm --yes\`).
    if (!flags["--yes"]) fail("the fake expects --yes");
    if (!flags["--preserve-config"]) fs.rmSync(stackFile(pos[2]), { force: true });
} else if (cmd === "config rm") {
    const doc = load(flags["--stack"]);
    if (doc.config) delete doc.config[pos[2]];
    save(flags["--stack"], doc);
} else {
    fail("the fake does not implement: " + argv.join(" "));
}
`;
}
