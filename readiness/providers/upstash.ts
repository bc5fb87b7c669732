/**
 * Input validators of terraform-provider-upstash v2.0.0, the version @upstash/pulumi 0.5 bridges
 * (upstash/pulumi-upstash provider/go.mod: github.com/upstash/terraform-provider-upstash/v2 v2.0.0).
 */
import { object, relation, Validator } from "./validator";
import { isSet } from "./values";

const PROVIDER = "pulumi:providers:upstash";
const source = "upstash/terraform-provider-upstash upstash/provider.go v2.0.0";

/** `email` and `api_key` are Required, with UPSTASH_EMAIL and UPSTASH_API_KEY as their defaults. */
const requiredWithEnv = (key: string, configKey: string, env: string) =>
    object(
        PROVIDER,
        "",
        source,
        relation(`Required, DefaultFunc EnvDefaultFunc(${env}) (${configKey})`, (o, at) =>
            isSet(o.value, key) || process.env[env] ? [] : [{ property: at(key), message: `${configKey} is required by the Upstash provider: set it with \`pulumi config set${key === "apiKey" ? " --secret" : ""} ${configKey} <value>\` (or ${env} in the environment)` }],
        ),
    );

export const upstashValidators: Validator[] = [requiredWithEnv("email", "upstash:email", "UPSTASH_EMAIL"), requiredWithEnv("apiKey", "upstash:apiKey", "UPSTASH_API_KEY")];
