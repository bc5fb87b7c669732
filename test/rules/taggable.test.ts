import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { TAGGABLE_AWS_TYPES } from "../../policies/lib/taggable.generated";
import { defaultLayout } from "../../readiness/layout";
import { deriveTaggableTypes, taggableTypesSource } from "../../scripts/taggable";

const root = defaultLayout().root;

describe("the AWS types that take tags (required-tags)", () => {
    it("policies/lib/taggable.generated.ts is what @pulumi/aws's typings say", () => {
        const committed = fs.readFileSync(path.join(root, "policies", "lib", "taggable.generated.ts"), "utf8");
        assert.ok(committed === taggableTypesSource(path.join(root, "node_modules")), "policies/lib/taggable.generated.ts is stale: run `npm run provider-schema` and commit the result");
    });

    it("holds a type whose Args declare tags and leaves out one whose Args do not", () => {
        assert.ok(TAGGABLE_AWS_TYPES.has("aws:rds/instance:Instance"));
        assert.ok(TAGGABLE_AWS_TYPES.has("aws:s3/bucket:Bucket"));
        assert.ok(!TAGGABLE_AWS_TYPES.has("aws:iam/rolePolicy:RolePolicy"), "RolePolicyArgs has no tags");
        assert.ok(!TAGGABLE_AWS_TYPES.has("aws:s3/bucketPolicy:BucketPolicy"), "BucketPolicyArgs has no tags");
        assert.deepEqual([...TAGGABLE_AWS_TYPES], deriveTaggableTypes(path.join(root, "node_modules")));
    });
});
