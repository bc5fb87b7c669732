/**
 * Issue 25: sound production resources of shapes the template does not create (and of its own) raise no
 * mandatory violation of the rules they concern, while their insecure twins still fire.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertFires, assertQuiet, evaluate, SyntheticResource, UNKNOWN, violations } from "../support";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const LB = "aws:lb/loadBalancer:LoadBalancer";
const RG = "aws:elasticache/replicationGroup:ReplicationGroup";
const INSTANCE = "aws:rds/instance:Instance";
const PARAMETER_GROUP = "aws:rds/parameterGroup:ParameterGroup";

/** A group with `ingress`, its id known as a deployed group's output would be. */
const group = (name: string, id: string, ingress: unknown[] = []): SyntheticResource => ({ type: SG, name, inputs: { vpcId: "vpc-1", ingress }, outputs: { id, vpcId: "vpc-1", ingress } });
const https = { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] };

describe("security-group-ingress-restricted decides 443 by what the group protects", () => {
    it("stays quiet on a public HTTPS load balancer's group (inline or by a standalone rule)", async () => {
        const diags = await evaluate([
            group("alb-sg", "sg-alb", [https]),
            { type: LB, name: "alb", inputs: { internal: false, loadBalancerType: "application", securityGroups: ["sg-alb"], subnets: ["subnet-1", "subnet-2"] } },
            group("nlb-sg", "sg-nlb"),
            { type: INGRESS, name: "nlb-https", inputs: { securityGroupId: "sg-nlb", ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" } },
            { type: LB, name: "edge", inputs: { securityGroups: ["sg-nlb"], subnets: ["subnet-1"] } },
        ]);
        assertQuiet(diags, "security-group-ingress-restricted");
    });

    it("stays quiet in a preview, where the balancer names its group through an unknown id", async () => {
        const diags = await evaluate([
            { type: SG, name: "alb-sg", inputs: { vpcId: "vpc-1", ingress: [https] }, outputs: { id: UNKNOWN, vpcId: "vpc-1", ingress: [https] } },
            { type: LB, name: "alb", inputs: { internal: false, securityGroups: [UNKNOWN] }, propertyDependencies: { securityGroups: ["alb-sg"] } },
        ]);
        assertQuiet(diags, "security-group-ingress-restricted");
    });

    it("fires on 443 from the internet to a datastore's group, an internal balancer's, or a group that protects nothing here", async () => {
        const diags = await evaluate([
            group("db-sg", "sg-db", [https]),
            { type: INSTANCE, name: "db", inputs: { engine: "postgres", instanceClass: "db.t4g.medium", vpcSecurityGroupIds: ["sg-db"] } },
            group("both-sg", "sg-both", [https]),
            { type: LB, name: "shared-alb", inputs: { internal: false, securityGroups: ["sg-both"] } },
            { type: RG, name: "cache", inputs: { description: "c", securityGroupIds: ["sg-both"] } },
            group("internal-sg", "sg-internal", [https]),
            { type: LB, name: "internal-alb", inputs: { internal: true, securityGroups: ["sg-internal"] } },
            group("lonely-sg", "sg-lonely", [https]),
            { type: INGRESS, name: "elsewhere", inputs: { securityGroupId: "sg-external", ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" } },
        ]);
        for (const name of ["db-sg", "both-sg", "internal-sg", "lonely-sg", "elsewhere"]) assertFires(diags, "security-group-ingress-restricted", name, "mandatory");
    });

    it("still fires at once on a public balancer's group that opens more than its entry port", async () => {
        const diags = await evaluate([
            group("alb-sg", "sg-alb", [https, { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }]),
            { type: LB, name: "alb", inputs: { internal: false, securityGroups: ["sg-alb"] } },
        ]);
        const [v] = assertFires(diags, "security-group-ingress-restricted", "alb-sg", "mandatory");
        assert.equal(v.phase, "resource");
        assert.match(v.message, /TCP 22/);
    });
});

describe("security-group-ingress-restricted on a public balancer's plain-HTTP port", () => {
    const http = { protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"] };
    const balancer: SyntheticResource = { type: LB, name: "alb", inputs: { internal: false, securityGroups: ["sg-alb"] }, outputs: { arn: "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/web/1", internal: false, securityGroups: ["sg-alb"] } };
    const listener = (port: number, defaultActions: unknown[], name = `l${port}`): SyntheticResource => ({
        type: "aws:lb/listener:Listener",
        name,
        inputs: { loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/web/1", port, protocol: port === 443 ? "HTTPS" : "HTTP", defaultActions },
        outputs: { arn: `arn:aws:elasticloadbalancing:us-east-1:111111111111:listener/app/web/1/${name}`, loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/web/1", port, defaultActions },
    });
    const redirect = [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }];
    const forward = [{ type: "forward", targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/web/1" }];

    it("stays quiet on 80 and 443 where port 80 only redirects to HTTPS", async () => {
        const diags = await evaluate([group("alb-sg", "sg-alb", [https, http]), balancer, listener(80, redirect), listener(443, forward)]);
        assertQuiet(diags, "security-group-ingress-restricted");
    });

    it("fires where port 80 serves plain HTTP, by default action or by a listener rule", async () => {
        assertFires(await evaluate([group("alb-sg", "sg-alb", [https, http]), balancer, listener(80, forward)]), "security-group-ingress-restricted", "alb-sg", "mandatory");
        const rule: SyntheticResource = { type: "aws:lb/listenerRule:ListenerRule", name: "api-over-http", inputs: { listenerArn: "arn:aws:elasticloadbalancing:us-east-1:111111111111:listener/app/web/1/l80", actions: forward, conditions: [{ pathPattern: { values: ["/api/*"] } }] } };
        const [v] = assertFires(await evaluate([group("alb-sg", "sg-alb", [http]), balancer, listener(80, redirect), rule]), "security-group-ingress-restricted", "alb-sg", "mandatory");
        assert.match(v.message, /listener rule api-over-http/);
    });
});

describe("elasticache-encryption-in-transit on groups of other shapes", () => {
    const clusterMode = (inputs: Record<string, unknown>): SyntheticResource => ({
        type: RG,
        name: "cluster-mode",
        inputs: {
            replicationGroupId: "orders-prod",
            description: "cluster mode, RBAC",
            engine: "valkey",
            clusterMode: "enabled",
            numNodeGroups: 3,
            replicasPerNodeGroup: 1,
            transitEncryptionEnabled: true,
            atRestEncryptionEnabled: true,
            userGroupIds: ["orders-prod-users"],
            automaticFailoverEnabled: true,
            multiAzEnabled: true,
            snapshotRetentionLimit: 7,
            finalSnapshotIdentifier: "orders-prod-final",
            subnetGroupName: "orders-prod-cache",
            ...inputs,
        },
    });

    it("stays quiet without transitEncryptionMode (a new group gets required) and with RBAC user groups instead of a token", async () => {
        const diags = await evaluate([clusterMode({})]);
        for (const rule of ["elasticache-encryption-in-transit", "elasticache-auth-token", "elasticache-encryption-at-rest", "elasticache-failover"]) assertQuiet(diags, rule);
    });

    it("stays quiet on the mode the provider reports for a deployed group", async () => {
        const diags = await evaluate([{ ...clusterMode({}), outputs: { ...clusterMode({}).inputs, transitEncryptionMode: "required" } }]);
        assertQuiet(diags, "elasticache-encryption-in-transit");
    });

    it("fires on a preferred mode, however it is reached, and on transit encryption off", async () => {
        assertFires(await evaluate([clusterMode({ transitEncryptionMode: "preferred" })]), "elasticache-encryption-in-transit", "cluster-mode", "mandatory");
        assertFires(await evaluate([clusterMode({ transitEncryptionEnabled: false })]), "elasticache-encryption-in-transit", "cluster-mode", "mandatory");
    });

    it("stays quiet on a serverless cache with a user group", async () => {
        const diags = await evaluate([
            { type: "aws:elasticache/serverlessCache:ServerlessCache", name: "serverless", inputs: { name: "sessions-prod", engine: "valkey", userGroupId: "sessions-prod-users", snapshotRetentionLimit: 7 } },
        ]);
        for (const rule of ["elasticache-encryption-in-transit", "elasticache-auth-token", "elasticache-snapshots"]) assertQuiet(diags, rule);
    });
});

describe("rds-multi-az and read replicas", () => {
    const primary: SyntheticResource = { type: INSTANCE, name: "primary", inputs: { identifier: "orders-prod", engine: "postgres", instanceClass: "db.r6g.large", multiAz: true } };
    it("stays quiet on a single-AZ read replica of a Multi-AZ primary, by identifier or ARN", async () => {
        const diags = await evaluate([
            primary,
            { type: INSTANCE, name: "replica", inputs: { identifier: "orders-prod-ro", replicateSourceDb: "orders-prod", instanceClass: "db.r6g.large", multiAz: false } },
            { type: INSTANCE, name: "dr-replica", inputs: { identifier: "orders-prod-dr", replicateSourceDb: "arn:aws:rds:us-east-1:111111111111:db:orders-prod", instanceClass: "db.r6g.large" } },
        ]);
        assertQuiet(diags, "rds-multi-az");
        for (const name of ["replica", "dr-replica"]) assertQuiet(diags, "rds-deletion-protection", name);
    });

    it("still fires on a single-AZ primary", async () => {
        assertFires(await evaluate([{ ...primary, inputs: { ...primary.inputs, multiAz: false } }]), "rds-multi-az", "primary", "mandatory");
        assertFires(await evaluate([primary]), "rds-deletion-protection", "primary", "mandatory");
    });
});

describe("rds-tls-enforced reads every entry of a parameter group", () => {
    const groupWith = (parameters: Array<{ name: string; value: string }>): SyntheticResource => ({ type: PARAMETER_GROUP, name: "pg", inputs: { name: "svc-prod-postgres17", family: "postgres17", parameters } });
    it("fires on a second rds.force_ssl entry that turns TLS off, whichever order they are written in", async () => {
        for (const parameters of [
            [{ name: "rds.force_ssl", value: "1" }, { name: "rds.force_ssl", value: "0" }],
            [{ name: "rds.force_ssl", value: "0" }, { name: "rds.force_ssl", value: "1" }],
            [{ name: "rds.force_ssl", value: "1" }, { name: "RDS.FORCE_SSL", value: "0" }],
        ]) {
            const publicDb: SyntheticResource = { type: INSTANCE, name: "db", inputs: { identifier: "svc-prod", engine: "postgres", publiclyAccessible: true, parameterGroupName: "svc-prod-postgres17" } };
            const diags = await evaluate([groupWith(parameters), publicDb]);
            assertFires(diags, "rds-tls-enforced", "pg", "mandatory");
            assertFires(diags, "rds-not-public-without-tls", "db", "mandatory");
        }
    });

    it("stays quiet on repeated entries that all force TLS", async () => {
        assertQuiet(await evaluate([groupWith([{ name: "rds.force_ssl", value: "1" }, { name: "rds.force_ssl", value: "1" }])]), "rds-tls-enforced");
    });
});

describe("sound resources of others' shapes raise no mandatory violation of the rules they concern", () => {
    it("Aurora Serverless v2, RDS Proxy, secret rotation", async () => {
        const diags = await evaluate([
            { type: "aws:rds/clusterParameterGroup:ClusterParameterGroup", name: "aurora-params", inputs: { name: "orders-prod-aurora", family: "aurora-postgresql16", parameters: [{ name: "rds.force_ssl", value: "1" }] } },
            {
                type: "aws:rds/cluster:Cluster",
                name: "aurora",
                inputs: {
                    clusterIdentifier: "orders-prod",
                    engine: "aurora-postgresql",
                    engineMode: "provisioned",
                    engineVersion: "16.4",
                    serverlessv2ScalingConfiguration: { minCapacity: 0.5, maxCapacity: 8 },
                    storageEncrypted: true,
                    kmsKeyId: "arn:aws:kms:us-east-1:111111111111:key/abcd",
                    masterUsername: "dbadmin",
                    manageMasterUserPassword: true,
                    backupRetentionPeriod: 14,
                    deletionProtection: true,
                    finalSnapshotIdentifier: "orders-prod-final",
                    dbClusterParameterGroupName: "orders-prod-aurora",
                    copyTagsToSnapshot: true,
                },
            },
            { type: "aws:rds/clusterInstance:ClusterInstance", name: "aurora-1", inputs: { clusterIdentifier: "orders-prod", instanceClass: "db.serverless", engine: "aurora-postgresql", publiclyAccessible: false } },
            { type: "aws:rds/proxy:Proxy", name: "proxy", inputs: { name: "orders-prod", engineFamily: "POSTGRESQL", requireTls: true, roleArn: "arn:aws:iam::111111111111:role/proxy", vpcSubnetIds: ["subnet-1"], auths: [{ authScheme: "SECRETS", iamAuth: "REQUIRED", secretArn: "arn:aws:secretsmanager:us-east-1:111111111111:secret:db" }] } },
            { type: "aws:secretsmanager/secret:Secret", name: "api-key", inputs: { name: "orders-prod-api-key", recoveryWindowInDays: 30, kmsKeyId: "arn:aws:kms:us-east-1:111111111111:key/abcd" } },
            { type: "aws:secretsmanager/secretRotation:SecretRotation", name: "api-key-rotation", inputs: { secretId: "orders-prod-api-key", rotationLambdaArn: "arn:aws:lambda:us-east-1:111111111111:function:rotate", rotationRules: { automaticallyAfterDays: 30 } } },
        ]);
        for (const rule of ["rds-tls-enforced", "rds-not-public-without-tls", "rds-storage-encrypted", "rds-master-password-managed", "rds-backup-retention", "rds-deletion-protection", "secretsmanager-recovery-window"]) {
            assert.deepEqual(violations(diags, rule).filter((d) => d.enforcementLevel === "mandatory").map((d) => d.message), [], rule);
        }
    });
});

describe("a sound production stack of others' shapes", () => {
    const tags = { service: "orders", environment: "prod", owner: "platform-team", "managed-by": "pulumi" };
    const key = "arn:aws:kms:us-east-1:111111111111:key/abcd";
    const describedHttps = { ...https, description: "HTTPS from anyone" };
    const resources: SyntheticResource[] = [
        { type: "aws:rds/clusterParameterGroup:ClusterParameterGroup", name: "orders-prod-aurora-params", inputs: { name: "orders-prod-aurora", family: "aurora-postgresql16", description: "Aurora settings, TLS forced", parameters: [{ name: "rds.force_ssl", value: "1" }], tags } },
        {
            type: "aws:rds/cluster:Cluster",
            name: "orders-prod-aurora",
            protect: true,
            inputs: {
                clusterIdentifier: "orders-prod", engine: "aurora-postgresql", engineMode: "provisioned", engineVersion: "16.4", engineLifecycleSupport: "open-source-rds-extended-support-disabled",
                serverlessv2ScalingConfiguration: { minCapacity: 0.5, maxCapacity: 8 }, storageEncrypted: true, kmsKeyId: key, masterUsername: "dbadmin", manageMasterUserPassword: true,
                backupRetentionPeriod: 14, deletionProtection: true, finalSnapshotIdentifier: "orders-prod-final", deleteAutomatedBackups: false, dbClusterParameterGroupName: "orders-prod-aurora",
                copyTagsToSnapshot: true, enabledCloudwatchLogsExports: ["postgresql"], vpcSecurityGroupIds: ["sg-db"], tags,
            },
        },
        {
            type: "aws:rds/clusterInstance:ClusterInstance",
            name: "orders-prod-aurora-1",
            inputs: { identifier: "orders-prod-1", clusterIdentifier: "orders-prod", instanceClass: "db.serverless", engine: "aurora-postgresql", publiclyAccessible: false, performanceInsightsEnabled: true, performanceInsightsKmsKeyId: key, monitoringInterval: 60, monitoringRoleArn: "arn:aws:iam::111111111111:role/orders-prod-monitoring", tags },
        },
        { type: "aws:rds/proxy:Proxy", name: "orders-prod-proxy", inputs: { name: "orders-prod", engineFamily: "POSTGRESQL", requireTls: true, roleArn: "arn:aws:iam::111111111111:role/orders-prod-proxy", vpcSubnetIds: ["subnet-1"], vpcSecurityGroupIds: ["sg-db"], auths: [{ authScheme: "SECRETS", iamAuth: "REQUIRED", secretArn: "arn:aws:secretsmanager:us-east-1:111111111111:secret:db" }], tags } },
        { type: "aws:ec2/securityGroup:SecurityGroup", name: "orders-prod-db-sg", inputs: { vpcId: "vpc-1", name: "orders-prod-db", description: "Postgres, from the app's subnets only", ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["10.0.0.0/16"], description: "Postgres from the VPC" }], egress: [], tags }, outputs: { id: "sg-db", vpcId: "vpc-1", name: "orders-prod-db", ingress: [], egress: [], tags } },
        { type: "aws:ec2/securityGroup:SecurityGroup", name: "orders-prod-alb-sg", inputs: { vpcId: "vpc-1", name: "orders-prod-alb", description: "HTTPS from the internet to the load balancer", ingress: [describedHttps], tags }, outputs: { id: "sg-alb", vpcId: "vpc-1", name: "orders-prod-alb", ingress: [describedHttps], tags } },
        { type: LB, name: "orders-prod-alb", inputs: { name: "orders-prod", internal: false, loadBalancerType: "application", securityGroups: ["sg-alb"], subnets: ["subnet-1", "subnet-2"], dropInvalidHeaderFields: true, tags } },
        { type: "aws:secretsmanager/secret:Secret", name: "orders-prod-api-key", protect: true, inputs: { name: "orders-prod-api-key", description: "Partner API key, rotated monthly", recoveryWindowInDays: 30, kmsKeyId: key, tags } },
        { type: "aws:secretsmanager/secretRotation:SecretRotation", name: "orders-prod-api-key-rotation", inputs: { secretId: "orders-prod-api-key", rotationLambdaArn: "arn:aws:lambda:us-east-1:111111111111:function:orders-prod-rotate", rotationRules: { automaticallyAfterDays: 30 } } },
        { type: "aws:dynamodb/table:Table", name: "orders-prod-table", protect: true, inputs: { name: "orders-prod", billingMode: "PAY_PER_REQUEST", hashKey: "id", attributes: [{ name: "id", type: "S" }], pointInTimeRecovery: { enabled: true }, deletionProtectionEnabled: true, serverSideEncryption: { enabled: true, kmsKeyArn: key }, tags } },
        {
            type: "aws:iam/role:Role",
            name: "orders-prod-worker-role",
            inputs: { name: "orders-prod-worker", description: "The order worker's Lambda role", assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] }), tags },
        },
        { type: "aws:iam/rolePolicy:RolePolicy", name: "orders-prod-worker-policy", inputs: { name: "orders-prod-worker", role: "orders-prod-worker", policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["dynamodb:GetItem", "dynamodb:PutItem"], Resource: "arn:aws:dynamodb:us-east-1:111111111111:table/orders-prod" }] }) } },
        { type: "aws:lambda/function:Function", name: "orders-prod-worker", inputs: { name: "orders-prod-worker", runtime: "nodejs22.x", handler: "index.handler", role: "arn:aws:iam::111111111111:role/orders-prod-worker", environment: { variables: { TABLE_NAME: "orders-prod", DB_SECRET_ARN: "arn:aws:secretsmanager:us-east-1:111111111111:secret:db", LOG_LEVEL: "info" } }, tags } },
        { type: "aws:cloudfront/originAccessControl:OriginAccessControl", name: "orders-prod-oac", inputs: { name: "orders-prod", description: "CloudFront reads the assets bucket", originAccessControlOriginType: "s3", signingBehavior: "always", signingProtocol: "sigv4" } },
        {
            type: "aws:cloudfront/distribution:Distribution",
            name: "orders-prod-cdn",
            inputs: {
                enabled: true,
                origins: [{ domainName: "orders-prod-assets.s3.us-east-1.amazonaws.com", originId: "s3", originAccessControlId: "oac-1" }],
                defaultCacheBehavior: { targetOriginId: "s3", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] },
                restrictions: { geoRestriction: { restrictionType: "none" } },
                viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:111111111111:certificate/x", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
                tags,
            },
        },
        {
            type: RG,
            name: "orders-prod-cache",
            protect: true,
            inputs: {
                replicationGroupId: "orders-prod", description: "Order cache, cluster mode", engine: "valkey", nodeType: "cache.r7g.large", clusterMode: "enabled", numNodeGroups: 3, replicasPerNodeGroup: 1,
                transitEncryptionEnabled: true, atRestEncryptionEnabled: true, kmsKeyId: key, userGroupIds: ["orders-prod-users"], automaticFailoverEnabled: true, multiAzEnabled: true,
                snapshotRetentionLimit: 7, finalSnapshotIdentifier: "orders-prod-final", subnetGroupName: "orders-prod-cache", securityGroupIds: ["sg-db"], tags,
            },
        },
        { type: "aws:elasticache/serverlessCache:ServerlessCache", name: "orders-prod-sessions", protect: true, inputs: { name: "orders-prod-sessions", description: "Sessions", engine: "valkey", userGroupId: "orders-prod-users", snapshotRetentionLimit: 7, kmsKeyId: key, securityGroupIds: ["sg-db"], tags } },
        {
            type: INSTANCE,
            name: "orders-prod-replica",
            protect: true,
            inputs: {
                identifier: "orders-prod-ro", replicateSourceDb: "arn:aws:rds:us-east-1:111111111111:db:orders-prod-primary", instanceClass: "db.r6g.large", multiAz: false, storageEncrypted: true, kmsKeyId: key,
                parameterGroupName: "orders-prod-pg", publiclyAccessible: false, performanceInsightsEnabled: true, performanceInsightsKmsKeyId: key, monitoringInterval: 60,
                monitoringRoleArn: "arn:aws:iam::111111111111:role/orders-prod-monitoring", enabledCloudwatchLogsExports: ["postgresql"], autoMinorVersionUpgrade: true, caCertIdentifier: "rds-ca-rsa2048-g1",
                maxAllocatedStorage: 1000, copyTagsToSnapshot: true, engineLifecycleSupport: "open-source-rds-extended-support-disabled", vpcSecurityGroupIds: ["sg-db"], tags,
            },
        },
        { type: "aws:budgets/budget:Budget", name: "orders-prod-budget", inputs: { name: "orders-prod", budgetType: "COST", timeUnit: "MONTHLY", limitAmount: "5000", limitUnit: "USD", tags } },
    ];
    // What the fixture leaves out on purpose, being about the resources above rather than a whole stack: alarms on
    // each datastore and the budget's notifications.
    const STACK_CONTEXT = new Set(["datastore-alarms", "budget-configured"]);

    it("raises no mandatory violation from any rule of the prod pack", async () => {
        const diags = await evaluate(resources, { environment: "prod" });
        const mandatory = diags.filter((d) => d.enforcementLevel === "mandatory" && !STACK_CONTEXT.has(d.policy));
        assert.deepEqual(mandatory.map((d) => `${d.policy} ${d.urn.split("::").pop()}: ${d.message.split("\n").slice(1).join(" ")}`), []);
    });
});

