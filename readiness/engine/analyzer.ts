/**
 * Evaluates the policy pack exactly as the Pulumi CLI does, in-process.
 *
 * The pack's real entry (`policies/index.ts`, which constructs `PolicyPack`) is loaded with gRPC's server
 * bind turned off, so the handlers `@pulumi/policy` would serve (getAnalyzerInfo, configure, analyze,
 * analyzeStack) are captured and called directly with the same protobuf requests the engine sends. The
 * unknown-value proxy, enforcement-level resolution, `notApplicable` and `getConfig` are therefore the
 * library's own code, not a re-implementation.
 *
 * What the CLI does on its side is reproduced here: reading `--policy-pack-config`, applying `all`,
 * schema defaults and per-policy entries, then Configure; Analyze for every registered resource
 * (components, providers and the stack included) and AnalyzeStack once on outputs.
 */
import * as fs from "fs";
import * as path from "path";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import { z } from "zod";
import type { Rule } from "../../policies/lib/rule";
import { disableProblem, isPrototypeKey, type Waiver } from "../../policies/lib/policyConfig";
import { editDistance } from "../../config/guards";
import { expectation } from "../../config/load";
import { UsageError } from "./stackFiles";
import { InputProblem } from "../../config/problem";
import type { RecordedResource } from "./resource";
import { defaultLayout, Layout } from "../layout";
import { analyzerProtocol, type analyzerpb } from "../pulumiInternals";
import { servePackInProcess, type AnalyzerHandlers } from "../../policies/lib/policyInternals";
import { TYPES } from "../../contracts/tokens";

const analyzerproto = analyzerProtocol();

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";

export interface Diagnostic {
    policy: string;
    enforcementLevel: EnforcementLevel;
    urn: string;
    message: string;
    description: string;
    severity?: string;
    /** Found by the per-resource pass (Analyze) or the stack pass (AnalyzeStack). */
    phase: "resource" | "stack";
    /** Which run of a deployment finds it: the preview (inputs, computed values unknown) or the apply (real outputs). */
    deployPhase?: DeployPhase;
}

export type DeployPhase = "preview" | "apply";

type Handler = AnalyzerHandlers["analyze"];

export interface LoadedPack {
    name: string;
    version: string;
    rules: Rule[];
    handlers: AnalyzerHandlers;
}

/** The pack the CLI would load from `policies/`, compiled under the layout's dist. */
export function packFor(layout: Layout = defaultLayout()): LoadedPack {
    return loadPack(path.join(layout.root, "policies"), path.join(layout.dist, "policies", "index.js"), path.join(layout.dist, "policies", "pack.js"));
}

const loaded = new Map<string, LoadedPack>();

/**
 * Loads a pack once per process and entry (the CLI runs each pack as its own plugin process).
 * `packDir` holds the pack's package.json; `entry` is its compiled index; `rulesModule` exports `rules`.
 */
export function loadPack(packDir: string, entry: string, rulesModule: string): LoadedPack {
    // By real path: a project that links another's policies or build (a test's scratch copy) serves the same pack.
    const key = JSON.stringify([packDir, entry, rulesModule].map((p) => fs.realpathSync(p)));
    const known = loaded.get(key);
    if (known) return known;
    // `@pulumi/policy` serves one pack per module instance and exits the process on a second one; another
    // pack (a project copied by the template test, say) gets an instance of its own, as its own process would.
    const captured = servePackInProcess(packDir, entry, { freshInstance: loaded.size > 0 });
    const { rules } = require(rulesModule) as { rules: Rule[] };
    const pkg = require(path.join(packDir, "package.json")) as { version: string };
    const info = callSync(captured.getAnalyzerInfo, new (require("google-protobuf/google/protobuf/empty_pb").Empty)());
    const pack = { name: info.getName(), version: pkg.version, rules, handlers: captured };
    loaded.set(key, pack);
    return pack;
}

/** Calls a handler whose callback fires synchronously or asynchronously, as a promise. */
function call(handler: Handler, request: unknown): Promise<any> {
    return new Promise((resolve, reject) => {
        handler({ request }, (err, resp) => (err ? reject(err) : resolve(resp)));
    });
}

function callSync(handler: Handler, request: unknown): any {
    let out: any;
    let error: unknown;
    handler({ request }, (err, resp) => {
        error = err;
        out = resp;
    });
    if (error) throw error;
    if (out === undefined) throw new Error("analyzer handler did not answer synchronously");
    return out;
}

const LEVELS: Record<number, EnforcementLevel> = {
    [analyzerproto.EnforcementLevel.ADVISORY]: "advisory",
    [analyzerproto.EnforcementLevel.MANDATORY]: "mandatory",
    [analyzerproto.EnforcementLevel.DISABLED]: "disabled",
    [analyzerproto.EnforcementLevel.REMEDIATE]: "remediate",
};
const LEVEL_ENUM: Record<EnforcementLevel, number> = {
    advisory: analyzerproto.EnforcementLevel.ADVISORY,
    mandatory: analyzerproto.EnforcementLevel.MANDATORY,
    disabled: analyzerproto.EnforcementLevel.DISABLED,
    remediate: analyzerproto.EnforcementLevel.REMEDIATE,
};
const SEVERITIES = ["", "low", "medium", "high", "critical"];

/** Per policy: its resolved level and config properties, as the CLI sends them in Configure. */
export type ResolvedPolicyConfig = Record<string, { enforcementLevel: EnforcementLevel; properties: Record<string, unknown> }>;

const LevelSchema = z.enum(["advisory", "mandatory", "remediate", "disabled"]);

/**
 * Reconciles a `--policy-pack-config` document the way the CLI does: every policy starts at its own level
 * with its schema's top-level defaults, `all` overrides every level, then per-policy entries win. Stricter
 * than the CLI in one way: a policy name the pack does not have is an error, since the CLI silently ignores
 * a typo that was meant to tighten a rule.
 */
export function resolvePolicyConfig(pack: LoadedPack, doc: unknown, source: string): ResolvedPolicyConfig {
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
        const expected = 'a JSON object of policy names to levels or objects, such as {"all": "mandatory", "rds-backups": {"minimumRetentionDays": 14}}';
        throw new UsageError(`${source}: expected ${expected}`, [{ key: source, given: render(doc), expected }]);
    }
    const problems: InputProblem[] = [];
    const levels = "one of advisory, mandatory, remediate, disabled";
    // No prototype: a policy named `__proto__` or `toString` must be unknown, not Object.prototype's.
    const resolved: ResolvedPolicyConfig = Object.create(null);
    for (const rule of pack.rules) {
        resolved[rule.name] = { enforcementLevel: (rule.enforcementLevel ?? "advisory") as EnforcementLevel, properties: {} };
    }
    const entries = Object.entries(doc as Record<string, unknown>);
    const all = (doc as Record<string, unknown>).all;
    if (all !== undefined) {
        const level = LevelSchema.safeParse(all);
        if (!level.success) problems.push({ key: "all", given: render(all), expected: `an enforcement level, ${levels}` });
        else if (level.data === "disabled") problems.push({ key: "all", given: render(all), expected: "advisory, mandatory or remediate: disabling every rule turns off the security rules, which no waiver covers; disable rules one by one, each with its waiver" });
        else for (const r of Object.values(resolved)) r.enforcementLevel = level.data;
    }
    for (const [name, value] of entries) {
        if (name === "all") continue;
        if (isPrototypeKey(name)) {
            problems.push({ key: name, given: render(value), expected: "a policy of the pack: a name every JavaScript object answers for is never one" });
            continue;
        }
        const target = Object.hasOwn(resolved, name) ? resolved[name] : undefined;
        if (!target) {
            const near = pack.rules.map((r) => r.name).find((n) => editDistance(n, name) <= 3);
            problems.push({ key: name, given: render(value), expected: near ? `"${near}": the pack has no such policy "${name}"` : `a policy of the pack: it has no such policy (known: ${pack.rules.map((r) => r.name).join(", ")})` });
            continue;
        }
        if (typeof value === "string") {
            const level = LevelSchema.safeParse(value);
            if (!level.success) problems.push({ key: name, given: render(value), expected: `an enforcement level, ${levels}` });
            else target.enforcementLevel = level.data;
        } else if (value && typeof value === "object" && !Array.isArray(value)) {
            const { enforcementLevel, ...props } = value as Record<string, unknown>;
            if (enforcementLevel !== undefined) {
                const level = LevelSchema.safeParse(enforcementLevel);
                if (!level.success) problems.push({ key: `${name}.enforcementLevel`, given: render(enforcementLevel), expected: levels });
                else target.enforcementLevel = level.data;
            }
            // Copied key by key: Object.assign would turn a `__proto__` property into the object's prototype.
            for (const [prop, v] of Object.entries(props)) Object.defineProperty(target.properties, prop, { value: v, enumerable: true, writable: true, configurable: true });
        } else {
            problems.push({ key: name, given: render(value), expected: "an enforcement level (a string) or an object of the policy's properties" });
        }
    }
    for (const rule of pack.rules) {
        // The CLI drops a property the policy does not declare; a typo meant to tighten a rule would go unnoticed.
        const declared = Object.keys(objectShapeOf(rule.configZod) ?? {});
        for (const [prop, value] of Object.entries(resolved[rule.name].properties)) {
            if (!declared.includes(prop)) {
                const near = declared.find((d) => editDistance(d, prop) <= 2);
                problems.push({ key: `${rule.name}.${prop}`, given: render(value), expected: `${near ? `"${near}" (a typo?); ` : ""}a property of "${rule.name}": it has ${declared.length > 0 ? declared.join(", ") : "none"}, besides enforcementLevel` });
            }
        }
        const parsed = rule.configZod.safeParse(resolved[rule.name].properties);
        if (!parsed.success) {
            for (const issue of parsed.error.issues) {
                const property = issue.path.join(".");
                const value = issue.path.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined), resolved[rule.name].properties);
                const known = Object.keys(objectShapeOf(rule.configZod) ?? {});
                const expected =
                    issue.code === "unrecognized_keys"
                        ? `no such property: "${rule.name}" has ${known.length > 0 ? known.join(", ") : "no properties"}, besides enforcementLevel`
                        : expectation(issue);
                if (issue.code === "unrecognized_keys") {
                    for (const k of issue.keys) problems.push({ key: `${rule.name}.${[...issue.path, k].join(".")}`, given: render((resolved[rule.name].properties as Record<string, unknown>)[k]), expected });
                } else {
                    problems.push({ key: property ? `${rule.name}.${property}` : rule.name, given: value === undefined ? "(not set)" : render(value), expected });
                }
            }
        } else {
            // Schema defaults are filled in, as the CLI fills top-level `default`s before Configure.
            resolved[rule.name].properties = parsed.data as Record<string, unknown>;
        }
    }
    const today = new Date();
    for (const rule of pack.rules) {
        const { enforcementLevel, properties } = resolved[rule.name];
        if (enforcementLevel !== "disabled") continue;
        const problem = disableProblem(rule.doc, properties.waiver as Waiver | undefined, { nonExemptable: properties.nonExemptable === true, today });
        if (problem) problems.push({ key: `${rule.name}.waiver`, given: render(properties.waiver ?? "(not set)"), expected: problem });
    }
    if (problems.length > 0) {
        throw new UsageError(`invalid policy pack config ${source} (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems.map((p) => `  - ${p.key}: got ${p.given}; expected ${p.expected}`).join("\n")}`, problems.map((p) => ({ ...p, key: `${source}: ${p.key}` })));
    }
    return resolved;
}

function render(value: unknown): string {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function objectShapeOf(schema: z.ZodType): Record<string, unknown> | undefined {
    const def = schema._zod.def as { type: string; shape?: Record<string, unknown>; innerType?: z.ZodType };
    if (def.type === "object") return def.shape;
    return def.innerType ? objectShapeOf(def.innerType) : undefined;
}

export async function configure(pack: LoadedPack, config: ResolvedPolicyConfig): Promise<void> {
    const req = new analyzerproto.ConfigureAnalyzerRequest();
    const map = req.getPolicyconfigMap();
    for (const [name, c] of Object.entries(config)) {
        const pc = new analyzerproto.PolicyConfig();
        pc.setEnforcementlevel(LEVEL_ENUM[c.enforcementLevel] as analyzerpb.EnforcementLevel);
        pc.setProperties(structproto.Struct.fromJavaScript(JSON.parse(JSON.stringify(c.properties))));
        map.set(name, pc);
    }
    await call(pack.handlers.configure, req);
}

function toStruct(obj: Record<string, unknown>): structproto.Struct {
    return structproto.Struct.fromJavaScript(obj as Record<string, structproto.JavaScriptValue>);
}

function optionsOf(r: RecordedResource): analyzerpb.AnalyzerResourceOptions {
    const o = new analyzerproto.AnalyzerResourceOptions();
    o.setProtect(r.protect);
    o.setIgnorechangesList(r.ignoreChanges);
    if (r.deleteBeforeReplace !== undefined) {
        o.setDeletebeforereplace(r.deleteBeforeReplace);
        o.setDeletebeforereplacedefined(true);
    }
    o.setAdditionalsecretoutputsList(r.additionalSecretOutputs);
    o.setAliasesList(r.aliases);
    if (r.parent) o.setParent(r.parent);
    if (r.customTimeouts) {
        const t = new analyzerproto.AnalyzerResourceOptions.CustomTimeouts();
        t.setCreate(durationSeconds(r.customTimeouts.create));
        t.setUpdate(durationSeconds(r.customTimeouts.update));
        t.setDelete(durationSeconds(r.customTimeouts.delete));
        o.setCustomtimeouts(t);
    }
    return o;
}

/** Go-style durations ("1h30m", "10m", "45s") to seconds. */
function durationSeconds(d: string | undefined): number {
    if (!d) return 0;
    let total = 0;
    for (const m of d.matchAll(/(\d+(?:\.\d+)?)(h|m|s|ms)/g)) total += parseFloat(m[1]) * { h: 3600, m: 60, s: 1, ms: 0.001 }[m[2] as "h"];
    return total;
}

/** The provider of each resource, built once per provider: most resources share one of a few. */
function providers(byUrn: Map<string, RecordedResource>): (r: RecordedResource) => analyzerpb.AnalyzerProviderResource | undefined {
    const built = new Map<string, analyzerpb.AnalyzerProviderResource | undefined>();
    return (r) => {
        if (!r.provider) return undefined;
        if (built.has(r.provider)) return built.get(r.provider);
        const p = byUrn.get(r.provider.split("::").slice(0, -1).join("::"));
        let prov: analyzerpb.AnalyzerProviderResource | undefined;
        if (p) {
            prov = new analyzerproto.AnalyzerProviderResource();
            prov.setType(p.type);
            prov.setUrn(p.urn);
            prov.setName(p.name);
            prov.setProperties(toStruct(p.inputs));
        }
        built.set(r.provider, prov);
        return prov;
    };
}

function diagnosticsOf(resp: analyzerpb.AnalyzeResponse, phase: "resource" | "stack", fallbackUrn: string): Diagnostic[] {
    return resp.getDiagnosticsList().map((d) => ({
        policy: d.getPolicyname(),
        enforcementLevel: LEVELS[d.getEnforcementlevel()] ?? "advisory",
        urn: d.getUrn() || fallbackUrn,
        message: d.getMessage(),
        description: d.getDescription(),
        severity: SEVERITIES[d.getSeverity() as number] || undefined,
        phase,
    }));
}

/**
 * Analyze for every resource (in registration order), then AnalyzeStack once over all outputs, as the
 * engine does at the end of a preview or update.
 */
export async function analyzeResources(pack: LoadedPack, resources: RecordedResource[]): Promise<Diagnostic[]> {
    const providerOf = providers(new Map(resources.map((r) => [r.urn, r])));
    const out: Diagnostic[] = [];
    for (const r of resources) {
        const req = new analyzerproto.AnalyzeRequest();
        req.setType(r.type);
        req.setName(r.name);
        req.setUrn(r.urn);
        req.setProperties(toStruct(r.inputs));
        req.setOptions(optionsOf(r));
        const prov = providerOf(r);
        if (prov) req.setProvider(prov);
        out.push(...diagnosticsOf(await call(pack.handlers.analyze, req), "resource", r.urn));
    }
    out.push(...(await analyzeStack(pack, resources, (r) => r.outputs)));
    return out;
}

/**
 * AnalyzeStack once over every resource, with the properties `propertiesOf` gives (the outputs, or a view of
 * them such as the preview's), as the engine does at the end of a preview or update.
 */
export async function analyzeStack(pack: LoadedPack, resources: RecordedResource[], propertiesOf: (r: RecordedResource) => Record<string, unknown>): Promise<Diagnostic[]> {
    const providerOf = providers(new Map(resources.map((r) => [r.urn, r])));
    const stackUrn = resources.find((r) => r.type === TYPES.stack)?.urn ?? "";
    const stackReq = new analyzerproto.AnalyzeStackRequest();
    stackReq.setResourcesList(
        resources.map((r) => {
            const ar = new analyzerproto.AnalyzerResource();
            ar.setType(r.type);
            ar.setName(r.name);
            ar.setUrn(r.urn);
            ar.setProperties(toStruct(propertiesOf(r)));
            ar.setOptions(optionsOf(r));
            if (r.parent) ar.setParent(r.parent);
            ar.setDependenciesList(r.dependsOn);
            const deps = ar.getPropertydependenciesMap();
            for (const [k, urns] of Object.entries(r.propertyDependencies)) {
                if (urns.length === 0) continue;
                const pd = new analyzerproto.AnalyzerPropertyDependencies();
                pd.setUrnsList(urns);
                deps.set(k, pd);
            }
            const prov = providerOf(r);
            if (prov) ar.setProvider(prov);
            return ar;
        }),
    );
    return diagnosticsOf(await call(pack.handlers.analyzeStack, stackReq), "stack", stackUrn);
}
