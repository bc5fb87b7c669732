/**
 * The way `pulumi up` applies the Postgres bootstrap plan when Pulumi itself cannot reach the database
 * (`service:database.manageRoles: false`, private mode): a Lambda function in the database's subnets, invoked by
 * the deploy (docs/decisions/postgres-bootstrap.md).
 *
 * - Network: the function's group allows egress only to the database's group on 5432 and to the Secrets Manager
 *   endpoint's group on 443; the database's group admits it; the endpoint's group admits only it. No NAT, no route
 *   to the internet: the function reaches AWS only through the interface endpoint.
 * - Credentials: the function reads the RDS-managed master secret itself (IAM: that one secret, and kms:Decrypt on
 *   its key only through Secrets Manager). The role passwords travel in the invocation's input, a Pulumi secret.
 * - When it runs: terraform-provider-aws `aws_lambda_invocation` (internal/service/lambda/invocation.go, commit
 *   0133e9ef35552b7396cf6cbd9b98bccfd24c7c26, MPL-2.0) invokes on create and update; with the default
 *   `lifecycle_scope` CREATE_ONLY a change of `input` forces a new resource (customizeDiffInputChangeWithCreateOnlyScope),
 *   `triggers` is ForceNew, and delete invokes nothing. So a new password, connection limit, handler or driver
 *   replaces the invocation, which runs the plan again in the same `up`; removing it never touches the database.
 *   A function error fails the `up` with the function's error payload in the message (`invoke`), which is why
 *   the handler's errors carry no secret.
 */
import * as crypto from "node:crypto";
import * as aws from "../aws";
import * as pulumi from "@pulumi/pulumi";
import { POSTGRES_PORT } from "../network";
import type { ServiceContext } from "../context";
import { bundleArchive, bundleFiles } from "./archive";

/** The SQL the function runs, in order (databaseRoles.ts `bootstrapPlan` writes it; handler.js reads it). */
export interface BootstrapPlan {
    database: string;
    /** In database `postgres`: the roles, created when missing and brought to their attributes and memberships. */
    onServer: string[];
    /** Set after `onServer`; every role's password, also those unchanged (setting the same password again keeps it valid). */
    passwords: Array<{ role: string; password: string }>;
    /** Run when the database does not exist (CREATE DATABASE cannot run in a DO block). */
    createDatabase: string;
    /** In database `postgres`, after the database exists: its privileges. */
    afterDatabase: string[];
    /** In the app database: the schema and its grants. */
    inDatabase: string[];
}

/**
 * The newest Node.js runtime of @pulumi/aws 7.48's `aws.lambda.Runtime` (NodeJS24dX); AWS deprecates it on
 * 2028-04-30 (docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html, supported runtimes).
 */
export const BOOTSTRAP_RUNTIME = "nodejs24.x";
/**
 * The Node.js runtime ships Amazon's CA certificates (RDS's among them) at this path, and since Node.js 20 loads
 * them only when NODE_EXTRA_CA_CERTS names it (docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html, "CA
 * certificate loading"); the handler then verifies the database's certificate and name.
 */
export const RUNTIME_CA_BUNDLE = "/var/runtime/ca-cert.pem";
const HTTPS_PORT = 443;

export interface PostgresBootstrapArgs {
    /** The database's VPC, where the function and its Secrets Manager endpoint run. */
    vpcId: pulumi.Input<string>;
    /** The database's subnets; the function runs in all of them, the endpoint in the first (one hourly charge). */
    subnetIds: pulumi.Input<string>[];
    /** The database's security group (`Network.databaseSecurityGroupId`): it admits the function's own group, which may reach only Postgres. */
    databaseSecurityGroupId: pulumi.Input<string>;
    /** The instance's address. */
    host: pulumi.Input<string>;
    /** The instance's port (5432). */
    port: pulumi.Input<number>;
    /** The master user the function logs in as, with the password it reads from the master secret. */
    masterUsername: string;
    /** The RDS-managed master secret and the key that encrypts it: all the function may read. */
    masterSecretArn: pulumi.Input<string>;
    kmsKeyArn: pulumi.Input<string>;
    /** The SQL the function applies on every change: database, schema, roles and their connection limits. */
    plan: pulumi.Output<BootstrapPlan>;
    /** Days the function's log group keeps what little it writes (the runtime's start/end lines, errors). */
    logRetentionDays: number;
}

export class PostgresBootstrap extends pulumi.ComponentResource {
    /** What the last run reported (no secret): whether it created the database, how many passwords it set. */
    public readonly result: pulumi.Output<string>;

    constructor(name: string, args: PostgresBootstrapArgs, ctx: ServiceContext, opts?: pulumi.ComponentResourceOptions) {
        super("service:data:PostgresBootstrap", name, {}, opts);
        const child = { parent: this };
        const names = ctx.names;
        const functionName = names.postgres.bootstrapFunction;
        const region = aws.getRegionOutput({}, child).region;
        const partition = aws.getPartitionOutput({}, child).partition;

        const group = (slug: "postgres-bootstrap" | "secretsmanager-endpoint", description: string) =>
            new aws.ec2.SecurityGroup(`${name}-${slug}-sg`, { name: names.securityGroup(slug), description, vpcId: args.vpcId, tags: ctx.tags }, child);
        const functionGroup = group("postgres-bootstrap", `Postgres bootstrap function of ${ctx.prefix}: egress to the database and the Secrets Manager endpoint only`);
        const endpointGroup = group("secretsmanager-endpoint", `Secrets Manager endpoint of ${ctx.prefix}: HTTPS from the Postgres bootstrap function only`);
        const tcp = (port: number) => ({ ipProtocol: "tcp", fromPort: port, toPort: port, tags: ctx.tags });
        const rules = [
            new aws.vpc.SecurityGroupEgressRule(`${name}-to-database`, { securityGroupId: functionGroup.id, referencedSecurityGroupId: args.databaseSecurityGroupId, description: "Postgres", ...tcp(POSTGRES_PORT) }, child),
            new aws.vpc.SecurityGroupEgressRule(`${name}-to-endpoint`, { securityGroupId: functionGroup.id, referencedSecurityGroupId: endpointGroup.id, description: "Secrets Manager endpoint", ...tcp(HTTPS_PORT) }, child),
            new aws.vpc.SecurityGroupIngressRule(`${name}-database-from-function`, { securityGroupId: args.databaseSecurityGroupId, referencedSecurityGroupId: functionGroup.id, description: "Postgres bootstrap function", ...tcp(POSTGRES_PORT) }, child),
            new aws.vpc.SecurityGroupIngressRule(`${name}-endpoint-from-function`, { securityGroupId: endpointGroup.id, referencedSecurityGroupId: functionGroup.id, description: "Postgres bootstrap function", ...tcp(HTTPS_PORT) }, child),
        ];

        const role = new aws.iam.Role(
            `${name}-role`,
            {
                name: functionName,
                description: `Runs ${functionName}: reads the master secret of ${names.postgres.identifier}, nothing else`,
                // The execution-role trust AWS documents (Lambda developer guide, "Lambda execution role").
                assumeRolePolicy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
                }),
                tags: ctx.tags,
            },
            child,
        );
        // ENIs in the VPC and the function's own log streams: AWS's managed policy for exactly that.
        const vpcAccess = new aws.iam.RolePolicyAttachment(
            `${name}-vpc-access`,
            { role: role.name, policyArn: pulumi.interpolate`arn:${partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole` },
            child,
        );
        const readSecret = new aws.iam.RolePolicy(
            `${name}-master-secret`,
            {
                role: role.name,
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        { Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: args.masterSecretArn },
                        {
                            Effect: "Allow",
                            Action: "kms:Decrypt",
                            Resource: args.kmsKeyArn,
                            Condition: { StringEquals: { "kms:ViaService": pulumi.interpolate`secretsmanager.${region}.amazonaws.com` } },
                        },
                    ],
                }),
            },
            child,
        );

        const endpoint = new aws.ec2.VpcEndpoint(
            `${name}-secretsmanager`,
            {
                vpcId: args.vpcId,
                serviceName: pulumi.interpolate`com.amazonaws.${region}.secretsmanager`,
                vpcEndpointType: "Interface",
                // The SDK's default endpoint name resolves to the endpoint inside the VPC (needs the VPC's DNS support and hostnames, both on).
                privateDnsEnabled: true,
                subnetIds: [args.subnetIds[0]],
                securityGroupIds: [endpointGroup.id],
                // Only this function's role, only this secret, only reading it.
                policy: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Principal: { AWS: role.arn }, Action: "secretsmanager:GetSecretValue", Resource: args.masterSecretArn }],
                }),
                tags: { ...ctx.tags, Name: `${ctx.prefix}-secretsmanager` },
            },
            child,
        );

        const logGroup = new aws.cloudwatch.LogGroup(`${name}-logs`, { name: `/aws/lambda/${functionName}`, retentionInDays: args.logRetentionDays, tags: ctx.tags }, { ...child, ...ctx.stateful });
        const files = bundleFiles();
        const fn = new aws.lambda.Function(
            `${name}-function`,
            {
                name: functionName,
                description: `Applies the Postgres bootstrap plan of ${ctx.prefix} from inside the VPC; invoked by pulumi up`,
                role: role.arn,
                runtime: BOOTSTRAP_RUNTIME,
                handler: "index.handler",
                code: bundleArchive(files),
                timeout: 120,
                memorySize: 256,
                vpcConfig: { subnetIds: args.subnetIds, securityGroupIds: [functionGroup.id] },
                environment: { variables: { NODE_EXTRA_CA_CERTS: RUNTIME_CA_BUNDLE } },
                loggingConfig: { logFormat: "Text", logGroup: logGroup.name },
                tags: ctx.tags,
            },
            { ...child, dependsOn: [vpcAccess, logGroup] },
        );

        const input = pulumi.secret(
            pulumi.all([args.host, args.port, args.masterSecretArn, args.plan]).apply(([host, port, masterSecretArn, plan]) =>
                JSON.stringify({ host, port, masterUsername: args.masterUsername, masterSecretArn, plan }),
            ),
        );
        const invocation = new aws.lambda.Invocation(
            `${name}-run`,
            {
                functionName: fn.name,
                input,
                // A new handler or driver runs the plan again too; the plan's own changes already replace the invocation through `input`.
                triggers: { code: files.codeHash, plan: pulumi.secret(input.apply((i) => crypto.createHash("sha256").update(i).digest("hex"))) },
            },
            { ...child, dependsOn: [...rules, readSecret, endpoint] },
        );
        this.result = invocation.result;
        this.registerOutputs({ result: this.result });
    }
}
