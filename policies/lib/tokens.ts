/**
 * Type tokens of the program's components that the pack reads (their registered outputs carry what a stack
 * policy cannot read from config). No dependency at all: the program imports its tokens from here, so a
 * `pulumi up` never loads @pulumi/policy (test/program-imports.test.ts).
 */

/** The ErrorTracking component (components/errorTracking.ts registers it with its mode and project). */
export const ERROR_TRACKING_TYPE = "service:monitoring:ErrorTracking";

/** The component that carries `service:cost` (components/costAssumptions.ts). */
export const USAGE_ASSUMPTIONS_TYPE = "service:cost:UsageAssumptions";
