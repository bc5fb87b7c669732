/**
 * terraform-provider-aws's validation of IAM roles, role policies, policy attachments and OIDC providers.
 * Each source names the copy of terraform-provider-aws read (see ./common.ts for the bridged release).
 */
import { between, conflictsWith, doesNotMatch, field, lengthBetween, matches, object, openIDURL, Validator } from "../validator";
import type { TypeCoverage } from "../types";
import { iamName, validIAMPolicyJSON, verifyValidate, iamValidate, OIDC, oidc, role, ROLE, ROLE_POLICY, rolePolicy, TF_AWS, validARN } from "./common";
import * as names from "../../../contracts/awsNames";
import { nameValidators } from "./names";
import { TYPES } from "../../../contracts/tokens";
const rolePolicyAttachment = `${TF_AWS} internal/service/iam/role_policy_attachment.go v6 (resource identity on role and policy_arn; stored copy, commit not shown)`;
export const ROLE_POLICY_ATTACHMENT = TYPES.rolePolicyAttachment;

export const validators: Validator[] = [
    // aws_iam_role: v4 took assume_role_policy as StringIsJSON; the v6 line validates it as a policy document.
    field(ROLE, "assumeRolePolicy", role, validIAMPolicyJSON),
    field(ROLE, "maxSessionDuration", role, between(3600, 43200, "IntBetween(3600, 43200)")),
    field(ROLE, "description", role, lengthBetween(0, 1000, "StringLenBetween(0, 1000)")),
    field(ROLE, "description", role, doesNotMatch(/[“‘]/, "cannot contain specially formatted single or double quotes: [“‘]")),
    field(ROLE, "path", role, lengthBetween(0, 512, "StringLenBetween(0, 512)")),
    object(ROLE, "", role, conflictsWith("name", "namePrefix")),
    field(ROLE, "inlinePolicies[].policy", role, validIAMPolicyJSON),

    // aws_iam_role, aws_iam_role_policy
    ...nameValidators(ROLE, "name", names.IAM_ROLE_NAME),
    ...iamName(38).map((t) => field(ROLE, "namePrefix", role, t)),
    field(ROLE, "permissionsBoundary", role, validARN),
    field(ROLE, "managedPolicyArns[]", role, validARN),
    field(ROLE, "inlinePolicies[].name", role, lengthBetween(1, 128, "All(StringIsNotEmpty, validRolePolicyName): 1 to 128")),
    field(ROLE, "inlinePolicies[].name", role, matches(/^[\w+=,.@-]*$/, "must match [\\w+=,.@-]")),
    ...iamName(128).map((t) => field(ROLE_POLICY, "name", iamValidate, t)),
    ...iamName(102).map((t) => field(ROLE_POLICY, "namePrefix", rolePolicy, t)),
    object(ROLE_POLICY, "", rolePolicy, conflictsWith("name", "namePrefix")),
    // v5's ValidIAMPolicyJSON(10240) took a size limit; the v6 line's takes none.
    field(ROLE_POLICY, "policy", rolePolicy, validIAMPolicyJSON),
    field(ROLE_POLICY, "role", iamValidate, lengthBetween(1, 128, "validRolePolicyRole: StringLenBetween(1, 128)")),
    field(ROLE_POLICY, "role", iamValidate, matches(/[\w+=,.@-]+/, "must contain at least one of [\\w+=,.@-]")),
    field(ROLE_POLICY, "role", iamValidate, {
        rule: "validRolePolicyRole: not an ARN",
        test: (v) => (typeof v === "string" && v.startsWith("arn:") && validARN.test(v) === undefined ? "must be the role's name not its ARN" : undefined),
    }),

    // aws_iam_openid_connect_provider
    field(OIDC, "url", iamValidate, openIDURL),
    field(OIDC, "thumbprintLists[]", oidc, lengthBetween(40, 40, "StringLenBetween(40, 40)")),
    field(OIDC, "clientIdLists[]", oidc, lengthBetween(1, 255, "StringLenBetween(1, 255)")),

    // aws_iam_role_policy_attachment
    field(ROLE_POLICY_ATTACHMENT, "policyArn", rolePolicyAttachment, validARN),
];

export const coverage: Record<string, TypeCoverage> = {
    [TYPES.role]: {
        source: `${role}; validResourceName in internal/service/iam/validate.go v5 @044fb317; ValidIAMPolicyJSON in ${verifyValidate}`,
        attributes: [
            { path: "assumeRolePolicy", declared: "ValidIAMPolicyJSON" },
            { path: "description", declared: "All(StringLenBetween(0, 1000), StringDoesNotMatch([“‘]), StringMatch([\\p{L}\\p{M}\\p{Z}\\p{S}\\p{N}\\p{P}]*))" },
            { path: "inlinePolicies[].name", declared: "All(StringIsNotEmpty, validRolePolicyName)" },
            { path: "inlinePolicies[].policy", declared: "ValidIAMPolicyJSON" },
            { path: "managedPolicyArns[]", declared: "ValidARN" },
            { path: "maxSessionDuration", declared: "IntBetween(3600, 43200)" },
            { path: "name", declared: "validResourceName(64), ConflictsWith(name_prefix)" },
            { path: "namePrefix", declared: "validResourceName(38), ConflictsWith(name)" },
            { path: "path", declared: "StringLenBetween(0, 512)" },
            { path: "permissionsBoundary", declared: "ValidARN" },
        ],
    },
    [TYPES.rolePolicy]: {
        source: `${rolePolicy}; validRolePolicyName and validRolePolicyRole in internal/service/iam/validate.go v5 @044fb317; ValidIAMPolicyJSON in ${verifyValidate}`,
        attributes: [
            { path: "name", declared: "validRolePolicyName = validResourceName(128), ConflictsWith(name_prefix)" },
            { path: "namePrefix", declared: "validResourceName(102), ConflictsWith(name)" },
            { path: "policy", declared: "ValidIAMPolicyJSON" },
            { path: "role", declared: "validRolePolicyRole" },
        ],
    },
    [TYPES.openIdConnectProvider]: {
        source: `${TF_AWS} internal/service/iam/openid_connect_provider.go v6 @01606926; validOpenIDURL in internal/service/iam/validate.go v5 @044fb317`,
        attributes: [
            { path: "clientIdLists[]", declared: "StringLenBetween(1, 255)" },
            { path: "thumbprintLists[]", declared: "StringLenBetween(40, 40)" },
            { path: "url", declared: "validOpenIDURL = All(IsURLWithHTTPS, no query parameters)" },
        ],
    },
    [ROLE_POLICY_ATTACHMENT]: {
        source: rolePolicyAttachment,
        attributes: [{ path: "policyArn", declared: "ValidARN" }],
    },
};
