import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { isInternetWide } from "../../policies/rules/network";
import { defaultLayout } from "../../readiness/layout";
import { assertFires, assertQuiet, checkVariant, evaluate, reportFires, SyntheticResource, UNKNOWN } from "../support";
import { scratchDir } from "../scratch";

const RULE = "security-group-ingress-restricted";
const ingressRule = (name: string, inputs: Record<string, unknown>) => ({
    type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    name,
    inputs: { securityGroupId: "sg-1", ...inputs },
});

describe("security-group-ingress-restricted", () => {
    it("fires on every resource type that can open a group to the internet, mandatory in dev and prod", async () => {
        const resources = [
            {
                type: "aws:ec2/securityGroup:SecurityGroup",
                name: "inline-all",
                inputs: { vpcId: "vpc-1", ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] },
            },
            {
                type: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
                name: "default-ssh",
                inputs: { vpcId: "vpc-1", ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, ipv6CidrBlocks: ["::/0"] }] },
            },
            {
                type: "aws:ec2/securityGroupRule:SecurityGroupRule",
                name: "legacy-rdp",
                inputs: { type: "ingress", securityGroupId: "sg-1", protocol: "6", fromPort: 3389, toPort: 3389, cidrBlocks: ["10.0.0.0/16", "0.0.0.0/0"] },
            },
            ingressRule("range", { ipProtocol: "tcp", fromPort: 0, toPort: 65535, cidrIpv4: "0.0.0.0/0" }),
            ingressRule("split-halves", { ipProtocol: "tcp", fromPort: 6379, toPort: 6379, cidrIpv4: "128.0.0.0/1" }),
            ingressRule("udp", { ipProtocol: "udp", fromPort: 5432, toPort: 5432, cidrIpv6: "2000::/3" }),
            ingressRule("everything", { ipProtocol: "-1", cidrIpv6: "::/0" }),
        ];
        for (const environment of ["dev", "prod"]) {
            const diags = await evaluate(resources, { environment });
            for (const r of resources) assertFires(diags, RULE, r.name, "mandatory");
        }
    });

    it("names what is open and from where", async () => {
        const diags = await evaluate([ingressRule("range", { ipProtocol: "tcp", fromPort: 1000, toPort: 2000, cidrIpv4: "0.0.0.0/0" })]);
        const [v] = assertFires(diags, RULE, "range");
        assert.match(v.message, /TCP ports 1000-2000 from 0\.0\.0\.0\/0/);
    });

    it("stays quiet on Postgres from anywhere, private sources, prefix lists, groups and egress", async () => {
        const diags = await evaluate([
            ingressRule("postgres-public", { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv4: "0.0.0.0/0" }),
            ingressRule("vpc", { ipProtocol: "-1", cidrIpv4: "10.0.0.0/8" }),
            ingressRule("ula", { ipProtocol: "-1", cidrIpv6: "fd00::/8" }),
            ingressRule("office", { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "203.0.113.10/32" }),
            ingressRule("prefix-list", { ipProtocol: "tcp", fromPort: 443, toPort: 443, prefixListId: "pl-123" }),
            ingressRule("from-group", { ipProtocol: "tcp", fromPort: 6379, toPort: 6379, referencedSecurityGroupId: UNKNOWN }),
            {
                type: "aws:ec2/securityGroupRule:SecurityGroupRule",
                name: "egress",
                inputs: { type: "egress", securityGroupId: "sg-1", protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] },
            },
            {
                type: "aws:ec2/securityGroup:SecurityGroup",
                name: "inline-egress",
                inputs: { vpcId: "vpc-1", egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] },
            },
        ]);
        assertQuiet(diags, RULE);
        // An unknown source group id is never read, so the rule keeps its level during a preview.
        assert.equal(diags.filter((d) => d.policy === RULE).length, 0);
    });

    it("honours a stricter allow-list from the policy config", async () => {
        const postgres = ingressRule("postgres-public", { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv4: "0.0.0.0/0" });
        assertFires(await evaluate([postgres], { policyConfig: { [RULE]: { allowedPublicPorts: [] } } }), RULE, "postgres-public", "mandatory");
    });

    it("recognises internet-wide sources in both address families", () => {
        for (const c of ["0.0.0.0/0", "0.0.0.0/1", "128.0.0.0/1", "44.0.0.0/8", "::/0", "2000::/3", "2600::/16"]) assert.ok(isInternetWide(c), c);
        for (const c of ["10.0.0.0/8", "10.42.0.0/16", "203.0.113.0/24", "44.0.0.0/9", "fc00::/7", "fe80::/10", "2600:1f18::/32", undefined, "pl-1"]) {
            assert.ok(!isInternetWide(c), String(c));
        }
    });

    it("catches a prod stack whose team allows no public port, and passes private reachability", async () => {
        const dir = scratchDir("d1-policy-");
        const file = path.join(dir, "prod.json");
        const prod = JSON.parse(fs.readFileSync(path.join(defaultLayout().root, "policies", "config", "prod.json"), "utf8"));
        fs.writeFileSync(file, JSON.stringify({ ...prod, [RULE]: { allowedPublicPorts: [] } }));
        reportFires(await checkVariant("prod", {}, { policyConfig: file }), RULE);
        const privateMode = await checkVariant(
            "prod",
            {
                "service:reachability": "private",
                "service:vercel": { teamId: "team_acme", protectPreviews: true, secureComputeNetworkId: "net_acme", peeringConnectionId: "pcx-0123456789abcdef0" },
            },
            { policyConfig: file },
        );
        assert.deepEqual(privateMode.violations.filter((v) => v.policy === RULE), []);
    });
});

describe("datastore-egress-restricted", () => {
    const SG = "aws:ec2/securityGroup:SecurityGroup";
    const group = (name: string, inputs: Record<string, unknown> = {}): SyntheticResource => ({ type: SG, name, inputs: { vpcId: "vpc-1", ...inputs }, outputs: { vpcId: "vpc-1", id: `sg-${name}`, ...inputs } });
    const rds = (groups: string[]): SyntheticResource => ({ type: "aws:rds/instance:Instance", name: "db", inputs: { engine: "postgres", vpcSecurityGroupIds: [UNKNOWN] }, propertyDependencies: { vpcSecurityGroupIds: groups } });
    const cache = (ids: string[]): SyntheticResource => ({ type: "aws:elasticache/replicationGroup:ReplicationGroup", name: "redis", inputs: { description: "r", securityGroupIds: ids } });
    const egress = (name: string, groupName: string, cidrIpv4: string): SyntheticResource => ({
        type: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
        name,
        inputs: { securityGroupId: UNKNOWN, ipProtocol: "-1", cidrIpv4 },
        propertyDependencies: { securityGroupId: [groupName] },
    });

    it("fires on a database or cache group with inline or standalone egress to the internet, mandatory in dev and prod", async () => {
        for (const environment of ["dev", "prod"]) {
            const inline = await evaluate([group("db-sg", { egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] }), rds(["db-sg"])], { environment });
            assertFires(inline, "datastore-egress-restricted", "db-sg", "mandatory");
        }
        const standalone = await evaluate([group("cache-sg"), cache(["sg-cache-sg"]), egress("out", "cache-sg", "0.0.0.0/0")]);
        const [v] = assertFires(standalone, "datastore-egress-restricted", "cache-sg", "mandatory");
        assert.match(v.message, /out to 0\.0\.0\.0\/0/);
        const legacy = await evaluate([
            group("db-sg"),
            rds(["db-sg"]),
            { type: "aws:ec2/securityGroupRule:SecurityGroupRule", name: "legacy", inputs: { type: "egress", securityGroupId: "sg-db-sg", protocol: "tcp", fromPort: 443, toPort: 443, ipv6CidrBlocks: ["::/0"] } },
        ]);
        assertFires(legacy, "datastore-egress-restricted", "db-sg");
    });

    it("stays quiet on datastore groups without egress or with egress inside the VPC, and on other groups' egress", async () => {
        const diags = await evaluate([
            group("db-sg"),
            rds(["db-sg"]),
            group("cache-sg", { egress: [{ protocol: "tcp", fromPort: 6379, toPort: 6379, cidrBlocks: ["10.42.0.0/16"] }] }),
            cache(["sg-cache-sg"]),
            group("app-sg", { egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] }),
            egress("app-out", "app-sg", "0.0.0.0/0"),
        ]);
        assertQuiet(diags, "datastore-egress-restricted");
    });
});

describe("security-group-rules-not-mixed", () => {
    const SG = "aws:ec2/securityGroup:SecurityGroup";
    const ingress = (name: string, groupName: string, type = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"): SyntheticResource => ({
        type,
        name,
        inputs: type.includes("ec2/") ? { type: "ingress", securityGroupId: UNKNOWN, protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["10.0.0.0/16"] } : { securityGroupId: UNKNOWN, ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv4: "10.0.0.0/16" },
        propertyDependencies: { securityGroupId: [groupName] },
    });

    it("fires on inline rules beside rule resources, on rules added to a DefaultSecurityGroup, and on both rule resource kinds", async () => {
        const diags = await evaluate([
            { type: SG, name: "inline", inputs: { vpcId: "vpc-1", ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/16"] }] } },
            ingress("inline-extra", "inline"),
            { type: SG, name: "empty-egress", inputs: { vpcId: "vpc-1", egress: [] } },
            ingress("empty-egress-extra", "empty-egress"),
            { type: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", name: "default", inputs: { vpcId: "vpc-1" } },
            ingress("default-extra", "default"),
            { type: SG, name: "both-kinds", inputs: { vpcId: "vpc-1" } },
            ingress("new-kind", "both-kinds"),
            ingress("old-kind", "both-kinds", "aws:ec2/securityGroupRule:SecurityGroupRule"),
        ]);
        for (const name of ["inline", "empty-egress", "default", "both-kinds"]) assertFires(diags, "security-group-rules-not-mixed", name, "mandatory");
    });

    it("stays quiet on groups managed one way: rule resources only, inline only, or a closed DefaultSecurityGroup", async () => {
        const diags = await evaluate([
            { type: SG, name: "standalone", inputs: { vpcId: "vpc-1" } },
            ingress("standalone-in", "standalone"),
            { type: SG, name: "inline", inputs: { vpcId: "vpc-1", ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/16"] }] } },
            { type: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", name: "default", inputs: { vpcId: "vpc-1" } },
        ]);
        assertQuiet(diags, "security-group-rules-not-mixed");
    });

    // The audit's N1 case. After apply the provider's Read lists the standalone rules' permissions in the group's
    // `ingress`/`egress` outputs, and `[]` once the default egress is revoked (terraform-provider-aws
    // internal/service/ec2/vpc_security_group.go, resourceSecurityGroupRead), which AnalyzeStack receives. The rule
    // used to read those outputs as declared lists and blocked the end of every real `up` (fails on 66c90e8).
    it("stays quiet on a group without inline lists whose outputs Read filled from its standalone rules", async () => {
        const filled = { vpcId: "vpc-1", id: "sg-0a1b2c3d4e5f67890", ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["10.0.0.0/16"], ipv6CidrBlocks: [], prefixListIds: [], securityGroups: [], self: false, description: "" }], egress: [] };
        const diags = await evaluate([{ type: SG, name: "db", inputs: { vpcId: "vpc-1" }, outputs: filled }, ingress("db-in", "db")]);
        assertQuiet(diags, "security-group-rules-not-mixed");
    });

    it("fires on a group that declares an inline list beside a standalone rule, with the outputs Read fills", async () => {
        const declared = { vpcId: "vpc-1", egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.0.0.0/16"] }] };
        const diags = await evaluate([{ type: SG, name: "mixed", inputs: declared, outputs: { ...declared, ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["10.0.0.0/16"] }] } }, ingress("mixed-in", "mixed")]);
        assertFires(diags, "security-group-rules-not-mixed", "mixed", "mandatory");
    });
});
