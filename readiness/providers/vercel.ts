/**
 * Input validators of terraform-provider-vercel v5.4.1, the version @pulumiverse/vercel 5.4.1 bridges
 * (pulumiverse/pulumi-vercel#415 "Upgrade terraform-provider-vercel to v5.4.1"). Each is the
 * plugin-framework validator of the attribute named, in the SDK's property names.
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
    uniqueValues,
    Validator,
} from "./validator";
import { isSet, select } from "./values";
import { VERCEL_TARGETS } from "../../contracts/vercel";

const src = (file: string) => `vercel/terraform-provider-vercel vercel/${file} v5.4.1`;

const PROJECT = "vercel:index/project:Project";
const FIREWALL = "vercel:index/firewallConfig:FirewallConfig";
const LOG_DRAIN = "vercel:index/logDrain:LogDrain";
const BLOB_STORE = "vercel:index/blobStore:BlobStore";
const BLOB_CONNECTION = "vercel:index/blobProjectConnection:BlobProjectConnection";
const DOMAIN = "vercel:index/projectDomain:ProjectDomain";
const ENV_VAR = "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable";
const CUSTOM_ENVIRONMENT = "vercel:index/customEnvironment:CustomEnvironment";

const project = src("resource_project.go");
const firewall = src("resource_firewall_config.go");
const logDrain = src("resource_log_drain.go");
const envVar = src("resource_project_environment_variable.go");
const customEnvironment = src("resource_custom_environment.go");

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
        relation("ConflictsWith(serverless_function_region, resource_config.function_default_regions)", (o, at) =>
            isSet(o.value, "serverlessFunctionRegion") && select(o.value as Record<string, unknown>, "resourceConfig.functionDefaultRegions").length > 0
                ? [`${at("serverlessFunctionRegion")} conflicts with ${at("resourceConfig.functionDefaultRegions")}: set only one`]
                : [],
        ),
    ),
    field(PROJECT, "skewProtection", project, oneOf("30 minutes", "4 hours", "12 hours", "1 day", "7 days")),
    field(PROJECT, "resourceConfig.functionDefaultCpuType", project, oneOf("standard_legacy", "standard", "performance")),
    field(PROJECT, "resourceConfig.functionDefaultTimeout", project, between(1, 900)),
    field(PROJECT, "buildMachineType", project, oneOf("standard", "enhanced", "turbo", "elastic")),

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

    // vercel_custom_environment (read at vercel/terraform-provider-vercel commit 04def107, MPL-2.0; the resource is in
    // v5.4.1's provider, which @pulumiverse/vercel 5.4.1 bridges as CustomEnvironment)
    field(CUSTOM_ENVIRONMENT, "name", customEnvironment, lengthBetween(1, 32)),
    field(CUSTOM_ENVIRONMENT, "name", customEnvironment, matches(/^[a-z0-9-]{0,32}$/, "The name of a Custom Environment can only contain up to 32 alphanumeric lowercase characters and hyphens")),
    field(CUSTOM_ENVIRONMENT, "branchTracking.pattern", customEnvironment, lengthBetween(1, 100)),
    field(CUSTOM_ENVIRONMENT, "branchTracking.type", customEnvironment, oneOf("startsWith", "endsWith", "equals")),

    // The provider's own configuration: Configure refuses a token without 24 alphanumerics in a row. A token left
    // to VERCEL_API_TOKEN is not visible here, so only a configured one is checked.
    field("pulumi:providers:vercel", "apiToken", src("provider.go"), matches(/[0-9a-zA-Z]{24}/, "api_token (VERCEL_API_TOKEN) must be 24 characters and only contain characters 0-9 and a-f")),
];
