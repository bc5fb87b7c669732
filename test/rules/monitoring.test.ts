import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeResources, configure, resolvePolicyConfig } from "../../readiness/engine/analyzer";
import { toRecorded } from "../synthetic";
import { packFor } from "../../readiness/engine/analyzer";
import { assertFires, assertQuiet, evaluate, SyntheticResource, UNKNOWN } from "../support";

const TOPIC_ARN = "arn:aws:sns:us-east-1:210987654321:acme-prod-alerts";
const topic: SyntheticResource = { type: "aws:sns/topic:Topic", name: "alerts", inputs: { name: "acme-prod-alerts" }, outputs: { name: "acme-prod-alerts", arn: TOPIC_ARN } };
const subscription: SyntheticResource = { type: "aws:sns/topicSubscription:TopicSubscription", name: "email", inputs: { topic: TOPIC_ARN, protocol: "email", endpoint: "oncall@acme.example" } };

const alarm = (name: string, namespace: string, metricName: string, dimensions: Record<string, string>, extra: Record<string, unknown> = {}): SyntheticResource => ({
    type: "aws:cloudwatch/metricAlarm:MetricAlarm",
    name,
    inputs: { name, namespace, metricName, dimensions, alarmActions: [TOPIC_ARN], comparisonOperator: "GreaterThanThreshold", threshold: 1, ...extra },
});

const rds: SyntheticResource = { type: "aws:rds/instance:Instance", name: "db", inputs: { identifier: "acme-prod-db" } };
const rdsAlarms = ["CPUUtilization", "FreeStorageSpace", "DatabaseConnections", "FreeableMemory"].map((m) => alarm(`db-${m}`, "AWS/RDS", m, { DBInstanceIdentifier: "acme-prod-db" }));
const group: SyntheticResource = { type: "aws:elasticache/replicationGroup:ReplicationGroup", name: "cache", inputs: { replicationGroupId: "acme-prod-cache" } };
const cacheAlarms = ["EngineCPUUtilization", "DatabaseMemoryUsagePercentage", "Evictions"].map((m) => alarm(`cache-${m}`, "AWS/ElastiCache", m, { CacheClusterId: "acme-prod-cache-001" }));

describe("datastore-alarms", () => {
    it("fires on an RDS instance or ElastiCache group missing an alarm, mandatory in prod and advisory in dev", async () => {
        const resources = [topic, subscription, rds, ...rdsAlarms.filter((a) => a.name !== "db-FreeableMemory"), group, ...cacheAlarms.filter((a) => a.name !== "cache-Evictions")];
        const [dbFinding] = assertFires(await evaluate(resources), "datastore-alarms", "db", "mandatory");
        assert.match(dbFinding.message, /no alarm on FreeableMemory/);
        assertFires(await evaluate(resources), "datastore-alarms", "cache", "mandatory");
        assertFires(await evaluate(resources, { environment: "dev" }), "datastore-alarms", "db", "advisory");
    });

    it("does not count an alarm on another instance's identifier", async () => {
        const other = rdsAlarms.map((a) => ({ ...a, inputs: { ...a.inputs, dimensions: { DBInstanceIdentifier: "someone-else" } } }));
        assertFires(await evaluate([topic, subscription, rds, ...other]), "datastore-alarms", "db");
    });

    it("stays quiet when every datastore has its alarms, host CPU standing in for engine CPU", async () => {
        const hostCpu = cacheAlarms.map((a) => (a.name === "cache-EngineCPUUtilization" ? alarm("cache-cpu", "AWS/ElastiCache", "CPUUtilization", { CacheClusterId: "acme-prod-cache-002" }) : a));
        assertQuiet(await evaluate([topic, subscription, rds, ...rdsAlarms, group, ...hostCpu]), "datastore-alarms");
    });

    it("counts alarms on the group's own clusters and on the group, not on a group whose id only starts alike", async () => {
        const byGroup = cacheAlarms.map((a) => ({ ...a, inputs: { ...a.inputs, dimensions: { ReplicationGroupId: "acme-prod-cache" } } }));
        assertQuiet(await evaluate([topic, subscription, group, ...byGroup]), "datastore-alarms", "cache");
        const lookalike = cacheAlarms.map((a) => ({ ...a, inputs: { ...a.inputs, dimensions: { CacheClusterId: "acme-prod-cachex-001" } } }));
        assertFires(await evaluate([topic, subscription, group, ...lookalike]), "datastore-alarms", "cache");
    });

    it("pairs each instance with its own alarms among hundreds", async () => {
        const dbs: SyntheticResource[] = Array.from({ length: 200 }, (_, i) => ({ type: "aws:rds/instance:Instance", name: `db${i}`, inputs: { identifier: `acme-prod-db${i}` } }));
        const alarms = dbs.flatMap((_, i) => (i === 77 ? [] : rdsAlarms.map((a) => ({ ...a, name: `${a.name}-${i}`, inputs: { ...a.inputs, dimensions: { DBInstanceIdentifier: `acme-prod-db${i}` } } }))));
        const found = assertFires(await evaluate([topic, subscription, ...dbs, ...alarms]), "datastore-alarms");
        assert.deepEqual(found.map((d) => d.urn.split("::").pop()), ["db77"]);
    });

    it("links alarms by property dependency when the identifier is unknown during preview", async () => {
        const pack = packFor();
        await configure(pack, resolvePolicyConfig(pack, { all: "mandatory" }, "inline"));
        const unknownDb = { ...rds, inputs: { identifier: UNKNOWN } };
        const alarms = rdsAlarms.map((a) => ({ ...a, inputs: { ...a.inputs, dimensions: { DBInstanceIdentifier: UNKNOWN } } }));
        const recorded = toRecorded([topic, subscription, unknownDb, ...alarms]);
        assertFires(await analyzeResources(pack, recorded), "datastore-alarms", "db");
        const dbUrn = recorded.find((r) => r.name === "db")!.urn;
        for (const r of recorded) if (r.type === "aws:cloudwatch/metricAlarm:MetricAlarm") r.propertyDependencies = { dimensions: [dbUrn] };
        assertQuiet(await analyzeResources(pack, recorded), "datastore-alarms");
    });
});

describe("datastore-alarms: storage running out", () => {
    // Storage autoscaling on: FreeStorageSpace is autoscaling's own trigger, RDS-EVENT-0225 the warning at the ceiling.
    const autoscaling: SyntheticResource = { ...rds, inputs: { identifier: "acme-prod-db", allocatedStorage: 50, maxAllocatedStorage: 500 } };
    const others = rdsAlarms.filter((a) => a.name !== "db-FreeStorageSpace");
    const freeStorage = rdsAlarms.find((a) => a.name === "db-FreeStorageSpace")!;
    const pattern = (detail: Record<string, unknown>, extra: Record<string, unknown> = {}) => JSON.stringify({ source: ["aws.rds"], "detail-type": ["RDS DB Instance Event"], detail, ...extra });
    const rule = (eventPattern: unknown, extra: Record<string, unknown> = {}): SyntheticResource => ({
        type: "aws:cloudwatch/eventRule:EventRule",
        name: "storage-rule",
        inputs: { name: "acme-prod-storage", eventPattern, ...extra },
    });
    const ceilingPattern = pattern({ EventID: ["RDS-EVENT-0225", "RDS-EVENT-0007"], SourceIdentifier: ["acme-prod-db"] });
    const ceiling = rule(ceilingPattern);
    const target = (arn = TOPIC_ARN, ruleName = "acme-prod-storage"): SyntheticResource => ({ type: "aws:cloudwatch/eventTarget:EventTarget", name: "storage-target", inputs: { rule: ruleName, arn } });
    const base = [topic, subscription, autoscaling, ...others];

    it("fires when storage autoscales and nothing routes RDS-EVENT-0225 of the instance, even with a FreeStorageSpace alarm", async () => {
        const [finding] = assertFires(await evaluate([...base, freeStorage]), "datastore-alarms", "db", "mandatory");
        assert.match(finding.message, /RDS-EVENT-0225/);
        assert.doesNotMatch(finding.message, /CPUUtilization|FreeableMemory/);
    });

    it("stays quiet with an enabled rule on the default bus for the instance's ceiling event and a target on the stack's topic", async () => {
        assertQuiet(await evaluate([...base, ceiling, target()]), "datastore-alarms");
        // Other spellings of the same match: the category instead of the id, a prefix of the identifier, the bus by ARN.
        assertQuiet(await evaluate([...base, rule(pattern({ EventCategories: ["notification"], SourceIdentifier: [{ prefix: "acme-prod-" }] }), { eventBusName: "arn:aws:events:us-east-1:210987654321:event-bus/default" }), target()]), "datastore-alarms");
        // Every RDS event of the account includes this one.
        assertQuiet(await evaluate([...base, rule(JSON.stringify({ source: ["aws.rds"] })), target()]), "datastore-alarms");
    });

    it("does not count a rule for another instance, another event, another bus, a disabled rule, or one without a target on the stack's topic", async () => {
        const cases: Array<[string, SyntheticResource[]]> = [
            ["another instance", [rule(pattern({ EventID: ["RDS-EVENT-0225"], SourceIdentifier: ["acme-prod-other"] })), target()]],
            ["an instance whose identifier only starts alike", [rule(pattern({ EventID: ["RDS-EVENT-0225"], SourceIdentifier: ["acme-prod-db2"] })), target()]],
            ["the low-storage event only", [rule(pattern({ EventID: ["RDS-EVENT-0089"], SourceIdentifier: ["acme-prod-db"] })), target()]],
            ["the low-storage category only", [rule(pattern({ EventCategories: ["low storage"], SourceIdentifier: ["acme-prod-db"] })), target()]],
            ["cluster events", [rule(JSON.stringify({ source: ["aws.rds"], "detail-type": ["RDS DB Cluster Event"] })), target()]],
            ["everything but this instance", [rule(pattern({ SourceIdentifier: [{ "anything-but": "acme-prod-db" }] })), target()]],
            ["a custom bus, where RDS delivers nothing", [rule(ceilingPattern, { eventBusName: "app-events" }), target()]],
            ["a disabled rule", [rule(ceilingPattern, { state: "DISABLED" }), target()]],
            ["no target", [ceiling]],
            ["a target on another rule", [ceiling, target(TOPIC_ARN, "acme-prod-other")]],
            ["a target outside the stack", [ceiling, target("arn:aws:sns:us-east-1:999999999999:elsewhere")]],
            ["a pattern that is not JSON", [rule("{source: aws.rds"), target()]],
        ];
        for (const [what, extra] of cases) {
            const [finding] = assertFires(await evaluate([...base, ...extra]), "datastore-alarms", "db", "mandatory");
            assert.match(finding.message, /RDS-EVENT-0225/, what);
        }
    });

    it("without storage autoscaling, asks for FreeStorageSpace (or RDS-EVENT-0089), and the ceiling event does not stand in", async () => {
        const fixed: SyntheticResource = { ...rds, inputs: { identifier: "acme-prod-db", allocatedStorage: 100 } };
        const [finding] = assertFires(await evaluate([topic, subscription, fixed, ...others, ceiling, target()]), "datastore-alarms", "db");
        assert.match(finding.message, /FreeStorageSpace \(storage autoscaling is off/);
        assertQuiet(await evaluate([topic, subscription, fixed, ...others, freeStorage]), "datastore-alarms");
        assertQuiet(await evaluate([topic, subscription, fixed, ...others, rule(pattern({ EventID: ["RDS-EVENT-0089"], SourceIdentifier: ["acme-prod-db"] })), target()]), "datastore-alarms");
        // A ceiling no higher than the allocation is no autoscaling either.
        const flat: SyntheticResource = { ...rds, inputs: { identifier: "acme-prod-db", allocatedStorage: 100, maxAllocatedStorage: 100 } };
        assertFires(await evaluate([topic, subscription, flat, ...others, ceiling, target()]), "datastore-alarms", "db");
    });

    it("in preview, takes an unknown pattern computed from the instance to be about it, and no other", async () => {
        const pack = packFor();
        await configure(pack, resolvePolicyConfig(pack, { all: "mandatory" }, "inline"));
        const recorded = toRecorded([...base, rule(UNKNOWN), { ...target(), inputs: { rule: UNKNOWN, arn: UNKNOWN } }]);
        assertFires(await analyzeResources(pack, recorded), "datastore-alarms", "db");
        const urn = (name: string) => recorded.find((r) => r.name === name)!.urn;
        recorded.find((r) => r.name === "storage-rule")!.propertyDependencies = { eventPattern: [urn("db")] };
        recorded.find((r) => r.name === "storage-target")!.propertyDependencies = { rule: [urn("storage-rule")], arn: [urn("alerts")] };
        assertQuiet(await analyzeResources(pack, recorded), "datastore-alarms");
    });
});

describe("alarm-actions-reach-subscriber", () => {
    const one = alarm("db-cpu", "AWS/RDS", "CPUUtilization", { DBInstanceIdentifier: "acme-prod-db" });

    it("fires when the topic has no subscription, the alarm has no action, or its actions are off", async () => {
        assertFires(await evaluate([topic, one]), "alarm-actions-reach-subscriber", "alerts", "mandatory");
        assertFires(await evaluate([topic, subscription, { ...one, inputs: { ...one.inputs, alarmActions: [] } }]), "alarm-actions-reach-subscriber", "db-cpu");
        assertFires(await evaluate([topic, subscription, { ...one, inputs: { ...one.inputs, actionsEnabled: false } }]), "alarm-actions-reach-subscriber", "db-cpu");
        assertFires(await evaluate([topic, one], { environment: "dev" }), "alarm-actions-reach-subscriber", "alerts", "advisory");
    });

    it("fires on an action outside the stack and on a topic in another region", async () => {
        const external = { ...one, inputs: { ...one.inputs, alarmActions: ["arn:aws:sns:us-east-1:999999999999:elsewhere"] } };
        assertFires(await evaluate([topic, subscription, external]), "alarm-actions-reach-subscriber", "db-cpu");
        const otherRegion = { ...one, inputs: { ...one.inputs, region: "eu-west-1" } };
        assertFires(await evaluate([topic, subscription, otherRegion]), "alarm-actions-reach-subscriber", "alerts");
    });

    it("links a subscription and an action by an ARN naming the topic, among hundreds of topics", async () => {
        const topics: SyntheticResource[] = Array.from({ length: 200 }, (_, i) => ({ type: "aws:sns/topic:Topic", name: `t${i}`, inputs: { name: `acme-prod-t${i}` }, outputs: { name: `acme-prod-t${i}` } }));
        const arn = (i: number) => `arn:aws:sns:us-east-1:210987654321:acme-prod-t${i}`;
        const subscriptions = topics.map((_, i) => ({ ...subscription, name: `s${i}`, inputs: { ...subscription.inputs, topic: arn(i === 5 ? 6 : i) } }));
        const alarms = topics.map((_, i) => ({ ...one, name: `a${i}`, inputs: { ...one.inputs, alarmActions: [arn(i)] } }));
        const found = assertFires(await evaluate([...topics, ...subscriptions, ...alarms]), "alarm-actions-reach-subscriber");
        assert.deepEqual(found.map((d) => d.urn.split("::").pop()), ["t5"]);
        assert.match(found[0].message, /nobody hears alarm a5/);
    });

    it("counts an EventBridge target on a topic of the stack as an alarm: heard only if the topic has a subscription", async () => {
        const eventTarget: SyntheticResource = { type: "aws:cloudwatch/eventTarget:EventTarget", name: "storage-target", inputs: { rule: "acme-prod-storage", arn: TOPIC_ARN } };
        const [finding] = assertFires(await evaluate([topic, eventTarget]), "alarm-actions-reach-subscriber", "alerts", "mandatory");
        assert.match(finding.message, /storage-target \(EventBridge target\)/);
        assertQuiet(await evaluate([topic, subscription, eventTarget]), "alarm-actions-reach-subscriber");
    });

    it("stays quiet when the alarm notifies a subscribed topic, linked by ARN or by dependency", async () => {
        assertQuiet(await evaluate([topic, subscription, one]), "alarm-actions-reach-subscriber");
        const pack = packFor();
        await configure(pack, resolvePolicyConfig(pack, { all: "mandatory" }, "inline"));
        const previewTopic = { ...topic, outputs: { name: "acme-prod-alerts", arn: UNKNOWN } };
        const recorded = toRecorded([previewTopic, { ...subscription, inputs: { ...subscription.inputs, topic: UNKNOWN } }, { ...one, inputs: { ...one.inputs, alarmActions: [UNKNOWN] } }]);
        const topicUrn = recorded.find((r) => r.name === "alerts")!.urn;
        recorded.find((r) => r.name === "email")!.propertyDependencies = { topic: [topicUrn] };
        recorded.find((r) => r.name === "db-cpu")!.propertyDependencies = { alarmActions: [topicUrn] };
        assertQuiet(await analyzeResources(pack, recorded), "alarm-actions-reach-subscriber");
    });
});

const budget = (thresholds: number[], subscribers: Record<string, unknown> = { subscriberEmailAddresses: ["oncall@acme.example"] }): SyntheticResource => ({
    type: "aws:budgets/budget:Budget",
    name: "budget",
    inputs: {
        name: "acme-prod-monthly",
        budgetType: "COST",
        limitAmount: "500.00",
        limitUnit: "USD",
        timeUnit: "MONTHLY",
        notifications: thresholds.map((threshold) => ({ comparisonOperator: "GREATER_THAN", notificationType: "ACTUAL", threshold, thresholdType: "PERCENTAGE", ...subscribers })),
    },
});

describe("budget-configured", () => {
    it("fires without a budget, with a missing threshold or with notifications that reach nobody", async () => {
        assertFires(await evaluate([topic]), "budget-configured", undefined, "mandatory");
        const [v] = assertFires(await evaluate([budget([100])]), "budget-configured", "budget", "mandatory");
        assert.match(v.message, /80%/);
        assertFires(await evaluate([budget([80, 100], {})]), "budget-configured", "budget");
        assertFires(await evaluate([topic], { environment: "dev" }), "budget-configured", undefined, "advisory");
    });

    it("stays quiet with notifications at every configured threshold, by email or topic", async () => {
        assertQuiet(await evaluate([budget([50, 80, 100])]), "budget-configured");
        assertQuiet(await evaluate([budget([80, 100], { subscriberSnsTopicArns: [TOPIC_ARN] })]), "budget-configured");
    });
});

describe("health-check-monitored", () => {
    const domain: SyntheticResource = { type: "vercel:index/projectDomain:ProjectDomain", name: "domain", inputs: { projectId: "prj_1", teamId: "team_acme", domain: "chat.acme.example" } };
    const check = (type = "HTTPS"): SyntheticResource => ({
        type: "aws:route53/healthCheck:HealthCheck",
        name: "uptime",
        inputs: { type, fqdn: "chat.acme.example", port: 443, resourcePath: "/health" },
        outputs: { type, fqdn: "chat.acme.example", id: "hc-1234" },
    });
    const statusAlarm = (extra: Record<string, unknown> = {}) => alarm("uptime-alarm", "AWS/Route53", "HealthCheckStatus", { HealthCheckId: "hc-1234" }, extra);

    it("fires on a domain without an HTTPS check, without an alarm, or with the alarm outside us-east-1", async () => {
        assertFires(await evaluate([domain]), "health-check-monitored", "domain", "mandatory");
        assertFires(await evaluate([domain, check("HTTP"), statusAlarm()]), "health-check-monitored", "domain");
        assertFires(await evaluate([domain, check()]), "health-check-monitored", "domain");
        assertFires(await evaluate([domain, check(), statusAlarm({ region: "eu-west-1" })]), "health-check-monitored", "uptime-alarm");
    });

    it("stays quiet with an HTTPS check and its alarm, and on stacks without a production domain", async () => {
        assertQuiet(await evaluate([domain, check(), statusAlarm()]), "health-check-monitored");
        assertQuiet(await evaluate([topic], { environment: "dev" }), "health-check-monitored");
    });
});
