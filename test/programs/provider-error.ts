// A program whose inputs the Vercel provider refuses: the camelCase deployment type its SDK's doc comment shows,
// and a secret password longer than password protection allows.
import * as pulumi from "@pulumi/pulumi";
import * as vercel from "@pulumiverse/vercel";

const project = new vercel.Project("app", {
    name: "acme-chat",
    teamId: "team_acme",
    vercelAuthentication: { deploymentType: "standardProtectionNew" },
    passwordProtection: { deploymentType: "all_deployments", password: pulumi.secret("p".repeat(80)) },
});

export const projectId = project.id;
