/**
 * For every hand-written provider validator: an input the provider refuses and one it accepts, placed at the
 * validator's property path. Keyed by `<type> <property> <rule>`; the validator test fails on a validator
 * without an example, so a new validator comes with both.
 */
export type Example = [bad: unknown, good: unknown];

const P = "vercel:index/project:Project";
const F = "vercel:index/firewallConfig:FirewallConfig";
const L = "vercel:index/logDrain:LogDrain";
const B = "vercel:index/blobStore:BlobStore";
const C = "vercel:index/blobProjectConnection:BlobProjectConnection";
const D = "vercel:index/projectDomain:ProjectDomain";
const E = "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable";

export const EXAMPLES: Record<string, Example> = {
    [`${P} name LengthBetween(1, 52)`]: ["a".repeat(53), "acme-chat"],
    [`${P} name RegexMatches(/^[a-z0-9-]{0,100}$/)`]: ["Acme_Chat", "acme-chat"],
    [`${P} nodeVersion OneOf("18.x", "20.x", "22.x", "24.x")`]: ["24", "24.x"],
    [`${P} environments[].targets[] OneOf("production", "preview", "development")`]: ["staging", "preview"],
    [`${P} environments[].targets SizeAtLeast(1)`]: [[], ["preview"]],
    [`${P} environments[].customEnvironmentIds SizeAtLeast(1)`]: [[], ["env_1"]],
    [`${P} environments[] AtLeastOneOf(targets, customEnvironmentIds)`]: [{ key: "A" }, { key: "A", targets: ["preview"] }],
    [`${P} environments[].comment LengthBetween(0, 1000)`]: ["x".repeat(1001), "why"],
    [`${P} gitRepository.type OneOf("github", "gitlab", "bitbucket")`]: ["gitea", "github"],
    [`${P} vercelAuthentication.deploymentType OneOf("standard_protection_new", "standard_protection", "all_deployments", "only_preview_deployments", "none")`]: [
        "standardProtectionNew",
        "standard_protection_new",
    ],
    [`${P} passwordProtection.password LengthBetween(1, 72)`]: ["p".repeat(73), "correct horse"],
    [`${P} passwordProtection.deploymentType OneOf("standard_protection_new", "standard_protection", "all_deployments", "only_preview_deployments")`]: ["none", "all_deployments"],
    [`${P} trustedIps.addresses SizeAtLeast(1)`]: [[], [{ value: "10.0.0.1" }]],
    [`${P} trustedIps.deploymentType OneOf("standard_protection_new", "standard_protection", "all_deployments", "only_production_deployments", "only_preview_deployments")`]: ["none", "only_production_deployments"],
    [`${P} trustedIps.protectionMode OneOf("trusted_ip_required", "trusted_ip_optional")`]: ["required", "trusted_ip_required"],
    [`${P} (inputs) ConflictsWith(previewComments, enablePreviewFeedback)`]: [{ previewComments: true, enablePreviewFeedback: true }, { enablePreviewFeedback: true }],
    [`${P} (inputs) ConflictsWith(serverless_function_region, resource_config.function_default_regions)`]: [
        { serverlessFunctionRegion: "iad1", resourceConfig: { functionDefaultRegions: ["iad1"] } },
        { resourceConfig: { functionDefaultRegions: ["iad1"] } },
    ],
    [`${P} skewProtection OneOf("30 minutes", "4 hours", "12 hours", "1 day", "7 days")`]: ["2 days", "1 day"],
    [`${P} resourceConfig.functionDefaultCpuType OneOf("standard_legacy", "standard", "performance")`]: ["turbo", "standard"],
    [`${P} resourceConfig.functionDefaultTimeout Between(1, 900)`]: [901, 60],
    [`${P} buildMachineType OneOf("standard", "enhanced", "turbo", "elastic")`]: ["large", "turbo"],

    [`${F} rules.rules UniqueValues()`]: [[{ name: "same" }, { name: "same" }], [{ name: "one1" }, { name: "two2" }]],
    [`${F} rules.rules[].name LengthBetween(4, 160)`]: ["api", "api-all"],
    [`${F} rules.rules[].description LengthAtMost(260)`]: ["d".repeat(261), "rate limit"],
    [`${F} rules.rules[].action.action OneOf("bypass", "log", "challenge", "deny", "rate_limit", "redirect")`]: ["rateLimit", "rate_limit"],
    [`${F} rules.rules[].action.rateLimit.action OneOf("bypass", "log", "challenge", "deny", "rate_limit")`]: ["redirect", "deny"],
    [`${F} rules.rules[].conditionGroups[].conditions[].type OneOf("host", "path", "method", "header", "query", "cookie", "target_path", "ip_address", "region", "protocol", "scheme", "environment", "user_agent", "geo_continent", "geo_country", "geo_country_region", "geo_city", "geo_as_number", "ja4_digest", "ja3_digest", "rate_limit_api_id")`]: [
        "url",
        "path",
    ],
    [`${F} rules.rules[].conditionGroups[].conditions[].op OneOf("re", "eq", "neq", "ex", "nex", "inc", "ninc", "pre", "suf", "sub", "gt", "gte", "lt", "lte")`]: ["prefix", "pre"],
    [`${F} rules.rules[].conditionGroups[].conditions[] ConflictsWith(value, values)`]: [{ value: "/a", values: ["/b"] }, { values: ["/a", "/b"] }],
    [`${F} ipRules.rules[].action OneOf("bypass", "log", "challenge", "deny")`]: ["rate_limit", "deny"],
    [`${F} managedRulesets ConflictsWith(botProtection, botFilter)`]: [{ botProtection: { active: true }, botFilter: { active: true } }, { botFilter: { active: true } }],

    [`${L} deliveryFormat OneOf("json", "ndjson")`]: ["csv", "ndjson"],
    [`${L} environments[] OneOf("production", "preview")`]: ["development", "production"],
    [`${L} environments SizeAtLeast(1)`]: [[], ["production"]],
    [`${L} headers SizeAtMost(5)`]: [{ a: "1", b: "2", c: "3", d: "4", e: "5", f: "6" }, { authorization: "x" }],
    [`${L} samplingRate Between(0, 1)`]: [1.5, 0.5],
    [`${L} secret LengthAtLeast(32)`]: ["short", "s".repeat(32)],
    [`${L} sources[] OneOf("static", "edge", "external", "build", "lambda", "firewall", "redirect")`]: ["functions", "lambda"],
    [`${L} sources SizeAtLeast(1)`]: [[], ["lambda"]],

    [`${B} access OneOf("public", "private")`]: ["internal", "private"],
    [`${B} region OneOf("arn1", "bom1", "cdg1", "cle1", "cpt1", "dub1", "dxb1", "fra1", "gru1", "hkg1", "hnd1", "iad1", "icn1", "kix1", "lhr1", "pdx1", "sfo1", "sin1", "syd1", "yul1")`]: [
        "us-east-1",
        "iad1",
    ],
    [`${C} envVarPrefix LengthAtLeast(1)`]: ["", "UPLOADS"],
    [`${C} environments SizeAtLeast(1)`]: [[], ["production"]],
    [`${C} environments[] OneOf("production", "preview", "development")`]: ["staging", "preview"],

    [`${D} redirectStatusCode OneOf(301, 302, 307, 308)`]: [303, 308],
    [`${D} (inputs) ConflictsWith(gitBranch, customEnvironmentId)`]: [{ gitBranch: "main", customEnvironmentId: "env_1" }, { gitBranch: "main" }],

    [`${E} targets[] OneOf("production", "preview", "development")`]: ["staging", "production"],
    [`${E} customEnvironmentIds SizeAtLeast(1)`]: [[], ["env_1"]],
    [`${E} (inputs) AtLeastOneOf(targets, customEnvironmentIds)`]: [{ key: "A", value: "1" }, { key: "A", value: "1", targets: ["preview"] }],
    [`${E} (inputs) ExactlyOneOf(value, valueWo)`]: [{ key: "A", targets: ["preview"] }, { key: "A", value: "1", targets: ["preview"] }],
    [`${E} comment LengthBetween(0, 1000)`]: ["c".repeat(1001), "why"],
};
