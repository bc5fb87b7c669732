/**
 * Input validators of the Sentry resources the program registers:
 * - terraform-provider-sentry v0.11.2, the version @pulumiverse/sentry 0.0.9 bridges (pulumiverse/pulumi-sentry
 *   provider/go.mod: github.com/jianyuan/terraform-provider-sentry v0.11.2), for the project, the key and the
 *   provider;
 * - Sentry's own serializers for the workflow-engine resources (contracts/sentry.ts), which the dynamic
 *   provider's `check` runs during a real preview as well.
 */
import { detectorProblems, SENTRY_DETECTOR, SENTRY_SOURCES, SENTRY_WORKFLOW, SentryProblem, workflowProblems } from "../../contracts/sentry";
import { atLeastOneOf, conflictsWith, field, lengthBetween, object, oneOf, relation, sizeAtLeast, Validator } from "./validator";
import type { TypeCoverage } from "./types";
import { containsSecret, isSet, plainMarkingUnknowns } from "./values";
import { TYPES } from "../../contracts/tokens";

const repo = "jianyuan/terraform-provider-sentry";
const version = "v0.11.2";
const ISSUE_ALERT = TYPES.sentryIssueAlert;
const METRIC_ALERT = TYPES.sentryMetricAlert;
const PROJECT = TYPES.sentryProject;
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

/**
 * What Sentry's serializers refuse under one top-level input (`key`), as one serializer file (`source`) says: the
 * dynamic provider's `check` (components/sentryAlerting.ts) runs the same functions during a real preview, so these
 * validators are that check, split by input and by the file whose validator refuses it, so each finding cites it.
 */
function serializer(type: string, key: string, problems: (inputs: Record<string, unknown>, isUnknown: (v: unknown) => boolean) => SentryProblem[], source: string, rule: string): Validator {
    return {
        type,
        property: key,
        rule,
        source,
        run(all) {
            // A secret input (the token) is never judged, as if unknown: the messages would show it, and leaving it out
            // would read as a missing input.
            const inputs = plainMarkingUnknowns(Object.fromEntries(Object.entries(all).filter(([, v]) => !containsSecret(v))), MARK) as Record<string, unknown>;
            for (const [k, v] of Object.entries(all)) if (containsSecret(v)) inputs[k] = MARK;
            return problems(inputs, (v) => v === MARK)
                .filter((p) => p.source === source && (p.property === key || p.property.startsWith(`${key}.`) || p.property.startsWith(`${key}[`)))
                .map((p) => ({ property: p.property, message: p.message, source }));
        },
    };
}

const S = SENTRY_SOURCES;
const GROUP = "DataConditionGroup.Type: logicType any, any-short, all or none; conditions a list";
const CONDITION = "Condition: type a Condition member, comparison and conditionResult present";

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
    // resourceSentryProjectCreate (L134-138) refuses a project with neither before it calls the API.
    object(PROJECT, "", project, { ...atLeastOneOf("team", "teams"), rule: "Create: AtLeastOneOf(team, teams)" }),
    field(PROJECT, "platform", project, platformFetch),
    // `token` is Optional with MultiEnvDefaultFunc(SENTRY_AUTH_TOKEN, SENTRY_TOKEN), but every API call the
    // provider makes needs it: without one, the first Read or Create fails with 401.
    object(
        PROVIDER,
        "",
        provider,
        relation("DefaultFunc MultiEnvDefaultFunc(SENTRY_AUTH_TOKEN, SENTRY_TOKEN): every API call needs a token", (o, at) =>
            isSet(o.value, "token") || process.env.SENTRY_AUTH_TOKEN || process.env.SENTRY_TOKEN
                ? []
                : [{ property: at("token"), message: "sentry:token is needed by the Sentry provider: set it with `pulumi config set --secret sentry:token <auth token>` (or SENTRY_AUTH_TOKEN in the environment)" }],
        ),
    ),
    serializer(SENTRY_WORKFLOW, "name", workflowProblems, S.workflow, "WorkflowValidator: name not blank, max_length 256"),
    serializer(SENTRY_WORKFLOW, "config", workflowProblems, S.docs, "config.frequency one of the documented minutes (0, 5, 10, 30, 60, 180, 720, 1440)"),
    serializer(SENTRY_WORKFLOW, "triggers", workflowProblems, S.group, GROUP),
    serializer(SENTRY_WORKFLOW, "triggers", workflowProblems, S.condition, CONDITION),
    serializer(SENTRY_WORKFLOW, "notifyTeam", workflowProblems, S.docs, "a team slug (the provider looks its id up at create)"),
    serializer(SENTRY_WORKFLOW, "actionFilters", workflowProblems, S.workflow, "WorkflowValidator: action filters present, each with its actions key"),
    serializer(SENTRY_WORKFLOW, "actionFilters", workflowProblems, S.group, GROUP),
    serializer(SENTRY_WORKFLOW, "actionFilters", workflowProblems, S.condition, CONDITION),
    serializer(SENTRY_WORKFLOW, "actionFilters", workflowProblems, S.docs, "documented actions: email to a user, team (numeric id) or the issue owners; Slack with its integration id and channel"),
    serializer(SENTRY_DETECTOR, "name", detectorProblems, S.detector, "BaseDetectorTypeValidator: name not blank, max_length 200"),
    serializer(SENTRY_DETECTOR, "type", detectorProblems, S.detector, "BaseDetectorTypeValidator: type metric_issue"),
    serializer(SENTRY_DETECTOR, "config", detectorProblems, S.docs, "config.detectionType static, percent or dynamic"),
    serializer(SENTRY_DETECTOR, "dataSources", detectorProblems, S.detector, "BaseDetectorTypeValidator: dataSources required"),
    serializer(SENTRY_DETECTOR, "dataSources", detectorProblems, S.snuba, "SnubaQueryValidator: required fields, query type, dataset and event types per query type, time window, aggregate"),
    serializer(SENTRY_DETECTOR, "dataSources", detectorProblems, S.metric, "_validate_transaction_dataset_deprecation: no transactions or generic_metrics dataset"),
    serializer(SENTRY_DETECTOR, "conditionGroup", detectorProblems, S.metric, "MetricIssueDetectorValidator: a condition group of at most 3 numeric conditions with results 75, 50 or 0, one resolving"),
    serializer(SENTRY_DETECTOR, "conditionGroup", detectorProblems, S.group, GROUP),
    serializer(SENTRY_DETECTOR, "conditionGroup", detectorProblems, S.condition, "MetricIssueComparisonConditionValidator.supported_conditions (gt, lt, gte, lte, anomaly_detection); comparison and conditionResult present"),
];

const API = "needs a call to Sentry's API";
const tf = (file: string, lines: string) => `${repo} sentry/${file} ${version} (efcdc645) ${lines}`;

/**
 * Every validator-bearing attribute of the Sentry types the program can register: the bridged resources (schema
 * lines at tag v0.11.2) and the dynamic workflow-engine resources, whose "provider" is components/sentryAlerting.ts
 * (its `check` runs policies/lib/sentry.ts; its create and update then call the API, which refuses what the
 * serializers cited in policies/lib/sentry.ts refuse).
 */
export const sentryCoverage: Record<string, TypeCoverage> = {
    [ISSUE_ALERT]: {
        source: tf("resource_sentry_issue_alert.go", "Schema L55-125"),
        attributes: [
            { path: "name", declared: "StringLenBetween(1, 64) (L61)" },
            { path: "conditions", declared: "Required TypeList of maps (L63-70): an empty list is not set" },
            { path: "actions", declared: "Required TypeList of maps (L79-86): an empty list is not set" },
            { path: "actionMatch", declared: "StringInSlice(all, any, false) (L91)" },
            { path: "filterMatch", declared: "StringInSlice(all, any, none, false) (L97)" },
        ],
    },
    [METRIC_ALERT]: {
        source: tf("resource_sentry_metric_alert.go", "Schema L25-160: no ValidateFunc; only the Required trigger block"),
        attributes: [{ path: "triggers", declared: "trigger: Required block list (L88-90), MinItems 1 in the core schema" }],
    },
    [TYPES.sentryKey]: {
        source: tf("resource_sentry_key.go", "Schema: no attribute carries a validator, ConflictsWith or MaxItems"),
        attributes: [],
    },
    [PROJECT]: {
        source: tf("resource_sentry_project.go", "Schema L30-80, resourceSentryProjectCreate L129-170, validatePlatform L350"),
        attributes: [
            { path: "team", declared: "ConflictsWith(teams) (L41)" },
            { path: "teams", declared: "ConflictsWith(team) (L50)" },
            { path: "(inputs)", declared: "Create: \"one of team or teams must be configured\" (L136-138)" },
            { path: "platform", declared: "ValidateDiagFunc validatePlatform: http.Get https://docs.sentry.io/_platforms/<platform>.json (L69, L350)" },
        ],
    },
    [PROVIDER]: {
        source: tf("provider.go", "Schema L18-40 (no ValidateFunc)"),
        attributes: [{ path: "token", declared: "Optional, DefaultFunc MultiEnvDefaultFunc(SENTRY_AUTH_TOKEN, SENTRY_TOKEN) (L21-27); every API call fails without it" }],
    },
    [SENTRY_WORKFLOW]: {
        source: "components/sentryAlerting.ts workflowProvider (check: workflowProblems; create: GET detectors, GET team, POST /organizations/{org}/workflows/), refusals read from getsentry/sentry as cited in policies/lib/sentry.ts",
        attributes: [
            { path: "name", declared: `WorkflowValidator: name CharField(max_length=256), required (${S.workflow})` },
            { path: "config", declared: `config.frequency: the documented values (${S.docs})` },
            { path: "triggers", declared: `DataConditionGroup logicType, Condition type/comparison/conditionResult (${S.group}; ${S.condition})` },
            { path: "notifyTeam", declared: "a team slug (the provider's own input)" },
            { path: "notifyTeam (exists)", declared: "create/update: GET /teams/{org}/{team}/ must find the team", exception: API },
            { path: "actionFilters", declared: `WorkflowValidator: "Missing actions key in action filter"; condition groups; documented email/Slack action configs (${S.workflow}; ${S.docs})` },
            { path: "connectErrorDetector (exists)", declared: "create: the project's issue-stream error detector must exist", exception: API },
        ],
    },
    [SENTRY_DETECTOR]: {
        source: "components/sentryAlerting.ts detectorProvider (check: detectorProblems; create: GET project, POST /organizations/{org}/detectors/), refusals read from getsentry/sentry as cited in policies/lib/sentry.ts",
        attributes: [
            { path: "name", declared: `BaseDetectorTypeValidator: name CharField(max_length=200), required (${S.detector})` },
            { path: "type", declared: `BaseDetectorTypeValidator: a registered detector type; this resource sends metric_issue (${S.detector})` },
            { path: "config", declared: `config.detectionType static, percent or dynamic (${S.docs})` },
            {
                path: "config.comparisonDelta",
                declared: "MetricIssue config_schema: comparison_delta integer or null in COMPARISON_DELTA_CHOICES (getsentry/sentry src/sentry/incidents/grouptype.py)",
                exception:
                    "ComparisonDeltaChoices (src/sentry/incidents/models/alert_rule.py) could not be read, and the six values DETECTOR_CONFIG_HELP_TEXT documents may not be all of them; the program sends only detectionType static, with no comparisonDelta",
            },
            { path: "dataSources", declared: `required (${S.detector}); SnubaQueryValidator (${S.snuba}); transaction dataset deprecation (${S.metric})` },
            { path: "conditionGroup", declared: `MetricIssueDetectorValidator and MetricIssueComparisonConditionValidator (${S.metric}); logicType (${S.group})` },
            { path: "project (exists)", declared: "create: GET /projects/{org}/{project}/ must find the project", exception: API },
            { path: "workflowIds (exist)", declared: "create/update: Sentry links only workflows of the organization", exception: API },
        ],
    },
    "pulumi:providers:pulumi-nodejs": {
        source: "@pulumi/pulumi 3.270.0 dynamic provider (the language host serves it; it takes no configuration)",
        attributes: [],
    },
};
