/**
 * Redis for the app: an ElastiCache replication group inside the VPC (private reachability, reached through
 * Vercel Secure Compute), or an Upstash database over TLS (public reachability: Vercel functions cannot reach
 * a VPC without Secure Compute). Either way the app gets one secret rediss:// URL with credentials.
 *
 * Why Upstash through `@upstash/pulumi`: docs/decisions/redis-backend.md.
 */
import * as aws from "./aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import * as upstash from "@upstash/pulumi";
import { ServiceContext, withAwsProvider } from "./context";
import type { CacheEndpoints } from "./contract";
import { Transform, transformed } from "./transform";

/** Redis's TLS port, on ElastiCache and Upstash alike. */
const REDIS_PORT = 6379;
/** The only specials ElastiCache accepts in an AUTH token. */
const AUTH_TOKEN_SPECIALS = "!&#$^<>-";

/** An ElastiCache replication group in the VPC (`service:cache.backend: elasticache`; config allows it with private reachability only). */
export interface ElastiCacheArgs {
    /** `elasticache` (`service:cache.backend`; the presets' default is `upstash`, private reachability's `elasticache`). */
    backend: "elasticache";
    /** ElastiCache engine, `valkey` (the default) or `redis` (`service:cache.engine`). */
    engine: "valkey" | "redis";
    /** ElastiCache node type (`service:cache.nodeType`, default cache.t4g.micro). */
    nodeType: string;
    /** ElastiCache nodes (`service:cache.nodes`; 1 in dev, 2 in prod); 2 or more turns on Multi-AZ automatic failover. */
    nodes: number;
    /** Days of daily ElastiCache snapshots (`service:cache.snapshotRetentionDays`; 0 = none in dev, 7 in prod). */
    snapshotRetentionDays: number;
    /** Take a final snapshot when the group is deleted (`service:protectData`; on in prod). */
    finalSnapshot: boolean;
    /** The network's private subnets, one per zone (at least two): the group is never reachable from the internet. */
    subnetIds: pulumi.Input<string>[];
    /** The network's cache security group, admitting Redis's port from the VPC and Secure Compute only. */
    securityGroupIds: pulumi.Input<string>[];
    /**
     * Hooks that change a child's args or options just before it is constructed (components/transform.ts), for a
     * stack that needs one ElastiCache argument the settings do not expose; the pack judges the result. None by default.
     * - `replicationGroup`: the `aws.elasticache.ReplicationGroup`.
     */
    transform?: { replicationGroup?: Transform<aws.elasticache.ReplicationGroupArgs> };
}

/** A serverless Upstash database over TLS (`service:cache.backend: upstash`, the presets' default). */
export interface UpstashArgs {
    /** `upstash` (`service:cache.backend`, the default). */
    backend: "upstash";
    /** Upstash primary region (`service:cache.upstashRegion`, default us-east-1), close to the Vercel functions. */
    upstashRegion: string;
    /** Upstash's monthly budget in USD (`service:cache.upstashBudgetUsd`): past it Upstash throttles the database. */
    upstashBudgetUsd: number;
}

/** Redis on the chosen backend, with only that backend's settings. */
export type RedisArgs = ElastiCacheArgs | UpstashArgs;

export class Redis extends pulumi.ComponentResource {
    public readonly endpoints: CacheEndpoints;

    constructor(name: string, args: RedisArgs, ctx: ServiceContext, opts?: pulumi.ComponentResourceOptions) {
        super("service:data:Redis", name, {}, withAwsProvider(ctx, opts));
        this.endpoints = args.backend === "elasticache" ? this.elasticache(name, args, ctx) : this.upstash(name, args, ctx);
        this.registerOutputs({ replicationGroupId: this.endpoints.replicationGroupId, private: this.endpoints.private });
    }

    private elasticache(name: string, args: ElastiCacheArgs, ctx: ServiceContext): CacheEndpoints {
        const child = { parent: this };
        const subnets = new aws.elasticache.SubnetGroup(
            `${name}-subnets`,
            { name: ctx.names.cache.subnetGroup, description: `Private subnets of ${ctx.prefix}'s Redis`, subnetIds: args.subnetIds, tags: ctx.tags },
            child,
        );
        const token = new random.RandomPassword(
            `${name}-auth-token`,
            { length: 64, special: true, overrideSpecial: AUTH_TOKEN_SPECIALS },
            { parent: this, additionalSecretOutputs: ["result"] },
        );
        // Config validation has checked it against the provider's limits (config/names.ts), so it is used as is.
        const id = ctx.names.cache.replicationGroupId;
        const failover = args.nodes >= 2;
        const group = new aws.elasticache.ReplicationGroup(
            `${name}-group`,
            ...transformed(args.transform?.replicationGroup, {
                replicationGroupId: id,
                description: `Redis of ${ctx.prefix}`,
                engine: args.engine,
                nodeType: args.nodeType,
                numCacheClusters: args.nodes,
                port: REDIS_PORT,
                subnetGroupName: subnets.name,
                securityGroupIds: args.securityGroupIds,
                transitEncryptionEnabled: true,
                transitEncryptionMode: "required",
                atRestEncryptionEnabled: true,
                authToken: token.result,
                automaticFailoverEnabled: failover,
                multiAzEnabled: failover,
                autoMinorVersionUpgrade: true,
                snapshotRetentionLimit: args.snapshotRetentionDays,
                finalSnapshotIdentifier: args.finalSnapshot ? ctx.names.cache.finalSnapshot : undefined,
                tags: ctx.tags,
            }, { ...child, ...ctx.stateful }),
        );
        const url = pulumi
            .all([token.result, group.primaryEndpointAddress])
            .apply(([password, host]) => `rediss://:${encodeURIComponent(password)}@${host}:${REDIS_PORT}`);
        return { url: pulumi.secret(url), replicationGroupId: group.id, private: true };
    }

    private upstash(name: string, args: UpstashArgs, ctx: ServiceContext): CacheEndpoints {
        // Upstash creates only global databases now; the primary region is where writes land.
        const db = new upstash.RedisDatabase(
            `${name}-upstash`,
            { databaseName: ctx.names.cache.upstashDatabase, region: "global", primaryRegion: args.upstashRegion, tls: true, budget: args.upstashBudgetUsd },
            { parent: this, ...ctx.stateful },
        );
        const url = pulumi
            .all([db.password, db.endpoint, db.port])
            .apply(([password, host, port]) => `rediss://default:${encodeURIComponent(password)}@${host}:${port ?? REDIS_PORT}`);
        return { url: pulumi.secret(url), private: false };
    }
}
