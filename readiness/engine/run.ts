/**
 * Runs the real Pulumi program in-process on the SDK's mock runtime and records every registration as the
 * engine would see it: type, name, parent, provider, every resource option, inputs, outputs and the source
 * line that declared it.
 *
 * The SDK keeps its monitor and stack in globals, so programs run one at a time (`runProgram` queues).
 */
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import { looksSecret } from "../../config/guards";
import { callMock, MockContext, newResourceMock } from "./mocks";
import { readBack } from "./read";
import type { AliasSpec, RecordedResource, WireValue } from "./resource";
import { mapToSource } from "./sourcemap";
import { disablePromiseTracking, resourceMonitor, runProgramInStack, settleResourceOperations } from "../pulumiInternals";
import { TYPES } from "../../contracts/tokens";



export interface ProgramRun {
    project: string;
    stack: string;
    preview: boolean;
    resources: RecordedResource[];
    /** Stack outputs as the program exported them (wire form). */
    stackOutputs: Record<string, WireValue>;
}

export interface RunOptions {
    /** Compiled program entry (a `.js` file). */
    program: string;
    project: string;
    stack: string;
    config: Record<string, string>;
    secretKeys: string[];
    preview: boolean;
    mock: Omit<MockContext, "preview">;
    /** The Pulumi organization the program sees (`pulumi.getOrganization()`); "organization" when unset. */
    organization?: string;
}

/** The program failed: its own error (such as invalid config) or a mock that could not answer. */
export class ProgramError extends Error {
    constructor(
        message: string,
        readonly cause?: unknown,
        /** A bug in the program or in the check itself (not bad input): the CLI exits 3 for it. */
        readonly bug = false,
    ) {
        super(message);
        this.name = "ProgramError";
    }

    /** URNs the program registered before it failed, in order: what a refusal left behind (tests prove a config refusal came first). */
    registered: string[] = [];
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs one program at a time; concurrent callers wait their turn. */
export function runProgram(opts: RunOptions): Promise<ProgramRun> {
    const next = queue.then(() => runExclusive(opts));
    queue = next.catch(() => undefined);
    return next;
}

async function runExclusive(opts: RunOptions): Promise<ProgramRun> {
    const ctx: MockContext = { ...opts.mock, preview: opts.preview };
    const mockFailures: string[] = [];
    // A throwing mock would reject promises all over the SDK and flood the process with unhandled rejections.
    // Instead a failure is recorded, the program gets an empty answer and runs on, and the run then fails
    // with one error naming every failure.
    const guard = <A, R>(fn: (a: A) => R, fallback: R) => (a: A): R => {
        try {
            return fn(a);
        } catch (e) {
            mockFailures.push((e as Error).message);
            return fallback;
        }
    };
    await pulumi.runtime.setMocks(
        {
            newResource: guard(newResourceMock(ctx), { id: undefined, state: {} }),
            call: guard(callMock(ctx), {}),
        },
        opts.project,
        opts.stack,
        opts.preview,
        // What `pulumi.getOrganization()` returns on a self-managed backend; programs build StackReference names from it.
        opts.organization ?? "organization",
    );
    pulumi.runtime.setAllConfig(opts.config, opts.secretKeys);

    const byUrn = new Map<string, RecordedResource>();
    const order: RecordedResource[] = [];
    const monitor = resourceMonitor();
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, cb) => {
        register(req, (err, resp) => {
            if (!err && resp) {
                const rec = recordRegistration(req, resp);
                byUrn.set(rec.urn, rec);
                order.push(rec);
            }
            cb(err, resp);
        });
    };
    const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req, cb) => {
        const rec = byUrn.get(req.getUrn());
        if (rec) rec.outputs = structToObject(req.getOutputs());
        registerOutputs(req, cb);
    };

    // A program module already in the require cache would register nothing: load it fresh every time.
    clearProgramModules(path.dirname(opts.program));
    const loadedBefore = new Set(Object.keys(require.cache));
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on("unhandledRejection", onRejection);
    // An error thrown while the program loads (invalid config, say) is caught here rather than left to
    // reject the stack's outputs, which would surface as unhandled rejections long after the run.
    let loadError: unknown;
    // The SDK captures a stack trace for every promise it makes (debugging aid), which is most of the cost of
    // a registration. Resource source positions do not depend on it: the SDK lifts the limit itself when it
    // records where a resource was declared.
    // READINESS_STACK_TRACES=1 keeps them, for debugging a program that throws.
    const stackTraceLimit = Error.stackTraceLimit;
    if (!process.env.READINESS_STACK_TRACES) Error.stackTraceLimit = 0;
    // The SDK also tags each of its promises for a leak report at process exit (three properties, a set entry
    // and two more promises each: a third of the CPU and memory of registering a resource). The run turns that
    // off and reports the one leak that matters itself: a program whose run never finishes.
    const restorePromiseTracking = disablePromiseTracking();
    const neverFinished = () => {
        process.stderr.write(`the program ${opts.program} never finished: it waits on a promise that never settles (an output or call that is never resolved)\n`);
        process.exitCode = 2;
    };
    process.once("exit", neverFinished);
    try {
        await runProgramInStack(() => {
            try {
                const exported = require(opts.program);
                // An async program (its export a promise) that fails is caught the same way, not left to reject the stack's outputs.
                if (exported && typeof exported.then === "function") {
                    return (exported as Promise<unknown>).then(undefined, (e) => {
                        loadError = e;
                        return {};
                    });
                }
                return exported;
            } catch (e) {
                loadError = e;
                return {};
            }
        });
        await settleResourceOperations();
    } catch (e) {
        loadError ??= e;
    } finally {
        // A failed run leaves rejected promises behind (outputs of the call that failed, and of everything
        // built on them); let them surface here, not as a flood after the run.
        // A value that fails inside an apply rejects everything built on it, one serialization after another:
        // wait until a few turns pass without a new rejection.
        for (let quiet = 0, seen = -1, turns = 0; quiet < 3 && turns < 200; turns++) {
            await settleResourceOperations().catch(() => undefined);
            await new Promise((r) => setTimeout(r, 0));
            quiet = rejections.length === seen ? quiet + 1 : 0;
            seen = rejections.length;
        }
        process.off("unhandledRejection", onRejection);
        process.off("exit", neverFinished);
        for (const id of Object.keys(require.cache)) if (!loadedBefore.has(id) && isProgramModule(id)) loadedByPrograms.add(id);
        Error.stackTraceLimit = stackTraceLimit;
        restorePromiseTracking();
    }
    if (loadError !== undefined || mockFailures.length > 0 || rejections.length > 0) {
        const error = programError(loadError ?? rejections[0], mockFailures);
        error.registered = order.map((r) => r.urn);
        throw error;
    }
    // The stack's outputs arrive through registerResourceOutputs, in wire form (secrets still wrapped).
    const stackOutputs = order.find((r) => r.type === TYPES.stack)?.outputs ?? {};
    addDefaultProviders(order, opts);
    if (!opts.preview) readBack(order);
    return { project: opts.project, stack: opts.stack, preview: opts.preview, resources: order, stackOutputs };
}

/**
 * The engine gives every custom resource without an explicit provider a default provider, configured from
 * the stack's `<package>:*` keys, and the analyzer sees it. Mocks do not, so add them here. An input that
 * came from `secure:` config, or that holds a credential (the providers mark `apiKey`, `apiToken`,
 * `password`, `secretKey`, `token`, ... secret), travels as a secret, as the engine sends it.
 */
function addDefaultProviders(resources: RecordedResource[], opts: RunOptions): void {
    const made = new Map<string, string>();
    for (const r of [...resources]) {
        if (!r.custom || r.provider || r.type.startsWith("pulumi:")) continue;
        const pkg = r.type.split(":")[0];
        let ref = made.get(pkg);
        if (!ref) {
            const name = `default_${packageVersion(pkg).replace(/[.+-]/g, "_")}`;
            const urn = `urn:pulumi:${opts.stack}::${opts.project}::pulumi:providers:${pkg}::${name}`;
            const inputs: Record<string, unknown> = {};
            // A credential reaches the provider as a secret, as in the engine: set with `--secret`, or named like one.
            for (const [k, v] of Object.entries(opts.config)) {
                if (!k.startsWith(`${pkg}:`)) continue;
                const secret = opts.secretKeys.includes(k) || looksSecret(k);
                inputs[k.slice(pkg.length + 1)] = secret ? { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value: v } : v;
            }
            resources.unshift({
                urn, type: `pulumi:providers:${pkg}`, name, custom: true, protect: false, retainOnDelete: false,
                ignoreChanges: [], replaceOnChanges: [], dependsOn: [], aliases: [], additionalSecretOutputs: [],
                propertyDependencies: {}, inputs, outputs: inputs,
            });
            ref = `${urn}::00000000-0000-0000-0000-000000000000`;
            made.set(pkg, ref);
        }
        r.provider = ref;
    }
}

function packageVersion(pkg: string): string {
    const candidates = [`@pulumi/${pkg}/package.json`, `@pulumiverse/${pkg}/package.json`, `@upstash/pulumi/package.json`];
    for (const c of candidates) {
        try {
            return (require(c) as { version: string }).version.replace(/^v/, "");
        } catch {
            /* try the next publisher */
        }
    }
    return "0_0_0";
}

function programError(e: unknown, mockFailures: string[]): ProgramError {
    if (mockFailures.length > 0) {
        const unique = [...new Set(mockFailures)];
        return new ProgramError(`the offline engine could not answer the program:\n  - ${unique.join("\n  - ")}`, e, true);
    }
    const err = e as Error | undefined;
    if (err && (err.name === "ConfigError" || pulumi.RunError.isInstance(e))) return new ProgramError(err.message, e);
    const trace = process.env.READINESS_STACK_TRACES ? err?.stack : undefined;
    return new ProgramError(`the program failed: ${trace ?? err?.message ?? String(e)}${trace ? "" : " (set READINESS_STACK_TRACES=1 for a stack trace)"}`, e, true);
}

function recordRegistration(req: any, resp: any): RecordedResource {
    const pos = req.getSourceposition?.();
    const timeouts = req.getCustomtimeouts?.();
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((v: any, k: string) => {
        propertyDependencies[k] = v.getUrnsList();
    });
    const retain = req.getRetainondelete?.();
    return {
        urn: resp.getUrn(),
        id: resp.getId?.() || undefined,
        type: req.getType(),
        name: req.getName(),
        custom: req.getCustom(),
        parent: req.getParent() || undefined,
        provider: req.getProvider() || undefined,
        protect: req.getProtect?.() === true,
        retainOnDelete: retain === true,
        deleteBeforeReplace: req.getDeletebeforereplacedefined() ? req.getDeletebeforereplace() : undefined,
        ignoreChanges: req.getIgnorechangesList(),
        replaceOnChanges: req.getReplaceonchangesList(),
        dependsOn: req.getDependenciesList(),
        aliases: req.getAliasurnsList?.() ?? [],
        aliasSpecs: (req.getAliasesList?.() ?? []).map(aliasSpec),
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
        customTimeouts: timeouts ? { create: timeouts.getCreate() || undefined, update: timeouts.getUpdate() || undefined, delete: timeouts.getDelete() || undefined } : undefined,
        deletedWith: req.getDeletedwith() || undefined,
        propertyDependencies,
        inputs: structToObject(req.getObject()),
        outputs: structToObject(resp.getObject()),
        source: pos ? mapToSource({ uri: pos.getUri(), line: pos.getLine(), column: pos.getColumn() }) : undefined,
    };
}

function aliasSpec(a: any): AliasSpec {
    if (a.hasUrn()) return { urn: a.getUrn() };
    const s = a.getSpec();
    return { name: s.getName(), type: s.getType(), stack: s.getStack(), project: s.getProject(), parentUrn: s.hasParenturn() ? s.getParenturn() : undefined, noParent: s.hasNoparent() && s.getNoparent() };
}

function structToObject(s: structproto.Struct | undefined): Record<string, unknown> {
    return (s?.toJavaScript() as Record<string, unknown>) ?? {};
}

/** Modules a run loaded (a program's own and those it imports, such as the prod program a test program extends). */
const loadedByPrograms = new Set<string>();

/** The check's own modules, the policy pack (which may be served once per process) and packages stay loaded. */
function isProgramModule(id: string): boolean {
    return !["node_modules", "readiness", "policies"].some((d) => id.includes(`${path.sep}${d}${path.sep}`));
}

/**
 * Forgets every compiled program module below `dir` and every module an earlier run loaded, so the next run
 * registers again.
 */
function clearProgramModules(dir: string): void {
    const root = path.resolve(dir) + path.sep;
    for (const id of Object.keys(require.cache)) {
        if ((id.startsWith(root) && isProgramModule(id.slice(root.length - 1))) || loadedByPrograms.has(id)) delete require.cache[id];
    }
    loadedByPrograms.clear();
}

