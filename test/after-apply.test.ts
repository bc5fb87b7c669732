/**
 * The check's after-apply phase: the pack runs on the outputs the providers return after `up` (as the engine's
 * AnalyzeStack does at the end of an update), with the mocks' realistic outputs and Read's derived lists.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bothPhases, runCheck } from "../readiness/check";
import { packFor } from "../readiness/engine/analyzer";
import { configure, resolvePolicyConfig } from "../readiness/engine/analyzer";
import { OUTPUT_PROPERTIES } from "../readiness/engine/outputs.generated";
import { DYNAMIC_TYPES } from "../readiness/providers/types";
import { toRecorded } from "./synthetic";
import { EXAMPLE } from "./support";
import * as fs from "node:fs";
import * as path from "node:path";

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const alarmInputs = { comparisonOperator: "GreaterThanThreshold", evaluationPeriods: 1, metricName: "CPUUtilization", namespace: "AWS/RDS", period: 60, statistic: "Average", threshold: 80 };

describe("the two phases of a deployment", () => {
    it("labels a stack finding of the outputs alone 'apply', and one the preview already sees 'preview', reported once", async () => {
        const pack = packFor();
        const file = path.join(EXAMPLE.root, "policies", "config", "prod.json");
        await configure(pack, resolvePolicyConfig(pack, JSON.parse(fs.readFileSync(file, "utf8")), file));
        const resources = toRecorded([
            // The program set nothing about actions; the outputs say they are disabled.
            { type: ALARM, name: "late", inputs: alarmInputs, outputs: { ...alarmInputs, actionsEnabled: false, alarmActions: [] } },
            // Disabled in the program: the preview already sees it.
            { type: ALARM, name: "early", inputs: { ...alarmInputs, actionsEnabled: false }, outputs: { ...alarmInputs, actionsEnabled: false, alarmActions: [] } },
        ]);
        const found = (await bothPhases(pack, resources)).filter((d) => d.policy === "alarm-actions-reach-subscriber");
        const of = (name: string) => found.filter((d) => d.urn.endsWith(`::${name}`)).map((d) => [d.deployPhase, d.message.split("\n").pop()]);
        assert.deepEqual(of("late"), [
            ["apply", "late has its actions disabled (actionsEnabled: false), so it notifies nobody."],
            ["preview", "late has no alarm action."],
        ]);
        assert.deepEqual(of("early"), [["preview", "early has its actions disabled (actionsEnabled: false), so it notifies nobody."]]);
    });
});

describe("the example's dev and prod after apply", () => {
    for (const stack of ["dev", "prod"]) {
        it(`${stack}: 0 mandatory in either phase, on outputs Read filled from the standalone rules and attachments`, async () => {
            const { report, run } = await runCheck({ stack, layout: EXAMPLE });
            assert.equal(report.summary.mandatory, 0, JSON.stringify(report.violations.filter((v) => v.enforcementLevel === "mandatory")));
            assert.ok(report.violations.every((v) => v.deployPhase === "preview" || v.deployPhase === "apply"));
            // The audit's N1 case: main's two rules read these outputs as inline lists. Here every group that has a
            // standalone rule has array outputs and the role with an attachment lists it, which main's predicate
            // (`Array.isArray(outputs.ingress | egress | managedPolicyArns | inlinePolicies)` beside a targeting
            // resource) took for a conflict: with main's rules this check reports prod 4 and dev 3 mandatory.
            const groups = run.resources.filter((r) => r.type === "aws:ec2/securityGroup:SecurityGroup");
            const rules = run.resources.filter((r) => r.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
            assert.ok(groups.length > 0 && rules.length > 0);
            for (const g of groups) {
                const own = rules.filter((r) => r.inputs.securityGroupId === g.id);
                assert.equal((g.outputs.ingress as unknown[]).length, own.length, `${g.name}: Read lists each standalone ingress rule`);
                assert.deepEqual(g.outputs.egress, [], `${g.name}: the default egress is revoked`);
                assert.ok(!("ingress" in g.inputs) && !("egress" in g.inputs), `${g.name} declares no inline list`);
            }
            const roles = run.resources.filter((r) => r.type === "aws:iam/role:Role");
            for (const role of roles) {
                const attached = run.resources.filter((r) => r.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment" && r.inputs.role === role.outputs.name).map((r) => r.inputs.policyArn);
                const inline = run.resources.filter((r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.inputs.role === role.outputs.name).map((r) => r.inputs.name);
                assert.deepEqual(role.outputs.managedPolicyArns, attached);
                assert.deepEqual((role.outputs.inlinePolicies as { name: string }[]).map((p) => p.name), inline);
                assert.ok(Array.isArray(role.outputs.managedPolicyArns) && Array.isArray(role.outputs.inlinePolicies), "what main's rule read as declared");
            }
        });
    }

    it("alarms and every AWS resource carry what the provider fills: actionsEnabled true unless set, the region of their provider unless set", async () => {
        const { run, report } = await runCheck({ stack: "prod", layout: EXAMPLE });
        const alarms = run.resources.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm");
        assert.ok(alarms.length > 0);
        for (const a of alarms) {
            // terraform-provider-aws metric_alarm.go: actions_enabled Default true. Read as `false` (a zero fill), every alarm "notifies nobody".
            assert.equal(a.outputs.actionsEnabled, "actionsEnabled" in a.inputs ? a.inputs.actionsEnabled : true, a.name);
            assert.equal(typeof a.outputs.region, "string");
            assert.notEqual(a.outputs.region, "", `${a.name}: @pulumi/aws 7 records the provider's region, never an empty one`);
        }
        assert.ok(!report.violations.some((v) => v.policy === "alarm-actions-reach-subscriber" || v.policy === "health-check-monitored"));
    });

    it("a bucket after apply reports what its configuration resources set, and S3's own defaults without them", async () => {
        for (const stack of ["dev", "prod"]) {
            const { run } = await runCheck({ stack, layout: EXAMPLE });
            const bucket = run.resources.find((r) => r.type === "aws:s3/bucket:Bucket")!;
            const of = (type: string) => run.resources.find((r) => r.type === type && r.inputs.bucket === bucket.outputs.bucket)?.inputs;
            const versioning = of("aws:s3/bucketVersioning:BucketVersioning") as { versioningConfiguration: { status: string } } | undefined;
            assert.deepEqual(bucket.outputs.versioning, { enabled: versioning?.versioningConfiguration.status === "Enabled", mfaDelete: false }, stack);
            const sse = of("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration") as { rules: { applyServerSideEncryptionByDefault: { sseAlgorithm: string } }[] };
            assert.equal((bucket.outputs.serverSideEncryptionConfiguration as any).rule.applyServerSideEncryptionByDefault.sseAlgorithm, sse.rules[0].applyServerSideEncryptionByDefault.sseAlgorithm);
            assert.equal(bucket.outputs.policy, of("aws:s3/bucketPolicy:BucketPolicy")?.policy, `${stack}: Read reports the BucketPolicy's document`);
            assert.equal(bucket.outputs.acl, "private", "the recorded Check default");
        }
    });

    it("every created resource carries every output its SDK class declares, and AWS ones the provider's default tags in tagsAll", async () => {
        const { run } = await runCheck({ stack: "prod", layout: EXAMPLE });
        const created = run.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:"));
        assert.ok(created.length > 50);
        for (const r of created) {
            // A dynamic resource has no SDK class: its outputs are what our own provider's create returns
            // (components/sentryAlerting.ts), held to Sentry's API by test/components/sentry-alerting.test.ts.
            if (DYNAMIC_TYPES.includes(r.type)) continue;
            const declared = OUTPUT_PROPERTIES.outputs[r.type];
            assert.ok(declared, `${r.type} is in the output table`);
            const missing = Object.entries(declared.properties).filter(([k, kind]) => kind !== "object" && !(k in r.outputs)).map(([k]) => k);
            assert.deepEqual(missing, [], `${r.type} ${r.name}`);
            if (r.type.startsWith("aws:") && "tagsAll" in declared.properties) {
                const tagsAll = r.outputs.tagsAll as Record<string, string>;
                assert.equal(tagsAll["managed-by"], "pulumi", `${r.name}: tagsAll holds the provider's default tags`);
                for (const [k, v] of Object.entries((r.inputs.tags as Record<string, string>) ?? {})) assert.equal(tagsAll[k], v, `${r.name}: its own tags win`);
            }
        }
    });
});
