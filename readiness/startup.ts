/**
 * What a process that runs the check does before the SDKs load; imported first by the CLI and the tests.
 *
 * - Node's module compile cache: a check loads ~650 modules, and reusing their compiled code from the
 *   previous run saves about a third of a fresh process.
 * - `@pulumi/pulumi` loads TypeScript (9 MB of JavaScript), `@npmcli/arborist` (with pacote, sigstore, tar)
 *   and `normalize-package-data` as soon as it is required, for serialising functions into closures and for
 *   finding the packages a program depends on. A program run under mocks does neither, yet every process
 *   paid ~0.1 s for them. They are registered as stand-ins that load the real module on first use, so a
 *   program that does serialise a function (a Lambda callback, say) still gets the real thing.
 */
import * as Module from "module";
import { sdkEagerLoads } from "./pulumiInternals";

// From Node 22.1 (nodejs/node doc/api/module.md, "module.enableCompileCache"); 22.0 runs without the cache.
Module.enableCompileCache?.();

/**
 * Puts a stand-in for `file` in the require cache. The stand-in presents the module the way TypeScript's
 * `esModuleInterop` helpers see it (`__esModule`, `default` being the module itself), so `import * as`,
 * default imports and plain `require` all reach the real module's members, calls and `new` through it.
 */
function deferLoad(file: string): void {
    if (require.cache[file]) return;
    let real: any;
    const load = () => {
        if (real === undefined) {
            delete require.cache[file];
            real = require(file);
        }
        return real;
    };
    const stub = new Proxy(function deferredModule() {}, {
        get(_target, key) {
            if (key === "__esModule") return true;
            const mod = load();
            if (key === "default" && !mod.__esModule) return mod;
            return Reflect.get(mod, key);
        },
        has: (_target, key) => key === "__esModule" || Reflect.has(load(), key),
        apply: (_target, self, args) => Reflect.apply(load(), self, args),
        construct: (_target, args) => Reflect.construct(load(), args),
    });
    const entry = new Module.Module(file);
    entry.filename = file;
    entry.loaded = true;
    entry.exports = stub;
    require.cache[file] = entry;
}

for (const file of sdkEagerLoads()) deferLoad(file);
