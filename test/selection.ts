/**
 * Which compiled test files `npm test` runs.
 *
 * - In a service made from the template: every test but those under test/template/.
 * - In the template repository (Pulumi.yaml still has its `template:` section, which `pulumi new` drops):
 *   only the tests under test/template/. They are about the template itself (its `template:` section, its
 *   placeholders, its stacks being the worked example's) and include a reproduction of `pulumi new` that runs
 *   the new service's own `npm test`: every other test, once, in the place it has to pass. Running them at
 *   the template's root as well would run each of them twice for nothing: the template's stack files are the
 *   worked example's in test/fixtures/example, which the copy checks, and its code is the copy's.
 *
 * So a service runs its tests from its first commit, with nothing to delete, and no test runs twice.
 * `node --test dist/test/<file>.test.js` still runs any one file anywhere.
 *
 *   node dist/test/selection.js     prints the files, one a line, relative to the project root
 */
import * as fs from "fs";
import * as path from "path";
import { defaultLayout } from "../readiness/layout";
import { isTemplateSource } from "../readiness/engine/stackFiles";

export const TEMPLATE_TESTS = path.join("test", "template");

/** Every compiled test file under `<dist>/test`, relative to the root, in both kinds. */
export function compiledTests(root: string = defaultLayout().root, dist: string = defaultLayout().dist): { template: string[]; service: string[] } {
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
    out.sort();
    const templateDir = path.relative(root, path.join(dist, TEMPLATE_TESTS)) + path.sep;
    return { template: out.filter((f) => f.startsWith(templateDir)), service: out.filter((f) => !f.startsWith(templateDir)) };
}

/** What `npm test` runs here: the template's own tests in the template repository, a service's elsewhere. */
export function testFiles(root: string = defaultLayout().root, dist: string = defaultLayout().dist): string[] {
    const tests = compiledTests(root, dist);
    return isTemplateSource(root) ? tests.template : tests.service;
}

if (require.main === module) process.stdout.write(testFiles().join("\n") + "\n");
