/**
 * Input validators of terraform-provider-vercel v5.4.1, the version @pulumiverse/vercel 5.4.1 bridges
 * (pulumiverse/pulumi-vercel#415 "Upgrade terraform-provider-vercel to v5.4.1"; tag v5.4.1 is commit fe752432,
 * MPL-2.0). Each is the plugin-framework validator, ConfigValidator or plan-time check of the attribute named,
 * in the SDK's property names; `vercelCoverage` lists every validator-bearing attribute of the types the program
 * registers, with the schema lines read.
 */
import {
    atLeastOneOf,
    between,
    conflictsWith,
    exactlyOneOf,
    field,
    lengthAtLeast,
    lengthAtMost,
    lengthBetween,
    matches,
    object,
    oneOf,
    relation,
    sizeAtLeast,
    sizeAtMost,
    sizeBetween,
    uniqueValues,
    Validator,
} from "./validator";
import type { TypeCoverage } from "./types";
import { containsUnknown, isSet, isUnknownAt, plain, select } from "./values";
import { VERCEL_TARGETS } from "../../contracts/vercel";
import { TYPES } from "../../contracts/tokens";

const src = (file: string) => `vercel/terraform-provider-vercel vercel/${file} v5.4.1`;

const PROJECT = TYPES.vercelProject;
const FIREWALL = TYPES.firewall;
const LOG_DRAIN = TYPES.logDrain;
const BLOB_STORE = TYPES.blobStore;
const BLOB_CONNECTION = TYPES.blobConnection;
const DOMAIN = TYPES.projectDomain;
const ENV_VAR = TYPES.envVar;
const CUSTOM_ENVIRONMENT = TYPES.customEnvironment;

const project = src("resource_project.go");
const firewall = src("resource_firewall_config.go");
const logDrain = src("resource_log_drain.go");
const envVar = src("resource_project_environment_variable.go");
const customEnvironment = src("resource_custom_environment.go");
const projectValidators = src("resource_project_validators.go");

/**
 * ModifyPlan of vercel_project (resource_project.go L2311-2381) and vercel_project_environment_variable
 * (resource_project_environment_variable.go L218-241): a variable whose targets include `development` and whose
 * `sensitive` is not explicitly false is refused before any API call ("Environment variables targeting
 * `development` must explicitly set `sensitive = false`."). An unknown target list or flag is not judged.
 */
const developmentNotSensitive = relation("ModifyPlan: a variable targeting development must set sensitive = false", (o, at) => {
    const v = o.value as Record<string, unknown>;
    if (isUnknownAt(v, "targets") || isUnknownAt(v, "sensitive") || !isSet(v, "targets") || containsUnknown(v.targets)) return [];
    const targets = plain(v.targets);
    if (!Array.isArray(targets) || !targets.includes("development")) return [];
    // `sensitive` is Required in v5.4.1: without it the plan stops at that error, which the required-input check reports.
    return !isSet(v, "sensitive") || plain(v.sensitive) === false
        ? []
        : [{ property: at("sensitive"), message: `${at("sensitive")}: environment variables targeting \`development\` must explicitly set \`sensitive = false\`` }];
});

/** trustedSourcesEnvMatcherResourceSchema (resource_project.go L735-761): `slugs` or `preset`, a few slugs, one preset. */
const envMatcher = (at: string): Validator[] => [
    field(PROJECT, `${at}.slugs`, project, sizeBetween(1, 10, "SizeAtLeast(1), SizeAtMost(10)")),
    field(PROJECT, `${at}.preset`, project, oneOf("all-custom")),
    object(PROJECT, at, project, atLeastOneOf("slugs", "preset")),
];

export const vercelValidators: Validator[] = [
    // vercel_project
    field(PROJECT, "name", project, lengthBetween(1, 52)),
    field(PROJECT, "name", project, matches(/^[a-z0-9-]{0,100}$/, "the name of a Project can only contain up to 100 alphanumeric lowercase characters and hyphens")),
    field(PROJECT, "nodeVersion", project, oneOf("18.x", "20.x", "22.x", "24.x")),
    field(PROJECT, "environments[].targets[]", project, oneOf(...VERCEL_TARGETS)),
    field(PROJECT, "environments[].targets", project, sizeAtLeast(1)),
    field(PROJECT, "environments[].customEnvironmentIds", project, sizeAtLeast(1)),
    object(PROJECT, "environments[]", project, atLeastOneOf("targets", "customEnvironmentIds")),
    field(PROJECT, "environments[].comment", project, lengthBetween(0, 1000)),
    field(PROJECT, "gitRepository.type", project, oneOf("github", "gitlab", "bitbucket")),
    field(PROJECT, "vercelAuthentication.deploymentType", project, oneOf("standard_protection_new", "standard_protection", "all_deployments", "only_preview_deployments", "none")),
    field(PROJECT, "passwordProtection.password", project, lengthBetween(1, 72)),
    field(PROJECT, "passwordProtection.deploymentType", project, oneOf("standard_protection_new", "standard_protection", "all_deployments", "only_preview_deployments")),
    field(PROJECT, "trustedIps.addresses", project, sizeAtLeast(1)),
    field(PROJECT, "trustedIps.deploymentType", project, oneOf("standard_protection_new", "standard_protection", "all_deployments", "only_production_deployments", "only_preview_deployments")),
    field(PROJECT, "trustedIps.protectionMode", project, oneOf("trusted_ip_required", "trusted_ip_optional")),
    object(PROJECT, "", project, conflictsWith("previewComments", "enablePreviewFeedback")),
    object(
        PROJECT,
        "",
        project,
        relation("ConflictsWith(serverlessFunctionRegion, resourceConfig.functionDefaultRegions)", (o, at) =>
            isSet(o.value, "serverlessFunctionRegion") && select(o.value as Record<string, unknown>, "resourceConfig.functionDefaultRegions").length > 0
                ? [`${at("serverlessFunctionRegion")} conflicts with ${at("resourceConfig.functionDefaultRegions")}: set only one`]
                : [],
        ),
    ),
    field(PROJECT, "skewProtection", project, oneOf("30 minutes", "4 hours", "12 hours", "1 day", "7 days")),
    field(PROJECT, "resourceConfig.functionDefaultCpuType", project, oneOf("standard_legacy", "standard", "performance")),
    field(PROJECT, "resourceConfig.functionDefaultTimeout", project, between(1, 900)),
    field(PROJECT, "buildMachineType", project, oneOf("standard", "enhanced", "turbo", "elastic")),
    object(PROJECT, "environments[]", project, developmentNotSensitive),
    field(PROJECT, "trustedSources.projects", project, sizeAtMost(100)),
    field(PROJECT, "trustedSources.projects[].projectId", project, lengthBetween(1, 64)),
    field(PROJECT, "trustedSources.projects[].label", project, lengthBetween(1, 100)),
    field(PROJECT, "trustedSources.projects[].customAllows", project, sizeBetween(1, 20, "SizeAtLeast(1), SizeAtMost(20)")),
    ...envMatcher("trustedSources.projects[].customAllows[].from"),
    ...envMatcher("trustedSources.projects[].customAllows[].to"),
    field(PROJECT, "trustedSources.externalSources[].issuer", project, lengthBetween(1, 512)),
    field(PROJECT, "trustedSources.externalSources[].label", project, lengthBetween(1, 100)),
    ...envMatcher("trustedSources.externalSources[].to"),
    field(PROJECT, "oidcTokenConfig.issuerMode", project, oneOf("team", "global")),
    field(PROJECT, "optionsAllowlist.paths", project, sizeAtLeast(1)),
    // ConfigValidators: fluidComputeBasicCPUValidator. Unknown values count as unset there (UnhandledUnknownAsEmpty),
    // so an unknown never fails it, as here.
    object(
        PROJECT,
        "resourceConfig",
        projectValidators,
        relation("fluidComputeBasicCPUValidator (fluid, functionDefaultCpuType)", (o, at) => {
            const rc = o.value as Record<string, unknown>;
            if (isUnknownAt(rc, "fluid") || isUnknownAt(rc, "functionDefaultCpuType")) return [];
            return plain(rc.fluid) === true && plain(rc.functionDefaultCpuType) === "standard_legacy"
                ? [{ property: at("functionDefaultCpuType"), message: `${at("functionDefaultCpuType")}: fluid compute is only supported with the standard or performance CPU types, not "standard_legacy"` }]
                : [];
        }),
    ),

    // vercel_firewall_config
    field(FIREWALL, "rules.rules", firewall, uniqueValues),
    field(FIREWALL, "rules.rules[].name", firewall, lengthBetween(4, 160)),
    field(FIREWALL, "rules.rules[].description", firewall, lengthAtMost(260)),
    field(FIREWALL, "rules.rules[].action.action", firewall, oneOf("bypass", "log", "challenge", "deny", "rate_limit", "redirect")),
    field(FIREWALL, "rules.rules[].action.rateLimit.action", firewall, oneOf("bypass", "log", "challenge", "deny", "rate_limit")),
    field(
        FIREWALL,
        "rules.rules[].conditionGroups[].conditions[].type",
        firewall,
        oneOf(
            "host", "path", "method", "header", "query", "cookie", "target_path", "ip_address", "region", "protocol", "scheme", "environment",
            "user_agent", "geo_continent", "geo_country", "geo_country_region", "geo_city", "geo_as_number", "ja4_digest", "ja3_digest", "rate_limit_api_id",
        ),
    ),
    field(FIREWALL, "rules.rules[].conditionGroups[].conditions[].op", firewall, oneOf("re", "eq", "neq", "ex", "nex", "inc", "ninc", "pre", "suf", "sub", "gt", "gte", "lt", "lte")),
    object(FIREWALL, "rules.rules[].conditionGroups[].conditions[]", firewall, conflictsWith("value", "values")),
    field(FIREWALL, "ipRules.rules[].action", firewall, oneOf("bypass", "log", "challenge", "deny")),
    object(FIREWALL, "managedRulesets", firewall, conflictsWith("botProtection", "botFilter")),

    // vercel_log_drain
    field(LOG_DRAIN, "deliveryFormat", logDrain, oneOf("json", "ndjson")),
    field(LOG_DRAIN, "environments[]", logDrain, oneOf("production", "preview")),
    field(LOG_DRAIN, "environments", logDrain, sizeAtLeast(1)),
    field(LOG_DRAIN, "headers", logDrain, sizeAtMost(5)),
    field(LOG_DRAIN, "samplingRate", logDrain, between(0, 1)),
    field(LOG_DRAIN, "secret", logDrain, lengthAtLeast(32)),
    field(LOG_DRAIN, "sources[]", logDrain, oneOf("static", "edge", "external", "build", "lambda", "firewall", "redirect")),
    field(LOG_DRAIN, "sources", logDrain, sizeAtLeast(1)),

    // vercel_blob_store
    field(BLOB_STORE, "access", src("resource_blob_store.go"), oneOf("public", "private")),
    field(
        BLOB_STORE,
        "region",
        src("blob_shared.go"),
        oneOf("arn1", "bom1", "cdg1", "cle1", "cpt1", "dub1", "dxb1", "fra1", "gru1", "hkg1", "hnd1", "iad1", "icn1", "kix1", "lhr1", "pdx1", "sfo1", "sin1", "syd1", "yul1"),
    ),

    // vercel_blob_project_connection
    field(BLOB_CONNECTION, "envVarPrefix", src("resource_blob_project_connection.go"), lengthAtLeast(1)),
    field(BLOB_CONNECTION, "environments", src("resource_blob_project_connection.go"), sizeAtLeast(1)),
    field(BLOB_CONNECTION, "environments[]", src("resource_blob_project_connection.go"), oneOf(...VERCEL_TARGETS)),

    // vercel_project_domain
    field(DOMAIN, "redirectStatusCode", src("resource_project_domain.go"), oneOf(301, 302, 307, 308)),
    object(DOMAIN, "", src("resource_project_domain.go"), conflictsWith("gitBranch", "customEnvironmentId")),

    // vercel_project_environment_variable
    field(ENV_VAR, "targets[]", envVar, oneOf(...VERCEL_TARGETS)),
    field(ENV_VAR, "customEnvironmentIds", envVar, sizeAtLeast(1)),
    object(ENV_VAR, "", envVar, atLeastOneOf("targets", "customEnvironmentIds")),
    object(ENV_VAR, "", envVar, exactlyOneOf("value", "valueWo")),
    field(ENV_VAR, "comment", envVar, lengthBetween(0, 1000)),
    object(ENV_VAR, "", envVar, developmentNotSensitive),

    // vercel_custom_environment
    field(CUSTOM_ENVIRONMENT, "name", customEnvironment, lengthBetween(1, 32)),
    field(CUSTOM_ENVIRONMENT, "name", customEnvironment, matches(/^[a-z0-9-]{0,32}$/, "The name of a Custom Environment can only contain up to 32 alphanumeric lowercase characters and hyphens")),
    field(CUSTOM_ENVIRONMENT, "branchTracking.pattern", customEnvironment, lengthBetween(1, 100)),
    field(CUSTOM_ENVIRONMENT, "branchTracking.type", customEnvironment, oneOf("startsWith", "endsWith", "equals")),

    // The provider's own configuration: Configure refuses a token without 24 alphanumerics in a row. A token left
    // to VERCEL_API_TOKEN is not visible here, so only a configured one is checked.
    field("pulumi:providers:vercel", "apiToken", src("provider.go"), matches(/[0-9a-zA-Z]{24}/, "api_token (VERCEL_API_TOKEN) must be 24 characters and only contain characters 0-9 and a-f")),
];

const FETCHED = "fetched from Vercel during the plan; the list is Vercel's and changes, and is not in the provider source";
const TEAM_POLICY = "reads the team's sensitive-variable policy from Vercel's API (GET /v2/teams/{id}) during the plan; the program follows it from `service:vercel.enforcesSensitiveEnvVars` (components/app/project.ts splitForVercel)";
const readAt = (file: string, lines: string) => `vercel/terraform-provider-vercel vercel/${file} v5.4.1 (fe752432) ${lines}`;

/** Every validator-bearing attribute of the Vercel types the program registers, read at tag v5.4.1. */
export const vercelCoverage: Record<string, TypeCoverage> = {
    [PROJECT]: {
        source: readAt("resource_project.go", "Schema L86-761, ConfigValidators L763-767 (resource_project_validators.go L21-61), ModifyPlan L2311-2381"),
        attributes: [
            { path: "name", declared: "LengthBetween(1, 52), RegexMatches(^[a-z0-9\\-]{0,100}$) (L95-101)" },
            { path: "serverlessFunctionRegion", declared: "ConflictsWith(resource_config.function_default_regions) (L121-127)" },
            { path: "serverlessFunctionRegion (region list)", declared: "validateServerlessFunctionRegion(): http.Get https://dcs.vercel-infra.com (validator_serverless_function_region.go L51)", exception: FETCHED },
            { path: "nodeVersion", declared: "OneOf(18.x, 20.x, 22.x, 24.x) (L133-139)" },
            { path: "environments[].targets", declared: "SizeAtLeast(1), AtLeastOneOf(target, custom_environment_ids) (L151-158)" },
            { path: "environments[].targets[]", declared: "ValueStringsAre(OneOf(production, preview, development)) (L152)" },
            { path: "environments[].customEnvironmentIds", declared: "SizeAtLeast(1), AtLeastOneOf(target, custom_environment_ids) (L168-175)" },
            { path: "environments[].comment", declared: "LengthBetween(0, 1000) (L206-208)" },
            { path: "environments[].sensitive", declared: "ModifyPlan: targeting development requires sensitive = false (L2327-2379)" },
            { path: "environments[].sensitive (team policy)", declared: "ModifyPlan: team SensitiveEnvironmentVariablePolicy \"on\" requires sensitive = true (L2362-2380)", exception: TEAM_POLICY },
            { path: "framework", declared: "validateFramework(): http.Get https://api-frameworks.zeit.sh/ (validator_framework.go L41)", exception: FETCHED },
            { path: "gitRepository.type", declared: "OneOf(github, gitlab, bitbucket) (L228-230)" },
            { path: "vercelAuthentication.deploymentType", declared: "OneOf(standard_protection_new, standard_protection, all_deployments, only_preview_deployments, none) (L280-282)" },
            { path: "passwordProtection.password", declared: "LengthBetween(1, 72) (L294-296)" },
            { path: "passwordProtection.deploymentType", declared: "OneOf(standard_protection_new, standard_protection, all_deployments, only_preview_deployments) (L302-304)" },
            { path: "trustedIps.addresses", declared: "SizeAtLeast(1) (L329-331)" },
            { path: "trustedIps.deploymentType", declared: "OneOf(standard_protection_new, standard_protection, all_deployments, only_production_deployments, only_preview_deployments) (L337-339)" },
            { path: "trustedIps.protectionMode", declared: "OneOf(trusted_ip_required, trusted_ip_optional) (L347-349)" },
            { path: "trustedSources.projects", declared: "SizeAtMost(100) (L389-391)" },
            { path: "trustedSources.projects[].projectId", declared: "LengthBetween(1, 64) (L365-367)" },
            { path: "trustedSources.projects[].label", declared: "LengthBetween(1, 100) (L372-374)" },
            { path: "trustedSources.projects[].customAllows", declared: "SizeAtLeast(1), SizeAtMost(20) (L382-385)" },
            ...["trustedSources.projects[].customAllows[].from", "trustedSources.projects[].customAllows[].to", "trustedSources.externalSources[].to"].flatMap((m) => [
                { path: `${m}.slugs`, declared: "SizeAtLeast(1), SizeAtMost(10), AtLeastOneOf(slugs, preset) (L740-747)" },
                { path: `${m}.preset`, declared: "OneOf(all-custom), AtLeastOneOf(slugs, preset) (L752-758)" },
            ]),
            { path: "trustedSources.externalSources[].issuer", declared: "LengthBetween(1, 512) (L401-403)" },
            { path: "trustedSources.externalSources[].label", declared: "LengthBetween(1, 100) (L408-410)" },
            { path: "oidcTokenConfig.issuerMode", declared: "OneOf(team, global) (L438-440)" },
            { path: "optionsAllowlist.paths", declared: "SizeAtLeast(1) (L468-470)" },
            { path: "previewComments", declared: "ConflictsWith(preview_comments, enable_preview_feedback) (L572-575)" },
            { path: "enablePreviewFeedback", declared: "ConflictsWith(preview_comments, enable_preview_feedback) (L581-584)" },
            { path: "skewProtection", declared: "OneOf(30 minutes, 4 hours, 12 hours, 1 day, 7 days) (L649-651)" },
            { path: "resourceConfig.functionDefaultCpuType", declared: "OneOf(standard_legacy, standard, performance) (L663-665)" },
            { path: "resourceConfig.functionDefaultTimeout", declared: "AtLeast(1), AtMost(900) (L672-675)" },
            { path: "(inputs)", declared: "resource_config.function_default_regions: ConflictsWith(serverless_function_region) (L687-690)" },
            { path: "resourceConfig.functionDefaultRegions[]", declared: "ValueStringsAre(validateServerlessFunctionRegion()) (L684-686)", exception: FETCHED },
            { path: "resourceConfig.fluid", declared: "ConfigValidators fluidComputeBasicCPUValidator: fluid with function_default_cpu_type standard_legacy" },
            { path: "buildMachineType", declared: "OneOf(standard, enhanced, turbo, elastic) (L711-713)" },
        ],
    },
    [ENV_VAR]: {
        source: readAt("resource_project_environment_variable.go", "Schema L62-174, ModifyPlan L218-282"),
        attributes: [
            { path: "targets", declared: "AtLeastOneOf(custom_environment_ids, target) (L87-93)" },
            { path: "targets[]", declared: "ValueStringsAre(OneOf(production, preview, development)) (L88)" },
            { path: "customEnvironmentIds", declared: "SizeAtLeast(1), AtLeastOneOf(custom_environment_ids, target) (L101-107)" },
            { path: "value", declared: "ExactlyOneOf(value, value_wo) (L118-123)" },
            { path: "valueWo", declared: "ExactlyOneOf(value, value_wo) (L130-135)" },
            { path: "comment", declared: "LengthBetween(0, 1000) (L167-169)" },
            { path: "sensitive", declared: "ModifyPlan: targeting development requires sensitive = false (L230-241)" },
            { path: "sensitive (team policy)", declared: "ModifyPlan: team SensitiveEnvironmentVariablePolicy \"on\" requires sensitive = true (L243-281)", exception: TEAM_POLICY },
        ],
    },
    [DOMAIN]: {
        source: readAt("resource_project_domain.go", "Schema L60-128"),
        attributes: [
            { path: "redirectStatusCode", declared: "int64validator.OneOf(301, 302, 307, 308) (L99-101)" },
            { path: "gitBranch", declared: "ConflictsWith(custom_environment_id, git_branch) (L106-110)" },
            { path: "customEnvironmentId", declared: "ConflictsWith(custom_environment_id, git_branch) (L116-120)" },
        ],
    },
    [CUSTOM_ENVIRONMENT]: {
        source: readAt("resource_custom_environment.go", "Schema L57-131"),
        attributes: [
            { path: "name", declared: "LengthBetween(1, 32), RegexMatches(^[a-z0-9\\-]{0,32}$) (L90-97)" },
            { path: "branchTracking.pattern", declared: "LengthBetween(1, 100) (L114-116)" },
            { path: "branchTracking.type", declared: "OneOf(startsWith, endsWith, equals) (L121-123)" },
        ],
    },
    [FIREWALL]: {
        source: readAt("resource_firewall_config.go", "Schema L60-470 (no ConfigValidators or ModifyPlan)"),
        attributes: [
            { path: "managedRulesets.botProtection", declared: "objectvalidator.ConflictsWith(bot_filter) (L189-191)" },
            { path: "managedRulesets.botFilter", declared: "objectvalidator.ConflictsWith(bot_protection) (L204-206)" },
            { path: "rules.rules", declared: "listvalidator.UniqueValues() (L233-235)" },
            { path: "rules.rules[].name", declared: "LengthBetween(4, 160) (L244-246)" },
            { path: "rules.rules[].description", declared: "LengthAtMost(260) (L250-252)" },
            { path: "rules.rules[].action.action", declared: "OneOf(bypass, log, challenge, deny, rate_limit, redirect) (L265-267)" },
            { path: "rules.rules[].action.rateLimit.action", declared: "OneOf(bypass, log, challenge, deny, rate_limit) (L293-295)" },
            { path: "rules.rules[].conditionGroups[].conditions[].type", declared: "OneOf(host, path, method, ... rate_limit_api_id) (L330-353)" },
            { path: "rules.rules[].conditionGroups[].conditions[].op", declared: "OneOf(re, eq, neq, ex, nex, inc, ninc, pre, suf, sub, gt, gte, lt, lte) (L359-376)" },
            { path: "rules.rules[].conditionGroups[].conditions[].value", declared: "ConflictsWith(values, value) (L387-391)" },
            { path: "rules.rules[].conditionGroups[].conditions[].values", declared: "listvalidator.ConflictsWith(value, values) (L397-401)" },
            { path: "ipRules.rules[].action", declared: "OneOf(bypass, log, challenge, deny) (L440-442)" },
        ],
    },
    [LOG_DRAIN]: {
        source: readAt("resource_log_drain.go", "Schema L60-170"),
        attributes: [
            { path: "deliveryFormat", declared: "OneOf(json, ndjson) (L90-92)" },
            { path: "environments", declared: "SizeAtLeast(1) (L104-107)" },
            { path: "environments[]", declared: "ValueStringsAre(OneOf(production, preview)) (L105)" },
            { path: "headers", declared: "mapvalidator.SizeAtMost(5) (L115-117)" },
            { path: "samplingRate", declared: "float64validator.AtLeast(0), AtMost(1) (L129-132)" },
            { path: "secret", declared: "LengthAtLeast(32) (L140-142)" },
            { path: "sources", declared: "SizeAtLeast(1) (L149-152)" },
            { path: "sources[]", declared: "ValueStringsAre(OneOf(static, edge, external, build, lambda, firewall, redirect)) (L150)" },
        ],
    },
    [BLOB_STORE]: {
        source: readAt("resource_blob_store.go", "Schema L55-110; blobRegions in blob_shared.go L21-42"),
        attributes: [
            { path: "access", declared: "OneOf(public, private) (L81-83)" },
            { path: "region", declared: "OneOf(blobRegions...) (L91-93)" },
        ],
    },
    [BLOB_CONNECTION]: {
        source: readAt("resource_blob_project_connection.go", "Schema L55-115"),
        attributes: [
            { path: "envVarPrefix", declared: "LengthAtLeast(1) (L91-93)" },
            { path: "environments", declared: "SizeAtLeast(1) (L101-104)" },
            { path: "environments[]", declared: "ValueStringsAre(OneOf(development, preview, production)) (L103)" },
        ],
    },
    "pulumi:providers:vercel": {
        source: readAt("provider.go", "Schema L31-58 (no validators), Configure L160-220"),
        attributes: [
            { path: "apiToken", declared: "Configure: api_token (or VERCEL_API_TOKEN) non-empty and matching [0-9a-zA-Z]{24} (L155, L184-196)" },
            {
                path: "apiToken (absent)",
                declared: "Configure: api_token falls back to VERCEL_API_TOKEN; neither set fails with \"api_token cannot be an empty string\" (L175-189)",
                exception: "the token is normally given to `pulumi up` as VERCEL_API_TOKEN, which the offline check (run in CI without deploy credentials) neither has nor needs; a configured token is checked",
            },
            { path: "team", declared: "Configure: GetTeam(team) must find the team (L199-214)", exception: "an API call to Vercel" },
        ],
    },
};
