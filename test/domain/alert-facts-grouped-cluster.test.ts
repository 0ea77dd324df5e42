/**
 * Which value of a Grafana/Alertmanager title group is the Kubernetes cluster: not a value another
 * label states (`service = listing-search` grouped with the namespace), and not the `cluster` of
 * an alert about a data system (`OpenSearchClusterRed`, `cluster = listings-os`). Decoys: a real
 * `cluster namespace` group and a Kubernetes cluster label on a data-system alert keep the cluster.
 */
import { describe, expect, it } from "@effect/vitest"
import { extractFacts } from "../../src/domain/alert-facts.js"
import { defaultConfig } from "../../src/domain/config.js"

const facts = (text: string) => extractFacts(text, defaultConfig.severity.labels)

const grafana = (title: string, labels: ReadonlyArray<string>) =>
  `*[FIRING:1] ${title}*\n*Firing*\nValue: B=2.41\nLabels:\n${labels.map((l) => ` - ${l}`).join("\n")}\n`

describe("grouped title values another label claims", () => {
  const variants: ReadonlyArray<[string, string]> = [
    ["service", "listing-search"],
    ["app", "checkout-web"],
    ["job", "quote-engine"],
  ]
  for (const [key, value] of variants) {
    it(`${key} = ${value} is not the cluster`, () => {
      const f = facts(
        grafana(`LatencyHigh Search (${value} search)`, [
          "alertname = LatencyHigh",
          "namespace = search",
          `${key} = ${value}`,
        ]),
      )
      expect(f.cluster).toBeNull()
      expect(f.namespace).toBe("search")
    })
  }

  it("decoy: a cluster-looking group value nothing else claims is the cluster", () => {
    const f = facts(
      grafana("LatencyHigh (eks-prod search)", ["alertname = LatencyHigh", "namespace = search"]),
    )
    expect(f.cluster).toBe("eks-prod")
  })
})

describe("the cluster of a data-system alert", () => {
  const variants: ReadonlyArray<[string, string]> = [
    ["OpenSearchClusterRed", "listings-os"],
    ["KafkaClusterUnderReplicatedPartitions", "orders-stream"],
    ["RedisClusterDown", "sessions"],
  ]
  for (const [alert, cluster] of variants) {
    it(`${alert} with cluster = ${cluster} names no Kubernetes cluster`, () => {
      const f = facts(
        grafana(`${alert} (${cluster} search)`, [
          `alertname = ${alert}`,
          `cluster = ${cluster}`,
          "namespace = search",
        ]),
      )
      expect(f.cluster).toBeNull()
    })
  }

  it("decoys: a Kubernetes cluster label on a data-system alert, a cluster label on another alert", () => {
    const onData = facts(
      grafana("OpenSearchClusterRed (eks-prod search)", [
        "alertname = OpenSearchClusterRed",
        "cluster = eks-prod",
        "namespace = search",
      ]),
    )
    expect(onData.cluster).toBe("eks-prod")
    const plain = facts(
      grafana("PodCrashLooping (prod-west search)", [
        "alertname = PodCrashLooping",
        "cluster = prod-west",
        "namespace = search",
      ]),
    )
    expect(plain.cluster).toBe("prod-west")
  })
})
