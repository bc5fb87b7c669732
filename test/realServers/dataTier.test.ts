/**
 * The data tier against real servers (test/realServers/servers.ts): PostgreSQL 17, 16 and 15 configured like
 * RDS, with what the template declares applied in both modes (the provider's own statements for the dev
 * stack's `postgresql:*` resources, and the bootstrap script through psql), then used with the URLs exactly
 * as the template builds them and real drivers: node-postgres, psycopg2 (libpq), node-pg-migrate; and a TLS
 * redis-server with AUTH used with ioredis and node-redis through both URL shapes the template builds.
 */
import * as assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { Client } from "pg";
import { connectionBudget } from "../../config";
import { bootstrapPlan, bootstrapScript, RDS_CA_BUNDLE_PATH, URL_TLS_PARAMS } from "../../components/databaseRoles";
import { bundleArchive, bundleFiles } from "../../components/bootstrap/archive";
import { checkVariant } from "../support";
import { applyAsProvider, DeclaredResource, providerCreateStatements, providerDeleteStatements, providerPasswordUpdate } from "./providerSql";
import { makePki, PostgresServer, startPostgres, startRedis, RedisServer, tempDir } from "./servers";

const ROOT = path.join(__dirname, "..", "..", "..");
const MAJORS = [17, 16, 15];
/** The dev preset's class and share: the budget the roles' limits come from. */
const BUDGET = connectionBudget({ instanceClass: "db.t4g.micro", appConnectionShare: 0.6, poolSize: 2 });
const PASSWORDS = { acme_chat_migrator: "Migrator-pw-1_x", acme_chat_app: "App-pw-2~y", acme_chat_readonly: "Readonly-pw-3.z" };
const PASSWORDS_ALT = { acme_chat_migrator_alt: "Migrator-alt-4", acme_chat_app_alt: "App-alt-5", acme_chat_readonly_alt: "Readonly-alt-6" };
const BOOT = {
    db: "boot_svc",
    names: { migration: "boot_svc_migrator", app: "boot_svc_app", readonly: "boot_svc_readonly" },
    passwords: { migration: "bm-pw-1", app: "ba-pw-2", readonly: "br-pw-3" },
    alternates: { migration: "bm-alt-4", app: "ba-alt-5", readonly: "br-alt-6" },
};

/** Names and passwords of the stack whose plan the bootstrap function applies (a fresh database of its own). */
const FN = {
    db: "fn_svc",
    names: { migration: "fn_svc_migrator", app: "fn_svc_app", readonly: "fn_svc_readonly" },
    passwords: { migration: "fm-pw-1-Secret", app: "fa-pw-2-Secret", readonly: "fr-pw-3-Secret" },
    alternates: { migration: "fm-alt-4-Secret", app: "fa-alt-5-Secret", readonly: "fr-alt-6-Secret" },
};
const MASTER_SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-0000-abcdef";

/**
 * The function's archive exactly as the program builds it (components/bootstrap/archive.ts), unpacked into a
 * directory with no node_modules above it: what Lambda puts in /var/task.
 */
async function unpackedBundle(): Promise<string> {
    const dir = tempDir("lambda-task-");
    const assets = await bundleArchive(bundleFiles()).assets;
    for (const [key, asset] of Object.entries(assets)) {
        const source = await (asset as { path: Promise<string> }).path;
        const target = path.join(dir, key);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.cpSync(source, target, { recursive: true, dereference: true });
    }
    return dir;
}

interface HandlerModule {
    createHandler(deps: { masterPassword: (arn: string) => Promise<string>; ssl: object }): (event: object) => Promise<{ databaseCreated: boolean; passwordsSet: number }>;
}

/** A URL as components/databaseRoles.ts builds it, for a local server. */
const urlFor = (pg: PostgresServer, user: string, password: string, db: string, params = URL_TLS_PARAMS) =>
    `postgres://${user}:${encodeURIComponent(password)}@${pg.host}:${pg.port}/${db}?${params}`;

/** An app's working directory with the CA bundle where the URLs say it is. */
function appRoot(caPem: string): string {
    const dir = tempDir("app-");
    fs.mkdirSync(path.join(dir, path.dirname(RDS_CA_BUNDLE_PATH)), { recursive: true });
    fs.writeFileSync(path.join(dir, RDS_CA_BUNDLE_PATH), caPem);
    return dir;
}

/** node-postgres with the URL alone, resolving `sslrootcert` against `cwd` as the app's process would. */
function pgClient(url: string, cwd: string): Client {
    const here = process.cwd();
    process.chdir(cwd);
    try {
        return new Client({ connectionString: url });
    } finally {
        process.chdir(here);
    }
}

async function pgConnect(url: string, cwd: string): Promise<Client> {
    const client = pgClient(url, cwd);
    await client.connect();
    return client;
}

/** psycopg2 (libpq) with the URL alone, from `cwd`: prints whether the session is encrypted, or fails. */
function psycopg(url: string, cwd: string, sql = "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"): { ok: boolean; out: string } {
    const script = "import os, psycopg2\nc = psycopg2.connect(os.environ['URL'])\ncur = c.cursor()\ncur.execute(os.environ['SQL'])\nprint(cur.fetchone()[0])\n";
    const r = spawnSync("/usr/bin/python3", ["-c", script], { cwd, env: { ...process.env, URL: url, SQL: sql }, encoding: "utf8" });
    return { ok: r.status === 0, out: `${r.stdout}${r.stderr}`.trim() };
}

async function dev(): Promise<DeclaredResource[]> {
    const report = await checkVariant("dev");
    return report.resources.filter((r) => r.type.startsWith("postgresql:index/")).map((r) => ({ type: r.type, inputs: r.inputs as Record<string, any> }));
}

describe("the bootstrap function's archive", () => {
    it("holds every module require(\"pg\") loads: a fresh Node resolves and loads them all from the archive alone", async () => {
        const dir = await unpackedBundle();
        assert.ok(!fs.existsSync(path.join(path.dirname(dir), "node_modules")), "no node_modules above the unpacked archive");
        // A separate Node, as Lambda runs it: load the handler and the driver, then list every file it loaded.
        const packages = fs.readdirSync(path.join(dir, "node_modules"));
        const probe =
            "const { Client } = require('pg'); new Client(); require('./index.js');" +
            "const resolved = JSON.parse(process.argv[1]).map((p) => require.resolve(p));" +
            "process.stdout.write(JSON.stringify({ loaded: Object.keys(require.cache), resolved }))";
        const r = spawnSync(process.execPath, ["-e", probe, JSON.stringify(packages)], { cwd: dir, encoding: "utf8", env: { PATH: process.env.PATH } });
        assert.equal(r.status, 0, r.stderr);
        const { loaded, resolved } = JSON.parse(r.stdout) as { loaded: string[]; resolved: string[] };
        const real = fs.realpathSync(dir);
        assert.deepEqual([...loaded, ...resolved].filter((f) => !f.startsWith(real)), [], "every module comes from the archive");
        // What pg loads at once, and what it loads later (pgpass and its split2 when a connection has no password).
        for (const pkg of ["pg", "pg-protocol", "pg-types", "pg-connection-string", "pg-pool", "postgres-interval", "xtend"]) {
            assert.ok(loaded.some((f) => f.startsWith(path.join(real, "node_modules", pkg) + path.sep)), `${pkg} loaded from the archive`);
        }
        for (const pkg of ["pgpass", "split2"]) assert.ok(packages.includes(pkg), `${pkg} in the archive`);
    });
});

// The servers start together, one process each, while the suites run one after another.
const starting = new Map(MAJORS.map((major) => {
    const server = startPostgres(major, { maxConnections: BUDGET.maxConnections });
    server.catch(() => undefined);
    return [major, server] as const;
}));

for (const major of MAJORS) {
    describe(`PostgreSQL ${major} configured like RDS`, () => {
        let pg: PostgresServer;
        let declared: DeclaredResource[];
        let cwd: string;
        before(async () => {
            [pg, declared] = await Promise.all([starting.get(major)!, dev()]);
            cwd = appRoot(pg.pki.caPem);
            // Both modes at once, as two stacks sharing an instance would: the provider path and the bootstrap script.
            const script = bootstrapScript(BOOT.db, BOOT.names, BOOT.passwords, { migration: BUDGET.migrationConnectionLimit, app: BUDGET.appConnectionLimit, readonly: BUDGET.readonlyConnectionLimit }, BOOT.alternates);
            const psql = new Promise<void>((resolve, reject) => {
                const r = spawnSync("psql", ["-X", "-q", urlFor(pg, "dbadmin", pg.masterPassword, "postgres", `sslmode=verify-full&sslrootcert=${pg.pki.caFile}`)], { input: script, encoding: "utf8" });
                if (r.status === 0) resolve();
                else reject(new Error(`psql bootstrap failed: ${r.stderr}`));
            });
            await Promise.all([applyAsProvider(providerCreateStatements(declared, { ...PASSWORDS, ...PASSWORDS_ALT }), (db) => pg.master(db)), psql]);
        });
        after(async () => pg?.stop());

        const modes = [
            { label: "provider path", db: "acme_chat", user: (k: keyof typeof BOOT.names) => `acme_chat_${k === "migration" ? "migrator" : k}`, pw: (k: keyof typeof BOOT.names) => (PASSWORDS as Record<string, string>)[`acme_chat_${k === "migration" ? "migrator" : k}`] },
            { label: "bootstrap script", db: BOOT.db, user: (k: keyof typeof BOOT.names) => BOOT.names[k], pw: (k: keyof typeof BOOT.names) => BOOT.passwords[k] },
        ];

        it("the template's URLs connect with node-postgres and psycopg2, and both verify the server", async () => {
            for (const m of modes) {
                for (const kind of ["app", "migration", "readonly"] as const) {
                    const url = urlFor(pg, m.user(kind), m.pw(kind), m.db);
                    const client = await pgConnect(url, cwd);
                    const { rows } = await client.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
                    assert.equal(rows[0].ssl, true);
                    await client.end();
                    const py = psycopg(url, cwd);
                    assert.deepEqual(py, { ok: true, out: "True" }, `${m.label} ${kind}`);
                }
            }
            // A server whose certificate another CA issued is refused by both drivers.
            const other = appRoot(makePki(tempDir("other-ca-"), "Impostor").caPem);
            const url = urlFor(pg, "acme_chat_app", PASSWORDS.acme_chat_app, "acme_chat");
            await assert.rejects(pgConnect(url, other), /self[- ]signed certificate|unable to verify|certificate/i);
            const py = psycopg(url, other);
            assert.equal(py.ok, false);
            assert.match(py.out, /certificate verify failed/);
            // What every URL said before: node-postgres treats `require` as verify-full without the bundle and fails.
            await assert.rejects(pgConnect(urlFor(pg, "acme_chat_app", PASSWORDS.acme_chat_app, "acme_chat", "sslmode=require"), cwd), /self[- ]signed certificate in certificate chain|unable to verify the first certificate/);
        });

        it("the migration role runs node-pg-migrate with extensions and a schema of its own; the app and read-only roles get what they need, no more", async () => {
            for (const m of modes) {
                const dir = tempDir("migrations-");
                fs.mkdirSync(path.join(dir, "migrations"));
                fs.writeFileSync(path.join(dir, "migrations", "1700000000000_notes.js"), [
                    "exports.up = (pgm) => {",
                    "  pgm.createExtension('pgcrypto', { ifNotExists: true });",
                    "  pgm.createExtension('citext', { ifNotExists: true });",
                    "  pgm.createTable('notes', { id: 'id', body: { type: 'citext', notNull: true }, token: { type: 'text', default: pgm.func('encode(gen_random_bytes(8), \\'hex\\')') } });",
                    "  pgm.sql('CREATE SCHEMA IF NOT EXISTS drizzle');",
                    "};",
                    "",
                ].join("\n"));
                fs.mkdirSync(path.join(dir, path.dirname(RDS_CA_BUNDLE_PATH)), { recursive: true });
                fs.writeFileSync(path.join(dir, RDS_CA_BUNDLE_PATH), pg.pki.caPem);
                const bin = path.join(ROOT, "node_modules", "node-pg-migrate", "bin", "node-pg-migrate.js");
                const r = spawnSync(process.execPath, [bin, "up", "-m", "migrations", "--schema", "app", "--no-reject-unauthorized", "false"].slice(0, 6), {
                    cwd: dir,
                    env: { ...process.env, DATABASE_URL: urlFor(pg, m.user("migration"), m.pw("migration"), m.db) },
                    encoding: "utf8",
                });
                assert.equal(r.status, 0, `${m.label}: node-pg-migrate failed:\n${r.stdout}\n${r.stderr}`);

                const app = await pgConnect(urlFor(pg, m.user("app"), m.pw("app"), m.db), cwd);
                await app.query("INSERT INTO notes (body) VALUES ('Hello')");
                const { rows } = await app.query("SELECT body, length(token) AS n FROM notes WHERE body = 'hello'");
                assert.deepEqual(rows, [{ body: "Hello", n: 16 }], "citext compares without case; pgcrypto made the token");
                await assert.rejects(app.query("CREATE TABLE app.sneaky (id int)"), /permission denied/);
                await assert.rejects(app.query("CREATE SCHEMA sneaky"), /permission denied/);
                await app.end();
                const ro = await pgConnect(urlFor(pg, m.user("readonly"), m.pw("readonly"), m.db), cwd);
                assert.equal((await ro.query("SELECT count(*)::int AS n FROM notes")).rows[0].n, 1);
                await assert.rejects(ro.query("INSERT INTO notes (body) VALUES ('no')"), /permission denied/);
                await ro.end();
            }
        });

        it("every role holds its whole connection limit at once while the master user still gets in", async () => {
            const open: Client[] = [];
            try {
                // The master user's own sessions (the provider, an operator's psql) during the peak.
                for (let i = 0; i < 3; i++) open.push(pg.master());
                const limits = { app: BUDGET.appConnectionLimit, migration: BUDGET.migrationConnectionLimit, readonly: BUDGET.readonlyConnectionLimit };
                const m = modes[0];
                for (const [kind, limit] of Object.entries(limits) as Array<[keyof typeof limits, number]>) {
                    for (let i = 0; i < limit; i++) open.push(pgClient(urlFor(pg, m.user(kind), m.pw(kind), m.db), cwd));
                }
                await Promise.all(open.map((c) => c.connect()));
                // One more app connection is the role's limit, not the server's.
                const extra = await pgConnect(urlFor(pg, m.user("app"), m.pw("app"), m.db), cwd).catch((e: Error) => e);
                assert.ok(extra instanceof Error && /too many connections for role/.test(extra.message), String(extra));
            } finally {
                await Promise.all(open.map((c) => c.end().catch(() => undefined)));
            }
        });

        it("rotation keeps the running deployment connected: the new password goes to the credential not in use", async () => {
            // The running deployment holds the primary credential's URL, with a pool open.
            const running = await pgConnect(urlFor(pg, "acme_chat_app", PASSWORDS.acme_chat_app, "acme_chat"), cwd);
            // `pulumi up` with the alternate's password replaced and activeCredential "alternate": the provider's update.
            await applyAsProvider([providerPasswordUpdate("acme_chat_app_alt", "App-alt-rotated-7")], () => pg.master());
            // The running deployment's pool and its new connections keep working until the redeploy ...
            await running.query("SELECT 1");
            const reconnect = await pgConnect(urlFor(pg, "acme_chat_app", PASSWORDS.acme_chat_app, "acme_chat"), cwd);
            // ... and the redeployed app's URL works, with the same privileges, acting as the app role.
            const redeployed = await pgConnect(urlFor(pg, "acme_chat_app_alt", "App-alt-rotated-7", "acme_chat"), cwd);
            const { rows } = await redeployed.query("SELECT current_user AS acting, session_user AS login, count(*)::int AS notes FROM notes");
            assert.deepEqual(rows, [{ acting: "acme_chat_app", login: "acme_chat_app_alt", notes: 1 }]);
            await assert.rejects(redeployed.query("CREATE TABLE sneaky (id int)"), /permission denied/);
            // The rotated-out password of the alternate no longer works.
            await assert.rejects(pgConnect(urlFor(pg, "acme_chat_app_alt", PASSWORDS_ALT.acme_chat_app_alt, "acme_chat"), cwd), (e: { code?: string }) => e.code === "28P01");
            // A migration run with the alternate migration credential creates tables the app role can use.
            const migrator = await pgConnect(urlFor(pg, "acme_chat_migrator_alt", PASSWORDS_ALT.acme_chat_migrator_alt, "acme_chat"), cwd);
            await migrator.query("CREATE TABLE later (id int)");
            await migrator.end();
            await redeployed.query("INSERT INTO later VALUES (1)");
            await Promise.all([running.end(), reconnect.end(), redeployed.end()]);
        });

        it("the bootstrap function (the archive's own code) applies the plan to a fresh database, again without change, then a rotation while the app stays connected; its errors hold no password", async () => {
            const dir = await unpackedBundle();
            const { createHandler } = require(path.join(dir, "index.js")) as HandlerModule;
            const handler = createHandler({
                masterPassword: async (arn) => {
                    assert.equal(arn, MASTER_SECRET_ARN);
                    return pg.masterPassword;
                },
                ssl: { ca: pg.pki.caPem, rejectUnauthorized: true },
            });
            const limits = { migration: BUDGET.migrationConnectionLimit, app: BUDGET.appConnectionLimit, readonly: BUDGET.readonlyConnectionLimit };
            const event = (plan: object) => ({ host: pg.host, port: pg.port, masterUsername: "dbadmin", masterSecretArn: MASTER_SECRET_ARN, plan });
            const plan = bootstrapPlan(FN.db, FN.names, FN.passwords, limits, FN.alternates);

            assert.deepEqual(await handler(event(plan)), { databaseCreated: true, passwordsSet: 6, statements: plan.onServer.length + plan.afterDatabase.length + plan.inDatabase.length });
            const migrator = await pgConnect(urlFor(pg, FN.names.migration, FN.passwords.migration, FN.db), cwd);
            await migrator.query("CREATE TABLE items (id serial PRIMARY KEY, name text)");
            const running = await pgConnect(urlFor(pg, FN.names.app, FN.passwords.app, FN.db), cwd);
            await running.query("INSERT INTO items (name) VALUES ('first')");
            const reader = await pgConnect(urlFor(pg, `${FN.names.readonly}_alt`, FN.alternates.readonly, FN.db), cwd);
            assert.equal((await reader.query("SELECT count(*)::int AS n FROM items")).rows[0].n, 1);
            await assert.rejects(reader.query("INSERT INTO items (name) VALUES ('no')"), /permission denied/);
            // The server holds SCRAM verifiers only: the function never sent a password.
            const su = pg.superuser();
            await su.connect();
            const stored = await su.query("SELECT rolpassword FROM pg_authid WHERE rolname LIKE 'fn_svc%'");
            assert.equal(stored.rows.length, 6);
            assert.ok(stored.rows.every((r: { rolpassword: string }) => r.rolpassword.startsWith("SCRAM-SHA-256$4096:")));

            // Run again (a new handler or driver): nothing created, nothing lost, every login still valid.
            assert.equal((await handler(event(plan))).databaseCreated, false);
            await running.query("INSERT INTO items (name) VALUES ('second')");
            assert.equal((await reader.query("SELECT count(*)::int AS n FROM items")).rows[0].n, 2);

            // Rotation: the alternate app credential gets a new password while the running deployment uses the primary.
            const rotated = bootstrapPlan(FN.db, FN.names, FN.passwords, limits, { ...FN.alternates, app: "fa-alt-rotated-7-Secret" });
            await handler(event(rotated));
            await running.query("SELECT 1 FROM items");
            const reconnect = await pgConnect(urlFor(pg, FN.names.app, FN.passwords.app, FN.db), cwd);
            const redeployed = await pgConnect(urlFor(pg, `${FN.names.app}_alt`, "fa-alt-rotated-7-Secret", FN.db), cwd);
            assert.deepEqual((await redeployed.query("SELECT current_user AS acting, count(*)::int AS n FROM items")).rows, [{ acting: FN.names.app, n: 2 }]);
            await assert.rejects(pgConnect(urlFor(pg, `${FN.names.app}_alt`, FN.alternates.app, FN.db), cwd), (e: { code?: string }) => e.code === "28P01");

            // Errors: PostgreSQL echoes a bad value in its message; the function's error must not carry it, nor the master password.
            const leaky = { ...rotated, inDatabase: [`SELECT '${FN.passwords.app}'::int`] };
            await assert.rejects(handler(event(leaky)), (e: Error) => /22P02/.test(e.message) && !e.message.includes(FN.passwords.app) && !e.message.includes(pg.masterPassword));
            const missing = { ...rotated, onServer: [], passwords: [{ role: "fn_svc_nobody", password: "nobody-pw-Secret" }] };
            await assert.rejects(handler(event(missing)), (e: Error) => /42704/.test(e.message) && !e.message.includes("nobody-pw-Secret") && !/SCRAM/.test(e.message));
            const wrongMaster = createHandler({ masterPassword: async () => "wrong-master-Secret", ssl: { ca: pg.pki.caPem, rejectUnauthorized: true } });
            await assert.rejects(wrongMaster(event(rotated)), (e: Error) => /28P01/.test(e.message) && !e.message.includes("wrong-master-Secret"));

            await Promise.all([migrator.end(), running.end(), reader.end(), reconnect.end(), redeployed.end(), su.end()]);
        });

        it("dev destroy, in Pulumi's order, drops everything once the app has tables; the database goes before the roles", async () => {
            const client = pg.master();
            await client.connect();
            // DROP ROLE while the database still holds the role's privileges fails: why the database depends on the roles.
            await assert.rejects(client.query('DROP ROLE "acme_chat_app"'), (e: { code?: string }) => e.code === "2BP01");
            await client.end();
            await applyAsProvider(providerDeleteStatements(declared), (db) => pg.master(db));
            const check = pg.master();
            await check.connect();
            const left = await check.query("SELECT rolname FROM pg_roles WHERE rolname LIKE 'acme_chat%' UNION ALL SELECT datname FROM pg_database WHERE datname = 'acme_chat'");
            await check.end();
            assert.deepEqual(left.rows, []);
        });
    });
}

describe("redis-server with TLS and AUTH", () => {
    let redis: RedisServer;
    before(async () => {
        redis = await startRedis();
    });
    after(async () => redis?.stop());

    it("both URL shapes the template builds work with ioredis and node-redis, verifying the server", async () => {
        const { default: IORedis } = await import("ioredis");
        const { createClient } = await import("redis");
        // components/cache.ts: ElastiCache `rediss://:<token>@host:port`, Upstash `rediss://default:<password>@host:port`.
        const shapes = [`rediss://:${encodeURIComponent(redis.password)}@localhost:${redis.port}`, `rediss://default:${encodeURIComponent(redis.password)}@localhost:${redis.port}`];
        for (const url of shapes) {
            const io = new IORedis(url, { tls: { ca: redis.pki.caPem }, lazyConnect: true, maxRetriesPerRequest: 0 });
            await io.connect();
            await io.set("k", "v");
            assert.equal(await io.get("k"), "v");
            io.disconnect();
            const nr = createClient({ url, socket: { tls: true, ca: redis.pki.caPem, reconnectStrategy: false } });
            await nr.connect();
            assert.equal(await nr.get("k"), "v");
            await nr.quit();
        }
        // A server whose certificate another CA issued is refused.
        const impostor = makePki(tempDir("redis-other-"), "Impostor").caPem;
        const nr = createClient({ url: shapes[1], socket: { tls: true, ca: impostor, reconnectStrategy: false } });
        nr.on("error", () => undefined);
        await assert.rejects(nr.connect(), /self[- ]signed certificate|unable to verify|certificate/i);
        // A wrong password is refused.
        const wrong = createClient({ url: `rediss://default:wrong@localhost:${redis.port}`, socket: { tls: true, ca: redis.pki.caPem, reconnectStrategy: false } });
        wrong.on("error", () => undefined);
        await assert.rejects(wrong.connect(), /WRONGPASS|invalid username-password/i);
    });
});

// openssl, psql and python3 are what the suite shells out to; say so plainly when one is missing.
for (const tool of ["openssl", "psql", "/usr/bin/python3"]) execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" });
