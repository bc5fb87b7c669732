// Generated from contracts/sentry.ts by `npm run pack-contracts` (scripts/pack-contracts.js): the pack is
// published on its own, so it carries its copy of what it shares with the program. Edit contracts/sentry.ts.
/**
 * Sentry's workflow engine API ("Monitors and Alerts": detectors and workflows), the API that replaces the
 * legacy issue-alert and metric-alert routes (getsentry/sentry#114080 deprecated them on 2026-05-14, #124443
 * disables them by default per organization, #121879 removes them). One home for what the component sends,
 * what the pack judges and what the offline check validates: the resource types, the request bodies as
 * Sentry's serializers read them (camelCase, CamelSnakeSerializer), and the checks those serializers make.
 *
 * Read from getsentry/sentry's source as stored on 2026-12-06 (commits where the stored copy named one):
 * - src/sentry/workflow_engine/endpoints/validators/base/workflow.py (WorkflowValidator) and
 *   organization_workflow_index.py@02be8dbe (POST /organizations/{org}/workflows/ with detectorIds);
 * - src/sentry/workflow_engine/endpoints/validators/base/detector.py@02d899ce (BaseDetectorTypeValidator);
 * - src/sentry/incidents/metric_issue_detector.py@dc03815f (MetricIssueDetectorValidator,
 *   MetricIssueComparisonConditionValidator, _validate_transaction_dataset_deprecation);
 * - src/sentry/snuba/snuba_query_validator.py@01129b9c (SnubaQueryValidator: datasets per query type);
 * - src/sentry/workflow_engine/models/data_condition.py (Condition), data_condition_group.py (Type);
 * - src/sentry/workflow_engine/endpoints/validators/api_docs_help_text.py (the documented bodies: the
 *   "Failure Rate Metric Monitor" data source, the email and Slack actions, the workflow frequencies).
 * Nothing here is copied code: values and shapes only.
 */

/**
 * The dynamic resources' type tokens. `pulumi.dynamic.Resource` registers `pulumi-nodejs:dynamic/<module>:<type>`
 * when given a module and a type (@pulumi/pulumi 3.270 dynamic/index.js), so the pack and the change report tell
 * a workflow from a detector by type, as they do for any provider's resource.
 */
export const SENTRY_DYNAMIC_MODULE = "sentry";
export const SENTRY_WORKFLOW = "pulumi-nodejs:dynamic/sentry:Workflow";
export const SENTRY_DETECTOR = "pulumi-nodejs:dynamic/sentry:Detector";

/** The legacy bridge resources on routes Sentry removed (#121879: "API clients must use detectors and automations instead"). */
export const SENTRY_LEGACY_ALERTS = [
    "sentry:index/sentryIssueAlert:SentryIssueAlert",
    "sentry:index/sentryMetricAlert:SentryMetricAlert",
    "sentry:index/sentryRule:SentryRule",
] as const;

/** DataConditionGroup.Type. */
export const LOGIC_TYPES = ["any", "any-short", "all", "none"] as const;
export type LogicType = (typeof LOGIC_TYPES)[number];

/** Condition (models/data_condition.py), every member. */
export const CONDITION_TYPES = [
    "eq", "gte", "gt", "lte", "lt", "ne", "anomaly_detection",
    "age_comparison", "assigned_to", "event_attribute", "event_created_by_detector", "event_seen_count",
    "existing_high_priority_issue", "first_seen_event", "issue_category", "issue_occurrences", "latest_adopted_release",
    "latest_release", "level", "new_high_priority_issue", "regression_event", "reappeared_event", "tagged_event",
    "issue_priority_equals", "issue_priority_greater_or_equal", "issue_priority_deescalating", "issue_resolution_change",
    "event_frequency_count", "event_frequency_percent", "event_unique_user_frequency_count", "event_unique_user_frequency_percent",
    "percent_sessions_count", "percent_sessions_percent", "every_event",
] as const;
export type ConditionType = (typeof CONDITION_TYPES)[number];

/** MetricIssueComparisonConditionValidator.supported_conditions. */
export const METRIC_CONDITION_TYPES = ["gt", "lt", "gte", "lte", "anomaly_detection"] as const;

/** DetectorPriorityLevel: what a metric detector's condition yields (75 opens a high-priority issue, 0 resolves it). */
export const PRIORITY = { ok: 0, low: 25, medium: 50, high: 75 } as const;
/** MetricIssueComparisonConditionValidator.supported_condition_results. */
export const METRIC_CONDITION_RESULTS = [PRIORITY.high, PRIORITY.medium, PRIORITY.ok] as const;

/** Datasets (sentry.snuba.dataset.Dataset values) a metric detector may use, by SnubaQuery.Type (0 error, 1 performance, 2 crash rate). */
export const DATASETS_BY_QUERY_TYPE: Record<number, readonly string[]> = {
    0: ["events"],
    1: ["transactions", "generic_metrics", "events_analytics_platform"],
    2: ["metrics"],
};
/** Event types allowed per query type (QUERY_TYPE_VALID_EVENT_TYPES). */
export const EVENT_TYPES_BY_QUERY_TYPE: Record<number, readonly string[]> = {
    0: ["error", "default"],
    1: ["transaction", "trace_item_log", "trace_item_span"],
};
/**
 * Refused for new detectors in organizations under the transaction deprecation: "Creation of transaction-based
 * alerts is disabled, as we migrate to the span dataset" (_validate_transaction_dataset_deprecation; Dataset.Transactions
 * and Dataset.PerformanceMetrics).
 */
export const REFUSED_DATASETS = ["transactions", "generic_metrics"] as const;

/**
 * Span (EAP) monitors evaluate windows of 5 minutes or more: "Invalid Time Window: Time window for this alert type
 * must be at least 5 minutes." (getsentry/sentry tests/sentry/incidents/endpoints/test_organization_alert_rule_index.py
 * @4e016c69, test_eap_alert_with_invalid_time_window).
 */
export const EAP_MIN_WINDOW_SECONDS = 300;

/** Detector config detectionType values (DETECTOR_CONFIG_HELP_TEXT). */
export const DETECTION_TYPES = ["static", "percent", "dynamic"] as const;

/** Workflow `config.frequency`, minutes between two notifications of one issue (WORKFLOW_CONFIG_HELP_TEXT). */
export const WORKFLOW_FREQUENCIES = [0, 5, 10, 30, 60, 180, 720, 1440] as const;

/** Aggregates that measure a share of failing requests; failure_rate() is a fraction (0.01 is 1 %). */
export const ERROR_RATE_AGGREGATE = /^(failure_rate\(\)|failure_rate_if\(|percentage\()/;

export interface DataCondition {
    type: ConditionType;
    comparison: unknown;
    conditionResult: unknown;
}

export interface ConditionGroup {
    logicType: LogicType;
    conditions: DataCondition[];
}

/**
 * An action as the workflow API documents it: email to a team or user (targetIdentifier is the team's or user's
 * numeric id), or Slack (targetDisplay the channel name, integrationId the Slack integration's id).
 */
export interface WorkflowAction {
    type: "email" | "slack";
    integrationId: string | null;
    config: { targetType: "user" | "team" | "issue_owners" | "specific"; targetIdentifier: string | null; targetDisplay: string | null };
    data: Record<string, unknown>;
}

export interface ActionFilter extends ConditionGroup {
    actions: WorkflowAction[];
}

/** The inputs of a Workflow resource: the body of POST /organizations/{org}/workflows/ plus where it goes. */
export interface WorkflowInputs {
    organization: string;
    /** The project slug whose error detector the workflow is connected to when `connectErrorDetector` is set. */
    project: string;
    /** Connect the project's issue-stream error detector at create time (issue alerts: new issue, regression). */
    connectErrorDetector: boolean;
    /**
     * The slug of a team whose members every action filter e-mails: the provider looks up the team's id
     * (`GET /teams/{org}/{team}/`) when it creates or updates the workflow, so a preview needs no call to Sentry.
     */
    notifyTeam: string | null;
    name: string;
    enabled: boolean;
    config: { frequency: number };
    triggers: ConditionGroup;
    actionFilters: ActionFilter[];
}

/** A SnubaQueryValidator data source; timeWindow in seconds (MetricIssueDetectorValidator uses timeWindowSeconds=True). */
export interface SnubaDataSource {
    queryType: 0 | 1 | 2;
    dataset: string;
    query: string;
    aggregate: string;
    timeWindow: number;
    environment: string | null;
    eventTypes: string[];
}

/** The inputs of a Detector resource: the body of a metric monitor's creation plus where it goes. */
export interface DetectorInputs {
    organization: string;
    project: string;
    name: string;
    type: "metric_issue";
    dataSources: SnubaDataSource[];
    conditionGroup: ConditionGroup;
    config: { detectionType: (typeof DETECTION_TYPES)[number] };
    /** The workflows (alerts) that notify someone when the detector opens an issue. */
    workflowIds: string[];
}

/** One problem Sentry's serializers would answer with a 400, at a property path of the inputs. */
export interface SentryProblem {
    property: string;
    message: string;
    /** The getsentry/sentry file whose validator refuses it. */
    source: string;
}

const SRC = {
    workflow: "getsentry/sentry src/sentry/workflow_engine/endpoints/validators/base/workflow.py 2026-12-06",
    detector: "getsentry/sentry src/sentry/workflow_engine/endpoints/validators/base/detector.py 02d899ce",
    metric: "getsentry/sentry src/sentry/incidents/metric_issue_detector.py 2026-12-06 (dc03815f)",
    snuba: "getsentry/sentry src/sentry/snuba/snuba_query_validator.py 01129b9c",
    condition: "getsentry/sentry src/sentry/workflow_engine/models/data_condition.py 2026-12-06",
    group: "getsentry/sentry src/sentry/workflow_engine/models/data_condition_group.py 2026-12-06",
    docs: "getsentry/sentry src/sentry/workflow_engine/endpoints/validators/api_docs_help_text.py 2026-12-06",
} as const;
export const SENTRY_SOURCES = SRC;

type Check = (value: unknown, at: string, out: SentryProblem[]) => void;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const show = (v: unknown) => JSON.stringify(v);

/** A value the program does not know yet (preview of a computed output): not judged. */
export type Unknown = (v: unknown) => boolean;

function nameCheck(max: number, source: string): Check {
    return (v, at, out) => {
        if (typeof v !== "string" || v.trim() === "") out.push({ property: at, message: `${at} is required: a non-blank name`, source });
        else if (v.length > max) out.push({ property: at, message: `${at} is ${v.length} characters; Sentry accepts at most ${max}`, source });
    };
}

function groupCheck(isUnknown: Unknown, allowed: readonly string[] = CONDITION_TYPES): Check {
    return (g, at, out) => {
        if (isUnknown(g)) return;
        if (!isRecord(g)) return void out.push({ property: at, message: `${at} must be a condition group {logicType, conditions}`, source: SRC.group });
        if (!isUnknown(g.logicType) && !(LOGIC_TYPES as readonly unknown[]).includes(g.logicType)) {
            out.push({ property: `${at}.logicType`, message: `${at}.logicType ${show(g.logicType)} is not one of ${LOGIC_TYPES.join(", ")}`, source: SRC.group });
        }
        if (isUnknown(g.conditions)) return;
        if (!Array.isArray(g.conditions)) return void out.push({ property: `${at}.conditions`, message: `${at}.conditions must be a list`, source: SRC.group });
        g.conditions.forEach((c, i) => {
            const cat = `${at}.conditions[${i}]`;
            if (isUnknown(c) || !isRecord(c) || isUnknown(c.type)) return;
            if (!allowed.includes(c.type as string)) out.push({ property: `${cat}.type`, message: `${cat}.type ${show(c.type)} is not a condition Sentry supports here; expected one of ${allowed.join(", ")}`, source: SRC.condition });
            if (!("comparison" in c)) out.push({ property: `${cat}.comparison`, message: `${cat}.comparison is required`, source: SRC.condition });
            if (!("conditionResult" in c)) out.push({ property: `${cat}.conditionResult`, message: `${cat}.conditionResult is required`, source: SRC.condition });
        });
    };
}

function actionCheck(isUnknown: Unknown): Check {
    return (a, at, out) => {
        if (isUnknown(a) || !isRecord(a)) return;
        const config = isRecord(a.config) ? a.config : {};
        if (a.type === "email") {
            if (!["user", "team", "issue_owners"].includes(config.targetType as string)) {
                out.push({ property: `${at}.config.targetType`, message: `${at}.config.targetType ${show(config.targetType)}: an email action goes to a user, a team or the issue owners`, source: SRC.docs });
            } else if (config.targetType !== "issue_owners" && !isUnknown(config.targetIdentifier) && !/^\d+$/.test(String(config.targetIdentifier ?? ""))) {
                out.push({ property: `${at}.config.targetIdentifier`, message: `${at}.config.targetIdentifier ${show(config.targetIdentifier)} must be the numeric id of the ${config.targetType}`, source: SRC.docs });
            }
        } else if (a.type === "slack") {
            if (!isUnknown(a.integrationId) && !/^\d+$/.test(String(a.integrationId ?? ""))) {
                out.push({ property: `${at}.integrationId`, message: `${at}.integrationId ${show(a.integrationId)} must be the Slack integration's id`, source: SRC.docs });
            }
            if (!isUnknown(config.targetDisplay) && (typeof config.targetDisplay !== "string" || config.targetDisplay.trim() === "")) {
                out.push({ property: `${at}.config.targetDisplay`, message: `${at}.config.targetDisplay must name the Slack channel`, source: SRC.docs });
            }
        } else if (!isUnknown(a.type)) {
            out.push({ property: `${at}.type`, message: `${at}.type ${show(a.type)}: this template sends only email and slack actions`, source: SRC.docs });
        }
    };
}

/** What POST /organizations/{org}/workflows/ refuses in these inputs. */
export function workflowProblems(inputs: Record<string, unknown>, isUnknown: Unknown = () => false): SentryProblem[] {
    const out: SentryProblem[] = [];
    if (!isUnknown(inputs.name)) nameCheck(256, SRC.workflow)(inputs.name, "name", out);
    const config = inputs.config;
    if (isRecord(config) && !isUnknown(config.frequency) && !(WORKFLOW_FREQUENCIES as readonly unknown[]).includes(config.frequency)) {
        out.push({ property: "config.frequency", message: `config.frequency ${show(config.frequency)} is not one of ${WORKFLOW_FREQUENCIES.join(", ")} (minutes)`, source: SRC.docs });
    }
    if (inputs.triggers !== undefined) groupCheck(isUnknown)(inputs.triggers, "triggers", out);
    if (inputs.notifyTeam !== undefined && inputs.notifyTeam !== null && !isUnknown(inputs.notifyTeam) && !(typeof inputs.notifyTeam === "string" && /^[a-z0-9][a-z0-9_-]*$/.test(inputs.notifyTeam))) {
        out.push({ property: "notifyTeam", message: `notifyTeam ${show(inputs.notifyTeam)} must be a team slug`, source: SRC.docs });
    }
    if (isUnknown(inputs.actionFilters)) return out;
    if (!Array.isArray(inputs.actionFilters) || inputs.actionFilters.length === 0) {
        out.push({ property: "actionFilters", message: "actionFilters: a workflow without an action filter and its actions notifies nobody", source: SRC.workflow });
        return out;
    }
    inputs.actionFilters.forEach((f, i) => {
        const at = `actionFilters[${i}]`;
        if (isUnknown(f)) return;
        if (!isRecord(f) || !("actions" in f)) return void out.push({ property: at, message: `${at}: Missing actions key in action filter`, source: SRC.workflow });
        groupCheck(isUnknown)(f, at, out);
        if (Array.isArray(f.actions)) f.actions.forEach((a, j) => actionCheck(isUnknown)(a, `${at}.actions[${j}]`, out));
    });
    return out;
}

/** What a metric monitor's creation (MetricIssueDetectorValidator and the SnubaQueryValidator of its data source) refuses. */
export function detectorProblems(inputs: Record<string, unknown>, isUnknown: Unknown = () => false): SentryProblem[] {
    const out: SentryProblem[] = [];
    if (!isUnknown(inputs.name)) nameCheck(200, SRC.detector)(inputs.name, "name", out);
    if (!isUnknown(inputs.type) && inputs.type !== "metric_issue") {
        out.push({ property: "type", message: `type ${show(inputs.type)}: this resource creates metric monitors, type "metric_issue"`, source: SRC.detector });
    }
    const config = inputs.config;
    if (!isUnknown(config) && (!isRecord(config) || !(DETECTION_TYPES as readonly unknown[]).includes(config.detectionType))) {
        out.push({ property: "config.detectionType", message: `config.detectionType must be one of ${DETECTION_TYPES.join(", ")}`, source: SRC.docs });
    }
    const sources = inputs.dataSources;
    if (!isUnknown(sources)) {
        if (!Array.isArray(sources) || sources.length === 0) {
            out.push({ property: "dataSources", message: "dataSources: This field is required when creating a detector.", source: SRC.detector });
        } else {
            sources.forEach((s, i) => dataSourceCheck(isUnknown)(s, `dataSources[${i}]`, out));
        }
    }
    const group = inputs.conditionGroup;
    if (isUnknown(group)) return out;
    if (!isRecord(group)) {
        out.push({ property: "conditionGroup", message: "conditionGroup is required for a metric issue detector", source: SRC.metric });
        return out;
    }
    groupCheck(isUnknown, METRIC_CONDITION_TYPES)(group, "conditionGroup", out);
    const conditions = Array.isArray(group.conditions) ? group.conditions.filter(isRecord) : [];
    if (conditions.length > 3) out.push({ property: "conditionGroup.conditions", message: "conditionGroup.conditions: Too many conditions (at most 3)", source: SRC.metric });
    conditions.forEach((c, i) => {
        const at = `conditionGroup.conditions[${i}]`;
        if (!isUnknown(c.conditionResult) && !(METRIC_CONDITION_RESULTS as readonly unknown[]).includes(c.conditionResult)) {
            out.push({ property: `${at}.conditionResult`, message: `${at}.conditionResult ${show(c.conditionResult)}: Unsupported condition result (expected 75 high, 50 medium or 0 resolved)`, source: SRC.metric });
        }
        if (c.type !== "anomaly_detection" && !isUnknown(c.comparison) && (typeof c.comparison !== "number" || !Number.isFinite(c.comparison))) {
            out.push({ property: `${at}.comparison`, message: `${at}.comparison ${show(c.comparison)}: A valid number is required.`, source: SRC.metric });
        }
    });
    const known = conditions.every((c) => !isUnknown(c.conditionResult) && !isUnknown(c.type));
    if (known && !conditions.some((c) => c.conditionResult === PRIORITY.ok) && !conditions.some((c) => c.type === "anomaly_detection")) {
        out.push({ property: "conditionGroup.conditions", message: "conditionGroup.conditions: Resolution condition required for metric issue detector (a condition with conditionResult 0)", source: SRC.metric });
    }
    return out;
}

function dataSourceCheck(isUnknown: Unknown): Check {
    return (s, at, out) => {
        if (isUnknown(s) || !isRecord(s)) return;
        for (const key of ["dataset", "query", "aggregate", "timeWindow", "environment"]) {
            if (!(key in s)) out.push({ property: `${at}.${key}`, message: `${at}.${key}: This field is required.`, source: SRC.snuba });
        }
        const queryType = typeof s.queryType === "number" ? s.queryType : undefined;
        if (queryType !== undefined && !(queryType in DATASETS_BY_QUERY_TYPE)) {
            out.push({ property: `${at}.queryType`, message: `${at}.queryType ${show(s.queryType)}: Invalid query type`, source: SRC.snuba });
            return;
        }
        if (typeof s.dataset === "string") {
            if ((REFUSED_DATASETS as readonly string[]).includes(s.dataset)) {
                out.push({
                    property: `${at}.dataset`,
                    message: `${at}.dataset ${show(s.dataset)}: Creation of transaction-based alerts is disabled, as we migrate to the span dataset; use "events_analytics_platform" with eventTypes ["trace_item_span"]`,
                    source: SRC.metric,
                });
            } else if (queryType !== undefined && !DATASETS_BY_QUERY_TYPE[queryType].includes(s.dataset)) {
                out.push({ property: `${at}.dataset`, message: `${at}.dataset ${show(s.dataset)}: Invalid dataset for this query type. Valid datasets are ${DATASETS_BY_QUERY_TYPE[queryType].join(", ")}`, source: SRC.snuba });
            }
        }
        if (Array.isArray(s.eventTypes) && queryType !== undefined && queryType in EVENT_TYPES_BY_QUERY_TYPE) {
            const bad = s.eventTypes.filter((e) => !isUnknown(e) && !EVENT_TYPES_BY_QUERY_TYPE[queryType].includes(String(e)));
            if (bad.length > 0) out.push({ property: `${at}.eventTypes`, message: `${at}.eventTypes ${show(bad)}: Invalid event types for this dataset. Valid event types are ${EVENT_TYPES_BY_QUERY_TYPE[queryType].join(", ")}`, source: SRC.snuba });
            if (s.dataset === "events_analytics_platform" && s.eventTypes.length > 1) {
                out.push({ property: `${at}.eventTypes`, message: `${at}.eventTypes: Multiple event types not allowed`, source: SRC.snuba });
            }
        }
        if (!isUnknown(s.timeWindow) && "timeWindow" in s && (typeof s.timeWindow !== "number" || !Number.isInteger(s.timeWindow) || s.timeWindow <= 0)) {
            out.push({ property: `${at}.timeWindow`, message: `${at}.timeWindow ${show(s.timeWindow)}: a whole number of seconds is required`, source: SRC.snuba });
        } else if (s.dataset === "events_analytics_platform" && typeof s.timeWindow === "number" && s.timeWindow < EAP_MIN_WINDOW_SECONDS) {
            out.push({ property: `${at}.timeWindow`, message: `${at}.timeWindow ${s.timeWindow}: Invalid Time Window: Time window for this alert type must be at least 5 minutes (300 seconds)`, source: SRC.snuba });
        }
        if (typeof s.aggregate === "string" && s.aggregate.trim() === "") {
            out.push({ property: `${at}.aggregate`, message: `${at}.aggregate: This field may not be blank.`, source: SRC.snuba });
        }
    };
}
