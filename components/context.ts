/**
 * What every component of a stack shares: the naming scheme, the tags, the stateful options and the
 * providers; never the config itself, which reaches a component only as its args (components/wiring.ts).
 * Built once in `index.ts`, passed to each component.
 */
import * as aws from "./aws";
import * as pulumi from "@pulumi/pulumi";
import type { PlainServiceConfig } from "../config";
import { PhysicalNames, physicalNames, resourceNameOf } from "../config/names";

export interface ServiceContext {
    /** `<service>-<environment>`: the prefix of every physical name, so dev and prod never collide. */
    prefix: string;
    /** Every physical name of the stack (config/names.ts), the same ones config validation checked against provider limits. */
    names: PhysicalNames;
    /** Tags every AWS resource carries (also applied as the AWS provider's default tags). */
    tags: Record<string, string>;
    /** The explicit AWS provider (region, account guard, default tags). */
    aws: aws.Provider;
    /** Options for stateful resources: protected and retained in prod, freely destroyable in dev. */
    stateful: pulumi.CustomResourceOptions;
}

export function requiredTags(config: PlainServiceConfig): Record<string, string> {
    return { service: config.name, environment: config.environment, owner: config.owner, "managed-by": "pulumi" };
}

/**
 * The context of a stack: prefix, tags, the explicit AWS provider and the stateful options. The provider
 * carries the account guard: a stack with `service:aws.accountId` refuses to run against any other account.
 */
export function createServiceContext(config: PlainServiceConfig): ServiceContext {
    const tags = requiredTags(config);
    const names = physicalNames(resourceNameOf(config), config.environment, config.database.engineVersion);
    return {
        prefix: names.prefix,
        names,
        tags,
        aws: new aws.Provider("aws", {
            region: config.aws.region as aws.Region,
            allowedAccountIds: config.aws.accountId ? [config.aws.accountId] : undefined,
            defaultTags: { tags },
        }),
        stateful: statefulOptions(config),
    };
}

/**
 * Resource options that keep data through mistakes: `protect` makes `pulumi destroy` and any replacement
 * fail, `retainOnDelete` leaves the cloud resource in place if it is ever removed from the program.
 */
export function statefulOptions(config: PlainServiceConfig): pulumi.CustomResourceOptions {
    return config.protectData ? { protect: true, retainOnDelete: true } : {};
}

/**
 * A component's options with the stack's AWS provider for its children: the SDK hands a component's `providers`
 * to every child constructed with `{ parent: this }` (and to invokes given the same), so no child names the
 * provider itself. Options the caller passes win.
 */
export function withAwsProvider(ctx: ServiceContext, opts?: pulumi.ComponentResourceOptions): pulumi.ComponentResourceOptions {
    return { providers: [ctx.aws], ...opts };
}
