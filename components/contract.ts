/**
 * What the data tier hands the app tier: every value the app needs to reach its data, as outputs.
 * The app tier turns this into Vercel env vars (see config/envContract.ts); nothing else crosses.
 */
import * as pulumi from "@pulumi/pulumi";

export interface DatabaseEndpoints {
    /** postgres:// URL of the app role (data access only), TLS required. Secret. */
    appUrl: pulumi.Output<string>;
    /** postgres:// URL of the migration role (owns the schema). Secret. */
    migrationUrl: pulumi.Output<string>;
    /** postgres:// URL of the read-only role. Secret. */
    readonlyUrl: pulumi.Output<string>;
    /** Connections each serverless instance's pool may open (DATABASE_POOL_SIZE). */
    poolSize: number;
    /** The app role's connection limit: the budget alarms are computed from it. */
    appConnectionLimit: number;
    /** RDS instance identifier, for alarms. */
    instanceIdentifier: pulumi.Output<string>;
    /** Allocated storage in GiB, for the free-storage alarm. */
    allocatedStorageGb: number;
    /** True when the instance sits in private subnets and needs Secure Compute to be reached. */
    private: boolean;
}

export interface CacheEndpoints {
    /** rediss:// URL with credentials. Secret. */
    url: pulumi.Output<string>;
    /** ElastiCache replication group id, for alarms; undefined for serverless backends. */
    replicationGroupId?: pulumi.Output<string>;
    private: boolean;
}

export type StorageEndpoints =
    | {
          backend: "s3";
          bucketName: pulumi.Output<string>;
          region: string;
          /** IAM role the app assumes through Vercel OIDC (AWS_ROLE_ARN). */
          roleArn: pulumi.Output<string>;
      }
    | {
          backend: "blob";
          /** The Blob store id; the connection injects BLOB_READ_WRITE_TOKEN into the project itself. */
          storeId: pulumi.Output<string>;
      };

export interface DataTier {
    database: DatabaseEndpoints;
    cache: CacheEndpoints;
    storage: StorageEndpoints;
    /** Generated app secrets by env var name. Secret. */
    generatedSecrets: Record<string, pulumi.Output<string>>;
}
