/**
 * Runs test/programs/app-stack.ts (or the real index.ts) against a committed stack file plus overrides and
 * evaluates the real pack with the stack's environment policy config, the way `checkStack` does, keeping the
 * raw recorded registrations (secrets still wrapped) that a report redacts.
 */
import * as fs from "fs";
import * as path from "path";
import { CONFIG_NAMESPACE, missingRequiredSecrets } from "../../config";
import { defaultLayout } from "../../readiness/check";
import { analyzeResources, configure, Diagnostic, resolvePolicyConfig } from "../../readiness/engine/analyzer";
import { ProgramRun, runProgram } from "../../readiness/engine/run";
import { readProject, readStackFile } from "../../readiness/engine/stackFiles";
import { packFor } from "../../readiness/engine/synthetic";

export interface AppCheck {
    run: ProgramRun;
    diagnostics: Diagnostic[];
}

export interface AppCheckOptions {
    preview?: boolean;
    /** `app-stack` (the stand-in data tier, default) or `index` (the whole program). */
    program?: "app-stack" | "index";
}

/** Stands in for a required secret the stack file does not set; it contains the stand-in's secret marker. */
export const MISSING_SECRET_VALUE = "MOCKSECRET-unset-api-key";

/** `overrides` are `service:<key>` values (objects as JSON); apiKeys in them are treated as secret config. */
export async function checkAppProgram(stack: string, overrides: Record<string, unknown> = {}, opts: AppCheckOptions = {}): Promise<AppCheck> {
    const layout = defaultLayout();
    const project = readProject(layout.root);
    const file = readStackFile(layout.root, stack);
    const config = { ...file.config };
    for (const [k, v] of Object.entries(overrides)) config[k] = typeof v === "string" ? v : JSON.stringify(v);
    const apiKeysKey = `${CONFIG_NAMESPACE}:apiKeys`;
    const apiKeys = JSON.parse(config[apiKeysKey] ?? "{}") as Record<string, string>;
    for (const key of missingRequiredSecrets(config)) apiKeys[key.slice(apiKeysKey.length + 1)] = MISSING_SECRET_VALUE;
    config[apiKeysKey] = JSON.stringify(apiKeys);
    const secretKeys = [...new Set([...file.secretKeys, apiKeysKey])];

    const environment = config[`${CONFIG_NAMESPACE}:environment`];
    const pack = packFor(layout);
    const policyFile = path.join(layout.root, "policies", "config", `${environment}.json`);
    const resolved = resolvePolicyConfig(pack, JSON.parse(fs.readFileSync(policyFile, "utf8")), policyFile);
    const aws = JSON.parse(config[`${CONFIG_NAMESPACE}:aws`] ?? "{}") as { region?: string; accountId?: string };
    const run = await runProgram({
        program: opts.program === "index" ? path.join(layout.dist, "index.js") : path.join(layout.dist, "test", "programs", "app-stack.js"),
        project: project.name,
        stack,
        config,
        secretKeys,
        preview: opts.preview === true,
        mock: { region: aws.region ?? "us-east-1", accountId: aws.accountId ?? "111111111111" },
    });
    await configure(pack, resolved);
    return { run, diagnostics: await analyzeResources(pack, run.resources) };
}
