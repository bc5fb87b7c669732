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
import type { TYPES } from "../../contracts/tokens";

export interface ArgsByType {
    "aws:iam/role:Role": iam.RoleArgs;
    "aws:iam/rolePolicy:RolePolicy": iam.RolePolicyArgs;
    "aws:iam/policy:Policy": iam.PolicyArgs;
    "aws:iam/userPolicy:UserPolicy": iam.UserPolicyArgs;
    "aws:iam/groupPolicy:GroupPolicy": iam.GroupPolicyArgs;
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": iam.RolePolicyAttachmentArgs;
    "aws:iam/userPolicyAttachment:UserPolicyAttachment": iam.UserPolicyAttachmentArgs;
    "aws:iam/groupPolicyAttachment:GroupPolicyAttachment": iam.GroupPolicyAttachmentArgs;
    "aws:iam/policyAttachment:PolicyAttachment": iam.PolicyAttachmentArgs;
    "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive": iam.RolePolicyAttachmentsExclusiveArgs;
    "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive": iam.UserPolicyAttachmentsExclusiveArgs;
    "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive": iam.GroupPolicyAttachmentsExclusiveArgs;
    "aws:iam/rolePoliciesExclusive:RolePoliciesExclusive": iam.RolePoliciesExclusiveArgs;
    "aws:kms/key:Key": kms.KeyArgs;
    "aws:kms/keyPolicy:KeyPolicy": kms.KeyPolicyArgs;
    "aws:kms/replicaKey:ReplicaKey": kms.ReplicaKeyArgs;
    "aws:kms/externalKey:ExternalKey": kms.ExternalKeyArgs;
    "aws:kms/replicaExternalKey:ReplicaExternalKey": kms.ReplicaExternalKeyArgs;
    "aws:sns/topic:Topic": sns.TopicArgs;
    "aws:sns/topicPolicy:TopicPolicy": sns.TopicPolicyArgs;
    "aws:s3/bucketPolicy:BucketPolicy": s3.BucketPolicyArgs;
    "aws:s3/bucket:Bucket": s3.BucketArgs;
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": s3.BucketOwnershipControlsArgs;
    "aws:s3/accessPoint:AccessPoint": s3.AccessPointArgs;
    "aws:s3/bucketV2:BucketV2": s3.BucketV2Args;
    "aws:s3/bucketAcl:BucketAcl": s3.BucketAclArgs;
    "aws:s3/objectCopy:ObjectCopy": s3.ObjectCopyArgs;
    "aws:s3/bucketAclV2:BucketAclV2": s3.BucketAclV2Args;
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": s3.BucketServerSideEncryptionConfigurationArgs;
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2": s3.BucketServerSideEncryptionConfigurationV2Args;
    "aws:s3/bucketVersioning:BucketVersioning": s3.BucketVersioningArgs;
    "aws:s3/bucketVersioningV2:BucketVersioningV2": s3.BucketVersioningV2Args;
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": s3.BucketLifecycleConfigurationArgs;
    "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2": s3.BucketLifecycleConfigurationV2Args;
    "aws:s3/bucketCorsConfiguration:BucketCorsConfiguration": s3.BucketCorsConfigurationArgs;
    "aws:s3/bucketCorsConfigurationV2:BucketCorsConfigurationV2": s3.BucketCorsConfigurationV2Args;
    "aws:s3control/multiRegionAccessPointPolicy:MultiRegionAccessPointPolicy": s3control.MultiRegionAccessPointPolicyArgs;
    "aws:s3control/multiRegionAccessPoint:MultiRegionAccessPoint": s3control.MultiRegionAccessPointArgs;
    "aws:elasticache/replicationGroup:ReplicationGroup": elasticache.ReplicationGroupArgs;
    "aws:elasticache/cluster:Cluster": elasticache.ClusterArgs;
    "aws:ec2/securityGroup:SecurityGroup": ec2.SecurityGroupArgs;
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": ec2.DefaultSecurityGroupArgs;
    "aws:ec2/securityGroupRule:SecurityGroupRule": ec2.SecurityGroupRuleArgs;
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": vpc.SecurityGroupIngressRuleArgs;
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": vpc.SecurityGroupEgressRuleArgs;
    "aws:rds/instance:Instance": rds.InstanceArgs;
    "aws:rds/cluster:Cluster": rds.ClusterArgs;
    "aws:rds/clusterInstance:ClusterInstance": rds.ClusterInstanceArgs;
    "aws:rds/proxy:Proxy": rds.ProxyArgs;
    "aws:elasticache/serverlessCache:ServerlessCache": elasticache.ServerlessCacheArgs;
    "aws:secretsmanager/secret:Secret": secretsmanager.SecretArgs;
    "aws:cloudwatch/logGroup:LogGroup": cloudwatch.LogGroupArgs;
    "aws:lb/loadBalancer:LoadBalancer": lb.LoadBalancerArgs;
    "aws:dynamodb/table:Table": dynamodb.TableArgs;
    "aws:cloudfront/distribution:Distribution": cloudfront.DistributionArgs;
    "aws:rds/snapshot:Snapshot": rds.SnapshotArgs;
    "aws:rds/clusterSnapshot:ClusterSnapshot": rds.ClusterSnapshotArgs;
    "aws:rds/snapshotCopy:SnapshotCopy": rds.SnapshotCopyArgs;
    "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy": rds.ClusterSnapshotCopyArgs;
    "aws:secretsmanager/secretPolicy:SecretPolicy": secretsmanager.SecretPolicyArgs;
    "aws:lambda/function:Function": lambda.FunctionArgs;
    "aws:ssm/parameter:Parameter": ssm.ParameterArgs;
    "aws:alb/loadBalancer:LoadBalancer": lb.LoadBalancerArgs;
    "aws:lb/listener:Listener": lb.ListenerArgs;
    "aws:alb/listener:Listener": lb.ListenerArgs;
    "aws:lb/listenerRule:ListenerRule": lb.ListenerRuleArgs;
    "aws:alb/listenerRule:ListenerRule": lb.ListenerRuleArgs;
    "pulumi:providers:aws": AwsProviderArgs;
    "vercel:index/project:Project": vercel.ProjectArgs;
    "vercel:index/firewallConfig:FirewallConfig": vercel.FirewallConfigArgs;
    "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable": vercel.ProjectEnvironmentVariableArgs;
    "vercel:index/projectEnvironmentVariables:ProjectEnvironmentVariables": vercel.ProjectEnvironmentVariablesArgs;
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

/** Every token of the one table (contracts/tokens.ts) is a type this table types: the compiler refuses a misspelt one. */
export type KnownTypes = CheckedTokens<typeof TYPES>;
type CheckedTokens<T extends Record<string, TypeToken>> = T;
