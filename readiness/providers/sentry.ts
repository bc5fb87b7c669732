/**
 * Input validators of terraform-provider-sentry v0.11.2, the version @pulumiverse/sentry 0.0.9 bridges
 * (pulumiverse/pulumi-sentry provider/go.mod: github.com/jianyuan/terraform-provider-sentry v0.11.2).
 *
 * Not emulated: `platform` of a project, which the provider validates by fetching
 * https://docs.sentry.io/_platforms/<platform>.json at plan time (resource_sentry_project.go validatePlatform).
 */
import { conflictsWith, field, lengthBetween, object, oneOf, relation, sizeAtLeast, Validator } from "./validator";
import { isSet } from "./values";

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
];
