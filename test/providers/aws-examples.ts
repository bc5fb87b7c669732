/**
 * Examples (an input the provider refuses, one it accepts) for the AWS validators of ./readiness/providers/aws/s3.ts,
 * lambda.ts, cloudwatch.ts (EventBridge), iam.ts, secretsmanager.ts, sns.ts and provider.ts that were added with
 * their own files. A limit is refused one past it and accepted exactly at it. Spread into ./examples.ts.
 */
import type { Example } from "./examples";
import { FILTER_EXPRESSIONS } from "../../readiness/providers/aws/budgets";

const BU = "aws:s3/bucket:Bucket";
const CO = "aws:s3/bucketCorsConfiguration:BucketCorsConfiguration";
const LC = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration";
const OW = "aws:s3/bucketOwnershipControls:BucketOwnershipControls";
const BP = "aws:s3/bucketPolicy:BucketPolicy";
const FN = "aws:lambda/function:Function";
const IV = "aws:lambda/invocation:Invocation";
const ER = "aws:cloudwatch/eventRule:EventRule";
const ET = "aws:cloudwatch/eventTarget:EventTarget";
const RPA = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const SV = "aws:secretsmanager/secretVersion:SecretVersion";
const TP = "aws:sns/topicPolicy:TopicPolicy";
const RR = "replicationConfiguration.rules[]";

const ARN_ROLE = "arn:aws:iam::123456789012:role/acme-app";
const BAD_ARN = "arn:aws:iam::12345:role/acme-app";

export const AWS_REST_EXAMPLES: Record<string, Example> = {
    // aws_s3_bucket
    [`${BU} bucket StringLenBetween(0, 63)`]: ["b".repeat(64), "b".repeat(63)],
    [`${BU} bucketPrefix StringLenBetween(0, 63 - id.UniqueIDSuffixLength) = (0, 37)`]: ["p".repeat(38), "p".repeat(37)],
    [`${BU} bucket StringDoesNotMatch(/^(?:[0-9a-z.-]+)--(?:[0-9a-z]+(?:-[0-9a-z]+)+)--x-s3$/)`]: ["acme-uploads--usw2-az1--x-s3", "acme-uploads--usw2-az1--x-s4"],
    [`${BU} acl enum.Validate[s3.BucketCannedACL]() + aws-exec-read, log-delivery-write`]: ["bucket-owner-full-control", "log-delivery-write"],
    [`${BU} lifecycleRules[].expiration.date validBucketLifecycleTimestamp`]: ["2030-02-29", "2028-02-29"],
    [`${BU} lifecycleRules[].transitions[].date validBucketLifecycleTimestamp`]: ["2030-01-01T00:00:00Z", "2030-01-01"],
    [`${BU} (inputs) ConflictsWith(bucket, bucketPrefix)`]: [{ bucket: "acme-uploads", bucketPrefix: "acme-" }, { bucketPrefix: "acme-" }],
    [`${BU} accelerationStatus enum.Validate[s3.BucketAccelerateStatus]()`]: ["enabled", "Enabled"],
    [`${BU} (inputs) ConflictsWith(acl, grants)`]: [{ acl: "private", grants: [{ type: "Group", permissions: ["READ"] }] }, { acl: "private" }],
    [`${BU} grants[].permissions[] enum.Validate[s3.Permission]()`]: ["FULL-CONTROL", "FULL_CONTROL"],
    [`${BU} grants[].type StringInSlice("CanonicalUser", "Group", false)`]: ["AmazonCustomerByEmail", "CanonicalUser"],
    [`${BU} lifecycleRules[].id StringLenBetween(0, 255)`]: ["i".repeat(256), "i".repeat(255)],
    [`${BU} lifecycleRules[].expiration.days AtLeast(0)`]: [-1, 0],
    [`${BU} lifecycleRules[].noncurrentVersionExpiration.days AtLeast(1)`]: [0, 1],
    [`${BU} lifecycleRules[].transitions[].days AtLeast(0)`]: [-1, 0],
    [`${BU} lifecycleRules[].transitions[].storageClass enum.Validate[s3.TransitionStorageClass]()`]: ["STANDARD", "GLACIER_IR"],
    [`${BU} lifecycleRules[].noncurrentVersionTransitions[].days AtLeast(0)`]: [-1, 0],
    [`${BU} lifecycleRules[].noncurrentVersionTransitions[].storageClass enum.Validate[s3.TransitionStorageClass]()`]: ["glacier", "GLACIER"],
    [`${BU} (inputs) ConflictsWith(objectLockEnabled, objectLockConfiguration)`]: [{ objectLockEnabled: true, objectLockConfiguration: { objectLockEnabled: "Enabled" } }, { objectLockEnabled: true }],
    [`${BU} objectLockConfiguration.objectLockEnabled enum.Validate[s3.ObjectLockEnabled]()`]: ["Disabled", "Enabled"],
    [`${BU} objectLockConfiguration.rule.defaultRetention.days AtLeast(1)`]: [0, 1],
    [`${BU} objectLockConfiguration.rule.defaultRetention.mode enum.Validate[s3.ObjectLockRetentionMode]()`]: ["Governance", "GOVERNANCE"],
    [`${BU} objectLockConfiguration.rule.defaultRetention.years AtLeast(1)`]: [0, 1],
    [`${BU} policy StringIsJSON`]: ['{"Version":', '{"Version":"2012-10-17","Statement":[]}'],
    [`${BU} ${RR}.deleteMarkerReplicationStatus StringInSlice("Enabled", false)`]: ["Disabled", "Enabled"],
    [`${BU} ${RR}.destination.accessControlTranslation.owner enum.Validate[s3.OwnerOverride]()`]: ["destination", "Destination"],
    [`${BU} ${RR}.destination.accountId RegexMatches(/^\\d{12}$/)`]: ["12345678901", "123456789012"],
    [`${BU} ${RR}.destination.bucket ValidARN`]: ["acme-replica", "arn:aws:s3:::acme-replica"],
    [`${BU} ${RR}.destination.metrics.minutes IntBetween(10, 15)`]: [9, 10],
    [`${BU} ${RR}.destination.metrics.status enum.Validate[s3.MetricsStatus]()`]: ["enabled", "Disabled"],
    [`${BU} ${RR}.destination.replicationTime.minutes IntBetween(15, 15)`]: [16, 15],
    [`${BU} ${RR}.destination.replicationTime.status enum.Validate[s3.ReplicationTimeStatus]()`]: ["ENABLED", "Enabled"],
    [`${BU} ${RR}.destination.storageClass enum.Validate[s3.StorageClass]()`]: ["STANDARD-IA", "STANDARD_IA"],
    [`${BU} ${RR}.filter.prefix StringLenBetween(0, 1024)`]: ["p".repeat(1025), "p".repeat(1024)],
    [`${BU} ${RR}.id StringLenBetween(0, 255)`]: ["i".repeat(256), "i".repeat(255)],
    [`${BU} ${RR}.prefix StringLenBetween(0, 1024)`]: ["p".repeat(1025), "p".repeat(1024)],
    [`${BU} ${RR}.status enum.Validate[s3.ReplicationRuleStatus]()`]: ["enabled", "Enabled"],
    [`${BU} requestPayer enum.Validate[s3.Payer]()`]: ["Owner", "BucketOwner"],
    [`${BU} serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.sseAlgorithm enum.Validate[s3.ServerSideEncryption]()`]: ["AES-256", "AES256"],
    [`${BU} website ExactlyOneOf(indexDocument, redirectAllRequestsTo)`]: [{ errorDocument: "error.html" }, { indexDocument: "index.html" }],
    [`${BU} website ConflictsWith(redirectAllRequestsTo, errorDocument, routingRules)`]: [{ redirectAllRequestsTo: "https://acme.example", errorDocument: "e.html" }, { redirectAllRequestsTo: "https://acme.example" }],
    [`${BU} website.routingRules StringIsJSON`]: ["[{", '[{"Redirect":{"ReplaceKeyPrefixWith":"docs/"}}]'],

    // aws_s3_bucket_cors_configuration
    [`${CO} bucket StringLenBetween(1, 63)`]: ["b".repeat(64), "b".repeat(63)],
    [`${CO} expectedBucketOwner RegexMatches(/^\\d{12}$/)`]: ["1234567890123", "123456789012"],
    [`${CO} corsRules MaxItems 100`]: [Array.from({ length: 101 }, () => ({ allowedMethods: ["GET"], allowedOrigins: ["*"] })), Array.from({ length: 100 }, () => ({ allowedMethods: ["GET"], allowedOrigins: ["*"] }))],
    [`${CO} corsRules[].id StringLenBetween(0, 255)`]: ["i".repeat(256), "i".repeat(255)],

    // aws_s3_bucket_lifecycle_configuration
    [`${LC} bucket stringvalidator.LengthBetween(1, 63)`]: ["", "b"],
    [`${LC} expectedBucketOwner fwvalidators.AWSAccountID()`]: ["acme", "123456789012"],
    [`${LC} transitionDefaultMinimumObjectSize enum.Validate[s3.TransitionDefaultMinimumObjectSize]()`]: ["all_storage_classes_128k", "all_storage_classes_128K"],
    [`${LC} rules SizeAtLeast(1)`]: [[], [{ id: "expire", status: "Enabled" }]],
    [`${LC} rules[].id stringvalidator.LengthBetween(1, 255)`]: ["i".repeat(256), "i".repeat(255)],
    [`${LC} rules[].status stringvalidator.OneOf(lifecycleRuleStatus_Values()) = "Enabled", "Disabled"`]: ["enabled", "Disabled"],
    [`${LC} rules[].expiration.date timetypes.RFC3339Type`]: ["2030-01-01", "2030-01-01T00:00:00Z"],
    [`${LC} rules[].filter.and.objectSizeGreaterThan AtLeast(0)`]: [-1, 0],
    [`${LC} rules[].filter.and.objectSizeLessThan AtLeast(1)`]: [0, 1],
    [`${LC} rules[].noncurrentVersionExpiration.newerNoncurrentVersions AtLeast(1)`]: [0, 1],
    [`${LC} rules[].noncurrentVersionExpiration.noncurrentDays AtLeast(1)`]: [0, 1],
    [`${LC} rules[].noncurrentVersionTransitions[].newerNoncurrentVersions AtLeast(1)`]: [0, 1],
    [`${LC} rules[].noncurrentVersionTransitions[].noncurrentDays AtLeast(0)`]: [-1, 0],
    [`${LC} rules[].noncurrentVersionTransitions[].storageClass enum.Validate[s3.TransitionStorageClass]()`]: ["STANDARD", "STANDARD_IA"],
    [`${LC} rules[].transitions[].date timetypes.RFC3339Type`]: ["2030-02-30T00:00:00Z", "2030-02-28T23:59:59+02:00"],
    [`${LC} rules[].transitions[].days AtLeast(0)`]: [-1, 0],
    [`${LC} rules[].transitions[].storageClass enum.Validate[s3.TransitionStorageClass]()`]: ["DEEP-ARCHIVE", "DEEP_ARCHIVE"],
    [`${LC} rules[].transitions[] ruleTransitionExactlyOneOfChildren(date, days): not both`]: [
        { date: "2030-01-01T00:00:00Z", days: 30, storageClass: "GLACIER" },
        { days: 30, storageClass: "GLACIER" },
    ],

    // aws_s3_bucket_ownership_controls, aws_s3_bucket_policy
    [`${OW} bucket NoZeroValues`]: ["", "acme-uploads"],
    [`${OW} rule.objectOwnership enum.Validate[s3.ObjectOwnership]()`]: ["BucketOwner", "BucketOwnerEnforced"],
    [`${BP} policy StringIsJSON`]: ["{'Version': '2012-10-17'}", '{"Version":"2012-10-17","Statement":[]}'],

    // aws_lambda_function
    [`${FN} architectures MaxItems 1`]: [["x86_64", "arm64"], ["arm64"]],
    [`${FN} architectures[] enum.Validate[lambda.Architecture]()`]: ["arm", "arm64"],
    [`${FN} codeSigningConfigArn ValidARN`]: ["csc-0123", "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123"],
    [`${FN} deadLetterConfig.targetArn ValidARN`]: ["alerts", "arn:aws:sns:us-east-1:123456789012:alerts"],
    [`${FN} ephemeralStorage.size IntBetween(512, 10240)`]: [10241, 10240],
    [`${FN} fileSystemConfig.arn ValidARN`]: ["fsap-0123", "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123"],
    [`${FN} fileSystemConfig.localMountPath RegexMatches(/^\\/mnt\\/[0-9A-Za-z_.-]+$/)`]: ["/data", "/mnt/data"],
    [`${FN} (inputs) ExactlyOneOf(code, imageUri, s3Bucket)`]: [{ imageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1", s3Bucket: "acme-code" }, { imageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1" }],
    [`${FN} name RegexMatches(/^(arn:[\\w-]+:lambda:)?([a-z]{2}-(?:[a-z]+-){1,2}\\d{1}:)?(\\d{12}:)?(function:)?([0-9A-Za-z_-]+)(:(\\$LATEST|[0-9A-Za-z_-]+))?$/)`]: ["acme.chat", "acme-chat_prod"],
    [`${FN} name StringLenBetween(1, 140)`]: [`arn:aws:lambda:us-east-1:123456789012:function:${"f".repeat(64)}:${"v".repeat(29)}`, `arn:aws:lambda:us-east-1:123456789012:function:${"f".repeat(64)}:${"v".repeat(28)}`],
    [`${FN} name validFunctionName: the function name at most 64 characters`]: ["f".repeat(65), "f".repeat(64)],
    [`${FN} loggingConfig.logGroup RegexMatches(/^[0-9A-Za-z_./#-]+$/)`]: ["/aws/lambda/acme chat", "/aws/lambda/acme-chat"],
    [`${FN} loggingConfig.logGroup StringLenBetween(1, 512)`]: ["l".repeat(513), "l".repeat(512)],
    [`${FN} handler StringLenBetween(1, 128)`]: ["h".repeat(129), "h".repeat(128)],
    [`${FN} kmsKeyArn ValidARN`]: ["alias/acme", "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"],
    [`${FN} layers MaxItems 5`]: [Array(6).fill("arn:aws:lambda:us-east-1:123456789012:layer:l:1"), Array(5).fill("arn:aws:lambda:us-east-1:123456789012:layer:l:1")],
    [`${FN} layers[] ValidARN`]: ["layer:l:1", "arn:aws:lambda:us-east-1:123456789012:layer:l:1"],
    [`${FN} loggingConfig.applicationLogLevel enum.Validate[lambda.ApplicationLogLevel]()`]: ["info", "INFO"],
    [`${FN} loggingConfig.logFormat enum.Validate[lambda.LogFormat]()`]: ["json", "JSON"],
    [`${FN} loggingConfig.systemLogLevel enum.Validate[lambda.SystemLogLevel]()`]: ["TRACE", "WARN"],
    [`${FN} memorySize IntBetween(128, 10240)`]: [127, 128],
    [`${FN} packageType enum.Validate[lambda.PackageType]()`]: ["zip", "Zip"],
    [`${FN} (inputs) RequiredWith(replacementSecurityGroupIds: replaceSecurityGroupsOnDestroy)`]: [{ replacementSecurityGroupIds: ["sg-1"] }, { replacementSecurityGroupIds: ["sg-1"], replaceSecurityGroupsOnDestroy: true }],
    [`${FN} reservedConcurrentExecutions AtLeast(-1)`]: [-2, -1],
    [`${FN} role ValidARN`]: [BAD_ARN, ARN_ROLE],
    [`${FN} runtime enum.Validate[lambda.Runtime]()`]: ["nodejs22", "nodejs22.x"],
    [`${FN} (inputs) RequiredWith(s3Bucket: s3Key)`]: [{ s3Bucket: "acme-code" }, { s3Bucket: "acme-code", s3Key: "app.zip" }],
    [`${FN} (inputs) RequiredWith(s3Key: s3Bucket)`]: [{ s3Key: "app.zip" }, { s3Key: "app.zip", s3Bucket: "acme-code" }],
    [`${FN} (inputs) ConflictsWith(s3ObjectVersion, code, imageUri)`]: [{ s3ObjectVersion: "3", imageUri: "repo/app:1" }, { s3ObjectVersion: "3", s3Bucket: "acme-code" }],
    [`${FN} snapStart.applyOn enum.Validate[lambda.SnapStartApplyOn]()`]: ["PublishedVersion", "PublishedVersions"],
    [`${FN} timeout IntBetween(1, 900)`]: [901, 900],
    [`${FN} tracingConfig.mode enum.Validate[lambda.TracingMode]()`]: ["active", "Active"],
    [`${FN} (inputs) checkHandlerRuntimeForZipFunction: handler and runtime must be set when PackageType is Zip`]: [
        { role: ARN_ROLE, handler: "index.handler" },
        { role: ARN_ROLE, handler: "index.handler", runtime: "nodejs22.x" },
    ],

    // aws_lambda_invocation
    [`${IV} input StringIsJSON`]: ["{key: 1}", '{"key":1}'],
    [`${IV} lifecycleScope enum.Validate[lifecycleScope]()`]: ["create_only", "CRUD"],
    [`${IV} (inputs) customizeDiffValidateInput: a lifecycle_scope other than CREATE_ONLY needs a JSON object input`]: [
        { functionName: "migrate", input: "[1]", lifecycleScope: "CRUD" },
        { functionName: "migrate", input: "[1]", lifecycleScope: "CREATE_ONLY" },
    ],

    // aws_cloudwatch_event_rule: the rest of rule.go
    [`${ER} namePrefix cannot be longer than 64 characters`]: ["n".repeat(65), "n".repeat(64)],
    [`${ER} namePrefix RegexMatches(/^[0-9A-Za-z_.-]+$/)`]: ["acme chat-", "acme-chat-"],
    [`${ER} (inputs) ConflictsWith(name, namePrefix)`]: [{ name: "a", namePrefix: "a-", eventPattern: "{}" }, { namePrefix: "a-", eventPattern: "{}" }],
    [`${ER} (inputs) ConflictsWith(isEnabled, state)`]: [{ isEnabled: true, state: "ENABLED" }, { state: "ENABLED" }],
    [`${ER} (inputs) AtLeastOneOf(scheduleExpression, eventPattern)`]: [{ name: "acme" }, { name: "acme", scheduleExpression: "rate(5 minutes)" }],
    [`${ER} roleArn ValidARN`]: [BAD_ARN, ARN_ROLE],
    [`${ER} scheduleExpression StringLenBetween(0, 256)`]: ["r".repeat(257), "r".repeat(256)],
    [`${ER} state enum.Validate[eventbridge.RuleState]()`]: ["Enabled", "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"],

    [`${ER} eventBusName validBusNameOrARN: StringLenBetween(1, 1600)`]: ["", "default"],
    [`${ET} eventBusName validBusNameOrARN: StringLenBetween(1, 1600)`]: ["b".repeat(1601), "b".repeat(1600)],

    // aws_cloudwatch_event_target: target.go
    [`${ET} arn ValidARN`]: ["acme-alerts", "arn:aws:sns:us-east-1:123456789012:acme-alerts"],
    [`${ET} batchTarget.arraySize IntBetween(2, 10000)`]: [1, 2],
    [`${ET} batchTarget.jobAttempts IntBetween(1, 10)`]: [11, 10],
    [`${ET} deadLetterConfig.arn ValidARN`]: ["dlq", "arn:aws:sqs:us-east-1:123456789012:dlq"],
    [`${ET} ecsTarget.capacityProviderStrategies[].base IntBetween(0, 100000)`]: [100001, 100000],
    [`${ET} ecsTarget.capacityProviderStrategies[].weight IntBetween(0, 1000)`]: [1001, 1000],
    [`${ET} ecsTarget.group StringLenBetween(1, 255)`]: ["", "g"],
    [`${ET} ecsTarget.launchType enum.Validate[eventbridge.LaunchType]()`]: ["fargate", "FARGATE"],
    [`${ET} ecsTarget.orderedPlacementStrategies MaxItems 5`]: [Array(6).fill({ type: "spread" }), Array(5).fill({ type: "spread" })],
    [`${ET} ecsTarget.orderedPlacementStrategies[].field StringLenBetween(0, 255)`]: ["f".repeat(256), "f".repeat(255)],
    [`${ET} ecsTarget.orderedPlacementStrategies[].type enum.Validate[eventbridge.PlacementStrategyType]()`]: ["Spread", "spread"],
    [`${ET} ecsTarget.placementConstraints MaxItems 10`]: [Array(11).fill({ type: "distinctInstance" }), Array(10).fill({ type: "distinctInstance" })],
    [`${ET} ecsTarget.placementConstraints[].type enum.Validate[eventbridge.PlacementConstraintType]()`]: ["distinct_instance", "distinctInstance"],
    [`${ET} ecsTarget.platformVersion StringLenBetween(0, 1600)`]: ["v".repeat(1601), "LATEST"],
    [`${ET} ecsTarget.propagateTags enum.Validate[eventbridge.PropagateTags]()`]: ["SERVICE", "TASK_DEFINITION"],
    [`${ET} ecsTarget.taskCount IntBetween(1, math.MaxInt32)`]: [0, 1],
    [`${ET} ecsTarget.taskDefinitionArn ValidARN`]: ["task:1", "arn:aws:ecs:us-east-1:123456789012:task-definition/app:1"],
    [`${ET} httpTarget.headerParameters AllDiag(MapKeyLenBetween(0, 512), MapKeyMatch, MapValueLenBetween(0, 512), MapValueMatch)`]: [{ "X Header": "v" }, { "X-Header": "v".repeat(512) }],
    [`${ET} httpTarget.queryStringParameters AllDiag(MapKeyLenBetween(0, 512), MapKeyMatch, MapValueLenBetween(0, 512), MapValueMatch)`]: [{ ["k".repeat(513)]: "v" }, { ["k".repeat(512)]: "v" }],
    [`${ET} input StringIsJSON`]: ["{not json", '{"a":1}'],
    [`${ET} input StringLenBetween(0, 8192)`]: ["i".repeat(8193), "i".repeat(8192)],
    [`${ET} (inputs) ConflictsWith(input, inputPath, inputTransformer)`]: [{ input: "{}", inputPath: "$.detail" }, { input: "{}" }],
    [`${ET} (inputs) ConflictsWith(inputPath, inputTransformer)`]: [{ inputPath: "$.detail", inputTransformer: { inputTemplate: "<a>" } }, { inputPath: "$.detail" }],
    [`${ET} inputPath StringLenBetween(0, 256)`]: ["p".repeat(257), "p".repeat(256)],
    [`${ET} inputTransformer.inputPaths MapKeyNoMatch(^AWS.*$)`]: [{ AWSRegion: "$.region" }, { region: "$.region" }],
    [`${ET} inputTransformer.inputTemplate StringLenBetween(1, 8192)`]: ["", "<instance> is down"],
    [`${ET} kinesisTarget.partitionKeyPath StringLenBetween(1, 256)`]: ["", "$.id"],
    [`${ET} redshiftTarget.database StringLenBetween(1, 64)`]: ["d".repeat(65), "d".repeat(64)],
    [`${ET} redshiftTarget.dbUser StringLenBetween(1, 128)`]: ["u".repeat(129), "u".repeat(128)],
    [`${ET} redshiftTarget.secretsManagerArn ValidARN`]: ["secret", "arn:aws:secretsmanager:us-east-1:123456789012:secret:r"],
    [`${ET} redshiftTarget.sql StringLenBetween(1, 100000)`]: ["", "select 1"],
    [`${ET} redshiftTarget.statementName StringLenBetween(1, 500)`]: ["s".repeat(501), "s".repeat(500)],
    [`${ET} retryPolicy.maximumEventAgeInSeconds IntBetween(0, 86400)`]: [86401, 86400],
    [`${ET} retryPolicy.maximumRetryAttempts IntBetween(0, 185)`]: [186, 185],
    [`${ET} roleArn ValidARN`]: [BAD_ARN, ARN_ROLE],
    [`${ET} runCommandTargets MaxItems 5`]: [Array(6).fill({ key: "tag:Name", values: ["a"] }), Array(5).fill({ key: "tag:Name", values: ["a"] })],
    [`${ET} runCommandTargets[].key StringLenBetween(1, 128)`]: ["k".repeat(129), "k".repeat(128)],
    [`${ET} runCommandTargets[].values MaxItems 50`]: [Array(51).fill("v"), Array(50).fill("v")],
    [`${ET} runCommandTargets[].values[] StringLenBetween(1, 256)`]: ["", "v"],
    [`${ET} sagemakerPipelineTarget.pipelineParameterLists MaxItems 200`]: [Array(201).fill({ name: "n", value: "v" }), Array(200).fill({ name: "n", value: "v" })],

    // aws_iam_role_policy_attachment, aws_secretsmanager_secret_version, aws_sns_topic_policy
    [`${RPA} policyArn ValidARN`]: ["AmazonS3ReadOnlyAccess", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"],
    [`${SV} secretBinary ValidBase64String`]: ["c2VjcmV0cw=", "c2VjcmV0cw=="],
    [`${SV} (inputs) ConflictsWith(secretBinary, secretString, secretStringWo)`]: [{ secretBinary: "c2VjcmV0", secretString: "s" }, { secretBinary: "c2VjcmV0" }],
    [`${SV} (inputs) ConflictsWith(secretString, secretStringWo)`]: [{ secretString: "s", secretStringWo: "s", secretStringWoVersion: 1 }, { secretStringWo: "s", secretStringWoVersion: 1 }],
    [`${SV} (inputs) RequiredWith(secretStringWo: secretStringWoVersion)`]: [{ secretStringWo: "s" }, { secretStringWo: "s", secretStringWoVersion: 1 }],
    [`${SV} (inputs) RequiredWith(secretStringWoVersion: secretStringWo)`]: [{ secretStringWoVersion: 1 }, { secretStringWoVersion: 1, secretStringWo: "s" }],
    [`${TP} arn ValidARN`]: ["alerts", "arn:aws:sns:us-east-1:123456789012:alerts"],

    // aws_budgets_budget: the v6 line's billing view and filter expression (every level of it)
    ["aws:budgets/budget:Budget billingViewArn ValidARN"]: ["billing-view/primary", "arn:aws:billing::123456789012:billingview/primary"],
    ["aws:budgets/budget:Budget (inputs) ConflictsWith(costFilters, filterExpression)"]: [
        { costFilters: [{ name: "Service", values: ["Amazon Relational Database Service"] }], filterExpression: { dimensions: { key: "SERVICE", values: ["Amazon Relational Database Service"] } } },
        { filterExpression: { dimensions: { key: "SERVICE", values: ["Amazon Relational Database Service"] } } },
    ],
    ...Object.fromEntries(
        FILTER_EXPRESSIONS.flatMap((e): [string, Example][] => [
            [`aws:budgets/budget:Budget ${e}.dimensions.key enum.Validate[budgets.Dimension]()`, ["Service", "SERVICE"]],
            ...(["dimensions", "costCategories", "tags"] as const).flatMap((block): [string, Example][] => [
                [`aws:budgets/budget:Budget ${e}.${block}.matchOptions[] enum.Validate[budgets.MatchOption]()`, ["equals", "EQUALS"]],
                [`aws:budgets/budget:Budget ${e}.${block}.values SizeAtLeast(1)`, [[], ["Amazon Relational Database Service"]]],
                [`aws:budgets/budget:Budget ${e}.${block}.values[] StringLenBetween(0, 1024)`, ["v".repeat(1025), "v".repeat(1024)]],
            ]),
            [`aws:budgets/budget:Budget ${e}.dimensions.matchOptions[] validateFilterExpressionDiff: ABSENT match_option is not supported`, ["ABSENT", "EQUALS"]],
            [`aws:budgets/budget:Budget ${e}.costCategories.matchOptions[] validateFilterExpressionDiff: ABSENT match_option is not supported`, ["ABSENT", "CASE_SENSITIVE"]],
            [`aws:budgets/budget:Budget ${e}.tags.key StringLenBetween(0, 1024)`, ["k".repeat(1025), "k".repeat(1024)]],
        ]),
    ),

    // the AWS provider's own configuration
    ...Object.fromEntries(
        (["assumeRoles[]", "assumeRoleWithWebIdentity"] as const).flatMap((block): [string, Example][] => [
            [`pulumi:providers:aws ${block}.duration validAssumeRoleDuration`, block === "assumeRoles[]" ? ["14m59s", "15m"] : ["12h0m1s", "12h"]],
            [`pulumi:providers:aws ${block}.policy StringIsJSON`, ["{", "{}"]],
            [`pulumi:providers:aws ${block}.policyArns[] ValidARN`, ["ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess"]],
            [`pulumi:providers:aws ${block}.roleArn ValidARN`, [BAD_ARN, ARN_ROLE]],
            [`pulumi:providers:aws ${block}.sessionName StringLenBetween(2, 64)`, ["s", "ci"]],
        ]),
    ),
    ["pulumi:providers:aws assumeRoles[].externalId StringLenBetween(2, 1224)"]: ["x".repeat(1225), "x".repeat(1224)],
    ["pulumi:providers:aws assumeRoles[].sourceIdentity StringLenBetween(2, 64)"]: ["i".repeat(65), "i".repeat(64)],
    ["pulumi:providers:aws (inputs) configure expandAssumeRoles(assumeRoles): role_arn required in each of several blocks"]: [
        { assumeRoles: [{ roleArn: ARN_ROLE }, { sessionName: "ci" }] },
        { assumeRoles: [{ roleArn: ARN_ROLE }, { roleArn: "arn:aws:iam::210987654321:role/deploy" }] },
    ],
    ["pulumi:providers:aws assumeRoleWithWebIdentity.webIdentityToken StringLenBetween(4, 20000)"]: ["abc", "abcd"],
    ["pulumi:providers:aws assumeRoleWithWebIdentity ExactlyOneOf(webIdentityToken, webIdentityTokenFile)"]: [{ roleArn: ARN_ROLE }, { roleArn: ARN_ROLE, webIdentityTokenFile: "/var/run/secrets/token" }],
    ["pulumi:providers:aws (inputs) ConflictsWith(allowedAccountIds, forbiddenAccountIds)"]: [{ allowedAccountIds: ["123456789012"], forbiddenAccountIds: ["210987654321"] }, { allowedAccountIds: ["123456789012"] }],
};
