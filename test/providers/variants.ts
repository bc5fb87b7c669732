/**
 * Every combination the program can be configured into: both committed stacks, each storage and cache
 * backend, both reachability modes, every environment preset, with and without a log drain. The provider
 * tests run them all, so a resource type or input that only one combination registers is still checked.
 */
const secureCompute = (stack: string) => ({
    teamId: "team_acme",
    protectPreviews: true,
    secureComputeNetworkId: "net_acme",
    peeringConnectionId: "pcx-0123456789abcdef0",
    ...(stack === "prod" ? { domain: "chat.acme.example" } : {}),
});

export interface Variant {
    name: string;
    stack: "dev" | "prod";
    overrides: Record<string, unknown>;
}

const LOG_DRAIN = { endpoint: "https://logs.acme.example/vercel", deliveryFormat: "ndjson" };

export function variants(): Variant[] {
    const out: Variant[] = [];
    for (const stack of ["dev", "prod"] as const) {
        out.push({ name: `${stack}: committed`, stack, overrides: {} });
        out.push({ name: `${stack}: blob storage, log drain`, stack, overrides: { "service:storage": { backend: "blob" }, "service:logDrain": LOG_DRAIN } });
        const privateMode = { "service:reachability": "private", "service:vercel": secureCompute(stack), "service:cache": { backend: "elasticache" } };
        out.push({ name: `${stack}: private, ElastiCache, S3`, stack, overrides: privateMode });
        out.push({ name: `${stack}: private, ElastiCache, Blob`, stack, overrides: { ...privateMode, "service:storage": { backend: "blob" } } });
    }
    // Sentry kept by hand, and an adopted project alerting to Slack as well.
    out.push({ name: "prod: Sentry external", stack: "prod", overrides: { "service:sentry": { mode: "external" } } });
    out.push({
        name: "prod: Sentry project adopted, Slack alerts",
        stack: "prod",
        overrides: {
            // An override replaces the stack file's whole object.
            "service:sentry": {
                mode: "managed",
                organization: "acme",
                team: "platform-team",
                projectSlug: "legacy-web",
                adopt: true,
                alerts: { newIssues: true, errorRatePercent: 1, errorRateWindowMinutes: 5, serverErrorsPerWindow: 10, serverErrorsWindowMinutes: 5, slack: { integrationId: "123", channel: "#alerts" } },
            },
        },
    });
    // staging needs what prod needs (an account id and alert addresses), so it runs on the prod stack file.
    out.push({ name: "staging: public", stack: "prod", overrides: { "service:environment": "staging" } });
    out.push({
        // Blob cannot be connected to staging's custom environment (config/derived.ts refuses it), so staging stays on S3.
        name: "staging: private, log drain",
        stack: "prod",
        overrides: { "service:environment": "staging", "service:reachability": "private", "service:vercel": secureCompute("prod"), "service:cache": { backend: "elasticache" }, "service:logDrain": LOG_DRAIN },
    });
    return out;
}
