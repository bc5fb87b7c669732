/**
 * `npm run catalogue`: regenerates docs/rules.md from the policy pack, the per-environment policy configs and
 * the seed map, and docs/peers.md from the peer comparison. Run it after changing a rule, a policy config,
 * scripts/catalogue/seeds.ts or scripts/catalogue/peers.ts; the test suite fails while either is stale.
 */
import * as fs from "fs";
import * as path from "path";
import { catalogueInput, renderCatalogue } from "./catalogue/generate";
import { PEERS } from "./catalogue/peers";
import { renderPeers } from "./catalogue/peersDoc";
import { defaultLayout } from "../readiness/layout";

const layout = defaultLayout();
const input = catalogueInput(layout);
for (const [file, text] of [
    ["rules.md", renderCatalogue(input)],
    ["peers.md", renderPeers(PEERS, input.rules)],
] as const) {
    const target = path.join(layout.root, "docs", file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}
