/** Readiness rules: storage. */
import type { Rule } from "../lib/rule";

export const storageRules: Rule[] = [];
