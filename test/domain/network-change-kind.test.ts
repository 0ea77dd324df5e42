/**
 * A closed path named by its change's kind (network-change-kind.ts): a NAT gateway deleted (routes
 * to it blackholed), a route replaced onto a deleted NAT, a route deleted, a VPC endpoint removed;
 * decoys: a security-group rule that really is one stays so named, and a route moved onto a NAT
 * gateway that still exists (the migrated table) does not beat the deletion.
 */
import { describe, expect, it } from "vitest"
import { closedPathLabel, networkChangeKindOf } from "../../src/domain/network-change-kind.js"
import { closedPathsOf, networkChangeOf } from "../../src/domain/network-path-change.js"

const t0 = Date.parse("2027-03-02T04:00:00Z")
const min = (m: number) => t0 + m * 60_000
const record = (eventName: string, requestParameters: object) =>
  JSON.stringify({
    eventName,
    userIdentity: { arn: "arn:aws:sts::1:assumed-role/net-apply/ci" },
    requestParameters,
  })
const deleteNat = (id: string, at: number) =>
  networkChangeOf(record("DeleteNatGateway", { DeleteNatGatewayRequest: { NatGatewayId: id } }), at)
const replaceRoute = (rtb: string, nat: string, at: number) =>
  networkChangeOf(
    record("ReplaceRoute", { routeTableId: rtb, destinationCidrBlock: "0.0.0.0/0", natGatewayId: nat }),
    at,
  )
const timeout = (service: string, at: number) => ({
  service,
  atMs: at,
  t: { host: "198.51.100.7", port: 443 },
})
const only = <A>(xs: ReadonlyArray<A | null>): ReadonlyArray<A> => xs.flatMap((x) => (x === null ? [] : [x]))

describe("network change kinds", () => {
  it("reads a NAT gateway deletion, a route's target and a VPC endpoint deletion", () => {
    expect(deleteNat("nat-0aa1", min(0))).toMatchObject({
      kind: "nat_gateway",
      target: "nat-0aa1",
      ports: [],
    })
    expect(replaceRoute("rtb-0bb2", "nat-0cc3", min(0))).toMatchObject({
      kind: "route",
      target: "rtb-0bb2",
      via: "nat-0cc3",
    })
    const vpce = networkChangeOf(
      record("DeleteVpcEndpoints", {
        DeleteVpcEndpointsRequest: { VpcEndpointId: { tag: 1, content: "vpce-0d4e" } },
      }),
      min(0),
    )
    expect(vpce).toMatchObject({ kind: "vpc_endpoint", target: "vpce-0d4e" })
    expect(networkChangeKindOf("DeleteRoute")).toBe("route")
    expect(networkChangeKindOf("RevokeSecurityGroupEgress")).toBe("security_group")
    expect(networkChangeKindOf("ReplaceNetworkAclEntry")).toBe("network_acl")
  })

  it("blames the NAT deletion, not the table moved onto a live NAT gateway", () => {
    const changes = only([
      deleteNat("nat-0old1", min(-3)),
      deleteNat("nat-0old2", min(-3)),
      replaceRoute("rtb-0moved", "nat-0live", min(-2)),
    ])
    const [p] = closedPathsOf([timeout("orders-sync", min(0))], changes, [])
    expect(p?.change).toMatchObject({ kind: "nat_gateway" })
  })

  it("blames a route replaced onto a deleted NAT gateway above the deletion", () => {
    const changes = only([deleteNat("nat-0gone", min(-5)), replaceRoute("rtb-0bad", "nat-0gone", min(-1))])
    const [p] = closedPathsOf([timeout("invoice-batch", min(0))], changes, [])
    expect(p?.change).toMatchObject({ kind: "route", target: "rtb-0bad", via: "nat-0gone" })
  })

  it("labels each kind; a security group change stays a security group change", () => {
    expect(closedPathLabel("x: outbound path to port 443 closed by deletenatgateway on nat-1 (…)")).toMatch(
      /deleted NAT gateway.*blackhole/,
    )
    expect(closedPathLabel("closed by DeleteRoute on rtb-1")).toMatch(/route table/)
    expect(closedPathLabel("closed by DeleteVpcEndpoints on vpce-1")).toMatch(/VPC endpoint/)
    expect(closedPathLabel("closed by RevokeSecurityGroupIngress on sg-1")).toMatch(/security group rule/)
    expect(closedPathLabel("closed by RevokeSecurityGroupIngress on sg-1")).not.toMatch(/route|NAT/)
    expect(closedPathLabel("closed by ReplaceNetworkAclEntry on acl-1")).toMatch(/network ACL/)
    expect(closedPathLabel("network path to port 5432 closed (flow logs REJECT)")).toMatch(/REJECT/)
  })
})
