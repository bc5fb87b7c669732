/**
 * What makes a CORS origin unsafe to allow, shared by every rule that reads an origin list (S3 CORS rules,
 * the app's CORS_ORIGINS), so they agree on one definition.
 *
 * No dependency on @pulumi/policy, so the program and its tests can import it too.
 */

export interface CorsOriginOptions {
    /** Accept http(s)://localhost, 127.0.0.1, [::1] and 0.0.0.0 (development stacks, where the app runs locally). */
    allowLocalhost: boolean;
}

const ORIGIN = /^(https?):\/\/(\[[0-9a-f:.]+\]|[^/:?#\s[\]]+)(:\d{1,5})?\/?$/i;
const LOOPBACK = /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\]|\[::ffff:127(\.\d{1,3}){3}\])$/i;

/** Why `origin` is unsafe to allow, or undefined when it is a single https origin. */
export function corsOriginProblem(origin: string, opts: CorsOriginOptions): string | undefined {
    const o = origin.trim();
    if (o.includes("*")) return "a wildcard admits every site (or every site on a shared domain)";
    if (o.toLowerCase() === "null") return "the null origin is sent by sandboxed iframes and local files, which anyone can host";
    const m = ORIGIN.exec(o);
    if (!m) return "not an origin (scheme://host[:port], no path)";
    const [, scheme, host] = m;
    if (LOOPBACK.test(host)) return opts.allowLocalhost ? undefined : "a local address: any page a visitor runs locally could call the service";
    if (scheme.toLowerCase() !== "https") return "plain http: the origin can be impersonated on the network";
    return undefined;
}

/** The origins of `origins` that must not be allowed (wildcards, null, plain http, local addresses unless allowed). */
export function badCorsOrigins(origins: string[], opts: CorsOriginOptions): string[] {
    return origins.filter((o) => corsOriginProblem(o, opts) !== undefined);
}
