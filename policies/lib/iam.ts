/**
 * IAM policy documents as rules read them: identity policies, trust policies, bucket, key and topic policies.
 * A document arrives as JSON text (what providers store, `pulumi.jsonStringify`) or as an object (what an
 * `aws.iam.PolicyDocument` input carries), with parts unknown during a preview (an ARN of a resource created
 * in the same update) and, in some paths, secrets. Unknown parts read as `UNKNOWN`, which never equals a
 * wildcard: an ARN computed from another resource names that resource.
 */
import { plain, Plain, UNKNOWN } from "./values";

/** One statement of a policy document, keys as AWS spells them; values are plain, unknown parts `UNKNOWN`. */
export interface Statement {
    Sid?: Plain;
    Effect?: Plain;
    Principal?: Plain;
    NotPrincipal?: Plain;
    Action?: Plain;
    NotAction?: Plain;
    Resource?: Plain;
    NotResource?: Plain;
    Condition?: Plain;
}

export const asArray = <T>(v: T | T[] | undefined | null): T[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** The known strings of a field that takes a string or a list of them (`Action`, `Resource`, a principal list). */
export function strings(v: Plain | undefined): string[] {
    return asArray(v).filter((x): x is string => typeof x === "string");
}

/** Whether a string-or-list field has a part that is unknown during preview. */
export const hasUnknown = (v: Plain | undefined): boolean => asArray(v).some((x) => x === UNKNOWN);

/**
 * The statements of a policy document given as JSON text or as an object; `undefined` when there is no
 * document or it is not a JSON policy document.
 */
export function policyStatements(doc: unknown): Statement[] | undefined {
    if (typeof doc === "string" && doc.trim() === "") return undefined;
    const parsed = plain(doc);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return undefined;
    const statements = (parsed as { Statement?: Plain }).Statement;
    return asArray(statements).filter((s): s is { [key: string]: Plain } => !!s && typeof s === "object" && !Array.isArray(s)) as Statement[];
}

export interface ConditionEntry {
    operator: string;
    /** Lower case: condition keys are case-insensitive. */
    key: string;
    values: Plain[];
}

/** Condition blocks as [operator, key, values] triples. */
export function conditions(s: Statement): ConditionEntry[] {
    const out: ConditionEntry[] = [];
    const block = s.Condition;
    if (!block || typeof block !== "object" || Array.isArray(block)) return out;
    for (const [operator, entries] of Object.entries(block)) {
        if (!entries || typeof entries !== "object" || Array.isArray(entries)) continue;
        for (const [key, value] of Object.entries(entries)) out.push({ operator, key: key.toLowerCase(), values: asArray(value) });
    }
    return out;
}

const isWildcard = (v: unknown) => typeof v === "string" && /^[*?]+$/.test(v.trim());

/** Principal `*`, or any principal map with a wildcard in it (`{"AWS": "*"}`). */
export function principalIsEveryone(principal: Plain | undefined): boolean {
    if (principal === "*") return true;
    if (principal && typeof principal === "object" && !Array.isArray(principal)) {
        return Object.values(principal).some((v) => strings(v).some((x) => x.includes("*")));
    }
    return false;
}

/**
 * Condition keys that tie a request to a known caller or network, after the list S3 and IAM Access Analyzer
 * use to decide that a policy is not public.
 */
const RESTRICTING_KEYS = new Set(
    [
        "aws:SourceIp", "aws:SourceVpc", "aws:SourceVpce", "aws:SourceArn", "aws:SourceAccount", "aws:SourceOwner", "aws:SourceOrgID",
        "aws:SourceOrgPaths", "aws:PrincipalAccount", "aws:PrincipalArn", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:userid",
        "aws:PrincipalServiceName", "aws:PrincipalServiceNamesList", "s3:DataAccessPointArn", "s3:DataAccessPointAccount",
        "kms:CallerAccount",
    ].map((k) => k.toLowerCase()),
);
const OPEN_NETWORKS = new Set(["0.0.0.0/0", "::/0"]);

/** A condition is positive when it is always evaluated and its values must match (no Not..., no ...IfExists). */
function positive(c: ConditionEntry): boolean {
    const op = c.operator.replace(/^ForAnyValue:/, "");
    return !(op.startsWith("ForAllValues:") || op.endsWith("IfExists") || /Not/.test(op));
}

/** A condition restricts only when it is positive and its values pin a specific caller or network. */
export function restricts(c: ConditionEntry): boolean {
    if (!positive(c)) return false;
    const op = c.operator.replace(/^ForAnyValue:/, "");
    if (!/^(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike|IpAddress)$/.test(op)) return false;
    if (!RESTRICTING_KEYS.has(c.key) || c.values.length === 0) return false;
    return c.values.every((v) => v === UNKNOWN || (typeof v === "string" && !isWildcard(v) && !OPEN_NETWORKS.has(v.trim())));
}

/** Statements that let anyone on the internet act: Allow to `*` (or everyone but a few) without a restricting condition. */
export function publicStatements(statements: Statement[]): Statement[] {
    return statements.filter((s) => s.Effect === "Allow" && (principalIsEveryone(s.Principal) || s.NotPrincipal !== undefined) && !conditions(s).some(restricts));
}

// ── Actions and resources ─────────────────────────────────────────────────────────────────────────────────

const globCache = new Map<string, RegExp>();
/** IAM's own matching: case-insensitive, `*` any run of characters, `?` one character. */
export function actionMatches(pattern: string, action: string): boolean {
    let re = globCache.get(pattern);
    if (!re) {
        re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
        globCache.set(pattern, re);
    }
    return re.test(action);
}

/** Whether an Allow statement grants `action` (through Action, or through NotAction that does not exclude it). */
export function grants(s: Statement, action: string): boolean {
    if (s.Effect !== "Allow") return false;
    if (s.NotAction !== undefined) return !strings(s.NotAction).some((p) => actionMatches(p, action)) && !hasUnknown(s.NotAction);
    return strings(s.Action).some((p) => actionMatches(p, action));
}

/** The actions of `list` an Allow statement grants. */
export const grantedOf = (s: Statement, list: readonly string[]) => list.filter((a) => grants(s, a));

/** A resource that stands for every resource (of a service): `*`, or an ARN whose resource part is `*`. */
const EVERY_RESOURCE = /^(\*|arn:[^:]*:[^:]*:[^:]*:[^:]*:\*)$/;

/** Whether a statement applies to every resource: `Resource: "*"` (or an ARN ending in `:*`), or NotResource. */
export function onEveryResource(s: Statement): boolean {
    if (s.NotResource !== undefined) return true;
    return strings(s.Resource).some((r) => EVERY_RESOURCE.test(r.trim()));
}

/** Condition keys that narrow which resources a statement reaches, so a `*` resource is constrained after all. */
const RESOURCE_CONSTRAINING_KEYS = /^(iam:passedtoservice|iam:policyarn|iam:permissionsboundary|iam:associatedresourcearn|aws:resourceaccount|aws:resourceorgid|aws:resourceorgpaths|aws:resourcetag\/.+|s3:prefix|kms:viaservice)$/;

/** Whether a statement on `*` is still confined by a positive condition on the resource side. */
export function resourceConstrained(s: Statement): boolean {
    return conditions(s).some((c) => positive(c) && RESOURCE_CONSTRAINING_KEYS.test(c.key) && c.values.length > 0 && c.values.every((v) => v === UNKNOWN || (typeof v === "string" && !isWildcard(v))));
}

/** Allow statements on every resource with no condition confining them: what "on Resource *" means in the IAM rules. */
export const unconstrainedOnEveryResource = (statements: Statement[]) =>
    statements.filter((s) => s.Effect === "Allow" && onEveryResource(s) && !resourceConstrained(s));

export const label = (s: Statement, i: number) => (typeof s.Sid === "string" && s.Sid !== "" ? `statement ${s.Sid}` : `statement ${i + 1}`);
