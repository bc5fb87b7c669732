/**
 * terraform-provider-aws's input validation of the EC2 networking types the program can register (VPC, subnets,
 * security groups, routes, route tables, the internet gateway, VPC endpoints, peering accepters), and the
 * transcription of every validator-bearing attribute of those types (docs/provider-validation.md).
 */
import { between, conflictsWith, exactlyOneOf, field, ipv4CIDRNetwork, ipv6CIDRNetwork, isCIDRNetwork, isJSON, lengthBetween, matches, object, oneOf, relation, requiredWith, ValueTest, Validator } from "../validator";
import type { TypeCoverage } from "../types";
import { isUnknownAt, plain } from "../values";
import { ASSOCIATION, notInCopy, read, ROUTE, sdkEnum, SG, src, validARN, VPC } from "./common";
import { nameValidators } from "./names";
import { SECURITY_GROUP_NAME, SECURITY_GROUP_NO_SG_PREFIX } from "../../../contracts/awsNames";
import { TYPES } from "../../../contracts/tokens";

const SUBNET = TYPES.subnet;
const DEFAULT_SG = TYPES.defaultSecurityGroup;
const ROUTE_TABLE = TYPES.routeTable;
const INTERNET_GATEWAY = TYPES.internetGateway;
const ENDPOINT = TYPES.vpcEndpoint;
const ACCEPTER = TYPES.vpcPeeringAccepter;

const vpcFile = read("internal/service/ec2/vpc_.go", "v5", "00081ce4");
const subnetFile = read("internal/service/ec2/vpc_subnet.go", "v6", "00cda125");
const sgFile = read("internal/service/ec2/vpc_security_group.go", "v6", "01606926");
const defaultSgFile = read("internal/service/ec2/vpc_default_security_group.go", "v5", "01f43111");
// The stored v5-line copies below are served without their commit by the research tools.
const ec2Validate = src("ec2/validate.go", "v5");
const routeFile = src("ec2/vpc_route.go", "v5");
const routeTableFile = read("internal/service/ec2/vpc_route_table.go", "v5", "02209241");
const associationFile = read("internal/service/ec2/vpc_route_table_association.go", "v4", "0be71beb");
const gatewayFile = read("internal/service/ec2/vpc_internet_gateway.go", "v4", "08923b68");
const endpointFile = src("ec2/vpc_endpoint.go", "v5");
const accepterFile = read("internal/service/ec2/vpc_peering_connection_accepter.go", "v4", "0e006358");

/** verify.ValidIPv4CIDRNetworkAddress: an IPv4 CIDR whose address is its network address (verify/validate.go). */
const validIPv4CIDR: ValueTest = { ...ipv4CIDRNetwork, rule: "ValidIPv4CIDRNetworkAddress" };
/** verify.ValidIPv6CIDRNetworkAddress: an IPv6 CIDR whose address is its network address (verify/validate.go). */
const validIPv6CIDR: ValueTest = { ...ipv6CIDRNetwork, rule: "ValidIPv6CIDRNetworkAddress" };

/**
 * From v6 the VPC's IPv6 netmasks are vpcCIDRValidIPv6Netmasks, [44 48 52 56 60]: the v5 copy read still allows only
 * 56, and hashicorp/terraform-provider-aws#46423 (v6.31.0) quotes the v6 slice in its error, "expected
 * ipv6_netmask_length to be one of [44 48 52 56 60]" (vpc_.go, which aws_subnet reused there).
 */
const vpcIPv6Netmasks = "hashicorp/terraform-provider-aws internal/service/ec2/vpc_.go v6 (vpcCIDRValidIPv6Netmasks, as quoted by hashicorp/terraform-provider-aws#46423 on v6.31.0)";

/** validation.NoZeroValues on an integer. */
const noZeroValue: ValueTest = { rule: "NoZeroValues", test: (v) => (v === 0 ? "must not be zero" : undefined) };

/** validSecurityGroupRuleDescription (ec2/validate.go): at most 255 characters of the EC2 API's IpRange set. */
const sgRuleDescription: ValueTest[] = [
    lengthBetween(0, 255, "validSecurityGroupRuleDescription: at most 255"),
    matches(/^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/, "only letters, digits, spaces and ._-:/()#,@[]+=&;{}!$* are allowed"),
];

/** The rule blocks of aws_security_group and aws_default_security_group (securityGroupRuleNestedBlock). */
const ruleBlocks = (type: string, source: string): Validator[] =>
    (["ingress", "egress"] as const).flatMap((block) => [
        field(type, `${block}[].cidrBlocks[]`, source, validIPv4CIDR),
        field(type, `${block}[].ipv6CidrBlocks[]`, source, validIPv6CIDR),
        ...sgRuleDescription.map((t) => field(type, `${block}[].description`, ec2Validate, t)),
    ]);

const ruleBlockRows = (block: string) => [
    { path: `${block}[].cidrBlocks[]`, declared: "verify.ValidIPv4CIDRNetworkAddress" },
    { path: `${block}[].description`, declared: "validSecurityGroupRuleDescription (ec2/validate.go: at most 255 of [A-Za-z0-9 ._-:/()#,@[]+=&;{}!$*])" },
    { path: `${block}[].ipv6CidrBlocks[]`, declared: "verify.ValidIPv6CIDRNetworkAddress" },
];

// odb_network_arn is a route target the bridged schema (@pulumi/aws 7.48 ec2/route.d.ts, RouteTableRoute) has and
// the copies read do not; it is counted as one so that a route to it is not refused as having no target.
const ROUTE_TARGETS = ["carrierGatewayId", "coreNetworkArn", "egressOnlyGatewayId", "gatewayId", "localGatewayId", "natGatewayId", "networkInterfaceId", "odbNetworkArn", "transitGatewayId", "vpcEndpointId", "vpcPeeringConnectionId"];
const ROUTE_DESTINATIONS = ["destinationCidrBlock", "destinationIpv6CidrBlock", "destinationPrefixListId"];
const TABLE_ROUTE_DESTINATIONS = ["cidrBlock", "ipv6CidrBlock", "destinationPrefixListId"];

/**
 * validNestedExactlyOneOf (ec2/validate.go), which routeTableAddRoute and routeTableUpdateRoute run on each route
 * before calling the API: exactly one of `keys` holds a non-empty string. It fails the apply, not the preview.
 */
const nestedExactlyOneOf = (what: string, keys: string[]) =>
    relation(`validNestedExactlyOneOf(${keys.join(", ")})`, (o, at) => {
        if (keys.some((k) => isUnknownAt(o.value, k))) return [];
        const value = plain(o.value) as Record<string, unknown>;
        const specified = keys.filter((k) => typeof value?.[k] === "string" && value[k] !== "");
        if (specified.length === 1) return [];
        return [specified.length === 0 ? `one of ${keys.map(at).join(", ")} must be specified as the route's ${what} (checked when the route is created)` : `only one of ${specified.map(at).join(", ")} can be the route's ${what} (checked when the route is created)`];
    });

export const validators: Validator[] = [
    // aws_vpc
    field(VPC, "cidrBlock", vpcFile, isCIDRNetwork(16, 28)),
    field(VPC, "instanceTenancy", vpcFile, oneOf("default", "dedicated")),
    field(VPC, "ipv4NetmaskLength", vpcFile, between(16, 28, "IntBetween(16, 28)")),
    field(VPC, "ipv6CidrBlock", vpcFile, validIPv6CIDR),
    field(VPC, "ipv6NetmaskLength", vpcIPv6Netmasks, { ...oneOf(44, 48, 52, 56, 60), rule: "IntInSlice(vpcCIDRValidIPv6Netmasks) = [44, 48, 52, 56, 60]" }),
    object(VPC, "", vpcFile, conflictsWith("cidrBlock", "ipv4NetmaskLength")),
    object(VPC, "", vpcFile, requiredWith("ipv4NetmaskLength", "ipv4IpamPoolId")),
    object(VPC, "", vpcFile, conflictsWith("assignGeneratedIpv6CidrBlock", "ipv6IpamPoolId")),
    object(VPC, "", vpcFile, conflictsWith("ipv6CidrBlock", "ipv6NetmaskLength", "assignGeneratedIpv6CidrBlock")),
    object(VPC, "", vpcFile, requiredWith("ipv6CidrBlock", "ipv6IpamPoolId")),
    object(VPC, "", vpcFile, requiredWith("ipv6NetmaskLength", "ipv6IpamPoolId")),
    object(VPC, "", vpcFile, requiredWith("ipv6CidrBlockNetworkBorderGroup", "assignGeneratedIpv6CidrBlock")),

    // aws_subnet
    field(SUBNET, "cidrBlock", subnetFile, validIPv4CIDR),
    field(SUBNET, "ipv6CidrBlock", subnetFile, validIPv6CIDR),
    field(SUBNET, "enableLniAtDeviceIndex", subnetFile, noZeroValue),
    // vpcCIDRMinIPv4Netmask and vpcCIDRMaxIPv4Netmask: 16 and 28, as vpc_.go's VPCCIDRMinIPv4 and VPCCIDRMaxIPv4.
    field(SUBNET, "ipv4NetmaskLength", subnetFile, between(16, 28, "IntBetween(vpcCIDRMinIPv4Netmask, vpcCIDRMaxIPv4Netmask) = (16, 28)")),
    field(SUBNET, "outpostArn", subnetFile, validARN),
    field(SUBNET, "privateDnsHostnameTypeOnLaunch", subnetFile, sdkEnum("ec2.HostnameType")),
    object(SUBNET, "", subnetFile, conflictsWith("availabilityZone", "availabilityZoneId")),
    object(SUBNET, "", subnetFile, requiredWith("customerOwnedIpv4Pool", "mapCustomerOwnedIpOnLaunch", "outpostArn")),
    object(SUBNET, "", subnetFile, requiredWith("mapCustomerOwnedIpOnLaunch", "customerOwnedIpv4Pool", "outpostArn")),
    object(SUBNET, "", subnetFile, conflictsWith("ipv4IpamPoolId", "customerOwnedIpv4Pool")),
    object(SUBNET, "", subnetFile, conflictsWith("ipv4NetmaskLength", "cidrBlock", "customerOwnedIpv4Pool")),
    object(SUBNET, "", subnetFile, requiredWith("ipv4NetmaskLength", "ipv4IpamPoolId")),
    object(SUBNET, "", subnetFile, conflictsWith("ipv6NetmaskLength", "ipv6CidrBlock")),
    object(SUBNET, "", subnetFile, requiredWith("ipv6NetmaskLength", "ipv6IpamPoolId")),

    // aws_security_group, aws_default_security_group
    field(SG, "description", sgFile, lengthBetween(0, 255, "StringLenBetween(0, 255)")),
    ...nameValidators(SG, "name", SECURITY_GROUP_NAME),
    field(SG, "namePrefix", sgFile, lengthBetween(0, 229, "StringLenBetween(0, 255 - UniqueIDSuffixLength)")),
    ...nameValidators(SG, "namePrefix", [SECURITY_GROUP_NO_SG_PREFIX]),
    object(SG, "", sgFile, conflictsWith("name", "namePrefix")),
    ...ruleBlocks(SG, sgFile),
    ...ruleBlocks(DEFAULT_SG, sgFile),

    // aws_route
    object(ROUTE, "", routeFile, exactlyOneOf(...ROUTE_DESTINATIONS)),
    object(ROUTE, "", routeFile, exactlyOneOf(...ROUTE_TARGETS)),
    field(ROUTE, "destinationCidrBlock", routeFile, validIPv4CIDR),
    field(ROUTE, "destinationIpv6CidrBlock", routeFile, validIPv6CIDR),
    object(ROUTE, "", routeFile, conflictsWith("egressOnlyGatewayId", "destinationCidrBlock")),
    object(ROUTE, "", routeFile, conflictsWith("carrierGatewayId", "destinationIpv6CidrBlock")),
    object(ROUTE, "", routeFile, conflictsWith("vpcEndpointId", "destinationPrefixListId")),

    // aws_route_table: the route blocks
    field(ROUTE_TABLE, "routes[].cidrBlock", routeTableFile, validIPv4CIDR),
    field(ROUTE_TABLE, "routes[].ipv6CidrBlock", routeTableFile, validIPv6CIDR),
    object(ROUTE_TABLE, "routes[]", `${routeTableFile} + ${ec2Validate}`, nestedExactlyOneOf("destination", TABLE_ROUTE_DESTINATIONS)),
    object(ROUTE_TABLE, "routes[]", `${routeTableFile} + ${ec2Validate}`, nestedExactlyOneOf("target", ROUTE_TARGETS)),

    // aws_route_table_association
    object(ASSOCIATION, "", associationFile, exactlyOneOf("subnetId", "gatewayId")),

    // aws_vpc_endpoint
    field(ENDPOINT, "dnsOptions.dnsRecordIpType", endpointFile, sdkEnum("ec2.DnsRecordIpType")),
    field(ENDPOINT, "ipAddressType", endpointFile, sdkEnum("ec2.IpAddressType")),
    field(ENDPOINT, "policy", endpointFile, isJSON),
    field(ENDPOINT, "vpcEndpointType", endpointFile, sdkEnum("ec2.VpcEndpointType")),
];

const ONE_BLOCK = "MaxItems 1";

export const coverage: Record<string, TypeCoverage> = {
    [VPC]: {
        source: `${vpcFile} (ResourceVPC schema; its CustomizeDiff only marks values computed or forces replacement; only a v5 copy could be read)`,
        attributes: [
            { path: "assignGeneratedIpv6CidrBlock", declared: "ConflictsWith(ipv6_ipam_pool_id)" },
            { path: "cidrBlock", declared: "IsCIDRNetwork(16, 28), ConflictsWith(ipv4_netmask_length)" },
            { path: "instanceTenancy", declared: "StringInSlice([default, dedicated], false)" },
            { path: "ipv4NetmaskLength", declared: "IntBetween(16, 28), ConflictsWith(cidr_block), RequiredWith(ipv4_ipam_pool_id)" },
            { path: "ipv6CidrBlock", declared: "ValidIPv6CIDRNetworkAddress, ConflictsWith(ipv6_netmask_length, assign_generated_ipv6_cidr_block), RequiredWith(ipv6_ipam_pool_id)" },
            {
                path: "ipv6CidrBlock (prefix)",
                declared: "IsCIDRNetwork(56, 56) in the v5 copy",
                exception: "v6 widened the VPC's IPv6 netmasks to 44-60 (hashicorp/terraform-provider-aws#46423), so the prefix bound the bridged release puts on the block is not known here; the v5 bound would refuse valid blocks",
            },
            { path: "ipv6CidrBlockNetworkBorderGroup", declared: "RequiredWith(assign_generated_ipv6_cidr_block)" },
            { path: "ipv6IpamPoolId", declared: "ConflictsWith(assign_generated_ipv6_cidr_block)" },
            { path: "ipv6NetmaskLength", declared: "IntInSlice([56]) in the v5 copy, IntInSlice(vpcCIDRValidIPv6Netmasks) = [44 48 52 56 60] in v6; ConflictsWith(ipv6_cidr_block), RequiredWith(ipv6_ipam_pool_id)" },
        ],
    },
    [SUBNET]: {
        source: `${subnetFile} (resourceSubnet schema)`,
        attributes: [
            { path: "availabilityZone", declared: "ConflictsWith(availability_zone_id)" },
            { path: "availabilityZoneId", declared: "ConflictsWith(availability_zone)" },
            { path: "cidrBlock", declared: "verify.ValidIPv4CIDRNetworkAddress" },
            { path: "customerOwnedIpv4Pool", declared: "RequiredWith(map_customer_owned_ip_on_launch, outpost_arn)" },
            { path: "enableLniAtDeviceIndex", declared: "NoZeroValues" },
            { path: "ipv4IpamPoolId", declared: "ConflictsWith(customer_owned_ipv4_pool)" },
            { path: "ipv4NetmaskLength", declared: "IntBetween(vpcCIDRMinIPv4Netmask, vpcCIDRMaxIPv4Netmask), ConflictsWith(cidr_block, customer_owned_ipv4_pool), RequiredWith(ipv4_ipam_pool_id)" },
            { path: "ipv6CidrBlock", declared: "verify.ValidIPv6CIDRNetworkAddress" },
            { path: "ipv6NetmaskLength", declared: "ConflictsWith(ipv6_cidr_block), RequiredWith(ipv6_ipam_pool_id)" },
            {
                path: "ipv6NetmaskLength (value)",
                declared: "IntInSlice(subnetCIDRValidIPv6Netmasks)",
                exception: "subnetCIDRValidIPv6Netmasks is defined outside the file read, so the allowed netmasks are not known here",
            },
            { path: "mapCustomerOwnedIpOnLaunch", declared: "RequiredWith(customer_owned_ipv4_pool, outpost_arn)" },
            { path: "outpostArn", declared: "verify.ValidARN" },
            { path: "privateDnsHostnameTypeOnLaunch", declared: "enum.Validate[awstypes.HostnameType]()" },
        ],
    },
    [SG]: {
        source: `${sgFile} (resourceSecurityGroup schema and securityGroupRuleNestedBlock); validSecurityGroupRuleDescription in ${ec2Validate}`,
        attributes: [
            { path: "description", declared: "StringLenBetween(0, 255)" },
            ...ruleBlockRows("egress"),
            ...ruleBlockRows("ingress"),
            { path: "name", declared: "All(StringLenBetween(0, 255), StringDoesNotMatch(^sg-)), ConflictsWith(name_prefix)" },
            { path: "namePrefix", declared: "All(StringLenBetween(0, 255 - UniqueIDSuffixLength), StringDoesNotMatch(^sg-)), ConflictsWith(name)" },
        ],
    },
    [DEFAULT_SG]: {
        source: `${defaultSgFile} (description, name and name_prefix are computed only; the rule blocks are securityGroupRuleSetNestedBlock of ${sgFile})`,
        attributes: [...ruleBlockRows("egress"), ...ruleBlockRows("ingress")],
    },
    [ROUTE]: {
        source: `${routeFile} (resourceRoute schema; a v5-line copy whose commit the research tools do not show)`,
        attributes: [
            { path: "carrierGatewayId", declared: "ExactlyOneOf(routeValidTargets), ConflictsWith(destination_ipv6_cidr_block)" },
            { path: "coreNetworkArn", declared: "ExactlyOneOf(routeValidTargets)" },
            { path: "destinationCidrBlock", declared: "verify.ValidIPv4CIDRNetworkAddress, ExactlyOneOf(routeValidDestinations)" },
            { path: "destinationIpv6CidrBlock", declared: "verify.ValidIPv6CIDRNetworkAddress, ExactlyOneOf(routeValidDestinations)" },
            { path: "destinationPrefixListId", declared: "ExactlyOneOf(routeValidDestinations)" },
            { path: "egressOnlyGatewayId", declared: "ExactlyOneOf(routeValidTargets), ConflictsWith(destination_cidr_block)" },
            { path: "gatewayId", declared: "ExactlyOneOf(routeValidTargets)" },
            { path: "localGatewayId", declared: "ExactlyOneOf(routeValidTargets)" },
            { path: "natGatewayId", declared: "ExactlyOneOf(routeValidTargets)" },
            { path: "networkInterfaceId", declared: "ExactlyOneOf(routeValidTargets)" },
            { path: "transitGatewayId", declared: "ExactlyOneOf(routeValidTargets)" },
            { path: "vpcEndpointId", declared: "ExactlyOneOf(routeValidTargets), ConflictsWith(destination_prefix_list_id)" },
            { path: "vpcPeeringConnectionId", declared: "ExactlyOneOf(routeValidTargets)" },
        ],
    },
    [ROUTE_TABLE]: {
        source: `${routeTableFile} (ResourceRouteTable schema; routeTableAddRoute and routeTableUpdateRoute run validNestedExactlyOneOf of ${ec2Validate} on each route)`,
        attributes: [
            { path: "routes[].cidrBlock", declared: "verify.ValidIPv4CIDRNetworkAddress" },
            { path: "routes[].ipv6CidrBlock", declared: "verify.ValidIPv6CIDRNetworkAddress" },
            { path: "routes[]", declared: "validNestedExactlyOneOf(routeTableValidDestinations), validNestedExactlyOneOf(routeTableValidTargets), at apply" },
        ],
    },
    [ASSOCIATION]: {
        source: `${associationFile} (ResourceRouteTableAssociation schema; only a v4 copy could be read)`,
        attributes: [
            { path: "gatewayId", declared: "ExactlyOneOf(subnet_id, gateway_id)" },
            { path: "subnetId", declared: "ExactlyOneOf(subnet_id, gateway_id)" },
        ],
    },
    [INTERNET_GATEWAY]: {
        source: `${gatewayFile} (ResourceInternetGateway schema: vpc_id and tags, no validator; only a v4 copy could be read)`,
        attributes: [],
    },
    [ENDPOINT]: {
        source: `${endpointFile} (resourceVPCEndpoint schema; a v5-line copy whose commit the research tools do not show)`,
        attributes: [
            { path: "dnsOptions", declared: ONE_BLOCK, shape: true },
            { path: "dnsOptions.dnsRecordIpType", declared: "enum.Validate[awstypes.DnsRecordIpType]()" },
            { path: "dnsOptions.privateDnsPreference", declared: "(v6 attribute)", exception: notInCopy("v5") },
            { path: "dnsOptions.privateDnsSpecifiedDomains", declared: "(v6 attribute)", exception: notInCopy("v5") },
            { path: "ipAddressType", declared: "enum.Validate[awstypes.IpAddressType]()" },
            { path: "policy", declared: "StringIsJSON" },
            { path: "resourceConfigurationArn", declared: "(v6 attribute)", exception: notInCopy("v5") },
            { path: "serviceNetworkArn", declared: "(v6 attribute)", exception: notInCopy("v5") },
            { path: "serviceRegion", declared: "(v6 attribute)", exception: notInCopy("v5") },
            { path: "vpcEndpointType", declared: "enum.Validate[awstypes.VpcEndpointType]()" },
        ],
    },
    [ACCEPTER]: {
        source: `${accepterFile}; vpcPeeringConnectionOptionsSchema in ${src("ec2/vpc_peering_connection.go", "v5")} (MaxItems 1 blocks of one boolean, allow_remote_vpc_dns_resolution)`,
        attributes: [
            { path: "accepter", declared: ONE_BLOCK, shape: true },
            { path: "requester", declared: ONE_BLOCK, shape: true },
        ],
    },
};
