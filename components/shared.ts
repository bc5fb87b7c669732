/**
 * What a Vercel team and an AWS account hold once, and every environment uses: the Vercel project (Vercel allows
 * one project per name per team) and the IAM OIDC provider for the team's Vercel issuer (IAM allows one provider
 * per issuer URL per account). The `shared` stack owns them; dev, staging and prod find them through a
 * StackReference (components/surroundings.ts), so neither environment's first deploy collides with the other's, in
 * either order.
 * Why this and not a lookup: docs/decisions/shared-singletons.md.
 */
import * as pulumi from "@pulumi/pulumi";
import * as vercel from "@pulumiverse/vercel";
import type { PlainServiceConfig } from "../config";
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

/** `<org>/<project>/shared` unless `service:sharedStack` names another stack. */
export function sharedStackName(config: PlainServiceConfig): string {
    return config.sharedStack ?? `${pulumi.getOrganization()}/${pulumi.getProject()}/${SHARED_ENVIRONMENT}`;
}
