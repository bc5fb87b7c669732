/** The generated stack of `npm run bench`'s scaling curve: real links between its resources, as it claims. */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { describe, it } from "node:test";
import { checkStack } from "../readiness/check";
import { EXAMPLE } from "./support";

const layout = EXAMPLE;
const scaled = (generated: number) =>
    checkStack({ stack: "prod", layout, program: path.join(layout.dist, "bench", "programs", "scaled.js"), configOverrides: { "scale:resources": String(generated) } });

describe("the scaling curve's generated stack", () => {
    it("adds the resources asked for, in units of ten, to the prod stack", async () => {
        const [prod, plus30] = [await checkStack({ stack: "prod", layout }), await scaled(30)];
        // The generated resources take the default providers, which the engine adds as the CLI's engine does.
        const before = new Set(prod.resources.map((r) => r.urn));
        const added = plus30.resources.filter((r) => !before.has(r.urn));
        assert.equal(added.filter((r) => !r.type.startsWith("pulumi:providers:")).length, 30);
        assert.deepEqual(added.filter((r) => r.type.startsWith("pulumi:providers:")).map((r) => r.type), ["pulumi:providers:aws"]);
        assert.equal(plus30.resources.filter((r) => r.type === "scale:bench:Unit").length, 3);
    });

    it("links each unit's alarms, topic and env var to its own database, so the stack rules relate them", async () => {
        const report = await scaled(30);
        const generated = (policy: string) => report.violations.filter((v) => v.policy === policy && /unit\d+/.test(v.resourceName ?? "")).map((v) => v.resourceName).sort();
        // Alarms computed from each instance's identifier and notifying its subscribed topic satisfy both alarm rules ...
        assert.deepEqual(generated("datastore-alarms"), []);
        assert.deepEqual(generated("alarm-actions-reach-subscriber"), []);
        // ... and each env var built from a private instance's address is caught handing it to the app.
        assert.deepEqual(generated("private-datastore-reachable"), ["unit0-database-url", "unit1-database-url", "unit2-database-url"]);
    });
});
