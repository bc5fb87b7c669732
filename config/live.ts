/**
 * The checks of a stack's config that need what already exists: the zones its region offers the account, the shared
 * stack's outputs and the account it deploys into. They cannot run with the schema (config/load.ts), which sees the
 * stack file alone, so the program reads those facts first (components/surroundings.ts) and judges them here,
 * before it registers any resource of its own; every problem is reported at once, as the schema's are, and what
 * passes comes back as the typed settings the components take, so no component judges the config again.
 */
import type { InputProblem } from "./problem";
import type { PlainServiceConfig } from "./schema";
import { CONFIG_NAMESPACE } from "./schema";

/** The shared stack's outputs an environment reads (components/shared.ts exports them; names are the contract). */
export interface SharedStackOutputs {
    vercelProjectId?: string;
    /** Empty when the shared stack's storage is Blob: it created no OIDC provider. */
    vercelOidcProviderArn?: string;
    awsAccountId?: string;
}

/** What the program read before registering anything of its own. */
export interface LiveFacts {
    /** Zones the region reports available to the account, in its order (`aws.getAvailabilityZones`, state available). */
    availableZones: string[];
    /** The shared stack, when the config does not name everything itself; a missing output is undefined. */
    shared?: { stack: string; outputs: SharedStackOutputs };
    /** The account this stack deploys into (`service:aws.accountId`, else the caller's); read only with `shared`'s provider. */
    ownAccountId?: string;
}

/** How the S3 storage role finds the account's IAM OIDC provider for the team's Vercel issuer. */
export type OidcProviderSource =
    /** This stack creates it (`service:storage.ownOidcProvider`): its account has no other. */
    | { create: true }
    /** It exists: `service:storage.oidcProviderArn`, else the shared stack's. */
    | { create: false; arn: string };

/** Object storage as the checks left it: an S3 bucket always has an OIDC provider to trust. */
export type StorageTrust = { backend: "blob" } | { backend: "s3"; oidcProvider: OidcProviderSource };

/** The config's live settings, once judged. */
export interface LiveSettings {
    /** The zones the VPC spans: the first `service:availabilityZones` of the region's available ones. */
    zones: string[];
    /** The Vercel project every environment writes into (`service:vercel.projectId`, else the shared stack's). */
    vercelProjectId: string;
    storage: StorageTrust;
}

/** True when the stack needs the shared stack's outputs: for its project, or for the account's OIDC provider. */
export function needsSharedStack(config: PlainServiceConfig): boolean {
    return !config.vercel.projectId || needsSharedOidcProvider(config);
}

function needsSharedOidcProvider(config: PlainServiceConfig): boolean {
    return config.storage.backend === "s3" && !config.storage.oidcProviderArn && !config.storage.ownOidcProvider;
}

const p = `${CONFIG_NAMESPACE}:`;

/**
 * Judges the facts against the config: every problem, or the settings the components take. `facts.shared` must be
 * given whenever `needsSharedStack(config)`.
 */
export function judgeLiveFacts(config: PlainServiceConfig, facts: LiveFacts): { problems: InputProblem[]; settings?: LiveSettings } {
    const problems: InputProblem[] = [];

    // The region may offer an account fewer zones than the schema allows (us-west-1 offers most accounts two).
    if (facts.availableZones.length < config.availabilityZones) {
        problems.push({
            key: `${p}availabilityZones`,
            given: String(config.availabilityZones),
            expected: `at most ${facts.availableZones.length}: ${config.aws.region} has no more available zones for this account (${facts.availableZones.join(", ") || "none"})`,
        });
    }

    const shared = facts.shared;
    const missing = (output: keyof SharedStackOutputs) =>
        problems.push({
            key: `${p}sharedStack`,
            given: JSON.stringify(shared?.stack ?? ""),
            expected: `a deployed shared stack that exports ${output}: run \`pulumi up\` on the shared stack first, or name it here`,
        });
    let vercelProjectId = config.vercel.projectId;
    if (!vercelProjectId) {
        vercelProjectId = shared?.outputs.vercelProjectId;
        if (!vercelProjectId) missing("vercelProjectId");
    }

    let storage: StorageTrust | undefined;
    if (config.storage.backend === "blob") storage = { backend: "blob" };
    else if (config.storage.ownOidcProvider) storage = { backend: "s3", oidcProvider: { create: true } };
    else if (config.storage.oidcProviderArn) storage = { backend: "s3", oidcProvider: { create: false, arn: config.storage.oidcProviderArn } };
    else storage = sharedOidcProvider(config, facts, problems, missing);

    if (problems.length > 0 || !vercelProjectId || !storage) return { problems };
    return { problems, settings: { zones: facts.availableZones.slice(0, config.availabilityZones), vercelProjectId, storage } };
}

/** The shared stack's provider, when it is one the stack's role can trust: in this account, for this team's issuer. */
function sharedOidcProvider(config: PlainServiceConfig, facts: LiveFacts, problems: InputProblem[], missing: (output: keyof SharedStackOutputs) => void): StorageTrust | undefined {
    const shared = facts.shared;
    const arn = shared?.outputs.vercelOidcProviderArn;
    const sharedAccount = shared?.outputs.awsAccountId;
    if (arn === undefined) return void missing("vercelOidcProviderArn");
    if (sharedAccount === undefined) return void missing("awsAccountId");
    const key = `${p}storage.ownOidcProvider`;
    if (!arn) {
        problems.push({ key, given: "false", expected: `true: the shared stack ${shared!.stack} created no OIDC provider (its storage backend is not s3)` });
        return undefined;
    }
    if (sharedAccount !== facts.ownAccountId) {
        problems.push({
            key,
            given: "false",
            expected: `true: this stack deploys into AWS account ${facts.ownAccountId}, the shared stack ${shared!.stack} into ${sharedAccount}; an account's first stack creates its own provider (or name an existing one in ${p}storage.oidcProviderArn)`,
        });
        return undefined;
    }
    // The shared stack names its provider after its own team slug; a role trusting another team's issuer could never be assumed.
    const slug = arn.replace(/^.*:oidc-provider\/oidc\.vercel\.com\//, "");
    if (config.vercel.teamSlug && slug !== config.vercel.teamSlug) {
        problems.push({
            key: `${p}storage.oidcProviderArn`,
            given: "(not set)",
            expected: `the account's OIDC provider for oidc.vercel.com/${config.vercel.teamSlug} (${p}vercel.teamSlug): the shared stack ${shared!.stack}'s provider ${JSON.stringify(arn)} trusts tokens of team "${slug}"`,
        });
        return undefined;
    }
    return { backend: "s3", oidcProvider: { create: false, arn } };
}
