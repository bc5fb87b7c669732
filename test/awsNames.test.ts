/**
 * One home for each AWS name rule (contracts/awsNames.ts): config/names.ts checks the derived names and the check's
 * provider validators emulate the provider with the very same rule objects, and where the two used to disagree the
 * provider's source decides (each correction fires and stays quiet at its boundary, on both sides).
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as names from "../contracts/awsNames";
import { nameRuleHolds, NameRule } from "../contracts/awsNames";
import { derivedNames, namingProblems } from "../config/names";
import { awsValidators } from "../readiness/providers/aws/index";
import type { NameValidator } from "../readiness/providers/aws/names";
import { validateProviderInputs } from "../readiness/providers";
import { toRecorded } from "./synthetic";

/** Each derived name the provider also validates: the resource config names it by, and the type and input it is. */
const BOTH_SIDES: { resource: RegExp; type: string; property: string }[] = [
    { resource: /^RDS instance identifier$/, type: "aws:rds/instance:Instance", property: "identifier" },
    { resource: /^RDS parameter group name$/, type: "aws:rds/parameterGroup:ParameterGroup", property: "name" },
    { resource: /^RDS subnet group name$/, type: "aws:rds/subnetGroup:SubnetGroup", property: "name" },
    { resource: /^RDS final snapshot identifier$/, type: "aws:rds/instance:Instance", property: "finalSnapshotIdentifier" },
    { resource: /^ElastiCache replication group id$/, type: "aws:elasticache/replicationGroup:ReplicationGroup", property: "replicationGroupId" },
    { resource: /^IAM role name/, type: "aws:iam/role:Role", property: "name" },
    { resource: /^KMS alias/, type: "aws:kms/alias:Alias", property: "name" },
    { resource: /^Secrets Manager secret name/, type: "aws:secretsmanager/secret:Secret", property: "name" },
    { resource: /^CloudWatch log group/, type: "aws:cloudwatch/logGroup:LogGroup", property: "name" },
    { resource: /^security group name/, type: "aws:ec2/securityGroup:SecurityGroup", property: "name" },
    { resource: /^EventBridge rule name/, type: "aws:cloudwatch/eventRule:EventRule", property: "name" },
    { resource: /^CloudWatch alarm name$/, type: "aws:cloudwatch/metricAlarm:MetricAlarm", property: "name" },
    { resource: /^Route 53 health check reference name$/, type: "aws:route53/healthCheck:HealthCheck", property: "referenceName" },
];

const validatorsAt = (type: string, property: string) => awsValidators.filter((v) => v.type === type && v.property === property);
const ruleOf = (v: unknown): NameRule | undefined => (v as Partial<NameValidator>).nameRule;
const rulesOf = (resource: RegExp) => {
    const d = derivedNames("acme", "prod").filter((x) => resource.test(x.resource));
    assert.ok(d.length > 0, `config/names.ts derives a ${resource}`);
    return d.flatMap((x) => x.rules);
};
/** The properties the check reports for one resource of `type` with `inputs`. */
const flagged = (type: string, inputs: Record<string, unknown>) => validateProviderInputs(toRecorded([{ type, name: "r", inputs }])).map((e) => e.property);
const configHolds = (rules: readonly NameRule[], value: string) => rules.filter((r) => !nameRuleHolds(r, value)).map((r) => r.limit);

describe("AWS name rules: one home both sides read", () => {
    for (const pair of BOTH_SIDES) {
        it(`${pair.type} ${pair.property}: config's rules are the validators' rule objects, and every validator there is built from one`, () => {
            const configRules = rulesOf(pair.resource);
            const validators = validatorsAt(pair.type, pair.property);
            assert.ok(validators.length > 0);
            // No hand-written copy left beside them: each validator of this name carries a contract rule.
            for (const v of validators) assert.ok(ruleOf(v), `${pair.type} ${pair.property}: validator ${v.rule} is not built from contracts/awsNames.ts`);
            const validatorRules = new Set(validators.map(ruleOf));
            // Identity, not equality: the same object, so a rule changed in one place changes on both sides.
            for (const r of configRules.filter((x) => x.enforcedBy === "provider")) assert.ok(validatorRules.has(r), `${r.limit} (${r.source}) is checked by config but no validator reads it`);
            for (const r of validatorRules) assert.ok(configRules.includes(r!), `${r!.limit} is validated but config does not check it`);
        });
    }

    it("rules only the AWS API enforces make no validator (the provider's Check does not refuse them)", () => {
        const apiOnly = awsValidators.map(ruleOf).filter((r) => r?.enforcedBy === "api");
        assert.deepEqual(apiOnly, []);
        // The RDS identifier's 63-character limit is the API's: config refuses 64, the provider's Check does not.
        const long = `a${"b".repeat(63)}`;
        assert.deepEqual(configHolds(names.RDS_IDENTIFIER, long), ["1-63 characters long"]);
        assert.deepEqual(flagged("aws:rds/instance:Instance", { identifier: long, instanceClass: "db.t4g.micro", engine: "postgres" }), []);
    });

    it("the SNS topic's CustomizeDiff reads the topic name rule config checks", () => {
        assert.deepEqual(rulesOf(/^SNS topic name/), [names.SNS_TOPIC_NAME]);
        const topic = "aws:sns/topic:Topic";
        assert.deepEqual(flagged(topic, { name: "a".repeat(256) }), []);
        assert.deepEqual(flagged(topic, { name: "a".repeat(257) }), ["name"]);
        assert.equal(nameRuleHolds(names.SNS_TOPIC_NAME, "a".repeat(256)), true);
        assert.equal(nameRuleHolds(names.SNS_TOPIC_NAME, "a".repeat(257)), false);
    });
});

describe("AWS name rules: where config and the provider disagreed, the provider's source decides", () => {
    it("a KMS alias may start alias/aws when not alias/aws/ (validNameForResource, v5+): a service named awsome passes", () => {
        const alias = "aws:kms/alias:Alias";
        // Before: config refused alias/aws* (the v4 rule), so `service:name: awsome` was refused although AWS takes it.
        assert.deepEqual(namingProblems("awsome", "prod"), []);
        assert.deepEqual(flagged(alias, { name: "alias/awsome-prod-postgres", targetKeyId: "k" }), []);
        assert.deepEqual(configHolds(names.KMS_ALIAS_NAME, "alias/awsome-prod-postgres"), []);
        // The reserved prefix and ':' (allowed by the v4 rule config had) fire on both sides.
        for (const bad of ["alias/aws/acme", "alias/acme:prod"]) {
            assert.deepEqual(flagged(alias, { name: bad, targetKeyId: "k" }), ["name"], bad);
            assert.equal(configHolds(names.KMS_ALIAS_NAME, bad).length, 1, bad);
        }
    });

    it("an RDS parameter group name may hold periods (validParamGroupName); an underscore fires", () => {
        const params = "aws:rds/parameterGroup:ParameterGroup";
        const rules = rulesOf(/^RDS parameter group name$/);
        assert.deepEqual(configHolds(rules, "acme-prod-postgres17.4"), []);
        assert.deepEqual(flagged(params, { name: "acme-prod-postgres17.4", family: "postgres17" }), []);
        assert.deepEqual(configHolds(rules, "acme_prod"), ["lower-case letters, digits, periods and hyphens"]);
        assert.deepEqual(flagged(params, { name: "acme_prod", family: "postgres17" }), ["name"]);
    });

    it("an ElastiCache replication group id may hold upper-case letters (validateReplicationGroupID; the StateFunc lower-cases it)", () => {
        const redis = "aws:elasticache/replicationGroup:ReplicationGroup";
        const rules = rulesOf(/^ElastiCache replication group id$/);
        const inputs = (id: string) => ({ replicationGroupId: id, description: "d" });
        assert.deepEqual(configHolds(rules, "Acme-prod"), []);
        assert.deepEqual(flagged(redis, inputs("Acme-prod")), []);
        assert.deepEqual(configHolds(rules, "1acme"), ["started by a letter"]);
        assert.deepEqual(flagged(redis, inputs("1acme")), ["replicationGroupId"]);
    });

    it("an RDS final snapshot identifier may hold upper-case letters (instance.go final_snapshot_identifier)", () => {
        const rds = "aws:rds/instance:Instance";
        const rules = rulesOf(/^RDS final snapshot identifier$/);
        const inputs = (id: string) => ({ instanceClass: "db.t4g.micro", engine: "postgres", finalSnapshotIdentifier: id });
        assert.deepEqual(configHolds(rules, "Acme-prod-postgres-final"), []);
        assert.deepEqual(flagged(rds, inputs("Acme-prod-postgres-final")), []);
        assert.deepEqual(configHolds(rules, "acme--final"), ["free of two consecutive hyphens"]);
        assert.deepEqual(flagged(rds, inputs("acme--final")), ["finalSnapshotIdentifier"]);
    });

    it('an RDS subnet group named "default" is refused by config as the provider refuses it', () => {
        const rules = rulesOf(/^RDS subnet group name$/);
        assert.deepEqual(configHolds(rules, "default"), ['other than "default"']);
        assert.deepEqual(flagged("aws:rds/subnetGroup:SubnetGroup", { name: "default", subnetIds: ["s"] }), ["name"]);
        assert.deepEqual(configHolds(rules, "default-db"), []);
        assert.deepEqual(flagged("aws:rds/subnetGroup:SubnetGroup", { name: "default-db", subnetIds: ["s"] }), []);
    });
});
