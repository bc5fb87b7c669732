export * from "./schema";
export { PRESETS, Preset } from "./presets";
export { ConfigError, ConfigProblem, PlainServiceConfig, StackSettings, loadStackSettings, missingRequiredSecrets, parseServiceConfig } from "./load";
