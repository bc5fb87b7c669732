/**
 * Reads `Pulumi.yaml` and `Pulumi.<stack>.yaml` the way the CLI hands config to a program: every value a
 * string (objects as JSON), secure values decrypted. Offline we cannot decrypt, so each `secure:` value
 * becomes an opaque placeholder that the program still sees as a secret.
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { WORKED_EXAMPLE_PROJECT } from "../../config/example";
import { editDistance } from "../../config/guards";

/** What a `secure:` value reads as offline. Rules treat it as a value of unknown content. */
export const SECRET_PLACEHOLDER = "offline-secret-placeholder";

export interface StackFile {
    stack: string;
    file: string;
    /** `namespace:key` to the string value Pulumi would pass in PULUMI_CONFIG. */
    config: Record<string, string>;
    /** Keys holding at least one secure value. */
    secretKeys: string[];
}

export interface ProjectFile {
    name: string;
    dir: string;
}

/**
 * What `pulumi new` replaces with the new project's name in every file it copies. Spelled in two parts so that
 * the copy of this very file keeps it.
 */
export const PROJECT_PLACEHOLDER = "$" + "{PROJECT}";

export function readProject(dir: string): ProjectFile {
    const file = path.join(dir, "Pulumi.yaml");
    const doc = parseYamlFile(file) as { name?: unknown; template?: unknown };
    if (typeof doc?.name !== "string" || !doc.name) throw new UsageError(`${file} has no project name`);
    if (doc.name === PROJECT_PLACEHOLDER) {
        // The template repository itself: its stack files are the worked example, checked as the example's project.
        if (hasTemplateSection(doc)) return { name: WORKED_EXAMPLE_PROJECT, dir };
        throw new UsageError(
            `${file}: the project name is still ${PROJECT_PLACEHOLDER}, a placeholder \`pulumi new\` replaces; set \`name:\` to the service's project name`,
            [{ key: "Pulumi.yaml: name", value: PROJECT_PLACEHOLDER, expected: "the project's name (letters, digits, hyphens, underscores and dots)" }],
        );
    }
    return { name: doc.name, dir };
}

/** True in the template repository itself: its Pulumi.yaml still has the section `pulumi new` reads and drops. */
export function isTemplateSource(dir: string): boolean {
    return hasTemplateSection(parseYamlFile(path.join(dir, "Pulumi.yaml")) as { template?: unknown } | null);
}

function hasTemplateSection(doc: { template?: unknown } | null): boolean {
    return doc?.template !== undefined && doc?.template !== null;
}

/** Stack names of every `Pulumi.<stack>.yaml` beside `Pulumi.yaml`, sorted. */
export function listStacks(dir: string): string[] {
    return fs
        .readdirSync(dir)
        .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
        .filter((s): s is string => !!s)
        .sort();
}

/** Top-level keys of a stack file the Pulumi CLI knows (workspace.ProjectStack). */
const STACK_FILE_KEYS = ["config", "secretsprovider", "encryptedkey", "encryptionsalt", "environment"];

const STACK_FILE_SHAPE =
    "a YAML mapping with a `config:` section of `namespace:key: value` entries, such as\n" +
    "      config:\n        service:environment: dev\n        service:name: my-service";

export function readStackFile(dir: string, stack: string): StackFile {
    const file = [".yaml", ".yml"].map((ext) => path.join(dir, `Pulumi.${stack}${ext}`)).find((f) => fs.existsSync(f));
    if (!file) throw new UsageError(`no stack file Pulumi.${stack}.yaml in ${dir} (stacks here: ${listStacks(dir).join(", ") || "none"})`);
    const name = path.basename(file);
    const doc = parseYamlFile(file);
    const shape = (key: string, value: string, expected: string): never => {
        throw new UsageError(`${name} is not a stack file Pulumi can read: ${key}: got ${value}; expected ${expected}`, [{ key, value, expected }]);
    };
    if (doc === null || doc === undefined) shape(name, "an empty file", STACK_FILE_SHAPE);
    if (typeof doc !== "object" || Array.isArray(doc)) shape(name, Array.isArray(doc) ? "a list" : `the scalar ${JSON.stringify(doc)}`, STACK_FILE_SHAPE);
    const sections = doc as Record<string, unknown>;
    const unknown = Object.keys(sections).filter((k) => !STACK_FILE_KEYS.includes(k));
    if (unknown.length > 0) {
        const problems = unknown.map((k) => {
            const meant = STACK_FILE_KEYS.find((known) => editDistance(known, k.toLowerCase()) <= 2);
            return {
                key: `${name}: ${k}`,
                value: "a section Pulumi does not read",
                expected: `${meant ? `\`${meant}:\` (a typo?); ` : ""}the sections of a stack file are ${STACK_FILE_KEYS.map((s) => `${s}:`).join(", ")}`,
            };
        });
        throw new UsageError(`${name} has sections Pulumi does not read:\n${problems.map((p) => `  - ${p.key}: expected ${p.expected}`).join("\n")}`, problems);
    }
    if (typeof sections.environment === "string") {
        shape(`${name}: environment`, JSON.stringify(sections.environment), "a list of Pulumi ESC environments to import; the template's environment preset is `service:environment` under `config:`");
    }
    const section = sections.config ?? {};
    if (typeof section !== "object" || section === null || Array.isArray(section)) {
        shape(`${name}: config`, Array.isArray(section) ? "a list" : `the scalar ${JSON.stringify(section)}`, "a mapping of `namespace:key: value` entries (`service:environment: dev`), not a list: drop the leading `- `");
    }
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [key, value] of Object.entries(section as Record<string, unknown>)) {
        const { plain, secret } = resolveSecure(value);
        config[key] = typeof plain === "string" ? plain : JSON.stringify(plain);
        if (secret) secretKeys.push(key);
    }
    return { stack, file, config, secretKeys };
}

/** Replaces `{secure: ...}` leaves with the placeholder, reporting whether any was found. */
function resolveSecure(value: unknown): { plain: unknown; secret: boolean } {
    if (value && typeof value === "object" && !Array.isArray(value)) {
        const obj = value as Record<string, unknown>;
        if (Object.keys(obj).length === 1 && typeof obj.secure === "string") return { plain: SECRET_PLACEHOLDER, secret: true };
        let secret = false;
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(obj)) {
            const r = resolveSecure(v);
            out[k] = r.plain;
            secret ||= r.secret;
        }
        return { plain: out, secret };
    }
    if (Array.isArray(value)) {
        const items = value.map(resolveSecure);
        return { plain: items.map((i) => i.plain), secret: items.some((i) => i.secret) };
    }
    return { plain: value, secret: false };
}

function parseYamlFile(file: string): unknown {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        const reason = (e as NodeJS.ErrnoException).code ?? "unreadable";
        throw new UsageError(`cannot read ${file} (${reason})`, [{ key: path.basename(file), value: file, expected: `a readable file (${reason})` }]);
    }
    try {
        return parse(text);
    } catch (e) {
        const reason = (e as Error).message.split("\n")[0];
        throw new UsageError(`${file} is not valid YAML: ${reason}`, [{ key: path.basename(file), value: "invalid YAML", expected: `valid YAML (${reason})` }]);
    }
}

/** One thing wrong with the input: the key (or flag, or file), the value given and what is expected. */
export interface InputProblem {
    key: string;
    /** As given, rendered for a message; `[secret]` for anything secret. */
    value: string;
    expected: string;
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
