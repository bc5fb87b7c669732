/**
 * terraform-provider-aws's validation of Route 53 health checks.
 * Each source names the copy of terraform-provider-aws read (see ./common.ts for the bridged release).
 */
import { between, field, lengthBetween, oneOf, sizeBetween, Validator } from "../validator";
import type { TypeCoverage } from "../types";
import { isIP } from "net";
import { health, HEALTH, healthV5, sdkEnum, TF_AWS, validARN } from "./common";
import * as names from "../../../contracts/awsNames";
import { nameValidators } from "./names";
import { TYPES } from "../../../contracts/tokens";

export const validators: Validator[] = [
    // aws_route53_health_check
    ...nameValidators(HEALTH, "referenceName", [names.HEALTH_CHECK_REFERENCE_NAME]),
    field(HEALTH, "failureThreshold", health, between(1, 10, "IntBetween(1, 10)")),
    field(HEALTH, "fqdn", health, lengthBetween(0, 255, "StringLenBetween(0, 255)")),
    field(HEALTH, "resourcePath", health, lengthBetween(0, 255, "StringLenBetween(0, 255)")),
    field(HEALTH, "searchString", health, lengthBetween(0, 255, "StringLenBetween(0, 255)")),
    field(HEALTH, "requestInterval", health, oneOf(10, 30)),
    field(HEALTH, "childHealthThreshold", health, between(Number.NEGATIVE_INFINITY, 256, "IntAtMost(256)")),
    field(HEALTH, "port", health, between(1, 65535, "IsPortNumber")),
    field(HEALTH, "regions", health, sizeBetween(3, 64, "MinItems 3, MaxItems 64")),

    // aws_route53_health_check
    field(HEALTH, "type", healthV5, sdkEnum("route-53.HealthCheckType")),
    field(HEALTH, "insufficientDataHealthStatus", healthV5, sdkEnum("route-53.InsufficientDataHealthStatus")),
    field(HEALTH, "regions[]", healthV5, sdkEnum("route-53.HealthCheckRegion")),
    field(HEALTH, "routingControlArn", healthV5, validARN),
    field(HEALTH, "cloudwatchAlarmRegion", healthV5, sdkEnum("route-53.CloudWatchRegion")),
    field(HEALTH, "childHealthchecks", healthV5, sizeBetween(0, 256, "MaxItems 256")),
    field(HEALTH, "childHealthchecks[]", healthV5, lengthBetween(0, 64, "StringLenBetween(0, 64)")),
    field(HEALTH, "ipAddress", healthV5, {
        rule: "IsIPAddress",
        // Go's net.ParseIP: dotted IPv4 without leading zeros or IPv6 without a zone, as node:net's isIP reads them.
        test: (v) => (typeof v !== "string" || (isIP(v) !== 0 && !v.includes("%")) ? undefined : "is not a valid IP address"),
    }),

];

export const coverage: Record<string, TypeCoverage> = {
    [TYPES.healthCheck]: {
        source: `${TF_AWS} internal/service/route53/health_check.go v5 (resourceHealthCheck schema, re-read from the latest stored copy; no v6 copy was found; the stored copy's commit is not shown by the research tools)`,
        attributes: [
            { path: "childHealthThreshold", declared: "IntAtMost(256)" },
            { path: "childHealthchecks", declared: "MaxItems 256" },
            { path: "childHealthchecks[]", declared: "StringLenBetween(0, 64)" },
            { path: "cloudwatchAlarmRegion", declared: "enum.Validate[awstypes.CloudWatchRegion]()" },
            { path: "failureThreshold", declared: "IntBetween(1, 10)" },
            { path: "fqdn", declared: "StringLenBetween(0, 255)" },
            { path: "insufficientDataHealthStatus", declared: "enum.Validate[awstypes.InsufficientDataHealthStatus]()" },
            { path: "ipAddress", declared: "IsIPAddress" },
            { path: "port", declared: "IsPortNumber" },
            { path: "referenceName", declared: "StringLenBetween(0, 64 - UniqueIDSuffixLength - 11)" },
            { path: "regions", declared: "MinItems 3, MaxItems 64" },
            { path: "regions[]", declared: "enum.Validate[awstypes.HealthCheckRegion]()" },
            { path: "requestInterval", declared: "IntInSlice([10, 30])" },
            { path: "resourcePath", declared: "StringLenBetween(0, 255)" },
            { path: "routingControlArn", declared: "ValidARN" },
            { path: "searchString", declared: "StringLenBetween(0, 255)" },
            { path: "type", declared: "enum.Validate[awstypes.HealthCheckType]()" },
        ],
    },
};
