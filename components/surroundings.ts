/**
 * What a stack reads from its surroundings before it registers anything of its own: the zones its region offers,
 * the shared stack's outputs (components/shared.ts) and the account it deploys into. config/live.ts judges them
 * with the config and reports every problem at once as a `ConfigError`; what passes becomes the settings the
 * components take (`LiveSettings`), so none of them judges the config again. Reading them needs the stack's AWS
 * provider and, when the config does not name the shared singletons itself, a StackReference: those two are
 * registered first, and nothing else is until the config is judged.
 */
import * as pulumi from "@pulumi/pulumi";
import { ConfigError, judgeLiveFacts, LiveFacts, LiveSettings, needsSharedStack, PlainServiceConfig, SharedStackOutputs } from "../config";
import { SHARED_ENVIRONMENT } from "../config/presets";
import * as aws from "./aws";
import type { ServiceContext } from "./context";
import { sharedStackName } from "./shared";

/**
 * Reads and judges the stack's surroundings. `ownAccountId` is the account the stack deploys into; by default
 * `service:aws.accountId`, else the caller's identity.
 */
export async function readSurroundings(config: PlainServiceConfig, ctx: ServiceContext, ownAccountId?: () => Promise<string>): Promise<LiveSettings> {
    const zones = aws.getAvailabilityZones({ state: "available" }, { provider: ctx.aws });
    const facts: LiveFacts = { availableZones: (await zones).names };
    if (needsSharedStack(config)) {
        const stack = sharedStackName(config);
        const ref = new pulumi.StackReference(SHARED_ENVIRONMENT, { name: stack });
        const read = async (output: keyof SharedStackOutputs): Promise<string | undefined> => {
            const details = await ref.getOutputDetails(output);
            const value = details.value ?? details.secretValue;
            return typeof value === "string" ? value : undefined;
        };
        const [vercelProjectId, vercelOidcProviderArn, awsAccountId] = await Promise.all([read("vercelProjectId"), read("vercelOidcProviderArn"), read("awsAccountId")]);
        facts.shared = { stack, outputs: { vercelProjectId, vercelOidcProviderArn, awsAccountId } };
        const account = ownAccountId ?? (async () => config.aws.accountId ?? (await aws.getCallerIdentity({}, { provider: ctx.aws })).accountId);
        facts.ownAccountId = await account();
    }
    const { problems, settings } = judgeLiveFacts(config, facts);
    if (!settings) throw new ConfigError(problems);
    return settings;
}
