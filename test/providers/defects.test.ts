/**
 * The provider errors a first real preview hit before the fixes: inputs shaped like the program registered
 * them (the camelCase deployment type, a 3-character rule name, a reference name cut at 64, a development log
 * drain, a service name with `--`). The validators must name each one, at the exact property.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toRecorded } from "../synthetic";
import { validateProviderInputs } from "../../readiness/providers";

const errorsOf = (type: string, inputs: Record<string, unknown>) => validateProviderInputs(toRecorded([{ type, name: "r", inputs }]));

const rateLimit = (name: string, prefix: string) => ({
    name,
    active: true,
    action: { action: "rate_limit", rateLimit: { action: "rate_limit", algo: "fixed_window", keys: ["ip"], limit: 100, window: 60 } },
    conditionGroups: [{ conditions: [{ op: "pre", type: "path", value: prefix }] }],
});

describe("issue 9's provider defects, as the program registered them", () => {
    it("1: vercelAuthentication.deploymentType in camelCase", () => {
        const errors = errorsOf("vercel:index/project:Project", { name: "acme-chat", teamId: "team_acme", vercelAuthentication: { deploymentType: "standardProtectionNew" } });
        assert.deepEqual(errors.map((e) => [e.property, e.source]), [["vercelAuthentication.deploymentType", "vercel/terraform-provider-vercel vercel/resource_project.go v5.4.1"]]);
        assert.match(errors[0].message, /"standardProtectionNew" is not allowed; expected one of "standard_protection_new", "standard_protection", "all_deployments", "only_preview_deployments", "none"/);
    });

    it("2: the prod firewall rule named api (3 characters)", () => {
        const rules = [rateLimit("api-chat", "/api/chat"), rateLimit("api-upload", "/api/upload"), rateLimit("api-signup", "/api/auth/signup"), rateLimit("api", "/api")];
        const errors = errorsOf("vercel:index/firewallConfig:FirewallConfig", { projectId: "prj_1", teamId: "team_acme", enabled: true, rules: { rules } });
        assert.deepEqual(errors.map((e) => [e.property, e.message]), [["rules.rules[3].name", 'rules.rules[3].name: "api" is 3 characters; expected 4 to 160']]);
        assert.match(errors[0].source, /resource_firewall_config\.go v5\.4\.1$/);
    });

    it("3: a health check referenceName cut at 64 characters", () => {
        const referenceName = "orbit-notes-service-prod-uptime".slice(0, 64);
        const errors = errorsOf("aws:route53/healthCheck:HealthCheck", { type: "HTTPS", fqdn: "notes.acme.example", port: 443, resourcePath: "/health", referenceName });
        assert.deepEqual(errors.map((e) => e.property), ["referenceName"]);
        assert.match(errors[0].message, /is 31 characters; expected 0 to 27/);
        assert.match(errors[0].source, /^hashicorp\/terraform-provider-aws internal\/service\/route53\/health_check\.go v5$/);
    });

    it("4: a log drain on the development environment", () => {
        const errors = errorsOf("vercel:index/logDrain:LogDrain", {
            name: "acme-chat-dev",
            teamId: "team_acme",
            endpoint: "https://logs.acme.example",
            deliveryFormat: "ndjson",
            environments: ["preview", "development"],
            projectIds: ["prj_1"],
            sources: ["lambda", "edge", "static", "build"],
        });
        assert.deepEqual(errors.map((e) => [e.property, e.message]), [["environments[1]", 'environments[1]: "development" is not allowed; expected one of "production", "preview"']]);
    });

    it("12: a service name with `--` breaks the RDS identifier and parameter group name", () => {
        const instance = errorsOf("aws:rds/instance:Instance", { identifier: "acme--chat-dev-postgres", instanceClass: "db.t4g.micro", engine: "postgres", parameterGroupName: "acme--chat-dev-postgres17" });
        assert.deepEqual(instance.map((e) => [e.property, e.message]), [["identifier", 'identifier: "acme--chat-dev-postgres" matches /--/: cannot contain two consecutive hyphens']]);
        const params = errorsOf("aws:rds/parameterGroup:ParameterGroup", { name: "acme--chat-dev-postgres17", family: "postgres17" });
        assert.deepEqual(params.map((e) => e.property), ["name"]);
        assert.match(params[0].source, /rds\/validate\.go v5 @03e17e19$/);
    });
});
