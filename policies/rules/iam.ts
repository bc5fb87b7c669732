/**
 * Readiness rules: IAM, on every role, user, group, inline or managed policy and attachment of the stack,
 * whoever declares it. A policy grants no administrator access, no service-wide write on every resource, and
 * none of the actions that let a holder raise their own privileges, mint or read credentials, copy data out or
 * rewrite who may access what, on every resource; a trust policy admits no one and no other account without a
 * condition; a role is managed either inline or by attachment resources, never both.
 *
 * The action lists follow cloudsplaining's (the analysis behind checkov's CKV_AWS_286-289) and Rhino
 * Security Labs' privilege-escalation methods, restricted to actions that escalate, expose or exfiltrate on
 * their own. "On every resource" means `Resource: "*"` (or an ARN whose resource part is `*`, or NotResource)
 * with no condition confining the resource side (iam:PassedToService, aws:ResourceTag/..., and the like).
 */
import type { PolicyResource, ResourceValidationArgs } from "@pulumi/policy";
import { z } from "zod";
import {
    actionMatches,
    asArray,
    conditions,
    grantedOf,
    label,
    onEveryResource,
    policyStatements,
    principalIsEveryone,
    resourceConstrained,
    restricts,
    Statement,
    strings,
    unconstrainedOnEveryResource,
} from "../lib/iam";
import { InputName, inputsOf, peekInput } from "../lib/inputs";
import { TYPES } from "../contracts/tokens";
import { refersTo } from "../lib/links";
import { DeclaredLists, listsIn } from "../lib/declared";
import { resourceAndStackRule, resourceRule, Rule, RuleDoc, RuleResource, ruleResource, stackRule } from "../lib/rule";
import { parseJsonish } from "../contracts/json";
import { VERCEL_TARGETS } from "../contracts/vercel";

// ── Where identity policies live ──────────────────────────────────────────────────────────────────────────

const POLICY_DOCUMENT_TYPES = [TYPES.role, TYPES.rolePolicy, TYPES.policy, TYPES.userPolicy, TYPES.groupPolicy] as const;
const ATTACHMENT_TYPES = [
    TYPES.role,
    TYPES.rolePolicyAttachment,
    TYPES.userPolicyAttachment,
    TYPES.groupPolicyAttachment,
    TYPES.policyAttachment,
    TYPES.rolePolicyAttachmentsExclusive,
    TYPES.userPolicyAttachmentsExclusive,
    TYPES.groupPolicyAttachmentsExclusive,
] as const;
const IDENTITY_TYPES: readonly string[] = [...new Set<string>([...POLICY_DOCUMENT_TYPES, ...ATTACHMENT_TYPES])];

interface Document {
    /** Where the document sits, for messages: `policy` or `inlinePolicies[0] (s3-access)`. */
    where: string;
    statements: Statement[];
}

/** The permission documents a resource carries (a role's trust policy is not one: see iam-trust-policy-restricted). */
function documentsOf(resource: RuleResource): Document[] {
    const out: Document[] = [];
    const role = inputsOf(resource, TYPES.role);
    if (role) {
        asArray(role.inlinePolicies).forEach((inline, i) => {
            const statements = policyStatements(inline?.policy);
            if (statements) out.push({ where: `inlinePolicies[${i}]${inline?.name ? ` (${inline.name})` : ""}`, statements });
        });
        return out;
    }
    const policy =
        inputsOf(resource, TYPES.rolePolicy)?.policy ??
        inputsOf(resource, TYPES.policy)?.policy ??
        inputsOf(resource, TYPES.userPolicy)?.policy ??
        inputsOf(resource, TYPES.groupPolicy)?.policy;
    const statements = policyStatements(policy);
    if (statements) out.push({ where: "policy", statements });
    return out;
}

/** The managed policy ARNs a resource attaches: a role's inline list, an attachment's ARN, an exclusive set. */
function attachedArns(resource: RuleResource): string[] {
    const one = (v: unknown) => (typeof v === "string" ? [v] : []);
    const many = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
    return [
        ...many(inputsOf(resource, TYPES.role)?.managedPolicyArns),
        ...one(inputsOf(resource, TYPES.rolePolicyAttachment)?.policyArn),
        ...one(inputsOf(resource, TYPES.userPolicyAttachment)?.policyArn),
        ...one(inputsOf(resource, TYPES.groupPolicyAttachment)?.policyArn),
        ...one(inputsOf(resource, TYPES.policyAttachment)?.policyArn),
        ...many(inputsOf(resource, TYPES.rolePolicyAttachmentsExclusive)?.policyArns),
        ...many(inputsOf(resource, TYPES.userPolicyAttachmentsExclusive)?.policyArns),
        ...many(inputsOf(resource, TYPES.groupPolicyAttachmentsExclusive)?.policyArns),
    ];
}

/** `arn:aws:iam::aws:policy/AdministratorAccess` -> `AdministratorAccess`; undefined for customer policies and service-role policies. */
function awsManagedName(arn: string): string | undefined {
    const m = /^arn:[^:]+:iam::aws:policy\/(.+)$/.exec(arn);
    if (!m || m[1].includes("/")) return undefined;
    return m[1];
}

/** AWS managed policies that amount to administrator access (every action, or every action but IAM's). */
const ADMIN_MANAGED = new Set(["AdministratorAccess", "PowerUserAccess", "AdministratorAccess-Amplify", "AdministratorAccess-AWSElasticBeanstalk", "AWSOrganizationsFullAccess"]);
/** AWS managed policies that grant IAM itself, and with it every way to raise privileges. */
const IAM_MANAGED = new Set(["IAMFullAccess"]);

// ── The statement classes ─────────────────────────────────────────────────────────────────────────────────

/** Allow every action (`*`, `*:*`, or NotAction) on every resource: administrator access. */
function isAdmin(s: Statement): boolean {
    if (s.Effect !== "Allow" || !onEveryResource(s) || resourceConstrained(s)) return false;
    return s.NotAction !== undefined || strings(s.Action).some((a) => a === "*" || a === "*:*");
}

/** Name prefixes of read-only actions: a wildcard after one of them (`ec2:Describe*`) grants no write. */
const READ_PREFIX = /^(Get|List|Describe|Read|View|Search|Query|Scan|Select|Lookup|BatchGet|Head)/i;

/** A service wildcard (`s3:*`, `s3:Put*`, `dynamodb:*Item`) that reaches write actions. */
function isWriteWildcard(action: string): boolean {
    const [service, name] = action.split(":");
    if (name === undefined || !service || service.includes("*") || !/[*?]/.test(name)) return false;
    const literal = name.slice(0, name.search(/[*?]/));
    return !READ_PREFIX.test(literal);
}

/** Actions that let their holder grant themselves more: Rhino Security Labs' single-step escalation methods. */
export const PRIVILEGE_ESCALATION_ACTIONS = [
    "iam:PassRole",
    "iam:CreatePolicyVersion",
    "iam:SetDefaultPolicyVersion",
    "iam:CreateAccessKey",
    "iam:CreateLoginProfile",
    "iam:UpdateLoginProfile",
    "iam:AttachUserPolicy",
    "iam:AttachGroupPolicy",
    "iam:AttachRolePolicy",
    "iam:PutUserPolicy",
    "iam:PutGroupPolicy",
    "iam:PutRolePolicy",
    "iam:PutUserPermissionsBoundary",
    "iam:PutRolePermissionsBoundary",
    "iam:DeleteUserPermissionsBoundary",
    "iam:DeleteRolePermissionsBoundary",
    "iam:AddUserToGroup",
    "iam:UpdateAssumeRolePolicy",
    "lambda:UpdateFunctionCode",
    "glue:UpdateDevEndpoint",
] as const;

/** Actions that hand out credentials (cloudsplaining's credentials-exposure list, less ecr:GetAuthorizationToken, which only works on `*`). */
export const CREDENTIALS_EXPOSURE_ACTIONS = [
    "chime:CreateApiKey",
    "codepipeline:PollForJobs",
    "cognito-identity:GetOpenIdToken",
    "cognito-identity:GetOpenIdTokenForDeveloperIdentity",
    "cognito-identity:GetCredentialsForIdentity",
    "connect:GetFederationToken",
    "connect:GetFederationTokens",
    "ec2:GetPasswordData",
    "gamelift:GetInstanceAccess",
    "gamelift:RequestUploadCredentials",
    "iam:CreateAccessKey",
    "iam:CreateLoginProfile",
    "iam:CreateServiceSpecificCredential",
    "iam:ResetServiceSpecificCredential",
    "iam:UpdateAccessKey",
    "lightsail:GetInstanceAccessDetails",
    "lightsail:GetRelationalDatabaseMasterUserPassword",
    "rds-db:Connect",
    "redshift:GetClusterCredentials",
    "redshift-serverless:GetCredentials",
    "sso:GetRoleCredentials",
    "mediapackage:RotateChannelCredentials",
    "mediapackage:RotateIngestEndpointCredentials",
    "sts:AssumeRole",
    "sts:AssumeRoleWithSAML",
    "sts:AssumeRoleWithWebIdentity",
    "sts:GetFederationToken",
    "sts:GetSessionToken",
] as const;

/** Actions that read data out wholesale (cloudsplaining's data-exfiltration list). */
export const DATA_EXFILTRATION_ACTIONS = [
    "s3:GetObject",
    "s3:GetObjectVersion",
    "ssm:GetParameter",
    "ssm:GetParameters",
    "ssm:GetParametersByPath",
    "secretsmanager:GetSecretValue",
    "secretsmanager:BatchGetSecretValue",
] as const;

/**
 * Actions that change who may access what (IAM's "Permissions management" access level) for the services a
 * stack like this one uses: identity policies, resource policies, ACLs, grants and public-sharing attributes.
 */
export const PERMISSIONS_MANAGEMENT_ACTIONS = [
    "iam:AttachGroupPolicy", "iam:AttachRolePolicy", "iam:AttachUserPolicy", "iam:CreatePolicy", "iam:CreatePolicyVersion",
    "iam:DeleteGroupPolicy", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:DeleteRolePermissionsBoundary", "iam:DeleteRolePolicy",
    "iam:DeleteUserPermissionsBoundary", "iam:DeleteUserPolicy", "iam:DetachGroupPolicy", "iam:DetachRolePolicy", "iam:DetachUserPolicy",
    "iam:PutGroupPolicy", "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy", "iam:PutUserPermissionsBoundary", "iam:PutUserPolicy",
    "iam:SetDefaultPolicyVersion", "iam:UpdateAssumeRolePolicy", "iam:CreateServiceLinkedRole",
    "s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutBucketAcl", "s3:PutObjectAcl", "s3:PutObjectVersionAcl", "s3:PutBucketPublicAccessBlock",
    "s3:PutAccountPublicAccessBlock", "s3:PutAccessPointPolicy", "s3:DeleteAccessPointPolicy", "s3:PutBucketOwnershipControls",
    "kms:PutKeyPolicy", "kms:CreateGrant", "kms:RevokeGrant", "kms:RetireGrant",
    "sns:AddPermission", "sns:RemovePermission", "sns:SetTopicAttributes",
    "sqs:AddPermission", "sqs:RemovePermission", "sqs:SetQueueAttributes",
    "lambda:AddPermission", "lambda:RemovePermission", "lambda:AddLayerVersionPermission", "lambda:CreateFunctionUrlConfig",
    "secretsmanager:PutResourcePolicy", "secretsmanager:DeleteResourcePolicy",
    "ecr:SetRepositoryPolicy", "ecr:DeleteRepositoryPolicy",
    "logs:PutResourcePolicy", "logs:DeleteResourcePolicy",
    "rds:ModifyDBSnapshotAttribute", "rds:ModifyDBClusterSnapshotAttribute",
    "ec2:ModifySnapshotAttribute", "ec2:ModifyImageAttribute", "ec2:CreateNetworkInterfacePermission",
    "ram:CreateResourceShare", "ram:AssociateResourceShare",
    "organizations:AttachPolicy", "organizations:DetachPolicy",
] as const;

// ── Rules over identity policies ──────────────────────────────────────────────────────────────────────────

interface ActionClassSpec extends RuleDoc {
    /** What the statement allows, as a phrase: "escalates privileges with". */
    verb: string;
    /** The actions of a statement on every resource that fall in the class (empty: none). */
    find(s: Statement): string[];
    /** What an AWS managed policy of that name grants in this class, if anything. */
    managed?(name: string): string | undefined;
}

/** A rule over every identity policy document and managed-policy attachment of the stack. */
function identityRule(spec: ActionClassSpec): Rule {
    const { verb, find, managed, ...doc } = spec;
    return resourceRule({
        ...doc,
        types: IDENTITY_TYPES,
        validate(resource, _config, report) {
            for (const { where, statements } of documentsOf(resource)) {
                statements.forEach((s, i) => {
                    const found = find(s);
                    if (found.length > 0) report(`${resource.name}: ${where} ${label(s, i)} ${verb} ${found.join(", ")}.`);
                });
            }
            if (!managed) return;
            for (const arn of attachedArns(resource)) {
                const name = awsManagedName(arn);
                const what = name === undefined ? undefined : managed(name);
                if (what) report(`${resource.name} attaches the AWS managed policy ${name}, which ${what}.`);
            }
        },
    });
}

/** Statements reported by iam-no-admin-access are not reported again by the narrower rules. */
const onEvery = (s: Statement) => !isAdmin(s) && unconstrainedOnEveryResource([s]).length === 1;

export const iamNoAdminAccess = identityRule({
    name: "iam-no-admin-access",
    description: "No IAM policy, inline or managed, grants administrator access: every action on every resource, or the AdministratorAccess (or an equivalent) managed policy.",
    severity: "critical",
    category: "security",
    remediation:
        "Grant the actions the workload calls on the resources it uses (the template's roles name S3 object actions on one bucket); for people, use your identity provider's permission sets, not a role in the service's stack.",
    verb: "grants",
    find: (s) => (isAdmin(s) ? [s.NotAction !== undefined ? "every action but those of NotAction on every resource" : "every action on every resource"] : []),
    managed: (name) => (ADMIN_MANAGED.has(name) ? "grants administrator access" : undefined),
});

export const iamNoWildcardActions = identityRule({
    name: "iam-no-wildcard-actions",
    description: "No IAM policy allows `Action: \"*\"` on any resource, or a service wildcard that reaches write actions (`s3:*`, `dynamodb:Put*`) on every resource.",
    severity: "high",
    category: "security",
    remediation: "List the actions the workload calls (`s3:GetObject`, `s3:PutObject`) and the ARNs it calls them on; a read-only wildcard such as `ec2:Describe*` is fine.",
    verb: "allows",
    find(s) {
        if (s.Effect !== "Allow" || isAdmin(s)) return [];
        const actions = strings(s.Action);
        const star = actions.filter((a) => a === "*" || a === "*:*");
        if (star.length > 0) return [`${star[0]} (every action of every service)`];
        return onEvery(s) ? actions.filter(isWriteWildcard).map((a) => `${a} on every resource`) : [];
    },
    managed: (name) => (!ADMIN_MANAGED.has(name) && /FullAccess$/.test(name) ? "allows every action of a service on every resource" : undefined),
});

export const iamNoPrivilegeEscalation = identityRule({
    name: "iam-no-privilege-escalation",
    description: "No IAM policy allows, on every resource, an action that lets its holder raise their own privileges: iam:PassRole, iam:CreateAccessKey, iam:UpdateLoginProfile, iam:Put*Policy, iam:Attach*Policy and the like.",
    severity: "critical",
    category: "security",
    remediation:
        "Scope each such action to the ARNs it is meant for (iam:PassRole to the one role a service needs, with an iam:PassedToService condition); keep IAM changes in the deploy pipeline, not in a workload's role.",
    verb: "lets its holder escalate privileges with",
    find: (s) => (onEvery(s) ? grantedOf(s, PRIVILEGE_ESCALATION_ACTIONS) : []),
    managed: (name) => (IAM_MANAGED.has(name) ? "lets its holder escalate privileges through every IAM action" : undefined),
});

export const iamNoCredentialsExposure = identityRule({
    name: "iam-no-credentials-exposure",
    description: "No IAM policy allows, on every resource, an action that hands out credentials: sts:AssumeRole, iam:CreateAccessKey, rds-db:Connect, redshift:GetClusterCredentials and the like.",
    severity: "high",
    category: "security",
    remediation: "Name the roles to assume, the database users to connect as and the users whose keys may be created; a workload that needs none of them should not list them.",
    verb: "exposes credentials with",
    find: (s) => (onEvery(s) ? grantedOf(s, CREDENTIALS_EXPOSURE_ACTIONS) : []),
});

export const iamNoDataExfiltration = identityRule({
    name: "iam-no-data-exfiltration",
    description: "No IAM policy allows reading objects, parameters or secrets (s3:GetObject, ssm:GetParameter*, secretsmanager:GetSecretValue) on every resource.",
    severity: "high",
    category: "security",
    remediation: "Grant reads on the bucket, parameter path or secret ARNs the workload owns (the template's app role reads `arn:aws:s3:::<bucket>/*` only).",
    verb: "can copy data out with",
    find: (s) => (onEvery(s) ? grantedOf(s, DATA_EXFILTRATION_ACTIONS) : []),
});

export const iamNoPermissionsManagement = identityRule({
    name: "iam-no-permissions-management",
    description: "No IAM policy allows, on every resource, an action that changes who may access what: identity and resource policies, ACLs, grants and sharing attributes.",
    severity: "high",
    category: "security",
    remediation: "Leave policy changes to the deploy pipeline; if a workload must manage a resource policy, name that resource's ARN.",
    verb: "manages permissions with",
    find(s) {
        if (!onEvery(s)) return [];
        const listed = grantedOf(s, PERMISSIONS_MANAGEMENT_ACTIONS);
        // Named actions of services outside the list are judged by their verb.
        const named = strings(s.Action).filter(
            (a) => !/[*?]/.test(a) && !listed.some((l) => actionMatches(a, l)) && /^[a-z0-9-]+:(Put|Set|Attach|Detach|Delete|Create|Add|Remove|Update|Revoke|Retire|Replace)\w*(Policy|Policies|Permission|Permissions|Acl|Grant)$/i.test(a),
        );
        return [...listed, ...named];
    },
    managed: (name) => (IAM_MANAGED.has(name) ? "manages every IAM permission" : undefined),
});

// ── Trust policies ────────────────────────────────────────────────────────────────────────────────────────

/** `arn:aws:iam::123456789012:root` or `123456789012`: every principal of that account. */
const ACCOUNT_ROOT = /^(?:arn:[^:]+:iam::(\d{12}):root|(\d{12}))$/;

/** Account ids this stack deploys into, from its AWS provider's allowedAccountIds (a JSON list for providers). */
function ownAccounts(args: ResourceValidationArgs): string[] {
    const provider = args.provider?.type === TYPES.awsProvider ? args.provider : undefined;
    const ids = parseJsonish(provider ? peekInput(provider, TYPES.awsProvider, "allowedAccountIds") : undefined);
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === "string") : [];
}

const COGNITO = "cognito-identity.amazonaws.com";

/** The issuer of a web-identity (OIDC) federation principal; undefined for SAML providers and anything else. */
function webIdentityIssuer(federated: string): string | undefined {
    if (federated === COGNITO) return COGNITO;
    const m = /^arn:[^:]+:iam::\d*:oidc-provider\/(.+)$/.exec(federated.trim());
    return m?.[1];
}

/**
 * Whether a web-identity trust statement names which identities of the issuer may assume the role: its subject
 * (`<issuer>:sub`, e.g. a GitHub repository or a Vercel project), or for Cognito its identity pool (`:aud`).
 * Without one, every token the issuer signs, for anyone's repository or project, is accepted.
 */
function pinsSubject(s: Statement, issuer: string): boolean {
    const key = (issuer === COGNITO ? `${COGNITO}:aud` : `${issuer}:sub`).toLowerCase();
    return conditions(s).some(
        (c) => /^(ForAnyValue:)?(StringEquals|StringLike)$/.test(c.operator) && c.key === key && c.values.length > 0 && c.values.every((v) => typeof v === "string" && !/^[*?]+$/.test(v.trim())),
    );
}

const hasPositiveCondition = (s: Statement) =>
    conditions(s).some((c) => !/IfExists$|^ForAllValues:|Not/.test(c.operator) && c.values.length > 0);

export const iamTrustPolicyRestricted = resourceRule({
    name: "iam-trust-policy-restricted",
    description:
        "No role's trust policy lets anyone (`*`, `AWS: \"*\"`, NotPrincipal) assume it without a condition that pins the caller, lets any identity of an OIDC issuer (GitHub Actions, Vercel, Cognito) in without pinning the token's subject, or lets another account's root assume it without any condition.",
    severity: "critical",
    category: "security",
    remediation:
        "Trust the service principal, OIDC provider or role ARN that assumes the role; for an OIDC provider, pin `<issuer>:sub` (`repo:<org>/<repo>:ref:refs/heads/main` for GitHub Actions); for another account, name its role ARN or add a condition (sts:ExternalId, aws:PrincipalArn, aws:PrincipalOrgID). Pin the stack's own account with `service:aws.accountId` (allowedAccountIds) or list it in this rule's `trustedAccountIds`.",
    types: [TYPES.role],
    config: {
        /** Accounts whose root may be trusted without a condition, besides the provider's allowedAccountIds. */
        trustedAccountIds: z.array(z.string().regex(/^\d{12}$/)).default([]),
    },
    validate(resource, config, report, args) {
        const role = inputsOf(resource, TYPES.role)!;
        const statements = policyStatements(role.assumeRolePolicy) ?? [];
        const own = new Set([...ownAccounts(args), ...config.trustedAccountIds]);
        statements.forEach((s, i) => {
            if (s.Effect !== "Allow") return;
            if ((principalIsEveryone(s.Principal) || s.NotPrincipal !== undefined) && !conditions(s).some(restricts)) {
                report(`${resource.name}: trust ${label(s, i)} lets ${s.NotPrincipal !== undefined ? "everyone but the NotPrincipal" : "any principal"} assume the role with no condition that pins the caller.`);
                return;
            }
            const principal = s.Principal;
            const federated = principal && typeof principal === "object" && !Array.isArray(principal) ? strings(principal.Federated) : [];
            for (const issuer of federated.map(webIdentityIssuer).filter((x): x is string => x !== undefined)) {
                if (!pinsSubject(s, issuer)) {
                    const key = issuer === COGNITO ? `${COGNITO}:aud` : `${issuer}:sub`;
                    report(`${resource.name}: trust ${label(s, i)} lets any identity of ${issuer} assume the role: it pins no ${key} (StringEquals or StringLike, not a bare wildcard).`);
                }
            }
            const awsPrincipals = principal && typeof principal === "object" && !Array.isArray(principal) ? strings(principal.AWS) : [];
            for (const p of awsPrincipals) {
                const m = ACCOUNT_ROOT.exec(p.trim());
                const account = m?.[1] ?? m?.[2];
                if (account === undefined || own.has(account) || hasPositiveCondition(s)) continue;
                const why = own.size === 0 ? "this stack's account is not pinned (allowedAccountIds), so it may be another's" : "not this stack's account";
                report(`${resource.name}: trust ${label(s, i)} lets every principal of account ${account} (${why}) assume the role with no condition.`);
            }
        });
    },
});

// ── Inline lists beside attachment resources ──────────────────────────────────────────────────────────────

/** How attachment resources name a role: by name (usually), ARN or id. */
const ROLE_IDS = ["name", "arn", "id"];

const notMixedDoc = {
    name: "iam-role-policies-not-mixed",
    description: "No role lists managed policies (`managedPolicyArns`) or inline policies (`inlinePolicies`) on itself while attachment or role-policy resources also target it, since each side then removes what the other adds.",
    severity: "high" as const,
    category: "security" as const,
    remediation:
        "Declare a role's policies one way: drop `managedPolicyArns`/`inlinePolicies` (deprecated in @pulumi/aws 7) and use `aws.iam.RolePolicyAttachment` and `aws.iam.RolePolicy` resources, as the template's components do; add `aws.iam.RolePolicyAttachmentsExclusive` if the stack must own the whole set.",
};

/**
 * The lists each role's program declared. Only the inputs tell: after apply the provider's Read fills a role's
 * `managedPolicyArns` with every attached policy and `inlinePolicies` with every role policy, its attachment
 * and RolePolicy resources' included (terraform-provider-aws internal/service/iam/role.go, resourceRoleRead;
 * @pulumi/aws 7 types both outputs as non-optional arrays).
 */
const declaredRoleLists = new DeclaredLists<"managedPolicyArns" | "inlinePolicies">();

export const iamRolePoliciesNotMixed = resourceAndStackRule(
    resourceRule({
        ...notMixedDoc,
        types: [TYPES.role],
        validate(resource) {
            declaredRoleLists.note(resource.urn, listsIn(resource.props, ["managedPolicyArns", "inlinePolicies"]));
        },
    }),
    stackRule({
        ...notMixedDoc,
        validate(resources, _config, report) {
            const roles = resources.filter((r) => r.type === TYPES.role);
            if (roles.length === 0) return;
            const attachments = resources.filter((r) => r.type === TYPES.rolePolicyAttachment || r.type === TYPES.policyAttachment || r.type === TYPES.rolePolicyAttachmentsExclusive);
            const rolePolicies = resources.filter((r) => r.type === TYPES.rolePolicy || r.type === TYPES.rolePoliciesExclusive);
            for (const role of roles) {
                const asRule = ruleResource(role);
                const declared = declaredRoleLists.of(role.urn);
                if (declared.includes("managedPolicyArns")) {
                    for (const a of attachments) {
                        const prop: InputName<typeof TYPES.policyAttachment> | InputName<typeof TYPES.rolePolicyAttachmentsExclusive> | InputName<typeof TYPES.rolePolicyAttachment> =
                            a.type === TYPES.policyAttachment ? "roles" : a.type === TYPES.rolePolicyAttachmentsExclusive ? "roleName" : "role";
                        if (refersTo(a, prop, role, ROLE_IDS)) report(`${role.name} lists managedPolicyArns while ${a.name} (${a.type.split(":").pop()}) also attaches policies to it; each apply undoes the other.`, asRule);
                    }
                }
                if (declared.includes("inlinePolicies")) {
                    for (const p of rolePolicies) {
                        const prop: InputName<typeof TYPES.rolePoliciesExclusive> | InputName<typeof TYPES.rolePolicy> = p.type === TYPES.rolePoliciesExclusive ? "roleName" : "role";
                        if (refersTo(p, prop, role, ROLE_IDS)) {
                            report(`${role.name} lists inlinePolicies while ${p.name} (${p.type.split(":").pop()}) also manages its inline policies; each apply undoes the other.`, asRule);
                        }
                    }
                }
            }
        },
    }),
);

// ── Roles the app assumes through Vercel OIDC ──────────────────────────────────────────────────────────────────

const VERCEL_ISSUER = /oidc\.vercel\.com(\/[^:/\s]+)?$/;
const SUBJECT = /^owner:([^:]+):project:([^:]+):environment:([^:]+)$/;

/** The issuer (`oidc.vercel.com/<team>`) a trust statement federates to, when it is Vercel's. */
function vercelIssuer(s: Statement): string | undefined {
    if (s.Effect !== "Allow" || !s.Principal || typeof s.Principal !== "object") return undefined;
    for (const f of asArray<unknown>((s.Principal as Record<string, unknown>).Federated)) {
        const issuer = typeof f === "string" ? f.replace(/^arn:[^:]+:iam::\d*:oidc-provider\//, "") : "";
        if (VERCEL_ISSUER.test(issuer)) return issuer;
    }
    return undefined;
}

/** Problems of one trust statement federated to Vercel. */
function trustProblems(s: Statement, issuer: string, allowed: readonly string[]): string[] {
    const problems: string[] = [];
    const pinning = conditions(s).filter((c) => /^(ForAnyValue:)?(StringEquals|StringLike)$/.test(c.operator));
    const subs = pinning.filter((c) => c.key === `${issuer.toLowerCase()}:sub`).flatMap((c) => c.values);
    if (subs.length === 0) problems.push(`does not pin the token subject (${issuer}:sub) with StringEquals or StringLike, so any project of the team may assume it`);
    for (const sub of subs) {
        const m = typeof sub === "string" ? SUBJECT.exec(sub) : null;
        if (!m) {
            problems.push(`admits subject ${JSON.stringify(sub)}, which does not name owner, project and environment`);
            continue;
        }
        const [, owner, project, environment] = m;
        if (/[*?]/.test(owner) || /[*?]/.test(project)) problems.push(`admits subject ${JSON.stringify(sub)}, whose team or project is a wildcard`);
        if (/[*?]/.test(environment) || !allowed.includes(environment)) {
            problems.push(`admits the ${JSON.stringify(environment)} environment; this stack allows only ${allowed.join(", ")}`);
        }
    }
    const audiences = conditions(s).filter((c) => c.key === `${issuer.toLowerCase()}:aud`).flatMap((c) => c.values);
    if (audiences.some((a) => typeof a !== "string" || a.includes("*"))) problems.push("admits a wildcard audience");
    return problems;
}

/** Why a permissions document attached to the app's role is broader than one bucket's objects. */
function broadGrants(doc: unknown): string[] {
    const out: string[] = [];
    for (const s of policyStatements(doc) ?? []) {
        if (s.Effect !== "Allow") continue;
        const actions = strings(s.Action);
        if (s.NotAction !== undefined) out.push("uses NotAction, which grants every other action");
        for (const a of actions) if (a === "*" || a.toLowerCase() === "s3:*") out.push(`grants ${a}`);
        if (s.NotResource !== undefined) out.push("uses NotResource, which covers every other resource");
        for (const r of strings(s.Resource)) if (r === "*" || /^arn:[^:]+:s3:::\*$/.test(r)) out.push(`applies to Resource ${JSON.stringify(r)}`);
    }
    return out;
}

const AWS_MANAGED_POLICY = /^arn:[^:]+:iam::aws:policy\//;

const oidcDoc = {
    name: "iam-oidc-role-scoped",
    description:
        "A role assumed through Vercel OIDC trusts one team, one project and only this stack's Vercel environments, with no wildcard audience and no other statement admitting anyone else, and its permissions name specific S3 actions on specific resources.",
    severity: "critical" as const,
    category: "security" as const,
    remediation:
        "Use the role of components/storage.ts: its trust policy pins `owner:<service:vercel.teamSlug>:project:<project>:environment:<env>` for each of `service:storage.oidcEnvironments`; keep the prod stack to production, and grant object actions on the bucket's ARN rather than s3:* or Resource \"*\".",
    config: {
        /**
         * Vercel environments this stack's roles may trust: standard ones, or the name of the stack's custom environment
         * (1-32 lower-case letters, digits and hyphens: terraform-provider-vercel vercel/resource_custom_environment.go).
         */
        allowedEnvironments: z.array(z.union([z.enum(VERCEL_TARGETS), z.string().regex(/^[a-z0-9-]{1,32}$/)])).min(1).default([...VERCEL_TARGETS]),
    },
};

/** The statements of a trust policy federated to Vercel, with their issuers (empty for every other role). */
const vercelIssuers = (statements: Statement[]) =>
    statements.flatMap((s) => {
        const issuer = vercelIssuer(s);
        return issuer ? [{ statement: s, issuer }] : [];
    });

export const iamOidcRoleScoped = resourceAndStackRule(
    resourceRule({
        ...oidcDoc,
        types: [TYPES.role, TYPES.openIdConnectProvider],
        validate(resource, config, report) {
            const p = resource.props;
            if (resource.type === TYPES.openIdConnectProvider) {
                if (typeof p.url === "string" && VERCEL_ISSUER.test(p.url.replace(/\/$/, "")) && asArray<unknown>(p.clientIdLists).some((c) => typeof c !== "string" || c.includes("*"))) {
                    report(`${resource.name} accepts a wildcard audience for Vercel tokens.`);
                }
                return;
            }
            const statements = policyStatements(p.assumeRolePolicy) ?? [];
            const trusted = vercelIssuers(statements);
            if (trusted.length === 0) return;
            for (const { statement, issuer } of trusted) {
                for (const problem of trustProblems(statement, issuer, config.allowedEnvironments)) report(`${resource.name} ${problem}.`);
            }
            // The app's role is for the app alone: any other way in bypasses the team, project and environment pins.
            statements.forEach((s, i) => {
                if (s.Effect !== "Allow" || trusted.some((t) => t.statement === s)) return;
                report(`${resource.name} is assumed through Vercel OIDC, but its trust ${label(s, i)} also admits ${JSON.stringify(s.Principal ?? "everyone but the NotPrincipal")}; the pinned Vercel federation must be its only way in.`);
            });
            for (const inline of asArray(inputsOf(resource, TYPES.role)?.inlinePolicies)) {
                for (const problem of broadGrants(inline?.policy)) report(`${resource.name}'s inline policy ${inline?.name ?? ""} ${problem}.`);
            }
            for (const arn of asArray<unknown>(p.managedPolicyArns)) {
                if (typeof arn === "string" && AWS_MANAGED_POLICY.test(arn)) report(`${resource.name} attaches AWS managed policy ${arn}, which grants on every resource.`);
            }
        },
    }),
    stackRule({
        ...oidcDoc,
        validate(resources, _config, report) {
            const roles = resources.filter((r) => r.type === TYPES.role && vercelIssuers(policyStatements(r.props.assumeRolePolicy) ?? []).length > 0);
            if (roles.length === 0) return;
            // Roles are linked by name (known before creation); attached managed policies by ARN, read only when needed.
            const names = new Set(roles.map((r) => r.props.name));
            let managed: Map<unknown, PolicyResource> | undefined;
            for (const r of resources) {
                if (r.type === TYPES.rolePolicy && names.has(r.props.role)) {
                    for (const problem of broadGrants(r.props.policy)) report(`Role ${r.props.role}'s policy ${r.name} ${problem}.`, ruleResource(r));
                }
                const attachedTo = r.type === TYPES.rolePolicyAttachment ? [r.props.role] : r.type === TYPES.policyAttachment ? asArray<unknown>(r.props.roles) : [];
                const role = attachedTo.find((name) => names.has(name));
                if (role === undefined) continue;
                const arn = r.props.policyArn;
                if (typeof arn === "string" && AWS_MANAGED_POLICY.test(arn)) {
                    report(`Role ${role} has AWS managed policy ${arn} attached, which grants on every resource.`, ruleResource(r));
                    continue;
                }
                managed ??= new Map(resources.filter((x) => x.type === TYPES.policy).map((x) => [x.props.arn, x]));
                const policy = managed.get(arn);
                for (const problem of broadGrants(policy?.props.policy)) report(`Role ${role}'s attached policy ${policy!.name} ${problem}.`, ruleResource(r));
            }
        },
    }),
);

export const iamRules: Rule[] = [
    iamNoAdminAccess,
    iamNoWildcardActions,
    iamNoPrivilegeEscalation,
    iamNoCredentialsExposure,
    iamNoDataExfiltration,
    iamNoPermissionsManagement,
    iamTrustPolicyRestricted,
    iamRolePoliciesNotMixed,
    iamOidcRoleScoped,
];
