/**
 * Readiness rules: KMS keys, wherever they are declared. A key policy lets no one outside the account use or
 * administer the key, no key skips the policy-lockout safety check, and no key is disabled while data it
 * encrypts is live (a disabled key makes that data unreadable: the database stops, the topic drops alerts).
 * Every symmetric customer-managed key rotates its key material.
 */
import type { PolicyResource } from "@pulumi/policy";
import { label, policyStatements, publicStatements, strings } from "../lib/iam";
import { inputsOf, peekInput } from "../lib/inputs";
import { TYPES } from "../contracts/tokens";
import { isSet, peek } from "../lib/preview";
import { resourceRule, Rule, RuleResource, stackRule } from "../lib/rule";

const KEY_TYPES = [TYPES.kmsKey, TYPES.kmsReplicaKey, TYPES.kmsExternalKey, TYPES.kmsReplicaExternalKey] as const;
const POLICY_TYPES: readonly string[] = [...KEY_TYPES, TYPES.kmsKeyPolicy];

/** The key policy and lockout flag of any key-policy-bearing resource, read through the SDK's types. */
function keyPolicyOf(resource: RuleResource): { policy?: unknown; bypass?: boolean } {
    const r =
        inputsOf(resource, TYPES.kmsKey) ??
        inputsOf(resource, TYPES.kmsKeyPolicy) ??
        inputsOf(resource, TYPES.kmsReplicaKey) ??
        inputsOf(resource, TYPES.kmsExternalKey) ??
        inputsOf(resource, TYPES.kmsReplicaExternalKey);
    return r ? { policy: r.policy, bypass: r.bypassPolicyLockoutSafetyCheck } : {};
}

export const kmsKeyPolicyRestricted = resourceRule({
    name: "kms-key-policy-restricted",
    description: "No KMS key policy lets any principal (`*`, `AWS: \"*\"`, NotPrincipal) use or administer the key without a condition that pins the caller's account or network.",
    severity: "critical",
    category: "security",
    remediation:
        "Give the key policy to the account (`arn:aws:iam::<account>:root`) and the service principals that use it, as the template's alerts key does; a statement that must name `*` needs a kms:CallerAccount or aws:PrincipalOrgID condition.",
    types: POLICY_TYPES,
    validate(resource, _config, report) {
        const { policy } = keyPolicyOf(resource);
        if (policy === undefined || policy === null || policy === "") return;
        const statements = policyStatements(policy) ?? [];
        publicStatements(statements).forEach((s) => {
            const actions = strings(s.Action).filter((a) => a === "*" || /^kms:/i.test(a));
            if (actions.length === 0 && s.NotAction === undefined) return;
            const who = s.NotPrincipal !== undefined ? "everyone but the NotPrincipal" : "any principal";
            report(`${resource.name}: key policy ${label(s, statements.indexOf(s))} lets ${who} call ${actions.join(", ") || "every action but those of NotAction"} on the key with no condition that pins the caller.`);
        });
    },
});

export const kmsNoLockoutBypass = resourceRule({
    name: "kms-no-lockout-bypass",
    description: "No KMS key or key policy sets bypassPolicyLockoutSafetyCheck, so a policy that would lock every administrator out of the key is refused by KMS.",
    severity: "high",
    category: "security",
    remediation: "Remove `bypassPolicyLockoutSafetyCheck` (it defaults to false) and make sure the key policy keeps the account root or an administrator role.",
    types: POLICY_TYPES,
    validate(resource, _config, report) {
        if (keyPolicyOf(resource).bypass === true) report(`${resource.name} sets bypassPolicyLockoutSafetyCheck, so KMS accepts a key policy that no one can ever change again.`);
    },
});

/** Whether a key resource is switched off: `isEnabled: false` on a key, `enabled: false` on replica and external keys. */
function disabled(key: PolicyResource): boolean {
    const enabled =
        peekInput(key, TYPES.kmsKey, "isEnabled") ??
        peekInput(key, TYPES.kmsReplicaKey, "enabled") ??
        peekInput(key, TYPES.kmsExternalKey, "enabled") ??
        peekInput(key, TYPES.kmsReplicaExternalKey, "enabled");
    return enabled === false;
}

/** Types that only refer to a key (its alias, grants, policy, or a permission on it): no data is encrypted there. */
const REFERS_ONLY = /^aws:(kms|iam)\//;

export const kmsKeyEnabledWhileUsed = stackRule({
    name: "kms-key-enabled-while-used",
    description: "No KMS key that a resource of the stack encrypts with (a database, bucket, topic, cache, secret or log group) is disabled.",
    severity: "critical",
    category: "availability",
    remediation:
        "Keep `isEnabled` (or `enabled`) unset or true on every key in use. To retire a key, first move each resource to a new key (a reviewed change), then disable or schedule the old key's deletion.",
    validate(resources, _config, report) {
        const off = resources.filter((r) => (KEY_TYPES as readonly string[]).includes(r.type) && disabled(r));
        if (off.length === 0) return;
        for (const key of off) {
            const ids = ["arn", "keyId", "id"].map((k) => peek(key.props, k)).filter((v): v is string => typeof v === "string" && v !== "");
            const users = resources.filter((r) => {
                if (r.urn === key.urn || REFERS_ONLY.test(r.type)) return false;
                // Linked when an input was computed from the key (known in preview), or names its ARN or id.
                if (Object.values(r.propertyDependencies ?? {}).some((deps) => deps.some((d) => d.urn === key.urn))) return true;
                return ids.length > 0 && Object.keys(r.props).some((k) => {
                    const v = peek(r.props, k);
                    return typeof v === "string" && ids.some((id) => v === id || v.endsWith(`/${id}`));
                });
            });
            if (users.length > 0) {
                report(`${key.name} is disabled, but ${users.map((u) => u.name).join(", ")} encrypt${users.length === 1 ? "s" : ""} with it: their data becomes unreadable.`, { type: key.type, name: key.name, urn: key.urn, props: key.props });
            }
        }
    },
});

export const kmsKeyRotation = resourceRule({
    name: "kms-key-rotation",
    description: "Every symmetric customer-managed KMS key rotates its key material automatically.",
    severity: "medium",
    category: "security",
    remediation: "Set `enableKeyRotation: true` on the key (every key the template creates does).",
    types: [TYPES.kmsKey],
    validate(resource, _config, report) {
        const p = resource.props;
        // Asymmetric and HMAC keys, and keys in custom key stores, cannot rotate automatically.
        const spec = p.customerMasterKeySpec ?? "SYMMETRIC_DEFAULT";
        if (spec !== "SYMMETRIC_DEFAULT" || isSet(p, "customKeyStoreId") || isSet(p, "xksKeyId")) return;
        if (p.enableKeyRotation !== true) report(`${resource.name} does not rotate its key material (enableKeyRotation is not true).`);
    },
});

export const kmsRules: Rule[] = [kmsKeyPolicyRestricted, kmsNoLockoutBypass, kmsKeyEnabledWhileUsed, kmsKeyRotation];
