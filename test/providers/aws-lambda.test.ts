/**
 * The Lambda validators (readiness/providers/aws/lambda.ts): the bootstrap function's shape passes, limits hold
 * exactly at their bounds, and the two CustomizeDiffs (handler and runtime for a Zip package; an object input
 * for a CRUD invocation) refuse what the provider refuses and nothing else.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toRecorded } from "../synthetic";
import { validateProviderInputs } from "../../readiness/providers";
import { UNKNOWN } from "../support";

const FUNCTION = "aws:lambda/function:Function";
const INVOCATION = "aws:lambda/invocation:Invocation";
const errorsOf = (type: string, inputs: Record<string, unknown>) => validateProviderInputs(toRecorded([{ type, name: "r", inputs }]));
const props = (type: string, inputs: Record<string, unknown>) => errorsOf(type, inputs).map((e) => e.property);
const zip = { role: "arn:aws:iam::123456789012:role/acme-bootstrap", code: "archive", handler: "handler.handler", runtime: "nodejs22.x" };

describe("aws:lambda/function:Function", () => {
    it("a Zip package needs both handler and runtime; an image needs neither", () => {
        assert.deepEqual(props(FUNCTION, zip), []);
        const { runtime: _runtime, ...noRuntime } = zip;
        const [e] = errorsOf(FUNCTION, noRuntime);
        assert.equal(e.property, "(inputs)");
        assert.match(e.message, /handler and runtime must be set when PackageType is Zip; runtime is not/);
        assert.deepEqual(props(FUNCTION, { role: zip.role, packageType: "Image", imageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1" }), []);
        assert.deepEqual(props(FUNCTION, { ...noRuntime, runtime: UNKNOWN }), [], "an unknown runtime waits for apply");
    });

    it("memory, timeout and ephemeral storage hold at their bounds", () => {
        for (const [key, lo, hi] of [["memorySize", 128, 10240], ["timeout", 1, 900]] as const) {
            assert.deepEqual(props(FUNCTION, { ...zip, [key]: lo }), [], `${key} ${lo}`);
            assert.deepEqual(props(FUNCTION, { ...zip, [key]: hi }), [], `${key} ${hi}`);
            assert.deepEqual(props(FUNCTION, { ...zip, [key]: lo - 1 }), [key]);
            assert.deepEqual(props(FUNCTION, { ...zip, [key]: hi + 1 }), [key]);
        }
        assert.deepEqual(props(FUNCTION, { ...zip, ephemeralStorage: { size: 512 } }), []);
        assert.deepEqual(props(FUNCTION, { ...zip, ephemeralStorage: { size: 511 } }), ["ephemeralStorage.size"]);
    });

    it("a function name is a name or a function ARN of 1 to 140 characters, the name itself at most 64", () => {
        const arn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
        assert.deepEqual(props(FUNCTION, { ...zip, name: "acme-chat-prod-bootstrap" }), []);
        assert.deepEqual(props(FUNCTION, { ...zip, name: "f".repeat(64) }), []);
        assert.deepEqual(props(FUNCTION, { ...zip, name: "f".repeat(65) }), ["name"]);
        assert.deepEqual(props(FUNCTION, { ...zip, name: arn("f".repeat(64)) }), [], "the 64 apply to the name inside an ARN");
        assert.deepEqual(props(FUNCTION, { ...zip, name: arn("f".repeat(65)) }), ["name"]);
        assert.deepEqual(props(FUNCTION, { ...zip, name: `123456789012:function:${"f".repeat(64)}` }), []);
        assert.deepEqual(props(FUNCTION, { ...zip, name: "acme chat" }), ["name"]);
    });

    it("exactly one code source, and an S3 object needs both bucket and key", () => {
        assert.deepEqual(props(FUNCTION, { ...zip, imageUri: "repo/app:1" }), ["(inputs)"]);
        const { code: _code, ...s3 } = zip;
        assert.deepEqual(props(FUNCTION, { ...s3, s3Bucket: "acme-code", s3Key: "app.zip" }), []);
        assert.deepEqual(props(FUNCTION, { ...s3, s3Bucket: "acme-code" }), ["(inputs)"]);
    });

    it("runtimes and architectures are the SDK's, case-sensitive", () => {
        assert.deepEqual(props(FUNCTION, { ...zip, runtime: "Nodejs22.x" }), ["runtime"]);
        assert.deepEqual(props(FUNCTION, { ...zip, architectures: ["arm64"] }), []);
        assert.deepEqual(props(FUNCTION, { ...zip, architectures: ["ARM64"] }), ["architectures[0]"]);
    });
});

describe("aws:lambda/invocation:Invocation", () => {
    it("a CRUD invocation needs a JSON object input; CREATE_ONLY (the default) takes any JSON", () => {
        assert.deepEqual(props(INVOCATION, { functionName: "f", input: "[1]" }), []);
        assert.deepEqual(props(INVOCATION, { functionName: "f", input: "[1]", lifecycleScope: "CREATE_ONLY" }), []);
        assert.deepEqual(props(INVOCATION, { functionName: "f", input: "[1]", lifecycleScope: "CRUD" }), ["(inputs)"]);
        assert.deepEqual(props(INVOCATION, { functionName: "f", input: ' {"a":1} ', lifecycleScope: "CRUD" }), [], "surrounding space is trimmed");
        assert.deepEqual(props(INVOCATION, { functionName: "f", input: UNKNOWN, lifecycleScope: "CRUD" }), []);
    });

    it("refuses input that is not JSON and an unknown scope", () => {
        assert.deepEqual(props(INVOCATION, { functionName: "f", input: "{a:1}" }), ["input"]);
        assert.deepEqual(props(INVOCATION, { functionName: "f", input: "{}", lifecycleScope: "crud" }), ["lifecycleScope"]);
    });
});
