/**
 * terraform-provider-aws's validation of KMS keys and aliases.
 * Each source names the copy of terraform-provider-aws read (see ./common.ts for the bridged release).
 */
import { between, conflictsWith, field, lengthBetween, object, requiredWith, Validator } from "../validator";
import type { TypeCoverage } from "../types";
import { ALIAS, KEY, kmsKey, kmsKeyV6, read, sdkEnum, TF_AWS } from "./common";
import * as names from "../../../contracts/awsNames";
import { nameValidators } from "./names";
import { TYPES } from "../../../contracts/tokens";

export const validators: Validator[] = [
    // aws_kms_key, aws_kms_alias
    field(KEY, "deletionWindowInDays", kmsKey, between(7, 30, "IntBetween(7, 30)")),
    field(KEY, "description", kmsKey, lengthBetween(0, 8192, "StringLenBetween(0, 8192)")),
    field(KEY, "rotationPeriodInDays", kmsKey, between(90, 2560, "IntBetween(90, 2560)")),
    object(KEY, "", kmsKey, requiredWith("rotationPeriodInDays", "enableKeyRotation")),
    field(KEY, "customKeyStoreId", kmsKey, lengthBetween(1, 22, "StringLenBetween(1, 22)")),
    field(KEY, "xksKeyId", kmsKey, lengthBetween(1, 128, "StringLenBetween(1, 128)")),
    object(KEY, "", kmsKey, requiredWith("xksKeyId", "customKeyStoreId")),
    field(KEY, "customerMasterKeySpec", kmsKeyV6, sdkEnum("kms.KeySpec")),
    field(KEY, "keyUsage", kmsKeyV6, sdkEnum("kms.KeyUsageType")),
    // validNameForResource: v4 refused any "alias/aws..." and allowed ':'; from v5 only the AWS-managed prefix
    // "alias/aws/" is reserved (so "alias/awsome-app" is valid) and the characters are [0-9A-Za-z_/-].
    ...nameValidators(ALIAS, "name", names.KMS_ALIAS_NAME),
    // alias.go validates name_prefix with the same function, and the two conflict.
    ...nameValidators(ALIAS, "namePrefix", [names.KMS_ALIAS_RESERVED, names.KMS_ALIAS_CHARACTERS]),
    object(ALIAS, "", read("internal/service/kms/alias.go", "v5", "01c08000"), conflictsWith("name", "namePrefix")),

];

export const coverage: Record<string, TypeCoverage> = {
    [TYPES.kmsKey]: {
        source: `${TF_AWS} internal/service/kms/key.go v6 @00a35305 (resourceKey schema)`,
        attributes: [
            { path: "customKeyStoreId", declared: "StringLenBetween(1, 22)" },
            { path: "customerMasterKeySpec", declared: "enum.Validate[awstypes.KeySpec]()" },
            { path: "deletionWindowInDays", declared: "IntBetween(7, 30)" },
            { path: "description", declared: "StringLenBetween(0, 8192)" },
            { path: "keyUsage", declared: "enum.Validate[awstypes.KeyUsageType]()" },
            {
                path: "policy",
                declared: "sdkv2.IAMPolicyDocumentSchemaOptionalComputed()",
                exception: "the validator sits in the shared helper internal/sdkv2, which was not read, so which checks it makes (JSON, size) is not known here",
            },
            { path: "rotationPeriodInDays", declared: "IntBetween(90, 2560), RequiredWith(enable_key_rotation)" },
            { path: "xksKeyId", declared: "StringLenBetween(1, 128), RequiredWith(custom_key_store_id)" },
        ],
    },
    [TYPES.kmsAlias]: {
        source: `${TF_AWS} internal/service/kms/alias.go v5 @01c08000 (a later v5 copy, aws-sdk-go-v2, re-read: the same rules; no v6 copy was found); validNameForResource in internal/service/kms/validate.go v5 (cmkAliasPrefix "alias/aws/")`,
        attributes: [
            { path: "name", declared: "validNameForResource, ConflictsWith(name_prefix)" },
            { path: "namePrefix", declared: "validNameForResource, ConflictsWith(name)" },
        ],
    },
};
