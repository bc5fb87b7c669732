import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { XMLParser } from "fast-xml-parser";
import { marked, Tokens } from "marked";
import { rules } from "../policies/pack";
import { defaultLayout } from "../readiness/layout";
import type { ReportResource, StackReport } from "../readiness/report";
import { main } from "../readiness/cli";
import { render } from "../readiness/reports";
import { EXAMPLE } from "./support";
import { scratchDir } from "./scratch";

const root = defaultLayout().root;
const PROJECT_NAME = "service-template";
const urnOf = (stack: string, type: string, name: string) => `urn:pulumi:${stack}::${PROJECT_NAME}::${type}::${name}`;

function resource(stack: string, type: string, name: string, source: ReportResource["source"], inputs: unknown = {}): ReportResource {
    return {
        urn: urnOf(stack, type, name),
        type,
        name,
        parent: null,
        provider: null,
        custom: true,
        protect: false,
        retainOnDelete: false,
        deleteBeforeReplace: null,
        ignoreChanges: [],
        dependsOn: [],
        source,
        inputs,
    };
}

/** A report with every kind of finding: what a real stack rarely shows at once. */
function richReport(stack = "prod", bucketLine = 40): StackReport {
    const bucket = resource(stack, "aws:s3/bucket:Bucket", `acme-chat-${stack}-uploads`, { file: "components/storage.ts", line: bucketLine, column: 24 }, {
        tags: { service: "acme-chat", "readiness:exempt:names-carry-environment": "owner=alice expires=2099-01-01 reason=bucket name predates the naming scheme" },
    });
    const secretRes = resource(stack, "aws:secretsmanager/secret:Secret", "session", { file: "components/secrets.ts", line: 46, column: 32 });
    const envVar = resource(stack, "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable", "stripe", { file: "components/app/env.ts", line: 12, column: 9 });
    const provider = resource(stack, "pulumi:providers:aws", "default_7_48_0", null);
    const stackRes = resource(stack, "pulumi:pulumi:Stack", `${PROJECT_NAME}-${stack}`, { file: "node_modules/@pulumi/runtime/stack.ts", line: 38, column: 19 });
    const v = (policy: string, r: ReportResource | null, level: "mandatory" | "advisory", message: string, severity: string, deployPhase: "preview" | "apply" = "preview") => {
        const doc = rules.find((x) => x.name === policy)!.doc;
        return {
            policy,
            enforcementLevel: level,
            urn: r?.urn ?? "",
            message,
            severity,
            category: doc.category,
            remediation: doc.remediation,
            phase: doc.kind === "stack" ? ("stack" as const) : ("resource" as const),
            resourceType: r?.type ?? null,
            resourceName: r?.name ?? null,
            deployPhase,
        };
    };
    return {
        stack,
        environment: stack,
        project: PROJECT_NAME,
        preview: true,
        reachability: "public",
        stackFile: `Pulumi.${stack}.yaml`,
        policyPack: { name: "service-readiness", version: "0.1.0", config: `policies/config/${stack}.json` },
        resources: [stackRes, provider, bucket, secretRes, envVar],
        violations: [
            v("stateful-resources-protected", secretRes, "mandatory", "session is not protected: a | pipe, *stars* and <tags> stay literal.", "high"),
            v("stateful-resources-protected", secretRes, "mandatory", "session sets deleteBeforeReplace.\nThe exemption does not apply: the exemption expired on 2020-01-01", "high"),
            v("aws-provider-account-pinned", provider, "mandatory", "AWS provider default_7_48_0 sets no allowedAccountIds.", "high"),
            v("required-tags", bucket, "advisory", "acme-chat-uploads has no owner tag.", "medium"),
            v("exemptions-valid", null, "mandatory", "an exemption names no rule", "medium", "apply"),
        ],
        exemptions: [
            { policy: "names-carry-environment", urn: bucket.urn, owner: "alice", expires: "2099-01-01", reason: "bucket name predates the naming scheme", message: "bucket lacks the environment" },
            { policy: "required-tags", urn: secretRes.urn, owner: "bob", expires: "2099-02-01", reason: "tags | managed elsewhere", message: "session has no owner tag" },
        ],
        notEvaluated: [{ policy: "third-party-key-environment", urn: envVar.urn, message: "reads value, unknown until the resource exists" }],
        notes: ["service:apiKeys.SENTRY_DSN is not set in Pulumi.prod.yaml; checked with a placeholder."],
        providerErrors: [
            {
                urn: envVar.urn,
                type: envVar.type,
                name: envVar.name,
                property: "targets[0]",
                message: 'targets[0]: "staging" is not allowed; expected one of "production", "preview", "development"',
                source: "vercel/terraform-provider-vercel vercel/resource_project_environment_variable.go v5.4.1",
            },
        ],
        summary: { resources: 5, mandatory: 4, advisory: 1, exempted: 2, notEvaluated: 1, providerErrors: 1 },
    };
}

/** The SARIF 2.1.0 schema (JSON Schema draft-04) as @microsoft/jest-sarif ships it. */
function sarifValidator() {
    // The schema's `language` pattern has a stray `]` that only non-unicode regular expressions accept.
    const ajv = new Ajv({ allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    return ajv.compile(JSON.parse(fs.readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8")));
}
const validateSarif = sarifValidator();
function assertValidSarif(text: string): any {
    const log = JSON.parse(text);
    assert.ok(validateSarif(log), `SARIF does not match the 2.1.0 schema: ${JSON.stringify(validateSarif.errors, null, 1)}`);
    return log;
}

const parseXml = (text: string) =>
    new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["testsuite", "testcase", "property"].includes(name) }).parse(text);

describe("Text and JSON reports: provider errors", () => {
    it("text lists provider errors first, with property and source, and a provider error alone is not ready", () => {
        const text = render("text", [richReport()]);
        const first = text.indexOf("PROVIDER ERRORS (1)");
        assert.ok(first > 0 && first < text.indexOf("HIGH ("), "provider errors come before the violations");
        assert.match(text, /\[provider\] vercel:index\/projectEnvironmentVariable:ProjectEnvironmentVariable "stripe"  targets\[0\]/);
        assert.match(text, /source: vercel\/terraform-provider-vercel vercel\/resource_project_environment_variable\.go v5\.4\.1/);
        const clean = { ...richReport(), violations: [], summary: { ...richReport().summary, mandatory: 0, advisory: 0 } };
        assert.match(render("text", [clean]).trim().split("\n").pop()!, /^NOT READY: prod: .* 1 provider errors$/);
        const none = { ...clean, providerErrors: [], summary: { ...clean.summary, providerErrors: 0 } };
        assert.match(render("text", [none]).trim().split("\n").pop()!, /^READY: prod: .* 0 provider errors$/);
        assert.ok(!render("text", [none]).includes("PROVIDER ERRORS"));
    });

    it("JSON carries providerErrors per stack and sums them in the multi-stack summary", () => {
        const one = JSON.parse(render("json", [richReport()]));
        assert.deepEqual(Object.keys(one.providerErrors[0]).sort(), ["message", "name", "property", "source", "type", "urn"]);
        assert.equal(one.summary.providerErrors, 1);
        const both = JSON.parse(render("json", [richReport("dev"), richReport("prod")]));
        assert.equal(both.summary.providerErrors, 2);
        assert.equal(both.stacks[1].providerErrors.length, 1);
    });
});

describe("SARIF report", () => {
    it("validates against the official SARIF 2.1.0 schema and describes every rule of the pack", () => {
        assert.ok(!validateSarif({ version: "2.1.0", runs: [{ tool: { driver: {} } }] }), "the validator refuses a driver without a name");
        const log = assertValidSarif(render("sarif", [richReport("dev"), richReport("prod")]));
        assert.equal(log.version, "2.1.0");
        assert.equal(log.runs.length, 1, "one run for every stack");
        const driver = log.runs[0].tool.driver;
        // The pack's rules, then one rule per provider-error kind found.
        assert.deepEqual(driver.rules.map((r: any) => r.id), [...rules.map((r) => r.name), "provider/vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable/targets[]"]);
        for (const r of driver.rules.slice(0, rules.length)) {
            const rule = rules.find((x) => x.name === r.id)!;
            assert.equal(r.shortDescription.text, rule.doc.description);
            assert.ok(r.fullDescription.text.startsWith(rule.doc.description));
            assert.ok(r.help.text.includes(rule.doc.remediation));
            assert.equal(r.properties.category, rule.doc.category);
            assert.equal(r.properties.severity, rule.doc.severity);
            assert.equal(r.defaultConfiguration.level, rule.enforcementLevel === "mandatory" ? "error" : "warning");
            if (rule.doc.category === "security") assert.ok(Number(r.properties["security-severity"]) > 0);
        }
    });

    it("places each violation at the declaring source line, with its URN, level and rule", () => {
        const report = richReport();
        const run = assertValidSarif(render("sarif", [report])).runs[0];
        const active = run.results.filter((r: any) => !r.suppressions && r.properties.kind !== "provider");
        assert.equal(active.length, report.violations.length);
        const unprotected = active.find((r: any) => r.message.text.startsWith("session is not protected"));
        assert.equal(unprotected.ruleId, "stateful-resources-protected");
        assert.equal(run.tool.driver.rules[unprotected.ruleIndex].id, "stateful-resources-protected");
        assert.equal(unprotected.level, "error");
        assert.deepEqual(unprotected.locations[0].physicalLocation.artifactLocation, { uri: "components/secrets.ts", uriBaseId: "%SRCROOT%" });
        assert.deepEqual(unprotected.locations[0].physicalLocation.region, { startLine: 46, startColumn: 32 });
        assert.equal(unprotected.locations[0].logicalLocations[0].fullyQualifiedName, report.resources[3].urn);
        assert.equal(active.find((r: any) => r.ruleId === "required-tags").level, "warning");
        // The SDK's own resources and stack-wide findings point at the stack file.
        for (const ruleId of ["aws-provider-account-pinned", "exemptions-valid"]) {
            const r = active.find((x: any) => x.ruleId === ruleId);
            assert.equal(r.locations[0].physicalLocation.artifactLocation.uri, "Pulumi.prod.yaml");
            assert.equal(r.locations[0].physicalLocation.region.startLine, 1);
        }
    });

    it("reports each provider error as an error of its own rule at the declaring line", () => {
        const run = assertValidSarif(render("sarif", [richReport()])).runs[0];
        const provider = run.results.filter((r: any) => r.properties.kind === "provider");
        assert.equal(provider.length, 1);
        const [e] = provider;
        assert.equal(e.level, "error");
        assert.equal(run.tool.driver.rules[e.ruleIndex].id, e.ruleId);
        assert.equal(run.tool.driver.rules[e.ruleIndex].defaultConfiguration.level, "error");
        assert.match(e.message.text, /"staging" is not allowed.*resource_project_environment_variable\.go v5\.4\.1/);
        assert.deepEqual(e.locations[0].physicalLocation.artifactLocation, { uri: "components/app/env.ts", uriBaseId: "%SRCROOT%" });
        assert.deepEqual(e.locations[0].physicalLocation.region, { startLine: 12, startColumn: 9 });
        assert.equal(e.properties.property, "targets[0]");
    });

    it("reports exemptions as suppressed results, in source when a tag grants them", () => {
        const run = assertValidSarif(render("sarif", [richReport()])).runs[0];
        const suppressed = run.results.filter((r: any) => r.suppressions);
        assert.equal(suppressed.length, 2);
        const tagged = suppressed.find((r: any) => r.ruleId === "names-carry-environment");
        assert.equal(tagged.suppressions[0].kind, "inSource");
        assert.match(tagged.suppressions[0].justification, /predates the naming scheme.*alice.*2099-01-01/);
        assert.equal(suppressed.find((r: any) => r.ruleId === "required-tags").suppressions[0].kind, "external");
    });

    it("lists rules that could not run and the notes as tool notifications", () => {
        const notifications = assertValidSarif(render("sarif", [richReport()])).runs[0].invocations[0].toolExecutionNotifications;
        const skipped = notifications.find((n: any) => n.associatedRule?.id === "third-party-key-environment");
        assert.equal(skipped.level, "warning");
        assert.equal(skipped.locations[0].physicalLocation.artifactLocation.uri, "components/app/env.ts");
        assert.ok(notifications.some((n: any) => n.level === "note" && n.message.text.includes("SENTRY_DSN")));
    });

    it("gives every finding a fingerprint that is unique and survives moved source lines", () => {
        const prints = (line: number) => assertValidSarif(render("sarif", [richReport("prod", line), richReport("dev", line)])).runs[0].results.map((r: any) => r.partialFingerprints["readinessFinding/v1"]);
        const before = prints(40);
        assert.equal(new Set(before).size, before.length, "fingerprints are unique");
        assert.deepEqual(prints(90), before);
    });
});

describe("Markdown report", () => {
    it("renders a verdict, a summary table per stack and the findings by severity with their remediation", () => {
        const reports = [richReport("dev"), richReport("prod")];
        const tokens = marked.lexer(render("markdown", reports));
        const headings = tokens.filter((t): t is Tokens.Heading => t.type === "heading");
        assert.equal(headings[0].depth, 2);
        assert.match(headings[0].text, /not ready/);
        const stackHeadings = headings.filter((h) => h.depth === 3);
        assert.deepEqual(stackHeadings.map((h) => /Stack `(\w+)`/.exec(h.text)?.[1]), ["dev", "prod"]);
        for (const title of ["Provider errors", "Violations", "Exemptions", "Not evaluated", "Notes"]) {
            assert.equal(headings.filter((h) => h.depth === 4 && h.text === title).length, 2, `one ${title} section per stack`);
        }
        assert.deepEqual(headings.filter((h) => h.depth === 5).map((h) => h.text).slice(0, 2), ["High (3)", "Medium (2)"]);

        const tables = tokens.filter((t): t is Tokens.Table => t.type === "table");
        const summaries = tables.filter((t) => t.header[0].text === "Resources");
        assert.equal(summaries.length, 2);
        for (const [i, table] of summaries.entries()) {
            assert.deepEqual(table.header.map((c) => c.text), ["Resources", "Mandatory", "Advisory", "Exempted", "Not evaluated", "Provider errors"]);
            const s = reports[i].summary;
            assert.deepEqual(table.rows[0].map((c) => Number(c.text)), [s.resources, s.mandatory, s.advisory, s.exempted, s.notEvaluated, s.providerErrors]);
        }
        const providerTables = tables.filter((t) => t.header[0].text === "Resource" && t.header[1].text === "Property");
        assert.equal(providerTables.length, 2);
        assert.equal(providerTables[0].rows[0][1].text, "`targets[0]`");
        assert.equal(providerTables[0].rows[0][3].text, "`vercel/terraform-provider-vercel vercel/resource_project_environment_variable.go v5.4.1`");
        assert.match(headings[0].text, /prod: 1 provider errors, 4 mandatory/);
        const exemptions = tables.find((t) => t.header[0].text === "Rule")!;
        assert.equal(exemptions.rows.length, 2);
        assert.ok(exemptions.rows.every((row) => row.length === 5), "a pipe in a reason does not split its cell");

        const html = marked.parse(render("markdown", [richReport()])) as string;
        assert.ok(html.includes("a | pipe, *stars* and &lt;tags&gt; stay literal"), "rule messages render as written");
        assert.ok(html.includes("Fix: Keep <code>service:protectData: true</code>"), "remediation follows each violation");
    });

    it("says ready when no stack has a mandatory violation", () => {
        const clean = { ...richReport(), providerErrors: [], violations: [], exemptions: [], notEvaluated: [], notes: [], summary: { resources: 5, mandatory: 0, advisory: 0, exempted: 0, notEvaluated: 0, providerErrors: 0 } };
        const tokens = marked.lexer(render("markdown", [clean]));
        assert.match((tokens[0] as Tokens.Heading).text, /^Readiness: ready/);
        assert.ok(tokens.some((t) => t.type === "paragraph" && t.text === "No violations."));
        assert.ok(!tokens.some((t) => t.type === "heading" && t.text === "Provider errors"));
        // A provider error alone is enough to be not ready.
        const providerOnly = { ...clean, providerErrors: richReport().providerErrors, summary: { ...clean.summary, providerErrors: 1 } };
        assert.match((marked.lexer(render("markdown", [providerOnly]))[0] as Tokens.Heading).text, /^Readiness: not ready \(prod: 1 provider errors\)/);
    });
});

describe("JUnit report", () => {
    it("parses, with a suite per stack whose counts match the summary", () => {
        const reports = [richReport("dev"), richReport("prod")];
        const doc = parseXml(render("junit", reports));
        const suites = doc.testsuites.testsuite;
        assert.deepEqual(suites.map((s: any) => s.name), ["dev", "prod"]);
        let tests = 0;
        for (const [i, suite] of suites.entries()) {
            const s = reports[i].summary;
            assert.equal(Number(suite.failures), s.mandatory + s.providerErrors);
            assert.equal(Number(suite.skipped), s.exempted + s.notEvaluated);
            assert.equal(Number(suite.tests), suite.testcase.length);
            assert.equal(suite.testcase.filter((c: any) => c.failure).length, s.mandatory + s.providerErrors);
            assert.equal(suite.testcase.filter((c: any) => c.failure?.type === "provider").length, s.providerErrors);
            assert.equal(suite.testcase.filter((c: any) => c.skipped !== undefined).length, s.exempted + s.notEvaluated);
            const covered = new Set(suite.testcase.map((c: any) => c.classname.slice(suite.name.length + 1)));
            for (const rule of rules) assert.ok(covered.has(rule.name), `${rule.name} has a testcase`);
            tests += suite.testcase.length;
        }
        assert.equal(Number(doc.testsuites.tests), tests);
        assert.equal(Number(doc.testsuites.failures), reports[0].summary.mandatory + reports[1].summary.mandatory + reports[0].summary.providerErrors + reports[1].summary.providerErrors);
    });

    it("names each testcase by rule and resource, with the message and fix in a failure", () => {
        const suite = parseXml(render("junit", [richReport()])).testsuites.testsuite[0];
        const failed = suite.testcase.filter((c: any) => c.classname === "prod.stateful-resources-protected");
        assert.deepEqual(failed.map((c: any) => c.name), ["stateful-resources-protected › session", "stateful-resources-protected › session (2)"]);
        assert.equal(failed[0].file, "components/secrets.ts");
        assert.match(failed[0].failure["#text"], /a \| pipe, \*stars\* and <tags> stay literal\.\nFix: /);
        const provider = suite.testcase.find((c: any) => c.classname === "prod.provider");
        assert.equal(provider.name, "vercel:index/projectEnvironmentVariable:ProjectEnvironmentVariable targets[0] › stripe");
        assert.match(provider.failure["#text"], /"staging" is not allowed.*\nProvider source: vercel\/terraform-provider-vercel/s);
        const advisory = suite.testcase.find((c: any) => c.classname === "prod.required-tags" && c["system-out"]);
        assert.match(advisory["system-out"], /^advisory: /);
        const withFindings = new Set(["stateful-resources-protected", "aws-provider-account-pinned", "required-tags", "exemptions-valid", "names-carry-environment", "third-party-key-environment"]);
        for (const rule of rules.filter((r) => !withFindings.has(r.name))) {
            assert.equal(suite.testcase.filter((c: any) => c.classname === `prod.${rule.name}`).length, 1);
            assert.ok(suite.testcase.some((c: any) => c.name === `${rule.name} › no violations` && !c.failure), `${rule.name} passes once`);
        }
    });
});

describe("the deployment phase of each finding", () => {
    it("every format says which findings the apply phase found, and JSON and SARIF carry deployPhase on each", () => {
        const report = richReport();
        const json = JSON.parse(render("json", [report])) as { stacks?: StackReport[] } & StackReport;
        const violations = (json.stacks?.[0] ?? json).violations;
        assert.deepEqual(violations.map((v) => v.deployPhase), ["preview", "preview", "preview", "preview", "apply"]);
        assert.deepEqual(violations.map((v) => v.phase), ["resource", "resource", "resource", "resource", "stack"], "the pass stays in `phase`");
        const sarif = assertValidSarif(render("sarif", [report])).runs[0].results.filter((r: any) => !r.suppressions && r.properties.kind !== "provider");
        assert.deepEqual(sarif.map((r: any) => r.properties.deployPhase).sort(), ["apply", "preview", "preview", "preview", "preview"]);
        const applyLine = (text: string) => text.split("\n").filter((l) => l.includes("found after apply"));
        assert.equal(applyLine(render("text", [report])).length, 1);
        assert.match(applyLine(render("text", [report]))[0], /exemptions-valid/);
        assert.equal(applyLine(render("markdown", [report])).length, 1);
        assert.match(applyLine(render("markdown", [report]))[0], /an exemption names no rule/);
        const junit = parseXml(render("junit", [richReport()])).testsuites.testsuite[0].testcase.find((c: any) => c.classname === "prod.exemptions-valid");
        assert.match(junit.failure["#text"], /^\(found after apply/);
    });
});

describe("--out", () => {
    it("writes every format to a file for a real check, exiting 1 on mandatory violations", async () => {
        const dir = scratchDir("readiness-out-");
        // The prod stack checked as if it were staging: every physical name misses "staging", one name is exempted.
        const prodConfig = JSON.parse(fs.readFileSync(path.join(root, "policies", "config", "prod.json"), "utf8"));
        const policyConfig = path.join(dir, "policy.json");
        const exemption = { rule: "names-carry-environment", resource: "acme-chat-prod-app-secrets-session-secret", owner: "platform-team", reason: "renamed with the next rotation", expires: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10) };
        fs.writeFileSync(policyConfig, JSON.stringify({ ...prodConfig, "names-carry-environment": { environment: "staging", exemptions: [exemption] } }));
        const checks: Record<string, (text: string) => void> = {
            sarif: (text) => {
                const results = assertValidSarif(text).runs[0].results;
                assert.ok(results.some((r: any) => r.ruleId === "names-carry-environment" && r.level === "error"));
                assert.ok(results.some((r: any) => r.suppressions?.[0].kind === "external"));
            },
            markdown: (text) => assert.match((marked.lexer(text)[0] as Tokens.Heading).text, /not ready \(prod: \d+ mandatory\)/),
            junit: (text) => assert.ok(Number(parseXml(text).testsuites.failures) > 0),
            json: (text) => assert.ok(JSON.parse(text).summary.exempted >= 1),
            text: (text) => assert.match(text, /NOT READY: prod/),
        };
        for (const [format, check] of Object.entries(checks)) {
            const out = path.join(dir, "nested", `report.${format}`);
            const stderr: string[] = [];
            const code = await main(["--stack", "prod", "--format", format, "--out", out, "--policy-config", policyConfig], () => assert.fail("nothing on stdout with --out"), (s) => stderr.push(s), { layout: EXAMPLE });
            assert.equal(code, 1, `${format}: ${stderr.join("")}`);
            check(fs.readFileSync(out, "utf8"));
        }
        fs.rmSync(dir, { recursive: true, force: true });
    });
});
