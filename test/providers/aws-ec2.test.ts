/**
 * The EC2 networking validators (readiness/providers/aws/ec2.ts), run the way the check runs them (on recorded
 * resources): each limit accepted exactly at the limit and refused one past it, the relations between
 * attributes, the route blocks of a route table, and values a real provider accepts left alone.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toRecorded } from "../synthetic";
import { validateProviderInputs } from "../../readiness/providers";
import { UNKNOWN } from "../support";

const errorsOf = (type: string, inputs: Record<string, unknown>) => validateProviderInputs(toRecorded([{ type, name: "r", inputs }]));
const props = (type: string, inputs: Record<string, unknown>) => errorsOf(type, inputs).map((e) => e.property);

const VPC = "aws:ec2/vpc:Vpc";
const SUBNET = "aws:ec2/subnet:Subnet";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const DEFAULT_SG = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
const ROUTE = "aws:ec2/route:Route";
const TABLE = "aws:ec2/routeTable:RouteTable";
const ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";

describe("aws_vpc", () => {
    const pool = { ipv6IpamPoolId: "ipam-pool-0123" };

    it("an IPv4 netmask from 16 to 28; an IPv6 netmask of 44 to 60 in steps of 4 (v6); an IPv6 block a network address", () => {
        const v4 = (ipv4NetmaskLength: number) => props(VPC, { ipv4IpamPoolId: "ipam-pool-1", ipv4NetmaskLength });
        assert.deepEqual([16, 28].map(v4), [[], []]);
        assert.deepEqual([15, 29].map(v4), [["ipv4NetmaskLength"], ["ipv4NetmaskLength"]]);
        const block = (ipv6CidrBlock: string) => props(VPC, { ...pool, ipv6CidrBlock });
        assert.deepEqual(block("2001:db8:0:100::/56"), []);
        assert.deepEqual(block("2001:db8:0:10::/60"), [], "an IPAM block smaller than /56 is not refused on the v5 bound");
        assert.deepEqual(block("2001:db8:0:1::/56"), ["ipv6CidrBlock"], "host bits set below /56");
        const netmask = (ipv6NetmaskLength: number) => props(VPC, { ...pool, ipv6NetmaskLength });
        assert.deepEqual([44, 48, 52, 56, 60].map(netmask), [[], [], [], [], []]);
        assert.deepEqual([40, 45, 57, 64].map(netmask), [["ipv6NetmaskLength"], ["ipv6NetmaskLength"], ["ipv6NetmaskLength"], ["ipv6NetmaskLength"]]);
    });

    it("an IPv6 block or netmask comes from an IPAM pool, and never with Amazon's generated block", () => {
        assert.deepEqual(props(VPC, { ipv6CidrBlock: "2001:db8::/56" }), ["(inputs)"]);
        assert.deepEqual(props(VPC, { ipv6NetmaskLength: 56 }), ["(inputs)"]);
        assert.deepEqual(props(VPC, { ...pool, ipv6CidrBlock: "2001:db8::/56", ipv6NetmaskLength: 56 }), ["(inputs)"]);
        assert.deepEqual(props(VPC, { ipv6CidrBlockNetworkBorderGroup: "us-west-2-lax-1" }), ["(inputs)"]);
        assert.deepEqual(props(VPC, { assignGeneratedIpv6CidrBlock: true, ipv6CidrBlockNetworkBorderGroup: "us-west-2-lax-1" }), []);
        assert.deepEqual(props(VPC, { cidrBlock: "10.0.0.0/16", assignGeneratedIpv6CidrBlock: true }), []);
    });
});

describe("aws_subnet", () => {
    it("CIDRs are network addresses; the IPAM netmask is 16 to 28", () => {
        assert.deepEqual(props(SUBNET, { vpcId: "vpc-1", cidrBlock: "10.0.1.0/24", ipv6CidrBlock: "2001:db8:0:1::/64" }), []);
        assert.deepEqual(props(SUBNET, { vpcId: "vpc-1", cidrBlock: "10.0.1.1/24", ipv6CidrBlock: "2001:db8:0:1::1/64" }).sort(), ["cidrBlock", "ipv6CidrBlock"]);
        const netmask = (ipv4NetmaskLength: number) => props(SUBNET, { vpcId: "vpc-1", ipv4IpamPoolId: "ipam-pool-1", ipv4NetmaskLength });
        assert.deepEqual([15, 16, 28, 29].map(netmask), [["ipv4NetmaskLength"], [], [], ["ipv4NetmaskLength"]]);
    });

    it("the relations: one zone spelling, a customer-owned pool with its outpost, no netmask beside a block", () => {
        assert.deepEqual(props(SUBNET, { vpcId: "vpc-1", availabilityZone: "us-east-1a", availabilityZoneId: "use1-az1" }), ["(inputs)"]);
        const outpost = "arn:aws:outposts:us-east-1:123456789012:outpost/op-0123456789abcdef0";
        assert.deepEqual(props(SUBNET, { vpcId: "vpc-1", customerOwnedIpv4Pool: "ipv4pool-coip-1" }), ["(inputs)"]);
        assert.deepEqual(props(SUBNET, { vpcId: "vpc-1", customerOwnedIpv4Pool: "ipv4pool-coip-1", mapCustomerOwnedIpOnLaunch: true, outpostArn: outpost }), []);
        assert.deepEqual(props(SUBNET, { vpcId: "vpc-1", ipv6IpamPoolId: "p", ipv6NetmaskLength: 64, ipv6CidrBlock: "2001:db8::/64" }), ["(inputs)"]);
    });

    it("enums and ARNs: the hostname type is the SDK's, exactly; an outpost is an ARN; device index 0 is refused", () => {
        assert.deepEqual(props(SUBNET, { vpcId: "vpc-1", privateDnsHostnameTypeOnLaunch: "ip-name" }), []);
        assert.deepEqual(props(SUBNET, { vpcId: "vpc-1", privateDnsHostnameTypeOnLaunch: "IP-NAME" }), ["privateDnsHostnameTypeOnLaunch"]);
        assert.deepEqual(props(SUBNET, { vpcId: "vpc-1", outpostArn: "op-0123" }), ["outpostArn"]);
        assert.deepEqual(props(SUBNET, { vpcId: "vpc-1", enableLniAtDeviceIndex: 0 }), ["enableLniAtDeviceIndex"]);
        assert.deepEqual(props(SUBNET, { vpcId: "vpc-1", enableLniAtDeviceIndex: 1 }), []);
    });
});

describe("aws_security_group and aws_default_security_group rule blocks", () => {
    const rule = { protocol: "tcp", fromPort: 5432, toPort: 5432 };

    it("every rule's CIDRs are network addresses, on ingress and egress of both types", () => {
        for (const type of [SG, DEFAULT_SG]) {
            const inputs = { ingress: [{ ...rule, cidrBlocks: ["10.0.0.0/16", "10.0.0.1/16"] }], egress: [{ ...rule, ipv6CidrBlocks: ["::/0", "2001:db8::1/64"] }] };
            assert.deepEqual(props(type, inputs).sort(), ["egress[0].ipv6CidrBlocks[1]", "ingress[0].cidrBlocks[1]"], type);
        }
    });

    it("a rule description: up to 255 of the EC2 character set (an apostrophe or non-ASCII letter is refused)", () => {
        const described = (description: string) => props(SG, { ingress: [{ ...rule, cidrBlocks: ["10.0.0.0/16"], description }] });
        assert.deepEqual(described("d".repeat(255)), []);
        assert.deepEqual(described("d".repeat(256)), ["ingress[0].description"]);
        assert.deepEqual(described("Postgres: TLS from 10.0.0.0/16 [VPN] #1, @ops {a=b; c&d} !$*+_-."), []);
        assert.deepEqual(described("the office's VPN"), ["ingress[0].description"]);
        assert.deepEqual(described("Büro"), ["ingress[0].description"]);
        assert.deepEqual(described(""), []);
    });

    it("the group's own description and names, exactly at their limits", () => {
        assert.deepEqual(props(SG, { description: "d".repeat(255), name: "n".repeat(255) }), []);
        assert.deepEqual(props(SG, { description: "d".repeat(256), name: "n".repeat(256) }).sort(), ["description", "name"]);
        assert.deepEqual(props(SG, { namePrefix: "p".repeat(229) }), []);
        assert.deepEqual(props(SG, { namePrefix: "p".repeat(230) }), ["namePrefix"]);
    });
});

describe("aws_route", () => {
    const route = { routeTableId: "rtb-1" };

    it("exactly one destination and exactly one target", () => {
        assert.deepEqual(props(ROUTE, { ...route, gatewayId: "igw-1" }), ["(inputs)"]);
        assert.deepEqual(props(ROUTE, { ...route, destinationCidrBlock: "0.0.0.0/0", destinationPrefixListId: "pl-1", gatewayId: "igw-1" }), ["(inputs)"]);
        assert.deepEqual(props(ROUTE, { ...route, destinationCidrBlock: "0.0.0.0/0" }), ["(inputs)"]);
        assert.deepEqual(props(ROUTE, { ...route, destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-1" }), []);
    });

    it("a route to an ODB network (a target of the bridged schema) is accepted", () => {
        assert.deepEqual(props(ROUTE, { ...route, destinationCidrBlock: "10.9.0.0/16", odbNetworkArn: "arn:aws:odb:us-east-1:123456789012:odb-network/odbnet-1" }), []);
    });

    it("destinations are network addresses; a VPC endpoint is not the target of a prefix list route", () => {
        assert.deepEqual(props(ROUTE, { ...route, destinationCidrBlock: "10.0.0.1/16", gatewayId: "igw-1" }), ["destinationCidrBlock"]);
        assert.deepEqual(props(ROUTE, { ...route, destinationIpv6CidrBlock: "2001:db8::1/64", egressOnlyGatewayId: "eigw-1" }), ["destinationIpv6CidrBlock"]);
        assert.deepEqual(props(ROUTE, { ...route, destinationPrefixListId: "pl-1", vpcEndpointId: "vpce-1" }), ["(inputs)"]);
    });

    it("an unknown target waits for its value", () => {
        assert.deepEqual(props(ROUTE, { ...route, destinationCidrBlock: "0.0.0.0/0", natGatewayId: UNKNOWN }), []);
    });
});

describe("aws_route_table route blocks (checked by the provider before it creates each route)", () => {
    it("each route has exactly one destination and one target; empty strings count as unset, as in the provider", () => {
        const table = (routes: unknown[]) => props(TABLE, { vpcId: "vpc-1", routes });
        assert.deepEqual(table([{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-1", destinationPrefixListId: "", natGatewayId: "" }]), []);
        assert.deepEqual(table([{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-1" }, { gatewayId: "igw-1" }]), ["routes[1]"]);
        assert.deepEqual(table([{ cidrBlock: "0.0.0.0/0", ipv6CidrBlock: "::/0", gatewayId: "igw-1" }]), ["routes[0]"]);
        assert.deepEqual(table([{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-1", natGatewayId: "nat-1" }]), ["routes[0]"]);
        assert.deepEqual(table([{ cidrBlock: "10.0.0.1/16", gatewayId: "igw-1" }]), ["routes[0].cidrBlock"]);
    });

    it("the message says which keys clash, and that the check is the provider's at create time", () => {
        const [e] = errorsOf(TABLE, { vpcId: "vpc-1", routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-1", natGatewayId: "nat-1" }] });
        assert.match(e.message, /only one of routes\[0\]\.gatewayId, routes\[0\]\.natGatewayId can be the route's target/);
        assert.match(e.source, /vpc_route_table\.go v5 @02209241 \+ .*ec2\/validate\.go v5$/);
    });
});

describe("aws_vpc_endpoint", () => {
    it("the SDK's endpoint types, IP address types and DNS record types, case-sensitive; a JSON policy", () => {
        const endpoint = (over: Record<string, unknown>) => props(ENDPOINT, { vpcId: "vpc-1", serviceName: "com.amazonaws.us-east-1.s3", ...over });
        assert.deepEqual(endpoint({ vpcEndpointType: "Interface", ipAddressType: "dualstack", dnsOptions: { dnsRecordIpType: "service-defined" }, policy: "{}" }), []);
        assert.deepEqual(endpoint({ vpcEndpointType: "interface", ipAddressType: "DualStack", dnsOptions: { dnsRecordIpType: "IPV4" }, policy: "{" }).sort(), [
            "dnsOptions.dnsRecordIpType",
            "ipAddressType",
            "policy",
            "vpcEndpointType",
        ]);
    });
});
