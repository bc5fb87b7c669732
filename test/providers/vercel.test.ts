/**
 * The Vercel validators added from terraform-provider-vercel v5.4.1 (readiness/providers/vercel.ts), each at the
 * exact limits the provider declares: one past the limit is refused, the limit itself is accepted. They run
 * through validateProviderInputs, as the check runs them on a recorded program.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toRecorded } from "../synthetic";
import { validateProviderInputs } from "../../readiness/providers";
import { vercelCoverage } from "../../readiness/providers/vercel";
import { UNKNOWN } from "../support";

const PROJECT = "vercel:index/project:Project";
const ENV_VAR = "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable";

/** The properties the provider would refuse in these inputs of `type`. */
const refused = (type: string, inputs: Record<string, unknown>) => validateProviderInputs(toRecorded([{ type, name: "r", inputs }])).map((e) => e.property);
const project = (extra: Record<string, unknown>) => refused(PROJECT, { name: "acme-chat", ...extra });
const envVar = (extra: Record<string, unknown>) => refused(ENV_VAR, { projectId: "prj_1", key: "API_URL", value: "https://api.acme.example", ...extra });
const many = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));

describe("Vercel project: trusted sources, at the limits of resource_project.go v5.4.1", () => {
    const trusted = (projects: unknown[]) => project({ trustedSources: { projects } });
    const allow = { from: { preset: "all-custom" }, to: { slugs: ["production"] } };

    it("at most 100 trusted projects", () => {
        assert.deepEqual(trusted(many(100, (i) => ({ projectId: `prj_${i}` }))), []);
        assert.deepEqual(trusted(many(101, (i) => ({ projectId: `prj_${i}` }))), ["trustedSources.projects"]);
    });

    it("a project id of 1 to 64 characters, a label of 1 to 100", () => {
        assert.deepEqual(trusted([{ projectId: "p" }, { projectId: "p".repeat(64), label: "l" }, { projectId: "q", label: "l".repeat(100) }]), []);
        assert.deepEqual(trusted([{ projectId: "p".repeat(65) }]), ["trustedSources.projects[0].projectId"]);
        assert.deepEqual(trusted([{ projectId: "p", label: "l".repeat(101) }, { projectId: "q", label: "" }]), ["trustedSources.projects[0].label", "trustedSources.projects[1].label"]);
    });

    it("1 to 20 custom allow rules", () => {
        assert.deepEqual(trusted([{ projectId: "p", customAllows: [allow] }, { projectId: "q", customAllows: many(20, () => allow) }]), []);
        assert.deepEqual(trusted([{ projectId: "p", customAllows: [] }, { projectId: "q", customAllows: many(21, () => allow) }]), [
            "trustedSources.projects[0].customAllows",
            "trustedSources.projects[1].customAllows",
        ]);
    });

    it("an environment matcher names 1 to 10 slugs or the all-custom preset", () => {
        const matcher = (from: unknown) => trusted([{ projectId: "p", customAllows: [{ from, to: { slugs: ["preview"] } }] }]);
        const at = "trustedSources.projects[0].customAllows[0].from";
        assert.deepEqual(matcher({ slugs: ["production"] }), []);
        assert.deepEqual(matcher({ slugs: many(10, (i) => `env-${i}`) }), []);
        assert.deepEqual(matcher({ preset: "all-custom" }), []);
        assert.deepEqual(matcher({ slugs: many(11, (i) => `env-${i}`) }), [`${at}.slugs`]);
        assert.deepEqual(matcher({ slugs: [] }), [`${at}.slugs`]);
        assert.deepEqual(matcher({ preset: "All-Custom" }), [`${at}.preset`]);
        assert.deepEqual(matcher({}), [at], "neither slugs nor preset");
        assert.deepEqual(matcher({ slugs: UNKNOWN }), [], "an unknown list may be either");
    });

    it("an external source's issuer is 1 to 512 characters and its target is a matcher", () => {
        const external = (source: Record<string, unknown>) => project({ trustedSources: { externalSources: [{ claims: { aud: ["vercel"] }, to: { slugs: ["production"] }, ...source }] } });
        assert.deepEqual(external({ issuer: "h".repeat(512), label: "l".repeat(100) }), []);
        assert.deepEqual(external({ issuer: "h".repeat(513) }), ["trustedSources.externalSources[0].issuer"]);
        assert.deepEqual(external({ issuer: "" }), ["trustedSources.externalSources[0].issuer"]);
        assert.deepEqual(external({ issuer: "https://token.actions.githubusercontent.com", to: {} }), ["trustedSources.externalSources[0].to"]);
    });
});

describe("Vercel project: OIDC issuer, OPTIONS allowlist, fluid compute", () => {
    it("oidcTokenConfig.issuerMode is team or global, case-sensitively", () => {
        assert.deepEqual(project({ oidcTokenConfig: { issuerMode: "team" } }), []);
        assert.deepEqual(project({ oidcTokenConfig: { issuerMode: "global" } }), []);
        assert.deepEqual(project({ oidcTokenConfig: { issuerMode: "Global" } }), ["oidcTokenConfig.issuerMode"]);
    });

    it("optionsAllowlist.paths holds at least one path", () => {
        assert.deepEqual(project({ optionsAllowlist: { paths: [{ value: "/api" }] } }), []);
        assert.deepEqual(project({ optionsAllowlist: { paths: [] } }), ["optionsAllowlist.paths"]);
    });

    it("fluid compute refuses only the standard_legacy CPU type; an unknown value is not judged", () => {
        assert.deepEqual(project({ resourceConfig: { fluid: true, functionDefaultCpuType: "standard_legacy" } }), ["resourceConfig.functionDefaultCpuType"]);
        for (const resourceConfig of [
            { fluid: true, functionDefaultCpuType: "standard" },
            { fluid: true, functionDefaultCpuType: "performance" },
            { fluid: true },
            { fluid: false, functionDefaultCpuType: "standard_legacy" },
            { fluid: UNKNOWN, functionDefaultCpuType: "standard_legacy" },
            { fluid: true, functionDefaultCpuType: UNKNOWN },
        ]) {
            assert.deepEqual(project({ resourceConfig }), [], JSON.stringify(resourceConfig));
        }
    });
});

describe("Vercel ModifyPlan: a variable targeting development must set sensitive = false", () => {
    it("on a project environment variable", () => {
        assert.deepEqual(envVar({ targets: ["development"], sensitive: true }), ["sensitive"]);
        assert.deepEqual(envVar({ targets: ["preview", "development"], sensitive: true }), ["sensitive"], "any target list that includes development");
        assert.deepEqual(envVar({ targets: ["development"], sensitive: false }), []);
        assert.deepEqual(envVar({ targets: ["preview", "production"], sensitive: true }), [], "deployed targets may be sensitive");
        assert.deepEqual(envVar({ targets: UNKNOWN, sensitive: true }), [], "unknown targets are not judged");
        assert.deepEqual(envVar({ targets: ["development"], sensitive: UNKNOWN }), [], "an unknown flag is not judged");
        assert.deepEqual(envVar({ targets: ["development"] }), ["sensitive"], "a missing flag is the Required error alone");
    });

    it("on a project's inline environment", () => {
        const variable = (sensitive: boolean) => ({ key: "A", value: "1", targets: ["development"], sensitive });
        assert.deepEqual(project({ environments: [variable(false), variable(true)] }), ["environments[1].sensitive"]);
    });
});

describe("the Vercel coverage table", () => {
    it("cites the v5.4.1 tag for every type, and every exception says why", () => {
        for (const [type, entry] of Object.entries(vercelCoverage)) {
            assert.ok("source" in entry && /v5\.4\.1 \(fe752432\)/.test(entry.source), type);
            for (const a of "attributes" in entry ? entry.attributes : []) if (a.exception !== undefined) assert.ok(a.exception.length > 20, `${type} ${a.path}`);
        }
    });
});
