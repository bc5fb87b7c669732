/**
 * terraform-provider-aws's validation of SNS topics, topic policies and subscriptions.
 * Each source names the copy of terraform-provider-aws read (see ./common.ts for the bridged release).
 */
import { between, conflictsWith, field, isJSON, object, relation, stringInSlice, Validator } from "../validator";
import type { TypeCoverage } from "../types";
import { isSet, isUnknownAt, plain } from "../values";
import { read, snsConsts, src, subscription, SUBSCRIPTION, TF_AWS, topic, TOPIC, validARN } from "./common";
import * as names from "../../../contracts/awsNames";
import { nameRuleHolds } from "../../../contracts/awsNames";
import { TYPES } from "../../../contracts/tokens";
const topicPolicy = read("internal/service/sns/topic_policy.go", "v6", "00a35305");
export const TOPIC_POLICY = TYPES.topicPolicy;

export const validators: Validator[] = [
    // aws_sns_topic_subscription: the provider's own protocol list (sns/consts.go), case-sensitive
    field(SUBSCRIPTION, "protocol", snsConsts, stringInSlice(["application", "email", "email-json", "firehose", "http", "https", "lambda", "sms", "sqs"], false)),
    field(SUBSCRIPTION, "filterPolicyScope", snsConsts, stringInSlice(["MessageAttributes", "MessageBody"], false)),
    field(SUBSCRIPTION, "topic", subscription, validARN),
    field(SUBSCRIPTION, "subscriptionRoleArn", subscription, validARN),

    // aws_sns_topic_subscription
    ...(["deliveryPolicy", "filterPolicy", "redrivePolicy", "replayPolicy"] as const).map((p) => field(SUBSCRIPTION, p, src("sns/topic_subscription.go", "v5"), isJSON)),

    // aws_sns_topic
    ...["application", "firehose", "http", "lambda", "sqs"].flatMap((p) => [
        field(TOPIC, `${p}FailureFeedbackRoleArn`, topic, validARN),
        field(TOPIC, `${p}SuccessFeedbackRoleArn`, topic, validARN),
        field(TOPIC, `${p}SuccessFeedbackSampleRate`, topic, between(0, 100, "IntBetween(0, 100)")),
    ]),
    ...(["archivePolicy", "deliveryPolicy", "policy"] as const).map((p) => field(TOPIC, p, topic, isJSON)),
    field(TOPIC, "signatureVersion", topic, between(1, 2, "IntBetween(1, 2)")),
    // topicTracingConfig_Values() lives in sns/consts.go, not read; its members are the ones the bridged release's
    // own documentation lists (@pulumi/aws 7.48.0 sns/topic.d.ts, tracingConfig: "PassThrough", "Active").
    field(TOPIC, "tracingConfig", "@pulumi/aws sns/topic.d.ts 7.48.0 (tracingConfig doc) + hashicorp/terraform-provider-aws internal/service/sns/topic.go v5", stringInSlice(["PassThrough", "Active"], false)),
    object(TOPIC, "", topic, conflictsWith("name", "namePrefix")),
    object(
        TOPIC,
        "",
        topic,
        relation("resourceTopicCustomizeDiff: topic name", (o, at) => {
            if (["name", "namePrefix", "fifoTopic"].some((k) => isUnknownAt(o.value, k))) return [];
            const inputs = o.value as Record<string, unknown>;
            const fifo = plain(inputs.fifoTopic) === true;
            // The name the provider generates: the configured one, or the prefix plus a 26-character unique suffix.
            const name = isSet(inputs, "name") ? String(plain(inputs.name)) : isSet(inputs, "namePrefix") ? `${String(plain(inputs.namePrefix))}${"0".repeat(26)}${fifo ? ".fifo" : ""}` : undefined;
            if (name === undefined) return [];
            const rule = fifo ? names.SNS_FIFO_TOPIC_NAME : names.SNS_TOPIC_NAME;
            const ok = nameRuleHolds(rule, name);
            const key = isSet(inputs, "name") ? "name" : "namePrefix";
            const expected = rule.message;
            return ok ? [] : [{ property: at(key), message: `${at(key)}: ${JSON.stringify(plain(inputs[key]))} gives an invalid topic name; expected ${expected}${key === "namePrefix" ? " (the prefix plus a 26-character suffix)" : ""}` }];
        }),
    ),
    ...(["archivePolicy", "contentBasedDeduplication"] as const).map((k) =>
        object(
            TOPIC,
            "",
            topic,
            relation(`resourceTopicCustomizeDiff: ${k} only for FIFO topics`, (o, at) => {
                if (isUnknownAt(o.value, k) || isUnknownAt(o.value, "fifoTopic")) return [];
                const inputs = o.value as Record<string, unknown>;
                const value = plain(inputs[k]);
                const set = k === "archivePolicy" ? typeof value === "string" && value !== "" : value === true;
                return set && plain(inputs.fifoTopic) !== true ? [{ property: at(k), message: `${at(k)} can only be set for FIFO topics (${at("fifoTopic")}: true)` }] : [];
            }),
        ),
    ),    // aws_sns_topic_policy
    field(TOPIC_POLICY, "arn", topicPolicy, validARN),
];

export const coverage: Record<string, TypeCoverage> = {
    [TYPES.topic]: {
        source: `${TF_AWS} internal/service/sns/topic.go v5 (topicSchema and resourceTopicCustomizeDiff, re-read from the latest stored copy: the same rules; no v6 copy was found; commit not shown by the research tools)`,
        attributes: [
            { path: "applicationFailureFeedbackRoleArn", declared: "ValidARN" },
            { path: "applicationSuccessFeedbackRoleArn", declared: "ValidARN" },
            { path: "applicationSuccessFeedbackSampleRate", declared: "IntBetween(0, 100)" },
            { path: "firehoseFailureFeedbackRoleArn", declared: "ValidARN" },
            { path: "firehoseSuccessFeedbackRoleArn", declared: "ValidARN" },
            { path: "firehoseSuccessFeedbackSampleRate", declared: "IntBetween(0, 100)" },
            { path: "httpFailureFeedbackRoleArn", declared: "ValidARN" },
            { path: "httpSuccessFeedbackRoleArn", declared: "ValidARN" },
            { path: "httpSuccessFeedbackSampleRate", declared: "IntBetween(0, 100)" },
            { path: "lambdaFailureFeedbackRoleArn", declared: "ValidARN" },
            { path: "lambdaSuccessFeedbackRoleArn", declared: "ValidARN" },
            { path: "lambdaSuccessFeedbackSampleRate", declared: "IntBetween(0, 100)" },
            { path: "sqsFailureFeedbackRoleArn", declared: "ValidARN" },
            { path: "sqsSuccessFeedbackRoleArn", declared: "ValidARN" },
            { path: "sqsSuccessFeedbackSampleRate", declared: "IntBetween(0, 100)" },
            { path: "archivePolicy", declared: "StringIsJSON; CustomizeDiff: FIFO topics only" },
            { path: "contentBasedDeduplication", declared: "CustomizeDiff: FIFO topics only" },
            { path: "deliveryPolicy", declared: "StringIsJSON" },
            { path: "name", declared: "ConflictsWith(name_prefix); CustomizeDiff: ^[0-9A-Za-z_-]{1,256}$ (FIFO: {1,251}\\.fifo)" },
            { path: "namePrefix", declared: "ConflictsWith(name); the generated name meets the same pattern" },
            { path: "policy", declared: "StringIsJSON" },
            { path: "signatureVersion", declared: "IntBetween(1, 2)" },
            { path: "tracingConfig", declared: "StringInSlice(topicTracingConfig_Values(), false) (members from the bridged release's docs)" },
        ],
    },
    [TYPES.topicSubscription]: {
        source: `${TF_AWS} internal/service/sns/topic_subscription.go v5 @04a2e6e5; protocols in internal/service/sns/consts.go v4 @01c08000`,
        attributes: [
            { path: "deliveryPolicy", declared: "StringIsJSON" },
            { path: "filterPolicy", declared: "StringIsJSON" },
            { path: "filterPolicyScope", declared: "StringInSlice(subscriptionFilterPolicyScope_Values(), false)" },
            { path: "protocol", declared: "StringInSlice(subscriptionProtocol_Values(), false)" },
            { path: "redrivePolicy", declared: "StringIsJSON" },
            { path: "replayPolicy", declared: "StringIsJSON" },
            { path: "subscriptionRoleArn", declared: "ValidARN" },
            { path: "topic", declared: "topic_arn: ValidARN" },
        ],
    },
    [TOPIC_POLICY]: {
        source: `${topicPolicy} (@ArnIdentity)`,
        attributes: [
            { path: "arn", declared: "ValidARN" },
            {
                path: "policy",
                declared: "sdkv2.IAMPolicyDocumentSchemaRequired()",
                exception: "the validator sits in the shared helper internal/sdkv2, which was not read, so which checks it makes (JSON, size) is not known here",
            },
        ],
    },
};
