/**
 * Readiness rules for AWS services the template does not create but a stack may add beside it (through the
 * transform hook or code of its own): the checklists' concerns (data kept, nothing public, no secret in plain
 * text) reach them as much as the template's own resources.
 */
import { z } from "zod";
import { policyStatements, publicStatements, label } from "../lib/iam";
import { isSet, knownOrUndefined } from "../lib/preview";
import { resourceRule, Rule } from "../lib/rule";
import { parseJsonish } from "../lib/values";

const DYNAMODB_TABLE = "aws:dynamodb/table:Table";
const CLOUDFRONT = "aws:cloudfront/distribution:Distribution";
const RDS_SNAPSHOTS = ["aws:rds/snapshot:Snapshot", "aws:rds/clusterSnapshot:ClusterSnapshot", "aws:rds/snapshotCopy:SnapshotCopy"];
const SECRET_POLICY = "aws:secretsmanager/secretPolicy:SecretPolicy";
const SECRET = "aws:secretsmanager/secret:Secret";
const LAMBDA = "aws:lambda/function:Function";
const SSM_PARAMETER = "aws:ssm/parameter:Parameter";

/** Names that say a value is a credential. */
const SECRET_NAME = /(pass(word|wd)?|secret|token|private[_-]?key|api[_-]?key|access[_-]?key|credential)/i;

export const dynamodbRecoverable = resourceRule({
    name: "dynamodb-recoverable",
    description: "Every DynamoDB table keeps point-in-time recovery on and refuses deletion, so neither a bad write nor a delete by mistake loses its items.",
    severity: "high",
    category: "durability",
    remediation: "Set `pointInTimeRecovery: { enabled: true }` and `deletionProtectionEnabled: true` on the table (and protect it with `ctx.stateful`).",
    types: [DYNAMODB_TABLE],
    validate(resource, _config, report) {
        const p = resource.props;
        const pitr = parseJsonish(p.pointInTimeRecovery) as { enabled?: unknown } | undefined;
        if (pitr?.enabled !== true) report(`${resource.name} has no point-in-time recovery, so a bad write or a deleted item cannot be restored.`);
        if (p.deletionProtectionEnabled !== true) report(`${resource.name} can be deleted with every item (deletionProtectionEnabled is not true).`);
    },
});

export const cloudfrontHttpsOnly = resourceRule({
    name: "cloudfront-https-only",
    description: "Every CloudFront cache behavior serves viewers over HTTPS only (redirect-to-https or https-only), never plain HTTP.",
    severity: "high",
    category: "security",
    remediation: "Set `viewerProtocolPolicy: \"redirect-to-https\"` on the default cache behavior and on every ordered one.",
    types: [CLOUDFRONT],
    validate(resource, _config, report) {
        const p = resource.props;
        const behaviors: Array<[string, unknown]> = [["defaultCacheBehavior", p.defaultCacheBehavior]];
        const ordered = parseJsonish(p.orderedCacheBehaviors);
        if (Array.isArray(ordered)) ordered.forEach((b, i) => behaviors.push([`orderedCacheBehaviors[${i}]`, b]));
        for (const [where, behavior] of behaviors) {
            const policy = (parseJsonish(behavior) as { viewerProtocolPolicy?: unknown } | undefined)?.viewerProtocolPolicy;
            if (policy === "allow-all") report(`${resource.name} serves ${where} over plain HTTP (viewerProtocolPolicy allow-all); use redirect-to-https.`);
        }
    },
});

export const rdsSnapshotNotPublic = resourceRule({
    name: "rds-snapshot-not-public",
    description: "No RDS snapshot is shared with every AWS account (`all`): a public snapshot hands the whole database to anyone.",
    severity: "critical",
    category: "security",
    remediation: "Remove `all` from the snapshot's `sharedAccounts`; share with named account ids only.",
    types: RDS_SNAPSHOTS,
    validate(resource, _config, report) {
        const shared = parseJsonish(resource.props.sharedAccounts);
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
    types: [SECRET_POLICY, SECRET],
    validate(resource, _config, report) {
        const statements = policyStatements(resource.props.policy);
        if (!statements) return;
        for (const s of publicStatements(statements)) {
            report(`${resource.name} lets everyone act on the secret (${label(s, statements.indexOf(s))}: Principal "*" with no restricting condition).`);
        }
    },
});

export const lambdaEnvironmentSafe = resourceRule({
    name: "lambda-environment-safe",
    description: "No Lambda function carries a credential in plain environment variables, nor runs with DEBUG on.",
    severity: "high",
    category: "security",
    remediation:
        "Keep credentials in Secrets Manager or SSM SecureString and pass the function their ARN (read at start-up with its role); leave DEBUG unset or false in deployed functions.",
    types: [LAMBDA],
    validate(resource, _config, report) {
        const variables = (parseJsonish(resource.props.environment) as { variables?: unknown } | undefined)?.variables;
        const vars = parseJsonish(variables);
        if (!vars || typeof vars !== "object") return;
        for (const key of Object.keys(vars)) {
            // Read lazily: a value unknown during the preview is judged by its name only.
            const value = knownOrUndefined(() => (vars as Record<string, unknown>)[key]);
            if (/^(DEBUG|FLASK_DEBUG|APP_DEBUG)$/i.test(key)) {
                if (typeof value === "string" && /^(1|true|yes|on|\*)$/i.test(value.trim())) report(`${resource.name} runs with ${key}=${value}, which exposes internals in errors and logs.`);
                continue;
            }
            // A reference (an ARN or a parameter name) is how a credential should travel; a value is the credential.
            const reference = /_(ARN|PARAMETER|PARAM|NAME|ID|PATH)$/i.test(key) || (typeof value === "string" && /^(arn:|\/)/.test(value));
            if (SECRET_NAME.test(key) && isSet(vars as Record<string, unknown>, key) && !reference) {
                report(`${resource.name} holds ${key} in its environment, readable in plain text by anyone who can read the function's configuration.`);
            }
        }
    },
});

export const ssmSecretsEncrypted = resourceRule({
    name: "ssm-secrets-encrypted",
    description: "Every SSM parameter whose name says it holds a credential is a SecureString, encrypted with KMS, not a plain String.",
    severity: "high",
    category: "security",
    remediation: "Set `type: \"SecureString\"` (and a customer KMS key in `keyId`) on the parameter, or keep the credential in Secrets Manager.",
    types: [SSM_PARAMETER],
    config: {
        /** Parameter names that hold no credential despite their name (a token endpoint URL, say). */
        allowNames: z.array(z.string()).default([]),
    },
    validate(resource, config, report) {
        const p = resource.props;
        const name = knownOrUndefined(() => p.name) ?? resource.name;
        if (typeof name !== "string" || config.allowNames.includes(name) || !SECRET_NAME.test(name)) return;
        if (p.type === "String" || p.type === "StringList") report(`${resource.name} keeps ${name} as a plain ${p.type}, readable without KMS; use SecureString.`);
    },
});

export const serviceRules: Rule[] = [dynamodbRecoverable, cloudfrontHttpsOnly, rdsSnapshotNotPublic, secretPolicyNotPublic, lambdaEnvironmentSafe, ssmSecretsEncrypted];
