// Generated from contracts/vercel.ts by `npm run pack-contracts` (scripts/pack-contracts.js): the pack is
// published on its own, so it carries its copy of what it shares with the program. Edit contracts/vercel.ts.
/**
 * Vercel's standard deployment targets: what a project variable's `targets`, a project's inline `environments[]`
 * `targets` and a Blob connection's `environments` accept (vercel/terraform-provider-vercel v5.4.1, bridged by
 * @pulumiverse/vercel 5.4.1: resource_project_environment_variable.go, resource_project.go and
 * resource_blob_project_connection.go, `stringvalidator.OneOf("production", "preview", "development")`); a
 * custom environment is named apart. No dependency at all (test/imports.test.ts).
 */
export const VERCEL_TARGETS = ["production", "preview", "development"] as const;

export type VercelTarget = (typeof VERCEL_TARGETS)[number];
