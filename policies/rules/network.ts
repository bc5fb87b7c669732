/**
 * Readiness rules: network. Nothing is open to the internet except the ports a reachability mode needs
 * (Postgres behind forced TLS in public mode), whichever resource type opens it.
 */
import { z } from "zod";
import { resourceRule, Rule } from "../lib/rule";

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

export const networkRules: Rule[] = [securityGroupIngressRestricted];
