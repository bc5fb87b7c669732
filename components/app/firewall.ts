/**
 * Abuse protection at Vercel's edge: one custom firewall rule per `service:rateLimits` entry, so a flood of
 * chat, upload or sign-up requests is stopped before it reaches a function (or a paid model API).
 */
import * as pulumi from "@pulumi/pulumi";
import * as vercel from "@pulumiverse/vercel";
import type { RateLimitRule } from "../../config";

export interface EdgeFirewallArgs {
    /** The shared Vercel project whose firewall this is (one per project). */
    projectId: pulumi.Input<string>;
    /** The Vercel team (`service:vercel.teamId`, required), so nothing lands in a personal scope. */
    teamId: string;
    /** Rules in evaluation order; Vercel checks them top to bottom, so the presets list specific paths before `/api`. */
    rateLimits: RateLimitRule[];
    /** `protect`/`retainOnDelete` of the firewall's config (the stack's stateful options); none by default. */
    keep?: pulumi.CustomResourceOptions;
}

/** The FirewallConfig custom rules for `service:rateLimits` (pure, so tests can read it without a program). */
export function firewallRules(rateLimits: readonly RateLimitRule[]): vercel.types.input.FirewallConfigRulesRule[] {
    return rateLimits.map((r) => ({
        name: r.name,
        description: `${r.limit} requests per ${r.windowSeconds}s per ${r.key} under ${r.pathPrefix}, then ${r.action}`,
        active: true,
        conditionGroups: [{ conditions: [{ type: "path", op: "pre", value: r.pathPrefix }] }],
        action: {
            action: "rate_limit",
            rateLimit: { limit: r.limit, window: r.windowSeconds, keys: [r.key], algo: "fixed_window", action: r.action },
        },
    }));
}

export class EdgeFirewall extends pulumi.ComponentResource {
    public readonly config: vercel.FirewallConfig;

    constructor(name: string, args: EdgeFirewallArgs, opts?: pulumi.ComponentResourceOptions) {
        super("service:app:EdgeFirewall", name, {}, opts);
        this.config = new vercel.FirewallConfig(
            `${name}-config`,
            { projectId: args.projectId, teamId: args.teamId, enabled: true, rules: { rules: firewallRules(args.rateLimits) } },
            { parent: this, ...args.keep },
        );
        this.registerOutputs({ rules: args.rateLimits.map((r) => r.name) });
    }
}
