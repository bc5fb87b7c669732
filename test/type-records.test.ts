/**
 * Issue 28: one record per resource type in the pack (policies/lib/typeRecords.ts). Every type the program can
 * register (readiness/providers/types.ts keeps that list exact by running every variant) has a record, each
 * record states every fact a reader needs, and what a record says of cost is what the estimate does.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { estimateCost, type CostResource } from "../policies/lib/cost/estimate";
import { TYPE_RECORDS, typeRecord, type TypeRecord } from "../policies/lib/typeRecords";
import { VALIDATED_TYPES } from "../readiness/providers/types";

const COSTS: readonly TypeRecord["cost"][] = ["free", "priced", "unpriced"];

/** Each problem of `records` for the types in `registered`, as `<type>: <missing fact>`. */
function recordProblems(records: Record<string, unknown>, registered: readonly string[]): string[] {
    const problems: string[] = [];
    for (const type of registered) {
        if (!Object.hasOwn(records, type)) problems.push(`${type}: no record in policies/lib/typeRecords.ts`);
    }
    for (const [type, value] of Object.entries(records)) {
        const record = value as Partial<TypeRecord>;
        if (!COSTS.includes(record.cost as TypeRecord["cost"])) problems.push(`${type}: no cost (one of ${COSTS.join(", ")})`);
        const s = record.stateful;
        if (s === undefined) continue;
        if (s.kind !== "data" && s.kind !== "settings") problems.push(`${type}: stateful without kind (data or settings)`);
        if (typeof s.holds !== "string" || s.holds.length === 0) problems.push(`${type}: stateful without holds (what is lost)`);
        if ((s.forceNew === undefined) !== (s.citation === undefined)) problems.push(`${type}: stateful forceNew without its citation, or a citation without forceNew`);
    }
    return problems;
}

const resourceOf = (type: string): CostResource => ({ urn: `urn:pulumi:prod::svc::${type}::r`, type, name: "r", props: {} });

describe("one record per resource type in the pack", () => {
    it("has a record, with every fact, for every type the program can register", () => {
        assert.deepEqual(recordProblems(TYPE_RECORDS, VALIDATED_TYPES), []);
    });

    it("names the type and the missing fact when a record is missing or incomplete", () => {
        const { ["aws:kms/alias:Alias"]: _alias, ...withoutAlias } = TYPE_RECORDS;
        assert.deepEqual(recordProblems(withoutAlias, ["aws:kms/alias:Alias"]), ["aws:kms/alias:Alias: no record in policies/lib/typeRecords.ts"]);
        const incomplete = { "aws:ec2/vpc:Vpc": { stateful: { kind: "data" } }, "aws:kms/key:Key": { cost: "free", stateful: { kind: "data", holds: "x", forceNew: [] } } };
        assert.deepEqual(recordProblems(incomplete, []), [
            "aws:ec2/vpc:Vpc: no cost (one of free, priced, unpriced)",
            "aws:ec2/vpc:Vpc: stateful without holds (what is lost)",
            "aws:kms/key:Key: stateful forceNew without its citation, or a citation without forceNew",
        ]);
    });

    it("knows nothing of a type without a record, nor of Object's own properties", () => {
        assert.equal(typeRecord("aws:appsync/graphQLApi:GraphQLApi"), undefined);
        assert.equal(typeRecord("constructor"), undefined);
        assert.equal(typeRecord("aws:rds/instance:Instance")?.cost, "priced");
    });
});

describe("a record's cost is what the estimate does with the type", () => {
    const notInTable = (type: string) => (e: ReturnType<typeof estimateCost>) => e.assumptions.some((a) => a.endsWith(`× ${type}: not in the price table, counted as $0.`));

    for (const [type, record] of Object.entries(TYPE_RECORDS)) {
        it(`${type} is ${record.cost}`, () => {
            const r = resourceOf(type);
            const estimate = estimateCost([r]);
            const priced = estimate.items.some((i) => i.urn === r.urn) || estimate.unpriced.some((u) => u.urn === r.urn);
            if (record.cost === "priced") {
                assert.ok(priced, `${type} says priced, but the estimate neither prices it nor lists it as unpriced`);
                assert.ok(!notInTable(type)(estimate));
                return;
            }
            assert.ok(!priced, `${type} says ${record.cost}, but the estimate prices it`);
            // Only AWS types are named when the estimate counts them at $0 (the other vendors' plans are priced apart).
            assert.equal(notInTable(type)(estimate), record.cost === "unpriced" && type.startsWith("aws:"), type);
        });
    }

    it("names an AWS type without a record as not in the price table", () => {
        const estimate = estimateCost([resourceOf("aws:appsync/graphQLApi:GraphQLApi")]);
        assert.ok(notInTable("aws:appsync/graphQLApi:GraphQLApi")(estimate));
    });
});
