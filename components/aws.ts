/**
 * The parts of `@pulumi/aws` the template uses, as one namespace: `import * as aws from "./aws"` reads like
 * the package's root module. The root module loads all of the package's ~250 service modules when it is
 * required (about 35 ms of every check and test process); a service's own module loads only that service.
 * A component that needs another service or function adds it here.
 */
export * as budgets from "@pulumi/aws/budgets";
export * as cloudwatch from "@pulumi/aws/cloudwatch";
export * as ec2 from "@pulumi/aws/ec2";
export * as elasticache from "@pulumi/aws/elasticache";
export * as iam from "@pulumi/aws/iam";
export * as kms from "@pulumi/aws/kms";
export * as lambda from "@pulumi/aws/lambda";
export * as rds from "@pulumi/aws/rds";
export * as route53 from "@pulumi/aws/route53";
export * as s3 from "@pulumi/aws/s3";
export * as secretsmanager from "@pulumi/aws/secretsmanager";
export * as sns from "@pulumi/aws/sns";
export * as vpc from "@pulumi/aws/vpc";
export { Provider } from "@pulumi/aws/provider";
export { getAvailabilityZones } from "@pulumi/aws/getAvailabilityZones";
export { getCallerIdentity, getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
export type { GetCallerIdentityResult } from "@pulumi/aws/getCallerIdentity";
export { getPartitionOutput } from "@pulumi/aws/getPartition";
export { getRegionOutput } from "@pulumi/aws/getRegion";
export { Region } from "@pulumi/aws/types/enums";
