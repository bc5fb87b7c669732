/** Readiness rules: app. */
import type { Rule } from "../lib/rule";

export const appRules: Rule[] = [];
