/**
 * Istio's request-metric labels (`source_workload`, `destination_workload`) in an alert: the
 * caller is the subject, its callee a dependency; a plain `workload` label still wins.
 */
import { describe, expect, it } from "@effect/vitest"
import { extractFacts } from "../../src/domain/alert-facts.js"
import { defaultConfig } from "../../src/domain/config.js"

const facts = (text: string) => extractFacts(text, defaultConfig.severity.labels)

describe("Istio labels in alert facts", () => {
  it("reads the source workload as the subject and the destination as a dependency", () => {
    const f = facts(
      [
        "[FIRING:1] MeshCallErrors (prod-eu search-api)",
        " - alertname = MeshCallErrors",
        " - source_workload = search-api",
        " - source_workload_namespace = catalog",
        " - destination_workload = ranker",
        " - destination_service_name = ranker",
        " - response_code = 503",
      ].join("\n"),
    )
    expect([f.service, f.namespace, f.dependencies]).toEqual(["search-api", "catalog", ["ranker"]])
  })

  it("keeps an explicit namespace and workload before Istio's source labels", () => {
    const f = facts(
      [
        "[FIRING:1] HighErrors",
        " - alertname = HighErrors",
        " - namespace = billing",
        " - deployment = billing-gw",
        " - source_workload = istio-ingressgateway",
        " - source_workload_namespace = istio-system",
      ].join("\n"),
    )
    expect([f.workload, f.namespace]).toEqual(["billing-gw", "billing"])
  })
})
