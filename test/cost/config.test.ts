import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError, parseServiceConfig } from "../../config";
import { checkVariant, exampleStack } from "../support";

describe("service:cost", () => {
    it("refuses a bad usage figure naming the key, the value and what is expected", () => {
        const raw = { ...exampleStack("dev").config, "service:cost": JSON.stringify({ vercelSeats: 1.5, storageGb: -1 }) };
        assert.throws(
            () => parseServiceConfig(raw),
            (e: unknown) =>
                e instanceof ConfigError &&
                e.problems.some((p) => p.key === "service:cost.vercelSeats" && p.given === "1.5" && /an int/.test(p.expected)) &&
                e.problems.some((p) => p.key === "service:cost.storageGb" && p.given === "-1" && /at least 0/.test(p.expected)),
        );
    });

    it("is what the estimate prices usage with", async () => {
        const base = await checkVariant("dev");
        const more = await checkVariant("dev", { "service:cost": { storageGb: 500, redisCommandsPerMonth: 20_000_000 } });
        const item = (r: typeof base, re: RegExp) => r.cost!.items.find((i) => re.test(i.description))!.monthly;
        assert.ok(item(more, /S3/) > item(base, /S3/));
        assert.ok(item(more, /Upstash/) > item(base, /Upstash/));
        assert.ok(more.cost!.assumptions.some((a) => a.startsWith("Object storage: 500 GB stored")));
    });
});
