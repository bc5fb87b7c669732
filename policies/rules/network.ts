/**
 * Readiness rules: network. Nothing is open to the internet except the ports a reachability mode needs
 * (Postgres behind forced TLS in public mode), whichever resource type opens it.
 */
import type { PolicyResource } from "@pulumi/policy";
import { z } from "zod";
import { InputName, peekInput, TypeToken } from "../lib/inputs";
import { TYPES } from "../contracts/tokens";
import { refersTo } from "../lib/links";
import { DeclaredLists, listsIn } from "../lib/declared";
import { knownStrings, peek } from "../lib/preview";
import { resourceAndStackRule, resourceRule, Rule, ruleResource, stackRule } from "../lib/rule";


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

/** How a property is read: through the unknown-value proxy (a resource's own rule) or past it (`peek`, a stack rule). */
type Read = (obj: unknown, key: string) => unknown;
const direct: Read = (obj, key) => (obj !== null && typeof obj === "object" ? (obj as Record<string, unknown>)[key] : undefined);

/** Openings to the internet declared by a group itself or by one standalone rule resource. */
function openingsOf(resource: Pick<PolicyResource, "type" | "props">, read: Read): Opening[] {
    const p = resource.props;
    const openings: Opening[] = [];
    if (resource.type === TYPES.securityGroup || resource.type === TYPES.defaultSecurityGroup) {
        list(read(p, "ingress")).forEach((entry, i) => {
            const sources = [...list(read(entry, "cidrBlocks")), ...list(read(entry, "ipv6CidrBlocks"))];
            // Protocol and ports are read only for openings to the internet, so an unknown port elsewhere never stalls the rule.
            if (sources.some(isInternetWide)) openings.push({ where: `ingress[${i}]`, sources, protocol: read(entry, "protocol"), fromPort: read(entry, "fromPort"), toPort: read(entry, "toPort") });
        });
    } else if (resource.type === TYPES.securityGroupRule) {
        if (read(p, "type") !== "ingress") return [];
        const sources = [...list(read(p, "cidrBlocks")), ...list(read(p, "ipv6CidrBlocks"))];
        if (sources.some(isInternetWide)) openings.push({ where: "", sources, protocol: read(p, "protocol"), fromPort: read(p, "fromPort"), toPort: read(p, "toPort") });
    } else if (resource.type === TYPES.ingressRule) {
        const sources = [read(p, "cidrIpv4"), read(p, "cidrIpv6")];
        if (sources.some(isInternetWide)) openings.push({ where: "", sources, protocol: read(p, "ipProtocol"), fromPort: read(p, "fromPort"), toPort: read(p, "toPort") });
    }
    return openings;
}

/** The single TCP port an opening admits, when it admits exactly one. */
function singleTcpPort(o: Opening): number | undefined {
    const from = Number(o.fromPort);
    return protocolName(o.protocol) === "tcp" && Number.isInteger(from) && from === Number(o.toPort) ? from : undefined;
}

const LOAD_BALANCERS: readonly string[] = [TYPES.loadBalancer, TYPES.albLoadBalancer];
/** The inputs by which a load balancer names its groups and says it faces only the VPC. */
const LB_GROUPS = "securityGroups" satisfies InputName<typeof TYPES.loadBalancer>;
const LB_INTERNAL = "internal" satisfies InputName<typeof TYPES.loadBalancer>;
const INGRESS_DOC = {
    name: "security-group-ingress-restricted",
    description:
        "No security group admits traffic from the internet (0.0.0.0/0, ::/0 or any /8-or-wider public block) except on a single allow-listed TCP port, and an entry-point port (443, or 80 where it only redirects to HTTPS) only on a group that protects an internet-facing load balancer and no datastore.",
    severity: "critical",
    category: "security",
    remediation:
        "Narrow the source: set `service:database.allowedCidrs` to your static egress ranges, or switch `service:reachability` to `private` (Vercel Secure Compute). Never open all protocols or a port range to the internet; a port that must be public goes into this rule's `allowedPublicPorts`, and HTTPS (443) belongs on a public load balancer's own group, never on a datastore's.",
} as const;
const INGRESS_CONFIG = {
    /** TCP ports that may be open to the internet on any group: Postgres, for public reachability behind forced TLS. */
    allowedPublicPorts: z.array(z.number().int().min(1).max(65535)).default([5432]),
    /** TCP ports open to the internet only on a group that protects an internet-facing load balancer and no datastore. */
    entryPointPorts: z.array(z.number().int().min(1).max(65535)).default([443]),
    /** Entry-point ports allowed only where every listener of those balancers on them redirects to HTTPS (plain HTTP's 80). */
    redirectOnlyPorts: z.array(z.number().int().min(1).max(65535)).default([80]),
};

/**
 * Each resource's own openings: anything but an allow-listed single TCP port fails here, before the stack
 * half can see what the group protects. An entry-point port (443) is left to the stack half.
 */
const ingressOnResources = resourceRule({
    ...INGRESS_DOC,
    types: [TYPES.securityGroup, TYPES.defaultSecurityGroup, TYPES.securityGroupRule, TYPES.ingressRule],
    config: INGRESS_CONFIG,
    validate(resource, config, report) {
        for (const o of openingsOf(resource, direct)) {
            const problem = judgeOpening(o, [...config.allowedPublicPorts, ...config.entryPointPorts, ...config.redirectOnlyPorts]);
            if (problem) report(`${resource.name} ${problem}`);
        }
    },
});

/**
 * What a group protects decides whether its entry-point port may face the internet: a public HTTPS listener is
 * the point of an internet-facing load balancer, and never of a database or cache. A group the stack attaches
 * to no internet-facing load balancer (or whose owner is not in the stack) gets no such allowance.
 */
const ingressOnGroups = stackRule({
    ...INGRESS_DOC,
    config: INGRESS_CONFIG,
    validate(resources, config, report) {
        const groups = resources.filter((r) => r.type === TYPES.securityGroup || r.type === TYPES.defaultSecurityGroup);
        for (const r of resources) {
            const entry = openingsOf(r, peek).filter((o) => {
                const port = singleTcpPort(o);
                return port !== undefined && [...config.entryPointPorts, ...config.redirectOnlyPorts].includes(port) && !config.allowedPublicPorts.includes(port);
            });
            if (entry.length === 0) continue;
            const group = r.type === TYPES.securityGroup || r.type === TYPES.defaultSecurityGroup ? r : groups.find((g) => refersTo(r, GROUP_REF, g, GROUP_IDS));
            const ports = [...new Set(entry.map(singleTcpPort))].join(", ");
            if (!group) {
                report(`${r.name} admits TCP ${ports} from the internet to a group that is not in this stack, so what it protects cannot be seen; only an internet-facing load balancer's own group may.`, ruleResource(r));
                continue;
            }
            const stores = resources.filter((s) => {
                const prop = DATASTORE_GROUPS[s.type as TypeToken];
                return prop !== undefined && refersTo(s, prop, group, GROUP_IDS);
            });
            const publicBalancers = resources.filter(
                // An `internal` unknown in the preview is counted as internet-facing: only an explicit true says otherwise.
                (b) => LOAD_BALANCERS.includes(b.type) && peek(b.props, LB_INTERNAL) !== true && refersTo(b, LB_GROUPS, group, GROUP_IDS),
            );
            if (stores.length > 0) {
                report(`${r.name} admits TCP ${ports} from the internet to ${group.name}, the security group of ${stores.map((s) => s.name).join(", ")}; a datastore is never an entry point.`, ruleResource(r));
            } else if (publicBalancers.length === 0) {
                report(`${r.name} admits TCP ${ports} from the internet to ${group.name}, which protects no internet-facing load balancer of this stack; only such a load balancer's own group may.`, ruleResource(r));
            } else {
                for (const port of new Set(entry.map(singleTcpPort))) {
                    if (port === undefined || !config.redirectOnlyPorts.includes(port)) continue;
                    for (const plain of plainListeners(publicBalancers, port, resources)) {
                        report(`${r.name} admits TCP ${port} from the internet to ${group.name}, where ${plain}; a port of plain HTTP may only redirect to HTTPS.`, ruleResource(r));
                    }
                }
            }
        }
    },
});

export const securityGroupIngressRestricted = resourceAndStackRule(ingressOnResources, ingressOnGroups);

const LISTENERS: readonly string[] = [TYPES.listener, TYPES.albListener];
const LISTENER_RULES: readonly string[] = [TYPES.listenerRule, TYPES.albListenerRule];
const LB_IDS = ["arn", "id"];

/** Whether every action of a list redirects to HTTPS (an unknown list is the stack's own and is not judged). */
function redirectsOnly(actions: unknown): boolean {
    if (actions === undefined) return true;
    const list = Array.isArray(actions) ? actions : [];
    return list.length > 0 && list.every((a) => peek(a, "type") === "redirect" && String(peek(a, "redirect", "protocol") ?? "").toUpperCase() === "HTTPS");
}

/** Listeners (and their rules) of `balancers` on `port` that answer with something other than a redirect to HTTPS. */
function plainListeners(balancers: PolicyResource[], port: number, resources: PolicyResource[]): string[] {
    const out: string[] = [];
    for (const listener of resources) {
        if (!LISTENERS.includes(listener.type) || Number(peek(listener.props, "port")) !== port) continue;
        if (!balancers.some((b) => refersTo(listener, "loadBalancerArn" satisfies InputName<typeof TYPES.listener>, b, LB_IDS))) continue;
        if (!redirectsOnly(peek(listener.props, "defaultActions"))) out.push(`listener ${listener.name} serves it instead of redirecting to HTTPS`);
        for (const rule of resources) {
            if (!LISTENER_RULES.includes(rule.type) || !refersTo(rule, "listenerArn" satisfies InputName<typeof TYPES.listenerRule>, listener, LB_IDS)) continue;
            if (!redirectsOnly(peek(rule.props, "actions"))) out.push(`listener rule ${rule.name} of ${listener.name} serves it instead of redirecting to HTTPS`);
        }
    }
    return out;
}

const STANDALONE_RULES: readonly string[] = [TYPES.securityGroupRule, TYPES.ingressRule, TYPES.egressRule];

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
        if (!(r.type === TYPES.egressRule || peekInput(r, TYPES.securityGroupRule, "type") === "egress")) continue;
        if (!refersTo(r, GROUP_REF, group, GROUP_IDS)) continue;
        const wide =
            r.type === TYPES.egressRule
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
        const groups = resources.filter((r) => r.type === TYPES.securityGroup);
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
        types: [TYPES.securityGroup],
        validate(resource) {
            declaredGroupLists.note(resource.urn, listsIn(resource.props, ["ingress", "egress"]));
        },
    }),
    stackRule({
        ...notMixedDoc,
        validate(resources, _config, report) {
            const groups = resources.filter((r) => r.type === TYPES.securityGroup || r.type === TYPES.defaultSecurityGroup);
            const rules = resources.filter((r) => STANDALONE_RULES.includes(r.type));
            if (groups.length === 0 || rules.length === 0) return;
            for (const group of groups) {
                const attached = rules.filter((r) => refersTo(r, GROUP_REF, group, GROUP_IDS));
                if (attached.length === 0) continue;
                const names = attached.map((r) => r.name).join(", ");
                if (group.type === TYPES.defaultSecurityGroup) {
                    report(`${group.name} is a DefaultSecurityGroup, which owns all its rules, yet ${names} add rules to it; each apply removes them again.`, ruleResource(group));
                } else {
                    const inline = declaredGroupLists.of(group.urn);
                    if (inline.length > 0) report(`${group.name} lists ${inline.join(" and ")} inline while ${names} also add rules to it; each apply removes or rewrites the other's rules.`, ruleResource(group));
                }
                const legacy = attached.filter((r) => r.type === TYPES.securityGroupRule);
                if (legacy.length > 0 && legacy.length < attached.length) {
                    report(`${group.name} takes rules from both aws.ec2.SecurityGroupRule (${legacy.map((r) => r.name).join(", ")}) and aws.vpc rule resources, which conflict.`, ruleResource(group));
                }
            }
        },
    }),
);

export const networkRules: Rule[] = [securityGroupIngressRestricted, datastoreEgressRestricted, securityGroupRulesNotMixed];
