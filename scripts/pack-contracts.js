#!/usr/bin/env node
/**
 * `npm run pack-contracts`: copies contracts/ (what the program and the pack agree on) into policies/contracts/.
 * `--check` writes nothing and exits 1 naming each copy that is missing, stale or left over.
 *
 * The pack is published on its own: `pulumi policy publish` runs `npm pack` in policies/ (pulumi/pulumi
 * pkg/backend/httpstate/policypack.go), and the tarball holds nothing outside that folder, so a pack importing
 * ../contracts would fail to load once published; and the program imports nothing from policies/
 * (docs/architecture.md). So contracts/ is where these facts are written, and the pack carries a generated copy.
 * Plain JavaScript, so it runs before anything is built (the build needs the copy).
 */
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const source = path.join(root, "contracts");
const target = path.join(root, "policies", "contracts");

/** File name -> the copy the pack keeps: the source under a header naming where it comes from. */
function copies() {
    const out = new Map();
    for (const name of fs.readdirSync(source).filter((n) => n.endsWith(".ts")).sort()) {
        const header =
            `// Generated from contracts/${name} by \`npm run pack-contracts\` (scripts/pack-contracts.js): the pack is\n` +
            `// published on its own, so it carries its copy of what it shares with the program. Edit contracts/${name}.\n`;
        out.set(name, header + fs.readFileSync(path.join(source, name), "utf8"));
    }
    return out;
}

const wanted = copies();
if (process.argv.includes("--check")) {
    const present = fs.existsSync(target) ? fs.readdirSync(target) : [];
    const problems = [
        ...[...wanted].filter(([name, text]) => !present.includes(name) || fs.readFileSync(path.join(target, name), "utf8") !== text).map(([name]) => `policies/contracts/${name} is missing or stale`),
        ...present.filter((name) => !wanted.has(name)).map((name) => `policies/contracts/${name} has no source in contracts/`),
    ];
    if (problems.length) {
        process.stderr.write(`${problems.join("\n")}\nrun \`npm run pack-contracts\`\n`);
        process.exit(1);
    }
} else {
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(target, { recursive: true });
    for (const [name, text] of wanted) fs.writeFileSync(path.join(target, name), text);
    process.stdout.write(`wrote policies/contracts/ (${wanted.size} files)\n`);
}
