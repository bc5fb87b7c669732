/**
 * Exemptions: a named rule waived for one resource, always with a reason, an owner and an expiry date.
 *
 * Two places grant them:
 * - in code, as a tag on the resource (`exemptionTag(...)` builds it), so the waiver sits next to what it
 *   waives and is reviewed with it;
 * - in the pack config file, under the rule's `exemptions`, for resources that carry no tags.
 *
 * This module has no dependency on @pulumi/policy, so the program can import it to build tags.
 */
import { z } from "zod";
import { parseJsonish } from "./json";

export const ExemptionSchema = z
    .object({
        /** The rule waived. */
        rule: z.string().min(1),
        /** Resource name or URN; in code the tag's resource is implied. */
        resource: z.string().min(1).optional(),
        /** Why the rule does not apply here; reviewed like code. */
        reason: z.string(),
        /** Who answers for the waiver. */
        owner: z.string(),
        /** Last day (UTC, YYYY-MM-DD) the waiver holds. */
        expires: z.string(),
    })
    .strict();

export type Exemption = z.infer<typeof ExemptionSchema>;

/** Tag key prefix of an in-code exemption: `readiness:exempt:<rule>`. */
export const EXEMPTION_TAG_PREFIX = "readiness:exempt:";
const TAG_VALUE = /^owner=(\S*) expires=(\S*) reason=(.*)$/;
const MIN_REASON_LENGTH = 10;
/** The furthest an exemption may reach; `exemptions-valid` holds in-code tags to a shorter, configurable horizon. */
export const MAX_EXEMPTION_DAYS = 366;

/**
 * Builds the tag that exempts the tagged resource from `rule`. AWS tag values allow letters, digits, spaces
 * and `_ . : / = + - @`, so keep the reason to those.
 */
export function exemptionTag(e: Omit<Exemption, "resource">): Record<string, string> {
    return { [`${EXEMPTION_TAG_PREFIX}${e.rule}`]: `owner=${e.owner} expires=${e.expires} reason=${e.reason}` };
}

/** Reads in-code exemptions from a resource's tags (tolerates tags given as a JSON string). */
export function exemptionsFromTags(tags: unknown): Exemption[] {
    const map = parseJsonish(tags);
    if (!map || typeof map !== "object") return [];
    const out: Exemption[] = [];
    for (const [key, value] of Object.entries(map as Record<string, unknown>)) {
        if (!key.startsWith(EXEMPTION_TAG_PREFIX)) continue;
        const m = typeof value === "string" ? TAG_VALUE.exec(value) : null;
        out.push({
            rule: key.slice(EXEMPTION_TAG_PREFIX.length),
            owner: m?.[1] ?? "",
            expires: m?.[2] ?? "",
            reason: m?.[3]?.trim() ?? "",
        });
    }
    return out;
}

export type Verdict = { valid: true } | { valid: false; reason: string };

/** Decides whether an exemption may waive a violation today. */
export function judgeExemption(e: Exemption, nonExemptable: boolean, today: Date): Verdict {
    if (nonExemptable) return { valid: false, reason: `rule '${e.rule}' cannot be exempted in this environment` };
    if (e.reason.trim().length < MIN_REASON_LENGTH) {
        return { valid: false, reason: `an exemption needs a reason of at least ${MIN_REASON_LENGTH} characters` };
    }
    if (!e.owner.trim()) return { valid: false, reason: "an exemption needs an owner" };
    // Date.parse rolls a day past the month's end over (02-30 is March 2nd): the date must read back unchanged.
    const end = Date.parse(`${e.expires}T23:59:59Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(e.expires) || Number.isNaN(end) || new Date(end).toISOString().slice(0, 10) !== e.expires) {
        return { valid: false, reason: `expiry '${e.expires}' is not a date in YYYY-MM-DD form` };
    }
    if (end < today.getTime()) {
        return { valid: false, reason: `the exemption expired on ${e.expires}` };
    }
    // An exemption is temporary: one that never ends in practice (9999-12-31) is a permanent waiver in disguise.
    if (end > today.getTime() + MAX_EXEMPTION_DAYS * 86_400_000) {
        return { valid: false, reason: `expiry ${e.expires} is more than ${MAX_EXEMPTION_DAYS} days away` };
    }
    return { valid: true };
}

const EXEMPTED_PREFIX = "EXEMPTED";

/** The advisory message of an exempted violation; `exemptionBehind` recognises it for reports. */
export function formatExempted(e: Exemption, message: string): string {
    return `${EXEMPTED_PREFIX} until ${e.expires} (owner: ${e.owner}; reason: ${e.reason})\n${message}`;
}

/**
 * The exemption behind an advisory violation, decided from structured data: the exemptions granted to the
 * resource (its tags and the rule's config) and the exact note `formatExempted` writes for one of them.
 * Message text alone never makes an exemption: a resource named "EXEMPTED until ..." has none.
 */
export function exemptionBehind(
    violation: { policy: string; message: string; enforcementLevel: string },
    resource: { name: string; urn: string; tags: unknown } | undefined,
    configExemptions: readonly Exemption[],
    nonExemptable: boolean,
    today: Date,
): { exemption: Exemption; message: string } | undefined {
    if (violation.enforcementLevel !== "advisory") return undefined;
    const granted = [...exemptionsFromTags(resource?.tags), ...configExemptions].filter(
        (e) => e.rule === violation.policy && (e.resource === undefined || e.resource === resource?.name || e.resource === resource?.urn),
    );
    for (const exemption of granted) {
        const note = formatExempted(exemption, "");
        if (violation.message.startsWith(note) && judgeExemption(exemption, nonExemptable, today).valid) {
            return { exemption, message: violation.message.slice(note.length) };
        }
    }
    return undefined;
}
