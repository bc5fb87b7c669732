/**
 * terraform-provider-aws's validation of Secrets Manager secrets and secret versions.
 * Each source names the copy of terraform-provider-aws read (see ./common.ts for the bridged release).
 */
import { conflictsWith, field, isJSON, lengthBetween, object, requiredWith, Validator } from "../validator";
import type { TypeCoverage } from "../types";
import { read, secret, SECRET, secretValidate, src, TF_AWS } from "./common";
import * as names from "../../../contracts/awsNames";
import { nameValidators } from "./names";
import { TYPES } from "../../../contracts/tokens";
const secretVersion = read("internal/service/secretsmanager/secret_version.go", "v6", "0042e8ea");
export const SECRET_VERSION = TYPES.secretVersion;

/** verify.ValidBase64String: the value decodes as standard, padded base64 (Go's base64.StdEncoding.DecodeString). */
export const validBase64 = {
    rule: "ValidBase64String",
    test: (v: unknown) => {
        if (typeof v !== "string") return undefined;
        // The decoder skips carriage returns and newlines.
        const s = v.replace(/[\r\n]/g, "");
        return s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s) ? undefined : "is not a base64 string";
    },
};

export const validators: Validator[] = [
    // aws_secretsmanager_secret
    field(SECRET, "recoveryWindowInDays", src("secretsmanager/secret.go", "v5"), {
        rule: "Any(IntBetween(7, 30), IntInSlice([0]))",
        test: (v) => (typeof v !== "number" || v === 0 || (v >= 7 && v <= 30) ? undefined : "is out of range; expected 0 (delete without recovery) or 7 to 30"),
    }),
    object(SECRET, "", src("secretsmanager/secret.go", "v5"), conflictsWith("name", "namePrefix")),

    // aws_secretsmanager_secret
    ...nameValidators(SECRET, "name", names.SECRET_NAME),
    ...nameValidators(SECRET, "namePrefix", [names.SECRET_NAME_CHARACTERS]),
    field(SECRET, "namePrefix", secretValidate, lengthBetween(0, 486, "validSecretNamePrefix: at most 512 - UniqueIDSuffixLength = 486")),
    field(SECRET, "policy", secret, isJSON),

    // aws_secretsmanager_secret_version
    field(SECRET_VERSION, "secretBinary", secretVersion, validBase64),
    object(SECRET_VERSION, "", secretVersion, conflictsWith("secretBinary", "secretString", "secretStringWo")),
    object(SECRET_VERSION, "", secretVersion, conflictsWith("secretString", "secretStringWo")),
    object(SECRET_VERSION, "", secretVersion, requiredWith("secretStringWo", "secretStringWoVersion")),
    object(SECRET_VERSION, "", secretVersion, requiredWith("secretStringWoVersion", "secretStringWo")),
];

export const coverage: Record<string, TypeCoverage> = {
    [TYPES.secret]: {
        source: `${TF_AWS} internal/service/secretsmanager/secret.go v5 @00c21ced (a later v5 copy re-read has the same rules; no v6 copy was found); validSecretName(Prefix) in internal/service/secretsmanager/validate.go v6 @0413c661`,
        attributes: [
            { path: "name", declared: "validSecretName, ConflictsWith(name_prefix)" },
            { path: "namePrefix", declared: "validSecretNamePrefix, ConflictsWith(name)" },
            { path: "policy", declared: "StringIsJSON" },
            { path: "recoveryWindowInDays", declared: "Any(IntBetween(7, 30), IntInSlice([0]))" },
        ],
    },
    [SECRET_VERSION]: {
        source: `${secretVersion} (resource identity on secret_id and version_id)`,
        attributes: [
            { path: "secretBinary", declared: "ValidBase64String, ConflictsWith(secret_string, secret_string_wo)" },
            { path: "secretString", declared: "ConflictsWith(secret_binary, secret_string_wo)" },
            { path: "secretStringWo", declared: "ConflictsWith(secret_binary, secret_string), RequiredWith(secret_string_wo_version)" },
            { path: "secretStringWoVersion", declared: "RequiredWith(secret_string_wo)" },
        ],
    },
};
