// Entry point the Pulumi CLI loads for `--policy-pack policies`: it serves the pack over gRPC.
import { PolicyPack } from "@pulumi/policy";
import { PACK_NAME, rules } from "./pack";

new PolicyPack(PACK_NAME, {
    // Each rule carries its own default (security mandatory, the rest advisory); the files in
    // `policies/config/` raise or lower them per environment.
    policies: rules,
});
