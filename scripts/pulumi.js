"use strict";
/**
 * `npm run preview -- --stack NAME [flags]`, `npm run up -- --stack NAME [flags]`, `npm run pulumi -- <command> ...`:
 * the real Pulumi CLI with this project's CrossGuard pack attached, so no deploy can forget it (the CLI has
 * no project setting for a local pack: pulumi/pulumi#5541).
 *
 * For the commands that run policy packs (`preview`/`pre`, `up`/`update`, `watch`, `policy analyze`; flags
 * as declared in pulumi/pulumi pkg/cmd/pulumi/operations/{preview,up,watch}.go and
 * pkg/cmd/pulumi/policy/policy_analyze.go), it adds
 *     --policy-pack policies --policy-pack-config policies/config/<environment>.json
 * where <environment> is the stack's `service:environment`, read from Pulumi.<stack>.yaml (`acme/dev` and
 * `acme/orbit-notes/dev` are the stack dev). Every other flag and command passes through unchanged, and the
 * CLI's exit code is this script's. Without --stack, the CLI's selected stack (`pulumi stack --show-name`).
 * A second pack of your own still works: its `--policy-pack` and `--policy-pack-config` pair up after ours.
 *
 * Plain JavaScript, so that a deploy needs no build step.
 */
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const PACK = "policies";
const ENVIRONMENT_KEY = "service:environment";

/** Commands whose flags include --policy-pack and --policy-pack-config, with their aliases. */
const WITH_POLICY = new Set(["preview", "pre", "up", "update", "watch", "policy analyze"]);

class UsageError extends Error {}

/** The command words before the first flag (`policy analyze`, `up`), and the rest. */
function splitCommand(argv) {
    const words = [];
    let i = 0;
    while (i < argv.length && !argv[i].startsWith("-") && words.length < 2) words.push(argv[i++]);
    if (words.length === 2 && !WITH_POLICY.has(words.join(" "))) i--, words.pop();
    return { command: words.join(" "), rest: argv.slice(i) };
}

/** The value of --stack / -s in any of cobra's spellings, or undefined. */
function stackFlag(args) {
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === "--") break;
        if (a === "--stack" || a === "-s") {
            if (args[i + 1] === undefined) throw new UsageError(`${a} needs a stack name`);
            return args[i + 1];
        }
        if (a.startsWith("--stack=")) return a.slice("--stack=".length);
        if (/^-s.+/.test(a)) return a.slice(2).replace(/^=/, "");
    }
    return undefined;
}

function selectedStack(pulumi) {
    const r = spawnSync(pulumi, ["stack", "--show-name"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    const name = (r.stdout ?? "").trim();
    if (r.status !== 0 || !name) throw new UsageError("no --stack given and the CLI has no selected stack: pass --stack NAME");
    return name;
}

/** `service:environment` of the stack's file, the only setting this needs, read without the CLI. */
function environmentOf(stack) {
    const short = stack.split("/").pop();
    const file = [".yaml", ".yml"].map((ext) => path.join(ROOT, `Pulumi.${short}${ext}`)).find((f) => fs.existsSync(f));
    if (!file) throw new UsageError(`stack ${stack}: no Pulumi.${short}.yaml here, so its environment is unknown (scripts/new-stack.sh creates a stack's file)`);
    let doc;
    try {
        doc = require("yaml").parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new UsageError(`${path.basename(file)} is not valid YAML: ${e.message}`);
    }
    const environment = doc?.config?.[ENVIRONMENT_KEY];
    if (typeof environment !== "string" || !/^[a-z][a-z0-9-]*$/.test(environment)) {
        throw new UsageError(`${path.basename(file)}: ${ENVIRONMENT_KEY} is ${JSON.stringify(environment)}; expected the stack's environment, such as dev or prod`);
    }
    const config = path.join(PACK, "config", `${environment}.json`);
    if (!fs.existsSync(path.join(ROOT, config))) throw new UsageError(`${path.basename(file)}: no policy config ${config} for environment "${environment}"`);
    return { environment, config };
}

/** The CLI's argv: the pack flags go right after the command, the caller's flags after them. */
function pulumiArgs(argv, pulumi) {
    const { command, rest } = splitCommand(argv);
    if (!WITH_POLICY.has(command)) return { args: argv };
    for (const a of rest) {
        if (a === "--") break;
        if (a === "-C" || a === "--cwd" || a.startsWith("--cwd=") || /^-C.+/.test(a)) throw new UsageError(`${a}: run this from the project instead (the pack and the stack file are found beside Pulumi.yaml)`);
    }
    const stack = stackFlag(rest) ?? selectedStack(pulumi);
    const { config } = environmentOf(stack);
    const words = command.split(" ");
    return { args: [...words, "--policy-pack", PACK, "--policy-pack-config", config, ...rest], stack };
}

function main(argv) {
    const pulumi = "pulumi";
    let args;
    try {
        if (argv.length === 0) throw new UsageError("usage: npm run pulumi -- <command> [flags]   (preview, up, watch and policy analyze get the pack)");
        ({ args } = pulumiArgs(argv, pulumi));
    } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        process.stderr.write(`pulumi wrapper: ${e.message}\n`);
        process.exitCode = 2;
        return;
    }
    // Ctrl-C reaches the CLI too (same terminal); waiting for it lets it cancel cleanly and report.
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => {});
    const child = spawn(pulumi, args, { cwd: ROOT, stdio: "inherit" });
    child.on("error", (e) => {
        process.stderr.write(`pulumi wrapper: cannot run ${pulumi}: ${e.message} (https://www.pulumi.com/docs/iac/download-install/)\n`);
        process.exit(127);
    });
    child.on("exit", (code, signal) => process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0)));
}

module.exports = { pulumiArgs, WITH_POLICY };

if (require.main === module) main(process.argv.slice(2));
