/**
 * Typed inputs: each resource type a rule reads, paired with the SDK's own `*Args` type, so a misspelt or
 * renamed property is a compile error instead of a rule that silently never fires. Type-only imports: the
 * pack loads no provider SDK at run time. test/rules/inputs.test.ts checks each token against the SDK class's
 * `__pulumiType`, so the table cannot pair a type with the wrong class.
 */
import type * as cloudfront from "@pulumi/aws/cloudfront";
import type * as cloudwatch from "@pulumi/aws/cloudwatch";
import type * as dynamodb from "@pulumi/aws/dynamodb";
import type * as ec2 from "@pulumi/aws/ec2";
import type * as elasticache from "@pulumi/aws/elasticache";
import type * as iam from "@pulumi/aws/iam";
import type * as kms from "@pulumi/aws/kms";
import type * as lambda from "@pulumi/aws/lambda";
import type * as lb from "@pulumi/aws/lb";
import type * as rds from "@pulumi/aws/rds";
import type * as s3 from "@pulumi/aws/s3";
import type * as s3control from "@pulumi/aws/s3control";
import type * as secretsmanager from "@pulumi/aws/secretsmanager";
import type * as sns from "@pulumi/aws/sns";
import type * as ssm from "@pulumi/aws/ssm";
import type * as vpc from "@pulumi/aws/vpc";
import type { ProviderArgs as AwsProviderArgs } from "@pulumi/aws/provider";
import type * as pulumi from "@pulumi/pulumi";
import type * as vercel from "@pulumiverse/vercel";
import { peek } from "./preview";
import type { RuleResource } from "./rule";
import { TYPES } from "../contracts/tokens";

export interface ArgsByType {
    [TYPES.role]: iam.RoleArgs;
    [TYPES.rolePolicy]: iam.RolePolicyArgs;
    [TYPES.policy]: iam.PolicyArgs;
    [TYPES.userPolicy]: iam.UserPolicyArgs;
    [TYPES.groupPolicy]: iam.GroupPolicyArgs;
    [TYPES.rolePolicyAttachment]: iam.RolePolicyAttachmentArgs;
    [TYPES.userPolicyAttachment]: iam.UserPolicyAttachmentArgs;
    [TYPES.groupPolicyAttachment]: iam.GroupPolicyAttachmentArgs;
    [TYPES.policyAttachment]: iam.PolicyAttachmentArgs;
    [TYPES.rolePolicyAttachmentsExclusive]: iam.RolePolicyAttachmentsExclusiveArgs;
    [TYPES.userPolicyAttachmentsExclusive]: iam.UserPolicyAttachmentsExclusiveArgs;
    [TYPES.groupPolicyAttachmentsExclusive]: iam.GroupPolicyAttachmentsExclusiveArgs;
    [TYPES.rolePoliciesExclusive]: iam.RolePoliciesExclusiveArgs;
    [TYPES.kmsKey]: kms.KeyArgs;
    [TYPES.kmsKeyPolicy]: kms.KeyPolicyArgs;
    [TYPES.kmsReplicaKey]: kms.ReplicaKeyArgs;
    [TYPES.kmsExternalKey]: kms.ExternalKeyArgs;
    [TYPES.kmsReplicaExternalKey]: kms.ReplicaExternalKeyArgs;
    [TYPES.topic]: sns.TopicArgs;
    [TYPES.topicPolicy]: sns.TopicPolicyArgs;
    [TYPES.bucketPolicy]: s3.BucketPolicyArgs;
    [TYPES.bucket]: s3.BucketArgs;
    [TYPES.bucketOwnershipControls]: s3.BucketOwnershipControlsArgs;
    [TYPES.accessPoint]: s3.AccessPointArgs;
    [TYPES.bucketV2]: s3.BucketV2Args;
    [TYPES.bucketAcl]: s3.BucketAclArgs;
    [TYPES.objectCopy]: s3.ObjectCopyArgs;
    [TYPES.bucketAclV2]: s3.BucketAclV2Args;
    [TYPES.encryptionConfig]: s3.BucketServerSideEncryptionConfigurationArgs;
    [TYPES.encryptionConfigV2]: s3.BucketServerSideEncryptionConfigurationV2Args;
    [TYPES.versioningConfig]: s3.BucketVersioningArgs;
    [TYPES.versioningConfigV2]: s3.BucketVersioningV2Args;
    [TYPES.lifecycleConfig]: s3.BucketLifecycleConfigurationArgs;
    [TYPES.lifecycleConfigV2]: s3.BucketLifecycleConfigurationV2Args;
    [TYPES.corsConfig]: s3.BucketCorsConfigurationArgs;
    [TYPES.corsConfigV2]: s3.BucketCorsConfigurationV2Args;
    [TYPES.multiRegionAccessPointPolicy]: s3control.MultiRegionAccessPointPolicyArgs;
    [TYPES.multiRegionAccessPoint]: s3control.MultiRegionAccessPointArgs;
    [TYPES.replicationGroup]: elasticache.ReplicationGroupArgs;
    [TYPES.cacheCluster]: elasticache.ClusterArgs;
    [TYPES.securityGroup]: ec2.SecurityGroupArgs;
    [TYPES.defaultSecurityGroup]: ec2.DefaultSecurityGroupArgs;
    [TYPES.securityGroupRule]: ec2.SecurityGroupRuleArgs;
    [TYPES.ingressRule]: vpc.SecurityGroupIngressRuleArgs;
    [TYPES.egressRule]: vpc.SecurityGroupEgressRuleArgs;
    [TYPES.rdsInstance]: rds.InstanceArgs;
    [TYPES.rdsCluster]: rds.ClusterArgs;
    [TYPES.rdsClusterInstance]: rds.ClusterInstanceArgs;
    [TYPES.rdsProxy]: rds.ProxyArgs;
    [TYPES.serverlessCache]: elasticache.ServerlessCacheArgs;
    [TYPES.secret]: secretsmanager.SecretArgs;
    [TYPES.logGroup]: cloudwatch.LogGroupArgs;
    [TYPES.loadBalancer]: lb.LoadBalancerArgs;
    [TYPES.dynamodbTable]: dynamodb.TableArgs;
    [TYPES.distribution]: cloudfront.DistributionArgs;
    [TYPES.rdsSnapshot]: rds.SnapshotArgs;
    [TYPES.rdsClusterSnapshot]: rds.ClusterSnapshotArgs;
    [TYPES.rdsSnapshotCopy]: rds.SnapshotCopyArgs;
    [TYPES.rdsClusterSnapshotCopy]: rds.ClusterSnapshotCopyArgs;
    [TYPES.secretPolicy]: secretsmanager.SecretPolicyArgs;
    [TYPES.lambdaFunction]: lambda.FunctionArgs;
    [TYPES.ssmParameter]: ssm.ParameterArgs;
    [TYPES.albLoadBalancer]: lb.LoadBalancerArgs;
    [TYPES.listener]: lb.ListenerArgs;
    [TYPES.albListener]: lb.ListenerArgs;
    [TYPES.listenerRule]: lb.ListenerRuleArgs;
    [TYPES.albListenerRule]: lb.ListenerRuleArgs;
    [TYPES.awsProvider]: AwsProviderArgs;
    [TYPES.vercelProject]: vercel.ProjectArgs;
    [TYPES.firewall]: vercel.FirewallConfigArgs;
    [TYPES.envVar]: vercel.ProjectEnvironmentVariableArgs;
    [TYPES.envVars]: vercel.ProjectEnvironmentVariablesArgs;
}

export type TypeToken = keyof ArgsByType;

/** A resource's inputs as the SDK types them, with every `Input<T>` resolved to `T`. */
export type Inputs<T extends TypeToken> = pulumi.Unwrap<ArgsByType[T]>;

/** The inputs of `resource` typed as `type`'s, or undefined when the resource is of another type. */
export function inputsOf<T extends TypeToken>(resource: Pick<RuleResource, "type" | "props">, type: T): Inputs<T> | undefined {
    return resource.type === type ? (resource.props as Inputs<T>) : undefined;
}

/**
 * One input of `resource` read past the unknown-value proxy (undefined when unknown, absent, or the resource is
 * of another type), by a name the compiler checks against `type`'s inputs: for stack rules that link
 * resources in a preview.
 */
export function peekInput<T extends TypeToken, K extends keyof Inputs<T> & string>(resource: Pick<RuleResource, "type" | "props">, type: T, key: K): Inputs<T>[K] | undefined {
    return resource.type === type ? (peek(resource.props, key) as Inputs<T>[K]) : undefined;
}

/** A property name of `type`'s inputs, checked by the compiler (for tables that map types to the input they link by). */
export type InputName<T extends TypeToken> = keyof Inputs<T> & string;


