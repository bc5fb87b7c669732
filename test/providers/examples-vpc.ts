/** Examples (refused, accepted) for the security group rule validators of readiness/providers/aws/vpc.ts; see ./examples.ts. */
type Example = [bad: unknown, good: unknown];

const ruleExamples = (type: string): Record<string, Example> => ({
    [`${type} fromPort int64validator.Between(-1, 65535)`]: [-2, -1],
    [`${type} toPort int64validator.Between(-1, 65535)`]: [65536, 65535],
    [`${type} cidrIpv4 IPv4CIDRNetworkAddress`]: ["10.0.0.1/16", "10.0.0.0/16"],
    [`${type} cidrIpv6 IPv6CIDRNetworkAddress`]: ["2001:db8::1/64", "2001:db8::/64"],
    [`${type} (inputs) ExactlyOneOf(cidrIpv4, cidrIpv6, prefixListId, referencedSecurityGroupId)`]: [
        { ipProtocol: "tcp", cidrIpv4: "10.0.0.0/16", referencedSecurityGroupId: "sg-1" },
        { ipProtocol: "tcp", referencedSecurityGroupId: "sg-1" },
    ],
});

export const VPC_EXAMPLES: Record<string, Example> = {
    ...ruleExamples("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"),
    ...ruleExamples("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"),
};
