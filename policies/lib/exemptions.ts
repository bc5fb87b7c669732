/**
 * Exemptions: a named rule waived for one resource, always with a reason, an owner and an expiry date.
 *
 * Two places grant them:
 * - in code, as a tag on the resource (contracts/exemptions.ts builds and reads it), so the waiver sits next to
 *   what it waives and is reviewed with it;
 * - in the pack config file, under the rule's `exemptions`, for resources that carry no tags.
 *
 * This module judges them: whether one may waive a violation today, and which one an advisory note came from.
 */
import { z } from "zod";
import { Exemption, exemptionsFromTags } from "../contracts/exemptions";

/** An exemption in the pack config; the same fields as an in-code one (`satisfies` keeps the two alike). */
export const ExemptionSchema = z
    .object({
        rule: z.string().min(1),
        resource: z.string().min(1).optional(),
        reason: z.string(),
        owner: z.string(),
        expires: z.string(),
    })
    .strict() satisfies z.ZodType<Exemption>;

const MIN_REASON_LENGTH = 10;
/** The furthest an exemption may reach; `exemptions-valid` holds in-code tags to a shorter, configurable horizon. */
export const MAX_EXEMPTION_DAYS = 366;

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
