/**
 * Private mode's Postgres bootstrap under the offline engine: the program registers the function in the
 * database's subnets with its closed network, the Secrets Manager endpoint, the IAM scope, and the invocation
 * that runs on every change of the plan or the code; and the whole stack is READY for the pack.
 * (The handler itself runs against real PostgreSQL servers in test/realServers/dataTier.test.ts.)
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BOOTSTRAP_RUNTIME, RUNTIME_CA_BUNDLE } from "../components/bootstrap/function";
import { checkVariant } from "./support";
import type { StackReport } from "../readiness/report";

const privateVercel = { teamId: "team_acme", secureComputeNetworkId: "net_1", peeringConnectionId: "pcx-0123456789abcdef0" };
type Resource = StackReport["resources"][number];
const ofType = (report: StackReport, type: string) => report.resources.filter((r) => r.type === type);
const inputs = (r: Resource) => r.inputs as Record<string, any>;
const one = (report: StackReport, type: string, name: RegExp) => {
    const found = ofType(report, type).filter((r) => name.test(r.name));
    assert.equal(found.length, 1, `one ${type} named ${name}: ${found.map((r) => r.name).join(", ")}`);
    return found[0];
};

for (const stack of ["dev", "prod"]) {
    describe(`private mode (${stack}): pulumi up applies the Postgres bootstrap from inside the VPC`, () => {
        let report: StackReport;
        const load = async () => (report ??= await checkVariant(stack, { "service:reachability": "private", "service:vercel": privateVercel }));

        it("is READY: no provider error, no mandatory violation, and the Lambda rules pass on the function", async () => {
            const r = await load();
            assert.equal(r.summary.providerErrors, 0, JSON.stringify(r.providerErrors));
            assert.deepEqual(r.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => `${v.policy}: ${v.message}`), []);
            assert.deepEqual(r.violations.filter((v) => v.policy === "lambda-environment-safe"), []);
        });

        it("runs the archive's handler on the current Node.js runtime, in the database's subnets, with no credential in its environment", async () => {
            const r = await load();
            const fn = inputs(one(r, "aws:lambda/function:Function", /bootstrap-run-function$/));
            assert.equal(fn.runtime, BOOTSTRAP_RUNTIME);
            assert.equal(fn.handler, "index.handler");
            assert.deepEqual(fn.environment, { variables: { NODE_EXTRA_CA_CERTS: RUNTIME_CA_BUNDLE } });
            const subnetGroup = inputs(ofType(r, "aws:rds/subnetGroup:SubnetGroup")[0]);
            assert.deepEqual(fn.vpcConfig.subnetIds, subnetGroup.subnetIds);
            assert.ok(Object.keys(fn.code.assets).includes("index.js") && Object.keys(fn.code.assets).includes("node_modules/pg"));
        });

        it("closes the network: the function may only reach Postgres and the endpoint, each admitting only it", async () => {
            const r = await load();
            const groups = Object.fromEntries(ofType(r, "aws:ec2/securityGroup:SecurityGroup").map((g) => [String(inputs(g).name).replace(/^acme-chat-\w+-/, ""), g]));
            // Rules on the function's group, or referring to it, depend on it.
            const fnGroupRules = (type: string) => ofType(r, type).filter((x) => x.dependsOn.includes(groups["postgres-bootstrap"].urn));
            const egress = fnGroupRules("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").map(inputs);
            assert.equal(egress.length, 2);
            assert.deepEqual(egress.map((e) => [e.fromPort, e.toPort, e.cidrIpv4 ?? null]).sort(), [[443, 443, null], [5432, 5432, null]]);
            assert.ok(egress.every((e) => typeof e.referencedSecurityGroupId === "string" && e.referencedSecurityGroupId.startsWith("sg-")));
            const admitted = fnGroupRules("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map(inputs);
            assert.deepEqual(admitted.map((i) => i.fromPort).sort(), [443, 5432]);
            const endpoint = inputs(one(r, "aws:ec2/vpcEndpoint:VpcEndpoint", /secretsmanager$/));
            assert.equal(endpoint.vpcEndpointType, "Interface");
            assert.equal(endpoint.serviceName, "com.amazonaws.us-east-1.secretsmanager");
            assert.equal(endpoint.privateDnsEnabled, true);
            assert.equal(endpoint.subnetIds.length, 1, "one zone: one hourly charge");
            assert.equal(ofType(r, "aws:ec2/natGateway:NatGateway").length, 0);
        });

        it("lets the function read the master secret and nothing else, and prices the endpoint", async () => {
            const r = await load();
            const policy = JSON.parse(inputs(one(r, "aws:iam/rolePolicy:RolePolicy", /bootstrap-run-master-secret$/)).policy);
            const instance = ofType(r, "aws:rds/instance:Instance")[0];
            assert.equal(inputs(instance).manageMasterUserPassword, true);
            assert.deepEqual(policy.Statement.map((s: { Action: string }) => s.Action), ["secretsmanager:GetSecretValue", "kms:Decrypt"]);
            assert.match(policy.Statement[0].Resource, /^arn:aws:secretsmanager:us-east-1:\d{12}:secret:rds!db-/);
            assert.equal(policy.Statement[1].Resource, inputs(instance).kmsKeyId);
            assert.deepEqual(policy.Statement[1].Condition, { StringEquals: { "kms:ViaService": "secretsmanager.us-east-1.amazonaws.com" } });
            const item = r.cost!.items.find((i) => i.type === "aws:ec2/vpcEndpoint:VpcEndpoint");
            assert.equal(item?.monthly, 7.3);
        });

        it("invokes on every change of the plan (a secret) or the code, and writes the URLs only after the run", async () => {
            const r = await load();
            const invocation = one(r, "aws:lambda/invocation:Invocation", /bootstrap-run-run$/);
            const given = inputs(invocation);
            assert.equal(given.functionName, `acme-chat-${stack}-postgres-bootstrap`);
            assert.equal(given.input, "[secret]");
            assert.equal(given.triggers.plan, "[secret]");
            assert.match(given.triggers.code, /^[0-9a-f]{64}$/);
            assert.equal(given.lifecycleScope, undefined, "CREATE_ONLY: removing the invocation never runs the function");
            const urls = ofType(r, "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable").filter((v) => /^DATABASE_(MIGRATION_|READONLY_)?URL$/.test(inputs(v).key));
            assert.ok(urls.length >= 3);
            for (const v of urls) assert.ok(v.dependsOn.includes(invocation.urn), `${inputs(v).key} waits for the bootstrap run`);
        });
    });
}

describe("public mode with managed roles", () => {
    it("registers no bootstrap function, endpoint or invocation: the postgresql provider applies the roles", async () => {
        const report = await checkVariant("dev");
        for (const type of ["aws:lambda/function:Function", "aws:lambda/invocation:Invocation", "aws:ec2/vpcEndpoint:VpcEndpoint"]) assert.equal(ofType(report, type).length, 0, type);
        assert.ok(report.resources.some((r) => r.type === "postgresql:index/role:Role"));
    });
});
