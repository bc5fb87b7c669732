/**
 * What the engine records of each registered resource, apart from the engine that records it, so the modules
 * that read records (the read-back of provider outputs, the analyzer, cost, state) need not import the engine.
 */
import type { SourcePosition } from "./sourcemap";

/** A property value as it travels on the wire: secrets as signature objects, unknowns as the sentinel. */
export type WireValue = unknown;

/** An alias of a registration: an old URN, or the parts of one (empty parts default to the resource's own). */
export type AliasSpec = { urn: string } | { name: string; type: string; stack: string; project: string; parentUrn?: string; noParent: boolean };

export interface RecordedResource {
    urn: string;
    /** The id the provider gave (absent in a preview, and for components). */
    id?: string;
    type: string;
    name: string;
    custom: boolean;
    parent?: string;
    /** Provider reference `urn::id`, as the engine passes it. */
    provider?: string;
    protect: boolean;
    retainOnDelete: boolean;
    deleteBeforeReplace?: boolean;
    ignoreChanges: string[];
    replaceOnChanges: string[];
    dependsOn: string[];
    aliases: string[];
    /** Structured aliases as the SDK sends them (the mock monitor supports them, so `aliases` stays empty). */
    aliasSpecs?: AliasSpec[];
    additionalSecretOutputs: string[];
    customTimeouts?: { create?: string; update?: string; delete?: string };
    deletedWith?: string;
    propertyDependencies: Record<string, string[]>;
    /** Inputs in wire form (what Analyze receives). */
    inputs: Record<string, WireValue>;
    /** Outputs in wire form (what AnalyzeStack receives); for components, their registered outputs. */
    outputs: Record<string, WireValue>;
    /** Where the program declared the resource, mapped to the TypeScript source when a source map exists. */
    source?: SourcePosition;
}
