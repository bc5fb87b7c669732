"use strict";
/**
 * The Node this project runs on, checked before anything else loads: on an older Node, `npm run check`,
 * `npm test` and `npm ci` print one line naming the Node needed and how to get it, and exit 2, instead of a
 * stack trace from deep inside the Pulumi SDK.
 *
 * The lowest supported major is package.json's `engines.node` (what @pulumi/pulumi itself declares; one home
 * for the fact); `.nvmrc` names the major we develop on and recommend. Plain, conservative JavaScript with no
 * dependencies, because it must run (and parse) on the Node it refuses.
 *
 * `node readiness/node-version.js [command]` runs the check alone (package.json's `preinstall` does, so
 * `npm ci` and `npm install` refuse too, after npm's own EBADENGINE warning).
 */
var fs = require("fs");
var path = require("path");

var root = path.resolve(__dirname, "..");

/** The lowest Node major package.json's engines admits (`>=N`); undefined when it is missing or another form. */
function floorMajor() {
    var engines = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).engines || {}).node;
    var m = /^\s*>=\s*(\d+)(\.\d+){0,2}\s*$/.exec(engines || "");
    return m ? Number(m[1]) : undefined;
}

/** `.nvmrc`'s major: the Node to install. */
function recommendedMajor() {
    return fs.readFileSync(path.join(root, ".nvmrc"), "utf8").replace(/[\sv]/g, "");
}

/** The npm package that ships the official Node binary for this machine (nodejs.org's `node-<os>-<cpu>`). */
function binaryPackage() {
    var os = { linux: "linux", darwin: "darwin", win32: "win" }[process.platform];
    return os ? "node-" + os + "-" + process.arch : undefined;
}

/** The one line for a Node below the floor, or undefined when this Node is supported. */
function unsupportedMessage(command, version) {
    var floor = floorMajor();
    var major = Number((version || process.versions.node).split(".")[0]);
    if (floor === undefined || major >= floor) return undefined;
    var want = recommendedMajor();
    var pkg = binaryPackage();
    var without = pkg
        ? "; without nvm: npm install --prefix ~/.node" + want + " " + pkg + "@" + want + " and put ~/.node" + want + "/node_modules/" + pkg + "/bin first on PATH"
        : "; without nvm: install it from https://nodejs.org";
    return command + ": needs Node " + floor + " or later (this is Node " + (version || process.versions.node) + "); get Node " + want + " with `nvm install` (it reads .nvmrc)" + without;
}

/** Exits 2 with the one line when this Node is too old for `command`. */
function refuseUnsupportedNode(command) {
    var message = unsupportedMessage(command);
    if (message === undefined) return;
    process.stderr.write(message + "\n");
    process.exit(2);
}

module.exports = { refuseUnsupportedNode: refuseUnsupportedNode, unsupportedMessage: unsupportedMessage, floorMajor: floorMajor };

// Run alone by package.json's `preinstall`, where npm names its command (ci, install) in npm_command.
if (require.main === module) refuseUnsupportedNode(process.argv[2] || "npm " + (process.env.npm_command || "install"));
