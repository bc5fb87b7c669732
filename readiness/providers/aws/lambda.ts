/**
 * terraform-provider-aws's validation of Lambda functions and invocations.
 * Each source names the copy of terraform-provider-aws read (see ./common.ts for the bridged release).
 */
import { atLeast, between, conflictsWith, exactlyOneOf, field, isJSON, lengthBetween, matches, object, relation, requiredWith, sizeBetween, stringInSlice, Validator } from "../validator";
import type { TypeCoverage } from "../types";
import { isSet, isUnknownAt, plain } from "../values";
import { read, sdkEnum, TF_AWS, validARN } from "./common";
import { TYPES } from "../../../contracts/tokens";

export const FUNCTION = TYPES.lambdaFunction;
export const INVOCATION = TYPES.lambdaInvocation;

// The stored function.go showing the whole schema is a late v5-line copy (aws-sdk-go-v2, names.Attr constants);
// @pulumi/aws 7.48's FunctionArgs has five inputs that copy lacks (capacityProviderConfig, durableConfig,
// publishTo, sourceKmsKeyArn, tenancyConfig), whose validators could not be read.
const fn = `${TF_AWS} internal/service/lambda/function.go v5 (aws-sdk-go-v2; stored copy, commit not shown)`;
const fnValidate = `${TF_AWS} internal/service/lambda/validate.go v6 (2026 copy: validFunctionName's 64-character name check, validLogGroupName; stored copy, commit not shown)`;
const invocation = read("internal/service/lambda/invocation.go", "v6", "0133e9ef");
// lifecycleScope's members: "CREATE_ONLY" is named in invocation.go's own error message; "CRUD" is the other value
// the bridged release documents (@pulumi/aws 7.48.0 lambda/invocation.d.ts, "CRUD Lifecycle Management").

const lambdaEnum = (name: string) => sdkEnum(`lambda.${name}`);

/**
 * validFunctionName's third check: the function's own name, taken out of a full or a partial (account:function:)
 * ARN when the value is one, else the whole value, is at most 64 characters.
 */
export const functionNamePart = {
    rule: "validFunctionName: the function name at most 64 characters",
    test: (v: unknown) => {
        if (typeof v !== "string") return undefined;
        const full = /^arn:[\w-]+:lambda:[a-z]{2}-(?:[a-z]+-){1,2}\d{1}:\d{12}:function:([0-9A-Za-z_-]+)(:(\$LATEST|[0-9A-Za-z_-]+))?$/.exec(v);
        const partial = full ? undefined : /^\d{12}:function:([0-9A-Za-z_-]+)$/.exec(v);
        const name = full?.[1] ?? partial?.[1] ?? v;
        return name.length > 64 ? `names a function of ${name.length} characters; expected at most 64` : undefined;
    },
};

export const validators: Validator[] = [
    // aws_lambda_function
    field(FUNCTION, "architectures", fn, sizeBetween(0, 1, "MaxItems 1")),
    field(FUNCTION, "architectures[]", fn, lambdaEnum("Architecture")),
    field(FUNCTION, "codeSigningConfigArn", fn, validARN),
    field(FUNCTION, "deadLetterConfig.targetArn", fn, validARN),
    field(FUNCTION, "ephemeralStorage.size", fn, between(512, 10240, "IntBetween(512, 10240)")),
    field(FUNCTION, "fileSystemConfig.arn", fn, validARN),
    field(FUNCTION, "fileSystemConfig.localMountPath", fn, matches(/^\/mnt\/[0-9A-Za-z_.-]+$/, "must start with '/mnt/'")),
    object(FUNCTION, "", fn, exactlyOneOf("code", "imageUri", "s3Bucket")),
    // validFunctionName: a name or a function ARN, 1 to 140 characters.
    field(FUNCTION, "name", fnValidate, matches(/^(arn:[\w-]+:lambda:)?([a-z]{2}-(?:[a-z]+-){1,2}\d{1}:)?(\d{12}:)?(function:)?([0-9A-Za-z_-]+)(:(\$LATEST|[0-9A-Za-z_-]+))?$/, "must be valid function name or function ARN")),
    field(FUNCTION, "name", fnValidate, lengthBetween(1, 140, "StringLenBetween(1, 140)")),
    field(FUNCTION, "name", fnValidate, functionNamePart),
    field(FUNCTION, "handler", fn, lengthBetween(1, 128, "StringLenBetween(1, 128)")),
    field(FUNCTION, "kmsKeyArn", fn, validARN),
    field(FUNCTION, "layers", fn, sizeBetween(0, 5, "MaxItems 5")),
    field(FUNCTION, "layers[]", fn, validARN),
    field(FUNCTION, "loggingConfig.applicationLogLevel", fn, lambdaEnum("ApplicationLogLevel")),
    field(FUNCTION, "loggingConfig.logFormat", fn, lambdaEnum("LogFormat")),
    field(FUNCTION, "loggingConfig.logGroup", fnValidate, matches(/^[0-9A-Za-z_./#-]+$/, "must contain alphanumeric characters, underscores, hyphens, slashes, hash signs and dots only")),
    field(FUNCTION, "loggingConfig.logGroup", fnValidate, lengthBetween(1, 512, "StringLenBetween(1, 512)")),
    field(FUNCTION, "loggingConfig.systemLogLevel", fn, lambdaEnum("SystemLogLevel")),
    field(FUNCTION, "memorySize", fn, between(128, 10240, "IntBetween(128, 10240)")),
    field(FUNCTION, "packageType", fn, lambdaEnum("PackageType")),
    object(FUNCTION, "", fn, requiredWith("replacementSecurityGroupIds", "replaceSecurityGroupsOnDestroy")),
    field(FUNCTION, "reservedConcurrentExecutions", fn, atLeast(-1)),
    field(FUNCTION, "role", fn, validARN),
    field(FUNCTION, "runtime", fn, lambdaEnum("Runtime")),
    object(FUNCTION, "", fn, requiredWith("s3Bucket", "s3Key")),
    object(FUNCTION, "", fn, requiredWith("s3Key", "s3Bucket")),
    object(FUNCTION, "", fn, conflictsWith("s3ObjectVersion", "code", "imageUri")),
    field(FUNCTION, "snapStart.applyOn", fn, lambdaEnum("SnapStartApplyOn")),
    field(FUNCTION, "timeout", fn, between(1, 900, "IntBetween(1, 900)")),
    field(FUNCTION, "tracingConfig.mode", fn, lambdaEnum("TracingMode")),
    object(
        FUNCTION,
        "",
        fn,
        relation("checkHandlerRuntimeForZipFunction: handler and runtime must be set when PackageType is Zip", (o, at) => {
            if (["packageType", "handler", "runtime"].some((k) => isUnknownAt(o.value, k))) return [];
            const inputs = o.value as Record<string, unknown>;
            // package_type defaults to Zip; d.GetOk treats an empty string as unset.
            const zip = !isSet(inputs, "packageType") || plain(inputs.packageType) === "Zip";
            const missing = ["handler", "runtime"].filter((k) => !isSet(inputs, k) || plain(inputs[k]) === "");
            return zip && missing.length > 0 ? [`handler and runtime must be set when PackageType is Zip; ${missing.map(at).join(" and ")} ${missing.length > 1 ? "are" : "is"} not`] : [];
        }),
    ),

    // aws_lambda_invocation
    field(INVOCATION, "input", invocation, isJSON),
    field(INVOCATION, "lifecycleScope", invocation, stringInSlice(["CREATE_ONLY", "CRUD"], false, "enum.Validate[lifecycleScope]()")),
    object(
        INVOCATION,
        "",
        invocation,
        relation("customizeDiffValidateInput: a lifecycle_scope other than CREATE_ONLY needs a JSON object input", (o, at) => {
            if (isUnknownAt(o.value, "lifecycleScope") || isUnknownAt(o.value, "input")) return [];
            const inputs = o.value as Record<string, unknown>;
            const scope = isSet(inputs, "lifecycleScope") ? plain(inputs.lifecycleScope) : "CREATE_ONLY";
            const input = plain(inputs.input);
            if (scope === "CREATE_ONLY" || typeof input !== "string") return [];
            const trimmed = input.trim();
            return trimmed.startsWith("{") && trimmed.endsWith("}") ? [] : [`${at("lifecycleScope")} other than "CREATE_ONLY" requires ${at("input")} to be a JSON object`];
        }),
    ),
];

const shape = (path: string, declared = "MaxItems 1") => ({ path, declared, shape: true as const });
const NOT_IN_COPY = "added after the copy read; its validators, if any, could not be read";

export const coverage: Record<string, TypeCoverage> = {
    [FUNCTION]: {
        source: `${fn}; validFunctionName in ${fnValidate}`,
        attributes: [
            { path: "architectures", declared: "MaxItems 1" },
            { path: "architectures[]", declared: "enum.Validate[awstypes.Architecture]()" },
            { path: "capacityProviderConfig", declared: "(not in the copy read)", exception: NOT_IN_COPY },
            { path: "code", declared: "filename: ExactlyOneOf(filename, image_uri, s3_bucket)" },
            { path: "codeSigningConfigArn", declared: "ValidARN" },
            shape("deadLetterConfig"),
            { path: "deadLetterConfig.targetArn", declared: "ValidARN" },
            { path: "durableConfig", declared: "(not in the copy read)", exception: NOT_IN_COPY },
            shape("environment"),
            shape("ephemeralStorage"),
            { path: "ephemeralStorage.size", declared: "IntBetween(512, 10240)" },
            shape("fileSystemConfig"),
            { path: "fileSystemConfig.arn", declared: "ValidARN" },
            { path: "fileSystemConfig.localMountPath", declared: "StringMatch(^/mnt/[0-9A-Za-z_.-]+$)" },
            { path: "handler", declared: "StringLenBetween(1, 128); CustomizeDiff: required for a Zip package" },
            shape("imageConfig"),
            { path: "imageUri", declared: "ExactlyOneOf(filename, image_uri, s3_bucket)" },
            { path: "kmsKeyArn", declared: "ValidARN" },
            { path: "layers", declared: "MaxItems 5" },
            { path: "layers[]", declared: "ValidARN" },
            shape("loggingConfig"),
            { path: "loggingConfig.applicationLogLevel", declared: "enum.Validate[awstypes.ApplicationLogLevel]()" },
            { path: "loggingConfig.logFormat", declared: "enum.Validate[awstypes.LogFormat]()" },
            { path: "loggingConfig.logGroup", declared: "validLogGroupName() = All(StringMatch(^[0-9A-Za-z_./#-]+$), StringLenBetween(1, 512))" },
            { path: "loggingConfig.systemLogLevel", declared: "enum.Validate[awstypes.SystemLogLevel]()" },
            { path: "memorySize", declared: "IntBetween(128, 10240)" },
            { path: "name", declared: "function_name: validFunctionName() = All(StringMatch(name or function ARN), StringLenBetween(1, 140), the function's own name at most 64)" },
            { path: "packageType", declared: "enum.Validate[awstypes.PackageType]()" },
            { path: "publishTo", declared: "(not in the copy read)", exception: NOT_IN_COPY },
            { path: "replacementSecurityGroupIds", declared: "RequiredWith(replace_security_groups_on_destroy)" },
            { path: "reservedConcurrentExecutions", declared: "IntAtLeast(-1)" },
            { path: "role", declared: "ValidARN" },
            { path: "runtime", declared: "enum.Validate[awstypes.Runtime](); CustomizeDiff: required for a Zip package" },
            { path: "s3Bucket", declared: "ExactlyOneOf(filename, image_uri, s3_bucket), RequiredWith(s3_key)" },
            { path: "s3Key", declared: "RequiredWith(s3_bucket)" },
            { path: "s3ObjectVersion", declared: "ConflictsWith(filename, image_uri)" },
            shape("snapStart"),
            { path: "snapStart.applyOn", declared: "enum.Validate[awstypes.SnapStartApplyOn]()" },
            { path: "sourceKmsKeyArn", declared: "(not in the copy read)", exception: NOT_IN_COPY },
            { path: "tenancyConfig", declared: "(not in the copy read)", exception: NOT_IN_COPY },
            { path: "timeout", declared: "IntBetween(1, 900)" },
            shape("tracingConfig"),
            { path: "tracingConfig.mode", declared: "enum.Validate[awstypes.TracingMode]()" },
            shape("vpcConfig"),
            { path: "(inputs)", declared: "CustomizeDiff checkHandlerRuntimeForZipFunction: handler and runtime must be set when PackageType is Zip" },
        ],
    },
    [INVOCATION]: {
        source: invocation,
        attributes: [
            { path: "input", declared: "StringIsJSON; CustomizeDiff customizeDiffValidateInput: a JSON object unless lifecycle_scope is CREATE_ONLY" },
            { path: "lifecycleScope", declared: "enum.Validate[lifecycleScope]()" },
        ],
    },
};
