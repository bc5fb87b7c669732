/**
 * terraform-provider-aws's input validation of the plugin-framework security group rules (aws_vpc_security_group_
 * ingress_rule and _egress_rule), and the transcription of their validator-bearing attributes.
 *
 * Both resources embed securityGroupRuleResource, whose Schema and ConfigValidators live in
 * vpc_security_group_ingress_rule.go; vpc_security_group_egress_rule.go only names the type and its API calls.
 */
import { between, exactlyOneOf, field, ipv4CIDRNetwork, ipv6CIDRNetwork, object, Validator } from "../validator";
import type { TypeCoverage } from "../types";
import { INGRESS, src } from "./common";
import { TYPES } from "../../../contracts/tokens";

const EGRESS = TYPES.egressRule;

// A v5-line copy (aws-sdk-go-v2, @FrameworkResource, the shared securityGroupRuleResource); the research tools do
// not show its commit. The v4 copy cited before had the same validators.
const ruleFile = src("ec2/vpc_security_group_ingress_rule.go", "v5");

const ruleValidators = (type: string): Validator[] => [
    field(type, "fromPort", ruleFile, between(-1, 65535, "int64validator.Between(-1, 65535)")),
    field(type, "toPort", ruleFile, between(-1, 65535, "int64validator.Between(-1, 65535)")),
    field(type, "cidrIpv4", ruleFile, ipv4CIDRNetwork),
    field(type, "cidrIpv6", ruleFile, ipv6CIDRNetwork),
    object(type, "", ruleFile, exactlyOneOf("cidrIpv4", "cidrIpv6", "prefixListId", "referencedSecurityGroupId")),
];

export const validators: Validator[] = [...ruleValidators(INGRESS), ...ruleValidators(EGRESS)];

const ruleCoverage = (): TypeCoverage => ({
    source: `${ruleFile} (securityGroupRuleResource Schema and ConfigValidators, shared by the ingress and egress rule)`,
    attributes: [
        { path: "cidrIpv4", declared: "fwvalidators.IPv4CIDRNetworkAddress(), ExactlyOneOf (ConfigValidators)" },
        { path: "cidrIpv6", declared: "fwvalidators.IPv6CIDRNetworkAddress(), ExactlyOneOf (ConfigValidators)" },
        { path: "fromPort", declared: "int64validator.Between(-1, 65535)" },
        { path: "prefixListId", declared: "ExactlyOneOf (ConfigValidators)" },
        { path: "referencedSecurityGroupId", declared: "ExactlyOneOf (ConfigValidators)" },
        { path: "toPort", declared: "int64validator.Between(-1, 65535)" },
        { path: "(inputs)", declared: "ConfigValidators: ExactlyOneOf(cidr_ipv4, cidr_ipv6, prefix_list_id, referenced_security_group_id)" },
    ],
});

export const coverage: Record<string, TypeCoverage> = {
    [INGRESS]: ruleCoverage(),
    [EGRESS]: ruleCoverage(),
};
