/**
 * The AWS provider's own configuration schema (`pulumi:providers:aws`): what the bridged provider's schema
 * validators refuse in a provider's inputs. Most of its checks run in Configure, against credentials and the
 * network, which the offline check does not have; each such row says so.
 */
import { conflictsWith, exactlyOneOf, field, isJSON, lengthBetween, object, relation, ValueTest, Validator } from "../validator";
import { isSet, isUnknownAt, plain } from "../values";
import type { TypeCoverage } from "../types";
import { TF_AWS, validARN } from "./common";

export const PROVIDER = "pulumi:providers:aws";

// The SDKv2 half of the muxed provider (NewProvider in internal/provider/sdkv2, the v6 line: tag_policy_compliance,
// `any`); its schema "must match exactly" the plugin-framework half's.
const provider = `${TF_AWS} internal/provider/sdkv2/provider.go v6 (NewProvider schema, assumeRoleSchema, assumeRoleWithWebIdentitySchema and configure; stored copy, commit not shown; validAssumeRoleDuration, validAssumeRoleSessionName and validAssumeRoleSourceIdentity from the same package's validate.go)`;
const CONFIGURE = "checked in configure (conns.Config.ConfigureProvider), which also resolves credentials and calls STS; the offline check has neither";

const NANOSECONDS: Record<string, number> = { ns: 1, us: 1e3, "µs": 1e3, "μs": 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Go's time.ParseDuration, in nanoseconds, or undefined when it refuses the text. */
export function parseGoDuration(text: string): number | undefined {
    if (text === "0" || text === "+0" || text === "-0") return 0;
    const m = /^([-+]?)((?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/.exec(text);
    if (!m) return undefined;
    let total = 0;
    for (const part of m[2].matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) total += Number(part[1]) * NANOSECONDS[part[2]];
    return m[1] === "-" ? -total : total;
}

/** validAssumeRoleDuration: a Go duration from 15 minutes to 12 hours, inclusive. */
export const assumeRoleDuration: ValueTest = {
    rule: "validAssumeRoleDuration",
    test: (v) => {
        if (typeof v !== "string") return undefined;
        const ns = parseGoDuration(v);
        if (ns === undefined) return 'cannot be parsed as a duration; expected e.g. "15m", "1h30m"';
        return ns < 15 * 60e9 || ns > 12 * 3600e9 ? "must be between 15 minutes (15m) and 12 hours (12h), inclusive" : undefined;
    },
};

// validAssumeRoleSessionName and validAssumeRoleSourceIdentity: 2 to 64 characters (their pattern, unanchored
// [\w+=,.@\-]*, matches any text).
const sessionText = lengthBetween(2, 64, "StringLenBetween(2, 64)");

const assumeRoleValidators = (block: string): Validator[] => [
    field(PROVIDER, `${block}.duration`, provider, assumeRoleDuration),
    field(PROVIDER, `${block}.policy`, provider, isJSON),
    field(PROVIDER, `${block}.policyArns[]`, provider, validARN),
    field(PROVIDER, `${block}.roleArn`, provider, validARN),
    field(PROVIDER, `${block}.sessionName`, provider, sessionText),
];

export const validators: Validator[] = [
    object(PROVIDER, "", provider, conflictsWith("allowedAccountIds", "forbiddenAccountIds")),
    ...assumeRoleValidators("assumeRoles[]"),
    field(PROVIDER, "assumeRoles[].externalId", provider, lengthBetween(2, 1224, "StringLenBetween(2, 1224)")),
    field(PROVIDER, "assumeRoles[].sourceIdentity", provider, sessionText),
    // configure's expandAssumeRoles: with several assume_role blocks each needs role_arn (one empty block only warns).
    object(
        PROVIDER,
        "",
        provider,
        relation("configure expandAssumeRoles(assumeRoles): role_arn required in each of several blocks", (o, at) => {
            if (isUnknownAt(o.value, "assumeRoles")) return [];
            const roles = plain((o.value as Record<string, unknown>).assumeRoles);
            if (!Array.isArray(roles) || roles.length < 2) return [];
            const missing = roles.findIndex((r) => !r || typeof r !== "object" || (!isUnknownAt(r, "roleArn") && (!isSet(r, "roleArn") || plain((r as Record<string, unknown>).roleArn) === "")));
            return missing < 0 ? [] : [{ property: `${at("assumeRoles")}[${missing}].roleArn`, message: `${at("assumeRoles")}[${missing}].roleArn is required` }];
        }),
    ),
    ...assumeRoleValidators("assumeRoleWithWebIdentity"),
    field(PROVIDER, "assumeRoleWithWebIdentity.webIdentityToken", provider, lengthBetween(4, 20000, "StringLenBetween(4, 20000)")),
    object(PROVIDER, "assumeRoleWithWebIdentity", provider, exactlyOneOf("webIdentityToken", "webIdentityTokenFile")),
];

export const coverage: Record<string, TypeCoverage> = {
    [PROVIDER]: {
        source: provider,
        attributes: [
            { path: "allowedAccountIds", declared: "ConflictsWith(forbidden_account_ids)" },
            { path: "forbiddenAccountIds", declared: "ConflictsWith(allowed_account_ids)" },
            {
                path: "allowedAccountIds (the account in use)",
                declared: "configure: the caller's account must be allowed and not forbidden",
                exception: `${CONFIGURE}: the account is the one the credentials belong to`,
            },
            { path: "assumeRoles", declared: "configure expandAssumeRoles: role_arn required in each of several blocks (one empty block only warns)" },
            { path: "assumeRoles[].duration", declared: "validAssumeRoleDuration (time.ParseDuration, 15m to 12h inclusive)" },
            { path: "assumeRoles[].externalId", declared: "All(StringLenBetween(2, 1224), StringMatch([\\w+=,.@:\\/\\-]*))" },
            { path: "assumeRoles[].policy", declared: "StringIsJSON" },
            { path: "assumeRoles[].policyArns[]", declared: "ValidARN" },
            { path: "assumeRoles[].roleArn", declared: "ValidARN" },
            { path: "assumeRoles[].sessionName", declared: "validAssumeRoleSessionName = All(StringLenBetween(2, 64), StringMatch([\\w+=,.@\\-]*))" },
            { path: "assumeRoles[].sourceIdentity", declared: "validAssumeRoleSourceIdentity = All(StringLenBetween(2, 64), StringMatch([\\w+=,.@\\-]*))" },
            { path: "assumeRoleWithWebIdentity", declared: "MaxItems 1", shape: true },
            { path: "assumeRoleWithWebIdentity.duration", declared: "validAssumeRoleDuration" },
            { path: "assumeRoleWithWebIdentity.policy", declared: "StringIsJSON" },
            { path: "assumeRoleWithWebIdentity.policyArns[]", declared: "ValidARN" },
            { path: "assumeRoleWithWebIdentity.roleArn", declared: "ValidARN" },
            { path: "assumeRoleWithWebIdentity.sessionName", declared: "validAssumeRoleSessionName" },
            { path: "assumeRoleWithWebIdentity.webIdentityToken", declared: "StringLenBetween(4, 20000), ExactlyOneOf(web_identity_token, web_identity_token_file)" },
            { path: "assumeRoleWithWebIdentity.webIdentityTokenFile", declared: "ExactlyOneOf(web_identity_token, web_identity_token_file)" },
            { path: "defaultTags", declared: "MaxItems 1", shape: true },
            { path: "ignoreTags", declared: "MaxItems 1", shape: true },
            { path: "region", declared: "no schema validator; configure validates the name unless skip_region_validation", exception: CONFIGURE },
            { path: "retryMode", declared: "configure: aws.ParseRetryMode", exception: `${CONFIGURE}; aws.ParseRetryMode (aws-sdk-go-v2) was not read` },
            { path: "s3UsEast1RegionalEndpoint", declared: "configure: NormalizeS3USEast1RegionalEndpoint, a warning for legacy", exception: `${CONFIGURE}; legacy only warns` },
            { path: "skipMetadataApiCheck", declared: "nullable.ValidateTypeStringNullableBool", shape: true },
            { path: "tagPolicyCompliance", declared: "configure: expandTagPolicyConfig", exception: `${CONFIGURE}; expandTagPolicyConfig was not read` },
        ],
    },
};
