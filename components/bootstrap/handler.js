"use strict";
/**
 * The Lambda function that applies the Postgres bootstrap plan (components/databaseRoles.ts `bootstrapPlan`)
 * from inside the VPC, invoked by `pulumi up` through an `aws.lambda.Invocation` (components/bootstrap/function.ts).
 *
 * Plain CommonJS JavaScript, so this exact file is both what the function runs (it is the archive's
 * `index.js`) and what the tests run locally against real PostgreSQL servers.
 *
 * - The master password is read at run time from the RDS-managed secret (through the VPC's Secrets Manager
 *   endpoint), never passed in the event: it is never in Pulumi's state (docs/decisions/postgres-bootstrap.md).
 * - Role passwords arrive in the event (a Pulumi secret there). They never reach a SQL statement in the clear:
 *   the function sends PostgreSQL a SCRAM-SHA-256 verifier it computes itself, so even a statement the server
 *   logs (log_min_duration_statement) holds no password.
 * - Nothing is logged, and every error it returns is built from PostgreSQL's SQLSTATE and message, with any
 *   password it knows of redacted: the invocation's provider puts a function error's payload in its own error.
 * - The plan is idempotent: a second run changes nothing but the verifiers' salts; a rotation is a run with
 *   one new password.
 */
const crypto = require("crypto");

/** RFC 5802/7677 SCRAM-SHA-256 verifier in PostgreSQL's stored form (src/common/scram-common.c, `scram_build_secret`). */
function scramVerifier(password, iterations = 4096, salt = crypto.randomBytes(16)) {
    const salted = crypto.pbkdf2Sync(password.normalize("NFKC"), salt, iterations, 32, "sha256");
    const clientKey = crypto.createHmac("sha256", salted).update("Client Key").digest();
    const storedKey = crypto.createHash("sha256").update(clientKey).digest();
    const serverKey = crypto.createHmac("sha256", salted).update("Server Key").digest();
    return `SCRAM-SHA-256$${iterations}:${salt.toString("base64")}$${storedKey.toString("base64")}:${serverKey.toString("base64")}`;
}

const ident = (name) => `"${String(name).replace(/"/g, '""')}"`;

/** The error the caller sees: step, SQLSTATE and message, with every secret it could contain removed. */
function safeError(step, error, secrets) {
    let message = `${error && error.code ? `${error.code} ` : ""}${error && error.message ? error.message : String(error)}`;
    for (const secret of secrets) if (secret) message = message.split(secret).join("[redacted]");
    return new Error(`postgres bootstrap failed at ${step}: ${message}`);
}

/**
 * @param {{ masterPassword: (secretArn: string) => Promise<string>, ssl: object }} deps
 *   where the master password comes from, and the TLS options of every connection.
 */
function createHandler(deps) {
    return async function handler(event) {
        const { host, port, masterUsername, masterSecretArn, plan } = event;
        const rolePasswords = plan.passwords.map((p) => p.password);
        let master;
        try {
            master = await deps.masterPassword(masterSecretArn);
        } catch (e) {
            throw safeError("reading the master secret", e, rolePasswords);
        }
        const secrets = [master, ...rolePasswords];
        // Required here rather than at the top, so a test can load this file without the driver installed beside it.
        const { Client } = require("pg");
        const connect = async (database) => {
            const client = new Client({ host, port, user: masterUsername, password: master, database, ssl: deps.ssl, connectionTimeoutMillis: 15000 });
            // A failed connection emits 'error' too; without a listener it would crash the process.
            client.on("error", () => undefined);
            await client.connect();
            return client;
        };
        let step = "connecting to postgres";
        let client;
        try {
            client = await connect("postgres");
            for (const [i, sql] of plan.onServer.entries()) {
                step = `server statement ${i + 1}`;
                await client.query(sql);
            }
            for (const { role, password } of plan.passwords) {
                step = `the password of ${role}`;
                await client.query(`ALTER ROLE ${ident(role)} PASSWORD '${scramVerifier(password)}'`);
            }
            step = "checking the database";
            const exists = (await client.query("SELECT 1 FROM pg_catalog.pg_database WHERE datname = $1", [plan.database])).rowCount > 0;
            if (!exists) {
                step = "creating the database";
                await client.query(plan.createDatabase);
            }
            for (const [i, sql] of plan.afterDatabase.entries()) {
                step = `database statement ${i + 1}`;
                await client.query(sql);
            }
            await client.end();
            client = undefined;
            step = `connecting to ${plan.database}`;
            client = await connect(plan.database);
            for (const [i, sql] of plan.inDatabase.entries()) {
                step = `in-database statement ${i + 1}`;
                await client.query(sql);
            }
            return { databaseCreated: !exists, passwordsSet: plan.passwords.length, statements: plan.onServer.length + plan.afterDatabase.length + plan.inDatabase.length };
        } catch (e) {
            throw safeError(step, e, secrets);
        } finally {
            if (client) await client.end().catch(() => undefined);
        }
    };
}

/** The master password from the RDS-managed secret, with the AWS SDK the Node.js runtime includes. */
async function masterPasswordFromSecretsManager(secretArn) {
    const { SecretsManagerClient, GetSecretValueCommand } = require("@aws-sdk/client-secrets-manager");
    const out = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: secretArn }));
    return JSON.parse(out.SecretString).password;
}

/**
 * The server's certificate is verified (with its name): RDS's CA is among the certificates the Node.js runtime
 * loads from NODE_EXTRA_CA_CERTS, which the function sets to the runtime's own bundle (function.ts).
 */
exports.handler = createHandler({ masterPassword: masterPasswordFromSecretsManager, ssl: { rejectUnauthorized: true } });
exports.createHandler = createHandler;
exports.scramVerifier = scramVerifier;
