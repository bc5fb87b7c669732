/** Vercel Blob store rules. */
import { describe, it } from "node:test";
import { assertFires, assertQuiet, evaluate } from "../support";

describe("blob-store-private", () => {
    it("fires on a public store and on one left to the provider's default", async () => {
        const diags = await evaluate([
            { type: "vercel:index/blobStore:BlobStore", name: "public", inputs: { name: "acme-chat-prod-uploads", access: "public" } },
            { type: "vercel:index/blobStore:BlobStore", name: "unset", inputs: { name: "acme-chat-prod-files" } },
            { type: "vercel:index/blobStore:BlobStore", name: "private", inputs: { name: "acme-chat-prod-docs", access: "private" } },
        ], { environment: "dev" });
        assertFires(diags, "blob-store-private", "public", "mandatory");
        assertFires(diags, "blob-store-private", "unset", "mandatory");
        assertQuiet(diags, "blob-store-private", "private");
    });
});
