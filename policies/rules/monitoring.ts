/** Readiness rules: monitoring. */
import type { Rule } from "../lib/rule";

export const monitoringRules: Rule[] = [];
