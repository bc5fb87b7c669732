/**
 * The plugin-framework security group rules (readiness/providers/aws/vpc.ts): aws_vpc_security_group_ingress_rule
 * and _egress_rule share one schema and one ConfigValidators, so every case runs on both types.
 */
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toRecorded } from "../synthetic";
import { validateProviderInputs } from "../../readiness/providers";
import { UNKNOWN } from "../support";

const props = (type: string, inputs: Record<string, unknown>) => validateProviderInputs(toRecorded([{ type, name: "r", inputs }])).map((e) => e.property);

const RULES = ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"];
const rule = { securityGroupId: "sg-1", ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv4: "10.0.0.0/16" };
const { cidrIpv4: _c, ...none } = rule;

for (const type of RULES) {
    describe(type, () => {
        it("ports from -1 to 65535, both ends included", () => {
            for (const p of [-1, 0, 65535]) assert.deepEqual(props(type, { ...rule, fromPort: p, toPort: p }), [], String(p));
            assert.deepEqual(props(type, { ...rule, fromPort: -2, toPort: 65536 }).sort(), ["fromPort", "toPort"]);
        });

        it("exactly one source: none and two are refused, each single one accepted, an unknown one waits", () => {
            assert.deepEqual(props(type, none), ["(inputs)"]);
            assert.deepEqual(props(type, { ...rule, prefixListId: "pl-1" }), ["(inputs)"]);
            for (const source of [{ cidrIpv4: "0.0.0.0/0" }, { cidrIpv6: "::/0" }, { prefixListId: "pl-1" }, { referencedSecurityGroupId: "sg-2" }]) {
                assert.deepEqual(props(type, { ...none, ...source }), [], JSON.stringify(source));
            }
            assert.deepEqual(props(type, { ...none, referencedSecurityGroupId: UNKNOWN }), []);
        });

        it("CIDRs are network addresses", () => {
            assert.deepEqual(props(type, { ...rule, cidrIpv4: "10.0.0.1/16" }), ["cidrIpv4"]);
            for (const ok of ["2001:db8::/32", "::/0", "2001:db8:0:0:0:0:0:0/128", "::ffff:10.0.0.0/120"]) assert.deepEqual(props(type, { ...none, cidrIpv6: ok }), [], ok);
            for (const bad of ["2001:db8::1/32", "2001:db8::/129", "10.0.0.0/8", "2001:db8:::/32"]) assert.deepEqual(props(type, { ...none, cidrIpv6: bad }), ["cidrIpv6"], bad);
        });
    });
}
