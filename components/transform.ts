/**
 * SST's `transform` idea: a component's args may carry, per child resource, a hook that sees the child's args
 * and options just before the child is constructed and changes them in place. A stack changes one argument of
 * one child without editing (or forking) the component, and the policy pack judges the child as constructed,
 * so a hook that weakens a guarantee (say, RDS deletion protection in prod) is refused like any other change.
 */
import type * as pulumi from "@pulumi/pulumi";

/** Changes a child's `args` and `opts` in place; whatever it leaves there is what the child is constructed with. */
export type Transform<Args> = (args: Args, opts: pulumi.CustomResourceOptions) => void;

/** The args and options a child is constructed with, after its hook (if any) ran on them. */
export function transformed<Args, Opts extends pulumi.CustomResourceOptions>(hook: Transform<Args> | undefined, args: Args, opts: Opts): [Args, Opts] {
    hook?.(args, opts);
    return [args, opts];
}
