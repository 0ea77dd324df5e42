/**
 * A node with no IP for a pod in the VPC CNI's words: the subnet out of addresses, the node at
 * its ENI limit, its warm pool empty — and the subnet a line names. Not: healthy ipamd lines,
 * other "no available" words, an allow-list of IPs.
 */
import { describe, expect, it } from "@effect/vitest"
import {
  podIpShortageFilter,
  podIpShortageOf,
  podIpShortageWords,
  shortageRank,
} from "../../src/domain/pod-ip-shortage.js"

describe("podIpShortageOf", () => {
  it.each([
    [
      `{"level":"error","msg":"Failed to increase pool size due to not able to allocate ENI AllocateENI: error assigning private IP addresses: InsufficientFreeAddressesInSubnet: There are not enough free addresses in subnet 'subnet-0f9e8d7c6b5a41234' to satisfy the requested number of instances."}`,
      "subnet",
      "subnet-0f9e8d7c6b5a41234",
    ],
    [
      "ipamd: failed to allocate a private IP/Prefix address: InsufficientCidrBlocks: The specified subnet does not have enough free cidr blocks to satisfy the request.",
      "subnet",
      null,
    ],
    ["error: subnet subnet-1234abcd has no free IP addresses left", "subnet", "subnet-1234abcd"],
    [
      "AttachNetworkInterface: AttachmentLimitExceeded: Interface count 4 exceeds the limit for m5.large",
      "node_limit",
      null,
    ],
    [
      "AssignPrivateIpAddresses: PrivateIpAddressLimitExceeded: Number of private addresses will exceed limit",
      "node_limit",
      null,
    ],
    ["Skipping ENI allocation as the max ENI limit is already reached", "node_limit", null],
    [
      `{"level":"error","caller":"datastore/data_store.go:721","msg":"AssignPodIPv4Address: no available IP/Prefix addresses"}`,
      "pool_empty",
      null,
    ],
    ["AssignIPv4Address: no available IP addresses", "pool_empty", null],
    ["plugin.go: add cmd: failed to assign an IP address to container", "pool_empty", null],
  ])("%s", (line, shortage, subnet) => {
    const hit = podIpShortageOf(line)
    expect(hit?.shortage).toBe(shortage)
    expect(hit?.subnet).toBe(subnet)
    expect(podIpShortageWords.test(line)).toBe(true)
    // The Logs Insights filter keeps the same line.
    expect(new RegExp(podIpShortageFilter.slice(5, -1), "i").test(line)).toBe(true)
  })

  it.each([
    `{"level":"info","msg":"AddNetworkRequest: K8S_POD_NAME:\\"orders-7d9\\" K8S_POD_NAMESPACE:\\"shop\\""}`,
    `{"level":"debug","msg":"IP pool stats: Total IPs/Prefixes = 28/0, AssignedIPs/CooldownIPs: 9/0"}`,
    "Successfully assigned IP address 10.1.2.3 to pod",
    "please add our NAT egress IPs to the partner allow-list",
    "no available seats on flight LX318",
  ])("no shortage in %s", (line) => {
    expect(podIpShortageOf(line)).toBeNull()
  })

  it("ranks the subnet above the node limit above an empty pool", () => {
    expect(shortageRank("subnet")).toBeLessThan(shortageRank("node_limit"))
    expect(shortageRank("node_limit")).toBeLessThan(shortageRank("pool_empty"))
  })

  it("the Logs Insights filter is one case-insensitive regex literal", () => {
    expect(podIpShortageFilter).toMatch(/^\/\(\?i\)\(.+\)\/$/)
  })
})
