/** Readiness rules: governance. */
import type { Rule } from "../lib/rule";

export const governanceRules: Rule[] = [];
