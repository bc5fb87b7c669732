"use strict";
/**
 * `npm run deploy-app -- --stack NAME --ref GIT_REF`: deploys the app to the stack's Vercel environment after its
 * `pulumi up`, and waits until the deployment is ready (exit 0) or has failed (exit 1). Bad input exits 2.
 *
 * Why after every `up`: Vercel applies env vars only to new deployments ("Any change you make to environment
 * variables are not applied to previous deployments, they only apply to new deployments",
 * vercel.com/docs/environment-variables), and nothing else deploys the app after the first `up`: connecting the
 * project to its repository (`service:vercel.gitRepository`) builds only on later pushes to that repository.
 * docs/decisions/first-deploy.md says why this and not `vercel deploy --prebuilt` or a deploy hook.
 *
 * The deployment is built by Vercel from the app's repository at GIT_REF, through the Vercel REST API:
 *   POST /v13/deployments?teamId=...   { name, project, target?, customEnvironmentSlugOrId?, gitSource: { type:
 *                                        "github", org, repo, ref } }
 *   GET  /v13/deployments/{id}?teamId=...   until readyState is READY, or ERROR / CANCELED
 * (vercel.com/docs/rest-api/deployments/create-a-new-deployment, .../get-a-deployment-by-id-or-url): `target:
 * "production"` for prod, no target for a preview (dev), and a custom environment by its slug (staging, ...).
 * Where it goes follows the env-var contract's split (components/app/envContract.ts, `ENVIRONMENT_TARGETS`).
 *
 * Reads only the stack file (the team, the project name, the repository and the environment) and VERCEL_API_TOKEN
 * (the same token the Pulumi Vercel provider reads); prints no secret. VERCEL_API_URL replaces
 * https://api.vercel.com (tests point it at a local server). Plain JavaScript, so a deploy needs no build step.
 */
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
/** Mirrors ENVIRONMENT_TARGETS in components/app/envContract.ts: prod deploys to production, dev to a preview. */
const STANDARD = { prod: "production", dev: "preview" };
const SHARED = "shared";
const POLL_MS = Number(process.env.DEPLOY_APP_POLL_MS ?? 5000);
const TIMEOUT_MS = Number(process.env.DEPLOY_APP_TIMEOUT_MS ?? 30 * 60 * 1000);

class UsageError extends Error {}

function parseArgs(argv) {
    const args = {};
    for (let i = 0; i < argv.length; i++) {
        const flag = argv[i];
        if (flag !== "--stack" && flag !== "--ref") throw new UsageError(`unknown argument ${flag}: expected --stack NAME --ref GIT_REF`);
        const value = argv[++i];
        if (!value || value.startsWith("--")) throw new UsageError(`${flag} needs a value`);
        args[flag.slice(2)] = value;
    }
    if (!args.stack) throw new UsageError("--stack NAME is required (the stack whose app to deploy, such as acme/prod)");
    if (!args.ref) throw new UsageError("--ref GIT_REF is required (the branch, tag or commit of the app's repository to deploy, such as main)");
    return args;
}

/** What the deployment needs from the stack file; every missing piece is named by its key. */
function stackSettings(stack, root = ROOT) {
    const short = stack.split("/").pop();
    const file = [".yaml", ".yml"].map((ext) => path.join(root, `Pulumi.${short}${ext}`)).find((f) => fs.existsSync(f));
    if (!file) throw new UsageError(`stack ${stack}: no Pulumi.${short}.yaml here`);
    const config = require("yaml").parse(fs.readFileSync(file, "utf8"))?.config ?? {};
    const json = (v) => (typeof v === "string" ? JSON.parse(v) : v);
    const environment = config["service:environment"];
    const vercel = json(config["service:vercel"]) ?? {};
    const project = vercel.projectName ?? config["service:name"];
    if (environment === SHARED) throw new UsageError(`stack ${stack}: the shared stack serves no app; deploy an environment's stack`);
    if (typeof vercel.teamId !== "string") throw new UsageError(`${path.basename(file)}: service:vercel.teamId is not set; expected the Vercel team the project is in`);
    if (typeof project !== "string") throw new UsageError(`${path.basename(file)}: service:name is not set; expected the service (and Vercel project) name`);
    const m = /^([\w.-]+)\/([\w.-]+)$/.exec(vercel.gitRepository ?? "");
    if (!m) {
        throw new UsageError(
            `${path.basename(file)}: service:vercel.gitRepository is ${JSON.stringify(vercel.gitRepository ?? "(not set)")}; expected the app's GitHub repository as owner/name, which Vercel builds the deployment from (set it in the shared stack and here)`,
        );
    }
    const target = STANDARD[environment];
    return { teamId: vercel.teamId, project, org: m[1], repo: m[2], target, customEnvironment: target ? undefined : environment };
}

/** The body of POST /v13/deployments for these settings. */
function deploymentRequest(settings, ref) {
    const body = { name: settings.project, project: settings.project, gitSource: { type: "github", org: settings.org, repo: settings.repo, ref } };
    if (settings.target === "production") body.target = "production";
    if (settings.customEnvironment) body.customEnvironmentSlugOrId = settings.customEnvironment;
    return body;
}

async function api(method, route, teamId, body) {
    const base = process.env.VERCEL_API_URL ?? "https://api.vercel.com";
    const token = process.env.VERCEL_API_TOKEN;
    if (!token) throw new UsageError("VERCEL_API_TOKEN is not set; expected a Vercel token of the team (the workflows pass the VERCEL_API_TOKEN secret)");
    const res = await fetch(`${base}${route}?teamId=${encodeURIComponent(teamId)}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let doc;
    try {
        doc = JSON.parse(text);
    } catch {
        doc = { error: { message: text.slice(0, 200) } };
    }
    if (!res.ok) throw new Error(`${method} ${route}: HTTP ${res.status}: ${doc?.error?.code ?? ""} ${doc?.error?.message ?? ""}`.trim());
    return doc;
}

async function deploy(argv, log = (s) => process.stdout.write(`${s}\n`)) {
    const args = parseArgs(argv);
    const settings = stackSettings(args.stack);
    const where = settings.target ?? `custom environment ${settings.customEnvironment}`;
    const created = await api("POST", "/v13/deployments", settings.teamId, deploymentRequest(settings, args.ref));
    log(`deploying ${settings.org}/${settings.repo}@${args.ref} to ${settings.project} (${where}): ${created.id} https://${created.url}`);
    const deadline = Date.now() + TIMEOUT_MS;
    let state = created.readyState;
    while (state !== "READY") {
        if (state === "ERROR" || state === "CANCELED") throw new Error(`deployment ${created.id} ended ${state}; its build log is at https://vercel.com (Deployments, ${created.id})`);
        if (Date.now() > deadline) throw new Error(`deployment ${created.id} is still ${state} after ${TIMEOUT_MS / 60000} minutes`);
        await new Promise((r) => setTimeout(r, POLL_MS));
        state = (await api("GET", `/v13/deployments/${encodeURIComponent(created.id)}`, settings.teamId)).readyState;
    }
    log(`deployment ${created.id} is READY`);
    return created.id;
}

module.exports = { parseArgs, stackSettings, deploymentRequest, deploy, UsageError };

if (require.main === module) {
    deploy(process.argv.slice(2)).then(
        () => (process.exitCode = 0),
        (e) => {
            process.stderr.write(`deploy-app: ${e.message}\n`);
            process.exitCode = e instanceof UsageError || e instanceof SyntaxError ? 2 : 1;
        },
    );
}
