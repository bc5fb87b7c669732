/**
 * Reads a JSON file handed to the check from elsewhere (`--state`, `--baseline`, `--policy-config`) as
 * untrusted input. An error names the file, the line and the column, never the text there: V8's JSON.parse
 * messages quote the source around a mistake (`Unexpected token ... "password": "..." is not valid JSON`),
 * which in a `pulumi stack export --show-secrets` file is part of a secret. Nesting is bounded before parsing,
 * so a hostile file cannot exhaust the stack of every later walk over it.
 */
import * as fs from "fs";
import { UsageError } from "./engine/stackFiles";
import { escapeControl } from "../config/guards";
import type { InputProblem } from "../config/problem";

/** Deeper than any stack export, report or policy config the check reads; far below what the walks survive. */
export const MAX_JSON_DEPTH = 200;

function lineColumn(text: string, offset: number): string {
    const before = text.slice(0, offset);
    return `line ${before.split("\n").length}, column ${offset - before.lastIndexOf("\n")}`;
}

/** Offset where nesting first exceeds `max`, outside strings; undefined when it never does. */
function tooDeepAt(text: string, max: number): number | undefined {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === 0x5c) i++;
            else if (c === 0x22) inString = false;
        } else if (c === 0x22) {
            inString = true;
        } else if (c === 0x7b || c === 0x5b) {
            if (++depth > max) return i;
        } else if (c === 0x7d || c === 0x5d) {
            depth--;
        }
    }
    return undefined;
}

/** The parsed document; a `UsageError` naming `flag` and `file` (never the file's text) when it is not one. */
export function readJsonFile(file: string, flag: string, expected: string): unknown {
    const refuse = (value: string, why: string): never => {
        throw new UsageError(`${flag} ${file}: ${why}; expected ${expected}`, [{ key: flag, given: value, expected: `${expected} (${why})` }]);
    };
    let bytes: Buffer;
    try {
        bytes = fs.readFileSync(file);
    } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        return refuse(file, code === "ENOENT" ? "no such file" : `cannot be read (${code ?? "error"})`);
    }
    let text: string;
    try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
        return refuse(`${file} (not UTF-8)`, "not UTF-8 text");
    }
    const deep = tooDeepAt(text, MAX_JSON_DEPTH);
    if (deep !== undefined) return refuse(`${file} (nested more than ${MAX_JSON_DEPTH} deep)`, `values nested more than ${MAX_JSON_DEPTH} deep at ${lineColumn(text, deep)}`);
    try {
        return JSON.parse(text);
    } catch (e) {
        const position = /position (\d+)/.exec((e as Error).message)?.[1];
        return refuse(`${file} (invalid JSON)`, `not valid JSON${position ? ` at ${lineColumn(text, Number(position))}` : " (it ends too early)"}`);
    }
}

/** A URN as the engine writes it: `urn:pulumi:<stack>::<project>::<type chain>::<name>`. */
const URN = /^urn:pulumi:[^:]+::[^:]+::.+::.*$/s;

/** A value from a hostile file, as a message may show it: escaped, shortened, typed. */
export function shown(value: unknown): string {
    const text = typeof value === "string" ? JSON.stringify(escapeControl(value)) : (JSON.stringify(value) ?? String(value));
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/**
 * The resources of a stack export's `deployment`, each checked for the shape the engine writes: an object with
 * a URN string of the engine's form and a type, a parent chain without cycles, a `sourcePosition` that
 * decodes, no URN twice among the live ones. Every problem at once (up to 20), each by its path in the file.
 */
export function exportResourceList(deployment: unknown, flag: string, file: string): Array<Record<string, unknown>> {
    const problems: InputProblem[] = [];
    const add = (path: string, value: string, expected: string) => problems.length < 20 && problems.push({ key: `${flag} ${path}`, given: value, expected });
    if (!deployment || typeof deployment !== "object" || Array.isArray(deployment)) {
        add("deployment", shown(deployment), "an object with a `resources` list");
    }
    const list = (deployment as { resources?: unknown } | null)?.resources;
    if (list !== undefined && !Array.isArray(list)) add("deployment.resources", shown(list), "a list of resources");
    const resources = Array.isArray(list) ? list : [];
    const live = new Map<string, number>();
    resources.forEach((r, i) => {
        const at = `deployment.resources[${i}]`;
        if (!r || typeof r !== "object" || Array.isArray(r)) return void add(at, shown(r), "a resource object with urn and type");
        const res = r as Record<string, unknown>;
        if (typeof res.urn !== "string" || !URN.test(res.urn)) add(`${at}.urn`, shown(res.urn), "a URN string urn:pulumi:<stack>::<project>::<type>::<name>");
        if (typeof res.type !== "string" || !res.type) add(`${at}.type`, shown(res.type), "a resource type token such as aws:s3/bucket:Bucket");
        if (res.parent !== undefined && res.parent !== "" && typeof res.parent !== "string") add(`${at}.parent`, shown(res.parent), "the parent's URN");
        if (res.sourcePosition !== undefined) {
            const ok = typeof res.sourcePosition === "string" && (() => {
                try {
                    decodeURIComponent(res.sourcePosition as string);
                    return true;
                } catch {
                    return false;
                }
            })();
            if (!ok) add(`${at}.sourcePosition`, shown(res.sourcePosition), "project:///<path>#<line>,<column> with valid %-escapes");
        }
        if (typeof res.urn === "string" && res.delete !== true) {
            const first = live.get(res.urn);
            if (first !== undefined) add(`${at}.urn`, shown(res.urn), `a URN of its own: resource ${first} has the same one, and the engine refuses a duplicate URN`);
            else live.set(res.urn, i);
        }
    });
    // The engine writes a parent before its children; a cycle could never have been deployed.
    const parentOf = new Map<string, string>();
    for (const r of resources as Array<Record<string, unknown>>) {
        if (r && typeof r === "object" && typeof r.urn === "string" && typeof r.parent === "string" && r.parent && r.delete !== true) parentOf.set(r.urn, r.parent);
    }
    for (const [urn, i] of live) {
        const chain = new Set<string>([urn]);
        for (let p = parentOf.get(urn); p; p = parentOf.get(p)) {
            if (chain.has(p)) {
                add(`deployment.resources[${i}].parent`, shown(parentOf.get(urn)), "a parent chain that ends at the stack: this one comes back to the resource itself");
                break;
            }
            chain.add(p);
        }
    }
    if (problems.length > 0) {
        throw new UsageError(`${flag} ${file}: not a stack export the engine could have written:\n${problems.map((p) => `  - ${p.key}: got ${p.given}; expected ${p.expected}`).join("\n")}`, problems);
    }
    return resources as Array<Record<string, unknown>>;
}
