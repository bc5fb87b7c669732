/**
 * Runs test/programs/app-stack.ts (or the real index.ts) against an example stack file plus overrides, as
 * `checkStack` does, keeping the raw recorded registrations (secrets still wrapped) that a report redacts.
 */
import * as path from "path";
import { runCheck } from "../../readiness/check";
import { defaultLayout } from "../../readiness/layout";
import { EXAMPLE } from "../support";
import type { Diagnostic } from "../../readiness/engine/analyzer";
import type { ProgramRun } from "../../readiness/engine/run";
import { SECRET_PLACEHOLDER } from "../../readiness/engine/stackFiles";

export interface AppCheck {
    run: ProgramRun;
    diagnostics: Diagnostic[];
}

export interface AppCheckOptions {
    preview?: boolean;
    /** `app-stack` (the stand-in data tier, default) or `index` (the whole program). */
    program?: "app-stack" | "index";
}

/** What a required secret the stack file does not set reads as: the check's own placeholder. */
export const MISSING_SECRET_VALUE = SECRET_PLACEHOLDER;

/** `overrides` are `service:<key>` values (objects as JSON); apiKeys in them are treated as secret config. */
export async function checkAppProgram(stack: string, overrides: Record<string, unknown> = {}, opts: AppCheckOptions = {}): Promise<AppCheck> {
    const configOverrides: Record<string, string> = {};
    for (const [k, v] of Object.entries(overrides)) configOverrides[k] = typeof v === "string" ? v : JSON.stringify(v);
    const { run, diagnostics } = await runCheck({
        stack,
        layout: EXAMPLE,
        configOverrides,
        secretOverrides: ["service:apiKeys"],
        preview: opts.preview,
        program: opts.program === "index" ? undefined : path.join(defaultLayout().dist, "test", "programs", "app-stack.js"),
    });
    return { run, diagnostics };
}
