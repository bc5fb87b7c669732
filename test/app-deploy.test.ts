/**
 * The app is served after the first `up`, and pages nobody before it is: scripts/deploy-app.js has Vercel build
 * the app's repository into the stack's environment after each `up` (run as a real process against a loopback
 * server that answers as the Vercel REST API documents), and a stack in its pre-launch window keeps the uptime
 * alarm's actions off under an expiring exemption that the pack honours until the day and refuses after it.
 */
import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { describe, it } from "node:test";
import { defaultLayout } from "../readiness/layout";
import { checkVariant } from "./support";
import { scratchDir } from "./scratch";

const ROOT = defaultLayout().root;
const UPTIME_ALARM = "acme-chat-prod-monitoring-uptime";

interface Call {
    method: string;
    url: string;
    authorization?: string;
    body?: Record<string, any>;
}

/**
 * A stand-in for api.vercel.com on loopback: POST /v13/deployments answers a new deployment (QUEUED), each GET of
 * it the next state of `states`, in the response shapes of vercel.com/docs/rest-api/deployments/create-a-new-deployment
 * and .../get-a-deployment-by-id-or-url (`id`, `url`, `readyState`).
 */
async function vercelApi(states: string[]): Promise<{ url: string; calls: Call[]; close: () => Promise<void> }> {
    const calls: Call[] = [];
    let polls = 0;
    const server = http.createServer((req, res) => {
        let text = "";
        req.on("data", (c) => (text += c));
        req.on("end", () => {
            calls.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, body: text ? JSON.parse(text) : undefined });
            res.setHeader("content-type", "application/json");
            if (req.method === "POST" && req.url!.startsWith("/v13/deployments?")) {
                res.end(JSON.stringify({ id: "dpl_89qyp1cskzkLrVicDaZoDbjyHuDJ", url: "acme-chat-1a2b3c-acme.vercel.app", readyState: "QUEUED" }));
            } else if (req.method === "GET" && req.url!.startsWith("/v13/deployments/dpl_89qyp1cskzkLrVicDaZoDbjyHuDJ?")) {
                res.end(JSON.stringify({ id: "dpl_89qyp1cskzkLrVicDaZoDbjyHuDJ", readyState: states[Math.min(polls++, states.length - 1)] }));
            } else {
                res.statusCode = 404;
                res.end(JSON.stringify({ error: { code: "not_found", message: "The requested path was not found" } }));
            }
        });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, calls, close: () => new Promise((r) => server.close(() => r())) };
}

/** A project holding the deploy script and one stack file whose `service:vercel` is `vercel`. */
function project(stack: string, environment: string, vercel: Record<string, unknown>): string {
    const dir = scratchDir("deploy-app-");
    fs.mkdirSync(path.join(dir, "scripts"));
    fs.copyFileSync(path.join(ROOT, "scripts", "deploy-app.js"), path.join(dir, "scripts", "deploy-app.js"));
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    const yaml = `config:\n  service:environment: ${environment}\n  service:name: acme-chat\n  service:vercel:\n${Object.entries(vercel).map(([k, v]) => `    ${k}: ${v}`).join("\n")}\n`;
    fs.writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), yaml);
    return dir;
}

function run(dir: string, args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
        execFile(process.execPath, [path.join(dir, "scripts", "deploy-app.js"), ...args], { env: { ...process.env, DEPLOY_APP_POLL_MS: "5", ...env } }, (error, stdout, stderr) =>
            resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
        );
    });
}

const TOKEN = "vcp_0123456789abcdefABCDEF0123";

describe("deploying the app after the infrastructure (scripts/deploy-app.js)", () => {
    for (const [stack, environment, expected] of [
        ["prod", "prod", { target: "production" }],
        ["dev", "dev", {}],
        ["staging", "staging", { customEnvironmentSlugOrId: "staging" }],
    ] as const) {
        it(`${environment}: has Vercel build the app repository at the ref into ${"target" in expected ? "production" : "customEnvironmentSlugOrId" in expected ? "the custom environment" : "a preview"}, and waits until it is READY`, async () => {
            const api = await vercelApi(["BUILDING", "BUILDING", "READY"]);
            try {
                const dir = project(stack, environment, { teamId: "team_acme", gitRepository: "acme/chat-app" });
                const r = await run(dir, ["--stack", `acme/${stack}`, "--ref", "main"], { VERCEL_API_URL: api.url, VERCEL_API_TOKEN: TOKEN });
                assert.equal(r.code, 0, r.stderr);
                const [create, ...polls] = api.calls;
                assert.equal(create.method, "POST");
                assert.equal(create.url, "/v13/deployments?teamId=team_acme");
                assert.equal(create.authorization, `Bearer ${TOKEN}`);
                assert.deepEqual(create.body, { name: "acme-chat", project: "acme-chat", gitSource: { type: "github", org: "acme", repo: "chat-app", ref: "main" }, ...expected });
                assert.equal(polls.length, 3, "polls until READY");
                assert.ok(polls.every((p) => p.method === "GET" && p.url === "/v13/deployments/dpl_89qyp1cskzkLrVicDaZoDbjyHuDJ?teamId=team_acme"));
                assert.match(r.stdout, /deployment dpl_89qyp1cskzkLrVicDaZoDbjyHuDJ is READY/);
                assert.ok(!`${r.stdout}${r.stderr}`.includes(TOKEN), "the token is never printed");
            } finally {
                await api.close();
            }
        });
    }

    it("a failed build fails the step (exit 1), naming the deployment", async () => {
        const api = await vercelApi(["BUILDING", "ERROR"]);
        try {
            const dir = project("prod", "prod", { teamId: "team_acme", gitRepository: "acme/chat-app" });
            const r = await run(dir, ["--stack", "acme/prod", "--ref", "main"], { VERCEL_API_URL: api.url, VERCEL_API_TOKEN: TOKEN });
            assert.equal(r.code, 1);
            assert.match(r.stderr, /deployment dpl_89qyp1cskzkLrVicDaZoDbjyHuDJ ended ERROR/);
        } finally {
            await api.close();
        }
    });

    it("without the app's repository, or without a token, it exits 2 naming what to set, before calling Vercel", async () => {
        const api = await vercelApi(["READY"]);
        try {
            const noRepo = await run(project("prod", "prod", { teamId: "team_acme" }), ["--stack", "acme/prod", "--ref", "main"], { VERCEL_API_URL: api.url, VERCEL_API_TOKEN: TOKEN });
            assert.equal(noRepo.code, 2);
            assert.match(noRepo.stderr, /service:vercel\.gitRepository is "\(not set\)"; expected the app's GitHub repository as owner\/name/);
            const noToken = await run(project("prod", "prod", { teamId: "team_acme", gitRepository: "acme/chat-app" }), ["--stack", "acme/prod", "--ref", "main"], { VERCEL_API_URL: api.url, VERCEL_API_TOKEN: "" });
            assert.equal(noToken.code, 2);
            assert.match(noToken.stderr, /VERCEL_API_TOKEN is not set/);
            const shared = await run(project("shared", "shared", { teamId: "team_acme", gitRepository: "acme/chat-app" }), ["--stack", "acme/shared", "--ref", "main"], { VERCEL_API_URL: api.url, VERCEL_API_TOKEN: TOKEN });
            assert.equal(shared.code, 2);
            assert.equal(api.calls.length, 0);
        } finally {
            await api.close();
        }
    });
});

describe("the uptime alarm before launch (service:app.prelaunchUntil)", () => {
    const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
    const uptimeAlarm = (r: Awaited<ReturnType<typeof checkVariant>>) => r.resources.find((x) => x.name === UPTIME_ALARM && x.type === "aws:cloudwatch/metricAlarm:MetricAlarm")!.inputs as Record<string, any>;

    it("until the day: the check and the alarm exist, the alarm pages nobody, and the waiver is listed, not hidden", async () => {
        const until = day(30);
        const r = await checkVariant("prod", { "service:app": { prelaunchUntil: until } });
        assert.equal(r.summary.mandatory, 0, JSON.stringify(r.violations));
        assert.equal(uptimeAlarm(r).actionsEnabled, false);
        assert.equal(uptimeAlarm(r).metricName, "HealthCheckStatus");
        assert.ok(r.resources.some((x) => x.type === "aws:route53/healthCheck:HealthCheck"));
        assert.deepEqual(r.exemptions.map((e) => [e.policy, e.expires, e.owner]), [["alarm-actions-reach-subscriber", until, "platform-team"]]);
    });

    it("past the day the pack blocks (the alarm must page once the app is live); without the key the alarm pages", async () => {
        const expired = await checkVariant("prod", { "service:app": { prelaunchUntil: day(-1) } });
        assert.ok(expired.violations.some((v) => v.policy === "alarm-actions-reach-subscriber" && v.enforcementLevel === "mandatory" && v.resourceName === UPTIME_ALARM), JSON.stringify(expired.violations));
        const live = await checkVariant("prod");
        assert.notEqual(uptimeAlarm(live).actionsEnabled, false);
        assert.deepEqual(live.exemptions, []);
    });

    it("refuses a day that is not one, naming the key", async () => {
        await assert.rejects(checkVariant("prod", { "service:app": { prelaunchUntil: "2027-02-30" } }), /service:app\.prelaunchUntil.*expected a real calendar day/s);
    });
});
