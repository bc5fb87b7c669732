/**
 * Which resource types the provider validation covers, and where their SDKs live. Every custom resource
 * type the program can register (any backend, reachability or environment) must be listed: a test runs
 * every variant and fails on a type missing here, and `npm run provider-schema` derives the required inputs
 * of each listed type.
 */

/** Pulumi package name (the type token's first segment) to its npm SDK. */
export const PACKAGES: Record<string, string> = {
    aws: "@pulumi/aws",
    vercel: "@pulumiverse/vercel",
    random: "@pulumi/random",
    postgresql: "@pulumi/postgresql",
    upstash: "@upstash/pulumi",
    sentry: "@pulumiverse/sentry",
};

/** The types of the program's own dynamic resources (components/sentryAlerting.ts): validated by hand, no SDK typings. */
export const DYNAMIC_TYPES: readonly string[] = ["pulumi:providers:pulumi-nodejs", "pulumi-nodejs:dynamic/sentry:Detector", "pulumi-nodejs:dynamic/sentry:Workflow"];

/** Types from the provider SDKs in PACKAGES, whose required inputs `npm run provider-schema` derives. */
export const SDK_TYPES: readonly string[] = [
    "pulumi:providers:aws",
    "pulumi:providers:postgresql",
    "pulumi:providers:random",
    "pulumi:providers:sentry",
    "pulumi:providers:upstash",
    "pulumi:providers:vercel",
    "aws:budgets/budget:Budget",
    "aws:cloudwatch/eventRule:EventRule",
    "aws:cloudwatch/eventTarget:EventTarget",
    "aws:cloudwatch/logGroup:LogGroup",
    "aws:cloudwatch/metricAlarm:MetricAlarm",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    "aws:ec2/internetGateway:InternetGateway",
    "aws:ec2/route:Route",
    "aws:ec2/routeTable:RouteTable",
    "aws:ec2/routeTableAssociation:RouteTableAssociation",
    "aws:ec2/securityGroup:SecurityGroup",
    "aws:ec2/subnet:Subnet",
    "aws:ec2/vpc:Vpc",
    "aws:ec2/vpcEndpoint:VpcEndpoint",
    "aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter",
    "aws:elasticache/replicationGroup:ReplicationGroup",
    "aws:elasticache/subnetGroup:SubnetGroup",
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider",
    "aws:iam/role:Role",
    "aws:iam/rolePolicy:RolePolicy",
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    "aws:kms/alias:Alias",
    "aws:kms/key:Key",
    "aws:lambda/function:Function",
    "aws:lambda/invocation:Invocation",
    "aws:rds/instance:Instance",
    "aws:rds/parameterGroup:ParameterGroup",
    "aws:rds/subnetGroup:SubnetGroup",
    "aws:route53/healthCheck:HealthCheck",
    "aws:s3/bucket:Bucket",
    "aws:s3/bucketCorsConfiguration:BucketCorsConfiguration",
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    "aws:s3/bucketPolicy:BucketPolicy",
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketVersioning:BucketVersioning",
    "aws:secretsmanager/secret:Secret",
    "aws:secretsmanager/secretVersion:SecretVersion",
    "aws:sns/topic:Topic",
    "aws:sns/topicPolicy:TopicPolicy",
    "aws:sns/topicSubscription:TopicSubscription",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    "postgresql:index/database:Database",
    "postgresql:index/defaultPrivileges:DefaultPrivileges",
    "postgresql:index/grant:Grant",
    "postgresql:index/role:Role",
    "postgresql:index/schema:Schema",
    "random:index/randomPassword:RandomPassword",
    "sentry:index/sentryIssueAlert:SentryIssueAlert",
    "sentry:index/sentryKey:SentryKey",
    "sentry:index/sentryMetricAlert:SentryMetricAlert",
    "sentry:index/sentryProject:SentryProject",
    "upstash:index/redisDatabase:RedisDatabase",
    "vercel:index/blobProjectConnection:BlobProjectConnection",
    "vercel:index/blobStore:BlobStore",
    "vercel:index/customEnvironment:CustomEnvironment",
    "vercel:index/firewallConfig:FirewallConfig",
    "vercel:index/logDrain:LogDrain",
    "vercel:index/project:Project",
    "vercel:index/projectDomain:ProjectDomain",
    "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable",
];

export const VALIDATED_TYPES: readonly string[] = [...SDK_TYPES, ...DYNAMIC_TYPES];

/** Required inputs derived from the SDK typings (readiness/providers/required.generated.ts). */
/** How the bridge fills an output the provider left unset: the zero value of its schema type ("object": left out). */
export type OutputKind = "string" | "number" | "boolean" | "list" | "map" | "object";

/** Per resource type, every output property the SDK class declares (`readonly x: pulumi.Output<T>`), with its kind. */
export interface OutputTable {
    /** npm package and version the table was derived from. */
    packages: Record<string, string>;
    outputs: Record<string, { declaration: string; properties: Record<string, OutputKind> }>;
}

export interface RequiredTable {
    /** npm package and version the table was derived from. */
    packages: Record<string, string>;
    /** Type token to the declaration read and its required property paths (`rules.rules[].name`). */
    required: Record<string, { declaration: string; paths: string[] }>;
}

/**
 * Validated types for which no validator is emulated, and why. A test keeps this list exact: a type leaves
 * it when it gains a validator, and a type without one must be listed here.
 */
export const WITHOUT_VALIDATORS: Record<string, string> = {
    "aws:ec2/internetGateway:InternetGateway": "no required inputs, and vpc_internet_gateway.go declares no validator (see readiness/providers/aws/ec2.ts)",
    "postgresql:index/schema:Schema": "resource_postgresql_schema.go requires only `name`, which Pulumi autonames",
    "pulumi:providers:random": "the random provider has no configuration",
    "pulumi:providers:pulumi-nodejs": "the nodejs dynamic provider (the language host's) has no configuration; its resources are validated by their own types",
};

/** One validator-bearing attribute of the provider's schema, in the Pulumi SDK's names. */
export interface SourceAttribute {
    /** Property path as the validators name it (`rules[].applyServerSideEncryptionByDefault.sseAlgorithm`). */
    path: string;
    /** What the provider source declares there, as written (`enum.Validate[types.ComparisonOperator]()`). */
    declared: string;
    /** Why the engine does not emulate it (absent when it does). */
    exception?: string;
    /** The declaration is a shape the Pulumi SDK's typing already enforces (a MaxItems 1 block is one object). */
    shape?: true;
}

export type TypeCoverage = { source: string; attributes: SourceAttribute[] } | { notTranscribed: string };
