export * from "./schema";
export { PRESETS } from "./presets";
export type { Preset } from "./presets";
export { ConfigError, expectation, loadStackSettings, missingRequiredSecrets, parseServiceConfig } from "./load";
export type { ConfigProblem, ParseOptions, PlainServiceConfig, StackSettings } from "./load";
export { isSecretPath, looksSecret, NOT_SET, renderValue, SECRET_MARK } from "./guards";
export { connectionBudget, instanceClassMemoryBytes, INSTANCE_CLASS_MEMORY_GIB, planConnections } from "./connectionBudget";
export type { ConnectionBudget } from "./connectionBudget";
export { isWorkedExampleStack, WORKED_EXAMPLE_PROJECT, WORKED_EXAMPLE_VALUES } from "./example";
