/** Where ./sentinel records its loads (one byte each), shared by every thread of this process. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const SENTINEL_LOADS = path.join(os.tmpdir(), `readiness-sentinel-loads-${process.pid}`);

export function sentinelLoads(): number {
    return fs.existsSync(SENTINEL_LOADS) ? fs.statSync(SENTINEL_LOADS).size : 0;
}
