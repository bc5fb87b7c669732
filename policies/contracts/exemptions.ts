// Generated from contracts/exemptions.ts by `npm run pack-contracts` (scripts/pack-contracts.js): the pack is
// published on its own, so it carries its copy of what it shares with the program. Edit contracts/exemptions.ts.
/**
 * The grammar of an in-code exemption: a tag `readiness:exempt:<rule>` on the resource it waives, whose value
 * names the owner, the expiry and the reason. The program writes these tags (`exemptionTag`), the pack and the
 * check read them (`exemptionsFromTags`); whether one may waive a violation today is the pack's to judge
 * (policies/lib/exemptions.ts). No dependency at all (test/imports.test.ts).
 */
import { parseJsonish } from "./json";

/** A named rule waived for one resource, always with a reason, an owner and an expiry date. */
export interface Exemption {
    /** The rule waived. */
    rule: string;
    /** Resource name or URN; in code the tag's resource is implied. */
    resource?: string;
    /** Why the rule does not apply here; reviewed like code. */
    reason: string;
    /** Who answers for the waiver. */
    owner: string;
    /** Last day (UTC, YYYY-MM-DD) the waiver holds. */
    expires: string;
}

/** Tag key prefix of an in-code exemption: `readiness:exempt:<rule>`. */
export const EXEMPTION_TAG_PREFIX = "readiness:exempt:";
const TAG_VALUE = /^owner=(\S*) expires=(\S*) reason=(.*)$/;

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
