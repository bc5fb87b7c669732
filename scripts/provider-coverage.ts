/**
 * The second half of `npm run provider-schema`: writes docs/provider-validation.md (the coverage of each
 * provider's validators, readiness/providers/coverage.ts) once the tables the validators read are current.
 */
import * as fs from "fs";
import * as path from "path";
import { defaultLayout } from "../readiness/layout";
import { renderCoverageDoc } from "../readiness/providers/coverage";

const target = path.join(defaultLayout().root, "docs", "provider-validation.md");
fs.writeFileSync(target, renderCoverageDoc());
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
