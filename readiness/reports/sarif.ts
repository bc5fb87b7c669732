/**
 * SARIF 2.1.0 for GitHub code scanning: one run of the pack over every checked stack. Each violation is a
 * result at the source line that declared the resource (its URN as the logical location); exempted findings
 * are results with a suppression; rules that could not run in preview are tool notifications. Each provider
 * error is an error-level result of its own rule, `provider/<type>/<property>`, located like a violation.
 */
import { createHash } from "crypto";
import type { ProviderError, ReportResource, ReportViolation, StackReport } from "../report";
import { PACK_NAME, rules } from "../../policies/pack";
import { EXEMPTION_TAG_PREFIX } from "../../contracts/exemptions";
import type { RuleKind } from "../../policies/lib/rule";
import { changeRuleDescriptors } from "../changes/render";

export const SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const SRCROOT = "%SRCROOT%";
/** GitHub ranks security alerts by this number (critical >= 9.0, high >= 7.0, medium >= 4.0). */
const SECURITY_SEVERITY: Record<string, string> = { critical: "9.5", high: "8.0", medium: "5.0", low: "2.0" };

export type SarifLevel = "error" | "warning" | "note";
export const sarifLevel = (enforcementLevel: string): SarifLevel => (enforcementLevel === "mandatory" ? "error" : "warning");

export interface FindingLocation {
    /** Path relative to the project root, `/`-separated. */
    file: string;
    line: number;
    column: number;
}

/**
 * Where a finding points: the program line that declared the resource, or, for resources the SDK declared
 * itself (the stack, default providers) and stack-wide findings, the stack file their config comes from.
 */
const RESOURCE_BLOCKS = "Checked on each resource's inputs in preview and up, before the resource exists.";
const STACK_BLOCKS = "Checked over the whole stack: in preview when the values it reads are known, and in up after the resources exist.";
const SARIF_BLOCKS: Record<RuleKind, string> = { resource: RESOURCE_BLOCKS, stack: STACK_BLOCKS, "resource+stack": `${RESOURCE_BLOCKS} ${STACK_BLOCKS}` };

export function findingLocation(report: StackReport, urn: string): FindingLocation {
    const source = resourcesByUrn(report).get(urn)?.source;
    if (source && !source.file.startsWith("node_modules/") && !source.file.startsWith("../") && !/^[a-z]+:/i.test(source.file)) {
        return { file: source.file, line: Math.max(1, source.line), column: Math.max(1, source.column) };
    }
    return { file: report.stackFile, line: 1, column: 1 };
}

/** One index per report's resource list, built on first use: a lookup per finding must not scan every resource. */
const indexes = new WeakMap<ReportResource[], Map<string, ReportResource>>();
function resourcesByUrn(report: StackReport): Map<string, ReportResource> {
    let index = indexes.get(report.resources);
    if (!index) {
        index = new Map(report.resources.map((r) => [r.urn, r]));
        indexes.set(report.resources, index);
    }
    return index;
}

const fingerprint = (...parts: string[]) => createHash("sha256").update(parts.join("\u0000")).digest("hex");

function hasExemptionTag(resource: ReportResource | undefined, rule: string): boolean {
    const tags = (resource?.inputs as { tags?: unknown } | undefined)?.tags;
    return !!tags && typeof tags === "object" && `${EXEMPTION_TAG_PREFIX}${rule}` in (tags as object);
}

export function renderSarif(reports: StackReport[]): string {
    const ruleIndex = new Map(rules.map((r, i) => [r.name, i]));
    const compared = reports.some((r) => r.baseline);
    const changeRules = compared ? changeRuleDescriptors() : [];
    changeRules.forEach((r, i) => ruleIndex.set(r.id, rules.length + i));
    const driverRules: object[] = rules.map((r) => {
        const level = sarifLevel(r.enforcementLevel ?? "advisory");
        const blocks = SARIF_BLOCKS[r.doc.kind];
        return {
            id: r.name,
            name: r.name,
            shortDescription: { text: r.doc.description },
            fullDescription: { text: `${r.doc.description} ${blocks}` },
            help: { text: `Remediation: ${r.doc.remediation}`, markdown: `**Remediation:** ${r.doc.remediation}` },
            defaultConfiguration: { level },
            properties: {
                category: r.doc.category,
                severity: r.doc.severity,
                kind: r.doc.kind,
                // GitHub reads the `security` tag (the security category's own name) with `security-severity`.
                tags: [r.doc.category, "readiness"],
                ...(r.doc.category === "security" ? { "security-severity": SECURITY_SEVERITY[r.doc.severity] ?? "5.0" } : {}),
            },
        };
    });
    driverRules.push(...(changeRules as unknown as typeof driverRules));

    const location = (report: StackReport, urn: string, resourceName: string | null) => {
        const loc = findingLocation(report, urn);
        return {
            physicalLocation: {
                artifactLocation: { uri: encodeURI(loc.file), uriBaseId: SRCROOT },
                region: { startLine: loc.line, startColumn: loc.column },
            },
            ...(urn ? { logicalLocations: [{ fullyQualifiedName: urn, name: resourceName ?? urn.split("::").pop(), kind: "resource" }] } : {}),
        };
    };
    const ruleRef = (policy: string) => (ruleIndex.has(policy) ? { ruleId: policy, ruleIndex: ruleIndex.get(policy)! } : { ruleId: policy });

    const results: object[] = [];
    const notifications: object[] = [];
    for (const report of reports) {
        const names = new Map(report.resources.map((r) => [r.urn, r]));
        const where = `stack ${report.stack}`;
        for (const e of report.providerErrors) {
            const id = providerRuleId(e);
            if (!ruleIndex.has(id)) {
                ruleIndex.set(id, driverRules.length);
                driverRules.push(providerRule(id, e));
            }
            results.push({
                ...ruleRef(id),
                level: "error",
                message: { text: `${e.message} (${where}, provider error; ${e.source})` },
                locations: [location(report, e.urn, e.name)],
                partialFingerprints: { "readinessFinding/v1": fingerprint(report.stack, id, e.urn, e.message) },
                properties: { stack: report.stack, environment: report.environment, kind: "provider", resourceType: e.type, property: e.property, source: e.source },
            });
        }
        for (const v of report.violations) results.push(violationResult(report, v, where, location, ruleRef));
        for (const e of report.exemptions) {
            const resource = names.get(e.urn);
            results.push({
                ...ruleRef(e.policy),
                message: { text: `${e.message} (${where}, exempted)` },
                locations: [location(report, e.urn, resource?.name ?? null)],
                partialFingerprints: { "readinessFinding/v1": fingerprint(report.stack, e.policy, e.urn, e.message) },
                suppressions: [
                    {
                        kind: hasExemptionTag(resource, e.policy) ? "inSource" : "external",
                        status: "accepted",
                        justification: `${e.reason} (owner: ${e.owner}; expires ${e.expires})`,
                    },
                ],
                properties: { stack: report.stack, environment: report.environment, owner: e.owner, expires: e.expires },
            });
        }
        for (const n of report.notEvaluated) {
            notifications.push({
                level: "warning",
                message: { text: `${n.policy} could not run on ${names.get(n.urn)?.name ?? n.urn} during preview (${where}): ${n.message}` },
                locations: [location(report, n.urn, names.get(n.urn)?.name ?? null)],
                ...(ruleIndex.has(n.policy) ? { associatedRule: { id: n.policy, index: ruleIndex.get(n.policy)! } } : {}),
            });
        }
        for (const note of report.notes) notifications.push({ level: "note", message: { text: `${where}: ${note}` } });
    }

    const version = reports[0]?.policyPack.version;
    const log = {
        $schema: SARIF_SCHEMA_URI,
        version: "2.1.0",
        runs: [
            {
                tool: { driver: { name: reports[0]?.policyPack.name ?? PACK_NAME, ...(version ? { version, semanticVersion: version } : {}), rules: driverRules } },
                automationDetails: { id: `readiness/${reports.map((r) => r.stack).join("+")}/` },
                originalUriBaseIds: { [SRCROOT]: { description: { text: "The project root (the folder of Pulumi.yaml)." } } },
                invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
                results,
                properties: {
                    stacks: reports.map((r) => ({ stack: r.stack, environment: r.environment, preview: r.preview, policyConfig: r.policyPack.config, summary: r.summary })),
                },
            },
        ],
    };
    return JSON.stringify(log, null, 2) + "\n";
}

/** One rule per resource type and property (list indexes dropped), so code scanning groups alike errors. */
export const providerRuleId = (e: ProviderError) => `provider/${e.type}/${e.property.replace(/\[\d+\]/g, "[]")}`;

function providerRule(id: string, e: ProviderError) {
    const property = e.property.replace(/\[\d+\]/g, "[]");
    const text = `The ${e.type} provider refuses this value of ${property}.`;
    return {
        id,
        name: id,
        shortDescription: { text },
        fullDescription: { text: `${text} Checked on each resource's inputs as the provider's own validation does in preview and up; source: ${e.source}.` },
        help: { text: `Change ${property} to a value the provider accepts (${e.source}).`, markdown: `Change \`${property}\` to a value the provider accepts (${e.source}).` },
        defaultConfiguration: { level: "error" as SarifLevel },
        properties: { category: "provider", kind: "provider", tags: ["provider", "readiness"] },
    };
}

function violationResult(
    report: StackReport,
    v: ReportViolation,
    where: string,
    location: (report: StackReport, urn: string, name: string | null) => object,
    ruleRef: (policy: string) => object,
): object {
    return {
        ...ruleRef(v.policy),
        level: sarifLevel(v.enforcementLevel),
        message: { text: `${v.message} (${where}, ${v.enforcementLevel})` },
        locations: [location(report, v.urn, v.resourceName)],
        partialFingerprints: { "readinessFinding/v1": fingerprint(report.stack, v.policy, v.urn, v.message) },
        properties: {
            stack: report.stack,
            environment: report.environment,
            enforcementLevel: v.enforcementLevel,
            severity: v.severity,
            category: v.category,
            phase: v.phase,
            deployPhase: v.deployPhase,
            resourceType: v.resourceType,
        },
    };
}
