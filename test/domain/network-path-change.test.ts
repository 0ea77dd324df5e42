/**
 * A network path closed by a change (network-path-change.ts): a revoked security-group rule before
 * Postgres timeouts, a network ACL entry before Redis timeouts, flow-log REJECTs alone, and the
 * refused-login rule; decoys: a change long before, REJECTs to another port, a slow server's
 * timeouts with no change, a service's own refused login.
 */
import { describe, expect, it } from "vitest"
import {
  closedPathsOf,
  connectTimeoutOf,
  flowRejectOf,
  foreignRefusal,
  networkChangeOf,
} from "../../src/domain/network-path-change.js"

const t0 = Date.parse("2027-07-01T09:00:00Z")
const min = (m: number) => t0 + m * 60_000
const revoke = (port: number, peer: string) =>
  JSON.stringify({
    eventName: "RevokeSecurityGroupIngress",
    userIdentity: { arn: "arn:aws:sts::1:assumed-role/tf-apply/ci" },
    requestParameters: {
      groupId: "sg-0db",
      ipPermissions: {
        items: [
          {
            ipProtocol: "tcp",
            fromPort: port,
            toPort: port,
            groups: { items: [{ groupId: "sg-0app", description: peer }] },
          },
        ],
      },
    },
  })

describe("parsers", () => {
  it("reads a revoked rule, an ACL entry, and skips an Authorize", () => {
    const c = networkChangeOf(revoke(5432, "ledger-svc tasks"), min(0))
    expect(c).toMatchObject({
      eventName: "RevokeSecurityGroupIngress",
      target: "sg-0db",
      ports: [[5432, 5432]],
      by: "tf-apply/ci",
    })
    expect(c?.peers).toEqual(["sg-0app (ledger-svc tasks)"])
    const acl = networkChangeOf(
      JSON.stringify({
        eventName: "ReplaceNetworkAclEntry",
        requestParameters: { networkAclId: "acl-9", portRange: { from: 6379, to: 6379 } },
      }),
      min(0),
    )
    expect(acl).toMatchObject({ target: "acl-9", ports: [[6379, 6379]] })
    expect(networkChangeOf(revoke(5432, "x").replace("Revoke", "Authorize"), min(0))).toBeNull()
  })
  it("reads timeouts in Go, Node and JDBC wordings", () => {
    expect(connectTimeoutOf("dial tcp 10.1.2.3:5432: i/o timeout")).toEqual({ host: "10.1.2.3", port: 5432 })
    expect(connectTimeoutOf("Error: connect ETIMEDOUT 10.9.8.7:6379")).toEqual({
      host: "10.9.8.7",
      port: 6379,
    })
    expect(
      connectTimeoutOf(
        'could not connect to server: Connection timed out. Is the server running on host "db.internal" and accepting TCP/IP connections on port 5432?',
      )?.port,
    ).toBe(5432)
    expect(connectTimeoutOf("password authentication failed")).toBeNull()
  })
  it("reads a flow log REJECT", () => {
    expect(flowRejectOf("2 1 eni-1 10.0.1.5 10.0.2.9 51022 5432 6 3 180 1 2 REJECT OK")).toEqual({
      dst: "10.0.2.9",
      port: 5432,
    })
    expect(flowRejectOf("2 1 eni-1 10.0.1.5 10.0.2.9 51022 5432 6 3 180 1 2 ACCEPT OK")).toBeNull()
  })
})

describe("closedPathsOf", () => {
  const to = (port: number) => ({ host: "10.0.2.9", port })
  it("ties timeouts to the revoked rule naming the service, before another revoke", () => {
    const [p] = closedPathsOf(
      [
        { service: "ledger-svc", atMs: min(10), t: to(5432) },
        { service: "ledger-svc", atMs: min(12), t: to(5432) },
        { service: "cron-batch", atMs: min(11), t: to(5432) },
      ],
      [
        networkChangeOf(revoke(5432, "ledger-svc tasks"), min(2)),
        networkChangeOf(revoke(5432, "cron-batch tasks"), min(3)),
      ].flatMap((c) => (c === null ? [] : [c])),
      [],
    )
    expect(p?.services.map((s) => s.name)).toEqual(["ledger-svc", "cron-batch"])
    expect(p?.change?.peers).toEqual(["sg-0app (ledger-svc tasks)"])
  })
  it("takes flow-log REJECTs to the port alone", () => {
    const paths = closedPathsOf(
      [{ service: "cache-reader", atMs: min(5), t: to(6379) }],
      [],
      [{ port: 6379, atMs: min(5) }],
    )
    expect(paths.map((p) => [p.port, p.change, p.rejects])).toEqual([[6379, null, 1]])
  })
  it("decoys: a change long before, REJECTs to another port, timeouts with no change", () => {
    const old = networkChangeOf(revoke(5432, "ledger-svc tasks"), min(-240))
    expect(
      closedPathsOf([{ service: "ledger-svc", atMs: min(10), t: to(5432) }], old === null ? [] : [old], []),
    ).toEqual([])
    expect(
      closedPathsOf(
        [{ service: "ledger-svc", atMs: min(10), t: to(5432) }],
        [],
        [{ port: 22, atMs: min(9) }],
      ),
    ).toEqual([])
    expect(closedPathsOf([{ service: "ledger-svc", atMs: min(10), t: to(5432) }], [], [])).toEqual([])
  })
})

describe("foreignRefusal", () => {
  it("another user's refused login is foreign; the service's own is not", () => {
    expect(foreignRefusal('FATAL: password authentication failed for user "metabase"', ["ledger-svc"])).toBe(
      true,
    )
    expect(foreignRefusal("Access denied for user 'ledger'@'10.0.1.5'", ["ledger-svc"])).toBe(false)
    expect(foreignRefusal("ERROR order failed", ["ledger-svc"])).toBe(false)
  })
})
