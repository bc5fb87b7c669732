/**
 * The AWS validators derived from terraform-provider-aws and the AWS SDK enums, run the way the check runs
 * them (on recorded resources): the misses the audit found are refused, the false positive it found is gone,
 * every limit is accepted exactly at the limit and refused one past it, and a message names the resource,
 * the attribute, the value and what is expected.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toRecorded } from "../synthetic";
import { validateProviderInputs } from "../../readiness/providers";
import { UNKNOWN } from "../support";

const errorsOf = (type: string, inputs: Record<string, unknown>) => validateProviderInputs(toRecorded([{ type, name: "r", inputs }]));
const props = (type: string, inputs: Record<string, unknown>) => errorsOf(type, inputs).map((e) => e.property);

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const alarm = { comparisonOperator: "GreaterThanThreshold", evaluationPeriods: 1, metricName: "CPUUtilization", namespace: "AWS/RDS", period: 60, statistic: "Average", threshold: 80 };
const VERSIONING = "aws:s3/bucketVersioning:BucketVersioning";
const SUB = "aws:sns/topicSubscription:TopicSubscription";
const sub = { topic: "arn:aws:sns:us-east-1:123456789012:alerts", endpoint: "oncall@acme.example" };

describe("AWS enums from the SDK: case-sensitive, on every resource of the type", () => {
    it("a CloudWatch alarm's comparisonOperator", () => {
        assert.deepEqual(props(ALARM, { ...alarm, comparisonOperator: "GreaterThan" }), ["comparisonOperator"]);
        assert.deepEqual(props(ALARM, alarm), []);
    });

    it("the message names the resource, the attribute, the value and the allowed values", () => {
        const [e] = errorsOf(ALARM, { ...alarm, comparisonOperator: "greaterThanThreshold" });
        assert.equal(e.name, "r");
        assert.equal(e.type, ALARM);
        assert.match(e.message, /^comparisonOperator: "greaterThanThreshold" is not allowed; expected one of .*"GreaterThanThreshold".* \(case-sensitive\)$/);
        assert.match(e.source, /metric_alarm\.go v6 @055611a6/);
    });

    it("bucket versioning status is Enabled, Suspended or the provider's own Disabled, exactly", () => {
        const v = (status: string) => props(VERSIONING, { bucket: "acme-uploads", versioningConfiguration: { status } });
        assert.deepEqual(v("enabled"), ["versioningConfiguration.status"]);
        for (const ok of ["Enabled", "Suspended", "Disabled"]) assert.deepEqual(v(ok), [], ok);
    });

    it("a budget's timeUnit and a notification's thresholdType, on every notification", () => {
        const budget = (over: Record<string, unknown>) =>
            props("aws:budgets/budget:Budget", { budgetType: "COST", timeUnit: "MONTHLY", limitAmount: "50", limitUnit: "USD", ...over });
        assert.deepEqual(budget({ timeUnit: "monthly" }), ["timeUnit"]);
        const n = { comparisonOperator: "GREATER_THAN", notificationType: "ACTUAL", threshold: 80, thresholdType: "PERCENTAGE", subscriberEmailAddresses: ["a@acme.example"] };
        assert.deepEqual(budget({ notifications: [n, { ...n, thresholdType: "Percentage" }] }), ["notifications[1].thresholdType"]);
        assert.deepEqual(budget({ notifications: [n, { ...n, notificationType: "FORECASTED" }] }), []);
    });

    it("a log group's class, a health check's type, S3 encryption's algorithm", () => {
        assert.deepEqual(props("aws:cloudwatch/logGroup:LogGroup", { logGroupClass: "standard" }), ["logGroupClass"]);
        assert.deepEqual(props("aws:route53/healthCheck:HealthCheck", { type: "https" }), ["type"]);
        assert.deepEqual(props("aws:route53/healthCheck:HealthCheck", { type: "HTTPS", regions: ["us-east-1", "eu-west-1", "ap-southeast-1"] }), []);
        const sse = (sseAlgorithm: string) =>
            props("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", { bucket: "b", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm } }] });
        assert.deepEqual(sse("AES-256"), ["rules[0].applyServerSideEncryptionByDefault.sseAlgorithm"]);
        for (const ok of ["AES256", "aws:kms", "aws:kms:dsse"]) assert.deepEqual(sse(ok), [], ok);
    });

    it("a topic subscription's protocol is the provider's list, case-sensitive", () => {
        assert.deepEqual(props(SUB, { ...sub, protocol: "Email" }), ["protocol"]);
        assert.deepEqual(props(SUB, { ...sub, protocol: "email" }), []);
    });
});

describe("names and formats, exactly at each limit", () => {
    const at = (type: string, key: string, base: Record<string, unknown> = {}) => (value: unknown) => props(type, { ...base, [key]: value });

    it("IAM role names: 1 to 64 of [\\w+=,.@-]; prefixes up to 38", () => {
        const name = at("aws:iam/role:Role", "name", { assumeRolePolicy: "{}" });
        assert.deepEqual(name("r".repeat(64)), []);
        assert.deepEqual(name("r".repeat(65)), ["name"]);
        assert.deepEqual(name("acme chat"), ["name"]);
        const prefix = at("aws:iam/role:Role", "namePrefix", { assumeRolePolicy: "{}" });
        assert.deepEqual(prefix("p".repeat(38)), []);
        assert.deepEqual(prefix("p".repeat(39)), ["namePrefix"]);
    });

    it("IAM role policy names: 1 to 128; the role is a name, not an ARN", () => {
        const base = { role: "acme-app", policy: '{"Version":"2012-10-17","Statement":[]}' };
        const name = at("aws:iam/rolePolicy:RolePolicy", "name", base);
        assert.deepEqual(name("p".repeat(128)), []);
        assert.deepEqual(name("p".repeat(129)), ["name"]);
        assert.deepEqual(name(""), ["name"]);
        assert.deepEqual(props("aws:iam/rolePolicy:RolePolicy", { ...base, role: "arn:aws:iam::123456789012:role/acme-app" }), ["role"]);
    });

    it("Secrets Manager names: up to 512 of [0-9A-Za-z/_+=.@-]; prefixes up to 486", () => {
        const name = at("aws:secretsmanager/secret:Secret", "name");
        assert.deepEqual(name("s".repeat(512)), []);
        assert.deepEqual(name("s".repeat(513)), ["name"]);
        assert.deepEqual(name("acme/prod db"), ["name"]);
        const prefix = at("aws:secretsmanager/secret:Secret", "namePrefix");
        assert.deepEqual(prefix("s".repeat(486)), []);
        assert.deepEqual(prefix("s".repeat(487)), ["namePrefix"]);
    });

    it("RDS backup and maintenance windows, at the edges of the clock and the week", () => {
        const rds = { instanceClass: "db.t4g.micro" };
        const backup = at("aws:rds/instance:Instance", "backupWindow", rds);
        for (const ok of ["00:00-23:59", "23:59-00:00", ""]) assert.deepEqual(backup(ok), [], ok);
        for (const bad of ["24:00-01:00", "03:60-04:00", "3:00-4:00", "03:00"]) assert.deepEqual(backup(bad), ["backupWindow"], bad);
        const maintenance = at("aws:rds/instance:Instance", "maintenanceWindow", rds);
        for (const ok of ["sun:00:00-sat:23:59", "Mon:04:30-Mon:05:30"]) assert.deepEqual(maintenance(ok), [], ok);
        for (const bad of ["sunday:04:30-sunday:05:30", "sun:24:00-mon:00:00", "04:30-05:30"]) assert.deepEqual(maintenance(bad), ["maintenanceWindow"], bad);
    });

    it("OIDC providers: an https URL without query parameters; thumbprints of exactly 40 characters", () => {
        const base = { clientIdLists: ["https://vercel.com/acme"] };
        const url = at("aws:iam/openIdConnectProvider:OpenIdConnectProvider", "url", base);
        for (const ok of ["https://oidc.vercel.com/acme", "HTTPS://oidc.vercel.com", "https://oidc.vercel.com/acme?"]) assert.deepEqual(url(ok), [], ok);
        for (const bad of ["http://oidc.vercel.com/acme", "oidc.vercel.com/acme", "https:///acme", "https://oidc.vercel.com/acme?aud=x", ""]) assert.deepEqual(url(bad), ["url"], bad);
        const thumbprints = at("aws:iam/openIdConnectProvider:OpenIdConnectProvider", "thumbprintLists", { ...base, url: "https://oidc.vercel.com/acme" });
        assert.deepEqual(thumbprints(["a".repeat(40)]), []);
        assert.deepEqual(thumbprints(["a".repeat(39), "a".repeat(41)]), ["thumbprintLists[0]", "thumbprintLists[1]"]);
    });

    it("log group names: up to 512; prefixes up to 483", () => {
        const name = at("aws:cloudwatch/logGroup:LogGroup", "name");
        assert.deepEqual(name("l".repeat(512)), []);
        assert.deepEqual(name("l".repeat(513)), ["name"]);
        const prefix = at("aws:cloudwatch/logGroup:LogGroup", "namePrefix");
        assert.deepEqual(prefix("l".repeat(483)), []);
        assert.deepEqual(prefix("l".repeat(484)), ["namePrefix"]);
    });
});

describe("the KMS alias name follows v5+", () => {
    const alias = (name: string) => props("aws:kms/alias:Alias", { name, targetKeyId: "key-1" });

    it("only alias/aws/ is reserved: alias/awsome-app and alias/aws-app are valid", () => {
        assert.deepEqual(alias("alias/awsome-app"), []);
        assert.deepEqual(alias("alias/aws-app"), []);
        assert.deepEqual(alias("alias/aws/rds"), ["name"]);
        assert.deepEqual(alias("acme"), ["name"]);
    });
});

describe("SNS topic names (resourceTopicCustomizeDiff)", () => {
    const topic = (inputs: Record<string, unknown>) => props("aws:sns/topic:Topic", inputs);

    it("a standard topic: 1 to 256 of [0-9A-Za-z_-]", () => {
        assert.deepEqual(topic({ name: "t".repeat(256) }), []);
        assert.deepEqual(topic({ name: "t".repeat(257) }), ["name"]);
        assert.deepEqual(topic({ name: "acme.alerts" }), ["name"]);
    });

    it("a FIFO topic: 1 to 251 of them followed by .fifo", () => {
        assert.deepEqual(topic({ fifoTopic: true, name: `${"t".repeat(251)}.fifo` }), []);
        assert.deepEqual(topic({ fifoTopic: true, name: `${"t".repeat(252)}.fifo` }), ["name"]);
        assert.deepEqual(topic({ fifoTopic: true, name: "alerts" }), ["name"]);
    });

    it("a prefix leaves room for the 26-character suffix the provider adds", () => {
        assert.deepEqual(topic({ namePrefix: "t".repeat(230) }), []);
        assert.deepEqual(topic({ namePrefix: "t".repeat(231) }), ["namePrefix"]);
        assert.deepEqual(topic({ fifoTopic: true, namePrefix: "t".repeat(225) }), []);
        assert.deepEqual(topic({ fifoTopic: true, namePrefix: "t".repeat(226) }), ["namePrefix"]);
    });

    it("an unknown name waits for its value", () => {
        assert.deepEqual(topic({ name: UNKNOWN }), []);
    });
});
