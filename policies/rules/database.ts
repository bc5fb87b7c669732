/** Readiness rules: database. */
import type { Rule } from "../lib/rule";

export const databaseRules: Rule[] = [];
