"use strict";
/**
 * package.json's `postinstall`: in a service `pulumi new` just made, puts the service's own README in place of
 * the template's. `pulumi new` copies every file of the template and fills `$` + `{PROJECT}` and `$` + `{DESCRIPTION}`
 * in each (pulumi/pulumi pkg/cmd/pulumi/templates/project_templates.go, CopyTemplateFiles), then runs the
 * install, so `.template/README.md` arrives with the service's name and description and is moved over
 * README.md here. In the template itself (its Pulumi.yaml still has the `template:` section that `pulumi new`
 * drops) and in a service that already has its README (`.template/` is gone), it does nothing.
 *
 * Plain JavaScript, because it runs before anything is compiled.
 */
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const source = path.join(root, ".template", "README.md");

function isTemplate() {
    return /^template:/m.test(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8"));
}

if (fs.existsSync(source) && !isTemplate()) {
    fs.renameSync(source, path.join(root, "README.md"));
    fs.rmSync(path.join(root, ".template"), { recursive: true, force: true });
    process.stdout.write("README.md: this service's own, in place of the template's\n");
}
