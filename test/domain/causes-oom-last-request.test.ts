/**
 * Stop 24: the request every OOM-killed instance died running (container-logs.ts,
 * memory-last-request.ts) joins the OOM cause and is named in it beside the kill and the memory
 * at its limit — for a web export, a worker's job and a consumer's batch alike. Decoy: a steady
 * leak's OOM (no such finding) is told as before, naming no request.
 */
import { describe, expect, it } from "vitest"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const alert = facts({ alertName: "KubePodCrashLooping", namespace: "shop", workload: "ledger-api" })

const killed: Spec = {
  agent: "eks",
  kind: "oom_killed",
  severity: "high",
  at: "13:02",
  resource: "pod/shop/ledger-api-6c9f7d8b4-q7x2m",
  service: "ledger-api",
  title: "ledger-api: container api OOMKilled in 3/3 pods (memory limit 1Gi), 6 restarts",
}
const atLimit: Spec = {
  agent: "prometheus",
  kind: "metric_anomaly",
  severity: "high",
  at: "13:01",
  resource: "metric/container_memory_working_set_bytes",
  service: "ledger-api",
  title: "ledger-api: container api working set reached 99.8% of its 1.00 GiB memory limit",
}
const midRequest = (what: string): Spec => ({
  agent: "eks",
  kind: "container_logs",
  severity: "high",
  at: "13:02",
  resource: "pod/shop/ledger-api-6c9f7d8b4-q7x2m",
  service: "ledger-api",
  title: `ledger-api: OOM-killed api containers each died mid-request ${what}`,
})

describe("the OOM cause names the request the killed containers died in", () => {
  for (const what of [
    "(rows=7100200): POST /v1/exports/batch tenant=oakline-foods export_id=ex_1",
    "(bytes=2.4GB): picked job jobId=rpt-9001 account=harbor-lines",
    "(items=880000): start batch_id=b-4411",
  ])
    it(what, () => {
      const [top] = causesFor(alert, numbered([killed, atLimit, midRequest(what)]))
      expect(top?.text).toMatch(/^OOMKilled/)
      expect(top?.text).toContain("died mid-request")
      expect(top?.text).toContain(what.slice(0, 20))
    })

  it("decoy: a leak's OOM names no request", () => {
    const [top] = causesFor(alert, numbered([killed, atLimit]))
    expect(top?.text).toMatch(/^OOMKilled/)
    expect(top?.text).not.toContain("mid-request")
  })
})
