/**
 * Reads `Pulumi.yaml` and `Pulumi.<stack>.yaml` the way the CLI hands config to a program: every value a
 * string (objects as JSON), secure values decrypted. Offline we cannot decrypt, so each `secure:` value
 * becomes an opaque placeholder that the program still sees as a secret.
 */
import type { InputProblem } from "../../config/problem";
import * as fs from "fs";
import * as path from "path";
import { WORKED_EXAMPLE_PROJECT } from "../../config/example";
import { editDistance, escapeControl, isSecretPath, renderValue, SECRET_MARK } from "../../config/guards";
import { controlCharacterPaths, readYamlFile, YamlFileError } from "./yamlFile";

/** What a `secure:` value reads as offline. Rules treat it as a value of unknown content. */
export const SECRET_PLACEHOLDER = "offline-secret-placeholder";

export interface StackFile {
    stack: string;
    file: string;
    /** `namespace:key` to the string value Pulumi would pass in PULUMI_CONFIG. */
    config: Record<string, string>;
    /** Keys holding at least one secure value. */
    secretKeys: string[];
    /** Every secure leaf, as the full key and its path (`service:apiKeys.OPENAI_API_KEY`); the key alone for a whole secure value. */
    secretLeaves: string[];
    /** Keys the stack file does not set that Pulumi.yaml's `config:` gives it, as the CLI applies them. */
    fromProject: string[];
}

export interface ProjectFile {
    name: string;
    dir: string;
    /** Where the stack files are: the project's folder, or its `stackConfigDir`. */
    stackDir: string;
    /** Project-level config the CLI applies to every stack that does not set the key: full key to value. */
    config: Record<string, unknown>;
}

/**
 * What `pulumi new` replaces with the new project's name in every file it copies. Spelled in two parts so that
 * the copy of this very file keeps it.
 */
export const PROJECT_PLACEHOLDER = "$" + "{PROJECT}";

/**
 * A project name as the CLI accepts it: 1-100 letters, digits, `-`, `_` and `.` (pulumi/pulumi
 * sdk/go/common/tokens/project.go, `ValidateProjectName`, and `IsName` in tokens/names.go).
 */
const PROJECT_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/** The project file beside the stack files: Pulumi reads `Pulumi.yaml` or `Pulumi.yml` (workspace.DetectProjectPath). */
function projectFileIn(dir: string): string | undefined {
    return ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
}

export function readProject(dir: string): ProjectFile {
    const file = projectFileIn(dir);
    if (!file) {
        const expected = "the project file Pulumi.yaml in the same folder as the stack files (the check never adopts a parent folder's project)";
        throw new UsageError(`no Pulumi.yaml in ${dir}; expected ${expected}`, [{ key: "Pulumi.yaml", given: "(no such file)", expected }]);
    }
    const name = path.basename(file);
    const doc = readYaml(file, name);
    const problem = (key: string, value: string, expected: string): never => {
        throw new UsageError(`${name}: ${key}: got ${value}; expected ${expected}`, [{ key: `${name}: ${key}`, given: value, expected }]);
    };
    if (!doc || typeof doc !== "object" || Array.isArray(doc)) problem("(root)", Array.isArray(doc) ? "a list" : "no mapping", "a YAML mapping with `name:` and `runtime:`");
    const project = doc as Record<string, unknown>;
    if (typeof project.name !== "string" || !project.name) {
        problem("name", project.name === undefined ? "(not set)" : escapeControl(JSON.stringify(project.name) ?? String(project.name)), "the project's name: 1-100 letters, digits, hyphens, underscores and dots");
    }
    const projectName = project.name as string;
    if (projectName === PROJECT_PLACEHOLDER) {
        // The template repository itself: its stack files are the worked example, checked as the example's project.
        if (hasTemplateSection(project)) return { name: WORKED_EXAMPLE_PROJECT, dir, stackDir: dir, config: {} };
        throw new UsageError(
            `${file}: the project name is still ${PROJECT_PLACEHOLDER}, a placeholder \`pulumi new\` replaces; set \`name:\` to the service's project name`,
            [{ key: "Pulumi.yaml: name", given: PROJECT_PLACEHOLDER, expected: "the project's name (letters, digits, hyphens, underscores and dots)" }],
        );
    }
    if (!PROJECT_NAME.test(projectName)) {
        problem("name", escapeControl(JSON.stringify(projectName.length > 110 ? `${projectName.slice(0, 100)}...` : projectName)), "1-100 letters, digits, hyphens, underscores and dots: the Pulumi CLI refuses any other project name");
    }
    // A `config:` that is text is the old spelling of `stackConfigDir` (pulumi/pulumi
    // sdk/go/common/workspace/project.go, RewriteConfigPathIntoStackConfigDir); both at once is an error there.
    let stackConfigDir = project.stackConfigDir;
    let config = project.config;
    if (typeof config === "string") {
        if (stackConfigDir !== undefined) problem("config", JSON.stringify(config), "only `stackConfigDir:`: Pulumi refuses both config and stackConfigDir to define the stack directory");
        stackConfigDir = config;
        config = undefined;
    }
    if (stackConfigDir !== undefined && (typeof stackConfigDir !== "string" || !stackConfigDir)) {
        problem("stackConfigDir", escapeControl(JSON.stringify(stackConfigDir) ?? "null"), "a folder, relative to Pulumi.yaml, holding the Pulumi.<stack>.yaml files");
    }
    // Go's filepath.Join, as the CLI combines them: an absolute stackConfigDir is still below the project folder.
    const stackDir = stackConfigDir ? path.join(dir, stackConfigDir as string) : dir;
    return { name: projectName, dir, stackDir, config: projectConfigOf(config, projectName, problem) };
}

const PROJECT_CONFIG_FIELDS = ["type", "description", "items", "default", "value", "secret"];

/**
 * Pulumi.yaml's `config:` as the CLI applies it (pulumi/pulumi sdk/go/common/workspace/project.go,
 * RewriteShorthandConfigValues and Project.Validate; workspace/config.go, mergeConfig): a short-hand scalar or
 * list is the `value` of a key in another namespace (`service:protectData: false`) and the `default` of a key
 * in the project's; a mapping holds `value` or `default` (not both); a key in another namespace must give a
 * `value` and neither a `type` nor a `default`. The stack file's value, when it has one, wins whole.
 */
function projectConfigOf(section: unknown, project: string, problem: (key: string, value: string, expected: string) => never): Record<string, unknown> {
    if (section === undefined || section === null) return {};
    if (typeof section !== "object" || Array.isArray(section)) problem("config", Array.isArray(section) ? "a list" : JSON.stringify(section), "a mapping of config keys to values (`service:protectData: true`)");
    const out: Record<string, unknown> = {};
    for (const [rawKey, entry] of Object.entries(section as Record<string, unknown>)) {
        const key = rawKey.includes(":") ? rawKey : `${project}:${rawKey}`;
        const ofProject = key.startsWith(`${project}:`);
        const shown = escapeControl(rawKey);
        const isEntryObject = entry !== null && typeof entry === "object" && !Array.isArray(entry);
        if (!isEntryObject) {
            out[key] = entry;
            continue;
        }
        const fields = entry as Record<string, unknown>;
        const unknown = Object.keys(fields).filter((f) => !PROJECT_CONFIG_FIELDS.includes(f));
        if (unknown.length > 0) {
            problem(
                `config.${shown}`,
                `a mapping with ${unknown.map((f) => escapeControl(f)).join(", ")}`,
                `a short-hand value, or a mapping of ${PROJECT_CONFIG_FIELDS.join(", ")}: Pulumi reads a mapping here as the key's declaration, so an object value goes under \`value:\``,
            );
        }
        if (fields.default !== undefined && fields.value !== undefined) problem(`config.${shown}`, "both default and value", "one of them: Pulumi refuses a project config key with both");
        if (!ofProject) {
            if (fields.type !== undefined) problem(`config.${shown}.type`, JSON.stringify(fields.type), `no type: ${shown} is not namespaced by the project, and Pulumi refuses a type on it`);
            if (fields.default !== undefined) problem(`config.${shown}.default`, "a default", `\`value:\` instead: ${shown} is not namespaced by the project, and Pulumi refuses a default on it`);
            if (fields.value === undefined) problem(`config.${shown}`, "no value", `a \`value:\`: Pulumi requires one for a key in another namespace`);
        }
        const value = fields.value ?? fields.default;
        if (value !== undefined) out[key] = value;
    }
    for (const [key, value] of Object.entries(out)) {
        if (JSON.stringify(value ?? null).includes('"secure"')) {
            problem(`config.${escapeControl(key)}`, "[secret]", "no secret in Pulumi.yaml: the project file has no secrets provider; set it per stack with `pulumi config set --secret`");
        }
    }
    return out;
}

/** True in the template repository itself: its Pulumi.yaml still has the section `pulumi new` reads and drops. */
export function isTemplateSource(dir: string): boolean {
    const file = projectFileIn(dir);
    return !!file && hasTemplateSection(readYaml(file, path.basename(file)) as { template?: unknown } | null);
}

function hasTemplateSection(doc: { template?: unknown } | null): boolean {
    return doc?.template !== undefined && doc?.template !== null;
}

/** Where the stack files of the project in `dir` are: its `stackConfigDir`, else `dir` itself. */
function stackDirOf(dir: string): string {
    return projectFileIn(dir) ? readProject(dir).stackDir : dir;
}

/** Stack names of every `Pulumi.<stack>.yaml` beside `Pulumi.yaml` (or in its `stackConfigDir`), sorted. */
export function listStacks(dir: string): string[] {
    const stackDir = stackDirOf(dir);
    if (!fs.existsSync(stackDir)) return [];
    return fs
        .readdirSync(stackDir)
        .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
        .filter((s): s is string => !!s)
        .sort();
}

/** The stack file of `stack`, or undefined: the path every reader and every writer's guard agree on. */
export function stackFilePath(dir: string, stack: string): string | undefined {
    const stackDir = stackDirOf(dir);
    return [".yaml", ".yml"].map((ext) => path.join(stackDir, `Pulumi.${stack}${ext}`)).find((f) => fs.existsSync(f));
}

/** Top-level keys of a stack file the Pulumi CLI knows (workspace.ProjectStack). */
const STACK_FILE_KEYS = ["config", "secretsprovider", "encryptedkey", "encryptionsalt", "environment"];

const STACK_FILE_SHAPE =
    "a YAML mapping with a `config:` section of `namespace:key: value` entries, such as\n" +
    "      config:\n        service:environment: dev\n        service:name: my-service";

export function readStackFile(dir: string, stack: string): StackFile {
    const project = readProject(dir);
    const file = stackFilePath(dir, stack);
    if (!file) throw new UsageError(`no stack file Pulumi.${stack}.yaml in ${project.stackDir} (stacks here: ${listStacks(dir).join(", ") || "none"})`);
    const name = path.basename(file);
    const read = readYamlDocument(file, name, true);
    const doc = read.value;
    const shape = (key: string, value: string, expected: string): never => {
        throw new UsageError(`${name} is not a stack file Pulumi can read: ${key}: got ${value}; expected ${expected}`, [{ key, given: value, expected }]);
    };
    if (doc === null || doc === undefined) shape(name, "an empty file", STACK_FILE_SHAPE);
    if (typeof doc !== "object" || Array.isArray(doc)) shape(name, Array.isArray(doc) ? "a list" : `the scalar ${escapeControl(JSON.stringify(doc))}`, STACK_FILE_SHAPE);
    const sections = doc as Record<string, unknown>;
    const unknown = Object.keys(sections).filter((k) => !STACK_FILE_KEYS.includes(k));
    if (unknown.length > 0) {
        const problems = unknown.map((k) => {
            const meant = STACK_FILE_KEYS.find((known) => editDistance(known, k.toLowerCase()) <= 2);
            return {
                key: `${name}: ${escapeControl(k)}`,
                given: "a section Pulumi does not read",
                expected: `${meant ? `\`${meant}:\` (a typo?); ` : ""}the sections of a stack file are ${STACK_FILE_KEYS.map((s) => `${s}:`).join(", ")}`,
            };
        });
        throw new UsageError(`${name} has sections Pulumi does not read:\n${problems.map((p) => `  - ${p.key}: expected ${p.expected}`).join("\n")}`, problems);
    }
    if (typeof sections.environment === "string") {
        shape(`${name}: environment`, escapeControl(JSON.stringify(sections.environment)), "a list of Pulumi ESC environments to import; the template's environment preset is `service:environment` under `config:`");
    }
    const section = sections.config ?? {};
    if (typeof section !== "object" || section === null || Array.isArray(section)) {
        shape(`${name}: config`, Array.isArray(section) ? "a list" : `the scalar ${escapeControl(JSON.stringify(section))}`, "a mapping of `namespace:key: value` entries (`service:environment: dev`), not a list: drop the leading `- `");
    }
    const entries = section as Record<string, unknown>;
    const problems: InputProblem[] = [];
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    const secretLeaves: string[] = [];
    for (const [key, value] of Object.entries(entries)) {
        const { plain, secret, leaves, malformed } = resolveSecure(value, key);
        for (const m of malformed) {
            problems.push({
                key: m,
                given: "a `secure:` entry without ciphertext",
                expected: "the ciphertext `pulumi config set --secret` writes (`secure: v1:...`): an empty or hand-written secure value cannot be decrypted, so it is no secret; set it again with `pulumi config set --secret`",
            });
        }
        config[key] = typeof plain === "string" ? plain : JSON.stringify(plain);
        if (secret) secretKeys.push(key);
        secretLeaves.push(...leaves);
    }
    // Our namespace's values decide names, tags and switches: a null there (`~`, `null`, nothing after the colon)
    // would reach the program as the text "null" or as no value at all, so it is refused with its spelling.
    for (const n of read.nulls) {
        if (n.path[0] !== "config" || !n.path[1]?.startsWith("service:")) continue;
        problems.push({
            key: [n.path[1], ...n.path.slice(2)].map(escapeControl).join("."),
            given: `null (written ${JSON.stringify(n.written)}, line ${n.line})`,
            expected: "a value; to take the environment preset's default, delete the key instead of leaving it empty or null",
        });
    }
    for (const keys of controlCharacterPaths(entries)) {
        const full = keys.map(escapeControl).join(".");
        const secret = secretLeaves.some((leaf) => full.startsWith(leaf)) || isSecretPath(full.replace(/:/g, "."), new Set());
        problems.push({
            key: full,
            given: secret ? SECRET_MARK : `a value with a control character (${escapeControl(renderValue(getAt(entries, keys), false))})`,
            expected: "text without control characters (NUL, escape, C1 controls, bidirectional overrides): a provider or Vercel would store them as they are, or refuse them mid-deploy",
        });
    }
    if (problems.length > 0) {
        throw new UsageError(`${name}: ${problems.length} value${problems.length === 1 ? "" : "s"} Pulumi cannot take as written:\n${problems.map((p) => `  - ${p.key}: got ${p.given}; expected ${p.expected}`).join("\n")}`, problems);
    }
    // What the CLI applies from Pulumi.yaml: a key the stack file does not set takes the project's value, as a
    // string for a primitive (`fmt.Sprintf("%v")`) and as JSON for an object or list (workspace/config.go).
    const fromProject: string[] = [];
    for (const [key, value] of Object.entries(project.config)) {
        if (key in config) continue;
        config[key] = value !== null && typeof value === "object" ? JSON.stringify(value) : String(value);
        fromProject.push(key);
    }
    return { stack, file, config, secretKeys, secretLeaves, fromProject };
}

function getAt(value: unknown, keys: string[]): unknown {
    let cur = value;
    for (const k of keys) cur = cur && typeof cur === "object" ? (cur as Record<string, unknown>)[k] : undefined;
    return cur;
}

/**
 * Replaces `{secure: ...}` leaves with the placeholder, reporting whether any was found, where each is, and
 * the paths of `secure:` entries that hold no ciphertext (empty, or not text).
 */
function resolveSecure(value: unknown, at: string): { plain: unknown; secret: boolean; leaves: string[]; malformed: string[] } {
    if (value && typeof value === "object" && !Array.isArray(value)) {
        const obj = value as Record<string, unknown>;
        if ("secure" in obj && Object.keys(obj).length === 1) {
            if (typeof obj.secure === "string" && obj.secure.trim() !== "") return { plain: SECRET_PLACEHOLDER, secret: true, leaves: [at], malformed: [] };
            return { plain: SECRET_PLACEHOLDER, secret: true, leaves: [at], malformed: [at] };
        }
        const out: Record<string, unknown> = {};
        const acc = { secret: false, leaves: [] as string[], malformed: [] as string[] };
        for (const [k, v] of Object.entries(obj)) {
            const r = resolveSecure(v, `${at}.${k}`);
            out[k] = r.plain;
            acc.secret ||= r.secret;
            acc.leaves.push(...r.leaves);
            acc.malformed.push(...r.malformed);
        }
        return { plain: out, ...acc };
    }
    if (Array.isArray(value)) {
        const items = value.map((v, i) => resolveSecure(v, `${at}.${i}`));
        return { plain: items.map((i) => i.plain), secret: items.some((i) => i.secret), leaves: items.flatMap((i) => i.leaves), malformed: items.flatMap((i) => i.malformed) };
    }
    return { plain: value, secret: false, leaves: [], malformed: [] };
}

/** A YAML file's value, every problem refused with the file's name, never with its text. */
function readYamlDocument(file: string, name: string, isStackFile = false) {
    let read;
    try {
        read = readYamlFile(file);
    } catch (e) {
        if (!(e instanceof YamlFileError)) throw e;
        throw new UsageError(e.message, [{ key: name, given: e.given, expected: e.expected }]);
    }
    if (read.problems.length > 0) {
        const problems = read.problems.map((p) => ({
            // A stack file's config values are named by their config key, as every other problem of them is.
            key: p.path.length === 0 ? name : isStackFile && p.path[0] === "config" && p.path.length > 1 ? p.path.slice(1).map(escapeControl).join(".") : `${name}: ${p.path.map(escapeControl).join(".")}`,
            given: `${p.given} (line ${p.line}, column ${p.column})`,
            expected: p.expected,
        }));
        throw new UsageError(`${name} holds values Pulumi cannot take as written:\n${problems.map((p) => `  - ${p.key}: got ${p.given}; expected ${p.expected}`).join("\n")}`, problems);
    }
    return read;
}

function readYaml(file: string, name: string): unknown {
    return readYamlDocument(file, name).value;
}

/** A problem with how the check was invoked or with its input files (exit code 2). */
export class UsageError extends Error {
    constructor(
        message: string,
        /** Each problem on its own, for the JSON error document; empty when the message says it all. */
        readonly problems: InputProblem[] = [],
    ) {
        super(message);
        this.name = "UsageError";
    }
}
