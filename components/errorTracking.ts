/**
 * Error tracking as infrastructure: this environment's own Sentry project (created, or adopted by slug), the
 * client key whose DSN the app receives, and the checklists' alerts, all from `service:sentry`
 * (docs/decisions/error-tracking.md). Each environment reports into its own project through its own key, so dev
 * events never land in prod's project.
 *
 * The project and the key go through @pulumiverse/sentry 0.0.9 (their API routes are current); the alerts go
 * through Sentry's workflow engine API (components/sentryAlerting.ts), because the bridge's alert resources call
 * routes Sentry removed. A preview calls no Sentry API: the team's id is looked up when an alert is created. The project gets no `platform`: terraform-provider-sentry v0.11.2
 * validates one by fetching docs.sentry.io during preview (resource_sentry_project.go, validatePlatform).
 *
 * With `mode: external` nothing is created: the component only states that choice where the policy pack can see
 * it (its registered outputs), and the DSN comes from `service:apiKeys.SENTRY_DSN`.
 */
import * as pulumi from "@pulumi/pulumi";
import * as sentry from "@pulumiverse/sentry";
import { ERROR_TRACKING_TYPE } from "../contracts/tokens";
import { PRIORITY, SnubaDataSource } from "../contracts/sentry";
import type { PlainServiceConfig } from "../config";
import type { ServiceContext } from "./context";
import { SentryConnection, SentryDetector, SentryWorkflow, WorkflowActionInput } from "./sentryAlerting";

export { ERROR_TRACKING_TYPE };

/**
 * The error rate: the share of failed transactions, measured on spans (the dataset Sentry's deprecation points to:
 * "Create span-based alerts (dataset: events_analytics_platform) with the is_transaction:true filter instead",
 * getsentry/sentry src/sentry/incidents/metric_issue_detector.py). failure_rate() is a fraction: 1 % is 0.01.
 */
export const ERROR_RATE_SOURCE: Omit<SnubaDataSource, "timeWindow"> = {
    queryType: 1,
    dataset: "events_analytics_platform",
    eventTypes: ["trace_item_span"],
    aggregate: "failure_rate()",
    query: "is_transaction:true",
    environment: null,
};

/**
 * Transactions answered with a server error. `span.status_code` is a string attribute of spans
 * (getsentry/sentry src/sentry/search/eap/spans/attributes.py), hence the quoted-free list of codes.
 */
export const SERVER_ERRORS_SOURCE: Omit<SnubaDataSource, "timeWindow"> = {
    queryType: 1,
    dataset: "events_analytics_platform",
    eventTypes: ["trace_item_span"],
    aggregate: "count(span.duration)",
    query: "is_transaction:true span.status_code:[500,502,503,504]",
    environment: null,
};

/** Minutes between two notifications about one issue. */
const NEW_ISSUE_FREQUENCY_MINUTES = 30;

export interface ErrorTrackingArgs {
    /** Every Sentry setting (`service:sentry`). */
    sentry: PlainServiceConfig["sentry"];
    /** The service (`service:name`) and environment (`service:environment`) the key and the alerts are named after. */
    service: string;
    /** The environment (`service:environment`), which names this stack's Sentry project and its alerts. */
    environment: string;
    /** The workflow API's address and the auth token (the bridge provider's `sentry:baseUrl` and `sentry:token`). */
    connection: SentryConnection;
}

/** `sentry:baseUrl` is `https://<host>/api/` (terraform-provider-sentry v0.11.2 provider.go); the workflow API is under its version `0`. */
export function sentryConnection(config: pulumi.Config = new pulumi.Config("sentry")): SentryConnection {
    const base = config.get("baseUrl") ?? "https://sentry.io/api/";
    return { apiUrl: `${base.replace(/\/+$/, "")}/0`, token: config.getSecret("token") };
}

export class ErrorTracking extends pulumi.ComponentResource {
    /** The DSN the app reports to (secret); undefined with `mode: external`. */
    public readonly dsn?: pulumi.Output<string>;
    /** The project the stack's key and alerts belong to; undefined with `mode: external`. */
    public readonly projectSlug?: string;

    constructor(name: string, args: ErrorTrackingArgs, ctx: ServiceContext, opts?: pulumi.ComponentResourceOptions) {
        super(ERROR_TRACKING_TYPE, name, {}, opts);
        const s = args.sentry;
        const { service, environment, connection } = args;
        if (s.mode === "external") {
            this.registerOutputs({ mode: s.mode, environment });
            return;
        }
        // Config validation requires both when managed (config/schema.ts, SentrySchema).
        const organization = s.organization!;
        const team = s.team!;
        // The prefix is `<service>-<environment>`: the environment is in the slug, so two stacks never share a project.
        const slug = s.projectSlug ?? ctx.prefix;
        this.projectSlug = slug;

        let project: pulumi.Output<string>;
        if (s.adopt) {
            project = pulumi.output(slug);
        } else {
            // The project holds the issue history: protected and retained like any other stateful resource.
            const created = new sentry.SentryProject(`${name}-project`, { organization, teams: [team], name: slug, slug }, { parent: this, ...ctx.stateful });
            project = created.slug;
        }

        // The key is the DSN every deployed build reports with: a new key strands them, so it is kept like data.
        const key = new sentry.SentryKey(`${name}-key`, { organization, project, name: `${service} app (${environment})` }, { parent: this, ...ctx.stateful });
        // The SDK marks dsnSecret and secret as secret outputs, not dsnPublic, which is the DSN SDKs use today.
        this.dsn = pulumi.secret(key.dsnPublic);

        const { alerts } = s;
        // The team's members are e-mailed (notifyTeam: its id is looked up at create, not in a preview); Slack as
        // api_docs_help_text.py documents it ("Notify on Slack"): the integration's id, the channel's name in targetDisplay.
        const actions: WorkflowActionInput[] = [];
        if (alerts.slack) {
            actions.push({ type: "slack", integrationId: alerts.slack.integrationId, config: { targetType: "specific", targetIdentifier: "", targetDisplay: alerts.slack.channel.replace(/^#/, "") }, data: {} });
        }
        const where = { organization, project, ...connection };

        if (alerts.newIssues) {
            new SentryWorkflow(
                `${name}-new-issues`,
                {
                    ...where,
                    notifyTeam: team,
                    connectErrorDetector: true,
                    name: `New issue or regression (${environment})`,
                    enabled: true,
                    config: { frequency: NEW_ISSUE_FREQUENCY_MINUTES },
                    triggers: {
                        logicType: "any-short",
                        conditions: [
                            { type: "first_seen_event", comparison: true, conditionResult: true },
                            { type: "regression_event", comparison: true, conditionResult: true },
                        ],
                    },
                    actionFilters: [{ logicType: "any-short", conditions: [], actions }],
                },
                { parent: this },
            );
        }

        const metrics = [
            { suffix: "error-rate", title: `Error rate over ${alerts.errorRatePercent} %`, source: ERROR_RATE_SOURCE, minutes: alerts.errorRateWindowMinutes, threshold: alerts.errorRatePercent / 100 },
            { suffix: "server-errors", title: "Spike of 5xx responses", source: SERVER_ERRORS_SOURCE, minutes: alerts.serverErrorsWindowMinutes, threshold: alerts.serverErrorsPerWindow },
        ].filter((m) => m.threshold > 0);
        if (metrics.length > 0) {
            // Sentry's canonical workflow of a metric issue: notify when it opens at high priority and when it de-escalates.
            const notify = new SentryWorkflow(
                `${name}-metric-alerts`,
                {
                    ...where,
                    notifyTeam: team,
                    connectErrorDetector: false,
                    name: `Metric alerts (${environment})`,
                    enabled: true,
                    config: { frequency: 0 },
                    triggers: { logicType: "any-short", conditions: [] },
                    actionFilters: [
                        {
                            logicType: "any-short",
                            conditions: [
                                { type: "issue_priority_greater_or_equal", comparison: PRIORITY.high, conditionResult: true },
                                { type: "issue_priority_deescalating", comparison: PRIORITY.high, conditionResult: true },
                            ],
                            actions,
                        },
                    ],
                },
                { parent: this },
            );
            for (const m of metrics) {
                new SentryDetector(
                    `${name}-${m.suffix}`,
                    {
                        ...where,
                        name: `${m.title} (${environment})`,
                        type: "metric_issue",
                        dataSources: [{ ...m.source, timeWindow: m.minutes * 60 }],
                        // Above the threshold opens a high-priority issue; back at or under it resolves the issue.
                        conditionGroup: {
                            logicType: "any",
                            conditions: [
                                { type: "gt", comparison: m.threshold, conditionResult: PRIORITY.high },
                                { type: "lte", comparison: m.threshold, conditionResult: PRIORITY.ok },
                            ],
                        },
                        config: { detectionType: "static" },
                        workflowIds: [notify.id],
                    },
                    { parent: this },
                );
            }
        }

        this.registerOutputs({ mode: s.mode, environment, organization, projectSlug: slug, adopted: s.adopt });
    }
}
