/**
 * Coverage of the providers' own validation: for each resource type the program can register, the attributes
 * that carry a validator, ConflictsWith, ExactlyOneOf, AtLeastOneOf, RequiredWith or MaxItems in the provider
 * source, transcribed from the file read (cited), and whether the engine emulates each. "Emulated" is not
 * declared here: it is computed from the validators registered for the type (readiness/providers/index.ts),
 * so a row cannot claim a validator that does not exist. A row the engine does not emulate says why.
 *
 * docs/provider-validation.md is generated from this by `npm run provider-schema`; a test keeps it current and
 * complete (every validated type has an entry).
 */
import { VALIDATORS } from "./index";
import { SourceAttribute, TypeCoverage, VALIDATED_TYPES } from "./types";
import { coverage as s3 } from "./aws/s3";
import { coverage as cloudwatch } from "./aws/cloudwatch";
import { coverage as lambda } from "./aws/lambda";
import { coverage as iam } from "./aws/iam";
import { coverage as secretsmanager } from "./aws/secretsmanager";
import { coverage as sns } from "./aws/sns";
import { coverage as budgets } from "./aws/budgets";
import { coverage as route53 } from "./aws/route53";
import { coverage as kms } from "./aws/kms";
import { coverage as awsProvider } from "./aws/provider";

const TF_AWS = "hashicorp/terraform-provider-aws";
const ONE_BLOCK = "MaxItems 1: the Pulumi SDK types this block as one object, not a list";

/** Where the validators of a type that has no transcription yet cite their sources. */
function notTranscribed(type: string): string {
    const provider = type.startsWith("pulumi:providers:") ? type.slice("pulumi:providers:".length) : type.split(":")[0];
    const home = provider === "aws" ? "readiness/providers/aws/" : `readiness/providers/${provider}.ts`;
    return `provider file not transcribed into this table yet; the validators listed are those emulated (see ${home} for their sources)`;
}

export const COVERAGE: Record<string, TypeCoverage> = {
    ...s3,
    ...cloudwatch,
    ...lambda,
    ...iam,
    ...secretsmanager,
    ...sns,
    ...budgets,
    ...route53,
    ...kms,
    ...awsProvider,
    "upstash:index/redisDatabase:RedisDatabase": {
        source: "upstash/terraform-provider-upstash upstash/redis/database/resource.go @016582f6 (a copy older than the v2.0.0 @upstash/pulumi 0.5 bridges, which could not be read): no attribute carries a validator, ConflictsWith or MaxItems; its CustomizeDiffs only force replacement when `consistent` or `tls` goes from true to false, which needs prior state",
        attributes: [],
    },
    "random:index/randomPassword:RandomPassword": {
        source: "hashicorp/terraform-provider-random internal/provider/resource_password.go v3.9.0 (passwordSchemaV3; min_* carry a default and no validator in the copy read @0117aa60)",
        attributes: [
            { path: "length", declared: "int64validator.AtLeast(1), AtLeastSumOf(min_upper, min_lower, min_numeric, min_special)" },
            { path: "numeric", declared: "AtLeastOneOfTrue(special, upper, lower)" },
            { path: "number", declared: "AtLeastOneOfTrue(special, upper, lower) (deprecated alias of numeric)" },
        ],
    },
    "aws:rds/subnetGroup:SubnetGroup": {
        source: `${TF_AWS} internal/service/rds/subnet_group.go v5 @01c08000; validSubnetGroupName in internal/service/rds/validate.go v5`,
        attributes: [
            { path: "name", declared: "validSubnetGroupName, ConflictsWith(name_prefix)" },
            { path: "namePrefix", declared: "ConflictsWith(name)" },
            {
                path: "namePrefix (characters and length)",
                declared: "validSubnetGroupNamePrefix",
                exception: "validSubnetGroupNamePrefix was not read (only validSubnetGroupName was), so its limits are not known here",
            },
        ],
    },
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": {
        source: `${TF_AWS} internal/service/ec2/vpc_security_group_ingress_rule.go v4 @00a32209 (plugin framework; only a v4 copy could be read)`,
        attributes: [
            { path: "cidrIpv4", declared: "fwvalidators.IPv4CIDRNetworkAddress()" },
            { path: "cidrIpv6", declared: "fwvalidators.IPv6CIDRNetworkAddress()" },
            { path: "fromPort", declared: "int64validator.Between(-1, 65535)" },
            { path: "toPort", declared: "int64validator.Between(-1, 65535)" },
            { path: "(inputs)", declared: "ConfigValidators: ExactlyOneOf(cidr_ipv4, cidr_ipv6, prefix_list_id, referenced_security_group_id)" },
        ],
    },
};

/** Whether a registered validator of `type` emulates the row: one at its path, or a relation naming its key. */
export function isEmulated(type: string, a: SourceAttribute): boolean {
    // A required-input check is not what the provider declares on these rows, so it does not count.
    const validators = (VALIDATORS.get(type) ?? []).filter((v) => !v.rule.startsWith("Required("));
    if (validators.some((v) => v.property === a.path)) return true;
    const dot = a.path.lastIndexOf(".");
    const parent = dot < 0 ? "(inputs)" : a.path.slice(0, dot);
    const key = dot < 0 ? a.path : a.path.slice(dot + 1);
    // A relation names its keys as "(a, b)" or, for RequiredWith, "(a: b, c)".
    return validators.some((v) => v.property === parent && new RegExp(`[(, ]${key.replace(/[[\]]/g, "\\$&")}([,): ]|$)`).test(v.rule));
}

/** Every validated type's entry: a transcription, or why there is none, with the validators emulated. */
export function coverageRows(): { type: string; entry: TypeCoverage; emulatedRules: string[] }[] {
    return VALIDATED_TYPES.map((type) => ({
        type,
        entry: COVERAGE[type] ?? { notTranscribed: notTranscribed(type) },
        emulatedRules: (VALIDATORS.get(type) ?? []).map((v) => `${v.property} ${v.rule}`),
    }));
}

const cell = (s: string) => s.replace(/\|/g, "\\|");

/** docs/provider-validation.md. */
export function renderCoverageDoc(): string {
    const rows = coverageRows();
    const transcribed = rows.filter((r) => "attributes" in r.entry);
    let total = 0;
    let covered = 0;
    const out: string[] = [];
    for (const r of transcribed) {
        const e = r.entry as { source: string; attributes: SourceAttribute[] };
        for (const a of e.attributes) {
            total++;
            if (a.shape || isEmulated(r.type, a)) covered++;
        }
    }
    out.push(
        "<!-- Generated by `npm run provider-schema` from readiness/providers/coverage.ts; do not edit by hand. -->",
        "# Provider validation coverage",
        "",
        "What a real preview's provider Check refuses and the offline check emulates (readiness/providers/). For each",
        "resource type the program can register (every backend, both reachability modes, every environment), the",
        "attributes that carry a validator, ConflictsWith, ExactlyOneOf, AtLeastOneOf, RequiredWith or MaxItems in the",
        "provider source, transcribed from the file cited, and whether a registered validator emulates each. Required",
        "inputs come from the SDK typings for every type (readiness/providers/required.generated.ts); AWS enums come",
        "from the AWS SDK for JavaScript v3 (readiness/providers/enums.generated.ts).",
        "",
        `Transcribed: ${transcribed.length} of ${rows.length} registered types; ${covered} of ${total} validator-bearing attributes of those types are emulated or enforced by the SDK's shape (${((100 * covered) / total).toFixed(1)} %); every other row says why not.`,
        "",
        "Version: @pulumi/aws 7.48.0 (published to npm 2026-09-22) bridges a terraform-provider-aws v6 release no older",
        "than v6.63.0: pulumi/pulumi-aws's v7.45.0 release notes list \"Upgrade terraform-provider-aws to v6.63.0\" (#6647),",
        "and v7.43.0's list v6.61.0 (#6617). The exact release at tag v7.48.0 could not be read: the notes of v7.46.0-v7.48.0,",
        "`provider/go.mod` and the `upstream` submodule pin at that tag are not in the stored copies (the one go.mod stored",
        "is a pulumi-aws v6 copy whose `replace => ../upstream` names no version; the repository is too large to fetch),",
        "and no \"Upgrade terraform-provider-aws to v6.6x\" pull request after #6647 could be found. Each row cites the copy",
        "of the provider file that could be read, its major line and, where shown, its commit.",
        "",
    );
    for (const r of rows) {
        out.push(`## \`${r.type}\``, "");
        if ("notTranscribed" in r.entry) {
            out.push(`Not transcribed: ${r.entry.notTranscribed}.`, "");
            if (r.emulatedRules.length) out.push(...r.emulatedRules.map((x) => `- \`${x}\``), "");
            continue;
        }
        out.push(`Source: ${r.entry.source}`, "");
        if (r.entry.attributes.length === 0) {
            out.push("No validator-bearing attribute.", "");
            continue;
        }
        out.push("| Attribute | Declared in the provider | Emulated |", "| --- | --- | --- |");
        for (const a of r.entry.attributes) {
            const status = isEmulated(r.type, a) ? "yes" : a.shape ? `by the SDK's shape (${ONE_BLOCK})` : `no: ${a.exception ?? "MISSING REASON"}`;
            out.push(`| \`${cell(a.path)}\` | ${cell(a.declared)} | ${cell(status)} |`);
        }
        out.push("");
    }
    return out.join("\n");
}
