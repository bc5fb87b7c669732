/** Examples (refused, accepted) for the EC2 networking validators of readiness/providers/aws/ec2.ts; see ./examples.ts. */
type Example = [bad: unknown, good: unknown];

const VPC = "aws:ec2/vpc:Vpc";
const SUBNET = "aws:ec2/subnet:Subnet";
const SG = "aws:ec2/securityGroup:SecurityGroup";
const DSG = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
const ROUTE = "aws:ec2/route:Route";
const TABLE = "aws:ec2/routeTable:RouteTable";
const ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";
const TARGETS = "carrierGatewayId, coreNetworkArn, egressOnlyGatewayId, gatewayId, localGatewayId, natGatewayId, networkInterfaceId, odbNetworkArn, transitGatewayId, vpcEndpointId, vpcPeeringConnectionId";
const DESCRIPTION_SET = "RegexMatches(/^[A-Za-z0-9 ._\\-:/()#,@[\\]+=&;{}!$*]*$/)";

const ruleBlockExamples = (type: string): Record<string, Example> =>
    Object.fromEntries(
        ["ingress", "egress"].flatMap((block) => [
            [`${type} ${block}[].cidrBlocks[] ValidIPv4CIDRNetworkAddress`, ["10.0.0.1/16", "10.0.0.0/16"]],
            [`${type} ${block}[].ipv6CidrBlocks[] ValidIPv6CIDRNetworkAddress`, ["2001:db8::1/64", "2001:db8::/64"]],
            [`${type} ${block}[].description validSecurityGroupRuleDescription: at most 255`, ["d".repeat(256), "d".repeat(255)]],
            [`${type} ${block}[].description ${DESCRIPTION_SET}`, ["Postgres from the office's VPN", "Postgres: TLS from 10.0.0.0/16 (VPN)"]],
        ]),
    );

export const EC2_EXAMPLES: Record<string, Example> = {
    [`${VPC} cidrBlock IsCIDRNetwork(16, 28)`]: ["10.42.1.0/8", "10.42.0.0/16"],
    [`${VPC} instanceTenancy OneOf("default", "dedicated")`]: ["host", "default"],
    [`${VPC} ipv4NetmaskLength IntBetween(16, 28)`]: [30, 20],
    [`${VPC} ipv6CidrBlock ValidIPv6CIDRNetworkAddress`]: ["2001:db8:0:1::/56", "2001:db8:0:100::/56"],
    [`${VPC} ipv6NetmaskLength IntInSlice(vpcCIDRValidIPv6Netmasks) = [44, 48, 52, 56, 60]`]: [64, 60],
    [`${VPC} (inputs) ConflictsWith(cidrBlock, ipv4NetmaskLength)`]: [{ cidrBlock: "10.0.0.0/16", ipv4NetmaskLength: 16 }, { cidrBlock: "10.0.0.0/16" }],
    [`${VPC} (inputs) RequiredWith(ipv4NetmaskLength: ipv4IpamPoolId)`]: [{ ipv4NetmaskLength: 16 }, { ipv4NetmaskLength: 16, ipv4IpamPoolId: "ipam-pool-1" }],
    [`${VPC} (inputs) ConflictsWith(assignGeneratedIpv6CidrBlock, ipv6IpamPoolId)`]: [{ assignGeneratedIpv6CidrBlock: true, ipv6IpamPoolId: "p" }, { assignGeneratedIpv6CidrBlock: true }],
    [`${VPC} (inputs) ConflictsWith(ipv6CidrBlock, ipv6NetmaskLength, assignGeneratedIpv6CidrBlock)`]: [
        { ipv6CidrBlock: "2001:db8::/56", ipv6NetmaskLength: 56, ipv6IpamPoolId: "p" },
        { ipv6CidrBlock: "2001:db8::/56", ipv6IpamPoolId: "p" },
    ],
    [`${VPC} (inputs) RequiredWith(ipv6CidrBlock: ipv6IpamPoolId)`]: [{ ipv6CidrBlock: "2001:db8::/56" }, { ipv6CidrBlock: "2001:db8::/56", ipv6IpamPoolId: "p" }],
    [`${VPC} (inputs) RequiredWith(ipv6NetmaskLength: ipv6IpamPoolId)`]: [{ ipv6NetmaskLength: 56 }, { ipv6NetmaskLength: 56, ipv6IpamPoolId: "p" }],
    [`${VPC} (inputs) RequiredWith(ipv6CidrBlockNetworkBorderGroup: assignGeneratedIpv6CidrBlock)`]: [
        { ipv6CidrBlockNetworkBorderGroup: "us-west-2-lax-1" },
        { ipv6CidrBlockNetworkBorderGroup: "us-west-2-lax-1", assignGeneratedIpv6CidrBlock: true },
    ],

    [`${SUBNET} cidrBlock ValidIPv4CIDRNetworkAddress`]: ["10.0.1.1/24", "10.0.1.0/24"],
    [`${SUBNET} ipv6CidrBlock ValidIPv6CIDRNetworkAddress`]: ["2001:db8::1/64", "2001:db8::/64"],
    [`${SUBNET} enableLniAtDeviceIndex NoZeroValues`]: [0, 1],
    [`${SUBNET} ipv4NetmaskLength IntBetween(vpcCIDRMinIPv4Netmask, vpcCIDRMaxIPv4Netmask) = (16, 28)`]: [29, 28],
    [`${SUBNET} outpostArn ValidARN`]: ["op-0123456789abcdef0", "arn:aws:outposts:us-east-1:123456789012:outpost/op-0123456789abcdef0"],
    [`${SUBNET} privateDnsHostnameTypeOnLaunch enum.Validate[ec2.HostnameType]()`]: ["resource_name", "resource-name"],
    [`${SUBNET} (inputs) ConflictsWith(availabilityZone, availabilityZoneId)`]: [{ availabilityZone: "us-east-1a", availabilityZoneId: "use1-az1" }, { availabilityZoneId: "use1-az1" }],
    [`${SUBNET} (inputs) RequiredWith(customerOwnedIpv4Pool: mapCustomerOwnedIpOnLaunch, outpostArn)`]: [
        { customerOwnedIpv4Pool: "ipv4pool-coip-1", outpostArn: "arn:aws:outposts:us-east-1:123456789012:outpost/op-1" },
        { customerOwnedIpv4Pool: "ipv4pool-coip-1", mapCustomerOwnedIpOnLaunch: true, outpostArn: "arn:aws:outposts:us-east-1:123456789012:outpost/op-1" },
    ],
    [`${SUBNET} (inputs) RequiredWith(mapCustomerOwnedIpOnLaunch: customerOwnedIpv4Pool, outpostArn)`]: [
        { mapCustomerOwnedIpOnLaunch: false },
        { mapCustomerOwnedIpOnLaunch: false, customerOwnedIpv4Pool: "ipv4pool-coip-1", outpostArn: "arn:aws:outposts:us-east-1:123456789012:outpost/op-1" },
    ],
    [`${SUBNET} (inputs) ConflictsWith(ipv4IpamPoolId, customerOwnedIpv4Pool)`]: [{ ipv4IpamPoolId: "ipam-pool-1", customerOwnedIpv4Pool: "ipv4pool-coip-1" }, { ipv4IpamPoolId: "ipam-pool-1" }],
    [`${SUBNET} (inputs) ConflictsWith(ipv4NetmaskLength, cidrBlock, customerOwnedIpv4Pool)`]: [{ ipv4NetmaskLength: 24, cidrBlock: "10.0.1.0/24" }, { ipv4NetmaskLength: 24, ipv4IpamPoolId: "p" }],
    [`${SUBNET} (inputs) RequiredWith(ipv4NetmaskLength: ipv4IpamPoolId)`]: [{ ipv4NetmaskLength: 24 }, { ipv4NetmaskLength: 24, ipv4IpamPoolId: "p" }],
    [`${SUBNET} (inputs) ConflictsWith(ipv6NetmaskLength, ipv6CidrBlock)`]: [{ ipv6NetmaskLength: 64, ipv6CidrBlock: "2001:db8::/64" }, { ipv6NetmaskLength: 64, ipv6IpamPoolId: "p" }],
    [`${SUBNET} (inputs) RequiredWith(ipv6NetmaskLength: ipv6IpamPoolId)`]: [{ ipv6NetmaskLength: 64 }, { ipv6NetmaskLength: 64, ipv6IpamPoolId: "p" }],

    [`${SG} description StringLenBetween(0, 255)`]: ["d".repeat(256), "Postgres: TLS from allowed CIDRs"],
    [`${SG} name StringLenBetween(0, 255)`]: ["n".repeat(256), "acme-chat-prod-postgres"],
    [`${SG} name StringDoesNotMatch(/^sg-/)`]: ["sg-postgres", "postgres-sg"],
    [`${SG} namePrefix StringLenBetween(0, 255 - UniqueIDSuffixLength)`]: ["n".repeat(230), "acme-"],
    [`${SG} namePrefix StringDoesNotMatch(/^sg-/)`]: ["sg-acme-", "acme-sg-"],
    [`${SG} (inputs) ConflictsWith(name, namePrefix)`]: [{ name: "a", namePrefix: "a-" }, { namePrefix: "a-" }],
    ...ruleBlockExamples(SG),
    ...ruleBlockExamples(DSG),

    [`${ROUTE} (inputs) ExactlyOneOf(destinationCidrBlock, destinationIpv6CidrBlock, destinationPrefixListId)`]: [
        { routeTableId: "rtb-1", destinationCidrBlock: "0.0.0.0/0", destinationIpv6CidrBlock: "::/0", gatewayId: "igw-1" },
        { routeTableId: "rtb-1", destinationIpv6CidrBlock: "::/0", gatewayId: "igw-1" },
    ],
    [`${ROUTE} (inputs) ExactlyOneOf(${TARGETS})`]: [
        { routeTableId: "rtb-1", destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-1", natGatewayId: "nat-1" },
        { routeTableId: "rtb-1", destinationCidrBlock: "0.0.0.0/0", odbNetworkArn: "arn:aws:odb:us-east-1:123456789012:odb-network/odbnet-1" },
    ],
    [`${ROUTE} destinationCidrBlock ValidIPv4CIDRNetworkAddress`]: ["10.1.0.1/16", "10.1.0.0/16"],
    [`${ROUTE} destinationIpv6CidrBlock ValidIPv6CIDRNetworkAddress`]: ["2001:db8::1/48", "2001:db8::/48"],
    [`${ROUTE} (inputs) ConflictsWith(egressOnlyGatewayId, destinationCidrBlock)`]: [{ egressOnlyGatewayId: "eigw-1", destinationCidrBlock: "0.0.0.0/0" }, { egressOnlyGatewayId: "eigw-1", destinationIpv6CidrBlock: "::/0" }],
    [`${ROUTE} (inputs) ConflictsWith(carrierGatewayId, destinationIpv6CidrBlock)`]: [{ carrierGatewayId: "cagw-1", destinationIpv6CidrBlock: "::/0" }, { carrierGatewayId: "cagw-1", destinationCidrBlock: "0.0.0.0/0" }],
    [`${ROUTE} (inputs) ConflictsWith(vpcEndpointId, destinationPrefixListId)`]: [{ vpcEndpointId: "vpce-1", destinationPrefixListId: "pl-1" }, { vpcEndpointId: "vpce-1", destinationCidrBlock: "10.2.0.0/16" }],
    ["aws:ec2/routeTableAssociation:RouteTableAssociation (inputs) ExactlyOneOf(subnetId, gatewayId)"]: [{ routeTableId: "rtb-1" }, { routeTableId: "rtb-1", subnetId: "subnet-1" }],

    [`${TABLE} routes[].cidrBlock ValidIPv4CIDRNetworkAddress`]: ["0.0.0.1/0", "0.0.0.0/0"],
    [`${TABLE} routes[].ipv6CidrBlock ValidIPv6CIDRNetworkAddress`]: ["::1/0", "::/0"],
    [`${TABLE} routes[] validNestedExactlyOneOf(cidrBlock, ipv6CidrBlock, destinationPrefixListId)`]: [{ gatewayId: "igw-1", destinationPrefixListId: "" }, { cidrBlock: "0.0.0.0/0", gatewayId: "igw-1", destinationPrefixListId: "" }],
    [`${TABLE} routes[] validNestedExactlyOneOf(${TARGETS})`]: [
        { cidrBlock: "0.0.0.0/0", gatewayId: "igw-1", natGatewayId: "nat-1" },
        { cidrBlock: "0.0.0.0/0", natGatewayId: "nat-1", gatewayId: "" },
    ],

    [`${ENDPOINT} dnsOptions.dnsRecordIpType enum.Validate[ec2.DnsRecordIpType]()`]: ["IPv4", "ipv4"],
    [`${ENDPOINT} ipAddressType enum.Validate[ec2.IpAddressType]()`]: ["dual-stack", "dualstack"],
    [`${ENDPOINT} policy StringIsJSON`]: ['{"Statement": [', '{"Version":"2012-10-17","Statement":[]}'],
    [`${ENDPOINT} vpcEndpointType enum.Validate[ec2.VpcEndpointType]()`]: ["gateway", "Gateway"],
};
