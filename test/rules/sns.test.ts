/** SNS topic policies on topics a user adds, whatever declares the policy (the topic itself or a TopicPolicy). */
import { describe, it } from "node:test";
import { assertFires, assertQuiet, evaluate, SyntheticResource } from "../support";

const TOPIC = "arn:aws:sns:us-east-1:210987654321:acme-chat-prod-alerts";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const topicPolicy = (name: string, ...statements: object[]): SyntheticResource => ({ type: "aws:sns/topicPolicy:TopicPolicy", name, inputs: { arn: TOPIC, policy: doc(...statements) } });

describe("sns-topic-policy-restricted", () => {
    it("fires when any principal may publish, subscribe or manage, on a TopicPolicy or the topic itself, mandatory in dev and prod", async () => {
        for (const environment of ["dev", "prod"]) {
            const diags = await evaluate(
                [
                    topicPolicy("publish", { Effect: "Allow", Principal: "*", Action: "sns:Publish", Resource: TOPIC }),
                    topicPolicy("manage", { Effect: "Allow", Principal: { AWS: "*" }, Action: ["sns:SetTopicAttributes", "sns:Subscribe"], Resource: TOPIC }),
                    { type: "aws:sns/topic:Topic", name: "inline", inputs: { name: "t", policy: doc({ Effect: "Allow", Principal: "*", Action: "sns:*", Resource: "*" }) } },
                    topicPolicy("open-network", { Effect: "Allow", Principal: "*", Action: "sns:Publish", Resource: TOPIC, Condition: { IpAddress: { "aws:SourceIp": "0.0.0.0/0" } } }),
                ],
                { environment },
            );
            for (const name of ["publish", "manage", "inline", "open-network"]) assertFires(diags, "sns-topic-policy-restricted", name, "mandatory");
        }
    });

    it("stays quiet on the Monitoring component's policy: the account, service principals pinned to the account, a TLS deny", async () => {
        const diags = await evaluate([
            topicPolicy(
                "alerts",
                { Sid: "AccountManagesTopic", Effect: "Allow", Principal: { AWS: "arn:aws:iam::210987654321:root" }, Action: ["sns:Publish", "sns:SetTopicAttributes"], Resource: TOPIC },
                { Sid: "AlarmsPublish", Effect: "Allow", Principal: { Service: ["cloudwatch.amazonaws.com"] }, Action: "sns:Publish", Resource: TOPIC, Condition: { StringEquals: { "aws:SourceAccount": "210987654321" } } },
                { Sid: "OrgPublish", Effect: "Allow", Principal: "*", Action: "sns:Publish", Resource: TOPIC, Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } },
                { Sid: "TlsOnly", Effect: "Deny", Principal: "*", Action: "sns:Publish", Resource: TOPIC, Condition: { Bool: { "aws:SecureTransport": "false" } } },
            ),
        ]);
        assertQuiet(diags, "sns-topic-policy-restricted");
    });
});
