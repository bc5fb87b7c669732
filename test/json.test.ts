/**
 * The one "parse JSON or keep the text" (contracts/json.ts): a provider's documents and lists arrive as JSON text,
 * its other strings stay strings; Pulumi config parses scalars too.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseJsonish } from "../contracts/json";

describe("parseJsonish", () => {
    it("parses JSON text of an object or a list, and keeps a provider's other strings as text", () => {
        assert.deepEqual(parseJsonish('{"Version":"2012-10-17"}'), { Version: "2012-10-17" });
        assert.deepEqual(parseJsonish(' ["production"]'), ["production"]);
        // A string that spells a number or a boolean is still a string in a provider's properties.
        assert.equal(parseJsonish("123456789012"), "123456789012");
        assert.equal(parseJsonish("true"), "true");
    });

    it("parses scalars as Pulumi config reads them when asked", () => {
        assert.equal(parseJsonish("5", { scalars: true }), 5);
        assert.equal(parseJsonish("false", { scalars: true }), false);
        assert.equal(parseJsonish('"private"', { scalars: true }), "private");
        assert.deepEqual(parseJsonish('{"region":"eu-west-1"}', { scalars: true }), { region: "eu-west-1" });
    });

    it("keeps text that is not JSON, and passes anything that is not text through", () => {
        assert.equal(parseJsonish("{not json"), "{not json");
        assert.equal(parseJsonish("public", { scalars: true }), "public");
        const tags = { team: "core" };
        assert.equal(parseJsonish(tags), tags);
        assert.equal(parseJsonish(undefined, { scalars: true }), undefined);
    });
});
