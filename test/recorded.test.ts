/**
 * The offline engine held to real provider states (test/fixtures/recorded: pulumi/pulumi-aws's recordings
 * against real AWS, transcribed; see its README for sources, commits and licence).
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { runCheck } from "../readiness/check";
import { CHECK_DEFAULTS } from "../readiness/engine/mocks";
import { OUTPUT_PROPERTIES } from "../readiness/engine/outputs.generated";
import type { RecordedResource } from "../readiness/engine/resource";
import { VALIDATED_TYPES } from "../readiness/providers/types";
import { checkState } from "../readiness/state";
import { scratchDir } from "./scratch";
import { EXAMPLE } from "./support";

interface RecordedCase {
    source: { repository: string; path: string; commit: string };
    resources: { type: string; name: string; id: string; inputs: Record<string, unknown>; outputs: Record<string, unknown>; dependsOn?: string[]; additionalSecretOutputs?: string[] }[];
}

const DIR = path.join(__dirname, "..", "..", "test", "fixtures", "recorded");
const CASES: [string, RecordedCase][] = fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => [f.replace(/\.json$/, ""), JSON.parse(fs.readFileSync(path.join(DIR, f), "utf8")) as RecordedCase]);

/** Output properties of the 5.42.0 recordings that @pulumi/aws 7 no longer declares (renamed or removed). */
const GONE_IN_7: Record<string, string[]> = {
    "aws:ec2/vpc:Vpc": ["enableClassiclink", "enableClassiclinkDnsSupport"],
    "aws:rds/instance:Instance": ["name", "securityGroupNames"],
    "aws:secretsmanager/secret:Secret": ["rotationEnabled", "rotationLambdaArn", "rotationRules"],
    "aws:s3/bucket:Bucket": ["loggings"],
};

/** A `pulumi stack export` (deployment version 3) of a case's resources, around a stack and a default provider. */
function exportOf(name: string, c: RecordedCase): unknown {
    const prefix = `urn:pulumi:recorded::${name}::`;
    const stack = `${prefix}pulumi:pulumi:Stack::${name}-recorded`;
    const provider = `${prefix}pulumi:providers:aws::default`;
    const urnOf = (r: { type: string; name: string }) => `${prefix}${r.type}::${r.name}`;
    return {
        version: 3,
        deployment: {
            manifest: { time: "2024-03-12T12:20:03Z", magic: "", version: "v3.108.1" },
            resources: [
                { urn: stack, custom: false, type: "pulumi:pulumi:Stack", outputs: {} },
                { urn: provider, custom: true, id: "provider-id", type: "pulumi:providers:aws", inputs: { region: "us-west-2" }, outputs: { region: "us-west-2" }, parent: stack },
                ...c.resources.map((r) => ({
                    urn: urnOf(r),
                    custom: true,
                    id: r.id,
                    type: r.type,
                    inputs: r.inputs,
                    outputs: r.outputs,
                    parent: stack,
                    provider: `${provider}::provider-id`,
                    dependencies: (r.dependsOn ?? []).map((d) => urnOf(c.resources.find((x) => x.name === d)!)),
                    additionalSecretOutputs: r.additionalSecretOutputs ?? [],
                })),
            ],
        },
    };
}

describe("recorded real states through --state", () => {
    const dir = scratchDir("recorded-states");
    for (const [name, c] of CASES) {
        it(`${name}: real AWS accepted these inputs, so no provider error; every rule runs on them without crashing`, async () => {
            assert.ok(c.resources.every((r) => VALIDATED_TYPES.includes(r.type)), "only types we validate are transcribed");
            const file = path.join(dir, `${name}.json`);
            fs.writeFileSync(file, JSON.stringify(exportOf(name, c)));
            const { report } = await checkState({ file, environment: "prod" });
            assert.deepEqual(report.providerErrors, [], `${c.source.path}@${c.source.commit}`);
            assert.equal(report.summary.resources, c.resources.length + 2);
            for (const v of report.violations) assert.doesNotMatch(v.message, /TypeError|Cannot read properties|is not a function/, `${v.policy} crashed`);
        });
    }
});

describe("our mocks' outputs against the recorded ones", () => {
    const runs = Promise.all(["dev", "prod", "shared"].map((stack) => runCheck({ stack, layout: EXAMPLE })));
    const byType = async (): Promise<Map<string, RecordedResource>> => {
        const out = new Map<string, RecordedResource>();
        for (const { run } of await runs) for (const r of run.resources) if (!out.has(r.type)) out.set(r.type, r);
        return out;
    };

    it("for each type the program registers that a recording covers, our outputs hold every real output property (5.x names gone in 7 excepted)", async () => {
        const ours = await byType();
        let compared = 0;
        for (const [name, c] of CASES) {
            for (const r of c.resources) {
                const mine = ours.get(r.type);
                if (!mine) continue;
                compared++;
                const real = Object.keys(r.outputs).filter((k) => k !== "id" && k !== "__meta");
                const declared = OUTPUT_PROPERTIES.outputs[r.type].properties;
                assert.deepEqual(real.filter((k) => !(k in declared)).sort(), GONE_IN_7[r.type] ?? [], `${name} ${r.type}: the 5.x-only names are exactly the known ones`);
                const missing = real.filter((k) => k in declared && !(k in mine.outputs));
                assert.deepEqual(missing, [], `${name} ${r.type} (${mine.name}): outputs the real provider records that our mock lacks`);
            }
        }
        assert.ok(compared >= 14, `compared ${compared} recorded resources`);
    });

    it("the defaults the provider's Check added (`__defaults`) are what our engine fills when the program leaves them out", () => {
        // Names the provider generates (autonaming) are not defaults of a fixed value.
        const generated = new Set(["name", "identifier"]);
        let compared = 0;
        for (const [name, c] of CASES) {
            for (const r of c.resources) {
                const declared = OUTPUT_PROPERTIES.outputs[r.type].properties;
                for (const key of (r.inputs.__defaults as string[]) ?? []) {
                    if (generated.has(key)) continue;
                    const ours = CHECK_DEFAULTS[r.type]?.[key] ?? { string: "", number: 0, boolean: false, list: [], map: {}, object: null }[declared[key]];
                    assert.deepEqual(ours, r.inputs[key], `${name} ${r.type}.${key}: recorded default ${JSON.stringify(r.inputs[key])}`);
                    compared++;
                }
            }
        }
        assert.ok(compared >= 25, `compared ${compared} defaults`);
    });
});
