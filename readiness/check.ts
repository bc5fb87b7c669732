/**
 * The readiness check of one stack: run the program offline, evaluate the pack with the stack's
 * environment config, and build the report every format renders.
 */
import * as fs from "fs";
import * as path from "path";
import { fileURLToPath } from "url";
import { CONFIG_NAMESPACE, parseServiceConfig } from "../config";
import { parseExempted } from "../policies/lib/exemptions";
import { analyzeResources, configure, Diagnostic, EnforcementLevel, loadPack, LoadedPack, resolvePolicyConfig } from "./engine/analyzer";
import { prepareConfig } from "./engine/inputs";
import { costChangeAgainst, estimateStackCost } from "./cost";
import { ProgramError, ProgramRun, RecordedResource, runProgram } from "./engine/run";
import { readProject, readStackFile, UsageError } from "./engine/stackFiles";
import { ProviderError, validateProviderInputs } from "./providers";
import { redact } from "./redact";
import { BaselineDocument, baselineFor, changesFor, loadBaseline } from "./changes";
import { blocks, ReportExemption, ReportNotEvaluated, ReportResource, ReportViolation, StackReport } from "./report";

/** Where things live, relative to the project root; tests point these at copies. */
export interface Layout {
    /** Project root: Pulumi.yaml and the stack files. */
    root: string;
    /** Compiled output root (tsc's outDir). */
    dist: string;
    /** Folder holding the Pulumi.yaml and stack files to check, if not the root (tests check example stacks this way). */
    project?: string;
}

/** This file compiles to <dist>/readiness/check.js; the root is the nearest folder above with a Pulumi.yaml. */
export function defaultLayout(): Layout {
    const dist = path.resolve(__dirname, "..");
    let root = path.dirname(dist);
    while (!fs.existsSync(path.join(root, "Pulumi.yaml")) && path.dirname(root) !== root) root = path.dirname(root);
    return { root, dist };
}

export interface CheckOptions {
    stack: string;
    /** Leave computed outputs unknown, as in the first preview of a new stack. */
    preview?: boolean;
    /** Policy config file; defaults to `policies/config/<environment>.json`. */
    policyConfig?: string;
    /** Refuse to stand placeholders in for required secrets the stack file does not set. */
    strictSecrets?: boolean;
    /** Extra raw config (`service:key` to string), applied over the stack file; tests use it for variants. */
    configOverrides?: Record<string, string>;
    /** Secret config keys among the overrides. */
    secretOverrides?: string[];
    /** An earlier report or `pulumi stack export` (a file, or one already loaded) to compute `changes` against. */
    baseline?: string | BaselineDocument;
    /** Compiled program to run instead of `<dist>/index.js` (tests run parts of the stack this way). */
    program?: string;
    layout?: Layout;
}

/** The pack the CLI would load from `policies/`, compiled under the layout's dist. */
export function packFor(layout: Layout = defaultLayout()): LoadedPack {
    return loadPack(path.join(layout.root, "policies"), path.join(layout.dist, "policies", "index.js"), path.join(layout.dist, "policies", "pack.js"));
}

export async function checkStack(opts: CheckOptions): Promise<StackReport> {
    return (await runCheck(opts)).report;
}

/** A check with what the report is built from: the raw registrations (secrets still wrapped) and diagnostics. */
export interface StackCheck {
    report: StackReport;
    run: ProgramRun;
    diagnostics: Diagnostic[];
}

export async function runCheck(opts: CheckOptions): Promise<StackCheck> {
    const layout = opts.layout ?? defaultLayout();
    const project = readProject(layout.project ?? layout.root);
    const stackFile = readStackFile(layout.project ?? layout.root, opts.stack);
    const mergedConfig = { ...stackFile.config, ...(opts.configOverrides ?? {}) };
    const requestedSecrets = [...new Set([...stackFile.secretKeys, ...(opts.secretOverrides ?? [])])];
    // A baseline that cannot be read, or is of another stack, fails before the program runs.
    const baselineDoc = typeof opts.baseline === "string" ? loadBaseline(opts.baseline) : opts.baseline;
    const baseline = baselineDoc ? baselineFor(baselineDoc, opts.stack, project.name) : undefined;
    // Every problem of the stack file is reported here, before the policy config is looked up or anything runs.
    const prepared = prepareConfig({ project: project.name, stackFile, config: mergedConfig, secretKeys: requestedSecrets, strictSecrets: opts.strictSecrets });
    const { config, secretKeys, notes } = prepared;

    const environment = config[`${CONFIG_NAMESPACE}:environment`] ?? "";
    const policyConfigFile = opts.policyConfig ?? path.join(layout.root, "policies", "config", `${environment}.json`);
    const pack = packFor(layout);
    const resolved = resolvePolicyConfig(pack, readPolicyConfigJson(policyConfigFile, environment), path.relative(layout.root, policyConfigFile) || policyConfigFile);

    const aws = safeJson(config[`${CONFIG_NAMESPACE}:aws`]) as { region?: string; accountId?: string } | undefined;
    const runOptions = {
        program: opts.program ?? path.join(layout.dist, "index.js"),
        project: project.name,
        stack: opts.stack,
        config,
        secretKeys,
        preview: opts.preview === true,
        mock: { region: aws?.region ?? "us-east-1", accountId: aws?.accountId ?? "111111111111" },
    };
    const { report, run, diagnostics } = await memoised(JSON.stringify([layout, runOptions, policyConfigFile, resolved, notes]), async () => {
        const run = await runProgram(runOptions);
        await configure(pack, resolved);
        const diagnostics = await analyzeResources(pack, run.resources);
        const report = buildReport({
            stack: opts.stack,
            environment,
            project: project.name,
            preview: opts.preview === true,
            reachability: safeJson(config[`${CONFIG_NAMESPACE}:reachability`]) as string | undefined,
            stackFile: path.relative(layout.root, stackFile.file).split(path.sep).join("/"),
            pack: { name: pack.name, version: pack.version, config: path.relative(layout.root, policyConfigFile) },
            resources: run.resources,
            diagnostics,
            rules: new Map(pack.rules.map((r) => [r.name, r.doc])),
            root: layout.root,
            notes,
            providerErrors: validateProviderInputs(run.resources),
        });
        return { report, run, diagnostics };
    });
    if (baselineDoc) {
        const set = changesFor(report, run, baselineDoc, baseline, protectDataOf(config, secretKeys));
        report.baseline = set.baseline;
        report.changes = set.changes;
        report.costChange = costChangeAgainst(report, run.resources, baseline);
        report.violations.push(...set.violations);
        report.notes.push(...set.notes);
        report.summary.mandatory = report.violations.filter((v) => v.enforcementLevel === "mandatory").length;
        report.summary.advisory = report.violations.filter((v) => v.enforcementLevel === "advisory").length;
    }
    return { report, run, diagnostics };
}

/** `service:protectData` as the program resolved it (preset included); the program already validated the config. */
function protectDataOf(config: Record<string, string>, secretKeys: string[]): boolean {
    return parseServiceConfig(config, new Set(secretKeys)).protectData;
}

/**
 * Checks already made in this process, by everything they depend on (program, config, policy config), once
 * `rememberChecks()` turned this on. A run is deterministic for its inputs, and the test suite checks the same
 * configuration many times over; each caller gets its own copy, so no caller sees another's changes. The CLI
 * checks each stack once and leaves it off (a copy of a large stack's check costs memory).
 */
let checks: Map<string, Promise<StackCheck>> | undefined;

export function rememberChecks(): void {
    checks ??= new Map();
}

async function memoised(key: string, check: () => Promise<StackCheck>): Promise<StackCheck> {
    if (!checks) return check();
    let pending = checks.get(key);
    if (!pending) {
        pending = check();
        checks.set(key, pending);
        pending.catch(() => checks?.delete(key));
    }
    return structuredClone(await pending);
}


/** Reads the policy config document of an environment (exit 2 when it is missing or not JSON). */
export function readPolicyConfigJson(file: string, environment: string): unknown {
    if (!fs.existsSync(file)) {
        const expected = `a policy config for environment "${environment}": add one (copy policies/config/prod.json) or pass --policy-config`;
        throw new UsageError(`no policy config ${file}; expected ${expected}`, [{ key: file, value: "(no such file)", expected }]);
    }
    try {
        return JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        const reason = (e as Error).message.split("\n")[0];
        throw new UsageError(`${file} is not valid JSON: ${reason}`, [{ key: file, value: "invalid JSON", expected: `a JSON document (${reason})` }]);
    }
}

function safeJson(value: string | undefined): unknown {
    if (value === undefined) return undefined;
    try {
        return JSON.parse(value);
    } catch {
        return value;
    }
}

const PREVIEW_UNKNOWN = /^can't run (policy|remediation) '[^']+' from policy pack '[^']+' during preview: /;

export interface BuildInput {
    stack: string;
    environment: string;
    project: string;
    preview: boolean;
    reachability: string | undefined;
    stackFile: string;
    pack: StackReport["policyPack"];
    resources: RecordedResource[];
    diagnostics: Diagnostic[];
    rules: Map<string, { severity: string; category: string; remediation: string }>;
    root: string;
    notes: string[];
    providerErrors: ProviderError[];
}

/** The report of one stack from its resources and diagnostics (a program run or a stack export). */
export function buildReport(b: BuildInput): StackReport {
    const byUrn = new Map(b.resources.map((r) => [r.urn, r]));
    const violations: ReportViolation[] = [];
    const exemptions: ReportExemption[] = [];
    const notEvaluated: ReportNotEvaluated[] = [];
    for (const d of b.diagnostics) {
        if (d.enforcementLevel === "advisory" && PREVIEW_UNKNOWN.test(d.message)) {
            notEvaluated.push({ policy: d.policy, urn: d.urn, message: d.message.replace(PREVIEW_UNKNOWN, "") });
            continue;
        }
        const exempted = parseExempted(d.message);
        if (exempted) {
            exemptions.push({ policy: d.policy, urn: d.urn, owner: exempted.owner, expires: exempted.expires, reason: exempted.reason, message: exempted.message });
            continue;
        }
        const doc = b.rules.get(d.policy);
        const r = byUrn.get(d.urn);
        violations.push({
            policy: d.policy,
            enforcementLevel: d.enforcementLevel === "remediate" ? "mandatory" : d.enforcementLevel,
            urn: d.urn,
            message: stripDescription(d.message, d.description),
            severity: d.severity ?? doc?.severity ?? null,
            category: doc?.category ?? null,
            remediation: doc?.remediation ?? null,
            phase: d.phase,
            resourceType: r?.type ?? null,
            resourceName: r?.name ?? null,
        });
    }
    const resources: ReportResource[] = b.resources.map((r) => ({
        urn: r.urn,
        type: r.type,
        name: r.name,
        parent: r.parent ?? null,
        provider: r.provider ?? null,
        custom: r.custom,
        protect: r.protect,
        retainOnDelete: r.retainOnDelete,
        deleteBeforeReplace: r.deleteBeforeReplace ?? null,
        ignoreChanges: r.ignoreChanges,
        dependsOn: r.dependsOn,
        source: r.source ? { file: relativeSource(r.source.uri, b.root), line: r.source.line, column: r.source.column } : null,
        inputs: redact(r.inputs),
    }));
    const count = (level: EnforcementLevel) => violations.filter((v) => v.enforcementLevel === level).length;
    return {
        stack: b.stack,
        environment: b.environment,
        project: b.project,
        preview: b.preview,
        reachability: b.reachability ?? null,
        stackFile: b.stackFile,
        policyPack: b.pack,
        resources,
        providerErrors: b.providerErrors,
        violations,
        exemptions,
        notEvaluated,
        notes: b.notes,
        summary: {
            resources: resources.length,
            mandatory: count("mandatory"),
            advisory: count("advisory"),
            exempted: exemptions.length,
            notEvaluated: notEvaluated.length,
            providerErrors: b.providerErrors.length,
        },
        cost: estimateStackCost(b.resources),
    };
}

/** The string form of a violation is "<description>\n<message>"; the report keeps the message alone. */
function stripDescription(message: string, description: string): string {
    return description && message.startsWith(`${description}\n`) ? message.slice(description.length + 1) : message;
}

function relativeSource(uri: string, root: string): string {
    if (!uri.startsWith("file:")) return uri;
    return path.relative(root, fileURLToPath(uri)).split(path.sep).join("/");
}

export { ProgramError, UsageError };
/** The report schema lives in ./report; re-exported so existing importers keep working. */
export { blocks };
export type { ProviderError, ReportExemption, ReportNotEvaluated, ReportResource, ReportViolation, StackReport };
