/**
 * Stands in for the program in bad-input tests: it only counts that it was loaded. Input the check must refuse
 * before anything runs has to leave the count at zero, so nothing can have been registered.
 *
 * The count is a file named after the process, not a global: in the test shards the program runs in the
 * evaluation worker thread, whose globals the test cannot see.
 */
import * as fs from "fs";
import { SENTINEL_LOADS } from "./sentinel-loads";

fs.appendFileSync(SENTINEL_LOADS, ".");
