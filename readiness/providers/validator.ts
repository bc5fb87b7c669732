/**
 * The shape of a provider input validator, and builders for the validator kinds the Terraform plugin
 * framework and SDK use (OneOf, LengthBetween, RegexMatches, Between, ConflictsWith, ExactlyOneOf, ...).
 *
 * A validator names the property path it reads in the Pulumi SDK's names (`rules.rules[].name`), the
 * provider source it was read from, and a test returning what is wrong, never the value itself: the engine
 * prefixes the value, or `[secret]`.
 */
import { containsUnknown, Found, isSet, isUnknownAt, plain, select, shown } from "./values";

const anyUnknown = (o: Found, keys: string[]) => keys.some((k) => isUnknownAt(o.value, k));

/** One problem a provider's Check would report. */
export interface ProviderFinding {
    /** Concrete property path, list indexes filled in (`rules.rules[3].name`). */
    property: string;
    message: string;
    /** Repository, path and version of the provider source the rule comes from. */
    source: string;
}

export interface Validator {
    /** The Pulumi type token it applies to (`vercel:index/project:Project`). */
    type: string;
    /** Property path it reads (`a.b[].c`; `(inputs)` for the inputs themselves). */
    property: string;
    /** The provider's validator it reproduces, as written there (`LengthBetween(4, 160)`). */
    rule: string;
    source: string;
    run(inputs: Record<string, unknown>): ProviderFinding[];
}

/** A test on one known value: what is wrong with it, or undefined. */
export interface ValueTest {
    rule: string;
    test(value: unknown): string | undefined;
}

/**
 * A test on an object relating several of its properties (`at` names a property in messages). A finding is
 * a message about the object, or a message about one property of it.
 */
export interface ObjectTest {
    rule: string;
    test(obj: Found, at: (key: string) => string): (string | { property: string; message: string })[];
}

/** A validator on every known value at `path`; unknown values (and anything containing one) are skipped. */
export function field(type: string, path: string, source: string, t: ValueTest): Validator {
    return {
        type,
        property: path,
        rule: t.rule,
        source,
        run(inputs) {
            const out: ProviderFinding[] = [];
            for (const f of select(inputs, path)) {
                if (containsUnknown(f.value)) continue;
                const problem = t.test(plain(f.value));
                if (problem) out.push({ property: f.path, message: `${f.path}: ${shown(f)} ${problem}`, source });
            }
            return out;
        },
    };
}

/**
 * A validator on every object at `path` ("" for the inputs themselves), for rules that relate several of
 * its properties (conflicts, required-with, exactly-one-of).
 */
export function object(type: string, path: string, source: string, t: ObjectTest): Validator {
    return {
        type,
        property: path || "(inputs)",
        rule: t.rule,
        source,
        run(inputs) {
            const objects: Found[] = path ? select(inputs, path) : [{ path: "", value: inputs, secret: false }];
            const out: ProviderFinding[] = [];
            for (const o of objects) {
                const at = (key: string) => (o.path ? `${o.path}.${key}` : key);
                for (const m of t.test(o, at)) out.push(typeof m === "string" ? { property: o.path || "(inputs)", message: m, source } : { ...m, source });
            }
            return out;
        },
    };
}

const list = (xs: readonly unknown[]) => xs.map((x) => JSON.stringify(x)).join(", ");

export const oneOf = (...allowed: readonly (string | number)[]): ValueTest => ({
    rule: `OneOf(${list(allowed)})`,
    test: (v) => (allowed.includes(v as string) ? undefined : `is not allowed; expected one of ${list(allowed)}`),
});

export const lengthBetween = (min: number, max: number, rule = `LengthBetween(${min}, ${max})`): ValueTest => ({
    rule,
    test: (v) => {
        if (typeof v !== "string") return undefined;
        if (v.length >= min && v.length <= max) return undefined;
        return max === Number.MAX_SAFE_INTEGER ? `is ${v.length} characters; expected at least ${min}` : `is ${v.length} characters; expected ${min} to ${max}`;
    },
});

export const lengthAtMost = (max: number): ValueTest => lengthBetween(0, max, `LengthAtMost(${max})`);
export const lengthAtLeast = (min: number): ValueTest => lengthBetween(min, Number.MAX_SAFE_INTEGER, `LengthAtLeast(${min})`);

/** A pattern, with the provider's own explanation of it. */
export const matches = (re: RegExp, explanation: string): ValueTest => ({
    rule: `RegexMatches(${re})`,
    test: (v) => (typeof v !== "string" || re.test(v) ? undefined : `does not match ${re}: ${explanation}`),
});

/** A pattern that must not match (validation.StringDoesNotMatch). */
export const doesNotMatch = (re: RegExp, explanation: string): ValueTest => ({
    rule: `StringDoesNotMatch(${re})`,
    test: (v) => (typeof v !== "string" || !re.test(v) ? undefined : `matches ${re}: ${explanation}`),
});

export const between = (min: number, max: number, rule = `Between(${min}, ${max})`): ValueTest => ({
    rule,
    test: (v) => {
        if (typeof v !== "number" || (v >= min && v <= max)) return undefined;
        return max === Number.POSITIVE_INFINITY ? `is out of range; expected at least ${min}` : `is out of range; expected ${min} to ${max}`;
    },
});

export const atLeast = (min: number): ValueTest => between(min, Number.POSITIVE_INFINITY, `AtLeast(${min})`);

/** A test the provider writes as a function of its own; `rule` names it as the source does. */
export const custom = (rule: string, test: (v: unknown) => string | undefined): ValueTest => ({ rule, test });

/** Size of a list, set or map. */
export const sizeBetween = (min: number, max: number, rule = `SizeBetween(${min}, ${max})`): ValueTest => ({
    rule,
    test: (v) => {
        const n = Array.isArray(v) ? v.length : v && typeof v === "object" ? Object.keys(v).length : undefined;
        if (n === undefined || (n >= min && n <= max)) return undefined;
        return max === Number.MAX_SAFE_INTEGER ? `has ${n} elements; expected at least ${min}` : `has ${n} elements; expected ${min} to ${max}`;
    },
});

export const sizeAtLeast = (min: number): ValueTest => sizeBetween(min, Number.MAX_SAFE_INTEGER, `SizeAtLeast(${min})`);
export const sizeAtMost = (max: number): ValueTest => sizeBetween(0, max, `SizeAtMost(${max})`);

/** Elements of a list must be distinct (listvalidator.UniqueValues). */
export const uniqueValues: ValueTest = {
    rule: "UniqueValues()",
    test: (v) => (!Array.isArray(v) || new Set(v.map((x) => JSON.stringify(x))).size === v.length ? undefined : "has duplicate elements"),
};

/** `key` may not be set together with any of `others` (ConflictsWith). */
export const conflictsWith = (key: string, ...others: string[]): ObjectTest => ({
    rule: `ConflictsWith(${[key, ...others].join(", ")})`,
    test: (o, at) => {
        if (anyUnknown(o, [key, ...others]) || !isSet(o.value, key)) return [];
        const clash = others.filter((k) => isSet(o.value, k));
        return clash.length > 0 ? [`${at(key)} conflicts with ${clash.map(at).join(", ")}: set only one`] : [];
    },
});

/** Exactly one of `keys` must be set (ExactlyOneOf). */
export const exactlyOneOf = (...keys: string[]): ObjectTest => ({
    rule: `ExactlyOneOf(${keys.join(", ")})`,
    test: (o, at) => {
        if (anyUnknown(o, keys)) return [];
        const set = keys.filter((k) => isSet(o.value, k));
        return set.length === 1 ? [] : [`exactly one of ${keys.map(at).join(", ")} must be set; ${set.length === 0 ? "none is" : `got ${set.map(at).join(", ")}`}`];
    },
});

/** At least one of `keys` must be set (AtLeastOneOf). */
export const atLeastOneOf = (...keys: string[]): ObjectTest => ({
    rule: `AtLeastOneOf(${keys.join(", ")})`,
    test: (o, at) => (anyUnknown(o, keys) || keys.some((k) => isSet(o.value, k)) ? [] : [`at least one of ${keys.map(at).join(", ")} must be set`]),
});

/** When `key` is set, every one of `needed` must be set too (RequiredWith / AlsoRequires). */
export const requiredWith = (key: string, ...needed: string[]): ObjectTest => ({
    rule: `RequiredWith(${key}: ${needed.join(", ")})`,
    test: (o, at) => {
        if (anyUnknown(o, [key, ...needed]) || !isSet(o.value, key)) return [];
        const missing = needed.filter((k) => !isSet(o.value, k));
        return missing.length > 0 ? [`${at(key)} requires ${missing.map(at).join(", ")} to be set`] : [];
    },
});

/** A relation the provider writes as a function of its own (CustomizeDiff, ValidateConfig). */
export const relation = (rule: string, test: ObjectTest["test"]): ObjectTest => ({ rule, test });

/** The required input `key` of the object (from the SDK typings). */
export const required = (key: string): ObjectTest => ({
    rule: `Required(${key})`,
    test: (o, at) => (isSet(o.value, key) ? [] : [{ property: at(key), message: `${at(key)} is required but not set` }]),
});

/** validation.StringIsJSON: the string parses as JSON. */
export const isJSON: ValueTest = {
    rule: "StringIsJSON",
    test: (v) => {
        if (typeof v !== "string") return undefined;
        try {
            JSON.parse(v);
            return undefined;
        } catch {
            return "is not valid JSON";
        }
    },
};

/** validation.IsCIDRNetwork(min, max) for IPv4: a CIDR whose address is its network address, prefix in range. */
export const isCIDRNetwork = (min: number, max: number): ValueTest => ({
    rule: `IsCIDRNetwork(${min}, ${max})`,
    test: (v) => {
        if (typeof v !== "string") return undefined;
        const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(v);
        if (!m || m.slice(1, 5).some((o) => Number(o) > 255) || Number(m[5]) > 32) return "is not a valid IPv4 CIDR";
        const bits = Number(m[5]);
        const address = m.slice(1, 5).reduce((n, o) => n * 256 + Number(o), 0);
        const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
        if (((address & mask) >>> 0) !== address) return "is not a network address (host bits are set)";
        return bits >= min && bits <= max ? undefined : `has a /${bits} prefix; expected /${min} to /${max}`;
    },
});

/**
 * validation.StringInSlice(values, ignoreCase): the provider's own list, compared exactly unless it says
 * otherwise (`enum.Validate[T]()` is StringInSlice(T.Values(), false), so AWS enums are case-sensitive).
 */
export const stringInSlice = (values: readonly string[], ignoreCase: boolean, rule = `StringInSlice(${list(values)}, ${ignoreCase})`): ValueTest => ({
    rule,
    test: (v) => {
        if (typeof v !== "string") return undefined;
        const ok = ignoreCase ? values.some((x) => x.toLowerCase() === v.toLowerCase()) : values.includes(v);
        return ok ? undefined : `is not allowed; expected one of ${list(values)}${ignoreCase ? "" : " (case-sensitive)"}`;
    },
});

const HH_MI = "([0-1][0-9]|2[0-3]):([0-5][0-9])";
const DDD_HH_MI = `(sun|mon|tue|wed|thu|fri|sat):${HH_MI}`;

/** verify.ValidOnceADayWindowFormat: "hh24:mi-hh24:mi" (or empty). */
export const onceADayWindow: ValueTest = {
    rule: "ValidOnceADayWindowFormat",
    test: (v) => (typeof v !== "string" || new RegExp(`^(${HH_MI}-${HH_MI}|)$`).test(v) ? undefined : 'must satisfy the format of "hh24:mi-hh24:mi" (UTC, e.g. "03:00-04:00")'),
};

/** verify.ValidOnceAWeekWindowFormat: "ddd:hh24:mi-ddd:hh24:mi" (or empty), compared lowercased. */
export const onceAWeekWindow: ValueTest = {
    rule: "ValidOnceAWeekWindowFormat",
    test: (v) =>
        typeof v !== "string" || new RegExp(`^(${DDD_HH_MI}-${DDD_HH_MI}|)$`).test(v.toLowerCase()) ? undefined : 'must satisfy the format of "ddd:hh24:mi-ddd:hh24:mi" (UTC, e.g. "sun:04:30-sun:05:30")',
};

/**
 * validation.IsURLWithHTTPS, and no query parameters (iam validOpenIDURL). Go's url.Parse lowercases the
 * scheme and takes the host from `//host`; a query with any non-empty `&`-separated part has a parameter.
 */
export const openIDURL: ValueTest = {
    rule: "All(IsURLWithHTTPS, no query parameters)",
    test: (v) => {
        if (typeof v !== "string") return undefined;
        if (v === "") return "is empty; expected an https:// URL";
        const m = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s.exec(v);
        if (!m || m[1].toLowerCase() !== "https") return "is not an https:// URL";
        const rest = m[2];
        const host = rest.startsWith("//") ? rest.slice(2).split(/[/?#]/)[0].replace(/^.*@/, "") : "";
        if (host === "") return "has no host; expected https://<host>";
        const query = /\?([^#]*)/.exec(rest)?.[1] ?? "";
        return query.split("&").some((p) => p !== "") ? "has query parameters, which the OIDC standard does not allow" : undefined;
    },
};

/** The 8 groups of an IPv6 address as numbers, or undefined when it is not one (an embedded IPv4 tail allowed). */
function ipv6Groups(s: string): number[] | undefined {
    let text = s;
    const v4 = /^(.*:)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
    if (v4) {
        const o = v4.slice(2, 6).map(Number);
        if (o.some((x) => x > 255)) return undefined;
        text = `${v4[1]}${((o[0] << 8) | o[1]).toString(16)}:${((o[2] << 8) | o[3]).toString(16)}`;
    }
    const halves = text.split("::");
    if (halves.length > 2) return undefined;
    const parse = (h: string) => (h === "" ? [] : h.split(":"));
    const head = parse(halves[0]);
    const tail = halves.length === 2 ? parse(halves[1]) : [];
    if ([...head, ...tail].some((g) => !/^[0-9A-Fa-f]{1,4}$/.test(g))) return undefined;
    const missing = 8 - head.length - tail.length;
    if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
    return [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail].map((g) => parseInt(g, 16));
}

/** fwvalidators.IPv6CIDRNetworkAddress: an IPv6 CIDR whose address is its network address. */
export const ipv6CIDRNetwork: ValueTest = {
    rule: "IPv6CIDRNetworkAddress",
    test: (v) => {
        if (typeof v !== "string") return undefined;
        const m = /^([^/]+)\/(\d{1,3})$/.exec(v);
        const groups = m ? ipv6Groups(m[1]) : undefined;
        if (!m || !groups || Number(m[2]) > 128 || m[1].includes(".") && !m[1].includes(":")) return "is not a valid IPv6 CIDR block";
        const bits = Number(m[2]);
        const hostBitsSet = groups.some((g, i) => {
            const keep = Math.max(0, Math.min(16, bits - i * 16));
            const mask = keep === 0 ? 0 : (0xffff << (16 - keep)) & 0xffff;
            return (g & ~mask & 0xffff) !== 0;
        });
        return hostBitsSet ? "is not a network address (host bits are set)" : undefined;
    },
};

/** fwvalidators.IPv4CIDRNetworkAddress: an IPv4 CIDR whose address is its network address (any prefix). */
export const ipv4CIDRNetwork: ValueTest = { ...isCIDRNetwork(0, 32), rule: "IPv4CIDRNetworkAddress" };
