/**
 * `npm run provider-schema`: regenerates readiness/providers/required.generated.ts (the required inputs of
 * every validated resource type) and policies/lib/taggable.generated.ts (the AWS types that take tags) from
 * the provider SDKs in node_modules. Run it after upgrading a provider
 * SDK or adding a type to readiness/providers/types.ts; the test suite fails while the table is stale.
 */
import * as fs from "fs";
import * as path from "path";
import { defaultLayout } from "../readiness/layout";
import { deriveRequiredTable, renderRequiredTable } from "../readiness/providers/schema/generate";
import { deriveSecretTable, renderSecretTable } from "../readiness/providers/schema/secrets";
import { taggableTypesSource } from "./taggable";

const root = defaultLayout().root;
const target = path.join(root, "readiness", "providers", "required.generated.ts");
fs.writeFileSync(target, renderRequiredTable(deriveRequiredTable(path.join(root, "node_modules"))));
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
const taggable = path.join(root, "policies", "lib", "taggable.generated.ts");
fs.writeFileSync(taggable, taggableTypesSource(path.join(root, "node_modules")));
process.stdout.write(`wrote ${path.relative(process.cwd(), taggable)}\n`);
const secrets = path.join(root, "readiness", "providers", "secrets.generated.ts");
fs.writeFileSync(secrets, renderSecretTable(deriveSecretTable(path.join(root, "node_modules"))));
process.stdout.write(`wrote ${path.relative(process.cwd(), secrets)}\n`);
