/**
 * `npm run catalogue`: regenerates docs/rules.md from the policy pack, the per-environment policy configs and
 * the seed map. Run it after changing a rule, a policy config or policies/catalogue/seeds.ts; the test suite
 * fails while the committed document is stale.
 */
import * as fs from "fs";
import * as path from "path";
import { catalogueInput, renderCatalogue } from "../policies/catalogue/generate";
import { defaultLayout } from "../readiness/check";

const layout = defaultLayout();
const target = path.join(layout.root, "docs", "rules.md");
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, renderCatalogue(catalogueInput(layout)));
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
