/**
 * `npm run provider-schema`: regenerates readiness/providers/required.generated.ts (the required inputs of
 * every validated resource type), readiness/providers/enums.generated.ts (the AWS service enums the provider
 * validates with, from the AWS SDK clients), docs/provider-validation.md (the coverage of each provider's validators) and policies/lib/taggable.generated.ts (the AWS types that take tags) from
 * the provider SDKs in node_modules. Run it after upgrading a provider
 * SDK or adding a type to readiness/providers/types.ts; the test suite fails while the table is stale.
 */
import * as fs from "fs";
import * as path from "path";
import { defaultLayout } from "../readiness/check";
import { renderCoverageDoc } from "../readiness/providers/coverage";
import { deriveEnumTable, renderEnumTable } from "../readiness/providers/schema/enums";
import { deriveRequiredTable, renderRequiredTable } from "../readiness/providers/schema/generate";
import { taggableTypesSource } from "./taggable";

const root = defaultLayout().root;
const target = path.join(root, "readiness", "providers", "required.generated.ts");
fs.writeFileSync(target, renderRequiredTable(deriveRequiredTable(path.join(root, "node_modules"))));
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
const enums = path.join(root, "readiness", "providers", "enums.generated.ts");
fs.writeFileSync(enums, renderEnumTable(deriveEnumTable(path.join(root, "node_modules"))));
process.stdout.write(`wrote ${path.relative(process.cwd(), enums)}\n`);
const coverage = path.join(root, "docs", "provider-validation.md");
fs.writeFileSync(coverage, renderCoverageDoc());
process.stdout.write(`wrote ${path.relative(process.cwd(), coverage)}\n`);
const taggable = path.join(root, "policies", "lib", "taggable.generated.ts");
fs.writeFileSync(taggable, taggableTypesSource(path.join(root, "node_modules")));
process.stdout.write(`wrote ${path.relative(process.cwd(), taggable)}\n`);
