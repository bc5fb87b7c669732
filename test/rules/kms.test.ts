/** KMS key rules on keys and key policies a user adds beside the template's own. */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertFires, assertQuiet, evaluate, SyntheticResource, UNKNOWN } from "../support";

const T = {
    key: "aws:kms/key:Key",
    keyPolicy: "aws:kms/keyPolicy:KeyPolicy",
    replica: "aws:kms/replicaKey:ReplicaKey",
    external: "aws:kms/externalKey:ExternalKey",
    alias: "aws:kms/alias:Alias",
    rds: "aws:rds/instance:Instance",
    topic: "aws:sns/topic:Topic",
};
const ACCOUNT = "210987654321";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const accountAdmin = { Sid: "Account", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" };
const key = (name: string, inputs: Record<string, unknown> = {}, type = T.key): SyntheticResource => ({ type, name, inputs: { description: name, enableKeyRotation: true, ...inputs } });

describe("kms-key-policy-restricted", () => {
    it("fires on kms:* or key use granted to any principal, on every key type, mandatory in dev and prod", async () => {
        for (const environment of ["dev", "prod"]) {
            const diags = await evaluate(
                [
                    key("open-admin", { policy: doc(accountAdmin, { Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*" }) }),
                    key("open-decrypt", { policy: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: ["kms:Decrypt", "kms:GenerateDataKey*"], Resource: "*" }) }),
                    { type: T.keyPolicy, name: "policy", inputs: { keyId: "k", policy: doc({ Effect: "Allow", Principal: "*", Action: "kms:Encrypt", Resource: "*" }) } },
                    key("replica", { primaryKeyArn: "arn:aws:kms:us-west-2:210987654321:key/x", policy: doc({ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }) }, T.replica),
                    key("object-form", { policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: UNKNOWN }] } }),
                ],
                { environment },
            );
            for (const name of ["open-admin", "open-decrypt", "policy", "replica", "object-form"]) assertFires(diags, "kms-key-policy-restricted", name, "mandatory");
        }
    });

    it("stays quiet on the account, service principals and `*` pinned to the calling account", async () => {
        const diags = await evaluate([
            key("alerts", {
                policy: doc(accountAdmin, { Effect: "Allow", Principal: { Service: ["cloudwatch.amazonaws.com"] }, Action: ["kms:Decrypt", "kms:GenerateDataKey*"], Resource: "*" }),
            }),
            key("via-account", { policy: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT } } }) }),
            key("default-policy"),
        ]);
        assertQuiet(diags, "kms-key-policy-restricted");
    });
});

describe("kms-no-lockout-bypass", () => {
    it("fires on a key and a key policy that bypass the lockout check", async () => {
        const diags = await evaluate([key("k", { bypassPolicyLockoutSafetyCheck: true }), { type: T.keyPolicy, name: "p", inputs: { keyId: "k", policy: doc(accountAdmin), bypassPolicyLockoutSafetyCheck: true } }]);
        assertFires(diags, "kms-no-lockout-bypass", "k", "mandatory");
        assertFires(diags, "kms-no-lockout-bypass", "p", "mandatory");
    });

    it("stays quiet when the check is left on", async () => {
        assertQuiet(await evaluate([key("k", { bypassPolicyLockoutSafetyCheck: false }), key("unset")]), "kms-no-lockout-bypass");
    });
});

describe("kms-key-enabled-while-used", () => {
    const db = (kmsKeyId: unknown, deps: string[] = []): SyntheticResource => ({
        type: T.rds,
        name: "db",
        inputs: { engine: "postgres", storageEncrypted: true, kmsKeyId },
        propertyDependencies: deps.length ? { kmsKeyId: deps } : undefined,
    });

    it("fires on a disabled key a database encrypts with, linked by dependency (preview) or by ARN, mandatory in prod", async () => {
        const arn = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd`;
        const byDependency = await evaluate([key("off", { isEnabled: false }), db(UNKNOWN, ["off"])]);
        const [v] = assertFires(byDependency, "kms-key-enabled-while-used", "off", "mandatory");
        assert.match(v.message, /db encrypts with it/);
        const byArn = await evaluate([{ ...key("off", { isEnabled: false }), outputs: { isEnabled: false, arn, keyId: "1234abcd" } }, db(arn)]);
        assertFires(byArn, "kms-key-enabled-while-used", "off", "mandatory");
        const external = await evaluate([key("ext", { enabled: false }, T.external), { type: T.topic, name: "t", inputs: { kmsMasterKeyId: UNKNOWN }, propertyDependencies: { kmsMasterKeyId: ["ext"] } }]);
        assertFires(external, "kms-key-enabled-while-used", "ext");
    });

    it("is advisory in dev, and stays quiet on an enabled key in use and a disabled key only an alias points to", async () => {
        const dev = await evaluate([key("off", { isEnabled: false }), db(UNKNOWN, ["off"])], { environment: "dev" });
        assertFires(dev, "kms-key-enabled-while-used", "off", "advisory");
        const diags = await evaluate([
            key("on", { isEnabled: true }),
            db(UNKNOWN, ["on"]),
            key("retired", { isEnabled: false }),
            { type: T.alias, name: "retired-alias", inputs: { name: "alias/retired", targetKeyId: UNKNOWN }, propertyDependencies: { targetKeyId: ["retired"] } },
        ]);
        assertQuiet(diags, "kms-key-enabled-while-used");
    });
});

describe("kms-key-rotation", () => {
    it("fires on a symmetric key without rotation, mandatory in dev", async () => {
        const diags = await evaluate([{ type: "aws:kms/key:Key", name: "key", inputs: { description: "x" } }], { environment: "dev" });
        assertFires(diags, "kms-key-rotation", "key", "mandatory");
    });

    it("stays quiet on rotating keys and on keys that cannot rotate", async () => {
        const diags = await evaluate([
            { type: "aws:kms/key:Key", name: "rotating", inputs: { enableKeyRotation: true } },
            { type: "aws:kms/key:Key", name: "signing", inputs: { customerMasterKeySpec: "ECC_NIST_P256", keyUsage: "SIGN_VERIFY" } },
            { type: "aws:kms/key:Key", name: "hsm", inputs: { customKeyStoreId: "cks-1" } },
        ]);
        assertQuiet(diags, "kms-key-rotation");
    });
});
