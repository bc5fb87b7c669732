/**
 * Readiness rules: monitoring, alerts and cost. Someone is told when a datastore runs hot, when the site is
 * down and when spend runs away.
 *
 * These are stack rules (they relate alarms to datastores, topics and subscriptions). They link resources by
 * the property dependencies the engine records (an alarm's dimensions computed from an RDS instance's output,
 * its actions from a topic's ARN), which are known during preview even when the values are not, and by values
 * where they are known (names, ARNs of existing topics). A rule that would need an unknown value skips that
 * link instead of guessing; nothing here reads an ARN or id that exists only after creation.
 */
import type { PolicyResource } from "@pulumi/policy";
import { z } from "zod";
import { Rule, ruleResource, stackRule } from "../lib/rule";
import { dependsOn } from "../lib/links";
import { knownStrings, peek } from "../lib/preview";
import { TYPES } from "../contracts/tokens";

const T = {
    alarm: TYPES.metricAlarm,
    topic: TYPES.topic,
    subscription: TYPES.topicSubscription,
    rds: TYPES.rdsInstance,
    replicationGroup: TYPES.replicationGroup,
    budget: TYPES.budget,
    healthCheck: TYPES.healthCheck,
    eventRule: TYPES.eventRule,
    eventTarget: TYPES.eventTarget,
} as const;


interface MetricRef {
    namespace?: string;
    metricName?: string;
    /** Known dimension values by name. */
    dimensions: Record<string, string>;
}

/** The metrics an alarm watches: its own, or each metric of its metric-math queries. */
function metricsOf(alarm: PolicyResource): MetricRef[] {
    const dims = (d: unknown): Record<string, string> => {
        const out: Record<string, string> = {};
        if (d && typeof d === "object") for (const [k, v] of Object.entries(d)) if (typeof v === "string" && peek(d, k) !== undefined) out[k] = v;
        return out;
    };
    const str = (v: unknown) => (typeof v === "string" ? v : undefined);
    const out: MetricRef[] = [];
    const name = str(peek(alarm.props, "metricName"));
    if (name) out.push({ namespace: str(peek(alarm.props, "namespace")), metricName: name, dimensions: dims(peek(alarm.props, "dimensions")) });
    const queries = peek(alarm.props, "metricQueries");
    if (Array.isArray(queries)) {
        for (const q of queries) {
            const m = peek(q, "metric");
            const n = str(peek(m, "metricName"));
            if (n) out.push({ namespace: str(peek(m, "namespace")), metricName: n, dimensions: dims(peek(m, "dimensions")) });
        }
    }
    return out;
}

/** Whether `alarm`'s dimensions were computed from `store` (its outputs), known in preview as well. */
const dimensionsFrom = (alarm: PolicyResource, store: PolicyResource) => dependsOn(alarm, "dimensions", store) || dependsOn(alarm, "metricQueries", store);

const metricAlternatives = z.array(z.array(z.string().min(1)).min(1));

/**
 * RDS events that say an instance's storage is running out (Amazon RDS User Guide, "Amazon RDS event categories and
 * event messages", USER_Events.Messages). With storage autoscaling on, RDS-EVENT-0225 ("notification": allocated
 * storage has reached 80 % of the maximum storage threshold) is the warning: FreeStorageSpace below 10 % of the
 * allocation is autoscaling's own routine trigger, and CloudWatch publishes no allocated-storage metric to compare
 * with the ceiling. With autoscaling off, the disk never grows: a FreeStorageSpace alarm, or RDS-EVENT-0089 ("low
 * storage": free storage below 10 % of the allocation), warns in time.
 */
const CEILING_EVENT = "RDS-EVENT-0225";
const LOW_STORAGE_EVENT = "RDS-EVENT-0089";
/** The real event's categories (same page), which a pattern may filter on instead of EventID. */
const EVENT_CATEGORY: Record<string, string> = { [CEILING_EVENT]: "notification", [LOW_STORAGE_EVENT]: "low storage" };

/**
 * Whether `pattern` (an EventBridge event pattern) admits `event`, or cannot be decided from what we model of the
 * event: fields of the event we leave out (account, region, Message, ...) and content filters other than `prefix`,
 * `anything-but` and `exists` count as admitting, so a rule we cannot read never blocks. The shape of an RDS instance
 * event: Amazon RDS User Guide, rds-cloud-watch-events (example event with source `aws.rds`, detail-type
 * `RDS DB Instance Event`, detail.EventCategories, SourceType `DB_INSTANCE`, SourceIdentifier = the instance
 * identifier, EventID).
 */
export function patternAdmits(pattern: unknown, event: Record<string, unknown>): boolean {
    if (!pattern || typeof pattern !== "object" || Array.isArray(pattern)) return false;
    return Object.entries(pattern).every(([key, expected]) => {
        if (!(key in event)) return true;
        const actual = event[key];
        if (expected && typeof expected === "object" && !Array.isArray(expected)) return actual !== null && typeof actual === "object" && !Array.isArray(actual) && patternAdmits(expected, actual as Record<string, unknown>);
        if (!Array.isArray(expected)) return false;
        const values = Array.isArray(actual) ? actual : [actual];
        return expected.some((filter) => values.some((v) => filterAdmits(filter, v)));
    });
}

function filterAdmits(filter: unknown, value: unknown): boolean {
    if (filter === null || typeof filter !== "object") return filter === value;
    const f = filter as Record<string, unknown>;
    if (typeof f.prefix === "string") return typeof value === "string" && value.startsWith(f.prefix);
    if ("anything-but" in f) {
        const but = f["anything-but"];
        if (Array.isArray(but) || typeof but !== "object" || but === null) return !(Array.isArray(but) ? but : [but]).includes(value);
        return true;
    }
    if (typeof f.exists === "boolean") return f.exists;
    return true;
}

/** The default event bus, by name or ARN: AWS services such as RDS deliver their events only there. */
const onDefaultBus = (rule: PolicyResource) => {
    const bus = peek(rule.props, "eventBusName");
    return bus === undefined || bus === "" || bus === "default" || (typeof bus === "string" && /:event-bus\/default$/.test(bus));
};

/** Whether an enabled rule on the default bus routes `eventId` for the RDS instance `db` (identifier `id`, when known). */
function routesEvent(rule: PolicyResource, db: PolicyResource, id: string | undefined, eventId: string): boolean {
    if (!onDefaultBus(rule) || peek(rule.props, "state") === "DISABLED" || peek(rule.props, "isEnabled") === false) return false;
    const raw = peek(rule.props, "eventPattern");
    // Unknown in preview: a pattern computed from this instance's outputs is taken to be about it, not to block.
    if (typeof raw !== "string") return raw === undefined && dependsOn(rule, "eventPattern", db);
    let pattern: unknown;
    try {
        pattern = JSON.parse(raw);
    } catch {
        return false;
    }
    const detail: Record<string, unknown> = { EventID: eventId, EventCategories: [EVENT_CATEGORY[eventId]], SourceType: "DB_INSTANCE" };
    if (id !== undefined) detail.SourceIdentifier = id;
    else if (!dependsOn(rule, "eventPattern", db)) return false;
    return patternAdmits(pattern, { source: "aws.rds", "detail-type": "RDS DB Instance Event", detail });
}

/** Whether RDS storage autoscaling is on (`maxAllocatedStorage` above `allocatedStorage`), off, or unknown. */
function storageAutoscaling(db: PolicyResource): "on" | "off" | "unknown" {
    const max = peek(db.props, "maxAllocatedStorage");
    const allocated = peek(db.props, "allocatedStorage");
    if (max === undefined && "maxAllocatedStorage" in (db.props ?? {})) return "unknown";
    if (typeof max !== "number" || max === 0) return "off";
    if (typeof allocated !== "number") return "unknown";
    return max > allocated ? "on" : "off";
}

export const datastoreAlarms = stackRule({
    name: "datastore-alarms",
    description:
        "Every RDS instance has alarms on CPU, connections and freeable memory and an alert before its storage runs out (RDS-EVENT-0225 at the autoscaling ceiling, or FreeStorageSpace without autoscaling), and every ElastiCache replication group on CPU, memory and evictions.",
    severity: "medium",
    category: "observability",
    remediation:
        "Create the Monitoring component (components/monitoring.ts) with the data tier's endpoints; it alarms on every datastore and forwards RDS-EVENT-0225 and RDS-EVENT-0007 of the instance to the alerts topic (an EventBridge rule and target). The connections threshold comes from `service:alerts.connectionsAlarmShare`.",
    config: {
        /** Each inner list is one required alarm; any metric in it satisfies it. Storage is checked apart (by the instance's autoscaling). */
        rds: metricAlternatives.default([["CPUUtilization"], ["DatabaseConnections"], ["FreeableMemory"]]),
        elasticache: metricAlternatives.default([["EngineCPUUtilization", "CPUUtilization"], ["DatabaseMemoryUsagePercentage"], ["Evictions"]]),
    },
    validate(resources, config, report) {
        const alarms = alarmIndex(resources.filter((r) => r.type === T.alarm));
        const watchedBy = (store: PolicyResource, namespace: string, candidates: Iterable<[number, MetricRef]>) => {
            const watched = new Set<string>();
            const add = (m: MetricRef) => {
                if (m.namespace === undefined || m.namespace === namespace) watched.add(m.metricName!);
            };
            for (const i of alarms.fromStore(store)) alarms.metrics[i].forEach(add);
            for (const [, m] of candidates) add(m);
            return watched;
        };
        const missingOf = (watched: Set<string>, required: string[][]) => required.filter((alts) => !alts.some((metric) => watched.has(metric))).map((alts) => alts.join(" or "));
        const eventRules = resources.filter((r) => r.type === T.eventRule);
        const notifying = notifyingEventRules(resources, eventRules);
        for (const db of resources.filter((r) => r.type === T.rds)) {
            const id = peek(db.props, "identifier");
            const known = typeof id === "string" ? id : undefined;
            const watched = watchedBy(db, "AWS/RDS", known !== undefined ? alarms.byDimension("DBInstanceIdentifier", known) : []);
            const missing = missingOf(watched, config.rds);
            const routed = (eventId: string) => eventRules.some((rule) => notifying.has(rule) && routesEvent(rule, db, known, eventId));
            const autoscaling = storageAutoscaling(db);
            const ceilingAlert = routed(CEILING_EVENT);
            const lowStorageAlert = watched.has("FreeStorageSpace") || routed(LOW_STORAGE_EVENT);
            if (autoscaling === "on" && !ceilingAlert) {
                missing.push(`its storage nearing the autoscaling ceiling (an enabled EventBridge rule on ${CEILING_EVENT} for this instance with a target on an SNS topic of the stack; FreeStorageSpace below 10 % of the allocation is autoscaling's own routine trigger)`);
            } else if (autoscaling === "off" && !lowStorageAlert) {
                missing.push(`FreeStorageSpace (storage autoscaling is off, so the disk never grows)`);
            } else if (autoscaling === "unknown" && !ceilingAlert && !lowStorageAlert) {
                missing.push(`its storage running out (FreeStorageSpace without storage autoscaling, an EventBridge rule on ${CEILING_EVENT} with it)`);
            }
            if (missing.length > 0) report(`RDS instance ${db.name} has no alarm on ${missing.join(", ")}.`, ruleResource(db));
        }
        for (const group of resources.filter((r) => r.type === T.replicationGroup)) {
            const id = peek(group.props, "replicationGroupId");
            // Members are the group itself and its clusters, `<id>-001` and so on.
            const members = typeof id === "string" ? [...alarms.byDimensionPrefix("CacheClusterId", id), ...alarms.byDimensionPrefix("ReplicationGroupId", id)] : [];
            const missing = missingOf(watchedBy(group, "AWS/ElastiCache", members), config.elasticache);
            if (missing.length > 0) report(`ElastiCache group ${group.name} has no alarm on ${missing.join(", ")}.`, ruleResource(group));
        }
    },
});

/**
 * The event rules that have a target on an SNS topic of the stack, as an alarm notifies one (whether the topic has a
 * subscriber is alarm-actions-reach-subscriber's finding, for alarms and event targets alike). A target names its
 * rule by name (or is computed from the rule's outputs); its `arn` is the topic's.
 */
function notifyingEventRules(resources: PolicyResource[], rules: PolicyResource[]): Set<PolicyResource> {
    const out = new Set<PolicyResource>();
    if (rules.length === 0) return out;
    const linkedTopics = topicIndex(resources.filter((r) => r.type === T.topic));
    for (const target of resources.filter((r) => r.type === T.eventTarget)) {
        if (linkedTopics(target, "arn", knownStrings([peek(target.props, "arn")])).length === 0) continue;
        for (const rule of rules) {
            const name = peek(rule.props, "name");
            if (dependsOn(target, "rule", rule) || (typeof name === "string" && peek(target.props, "rule") === name)) out.add(rule);
        }
    }
    return out;
}

/** The topics of the stack that some subscription of the stack points at. */
function subscribedTopics(resources: PolicyResource[], linkedTopics: ReturnType<typeof topicIndex>): Set<PolicyResource> {
    const out = new Set<PolicyResource>();
    for (const s of resources.filter((r) => r.type === T.subscription)) {
        for (const t of linkedTopics(s, "topic", knownStrings([peek(s.props, "topic")]))) out.add(t);
    }
    return out;
}

/**
 * The alarms of a stack indexed by what links them to a datastore: the resources their dimensions were
 * computed from, and their known dimension values. Datastores look their alarms up instead of scanning every
 * alarm, so the rule grows with the stack, not with datastores times alarms.
 */
function alarmIndex(alarms: PolicyResource[]) {
    const metrics = alarms.map(metricsOf);
    const push = <T>(index: Map<string, T[]>, key: string, item: T) => {
        const list = index.get(key);
        if (list) list.push(item);
        else index.set(key, [item]);
    };
    const byDependency = new Map<string, number[]>();
    alarms.forEach((a, i) => {
        for (const prop of ["dimensions", "metricQueries"]) for (const d of a.propertyDependencies?.[prop] ?? []) push(byDependency, d.urn, i);
    });
    /** Metrics by dimension and value, and by dimension and each prefix of the value that a `-` follows. */
    const byValue = new Map<string, Array<[number, MetricRef]>>();
    const byPrefix = new Map<string, Array<[number, MetricRef]>>();
    const key = (dimension: string, value: string) => JSON.stringify([dimension, value]);
    metrics.forEach((list, i) => {
        for (const m of list) {
            for (const [dimension, value] of Object.entries(m.dimensions)) {
                push(byValue, key(dimension, value), [i, m] as [number, MetricRef]);
                for (let at = value.indexOf("-"); at >= 0; at = value.indexOf("-", at + 1)) push(byPrefix, key(dimension, value.slice(0, at)), [i, m] as [number, MetricRef]);
            }
        }
    });
    return {
        metrics,
        /** Alarms whose dimensions were computed from `store`'s outputs (known in preview as well). */
        fromStore: (store: PolicyResource) => new Set(byDependency.get(store.urn) ?? []),
        /** Metrics whose `dimension` is exactly `value`. */
        byDimension: (dimension: string, value: string) => byValue.get(key(dimension, value)) ?? [],
        /** Metrics whose `dimension` is `value` or starts with `value-`. */
        byDimensionPrefix: (dimension: string, value: string) => [...(byValue.get(key(dimension, value)) ?? []), ...(byPrefix.get(key(dimension, value)) ?? [])],
    };
}

/** `arn:<partition>:sns:<region>:<account>:<name>` parts, or undefined. */
function parseTopicArn(arn: string): { region: string; name: string } | undefined {
    const m = /^arn:[^:]+:sns:([^:]*):\d*:([^:]+)$/.exec(arn);
    return m ? { region: m[1], name: m[2] } : undefined;
}

/**
 * The topics of a stack, and for a resource's action property the topics it points at (by dependency, by
 * ARN, or by an ARN naming the topic), in stack order. Indexed once, so each lookup costs its own links only.
 */
function topicIndex(topics: PolicyResource[]): (r: PolicyResource, prop: string, values: string[]) => PolicyResource[] {
    const byUrn = new Map<string, number>();
    const byArn = new Map<string, number[]>();
    const byName = new Map<string, number[]>();
    const push = (index: Map<string, number[]>, key: string, i: number) => {
        const list = index.get(key);
        if (list) list.push(i);
        else index.set(key, [i]);
    };
    topics.forEach((t, i) => {
        if (!byUrn.has(t.urn)) byUrn.set(t.urn, i);
        const arn = peek(t.props, "arn");
        const name = peek(t.props, "name");
        if (typeof arn === "string") push(byArn, arn, i);
        if (typeof name === "string") push(byName, name, i);
    });
    return (r, prop, values) => {
        const linked = new Set<number>();
        for (const d of r.propertyDependencies?.[prop] ?? []) {
            const i = byUrn.get(d.urn);
            if (i !== undefined) linked.add(i);
        }
        for (const v of values) {
            for (const i of byArn.get(v) ?? []) linked.add(i);
            const named = parseTopicArn(v)?.name;
            if (named !== undefined) for (const i of byName.get(named) ?? []) linked.add(i);
        }
        return [...linked].sort((a, b) => a - b).map((i) => topics[i]);
    };
}

export const alarmActionsReachSubscriber = stackRule({
    name: "alarm-actions-reach-subscriber",
    description: "Every CloudWatch alarm notifies an SNS topic of the stack that has at least one subscription, so an alarm reaches a person; so does every EventBridge target on a topic of the stack.",
    severity: "medium",
    category: "observability",
    remediation:
        "Set `service:alerts.emails` (each address confirms the subscription email AWS sends). Alarms built by the Monitoring component notify its alerts topic; a hand-written alarm needs `alarmActions: [topic.arn]`.",
    validate(resources, _config, report) {
        const linkedTopics = topicIndex(resources.filter((r) => r.type === T.topic));
        const withSubscription = subscribedTopics(resources, linkedTopics);
        const subscribed = (topic: PolicyResource) => withSubscription.has(topic);
        const silent = new Map<string, { topics: PolicyResource[]; alarms: string[] }>();
        for (const alarm of resources.filter((r) => r.type === T.alarm)) {
            if (peek(alarm.props, "actionsEnabled") === false) {
                report(`${alarm.name} has its actions disabled (actionsEnabled: false), so it notifies nobody.`, ruleResource(alarm));
                continue;
            }
            const raw = peek(alarm.props, "alarmActions");
            const actions = knownStrings(raw);
            const targets = linkedTopics(alarm, "alarmActions", actions);
            const hasAnyAction = (Array.isArray(raw) && raw.length > 0) || (alarm.propertyDependencies?.alarmActions ?? []).length > 0;
            if (!hasAnyAction) {
                report(`${alarm.name} has no alarm action.`, ruleResource(alarm));
                continue;
            }
            if (targets.length === 0) {
                report(`${alarm.name} notifies ${actions.join(", ") || "a target"} outside this stack, which cannot be verified to reach anyone; notify the stack's alerts topic.`, ruleResource(alarm));
                continue;
            }
            const alarmRegion = peek(alarm.props, "region");
            const reachable = targets.filter((t) => {
                const arn = peek(t.props, "arn");
                const region = peek(t.props, "region");
                const topicRegion = typeof region === "string" ? region : typeof arn === "string" ? parseTopicArn(arn)?.region : undefined;
                // CloudWatch delivers only to topics in the alarm's own region.
                if (typeof alarmRegion === "string" && topicRegion && topicRegion !== alarmRegion) return false;
                return subscribed(t);
            });
            if (reachable.length === 0) {
                const key = targets.map((t) => t.urn).join(" ");
                const group = silent.get(key) ?? { topics: targets, alarms: [] };
                group.alarms.push(alarm.name);
                silent.set(key, group);
            }
        }
        // An EventBridge target on a topic of the stack (the storage-ceiling events) is heard only through its subscribers too.
        for (const target of resources.filter((r) => r.type === T.eventTarget)) {
            const targets = linkedTopics(target, "arn", knownStrings([peek(target.props, "arn")]));
            if (targets.length === 0 || targets.some(subscribed)) continue;
            const key = targets.map((t) => t.urn).join(" ");
            const group = silent.get(key) ?? { topics: targets, alarms: [] };
            group.alarms.push(`${target.name} (EventBridge target)`);
            silent.set(key, group);
        }
        // One finding per silent topic, not one per alarm: the fix (a subscriber) is the topic's.
        for (const { topics: t, alarms } of silent.values()) {
            report(
                `${t.map((x) => x.name).join(", ")} has no subscription in the alarms' region, so nobody hears ${alarms.length === 1 ? "alarm" : `${alarms.length} alarms:`} ${alarms.join(", ")}.`,
                ruleResource(t[0]),
            );
        }
    },
});

export const budgetConfigured = stackRule({
    name: "budget-configured",
    description: "The stack has a monthly AWS cost budget that notifies someone at each configured share of the limit.",
    severity: "medium",
    category: "cost",
    remediation:
        "Set `service:budget.monthlyUsd` and `service:budget.alertPercentages` (include each percentage in the policy config's `thresholds`) and `service:alerts.emails`; the Monitoring component creates the budget.",
    config: { thresholds: z.array(z.number().positive()).default([80, 100]) },
    validate(resources, config, report) {
        const budgets = resources.filter((r) => r.type === T.budget && peek(r.props, "budgetType") === "COST");
        if (budgets.length === 0) {
            report("The stack has no AWS cost budget: spend can grow unnoticed until the invoice.");
            return;
        }
        const problems = budgets.map((b) => {
            const issues: string[] = [];
            const limit = Number(peek(b.props, "limitAmount"));
            if (!(limit > 0)) issues.push("no positive limitAmount");
            const notifications = peek(b.props, "notifications");
            const list = Array.isArray(notifications) ? notifications : [];
            const reaching = list.filter((n) => {
                const emails = peek(n, "subscriberEmailAddresses");
                const topics = peek(n, "subscriberSnsTopicArns");
                return (Array.isArray(emails) && emails.length > 0) || (Array.isArray(topics) && topics.length > 0);
            });
            const at = new Set(reaching.filter((n) => peek(n, "thresholdType") === "PERCENTAGE").map((n) => Number(peek(n, "threshold"))));
            const missing = config.thresholds.filter((t) => !at.has(t));
            if (missing.length > 0) issues.push(`no notification with a subscriber at ${missing.map((t) => `${t}%`).join(", ")}`);
            return { b, issues };
        });
        if (problems.some((p) => p.issues.length === 0)) return;
        for (const { b, issues } of problems) report(`Budget ${b.name} has ${issues.join(" and ")}.`, ruleResource(b));
    },
});

/** Route 53 publishes HealthCheckStatus only in us-east-1; an alarm anywhere else never sees a data point. */
const ROUTE53_METRICS_REGION = "us-east-1";

export const healthCheckMonitored = stackRule({
    name: "health-check-monitored",
    description: "Every production custom domain has an HTTPS Route 53 health check with an alarm on its status, so an outage pages someone.",
    severity: "medium",
    category: "observability",
    remediation:
        "Set `service:vercel.domain` and `service:app.healthPath` (served by the app with a 200); the Monitoring component checks https://<domain><healthPath> and alarms in us-east-1.",
    validate(resources, _config, report) {
        const domains = resources.filter((r) => r.type === TYPES.projectDomain && !peek(r.props, "gitBranch") && !peek(r.props, "customEnvironmentId") && !peek(r.props, "redirect"));
        const checks = resources.filter((r) => r.type === T.healthCheck && peek(r.props, "disabled") !== true);
        const alarms = resources.filter((r) => r.type === T.alarm);
        for (const d of domains) {
            const domain = peek(d.props, "domain");
            if (typeof domain !== "string") continue;
            const matching = checks.filter((c) => peek(c.props, "fqdn") === domain);
            const https = matching.filter((c) => /^HTTPS(_STR_MATCH)?$/.test(String(peek(c.props, "type"))));
            if (https.length === 0) {
                report(`${domain} has no Route 53 health check over HTTPS${matching.length > 0 ? ` (${matching.map((c) => c.name).join(", ")} do not use HTTPS)` : ""}.`, ruleResource(d));
                continue;
            }
            const watching = alarms.filter((a) =>
                https.some((c) => {
                    const id = peek(c.props, "id");
                    return metricsOf(a).some((m) => m.metricName === "HealthCheckStatus" && (dimensionsFrom(a, c) || (typeof id === "string" && m.dimensions.HealthCheckId === id)));
                }),
            );
            if (watching.length === 0) {
                report(`The health check of ${domain} has no CloudWatch alarm on HealthCheckStatus, so a failing check notifies nobody.`, ruleResource(d));
                continue;
            }
            const inRegion = watching.filter((a) => {
                const region = peek(a.props, "region") ?? peek(a.provider?.props, "region");
                return typeof region !== "string" || region === ROUTE53_METRICS_REGION;
            });
            if (inRegion.length === 0) {
                report(`The alarm on ${domain}'s health check is not in ${ROUTE53_METRICS_REGION}, where Route 53 publishes its metrics; it will stay in INSUFFICIENT_DATA.`, ruleResource(watching[0]));
            }
        }
    },
});

export const monitoringRules: Rule[] = [datastoreAlarms, alarmActionsReachSubscriber, budgetConfigured, healthCheckMonitored];
