/**
 * Reads a YAML file the user owns (Pulumi.yaml, a stack file) as untrusted input. Nothing about it is ever
 * printed from the file's text: a stack file holds credentials, and a parser that quotes the line around a
 * mistake (the `yaml` library's pretty errors and its warnings on stderr) would print one. Errors name the file,
 * the line and column, and what kind of mistake it is; values are shown only by the caller, which knows which
 * keys are secret.
 *
 * Besides syntax, it refuses what YAML can hold but a Pulumi config value cannot: explicit tags other than the
 * core schema's (`!secret`, `!!binary`, `!!python/object:...`), numbers no JSON can carry (`.nan`, `.inf`,
 * `1e400`), text that is not UTF-8 and control characters. The Pulumi CLI turns every config value into a string
 * or JSON (pulumi/pulumi sdk/go/common/workspace/config.go, `createConfigValue`: `fmt.Sprintf("%v")` for
 * primitives, `json.Marshal` for objects, which refuses NaN and infinities), so none of them reaches a program as
 * the user meant it.
 */
import * as fs from "fs";
import { isMap, isPair, isScalar, isSeq, Node, parseDocument } from "yaml";
import { escapeControl, hasControl } from "../../config/guards";

/** One thing wrong in the file, located by line and column, with the YAML path when there is one. */
export interface YamlProblem {
    /** Keys from the document root, such as `["config", "service:name"]`; empty for a syntax error. */
    path: string[];
    line: number;
    column: number;
    /** What was written, safe to show: a tag, a number's spelling, `~`; never a value's text. */
    given: string;
    expected: string;
}

export interface YamlRead {
    value: unknown;
    problems: YamlProblem[];
    /** Paths (keys from the root) of scalars written as null: `~`, `null` or nothing after the colon, with the spelling. */
    nulls: Array<{ path: string[]; written: string; line: number; column: number }>;
}

/** The YAML 1.2 core schema's tags: an explicit one of these changes nothing Pulumi would not also read. */
const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`));

/** Thrown when the file cannot be read or parsed at all; the message never quotes the file's text. */
export class YamlFileError extends Error {
    constructor(
        message: string,
        readonly given: string,
        readonly expected: string,
    ) {
        super(message);
        this.name = "YamlFileError";
    }
}

/** `DUPLICATE_KEY` to "duplicate key": the `yaml` library's error codes, which never carry source text. */
const phrase = (code: string) => code.toLowerCase().replace(/_/g, " ");

function lineColumn(text: string, offset: number): { line: number; column: number } {
    const before = text.slice(0, Math.max(0, offset));
    const line = before.split("\n").length;
    return { line, column: offset - before.lastIndexOf("\n") };
}

/** Offset of the first byte that is not UTF-8, by re-encoding what decodes cleanly. */
function firstInvalidByte(bytes: Buffer): number {
    const decoded = bytes.toString("utf8");
    const cut = decoded.indexOf("\uFFFD");
    return Buffer.byteLength(cut < 0 ? decoded : decoded.slice(0, cut), "utf8");
}

export function readYamlFile(file: string): YamlRead {
    let bytes: Buffer;
    try {
        bytes = fs.readFileSync(file);
    } catch (e) {
        const reason = (e as NodeJS.ErrnoException).code ?? "unreadable";
        throw new YamlFileError(`cannot read ${file} (${reason})`, file, `a readable file (${reason})`);
    }
    let text: string;
    try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
        const at = firstInvalidByte(bytes);
        const line = bytes.subarray(0, at).toString("utf8").split("\n").length;
        throw new YamlFileError(
            `${file} is not UTF-8 text: byte ${at} (line ${line}) is not valid UTF-8`,
            `a byte that is not UTF-8 at line ${line}`,
            "a UTF-8 file, as Pulumi writes and reads it: save it as UTF-8 (a Latin-1 é is the bytes C3 A9 in UTF-8)",
        );
    }
    // `logLevel: silent` keeps the library from printing warnings (with the source line) to stderr;
    // `prettyErrors: false` keeps the source excerpt out of its messages. Both are collected below.
    const doc = parseDocument(text, { logLevel: "silent", prettyErrors: false, uniqueKeys: true });
    const syntax = [...doc.errors, ...doc.warnings.filter((w) => w.code !== "TAG_RESOLVE_FAILED")];
    if (syntax.length > 0) {
        const first = syntax[0];
        const { line, column } = lineColumn(text, first.pos[0]);
        const what = `${phrase(first.code)} at line ${line}, column ${column}`;
        throw new YamlFileError(`${file} is not valid YAML: ${what}`, "invalid YAML", `valid YAML (${what})`);
    }
    const problems: YamlProblem[] = [];
    const nulls: YamlRead["nulls"] = [];
    const at = (node: Node) => lineColumn(text, node.range?.[0] ?? 0);
    const walk = (node: unknown, keys: string[], depth: number): void => {
        if (!node || typeof node !== "object") return;
        const n = node as Node;
        if (depth > 64) {
            problems.push({ path: keys, ...at(n), given: "values nested more than 64 deep", expected: "a config value of ordinary depth" });
            return;
        }
        if (n.tag && !CORE_TAGS.has(n.tag)) {
            // The tag's name is shown, up to its first ':' (a Python tag's argument is code, not a name).
            const tag = n.tag.replace(/^tag:yaml\.org,2002:/, "!!").split(":")[0].slice(0, 40);
            problems.push({
                path: keys,
                ...at(n),
                given: `the YAML tag ${escapeControl(tag)}`,
                expected: "a plain value without a tag: Pulumi config has no tags (a secret is written by `pulumi config set --secret`, as `secure: <ciphertext>`)",
            });
            return;
        }
        if (isScalar(n)) {
            const v = n.value;
            if (typeof v === "number" && !Number.isFinite(v)) {
                problems.push({
                    path: keys,
                    ...at(n),
                    given: JSON.stringify(escapeControl(String(n.source ?? v))),
                    expected: "a finite number (YAML reads .nan, .inf and numbers beyond 1.8e308 as values JSON cannot hold, and Pulumi passes config as JSON)",
                });
            } else if (v === null) {
                nulls.push({ path: keys, written: n.source === "" || n.source === undefined ? "nothing after the colon" : String(n.source), ...at(n) });
            }
            return;
        }
        if (isMap(n)) {
            for (const item of n.items) {
                if (!isPair(item)) continue;
                const keyNode = item.key as Node | null;
                if (keyNode && !isScalar(keyNode)) {
                    problems.push({ path: keys, ...at(keyNode), given: "a key that is a list or a mapping", expected: "a plain text key" });
                    continue;
                }
                const key = isScalar(keyNode) ? String(keyNode.value) : "";
                if (keyNode && keyNode.tag && !CORE_TAGS.has(keyNode.tag)) walk(keyNode, [...keys, key], depth + 1);
                walk(item.value, [...keys, key], depth + 1);
            }
            return;
        }
        if (isSeq(n)) n.items.forEach((item, i) => walk(item, [...keys, String(i)], depth + 1));
    };
    walk(doc.contents, [], 0);
    return { value: problems.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 }), problems, nulls };
}

/** Paths of every string (key or value) holding a control character, for the caller to refuse. */
export function controlCharacterPaths(value: unknown, keys: string[] = []): string[][] {
    if (typeof value === "string") return hasControl(value) ? [keys] : [];
    if (Array.isArray(value)) return value.flatMap((v, i) => controlCharacterPaths(v, [...keys, String(i)]));
    if (value && typeof value === "object") {
        return Object.entries(value).flatMap(([k, v]) => (hasControl(k) ? [[...keys, k]] : controlCharacterPaths(v, [...keys, k])));
    }
    return [];
}

