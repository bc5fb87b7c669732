/**
 * Monitoring, alerts and cost: an encrypted SNS alerts topic with email subscribers, CloudWatch alarms on
 * every datastore, an uptime check of the production domain and a monthly AWS budget for the stack.
 *
 * Serverless backends publish no CloudWatch metrics to alarm on: an Upstash cache (`cache.backend: upstash`)
 * is watched in the Upstash console (its usage alerts are configured there), and Vercel Blob in Vercel's.
 * Their usage still counts against the Vercel and Upstash bills, not the AWS budget below.
 */
import * as aws from "./aws";
import * as pulumi from "@pulumi/pulumi";
import { HEALTH_CHECK_METRICS_REGION } from "../config/names";
import { exemptionTag } from "../contracts/exemptions";
import { ServiceContext, withAwsProvider } from "./context";
import type { CacheEndpoints, DatabaseEndpoints } from "./contract";

export interface MonitoringArgs {
    /** What the alarms watch on Postgres (the Postgres component). */
    database: DatabaseEndpoints;
    /** What the alarms watch on Redis (the Redis component); an Upstash cache has no CloudWatch metrics. */
    cache: CacheEndpoints;
    /** The RDS instance class (`service:database.instanceClass`) and its nominal memory (`ConnectionBudget.instanceMemoryGib`), which the FreeableMemory threshold is a share of. */
    databaseInstance: { instanceClass: string; memoryGib: number };
    /** Nodes of the ElastiCache replication group (`service:cache.nodes`); each node is alarmed, since ElastiCache publishes per node. */
    cacheNodes: number;
    /** Subscribed to the alerts topic (each address must confirm) and to the budget notifications (`service:alerts.emails`; none in dev, required in prod). */
    alertEmails: string[];
    /** Alarm when connections exceed this share of the app role's connection limit (`service:alerts.connectionsAlarmShare`, default 0.8). */
    connectionsAlarmShare: number;
    /**
     * Uptime check of `https://<domain><path>`; omitted when the stack serves no custom domain. With `prelaunch`, the
     * app is not expected on the domain before that day (`service:app.prelaunchUntil`): the alarm pages nobody until then.
     */
    uptime?: { domain: string; path: string; prelaunch?: { until: string; owner: string } };
    /** The stack's monthly AWS budget and its alert thresholds (`service:budget`; 50 USD in dev, 500 in prod, at 80 and 100 %). */
    budget: { monthlyUsd: number; alertPercentages: number[] };
    /** The stack's AWS region (`service:aws.region`): the uptime check's alarm lives in us-east-1, with its own topic elsewhere. */
    region: string;
    /** The `service` and `environment` tag values the budget filters costs by (`service:name`, `service:environment`). */
    costTags: { service: string; environment: string };
    /** Keep data through mistakes (`service:protectData`; off in dev, on in prod): the longest KMS deletion window for the alert topics' key. */
    protectData: boolean;
    /** Thresholds that no config key sets; by default `DEFAULT_THRESHOLDS`, which says why each is what it is. */
    thresholds?: Partial<AlarmThresholds>;
}

export interface AlarmThresholds {
    /** Sustained database CPU (percent) that leaves no headroom for a traffic spike. */
    databaseCpuPercent: number;
    /** Share of instance memory below which Postgres starts to swap and queries slow down. */
    databaseFreeMemoryShare: number;
    /** Redis runs commands on one thread, so its engine CPU saturates long before the host's. */
    cacheEngineCpuPercent: number;
    /** Memory use (percent of maxmemory) past which evictions begin. */
    cacheMemoryPercent: number;
    /** Evicted keys per 5 minutes tolerated; the template keeps sessions and rate-limit counters in Redis, so any loss shows. */
    cacheEvictions: number;
}

export const DEFAULT_THRESHOLDS: AlarmThresholds = {
    databaseCpuPercent: 80,
    databaseFreeMemoryShare: 0.1,
    cacheEngineCpuPercent: 80,
    cacheMemoryPercent: 80,
    cacheEvictions: 0,
};

export { HEALTH_CHECK_METRICS_REGION };

const GIB = 1024 ** 3;

export class Monitoring extends pulumi.ComponentResource {
    public readonly alertTopicArn: pulumi.Output<string>;
    /** Names of every alarm, for the report and the on-call runbook. */
    public readonly alarmNames: string[] = [];
    public readonly budgetName: string;
    /** The EventBridge rule that forwards the database's storage-ceiling events to the alerts topic. */
    public readonly storageEventRuleName: string;
    public readonly healthCheckId?: pulumi.Output<string>;

    private readonly ctx: ServiceContext;
    private readonly protectData: boolean;
    private readonly identity: pulumi.Output<aws.GetCallerIdentityResult>;
    private readonly partition: pulumi.Output<string>;

    constructor(name: string, args: MonitoringArgs, ctx: ServiceContext, opts?: pulumi.ComponentResourceOptions) {
        super("service:monitoring:Monitoring", name, {}, withAwsProvider(ctx, opts));
        this.ctx = ctx;
        this.protectData = args.protectData;
        const t = { ...DEFAULT_THRESHOLDS, ...args.thresholds };
        this.identity = aws.getCallerIdentityOutput({}, { parent: this });
        this.partition = aws.getPartitionOutput({}, { parent: this }).partition;

        const main = this.createAlertsAndStorageEvents(name, args);
        this.alertTopicArn = main.arn;
        this.storageEventRuleName = ctx.names.storageEventRule;
        this.createDatabaseAlarms(name, args, t, main);
        if (args.cache.replicationGroupId) this.createCacheAlarms(name, args.cache.replicationGroupId, args.cacheNodes, t, main);
        if (args.uptime) this.healthCheckId = this.createUptimeCheck(name, args, args.uptime, main);
        this.budgetName = ctx.names.budget;
        this.createBudget(name, args, main);

        this.registerOutputs({ alertTopicArn: this.alertTopicArn, alarmNames: this.alarmNames, budgetName: this.budgetName, healthCheckId: this.healthCheckId });
    }

    /**
     * The main alerts topic, and the rule that sends it the database's storage-ceiling events. Postgres storage is
     * watched through RDS events, not a metric: storage autoscaling (always on: config requires maxAllocatedStorageGb
     * at least 10 % above allocatedStorageGb) grows the disk whenever free space falls below 10 % of the allocation,
     * so a FreeStorageSpace alarm either fires on every routine step or, set below it, only when the disk is nearly
     * full at the ceiling; CloudWatch publishes no allocated-storage metric to compare with the ceiling. RDS itself
     * says when the ceiling nears (STORAGE_EVENTS), on the default event bus, so a rule on this instance's events
     * reaches the alerts topic.
     */
    private createAlertsAndStorageEvents(name: string, args: MonitoringArgs): aws.sns.Topic {
        const { ctx } = this;
        const storageRule = new aws.cloudwatch.EventRule(
            `${name}-db-storage`,
            {
                name: ctx.names.storageEventRule,
                description: "RDS storage nears or has reached service:database.maxAllocatedStorageGb: raise it (docs/runbooks/alarms.md).",
                eventPattern: pulumi.jsonStringify({
                    source: ["aws.rds"],
                    "detail-type": ["RDS DB Instance Event"],
                    detail: { EventID: Object.keys(STORAGE_EVENTS), SourceIdentifier: [args.database.instanceIdentifier] },
                }),
                tags: ctx.tags,
            },
            { parent: this },
        );
        const main = this.alertTopic(`${name}-alerts`, ctx.names.alertsTopic(), args.alertEmails, undefined, [storageRule.arn]);
        new aws.cloudwatch.EventTarget(
            `${name}-db-storage`,
            {
                rule: storageRule.name,
                arn: main.arn,
                // An email of one readable line instead of the raw event JSON (EventBridge input transformer; a
                // quoted template yields a plain string). The subscribers read what happened and where to act.
                inputTransformer: {
                    inputPaths: { instance: "$.detail.SourceIdentifier", message: "$.detail.Message", event: "$.detail.EventID" },
                    inputTemplate: '"RDS instance <instance>: <message> (<event>). Raise service:database.maxAllocatedStorageGb and run pulumi up; see docs/runbooks/alarms.md, db-storage."',
                },
            },
            { parent: this },
        );
        return main;
    }

    /** One CloudWatch alarm, named by the stack and listed in `alarmNames`, acting on `topic` (in `region`, default the stack's). */
    private alarm(name: string, suffix: string, spec: AlarmSpec, topic: aws.sns.Topic, region?: string) {
        const { ctx } = this;
        const alarmName = ctx.names.alarm(suffix);
        this.alarmNames.push(alarmName);
        return new aws.cloudwatch.MetricAlarm(
            `${name}-${suffix}`,
            {
                name: alarmName,
                region,
                alarmActions: [topic.arn],
                okActions: [topic.arn],
                treatMissingData: "missing",
                tags: ctx.tags,
                ...spec,
            },
            { parent: this },
        );
    }

    /** Postgres (RDS): CPU, connections against the app role's budget, and freeable memory against the class's memory. */
    private createDatabaseAlarms(name: string, args: MonitoringArgs, t: AlarmThresholds, topic: aws.sns.Topic) {
        const db = { DBInstanceIdentifier: args.database.instanceIdentifier };
        this.alarm(name, "db-cpu", {
            alarmDescription: `Database CPU above ${t.databaseCpuPercent}% for 15 minutes: scale the instance class or find the slow queries.`,
            namespace: "AWS/RDS", metricName: "CPUUtilization", dimensions: db, statistic: "Average",
            period: 300, evaluationPeriods: 3, comparisonOperator: "GreaterThanThreshold", threshold: t.databaseCpuPercent,
        }, topic);
        const connections = Math.max(1, Math.floor(args.connectionsAlarmShare * args.database.appConnectionLimit));
        this.alarm(name, "db-connections", {
            alarmDescription: `Database connections above ${connections} (${Math.round(args.connectionsAlarmShare * 100)}% of the app role's limit of ${args.database.appConnectionLimit}): too many function instances are running at once; lower service:database.poolSize or add a pooler.`,
            namespace: "AWS/RDS", metricName: "DatabaseConnections", dimensions: db, statistic: "Maximum",
            period: 60, evaluationPeriods: 5, comparisonOperator: "GreaterThanThreshold", threshold: connections,
        }, topic);
        const { instanceClass, memoryGib } = args.databaseInstance;
        this.alarm(name, "db-freeable-memory", {
            alarmDescription: `Database freeable memory below ${Math.round(t.databaseFreeMemoryShare * 100)}% of the ${memoryGib} GiB of ${instanceClass}.`,
            namespace: "AWS/RDS", metricName: "FreeableMemory", dimensions: db, statistic: "Average",
            period: 300, evaluationPeriods: 3, comparisonOperator: "LessThanThreshold", threshold: Math.floor(t.databaseFreeMemoryShare * memoryGib * GIB),
        }, topic);
    }

    /** ElastiCache: engine CPU, memory and evictions of each member node (metrics are published per node, `<group>-001`, ...). */
    private createCacheAlarms(name: string, groupId: pulumi.Output<string>, nodes: number, t: AlarmThresholds, topic: aws.sns.Topic) {
        for (let i = 1; i <= nodes; i++) {
            const node = String(i).padStart(3, "0");
            const dims = { CacheClusterId: pulumi.interpolate`${groupId}-${node}` };
            this.alarm(name, `cache-${node}-engine-cpu`, {
                alarmDescription: `Redis engine CPU above ${t.cacheEngineCpuPercent}% on node ${node}: commands queue up; scale the node type (service:cache.nodeType).`,
                namespace: "AWS/ElastiCache", metricName: "EngineCPUUtilization", dimensions: dims, statistic: "Average",
                period: 300, evaluationPeriods: 3, comparisonOperator: "GreaterThanThreshold", threshold: t.cacheEngineCpuPercent,
            }, topic);
            this.alarm(name, `cache-${node}-memory`, {
                alarmDescription: `Redis memory above ${t.cacheMemoryPercent}% on node ${node}: evictions follow.`,
                namespace: "AWS/ElastiCache", metricName: "DatabaseMemoryUsagePercentage", dimensions: dims, statistic: "Average",
                period: 300, evaluationPeriods: 3, comparisonOperator: "GreaterThanThreshold", threshold: t.cacheMemoryPercent,
            }, topic);
            this.alarm(name, `cache-${node}-evictions`, {
                alarmDescription: `Redis evicted keys on node ${node}: sessions or rate-limit counters are being lost.`,
                namespace: "AWS/ElastiCache", metricName: "Evictions", dimensions: dims, statistic: "Sum",
                period: 300, evaluationPeriods: 1, comparisonOperator: "GreaterThanThreshold", threshold: t.cacheEvictions,
            }, topic);
        }
    }

    /**
     * A Route 53 health check of the production domain and its alarm. Route 53 publishes health-check metrics in
     * us-east-1 only, so outside it the alarm gets a topic of its own there.
     */
    private createUptimeCheck(name: string, args: MonitoringArgs, uptime: NonNullable<MonitoringArgs["uptime"]>, main: aws.sns.Topic) {
        const { ctx } = this;
        const check = new aws.route53.HealthCheck(
            `${name}-uptime`,
            {
                type: "HTTPS",
                fqdn: uptime.domain,
                port: 443,
                resourcePath: uptime.path,
                enableSni: true,
                requestInterval: 30,
                failureThreshold: 3,
                // At most 27 characters: the provider appends a unique id to make the caller reference (config/names.ts).
                referenceName: ctx.names.healthCheckReference,
                tags: { ...ctx.tags, Name: `${ctx.prefix}-uptime` },
            },
            { parent: this },
        );
        const inMetricsRegion = args.region === HEALTH_CHECK_METRICS_REGION;
        const topic = inMetricsRegion
            ? main
            : this.alertTopic(`${name}-alerts-${HEALTH_CHECK_METRICS_REGION}`, ctx.names.alertsTopic(HEALTH_CHECK_METRICS_REGION), args.alertEmails, HEALTH_CHECK_METRICS_REGION);
        // Before launch the domain serves nothing, so the check fails and a paging alarm would wake someone for a
        // deploy that has not happened: its actions stay off, waived in the open by an expiring exemption tag
        // (docs/decisions/first-deploy.md). The alarm still changes state, so its history shows the launch.
        const prelaunch = uptime.prelaunch;
        this.alarm(
            name,
            "uptime",
            {
                ...(prelaunch
                    ? {
                          actionsEnabled: false,
                          tags: {
                              ...ctx.tags,
                              ...exemptionTag({
                                  rule: "alarm-actions-reach-subscriber",
                                  // The tag's owner is one word (policies/lib/exemptions.ts reads owner=\S*).
                                  owner: prelaunch.owner.replace(/\s+/g, "-"),
                                  expires: prelaunch.until,
                                  reason: "pre-launch: the app does not serve the domain before its first deployment - service:app.prelaunchUntil",
                              }),
                          },
                      }
                    : {}),
                alarmDescription: `https://${uptime.domain}${uptime.path} failed its health check from several Route 53 regions.`,
                namespace: "AWS/Route53", metricName: "HealthCheckStatus", dimensions: { HealthCheckId: check.id }, statistic: "Minimum",
                period: 60, evaluationPeriods: 2, comparisonOperator: "LessThanThreshold", threshold: 1,
                // No data from Route 53 means the check itself is gone or broken: treat as down.
                treatMissingData: "breaching",
            },
            topic,
            inMetricsRegion ? undefined : HEALTH_CHECK_METRICS_REGION,
        );
        return check.id;
    }

    /**
     * The stack's monthly AWS budget, filtered by its cost allocation tags, which must be activated once per account
     * (Billing console, Cost allocation tags: `service` and `environment`) before spend shows up in it.
     */
    private createBudget(name: string, args: MonitoringArgs, main: aws.sns.Topic) {
        const { ctx } = this;
        // A budget notification takes at most 10 addresses; with none (or more), it goes through the topic.
        const direct = args.alertEmails.length > 0 && args.alertEmails.length <= 10;
        new aws.budgets.Budget(
            `${name}-budget`,
            {
                name: ctx.names.budget,
                budgetType: "COST",
                limitAmount: args.budget.monthlyUsd.toFixed(2),
                limitUnit: "USD",
                timeUnit: "MONTHLY",
                metrics: "UnblendedCost",
                filterExpression: {
                    ands: [
                        { tags: { key: "service", values: [args.costTags.service], matchOptions: ["EQUALS"] } },
                        { tags: { key: "environment", values: [args.costTags.environment], matchOptions: ["EQUALS"] } },
                    ],
                },
                notifications: [...new Set(args.budget.alertPercentages)].sort((a, b) => a - b).map((threshold) => ({
                    comparisonOperator: "GREATER_THAN",
                    notificationType: "ACTUAL",
                    threshold,
                    thresholdType: "PERCENTAGE",
                    subscriberEmailAddresses: direct ? args.alertEmails : undefined,
                    subscriberSnsTopicArns: direct ? undefined : [main.arn],
                })),
                tags: ctx.tags,
            },
            { parent: this },
        );
    }

    /**
     * An alerts topic encrypted with its own KMS key. The AWS-managed `alias/aws/sns` key will not do: its
     * policy cannot grant CloudWatch alarms or AWS Budgets the right to encrypt, so their messages would be
     * dropped silently.
     */
    private alertTopic(name: string, topicName: string, emails: string[], region?: string, eventRuleArns: pulumi.Output<string>[] = []): aws.sns.Topic {
        const { ctx } = this;
        const opts = { parent: this };
        const account = this.identity.accountId;
        const root = pulumi.interpolate`arn:${this.partition}:iam::${account}:root`;
        // EventBridge delivers to an SNS topic encrypted with a customer managed key only if the key policy lets
        // events.amazonaws.com use it (kms:GenerateDataKey*, kms:Decrypt: Amazon SNS Developer Guide, sns-key-management,
        // "Enable compatibility between event sources from AWS services and encrypted topics"), and the topic policy lets
        // it publish (Amazon EventBridge User Guide, eb-use-resource-based, "Amazon SNS permissions").
        const publishers = ["cloudwatch.amazonaws.com", "budgets.amazonaws.com"];
        const encrypters = [...publishers, ...(eventRuleArns.length > 0 ? ["events.amazonaws.com"] : [])];
        const key = new aws.kms.Key(
            `${name}-key`,
            {
                region,
                description: `Encrypts the alerts topic ${topicName}`,
                enableKeyRotation: true,
                deletionWindowInDays: this.protectData ? 30 : 7,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        { Sid: "AccountAdministersKey", Effect: "Allow", Principal: { AWS: root }, Action: "kms:*", Resource: "*" },
                        { Sid: "AlertPublishersEncrypt", Effect: "Allow", Principal: { Service: encrypters }, Action: ["kms:Decrypt", "kms:GenerateDataKey*"], Resource: "*" },
                    ],
                }),
                tags: ctx.tags,
            },
            // Deleting the key would make the topic undeliverable; in prod it is protected like any other key.
            { ...opts, ...ctx.stateful },
        );
        new aws.kms.Alias(`${name}-key`, { region, name: `alias/${topicName}`, targetKeyId: key.keyId }, opts);
        const topic = new aws.sns.Topic(`${name}`, { region, name: topicName, kmsMasterKeyId: key.arn, tags: ctx.tags }, opts);
        new aws.sns.TopicPolicy(
            `${name}`,
            {
                region,
                arn: topic.arn,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "AccountManagesTopic",
                            Effect: "Allow",
                            Principal: { AWS: root },
                            Action: ["sns:GetTopicAttributes", "sns:SetTopicAttributes", "sns:AddPermission", "sns:RemovePermission", "sns:DeleteTopic", "sns:Subscribe", "sns:ListSubscriptionsByTopic", "sns:Publish"],
                            Resource: topic.arn,
                        },
                        {
                            Sid: "AlarmsAndBudgetsPublish",
                            Effect: "Allow",
                            Principal: { Service: publishers },
                            Action: "sns:Publish",
                            Resource: topic.arn,
                            Condition: { StringEquals: { "aws:SourceAccount": account } },
                        },
                        // Only this stack's own event rules, named by aws:SourceArn as the EventBridge guide's examples do.
                        ...(eventRuleArns.length > 0
                            ? [{ Sid: "EventRulesPublish", Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "sns:Publish", Resource: topic.arn, Condition: { ArnEquals: { "aws:SourceArn": eventRuleArns } } }]
                            : []),
                        {
                            Sid: "TlsOnly",
                            Effect: "Deny",
                            Principal: "*",
                            Action: "sns:Publish",
                            Resource: topic.arn,
                            Condition: { Bool: { "aws:SecureTransport": "false" } },
                        },
                    ],
                }),
            },
            opts,
        );
        // Keyed by address, so adding or removing one leaves the others (and their confirmations) alone; the
        // alias adopts the subscription an earlier release keyed by position.
        emails.forEach((email, i) => {
            new aws.sns.TopicSubscription(
                `${name}-email-${email.toLowerCase()}`,
                { region, topic: topic.arn, protocol: "email", endpoint: email },
                { ...opts, aliases: [{ name: `${name}-email-${i + 1}` }] },
            );
        });
        return topic;
    }
}

/**
 * The RDS events that mean storage is running out for an instance whose storage autoscales (Amazon RDS User Guide,
 * "Amazon RDS event categories and event messages", USER_Events.Messages). RDS-EVENT-0089 (free storage below
 * 10 % of the allocation) is left out on purpose: it precedes every routine autoscaling step.
 */
export const STORAGE_EVENTS: Record<string, string> = {
    "RDS-EVENT-0225": "notification: allocated storage has reached 80 % of the maximum storage threshold",
    "RDS-EVENT-0007": "low storage: allocated storage has been exhausted",
};

type AlarmSpec = Omit<aws.cloudwatch.MetricAlarmArgs, "name" | "alarmActions" | "okActions" | "region">;
