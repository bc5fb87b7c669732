/**
 * For every hand-written provider validator: an input the provider refuses and one it accepts, placed at the
 * validator's property path. Keyed by `<type> <property> <rule>`; the validator test fails on a validator
 * without an example, so a new validator comes with both.
 */
import { EC2_EXAMPLES } from "./examples-ec2";
import { VPC_EXAMPLES } from "./examples-vpc";
import { ELASTICACHE_EXAMPLES } from "./examples-elasticache";
import { RDS_EXAMPLES } from "./examples-rds";
import { AWS_REST_EXAMPLES } from "./aws-examples";

export type Example = [bad: unknown, good: unknown];


const P = "vercel:index/project:Project";
const F = "vercel:index/firewallConfig:FirewallConfig";
const L = "vercel:index/logDrain:LogDrain";
const B = "vercel:index/blobStore:BlobStore";
const C = "vercel:index/blobProjectConnection:BlobProjectConnection";
const D = "vercel:index/projectDomain:ProjectDomain";
const E = "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable";
const CE = "vercel:index/customEnvironment:CustomEnvironment";
const KA = "aws:kms/alias:Alias";
const KK = "aws:kms/key:Key";
const HC = "aws:route53/healthCheck:HealthCheck";
const SM = "aws:secretsmanager/secret:Secret";
const LG = "aws:cloudwatch/logGroup:LogGroup";
const RP = "random:index/randomPassword:RandomPassword";
const DP = "postgresql:index/defaultPrivileges:DefaultPrivileges";
const GR = "postgresql:index/grant:Grant";
const PR = "postgresql:index/role:Role";
const PD = "postgresql:index/database:Database";
const AL = "aws:cloudwatch/metricAlarm:MetricAlarm";
const BU = "aws:budgets/budget:Budget";
const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const VE = "aws:s3/bucketVersioning:BucketVersioning";
const SU = "aws:sns/topicSubscription:TopicSubscription";
const RO = "aws:iam/role:Role";
const RPOL = "aws:iam/rolePolicy:RolePolicy";
const OI = "aws:iam/openIdConnectProvider:OpenIdConnectProvider";
const TO = "aws:sns/topic:Topic";

const WF = "pulumi-nodejs:dynamic/sentry:Workflow";
const DT = "pulumi-nodejs:dynamic/sentry:Detector";
const email = { type: "email", integrationId: null, config: { targetType: "team", targetIdentifier: "1234567", targetDisplay: null }, data: {} };
const workflow = {
    organization: "acme",
    project: "acme-chat-prod",
    connectErrorDetector: true,
    name: "New issue or regression (prod)",
    enabled: true,
    config: { frequency: 30 },
    triggers: { logicType: "any-short", conditions: [{ type: "first_seen_event", comparison: true, conditionResult: true }] },
    actionFilters: [{ logicType: "any-short", conditions: [], actions: [email] }],
};
const spans = { queryType: 1, dataset: "events_analytics_platform", eventTypes: ["trace_item_span"], aggregate: "failure_rate()", query: "is_transaction:true", timeWindow: 300, environment: null };
const detector = {
    organization: "acme",
    project: "acme-chat-prod",
    name: "Error rate over 1 % (prod)",
    type: "metric_issue",
    dataSources: [spans],
    conditionGroup: { logicType: "any", conditions: [{ type: "gt", comparison: 0.01, conditionResult: 75 }, { type: "lte", comparison: 0.01, conditionResult: 0 }] },
    config: { detectionType: "static" },
    workflowIds: ["7654321"],
};

export const EXAMPLES: Record<string, Example> = {
    ...EC2_EXAMPLES,
    ...VPC_EXAMPLES,
    ...ELASTICACHE_EXAMPLES,
    ...RDS_EXAMPLES,
    ...AWS_REST_EXAMPLES,
    [`${P} name LengthBetween(1, 52)`]: ["a".repeat(53), "acme-chat"],
    [`${P} name RegexMatches(/^[a-z0-9-]{0,100}$/)`]: ["Acme_Chat", "acme-chat"],
    [`${P} nodeVersion OneOf("18.x", "20.x", "22.x", "24.x")`]: ["24", "24.x"],
    [`${P} environments[].targets[] OneOf("production", "preview", "development")`]: ["staging", "preview"],
    [`${P} environments[].targets SizeAtLeast(1)`]: [[], ["preview"]],
    [`${P} environments[].customEnvironmentIds SizeAtLeast(1)`]: [[], ["env_1"]],
    [`${P} environments[] AtLeastOneOf(targets, customEnvironmentIds)`]: [{ key: "A" }, { key: "A", targets: ["preview"] }],
    [`${P} environments[].comment LengthBetween(0, 1000)`]: ["x".repeat(1001), "why"],
    [`${P} gitRepository.type OneOf("github", "gitlab", "bitbucket")`]: ["gitea", "github"],
    [`${P} vercelAuthentication.deploymentType OneOf("standard_protection_new", "standard_protection", "all_deployments", "only_preview_deployments", "none")`]: [
        "standardProtectionNew",
        "standard_protection_new",
    ],
    [`${P} passwordProtection.password LengthBetween(1, 72)`]: ["p".repeat(73), "correct horse"],
    [`${P} passwordProtection.deploymentType OneOf("standard_protection_new", "standard_protection", "all_deployments", "only_preview_deployments")`]: ["none", "all_deployments"],
    [`${P} trustedIps.addresses SizeAtLeast(1)`]: [[], [{ value: "10.0.0.1" }]],
    [`${P} trustedIps.deploymentType OneOf("standard_protection_new", "standard_protection", "all_deployments", "only_production_deployments", "only_preview_deployments")`]: ["none", "only_production_deployments"],
    [`${P} trustedIps.protectionMode OneOf("trusted_ip_required", "trusted_ip_optional")`]: ["required", "trusted_ip_required"],
    [`${P} (inputs) ConflictsWith(previewComments, enablePreviewFeedback)`]: [{ previewComments: true, enablePreviewFeedback: true }, { enablePreviewFeedback: true }],
    [`${P} (inputs) ConflictsWith(serverlessFunctionRegion, resourceConfig.functionDefaultRegions)`]: [
        { serverlessFunctionRegion: "iad1", resourceConfig: { functionDefaultRegions: ["iad1"] } },
        { resourceConfig: { functionDefaultRegions: ["iad1"] } },
    ],
    [`${P} skewProtection OneOf("30 minutes", "4 hours", "12 hours", "1 day", "7 days")`]: ["2 days", "1 day"],
    [`${P} resourceConfig.functionDefaultCpuType OneOf("standard_legacy", "standard", "performance")`]: ["turbo", "standard"],
    [`${P} resourceConfig.functionDefaultTimeout Between(1, 900)`]: [901, 60],
    [`${P} buildMachineType OneOf("standard", "enhanced", "turbo", "elastic")`]: ["large", "turbo"],
    [`${P} environments[] ModifyPlan: a variable targeting development must set sensitive = false`]: [
        { key: "A", value: "1", targets: ["preview", "development"], sensitive: true },
        { key: "A", value: "1", targets: ["preview", "development"], sensitive: false },
    ],
    [`${P} trustedSources.projects SizeAtMost(100)`]: [Array.from({ length: 101 }, (_, i) => ({ projectId: `prj_${i}` })), Array.from({ length: 100 }, (_, i) => ({ projectId: `prj_${i}` }))],
    [`${P} trustedSources.projects[].projectId LengthBetween(1, 64)`]: ["p".repeat(65), "p".repeat(64)],
    [`${P} trustedSources.projects[].label LengthBetween(1, 100)`]: ["", "l".repeat(100)],
    [`${P} trustedSources.projects[].customAllows SizeAtLeast(1), SizeAtMost(20)`]: [[], [{ from: { preset: "all-custom" }, to: { slugs: ["production"] } }]],
    ...Object.fromEntries(
        ["trustedSources.projects[].customAllows[].from", "trustedSources.projects[].customAllows[].to", "trustedSources.externalSources[].to"].flatMap((m) => [
            [`${P} ${m}.slugs SizeAtLeast(1), SizeAtMost(10)`, [[], ["production"]]],
            [`${P} ${m}.preset OneOf("all-custom")`, ["all", "all-custom"]],
            [`${P} ${m} AtLeastOneOf(slugs, preset)`, [{}, { slugs: ["preview"] }]],
        ]),
    ),
    [`${P} trustedSources.externalSources[].issuer LengthBetween(1, 512)`]: ["", "https://token.actions.githubusercontent.com"],
    [`${P} trustedSources.externalSources[].label LengthBetween(1, 100)`]: ["l".repeat(101), "GitHub Actions"],
    [`${P} oidcTokenConfig.issuerMode OneOf("team", "global")`]: ["issuer", "global"],
    [`${P} optionsAllowlist.paths SizeAtLeast(1)`]: [[], [{ value: "/api" }]],
    [`${P} resourceConfig fluidComputeBasicCPUValidator (fluid, functionDefaultCpuType)`]: [{ fluid: true, functionDefaultCpuType: "standard_legacy" }, { fluid: true, functionDefaultCpuType: "standard" }],

    [`${F} rules.rules UniqueValues()`]: [[{ name: "same" }, { name: "same" }], [{ name: "one1" }, { name: "two2" }]],
    [`${F} rules.rules[].name LengthBetween(4, 160)`]: ["api", "api-all"],
    [`${F} rules.rules[].description LengthAtMost(260)`]: ["d".repeat(261), "rate limit"],
    [`${F} rules.rules[].action.action OneOf("bypass", "log", "challenge", "deny", "rate_limit", "redirect")`]: ["rateLimit", "rate_limit"],
    [`${F} rules.rules[].action.rateLimit.action OneOf("bypass", "log", "challenge", "deny", "rate_limit")`]: ["redirect", "deny"],
    [`${F} rules.rules[].conditionGroups[].conditions[].type OneOf("host", "path", "method", "header", "query", "cookie", "target_path", "ip_address", "region", "protocol", "scheme", "environment", "user_agent", "geo_continent", "geo_country", "geo_country_region", "geo_city", "geo_as_number", "ja4_digest", "ja3_digest", "rate_limit_api_id")`]: [
        "url",
        "path",
    ],
    [`${F} rules.rules[].conditionGroups[].conditions[].op OneOf("re", "eq", "neq", "ex", "nex", "inc", "ninc", "pre", "suf", "sub", "gt", "gte", "lt", "lte")`]: ["prefix", "pre"],
    [`${F} rules.rules[].conditionGroups[].conditions[] ConflictsWith(value, values)`]: [{ value: "/a", values: ["/b"] }, { values: ["/a", "/b"] }],
    [`${F} ipRules.rules[].action OneOf("bypass", "log", "challenge", "deny")`]: ["rate_limit", "deny"],
    [`${F} managedRulesets ConflictsWith(botProtection, botFilter)`]: [{ botProtection: { active: true }, botFilter: { active: true } }, { botFilter: { active: true } }],

    [`${L} deliveryFormat OneOf("json", "ndjson")`]: ["csv", "ndjson"],
    [`${L} environments[] OneOf("production", "preview")`]: ["development", "production"],
    [`${L} environments SizeAtLeast(1)`]: [[], ["production"]],
    [`${L} headers SizeAtMost(5)`]: [{ a: "1", b: "2", c: "3", d: "4", e: "5", f: "6" }, { authorization: "x" }],
    [`${L} samplingRate Between(0, 1)`]: [1.5, 0.5],
    [`${L} secret LengthAtLeast(32)`]: ["short", "s".repeat(32)],
    [`${L} sources[] OneOf("static", "edge", "external", "build", "lambda", "firewall", "redirect")`]: ["functions", "lambda"],
    [`${L} sources SizeAtLeast(1)`]: [[], ["lambda"]],

    [`${B} access OneOf("public", "private")`]: ["internal", "private"],
    [`${B} region OneOf("arn1", "bom1", "cdg1", "cle1", "cpt1", "dub1", "dxb1", "fra1", "gru1", "hkg1", "hnd1", "iad1", "icn1", "kix1", "lhr1", "pdx1", "sfo1", "sin1", "syd1", "yul1")`]: [
        "us-east-1",
        "iad1",
    ],
    [`${C} envVarPrefix LengthAtLeast(1)`]: ["", "UPLOADS"],
    [`${C} environments SizeAtLeast(1)`]: [[], ["production"]],
    [`${C} environments[] OneOf("production", "preview", "development")`]: ["staging", "preview"],

    [`${D} redirectStatusCode OneOf(301, 302, 307, 308)`]: [303, 308],
    [`${D} (inputs) ConflictsWith(gitBranch, customEnvironmentId)`]: [{ gitBranch: "main", customEnvironmentId: "env_1" }, { gitBranch: "main" }],

    [`${E} targets[] OneOf("production", "preview", "development")`]: ["staging", "production"],
    [`${E} customEnvironmentIds SizeAtLeast(1)`]: [[], ["env_1"]],
    [`${E} (inputs) AtLeastOneOf(targets, customEnvironmentIds)`]: [{ key: "A", value: "1" }, { key: "A", value: "1", targets: ["preview"] }],
    [`${E} (inputs) ExactlyOneOf(value, valueWo)`]: [{ key: "A", targets: ["preview"] }, { key: "A", value: "1", targets: ["preview"] }],
    [`${E} comment LengthBetween(0, 1000)`]: ["c".repeat(1001), "why"],
    [`${E} (inputs) ModifyPlan: a variable targeting development must set sensitive = false`]: [
        { key: "A", value: "1", targets: ["development"], sensitive: true },
        { key: "A", value: "1", targets: ["development"], sensitive: false },
    ],
    [`${CE} name LengthBetween(1, 32)`]: ["s".repeat(33), "staging"],
    [`${CE} name RegexMatches(/^[a-z0-9-]{0,32}$/)`]: ["Staging", "staging"],
    [`${CE} branchTracking.pattern LengthBetween(1, 100)`]: ["", "release/"],
    [`${CE} branchTracking.type OneOf("startsWith", "endsWith", "equals")`]: ["prefix", "startsWith"],

    // AWS
    // v5+: only "alias/aws/" is reserved, so "alias/awsome-app" is a valid name (v4 refused it).
    [`${KA} name StringDoesNotMatch(/^(alias\\/aws\\/)/)`]: ["alias/aws/rds", "alias/awsome-app"],
    [`${KA} name RegexMatches(/^(alias\\/)[0-9A-Za-z_/-]+$/)`]: ["alias/acme:chat", "alias/acme-chat_prod/db"],
    [`${KA} namePrefix StringDoesNotMatch(/^(alias\\/aws\\/)/)`]: ["alias/aws/acme-", "alias/awsome-"],
    [`${KA} namePrefix RegexMatches(/^(alias\\/)[0-9A-Za-z_/-]+$/)`]: ["acme-", "alias/acme-"],
    [`${KA} (inputs) ConflictsWith(name, namePrefix)`]: [{ name: "alias/a", namePrefix: "alias/a-" }, { namePrefix: "alias/a-" }],
    [`${HC} referenceName StringLenBetween(0, 64 - UniqueIDSuffixLength - 11) = (0, 27)`]: ["a-service-name-longer-than-fifteen-prod-uptime", "acme-chat-prod-uptime"],
    [`${HC} failureThreshold IntBetween(1, 10)`]: [11, 3],
    [`${HC} fqdn StringLenBetween(0, 255)`]: ["a".repeat(256), "chat.acme.example"],
    [`${HC} resourcePath StringLenBetween(0, 255)`]: ["/" + "a".repeat(255), "/health"],
    [`${HC} searchString StringLenBetween(0, 255)`]: ["s".repeat(256), "ok"],
    [`${HC} requestInterval OneOf(10, 30)`]: [60, 30],
    [`${HC} childHealthThreshold IntAtMost(256)`]: [257, 2],
    [`${HC} port IsPortNumber`]: [70000, 443],
    [`${HC} regions MinItems 3, MaxItems 64`]: [["us-east-1"], ["us-east-1", "us-west-1", "eu-west-1"]],
    [`${SM} recoveryWindowInDays Any(IntBetween(7, 30), IntInSlice([0]))`]: [3, 30],
    [`${SM} (inputs) ConflictsWith(name, namePrefix)`]: [{ name: "a", namePrefix: "a-" }, { name: "a" }],
    [`${KK} deletionWindowInDays IntBetween(7, 30)`]: [5, 30],
    [`${KK} description StringLenBetween(0, 8192)`]: ["d".repeat(8193), "acme-chat data"],
    [`${KK} rotationPeriodInDays IntBetween(90, 2560)`]: [30, 365],
    [`${KK} (inputs) RequiredWith(rotationPeriodInDays: enableKeyRotation)`]: [{ rotationPeriodInDays: 365 }, { rotationPeriodInDays: 365, enableKeyRotation: true }],
    [`${KK} customKeyStoreId StringLenBetween(1, 22)`]: ["c".repeat(23), "cks-1234567890abcdef0"],
    [`${KK} xksKeyId StringLenBetween(1, 128)`]: ["", "xks-key"],
    [`${KK} (inputs) RequiredWith(xksKeyId: customKeyStoreId)`]: [{ xksKeyId: "k" }, { xksKeyId: "k", customKeyStoreId: "cks-1" }],
    [`${LG} retentionInDays OneOf(0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)`]: [45, 30],
    [`${LG} (inputs) ConflictsWith(name, namePrefix)`]: [{ name: "/a", namePrefix: "/a-" }, { name: "/a" }],

    // random
    [`${RP} length AtLeast(1)`]: [0, 64],
    [`${RP} (inputs) AtLeastSumOf(min_upper, min_lower, min_numeric, min_special)`]: [{ length: 8, minUpper: 4, minNumeric: 6 }, { length: 16, minUpper: 4, minNumeric: 6 }],
    [`${RP} (inputs) AtLeastOneOfTrue(special, upper, lower) on numeric`]: [{ length: 8, numeric: false, special: false, upper: false, lower: false }, { length: 8, numeric: false, special: false, upper: false }],
    [`${RP} (inputs) AtLeastOneOfTrue(special, upper, lower) on number`]: [{ length: 8, number: false, special: false, upper: false, lower: false }, { length: 8, number: false, lower: true, special: false, upper: false }],

    // postgresql
    [`${DP} objectType OneOf("table", "sequence", "function", "routine", "type", "schema")`]: ["tables", "table"],
    [`${GR} objectType OneOf("database", "function", "procedure", "routine", "schema", "sequence", "table", "foreign_data_wrapper", "foreign_server", "column")`]: ["view", "table"],
    [`${PR} connectionLimit AtLeast(-1)`]: [-2, 20],
    [`${PR} idleInTransactionSessionTimeout AtLeast(0)`]: [-1, 300000],
    [`${PR} statementTimeout AtLeast(0)`]: [-1, 30000],
    [`${PR} (inputs) ConflictsWith(password, passwordWo, passwordWoVersion)`]: [{ password: "p", passwordWo: "p" }, { password: "p" }],
    [`${PR} (inputs) RequiredWith(passwordWo: passwordWoVersion)`]: [{ passwordWo: "p" }, { passwordWo: "p", passwordWoVersion: "1" }],
    [`${PR} (inputs) RequiredWith(passwordWoVersion: passwordWo)`]: [{ passwordWoVersion: "1" }, { passwordWo: "p", passwordWoVersion: "1" }],
    [`${PD} connectionLimit AtLeast(-1)`]: [-5, -1],
    [`${PR} searchPaths[] Create: alterSearchPath (no ", " in an element)`]: ["app, public", "app,public"],
    [`${GR} (inputs) Create: schema is mandatory unless objectType is database, foreign_data_wrapper or foreign_server`]: [
        { objectType: "table", privileges: ["SELECT"] },
        { objectType: "database", privileges: ["CONNECT"] },
    ],
    [`${GR} (inputs) Create: no objects when objectType is database or schema`]: [{ objectType: "schema", schema: "app", objects: ["app"] }, { objectType: "schema", schema: "app", objects: [] }],
    [`${GR} (inputs) Create: columns only when objectType is column`]: [{ objectType: "table", schema: "app", columns: ["id"] }, { objectType: "column", schema: "app", columns: ["id"] }],
    [`${GR} (inputs) Create: columns required when objectType is column`]: [{ objectType: "column", schema: "app" }, { objectType: "column", schema: "app", columns: ["id"] }],
    [`${GR} (inputs) Create: exactly 1 privilege when objectType is column`]: [{ objectType: "column", privileges: ["SELECT", "UPDATE"] }, { objectType: "column", privileges: ["SELECT"] }],
    [`${GR} (inputs) Create: exactly 1 object when objectType is column`]: [{ objectType: "column", objects: ["a", "b"] }, { objectType: "column", objects: ["a"] }],
    [`${GR} (inputs) Create: exactly 1 object when objectType is foreign_data_wrapper or foreign_server`]: [{ objectType: "foreign_server", objects: [] }, { objectType: "foreign_server", objects: ["remote"] }],
    [`${GR} (inputs) Create: validatePrivileges (privileges allowed for objectType)`]: [{ objectType: "schema", privileges: ["SELECT"] }, { objectType: "schema", privileges: ["USAGE", "CREATE"] }],
    [`${DP} (inputs) Create: no schema when objectType is schema`]: [{ objectType: "schema", schema: "app" }, { objectType: "schema" }],
    [`${DP} (inputs) Create: withGrantOption not for role public`]: [{ role: "PUBLIC", withGrantOption: true }, { role: "app_rw", withGrantOption: true }],
    [`${DP} (inputs) Create: validatePrivileges (privileges allowed for objectType)`]: [{ objectType: "sequence", privileges: ["EXECUTE"] }, { objectType: "sequence", privileges: ["USAGE", "SELECT"] }],
    ['pulumi:providers:postgresql scheme StringInSlice("postgres", "awspostgres", "gcppostgres", false)']: ["Postgres", "awspostgres"],
    ["pulumi:providers:postgresql connectTimeout AtLeast(-1)"]: ["-2", "-1"],
    ["pulumi:providers:postgresql maxConnections AtLeast(-1)"]: [-2, 0],
    ["pulumi:providers:postgresql expectedVersion validateExpectedVersion (semver.ParseTolerant)"]: ["17-beta", "17.4"],
    ["pulumi:providers:postgresql (inputs) Configure: azureIdentityAuth needs azureTenantId"]: [{ azureIdentityAuth: "true" }, { azureIdentityAuth: "true", azureTenantId: "00000000-0000-0000-0000-000000000000" }],

    // upstash (the provider's own configuration)
    ["pulumi:providers:upstash (inputs) Required email, DefaultFunc EnvDefaultFunc(UPSTASH_EMAIL) (upstash:email)"]: [{ apiKey: "k" }, { email: "ops@acme.example", apiKey: "k" }],
    ["pulumi:providers:upstash (inputs) Required apiKey, DefaultFunc EnvDefaultFunc(UPSTASH_API_KEY) (upstash:apiKey)"]: [{ email: "ops@acme.example" }, { email: "ops@acme.example", apiKey: "k" }],

    // AWS: IAM role, SNS subscription
    ["aws:iam/role:Role assumeRolePolicy ValidIAMPolicyJSON"]: ['{"Version": "2012-10-17",', '{"Version":"2012-10-17","Statement":[]}'],
    ["aws:iam/role:Role inlinePolicies[].policy ValidIAMPolicyJSON"]: ['{"Version":"2012-10-17","Version":"2012-10-17"}', '{"Version":"2012-10-17","Statement":[]}'],
    ["aws:iam/role:Role maxSessionDuration IntBetween(3600, 43200)"]: [60, 3600],
    ["aws:iam/role:Role description StringLenBetween(0, 1000)"]: ["d".repeat(1001), "storage access for the app"],
    ["aws:iam/role:Role description StringDoesNotMatch(/[“‘]/)"]: ["the app’s ‘storage’ role", "the app's storage role"],
    ["aws:iam/role:Role path StringLenBetween(0, 512)"]: ["/" + "p".repeat(512), "/"],
    ["aws:iam/role:Role (inputs) ConflictsWith(name, namePrefix)"]: [{ name: "a", namePrefix: "a-" }, { name: "a" }],
    ...Object.fromEntries(["deliveryPolicy", "filterPolicy", "redrivePolicy", "replayPolicy"].map((p) => [`aws:sns/topicSubscription:TopicSubscription ${p} StringIsJSON`, ["{not json", '{"a":1}']])),

    // AWS: metric alarm
    ["aws:cloudwatch/metricAlarm:MetricAlarm name StringLenBetween(1, 255)"]: ["", "acme-chat-prod-db-cpu"],
    ["aws:cloudwatch/metricAlarm:MetricAlarm alarmDescription StringLenBetween(0, 1024)"]: ["d".repeat(1025), "Database CPU above 80%"],
    ["aws:cloudwatch/metricAlarm:MetricAlarm datapointsToAlarm AtLeast(1)"]: [0, 2],
    ["aws:cloudwatch/metricAlarm:MetricAlarm evaluationPeriods AtLeast(1)"]: [0, 3],
    ["aws:cloudwatch/metricAlarm:MetricAlarm metricName StringLenBetween(1, 255)"]: ["", "CPUUtilization"],
    ["aws:cloudwatch/metricAlarm:MetricAlarm namespace StringLenBetween(1, 255)"]: ["", "AWS/RDS"],
    ["aws:cloudwatch/metricAlarm:MetricAlarm period Any(IntInSlice([10, 20, 30]), IntDivisibleBy(60))"]: [45, 300],
    ["aws:cloudwatch/metricAlarm:MetricAlarm okActions MaxItems 5"]: [["a", "b", "c", "d", "e", "f"], ["arn:aws:sns:us-east-1:1:alerts"]],
    ["aws:cloudwatch/metricAlarm:MetricAlarm insufficientDataActions MaxItems 5"]: [["a", "b", "c", "d", "e", "f"], []],
    ["aws:cloudwatch/metricAlarm:MetricAlarm (inputs) ConflictsWith(statistic, extendedStatistic, metricQueries)"]: [{ statistic: "Average", extendedStatistic: "p99" }, { statistic: "Average" }],
    ["aws:cloudwatch/metricAlarm:MetricAlarm (inputs) ConflictsWith(extendedStatistic, metricQueries)"]: [{ extendedStatistic: "p99", metricQueries: [{ id: "m1" }] }, { extendedStatistic: "p99" }],
    ["aws:cloudwatch/metricAlarm:MetricAlarm (inputs) ConflictsWith(namespace, metricQueries)"]: [{ namespace: "AWS/RDS", metricQueries: [{ id: "m1" }] }, { namespace: "AWS/RDS" }],
    ["aws:cloudwatch/metricAlarm:MetricAlarm (inputs) ConflictsWith(period, metricQueries)"]: [{ period: 60, metricQueries: [{ id: "m1" }] }, { period: 60 }],
    ["aws:cloudwatch/metricAlarm:MetricAlarm (inputs) ConflictsWith(metricName, metricQueries)"]: [{ metricName: "CPUUtilization", metricQueries: [{ id: "m1" }] }, { metricQueries: [{ id: "m1" }] }],
    ["aws:cloudwatch/metricAlarm:MetricAlarm (inputs) ConflictsWith(dimensions, metricQueries)"]: [{ dimensions: { a: "b" }, metricQueries: [{ id: "m1" }] }, { dimensions: { a: "b" } }],
    ["aws:cloudwatch/metricAlarm:MetricAlarm (inputs) ConflictsWith(threshold, thresholdMetricId)"]: [{ threshold: 80, thresholdMetricId: "m1" }, { threshold: 80 }],
    ["aws:cloudwatch/metricAlarm:MetricAlarm (inputs) CustomizeDiff: one of statistic or extended_statistic with metric_name"]: [{ metricName: "CPUUtilization" }, { metricName: "CPUUtilization", statistic: "Average" }],

    // AWS: EventBridge rule and target (the database's storage-ceiling events)
    ["aws:cloudwatch/eventRule:EventRule name cannot be longer than 64 characters"]: ["n".repeat(65), "acme-chat-prod-storage"],
    ["aws:cloudwatch/eventRule:EventRule name RegexMatches(/^[0-9A-Za-z_.-]+$/)"]: ["acme chat/storage", "acme-chat-prod-storage"],
    ["aws:cloudwatch/eventTarget:EventTarget rule cannot be longer than 64 characters"]: ["n".repeat(65), "acme-chat-prod-storage"],
    ["aws:cloudwatch/eventTarget:EventTarget rule RegexMatches(/^[0-9A-Za-z_.-]+$/)"]: ["acme:storage", "acme-chat-prod-storage"],
    ["aws:cloudwatch/eventTarget:EventTarget targetId cannot be longer than 64 characters"]: ["t".repeat(65), "terraform-20261206021500000000000001"],
    ["aws:cloudwatch/eventTarget:EventTarget targetId RegexMatches(/^[0-9A-Za-z_.-]+$/)"]: ["alerts topic", "alerts-topic"],
    ["aws:cloudwatch/eventRule:EventRule eventPattern validateEventPatternValue: valid JSON, at most 4096 characters once normalized"]: [
        '{"source": ["aws.rds"]',
        // Whitespace does not count: the provider measures the normalized JSON.
        JSON.stringify({ source: ["aws.rds"], detail: { SourceIdentifier: ["a".repeat(4000)] } }, null, 8),
    ],
    ["aws:cloudwatch/eventRule:EventRule description StringLenBetween(0, 512)"]: ["d".repeat(513), "RDS storage nears its ceiling"],


    // sentry (terraform-provider-sentry v0.11.2)
    ['sentry:index/sentryIssueAlert:SentryIssueAlert name StringLenBetween(1, 64)']: ["n".repeat(65), "New issue or regression (prod)"],
    ['sentry:index/sentryIssueAlert:SentryIssueAlert actionMatch OneOf("all", "any")']: ["none", "any"],
    ['sentry:index/sentryIssueAlert:SentryIssueAlert filterMatch OneOf("all", "any", "none")']: ["some", "all"],
    ["sentry:index/sentryIssueAlert:SentryIssueAlert conditions SizeAtLeast(1)"]: [[], [{ id: "sentry.rules.conditions.first_seen_event.FirstSeenEventCondition" }]],
    ["sentry:index/sentryIssueAlert:SentryIssueAlert actions SizeAtLeast(1)"]: [[], [{ id: "sentry.mail.actions.NotifyEmailAction", targetType: "Team", targetIdentifier: "42" }]],
    ["sentry:index/sentryMetricAlert:SentryMetricAlert triggers SizeAtLeast(1)"]: [[], [{ label: "critical", thresholdType: 0, alertThreshold: 0.01 }]],
    ["sentry:index/sentryProject:SentryProject (inputs) ConflictsWith(team, teams)"]: [{ team: "a", teams: ["a"] }, { teams: ["a"] }],
    ["sentry:index/sentryProject:SentryProject (inputs) Create: AtLeastOneOf(team, teams)"]: [{ organization: "acme", name: "acme-chat" }, { organization: "acme", name: "acme-chat", teams: ["platform"] }],
    ["pulumi:providers:sentry (inputs) DefaultFunc MultiEnvDefaultFunc(SENTRY_AUTH_TOKEN, SENTRY_TOKEN): every API call needs a token"]: [{}, { token: "sntrys_abc" }],
    ["sentry:index/sentryProject:SentryProject platform ValidateDiagFunc validatePlatform (http.Get https://docs.sentry.io/_platforms/<platform>.json)"]: ["javascript-nextjs", "other"],

    // Sentry's workflow engine (contracts/sentry.ts): one validator per serializer file.
    [`${WF} name WorkflowValidator: name not blank, max_length 256`]: ["n".repeat(257), "n".repeat(256)],
    [`${WF} config config.frequency one of the documented minutes (0, 5, 10, 30, 60, 180, 720, 1440)`]: [{ frequency: 15 }, { frequency: 1440 }],
    [`${WF} triggers DataConditionGroup.Type: logicType any, any-short, all or none; conditions a list`]: [{ logicType: "any-of", conditions: [] }, workflow.triggers],
    [`${WF} triggers Condition: type a Condition member, comparison and conditionResult present`]: [
        { logicType: "any-short", conditions: [{ type: "sentry.rules.conditions.first_seen_event.FirstSeenEventCondition", comparison: true, conditionResult: true }] },
        workflow.triggers,
    ],
    [`${WF} notifyTeam a team slug (the provider looks its id up at create)`]: ["Platform Team", "platform-team"],
    [`${WF} actionFilters WorkflowValidator: action filters present, each with its actions key`]: [[{ logicType: "any-short", conditions: [] }], workflow.actionFilters],
    [`${WF} actionFilters DataConditionGroup.Type: logicType any, any-short, all or none; conditions a list`]: [[{ logicType: "first", conditions: [], actions: [email] }], workflow.actionFilters],
    [`${WF} actionFilters Condition: type a Condition member, comparison and conditionResult present`]: [[{ logicType: "any-short", conditions: [{ type: "level", comparison: 40 }], actions: [email] }], workflow.actionFilters],
    [`${WF} actionFilters documented actions: email to a user, team (numeric id) or the issue owners; Slack with its integration id and channel`]: [
        [{ logicType: "any-short", conditions: [], actions: [{ ...email, config: { targetType: "team", targetIdentifier: "platform-team", targetDisplay: null } }] }],
        workflow.actionFilters,
    ],
    [`${DT} name BaseDetectorTypeValidator: name not blank, max_length 200`]: ["n".repeat(201), "n".repeat(200)],
    [`${DT} type BaseDetectorTypeValidator: type metric_issue`]: ["error", "metric_issue"],
    [`${DT} config config.detectionType static, percent or dynamic`]: [{ detectionType: "threshold" }, { detectionType: "static" }],
    [`${DT} dataSources BaseDetectorTypeValidator: dataSources required`]: [[], [spans]],
    [`${DT} dataSources SnubaQueryValidator: required fields, query type, dataset and event types per query type, time window, aggregate`]: [[{ ...spans, timeWindow: 299 }], [{ ...spans, timeWindow: 300 }]],
    [`${DT} dataSources _validate_transaction_dataset_deprecation: no transactions or generic_metrics dataset`]: [[{ ...spans, dataset: "transactions", eventTypes: ["transaction"] }], [spans]],
    [`${DT} conditionGroup MetricIssueDetectorValidator: a condition group of at most 3 numeric conditions with results 75, 50 or 0, one resolving`]: [
        { logicType: "any", conditions: [{ type: "gt", comparison: 0.01, conditionResult: 75 }] },
        detector.conditionGroup,
    ],
    [`${DT} conditionGroup DataConditionGroup.Type: logicType any, any-short, all or none; conditions a list`]: [{ ...detector.conditionGroup, logicType: "either" }, detector.conditionGroup],
    [`${DT} conditionGroup MetricIssueComparisonConditionValidator.supported_conditions (gt, lt, gte, lte, anomaly_detection); comparison and conditionResult present`]: [
        { logicType: "any", conditions: [{ type: "first_seen_event", comparison: true, conditionResult: 75 }, { type: "lte", comparison: 0.01, conditionResult: 0 }] },
        detector.conditionGroup,
    ],

    ["pulumi:providers:vercel apiToken RegexMatches(/[0-9a-zA-Z]{24}/)"]: ["vercel_token", "0123456789abcdefABCDEF01"],


    // AWS SDK enums (enum.Validate[awstypes.X]()), case-sensitive
    [`${KK} customerMasterKeySpec enum.Validate[kms.KeySpec]()`]: ["AES_256", "SYMMETRIC_DEFAULT"],
    [`${KK} keyUsage enum.Validate[kms.KeyUsageType]()`]: ["encrypt_decrypt", "ENCRYPT_DECRYPT"],
    [`${AL} comparisonOperator enum.Validate[cloudwatch.ComparisonOperator]()`]: ["GreaterThan", "GreaterThanOrEqualToThreshold"],
    [`${AL} statistic enum.Validate[cloudwatch.Statistic]()`]: ["average", "Average"],
    [`${AL} unit enum.Validate[cloudwatch.StandardUnit]()`]: ["percent", "Percent"],
    [`${AL} treatMissingData StringInSlice("missing", "ignore", "breaching", "notBreaching", true)`]: ["not-breaching", "NotBreaching"],
    [`${AL} evaluateLowSampleCountPercentiles StringInSlice("evaluate", "ignore", true)`]: ["skip", "Ignore"],
    [`${AL} extendedStatistic RegexMatches(/^((p|(tm)|(wm)|(tc)|(ts))((\\d{1,2}(\\.\\d{1,2})?)|(100))|(IQM)|(((TM)|(WM)|(PR)|(TC)|(TS)))\\((\\d+(\\.\\d+)?%?)?:(\\d+(\\.\\d+)?%?)?\\))$/)`]: ["p999", "p99.9"],
    [`${AL} namespace RegexMatches(/[^:].*/)`]: [":::", "AWS/RDS"],
    [`${AL} thresholdMetricId StringLenBetween(1, 255)`]: ["", "e1"],
    [`${AL} alarmActions[] Any(ValidARN, validEC2AutomateARN)`]: ["sns:alerts", "arn:aws:automate:us-east-1:ec2:recover"],
    [`${AL} okActions[] Any(ValidARN, validEC2AutomateARN)`]: ["arn:aws:sns:us-east-1:12345:alerts", "arn:aws:sns:us-east-1:123456789012:alerts"],
    [`${AL} insufficientDataActions[] Any(ValidARN, validEC2AutomateARN)`]: ["arn:aws:sns:useast1:123456789012:alerts", "arn:aws:sns:eu-west-1:123456789012:alerts"],
    [`${AL} metricQueries[].id StringLenBetween(1, 255)`]: ["", "m1"],
    [`${AL} metricQueries[].accountId StringLenBetween(1, 255)`]: ["", "123456789012"],
    [`${AL} metricQueries[].expression StringLenBetween(1, 1024)`]: ["e".repeat(1025), "m1 / m2 * 100"],
    [`${AL} metricQueries[].period Any(IntInSlice([1, 5, 10, 20, 30]), IntDivisibleBy(60))`]: [90, 5],
    [`${AL} metricQueries[].metric.metricName StringLenBetween(1, 255)`]: ["", "Errors"],
    [`${AL} metricQueries[].metric.namespace StringLenBetween(1, 255)`]: ["n".repeat(256), "AWS/Lambda"],
    [`${AL} metricQueries[].metric.namespace RegexMatches(/[^:].*/)`]: [":", "AWS/Lambda"],
    [`${AL} metricQueries[].metric.period Any(IntInSlice([1, 5, 10, 20, 30]), IntDivisibleBy(60))`]: [45, 120],
    [`${AL} metricQueries[].metric.stat AnyDiag(enum.Validate[cloudwatch.Statistic](), StringMatch(extended statistic))`]: ["avg", "TM(10%:90%)"],
    [`${AL} metricQueries[].metric.unit enum.Validate[cloudwatch.StandardUnit]()`]: ["Requests", "Count"],
    [`${AL} metricQueries[] CustomizeDiff: no metric_query may have both expression and metric`]: [{ id: "e1", expression: "m1*2", metric: { metricName: "Errors" } }, { id: "e1", expression: "m1*2" }],

    [`${BU} budgetType enum.Validate[budgets.BudgetType]()`]: ["cost", "COST"],
    [`${BU} timeUnit enum.Validate[budgets.TimeUnit]()`]: ["Monthly", "MONTHLY"],
    [`${BU} notifications[].comparisonOperator enum.Validate[budgets.ComparisonOperator]()`]: ["GREATER_THAN_OR_EQUAL_TO", "GREATER_THAN"],
    [`${BU} notifications[].notificationType enum.Validate[budgets.NotificationType]()`]: ["FORECAST", "FORECASTED"],
    [`${BU} notifications[].thresholdType enum.Validate[budgets.ThresholdType]()`]: ["PERCENT", "PERCENTAGE"],
    [`${BU} notifications[].subscriberSnsTopicArns[] ValidARN`]: ["arn:aws:sns:us-east-1:123456789012", "arn:aws:sns:us-east-1:123456789012:budget"],
    [`${BU} autoAdjustData.autoAdjustType enum.Validate[budgets.AutoAdjustType]()`]: ["Forecast", "FORECAST"],
    [`${BU} autoAdjustData.historicalOptions.budgetAdjustmentPeriod IntBetween(1, 60)`]: [61, 60],
    [`${BU} accountId RegexMatches(/^\\d{12}$/)`]: ["12345678901", "123456789012"],
    [`${BU} timePeriodStart validTimePeriodTimestamp`]: ["2026-01-01", "2026-01-01_00:00"],
    [`${BU} timePeriodEnd validTimePeriodTimestamp`]: ["2087-02-30_00:00", "2087-06-15_00:00"],
    [`${BU} plannedLimits[].startTime validTimePeriodTimestamp`]: ["2026-13-01_00:00", "2026-12-01_00:00"],
    [`${BU} (inputs) ConflictsWith(name, namePrefix)`]: [{ name: "a", namePrefix: "a-" }, { name: "a" }],
    [`${BU} (inputs) ConflictsWith(plannedLimits, limitAmount, limitUnit)`]: [{ plannedLimits: [{ amount: "10" }], limitAmount: "10" }, { limitAmount: "10", limitUnit: "USD" }],

    [`${LG} logGroupClass enum.Validate[cloudwatch-logs.LogGroupClass]()`]: ["Standard", "INFREQUENT_ACCESS"],
    [`${LG} name validLogGroupName: at most 512`]: ["l".repeat(513), "l".repeat(512)],
    [`${LG} name RegexMatches(/^[.\\-_/#A-Za-z0-9]+$/)`]: ["/acme chat/app", "/aws/rds/instance/acme-chat-prod/postgresql"],
    [`${LG} namePrefix validLogGroupNamePrefix: at most 483`]: ["l".repeat(484), "l".repeat(483)],
    [`${LG} namePrefix RegexMatches(/^[.\\-_/#A-Za-z0-9]+$/)`]: ["acme:app", "acme-app-"],

    [`${HC} type enum.Validate[route-53.HealthCheckType]()`]: ["https", "HTTPS"],
    [`${HC} insufficientDataHealthStatus enum.Validate[route-53.InsufficientDataHealthStatus]()`]: ["healthy", "LastKnownStatus"],
    [`${HC} regions[] enum.Validate[route-53.HealthCheckRegion]()`]: ["eu-central-1", "eu-west-1"],
    [`${HC} cloudwatchAlarmRegion enum.Validate[route-53.CloudWatchRegion]()`]: ["US-EAST-1", "us-east-1"],
    [`${HC} childHealthchecks MaxItems 256`]: [Array.from({ length: 257 }, (_, i) => `hc-${i}`), Array.from({ length: 256 }, (_, i) => `hc-${i}`)],
    [`${HC} childHealthchecks[] StringLenBetween(0, 64)`]: ["h".repeat(65), "h".repeat(64)],
    [`${HC} ipAddress IsIPAddress`]: ["10.0.0.256", "2001:db8::1"],
    [`${HC} routingControlArn ValidARN`]: ["routing-control/1", "arn:aws:route53-recovery-control::123456789012:controlpanel/abc/routingcontrol/def"],

    [`${SSE} rules[].applyServerSideEncryptionByDefault.sseAlgorithm enum.Validate[s3.ServerSideEncryption]()`]: ["aws:KMS", "aws:kms"],
    [`${SSE} bucket StringLenBetween(1, 63)`]: ["b".repeat(64), "b".repeat(63)],
    [`${SSE} expectedBucketOwner RegexMatches(/^\\d{12}$/)`]: ["1234567890123", "123456789012"],
    [`${VE} versioningConfiguration.status enum.Validate[s3.BucketVersioningStatus]() + Disabled`]: ["enabled", "Enabled"],
    [`${VE} versioningConfiguration.mfaDelete enum.Validate[s3.MFADelete]()`]: ["ENABLED", "Disabled"],
    [`${VE} bucket StringLenBetween(1, 63)`]: ["", "acme-chat-prod-uploads"],
    [`${VE} expectedBucketOwner RegexMatches(/^\\d{12}$/)`]: ["acme", "123456789012"],

    [`${SU} protocol StringInSlice("application", "email", "email-json", "firehose", "http", "https", "lambda", "sms", "sqs", false)`]: ["Email", "email"],
    [`${SU} filterPolicyScope StringInSlice("MessageAttributes", "MessageBody", false)`]: ["messageBody", "MessageBody"],
    [`${SU} topic ValidARN`]: ["alerts", "arn:aws:sns:us-east-1:123456789012:alerts"],
    [`${SU} subscriptionRoleArn ValidARN`]: ["arn:aws:iam::123456789012:", "arn:aws:iam::123456789012:role/sns-firehose"],

    [`${RO} name StringLenBetween(1, 64)`]: ["r".repeat(65), "r".repeat(64)],
    [`${RO} name RegexMatches(/^[\\w+=,.@-]*$/)`]: ["acme chat storage", "acme-chat_storage+prod=1,2.@x"],
    [`${RO} namePrefix StringLenBetween(1, 38)`]: ["r".repeat(39), "r".repeat(38)],
    [`${RO} namePrefix RegexMatches(/^[\\w+=,.@-]*$/)`]: ["acme/", "acme-"],
    [`${RO} permissionsBoundary ValidARN`]: ["arn:aws:iam::12345:policy/boundary", "arn:aws:iam::123456789012:policy/boundary"],
    [`${RO} managedPolicyArns[] ValidARN`]: ["AmazonS3ReadOnlyAccess", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"],
    [`${RO} inlinePolicies[].name All(StringIsNotEmpty, validRolePolicyName): 1 to 128`]: ["", "p".repeat(128)],
    [`${RO} inlinePolicies[].name RegexMatches(/^[\\w+=,.@-]*$/)`]: ["read objects", "read-objects"],
    [`${RPOL} name StringLenBetween(1, 128)`]: ["p".repeat(129), "p".repeat(128)],
    [`${RPOL} name RegexMatches(/^[\\w+=,.@-]*$/)`]: ["s3:objects", "s3-objects"],
    [`${RPOL} namePrefix StringLenBetween(1, 102)`]: ["p".repeat(103), "p".repeat(102)],
    [`${RPOL} namePrefix RegexMatches(/^[\\w+=,.@-]*$/)`]: ["s3 ", "s3-"],
    [`${RPOL} (inputs) ConflictsWith(name, namePrefix)`]: [{ name: "a", namePrefix: "a-" }, { namePrefix: "a-" }],
    [`${RPOL} policy ValidIAMPolicyJSON`]: [' {"Version":"2012-10-17"}', '{"Version":"2012-10-17","Statement":[]}'],
    [`${RPOL} role validRolePolicyRole: StringLenBetween(1, 128)`]: ["r".repeat(129), "r".repeat(128)],
    [`${RPOL} role RegexMatches(/[\\w+=,.@-]+/)`]: ["///", "acme-app"],
    [`${RPOL} role validRolePolicyRole: not an ARN`]: ["arn:aws:iam::123456789012:role/acme-app", "acme-app"],

    [`${OI} url All(IsURLWithHTTPS, no query parameters)`]: ["http://oidc.vercel.com/acme", "https://oidc.vercel.com/acme"],
    [`${OI} thumbprintLists[] StringLenBetween(40, 40)`]: ["a".repeat(39), "9e99a48a9960b14926bb7f3b02e22da2b0ab7280"],
    [`${OI} clientIdLists[] StringLenBetween(1, 255)`]: ["", "https://vercel.com/acme"],

    [`${SM} name RegexMatches(/^[0-9A-Za-z/_+=.@-]+$/)`]: ["acme chat/prod", "acme-chat/prod/database_master+1=@."],
    [`${SM} name validSecretName: at most 512`]: ["s".repeat(513), "s".repeat(512)],
    [`${SM} namePrefix RegexMatches(/^[0-9A-Za-z/_+=.@-]+$/)`]: ["acme:", "acme-chat/"],
    [`${SM} namePrefix validSecretNamePrefix: at most 512 - UniqueIDSuffixLength = 486`]: ["s".repeat(487), "s".repeat(486)],
    [`${SM} policy StringIsJSON`]: ["{", "{}"],



    ...Object.fromEntries(
        ["application", "firehose", "http", "lambda", "sqs"].flatMap((p) => [
            [`${TO} ${p}FailureFeedbackRoleArn ValidARN`, ["role/sns", "arn:aws:iam::123456789012:role/sns-feedback"]],
            [`${TO} ${p}SuccessFeedbackRoleArn ValidARN`, ["arn:aws:iam::123456789012", "arn:aws:iam::123456789012:role/sns-feedback"]],
            [`${TO} ${p}SuccessFeedbackSampleRate IntBetween(0, 100)`, [101, 100]],
        ]),
    ),
    ...Object.fromEntries(["archivePolicy", "deliveryPolicy", "policy"].map((p) => [`${TO} ${p} StringIsJSON`, ['{"a":', '{"MessageRetentionPeriod":"30"}']])),
    [`${TO} signatureVersion IntBetween(1, 2)`]: [3, 2],
    [`${TO} tracingConfig StringInSlice("PassThrough", "Active", false)`]: ["active", "Active"],
    [`${TO} (inputs) ConflictsWith(name, namePrefix)`]: [{ name: "a", namePrefix: "a-" }, { name: "a" }],
    [`${TO} (inputs) resourceTopicCustomizeDiff: topic name`]: [{ name: "acme.alerts" }, { name: "acme-chat-prod-alerts" }],
    [`${TO} (inputs) resourceTopicCustomizeDiff: archivePolicy only for FIFO topics`]: [{ archivePolicy: '{"MessageRetentionPeriod":"30"}' }, { fifoTopic: true, archivePolicy: '{"MessageRetentionPeriod":"30"}' }],
    [`${TO} (inputs) resourceTopicCustomizeDiff: contentBasedDeduplication only for FIFO topics`]: [{ contentBasedDeduplication: true }, { fifoTopic: true, contentBasedDeduplication: true }],
};
