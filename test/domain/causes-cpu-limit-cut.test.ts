/**
 * CPU throttling behind probe kills, and the lowered CPU limit behind the throttling: the
 * liveness kills join the throttling (one cause naming both); a CPU limit cut hours before the
 * alert is the change it followed, while an older image rollout, a raised limit, or a limit
 * cut with no throttling to explain are not laid at its door.
 */
import { describe, expect, it } from "vitest"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const ledgerFacts = facts({ alertName: "LedgerLatencyHigh", namespace: "payments", workload: "ledger-api" })

const kills: Spec = {
  agent: "eks",
  kind: "probe_failure",
  severity: "critical",
  at: "12:58",
  resource: "pod/payments/ledger-api-6f8d7-abcde",
  service: "ledger-api",
  title:
    "ledger-api: container app killed by the kubelet after failed liveness probes in 3/3 pods (Error, exit 137), 12 restarts",
  excerpt: 'Liveness probe failed: Get "http://10.1.2.3:8080/healthz": context deadline exceeded',
}
const throttled: Spec = {
  agent: "prometheus",
  kind: "metric_anomaly",
  severity: "high",
  at: null,
  resource: "metric/ledger-api/container_cpu_cfs_throttled_periods_total",
  service: "ledger-api",
  title: "ledger-api CPU throttled in 84% of CFS periods (at its CPU limit)",
}
const change = (at: string, what: string): Spec => ({
  agent: "eks",
  kind: what.startsWith("image") ? "rollout" : "config_change",
  severity: "info",
  at,
  resource: "deployment/payments/ledger-api",
  service: "ledger-api",
  title: `ledger-api: config change revision 40 → 41 at ${at}:00Z (${what})`,
  detail: `${what}; revision 40 → 41 at ${at}:00Z.`,
})

describe("CPU throttling behind probe kills", () => {
  it("one cause naming the throttling and the kills", () => {
    const [top] = causesFor(ledgerFacts, numbered([kills, throttled]))
    expect(top?.text).toMatch(/CPU throttling/)
    expect(top?.text).toMatch(/liveness/)
    expect(top?.text).toContain("ledger-api")
  })

  it("follows a CPU limit cut made hours before the alert", () => {
    const [top] = causesFor(ledgerFacts, numbered([kills, throttled, change("03:10", "cpu limit 2 → 500m")]))
    expect(top?.text).toMatch(/^config change of ledger-api at 03:10/)
    expect(top?.text).toMatch(/CPU throttling/)
  })

  it("not a raised limit or an image rollout that old, nor a cut with no throttling", () => {
    for (const old of [change("03:10", "cpu limit 500m → 2"), change("03:10", "image v1.4.0 → v1.5.0")]) {
      const [top] = causesFor(ledgerFacts, numbered([kills, throttled, old]))
      expect(top?.text).not.toMatch(/^config change|^rollout/)
    }
    const [top] = causesFor(ledgerFacts, numbered([kills, change("03:10", "cpu limit 2 → 500m")]))
    expect(top?.text).not.toMatch(/CPU throttling|03:10/)
  })
})
