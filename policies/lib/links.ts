/**
 * How a stack rule tells that one resource refers to another: an input computed from the other's outputs (the
 * engine records it as a property dependency, known in a preview even when the value is not), or a known
 * value equal to one of the other's identifiers (a name or ARN written by hand).
 */
import type { PolicyResource } from "@pulumi/policy";
import { peek } from "./preview";

/** Resources `r`'s property `prop` was computed from: known in preview even when the value itself is not. */
export function dependsOn(r: PolicyResource, prop: string, target: PolicyResource): boolean {
    return (r.propertyDependencies?.[prop] ?? []).some((d) => d.urn === target.urn);
}

/** Whether `r`'s property `prop` (a value or a list of them) refers to `target` by dependency or by one of `targetKeys`' values. */
export function refersTo(r: PolicyResource, prop: string, target: PolicyResource, targetKeys: readonly string[]): boolean {
    if (dependsOn(r, prop, target)) return true;
    const ids = targetKeys.map((k) => peek(target.props, k)).filter((v): v is string => typeof v === "string" && v !== "");
    if (ids.length === 0) return false;
    const value = peek(r.props, prop);
    const values = Array.isArray(value) ? value : [value];
    return values.some((v) => typeof v === "string" && ids.includes(v));
}
