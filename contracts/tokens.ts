/**
 * Type tokens: the providers' (what the pack judges, the engine mocks and the report prices), and those of the
 * program's components that the pack reads (their registered outputs carry what a stack policy cannot read from
 * config). No dependency at all (test/imports.test.ts): the program, the pack and the check all read them here.
 */

/** The ErrorTracking component (components/errorTracking.ts registers it with its mode and project). */
export const ERROR_TRACKING_TYPE = "service:monitoring:ErrorTracking";

/** The component that carries `service:cost` (components/costAssumptions.ts). */
export const USAGE_ASSUMPTIONS_TYPE = "service:cost:UsageAssumptions";

/**
 * The providers' type tokens, named once. policies/lib/inputs.ts checks at compile time that each is a type the
 * SDKs' own `*Args` describe, so a misspelt token does not compile.
 */
export const TYPES = {
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    policy: "aws:iam/policy:Policy",
    userPolicy: "aws:iam/userPolicy:UserPolicy",
    groupPolicy: "aws:iam/groupPolicy:GroupPolicy",
    rolePolicyAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    userPolicyAttachment: "aws:iam/userPolicyAttachment:UserPolicyAttachment",
    groupPolicyAttachment: "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
    policyAttachment: "aws:iam/policyAttachment:PolicyAttachment",
    rolePolicyAttachmentsExclusive: "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive",
    userPolicyAttachmentsExclusive: "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive",
    groupPolicyAttachmentsExclusive: "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive",
    rolePoliciesExclusive: "aws:iam/rolePoliciesExclusive:RolePoliciesExclusive",
    kmsKey: "aws:kms/key:Key",
    kmsKeyPolicy: "aws:kms/keyPolicy:KeyPolicy",
    kmsReplicaKey: "aws:kms/replicaKey:ReplicaKey",
    kmsExternalKey: "aws:kms/externalKey:ExternalKey",
    kmsReplicaExternalKey: "aws:kms/replicaExternalKey:ReplicaExternalKey",
    topic: "aws:sns/topic:Topic",
    topicPolicy: "aws:sns/topicPolicy:TopicPolicy",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    bucket: "aws:s3/bucket:Bucket",
    bucketOwnershipControls: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    accessPoint: "aws:s3/accessPoint:AccessPoint",
    bucketV2: "aws:s3/bucketV2:BucketV2",
    bucketAcl: "aws:s3/bucketAcl:BucketAcl",
    objectCopy: "aws:s3/objectCopy:ObjectCopy",
    bucketAclV2: "aws:s3/bucketAclV2:BucketAclV2",
    encryptionConfig: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    encryptionConfigV2: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    versioningConfig: "aws:s3/bucketVersioning:BucketVersioning",
    versioningConfigV2: "aws:s3/bucketVersioningV2:BucketVersioningV2",
    lifecycleConfig: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    lifecycleConfigV2: "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
    corsConfig: "aws:s3/bucketCorsConfiguration:BucketCorsConfiguration",
    corsConfigV2: "aws:s3/bucketCorsConfigurationV2:BucketCorsConfigurationV2",
    multiRegionAccessPointPolicy: "aws:s3control/multiRegionAccessPointPolicy:MultiRegionAccessPointPolicy",
    multiRegionAccessPoint: "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint",
    replicationGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
    cacheCluster: "aws:elasticache/cluster:Cluster",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    defaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    egressRule: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    rdsInstance: "aws:rds/instance:Instance",
    rdsCluster: "aws:rds/cluster:Cluster",
    rdsClusterInstance: "aws:rds/clusterInstance:ClusterInstance",
    rdsProxy: "aws:rds/proxy:Proxy",
    serverlessCache: "aws:elasticache/serverlessCache:ServerlessCache",
    secret: "aws:secretsmanager/secret:Secret",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    loadBalancer: "aws:lb/loadBalancer:LoadBalancer",
    albLoadBalancer: "aws:alb/loadBalancer:LoadBalancer",
    listener: "aws:lb/listener:Listener",
    albListener: "aws:alb/listener:Listener",
    listenerRule: "aws:lb/listenerRule:ListenerRule",
    albListenerRule: "aws:alb/listenerRule:ListenerRule",
    dynamodbTable: "aws:dynamodb/table:Table",
    distribution: "aws:cloudfront/distribution:Distribution",
    rdsSnapshot: "aws:rds/snapshot:Snapshot",
    rdsClusterSnapshot: "aws:rds/clusterSnapshot:ClusterSnapshot",
    rdsSnapshotCopy: "aws:rds/snapshotCopy:SnapshotCopy",
    rdsClusterSnapshotCopy: "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy",
    secretPolicy: "aws:secretsmanager/secretPolicy:SecretPolicy",
    lambdaFunction: "aws:lambda/function:Function",
    ssmParameter: "aws:ssm/parameter:Parameter",
    awsProvider: "pulumi:providers:aws",
    vercelProject: "vercel:index/project:Project",
    firewall: "vercel:index/firewallConfig:FirewallConfig",
    envVar: "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable",
    envVars: "vercel:index/projectEnvironmentVariables:ProjectEnvironmentVariables",
} as const;
