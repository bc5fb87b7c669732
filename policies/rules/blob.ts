/** Readiness rules: Vercel Blob stores, the other object storage backend (`service:storage.backend: blob`). */
import { resourceRule, Rule } from "../lib/rule";
import { TYPES } from "../contracts/tokens";


export const blobStorePrivate = resourceRule({
    name: "blob-store-private",
    description: "Every Vercel Blob store is private, so a blob is readable only through the app (a public store serves every blob to anyone with its URL).",
    severity: "critical",
    category: "security",
    remediation: "Create Blob stores with `access: \"private\"` (components/storage.ts does) and serve files through the app, which checks who asks.",
    types: [TYPES.blobStore],
    validate(resource, _config, report) {
        const access = resource.props.access;
        if (access !== "private") report(`${resource.name} has access ${access === undefined ? "unset (the provider's default)" : JSON.stringify(access)}; set it to "private".`);
    },
});

export const blobRules: Rule[] = [blobStorePrivate];
