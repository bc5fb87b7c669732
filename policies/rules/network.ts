/**
 * Readiness rules: network. Nothing is open to the internet except the ports a reachability mode needs
 * (Postgres behind forced TLS in public mode), whichever resource type opens it.
 */
import type { PolicyResource } from "@pulumi/policy";
import { z } from "zod";
import { InputName, peekInput, TypeToken, TYPES } from "../lib/inputs";
import { refersTo } from "../lib/links";
import { DeclaredLists, listsIn } from "../lib/declared";
import { knownStrings, peek } from "../lib/preview";
import { resourceAndStackRule, resourceRule, Rule, ruleResource, stackRule } from "../lib/rule";

const SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
const DEFAULT_SECURITY_GROUP = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
const SECURITY_GROUP_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

/**
 * Whether a source CIDR stands for "the internet": an IPv4 block of /8 or wider, or an IPv6 block of /16 or
 * wider, unless it lies wholly in private space (10/8 and loopback for IPv4; unique-local fc00::/7 and
 * link-local fe80::/10 for IPv6). 0.0.0.0/0 and ::/0 are the usual forms; 0.0.0.0/1 + 128.0.0.0/1 is the same
 * mistake split in two.
 */
export function isInternetWide(cidr: unknown): boolean {
    if (typeof cidr !== "string") return false;
    const [address, bits] = cidr.trim().split("/");
    const prefix = bits === undefined ? (address.includes(":") ? 128 : 32) : Number(bits);
    if (!Number.isInteger(prefix)) return false;
    if (address.includes(":")) {
        if (prefix > 16) return false;
        const first = address.startsWith("::") ? 0 : parseInt(address.split(":")[0], 16);
        if (Number.isNaN(first)) return false;
        const uniqueLocal = prefix >= 7 && (first & 0xfe00) === 0xfc00;
        const linkLocal = prefix >= 10 && (first & 0xffc0) === 0xfe80;
        return !uniqueLocal && !linkLocal;
    }
    const firstOctet = Number(address.split(".")[0]);
    if (!Number.isInteger(firstOctet) || prefix > 8) return false;
    return !(prefix === 8 && (firstOctet === 10 || firstOctet === 127));
}

function protocolName(protocol: unknown): string {
    const p = String(protocol ?? "").trim().toLowerCase();
    if (p === "-1" || p === "all") return "all";
    if (p === "6") return "tcp";
    if (p === "17") return "udp";
    return p;
}

interface Opening {
    /** Where the opening is declared, for the message (`ingress[0]`, or empty for a standalone rule). */
    where: string;
    sources: unknown[];
    protocol: unknown;
    fromPort: unknown;
    toPort: unknown;
}

/** The problem with an opening to the internet, or undefined when it is allowed. */
function judgeOpening(o: Opening, allowedPorts: number[]): string | undefined {
    const wide = o.sources.filter(isInternetWide);
    if (wide.length === 0) return undefined;
    const protocol = protocolName(o.protocol);
    const from = Number(o.fromPort);
    const to = Number(o.toPort);
    const where = o.where ? ` (${o.where})` : "";
    const origin = `from ${wide.join(" and ")}`;
    if (protocol === "all") return `admits every protocol and port ${origin}${where}.`;
    if (protocol !== "tcp") return `admits ${protocol} ${origin}${where}; only TCP ports ${allowedPorts.join(", ") || "(none)"} may be open to the internet.`;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from !== to) {
        return `admits TCP ports ${o.fromPort}-${o.toPort} ${origin}${where}; a port range is never open to the internet.`;
    }
    if (!allowedPorts.includes(from)) return `admits TCP ${from} ${origin}${where}; only ${allowedPorts.join(", ") || "(none)"} may be open to the internet.`;
    return undefined;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

export const securityGroupIngressRestricted = resourceRule({
    name: "security-group-ingress-restricted",
    description: "No security group admits traffic from the internet (0.0.0.0/0, ::/0 or any /8-or-wider public block) except on a single allow-listed TCP port.",
    severity: "critical",
    category: "security",
    remediation:
        "Narrow the source: set `service:database.allowedCidrs` to your static egress ranges, or switch `service:reachability` to `private` (Vercel Secure Compute). Never open all protocols or a port range to the internet; a port that must be public goes into this rule's `allowedPublicPorts`.",
    types: [SECURITY_GROUP, DEFAULT_SECURITY_GROUP, SECURITY_GROUP_RULE, INGRESS_RULE],
    config: {
        /** TCP ports that may be open to the internet: Postgres, for public reachability behind forced TLS. */
        allowedPublicPorts: z.array(z.number().int().min(1).max(65535)).default([5432]),
    },
    validate(resource, config, report) {
        const p = resource.props;
        const openings: Opening[] = [];
        if (resource.type === SECURITY_GROUP || resource.type === DEFAULT_SECURITY_GROUP) {
            list(p.ingress).forEach((entry, i) => {
                const e = (entry ?? {}) as Record<string, unknown>;
                const sources = [...list(e.cidrBlocks), ...list(e.ipv6CidrBlocks)];
                // Protocol and ports are read only for openings to the internet, so an unknown port elsewhere never stalls the rule.
                if (sources.some(isInternetWide)) openings.push({ where: `ingress[${i}]`, sources, protocol: e.protocol, fromPort: e.fromPort, toPort: e.toPort });
            });
        } else if (resource.type === SECURITY_GROUP_RULE) {
            if (p.type !== "ingress") return;
            const sources = [...list(p.cidrBlocks), ...list(p.ipv6CidrBlocks)];
            if (sources.some(isInternetWide)) openings.push({ where: "", sources, protocol: p.protocol, fromPort: p.fromPort, toPort: p.toPort });
        } else {
            const sources = [p.cidrIpv4, p.cidrIpv6];
            if (sources.some(isInternetWide)) openings.push({ where: "", sources, protocol: p.ipProtocol, fromPort: p.fromPort, toPort: p.toPort });
        }
        for (const o of openings) {
            const problem = judgeOpening(o, config.allowedPublicPorts);
            if (problem) report(`${resource.name} ${problem}`);
        }
    },
});

const EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const STANDALONE_RULES = [SECURITY_GROUP_RULE, INGRESS_RULE, EGRESS_RULE];

/** Datastores and the input that lists their security groups. */
const DATASTORE_GROUPS: { [T in TypeToken]?: InputName<T> } = {
    [TYPES.rdsInstance]: "vpcSecurityGroupIds",
    [TYPES.rdsCluster]: "vpcSecurityGroupIds",
    [TYPES.rdsProxy]: "vpcSecurityGroupIds",
    [TYPES.replicationGroup]: "securityGroupIds",
    [TYPES.cacheCluster]: "securityGroupIds",
    [TYPES.serverlessCache]: "securityGroupIds",
};

const GROUP_IDS = ["id"];
/** The input by which every kind of rule resource names its group. */
const GROUP_REF = "securityGroupId" satisfies InputName<typeof TYPES.ingressRule> & InputName<typeof TYPES.egressRule> & InputName<typeof TYPES.securityGroupRule>;

/** Internet-wide destinations of a group's inline egress and of the standalone egress rules attached to it. */
function internetEgress(group: PolicyResource, resources: PolicyResource[]): string[] {
    const out: string[] = [];
    list(peekInput(group, TYPES.securityGroup, "egress")).forEach((entry, i) => {
        const wide = [...knownStrings(peek(entry, "cidrBlocks")), ...knownStrings(peek(entry, "ipv6CidrBlocks"))].filter(isInternetWide);
        if (wide.length > 0) out.push(`egress[${i}] to ${wide.join(" and ")}`);
    });
    for (const r of resources) {
        if (!(r.type === EGRESS_RULE || peekInput(r, TYPES.securityGroupRule, "type") === "egress")) continue;
        if (!refersTo(r, GROUP_REF, group, GROUP_IDS)) continue;
        const wide =
            r.type === EGRESS_RULE
                ? [peekInput(r, TYPES.egressRule, "cidrIpv4"), peekInput(r, TYPES.egressRule, "cidrIpv6")]
                : [...knownStrings(peekInput(r, TYPES.securityGroupRule, "cidrBlocks")), ...knownStrings(peekInput(r, TYPES.securityGroupRule, "ipv6CidrBlocks"))];
        if (wide.some(isInternetWide)) out.push(`${r.name} to ${wide.filter(isInternetWide).join(" and ")}`);
    }
    return out;
}

export const datastoreEgressRestricted = stackRule({
    name: "datastore-egress-restricted",
    description: "No security group of a database, proxy or cache allows egress to the internet, so a compromised datastore cannot send its data out.",
    severity: "high",
    category: "security",
    remediation:
        "Datastores open no connections of their own: give their security groups no egress rule (the network component's groups have none, and the provider removes AWS's default allow-all egress), or egress to the VPC's CIDR only.",
    validate(resources, _config, report) {
        const groups = resources.filter((r) => r.type === SECURITY_GROUP);
        if (groups.length === 0) return;
        for (const store of resources) {
            const prop = DATASTORE_GROUPS[store.type as TypeToken];
            if (!prop) continue;
            for (const group of groups) {
                if (!refersTo(store, prop, group, GROUP_IDS)) continue;
                const egress = internetEgress(group, resources);
                if (egress.length > 0) report(`${group.name}, the security group of ${store.name}, allows egress to the internet: ${egress.join("; ")}.`, ruleResource(group));
            }
        }
    },
});

const notMixedDoc = {
    name: "security-group-rules-not-mixed",
    description: "No security group is managed both by inline `ingress`/`egress` lists and by standalone rule resources, nor by both aws.ec2.SecurityGroupRule and aws.vpc rule resources, since each side then removes or rewrites the other's rules.",
    severity: "high" as const,
    category: "security" as const,
    remediation:
        "Declare a group's rules one way: no inline `ingress`/`egress` on the group and one `aws.vpc.SecurityGroupIngressRule` or `SecurityGroupEgressRule` per rule, as the network component does. A DefaultSecurityGroup always owns its rules: put them inline, or leave it empty (closed).",
};

/**
 * The inline lists each group's program declared. Only the inputs tell: after apply the provider's Read fills
 * a group's `ingress`/`egress` outputs with every permission it has, its standalone rules' included, and `[]`
 * once the default egress is revoked (terraform-provider-aws internal/service/ec2/vpc_security_group.go,
 * resourceSecurityGroupRead; @pulumi/aws 7 types both outputs as non-optional arrays).
 */
const declaredGroupLists = new DeclaredLists<"ingress" | "egress">();

export const securityGroupRulesNotMixed = resourceAndStackRule(
    resourceRule({
        ...notMixedDoc,
        types: [SECURITY_GROUP],
        validate(resource) {
            declaredGroupLists.note(resource.urn, listsIn(resource.props, ["ingress", "egress"]));
        },
    }),
    stackRule({
        ...notMixedDoc,
        validate(resources, _config, report) {
            const groups = resources.filter((r) => r.type === SECURITY_GROUP || r.type === DEFAULT_SECURITY_GROUP);
            const rules = resources.filter((r) => STANDALONE_RULES.includes(r.type));
            if (groups.length === 0 || rules.length === 0) return;
            for (const group of groups) {
                const attached = rules.filter((r) => refersTo(r, GROUP_REF, group, GROUP_IDS));
                if (attached.length === 0) continue;
                const names = attached.map((r) => r.name).join(", ");
                if (group.type === DEFAULT_SECURITY_GROUP) {
                    report(`${group.name} is a DefaultSecurityGroup, which owns all its rules, yet ${names} add rules to it; each apply removes them again.`, ruleResource(group));
                } else {
                    const inline = declaredGroupLists.of(group.urn);
                    if (inline.length > 0) report(`${group.name} lists ${inline.join(" and ")} inline while ${names} also add rules to it; each apply removes or rewrites the other's rules.`, ruleResource(group));
                }
                const legacy = attached.filter((r) => r.type === SECURITY_GROUP_RULE);
                if (legacy.length > 0 && legacy.length < attached.length) {
                    report(`${group.name} takes rules from both aws.ec2.SecurityGroupRule (${legacy.map((r) => r.name).join(", ")}) and aws.vpc rule resources, which conflict.`, ruleResource(group));
                }
            }
        },
    }),
);

export const networkRules: Rule[] = [securityGroupIngressRestricted, datastoreEgressRestricted, securityGroupRulesNotMixed];
