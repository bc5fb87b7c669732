/**
 * What the pack asks of a policy config document (`policies/config/<environment>.json`) beyond what the CLI
 * checks: each rule named once, and a security rule switched off only with a waiver as accountable as an exemption.
 * The offline check applies these before Configure (readiness/engine/analyzer.ts); the pack owns the rules,
 * so a pack published on its own carries them too. No dependency on @pulumi/policy.
 */
import { judgeExemption } from "./exemptions";
import { Exemption } from "../contracts/exemptions";

/**
 * Keys written twice in one object of a JSON text, as `path.key`. JSON.parse keeps the last, so a rule named
 * `mandatory` and then `disabled` would be silently disabled. Expects text JSON.parse accepted.
 */
export function duplicateKeys(text: string): string[] {
    const out: string[] = [];
    // One frame per open object or array: an object's keys seen so far, and the key its parent holds it under.
    const frames: Array<{ keys: Set<string> | undefined; path: string }> = [];
    let pendingKey: string | undefined;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '"') {
            let j = i + 1;
            let raw = "";
            while (j < text.length && text[j] !== '"') {
                raw += text[j] === "\\" ? text[j] + text[++j] : text[j];
                j++;
            }
            const value = JSON.parse(`"${raw}"`) as string;
            let k = j + 1;
            while (k < text.length && /\s/.test(text[k])) k++;
            const frame = frames[frames.length - 1];
            if (text[k] === ":" && frame?.keys) {
                if (frame.keys.has(value)) out.push(frame.path ? `${frame.path}.${value}` : value);
                frame.keys.add(value);
                pendingKey = value;
            }
            i = j;
        } else if (c === "{" || c === "[") {
            const parent = frames[frames.length - 1];
            const under = parent?.keys ? pendingKey ?? "" : "[]";
            const path = parent ? (parent.path ? `${parent.path}.${under}` : under) : "";
            frames.push({ keys: c === "{" ? new Set() : undefined, path });
        } else if (c === "}" || c === "]") {
            frames.pop();
        }
    }
    return out;
}

/** Names a plain object answers for without holding them: never a rule name. */
export function isPrototypeKey(name: string): boolean {
    return name in Object.prototype || name === "__proto__";
}

/** Why a rule may be switched off in a config: an exemption of the rule for every resource. */
export type Waiver = Omit<Exemption, "rule" | "resource">;

/**
 * The problem with switching `rule` off, or undefined when it may be: a security rule (mandatory in every
 * environment by design) needs a waiver with a reason, an owner and an expiry, as an exemption does, and a
 * rule that refuses exemptions cannot be waived at all. Other rules are the environment's to tune.
 */
export function disableProblem(rule: { name: string; category: string }, waiver: Waiver | undefined, opts: { nonExemptable: boolean; today: Date }): string | undefined {
    if (rule.category !== "security") return undefined;
    if (opts.nonExemptable) return `"${rule.name}" refuses exemptions here, so it cannot be disabled either`;
    if (!waiver) return `a "waiver" of {reason, owner, expires}: disabling a security rule exempts every resource from it`;
    const verdict = judgeExemption({ ...waiver, rule: rule.name }, false, opts.today);
    return verdict.valid ? undefined : `a valid "waiver": ${verdict.reason}`;
}
