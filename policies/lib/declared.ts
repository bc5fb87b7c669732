/**
 * What the program declared on a resource, noted by a rule's per-resource half for its stack half.
 *
 * A stack rule sees only outputs (AnalyzeStack is sent each resource's outputs: pulumi/pulumi
 * pkg/resource/deploy/step_generator.go), and after apply the provider fills outputs the program never set:
 * terraform-provider-aws's Read lists a security group's standalone rules in its `ingress`/`egress`
 * (internal/service/ec2/vpc_security_group.go, resourceSecurityGroupRead) and a role's attachments and role
 * policies in `managedPolicyArns`/`inlinePolicies` (internal/service/iam/role.go, resourceRoleRead). Whether a
 * list was declared inline is therefore known only from the inputs, which Analyze receives for every
 * registered resource before AnalyzeStack runs, in the same policy pack process: in a deployment, and in
 * `pulumi policy analyze` of a deployed stack (pulumi/pulumi pkg/resource/deploy, AnalyzeSnapshot: Analyze on
 * each resource's Inputs, then AnalyzeStack on the Outputs, with the same analyzers).
 *
 * Each Analyze overwrites the resource's note, so a URN checked again (another configuration of the same
 * stack, in one process) never keeps an earlier run's note. A stack pass with no note for a resource (no
 * Analyze ran before it) knows nothing declared and must stay quiet.
 */
import { isUnknown } from "./preview";

/** The keys whose inputs hold a list, read past the unknown-value proxy; a list unknown in a preview counts (it will be one). */
export function listsIn<K extends string>(props: Record<string, unknown>, keys: readonly K[]): K[] {
    return keys.filter((k) => {
        const value = Object.getOwnPropertyDescriptor(props, k)?.value;
        return isUnknown(value) || Array.isArray(value);
    });
}

export class DeclaredLists<K extends string> {
    private readonly byUrn = new Map<string, readonly K[]>();

    /** Records the lists the resource's inputs declare (replacing what an earlier Analyze of the URN noted). */
    note(urn: string, declared: readonly K[]): void {
        this.byUrn.set(urn, declared);
    }

    /** The lists the program declared on the resource, empty when none (or when its inputs were never seen). */
    of(urn: string): readonly K[] {
        return this.byUrn.get(urn) ?? [];
    }
}
