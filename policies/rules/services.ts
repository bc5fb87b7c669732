/**
 * Readiness rules for AWS services the template does not create but a stack may add beside it (through the
 * transform hook or code of its own): the checklists' concerns (data kept, nothing public, no secret in plain
 * text) reach them as much as the template's own resources.
 */
import { z } from "zod";
import { policyStatements, publicStatements, label } from "../lib/iam";
import { inputsOf } from "../lib/inputs";
import { TYPES } from "../contracts/tokens";
import { isSet, knownOrUndefined } from "../lib/preview";
import { resourceRule, Rule } from "../lib/rule";
import { looksSecretName, secretValueKind } from "../lib/secretValues";
import { parseJsonish } from "../contracts/json";

const RDS_SNAPSHOTS = [TYPES.rdsSnapshot, TYPES.rdsClusterSnapshot, TYPES.rdsSnapshotCopy, TYPES.rdsClusterSnapshotCopy];

export const dynamodbRecoverable = resourceRule({
    name: "dynamodb-recoverable",
    description: "Every DynamoDB table keeps point-in-time recovery on and refuses deletion, so neither a bad write nor a delete by mistake loses its items.",
    severity: "high",
    category: "durability",
    remediation: "Set `pointInTimeRecovery: { enabled: true }` and `deletionProtectionEnabled: true` on the table (and protect it with `ctx.stateful`).",
    types: [TYPES.dynamodbTable],
    validate(resource, _config, report) {
        const table = inputsOf(resource, TYPES.dynamodbTable)!;
        const pitr = parseJsonish(table.pointInTimeRecovery) as typeof table.pointInTimeRecovery;
        if (pitr?.enabled !== true) report(`${resource.name} has no point-in-time recovery, so a bad write or a deleted item cannot be restored.`);
        if (table.deletionProtectionEnabled !== true) report(`${resource.name} can be deleted with every item (deletionProtectionEnabled is not true).`);
    },
});

export const cloudfrontHttpsOnly = resourceRule({
    name: "cloudfront-https-only",
    description: "Every CloudFront cache behavior serves viewers over HTTPS only (redirect-to-https or https-only), never plain HTTP.",
    severity: "high",
    category: "security",
    remediation: "Set `viewerProtocolPolicy: \"redirect-to-https\"` on the default cache behavior and on every ordered one.",
    types: [TYPES.distribution],
    validate(resource, _config, report) {
        const distribution = inputsOf(resource, TYPES.distribution)!;
        const behaviors: Array<[string, unknown]> = [["defaultCacheBehavior", distribution.defaultCacheBehavior]];
        const ordered = parseJsonish(distribution.orderedCacheBehaviors);
        if (Array.isArray(ordered)) ordered.forEach((b, i) => behaviors.push([`orderedCacheBehaviors[${i}]`, b]));
        for (const [where, behavior] of behaviors) {
            const policy = (parseJsonish(behavior) as { viewerProtocolPolicy?: unknown } | undefined)?.viewerProtocolPolicy;
            if (policy === "allow-all") report(`${resource.name} serves ${where} over plain HTTP (viewerProtocolPolicy allow-all); use redirect-to-https.`);
        }
    },
});

export const rdsSnapshotNotPublic = resourceRule({
    name: "rds-snapshot-not-public",
    description: "No RDS snapshot or snapshot copy is shared with every AWS account (`all`): a public snapshot hands the whole database to anyone.",
    severity: "critical",
    category: "security",
    remediation: "Remove `all` from the snapshot's `sharedAccounts`; share with named account ids only.",
    types: RDS_SNAPSHOTS,
    validate(resource, _config, report) {
        const snapshot = RDS_SNAPSHOTS.map((t) => inputsOf(resource, t)).find((s) => s !== undefined)!;
        const shared = parseJsonish(snapshot.sharedAccounts);
        if (Array.isArray(shared) && shared.some((a) => typeof a === "string" && a.trim().toLowerCase() === "all")) {
            report(`${resource.name} is shared with all AWS accounts, so anyone can restore the database from it.`);
        }
    },
});

export const secretPolicyNotPublic = resourceRule({
    name: "secretsmanager-policy-not-public",
    description: "No Secrets Manager resource policy lets everyone (`Principal: \"*\"`) act on a secret without a condition that restricts who.",
    severity: "critical",
    category: "security",
    remediation: "Name the principals (account or role ARNs) that read the secret, or restrict `*` with a condition such as `aws:PrincipalOrgID` or `aws:SourceAccount`.",
    types: [TYPES.secretPolicy, TYPES.secret],
    validate(resource, _config, report) {
        const policy = inputsOf(resource, TYPES.secretPolicy)?.policy ?? inputsOf(resource, TYPES.secret)?.policy;
        const statements = policyStatements(policy);
        if (!statements) return;
        for (const s of publicStatements(statements)) {
            report(`${resource.name} lets everyone act on the secret (${label(s, statements.indexOf(s))}: Principal "*" with no restricting condition).`);
        }
    },
});

/** Variables that name where a credential is kept (its ARN or parameter name) rather than holding it. */
const REFERENCE_NAME = /_(ARN|PARAMETER|PARAM|NAME|ID|PATH)$/i;
const DEBUG_NAME = /^(DEBUG|FLASK_DEBUG|APP_DEBUG|DJANGO_DEBUG)$/i;

export const lambdaEnvironmentSafe = resourceRule({
    name: "lambda-environment-safe",
    description: "No Lambda function carries a credential in plain environment variables, nor runs with DEBUG on.",
    severity: "high",
    category: "security",
    remediation:
        "Keep credentials in Secrets Manager or SSM SecureString and pass the function their ARN or name (read at start-up with its role); leave DEBUG unset or false in deployed functions.",
    types: [TYPES.lambdaFunction],
    validate(resource, _config, report) {
        const fn = inputsOf(resource, TYPES.lambdaFunction)!;
        const vars = parseJsonish((parseJsonish(fn.environment) as typeof fn.environment)?.variables);
        if (!vars || typeof vars !== "object") return;
        const variables = vars as Record<string, unknown>;
        for (const key of Object.keys(variables)) {
            // Read lazily: a value unknown during the preview is judged by its name only.
            const value = knownOrUndefined(() => variables[key]);
            if (DEBUG_NAME.test(key)) {
                if (typeof value === "string" && /^(1|true|yes|on|\*)$/i.test(value.trim())) report(`${resource.name} runs with ${key}=${value}, which exposes internals in errors and logs.`);
                continue;
            }
            const kind = typeof value === "string" ? secretValueKind(value) : undefined;
            if (kind) {
                report(`${resource.name} holds ${key} in its environment, ${kind}, readable in plain text by anyone who can read the function's configuration.`);
            } else if (looksSecretName(key) && !REFERENCE_NAME.test(key) && !(typeof value === "string" && /^(arn:|\/)/.test(value)) && isSet(variables, key)) {
                report(`${resource.name} holds ${key} in its environment, readable in plain text by anyone who can read the function's configuration.`);
            }
        }
    },
});

export const ssmSecretsEncrypted = resourceRule({
    name: "ssm-secrets-encrypted",
    description: "Every SSM parameter whose name or value says it holds a credential is a SecureString, encrypted with KMS, not a plain String.",
    severity: "high",
    category: "security",
    remediation: "Set `type: \"SecureString\"` (and a customer KMS key in `keyId`) on the parameter, or keep the credential in Secrets Manager.",
    types: [TYPES.ssmParameter],
    config: {
        /** Parameter names that hold no credential despite their name (a token endpoint URL, say). */
        allowNames: z.array(z.string()).default([]),
    },
    validate(resource, config, report) {
        const parameter = inputsOf(resource, TYPES.ssmParameter)!;
        if (parameter.type !== "String" && parameter.type !== "StringList") return;
        const name = knownOrUndefined(() => parameter.name) ?? resource.name;
        if (typeof name !== "string" || config.allowNames.includes(name)) return;
        // A parameter path's last segment is its name: `/svc/prod/db-password`.
        const leaf = name.split("/").filter(Boolean).pop() ?? name;
        const value = knownOrUndefined(() => parameter.value);
        const kind = typeof value === "string" ? secretValueKind(value) : undefined;
        if (looksSecretName(leaf.replace(/[^A-Za-z0-9]+/g, "_")) || kind) {
            report(`${resource.name} keeps ${name}${kind ? ` (${kind})` : ""} as a plain ${parameter.type}, readable without KMS; use SecureString.`);
        }
    },
});

export const serviceRules: Rule[] = [dynamodbRecoverable, cloudfrontHttpsOnly, rdsSnapshotNotPublic, secretPolicyNotPublic, lambdaEnvironmentSafe, ssmSecretsEncrypted];
