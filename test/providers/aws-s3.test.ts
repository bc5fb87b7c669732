/**
 * The S3 validators (readiness/providers/aws/s3.ts) run the way the check runs them: the shapes our storage
 * component creates pass, every limit is accepted exactly at it and refused one past it, and the rules that
 * relate fields (directory-bucket names, transitions, warnings that must not block) behave as the provider's.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toRecorded } from "../synthetic";
import { validateProviderInputs } from "../../readiness/providers";
import { UNKNOWN } from "../support";

const errorsOf = (type: string, inputs: Record<string, unknown>) => validateProviderInputs(toRecorded([{ type, name: "r", inputs }]));
const props = (type: string, inputs: Record<string, unknown>) => errorsOf(type, inputs).map((e) => e.property);

const BUCKET = "aws:s3/bucket:Bucket";
const LIFECYCLE = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration";
const CORS = "aws:s3/bucketCorsConfiguration:BucketCorsConfiguration";

describe("aws:s3/bucket:Bucket", () => {
    it("a bucket name is at most 63 characters, a prefix at most 37 (63 less the 26-character suffix)", () => {
        assert.deepEqual(props(BUCKET, { bucket: "b".repeat(63) }), []);
        assert.deepEqual(props(BUCKET, { bucket: "b".repeat(64) }), ["bucket"]);
        assert.deepEqual(props(BUCKET, { bucketPrefix: "p".repeat(37) }), []);
        assert.deepEqual(props(BUCKET, { bucketPrefix: "p".repeat(38) }), ["bucketPrefix"]);
    });

    it("refuses a directory bucket's name, pointing at aws_s3_directory_bucket", () => {
        const [e] = errorsOf(BUCKET, { bucket: "acme-uploads--use1-az4--x-s3" });
        assert.equal(e.property, "bucket");
        assert.match(e.message, /aws_s3_directory_bucket/);
        assert.deepEqual(props(BUCKET, { bucket: "acme-uploads--x-s3" }), [], "one -- part is an ordinary name");
    });

    it("canned ACLs are the SDK's plus aws-exec-read and log-delivery-write, exactly", () => {
        for (const acl of ["private", "public-read", "authenticated-read", "aws-exec-read", "log-delivery-write"]) assert.deepEqual(props(BUCKET, { acl }), [], acl);
        assert.deepEqual(props(BUCKET, { acl: "Private" }), ["acl"]);
        assert.deepEqual(props(BUCKET, { acl: "private", grants: [{ type: "CanonicalUser", permissions: ["READ"] }] }), ["(inputs)"]);
    });

    it("lifecycle dates are real calendar dates written YYYY-MM-DD", () => {
        const rule = (date: string) => props(BUCKET, { lifecycleRules: [{ enabled: true, expiration: { date } }] });
        assert.deepEqual(rule("2028-02-29"), []);
        assert.deepEqual(rule("2030-02-29"), ["lifecycleRules[0].expiration.date"]);
        assert.deepEqual(rule("2030-1-01"), ["lifecycleRules[0].expiration.date"]);
    });
});

describe("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration (plugin framework)", () => {
    const storageRules = [
        { id: "abort-incomplete-uploads", status: "Enabled", filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } },
        { id: "expire-noncurrent-versions", status: "Enabled", filter: {}, noncurrentVersionExpiration: { noncurrentDays: 30 }, expiration: { expiredObjectDeleteMarker: true } },
    ];

    it("accepts the rules the storage component writes", () => {
        assert.deepEqual(errorsOf(LIFECYCLE, { bucket: "acme-chat-prod-uploads", rules: storageRules }), []);
    });

    it("a transition with both a date and days is an error; with neither only a warning, so it does not block", () => {
        const transition = (t: Record<string, unknown>) => props(LIFECYCLE, { bucket: "b", rules: [{ id: "t", status: "Enabled", transitions: [t] }] });
        assert.deepEqual(transition({ date: "2030-01-01T00:00:00Z", days: 30, storageClass: "GLACIER" }), ["rules[0].transitions[0]"]);
        assert.deepEqual(transition({ days: 30, storageClass: "GLACIER" }), []);
        assert.deepEqual(transition({ storageClass: "GLACIER" }), []);
        assert.deepEqual(transition({ date: UNKNOWN, days: 30, storageClass: "GLACIER" }), [], "an unknown date waits for apply");
    });

    it("an expiration with date, days and the delete marker is only a warning", () => {
        assert.deepEqual(props(LIFECYCLE, { bucket: "b", rules: [{ id: "e", status: "Enabled", expiration: { days: 30, expiredObjectDeleteMarker: true } }] }), []);
    });

    it("dates are RFC 3339 timestamps, a day is not enough", () => {
        const expiring = (date: string) => props(LIFECYCLE, { bucket: "b", rules: [{ id: "e", status: "Enabled", expiration: { date } }] });
        assert.deepEqual(expiring("2030-01-01T00:00:00Z"), []);
        assert.deepEqual(expiring("2030-01-01T00:00:00.5+01:00"), []);
        assert.deepEqual(expiring("2030-01-01"), ["rules[0].expiration.date"]);
        assert.deepEqual(expiring("2030-13-01T00:00:00Z"), ["rules[0].expiration.date"]);
    });

    it("a rule id is 1 to 255 characters and the status Enabled or Disabled, exactly", () => {
        const rule = (r: Record<string, unknown>) => props(LIFECYCLE, { bucket: "b", rules: [{ id: "r", status: "Enabled", ...r }] });
        assert.deepEqual(rule({ id: "i".repeat(255) }), []);
        assert.deepEqual(rule({ id: "i".repeat(256) }), ["rules[0].id"]);
        assert.deepEqual(rule({ status: "enabled" }), ["rules[0].status"]);
        assert.deepEqual(props(LIFECYCLE, { bucket: "b", rules: [] }), ["rules"]);
    });
});

describe("aws:s3/bucketCorsConfiguration:BucketCorsConfiguration", () => {
    it("takes at most 100 rules", () => {
        const rules = (n: number) => Array.from({ length: n }, () => ({ allowedMethods: ["GET"], allowedOrigins: ["https://acme.example"] }));
        assert.deepEqual(props(CORS, { bucket: "b", corsRules: rules(100) }), []);
        assert.deepEqual(props(CORS, { bucket: "b", corsRules: rules(101) }), ["corsRules"]);
    });
});
