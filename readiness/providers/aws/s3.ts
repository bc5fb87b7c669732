/**
 * terraform-provider-aws's validation of the S3 bucket and its configuration resources. Each source names the
 * copy read (see ./common.ts for how copies are cited and which release @pulumi/aws 7.48.0 bridges).
 */
import { atLeast, between, conflictsWith, doesNotMatch, exactlyOneOf, field, isJSON, lengthBetween, object, relation, sizeAtLeast, sizeBetween, stringInSlice, Validator } from "../validator";
import type { TypeCoverage } from "../types";
import { isSet, isUnknownAt, plain } from "../values";
import { read, sdkEnum, sse, SSE, TF_AWS, validAccountID, validARN, versioning, VERSIONING } from "./common";
import { TYPES } from "../../../contracts/tokens";

export const BUCKET = TYPES.bucket;
export const CORS = TYPES.corsConfig;
export const LIFECYCLE = TYPES.lifecycleConfig;
export const OWNERSHIP = TYPES.bucketOwnershipControls;
export const BUCKET_POLICY = TYPES.bucketPolicy;
export const PUBLIC_ACCESS_BLOCK = TYPES.bucketPublicAccessBlock;

// The stored bucket.go that shows the whole schema is a v5-line copy (names.Attr constants, aws-sdk-go-v2, no
// resource identity yet); the research tools serve it without its commit. @pulumi/aws 7.48's BucketArgs has two
// inputs that copy lacks (bucketNamespace, serverSideEncryptionConfiguration.rule.blockedEncryptionTypes).
const bucket = `${TF_AWS} internal/service/s3/bucket.go v5 (stored copy; commit not shown)`;
// The lifecycle configuration moved to the plugin framework in v5.86 (the repository's
// bucket_lifecycle_configuration_upgrade_v5_86_0_test.go); the copy read is that framework resource (`any`,
// fwtypes.StringEnumType, tfobjectvalidator), older than the bridged release by an unknown number of versions.
const lifecycle = `${TF_AWS} internal/service/s3/bucket_lifecycle_configuration.go v5.86+ (plugin-framework resource; stored copy, commit not shown)`;
const cors = read("internal/service/s3/bucket_cors_configuration.go", "v4", "4e81648b");
const ownership = `${TF_AWS} internal/service/s3/bucket_ownership_controls.go v5 (names.Attr constants, enum.Validate; stored copy, commit not shown)`;
const policy = read("internal/service/s3/bucket_policy.go", "v4", "c7cbd9b0");
const publicAccessBlock = read("internal/service/s3/bucket_public_access_block.go", "v4", "30b8cc6d");
// Helpers bucket.go's schema names, read from other files of the s3 package (stored copies, commits not shown).
const bucketAcl = `${TF_AWS} internal/service/s3/bucket_acl.go v5 (bucketCannedACL_Values)`;
const directoryBucket = `${TF_AWS} internal/service/s3/directory_bucket.go v6 (directoryBucketNameRegex)`;

/** bucketCannedACL_Values: the SDK's BucketCannedACL plus the provider's own aws-exec-read and log-delivery-write. */
const bucketCannedACL = sdkEnum("s3.BucketCannedACL", ["aws-exec-read", "log-delivery-write"]);

/** validBucketLifecycleTimestamp: time.Parse(time.RFC3339, value + "T00:00:00Z"), i.e. a real "YYYY-MM-DD" date. */
export const lifecycleDate = {
    rule: "validBucketLifecycleTimestamp",
    test: (v: unknown) => {
        if (typeof v !== "string") return undefined;
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
        const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
        return m && date && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]) ? undefined : 'cannot be parsed as RFC3339 Timestamp Format; expected a date "YYYY-MM-DD"';
    },
};

/** fwtypes.StringEnumType / enum.Validate on an S3 SDK enum. */
const s3Enum = (name: string) => sdkEnum(`s3.${name}`);

/**
 * timetypes.RFC3339Type: the value must parse with Go's time.RFC3339 layout ("2006-01-02T15:04:05Z07:00",
 * fractional seconds allowed), a real calendar date and time.
 */
export const rfc3339: { rule: string; test(v: unknown): string | undefined } = {
    rule: "timetypes.RFC3339Type",
    test: (v) => {
        if (typeof v !== "string") return undefined;
        const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/.exec(v);
        if (!m) return 'is not an RFC 3339 timestamp; expected e.g. "2030-01-01T00:00:00Z"';
        const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
        const date = new Date(Date.UTC(y, mo - 1, d));
        const zoneOk = m[8] === "Z" || (Number(m[9]) < 24 && Number(m[10]) < 60);
        return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60 && zoneOk ? undefined : "is not a valid date and time";
    },
};

export const validators: Validator[] = [
    // aws_s3_bucket
    field(BUCKET, "bucket", bucket, lengthBetween(0, 63, "StringLenBetween(0, 63)")),
    field(BUCKET, "bucketPrefix", bucket, lengthBetween(0, 37, "StringLenBetween(0, 63 - id.UniqueIDSuffixLength) = (0, 37)")),
    field(BUCKET, "bucket", directoryBucket, doesNotMatch(/^(?:[0-9a-z.-]+)--(?:[0-9a-z]+(?:-[0-9a-z]+)+)--x-s3$/, "must not be in the format [bucket_name]--[azid]--x-s3. Use the aws_s3_directory_bucket resource to manage S3 Express buckets")),
    object(BUCKET, "", bucket, conflictsWith("bucket", "bucketPrefix")),
    field(BUCKET, "accelerationStatus", bucket, s3Enum("BucketAccelerateStatus")),
    object(BUCKET, "", bucket, conflictsWith("acl", "grants")),
    field(BUCKET, "acl", bucketAcl, bucketCannedACL),
    field(BUCKET, "grants[].permissions[]", bucket, s3Enum("Permission")),
    field(BUCKET, "grants[].type", bucket, stringInSlice(["CanonicalUser", "Group"], false)),
    field(BUCKET, "lifecycleRules[].id", bucket, lengthBetween(0, 255, "StringLenBetween(0, 255)")),
    field(BUCKET, "lifecycleRules[].expiration.date", bucket, lifecycleDate),
    field(BUCKET, "lifecycleRules[].expiration.days", bucket, atLeast(0)),
    field(BUCKET, "lifecycleRules[].noncurrentVersionExpiration.days", bucket, atLeast(1)),
    field(BUCKET, "lifecycleRules[].transitions[].date", bucket, lifecycleDate),
    field(BUCKET, "lifecycleRules[].transitions[].days", bucket, atLeast(0)),
    field(BUCKET, "lifecycleRules[].transitions[].storageClass", bucket, s3Enum("TransitionStorageClass")),
    field(BUCKET, "lifecycleRules[].noncurrentVersionTransitions[].days", bucket, atLeast(0)),
    field(BUCKET, "lifecycleRules[].noncurrentVersionTransitions[].storageClass", bucket, s3Enum("TransitionStorageClass")),
    object(BUCKET, "", bucket, conflictsWith("objectLockEnabled", "objectLockConfiguration")),
    field(BUCKET, "objectLockConfiguration.objectLockEnabled", bucket, s3Enum("ObjectLockEnabled")),
    field(BUCKET, "objectLockConfiguration.rule.defaultRetention.days", bucket, atLeast(1)),
    field(BUCKET, "objectLockConfiguration.rule.defaultRetention.mode", bucket, s3Enum("ObjectLockRetentionMode")),
    field(BUCKET, "objectLockConfiguration.rule.defaultRetention.years", bucket, atLeast(1)),
    field(BUCKET, "policy", bucket, isJSON),
    field(BUCKET, "replicationConfiguration.rules[].deleteMarkerReplicationStatus", bucket, stringInSlice(["Enabled"], false)),
    field(BUCKET, "replicationConfiguration.rules[].destination.accessControlTranslation.owner", bucket, s3Enum("OwnerOverride")),
    field(BUCKET, "replicationConfiguration.rules[].destination.accountId", bucket, validAccountID),
    field(BUCKET, "replicationConfiguration.rules[].destination.bucket", bucket, validARN),
    field(BUCKET, "replicationConfiguration.rules[].destination.metrics.minutes", bucket, between(10, 15, "IntBetween(10, 15)")),
    field(BUCKET, "replicationConfiguration.rules[].destination.metrics.status", bucket, s3Enum("MetricsStatus")),
    field(BUCKET, "replicationConfiguration.rules[].destination.replicationTime.minutes", bucket, between(15, 15, "IntBetween(15, 15)")),
    field(BUCKET, "replicationConfiguration.rules[].destination.replicationTime.status", bucket, s3Enum("ReplicationTimeStatus")),
    field(BUCKET, "replicationConfiguration.rules[].destination.storageClass", bucket, s3Enum("StorageClass")),
    field(BUCKET, "replicationConfiguration.rules[].filter.prefix", bucket, lengthBetween(0, 1024, "StringLenBetween(0, 1024)")),
    field(BUCKET, "replicationConfiguration.rules[].id", bucket, lengthBetween(0, 255, "StringLenBetween(0, 255)")),
    field(BUCKET, "replicationConfiguration.rules[].prefix", bucket, lengthBetween(0, 1024, "StringLenBetween(0, 1024)")),
    field(BUCKET, "replicationConfiguration.rules[].status", bucket, s3Enum("ReplicationRuleStatus")),
    field(BUCKET, "requestPayer", bucket, s3Enum("Payer")),
    field(BUCKET, "serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.sseAlgorithm", bucket, s3Enum("ServerSideEncryption")),
    object(BUCKET, "website", bucket, exactlyOneOf("indexDocument", "redirectAllRequestsTo")),
    object(BUCKET, "website", bucket, conflictsWith("redirectAllRequestsTo", "errorDocument", "routingRules")),
    field(BUCKET, "website.routingRules", bucket, isJSON),

    // aws_s3_bucket_cors_configuration
    field(CORS, "bucket", cors, lengthBetween(1, 63, "StringLenBetween(1, 63)")),
    field(CORS, "expectedBucketOwner", cors, validAccountID),
    field(CORS, "corsRules", cors, sizeBetween(0, 100, "MaxItems 100")),
    field(CORS, "corsRules[].id", cors, lengthBetween(0, 255, "StringLenBetween(0, 255)")),

    // aws_s3_bucket_lifecycle_configuration (plugin framework)
    field(LIFECYCLE, "bucket", lifecycle, lengthBetween(1, 63, "stringvalidator.LengthBetween(1, 63)")),
    field(LIFECYCLE, "expectedBucketOwner", lifecycle, { ...validAccountID, rule: "fwvalidators.AWSAccountID()" }),
    field(LIFECYCLE, "transitionDefaultMinimumObjectSize", lifecycle, s3Enum("TransitionDefaultMinimumObjectSize")),
    field(LIFECYCLE, "rules", lifecycle, sizeAtLeast(1)),
    field(LIFECYCLE, "rules[].id", lifecycle, lengthBetween(1, 255, "stringvalidator.LengthBetween(1, 255)")),
    field(LIFECYCLE, "rules[].status", lifecycle, stringInSlice(["Enabled", "Disabled"], false, 'stringvalidator.OneOf(lifecycleRuleStatus_Values()) = "Enabled", "Disabled"')),
    field(LIFECYCLE, "rules[].expiration.date", lifecycle, rfc3339),
    field(LIFECYCLE, "rules[].filter.and.objectSizeGreaterThan", lifecycle, atLeast(0)),
    field(LIFECYCLE, "rules[].filter.and.objectSizeLessThan", lifecycle, atLeast(1)),
    field(LIFECYCLE, "rules[].noncurrentVersionExpiration.newerNoncurrentVersions", lifecycle, atLeast(1)),
    field(LIFECYCLE, "rules[].noncurrentVersionExpiration.noncurrentDays", lifecycle, atLeast(1)),
    field(LIFECYCLE, "rules[].noncurrentVersionTransitions[].newerNoncurrentVersions", lifecycle, atLeast(1)),
    field(LIFECYCLE, "rules[].noncurrentVersionTransitions[].noncurrentDays", lifecycle, atLeast(0)),
    field(LIFECYCLE, "rules[].noncurrentVersionTransitions[].storageClass", lifecycle, s3Enum("TransitionStorageClass")),
    field(LIFECYCLE, "rules[].transitions[].date", lifecycle, rfc3339),
    field(LIFECYCLE, "rules[].transitions[].days", lifecycle, atLeast(0)),
    field(LIFECYCLE, "rules[].transitions[].storageClass", lifecycle, s3Enum("TransitionStorageClass")),
    // ruleTransitionExactlyOneOfChildren: both date and days is an error; neither is only a warning.
    object(
        LIFECYCLE,
        "rules[].transitions[]",
        lifecycle,
        relation("ruleTransitionExactlyOneOfChildren(date, days): not both", (o, at) =>
            isUnknownAt(o.value, "date") || isUnknownAt(o.value, "days") || !isSet(o.value, "date") || !isSet(o.value, "days") || plain((o.value as Record<string, unknown>).date) === ""
                ? []
                : [`${at("date")} and ${at("days")} are both set: a transition has one or the other`],
        ),
    ),

    // aws_s3_bucket_ownership_controls
    field(OWNERSHIP, "bucket", ownership, lengthBetween(1, Number.MAX_SAFE_INTEGER, "NoZeroValues")),
    field(OWNERSHIP, "rule.objectOwnership", ownership, s3Enum("ObjectOwnership")),

    // aws_s3_bucket_policy
    field(BUCKET_POLICY, "policy", policy, isJSON),

    // aws_s3_bucket_server_side_encryption_configuration, aws_s3_bucket_versioning
    field(SSE, "rules[].applyServerSideEncryptionByDefault.sseAlgorithm", sse, sdkEnum("s3.ServerSideEncryption")),
    field(SSE, "bucket", sse, lengthBetween(1, 63, "StringLenBetween(1, 63)")),
    field(SSE, "expectedBucketOwner", sse, validAccountID),
    // BucketVersioningStatus_Values() is the SDK's Enabled and Suspended plus the provider's own "Disabled".
    field(VERSIONING, "versioningConfiguration.status", versioning, sdkEnum("s3.BucketVersioningStatus", ["Disabled"])),
    field(VERSIONING, "versioningConfiguration.mfaDelete", versioning, sdkEnum("s3.MFADelete")),
    field(VERSIONING, "bucket", versioning, lengthBetween(1, 63, "StringLenBetween(1, 63)")),
    field(VERSIONING, "expectedBucketOwner", versioning, validAccountID),
];

const shape = (path: string, declared = "MaxItems 1") => ({ path, declared, shape: true as const });
const WARNING = "a warning diagnostic, not an error: the real plan proceeds, so the check does not block on it either";

export const coverage: Record<string, TypeCoverage> = {
    [BUCKET]: {
        source: `${bucket}; bucketCannedACL_Values in ${bucketAcl}; directoryBucketNameRegex in ${directoryBucket}; validBucketLifecycleTimestamp in the same bucket.go`,
        attributes: [
            { path: "accelerationStatus", declared: "enum.Validate[types.BucketAccelerateStatus]()" },
            { path: "acl", declared: "StringInSlice(bucketCannedACL_Values(), false), ConflictsWith(grant)" },
            { path: "bucket", declared: "All(StringLenBetween(0, 63), StringDoesNotMatch(directoryBucketNameRegex)), ConflictsWith(bucket_prefix)" },
            { path: "bucketPrefix", declared: "StringLenBetween(0, 63 - UniqueIDSuffixLength), ConflictsWith(bucket)" },
            {
                path: "bucketNamespace",
                declared: "(not in the copy read)",
                exception: "added after the v5 copy read; its validator, if any, could not be read (the SDK documents account-regional and global)",
            },
            { path: "grants[].permissions[]", declared: "enum.Validate[types.Permission]()" },
            { path: "grants[].type", declared: "StringInSlice([CanonicalUser, Group], false)" },
            { path: "lifecycleRules[].expiration", declared: "MaxItems 1", shape: true },
            { path: "lifecycleRules[].expiration.date", declared: "validBucketLifecycleTimestamp" },
            { path: "lifecycleRules[].expiration.days", declared: "IntAtLeast(0)" },
            { path: "lifecycleRules[].id", declared: "StringLenBetween(0, 255)" },
            shape("lifecycleRules[].noncurrentVersionExpiration"),
            { path: "lifecycleRules[].noncurrentVersionExpiration.days", declared: "IntAtLeast(1)" },
            { path: "lifecycleRules[].noncurrentVersionTransitions[].days", declared: "IntAtLeast(0)" },
            { path: "lifecycleRules[].noncurrentVersionTransitions[].storageClass", declared: "enum.Validate[types.TransitionStorageClass]()" },
            { path: "lifecycleRules[].transitions[].date", declared: "validBucketLifecycleTimestamp" },
            { path: "lifecycleRules[].transitions[].days", declared: "IntAtLeast(0)" },
            { path: "lifecycleRules[].transitions[].storageClass", declared: "enum.Validate[types.TransitionStorageClass]()" },
            shape("logging"),
            { path: "objectLockConfiguration", declared: "MaxItems 1, ConflictsWith(object_lock_enabled)" },
            { path: "objectLockConfiguration.objectLockEnabled", declared: "enum.Validate[types.ObjectLockEnabled](), ConflictsWith(object_lock_enabled)" },
            shape("objectLockConfiguration.rule"),
            shape("objectLockConfiguration.rule.defaultRetention", "MinItems 1, MaxItems 1"),
            { path: "objectLockConfiguration.rule.defaultRetention.days", declared: "IntAtLeast(1)" },
            { path: "objectLockConfiguration.rule.defaultRetention.mode", declared: "enum.Validate[types.ObjectLockRetentionMode]()" },
            { path: "objectLockConfiguration.rule.defaultRetention.years", declared: "IntAtLeast(1)" },
            { path: "objectLockEnabled", declared: "ConflictsWith(object_lock_configuration)" },
            { path: "policy", declared: "StringIsJSON" },
            shape("replicationConfiguration"),
            { path: "replicationConfiguration.rules[].deleteMarkerReplicationStatus", declared: "StringInSlice([Enabled], false)" },
            shape("replicationConfiguration.rules[].destination", "MinItems 1, MaxItems 1"),
            shape("replicationConfiguration.rules[].destination.accessControlTranslation", "MinItems 1, MaxItems 1"),
            { path: "replicationConfiguration.rules[].destination.accessControlTranslation.owner", declared: "enum.Validate[types.OwnerOverride]()" },
            { path: "replicationConfiguration.rules[].destination.accountId", declared: "ValidAccountID" },
            { path: "replicationConfiguration.rules[].destination.bucket", declared: "ValidARN" },
            shape("replicationConfiguration.rules[].destination.metrics"),
            { path: "replicationConfiguration.rules[].destination.metrics.minutes", declared: "IntBetween(10, 15)" },
            { path: "replicationConfiguration.rules[].destination.metrics.status", declared: "enum.Validate[types.MetricsStatus]()" },
            shape("replicationConfiguration.rules[].destination.replicationTime"),
            { path: "replicationConfiguration.rules[].destination.replicationTime.minutes", declared: "IntBetween(15, 15)" },
            { path: "replicationConfiguration.rules[].destination.replicationTime.status", declared: "enum.Validate[types.ReplicationTimeStatus]()" },
            { path: "replicationConfiguration.rules[].destination.storageClass", declared: "enum.Validate[types.StorageClass]()" },
            shape("replicationConfiguration.rules[].filter", "MinItems 1, MaxItems 1"),
            { path: "replicationConfiguration.rules[].filter.prefix", declared: "StringLenBetween(0, 1024)" },
            { path: "replicationConfiguration.rules[].id", declared: "StringLenBetween(0, 255)" },
            { path: "replicationConfiguration.rules[].prefix", declared: "StringLenBetween(0, 1024)" },
            shape("replicationConfiguration.rules[].sourceSelectionCriteria", "MinItems 1, MaxItems 1"),
            { path: "replicationConfiguration.rules[].status", declared: "enum.Validate[types.ReplicationRuleStatus]()" },
            { path: "requestPayer", declared: "enum.Validate[types.Payer]()" },
            shape("serverSideEncryptionConfiguration"),
            shape("serverSideEncryptionConfiguration.rule"),
            shape("serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault"),
            { path: "serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.sseAlgorithm", declared: "enum.Validate[types.ServerSideEncryption]()" },
            {
                path: "serverSideEncryptionConfiguration.rule.blockedEncryptionTypes",
                declared: "(not in the copy read)",
                exception: "added after the v5 copy read; its validator, if any, could not be read",
            },
            shape("versioning"),
            shape("website"),
            { path: "website.indexDocument", declared: "ExactlyOneOf(website.0.index_document, website.0.redirect_all_requests_to)" },
            { path: "website.redirectAllRequestsTo", declared: "ExactlyOneOf(index_document, redirect_all_requests_to), ConflictsWith(error_document, routing_rules)" },
            { path: "website.routingRules", declared: "StringIsJSON" },
        ],
    },
    [CORS]: {
        source: `${cors} (only a v4 copy could be read)`,
        attributes: [
            { path: "bucket", declared: "StringLenBetween(1, 63)" },
            { path: "corsRules", declared: "MaxItems 100" },
            { path: "corsRules[].id", declared: "StringLenBetween(0, 255)" },
            { path: "expectedBucketOwner", declared: "ValidAccountID" },
        ],
    },
    [LIFECYCLE]: {
        source: lifecycle,
        attributes: [
            { path: "bucket", declared: "stringvalidator.LengthBetween(1, 63)" },
            { path: "expectedBucketOwner", declared: "fwvalidators.AWSAccountID()" },
            { path: "transitionDefaultMinimumObjectSize", declared: "fwtypes.StringEnumType[awstypes.TransitionDefaultMinimumObjectSize]()" },
            { path: "rules", declared: "listvalidator.SizeAtLeast(1)" },
            { path: "rules[] (filter, prefix)", declared: "tfobjectvalidator.WarnExactlyOneOfChildren(filter, prefix)", exception: WARNING },
            { path: "rules[].id", declared: "stringvalidator.LengthBetween(1, 255)" },
            { path: "rules[].status", declared: "stringvalidator.OneOf(lifecycleRuleStatus_Values()...)" },
            shape("rules[].abortIncompleteMultipartUpload", "listvalidator.SizeAtMost(1)"),
            shape("rules[].expiration", "listvalidator.SizeAtMost(1)"),
            { path: "rules[].expiration (date, days, expiredObjectDeleteMarker)", declared: "tfobjectvalidator.WarnExactlyOneOfChildren(date, days, expired_object_delete_marker)", exception: WARNING },
            { path: "rules[].expiration.date", declared: "timetypes.RFC3339Type" },
            shape("rules[].filter", "listvalidator.SizeAtMost(1)"),
            shape("rules[].filter.and", "listvalidator.SizeAtMost(1)"),
            { path: "rules[].filter.and.objectSizeGreaterThan", declared: "int64validator.AtLeast(0)" },
            { path: "rules[].filter.and.objectSizeLessThan", declared: "int64validator.AtLeast(1)" },
            { path: "rules[].filter.prefix (exactly one filter)", declared: "tfstringvalidator.WarnExactlyOneOf(object_size_greater_than, object_size_less_than, and, tag)", exception: WARNING },
            shape("rules[].filter.tag", "listvalidator.SizeAtMost(1)"),
            shape("rules[].noncurrentVersionExpiration", "listvalidator.SizeAtMost(1)"),
            { path: "rules[].noncurrentVersionExpiration.newerNoncurrentVersions", declared: "int32validator.AtLeast(1)" },
            { path: "rules[].noncurrentVersionExpiration.noncurrentDays", declared: "int32validator.AtLeast(1)" },
            { path: "rules[].noncurrentVersionTransitions[].newerNoncurrentVersions", declared: "int32validator.AtLeast(1)" },
            { path: "rules[].noncurrentVersionTransitions[].noncurrentDays", declared: "int32validator.AtLeast(0)" },
            { path: "rules[].noncurrentVersionTransitions[].storageClass", declared: "fwtypes.StringEnumType[awstypes.TransitionStorageClass]()" },
            { path: "rules[].transitions[]", declared: "ruleTransitionExactlyOneOfChildren(date, days): both is an error, neither a warning" },
            { path: "rules[].transitions[].date", declared: "timetypes.RFC3339Type" },
            { path: "rules[].transitions[].days", declared: "int32validator.AtLeast(0)" },
            { path: "rules[].transitions[].storageClass", declared: "fwtypes.StringEnumType[awstypes.TransitionStorageClass]()" },
        ],
    },
    [OWNERSHIP]: {
        source: ownership,
        attributes: [
            { path: "bucket", declared: "NoZeroValues" },
            shape("rule", "MinItems 1, MaxItems 1"),
            { path: "rule.objectOwnership", declared: "enum.Validate[types.ObjectOwnership]()" },
        ],
    },
    [BUCKET_POLICY]: {
        source: `${policy} (only a v4 copy could be read)`,
        attributes: [{ path: "policy", declared: "StringIsJSON" }],
    },
    [PUBLIC_ACCESS_BLOCK]: {
        source: `${publicAccessBlock} (only a v4 copy could be read): no attribute carries a validator; @pulumi/aws 7.48 adds skipDestroy, a plain boolean`,
        attributes: [],
    },
    [SSE]: {
        source: `${sse} (the v6 copy was not re-read)`,
        attributes: [
            { path: "bucket", declared: "StringLenBetween(1, 63)" },
            { path: "expectedBucketOwner", declared: "ValidAccountID" },
            { path: "rules[].applyServerSideEncryptionByDefault", declared: "MaxItems 1", shape: true },
            { path: "rules[].applyServerSideEncryptionByDefault.sseAlgorithm", declared: "enum.Validate[types.ServerSideEncryption]()" },
            {
                path: "rules[].blockedEncryptionTypes",
                declared: "(not in the copy read)",
                exception: "added after the copy read (@pulumi/aws 7.48 has it); its validator, if any, could not be read",
            },
        ],
    },
    [VERSIONING]: {
        source: `${versioning} (no v6 copy was found among the stored ones; the v4 copy @01c08000 read before has the same rules)`,
        attributes: [
            { path: "bucket", declared: "StringLenBetween(1, 63)" },
            { path: "expectedBucketOwner", declared: "ValidAccountID" },
            { path: "versioningConfiguration", declared: "MaxItems 1", shape: true },
            { path: "versioningConfiguration.mfaDelete", declared: "enum.Validate[types.MFADelete]()" },
            { path: "versioningConfiguration.status", declared: "StringInSlice(bucketVersioningStatus_Values(), false) = the SDK's BucketVersioningStatus + Disabled" },
            {
                path: "versioningConfiguration.status (update)",
                declared: "CustomizeDiff: cannot go from Enabled or Suspended to Disabled",
                exception: "compares the prior state with the plan; the offline check previews a fresh program and has no prior state",
            },
        ],
    },
};
