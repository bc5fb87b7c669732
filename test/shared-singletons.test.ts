/**
 * The team's Vercel project and the account's OIDC provider have one owner, the `shared` stack; dev and prod
 * find them through a StackReference, so their first deploys into one account and one team cannot collide.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { describe, it } from "node:test";
import { stackReferenceOutputs } from "../readiness/engine/mocks";
import { ProgramError, runProgram } from "../readiness/engine/run";
import type { RecordedResource } from "../readiness/engine/resource";
import { runCheck } from "../readiness/check";
import { defaultLayout } from "../readiness/layout";
import { EXAMPLE, EXAMPLE_PROJECT, exampleStack } from "./support";

const { dist } = defaultLayout();
const VERCEL_PROJECT = "vercel:index/project:Project";
const OIDC = "aws:iam/openIdConnectProvider:OpenIdConnectProvider";
const ENV_VAR = "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable";
const SIG = "4dabf18193072939515e22adb298388d";
const plain = (v: any): any => (v && typeof v === "object" && SIG in v ? plain(v.value) : v);
/** One AWS account for every stack, as in the issue: the prod stack's pinned account. */
const ACCOUNT = "210987654321";

/** The real program on a committed stack, in one account, with the referenced stacks' outputs given or synthesized. */
function run(stack: string, overrides: Record<string, string> = {}, stackOutputs?: Record<string, Record<string, unknown>>) {
    const config = { ...exampleStack(stack).config, "service:apiKeys": "{}", ...overrides };
    return runProgram({
        program: path.join(dist, "index.js"),
        project: EXAMPLE_PROJECT,
        stack,
        config,
        secretKeys: ["service:apiKeys"],
        preview: false,
        mock: { region: "us-east-1", accountId: ACCOUNT, stackOutputs },
    });
}
const ofType = (resources: RecordedResource[], type: string) => resources.filter((r) => r.type === type);
const trustOf = (resources: RecordedResource[]) => JSON.parse(String(plain(ofType(resources, "aws:iam/role:Role").find((r) => r.name.endsWith("-storage-role"))!.inputs.assumeRolePolicy))).Statement[0];

describe("shared singletons", () => {
    it("the shared stack owns the Vercel project and the OIDC provider, protected and retained, and exports them", async () => {
        const { resources, stackOutputs } = await run("shared");
        const [project] = ofType(resources, VERCEL_PROJECT);
        const [oidc] = ofType(resources, OIDC);
        for (const r of [project, oidc]) assert.deepEqual([r.protect, r.retainOnDelete], [true, true], r.name);
        assert.equal(plain(project.inputs.name), "acme-chat");
        assert.equal(plain(oidc.inputs.url), "https://oidc.vercel.com/acme");
        assert.deepEqual(Object.keys(stackOutputs).sort(), ["awsAccountId", "environment", "vercelOidcProviderArn", "vercelProjectId", "vercelProjectName"]);
        assert.equal(plain(stackOutputs.vercelOidcProviderArn), `arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.vercel.com/acme`);
        assert.equal(plain(stackOutputs.vercelProjectId), project.outputs.id ?? plain(stackOutputs.vercelProjectId));
        assert.match(String(plain(stackOutputs.vercelProjectId)), /^prj_/);
        // It holds nothing else: no data, no env vars, no second copy of anything an environment creates.
        assert.deepEqual(ofType(resources, ENV_VAR), []);
        assert.ok(resources.filter((r) => r.custom && !r.type.startsWith("pulumi:")).every((r) => r.type === VERCEL_PROJECT || r.type === OIDC), resources.map((r) => r.type).join(", "));
    });

    it("the offline stand-in for the shared stack's outputs has the real shared stack's outputs and values", async () => {
        const { stackOutputs } = await run("shared");
        const standIn = stackReferenceOutputs(`organization/${EXAMPLE_PROJECT}/shared`, { region: "us-east-1", accountId: ACCOUNT, preview: false });
        const real = Object.fromEntries(Object.entries(stackOutputs).filter(([k]) => k !== "environment").map(([k, v]) => [k, plain(v)]));
        assert.deepEqual(Object.keys(standIn).sort(), Object.keys(real).sort());
        for (const key of ["vercelOidcProviderArn", "awsAccountId", "vercelProjectName"]) assert.equal(standIn[key], real[key], key);
        assert.match(String(standIn.vercelProjectId), /^prj_[a-f0-9]{28}$/);
    });

    for (const stack of ["dev", "prod"]) {
        it(`${stack} creates neither singleton and uses the shared stack's, found as <org>/<project>/shared`, async () => {
            const outputs = { vercelProjectId: `prj_shared${stack}`, vercelProjectName: "acme-chat", vercelOidcProviderArn: `arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.vercel.com/acme`, awsAccountId: ACCOUNT };
            const { resources } = await run(stack, {}, { [`organization/${EXAMPLE_PROJECT}/shared`]: outputs });
            assert.deepEqual([ofType(resources, VERCEL_PROJECT).length, ofType(resources, OIDC).length], [0, 0]);
            const vars = ofType(resources, ENV_VAR);
            assert.ok(vars.length > 5);
            for (const v of vars) assert.equal(plain(v.inputs.projectId), `prj_shared${stack}`);
            assert.equal(trustOf(resources).Principal.Federated, outputs.vercelOidcProviderArn);
        });
    }

    it("service:sharedStack names another shared stack", async () => {
        const outputs = { ...stackReferenceOutputs("x", { region: "us-east-1", accountId: ACCOUNT, preview: false }), vercelProjectId: "prj_elsewhere" };
        const { resources } = await run("dev", { "service:sharedStack": "acme/platform/shared" }, { "acme/platform/shared": outputs });
        assert.ok(ofType(resources, ENV_VAR).every((v) => plain(v.inputs.projectId) === "prj_elsewhere"));
    });

    it("refuses a shared OIDC provider in another AWS account, naming the setting that fixes it", async () => {
        const elsewhere = { vercelProjectId: "prj_x", vercelProjectName: "acme-chat", vercelOidcProviderArn: "arn:aws:iam::999999999999:oidc-provider/oidc.vercel.com/acme", awsAccountId: "999999999999" };
        await assert.rejects(run("prod", {}, { [`organization/${EXAMPLE_PROJECT}/shared`]: elsewhere }), (e: unknown) => {
            assert.ok(e instanceof ProgramError);
            assert.match(e.message, new RegExp(`service:storage\\.ownOidcProvider: got false; expected true: this stack deploys into AWS account 210987654321, the shared stack organization/${EXAMPLE_PROJECT}/shared into 999999999999`));
            return true;
        });
    });

    it("dev and prod in one account and one team claim no account- or team-unique name twice, so either may deploy first", async () => {
        // Names that AWS or Vercel allow once per account, region or team.
        const unique: Record<string, string> = {
            [VERCEL_PROJECT]: "name", [OIDC]: "url", "aws:s3/bucket:Bucket": "bucket", "aws:iam/role:Role": "name", "aws:rds/instance:Instance": "identifier",
            "aws:rds/parameterGroup:ParameterGroup": "name", "aws:rds/subnetGroup:SubnetGroup": "name", "aws:sns/topic:Topic": "name",
            "aws:kms/alias:Alias": "name", "aws:cloudwatch/logGroup:LogGroup": "name", "aws:cloudwatch/metricAlarm:MetricAlarm": "name",
            "aws:budgets/budget:Budget": "name", "aws:secretsmanager/secret:Secret": "name", "aws:ec2/securityGroup:SecurityGroup": "name",
            "upstash:index/redisDatabase:RedisDatabase": "databaseName",
        };
        const claimed = async (stack: string) => {
            const { resources } = await run(stack, { "service:aws": JSON.stringify({ region: "us-east-1", accountId: ACCOUNT }) });
            return resources.filter((r) => r.type in unique).map((r) => `${r.type} ${plain(r.inputs[unique[r.type]])}`);
        };
        const [dev, prod, shared] = [await claimed("dev"), await claimed("prod"), await claimed("shared")];
        assert.ok(dev.length > 15 && prod.length > 15);
        const twice = [...dev, ...prod, ...shared].filter((name, i, all) => all.indexOf(name) !== i);
        assert.deepEqual(twice, []);
        assert.deepEqual(shared.sort(), [`${OIDC} https://oidc.vercel.com/acme`, `${VERCEL_PROJECT} acme-chat`]);
    });

    it("the offline check of every committed stack is ready, the shared one included", async () => {
        for (const stack of ["shared", "dev", "prod"]) {
            const { report } = await runCheck({ stack, layout: EXAMPLE });
            assert.equal(report.summary.mandatory, 0, `${stack}: ${JSON.stringify(report.violations.filter((v) => v.enforcementLevel === "mandatory"))}`);
        }
    });
});
