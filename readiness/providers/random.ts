/**
 * Input validators of terraform-provider-random v3.9.0, the upstream @pulumi/random 4.21 pins
 * (provider/go.mod: terraform-provider-random at commit f8d869d, tagged v3.9.0).
 */
import type { TypeCoverage } from "./types";
import { field, object, relation, ValueTest, Validator } from "./validator";
import { containsUnknown, isSet, isUnknownAt, plain } from "./values";
import { TYPES } from "../../contracts/tokens";

const PASSWORD = TYPES.randomPassword;
const source = "hashicorp/terraform-provider-random internal/provider/resource_password.go v3.9.0";
const MINIMUMS = ["minUpper", "minLower", "minNumeric", "minSpecial"] as const;

const atLeastOne: ValueTest = { rule: "AtLeast(1)", test: (v) => (typeof v !== "number" || v >= 1 ? undefined : "is out of range; expected at least 1") };

export const randomValidators: Validator[] = [
    field(PASSWORD, "length", source, atLeastOne),
    // int64validator.AtLeastSumOf(min_upper, min_lower, min_numeric, min_special): configured minimums only.
    object(
        PASSWORD,
        "",
        source,
        relation("AtLeastSumOf(min_upper, min_lower, min_numeric, min_special)", (o, at) => {
            const inputs = o.value as Record<string, unknown>;
            if (!isSet(inputs, "length") || containsUnknown(inputs.length) || MINIMUMS.some((k) => isUnknownAt(inputs, k))) return [];
            const sum = MINIMUMS.reduce((n, k) => n + (isSet(inputs, k) ? Number(plain(inputs[k])) : 0), 0);
            const length = plain(inputs.length) as number;
            return length >= sum ? [] : [{ property: at("length"), message: `${at("length")}: ${length} is less than the sum of ${MINIMUMS.map(at).join(" + ")} (${sum})` }];
        }),
    ),
    // validators.AtLeastOneOfTrue(special, upper, lower) on numeric and number: a false one needs another true,
    // and an unset one passes (its default is true).
    ...(["numeric", "number"] as const).map((key) =>
        object(
            PASSWORD,
            "",
            source,
            relation(`AtLeastOneOfTrue(special, upper, lower) on ${key}`, (o, at) => {
                const inputs = o.value as Record<string, unknown>;
                if (!isSet(inputs, key) || containsUnknown(inputs[key]) || plain(inputs[key]) !== false) return [];
                const others = ["special", "upper", "lower"];
                const passes = others.some((k) => isUnknownAt(inputs, k) || !isSet(inputs, k) || plain(inputs[k]) === true);
                return passes ? [] : [{ property: at(key), message: `at least one of ${[...others, key].map(at).join(", ")} must be true` }];
            }),
        ),
    ),
];

/** Every validator-bearing attribute of the random types the program registers, read at tag v3.9.0 (f8d869dc, MPL-2.0). */
export const randomCoverage: Record<string, TypeCoverage> = {
    [PASSWORD]: {
        source: "hashicorp/terraform-provider-random internal/provider/resource_password.go v3.9.0 (f8d869dc) passwordSchemaV3 L557-700 (min_* carry a default and no validator)",
        attributes: [
            { path: "length", declared: "int64validator.AtLeast(1), AtLeastSumOf(min_upper, min_lower, min_numeric, min_special) (L587-594)" },
            { path: "numeric", declared: "AtLeastOneOfTrue(special, upper, lower) (L640-645)" },
            { path: "number", declared: "AtLeastOneOfTrue(special, upper, lower) (L659-664; deprecated alias of numeric)" },
        ],
    },
    "pulumi:providers:random": {
        source: "hashicorp/terraform-provider-random internal/provider/provider.go v3.9.0 (f8d869dc) Schema L28: the provider takes no configuration",
        attributes: [],
    },
};
