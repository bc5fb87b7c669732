export * from "./schema";
export { PRESETS } from "./presets";
export type { Preset } from "./presets";
export { ConfigError, loadStackSettings, missingRequiredSecrets, parseServiceConfig } from "./load";
export type { ConfigProblem, PlainServiceConfig, StackSettings } from "./load";
