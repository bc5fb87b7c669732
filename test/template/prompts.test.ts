/**
 * The template's `pulumi new` side: its prompts agree with the config schema, the files it ships carry the
 * placeholders `pulumi new` fills and no other service's values, and no prod stack is copied (the documented
 * scripts/new-stack.sh creates it).
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { CONFIG_NAMESPACE, ConfigError, parseServiceConfig, PRESETS, ServiceConfigSchema, WORKED_EXAMPLE_VALUES } from "../../config";
import { defaultLayout } from "../../readiness/layout";
import { DESCRIPTION_PLACEHOLDER, isBinary, newStackConfig, PROJECT_PLACEHOLDER, promptsOf, readProjectFile, templateFiles } from "./pulumi-new";

const ROOT = defaultLayout().root;
const PREFIX = `${CONFIG_NAMESPACE}:`;
const template = readProjectFile(ROOT).template ?? {};
const prompts = promptsOf(ROOT);

/** The directory a newcomer runs `pulumi new` in, which becomes the project's name unless they type another. */
const DIR_NAME = "orbit-notes";
/** What a newcomer types; the prompts not listed are left empty (Enter). */
const ANSWERS: Record<string, string> = {
    "service:name": DIR_NAME,
    "service:owner": "notes-team",
    "service:vercel": JSON.stringify({ teamId: "team_orbit42", domain: "notes.orbit.example" }),
    "service:apiKeys": JSON.stringify({ OPENAI_API_KEY: "sk-test-orbit-dev-0000" }),
};

/** The dev stack's config right after `pulumi new`, parsed by the real schema. */
const newDev = (answers: Record<string, string>, project = DIR_NAME) => {
    const { config, secretKeys } = newStackConfig(ROOT, project, "dev", answers);
    return parseServiceConfig(config, secretKeys, { project });
};

function problemsOf(answers: Record<string, string>, project = DIR_NAME): ConfigError["problems"] {
    try {
        newDev(answers, project);
    } catch (e) {
        assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${e}`);
        return e.problems;
    }
    return assert.fail("expected the config to be refused");
}

describe("template prompts", () => {
    it("leaves the project's name and description to pulumi new, keeps the runtime, and describes the template", () => {
        const project = readProjectFile(ROOT);
        assert.equal(project.name, PROJECT_PLACEHOLDER, "the name defaults to the new project's directory");
        assert.equal(project.description, DESCRIPTION_PLACEHOLDER, "the description defaults to template.description");
        assert.deepEqual(project.runtime, { name: "nodejs", options: { packagemanager: "npm" } });
        assert.ok(template.description && template.description.length > 20, "template.description");
        assert.ok(template.quickstart?.includes("docs/getting-started.md"), "the quickstart points at the getting-started guide");
    });

    it("asks only for keys of the fixed service: namespace that the schema knows, each with a description", () => {
        const shape = ServiceConfigSchema.shape;
        assert.ok(Object.keys(prompts).length >= 10, "a prompt for every choice a new service makes");
        for (const [key, p] of Object.entries(prompts)) {
            assert.ok(key.startsWith(PREFIX), `${key}: prompts live in the ${PREFIX} namespace, never the project's`);
            assert.ok(key.slice(PREFIX.length) in shape, `${key}: not a key of ServiceConfigSchema`);
            assert.ok(p.description && p.description.length > 10, `${key}: needs a description`);
            assert.deepEqual(Object.keys(p).filter((f) => !["description", "default", "secret"].includes(f)), [], `${key}: pulumi new knows description, default and secret only`);
        }
        for (const key of ["name", "owner", "environment", "aws", "vercel", "alerts", "storage", "cache", "reachability", "apiKeys"]) {
            assert.ok(`${PREFIX}${key}` in prompts, `no prompt for ${PREFIX}${key}`);
        }
        assert.equal(prompts["service:environment"].default, "dev");
        assert.equal(prompts["service:apiKeys"].secret, true, "third-party keys are prompted as secrets");
        assert.ok(!prompts["service:apiKeys"].default, "a template cannot ship a secret value");
    });

    it("covers every key a preset requires, with a prompt whose description or default names each nested field", () => {
        for (const [environment, preset] of Object.entries(PRESETS)) {
            for (const required of preset.required) {
                const [top, ...rest] = required.split(".");
                const prompt = prompts[`${PREFIX}${top}`];
                assert.ok(prompt, `${environment} requires ${PREFIX}${required}: no prompt for ${PREFIX}${top}`);
                const leaf = rest.at(-1);
                if (leaf) {
                    assert.ok(`${prompt.description} ${prompt.default ?? ""}`.includes(`"${leaf}"`), `${environment} requires ${PREFIX}${required}: the ${PREFIX}${top} prompt does not show "${leaf}"`);
                }
            }
        }
    });

    it("asks for the app's repository, which the deploy workflow has Vercel build after every up", () => {
        const example = JSON.parse(/(\{.*\})\s*$/.exec(prompts["service:vercel"].description ?? "")![1]) as Record<string, string>;
        assert.match(example.gitRepository, /^[\w.-]+\/[\w.-]+$/);
        const dev = newDev({ ...ANSWERS, "service:vercel": JSON.stringify({ teamId: "team_orbit42", gitRepository: "orbit/notes-app" }) });
        assert.equal(dev.vercel.gitRepository, "orbit/notes-app");
    });

    it("nested prompts show a JSON example that is itself a valid value", () => {
        for (const [key, p] of Object.entries(prompts)) {
            const example = /(\{.*\})\s*$/.exec(p.description ?? "")?.[1];
            const schema = ServiceConfigSchema.shape[key.slice(PREFIX.length) as keyof typeof ServiceConfigSchema.shape];
            const def = schema._zod.def as { type: string; innerType?: { _zod: { def: { type: string } } } };
            const isObject = def.type === "object" || def.type === "record" || def.innerType?._zod.def.type === "object";
            if (!isObject) continue;
            assert.ok(example, `${key}: a nested setting is answered as JSON, so its description shows an example`);
            assert.doesNotThrow(() => JSON.parse(example.replace("https://...", "https://example.com").replace("sk-...", "sk-example")), `${key}: example ${example} is not JSON`);
        }
    });

    it("a newcomer's answers validate for dev", () => {
        const config = newDev(ANSWERS);
        assert.equal(config.environment, "dev");
        assert.equal(config.name, DIR_NAME);
        assert.equal(config.owner, "notes-team");
        assert.equal(config.aws.region, "us-east-1");
        assert.equal(config.vercel.teamId, "team_orbit42");
        assert.equal(config.storage.backend, "s3");
        assert.equal(config.cache.backend, "upstash");
        assert.equal(config.reachability, "public");
        assert.equal(config.apiKeys.OPENAI_API_KEY, "sk-test-orbit-dev-0000");
        assert.equal(newDev({ ...ANSWERS, "service:name": "notes" }).name, "notes", "a typed name wins");
    });

    it("the defaults validate for every preset once its required keys are answered", () => {
        for (const environment of Object.keys(PRESETS)) {
            const config = newDev({
                ...ANSWERS,
                "service:environment": environment,
                "service:aws": JSON.stringify({ region: "eu-west-1", accountId: "123456789012" }),
                "service:alerts": JSON.stringify({ emails: ["oncall@orbit.example"] }),
                "service:apiKeys": JSON.stringify({ SENTRY_DSN: "https://key@o1.ingest.sentry.io/1" }),
            });
            assert.equal(config.environment, environment);
        }
    });

    it("an empty answer keeps the worked example's value, and the check refuses each one by name", () => {
        const problems = problemsOf({});
        assert.deepEqual(problems.map((p) => p.key).sort(), ["service:name", "service:owner", "service:vercel.teamId"], JSON.stringify(problems));
        for (const p of problems) {
            assert.equal(p.given, JSON.stringify(WORKED_EXAMPLE_VALUES[p.key.slice(PREFIX.length)]), p.key);
            assert.match(p.expected, /this service's own value/);
        }
        assert.deepEqual(problemsOf({ ...ANSWERS, "service:name": "" }).map((p) => p.key), ["service:name"]);
    });

    it("a service name that is no valid one is refused naming service:name", () => {
        const problems = problemsOf({ ...ANSWERS, "service:name": "Orbit_Notes" });
        assert.deepEqual(problems.map((p) => p.key), ["service:name"]);
        assert.match(problems[0].given, /Orbit_Notes/);
    });

    it("a wrong answer is refused naming the nested key", () => {
        assert.ok(problemsOf({ ...ANSWERS, "service:aws": JSON.stringify({ region: "moon-1" }) }).some((p) => p.key === "service:aws.region"));
    });
});

describe("what pulumi new copies", () => {
    const files = templateFiles(ROOT);

    it("ships a dev stack in which every value an empty answer would keep is a worked-example value the check refuses", () => {
        const dev = parse(fs.readFileSync(path.join(ROOT, "Pulumi.dev.yaml"), "utf8")).config as Record<string, unknown>;
        const examples = new Set(Object.values(WORKED_EXAMPLE_VALUES));
        const leaves = (v: unknown): unknown[] => (v && typeof v === "object" ? Object.values(v).flatMap(leaves) : [v]);
        for (const [key, p] of Object.entries(prompts)) {
            if (p.default) continue; // an empty answer writes the default over the file's value
            for (const leaf of leaves(dev[key])) assert.ok(leaf === undefined || examples.has(leaf as string), `${key}: an empty answer would keep ${JSON.stringify(leaf)}`);
        }
        assert.equal(dev["service:environment"], "dev");
    });

    it("ships the worked example's stacks, which scripts/new-stack.sh create replaces in a service", () => {
        assert.deepEqual(files.filter((f) => /^Pulumi\.[^/]+\.ya?ml$/.test(f)), ["Pulumi.dev.yaml", "Pulumi.prod.yaml", "Pulumi.shared.yaml"]);
    });

    it("carries the placeholders exactly where the new project's name and description belong", () => {
        const expected: Record<string, number> = { ".template/README.md": 2, "Pulumi.yaml": 2, "package.json": 2, "package-lock.json": 2 };
        const found: Record<string, number> = {};
        for (const file of files) {
            const bytes = fs.readFileSync(path.join(ROOT, file));
            if (isBinary(bytes)) continue;
            const s = bytes.toString("utf8");
            const n = s.split(PROJECT_PLACEHOLDER).length - 1 + s.split(DESCRIPTION_PLACEHOLDER).length - 1;
            if (n > 0 || file.includes(PROJECT_PLACEHOLDER)) found[file] = n;
        }
        assert.deepEqual(found, expected);
    });

    it("never ships an install, a build or a report", () => {
        assert.deepEqual(files.filter((f) => /^(node_modules|dist|reports|\.ci\/\.node)\//.test(f) || f.includes("/node_modules/")), []);
    });
});
