/** Readiness rules: network. */
import type { Rule } from "../lib/rule";

export const networkRules: Rule[] = [];
