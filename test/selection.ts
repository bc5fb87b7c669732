/**
 * Which compiled test files `npm test` runs. The tests under test/template/ are about the template itself (its
 * `template:` section, its placeholders, the worked example, a reproduction of `pulumi new`); they run only
 * while Pulumi.yaml still has the `template:` section, which `pulumi new` drops. So a service made from the
 * template runs every other test from its first commit, with nothing to delete.
 *
 *   node dist/test/selection.js     prints the files, one a line, relative to the project root
 */
import * as fs from "fs";
import * as path from "path";
import { defaultLayout } from "../readiness/check";
import { isTemplateSource } from "../readiness/engine/stackFiles";

export const TEMPLATE_TESTS = path.join("test", "template");

export function testFiles(root: string = defaultLayout().root, dist: string = defaultLayout().dist): string[] {
    const out: string[] = [];
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const file = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(file);
            // Output whose source is gone (a test moved or deleted since the last build) is not a test any more.
            else if (entry.name.endsWith(".test.js") && fs.existsSync(path.join(root, path.relative(dist, file)).replace(/\.js$/, ".ts"))) out.push(path.relative(root, file));
        }
    };
    walk(path.join(dist, "test"));
    const templateDir = path.relative(root, path.join(dist, TEMPLATE_TESTS)) + path.sep;
    const withTemplate = isTemplateSource(root);
    return out.filter((f) => withTemplate || !f.startsWith(templateDir)).sort();
}

if (require.main === module) process.stdout.write(testFiles().join("\n") + "\n");
