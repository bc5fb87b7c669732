/** Severities from the most to the least urgent, the order every renderer lists findings in. */
export const SEVERITY_ORDER: readonly string[] = ["critical", "high", "medium", "low"];
