import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import { isInternetWide } from "../../policies/rules/network";
import { defaultLayout } from "../../readiness/check";
import { assertFires, assertQuiet, checkVariant, evaluate, reportFires, UNKNOWN } from "../support";

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
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "d1-policy-"));
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
