/**
 * What a Vercel team and an AWS account hold once, and every environment uses: the Vercel project (Vercel allows
 * one project per name per team) and the IAM OIDC provider for the team's Vercel issuer (IAM allows one provider
 * per issuer URL per account). The `shared` stack owns them; dev, staging and prod find them through a
 * StackReference, so neither environment's first deploy collides with the other's, in either order.
 * Why this and not a lookup: docs/decisions/shared-singletons.md.
 */
import * as pulumi from "@pulumi/pulumi";
import * as vercel from "@pulumiverse/vercel";
import { ConfigError, PlainServiceConfig } from "../config";
import { SHARED_ENVIRONMENT } from "../config/presets";
import * as aws from "./aws";
import { ServiceContext, withAwsProvider } from "./context";

/** The shared stack's outputs the environments read (names are the contract between the stacks). */
export interface SharedOutputs {
    vercelProjectId: pulumi.Output<string>;
    vercelProjectName: pulumi.Output<string>;
    /** ARN of the account's OIDC provider for the team's Vercel issuer; empty when the shared stack's storage is Blob. */
    vercelOidcProviderArn: pulumi.Output<string>;
    /** The AWS account the shared stack deploys into, where its OIDC provider lives. */
    awsAccountId: pulumi.Output<string>;
}

export interface SharedSingletonsArgs {
    /** The project's name: shared by the environments, so named after the service (`service:vercel.projectName`, else `service:name`). */
    projectName: string;
    /** The Vercel team, framework, repository and preview protection of the project (`service:vercel`). */
    vercel: Pick<PlainServiceConfig["vercel"], "teamId" | "teamSlug" | "framework" | "gitRepository" | "protectPreviews">;
    /** `service:storage.backend`: only the s3 backend needs the account's OIDC provider. */
    storageBackend: PlainServiceConfig["storage"]["backend"];
}

export class SharedSingletons extends pulumi.ComponentResource {
    public readonly outputs: SharedOutputs;

    constructor(name: string, args: SharedSingletonsArgs, ctx: ServiceContext, opts?: pulumi.ComponentResourceOptions) {
        super("service:shared:SharedSingletons", name, {}, withAwsProvider(ctx, opts));
        const { vercel: settings } = args;
        // Every environment deploys from this project and this provider: protected and retained whatever the preset.
        const keep = { protect: true, retainOnDelete: true };
        const project = new vercel.Project(
            `${name}-project`,
            {
                // Shared by the environments, so it is named after the service, not the stack.
                name: args.projectName,
                teamId: settings.teamId,
                framework: settings.framework,
                gitRepository: settings.gitRepository ? { type: "github", repo: settings.gitRepository } : undefined,
                // Standard Protection: every deployment except the production domain needs a Vercel login with team access.
                // The provider accepts only its snake_case values (terraform-provider-vercel v5.4.1, bridged by
                // @pulumiverse/vercel 5.4.1: vercel/resource_project.go, vercel_authentication.deployment_type OneOf);
                // the SDK's doc comment shows a camelCase form that the provider rejects.
                vercelAuthentication: { deploymentType: settings.protectPreviews ? "standard_protection_new" : "none" },
                // Builds see the env vars, so a pull request from a fork builds only after a team member approves it.
                gitForkProtection: true,
            },
            { parent: this, ...keep },
        );

        const child = { parent: this };
        const accountId = aws.getCallerIdentityOutput({}, child).accountId;
        let providerArn: pulumi.Output<string> = pulumi.output("");
        if (args.storageBackend === "s3") {
            const teamSlug = settings.teamSlug ? pulumi.output(settings.teamSlug) : vercel.getTeamConfigOutput({ id: settings.teamId }, { parent: this }).slug;
            const provider = new aws.iam.OpenIdConnectProvider(
                `${name}-vercel-oidc`,
                { url: pulumi.interpolate`https://oidc.vercel.com/${teamSlug}`, clientIdLists: [pulumi.interpolate`https://vercel.com/${teamSlug}`], tags: ctx.tags },
                { ...child, ...keep },
            );
            providerArn = provider.arn;
        }
        this.outputs = { vercelProjectId: project.id, vercelProjectName: project.name, vercelOidcProviderArn: providerArn, awsAccountId: accountId };
        this.registerOutputs({ ...this.outputs });
    }
}

/** What an environment needs from the shared stack, read only when the stack's config does not name it itself. */
export interface SharedReferences {
    vercelProjectId: string;
    /** Undefined when this stack creates its account's provider (`service:storage.ownOidcProvider`) or uses Blob. */
    oidcProviderArn?: string;
}

/** `<org>/<project>/shared` unless `service:sharedStack` names another stack. */
export function sharedStackName(config: PlainServiceConfig): string {
    return config.sharedStack ?? `${pulumi.getOrganization()}/${pulumi.getProject()}/${SHARED_ENVIRONMENT}`;
}

/**
 * The shared singletons an environment uses: the ids its config pins (`service:vercel.projectId`,
 * `service:storage.oidcProviderArn`), else the shared stack's outputs. Awaited before the environment registers
 * anything of its own, so a shared stack that is missing, or in another AWS account, is a clear error and not a
 * half-created stack; a StackReference is read in previews too, so the values are known at preview.
 */
export async function sharedReferences(config: PlainServiceConfig, ownAccountId: () => Promise<string>): Promise<SharedReferences> {
    const needsProvider = config.storage.backend === "s3" && !config.storage.oidcProviderArn && !config.storage.ownOidcProvider;
    if (config.vercel.projectId && !needsProvider) {
        return { vercelProjectId: config.vercel.projectId, oidcProviderArn: config.storage.oidcProviderArn };
    }
    const name = sharedStackName(config);
    const ref = new pulumi.StackReference(SHARED_ENVIRONMENT, { name });
    const read = async (output: keyof SharedOutputs): Promise<string> => {
        const details = await ref.getOutputDetails(output);
        const value = details.value ?? details.secretValue;
        if (typeof value !== "string") {
            throw new ConfigError([
                {
                    key: "service:sharedStack",
                    given: JSON.stringify(name),
                    expected: `a deployed shared stack that exports ${output}: run \`pulumi up\` on the ${SHARED_ENVIRONMENT} stack first, or name it here`,
                },
            ]);
        }
        return value;
    };
    let oidcProviderArn = config.storage.oidcProviderArn;
    if (needsProvider) {
        const [arn, sharedAccount, own] = await Promise.all([read("vercelOidcProviderArn"), read("awsAccountId"), ownAccountId()]);
        if (!arn || sharedAccount !== own) {
            throw new ConfigError([
                {
                    key: "service:storage.ownOidcProvider",
                    given: "false",
                    expected: !arn
                        ? `true: the shared stack ${name} created no OIDC provider (its storage backend is not s3)`
                        : `true: this stack deploys into AWS account ${own}, the shared stack ${name} into ${sharedAccount}; an account's first stack creates its own provider (or name an existing one in service:storage.oidcProviderArn)`,
                },
            ]);
        }
        oidcProviderArn = arn;
    }
    return { vercelProjectId: config.vercel.projectId ?? (await read("vercelProjectId")), oidcProviderArn };
}
