// A tiny program for the harness tests: every resource option the recorder must see, on a known line.
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";

class Box extends pulumi.ComponentResource {
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("test:harness:Box", name, {}, opts);
        const first = new random.RandomPassword(`${name}-first`, { length: 40 }, { parent: this, protect: true, retainOnDelete: true });
        new random.RandomPassword(
            `${name}-second`,
            { length: 40 },
            { parent: this, deleteBeforeReplace: true, ignoreChanges: ["length"], dependsOn: [first] },
        );
        this.registerOutputs({});
    }
}

new Box("box");
export const marker = pulumi.secret("exported-secret");
