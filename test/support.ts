/** Shared helpers of the test suite: evaluating the real pack and asserting on what it reports. */
import * as assert from "node:assert/strict";
import type { Diagnostic } from "../readiness/engine/analyzer";
import * as path from "node:path";
import { checkStack, CheckOptions } from "../readiness/check";
import { defaultLayout, Layout } from "../readiness/layout";
import type { StackReport } from "../readiness/report";
import { readProject, readStackFile, StackFile } from "../readiness/engine/stackFiles";
import { CHANGE_RULE, REFUSED_RULE } from "../readiness/changes";
import { editDistance } from "../config/guards";
import { rules } from "../policies/pack";

export { evaluate, secret, UNKNOWN } from "./synthetic";
export type { SyntheticResource } from "./synthetic";

/** Every name a finding can carry: the pack's rules and the change report's two. */
const RULE_NAMES: readonly string[] = [...rules.map((r) => r.name), CHANGE_RULE, REFUSED_RULE];

/**
 * `name`, once it is known to be a rule's: an assertion that a misspelt rule stays quiet would pass whatever
 * the pack does, so every helper here refuses a name no rule has.
 */
export function knownRule(name: string): string {
    if (!RULE_NAMES.includes(name)) {
        const near = RULE_NAMES.filter((n) => editDistance(n, name) <= 3);
        throw new Error(`no rule is named "${name}"${near.length > 0 ? ` (did you mean ${near.map((n) => `"${n}"`).join(" or ")}?)` : ""}`);
    }
    return name;
}

/** Violations of `policy` (exemption notes and preview skips excluded), optionally for one resource name. */
export function violations(diags: Diagnostic[], policy: string, resourceName?: string): Diagnostic[] {
    knownRule(policy);
    return diags.filter(
        (d) =>
            d.policy === policy &&
            !d.message.includes("EXEMPTED until") &&
            !d.message.startsWith("can't run policy") &&
            (resourceName === undefined || d.urn.endsWith(`::${resourceName}`)),
    );
}

/** Asserts `policy` fired (at `level` when given) on `resourceName`, and returns its violations. */
export function assertFires(diags: Diagnostic[], policy: string, resourceName?: string, level?: "mandatory" | "advisory"): Diagnostic[] {
    const found = violations(diags, policy, resourceName);
    assert.ok(found.length > 0, `expected ${policy} to fire${resourceName ? ` on ${resourceName}` : ""}; got: ${JSON.stringify(diags.map((d) => `${d.policy} ${d.urn}`))}`);
    if (level) for (const v of found) assert.equal(v.enforcementLevel, level, `${policy} level`);
    return found;
}

export function assertQuiet(diags: Diagnostic[], policy: string, resourceName?: string): void {
    const found = violations(diags, policy, resourceName);
    assert.equal(found.length, 0, `expected ${policy} to stay quiet; got: ${found.map((d) => d.message).join(" | ")}`);
}

/**
 * The worked example the tests check (test/fixtures/example: a dev and a prod stack with example values), run
 * with this project's program and pack. Tests read these, never the project's own stack files, whose values
 * belong to the service (and which, in the template itself, still hold the placeholders `pulumi new` fills).
 */
export const EXAMPLE: Layout = { ...defaultLayout(), project: path.join(defaultLayout().root, "test", "fixtures", "example") };

/** The example's project name (its stacks are `<name>-dev` and `<name>-prod`). */
export const EXAMPLE_PROJECT = readProject(EXAMPLE.project!).name;

/** A stack file of the example, as the check reads it. */
export function exampleStack(stack: string): StackFile {
    return readStackFile(EXAMPLE.project!, stack);
}

/** Checks a stack of the example with config overrides (raw `service:key` strings, objects as JSON). */
export function checkVariant(stack: string, overrides: Record<string, unknown> = {}, opts: Partial<CheckOptions> = {}): Promise<StackReport> {
    const configOverrides: Record<string, string> = {};
    for (const [k, v] of Object.entries(overrides)) configOverrides[k] = typeof v === "string" ? v : JSON.stringify(v);
    return checkStack({ stack, configOverrides, layout: EXAMPLE, ...opts });
}

export function reportFires(report: StackReport, policy: string, level: "mandatory" | "advisory" = "mandatory"): void {
    knownRule(policy);
    const found = report.violations.filter((v) => v.policy === policy && v.enforcementLevel === level);
    assert.ok(found.length > 0, `expected a ${level} ${policy} violation; got: ${JSON.stringify(report.violations.map((v) => `${v.enforcementLevel} ${v.policy} ${v.resourceName}`))}`);
}
