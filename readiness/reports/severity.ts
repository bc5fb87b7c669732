/** Severities from the most to the least urgent, the order every renderer lists findings in. */
export const SEVERITY_ORDER: readonly string[] = ["critical", "high", "medium", "low"];

/** How every renderer marks a finding of the apply phase (the state after `up`); preview findings carry no mark. */
export const AFTER_APPLY = "(found after apply, on the providers' outputs)";
