/**
 * The usage the cost estimate assumes (`service:cost`), stated in the stack itself. A CrossGuard pack cannot read
 * stack config, but it sees every component's registered outputs, in a preview as well: this component is how the
 * budget rule (policies/rules/cost.ts) and the offline report price usage from the very same figures. It creates
 * nothing in any cloud.
 */
import * as pulumi from "@pulumi/pulumi";
import type { CostUsage } from "../contracts/usage";
import { USAGE_ASSUMPTIONS_TYPE } from "../contracts/tokens";

export interface CostAssumptionsArgs {
    /** `service:cost`, with the team's plan from `service:vercel.plan`. */
    usage: CostUsage;
    /** Region of the stack's AWS resources, for resources whose provider the pack cannot see. */
    region: string;
}

export class CostAssumptions extends pulumi.ComponentResource {
    constructor(name: string, args: CostAssumptionsArgs, opts?: pulumi.ComponentResourceOptions) {
        super(USAGE_ASSUMPTIONS_TYPE, name, {}, opts);
        this.registerOutputs({ usage: args.usage, region: args.region });
    }
}
