import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { describe, it } from "node:test";
import { connectionBudget, instanceClassMemoryBytes, INSTANCE_CLASS_MEMORY_GIB } from "../../components/database";
import { bootstrapScript } from "../../components/databaseRoles";
import { subnetCidr } from "../../components/network";
import { ConfigError, parseServiceConfig } from "../../config";
import { defaultLayout } from "../../readiness/layout";
import type { ReportResource, StackReport } from "../../readiness/report";
import { runProgram } from "../../readiness/engine/run";
import { UsageError } from "../../readiness/engine/stackFiles";
import { checkVariant, exampleStack } from "../support";

/** The stack file's own Vercel settings plus a Secure Compute network and its peering connection. */
const privateVercel = (stack: string) => ({
    ...(JSON.parse(exampleStack(stack).config["service:vercel"]) as Record<string, unknown>),
    secureComputeNetworkId: "net_acme",
    peeringConnectionId: PEERING_ID,
});
const PEERING_ID = "pcx-0123456789abcdef0";
const PRIVATE = (stack: string) => ({ "service:reachability": "private", "service:vercel": privateVercel(stack) });
/** The Secure Compute CIDR the offline engine's getNetwork mock reports. */
const SECURE_COMPUTE_CIDR = "10.128.0.0/16";

/** Resources of this area: the Network and Postgres components' children (other tiers share the stack). */
function ours(r: StackReport): ReportResource[] {
    const byUrn = new Map(r.resources.map((x) => [x.urn, x]));
    const underArea = (x: ReportResource | undefined): boolean =>
        x !== undefined && x.parent !== null && (/[:$]service:(network:Network|data:Postgres)::[^:]+$/.test(x.parent) || underArea(byUrn.get(x.parent)));
    return r.resources.filter((x) => underArea(x));
}
const ofType = (r: StackReport, type: string) => ours(r).filter((x) => x.type === `aws:${type}` || x.type === type);
const one = (r: StackReport, type: string): ReportResource => {
    const found = ofType(r, type);
    assert.equal(found.length, 1, `one ${type}, got ${found.length}`);
    return found[0];
};
const inputs = (x: ReportResource) => x.inputs as Record<string, any>;
/** Ingress sources by security group slug (`postgres`, `cache`), read from the rules' names. */
function ingress(r: StackReport): Record<string, Array<{ cidr: string; port: number; protocol: string }>> {
    const out: Record<string, Array<{ cidr: string; port: number; protocol: string }>> = { postgres: [], cache: [] };
    for (const rule of ofType(r, "vpc/securityGroupIngressRule:SecurityGroupIngressRule")) {
        // The bootstrap function's group-to-group rules (no CIDR) are checked in test/bootstrapFunction.test.ts.
        if (/-bootstrap-run-(database|endpoint)-from-function$/.test(rule.name)) continue;
        const slug = /-(postgres|cache)-in-\d+$/.exec(rule.name)![1];
        const i = inputs(rule);
        assert.equal(i.fromPort, i.toPort);
        out[slug].push({ cidr: i.cidrIpv4, port: i.fromPort, protocol: i.ipProtocol });
    }
    for (const list of Object.values(out)) list.sort((a, b) => a.cidr.localeCompare(b.cidr));
    return out;
}
const AREA_RULE = /^(rds-|kms-key-rotation$|security-group-ingress-restricted$|postgres-role-least-privilege$)/;
/**
 * Mandatory violations of this area's rules, or of any rule on this area's resources. Alarms are left out:
 * the monitoring component, not this one, creates them once the app tier wires it.
 */
function mine(r: StackReport) {
    const urns = new Set(ours(r).map((x) => x.urn));
    return r.violations.filter((v) => v.enforcementLevel === "mandatory" && (AREA_RULE.test(v.policy) || (urns.has(v.urn) && v.policy !== "datastore-alarms")));
}

describe("connection budget", () => {
    it("follows RDS's formula on approximate DBInstanceClassMemory", () => {
        const medium = connectionBudget({ instanceClass: "db.t4g.medium", appConnectionShare: 0.6, poolSize: 5 });
        assert.equal(medium.maxConnections, 413);
        assert.equal(medium.appConnectionLimit, 243);
        assert.equal(medium.concurrentInstances, 48);
        // The withheld slots (3 + 2) and the master's headroom (3) stay out of every role's limit.
        assert.equal(medium.maxConnections, medium.appConnectionLimit + medium.migrationConnectionLimit + medium.readonlyConnectionLimit + 8);
        const micro = connectionBudget({ instanceClass: "db.t4g.micro", appConnectionShare: 0.6, poolSize: 2 });
        assert.deepEqual([micro.maxConnections, micro.appConnectionLimit, micro.migrationConnectionLimit, micro.readonlyConnectionLimit], [82, 44, 10, 20]);
        assert.equal(connectionBudget({ instanceClass: "db.m7g.large", appConnectionShare: 0.5, poolSize: 10 }).maxConnections, 855);
        // 5000 caps the formula on the biggest classes.
        assert.equal(connectionBudget({ instanceClass: "db.r7g.16xlarge", appConnectionShare: 0.5, poolSize: 10 }).maxConnections, 5000);
        assert.ok(instanceClassMemoryBytes(1) < 2 ** 30, "DBInstanceClassMemory sits under the nominal memory");
    });

    it("knows every class the presets use", () => {
        for (const c of ["db.t4g.micro", "db.t4g.small", "db.t4g.medium"]) assert.ok(c in INSTANCE_CLASS_MEMORY_GIB, c);
    });

    it("refuses settings that cannot agree, naming the keys to change", () => {
        const problem = (fn: () => unknown) => {
            try {
                fn();
            } catch (e) {
                assert.ok(e instanceof ConfigError);
                return e.message;
            }
            assert.fail("expected a ConfigError");
        };
        const pool = problem(() => connectionBudget({ instanceClass: "db.t4g.micro", appConnectionShare: 0.1, poolSize: 20 }));
        assert.match(pool, /service:database\.poolSize: got 20; expected at most 7/);
        assert.match(pool, /service:database\.appConnectionShare/);
        assert.match(pool, /service:database\.instanceClass/);
        assert.match(problem(() => connectionBudget({ instanceClass: "db.x9.large", appConnectionShare: 0.6, poolSize: 2 })), /service:database\.instanceClass: got "db\.x9\.large"/);
        assert.match(problem(() => connectionBudget({ instanceClass: "db.t4g.micro", appConnectionShare: 0.99, poolSize: 2 })), /service:database\.appConnectionShare: got 0\.99/);
    });

    it("stops a stack whose pool cannot fit before anything is registered", async () => {
        await assert.rejects(checkVariant("dev", { "service:database": { poolSize: 60 } }), (e: Error) => e instanceof UsageError && /service:database\.poolSize: got 60/.test(e.message));
    });
});

describe("network addressing", () => {
    it("cuts eight subnets from the VPC range", () => {
        assert.equal(subnetCidr("10.42.0.0/16", 0), "10.42.0.0/19");
        assert.equal(subnetCidr("10.42.0.0/16", 6), "10.42.192.0/19");
        assert.equal(subnetCidr("192.168.8.0/24", 7), "192.168.8.224/27");
    });

    it("validates service:vpcCidr as a private /16-/24 network address", () => {
        const base = exampleStack("dev").config;
        assert.equal(parseServiceConfig(base).vpcCidr, "10.42.0.0/16");
        for (const bad of ["8.8.0.0/16", "10.0.0.0/12", "10.42.1.0/16", "172.32.0.0/16"]) {
            assert.throws(() => parseServiceConfig({ ...base, "service:vpcCidr": bad }), /service:vpcCidr/, bad);
        }
    });
});

describe("Network and Postgres, public reachability", () => {
    it("dev: public subnets behind an internet gateway, Postgres open on 5432 only, nothing protected", async () => {
        const r = await checkVariant("dev");
        assert.deepEqual(mine(r), []);
        assert.equal(inputs(one(r, "ec2/vpc:Vpc")).cidrBlock, "10.42.0.0/16");
        const subnets = ofType(r, "ec2/subnet:Subnet").map((s) => inputs(s).cidrBlock).sort();
        assert.deepEqual(subnets, ["10.42.0.0/19", "10.42.128.0/19", "10.42.160.0/19", "10.42.32.0/19"]);
        one(r, "ec2/internetGateway:InternetGateway");
        assert.deepEqual(ingress(r), { postgres: [{ cidr: "0.0.0.0/0", port: 5432, protocol: "tcp" }], cache: [{ cidr: "10.42.0.0/16", port: 6379, protocol: "tcp" }] });
        assert.equal(ofType(r, "ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter").length, 0);

        const db = inputs(one(r, "rds/instance:Instance"));
        assert.equal(db.identifier, "acme-chat-dev-postgres");
        assert.equal(db.publiclyAccessible, true);
        assert.equal(db.parameterGroupName, "acme-chat-dev-postgres17");
        assert.equal(db.password, undefined);
        assert.equal(db.manageMasterUserPassword, true);
        assert.equal(db.skipFinalSnapshot, true);
        assert.equal(db.monitoringInterval, 0);
        assert.equal(db.monitoringRoleArn, undefined);
        assert.deepEqual(db.enabledCloudwatchLogsExports, ["postgresql", "upgrade"]);
        const params = inputs(one(r, "rds/parameterGroup:ParameterGroup")).parameters as Array<{ name: string; value: string }>;
        assert.ok(params.some((p) => p.name === "rds.force_ssl" && p.value === "1"));
        assert.equal(ofType(r, "iam/role:Role").length, 0);
        assert.ok(ours(r).every((x) => !x.protect), "dev protects nothing");

        const roles = ofType(r, "postgresql:index/role:Role").map((x) => [inputs(x).name, inputs(x).connectionLimit]);
        assert.deepEqual(roles.sort(), [["acme_chat_app", 44], ["acme_chat_app_alt", 44], ["acme_chat_migrator", 10], ["acme_chat_migrator_alt", 10], ["acme_chat_readonly", 20], ["acme_chat_readonly_alt", 20]]);
        const schema = inputs(one(r, "postgresql:index/schema:Schema"));
        assert.deepEqual([schema.name, schema.owner, schema.dropCascade], ["app", "acme_chat_migrator", true], "dev destroy drops the schema with its tables");
        // Destroy runs in reverse dependency order: the database (and with it every grant inside) goes before any role.
        const database = one(r, "postgresql:index/database:Database");
        for (const role of ofType(r, "postgresql:index/role:Role")) assert.ok(database.dependsOn.includes(role.urn), `the database depends on ${role.name}`);
        const provider = inputs(one(r, "pulumi:providers:postgresql"));
        assert.equal(provider.sslmode, "require");
        assert.equal(provider.password, "[secret]");
    });

    it("prod: three zones, Multi-AZ, final snapshot, monitoring role, stateful resources protected", async () => {
        const r = await checkVariant("prod");
        assert.deepEqual(r.violations.filter((v) => AREA_RULE.test(v.policy)), []);
        assert.equal(ofType(r, "ec2/subnet:Subnet").length, 6);
        const instance = one(r, "rds/instance:Instance");
        const db = inputs(instance);
        assert.deepEqual([db.multiAz, db.deletionProtection, db.skipFinalSnapshot, db.finalSnapshotIdentifier, db.deleteAutomatedBackups], [true, true, false, "acme-chat-prod-postgres-final", false]);
        assert.equal(db.monitoringInterval, 60);
        assert.equal(db.instanceClass, "db.t4g.medium");
        assert.equal(inputs(one(r, "iam/role:Role")).name, "acme-chat-prod-postgres-monitoring");
        const mustProtect = [
            "aws:rds/instance:Instance",
            "aws:kms/key:Key",
            "postgresql:index/role:Role",
            "postgresql:index/database:Database",
            "postgresql:index/schema:Schema",
        ];
        assert.equal(inputs(one(r, "postgresql:index/schema:Schema")).dropCascade, false, "prod never drops tables with the schema");
        const stateful = ours(r).filter((x) => mustProtect.includes(x.type));
        assert.equal(stateful.length, 1 + 1 + 6 + 1 + 1);
        for (const x of stateful) assert.ok(x.protect, `${x.name} is protected`);
        // The parameter group is retained, not protected: a major upgrade drops the previous major's group
        // after the instance has moved to the next one (AWS refuses to delete a group in use).
        const params = one(r, "rds/parameterGroup:ParameterGroup");
        assert.deepEqual([params.name, params.protect, params.retainOnDelete], ["acme-chat-prod-postgres-params17", false, true]);
        const roles = Object.fromEntries(ofType(r, "postgresql:index/role:Role").map((x) => [inputs(x).name, inputs(x).connectionLimit]));
        assert.equal(roles.acme_chat_app, 243);
    });

    it("prod preview: every rule of the area runs on known values and none blocks", async () => {
        const r = await checkVariant("prod", {}, { preview: true });
        assert.deepEqual(mine(r), []);
        assert.deepEqual(r.notEvaluated.filter((n) => AREA_RULE.test(n.policy)), []);
    });
});

describe("Network and Postgres, private reachability", () => {
    for (const stack of ["dev", "prod"]) {
        it(`${stack}: private subnets only, ingress from the VPC and Secure Compute, peering accepted and routed`, async () => {
            const r = await checkVariant(stack, PRIVATE(stack));
            assert.deepEqual(mine(r), []);
            assert.equal(ofType(r, "ec2/internetGateway:InternetGateway").length, 0);
            const zones = stack === "prod" ? 3 : 2;
            assert.equal(ofType(r, "ec2/subnet:Subnet").length, zones);
            assert.ok(ofType(r, "ec2/subnet:Subnet").every((s) => inputs(s).mapPublicIpOnLaunch === false));
            assert.equal(inputs(one(r, "rds/instance:Instance")).publiclyAccessible, false);
            const internal = [
                { cidr: SECURE_COMPUTE_CIDR, port: 5432, protocol: "tcp" },
                { cidr: "10.42.0.0/16", port: 5432, protocol: "tcp" },
            ];
            const got = ingress(r);
            assert.deepEqual(got.postgres, internal);
            assert.deepEqual(got.cache, internal.map((x) => ({ ...x, port: 6379 })));
            assert.equal(inputs(one(r, "ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter")).vpcPeeringConnectionId, PEERING_ID);
            const route = inputs(one(r, "ec2/route:Route"));
            assert.equal(route.destinationCidrBlock, SECURE_COMPUTE_CIDR);
            assert.ok(!JSON.stringify(ours(r).map((x) => x.inputs)).includes("0.0.0.0/0"), "nothing routes to or admits the internet");
        });
    }

    it("before Vercel requests peering: no accepter or route yet, the rest stands", async () => {
        const { peeringConnectionId: _, ...vercel } = privateVercel("dev");
        const r = await checkVariant("dev", { "service:reachability": "private", "service:vercel": vercel });
        assert.equal(ofType(r, "ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter").length, 0);
        assert.equal(ofType(r, "ec2/route:Route").length, 0);
        one(r, "rds/instance:Instance");
    });

    it("without manageRoles: no postgresql resources, the bootstrap script in Secrets Manager under the database key", async () => {
        const r = await checkVariant("prod", { ...PRIVATE("prod"), "service:database": { manageRoles: false } });
        assert.deepEqual(mine(r), []);
        assert.equal(r.resources.filter((x) => x.type.startsWith("postgresql:") || x.type === "pulumi:providers:postgresql").length, 0);
        const secrets = ofType(r, "secretsmanager/secret:Secret").filter((x) => inputs(x).name === "acme-chat-prod/postgres-bootstrap");
        assert.equal(secrets.length, 1);
        assert.match(String(inputs(secrets[0]).kmsKeyId), /^arn:aws:kms:/);
        assert.equal(ofType(r, "random:index/randomPassword:RandomPassword").filter((x) => x.name.includes("-roles-")).length, 6);
    });
});

describe("the endpoints handed to the app tier", () => {
    const program = path.join(defaultLayout().dist, "test", "programs", "dataTier.js");
    const run = (stack: string, overrides: Record<string, unknown> = {}) => {
        const file = exampleStack(stack);
        const config: Record<string, string> = { ...file.config, "service:apiKeys": "{}" };
        for (const [k, v] of Object.entries(overrides)) config[k] = typeof v === "string" ? v : JSON.stringify(v);
        return runProgram({ program, project: "service-template", stack, config, secretKeys: ["service:apiKeys"], preview: false, mock: { region: "us-east-1", accountId: "210987654321" } });
    };
    const SIG = pulumi.runtime.specialSigKey;
    const revealSecret = (v: any): string => {
        assert.ok(v && typeof v === "object" && SIG in v, "the value is a Pulumi secret");
        return v.value;
    };

    for (const [label, stack, overrides, isPrivate] of [
        ["public dev", "dev", {}, false],
        ["private prod", "prod", PRIVATE("prod"), true],
    ] as const) {
        it(`${label}: secret URLs per role with TLS required, the budget and the mode`, async () => {
            const out = (await run(stack, overrides)).stackOutputs as Record<string, any>;
            for (const [key, role] of [["appUrl", "app"], ["migrationUrl", "migrator"], ["readonlyUrl", "readonly"]]) {
                const url = new URL(revealSecret(out[key]));
                assert.equal(url.protocol, "postgres:");
                assert.equal(url.username, `acme_chat_${role}`);
                assert.equal(url.pathname, "/acme_chat");
                assert.equal(url.searchParams.get("sslmode"), "verify-full");
                assert.equal(url.searchParams.get("sslrootcert"), "certs/rds-global-bundle.pem");
                assert.match(url.hostname, new RegExp(`^acme-chat-${stack}-postgres\\.`));
                assert.equal(url.port, "5432");
                assert.match(decodeURIComponent(url.password), /^[A-Za-z0-9\-_.~]{40}$/);
            }
            assert.equal(out.poolSize, stack === "prod" ? 5 : 2);
            assert.equal(out.appConnectionLimit, stack === "prod" ? 243 : 44);
            assert.equal(out.instanceIdentifier, `acme-chat-${stack}-postgres`);
            assert.equal(out.isPrivate, isPrivate);
            assert.deepEqual(out.databaseSubnetIds, isPrivate ? out.privateSubnetIds : out.publicSubnetIds);
            assert.ok(typeof out.cacheSecurityGroupId === "string" && out.cacheSecurityGroupId.startsWith("sg-"));
        });
    }
});

describe("bootstrap script", () => {
    it("creates the same least-privilege roles, limits and default privileges as the managed path", () => {
        const names = { migration: "svc_migrator", app: "svc_app", readonly: "svc_readonly" };
        const sql = bootstrapScript("svc", names, { migration: "m-pw", app: "a-pw", readonly: "r-pw" }, { migration: 10, app: 49, readonly: 18 }, { migration: "m2-pw", app: "a2-pw", readonly: "r2-pw" });
        assert.match(sql, /^\\set ON_ERROR_STOP on/);
        // Created when missing with every privileged attribute off; limit and password brought to the plan on every run.
        assert.match(sql, /IF NOT EXISTS \(SELECT FROM pg_catalog.pg_roles WHERE rolname = 'svc_app'\) THEN CREATE ROLE "svc_app" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;/);
        assert.match(sql, /ALTER ROLE "svc_app" LOGIN NOCREATEDB NOCREATEROLE CONNECTION LIMIT 49;/);
        assert.match(sql, /ALTER ROLE "svc_app" PASSWORD 'a-pw';/);
        assert.match(sql, /REVOKE ALL ON DATABASE "svc" FROM PUBLIC;/);
        assert.match(sql, /CREATE SCHEMA IF NOT EXISTS "app" AUTHORIZATION "svc_migrator";/);
        assert.match(sql, /WHERE NOT EXISTS \(SELECT FROM pg_catalog.pg_database WHERE datname = 'svc'\)\\gexec/);
        assert.match(sql, /ALTER DEFAULT PRIVILEGES FOR ROLE "svc_migrator" IN SCHEMA "app" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "svc_app";/);
        assert.match(sql, /ALTER DEFAULT PRIVILEGES FOR ROLE "svc_migrator" IN SCHEMA "app" GRANT USAGE ON SEQUENCES TO "svc_app";/);
        assert.match(sql, /GRANT SELECT ON ALL TABLES IN SCHEMA "app" TO "svc_readonly";/);
        assert.doesNotMatch(sql, /SEQUENCES[^\n]* TO "svc_readonly"/);
        assert.doesNotMatch(sql, /\bALL PRIVILEGES\b|\bSUPERUSER\b/);
        // Each role's second credential becomes the role at login, so it holds exactly the role's privileges.
        assert.match(sql, /CREATE ROLE "svc_app_alt" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;/);
        assert.match(sql, /ALTER ROLE "svc_app_alt" LOGIN NOCREATEDB NOCREATEROLE CONNECTION LIMIT 49;/);
        assert.match(sql, /GRANT "svc_app" TO "svc_app_alt";/);
        assert.match(sql, /ALTER ROLE "svc_app_alt" PASSWORD 'a2-pw';/);
        assert.match(sql, /ALTER ROLE "svc_migrator_alt" SET ROLE TO "svc_migrator";/);
        assert.match(sql, /GRANT CONNECT, CREATE ON DATABASE "svc" TO "svc_migrator";/);
        assert.match(sql, /GRANT CONNECT ON DATABASE "svc" TO "svc_app";/);
    });
});
