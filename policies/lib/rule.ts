/**
 * How a readiness rule is declared: metadata a user can act on, a typed config, and exemptions handled in
 * one place. `resourceRule` and `stackRule` produce plain CrossGuard policies, so the Pulumi CLI and the
 * offline check run exactly the same objects.
 */
import type {
    EnforcementLevel,
    PolicyConfigSchema,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    Severity,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { z } from "zod";
import { ExemptionSchema, formatExempted, judgeExemption } from "./exemptions";
import { Exemption, exemptionsFromTags } from "../contracts/exemptions";
import { markSingleType, reportAtLevel } from "./policyInternals";
import { TYPES } from "../contracts/tokens";

/** What a rule protects; decides its default enforcement (security is mandatory everywhere). */
export type Category = "security" | "durability" | "availability" | "observability" | "cost" | "governance";

export interface RuleDoc {
    /** Stable kebab-case id: config files, exemptions and reports refer to it. Never rename a published rule. */
    name: string;
    /** One full sentence: what must hold. */
    description: string;
    severity: Severity;
    category: Category;
    /** What a user changes to comply, in the template's own terms (config keys, component args). */
    remediation: string;
}

/** Config every rule accepts besides its own thresholds. */
const CommonConfig = {
    /** Exemptions granted in the pack config file, matched by resource name or URN. */
    exemptions: z.array(ExemptionSchema).default([]),
    /** Refuse every exemption of this rule (for rules such as public data or plain-text secrets in prod). */
    nonExemptable: z.boolean().default(false),
    /** Why the rule is `disabled` here, as accountable as an exemption (policies/lib/policyConfig.ts says when it is required). */
    waiver: ExemptionSchema.omit({ rule: true, resource: true }).optional(),
};

type Shape = z.ZodRawShape;
export type RuleConfig<S extends Shape> = z.infer<z.ZodObject<S>> & { exemptions: Exemption[]; nonExemptable: boolean };

/** A resource as a rule sees it: its inputs during Analyze, its outputs during AnalyzeStack. */
export interface RuleResource {
    type: string;
    name: string;
    urn: string;
    props: Record<string, unknown>;
}

/** A stack rule's resource in the shape its reporter blames. */
export function ruleResource(r: Pick<PolicyResource, "type" | "name" | "urn" | "props">): RuleResource {
    return { type: r.type, name: r.name, urn: r.urn, props: r.props };
}

export interface Reporter {
    /**
     * Reports a violation of the rule by `resource` (a stack rule must name the resource it blames). `advisory`
     * reports what the rule cannot decide (an unknown price, say) without blocking, whatever the rule's level.
     */
    (message: string, resource?: RuleResource, opts?: { advisory?: boolean }): void;
}

/** Where a rule runs: on each resource's inputs, over the stack's outputs, or both under one name. */
export type RuleKind = "resource" | "stack" | "resource+stack";

export type Rule = (ResourceValidationPolicy | StackValidationPolicy) & {
    /** Present on every rule of this pack; the catalogue and reports read it. */
    readonly doc: RuleDoc & { kind: RuleKind };
    readonly configZod: z.ZodType;
};

const defaultLevel = (category: Category): EnforcementLevel => (category === "security" ? "mandatory" : "advisory");

function configSchemaOf(shape: Shape) {
    const schema = z.object({ ...CommonConfig, ...shape });
    const json = z.toJSONSchema(schema, { target: "draft-7", io: "input" }) as { properties?: PolicyConfigSchema["properties"]; required?: string[] };
    return { schema, configSchema: { properties: json.properties ?? {}, required: json.required?.length ? json.required : undefined } };
}

function parseConfig<S extends Shape>(schema: z.ZodType, raw: unknown, ruleName: string): RuleConfig<S> {
    const result = schema.safeParse(raw ?? {});
    if (!result.success) {
        const issues = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
        throw new Error(`invalid config for rule '${ruleName}': ${issues}`);
    }
    return result.data as RuleConfig<S>;
}

/**
 * Applies exemptions to one violation: a valid exemption turns it into an advisory note, an invalid one
 * (expired, no reason, non-exemptable rule) is reported as a violation of its own at the rule's level.
 */
function emit(
    doc: RuleDoc,
    config: RuleConfig<Shape>,
    report: ReportViolation,
    resource: RuleResource,
    message: string,
    urn: string | undefined,
): void {
    // Tags are read only once a violation exists, so a rule never touches (possibly unknown) tags needlessly.
    const exemption = [...exemptionsFromTags(resource.props.tags), ...config.exemptions].find(
        (e) => e.rule === doc.name && (e.resource === undefined || e.resource === resource.name || e.resource === resource.urn),
    );
    if (!exemption) {
        report(message, urn);
        return;
    }
    const verdict = judgeExemption(exemption, config.nonExemptable, new Date());
    if (verdict.valid) {
        advisory(report, formatExempted(exemption, message), urn);
    } else {
        report(`${message}\nThe exemption does not apply: ${verdict.reason}`, urn);
    }
}

/** Reports a note at advisory level whatever the rule's configured level, so the CLI shows it without blocking. */
function advisory(report: ReportViolation, message: string, urn: string | undefined): void {
    reportAtLevel(report, { message, urn, enforcementLevel: "advisory" });
}

export interface ResourceRuleSpec<S extends Shape> extends RuleDoc {
    /** Resource type tokens the rule applies to, such as `aws:rds/instance:Instance`. */
    types: readonly string[] | ((type: string) => boolean);
    config?: S;
    validate(resource: RuleResource, config: RuleConfig<S>, report: (message: string) => void, args: ResourceValidationArgs): void;
}

/** A rule checked on each resource's inputs before it is created: the kind that blocks a preview. */
export function resourceRule<S extends Shape = {}>(spec: ResourceRuleSpec<S>): Rule {
    const { schema, configSchema } = configSchemaOf(spec.config ?? {});
    const applies = typeof spec.types === "function" ? spec.types : (t: string) => (spec.types as readonly string[]).includes(t);
    const doc = docOf(spec, "resource");
    const policy: ResourceValidationPolicy = {
        name: spec.name,
        description: spec.description,
        enforcementLevel: defaultLevel(spec.category),
        severity: spec.severity,
        remediationSteps: spec.remediation,
        tags: [spec.category],
        configSchema,
        validateResource: (args, reportViolation) => {
            if (!applies(args.type)) return;
            const config = parseConfig<S>(schema, args.getConfig(), spec.name);
            const resource = ruleResource(args);
            spec.validate(resource, config, (message) => emit(spec, config, reportViolation, resource, message, undefined), args);
        },
    };
    // A rule of one type tells @pulumi/policy so, the way `validateResourceOfType` does: its server then skips
    // every other type before deserializing the resource's properties for the rule.
    if (Array.isArray(spec.types) && spec.types.length === 1) markSingleType(policy.validateResource, spec.types[0]);
    return Object.assign(policy, { doc, configZod: schema });
}

export interface StackRuleSpec<S extends Shape> extends RuleDoc {
    config?: S;
    validate(resources: PolicyResource[], config: RuleConfig<S>, report: Reporter, args: StackValidationArgs): void;
}

/** A rule over the whole stack's outputs: relations between resources (every bucket has its access block). */
export function stackRule<S extends Shape = {}>(spec: StackRuleSpec<S>): Rule {
    const { schema, configSchema } = configSchemaOf(spec.config ?? {});
    const doc = docOf(spec, "stack");
    const policy: StackValidationPolicy = {
        name: spec.name,
        description: spec.description,
        enforcementLevel: defaultLevel(spec.category),
        severity: spec.severity,
        remediationSteps: spec.remediation,
        tags: [spec.category],
        configSchema,
        validateStack: (args, reportViolation) => {
            const config = parseConfig<S>(schema, args.getConfig(), spec.name);
            const report: Reporter = (message, resource, opts) => {
                if (opts?.advisory) {
                    advisory(reportViolation, message, resource?.urn);
                    return;
                }
                const target: RuleResource = resource ?? { type: TYPES.stack, name: "", urn: "", props: {} };
                emit(spec, config, reportViolation, target, message, resource?.urn);
            };
            spec.validate(args.resources, config, report, args);
        },
    };
    return Object.assign(policy, { doc, configZod: schema });
}

/**
 * One rule with both halves under one name: the per-resource half blocks a preview on each resource's own
 * inputs, the stack half checks relations (every bucket has its access block). @pulumi/policy's handlers run
 * `validateResource` in Analyze and `validateStack` in AnalyzeStack, whichever a policy has.
 */
export function resourceAndStackRule(resource: Rule, stack: Rule): Rule {
    if (resource.name !== stack.name) throw new Error(`rule halves disagree: ${resource.name} and ${stack.name}`);
    return Object.assign(resource, {
        validateStack: (stack as StackValidationPolicy).validateStack,
        doc: { ...resource.doc, kind: "resource+stack" as const },
    });
}

function docOf(spec: RuleDoc, kind: RuleKind): RuleDoc & { kind: RuleKind } {
    const { name, description, severity, category, remediation } = spec;
    return { name, description, severity, category, remediation, kind };
}
