/**
 * Issue 28: one record per resource type in the pack (policies/lib/typeRecords.ts): each record states every
 * fact its readers need.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TYPE_RECORDS, typeRecord, type TypeRecord } from "../policies/lib/typeRecords";

/** Each problem of `records`, as `<type>: <missing fact>`. */
function recordProblems(records: Record<string, unknown>): string[] {
    const problems: string[] = [];
    for (const [type, value] of Object.entries(records)) {
        const s = (value as Partial<TypeRecord>).stateful;
        if (s === undefined) continue;
        if (s.kind !== "data" && s.kind !== "settings") problems.push(`${type}: stateful without kind (data or settings)`);
        if (typeof s.holds !== "string" || s.holds.length === 0) problems.push(`${type}: stateful without holds (what is lost)`);
        if ((s.forceNew === undefined) !== (s.citation === undefined)) problems.push(`${type}: stateful forceNew without its citation, or a citation without forceNew`);
    }
    return problems;
}

describe("one record per resource type in the pack", () => {
    it("states every fact in every record", () => {
        assert.deepEqual(recordProblems(TYPE_RECORDS), []);
    });

    it("names the type and the missing fact when a record is incomplete", () => {
        const incomplete = { "aws:ec2/vpc:Vpc": { stateful: { kind: "data" } }, "aws:kms/key:Key": { stateful: { kind: "data", holds: "x", forceNew: [] } } };
        assert.deepEqual(recordProblems(incomplete), [
            "aws:ec2/vpc:Vpc: stateful without holds (what is lost)",
            "aws:kms/key:Key: stateful forceNew without its citation, or a citation without forceNew",
        ]);
    });

    it("knows nothing of a type without a record, nor of Object's own properties", () => {
        assert.equal(typeRecord("aws:appsync/graphQLApi:GraphQLApi"), undefined);
        assert.equal(typeRecord("constructor"), undefined);
        assert.equal(typeRecord("aws:rds/instance:Instance")?.stateful?.kind, "data");
    });
});
