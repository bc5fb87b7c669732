/**
 * What two stacks checked together would both own. Each stack can be ready on its own and still fail when the
 * second one is deployed: Vercel refuses a second variable with the key of one that already exists on the same
 * target of the same project (ENV_ALREADY_EXISTS, pulumiverse/pulumi-vercel#118), or, when the first is gone,
 * the deployments of one stack read the other's database; and AWS, Vercel and Sentry refuse (or silently share)
 * a second resource with a name that is unique in its scope. The check finds both when given several stacks
 * (`npm run check` checks every stack file by default), from each report's recorded inputs.
 */
import type { ReportCollision, ReportResource, StackReport } from "./report";
import { TYPES } from "../contracts/tokens";
import { parseJsonish } from "../contracts/json";

/** What a redacted or unknown input reads as in a report: never a name to compare. */
const OPAQUE = new Set(["[unknown]", "[secret]"]);

type Scope = "global" | "account" | "region" | "team" | "project" | "organization";

/**
 * The property that names each resource type, and the scope it must be unique in. Only types whose name is
 * unique in that scope: a security group's name is unique per VPC and a role policy's per role, so neither is
 * here; Postgres objects live in each stack's own instance.
 */
const PHYSICAL_NAMES: Readonly<Record<string, { property: string; scope: Scope }>> = {
    // S3 bucket names are global across accounts (S3 User Guide, "Bucket naming rules").
    [TYPES.bucket]: { property: "bucket", scope: "global" },
    [TYPES.bucketV2]: { property: "bucket", scope: "global" },
    // IAM and AWS Budgets names are unique per account, whatever the region.
    [TYPES.role]: { property: "name", scope: "account" },
    [TYPES.policy]: { property: "name", scope: "account" },
    [TYPES.openIdConnectProvider]: { property: "url", scope: "account" },
    [TYPES.budget]: { property: "name", scope: "account" },
    // Regional names, unique per account and region.
    [TYPES.rdsInstance]: { property: "identifier", scope: "region" },
    [TYPES.rdsParameterGroup]: { property: "name", scope: "region" },
    [TYPES.rdsSubnetGroup]: { property: "name", scope: "region" },
    [TYPES.replicationGroup]: { property: "replicationGroupId", scope: "region" },
    [TYPES.cacheSubnetGroup]: { property: "name", scope: "region" },
    [TYPES.secret]: { property: "name", scope: "region" },
    [TYPES.topic]: { property: "name", scope: "region" },
    [TYPES.kmsAlias]: { property: "name", scope: "region" },
    [TYPES.metricAlarm]: { property: "name", scope: "region" },
    [TYPES.logGroup]: { property: "name", scope: "region" },
    // A team holds one project per name; a project one custom environment per name; an organization one Sentry project per slug.
    [TYPES.vercelProject]: { property: "name", scope: "team" },
    [TYPES.customEnvironment]: { property: "name", scope: "project" },
    [TYPES.sentryProject]: { property: "slug", scope: "organization" },
};


interface Claim {
    kind: ReportCollision["kind"];
    /** Identity of what is claimed; two stacks with the same id collide. */
    id: string;
    what: string;
    urn: string;
    /** False when part of the scope (an AWS account) is not known offline. */
    certain: boolean;
}

const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" && !OPAQUE.has(v) ? v : undefined);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(text).filter((x): x is string => x !== undefined) : []);

/** A provider's inputs arrive as strings, lists JSON-encoded (the engine's provider config). */
function jsonList(v: unknown): string[] {
    return list(parseJsonish(v));
}

/** The AWS account and default region of a stack: its AWS provider's pinned account (components/context.ts) and region. */
function awsScope(r: StackReport): { account?: string; region?: string } {
    const provider = r.resources.find((x) => x.type === TYPES.awsProvider);
    const inputs = (provider?.inputs ?? {}) as Record<string, unknown>;
    const accounts = jsonList(inputs.allowedAccountIds);
    return { account: accounts.length === 1 ? accounts[0] : undefined, region: text(inputs.region) };
}

function claimsOf(report: StackReport): Claim[] {
    const claims: Claim[] = [];
    const aws = awsScope(report);
    // A report records inputs, not ids: a variable's custom environment is named by the stack's one custom
    // environment in that project (the program creates at most one), so two stacks compare names, as Vercel does.
    const customByProject = new Map<string, string[]>();
    for (const r of report.resources.filter((x) => x.type === TYPES.customEnvironment)) {
        const inputs = (r.inputs ?? {}) as Record<string, unknown>;
        const project = text(inputs.projectId);
        const name = text(inputs.name);
        if (project && name) customByProject.set(project, [...(customByProject.get(project) ?? []), name]);
    }
    for (const r of report.resources) {
        const inputs = (r.inputs ?? {}) as Record<string, unknown>;
        if (r.type === TYPES.envVar || r.type === TYPES.envVars) claims.push(...variableClaims(r, inputs, customByProject));
        const named = PHYSICAL_NAMES[r.type];
        const name = named ? text(inputs[named.property]) : undefined;
        if (!named || !name) continue;
        let scope: string | undefined;
        let certain = true;
        if (named.scope === "global") scope = "aws";
        else if (named.scope === "account" || named.scope === "region") {
            certain = aws.account !== undefined;
            scope = `aws account ${aws.account ?? "(not pinned)"}${named.scope === "region" ? ` region ${text(inputs.region) ?? aws.region ?? "(default)"}` : ""}`;
        } else if (named.scope === "team") scope = text(inputs.teamId) && `vercel team ${text(inputs.teamId)}`;
        else if (named.scope === "project") scope = text(inputs.projectId) && `vercel project ${text(inputs.projectId)}`;
        else scope = text(inputs.organization) && `sentry organization ${text(inputs.organization)}`;
        if (!scope) continue;
        claims.push({ kind: "physical-name", id: `${r.type} ${scope} ${name}`, what: `${r.type.split(":").pop()} "${name}" in ${scope}`, urn: r.urn, certain });
    }
    return claims;
}

/** One claim per (project, key, target, git branch) a variable writes; custom environments are targets by id. */
function variableClaims(r: ReportResource, inputs: Record<string, unknown>, customByProject: Map<string, string[]>): Claim[] {
    const project = text(inputs.projectId);
    if (!project) return [];
    const custom = customByProject.get(project) ?? [];
    const customName = (id: string) => (custom.length === 1 ? `custom environment "${custom[0]}"` : `custom environment ${id}`);
    const items = r.type === TYPES.envVar ? [inputs] : Array.isArray(inputs.variables) ? (inputs.variables as Record<string, unknown>[]) : [];
    return items.flatMap((item) => {
        const key = text(item.key);
        if (!key) return [];
        const branch = text(item.gitBranch);
        const targets = [...list(item.targets), ...list(item.customEnvironmentIds).map(customName)];
        return targets.map((target) => ({
            kind: "vercel-env-var" as const,
            id: `${project} ${key} ${target} ${branch ?? ""}`,
            what: `variable ${key} of Vercel project ${project}, target ${target}${branch ? ` (branch ${branch})` : ""}`,
            urn: r.urn,
            certain: true,
        }));
    });
}

/**
 * Adds `collisions` to each report of a multi-stack check (and `summary.collisions`, the blocking ones). A
 * collision whose scope is not fully known (an AWS account no stack pins) is listed with `certain: false` and
 * does not block.
 */
export function addCollisions(reports: StackReport[]): void {
    const owners = new Map<string, Array<{ report: StackReport; claim: Claim }>>();
    for (const report of reports) {
        for (const claim of claimsOf(report)) {
            const list = owners.get(claim.id) ?? [];
            list.push({ report, claim });
            owners.set(claim.id, list);
        }
    }
    for (const report of reports) {
        const found = new Map<string, ReportCollision>();
        for (const [id, holders] of owners) {
            const mine = holders.filter((h) => h.report === report);
            const others = [...new Set(holders.filter((h) => h.report !== report).map((h) => h.report.stack))];
            if (mine.length === 0 || others.length === 0) continue;
            const { claim } = mine[0];
            const certain = holders.every((h) => h.claim.certain);
            const reason =
                claim.kind === "vercel-env-var"
                    ? "Vercel refuses the second stack's variable (ENV_ALREADY_EXISTS) or, once the first is gone, hands one stack's value to the other's deployments: give each environment its own target (config/envContract.ts)"
                    : "the second stack's create fails or takes over the first's resource: each stack needs its own service:name or service:environment";
            found.set(id, {
                kind: claim.kind,
                what: claim.what,
                stacks: others,
                urns: [...new Set(mine.map((h) => h.claim.urn))],
                certain,
                message: `${report.stack} and ${others.join(", ")} both write ${claim.what}${certain ? "" : " (if they deploy into the same AWS account, which no stack pins with service:aws.accountId)"}: ${reason}.`,
            });
        }
        report.collisions = [...found.values()];
        report.summary.collisions = report.collisions.filter((c) => c.certain).length;
    }
}
