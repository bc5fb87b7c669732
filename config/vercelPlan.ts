/**
 * What the team's Vercel plan (`service:vercel.plan`) allows the stack to ask for. The provider does not check
 * any of it (terraform-provider-vercel v5.4.1, vercel/resource_firewall_config.go: `rate_limit.window` is a bare
 * Int64 with no validator), so without this a plan-breaking setting passes every preview and fails in Vercel's API.
 *
 * Sources: Vercel's docs, "WAF Rate Limiting" (vercel.com/docs/vercel-firewall/vercel-waf/rate-limiting):
 * Fixed Window on every plan, Token Bucket on Enterprise; its plan limits: a window of 10 seconds to 10 minutes on
 * Hobby and Pro, one rate-limit rule per project on Hobby, 40 on Pro. Secure Compute is Enterprise-only and log
 * drains need Pro or Enterprise (vercel.com/docs/secure-compute, vercel.com/docs/log-drains).
 */
import { customEnvironmentFor } from "./envContract";
import type { InputProblem } from "./problem";
import type { ServiceConfig } from "./schema";

export type VercelPlan = ServiceConfig["vercel"]["plan"];

export interface PlanLimits {
    /** Longest rate-limit window, in seconds. */
    maxWindowSeconds: number;
    /** Most rate-limit rules one project's firewall may hold. */
    maxRateLimitRules: number;
    logDrains: boolean;
    secureCompute: boolean;
    /**
     * Custom environments, which every environment but dev and prod gets (config/envContract.ts): "Pro and
     * Enterprise teams can create Custom Environments" (vercel.com/docs/deployments/environments). How many a project
     * may hold is the team's `accountLimit` (GET /v9/projects/{idOrName}/custom-environments), not known offline.
     */
    customEnvironments: boolean;
}

/**
 * Enterprise windows: Vercel's docs found give no ceiling beyond Pro's, so the schema's own range (up to a day)
 * stands and the API has the last word; the rule count is the schema's too.
 */
export const PLAN_LIMITS: Readonly<Record<VercelPlan, PlanLimits>> = {
    hobby: { maxWindowSeconds: 600, maxRateLimitRules: 1, logDrains: false, secureCompute: false, customEnvironments: false },
    pro: { maxWindowSeconds: 600, maxRateLimitRules: 40, logDrains: true, secureCompute: false, customEnvironments: true },
    enterprise: { maxWindowSeconds: 86400, maxRateLimitRules: Number.POSITIVE_INFINITY, logDrains: true, secureCompute: true, customEnvironments: true },
};

export function vercelPlanProblems(c: ServiceConfig): InputProblem[] {
    const p = "service:";
    const plan = c.vercel.plan;
    const limits = PLAN_LIMITS[plan];
    const problems: InputProblem[] = [];
    const onPlan = `on Vercel's ${plan} plan (${p}vercel.plan)`;
    c.rateLimits.forEach((rule, i) => {
        if (rule.windowSeconds > limits.maxWindowSeconds) {
            problems.push({
                key: `${p}rateLimits.${i}.windowSeconds`,
                given: String(rule.windowSeconds),
                expected: `at most ${limits.maxWindowSeconds} (${limits.maxWindowSeconds / 60} minutes) ${onPlan}: scale \`limit\` down to a shorter window, or set the plan the team has`,
            });
        }
    });
    if (c.rateLimits.length > limits.maxRateLimitRules) {
        problems.push({
            key: `${p}rateLimits`,
            given: `${c.rateLimits.length} rules`,
            expected: `at most ${limits.maxRateLimitRules} rule${limits.maxRateLimitRules === 1 ? "" : "s"} ${onPlan}: keep the rule that guards the costliest route (such as /api/chat)`,
        });
    }
    if (c.logDrain && !limits.logDrains) {
        problems.push({ key: `${p}logDrain`, given: JSON.stringify(c.logDrain.endpoint), expected: `no log drain ${onPlan}: log drains need Pro or Enterprise` });
    }
    const custom = customEnvironmentFor(c.environment);
    if (custom && !limits.customEnvironments) {
        problems.push({
            key: `${p}vercel.plan`,
            given: JSON.stringify(plan),
            expected: `"pro" or "enterprise": the ${c.environment} environment writes its variables to a Vercel custom environment of its own ("${custom}"), which only Pro and Enterprise teams can create`,
        });
    }
    if (c.reachability === "private" && !limits.secureCompute) {
        problems.push({
            key: `${p}reachability`,
            given: '"private"',
            expected: `"public" ${onPlan}: private reachability needs Vercel Secure Compute, which only Enterprise teams have`,
        });
    }
    return problems;
}
