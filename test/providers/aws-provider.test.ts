/**
 * The AWS provider's own configuration (readiness/providers/aws/provider.ts) as the check receives it: provider
 * inputs arrive JSON-encoded, and the conflict between allowed and forbidden account IDs is refused from there.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toRecorded } from "../../readiness/engine/synthetic";
import { validateProviderInputs } from "../../readiness/providers";

const provider = (inputs: Record<string, unknown>) => validateProviderInputs(toRecorded([{ type: "pulumi:providers:aws", name: "default_7_48_0", inputs }]));

describe("pulumi:providers:aws", () => {
    it("allowed and forbidden account IDs conflict, as JSON-encoded provider inputs too", () => {
        assert.deepEqual(provider({ region: "us-east-1", allowedAccountIds: JSON.stringify(["123456789012"]) }), []);
        const [e] = provider({ region: "us-east-1", allowedAccountIds: JSON.stringify(["123456789012"]), forbiddenAccountIds: JSON.stringify(["210987654321"]) });
        assert.match(e.message, /allowedAccountIds conflicts with forbiddenAccountIds/);
        assert.match(e.source, /provider\.go v6/);
    });
});
