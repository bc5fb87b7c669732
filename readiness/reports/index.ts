/** Every report format, by the name `--format` takes. */
import type { StackReport } from "../report";
import { renderJson } from "./json";
import { renderJunit } from "./junit";
import { renderMarkdown } from "./markdown";
import { renderSarif } from "./sarif";
import { renderText, TextOptions } from "./text";

export const FORMATS = {
    text: renderText,
    json: renderJson,
    sarif: renderSarif,
    markdown: renderMarkdown,
    junit: renderJunit,
} satisfies Record<string, (reports: StackReport[]) => string>;

export type Format = keyof typeof FORMATS;

/** `options` shape the text format only (the machine formats always carry everything). */
export function render(format: Format, reports: StackReport[], options: TextOptions = {}): string {
    return format === "text" ? renderText(reports, options) : FORMATS[format](reports);
}
