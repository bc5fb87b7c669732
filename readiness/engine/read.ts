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
 * - A bucket's `versioning`, `serverSideEncryptionConfiguration` and `policy` are what its BucketVersioning,
 *   BucketServerSideEncryptionConfiguration and BucketPolicy set (internal/service/s3/bucket.go, resourceBucketRead
 *   reads GetBucketVersioning, GetBucketEncryption and GetBucketPolicy).
 *
 * Resources are matched by id or name, as the provider's API calls find them.
 */
import type { RecordedResource } from "./resource";
import { TYPES } from "../../contracts/tokens";


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
    for (const group of of(TYPES.securityGroup)) {
        const keys = keysOf(group);
        const attached = (type: string) => of(type).filter((r) => keys.includes(r.inputs.securityGroupId as string)).map((r) => permissionOf(r.inputs));
        group.outputs.ingress = [...listOr(group.inputs.ingress), ...attached(TYPES.ingressRule)];
        group.outputs.egress = [...listOr(group.inputs.egress), ...attached(TYPES.egressRule)];
    }
    for (const bucket of of(TYPES.bucket)) readBucket(bucket, resources);
    for (const role of of(TYPES.role)) {
        const keys = keysOf(role);
        const attachments = of(TYPES.rolePolicyAttachment).filter((r) => keys.includes(r.inputs.role as string)).map((r) => r.inputs.policyArn);
        const policies = of(TYPES.rolePolicy).filter((r) => keys.includes(r.inputs.role as string)).map((r) => ({ name: r.inputs.name ?? r.name, policy: r.inputs.policy }));
        role.outputs.managedPolicyArns = [...new Set([...listOr(role.inputs.managedPolicyArns), ...attachments])];
        role.outputs.inlinePolicies = [...listOr(role.inputs.inlinePolicies), ...policies];
    }
}

/** A bucket's configuration resources as Read reports them on the bucket. */
function readBucket(bucket: RecordedResource, resources: RecordedResource[]): void {
    const name = bucket.outputs.bucket;
    const config = (type: string) => resources.find((r) => r.type === type && r.inputs.bucket === name)?.inputs;
    const versioning = config(TYPES.versioningConfig)?.versioningConfiguration as Props | undefined;
    if (versioning) bucket.outputs.versioning = { enabled: versioning.status === "Enabled", mfaDelete: versioning.mfaDelete === "Enabled" };
    const rule = (config(TYPES.encryptionConfig)?.rules as Props[] | undefined)?.[0];
    if (rule?.applyServerSideEncryptionByDefault) {
        const d = rule.applyServerSideEncryptionByDefault as Props;
        bucket.outputs.serverSideEncryptionConfiguration = { rule: { applyServerSideEncryptionByDefault: { kmsMasterKeyId: d.kmsMasterKeyId ?? "", sseAlgorithm: d.sseAlgorithm }, bucketKeyEnabled: rule.bucketKeyEnabled ?? false } };
    }
    const policy = config(TYPES.bucketPolicy)?.policy;
    if (policy !== undefined) bucket.outputs.policy = policy;
}

function listOr(v: unknown): unknown[] {
    return Array.isArray(v) ? v : [];
}
