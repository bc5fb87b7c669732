/**
 * Readiness rules: error tracking. Production reports its errors into a Sentry project of its own stack, someone
 * is alerted when the error rate climbs (through Sentry's current workflow-engine API, contracts/sentry.ts),
 * and no two environments share a project or key.
 *
 * The stack rules link an env var to the Sentry key it came from by the property dependencies the engine records
 * (known in a preview, when the DSN itself is not). `service:sentry.mode: external` is stated by the
 * ErrorTracking component's outputs; the pack then leaves Sentry to the team that keeps it outside Pulumi.
 */
import type { PolicyResource } from "@pulumi/policy";
import { z } from "zod";
import { dependsOn } from "../lib/links";
import { peek } from "../lib/preview";
import { resourceRule, Rule, ruleResource, stackRule } from "../lib/rule";
import { ERROR_RATE_AGGREGATE, REFUSED_DATASETS, SENTRY_DETECTOR, SENTRY_LEGACY_ALERTS, SENTRY_WORKFLOW } from "../contracts/sentry";
import { parseJsonish } from "../contracts/json";
import { ERROR_TRACKING_TYPE, TYPES } from "../contracts/tokens";
import { ENV_VAR_TYPES, targetsOf, variablesOf } from "../lib/vercel";


export const SENTRY = {
    project: TYPES.sentryProject,
    key: TYPES.sentryKey,
    issueAlert: TYPES.sentryIssueAlert,
    metricAlert: TYPES.sentryMetricAlert,
} as const;

/** The input of each env var form whose dependencies say where its value came from. */
function valueProp(type: string): string {
    return type === TYPES.envVars ? "variables" : type === TYPES.vercelProject ? "environments" : "value";
}

/** What the stack declares about Sentry: kept outside Pulumi, or the project it adopted. */
function declared(resources: PolicyResource[]): { external: boolean; adoptedSlug?: string } {
    const component = resources.find((r) => r.type === ERROR_TRACKING_TYPE);
    const mode = peek(component?.props, "mode");
    const adopted = peek(component?.props, "adopted") === true ? peek(component?.props, "projectSlug") : undefined;
    return { external: mode === "external", adoptedSlug: typeof adopted === "string" ? adopted : undefined };
}

/** Whether `r`'s `project` input names a project of this stack: by dependency, by slug, or the adopted one. */
function inOwnProject(r: PolicyResource, projects: PolicyResource[], adoptedSlug: string | undefined): boolean {
    if (projects.some((p) => dependsOn(r, "project", p))) return true;
    const slug = peek(r.props, "project");
    if (typeof slug !== "string") return slug === undefined && (r.propertyDependencies?.project ?? []).length > 0;
    return slug === adoptedSlug || projects.some((p) => [peek(p.props, "slug"), peek(p.props, "name")].includes(slug));
}

export const dsnFromStackKey = stackRule({
    name: "sentry-dsn-from-stack-key",
    description: "The SENTRY_DSN production receives comes from a Sentry key of a project this stack creates or explicitly adopts, so production's errors land in production's own project.",
    severity: "high",
    category: "observability",
    remediation:
        "Let the stack manage Sentry (`service:sentry.mode: managed` with `organization` and `team`; `adopt: true` with `projectSlug` for an existing project): the ErrorTracking component hands the app its key's DSN. Keeping Sentry outside Pulumi is `service:sentry.mode: external` with `service:apiKeys.SENTRY_DSN`.",
    validate(resources, _config, report) {
        const { external, adoptedSlug } = declared(resources);
        if (external) return;
        const keys = resources.filter((r) => r.type === SENTRY.key);
        const projects = resources.filter((r) => r.type === SENTRY.project);
        for (const r of resources.filter((x) => ENV_VAR_TYPES.includes(x.type))) {
            for (const { item, label } of variablesOf(r.type, r.props)) {
                if (String(item.key) !== "SENTRY_DSN" || !targetsOf(item).includes("production")) continue;
                const key = keys.find((k) => dependsOn(r, valueProp(r.type), k));
                if (!key) {
                    report(`${r.name}: ${label} reaches production but comes from no Sentry key of this stack (a DSN pasted by hand can be any project's, dev's included).`, ruleResource(r));
                } else if (!inOwnProject(key, projects, adoptedSlug)) {
                    report(`${r.name}: ${label} comes from ${key.name}, a key of project ${JSON.stringify(peek(key.props, "project"))}, which this stack neither creates nor adopts.`, ruleResource(r));
                }
            }
        }
    },
});

/** Whether one workflow action names someone to tell: a team or member by id, the issue owners, or an integration. */
function hasRecipient(action: unknown): boolean {
    if (action === null || typeof action !== "object") return false;
    const config = peek(action, "config");
    const targetType = peek(config, "targetType");
    const target = peek(config, "targetIdentifier");
    const integration = peek(action, "integrationId");
    // Unknown during a preview: the team lookup's id will be there.
    const unknownTarget = config !== null && typeof config === "object" && target === undefined && "targetIdentifier" in (config as object);
    if (peek(action, "type") === "email") return targetType === "issue_owners" || unknownTarget || (typeof target === "string" && /^\d+$/.test(target)) || typeof target === "number";
    return (typeof integration === "string" && integration !== "") || typeof integration === "number";
}

/** Whether a workflow e-mails a team (`notifyTeam`, components/sentryAlerting.ts) or holds an action with a recipient. */
function notifiesSomeone(workflow: PolicyResource): boolean {
    const filters = parseJsonish(peek(workflow.props, "actionFilters"));
    // The team's e-mail goes into every action filter: with none, nobody is told.
    if (!Array.isArray(filters) || filters.length === 0) return false;
    const team = peek(workflow.props, "notifyTeam");
    if ((typeof team === "string" && team !== "") || (team === undefined && "notifyTeam" in workflow.props)) return true;
    return filters.some((f) => {
        const actions = parseJsonish(peek(f, "actions"));
        return Array.isArray(actions) && actions.some(hasRecipient);
    });
}

/** The data sources of a detector that measure the error rate on a dataset Sentry accepts for new monitors. */
function measuresErrorRate(detector: PolicyResource): boolean {
    const sources = parseJsonish(peek(detector.props, "dataSources"));
    return Array.isArray(sources) && sources.some((d) => {
        const dataset = peek(d, "dataset");
        return ERROR_RATE_AGGREGATE.test(String(peek(d, "aggregate") ?? "")) && typeof dataset === "string" && !(REFUSED_DATASETS as readonly string[]).includes(dataset);
    });
}

export const errorRateAlert = stackRule({
    name: "sentry-error-rate-alert",
    description:
        "A stack that manages a Sentry project has a metric monitor (workflow-engine detector) on its error rate, on a dataset Sentry accepts for new monitors, connected to an alert (workflow) that tells someone.",
    severity: "high",
    category: "observability",
    remediation:
        "Set `service:sentry.alerts.errorRatePercent` (the prod preset: 1 % over 5 minutes) and route alerts to `service:sentry.team` or `service:sentry.alerts.slack`: the ErrorTracking component creates the detector on spans (failure_rate(), is_transaction:true) and the workflow that notifies. A SentryMetricAlert does not count: its API is removed, and on the transactions dataset it is refused.",
    config: {
        /** Whether this environment must have one; prod-like configs turn it on. */
        required: z.boolean().default(false),
    },
    validate(resources, config, report) {
        if (!config.required || declared(resources).external) return;
        const projects = resources.filter((r) => r.type === SENTRY.project);
        const keys = resources.filter((r) => r.type === SENTRY.key);
        if (projects.length === 0 && keys.length === 0) return;
        const adoptedSlug = declared(resources).adoptedSlug;
        const workflows = resources.filter((r) => r.type === SENTRY_WORKFLOW);
        const covered = resources.filter((r) => r.type === SENTRY_DETECTOR && measuresErrorRate(r) && inOwnProject(r, projects, adoptedSlug));
        const reaching = covered.filter((d) => {
            const linked = workflows.filter((w) => dependsOn(d, "workflowIds", w));
            if (linked.length > 0) return linked.some(notifiesSomeone);
            // Connected by literal id to a workflow this stack does not hold: whom it tells cannot be seen here.
            const ids = parseJsonish(peek(d.props, "workflowIds"));
            return Array.isArray(ids) && ids.length > 0;
        });
        if (reaching.length > 0) return;
        const blamed = projects[0] ?? keys[0];
        const legacy = resources.filter((r) => r.type === SENTRY.metricAlert).map((r) => r.name);
        report(
            covered.length > 0
                ? `${covered.map((a) => a.name).join(", ")}: the error-rate monitor is connected to no alert with a recipient, so nobody hears of it.`
                : `${blamed.name}: no metric monitor watches the error rate (failure_rate() on spans) of this stack's Sentry project${legacy.length > 0 ? ` (${legacy.join(", ")}: SentryMetricAlert uses the legacy alert-rule API Sentry removed)` : ""}.`,
            ruleResource(blamed),
        );
    },
});

export const currentAlertingApi = resourceRule({
    name: "sentry-alerts-current-api",
    description:
        "No Sentry alert is created through the legacy issue-alert or metric-alert API (SentryIssueAlert, SentryMetricAlert, SentryRule), which Sentry deprecated on 2026-05-14, disables per organization and removes: the deploy would fail at `pulumi up`.",
    severity: "high",
    category: "observability",
    remediation:
        "Let the ErrorTracking component create the alerts (`service:sentry.alerts`): it uses Sentry's workflow-engine API (workflows and detectors, components/sentryAlerting.ts). Delete the legacy resource from the program; an alert created by hand in Sentry's UI is kept outside Pulumi.",
    types: [...SENTRY_LEGACY_ALERTS],
    validate(resource, _config, report) {
        report(`${resource.name}: ${resource.type.split(":").pop()} calls /projects/{org}/{project}/${resource.type.endsWith("SentryMetricAlert") ? "alert-rules" : "rules"}/, which Sentry serves with 410 brownouts, disables by default per organization and removes (getsentry/sentry#114080, #124443, #121879).`);
    },
});

/** Whether `value` holds `environment` as one of its `-`/`_`/`.`-separated segments. */
function carries(value: string, environment: string): boolean {
    return value.toLowerCase().split(/[-_.\s()]+/).includes(environment.toLowerCase());
}

export const environmentSeparate = resourceRule({
    name: "sentry-environment-separate",
    description: "Every Sentry project a stack creates, keys into or alerts on carries the stack's environment in its slug, so dev and prod never share a project, a key or an alert.",
    severity: "high",
    category: "observability",
    remediation:
        "Leave `service:sentry.projectSlug` unset (the component names the project `<service>-<environment>`), or adopt a project whose slug names this environment; a project shared on purpose needs an exemption with its reason.",
    types: [SENTRY.project, SENTRY.key, SENTRY_WORKFLOW, SENTRY_DETECTOR],
    config: {
        /** The environment this config file is for. */
        environment: z.string().min(1).optional(),
    },
    validate(resource, config, report) {
        if (!config.environment) return;
        const [prop, value] = resource.type === SENTRY.project ? ["slug", peek(resource.props, "slug") ?? peek(resource.props, "name")] : ["project", peek(resource.props, "project")];
        if (typeof value !== "string") return;
        if (!carries(value, config.environment)) {
            report(`${resource.name}: ${prop} "${value}" does not carry the environment "${config.environment}", so another environment's stack could report into the same project.`);
        }
    },
});

export const errorTrackingRules: Rule[] = [dsnFromStackKey, errorRateAlert, currentAlertingApi, environmentSeparate];
