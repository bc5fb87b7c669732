/**
 * Input validators of terraform-provider-upstash v2.0.0, the version @upstash/pulumi 0.5 bridges
 * (upstash/pulumi-upstash provider/go.mod: github.com/upstash/terraform-provider-upstash/v2 v2.0.0; tag v2.0.0 is
 * commit a8c50b1f, MIT).
 */
import type { TypeCoverage } from "./types";
import { object, relation, Validator } from "./validator";
import { isSet } from "./values";
import { TYPES } from "../../contracts/tokens";

const PROVIDER = "pulumi:providers:upstash";
const source = "upstash/terraform-provider-upstash upstash/provider.go v2.0.0";

/** `email` and `api_key` are Required, with UPSTASH_EMAIL and UPSTASH_API_KEY as their defaults. */
const requiredWithEnv = (key: string, configKey: string, env: string) =>
    object(
        PROVIDER,
        "",
        source,
        relation(`Required ${key}, DefaultFunc EnvDefaultFunc(${env}) (${configKey})`, (o, at) =>
            isSet(o.value, key) || process.env[env] ? [] : [{ property: at(key), message: `${configKey} is required by the Upstash provider: set it with \`pulumi config set${key === "apiKey" ? " --secret" : ""} ${configKey} <value>\` (or ${env} in the environment)` }],
        ),
    );

export const upstashValidators: Validator[] = [requiredWithEnv("email", "upstash:email", "UPSTASH_EMAIL"), requiredWithEnv("apiKey", "upstash:apiKey", "UPSTASH_API_KEY")];

const readAt = (file: string, lines: string) => `upstash/terraform-provider-upstash ${file} v2.0.0 (a8c50b1f) ${lines}`;
const PRIOR_STATE = "an update-time check: it compares the prior state with the plan, and the offline check previews a fresh program without prior state";

/** Every validator-bearing attribute of the Upstash types the program registers, read at tag v2.0.0. */
export const upstashCoverage: Record<string, TypeCoverage> = {
    [TYPES.upstashRedis]: {
        source: readAt("upstash/redis/database/resource.go", "Schema L20-185 (no ValidateFunc, ConflictsWith or MaxItems), CustomizeDiff L191-198; crud.go resourceDatabaseUpdate L13-88"),
        attributes: [
            { path: "consistent (update)", declared: "CustomizeDiff ForceNewIfChange(consistent: true to false); Update refuses enabling it (crud.go L83-87)", exception: PRIOR_STATE },
            { path: "tls (update)", declared: "CustomizeDiff ForceNewIfChange(tls: true to false) (L195-197)", exception: PRIOR_STATE },
            { path: "readRegions (update)", declared: "Update: the primary region cannot be a read region (crud.go L17-24; Create does not check it)", exception: PRIOR_STATE },
        ],
    },
    [PROVIDER]: {
        source: readAt("upstash/provider.go", "Schema L24-37"),
        attributes: [
            { path: "email", declared: "Required, DefaultFunc EnvDefaultFunc(UPSTASH_EMAIL) (L26-30)" },
            { path: "apiKey", declared: "api_key: Required, DefaultFunc EnvDefaultFunc(UPSTASH_API_KEY) (L31-36)" },
        ],
    },
};
