/**
 * The data tier's network: a VPC spanning the configured availability zones, and one security group per
 * datastore.
 *
 * Reachability decides where Postgres lives:
 * - `public`: Vercel functions egress from dynamic IPs, so Postgres sits in public subnets behind an
 *   internet gateway and admits TCP 5432 from `service:database.allowedCidrs` only; TLS is forced by its
 *   parameter group (components/database.ts).
 * - `private`: Vercel Secure Compute. Datastores sit in private subnets with no route to the internet and
 *   admit only the VPC and the Secure Compute network. Vercel requests a VPC peering connection to this VPC
 *   (it can do so only once the VPC exists); the stack accepts it and routes the Secure Compute CIDR through
 *   it once `service:vercel.peeringConnectionId` is set.
 *
 * Neither datastore opens connections of its own, so their groups carry no egress rule (the provider removes
 * AWS's default allow-all egress when it creates a group); replies to admitted connections pass regardless,
 * since security groups are stateful.
 */
import * as aws from "./aws";
import * as pulumi from "@pulumi/pulumi";
import * as vercel from "@pulumiverse/vercel";
import { parseIpv4Cidr } from "../config/schema";
import { ServiceContext, withAwsProvider } from "./context";

/** Postgres's port; the only one the database group ever opens. */
export const POSTGRES_PORT = 5432;
/** Redis/Valkey's port; opened to the VPC (and the peered Secure Compute network) only. */
export const CACHE_PORT = 6379;

export interface SecureComputeArgs {
    /** Vercel team owning the network (`service:vercel.teamId`). */
    teamId: string;
    /** The Secure Compute network (`service:vercel.secureComputeNetworkId`); its CIDR is read from Vercel. */
    networkId: string;
    /**
     * The peering connection Vercel requested to this VPC (`service:vercel.peeringConnectionId`). Unset (the safe
     * default) on the first deploy: Vercel can only request peering once the VPC exists, so until then nothing is
     * accepted or routed and the app cannot reach the datastores yet.
     */
    peeringConnectionId?: string;
}

/** How the datastores are reached (`service:reachability`); see the module comment. */
export type Reachability =
    /** Postgres in public subnets, open to `databaseAllowedCidrs` only (`service:database.allowedCidrs`, no default: the stack file names them). */
    | { mode: "public"; databaseAllowedCidrs: string[] }
    /** Datastores in private subnets, open to the VPC and the Secure Compute network only. */
    | { mode: "private"; secureCompute: SecureComputeArgs };

export interface NetworkArgs {
    /** `public` (the presets' default) or `private`, with what each mode needs. */
    reachability: Reachability;
    /** IPv4 range of the VPC (`service:vpcCidr`, default 10.42.0.0/16); each subnet takes one eighth of it. */
    cidrBlock: string;
    /**
     * The zones the subnets span, by name (`service:availabilityZones` of the region's available zones, checked in
     * config/live.ts; 2 in dev, 3 in prod): one private subnet, and in public mode one public subnet, per zone.
     */
    zones: string[];
}

export class Network extends pulumi.ComponentResource {
    public readonly vpcId: pulumi.Output<string>;
    /** The VPC's IPv4 range, as configured. */
    public readonly vpcCidr: string;
    /** One private subnet per zone: no route to the internet. */
    public readonly privateSubnetIds: pulumi.Output<string>[];
    /** One public subnet per zone in public mode; empty in private mode. */
    public readonly publicSubnetIds: pulumi.Output<string>[] = [];
    /** Subnets for the DB subnet group: public ones in public mode, private ones in private mode. */
    public readonly databaseSubnetIds: pulumi.Output<string>[];
    /** Admits TCP 5432 from the allowed sources of the reachability mode. */
    public readonly databaseSecurityGroupId: pulumi.Output<string>;
    /** Admits TCP 6379 from the VPC and, in private mode, the Secure Compute network; never from the internet. */
    public readonly cacheSecurityGroupId: pulumi.Output<string>;
    /** CIDR of the Secure Compute network in private mode, as Vercel reports it. */
    public readonly secureComputeCidr?: pulumi.Output<string>;
    /** True when datastores are reachable only through the VPC (Secure Compute). */
    public readonly private: boolean;
    /**
     * The internet gateway (attached by its `vpcId`), the public route table and its subnet associations: what a
     * publicly accessible RDS instance must wait for, or AWS refuses it with InvalidVPCNetworkStateFault. Empty in
     * private mode.
     */
    public readonly publicRouting: pulumi.Resource[] = [];

    constructor(name: string, args: NetworkArgs, ctx: ServiceContext, opts?: pulumi.ComponentResourceOptions) {
        super("service:network:Network", name, {}, withAwsProvider(ctx, opts));
        const reach = args.reachability;
        this.private = reach.mode === "private";
        this.vpcCidr = args.cidrBlock;
        const vpc = this.createVpc(name, args, ctx);
        this.vpcId = vpc.id;
        const privateRoutes = new aws.ec2.RouteTable(`${name}-private-rt`, { vpcId: vpc.id, tags: tagged(ctx, "private") }, { parent: this });
        this.privateSubnetIds = this.createPrivateSubnets(name, args, vpc, privateRoutes, ctx);
        if (reach.mode === "public") this.createPublicSubnets(name, args, vpc, ctx);
        this.databaseSubnetIds = this.private ? this.privateSubnetIds : this.publicSubnetIds;
        if (reach.mode === "private") this.secureComputeCidr = this.peerSecureCompute(name, reach.secureCompute, privateRoutes, ctx);

        const internal: pulumi.Input<string>[] = [args.cidrBlock, ...(this.secureComputeCidr ? [this.secureComputeCidr] : [])];
        const databaseSources = reach.mode === "private" ? internal : reach.databaseAllowedCidrs;
        this.databaseSecurityGroupId = this.securityGroup(name, "postgres", "Postgres", POSTGRES_PORT, databaseSources, vpc.id, ctx);
        this.cacheSecurityGroupId = this.securityGroup(name, "cache", "Redis", CACHE_PORT, internal, vpc.id, ctx);

        this.registerOutputs({
            vpcId: this.vpcId,
            privateSubnetIds: this.privateSubnetIds,
            databaseSubnetIds: this.databaseSubnetIds,
            databaseSecurityGroupId: this.databaseSecurityGroupId,
            cacheSecurityGroupId: this.cacheSecurityGroupId,
        });
    }

    /** The VPC, and its default group stripped of AWS's allow-all rules, so nothing launched into the VPC by mistake is open. */
    private createVpc(name: string, args: NetworkArgs, ctx: ServiceContext) {
        const child = { parent: this };
        const vpc = new aws.ec2.Vpc(
            `${name}-vpc`,
            // DNS hostnames let a publicly accessible instance's endpoint resolve to its public address.
            { cidrBlock: args.cidrBlock, enableDnsSupport: true, enableDnsHostnames: true, tags: tagged(ctx, "vpc") },
            child,
        );
        new aws.ec2.DefaultSecurityGroup(`${name}-default-sg`, { vpcId: vpc.id, tags: tagged(ctx, "default-closed") }, child);
        return vpc;
    }

    /** One private subnet per zone, in the lower slots of the range, all on one route table without a way out. */
    private createPrivateSubnets(name: string, args: NetworkArgs, vpc: aws.ec2.Vpc, routes: aws.ec2.RouteTable, ctx: ServiceContext) {
        const child = { parent: this };
        return args.zones.map((zone, i) => {
            const subnet = new aws.ec2.Subnet(
                `${name}-private-${i}`,
                { vpcId: vpc.id, cidrBlock: subnetCidr(args.cidrBlock, i), availabilityZone: zone, mapPublicIpOnLaunch: false, tags: tagged(ctx, `private-${i}`) },
                child,
            );
            new aws.ec2.RouteTableAssociation(`${name}-private-${i}`, { subnetId: subnet.id, routeTableId: routes.id }, child);
            return subnet.id;
        });
    }

    /** Public mode: an internet gateway and one public subnet per zone routed through it, kept in `publicRouting`. */
    private createPublicSubnets(name: string, args: NetworkArgs, vpc: aws.ec2.Vpc, ctx: ServiceContext) {
        const child = { parent: this };
        const gateway = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: vpc.id, tags: tagged(ctx, "igw") }, child);
        const publicRoutes = new aws.ec2.RouteTable(
            `${name}-public-rt`,
            { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: gateway.id }], tags: tagged(ctx, "public") },
            child,
        );
        args.zones.forEach((zone, i) => {
            // Public subnets take the upper half of the range, so private subnets keep their CIDRs across modes.
            const subnet = new aws.ec2.Subnet(
                `${name}-public-${i}`,
                // No auto-assigned public IPs: only RDS, which asks for one itself, is meant to be public here.
                { vpcId: vpc.id, cidrBlock: subnetCidr(args.cidrBlock, SUBNET_SLOTS / 2 + i), availabilityZone: zone, mapPublicIpOnLaunch: false, tags: tagged(ctx, `public-${i}`) },
                child,
            );
            const association = new aws.ec2.RouteTableAssociation(`${name}-public-${i}`, { subnetId: subnet.id, routeTableId: publicRoutes.id }, child);
            this.publicSubnetIds.push(subnet.id);
            this.publicRouting.push(association);
        });
        this.publicRouting.push(gateway, publicRoutes);
    }

    /**
     * Private mode: the Secure Compute network's CIDR, read from Vercel; once Vercel's peering request is named,
     * it is accepted and the private route table sends that CIDR through it.
     */
    private peerSecureCompute(name: string, sc: SecureComputeArgs, privateRoutes: aws.ec2.RouteTable, ctx: ServiceContext) {
        const child = { parent: this };
        const cidr = vercel.getNetworkOutput({ id: sc.networkId, teamId: sc.teamId }, { parent: this }).cidr;
        if (sc.peeringConnectionId) {
            const peering = new aws.ec2.VpcPeeringConnectionAccepter(
                `${name}-secure-compute-peering`,
                { vpcPeeringConnectionId: sc.peeringConnectionId, autoAccept: true, tags: tagged(ctx, "vercel-secure-compute") },
                child,
            );
            new aws.ec2.Route(`${name}-secure-compute-route`, { routeTableId: privateRoutes.id, destinationCidrBlock: cidr, vpcPeeringConnectionId: peering.id }, child);
        } else {
            pulumi.log.warn(
                "Private reachability without service:vercel.peeringConnectionId: the VPC is ready, but Vercel functions cannot reach the datastores until the " +
                    "Secure Compute network's peering request to this VPC is accepted. Request peering in the Vercel dashboard, then set the pcx- id and run `pulumi up` again.",
                this,
            );
        }
        return cidr;
    }

    /** A group admitting TCP `port` from each source, one standalone rule per source (so each can be reviewed and exempted alone). */
    private securityGroup(name: string, slug: "postgres" | "cache", what: string, port: number, sources: pulumi.Input<string>[], vpcId: pulumi.Input<string>, ctx: ServiceContext) {
        const child = { parent: this };
        const group = new aws.ec2.SecurityGroup(
            `${name}-${slug}-sg`,
            { name: ctx.names.securityGroup(slug), description: `${what} of ${ctx.prefix}: TCP ${port} from its allowed sources only`, vpcId, tags: ctx.tags },
            child,
        );
        sources.forEach((cidrIpv4, i) => {
            new aws.vpc.SecurityGroupIngressRule(
                `${name}-${slug}-in-${i}`,
                { securityGroupId: group.id, ipProtocol: "tcp", fromPort: port, toPort: port, cidrIpv4, description: `${what} clients`, tags: ctx.tags },
                child,
            );
        });
        return group.id;
    }
}

/** The stack's tags, with a `Name` the console shows: `<prefix>-<suffix>`. */
function tagged(ctx: ServiceContext, suffix: string) {
    return { ...ctx.tags, Name: `${ctx.prefix}-${suffix}` };
}

/** Subnet slots the VPC range is cut into: three zones of private subnets and three of public ones fit in eight. */
const SUBNET_SLOTS = 8;

/**
 * The `index`-th of the eight equal subnets of `vpcCidr`. The schema admitted `service:vpcCidr` as a /16-/24 on its
 * network address (config/schema.ts), so it parses and has room for eight; the indexes are the zones' (at most three
 * private, three public).
 */
export function subnetCidr(vpcCidr: string, index: number): string {
    const { address, prefix } = parseIpv4Cidr(vpcCidr)!;
    const bits = Math.log2(SUBNET_SLOTS);
    const base = address + index * 2 ** (32 - prefix - bits);
    return `${[24, 16, 8, 0].map((s) => Math.floor(base / 2 ** s) % 256).join(".")}/${prefix + bits}`;
}
