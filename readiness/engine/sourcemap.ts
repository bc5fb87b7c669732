/**
 * Maps a position in compiled JavaScript back to the TypeScript line that declared a resource, using the
 * `.js.map` files tsc writes beside its output. Maps are read once per file, and only for positions asked.
 */
import * as fs from "fs";
import { SourceMap } from "module";
import * as path from "path";
import { fileURLToPath, pathToFileURL } from "url";

export interface SourcePosition {
    /** `file://` URI of the source file. */
    uri: string;
    /** 1-based line. */
    line: number;
    /** 1-based column. */
    column: number;
}

const maps = new Map<string, SourceMap | null>();

function mapFor(file: string): SourceMap | null {
    if (!maps.has(file)) {
        let map: SourceMap | null = null;
        try {
            map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, "utf8")));
        } catch {
            map = null;
        }
        maps.set(file, map);
    }
    return maps.get(file)!;
}

export function mapToSource(pos: SourcePosition): SourcePosition {
    if (!pos.uri.startsWith("file:") || !pos.uri.endsWith(".js")) return pos;
    const file = fileURLToPath(pos.uri);
    const map = mapFor(file);
    const entry = map?.findEntry(pos.line - 1, pos.column - 1) as
        | { originalSource?: string; originalLine?: number; originalColumn?: number }
        | undefined;
    if (!entry?.originalSource || entry.originalLine === undefined) return pos;
    const source = entry.originalSource.startsWith("file:")
        ? fileURLToPath(entry.originalSource)
        : path.resolve(path.dirname(file), entry.originalSource);
    return { uri: pathToFileURL(source).toString(), line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
}
