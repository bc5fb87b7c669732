/**
 * The Postgres connection budget: RDS's max_connections for an instance class and how it is shared between
 * the app, migration and read-only roles. Pure arithmetic on config, so config validation can refuse a budget
 * that cannot work before the program runs, and the Postgres component uses the same numbers.
 */
import { ConfigError, InputProblem } from "./problem";
import type { DatabaseConfig } from "./schema";
/**
 * Nominal memory (GiB) of the RDS instance classes the presets use and the common choices around them.
 * A class missing here is refused rather than guessed: add it with the memory AWS lists for it.
 */
export const INSTANCE_CLASS_MEMORY_GIB: Readonly<Record<string, number>> = {
    "db.t4g.micro": 1, "db.t4g.small": 2, "db.t4g.medium": 4, "db.t4g.large": 8, "db.t4g.xlarge": 16, "db.t4g.2xlarge": 32,
    "db.t3.micro": 1, "db.t3.small": 2, "db.t3.medium": 4, "db.t3.large": 8, "db.t3.xlarge": 16, "db.t3.2xlarge": 32,
    "db.m7g.large": 8, "db.m7g.xlarge": 16, "db.m7g.2xlarge": 32, "db.m7g.4xlarge": 64, "db.m7g.8xlarge": 128, "db.m7g.12xlarge": 192, "db.m7g.16xlarge": 256,
    "db.m6g.large": 8, "db.m6g.xlarge": 16, "db.m6g.2xlarge": 32, "db.m6g.4xlarge": 64, "db.m6g.8xlarge": 128, "db.m6g.12xlarge": 192, "db.m6g.16xlarge": 256,
    "db.m6i.large": 8, "db.m6i.xlarge": 16, "db.m6i.2xlarge": 32, "db.m6i.4xlarge": 64, "db.m6i.8xlarge": 128,
    "db.r7g.large": 16, "db.r7g.xlarge": 32, "db.r7g.2xlarge": 64, "db.r7g.4xlarge": 128, "db.r7g.8xlarge": 256, "db.r7g.12xlarge": 384, "db.r7g.16xlarge": 512,
    "db.r6g.large": 16, "db.r6g.xlarge": 32, "db.r6g.2xlarge": 64, "db.r6g.4xlarge": 128, "db.r6g.8xlarge": 256, "db.r6g.12xlarge": 384, "db.r6g.16xlarge": 512,
    "db.r6i.large": 16, "db.r6i.xlarge": 32, "db.r6i.2xlarge": 64, "db.r6i.4xlarge": 128, "db.r6i.8xlarge": 256,
};

/** RDS's default `max_connections` for PostgreSQL: LEAST({DBInstanceClassMemory/9531392}, 5000). */
const BYTES_PER_CONNECTION = 9531392;
const MAX_CONNECTIONS_CAP = 5000;
/**
 * Slots of max_connections no login role can ever use: PostgreSQL's `superuser_reserved_connections` (3,
 * RDS's value; RDS's own `rdsadmin` sessions use them) and RDS's `rds.rds_superuser_reserved_connections`
 * (2, PostgreSQL 16's `reserved_connections`, held for members of `rds_superuser`). AWS, "Maximum number of
 * database connections", RDS for PostgreSQL user guide; PostgreSQL docs, runtime-config-connection.
 */
export const WITHHELD_CONNECTIONS = 3 + 2;
/**
 * Connections left free on top of the withheld ones, for the master user's own sessions (the postgresql
 * provider during `pulumi up`, an operator's psql) once every role holds its whole limit.
 */
export const MASTER_HEADROOM = 3;
/** Ceiling of the migration role: migrations run one at a time, a handful of connections is plenty. */
const MIGRATION_CONNECTION_CAP = 10;

export interface ConnectionBudget {
    /** The class's nominal memory in GiB (`INSTANCE_CLASS_MEMORY_GIB`), which the freeable-memory alarm is a share of. */
    instanceMemoryGib: number;
    /** Approximate `DBInstanceClassMemory` of the class, in bytes. */
    instanceMemoryBytes: number;
    /** RDS's default max_connections for that memory. */
    maxConnections: number;
    /** The app role's CONNECTION LIMIT: appConnectionShare of what remains after the withheld slots and the master's headroom. */
    appConnectionLimit: number;
    /** Connections each serverless instance's pool may open. */
    poolSize: number;
    /** How many app instances can hold a full pool at once. */
    concurrentInstances: number;
    migrationConnectionLimit: number;
    readonlyConnectionLimit: number;
}

/**
 * `DBInstanceClassMemory` is the class's memory minus what RDS reserves for the OS and its own processes,
 * so it sits a little under the nominal size. RDS does not publish it; 256 MiB plus 2% of the nominal
 * memory reproduces the max_connections RDS reports (db.*.large: 855 vs 856, 4 GiB: 413) within a few
 * connections, erring low on the smallest classes, which is the safe side for a budget.
 */
export function instanceClassMemoryBytes(nominalGib: number): number {
    const nominal = nominalGib * 2 ** 30;
    return Math.floor(nominal - 256 * 2 ** 20 - nominal * 0.02);
}

type BudgetSettings = Pick<DatabaseConfig, "instanceClass" | "appConnectionShare" | "poolSize">;

/**
 * The connection budget of an instance class: max_connections from RDS's formula, the app role's share of
 * it, and what is left for migrations and read-only tools, or the problems (each naming the key to change)
 * when the settings cannot agree.
 */
export function planConnections(settings: BudgetSettings): { budget: ConnectionBudget; problems: [] } | { budget?: undefined; problems: InputProblem[] } {
    const key = (k: string) => `service:database.${k}`;
    const gib = INSTANCE_CLASS_MEMORY_GIB[settings.instanceClass];
    if (gib === undefined) {
        return {
            problems: [
                {
                    key: key("instanceClass"),
                    given: JSON.stringify(settings.instanceClass),
                    expected: `an instance class whose memory the template knows (${Object.keys(INSTANCE_CLASS_MEMORY_GIB).filter((c) => c.startsWith("db.t4g") || c.endsWith(".large")).join(", ")}, ...), or add it to INSTANCE_CLASS_MEMORY_GIB in config/connectionBudget.ts so the connection budget can be computed`,
                },
            ],
        };
    }
    const instanceMemoryBytes = instanceClassMemoryBytes(gib);
    const maxConnections = Math.min(Math.floor(instanceMemoryBytes / BYTES_PER_CONNECTION), MAX_CONNECTIONS_CAP);
    // The roles share what is left after the withheld slots and the master's headroom, never max_connections itself.
    const usable = maxConnections - WITHHELD_CONNECTIONS - MASTER_HEADROOM;
    const appConnectionLimit = Math.floor(usable * settings.appConnectionShare);
    const rest = usable - appConnectionLimit;
    const migrationConnectionLimit = Math.min(MIGRATION_CONNECTION_CAP, Math.floor(rest / 2));
    const readonlyConnectionLimit = rest - migrationConnectionLimit;
    const budget = `${settings.instanceClass} allows about ${maxConnections} connections`;
    const problems: InputProblem[] = [];
    if (settings.poolSize > appConnectionLimit) {
        problems.push({
            key: key("poolSize"),
            given: String(settings.poolSize),
            expected: `at most ${appConnectionLimit}: ${budget} and ${key("appConnectionShare")} ${settings.appConnectionShare} gives the app role ${appConnectionLimit}, so not even one instance's pool fits; lower ${key("poolSize")}, raise ${key("appConnectionShare")} or choose a larger ${key("instanceClass")}`,
        });
    }
    if (migrationConnectionLimit < 1 || readonlyConnectionLimit < 1) {
        problems.push({
            key: key("appConnectionShare"),
            given: String(settings.appConnectionShare),
            expected: `a smaller share: ${budget}, and after the ${WITHHELD_CONNECTIONS} slots PostgreSQL and RDS withhold, ${MASTER_HEADROOM} for the master user and the app role's ${appConnectionLimit}, none is left for the migration and read-only roles (or choose a larger ${key("instanceClass")})`,
        });
    }
    if (problems.length > 0) return { problems };
    return {
        budget: {
            instanceMemoryGib: gib,
            instanceMemoryBytes,
            maxConnections,
            appConnectionLimit,
            poolSize: settings.poolSize,
            concurrentInstances: Math.floor(appConnectionLimit / settings.poolSize),
            migrationConnectionLimit,
            readonlyConnectionLimit,
        },
        problems: [],
    };
}

/** The connection budget, or a `ConfigError` naming every key to change. */
export function connectionBudget(settings: BudgetSettings): ConnectionBudget {
    const plan = planConnections(settings);
    if (plan.budget === undefined) throw new ConfigError(plan.problems);
    return plan.budget;
}
