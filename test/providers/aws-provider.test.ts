/**
 * The AWS provider's own configuration (readiness/providers/aws/provider.ts) as the check receives it: provider
 * inputs arrive JSON-encoded; the account-ID conflict, the assume-role durations and configure's role-ARN rule
 * are refused from there, and nothing the provider only warns about.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toRecorded } from "../synthetic";
import { validateProviderInputs } from "../../readiness/providers";

const provider = (inputs: Record<string, unknown>) => validateProviderInputs(toRecorded([{ type: "pulumi:providers:aws", name: "default_7_48_0", inputs }]));
const A = "arn:aws:iam::123456789012:role/deploy";

describe("pulumi:providers:aws", () => {
    it("allowed and forbidden account IDs conflict, as JSON-encoded provider inputs too", () => {
        assert.deepEqual(provider({ region: "us-east-1", allowedAccountIds: JSON.stringify(["123456789012"]) }), []);
        const [e] = provider({ region: "us-east-1", allowedAccountIds: JSON.stringify(["123456789012"]), forbiddenAccountIds: JSON.stringify(["210987654321"]) });
        assert.match(e.message, /allowedAccountIds conflicts with forbiddenAccountIds/);
        assert.match(e.source, /provider\.go v6/);
    });

    it("an assume-role duration is a Go duration from 15 minutes to 12 hours, inclusive", () => {
        const role = (duration: string) => provider({ region: "us-east-1", assumeRoles: JSON.stringify([{ roleArn: A, duration }]) }).map((e) => e.property);
        for (const ok of ["15m", "900s", "1h30m", "0.25h", "12h", "720m"]) assert.deepEqual(role(ok), [], ok);
        for (const bad of ["14m59s", "12h1s", "1 hour", "15"]) assert.deepEqual(role(bad), ["assumeRoles[0].duration"], bad);
    });

    it("one assume_role block without a role ARN only warns; one of several is an error", () => {
        assert.deepEqual(provider({ assumeRoles: JSON.stringify([{ sessionName: "ci" }]) }), []);
        assert.deepEqual(provider({ assumeRoles: JSON.stringify([{ roleArn: A }, { sessionName: "ci" }]) }).map((e) => e.property), ["assumeRoles[1].roleArn"]);
    });
});
