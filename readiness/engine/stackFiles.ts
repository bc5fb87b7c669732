/**
 * Reads `Pulumi.yaml` and `Pulumi.<stack>.yaml` the way the CLI hands config to a program: every value a
 * string (objects as JSON), secure values decrypted. Offline we cannot decrypt, so each `secure:` value
 * becomes an opaque placeholder that the program still sees as a secret.
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";

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

export function readProject(dir: string): ProjectFile {
    const file = path.join(dir, "Pulumi.yaml");
    const doc = parseYamlFile(file) as { name?: unknown };
    if (typeof doc?.name !== "string" || !doc.name) throw new UsageError(`${file} has no project name`);
    return { name: doc.name, dir };
}

/** Stack names of every `Pulumi.<stack>.yaml` beside `Pulumi.yaml`, sorted. */
export function listStacks(dir: string): string[] {
    return fs
        .readdirSync(dir)
        .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
        .filter((s): s is string => !!s)
        .sort();
}

export function readStackFile(dir: string, stack: string): StackFile {
    const file = [".yaml", ".yml"].map((ext) => path.join(dir, `Pulumi.${stack}${ext}`)).find((f) => fs.existsSync(f));
    if (!file) throw new UsageError(`no stack file Pulumi.${stack}.yaml in ${dir} (stacks here: ${listStacks(dir).join(", ") || "none"})`);
    const doc = (parseYamlFile(file) ?? {}) as { config?: Record<string, unknown> };
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [key, value] of Object.entries(doc.config ?? {})) {
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
    } catch {
        throw new UsageError(`cannot read ${file}`);
    }
    try {
        return parse(text);
    } catch (e) {
        throw new UsageError(`${file} is not valid YAML: ${(e as Error).message}`);
    }
}

/** A problem with how the check was invoked or with its input files (exit code 2). */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}
