/**
 * A small prod-shaped program for the exemption and preview tests (test/exemptions.test.ts,
 * test/preview.test.ts): buckets whose names miss the environment, waived by exemption tags that are valid,
 * expired, reasonless or aimed at a rule prod refuses to waive, and a bucket whose name exists only once its
 * random suffix does (unknown during a preview). It lives in its own folder so the check can run it as
 * the program of a layout (`dist` = this folder).
 */
import * as aws from "../../../components/aws";
import * as random from "@pulumi/random";
import { exemptionTag } from "../../../contracts/exemptions";

const tags = { service: "acme-chat", environment: "prod", owner: "platform-team", "managed-by": "pulumi" };
const provider = new aws.Provider("aws", { region: "us-east-1", allowedAccountIds: ["210987654321"], defaultTags: { tags } });
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const waiver = (rule: string, reason: string, expires: string) => exemptionTag({ rule, owner: "platform-team", reason, expires });

const bucket = (name: string, bucketName: string, extraTags?: Record<string, string>) =>
    new aws.s3.Bucket(name, { bucket: bucketName, tags: extraTags }, { provider, protect: true });

bucket("tag-exempted", "acme-legacy-uploads", waiver("names-carry-environment", "bucket predates the naming scheme", inDays(30)));
bucket("tag-expired", "acme-old-uploads", waiver("names-carry-environment", "bucket predates the naming scheme", "2020-01-01"));
bucket("tag-reasonless", "acme-tmp-uploads", waiver("names-carry-environment", "later", inDays(30)));
bucket("config-exempted", "acme-shared-assets");
bucket("public-waived", "acme-chat-prod-site", waiver("s3-public-access-blocked", "static site served to the public", inDays(30)));

// Its name exists only once the random suffix does: unknown during a preview.
const suffix = new random.RandomId("suffix", { byteLength: 4 });
new aws.s3.Bucket("computed-name", { bucket: suffix.hex.apply((hex) => `acme-chat-prod-${hex}`) }, { provider, protect: true });
