/**
 * Error tracking as infrastructure: this environment's own Sentry project (created, or adopted by slug), the
 * client key whose DSN the app receives, and the checklists' error alerts, all from `service:sentry`
 * (docs/decisions/error-tracking.md). Each environment reports into its own project through its own key, so dev
 * events never land in prod's project.
 *
 * With `mode: external` nothing is created: the component only states that choice where the policy pack can see
 * it (its registered outputs), and the DSN comes from `service:apiKeys.SENTRY_DSN`.
 */
import * as pulumi from "@pulumi/pulumi";
import * as sentry from "@pulumiverse/sentry";
import { ERROR_TRACKING_TYPE } from "../policies/rules/errorTracking";
import type { PlainServiceConfig } from "../config";
import type { ServiceContext } from "./context";

export { ERROR_TRACKING_TYPE };

/** Sentry's rule registry ids (getsentry/sentry src/sentry/rules), as terraform-provider-sentry v0.11.2 docs/resources/issue_alert.md lists them. */
export const ISSUE_CONDITIONS = {
    firstSeen: "sentry.rules.conditions.first_seen_event.FirstSeenEventCondition",
    regression: "sentry.rules.conditions.regression_event.RegressionEventCondition",
} as const;
export const ISSUE_ACTIONS = {
    email: "sentry.mail.actions.NotifyEmailAction",
    slack: "sentry.integrations.slack.notify_action.SlackNotifyServiceAction",
} as const;

/** What the 5xx alert counts: transactions answered with a server error. */
export const SERVER_ERROR_QUERY = "http.status_code:[500,502,503,504]";

export interface ErrorTrackingArgs {
    /** Every Sentry setting (`service:sentry`). */
    sentry: PlainServiceConfig["sentry"];
    /** The service (`service:name`) and environment (`service:environment`) the key and the alerts are named after. */
    service: string;
    environment: string;
}

export class ErrorTracking extends pulumi.ComponentResource {
    /** The DSN the app reports to (secret); undefined with `mode: external`. */
    public readonly dsn?: pulumi.Output<string>;
    /** The project the stack's key and alerts belong to; undefined with `mode: external`. */
    public readonly projectSlug?: string;

    constructor(name: string, args: ErrorTrackingArgs, ctx: ServiceContext, opts?: pulumi.ComponentResourceOptions) {
        super(ERROR_TRACKING_TYPE, name, {}, opts);
        const s = args.sentry;
        const { service, environment } = args;
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
            const created = new sentry.SentryProject(`${name}-project`, { organization, teams: [team], name: slug, slug, platform: s.platform }, { parent: this, ...ctx.stateful });
            project = created.slug;
        }

        // The key is the DSN every deployment reports with: protected like the project (policies/lib/stateful.ts).
        const key = new sentry.SentryKey(`${name}-key`, { organization, project, name: `${service} app (${environment})` }, { parent: this, ...ctx.stateful });
        // The SDK marks dsnSecret and secret as secret outputs, not dsnPublic, which is the DSN SDKs use today.
        this.dsn = pulumi.secret(key.dsnPublic);

        const teamId = sentry.getSentryTeamOutput({ organization, slug: team }, { parent: this }).internalId;
        const { alerts } = s;
        const issueActions: pulumi.Input<Record<string, pulumi.Input<string>>>[] = [{ id: ISSUE_ACTIONS.email, targetType: "Team", targetIdentifier: teamId }];
        const metricActions: pulumi.Input<sentry.types.input.SentryMetricAlertTriggerAction>[] = [{ type: "email", targetType: "team", targetIdentifier: teamId }];
        if (alerts.slack) {
            issueActions.push({ id: ISSUE_ACTIONS.slack, workspace: alerts.slack.integrationId, channel: alerts.slack.channel });
            metricActions.push({ type: "slack", targetType: "specific", targetIdentifier: alerts.slack.channel, integrationId: Number(alerts.slack.integrationId) });
        }

        if (alerts.newIssues) {
            new sentry.SentryIssueAlert(
                `${name}-new-issues`,
                {
                    organization,
                    project,
                    name: `New issue or regression (${environment})`,
                    actionMatch: "any",
                    filterMatch: "all",
                    frequency: 30,
                    conditions: [{ id: ISSUE_CONDITIONS.firstSeen }, { id: ISSUE_CONDITIONS.regression }],
                    actions: issueActions,
                },
                { parent: this },
            );
        }
        const metricAlert = (suffix: string, title: string, args: { dataset: string; aggregate: string; query: string; timeWindow: number; threshold: number }) =>
            new sentry.SentryMetricAlert(
                `${name}-${suffix}`,
                {
                    organization,
                    project,
                    name: `${title} (${environment})`,
                    dataset: args.dataset,
                    aggregate: args.aggregate,
                    query: args.query,
                    timeWindow: args.timeWindow,
                    // 0: above the threshold.
                    thresholdType: 0,
                    triggers: [{ label: "critical", thresholdType: 0, alertThreshold: args.threshold, actions: metricActions }],
                },
                { parent: this },
            );
        if (alerts.errorRatePercent > 0) {
            // failure_rate() is the share of failed transactions as a fraction: 1 % is 0.01.
            metricAlert("error-rate", `Error rate over ${alerts.errorRatePercent} %`, {
                dataset: "transactions",
                aggregate: "failure_rate()",
                query: "",
                timeWindow: alerts.errorRateWindowMinutes,
                threshold: alerts.errorRatePercent / 100,
            });
        }
        if (alerts.serverErrorsPerWindow > 0) {
            metricAlert("server-errors", `Spike of 5xx responses`, {
                dataset: "transactions",
                aggregate: "count()",
                query: SERVER_ERROR_QUERY,
                timeWindow: alerts.serverErrorsWindowMinutes,
                threshold: alerts.serverErrorsPerWindow,
            });
        }

        this.registerOutputs({ mode: s.mode, environment, organization, projectSlug: slug, adopted: s.adopt });
    }
}
