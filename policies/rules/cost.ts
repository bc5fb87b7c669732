/**
 * Readiness rule: the stack's estimated monthly cost fits its budget. A stack rule, because the estimate is a
 * sum over every resource; it prices what AnalyzeStack sees (in a preview: each resource's known inputs, and the
 * usage the `service:cost:UsageAssumptions` component registers) with the price table in policies/lib/cost, the
 * same code the offline report uses, so a preview that would blow the budget fails before anything is created.
 */
import type { PolicyResource } from "@pulumi/policy";
import { z } from "zod";
import { CostResource, estimateCost, usd } from "../lib/cost/estimate";
import { Rule, ruleResource, stackRule } from "../lib/rule";
import { peek } from "../lib/preview";
import { TYPES } from "../contracts/tokens";



/** What the estimator reads of a resource: its properties through the proxy-safe `peek`, and its provider's region. */
export function toCostResource(r: PolicyResource): CostResource {
    const region = peek(r.provider?.props, "region");
    return { urn: r.urn, type: r.type, name: r.name, props: r.props, providerRegion: typeof region === "string" ? region : undefined };
}

/** Monthly USD cost budgets of the stack with a known limit. */
function monthlyBudgets(resources: PolicyResource[]): Array<{ budget: PolicyResource; limit: number }> {
    return resources
        .filter((r) => r.type === TYPES.budget && peek(r.props, "budgetType") === "COST" && (peek(r.props, "timeUnit") ?? "MONTHLY") === "MONTHLY" && (peek(r.props, "limitUnit") ?? "USD") === "USD")
        .map((budget) => ({ budget, limit: Number(peek(budget.props, "limitAmount")) }))
        .filter((b) => b.limit > 0);
}

export const costWithinBudget = stackRule({
    name: "cost-estimate-within-budget",
    description: "The stack's estimated monthly AWS cost stays within the configured share of its monthly AWS cost budget; a resource the price table cannot price is reported as unknown, never as over budget.",
    severity: "medium",
    category: "cost",
    remediation:
        "Choose a smaller `service:database.instanceClass`, fewer `service:cache.nodes` or lower usage in `service:cost`, or raise `service:budget.monthlyUsd`; `npm run check` prints the estimate line by line. An unknown price is advisory: add the row with `npm run refresh-prices -- --region <region>` so the estimate counts it.",
    config: {
        /** Share of the budget the estimate may take; the rest is headroom for usage the estimate does not see. */
        share: z.number().gt(0).max(1).default(0.8),
    },
    validate(resources, config, report) {
        const budgets = monthlyBudgets(resources);
        // A stack without a budget is budget-configured's finding; there is nothing to hold the estimate to.
        if (budgets.length === 0) return;
        const strictest = budgets.reduce((a, b) => (b.limit < a.limit ? b : a));
        const estimate = estimateCost(resources.map(toCostResource));
        const byUrn = new Map(resources.map((r) => [r.urn, r]));
        for (const u of estimate.unpriced) {
            const r = byUrn.get(u.urn);
            if (!r || !r.type.startsWith("aws:")) continue;
            // Read through the proxy: a value unknown until the resource exists makes the library report this rule
            // as not runnable during the preview, instead of blaming a value the program will set.
            if (u.property) void r.props[u.property];
            // An unknown price is not a cost over budget: it is reported, advisory, and never blocks a deploy.
            report(`Cannot estimate ${r.name}, so its cost is unknown and not counted: ${u.reason}.`, ruleResource(r), { advisory: true });
        }
        const allowed = strictest.limit * config.share;
        const aws = estimate.byVendor.aws;
        if (aws > allowed) {
            const largest = estimate.items
                .filter((i) => i.vendor === "aws")
                .slice(0, 3)
                .map((i) => `${byUrn.get(i.urn)?.name ?? i.urn} ${i.description} ${usd(i.monthly)}`)
                .join(", ");
            report(
                `Estimated AWS cost ${usd(aws)} a month exceeds ${Math.round(config.share * 100)}% of the ${usd(strictest.limit)} budget (${usd(allowed)}); largest: ${largest}.`,
                ruleResource(strictest.budget),
            );
        }
    },
});

export const costRules: Rule[] = [costWithinBudget];
