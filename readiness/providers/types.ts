/**
 * Which resource types the provider validation covers, and where their SDKs live. Every custom resource
 * type the program can register (any backend, reachability or environment) must be listed: a test runs
 * every variant and fails on a type missing here, and `npm run provider-schema` derives the required inputs
 * of each listed type.
 */
import { TYPES } from "../../contracts/tokens";

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
    TYPES.budget,
    TYPES.eventRule,
    TYPES.eventTarget,
    TYPES.logGroup,
    TYPES.metricAlarm,
    TYPES.defaultSecurityGroup,
    TYPES.internetGateway,
    TYPES.route,
    TYPES.routeTable,
    TYPES.routeTableAssociation,
    TYPES.securityGroup,
    TYPES.subnet,
    TYPES.vpc,
    TYPES.vpcEndpoint,
    TYPES.vpcPeeringAccepter,
    TYPES.replicationGroup,
    TYPES.cacheSubnetGroup,
    TYPES.openIdConnectProvider,
    TYPES.role,
    TYPES.rolePolicy,
    TYPES.rolePolicyAttachment,
    TYPES.kmsAlias,
    TYPES.kmsKey,
    TYPES.lambdaFunction,
    TYPES.lambdaInvocation,
    TYPES.rdsInstance,
    TYPES.rdsParameterGroup,
    TYPES.rdsSubnetGroup,
    TYPES.healthCheck,
    TYPES.bucket,
    TYPES.corsConfig,
    TYPES.lifecycleConfig,
    TYPES.bucketOwnershipControls,
    TYPES.bucketPolicy,
    TYPES.bucketPublicAccessBlock,
    TYPES.encryptionConfig,
    TYPES.versioningConfig,
    TYPES.secret,
    TYPES.secretVersion,
    TYPES.topic,
    TYPES.topicPolicy,
    TYPES.topicSubscription,
    TYPES.egressRule,
    TYPES.ingressRule,
    TYPES.postgresDatabase,
    TYPES.postgresDefaultPrivileges,
    TYPES.postgresGrant,
    TYPES.postgresRole,
    TYPES.postgresSchema,
    TYPES.randomPassword,
    TYPES.sentryIssueAlert,
    TYPES.sentryKey,
    TYPES.sentryMetricAlert,
    TYPES.sentryProject,
    TYPES.upstashRedis,
    TYPES.blobConnection,
    TYPES.blobStore,
    TYPES.customEnvironment,
    TYPES.firewall,
    TYPES.logDrain,
    TYPES.vercelProject,
    TYPES.projectDomain,
    TYPES.envVar,
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
    [TYPES.internetGateway]: "no required inputs, and vpc_internet_gateway.go declares no validator (see readiness/providers/aws/ec2.ts)",
    [TYPES.postgresSchema]: "resource_postgresql_schema.go requires only `name`, which Pulumi autonames",
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
