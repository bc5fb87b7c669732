/**
 * What the validators of terraform-provider-aws share: the citation helpers, type tokens, the SDK enums and the
 * value tests several services use. The validators and the coverage of each service are in a file of its own
 * (./ec2.ts, ./rds.ts, ./s3.ts, ./lambda.ts, ...), which ./index.ts gathers.
 *
 * Input validators of terraform-provider-aws. @pulumi/aws 7.48.0 (npm, 2026-09-22) bridges a v6 release no older
 * than v6.63.0: pulumi/pulumi-aws's v7.45.0 release notes (github.com/pulumi/pulumi-aws/releases/tag/v7.45.0) list
 * "Upgrade terraform-provider-aws to v6.63.0" (#6647). Which later v6 release v7.48.0 pins could not be read (its
 * release notes, provider/go.mod and upstream submodule at that tag are not in the stored copies). The provider
 * repository is too large to keep here; each source names the file it was read from and the release line that
 * file shows (v6 where the file carries v6-only markers such as resource identity, v5 or v4 where only an older
 * copy was available, said so beside the rule).
 */
import { lengthBetween, matches, stringInSlice, ValueTest, Validator } from "../validator";
import { AWS_SDK_ENUMS } from "../enums.generated";
import { isSet, plain } from "../values";
import { EVENTBRIDGE_NAME, IAM_NAME_CHARACTERS, LOG_GROUP_CHARACTERS } from "../../../contracts/awsNames";
import { nameValidators } from "./names";
import { TYPES } from "../../../contracts/tokens";

export const TF_AWS = "hashicorp/terraform-provider-aws";
export const src = (file: string, line = "v6") => `hashicorp/terraform-provider-aws internal/service/${file} ${line}`;
/**
 * A file read at a known commit of terraform-provider-aws (the stored copy the research tools serve, which is
 * not always the bridged release): `line` is the major line that copy shows, the commit pins it.
 */
export const read = (file: string, line: string, commit: string) => `hashicorp/terraform-provider-aws ${file} ${line} @${commit}`;

/**
 * `enum.Validate[awstypes.X]()` (StringInSlice(X.Values(), false)): case-sensitive, with the members the AWS
 * SDK clients define (readiness/providers/enums.generated.ts, from the same service models as the Go SDK).
 */
export function sdkEnum(key: string, extra: readonly string[] = []): ValueTest {
    const values = AWS_SDK_ENUMS.enums[key];
    if (!values) throw new Error(`${key} is not in readiness/providers/enums.generated.ts: add it to SDK_ENUMS in readiness/providers/schema/enums.ts and run \`npm run provider-schema\``);
    return stringInSlice([...values, ...extra], false, `enum.Validate[${key}]()${extra.length ? ` + ${extra.join(", ")}` : ""}`);
}

/** verify.ValidARN: arn.Parse, a known partition, a well-formed region and account when present, a resource. */
export const validARN: ValueTest = {
    rule: "ValidARN",
    test: (v) => {
        if (typeof v !== "string" || v === "") return undefined;
        const parts = v.split(":");
        if (parts.length < 6 || parts[0] !== "arn") return "is an invalid ARN; expected arn:<partition>:<service>:<region>:<account>:<resource>";
        const [, partition, , region, account] = parts;
        const resource = parts.slice(5).join(":");
        if (!/^aws(-[a-z]+)*$/.test(partition)) return "is an invalid ARN: invalid partition value";
        if (region !== "" && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) return "is an invalid ARN: invalid region value";
        if (account !== "" && !/^(aws|aws-managed|third-party|\d{12}|cw.{10})$/.test(account)) return "is an invalid ARN: invalid account ID value";
        return resource === "" ? "is an invalid ARN: missing resource value" : undefined;
    },
};

/** verify.ValidAccountID: exactly 12 digits. */
export const validAccountID = matches(/^\d{12}$/, "doesn't look like an AWS account ID (exactly 12 digits)");

/** iam validResourceName(max): 1 to max characters of [\w+=,.@-]. */
export const iamName = (max: number): ValueTest[] => [lengthBetween(1, max, `StringLenBetween(1, ${max})`), matches(IAM_NAME_CHARACTERS.pattern, IAM_NAME_CHARACTERS.message)];

/** The first key repeated within one object of a JSON text already known to parse, or undefined. */
function duplicateJSONKey(text: string): string | undefined {
    const objects: (Set<string> | undefined)[] = [];
    let expectKey = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '"') {
            let end = i + 1;
            while (text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
            const keys = objects[objects.length - 1];
            if (keys && expectKey) {
                const key = JSON.parse(text.slice(i, end + 1)) as string;
                if (keys.has(key)) return key;
                keys.add(key);
                expectKey = false;
            }
            i = end;
        } else if (c === "{") {
            objects.push(new Set());
            expectKey = true;
        } else if (c === "[") objects.push(undefined);
        else if (c === "}" || c === "]") objects.pop();
        else if (c === ",") expectKey = objects[objects.length - 1] !== undefined;
    }
    return undefined;
}

/**
 * verify.ValidIAMPolicyJSON (the v6 line: no size limit): not empty, a JSON object with no leading space, valid
 * JSON, and no key repeated within an object (basevalidation.JSONNoDuplicateKeys).
 */
export const validIAMPolicyJSON: ValueTest = {
    rule: "ValidIAMPolicyJSON",
    test: (v) => {
        if (typeof v !== "string") return undefined;
        if (v === "") return "is an empty string, which is not a valid JSON value";
        if (v[0] !== "{") {
            if (/^[ \t\r\n]/.test(v)) return "is an invalid JSON policy: leading space characters are not allowed";
            if (v[0] === '"') return "is an invalid JSON policy: contains a JSON-encoded string, not a JSON-encoded object";
            if (v[0] === "[") return "is an invalid JSON policy: contains a JSON array, not a JSON object";
            return "is an invalid JSON policy: not a JSON object";
        }
        try {
            JSON.parse(v);
        } catch {
            return "is an invalid JSON policy: not valid JSON";
        }
        const repeated = duplicateJSONKey(v);
        return repeated === undefined ? undefined : `contains duplicate JSON keys: ${JSON.stringify(repeated)}`;
    },
};

export const RDS = TYPES.rdsInstance;
export const PARAMS = TYPES.rdsParameterGroup;
export const RDS_SUBNETS = TYPES.rdsSubnetGroup;
export const HEALTH = TYPES.healthCheck;
export const REDIS = TYPES.replicationGroup;
export const KEY = TYPES.kmsKey;
export const ALIAS = TYPES.kmsAlias;
export const SECRET = TYPES.secret;
export const LOGS = TYPES.logGroup;
export const VPC = TYPES.vpc;
export const ROLE = TYPES.role;
export const SUBSCRIPTION = TYPES.topicSubscription;
export const ALARM = TYPES.metricAlarm;
export const EVENT_RULE = TYPES.eventRule;
export const EVENT_TARGET = TYPES.eventTarget;
export const SG = TYPES.securityGroup;
export const ROUTE = TYPES.route;
export const ASSOCIATION = TYPES.routeTableAssociation;
export const BUDGET = TYPES.budget;
export const SSE = TYPES.encryptionConfig;
export const VERSIONING = TYPES.versioningConfig;
export const ROLE_POLICY = TYPES.rolePolicy;
export const OIDC = TYPES.openIdConnectProvider;
export const INGRESS = TYPES.ingressRule;
export const TOPIC = TYPES.topic;
// The stored metric_alarm.go predates the PromQL evaluation criteria of the bridged release (which made
// comparison_operator and evaluation_periods optional); only rules that release did not touch are taken.
export const alarm = src("cloudwatch/metric_alarm.go");

// No v6 copy of health_check.go was found among the stored ones; the latest read is a v5-line copy (aws-sdk-go-v2).
export const health = src("route53/health_check.go", "v5");
export const kmsKey = src("kms/key.go");
export const kmsKeyV6 = read("internal/service/kms/key.go", "v6", "00a35305");
export const alarmV6 = read("internal/service/cloudwatch/metric_alarm.go", "v6", "055611a6");
// The v6 copy (filter_expression, billing_view_arn, internal/retry) is served without its commit.
export const budget = `${TF_AWS} internal/service/budgets/budget.go v6 (filter_expression, billing_view_arn; stored copy, commit not shown)`;
export const logGroup = read("internal/service/logs/group.go", "v6", "0073593e");
export const logValidate = src("logs/validate.go", "v5");
export const healthV5 = src("route53/health_check.go", "v5");
export const sse = read("internal/service/s3/bucket_server_side_encryption_configuration.go", "v5", "01606926");
// The v5 copy (enum.Validate, bucketVersioningStatus_Values via tfslices.AppendUnique) is served without its commit.
export const versioning = `${TF_AWS} internal/service/s3/bucket_versioning.go v5 (stored copy, commit not shown)`;
export const subscription = read("internal/service/sns/topic_subscription.go", "v5", "04a2e6e5");
export const snsConsts = read("internal/service/sns/consts.go", "v4", "01c08000");
// The v6 copies (resource identity on name; on role and name) are served without their commits.
export const role = `${TF_AWS} internal/service/iam/role.go v6 (@IdentityAttribute("name"), @V60SDKv2Fix; stored copy, commit not shown)`;
export const rolePolicy = `${TF_AWS} internal/service/iam/role_policy.go v6 (@IdentityAttribute("role", "name"); stored copy, commit not shown)`;
/** verify.ValidIAMPolicyJSON as the v6 line defines it (JSONNoDuplicateKeys, no size argument). */
export const verifyValidate = `${TF_AWS} internal/verify/validate.go v6 (ValidIAMPolicyJSON with JSONNoDuplicateKeys; stored copy, commit not shown)`;
export const iamValidate = read("internal/service/iam/validate.go", "v5", "044fb317");
export const oidc = read("internal/service/iam/openid_connect_provider.go", "v6", "01606926");
export const secret = read("internal/service/secretsmanager/secret.go", "v5", "00c21ced");
export const secretValidate = read("internal/service/secretsmanager/validate.go", "v6", "0413c661");
// The stored topic.go is a v5-line copy (aws-sdk-go-v2, resourceTopicCustomizeDiff); the research tools do not show its commit.
export const topic = src("sns/topic.go", "v5");
// rule.go as read: a v5-line copy (aws-sdk-go-v2, names.Attr constants); no v6 copy was found among the stored ones.
export const eventRule = src("events/rule.go", "v5");

/** validateRuleName and validateTargetID in events/validate.go: at most 64 characters of [0-9A-Za-z_.-]. */
export function eventBridgeName(type: string, path: string): Validator[] {
    return nameValidators(type, path, EVENTBRIDGE_NAME);
}

/** Why a row of the bridged v6 schema is not emulated when the copy of the provider file read predates it. */
export const notInCopy = (line: string) => `not in the ${line} copy read (the bridged v6 schema has it), so whether it carries a validator is not known here`;

/** A boolean that is set and true (a known value; unknown values are left to the caller). */
export const isTrue = (obj: unknown, key: string) => isSet(obj, key) && plain((obj as Record<string, unknown>)[key]) === true;

/** The extended statistics metric_alarm.go accepts (p99, tm90, TM(10%:90%), IQM, ...), as it writes them. */
export const EXTENDED_STATISTIC = /^((p|(tm)|(wm)|(tc)|(ts))((\d{1,2}(\.\d{1,2})?)|(100))|(IQM)|(((TM)|(WM)|(PR)|(TC)|(TS)))\((\d+(\.\d+)?%?)?:(\d+(\.\d+)?%?)?\))$/;

/** A metric query's period: Any(IntInSlice([1, 5, 10, 20, 30]), IntDivisibleBy(60)). */
export const queryPeriod: ValueTest = {
    rule: "Any(IntInSlice([1, 5, 10, 20, 30]), IntDivisibleBy(60))",
    test: (v) => (typeof v !== "number" || [1, 5, 10, 20, 30].includes(v) || v % 60 === 0 ? undefined : "is not allowed; expected 1, 5, 10, 20, 30 or a multiple of 60"),
};

/**
 * budgets validTimePeriodTimestamp: time.Parse("2006-01-02_15:04", v). Go's layout fixes the year at four digits and
 * the month, day and minute at two, but takes the hour ("15") as one or two digits.
 */
export const timePeriodTimestamp: ValueTest = {
    rule: "validTimePeriodTimestamp",
    test: (v) => {
        if (typeof v !== "string") return undefined;
        const m = /^(\d{4})-(\d{2})-(\d{2})_(\d{1,2}):(\d{2})$/.exec(v);
        if (!m) return 'is not a time period timestamp; expected "YYYY-MM-DD_hh:mm"';
        const [y, mo, d, h, mi] = m.slice(1).map(Number);
        const date = new Date(Date.UTC(y, mo - 1, d, h, mi));
        return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 ? undefined : 'is not a valid date and time; expected "YYYY-MM-DD_hh:mm"';
    },
};

/** logs/validate.go validLogGroupName and validLogGroupNamePrefix: the same character set for a name and a prefix. */
export const logGroupCharacters = matches(LOG_GROUP_CHARACTERS.pattern, LOG_GROUP_CHARACTERS.message);
