/**
 * The readiness check of one stack: run the program offline, evaluate the pack with the stack's
 * environment config, and build the report every format renders.
 */
import * as fs from "fs";
import * as path from "path";
import { fileURLToPath } from "url";
import { CONFIG_NAMESPACE } from "../config";
import { exemptionBehind } from "../policies/lib/exemptions";
import { Exemption } from "../contracts/exemptions";
import { duplicateKeys } from "../policies/lib/policyConfig";
import * as pulumi from "@pulumi/pulumi";
import { analyzeResources, analyzeStack, configure, Diagnostic, EnforcementLevel, loadPack, LoadedPack, packFor, ResolvedPolicyConfig, resolvePolicyConfig } from "./engine/analyzer";
import { prepareConfig } from "./engine/inputs";
import { costChangeAgainst, estimateStackCost } from "./cost";
import { ProgramRun, RunOptions, runProgram } from "./engine/run";
import type { RecordedResource } from "./engine/resource";
import { readProject, readStackFile, UsageError } from "./engine/stackFiles";
import { ProviderError, validateProviderInputs } from "./providers";
import { reportInputs } from "./redact";
import { readJsonFile } from "./jsonFile";
import { BaselineDocument, baselineFor, changesFor, loadBaseline } from "./changes";
import { defaultLayout, Layout } from "./layout";
import { ReportExemption, ReportNotEvaluated, ReportResource, ReportViolation, StackReport } from "./report";

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
    const { config, secretKeys, notes, settings } = prepared;

    const environment = settings.environment;
    const policyConfigFile = opts.policyConfig ?? path.join(layout.root, "policies", "config", `${environment}.json`);
    const pack = packFor(layout);
    const resolved = resolvePolicyConfig(pack, readPolicyConfigJson(policyConfigFile, environment), path.relative(layout.root, policyConfigFile) || policyConfigFile);

    const runOptions = {
        program: opts.program ?? path.join(layout.dist, "index.js"),
        project: project.name,
        stack: opts.stack,
        config,
        secretKeys,
        preview: opts.preview === true,
        mock: { region: settings.aws.region, accountId: settings.aws.accountId ?? "111111111111" },
    };
    const evaluation: StackEvaluation = {
        root: layout.root,
        packDir: path.join(layout.root, "policies"),
        packEntry: path.join(layout.dist, "policies", "index.js"),
        packModule: path.join(layout.dist, "policies", "pack.js"),
        run: runOptions,
        policyConfig: resolved,
        policyConfigFile: path.relative(layout.root, policyConfigFile),
        environment,
        // As the stack file states it (null in the report when it leaves the preset's default).
        reachability: config[`${CONFIG_NAMESPACE}:reachability`] === undefined ? undefined : settings.reachability,
        stackFile: path.relative(layout.root, stackFile.file).split(path.sep).join("/"),
        notes,
    };
    const { report, run, diagnostics } = await evaluator(evaluation);
    if (baselineDoc) {
        const set = changesFor(report, run, baselineDoc, baseline, settings.protectData);
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

/**
 * Everything one stack's evaluation depends on, as plain data: the program run, the pack and its resolved
 * config, and what the report says about where they came from. `runCheck` reads and validates the stack file
 * and the policy config; `evaluateStack` runs the program and the pack on the result.
 */
export interface StackEvaluation {
    root: string;
    /** The pack as the CLI loads it: its folder, compiled entry and compiled rule module. */
    packDir: string;
    packEntry: string;
    packModule: string;
    run: RunOptions;
    policyConfig: ResolvedPolicyConfig;
    /** The policy config file, relative to the root. */
    policyConfigFile: string;
    environment: string;
    reachability: string | undefined;
    /** The stack file, relative to the root. */
    stackFile: string;
    notes: string[];
}

/** Runs the program on the mock runtime, evaluates the pack on what it registered and builds the report. */
export async function evaluateStack(e: StackEvaluation): Promise<StackCheck> {
    const pack = loadPack(e.packDir, e.packEntry, e.packModule);
    const run = await runProgram(e.run);
    await configure(pack, e.policyConfig);
    const diagnostics = run.preview ? (await analyzeResources(pack, run.resources)).map((d) => ({ ...d, deployPhase: "preview" as const })) : await bothPhases(pack, run.resources);
    const report = buildReport({
        stack: e.run.stack,
        environment: e.environment,
        project: e.run.project,
        preview: e.run.preview,
        reachability: e.reachability,
        stackFile: e.stackFile,
        pack: { name: pack.name, version: pack.version, config: e.policyConfigFile },
        resources: run.resources,
        diagnostics,
        rules: new Map(pack.rules.map((r) => [r.name, r.doc])),
        root: e.root,
        notes: e.notes,
        providerErrors: validateProviderInputs(run.resources),
        policyConfig: e.policyConfig,
    });
    return { report, run, diagnostics };
}

/**
 * A deployment runs the pack twice: `preview` (and the start of `up`) runs Analyze on each resource's inputs and
 * AnalyzeStack on what the preview knows, and the end of `up` runs AnalyzeStack on the outputs the providers
 * returned (pulumi/pulumi pkg/resource/deploy: Analyze in the step generator, AnalyzeStack on the snapshot's
 * outputs). From one program run in apply mode, both: the per-resource pass on the inputs (preview), the stack
 * pass on the preview's view of each resource (preview) and on its outputs (apply). A stack finding of both
 * is reported once, as the preview's; a rule the preview cannot decide is not reported as not evaluated, since
 * the apply pass decides it.
 */
export async function bothPhases(pack: LoadedPack, resources: RecordedResource[]): Promise<Diagnostic[]> {
    const applied = await analyzeResources(pack, resources);
    const previewed = (await analyzeStack(pack, resources, previewView)).filter((d) => !(d.enforcementLevel === "advisory" && PREVIEW_UNKNOWN.test(d.message)));
    const key = (d: Diagnostic) => JSON.stringify([d.policy, d.urn, d.message]);
    const inPreview = new Set(previewed.map(key));
    const out: Diagnostic[] = applied.map((d) => ({ ...d, deployPhase: d.phase === "resource" || inPreview.has(key(d)) ? "preview" : "apply" }));
    const inApply = new Set(applied.filter((d) => d.phase === "stack").map(key));
    for (const d of previewed) if (!inApply.has(key(d))) out.push({ ...d, deployPhase: "preview" });
    return out;
}

/**
 * What the preview of a resource's creation shows: what the program set, and every other output unknown until
 * the provider creates the resource. Components keep the outputs they registered.
 */
function previewView(r: RecordedResource): Record<string, unknown> {
    if (!r.custom) return r.outputs;
    const view: Record<string, unknown> = { ...r.inputs };
    for (const k of Object.keys(r.outputs)) if (!(k in view)) view[k] = pulumi.runtime.unknownValue;
    return view;
}

/**
 * How `runCheck` evaluates a stack: `evaluateStack`, unless a caller that checks the same configuration many times
 * over puts another in its place (the test shards: a memo of checks and an evaluation worker, test/shards/memo.ts).
 * The CLI checks each stack once and leaves it as it is.
 */
export type StackEvaluator = (e: StackEvaluation) => Promise<StackCheck>;
let evaluator: StackEvaluator = evaluateStack;

export function useStackEvaluator(evaluate: StackEvaluator): void {
    evaluator = evaluate;
}

/** Reads the policy config document of an environment (exit 2 when it is missing or not JSON). */
export function readPolicyConfigJson(file: string, environment: string): unknown {
    if (!fs.existsSync(file)) {
        const expected = `a policy config for environment "${environment}": add one (copy policies/config/prod.json) or pass --policy-config`;
        throw new UsageError(`no policy config ${file}; expected ${expected}`, [{ key: file, given: "(no such file)", expected }]);
    }
    // Never quotes the file's text in an error (readiness/jsonFile.ts).
    const doc = readJsonFile(file, file, "a policy config: a JSON object of rule names to enforcement levels or settings");
    // JSON.parse keeps the last of two equal keys: a rule named twice would silently take the second level.
    const repeated = duplicateKeys(fs.readFileSync(file, "utf8"));
    if (repeated.length > 0) {
        const expected = "each key once: JSON keeps only the last of two equal keys, so the first is silently ignored";
        throw new UsageError(`${file} names ${repeated.map((k) => `"${k}"`).join(", ")} more than once; expected ${expected}`, repeated.map((k) => ({ key: `${file}: ${k}`, given: "(named twice)", expected })));
    }
    return doc;
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
    /** The policy config the pack ran with: its exemptions decide which advisory notes are exemptions. */
    policyConfig?: ResolvedPolicyConfig;
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
        const r = byUrn.get(d.urn);
        const ruleConfig = b.policyConfig?.[d.policy]?.properties ?? {};
        const exempted = exemptionBehind(
            { policy: d.policy, enforcementLevel: d.enforcementLevel, message: stripDescription(d.message, d.description) },
            r ? { name: r.name, urn: r.urn, tags: (r.inputs as Record<string, unknown> | undefined)?.tags } : undefined,
            (ruleConfig.exemptions as Exemption[] | undefined) ?? [],
            ruleConfig.nonExemptable === true,
            new Date(),
        );
        if (exempted) {
            const { owner, expires, reason } = exempted.exemption;
            exemptions.push({ policy: d.policy, urn: d.urn, owner, expires, reason, message: exempted.message });
            continue;
        }
        const doc = b.rules.get(d.policy);
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
            // A recorded state (`--state`) is the state after apply.
            deployPhase: d.deployPhase ?? (b.preview ? "preview" : "apply"),
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
        inputs: reportInputs(r.inputs),
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
