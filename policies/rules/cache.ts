/** Readiness rules: cache. */
import type { Rule } from "../lib/rule";

export const cacheRules: Rule[] = [];
