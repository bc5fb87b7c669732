/**
 * `npm run provider-schema`: regenerates readiness/providers/required.generated.ts (the required inputs of
 * every validated resource type), readiness/providers/enums.generated.ts (the AWS service enums the provider
 * validates with, from the AWS SDK clients), readiness/engine/outputs.generated.ts (the output properties the
 * mocks fill) and policies/lib/taggable.generated.ts (the AWS types that take tags) from
 * the provider SDKs in node_modules; then (after a rebuild, see package.json) scripts/provider-coverage.ts
 * writes docs/provider-validation.md from the validators that read those tables. Run it after upgrading a provider
 * SDK or adding a type to readiness/providers/types.ts; the test suite fails while the table is stale.
 */
import * as fs from "fs";
import * as path from "path";
// readiness/layout, not readiness/check: this must run before the validators can load (they read the tables it writes).
import { defaultLayout } from "../readiness/layout";
import { deriveEnumTable, renderEnumTable } from "../readiness/providers/schema/enums";
import { deriveOutputTable, deriveRequiredTable, renderOutputTable, renderRequiredTable } from "../readiness/providers/schema/generate";
import { deriveSecretTable, renderSecretTable } from "../readiness/providers/schema/secrets";
import { taggableTypesSource } from "./taggable";

const root = defaultLayout().root;
const target = path.join(root, "readiness", "providers", "required.generated.ts");
fs.writeFileSync(target, renderRequiredTable(deriveRequiredTable(path.join(root, "node_modules"))));
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
const enums = path.join(root, "readiness", "providers", "enums.generated.ts");
fs.writeFileSync(enums, renderEnumTable(deriveEnumTable(path.join(root, "node_modules"))));
process.stdout.write(`wrote ${path.relative(process.cwd(), enums)}\n`);
const outputs = path.join(root, "readiness", "engine", "outputs.generated.ts");
fs.writeFileSync(outputs, renderOutputTable(deriveOutputTable(path.join(root, "node_modules"))));
process.stdout.write(`wrote ${path.relative(process.cwd(), outputs)}\n`);
const taggable = path.join(root, "policies", "lib", "taggable.generated.ts");
fs.writeFileSync(taggable, taggableTypesSource(path.join(root, "node_modules")));
process.stdout.write(`wrote ${path.relative(process.cwd(), taggable)}\n`);
const secrets = path.join(root, "readiness", "providers", "secrets.generated.ts");
fs.writeFileSync(secrets, renderSecretTable(deriveSecretTable(path.join(root, "node_modules"))));
process.stdout.write(`wrote ${path.relative(process.cwd(), secrets)}\n`);
