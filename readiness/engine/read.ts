/**
 * The provider's Read after apply, for the outputs it derives from other resources: what a refresh, the next
 * preview and every drift run record, and what the stack policies see from then on.
 *
 * - A security group's `ingress`/`egress` list every permission the group has, its standalone
 *   `aws.vpc.SecurityGroupIngressRule`/`EgressRule`s' included, and `egress` is `[]` once the provider revoked
 *   AWS's default allow-all egress on create (terraform-provider-aws internal/service/ec2/vpc_security_group.go:
 *   resourceSecurityGroupCreate revokes it, resourceSecurityGroupRead flattens the group's IpPermissions).
 * - A role's `managedPolicyArns` lists every attached policy and `inlinePolicies` every role policy, its
 *   RolePolicyAttachment and RolePolicy resources' included (internal/service/iam/role.go, resourceRoleRead).
 *
 * Resources are matched by id or name, as the provider's API calls find them.
 */
import type { RecordedResource } from "./run";

const SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const ROLE = "aws:iam/role:Role";
const ROLE_POLICY_ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

type Props = Record<string, any>;

/** A standalone rule as Read lists it among the group's permissions (`SecurityGroupIngress`/`Egress` shape). */
function permissionOf(rule: Props): Props {
    const allTraffic = rule.ipProtocol === "-1" || rule.ipProtocol === "all";
    const one = (v: unknown) => (typeof v === "string" && v !== "" ? [v] : []);
    return {
        cidrBlocks: one(rule.cidrIpv4),
        description: rule.description ?? "",
        fromPort: allTraffic ? 0 : (rule.fromPort ?? 0),
        ipv6CidrBlocks: one(rule.cidrIpv6),
        prefixListIds: one(rule.prefixListId),
        protocol: allTraffic ? "-1" : rule.ipProtocol,
        securityGroups: one(rule.referencedSecurityGroupId),
        self: false,
        toPort: allTraffic ? 0 : (rule.toPort ?? 0),
    };
}

/** Fills the derived outputs of every resource of `resources` in place, from the others' inputs. */
export function readBack(resources: RecordedResource[]): void {
    const of = (type: string) => resources.filter((r) => r.type === type);
    const keysOf = (r: RecordedResource) => [r.id, r.outputs.arn, r.outputs.name].filter((v): v is string => typeof v === "string" && v !== "");
    for (const group of of(SECURITY_GROUP)) {
        const keys = keysOf(group);
        const attached = (type: string) => of(type).filter((r) => keys.includes(r.inputs.securityGroupId as string)).map((r) => permissionOf(r.inputs));
        group.outputs.ingress = [...listOr(group.inputs.ingress), ...attached(INGRESS_RULE)];
        group.outputs.egress = [...listOr(group.inputs.egress), ...attached(EGRESS_RULE)];
    }
    for (const role of of(ROLE)) {
        const keys = keysOf(role);
        const attachments = of(ROLE_POLICY_ATTACHMENT).filter((r) => keys.includes(r.inputs.role as string)).map((r) => r.inputs.policyArn);
        const policies = of(ROLE_POLICY).filter((r) => keys.includes(r.inputs.role as string)).map((r) => ({ name: r.inputs.name ?? r.name, policy: r.inputs.policy }));
        role.outputs.managedPolicyArns = [...new Set([...listOr(role.inputs.managedPolicyArns), ...attachments])];
        role.outputs.inlinePolicies = [...listOr(role.inputs.inlinePolicies), ...policies];
    }
}

function listOr(v: unknown): unknown[] {
    return Array.isArray(v) ? v : [];
}
