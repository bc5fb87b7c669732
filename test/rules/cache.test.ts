import { describe, it } from "node:test";
import { assertFires, assertQuiet, checkVariant, evaluate, reportFires, secret, SyntheticResource, UNKNOWN } from "../support";

const RG = "aws:elasticache/replicationGroup:ReplicationGroup";
const CLUSTER = "aws:elasticache/cluster:Cluster";
const SERVERLESS = "aws:elasticache/serverlessCache:ServerlessCache";

/** A replication group as components/cache.ts builds it in prod; an `undefined` override removes the input. */
const goodGroup = (inputs: Record<string, unknown> = {}, name = "redis"): SyntheticResource => ({
    type: RG,
    name,
    inputs: withoutUndefined({
        replicationGroupId: "acme-chat-prod",
        description: "Redis",
        engine: "valkey",
        numCacheClusters: 2,
        transitEncryptionEnabled: true,
        transitEncryptionMode: "required",
        atRestEncryptionEnabled: true,
        authToken: secret("a-64-character-token"),
        automaticFailoverEnabled: true,
        multiAzEnabled: true,
        snapshotRetentionLimit: 7,
        finalSnapshotIdentifier: "acme-chat-prod-final",
        subnetGroupName: "acme-chat-prod-cache",
        ...inputs,
    }),
});
const withoutUndefined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const CACHE_RULES = [
    "elasticache-encryption-in-transit",
    "elasticache-encryption-at-rest",
    "elasticache-auth-token",
    "upstash-tls",
    "elasticache-failover",
    "elasticache-snapshots",
    "elasticache-minor-version-upgrade",
    "elasticache-custom-subnet-group",
];

describe("cache rules on the template's replication group", () => {
    it("stay quiet in dev and prod", async () => {
        for (const environment of ["dev", "prod"]) {
            const diags = await evaluate([goodGroup()], { environment });
            for (const rule of CACHE_RULES) assertQuiet(diags, rule);
        }
    });

    it("decide in a preview, while the generated AUTH token is still unknown", async () => {
        const diags = await evaluate([goodGroup({ authToken: UNKNOWN, transitEncryptionMode: "preferred" })]);
        assertQuiet(diags, "elasticache-auth-token");
        assertFires(diags, "elasticache-encryption-in-transit", "redis", "mandatory");
    });
});

describe("elasticache-encryption-in-transit", () => {
    it("fires on plain text or a preferred mode, mandatory in dev and prod", async () => {
        for (const environment of ["dev", "prod"]) {
            const diags = await evaluate([goodGroup({ transitEncryptionEnabled: false }, "off"), goodGroup({ transitEncryptionMode: "preferred" }, "preferred")], { environment });
            assertFires(diags, "elasticache-encryption-in-transit", "off", "mandatory");
            assertFires(diags, "elasticache-encryption-in-transit", "preferred", "mandatory");
        }
    });

    it("fires on standalone Redis clusters and plain memcached, not on group members", async () => {
        const diags = await evaluate([
            { type: CLUSTER, name: "standalone", inputs: { clusterId: "c1", engine: "redis", nodeType: "cache.t4g.micro", numCacheNodes: 1 } },
            { type: CLUSTER, name: "member", inputs: { clusterId: "c2", replicationGroupId: "acme-chat-prod" } },
            { type: CLUSTER, name: "memcached", inputs: { clusterId: "c3", engine: "memcached", numCacheNodes: 2 } },
            { type: CLUSTER, name: "memcached-tls", inputs: { clusterId: "c4", engine: "memcached", numCacheNodes: 2, transitEncryptionEnabled: true } },
        ]);
        assertFires(diags, "elasticache-encryption-in-transit", "standalone");
        assertFires(diags, "elasticache-encryption-in-transit", "memcached");
        assertQuiet(diags, "elasticache-encryption-in-transit", "member");
        assertQuiet(diags, "elasticache-encryption-in-transit", "memcached-tls");
    });
});

describe("elasticache-encryption-at-rest", () => {
    it("fires on an unencrypted group and a standalone Redis cluster, not on serverless", async () => {
        const diags = await evaluate(
            [
                goodGroup({ atRestEncryptionEnabled: false }, "plain"),
                { type: CLUSTER, name: "standalone", inputs: { clusterId: "c1", engine: "valkey", numCacheNodes: 1 } },
                { type: SERVERLESS, name: "serverless", inputs: { name: "s", engine: "valkey", userGroupId: "ug", snapshotRetentionLimit: 7 } },
            ],
            { environment: "dev" },
        );
        assertFires(diags, "elasticache-encryption-at-rest", "plain", "mandatory");
        assertFires(diags, "elasticache-encryption-at-rest", "standalone", "mandatory");
        assertQuiet(diags, "elasticache-encryption-at-rest", "serverless");
    });
});

describe("elasticache-auth-token", () => {
    it("fires without a token or user groups, and accepts either", async () => {
        const diags = await evaluate([
            goodGroup({ authToken: undefined }, "open"),
            goodGroup({ authToken: undefined, userGroupIds: ["app-users"] }, "rbac"),
            goodGroup({ authToken: undefined, authTokenWo: secret("write-only-token"), authTokenWoVersion: 1 }, "write-only"),
            goodGroup({ authToken: "" }, "empty"),
        ]);
        assertFires(diags, "elasticache-auth-token", "open", "mandatory");
        assertFires(diags, "elasticache-auth-token", "empty", "mandatory");
        assertQuiet(diags, "elasticache-auth-token", "rbac");
        assertQuiet(diags, "elasticache-auth-token", "write-only");
    });

    it("fires on a serverless Valkey cache without a user group and on a standalone Redis cluster", async () => {
        const diags = await evaluate([
            { type: SERVERLESS, name: "no-users", inputs: { name: "s1", engine: "valkey", snapshotRetentionLimit: 7 } },
            { type: SERVERLESS, name: "users", inputs: { name: "s2", engine: "redis", userGroupId: "ug", snapshotRetentionLimit: 7 } },
            { type: CLUSTER, name: "standalone", inputs: { clusterId: "c1", engine: "redis" } },
        ]);
        assertFires(diags, "elasticache-auth-token", "no-users");
        assertQuiet(diags, "elasticache-auth-token", "users");
        assertFires(diags, "elasticache-auth-token", "standalone");
    });
});

describe("upstash-tls", () => {
    it("fires when TLS is turned off", async () => {
        const upstash = (name: string, tls: boolean) => ({ type: "upstash:index/redisDatabase:RedisDatabase", name, inputs: { databaseName: `acme-chat-prod-${name}`, region: "global", primaryRegion: "us-east-1", tls } });
        const diags = await evaluate([upstash("plain", false), upstash("tls", true)], { environment: "dev" });
        assertFires(diags, "upstash-tls", "plain", "mandatory");
        assertQuiet(diags, "upstash-tls", "tls");
    });
});

describe("elasticache-failover", () => {
    it("fires on a single node or failover off: advisory in dev, mandatory in prod", async () => {
        const single = goodGroup({ numCacheClusters: 1, automaticFailoverEnabled: false, multiAzEnabled: false });
        assertFires(await evaluate([single], { environment: "dev" }), "elasticache-failover", "redis", "advisory");
        assertFires(await evaluate([single], { environment: "prod" }), "elasticache-failover", "redis", "mandatory");
        assertFires(await evaluate([goodGroup({ multiAzEnabled: false })]), "elasticache-failover", "redis");
        assertFires(await evaluate([goodGroup({ numCacheClusters: 1 })]), "elasticache-failover", "redis");
        assertFires(await evaluate([{ type: CLUSTER, name: "standalone", inputs: { clusterId: "c1", engine: "redis" } }]), "elasticache-failover", "standalone");
    });
});

describe("elasticache-snapshots", () => {
    it("requires the environment's retention and a final snapshot in prod", async () => {
        const threeDays = goodGroup({ snapshotRetentionLimit: 3 });
        assertFires(await evaluate([threeDays], { environment: "prod" }), "elasticache-snapshots", "redis", "mandatory");
        assertQuiet(await evaluate([threeDays], { environment: "dev" }), "elasticache-snapshots");
        const noFinal = goodGroup({ finalSnapshotIdentifier: undefined });
        assertFires(await evaluate([noFinal], { environment: "prod" }), "elasticache-snapshots", "redis", "mandatory");
        assertQuiet(await evaluate([noFinal], { environment: "dev" }), "elasticache-snapshots");
        assertFires(await evaluate([goodGroup({ snapshotRetentionLimit: 0 })], { environment: "dev" }), "elasticache-snapshots", "redis", "advisory");
    });

    it("covers serverless caches and standalone clusters", async () => {
        const diags = await evaluate([
            { type: SERVERLESS, name: "serverless", inputs: { name: "s", engine: "valkey", userGroupId: "ug" } },
            { type: CLUSTER, name: "standalone", inputs: { clusterId: "c1", engine: "redis", snapshotRetentionLimit: 7 } },
            { type: CLUSTER, name: "memcached", inputs: { clusterId: "c2", engine: "memcached" } },
        ]);
        assertFires(diags, "elasticache-snapshots", "serverless");
        assertFires(diags, "elasticache-snapshots", "standalone");
        assertQuiet(diags, "elasticache-snapshots", "memcached");
    });
});

describe("insecure prod variants of the stack config (private reachability, ElastiCache)", () => {
    const PRIVATE = {
        "service:reachability": "private",
        "service:vercel": { teamId: "team_acme", protectPreviews: true, domain: "chat.acme.example", secureComputeNetworkId: "net_acme", peeringConnectionId: "pcx-0123456789abcdef0" },
    };

    it("a single node blocks the prod preview", async () => {
        reportFires(await checkVariant("prod", { ...PRIVATE, "service:cache": { backend: "elasticache", nodes: 1 } }, { preview: true }), "elasticache-failover");
    });

    it("no snapshots block the prod preview", async () => {
        reportFires(await checkVariant("prod", { ...PRIVATE, "service:cache": { backend: "elasticache", snapshotRetentionDays: 0 } }, { preview: true }), "elasticache-snapshots");
    });
});

describe("elasticache-minor-version-upgrade", () => {
    it("fires when a replication group (boolean) or a standalone cluster (string) turns minor upgrades off, mandatory in dev and prod", async () => {
        for (const environment of ["dev", "prod"]) {
            const diags = await evaluate([goodGroup({ autoMinorVersionUpgrade: false }), { type: CLUSTER, name: "memcached", inputs: { engine: "memcached", subnetGroupName: "g", autoMinorVersionUpgrade: "false" } }], { environment });
            assertFires(diags, "elasticache-minor-version-upgrade", "redis", "mandatory");
            assertFires(diags, "elasticache-minor-version-upgrade", "memcached", "mandatory");
        }
    });

    it("stays quiet when upgrades stay on or are left to the default, and on members of a group", async () => {
        const diags = await evaluate([
            goodGroup({ autoMinorVersionUpgrade: true }),
            goodGroup({}, "default"),
            { type: CLUSTER, name: "member", inputs: { replicationGroupId: "acme-chat-prod", autoMinorVersionUpgrade: "false" } },
        ]);
        assertQuiet(diags, "elasticache-minor-version-upgrade");
    });
});

describe("elasticache-custom-subnet-group", () => {
    it("fires on a group without a subnet group or with the default one, and on a standalone cluster alike", async () => {
        const diags = await evaluate([goodGroup({ subnetGroupName: undefined }), goodGroup({ subnetGroupName: "default" }, "named-default"), { type: CLUSTER, name: "solo", inputs: { engine: "memcached" } }]);
        for (const name of ["redis", "named-default", "solo"]) assertFires(diags, "elasticache-custom-subnet-group", name, "mandatory");
    });

    it("stays quiet on a subnet group of the stack's own, known or created in the same preview", async () => {
        const diags = await evaluate([goodGroup(), goodGroup({ subnetGroupName: UNKNOWN }, "pending"), { type: CLUSTER, name: "member", inputs: { replicationGroupId: "acme-chat-prod" } }]);
        assertQuiet(diags, "elasticache-custom-subnet-group");
    });
});
