/**
 * Readiness rules: governance. What makes a stack answerable and hard to mix up with another: tags that
 * name the owner, physical names and keys that carry their environment, a provider pinned to its account,
 * stateful resources that cannot be deleted by accident, and exemptions that stay honest.
 */
import { z } from "zod";
import { judgeExemption } from "../lib/exemptions";
import { exemptionsFromTags } from "../contracts/exemptions";
import { Inputs, inputsOf } from "../lib/inputs";
import { TYPES } from "../contracts/tokens";
import { isSet, knownOrUndefined } from "../lib/preview";
import { DATA_TYPES, generatedSourcesToProtect, mustProtect } from "../lib/stateful";
import { resourceAndStackRule, resourceRule, Rule, ruleResource, stackRule } from "../lib/rule";
import { TAGGABLE_AWS_TYPES } from "../lib/taggable.generated";
import { parseJsonish } from "../contracts/json";
import { VERCEL_TARGETS, VercelTarget } from "../contracts/vercel";

function tagMap(value: unknown): Record<string, unknown> {
    const parsed = parseJsonish(value);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

/**
 * Whether an AWS resource type takes `tags`, as the AWS package's own typings say (its `<Class>Args` declares
 * `tags`), so the rule covers every taggable type without a hand-kept list. The list is generated from the
 * typings at build time (`npm run provider-schema`), not read while a policy runs.
 */
function declaresTags(type: string): boolean {
    return TAGGABLE_AWS_TYPES.has(type);
}

export const requiredTags = resourceRule({
    name: "required-tags",
    description: "Every taggable AWS resource carries the service, environment, owner and managed-by tags, on itself or through its provider's default tags.",
    severity: "medium",
    category: "governance",
    remediation:
        "Create AWS resources with `provider: ctx.aws`: its `defaultTags` carry service, environment, owner and managed-by from `service:name`, `service:environment` and `service:owner`. A resource on another provider needs `tags: ctx.tags`.",
    // Resources that already carry tags count even when the typings cannot be read: a partial set is still caught.
    types: (type) => type.startsWith("aws:"),
    config: { keys: z.array(z.string().min(1)).min(1).default(["service", "environment", "owner", "managed-by"]) },
    validate(resource, config, report, args) {
        if (!declaresTags(resource.type) && !("tags" in resource.props)) return;
        const own = tagMap(resource.props.tags);
        const provider = args.provider?.type === TYPES.awsProvider ? args.provider : undefined;
        const defaults = tagMap(tagMap(provider?.props.defaultTags).tags);
        const missing = config.keys.filter((key) => {
            const value = own[key] ?? defaults[key];
            return typeof value !== "string" || value.trim() === "";
        });
        if (missing.length > 0) {
            report(`${resource.name} (${resource.type}) has no ${missing.join(", ")} tag${missing.length === 1 ? "" : "s"}, on itself or from its provider's defaultTags.`);
        }
    },
});

/** Where each AWS, Vercel and Upstash resource type takes its physical name, including the generated-suffix forms. */
const PHYSICAL_NAME_PROPS: Record<string, readonly string[]> = {
    [TYPES.bucket]: ["bucket", "bucketPrefix"],
    [TYPES.bucketV2]: ["bucket", "bucketPrefix"],
    [TYPES.rdsInstance]: ["identifier", "identifierPrefix"],
    [TYPES.rdsCluster]: ["clusterIdentifier", "clusterIdentifierPrefix"],
    [TYPES.rdsClusterInstance]: ["identifier", "identifierPrefix"],
    [TYPES.rdsParameterGroup]: ["name", "namePrefix"],
    [TYPES.rdsClusterParameterGroup]: ["name", "namePrefix"],
    [TYPES.rdsSubnetGroup]: ["name", "namePrefix"],
    [TYPES.rdsProxy]: ["name"],
    [TYPES.replicationGroup]: ["replicationGroupId"],
    [TYPES.cacheCluster]: ["clusterId"],
    [TYPES.serverlessCache]: ["name"],
    [TYPES.cacheSubnetGroup]: ["name"],
    [TYPES.cacheParameterGroup]: ["name"],
    [TYPES.topic]: ["name", "namePrefix"],
    "aws:sqs/queue:Queue": ["name", "namePrefix"],
    [TYPES.role]: ["name", "namePrefix"],
    [TYPES.policy]: ["name", "namePrefix"],
    [TYPES.secret]: ["name", "namePrefix"],
    [TYPES.kmsAlias]: ["name", "namePrefix"],
    [TYPES.metricAlarm]: ["name"],
    "aws:cloudwatch/compositeAlarm:CompositeAlarm": ["alarmName"],
    [TYPES.logGroup]: ["name", "namePrefix"],
    [TYPES.budget]: ["name", "namePrefix"],
    [TYPES.dynamodbTable]: ["name"],
    [TYPES.securityGroup]: ["name", "namePrefix"],
    [TYPES.lambdaFunction]: ["name"],
    [TYPES.ssmParameter]: ["name"],
    "aws:ecr/repository:Repository": ["name"],
    // A Vercel project is one per service, its environments live inside it, so its name is exempt.
    [TYPES.blobStore]: ["name"],
    [TYPES.upstashRedis]: ["databaseName"],
};

/** `urn:pulumi:<stack>::<project>::...` */
const stackOfUrn = (urn: string) => /^urn:pulumi:([^:]+)::/.exec(urn)?.[1];

export const namesCarryEnvironment = resourceRule({
    name: "names-carry-environment",
    description: "Every explicit physical name (bucket, database identifier, replication group, topic, role, secret and the like) contains the stack's environment, so dev and prod can never claim or clobber each other's resources.",
    severity: "high",
    category: "governance",
    remediation:
        "Build physical names from `ctx.prefix` (`<service:name>-<service:environment>`), as the template's components do; never hard-code a name or reuse another environment's.",
    types: Object.keys(PHYSICAL_NAME_PROPS),
    config: {
        /** The environment this config file is for; without it, the stack name in the resource's URN. */
        environment: z.string().min(1).optional(),
    },
    validate(resource, config, report) {
        const environment = config.environment ?? stackOfUrn(resource.urn);
        if (!environment) return;
        for (const prop of PHYSICAL_NAME_PROPS[resource.type]) {
            const value = resource.props[prop];
            if (typeof value !== "string" || value === "") continue;
            const tokens = value.toLowerCase().split(/[^a-z0-9]+/);
            if (!tokens.includes(environment.toLowerCase())) {
                report(`${resource.name}: ${prop} "${value}" does not contain the environment "${environment}" as a name segment.`);
            }
        }
    },
});

export const awsProviderAccountPinned = resourceRule({
    name: "aws-provider-account-pinned",
    description: "Every AWS provider of a production stack, explicit or default, is pinned to its account with allowedAccountIds, so credentials for another account make it fail instead of deploying there.",
    severity: "high",
    category: "governance",
    remediation:
        "Set `service:aws.accountId` in the stack file (the template's AWS provider turns it into `allowedAccountIds`); give every other AWS provider `allowedAccountIds`, and set `aws:allowedAccountIds` in the stack config for the default provider.",
    types: [TYPES.awsProvider],
    config: {
        /** Whether this environment must pin accounts; prod-like configs turn it on. */
        required: z.boolean().default(false),
    },
    validate(resource, config, report) {
        if (!config.required) return;
        const ids = parseJsonish(resource.props.allowedAccountIds);
        const valid = Array.isArray(ids) && ids.length > 0 && ids.every((id) => typeof id === "string" && /^\d{12}$/.test(id));
        if (!valid) {
            report(`AWS provider ${resource.name} sets no allowedAccountIds, so it deploys into whichever account its credentials belong to.`);
        }
    },
});

/** The provider inputs that hold a long-lived credential, typed so a renamed input fails to compile. */
const STATIC_CREDENTIALS = ["accessKey", "secretKey", "token"] as const satisfies readonly (keyof Inputs<typeof TYPES.awsProvider>)[];

export const awsProviderNoStaticCredentials = resourceRule({
    name: "aws-provider-no-static-credentials",
    description: "No AWS provider, explicit or default, is given an access key, secret key or session token in code or stack config: credentials come from the environment (OIDC in CI, SSO or a profile on a laptop).",
    severity: "critical",
    category: "security",
    remediation:
        "Remove `accessKey`/`secretKey`/`token` from `new aws.Provider(...)` and `aws:accessKey`/`aws:secretKey`/`aws:token` from the stack file, rotate the exposed key, and authenticate with `aws sso login` or `AWS_PROFILE` locally and the deploy workflow's OIDC role in CI. (CrossGuard hands policies secret values unwrapped, so a key set with `--secret` is refused too: it is still a long-lived key in the stack.)",
    types: [TYPES.awsProvider],
    validate(resource, _config, report) {
        // Presence only (a value still unknown in a preview counts): no key is ever read into a message.
        const set = STATIC_CREDENTIALS.filter((k) => isSet(resource.props, k));
        if (set.length > 0) report(`AWS provider ${resource.name} is given ${set.join(", ")}: a long-lived credential in the program or stack config, readable by anyone with the code, the state or the stack file.`);
    },
});

/** Resources whose description is what a console or an audit shows about them, and where they keep it. */
const DESCRIBED_TYPES = [TYPES.securityGroup, TYPES.ingressRule, TYPES.egressRule, TYPES.securityGroupRule, TYPES.kmsKey, TYPES.secret] as const;

export const resourcesDescribed = resourceRule({
    name: "resources-described",
    description: "Every security group and security group rule (inline or standalone), KMS key and Secrets Manager secret says in its description what it is for, so an audit or an incident can tell what it guards.",
    severity: "low",
    category: "governance",
    remediation:
        "Give the resource a `description` (the template's components write one for each: `Postgres of <prefix>: TCP 5432 from its allowed sources only`); a security group without one gets the provider's \"Managed by Pulumi\".",
    types: DESCRIBED_TYPES,
    validate(resource, _config, report) {
        const missing = (v: unknown) => typeof v !== "string" || v.trim() === "";
        const own =
            inputsOf(resource, TYPES.securityGroup)?.description ??
            inputsOf(resource, TYPES.ingressRule)?.description ??
            inputsOf(resource, TYPES.egressRule)?.description ??
            inputsOf(resource, TYPES.securityGroupRule)?.description ??
            inputsOf(resource, TYPES.kmsKey)?.description ??
            inputsOf(resource, TYPES.secret)?.description;
        if (missing(own)) report(`${resource.name} (${resource.type.split(":").pop()}) has no description.`);
        const group = inputsOf(resource, TYPES.securityGroup);
        if (!group) return;
        for (const field of ["ingress", "egress"] as const) {
            (Array.isArray(group[field]) ? group[field] : []).forEach((rule, i) => {
                if (missing(rule?.description)) report(`${resource.name}: ${field}[${i}] has no description.`);
            });
        }
    },
});

export const logGroupRetention = resourceRule({
    name: "log-group-retention",
    description: "Every CloudWatch log group expires its logs after a set number of days, so logs (and the personal data in them) are not kept, and paid for, forever.",
    severity: "medium",
    category: "cost",
    remediation: "Set `retentionInDays` on the log group (the template's Postgres log groups take `service:database.logRetentionDays`); 0 or unset keeps logs forever.",
    types: [TYPES.logGroup],
    validate(resource, _config, report) {
        const days = inputsOf(resource, TYPES.logGroup)!.retentionInDays;
        if (!(typeof days === "number" && days > 0)) report(`${resource.name} keeps its logs forever (retentionInDays is ${days ?? "unset"}).`);
    },
});

const VERCEL_ENV_TYPES = [
    TYPES.envVar,
    TYPES.envVars,
    TYPES.sharedEnvVar,
];

/**
 * Keys whose prefix says which mode they belong to (Stripe and Clerk `sk_`/`pk_`/`rk_`, Razorpay `rzp_`, Paddle
 * `pdl_`). Keys without such a marker (webhook secrets `whsec_`, OpenAI `sk-`) cannot be judged. The offline
 * placeholder for unset secrets never matches, so it is never judged either.
 */
const MODE_MARKED_KEY = /^([a-z]{2,5}_(?:live|test)_)[A-Za-z0-9]/;

export const thirdPartyKeyEnvironment = resourceRule({
    name: "third-party-key-environment",
    description: "Third-party keys handed to the app match the stack's environment: no test-mode key in production, no live key in development.",
    severity: "high",
    category: "security",
    remediation:
        "Set the key for this environment with `pulumi config set --secret --path 'service:apiKeys.<NAME>' <value>` in the stack that matches its mode: live keys only in prod, test keys in dev and staging.",
    types: VERCEL_ENV_TYPES,
    config: {
        /** Markers a key may not contain here, such as `_test_` in prod or `_live_` in dev. */
        forbid: z.array(z.string().min(1)).default([]),
        /** Only variables reaching one of these Vercel targets are judged (prod: production); default all. */
        targets: z.array(z.enum(VERCEL_TARGETS)).optional(),
    },
    validate(resource, config, report) {
        if (config.forbid.length === 0) return;
        const variables: Array<Record<string, unknown>> = resource.type.includes("projectEnvironmentVariables:")
            ? ((parseJsonish(resource.props.variables) as Array<Record<string, unknown>>) ?? [])
            : [resource.props];
        for (const variable of variables) {
            const targets = parseJsonish(variable.targets);
            if (config.targets && Array.isArray(targets) && !targets.some((t) => config.targets!.includes(t as VercelTarget))) continue;
            for (const field of ["value", "valueWo"]) {
                // Third-party keys come from stack config, which a preview always knows; a value still unknown was
                // computed by another resource (a database URL, a generated secret), so it is no third-party key.
                const value = knownOrUndefined(() => variable[field]);
                const marked = typeof value === "string" ? MODE_MARKED_KEY.exec(value) : null;
                const hit = marked && config.forbid.find((m) => marked[1].includes(m));
                if (hit) {
                    report(`${String(variable.key ?? resource.name)} holds a ${marked[1]}… key, which this environment forbids (${hit}).`);
                }
            }
        }
    },
});

const statefulDoc = {
    name: "stateful-resources-protected",
    description: "Every stateful resource of a production stack is protected, and none is replaced by deleting it first, so no destroy, rename or replacement can remove its data; a generated secret value written into a secret other systems read is protected too.",
    severity: "high",
    category: "durability",
    remediation:
        "Keep `service:protectData: true` (the prod preset's default): components spread `ctx.stateful` (protect and retainOnDelete) into every stateful resource's options, and protect a generated password whose value a Secrets Manager version carries (rotate it as docs/runbooks/rotate-secret.md says: unprotect, then replace). Do not set `deleteBeforeReplace` on a stateful resource.",
} as const;

export const statefulResourcesProtected = resourceAndStackRule(resourceRule({
    ...statefulDoc,
    // The one list of stateful types, which the change report reads too; `settings` types (a parameter group)
    // lose nothing once unused, and a value the program rotates must stay replaceable (one whose value input is
    // ignored is written once and never rotated, so it is protected like the rest).
    types: DATA_TYPES,
    config: {
        /** Whether this environment requires protection; prod-like configs turn it on. */
        required: z.boolean().default(false),
    },
    validate(resource, config, report, args) {
        if (!config.required) return;
        if (!args.opts.protect && mustProtect(resource.type, args.opts.ignoreChanges ?? [])) {
            report(`${resource.name} (${resource.type}) is not protected: \`pulumi destroy\` or a replacement would delete its data.`);
        }
        if (args.opts.deleteBeforeReplace === true) {
            report(`${resource.name} (${resource.type}) sets deleteBeforeReplace: a replacement would delete it before its successor exists.`);
        }
    },
}), stackRule({
    ...statefulDoc,
    config: { required: z.boolean().default(false) },
    // A rotated secret version may be replaced or deleted without losing the value (lib/stateful.ts says why);
    // the generated password it carries may not: a destroy or a rename would generate another and rotate the
    // secret unannounced, signing every user out. Which password a version carries is its property dependency.
    validate(resources, config, report) {
        if (!config.required) return;
        for (const { source, writer } of generatedSourcesToProtect(resources)) {
            report(
                `${source.name} (${source.type}) is not protected, yet ${writer.name} (${writer.type}) writes its value into a secret other systems read: a \`pulumi destroy\` or a rename would generate a new value and rotate the secret unannounced.`,
                ruleResource(source),
            );
        }
    },
}));

/** `exemptions-valid` for a pack whose rule names `ruleNames` returns (the pack passes its own, so this module needs no pack). */
export const exemptionsValid = (ruleNames: () => readonly string[]): Rule => stackRule({
    name: "exemptions-valid",
    description: "Every in-code exemption tag names an existing rule, has an owner, a reason of at least 10 characters and an expiry date that has not passed and is not too far away.",
    severity: "medium",
    category: "governance",
    remediation:
        "Build exemption tags with `exemptionTag({ rule, owner, reason, expires })` from policies/lib/exemptions.ts; renew or remove an expired exemption, and fix the rule's config or code when the exemption no longer applies.",
    config: {
        /** Exemptions are temporary: an expiry further away than this many days is refused. */
        maxDays: z.number().int().positive().default(180),
    },
    validate(resources, config, report) {
        const known = new Set(ruleNames());
        const now = new Date();
        const latest = now.getTime() + config.maxDays * 86_400_000;
        for (const r of resources) {
            const target = ruleResource(r);
            for (const e of exemptionsFromTags(r.props.tags)) {
                const problems: string[] = [];
                if (!known.has(e.rule)) problems.push(`the pack has no rule '${e.rule}'`);
                const verdict = judgeExemption(e, false, now);
                if (!verdict.valid) problems.push(verdict.reason);
                else if (Date.parse(`${e.expires}T00:00:00Z`) > latest) problems.push(`expiry ${e.expires} is more than ${config.maxDays} days away`);
                if (problems.length > 0) report(`${r.name}: the exemption of '${e.rule}' is invalid: ${problems.join("; ")}.`, target);
            }
        }
    },
});

export const governanceRules: Rule[] = [
    requiredTags,
    namesCarryEnvironment,
    awsProviderAccountPinned,
    awsProviderNoStaticCredentials,
    resourcesDescribed,
    logGroupRetention,
    thirdPartyKeyEnvironment,
    statefulResourcesProtected,
];
