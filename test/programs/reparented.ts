// A tiny program for the change report's parent-move tests: `test:variant` puts the data tier's component at
// the top (before), under a new parent with its name (moved), or under a new parent named after it (moved-renamed).
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";

class Postgres extends pulumi.ComponentResource {
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("service:data:Postgres", name, {}, opts);
        new random.RandomPassword(`${name}-master-password`, { length: 40 }, { parent: this });
        this.registerOutputs({});
    }
}

class DataTier extends pulumi.ComponentResource {
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("service:data:DataTier", name, {}, opts);
        this.registerOutputs({});
    }
}

const variant = new pulumi.Config("test").get("variant") ?? "before";
if (variant === "before") {
    new Postgres("acme-chat-prod-postgres");
} else {
    const tier = new DataTier("acme-chat-prod-data");
    const aliased = variant === "aliased";
    new Postgres(variant === "moved-renamed" ? "acme-chat-prod-data-postgres" : "acme-chat-prod-postgres", {
        parent: tier,
        ...(aliased ? { aliases: [{ parent: pulumi.rootStackResource }] } : {}),
    });
}
