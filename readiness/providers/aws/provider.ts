/**
 * The AWS provider's own configuration schema (`pulumi:providers:aws`): what the bridged provider's schema
 * validators refuse in a provider's inputs. Most of its checks run in Configure, against credentials and the
 * network, which the offline check does not have; each such row says so.
 */
import { conflictsWith, object, Validator } from "../validator";
import type { TypeCoverage } from "../types";
import { TF_AWS } from "./common";

export const PROVIDER = "pulumi:providers:aws";

// The SDKv2 half of the muxed provider (NewProvider in internal/provider/sdkv2, the v6 line: tag_policy_compliance,
// `any`); its schema "must match exactly" the plugin-framework half's.
const provider = `${TF_AWS} internal/provider/sdkv2/provider.go v6 (NewProvider schema and configure; stored copy, commit not shown)`;
const CONFIGURE = "checked in configure (conns.Config.ConfigureProvider), which also resolves credentials and calls STS; the offline check has neither";

export const validators: Validator[] = [object(PROVIDER, "", provider, conflictsWith("allowedAccountIds", "forbiddenAccountIds"))];

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
            {
                path: "assumeRoles",
                declared: "assumeRoleSchema() (role_arn, duration, session_name, policy...); configure: role_arn required",
                exception: "assumeRoleSchema() is defined outside the part of provider.go read, so its validators are not known here",
            },
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
