/**
 * What several rules need to know about Vercel resources: their type tokens, and the variables they carry in
 * every form the provider has (project variables, the plural resource, shared variables and the project's
 * inline `environments`) with the targets each reaches.
 */
import { parseJsonish } from "../contracts/json";
import { TYPES } from "../contracts/tokens";
import { VercelTarget } from "../contracts/vercel";

/** Every resource through which a variable reaches a Vercel deployment (the project's inline `environments` too). */
export const ENV_VAR_TYPES: readonly string[] = [TYPES.envVar, TYPES.envVars, TYPES.sharedEnvVar, TYPES.vercelProject];


/** One Vercel variable, whichever resource declares it. Fields are read lazily (they may be unknown). */
export interface VariableView {
    /** The props object of the variable (the resource itself, or one item of a list). */
    item: Record<string, unknown>;
    /** Where it sits, for messages: `DATABASE_URL` or `variables[2] (DATABASE_URL)`. */
    label: string;
}

export function variablesOf(type: string, props: Record<string, unknown>): VariableView[] {
    const list = parseJsonish(type === TYPES.envVars ? props.variables : type === TYPES.vercelProject ? props.environments : undefined);
    if (type === TYPES.envVar || type === TYPES.sharedEnvVar) return [{ item: props, label: String(props.key) }];
    if (!Array.isArray(list)) return [];
    const field = type === TYPES.envVars ? "variables" : "environments";
    return list.map((item: Record<string, unknown>, i: number) => ({ item, label: `${field}[${i}] (${String(item.key)})` }));
}

export type VercelTargetName = VercelTarget | "custom";

/** Targets of a variable; custom environments count as `custom`. */
export function targetsOf(item: Record<string, unknown>): VercelTargetName[] {
    const listed = parseJsonish(item.targets);
    const targets = Array.isArray(listed) ? (listed as string[]).map((t) => t as VercelTargetName) : [];
    const custom = parseJsonish(item.customEnvironmentIds);
    if (Array.isArray(custom) && custom.length > 0) targets.push("custom");
    return targets;
}
/** CORS_ORIGINS-style values: a JSON array or a comma/space separated list. */
export function parseOrigins(value: string): string[] {
    const v = value.trim();
    if (v.startsWith("[")) {
        try {
            const parsed = JSON.parse(v);
            if (Array.isArray(parsed)) return parsed.map(String);
        } catch {
            /* not JSON: fall through to the list form */
        }
    }
    return v.split(/[\s,]+/).filter(Boolean);
}

const CORS_NAME = /(^|_)(CORS(_ALLOWED)?|ALLOWED)_ORIGINS?$/;

/**
 * The origins each CORS_ORIGINS-style variable of a Vercel env var resource allows, for the shared
 * `cors-origins-restricted` rule (policies/rules/storage.ts), which judges them like bucket CORS origins.
 */
export function envVarCorsOrigins(type: string, props: Record<string, unknown>): Array<{ label: string; origins: string[] }> {
    const out: Array<{ label: string; origins: string[] }> = [];
    for (const { item, label } of variablesOf(type, props)) {
        if (!CORS_NAME.test(String(item.key ?? "").toUpperCase())) continue;
        for (const field of ["value", "valueWo"]) {
            const value = field in item ? item[field] : undefined;
            if (typeof value === "string") out.push({ label, origins: parseOrigins(value) });
        }
    }
    return out;
}
