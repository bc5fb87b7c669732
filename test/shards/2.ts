import { runShard } from "./run";

runShard(2, 2);
