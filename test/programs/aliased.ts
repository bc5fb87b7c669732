// A tiny program for the change report's alias tests: `test:variant` picks the names, with or without aliases.
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";

class Box extends pulumi.ComponentResource {
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("test:changes:Box", name, {}, opts);
        // Named after its parent, so a parent's alias carries it over without an alias of its own.
        new random.RandomPassword(`${name}-secret`, { length: 40 }, { parent: this });
        this.registerOutputs({});
    }
}

const variant = new pulumi.Config("test").get("variant") ?? "before";
if (variant === "before") {
    new Box("old-box");
    new random.RandomString("old-token", { length: 16 });
    new random.RandomString("moved", { length: 16 });
} else {
    const aliased = variant === "aliased";
    const box = new Box("new-box", aliased ? { aliases: [{ name: "old-box" }] } : {});
    new random.RandomString("new-token", { length: 16 }, aliased ? { aliases: [{ name: "old-token" }] } : {});
    // Moved under the component: the alias says it used to have no parent.
    new random.RandomString("moved", { length: 16 }, { parent: box, ...(aliased ? { aliases: [{ parent: undefined }] } : {}) });
}
