/**
 * The readiness rules, in the order reports list them. `index.ts` serves them to the Pulumi CLI; the
 * offline check and the catalogue import this module, so all three see the very same objects.
 */
import type { Rule } from "./lib/rule";
import { secretRules } from "./rules/secrets";

/** The pack name the CLI reports violations under. */
export const PACK_NAME = "service-readiness";

export const rules: Rule[] = [...secretRules];
