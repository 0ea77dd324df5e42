/**
 * The namespaces the in-scope pods' own lines reach into, read from in-cluster service DNS names,
 * most named first, a few at most, never one already read.
 */
import { describe, expect, it } from "vitest"
import { dependencyNamespaces } from "../../../src/agents/eks/dependency-namespaces.js"

describe("dependencyNamespaces", () => {
  it("reads the namespace of every service DNS name, most named first, capped, not the known ones", () => {
    const lines = [
      "ERROR upstream http://recommendations.reco.svc.cluster.local:8080/v2/recs 503",
      "ERROR upstream http://recommendations.reco.svc.cluster.local:8080/v2/recs 503",
      "WARN slow call to payments-api.payments.svc:9090",
      "INFO cache at redis.shop.svc.cluster.local:6379",
      "ERROR ledger.finance.svc.cluster.local: connection refused",
      "see https://docs.example.com/svc/help (not a service name)",
    ]
    expect(dependencyNamespaces(lines, ["shop"])).toEqual(["reco", "finance"])
    expect(dependencyNamespaces(lines, ["shop"], 3)).toEqual(["reco", "finance", "payments"])
    expect(dependencyNamespaces(["no names here"], [])).toEqual([])
  })
})
