/**
 * Input validators of the Sentry resources the program registers:
 * - terraform-provider-sentry v0.11.2, the version @pulumiverse/sentry 0.0.9 bridges (pulumiverse/pulumi-sentry
 *   provider/go.mod: github.com/jianyuan/terraform-provider-sentry v0.11.2), for the project, the key and the
 *   provider;
 * - Sentry's own serializers for the workflow-engine resources (contracts/sentry.ts), which the dynamic
 *   provider's `check` runs during a real preview as well.
 */
import { detectorProblems, SENTRY_DETECTOR, SENTRY_SOURCES, SENTRY_WORKFLOW, SentryProblem, workflowProblems } from "../../contracts/sentry";
import { conflictsWith, field, lengthBetween, object, oneOf, relation, sizeAtLeast, Validator } from "./validator";
import { containsSecret, isSet, plainMarkingUnknowns } from "./values";

const repo = "jianyuan/terraform-provider-sentry";
const version = "v0.11.2";
const ISSUE_ALERT = "sentry:index/sentryIssueAlert:SentryIssueAlert";
const METRIC_ALERT = "sentry:index/sentryMetricAlert:SentryMetricAlert";
const PROJECT = "sentry:index/sentryProject:SentryProject";
const PROVIDER = "pulumi:providers:sentry";

const issueAlert = `${repo} sentry/resource_sentry_issue_alert.go ${version}`;
const metricAlert = `${repo} sentry/resource_sentry_metric_alert.go ${version}`;
const project = `${repo} sentry/resource_sentry_project.go ${version}`;
const provider = `${repo} sentry/provider.go ${version}`;

/**
 * validatePlatform fetches https://docs.sentry.io/_platforms/<platform>.json (and the form with the first `-` as
 * `/`) during the plan and fails on anything but a 200, or when the fetch fails; only "other" is not fetched.
 * Upstream replaced the fetch with a bundled list in v0.13.0 (130badf2, PR #420), which the bridge never took.
 */
const platformFetch = {
    rule: "ValidateDiagFunc validatePlatform (http.Get https://docs.sentry.io/_platforms/<platform>.json)",
    test: (v: unknown) =>
        v === "other" || v === "" || v === undefined
            ? undefined
            : "is validated by fetching docs.sentry.io during the preview, and any answer but 200 (a moved file, no network) fails it; leave platform unset (the SDK setup is chosen in Sentry's UI)",
};

const MARK = Symbol("unknown until the resource exists");

/** One validator per serializer file, so each finding cites the file whose validator refuses it. */
function workflowEngine(type: string, problems: (inputs: Record<string, unknown>, isUnknown: (v: unknown) => boolean) => SentryProblem[], source: string, rule: string): Validator {
    return object(type, "", source, {
        rule,
        test: (o) => {
            // A secret input (the token) is never judged: the messages would show it.
            const inputs = plainMarkingUnknowns(Object.fromEntries(Object.entries(o.value as Record<string, unknown>).filter(([, v]) => !containsSecret(v))), MARK) as Record<string, unknown>;
            return problems(inputs, (v) => v === MARK)
                .filter((p) => p.source === source)
                .map((p) => ({ property: p.property, message: p.message }));
        },
    });
}

export const sentryValidators: Validator[] = [
    field(ISSUE_ALERT, "name", issueAlert, lengthBetween(1, 64, "StringLenBetween(1, 64)")),
    field(ISSUE_ALERT, "actionMatch", issueAlert, oneOf("all", "any")),
    field(ISSUE_ALERT, "filterMatch", issueAlert, oneOf("all", "any", "none")),
    // `conditions` and `actions` are Required lists: an empty one is not set.
    field(ISSUE_ALERT, "conditions", issueAlert, sizeAtLeast(1)),
    field(ISSUE_ALERT, "actions", issueAlert, sizeAtLeast(1)),
    // `trigger` is a Required block list (Min: 1 in docs/resources/metric_alert.md).
    field(METRIC_ALERT, "triggers", metricAlert, sizeAtLeast(1)),
    object(PROJECT, "", project, conflictsWith("team", "teams")),
    field(PROJECT, "platform", project, platformFetch),
    // `token` is Optional with MultiEnvDefaultFunc(SENTRY_AUTH_TOKEN, SENTRY_TOKEN), but every API call the
    // provider makes needs it: without one, the first Read or Create fails with 401.
    object(
        PROVIDER,
        "",
        provider,
        relation("DefaultFunc MultiEnvDefaultFunc(SENTRY_AUTH_TOKEN, SENTRY_TOKEN) (sentry:token)", (o, at) =>
            isSet(o.value, "token") || process.env.SENTRY_AUTH_TOKEN || process.env.SENTRY_TOKEN
                ? []
                : [{ property: at("token"), message: "sentry:token is needed by the Sentry provider: set it with `pulumi config set --secret sentry:token <auth token>` (or SENTRY_AUTH_TOKEN in the environment)" }],
        ),
    ),
    workflowEngine(SENTRY_WORKFLOW, workflowProblems, SENTRY_SOURCES.workflow, "WorkflowValidator (name max_length 256, actionFilters with actions)"),
    workflowEngine(SENTRY_WORKFLOW, workflowProblems, SENTRY_SOURCES.docs, "documented frequencies and email/Slack action targets"),
    workflowEngine(SENTRY_WORKFLOW, workflowProblems, SENTRY_SOURCES.group, "DataConditionGroup.Type (logicType)"),
    workflowEngine(SENTRY_WORKFLOW, workflowProblems, SENTRY_SOURCES.condition, "Condition (condition types, comparison, conditionResult)"),
    workflowEngine(SENTRY_DETECTOR, detectorProblems, SENTRY_SOURCES.detector, "BaseDetectorTypeValidator (name max_length 200, type, dataSources required)"),
    workflowEngine(SENTRY_DETECTOR, detectorProblems, SENTRY_SOURCES.docs, "documented detectionType"),
    workflowEngine(SENTRY_DETECTOR, detectorProblems, SENTRY_SOURCES.metric, "MetricIssueDetectorValidator (transaction deprecation, condition results, resolution condition)"),
    workflowEngine(SENTRY_DETECTOR, detectorProblems, SENTRY_SOURCES.snuba, "SnubaQueryValidator (query type, dataset, event types, time window)"),
    workflowEngine(SENTRY_DETECTOR, detectorProblems, SENTRY_SOURCES.group, "DataConditionGroup.Type (logicType)"),
    workflowEngine(SENTRY_DETECTOR, detectorProblems, SENTRY_SOURCES.condition, "MetricIssueComparisonConditionValidator.supported_conditions"),
];
