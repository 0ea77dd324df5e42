/**
 * A node's own kernel network limits in the kernel's words (conntrack, neighbour table, socket
 * memory), and the node a host log line comes from (its stream, else its syslog host).
 */
import { describe, expect, it } from "@effect/vitest"
import {
  hostOfLine,
  nodeNetworkLimitFilter,
  nodeNetworkLimitOf,
  nodeNetworkLimitWords,
} from "../../src/domain/node-network-limits.js"

describe("nodeNetworkLimitOf", () => {
  it.each([
    ["[Fri Apr  9 11:03:47 2027] nf_conntrack: nf_conntrack: table full, dropping packet", "conntrack"],
    ["Jan  7 02:57:48 ip-10-70-21-9 kernel: nf_conntrack: table full, dropping packet", "conntrack"],
    ["kernel: [381223.120] ip_conntrack: table full, dropping packet.", "conntrack"],
    ["ip-10-1-2-3: conntrack table full (100%)", "conntrack"],
    ["kernel: neighbour: arp_cache: neighbor table overflow!", "neighbour"],
    ["kernel: [ 912.3] neighbour table overflow", "neighbour"],
    ["kernel: TCP: out of memory -- consider tuning tcp_mem", "socket_memory"],
    ["kernel: Out of socket memory", "socket_memory"],
    ["kernel: TCP: too many orphaned sockets", "socket_memory"],
  ])("%s → %s", (line, limit) => {
    expect(nodeNetworkLimitOf(line)?.limit).toBe(limit)
    expect(nodeNetworkLimitWords.test(line)).toBe(true)
  })

  it.each([
    "kernel: net_ratelimit: 212 callbacks suppressed",
    "conntrack entries 41220 of 131072",
    "Memory cgroup out of memory: Killed process 4242 (java)",
    "redis: OOM command not allowed when used memory > 'maxmemory'",
    "the lookup table is full of stale keys",
  ])("no limit in %s", (line) => {
    expect(nodeNetworkLimitOf(line)).toBeNull()
  })

  it("the Logs Insights filter is one case-insensitive regex literal", () => {
    expect(nodeNetworkLimitFilter).toMatch(/^\/\(\?i\)\(.+\)\/$/)
  })
})

describe("hostOfLine", () => {
  it("the node a Container Insights host stream names, whatever the shipper appends", () => {
    expect(hostOfLine("ip-10-80-5-33.ap-south-1.compute.internal-dmesg", "x")).toBe(
      "ip-10-80-5-33.ap-south-1.compute.internal",
    )
    expect(hostOfLine("ip-10-70-21-9.ec2.internal.host.messages", "x")).toBe("ip-10-70-21-9.ec2.internal")
    expect(hostOfLine("host.dmesg-ip-10-1-2-3.eu-west-1.compute.internal", "x")).toBe(
      "ip-10-1-2-3.eu-west-1.compute.internal",
    )
    expect(hostOfLine("worker-7.syslog", "x")).toBe("worker-7")
  })

  it("else the host a syslog line names before `kernel:`", () => {
    expect(
      hostOfLine("i-0abc123/messages/x", "Jan  7 02:57:48 ip-10-70-21-9 kernel: nf_conntrack: table full"),
    ).toBe("ip-10-70-21-9")
    expect(hostOfLine("stream-1", "2027-01-07T02:57:48+00:00 node-a kernel: neighbour table overflow")).toBe(
      "node-a",
    )
  })

  it("no node when neither says one", () => {
    expect(hostOfLine("checkout-api-5b7c9d2f64-7pd2x_shop_api-8a7b", "level=error msg=timeout")).toBeNull()
  })
})
