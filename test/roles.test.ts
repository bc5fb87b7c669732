/**
 * The AWS roles docs/getting-started.md tells a team to create for the workflows hold exactly what each workflow's
 * runs touch: the prod read-only role (pull-request previews, the daily refreshed preview and policy analysis of
 * drift.yml) can read every Secrets Manager secret a refresh of prod reads back, and the shared stack's deploy role
 * can create every AWS resource the shared stack registers. The policies are read from the page itself, so the
 * page cannot drift from the program.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { physicalNames } from "../config/names";
import { defaultLayout } from "../readiness/layout";
import { checkVariant } from "./support";

interface Statement {
    Sid: string;
    Effect: string;
    Action: string | string[];
    Resource: string | string[];
    Condition?: Record<string, Record<string, string | string[]>>;
}

const PAGE = fs.readFileSync(path.join(defaultLayout().root, "docs", "getting-started.md"), "utf8");
/** The page's worked names: the service orbit-notes in account 123456789012, eu-west-1. */
const SERVICE = { "service:name": "orbit-notes", "service:aws": { region: "eu-west-1", accountId: "123456789012" } };

/** The JSON policy that follows `marker` on the page. */
function policyAfter(marker: string): Statement[] {
    const at = PAGE.indexOf(marker);
    assert.ok(at >= 0, `the page has "${marker}"`);
    const block = /```json\n([\s\S]*?)```/.exec(PAGE.slice(at));
    assert.ok(block, `a JSON policy follows "${marker}"`);
    return (JSON.parse(block[1]) as { Statement: Statement[] }).Statement;
}

const list = (v: string | string[]) => (Array.isArray(v) ? v : [v]);
/** IAM's wildcard match of a resource ARN: `*` any run of characters, `?` any one. */
const matches = (pattern: string, arn: string) => new RegExp(`^${pattern.split("").map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\/]/g, "\\$&"))).join("")}$`).test(arn);
const allows = (statements: Statement[], action: string, arn: string) =>
    statements.some((s) => s.Effect === "Allow" && list(s.Action).includes(action) && list(s.Resource).some((r) => matches(r, arn)));

describe("the roles docs/getting-started.md documents", () => {
    const readOnly = policyAfter("The prod read-only role previews prod");

    it("the wildcard match is IAM's (the check is not vacuous)", () => {
        assert.ok(matches("arn:aws:secretsmanager:eu-west-1:1:secret:rds!db-*", "arn:aws:secretsmanager:eu-west-1:1:secret:rds!db-0a1b-AbCdEf"));
        assert.ok(!matches("arn:aws:secretsmanager:eu-west-1:1:secret:rds!db-*", "arn:aws:secretsmanager:eu-west-1:1:secret:orbit-notes-prod/session-secret-AbCdEf"));
    });

    it("the prod read-only role reads every secret a refreshed preview of prod reads, with either database role mode", async () => {
        // RDS names the master secret it manages rds!db-<uuid>; Secrets Manager appends six random characters to every ARN.
        const arn = (name: string) => `arn:aws:secretsmanager:eu-west-1:123456789012:secret:${name}-AbCdEf`;
        assert.ok(allows(readOnly, "secretsmanager:GetSecretValue", arn("rds!db-3c2f0e2a-5a41-4b8e-9d1e-6f7a8b9c0d1e")), "the RDS-managed master secret");
        let names = 0;
        for (const manageRoles of [true, false]) {
            const report = await checkVariant("prod", { ...SERVICE, "service:database": { manageRoles } });
            for (const r of report.resources.filter((x) => x.type === "aws:secretsmanager/secret:Secret")) {
                const name = (r.inputs as { name: string }).name;
                names++;
                assert.ok(allows(readOnly, "secretsmanager:GetSecretValue", arn(name)), `GetSecretValue on ${name} (${r.name}), which a refresh of its SecretVersion reads`);
            }
        }
        assert.ok(names >= 3, "the generated app secrets and the bootstrap script");
    });

    it("the prod read-only role decrypts with the keys the stack and the page name", () => {
        const aliases = readOnly.filter((s) => list(s.Action).includes("kms:Decrypt")).map((s) => s.Condition?.["ForAnyValue:StringEquals"]?.["kms:ResourceAliases"]);
        assert.ok(aliases.includes(physicalNames("orbit-notes", "prod").postgres.keyAlias), "the database key, which encrypts the master secret and the bootstrap script");
        assert.ok(aliases.includes("alias/orbit-notes-prod-pulumi"), "prod's Pulumi secrets provider");
    });

    it("the shared stack's deploy role can create every AWS resource the shared stack registers, and reads its Pulumi secrets", async () => {
        const shared = policyAfter("The shared stack's deploy role (`AWS_ROLE_ARN_SHARED`)");
        /** The create call of each AWS type the shared stack may register, and the ARN it creates. */
        const CREATES: Record<string, { action: string; arn: (inputs: Record<string, unknown>) => string }> = {
            "aws:iam/openIdConnectProvider:OpenIdConnectProvider": {
                action: "iam:CreateOpenIDConnectProvider",
                arn: (inputs) => `arn:aws:iam::123456789012:oidc-provider/${String(inputs.url).replace(/^https:\/\//, "")}`,
            },
        };
        const report = await checkVariant("shared", SERVICE);
        const aws = report.resources.filter((r) => r.custom && r.type.startsWith("aws:"));
        assert.ok(aws.length > 0);
        for (const r of aws) {
            const create = CREATES[r.type];
            assert.ok(create, `${r.type} (${r.name}): the shared role's documented policy says nothing of it; document the permission and add it here`);
            assert.ok(allows(shared, create.action, create.arn(r.inputs as Record<string, unknown>)), `${create.action} on ${create.arn(r.inputs as Record<string, unknown>)}`);
            assert.ok(allows(shared, "iam:TagOpenIDConnectProvider", create.arn(r.inputs as Record<string, unknown>)), "every resource is tagged");
        }
        const kms = shared.find((s) => list(s.Action).includes("kms:Decrypt"));
        assert.equal(kms?.Condition?.["ForAnyValue:StringEquals"]?.["kms:ResourceAliases"], "alias/orbit-notes-prod-pulumi", "the shared stack's secrets provider (step 5 creates it with prod's key)");
        assert.match(PAGE, /the shared role only `repo:acme\/orbit-notes:ref:refs\/heads\/main`/, "its OIDC trust");
    });
});
