/**
 * The template's worked example: the service `acme-chat` whose stack files the template repository ships at its
 * root (and, for the tests every service keeps, in test/fixtures/example), so that the template itself checks
 * READY from a fresh clone.
 *
 * `pulumi new` copies those files into a new service and offers each value as the default of its prompt; a
 * blank answer keeps it. So outside the example's own project, every example value is refused by name: no
 * example value survives into a service's deploy, and the error says which key to set.
 */
import type { InputProblem } from "./problem";
import { CONFIG_NAMESPACE } from "./schema";

/** The project name the template repository is checked as (its Pulumi.yaml holds the placeholder pulumi new fills). */
export const WORKED_EXAMPLE_PROJECT = "service-template";

/** Paths below `service:` and the example's value at each (a list matches when it contains the value). */
export const WORKED_EXAMPLE_VALUES: Readonly<Record<string, string>> = {
    name: "acme-chat",
    owner: "platform-team",
    "vercel.teamId": "team_acme",
    "vercel.domain": "chat.acme.example",
    "aws.accountId": "210987654321",
    "alerts.emails": "oncall@acme.example",
};

/** True when a stack's config still names the example service: a copied example stack file, not one of this service. */
export function isWorkedExampleStack(raw: Record<string, string>): boolean {
    return raw[`${CONFIG_NAMESPACE}:name`] === WORKED_EXAMPLE_VALUES.name;
}

/**
 * The example values a service's config still holds. `given` is the config below `service:` as parsed from the
 * stack file (objects, not JSON strings); `project` the Pulumi project name.
 */
export function workedExampleProblems(given: Record<string, unknown>, project: string | undefined): InputProblem[] {
    if (project === undefined || project === WORKED_EXAMPLE_PROJECT) return [];
    const problems: InputProblem[] = [];
    for (const [path, example] of Object.entries(WORKED_EXAMPLE_VALUES)) {
        let value: unknown = given;
        for (const part of path.split(".")) value = value && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
        const matches = Array.isArray(value) ? value.includes(example) : value === example;
        if (!matches) continue;
        problems.push({
            key: `${CONFIG_NAMESPACE}:${path}`,
            given: JSON.stringify(example),
            expected:
                `this service's own value: ${JSON.stringify(example)} is the template's worked example, kept by \`pulumi new\` for a blank answer ` +
                `(set it with \`pulumi config set --path '${CONFIG_NAMESPACE}:${path}${Array.isArray(value) ? "[0]" : ""}' <value>\`; a copied example stack file is replaced by scripts/new-stack.sh create)`,
        });
    }
    return problems;
}
