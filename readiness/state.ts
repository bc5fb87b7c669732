/**
 * The check of a `pulumi stack export` file (deployment version 3), without running the program: what is
 * deployed, or what any tool hands over, goes through the same provider validation, the pack's resource
 * rules on each resource's inputs and its stack rules on outputs, with the enforcement levels of
 * `policies/config/<environment>.json`.
 *
 * And the other direction: an offline run written as such an export, so the two paths can be compared.
 */
import * as pulumi from "@pulumi/pulumi";
import * as path from "path";
import { pathToFileURL } from "url";
import { analyzeResources, configure, resolvePolicyConfig } from "./engine/analyzer";
import type { ProgramRun } from "./engine/run";
import type { RecordedResource } from "./engine/resource";
import { UsageError } from "./engine/stackFiles";
import { buildReport, readPolicyConfigJson, StackCheck } from "./check";
import { packFor } from "./engine/analyzer";
import { defaultLayout, Layout } from "./layout";
import { validateProviderInputs } from "./providers";
import { UNKNOWN } from "./providers/values";
import { SECRET_PROPERTIES } from "./providers/secrets.generated";
import { exportResourceList, readJsonFile, shown } from "./jsonFile";
import { TYPES } from "../contracts/tokens";

const SIG_KEY = pulumi.runtime.specialSigKey;
const SECRET_SIG = pulumi.runtime.specialSecretSig;
const RESOURCE_SIG = pulumi.runtime.specialResourceSig;
const OUTPUT_SIG = pulumi.runtime.specialOutputValueSig;
/** What an export written offline holds in place of a secret: there is no secrets provider to encrypt with. */
export const OFFLINE_CIPHERTEXT = "offline-check:not-encrypted:value-withheld";

export interface StateOptions {
    /** The export file. */
    file: string;
    /** Environment whose policy config applies; default: the resources' `environment` tag. */
    environment?: string;
    /** Policy config file; defaults to `policies/config/<environment>.json`. */
    policyConfig?: string;
    layout?: Layout;
}

interface ExportResource {
    urn?: unknown;
    type?: unknown;
    custom?: unknown;
    delete?: unknown;
    id?: unknown;
    parent?: unknown;
    provider?: unknown;
    protect?: unknown;
    retainOnDelete?: unknown;
    deleteBeforeReplace?: unknown;
    ignoreChanges?: unknown;
    replaceOnChanges?: unknown;
    dependencies?: unknown;
    aliases?: unknown;
    additionalSecretOutputs?: unknown;
    deletedWith?: unknown;
    propertyDependencies?: unknown;
    inputs?: unknown;
    outputs?: unknown;
    sourcePosition?: unknown;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/**
 * State form to wire form: a secret with `plaintext` (exported with `--show-secrets`) is validated on its value;
 * one with `ciphertext` cannot be decrypted here and is a secret of unknown content.
 */
function toWire(value: unknown, encrypted: { count: number }): unknown {
    if (Array.isArray(value)) return value.map((v) => toWire(v, encrypted));
    if (value && typeof value === "object") {
        const o = value as Record<string, unknown>;
        if (o[SIG_KEY] === SECRET_SIG) {
            if (typeof o.plaintext === "string") {
                let inner: unknown;
                try {
                    inner = JSON.parse(o.plaintext);
                } catch {
                    inner = o.plaintext;
                }
                return { [SIG_KEY]: SECRET_SIG, value: toWire(inner, encrypted) };
            }
            encrypted.count++;
            return { [SIG_KEY]: SECRET_SIG, value: UNKNOWN };
        }
        return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, toWire(v, encrypted)]));
    }
    return value;
}

/**
 * Wraps every property the provider's schema marks secret (readiness/providers/secrets.generated.ts) as a
 * secret, when the export holds it in plain text: a tool or a hand-made export may omit the marker, and the
 * report must still never print it. Rules read the value inside as before.
 */
function markSchemaSecrets(type: string, props: Record<string, unknown>): Record<string, unknown> {
    const names = SECRET_PROPERTIES[type];
    if (!names || !props || typeof props !== "object") return props;
    const out = { ...props };
    for (const name of names) {
        const v = out[name];
        if (v === undefined || v === null) continue;
        const alreadySecret = typeof v === "object" && (v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
        if (!alreadySecret) out[name] = { [SIG_KEY]: SECRET_SIG, value: v };
    }
    return out;
}

/** `project:///components/storage.ts#40,24` (the engine's form) to a source position under the project root. */
function sourceOf(raw: unknown, root: string): RecordedResource["source"] {
    if (typeof raw !== "string") return undefined;
    const m = /^project:\/\/\/(.+?)#(\d+)(?:,(\d+))?$/.exec(raw);
    if (!m) return undefined;
    return { uri: pathToFileURL(path.join(root, decodeURIComponent(m[1]))).toString(), line: Number(m[2]), column: Number(m[3] ?? 0) };
}

/** The stack and project from a URN: `urn:pulumi:<stack>::<project>::<type>::<name>`. */
function urnParts(urn: string): { stack: string; project: string; name: string } | undefined {
    const m = /^urn:pulumi:([^:]+)::([^:]+)::.*::([^:]*)$/.exec(urn);
    return m ? { stack: m[1], project: m[2], name: m[3] } : undefined;
}

/** Reads an export into the form an offline run records, so every later step is the same. */
export function readStateExport(file: string, root: string): ProgramRun & { encryptedSecrets: number } {
    const encrypted = { count: 0 };
    const doc = readJsonFile(file, "--state", "a `pulumi stack export` file (deployment version 3)") as { version?: unknown; deployment?: unknown } | null;
    if (!doc || typeof doc !== "object" || Array.isArray(doc) || !("deployment" in doc)) throw new UsageError(`--state ${file}: not a \`pulumi stack export\` file (no "deployment")`, [{ key: "--state", given: file, expected: 'a `pulumi stack export` file: an object with "version" and "deployment"' }]);
    if (doc.version !== 3) throw new UsageError(`--state ${file}: deployment version ${shown(doc.version)}; expected version 3 (export it with a current Pulumi CLI)`, [{ key: "--state version", given: shown(doc.version), expected: "3 (export it with a current Pulumi CLI)" }]);
    const raw = exportResourceList(doc.deployment, "--state", file) as ExportResource[];
    // Resources pending deletion after a replacement are not part of what the stack declares.
    const live = raw.filter((r) => r.delete !== true);
    const stackUrn = live.find((r) => r.type === TYPES.stack)?.urn as string | undefined;
    const parts = urnParts(stackUrn ?? (live[0]?.urn as string) ?? "");
    if (!parts) throw new UsageError(`--state ${file}: the export holds no resources`, [{ key: "--state deployment.resources", given: "[]", expected: "the resources of a deployed stack" }]);
    const resources: RecordedResource[] = live.map((r) => {
        const urn = r.urn as string;
        const custom = r.custom === true;
        const outputs = markSchemaSecrets(r.type as string, (toWire(r.outputs ?? {}, encrypted) ?? {}) as Record<string, unknown>);
        return {
            urn,
            type: r.type as string,
            name: urnParts(urn)?.name ?? urn,
            custom,
            parent: typeof r.parent === "string" && r.parent ? r.parent : undefined,
            provider: typeof r.provider === "string" && r.provider ? r.provider : undefined,
            protect: r.protect === true,
            retainOnDelete: r.retainOnDelete === true,
            deleteBeforeReplace: typeof r.deleteBeforeReplace === "boolean" ? r.deleteBeforeReplace : undefined,
            ignoreChanges: strings(r.ignoreChanges),
            replaceOnChanges: strings(r.replaceOnChanges),
            dependsOn: strings(r.dependencies),
            aliases: strings(r.aliases),
            additionalSecretOutputs: strings(r.additionalSecretOutputs),
            deletedWith: typeof r.deletedWith === "string" && r.deletedWith ? r.deletedWith : undefined,
            propertyDependencies: Object.fromEntries(Object.entries((r.propertyDependencies ?? {}) as Record<string, unknown>).map(([k, v]) => [k, strings(v)])),
            // Components and the stack keep no inputs in state; their outputs are what they registered.
            inputs: markSchemaSecrets(r.type as string, (toWire(custom ? (r.inputs ?? {}) : {}, encrypted) ?? {}) as Record<string, unknown>),
            outputs,
            source: sourceOf(r.sourcePosition, root),
        };
    });
    const stackOutputs = resources.find((r) => r.type === TYPES.stack)?.outputs ?? {};
    return { project: parts.project, stack: parts.stack, preview: false, resources, stackOutputs, encryptedSecrets: encrypted.count };
}

/** The environment a deployed stack belongs to: the `environment` tag most of its resources carry. */
function environmentOf(resources: RecordedResource[]): string | undefined {
    const counts = new Map<string, number>();
    for (const r of resources) {
        const tags = r.inputs.tags;
        const env = tags && typeof tags === "object" ? (tags as Record<string, unknown>).environment : undefined;
        if (typeof env === "string" && env) counts.set(env, (counts.get(env) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export async function checkState(opts: StateOptions): Promise<StackCheck> {
    const layout = opts.layout ?? defaultLayout();
    const run = readStateExport(opts.file, layout.root);
    const environment = opts.environment ?? environmentOf(run.resources);
    if (!environment) {
        throw new UsageError(`--state ${opts.file}: no resource carries an \`environment\` tag, so the policy config to apply is unknown; pass --environment ENV`);
    }
    const policyConfigFile = opts.policyConfig ?? path.join(layout.root, "policies", "config", `${environment}.json`);
    const pack = packFor(layout);
    const resolved = resolvePolicyConfig(pack, readPolicyConfigJson(policyConfigFile, environment), path.relative(layout.root, policyConfigFile) || policyConfigFile);
    await configure(pack, resolved);
    const diagnostics = await analyzeResources(pack, run.resources);
    const relative = path.relative(layout.root, path.resolve(opts.file)).split(path.sep).join("/");
    const stateFile = relative.startsWith("../") ? opts.file : relative;
    const report = buildReport({
        stack: run.stack,
        environment,
        project: run.project,
        preview: false,
        reachability: undefined,
        stackFile: stateFile,
        pack: { name: pack.name, version: pack.version, config: path.relative(layout.root, policyConfigFile) },
        resources: run.resources,
        diagnostics,
        rules: new Map(pack.rules.map((r) => [r.name, r.doc])),
        policyConfig: resolved,
        root: layout.root,
        notes: [
            `Checked from the stack export ${stateFile} without running the program: resource rules on the recorded inputs, stack rules on the recorded outputs${opts.environment ? "" : ` (environment "${environment}" from the resources' environment tag)`}.`,
            ...(run.encryptedSecrets > 0
                ? [
                      `${run.encryptedSecrets} secret values in the export are encrypted and cannot be decrypted here; rules that read them are listed as not evaluated. ` +
                          "To check them too, export with `pulumi stack export --show-secrets --file state.json` and delete the file afterwards.",
                  ]
                : []),
        ],
        providerErrors: validateProviderInputs(run.resources),
    });
    return { report, run, diagnostics };
}

/** Wire form to state form; resource references become the id the state records, unknowns stay marked. */
function toState(value: unknown, showSecrets: boolean): unknown {
    const secret = (v: unknown) => (showSecrets ? { [SIG_KEY]: SECRET_SIG, plaintext: JSON.stringify(toState(v, showSecrets)) } : { [SIG_KEY]: SECRET_SIG, ciphertext: OFFLINE_CIPHERTEXT });
    if (Array.isArray(value)) return value.map((v) => toState(v, showSecrets));
    if (value && typeof value === "object") {
        const o = value as Record<string, unknown>;
        const sig = o[SIG_KEY];
        if (sig === SECRET_SIG) return secret(o.value);
        if (sig === RESOURCE_SIG) return o.id ?? o.urn;
        if (sig === OUTPUT_SIG) {
            if (!("value" in o)) return UNKNOWN;
            return o.secret === true ? secret(o.value) : toState(o.value, showSecrets);
        }
        return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, toState(v, showSecrets)]));
    }
    return value;
}

function sourcePosition(r: RecordedResource, root: string): string | undefined {
    if (!r.source?.uri.startsWith("file:")) return undefined;
    const rel = path.relative(root, new URL(r.source.uri).pathname).split(path.sep).join("/");
    if (rel.startsWith("..") || rel.startsWith("node_modules/")) return undefined;
    return `project:///${rel}#${r.source.line}${r.source.column ? `,${r.source.column}` : ""}`;
}

/**
 * An offline run as a `pulumi stack export` document (deployment version 3). Secrets are written as
 * ciphertext that nothing can decrypt (an offline run has no secrets provider). `showSecrets` writes them as
 * `pulumi stack export --show-secrets` does, in plain text: only for tests, never to a file a user keeps.
 */
export function exportState(run: ProgramRun, root: string, opts: { showSecrets?: boolean } = {}): { version: 3; deployment: Record<string, unknown> } {
    const showSecrets = opts.showSecrets === true;
    // A provider's id is the one the references to it carry (`urn::id`).
    const providerIds = new Map<string, string>();
    for (const r of run.resources) {
        if (!r.provider) continue;
        const cut = r.provider.lastIndexOf("::");
        providerIds.set(r.provider.slice(0, cut), r.provider.slice(cut + 2));
    }
    const idOf = (r: RecordedResource) => providerIds.get(r.urn) ?? (typeof r.outputs.id === "string" ? r.outputs.id : `${r.name}-id`);
    return {
        version: 3,
        deployment: {
            manifest: { time: new Date(0).toISOString(), magic: "", version: "offline-check" },
            resources: run.resources.map((r) => ({
                urn: r.urn,
                custom: r.custom,
                ...(r.custom ? { id: idOf(r) } : {}),
                type: r.type,
                ...(r.custom ? { inputs: toState(r.inputs, showSecrets) } : {}),
                outputs: toState(r.outputs, showSecrets),
                ...(r.parent ? { parent: r.parent } : {}),
                ...(r.protect ? { protect: true } : {}),
                ...(r.retainOnDelete ? { retainOnDelete: true } : {}),
                ...(r.deleteBeforeReplace !== undefined ? { deleteBeforeReplace: r.deleteBeforeReplace } : {}),
                ...(r.dependsOn.length > 0 ? { dependencies: r.dependsOn } : {}),
                ...(r.provider ? { provider: r.provider } : {}),
                ...(Object.keys(r.propertyDependencies).length > 0 ? { propertyDependencies: r.propertyDependencies } : {}),
                ...(r.additionalSecretOutputs.length > 0 ? { additionalSecretOutputs: r.additionalSecretOutputs } : {}),
                ...(r.aliases.length > 0 ? { aliases: r.aliases } : {}),
                ...(r.ignoreChanges.length > 0 ? { ignoreChanges: r.ignoreChanges } : {}),
                ...(r.replaceOnChanges.length > 0 ? { replaceOnChanges: r.replaceOnChanges } : {}),
                ...(r.deletedWith ? { deletedWith: r.deletedWith } : {}),
                ...(sourcePosition(r, root) ? { sourcePosition: sourcePosition(r, root) } : {}),
            })),
        },
    };
}
