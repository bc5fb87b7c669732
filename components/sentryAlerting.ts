/**
 * Sentry's current alerting API as Pulumi resources: a workflow (an "alert": triggers, filters, who to tell) and
 * a metric detector (a "monitor": a query, a threshold, the workflows it notifies). The legacy routes the old
 * bridge (@pulumiverse/sentry 0.0.9, terraform-provider-sentry v0.11.2) calls are removed (getsentry/sentry
 * #121879) and no release of the bridge speaks the new API, so these are dynamic resources
 * (docs/decisions/error-tracking.md). The bodies are typed in contracts/sentry.ts, which the pack and the
 * offline check read too.
 *
 * The provider objects below are serialized into the stack's state by the nodejs dynamic provider (the engine
 * runs them in a separate process with the stack's environment), so they capture nothing but plain functions and
 * data: `fetch` is Node's global, the validators are pure. The auth token is a secret input and a secret output
 * (delete needs it after the program has forgotten it); it never appears in an error message.
 */
import * as pulumi from "@pulumi/pulumi";
import {
    ActionFilter,
    ConditionGroup,
    detectorProblems,
    DetectorInputs,
    SENTRY_DYNAMIC_MODULE,
    SentryProblem,
    SnubaDataSource,
    WorkflowAction,
    workflowProblems,
    WorkflowInputs,
} from "../contracts/sentry";

/** Where the API lives and who calls it: the bridge provider's `sentry:baseUrl` and `sentry:token`, or SENTRY_AUTH_TOKEN. */
export interface SentryConnection {
    /** `https://<host>/api/0`; sentry.io routes each organization to its region. */
    apiUrl: string;
    /** Undefined falls back to SENTRY_AUTH_TOKEN or SENTRY_TOKEN in the environment of `pulumi up`, as the bridge does. */
    token?: pulumi.Input<string>;
}

/** `T` with an Input wherever a value may come from another resource (the project's slug, a workflow's id). */
type DeepInput<T> = T extends string | number | boolean | null | undefined
    ? pulumi.Input<T>
    : T extends (infer U)[]
      ? pulumi.Input<DeepInput<U>[]>
      : pulumi.Input<{ [K in keyof T]: DeepInput<T[K]> }>;
type Inputs<T> = { [K in keyof T]: DeepInput<T[K]> };
/** One notification action, its fields possibly other resources' outputs. */
export type WorkflowActionInput = DeepInput<WorkflowAction>;

/**
 * The engine's marker for a value unknown during preview (@pulumi/pulumi runtime/rpc.js, unknownValue), written out
 * because the serialized provider must not capture the SDK.
 */
const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Keys that are ours, not the API's: stripped from the request body. */
const NOT_BODY = ["organization", "project", "connectErrorDetector", "notifyTeam", "apiUrl", "token", "__provider"];

function body(inputs: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(inputs).filter(([k]) => !NOT_BODY.includes(k)));
}

async function sentryApi(inputs: Record<string, unknown>, method: string, path: string, payload?: unknown): Promise<any> {
    const token = (inputs.token as string | undefined) || process.env.SENTRY_AUTH_TOKEN || process.env.SENTRY_TOKEN;
    if (!token) {
        throw new Error("no Sentry auth token: set it with `pulumi config set --secret sentry:token <token>` or SENTRY_AUTH_TOKEN in the environment of `pulumi up`");
    }
    const url = `${String(inputs.apiUrl).replace(/\/+$/, "")}${path}`;
    const res = await fetch(url, {
        method,
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", Accept: "application/json" },
        body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const text = await res.text();
    // Deleting what is already gone is done.
    if (method === "DELETE" && res.status === 404) return undefined;
    if (!res.ok) throw new Error(`Sentry answered ${res.status} to ${method} ${path}: ${text.slice(0, 800)}`);
    return text ? JSON.parse(text) : undefined;
}

function failures(problems: SentryProblem[]): pulumi.dynamic.CheckFailure[] {
    return problems.map((p) => ({ property: p.property, reason: `${p.message} (${p.source})` }));
}

const isUnknown = (v: unknown) => v === UNKNOWN_VALUE;

/** A change to these moves the resource to another organization or project: a new one is created. */
function replaceKeys(olds: Record<string, unknown>, news: Record<string, unknown>, keys: string[]): string[] {
    return keys.filter((k) => JSON.stringify(olds[k]) !== JSON.stringify(news[k]));
}

function changedKeys(olds: Record<string, unknown>, news: Record<string, unknown>): string[] {
    const keys = new Set([...Object.keys(olds), ...Object.keys(news)].filter((k) => k !== "__provider" && k !== "detectorIds"));
    return [...keys].filter((k) => JSON.stringify(olds[k]) !== JSON.stringify(news[k]));
}

const enc = encodeURIComponent;

/** The workflow's body, with an e-mail to `notifyTeam`'s members first in every action filter (the team's id looked up now). */
async function workflowBody(inputs: Record<string, unknown>): Promise<Record<string, unknown>> {
    const b = body(inputs);
    if (!inputs.notifyTeam) return b;
    const team = await sentryApi(inputs, "GET", `/teams/${enc(String(inputs.organization))}/${enc(String(inputs.notifyTeam))}/`);
    const email = { type: "email", integrationId: null, config: { targetType: "team", targetIdentifier: String(team.id), targetDisplay: null }, data: {} };
    const filters = Array.isArray(b.actionFilters) ? (b.actionFilters as Array<Record<string, unknown>>) : [];
    return { ...b, actionFilters: filters.map((f) => ({ ...f, actions: [email, ...(Array.isArray(f.actions) ? f.actions : [])] })) };
}

export const workflowProvider: pulumi.dynamic.ResourceProvider = {
    async check(_olds, news) {
        return { inputs: news, failures: failures(workflowProblems(news, isUnknown)) };
    },
    async diff(_id, olds, news) {
        const replaces = replaceKeys(olds, news, news.connectErrorDetector ? ["organization", "project", "connectErrorDetector"] : ["organization", "connectErrorDetector"]);
        const changed = changedKeys(olds, news);
        return { changes: changed.length > 0, replaces, deleteBeforeReplace: false };
    },
    async create(inputs) {
        let detectorIds: number[] = [];
        if (inputs.connectErrorDetector) {
            // Every project has one issue-stream error detector; an issue alert is a workflow connected to it.
            const found = await sentryApi(inputs, "GET", `/organizations/${enc(inputs.organization)}/detectors/?projectSlug=${enc(inputs.project)}&query=${enc("type:error")}`);
            const error = (Array.isArray(found) ? found : []).find((d: { type?: string }) => d.type === "error");
            if (!error) throw new Error(`project ${inputs.project} of ${inputs.organization} has no error detector to connect the workflow to`);
            detectorIds = [Number(error.id)];
        }
        const created = await sentryApi(inputs, "POST", `/organizations/${enc(inputs.organization)}/workflows/`, { ...(await workflowBody(inputs)), detectorIds });
        return { id: String(created.id), outs: { ...inputs, detectorIds } };
    },
    async update(id, olds, news) {
        const detectorIds = olds.detectorIds ?? [];
        await sentryApi(news, "PUT", `/organizations/${enc(news.organization)}/workflows/${enc(id)}/`, { ...(await workflowBody(news)), detectorIds });
        return { outs: { ...news, detectorIds } };
    },
    async delete(id, props) {
        await sentryApi(props, "DELETE", `/organizations/${enc(props.organization)}/workflows/${enc(id)}/`);
    },
};

export const detectorProvider: pulumi.dynamic.ResourceProvider = {
    async check(_olds, news) {
        return { inputs: news, failures: failures(detectorProblems(news, isUnknown)) };
    },
    async diff(_id, olds, news) {
        const changed = changedKeys(olds, news).filter((k) => k !== "projectId");
        return { changes: changed.length > 0, replaces: replaceKeys(olds, news, ["organization", "project"]), deleteBeforeReplace: false };
    },
    async create(inputs) {
        const project = await sentryApi(inputs, "GET", `/projects/${enc(inputs.organization)}/${enc(inputs.project)}/`);
        const payload = { ...body(inputs), projectId: String(project.id), workflowIds: (inputs.workflowIds ?? []).map(Number) };
        const created = await sentryApi(inputs, "POST", `/organizations/${enc(inputs.organization)}/detectors/`, payload);
        return { id: String(created.id), outs: { ...inputs, projectId: String(project.id) } };
    },
    async update(id, olds, news) {
        const payload = { ...body(news), workflowIds: (news.workflowIds ?? []).map(Number) };
        await sentryApi(news, "PUT", `/organizations/${enc(news.organization)}/detectors/${enc(id)}/`, payload);
        return { outs: { ...news, projectId: olds.projectId } };
    },
    async delete(id, props) {
        await sentryApi(props, "DELETE", `/organizations/${enc(props.organization)}/detectors/${enc(id)}/`);
    },
};

/** The token is a secret output too: the engine stores it encrypted, and delete reads it from there. */
const secretToken = (opts?: pulumi.CustomResourceOptions): pulumi.CustomResourceOptions => ({ ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), "token"] });

export type SentryWorkflowArgs = Inputs<WorkflowInputs> & SentryConnection;

/** An alert of Sentry's workflow engine (`POST /organizations/{org}/workflows/`). */
export class SentryWorkflow extends pulumi.dynamic.Resource {
    declare public readonly detectorIds: pulumi.Output<number[]>;

    constructor(name: string, args: SentryWorkflowArgs, opts?: pulumi.CustomResourceOptions) {
        super(workflowProvider, name, { ...args, detectorIds: undefined }, secretToken(opts), SENTRY_DYNAMIC_MODULE, "Workflow");
    }
}

export type SentryDetectorArgs = Inputs<DetectorInputs> & SentryConnection;

/** A metric monitor of Sentry's workflow engine, notifying through `workflowIds`. */
export class SentryDetector extends pulumi.dynamic.Resource {
    declare public readonly projectId: pulumi.Output<string>;

    constructor(name: string, args: SentryDetectorArgs, opts?: pulumi.CustomResourceOptions) {
        super(detectorProvider, name, { ...args, projectId: undefined }, secretToken(opts), SENTRY_DYNAMIC_MODULE, "Detector");
    }
}

export type { ActionFilter, ConditionGroup, SnubaDataSource };
