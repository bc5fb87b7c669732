/**
 * IAM rules on resources the template's components never create: roles, users, groups, inline and managed
 * policies and attachments a user adds to index.ts, with documents as JSON text, as objects (parts unknown in a
 * preview) and as secrets.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertFires, assertQuiet, evaluate, secret, SyntheticResource, UNKNOWN } from "../support";

const T = {
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    policy: "aws:iam/policy:Policy",
    userPolicy: "aws:iam/userPolicy:UserPolicy",
    groupPolicy: "aws:iam/groupPolicy:GroupPolicy",
    roleAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    userAttachment: "aws:iam/userPolicyAttachment:UserPolicyAttachment",
    groupAttachment: "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
    policyAttachment: "aws:iam/policyAttachment:PolicyAttachment",
    exclusive: "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive",
    rolePoliciesExclusive: "aws:iam/rolePoliciesExclusive:RolePoliciesExclusive",
};
const ACCOUNT = "210987654321";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const allow = (Action: unknown, Resource: unknown = "*", extra: object = {}) => ({ Effect: "Allow", Action, Resource, ...extra });
const ec2Trust = doc({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" });
const role = (name: string, inputs: Record<string, unknown> = {}, extra: Partial<SyntheticResource> = {}): SyntheticResource => ({
    type: T.role,
    name,
    inputs: { name: `acme-chat-prod-${name}`, assumeRolePolicy: ec2Trust, ...inputs },
    ...extra,
});
const policyOf = (type: string, name: string, policy: unknown): SyntheticResource => ({
    type,
    name,
    inputs: { name: `acme-chat-prod-${name}`, policy, ...(type === T.policy ? {} : type === T.userPolicy ? { user: "u" } : type === T.groupPolicy ? { group: "g" } : { role: "r" }) },
});
/** A scoped policy the template would write: object actions on one bucket, a read-only wildcard. */
const scoped = doc(
    allow(["s3:GetObject", "s3:PutObject"], "arn:aws:s3:::acme-chat-prod-uploads/*"),
    allow("ec2:Describe*"),
    allow("iam:PassRole", "arn:aws:iam::210987654321:role/acme-chat-prod-worker"),
    allow("iam:PassRole", "*", { Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } } }),
);
const IAM_RULES = ["iam-no-admin-access", "iam-no-wildcard-actions", "iam-no-privilege-escalation", "iam-no-credentials-exposure", "iam-no-data-exfiltration", "iam-no-permissions-management"];

describe("IAM rules on scoped policies", () => {
    it("stay quiet on every policy-bearing type, and on AWS service-role policies, in dev and prod", async () => {
        for (const environment of ["dev", "prod"]) {
            const diags = await evaluate(
                [
                    role("app", { inlinePolicies: [{ name: "objects", policy: scoped }] }),
                    ...[T.rolePolicy, T.policy, T.userPolicy, T.groupPolicy].map((type, i) => policyOf(type, `p${i}`, scoped)),
                    { type: T.roleAttachment, name: "monitoring", inputs: { role: "r", policyArn: "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole" } },
                    { type: T.userAttachment, name: "ro", inputs: { user: "u", policyArn: "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" } },
                ],
                { environment },
            );
            for (const rule of IAM_RULES) assertQuiet(diags, rule);
        }
    });
});

describe("iam-no-admin-access", () => {
    it("fires on `*` or `*:*` on every resource, and on NotAction, in every policy type, mandatory in dev and prod", async () => {
        for (const environment of ["dev", "prod"]) {
            const diags = await evaluate(
                [
                    role("inline", { inlinePolicies: [{ name: "all", policy: doc(allow("*")) }] }),
                    policyOf(T.rolePolicy, "role-policy", doc(allow("*:*"))),
                    policyOf(T.policy, "managed", doc(allow("*", ["*"]))),
                    policyOf(T.userPolicy, "user", doc({ Effect: "Allow", NotAction: ["iam:*"], Resource: "*" })),
                    policyOf(T.groupPolicy, "group", doc(allow("*", "arn:aws:s3:::*"))),
                ],
                { environment },
            );
            for (const name of ["inline", "role-policy", "managed", "user", "group"]) assertFires(diags, "iam-no-admin-access", name, "mandatory");
        }
    });

    it("fires on AdministratorAccess and its equivalents however they are attached", async () => {
        const admin = "arn:aws:iam::aws:policy/AdministratorAccess";
        const diags = await evaluate([
            role("listed", { managedPolicyArns: [admin] }),
            { type: T.roleAttachment, name: "role-att", inputs: { role: "r", policyArn: admin } },
            { type: T.userAttachment, name: "user-att", inputs: { user: "u", policyArn: "arn:aws:iam::aws:policy/PowerUserAccess" } },
            { type: T.groupAttachment, name: "group-att", inputs: { group: "g", policyArn: admin } },
            { type: T.policyAttachment, name: "policy-att", inputs: { roles: ["r"], policyArn: admin } },
            { type: T.exclusive, name: "exclusive", inputs: { roleName: "r", policyArns: [admin] } },
        ]);
        for (const name of ["listed", "role-att", "user-att", "group-att", "policy-att", "exclusive"]) {
            const [v] = assertFires(diags, "iam-no-admin-access", name, "mandatory");
            assert.match(v.message, /AdministratorAccess|PowerUserAccess/);
        }
    });

    it("reads documents given as objects, as secrets and with parts unknown in a preview", async () => {
        const diags = await evaluate([
            policyOf(T.policy, "object", { Version: "2012-10-17", Statement: [allow("*")] }),
            policyOf(T.policy, "secret", secret(doc(allow("*")))),
            policyOf(T.rolePolicy, "unknown-resource", { Version: "2012-10-17", Statement: [allow("*", UNKNOWN)] }),
            policyOf(T.rolePolicy, "unknown-sid", { Version: "2012-10-17", Statement: [{ ...allow("*"), Sid: UNKNOWN }] }),
        ]);
        assertFires(diags, "iam-no-admin-access", "object", "mandatory");
        assertFires(diags, "iam-no-admin-access", "secret", "mandatory");
        assertFires(diags, "iam-no-admin-access", "unknown-sid", "mandatory");
        // A resource computed from another resource's output is that resource's ARN, not every resource.
        assertQuiet(diags, "iam-no-admin-access", "unknown-resource");
    });

    it("stays quiet on Deny statements and on `*` confined by a resource condition", async () => {
        const diags = await evaluate([
            policyOf(T.policy, "deny", doc({ Effect: "Deny", Action: "*", Resource: "*" })),
            policyOf(T.policy, "tagged", doc(allow("*", "*", { Condition: { StringEquals: { "aws:ResourceTag/service": "acme-chat" } } }))),
        ]);
        assertQuiet(diags, "iam-no-admin-access");
    });
});

describe("iam-no-wildcard-actions", () => {
    it("fires on `*` on a named resource and on service write wildcards on every resource", async () => {
        const diags = await evaluate([
            policyOf(T.rolePolicy, "star-on-bucket", doc(allow("*", "arn:aws:s3:::acme-chat-prod-uploads"))),
            policyOf(T.policy, "s3-star", doc(allow("s3:*"))),
            policyOf(T.policy, "put-star", doc(allow(["dynamodb:Put*"]))),
            policyOf(T.policy, "suffix-star", doc(allow("s3:*Object"))),
            { type: T.roleAttachment, name: "full-access", inputs: { role: "r", policyArn: "arn:aws:iam::aws:policy/AmazonS3FullAccess" } },
        ]);
        for (const name of ["star-on-bucket", "s3-star", "put-star", "suffix-star", "full-access"]) assertFires(diags, "iam-no-wildcard-actions", name, "mandatory");
    });

    it("stays quiet on read-only wildcards and on service wildcards scoped to a resource", async () => {
        const diags = await evaluate([
            policyOf(T.policy, "reads", doc(allow(["ec2:Describe*", "s3:List*", "logs:Get*", "dynamodb:BatchGet*"]))),
            policyOf(T.policy, "bucket-only", doc(allow("s3:*", ["arn:aws:s3:::acme-chat-prod-uploads", "arn:aws:s3:::acme-chat-prod-uploads/*"]))),
        ]);
        assertQuiet(diags, "iam-no-wildcard-actions");
    });
});

describe("iam-no-privilege-escalation", () => {
    it("fires on each escalation action on every resource, named or through a wildcard", async () => {
        const cases: Array<[string, unknown]> = [
            ["pass-role", "iam:PassRole"],
            ["access-key", "iam:CreateAccessKey"],
            ["login-profile", "iam:UpdateLoginProfile"],
            ["put-policy", "iam:Put*Policy"],
            ["attach-policy", ["iam:AttachRolePolicy"]],
            ["iam-star", "iam:*"],
        ];
        const diags = await evaluate(cases.map(([name, action]) => policyOf(T.policy, name, doc(allow(action)))));
        for (const [name] of cases) assertFires(diags, "iam-no-privilege-escalation", name, "mandatory");
        const [v] = assertFires(diags, "iam-no-privilege-escalation", "put-policy");
        assert.match(v.message, /iam:PutRolePolicy/);
    });

    it("fires on IAMFullAccess attached, and stays quiet on escalation actions scoped to named roles or services", async () => {
        const diags = await evaluate([
            { type: T.roleAttachment, name: "iam-full", inputs: { role: "r", policyArn: "arn:aws:iam::aws:policy/IAMFullAccess" } },
            policyOf(T.policy, "scoped", scoped),
        ]);
        assertFires(diags, "iam-no-privilege-escalation", "iam-full", "mandatory");
        assertQuiet(diags, "iam-no-privilege-escalation", "scoped");
    });

    it("leaves administrator statements to iam-no-admin-access", async () => {
        const diags = await evaluate([policyOf(T.policy, "admin", doc(allow("*")))]);
        assertFires(diags, "iam-no-admin-access", "admin");
        for (const rule of IAM_RULES.filter((r) => r !== "iam-no-admin-access")) assertQuiet(diags, rule);
    });
});

describe("iam-no-credentials-exposure", () => {
    it("fires on actions that hand out credentials on every resource", async () => {
        const diags = await evaluate([
            policyOf(T.policy, "assume-any", doc(allow("sts:AssumeRole"))),
            policyOf(T.policy, "db-connect", doc(allow("rds-db:Connect"))),
            policyOf(T.userPolicy, "redshift", doc(allow("redshift:GetCluster*"))),
        ]);
        for (const name of ["assume-any", "db-connect", "redshift"]) assertFires(diags, "iam-no-credentials-exposure", name, "mandatory");
    });

    it("stays quiet on the same actions scoped to named roles and users, and on ecr:GetAuthorizationToken", async () => {
        const diags = await evaluate([
            policyOf(T.policy, "named", doc(allow("sts:AssumeRole", "arn:aws:iam::210987654321:role/deployer"), allow("rds-db:Connect", "arn:aws:rds-db:us-east-1:210987654321:dbuser:db-ABC/app"))),
            policyOf(T.policy, "ecr", doc(allow("ecr:GetAuthorizationToken"))),
        ]);
        assertQuiet(diags, "iam-no-credentials-exposure");
    });
});

describe("iam-no-data-exfiltration", () => {
    it("fires on object, parameter and secret reads on every resource", async () => {
        const diags = await evaluate([
            policyOf(T.policy, "objects", doc(allow("s3:GetObject"))),
            policyOf(T.groupPolicy, "params", doc(allow("ssm:GetParameter*"))),
            role("secrets", { inlinePolicies: [{ name: "read", policy: doc(allow(["secretsmanager:GetSecretValue"], "arn:aws:secretsmanager:*:*:*")) }] }),
        ]);
        for (const name of ["objects", "params", "secrets"]) assertFires(diags, "iam-no-data-exfiltration", name, "mandatory");
    });

    it("stays quiet on reads of named objects and secrets", async () => {
        const diags = await evaluate([
            policyOf(T.policy, "named", doc(allow("s3:GetObject", "arn:aws:s3:::acme-chat-prod-uploads/*"), allow("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:210987654321:secret:acme-chat-prod/app-AbCdEf"))),
        ]);
        assertQuiet(diags, "iam-no-data-exfiltration");
    });
});

describe("iam-no-permissions-management", () => {
    it("fires on policy, ACL and grant changes on every resource, listed or judged by their verb", async () => {
        const diags = await evaluate([
            policyOf(T.policy, "bucket-policy", doc(allow("s3:PutBucketPolicy"))),
            policyOf(T.policy, "kms-grants", doc(allow("kms:CreateGrant"))),
            policyOf(T.policy, "other-service", doc(allow("glacier:SetVaultAccessPolicy"))),
            policyOf(T.policy, "sns-star", doc(allow("sns:*"))),
        ]);
        for (const name of ["bucket-policy", "kms-grants", "other-service", "sns-star"]) assertFires(diags, "iam-no-permissions-management", name, "mandatory");
    });

    it("stays quiet on the same actions on a named resource", async () => {
        const diags = await evaluate([policyOf(T.policy, "named", doc(allow(["s3:PutBucketPolicy", "kms:CreateGrant"], ["arn:aws:s3:::acme-chat-prod-uploads", "arn:aws:kms:us-east-1:210987654321:key/abc"])))]);
        assertQuiet(diags, "iam-no-permissions-management");
    });
});

describe("iam-trust-policy-restricted", () => {
    const trust = (...statements: object[]) => ({ assumeRolePolicy: doc(...statements) });
    const assume = (Principal: unknown, extra: object = {}) => ({ Effect: "Allow", Principal, Action: "sts:AssumeRole", ...extra });
    const pinnedProvider: SyntheticResource = { type: "pulumi:providers:aws", name: "aws", inputs: { region: "us-east-1", allowedAccountIds: JSON.stringify([ACCOUNT]) } };

    it("fires on any principal, AWS `*` and NotPrincipal without a pinning condition, mandatory in dev and prod", async () => {
        for (const environment of ["dev", "prod"]) {
            const diags = await evaluate(
                [
                    role("star", trust(assume("*"))),
                    role("aws-star", trust(assume({ AWS: ["*"] }))),
                    role("not-principal", trust({ Effect: "Allow", NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:role/x` }, Action: "sts:AssumeRole" })),
                    role("external-id-only", trust(assume({ AWS: "*" }, { Condition: { StringEquals: { "sts:ExternalId": "abc" } } }))),
                ],
                { environment },
            );
            for (const name of ["star", "aws-star", "not-principal", "external-id-only"]) assertFires(diags, "iam-trust-policy-restricted", name, "mandatory");
        }
    });

    it("fires on another account's root without a condition, or any root when the stack's account is unpinned", async () => {
        const diags = await evaluate([pinnedProvider, role("other-root", trust(assume({ AWS: "arn:aws:iam::123456789012:root" })), { provider: "aws" }), role("bare-id", trust(assume({ AWS: "123456789012" })), { provider: "aws" })]);
        assertFires(diags, "iam-trust-policy-restricted", "other-root", "mandatory");
        assertFires(diags, "iam-trust-policy-restricted", "bare-id", "mandatory");
        const unpinned = await evaluate([role("own-root-unpinned", trust(assume({ AWS: `arn:aws:iam::${ACCOUNT}:root` })))], { environment: "dev" });
        const [v] = assertFires(unpinned, "iam-trust-policy-restricted", "own-root-unpinned", "mandatory");
        assert.match(v.message, /not pinned/);
    });

    it("fires on an OIDC federation that pins no subject (any repository or project of the issuer), and on Cognito without a pool", async () => {
        const GH = "token.actions.githubusercontent.com";
        const github = (Condition?: object) => ({ Effect: "Allow", Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/${GH}` }, Action: "sts:AssumeRoleWithWebIdentity", ...(Condition ? { Condition } : {}) });
        const diags = await evaluate([
            role("gh-aud-only", trust(github({ StringEquals: { [`${GH}:aud`]: "sts.amazonaws.com" } }))),
            role("gh-any-sub", trust(github({ StringLike: { [`${GH}:sub`]: "*" } }))),
            role("gh-bare", trust(github())),
            role("cognito", trust({ Effect: "Allow", Principal: { Federated: "cognito-identity.amazonaws.com" }, Action: "sts:AssumeRoleWithWebIdentity" })),
            role("gh-repo", trust(github({ StringEquals: { [`${GH}:aud`]: "sts.amazonaws.com" }, StringLike: { [`${GH}:sub`]: "repo:acme/chat:ref:refs/heads/main" } }))),
        ]);
        for (const name of ["gh-aud-only", "gh-any-sub", "gh-bare", "cognito"]) assertFires(diags, "iam-trust-policy-restricted", name, "mandatory");
        assertQuiet(diags, "iam-trust-policy-restricted", "gh-repo");
    });

    it("stays quiet on service principals, the pinned own account, a conditioned other account, an org-pinned `*` and listed accounts", async () => {
        const diags = await evaluate([
            pinnedProvider,
            role("service", {}, { provider: "aws" }),
            role("own-root", trust(assume({ AWS: `arn:aws:iam::${ACCOUNT}:root` })), { provider: "aws" }),
            role("other-with-external-id", trust(assume({ AWS: "arn:aws:iam::123456789012:root" }, { Condition: { StringEquals: { "sts:ExternalId": "7f3a" } } })), { provider: "aws" }),
            role("org", trust(assume({ AWS: "*" }, { Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } })), { provider: "aws" }),
            role("named-role", trust(assume({ AWS: "arn:aws:iam::123456789012:role/deployer" })), { provider: "aws" }),
            role("deny", trust({ Effect: "Deny", Principal: "*", Action: "sts:AssumeRole" }), { provider: "aws" }),
        ]);
        assertQuiet(diags, "iam-trust-policy-restricted");
        const listed = await evaluate([role("partner", trust(assume({ AWS: "arn:aws:iam::123456789012:root" })))], { policyConfig: { "iam-trust-policy-restricted": { trustedAccountIds: ["123456789012"] } } });
        assertQuiet(listed, "iam-trust-policy-restricted");
    });
});

describe("iam-oidc-role-scoped: the app's role trusts only the pinned Vercel federation", () => {
    const ISSUER = "oidc.vercel.com/acme";
    const vercel = {
        Effect: "Allow",
        Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/${ISSUER}` },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: { StringEquals: { [`${ISSUER}:aud`]: "https://vercel.com/acme", [`${ISSUER}:sub`]: "owner:acme:project:acme-chat:environment:production" } },
    };

    it("fires on a second statement admitting another principal, even a narrow one", async () => {
        const diags = await evaluate([role("app", { assumeRolePolicy: doc(vercel, { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/ci` }, Action: "sts:AssumeRole" }) })]);
        const [v] = assertFires(diags, "iam-oidc-role-scoped", "app", "mandatory");
        assert.match(v.message, /only way in/);
    });

    it("stays quiet on the pinned federation alone, with a Deny beside it", async () => {
        const diags = await evaluate([role("app", { assumeRolePolicy: doc(vercel, { Effect: "Deny", Principal: "*", Action: "sts:TagSession" }) })]);
        assertQuiet(diags, "iam-oidc-role-scoped");
    });
});

describe("iam-role-policies-not-mixed", () => {
    const attach = (name: string, inputs: Record<string, unknown>): SyntheticResource => ({ type: T.roleAttachment, name, inputs: { policyArn: "arn:aws:iam::210987654321:policy/p", ...inputs } });

    it("fires on managedPolicyArns beside an attachment, by name or by dependency, and on inlinePolicies beside a RolePolicy", async () => {
        const byName = await evaluate([role("listed", { managedPolicyArns: [] }), attach("att", { role: "acme-chat-prod-listed" })], { environment: "dev" });
        assertFires(byName, "iam-role-policies-not-mixed", "listed", "mandatory");
        const byDependency = await evaluate([
            // Auto-named: the attachment can only name it through its output, known after apply.
            { type: T.role, name: "auto", inputs: { assumeRolePolicy: ec2Trust, managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] } },
            { type: T.exclusive, name: "excl", inputs: { roleName: UNKNOWN, policyArns: [] }, propertyDependencies: { roleName: ["auto"] } },
        ]);
        assertFires(byDependency, "iam-role-policies-not-mixed", "auto", "mandatory");
        const inline = await evaluate([role("inline", { inlinePolicies: [{ name: "a", policy: doc(allow("s3:GetObject", "arn:aws:s3:::b/*")) }] }), policyOf(T.rolePolicy, "extra", doc(allow("s3:ListBucket", "arn:aws:s3:::b")))].map((r) => (r.type === T.rolePolicy ? { ...r, inputs: { ...r.inputs, role: "acme-chat-prod-inline" } } : r)));
        assertFires(inline, "iam-role-policies-not-mixed", "inline", "mandatory");
    });

    it("stays quiet on attachments alone and on an inline list with attachments of another role", async () => {
        const diags = await evaluate([role("attached"), attach("att", { role: "acme-chat-prod-attached" }), role("listed", { managedPolicyArns: ["arn:aws:iam::210987654321:policy/p"] }), attach("other", { role: "someone-else" })]);
        assertQuiet(diags, "iam-role-policies-not-mixed");
    });

    // The audit's N1 case. After apply the provider's Read fills a role's `managedPolicyArns` and `inlinePolicies`
    // with what its attachment and RolePolicy resources added (terraform-provider-aws internal/service/iam/role.go,
    // resourceRoleRead), which AnalyzeStack receives. The rule used to read those outputs as declared lists and
    // blocked the end of every real `up` (fails on 66c90e8).
    it("stays quiet on a role without inline lists whose outputs Read filled from its attachments and role policies", async () => {
        const policy = doc(allow("s3:GetObject", "arn:aws:s3:::b/*"));
        const filled = { ...role("app").inputs, name: "acme-chat-prod-app", managedPolicyArns: ["arn:aws:iam::210987654321:policy/p"], inlinePolicies: [{ name: "extra", policy }] };
        const diags = await evaluate([
            { ...role("app"), outputs: filled },
            attach("att", { role: "acme-chat-prod-app" }),
            { type: T.rolePolicy, name: "extra", inputs: { role: "acme-chat-prod-app", name: "extra", policy } },
        ]);
        assertQuiet(diags, "iam-role-policies-not-mixed");
    });

    it("fires on a role that declares managedPolicyArns beside an attachment, with the outputs Read fills", async () => {
        const declared = role("listed", { managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] });
        const diags = await evaluate([{ ...declared, outputs: { ...declared.inputs, managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::210987654321:policy/p"], inlinePolicies: [] } }, attach("att", { role: "acme-chat-prod-listed" })]);
        assertFires(diags, "iam-role-policies-not-mixed", "listed", "mandatory");
    });
});

describe("iam-oidc-role-scoped", () => {
    const ARN = "arn:aws:s3:::acme-chat-prod-uploads-210987654321";
    const ISSUER = "oidc.vercel.com/acme";
    const trust = (Condition: object, issuer = ISSUER) =>
        doc({ Effect: "Allow", Principal: { Federated: `arn:aws:iam::210987654321:oidc-provider/${issuer}` }, Action: "sts:AssumeRoleWithWebIdentity", Condition });
    const pinned = (...envs: string[]) => ({
        StringEquals: { [`${ISSUER}:aud`]: "https://vercel.com/acme", [`${ISSUER}:sub`]: envs.map((e) => `owner:acme:project:acme-chat:environment:${e}`) },
    });
    const role = (name: string, assumeRolePolicy: string, extra: Record<string, unknown> = {}): SyntheticResource => ({
        type: T.role,
        name,
        inputs: { name: `acme-chat-prod-${name}`, assumeRolePolicy, ...extra },
    });

    it("accepts a role pinned to this stack's environments and rejects others, per environment config", async () => {
        assertQuiet(await evaluate([role("prod-role", trust(pinned("production")))]), "iam-oidc-role-scoped");
        const previewInProd = await evaluate([role("wide", trust(pinned("production", "preview")))]);
        const [v] = assertFires(previewInProd, "iam-oidc-role-scoped", "wide", "mandatory");
        assert.match(v.message, /"preview"/);
        assertQuiet(await evaluate([role("dev-role", trust(pinned("preview", "development")))], { environment: "dev" }), "iam-oidc-role-scoped");
        assertFires(await evaluate([role("dev-prod", trust(pinned("production")))], { environment: "dev" }), "iam-oidc-role-scoped", "dev-prod", "mandatory");
    });

    it("fires when the subject is missing, negated, or a wildcard, or the audience is a wildcard", async () => {
        const diags = await evaluate([
            role("no-sub", trust({ StringEquals: { [`${ISSUER}:aud`]: "https://vercel.com/acme" } })),
            role("negated", trust({ StringNotEquals: { [`${ISSUER}:sub`]: "owner:acme:project:other:environment:production" } })),
            role("any-project", trust({ StringLike: { [`${ISSUER}:sub`]: "owner:acme:project:*:environment:production" } })),
            role("any-env", trust({ StringLike: { [`${ISSUER}:sub`]: "owner:acme:project:acme-chat:environment:*" } })),
            role("any-aud", trust({ StringLike: { [`${ISSUER}:aud`]: "*", [`${ISSUER}:sub`]: "owner:acme:project:acme-chat:environment:production" } })),
            role("global-issuer", trust({ StringEquals: { "oidc.vercel.com:aud": "https://vercel.com/acme" } }, "oidc.vercel.com")),
            role("ec2", doc({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }), { managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonS3FullAccess"] }),
        ]);
        for (const name of ["no-sub", "negated", "any-project", "any-env", "any-aud", "global-issuer"]) assertFires(diags, "iam-oidc-role-scoped", name, "mandatory");
        assertQuiet(diags, "iam-oidc-role-scoped", "ec2");
    });

    it("fires on broad permissions inline, managed, attached or in a role policy", async () => {
        const broad = doc({ Effect: "Allow", Action: "s3:*", Resource: `${ARN}/*` });
        const anywhere = doc({ Effect: "Allow", Action: ["s3:GetObject"], Resource: "*" });
        const scoped = doc({ Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: `${ARN}/*` }, { Effect: "Allow", Action: "s3:ListBucket", Resource: ARN });
        const diags = await evaluate([
            role("inline", trust(pinned("production")), { inlinePolicies: [{ name: "all", policy: broad }] }),
            role("managed", trust(pinned("production")), { managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonS3FullAccess"] }),
            role("app", trust(pinned("production"))),
            { type: T.rolePolicy, name: "app-anywhere", inputs: { role: "acme-chat-prod-app", policy: anywhere } },
            { type: T.rolePolicy, name: "app-scoped", inputs: { role: "acme-chat-prod-app", policy: scoped } },
            { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", name: "app-admin", inputs: { role: "acme-chat-prod-app", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" } },
            { type: "aws:iam/policy:Policy", name: "custom", inputs: { name: "custom", policy: broad }, outputs: { name: "custom", policy: broad, arn: "arn:aws:iam::210987654321:policy/custom" } },
            { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", name: "app-custom", inputs: { role: "acme-chat-prod-app", policyArn: "arn:aws:iam::210987654321:policy/custom" } },
            { type: T.rolePolicy, name: "other-role", inputs: { role: "someone-else", policy: broad } },
        ]);
        for (const name of ["inline", "managed", "app-anywhere", "app-admin", "app-custom"]) assertFires(diags, "iam-oidc-role-scoped", name, "mandatory");
        for (const name of ["app", "app-scoped", "other-role"]) assertQuiet(diags, "iam-oidc-role-scoped", name);
    });

    it("fires on a Vercel OIDC provider that accepts any audience", async () => {
        const diags = await evaluate([
            { type: "aws:iam/openIdConnectProvider:OpenIdConnectProvider", name: "vercel", inputs: { url: "https://oidc.vercel.com/acme", clientIdLists: ["*"] } },
            { type: "aws:iam/openIdConnectProvider:OpenIdConnectProvider", name: "vercel-ok", inputs: { url: "https://oidc.vercel.com/acme", clientIdLists: ["https://vercel.com/acme"] } },
        ]);
        assertFires(diags, "iam-oidc-role-scoped", "vercel");
        assertQuiet(diags, "iam-oidc-role-scoped", "vercel-ok");
    });
});
