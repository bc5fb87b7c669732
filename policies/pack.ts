/**
 * The readiness rules, in the order reports list them. `index.ts` serves them to the Pulumi CLI; the
 * offline check and the catalogue import this module, so all three see the very same objects.
 */
import type { Rule } from "./lib/rule";
import { appRules } from "./rules/app";
import { blobRules } from "./rules/blob";
import { cacheRules } from "./rules/cache";
import { costRules } from "./rules/cost";
import { databaseRules } from "./rules/database";
import { errorTrackingRules } from "./rules/errorTracking";
import { exemptionsValid, governanceRules } from "./rules/governance";
import { iamRules } from "./rules/iam";
import { kmsRules } from "./rules/kms";
import { monitoringRules } from "./rules/monitoring";
import { networkRules } from "./rules/network";
import { secretRules } from "./rules/secrets";
import { serviceRules } from "./rules/services";
import { snsRules } from "./rules/sns";
import { storageRules } from "./rules/storage";

/** The pack name the CLI reports violations under. */
export const PACK_NAME = "service-readiness";

export const rules: Rule[] = [
    ...networkRules,
    ...databaseRules,
    ...storageRules,
    ...blobRules,
    ...iamRules,
    ...kmsRules,
    ...cacheRules,
    ...secretRules,
    ...serviceRules,
    ...appRules,
    ...monitoringRules,
    ...errorTrackingRules,
    ...snsRules,
    ...costRules,
    ...governanceRules,
    exemptionsValid(() => rules.map((r) => r.name)),
];
