/**
 * The budget validators of the v6 line (readiness/providers/aws/budgets.ts): time periods as Go parses them,
 * and the filter expression's CustomizeDiff at every level it nests.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toRecorded } from "../synthetic";
import { validateProviderInputs } from "../../readiness/providers";

const BUDGET = "aws:budgets/budget:Budget";
const base = { budgetType: "COST", timeUnit: "MONTHLY", limitAmount: "50", limitUnit: "USD" };
const props = (inputs: Record<string, unknown>) => validateProviderInputs(toRecorded([{ type: BUDGET, name: "b", inputs: { ...base, ...inputs } }])).map((e) => e.property);

describe("aws:budgets/budget:Budget", () => {
    it("a time period's hour may be one digit (Go's \"15\"), the rest is fixed-width and a real date", () => {
        assert.deepEqual(props({ timePeriodStart: "2030-01-01_3:00" }), []);
        assert.deepEqual(props({ timePeriodStart: "2030-01-01_23:59" }), []);
        assert.deepEqual(props({ timePeriodStart: "2030-01-01_24:00" }), ["timePeriodStart"]);
        assert.deepEqual(props({ timePeriodStart: "2030-02-30_00:00" }), ["timePeriodStart"]);
        assert.deepEqual(props({ timePeriodStart: "2030-1-01_00:00" }), ["timePeriodStart"]);
    });

    it("ABSENT is refused on dimensions and cost categories at every nesting level, accepted on tags", () => {
        const nested = { ands: [{ not: { dimensions: { key: "SERVICE", values: ["Amazon Relational Database Service"], matchOptions: ["ABSENT"] } } }] };
        assert.deepEqual(props({ filterExpression: nested }), ["filterExpression.ands[0].not.dimensions.matchOptions[0]"]);
        assert.deepEqual(props({ filterExpression: { costCategories: { key: "team", matchOptions: ["ABSENT"] } } }), ["filterExpression.costCategories.matchOptions[0]"]);
        assert.deepEqual(props({ filterExpression: { tags: { key: "environment", matchOptions: ["ABSENT"] } } }), []);
    });

    it("a filter expression and cost filters are one or the other", () => {
        const expression = { dimensions: { key: "SERVICE", values: ["Amazon Relational Database Service"] } };
        assert.deepEqual(props({ filterExpression: expression }), []);
        assert.deepEqual(props({ filterExpression: expression, costFilters: [{ name: "Service", values: ["x"] }] }), ["(inputs)"]);
    });
});
