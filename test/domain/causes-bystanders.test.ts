/**
 * A bystander's scheduling failure is no cause (causes-bystanders.ts): beside the alert's workload
 * Pending for a shortage (Insufficient cpu/memory, a node group at max size), another namespace's
 * pod Pending only because no node matches its affinity, selector or tolerations stays evidence.
 * Kept as a cause: a second workload short of the same capacity, a bystander the alert names, a
 * placement-only pod when nothing is short.
 */
import { describe, expect, it } from "vitest"
import { bystanderIds } from "../../src/domain/causes-bystanders.js"
import type { Finding } from "../../src/domain/finding.js"
import type { AlertScope } from "../../src/domain/report-scope.js"
import { saysPlacementOnly, saysShortage } from "../../src/domain/scheduling-reasons.js"
import { causesFor, facts, numbered, type Spec } from "./causes-support.js"

const report = facts({ source: "human", cluster: "eks-tix" })

const pending = (ns: string, pod: string, message: string, severity: Spec["severity"] = "high"): Spec => ({
  agent: "eks",
  kind: "unschedulable",
  severity,
  at: "13:01",
  resource: `pod/${ns}/${pod}`,
  service: pod.replace(/(?:-[a-z0-9]{8,10})?-[a-z0-9]{5}$/, ""),
  title: `${pod.replace(/(?:-[a-z0-9]{8,10})?-[a-z0-9]{5}$/, "")}: 3 pods Pending, unschedulable — ${message}`,
})
const boxOffice = pending(
  "tickets",
  "box-office-api-6f7c8d9b5c-q2w8e",
  "0/20 nodes are available: 4 node(s) didn't match Pod's node affinity/selector, 16 Insufficient cpu.",
)
const autoscaler: Spec = {
  agent: "eks",
  kind: "autoscaler",
  severity: "medium",
  at: "13:02",
  resource: "pod/tickets/box-office-api-6f7c8d9b5c-q2w8e",
  service: "box-office-api",
  title:
    "box-office-api: cluster-autoscaler NotTriggerScaleUp — pod didn't trigger scale-up: 1 max node group size reached",
}
const rollupSelector = pending(
  "analytics",
  "nightly-rollup-zk2pq",
  "0/20 nodes are available: 20 node(s) didn't match Pod's node affinity/selector.",
)
const trainerTaint = pending(
  "ml",
  "seat-map-trainer-7d8e9f6a5b-mm4n2",
  "0/20 nodes are available: 20 node(s) had untolerated taint {dedicated: gpu}.",
)
const cited = (causes: ReturnType<typeof causesFor>) => causes.flatMap((c) => c.findings)

describe("a bystander's scheduling failure", () => {
  it("another namespace's pod with no node of its kind is no cause beside the alert's shortage", () => {
    const findings = numbered([boxOffice, autoscaler, rollupSelector])
    const causes = causesFor(report, findings)
    expect(causes[0]?.text).toMatch(/box-office-api/)
    expect(cited(causes)).not.toContain("eks#3")
    expect(causes.map((c) => c.text).join(" ")).not.toMatch(/nightly-rollup/)
  })

  it("so is one waiting for a taint it does not tolerate", () => {
    const causes = causesFor(report, numbered([trainerTaint, boxOffice, autoscaler]))
    expect(causes.map((c) => c.text).join(" ")).not.toMatch(/seat-map-trainer/)
    expect(causes[0]?.text).toMatch(/box-office-api/)
  })

  it("keeps a second workload short of the same capacity", () => {
    const resale = pending(
      "resale",
      "resale-api-5b6c7d8e9f-p0o9i",
      "0/20 nodes are available: 4 node(s) didn't match Pod's node affinity/selector, 16 Insufficient cpu.",
    )
    const causes = causesFor(report, numbered([boxOffice, autoscaler, resale]))
    expect(causes.map((c) => c.text).join(" ")).toMatch(/resale-api/)
  })

  it("keeps the bystander when the alert names it", () => {
    const named = facts({ source: "human", workload: "nightly-rollup" })
    const causes = causesFor(named, numbered([boxOffice, autoscaler, rollupSelector]))
    expect(causes[0]?.text).toMatch(/nightly-rollup/)
  })

  it("keeps a placement-only pod when nothing is short", () => {
    const causes = causesFor(report, numbered([rollupSelector]))
    expect(causes[0]?.text).toMatch(/nightly-rollup/)
  })

  it("keeps a pod in the short workload's own namespace", () => {
    const sameNs = pending(
      "tickets",
      "seat-hold-sweeper-28841-ab3cd",
      "0/20 nodes are available: 20 node(s) didn't match Pod's node affinity/selector.",
    )
    const scope: AlertScope = {
      everything: true,
      names: new Set(),
      stems: new Set(),
      namespace: null,
      node: null,
      groups: new Set(),
    }
    const [a, b, c] = numbered([boxOffice, autoscaler, sameNs])
    const subject = (f: Finding, key: string) => ({ finding: f, subject: { key, display: key, node: false } })
    if (a === undefined || b === undefined || c === undefined) throw new Error("numbered")
    expect([
      ...bystanderIds(
        [subject(a, "box-office-api"), subject(b, "box-office-api"), subject(c, "seat-hold-sweeper")],
        scope,
      ),
    ]).toEqual([])
  })

  it("reads the scheduler's words: shortage or placement only", () => {
    expect(saysShortage("0/9 nodes are available: 9 Insufficient memory.")).toBe(true)
    expect(saysShortage("pod didn't trigger scale-up: 1 max node group size reached")).toBe(true)
    expect(
      saysPlacementOnly("0/9 nodes are available: 9 node(s) didn't match pod anti-affinity rules."),
    ).toBe(true)
    expect(
      saysPlacementOnly(
        "0/9 nodes are available: 3 node(s) didn't match Pod's node affinity/selector, 6 Insufficient cpu.",
      ),
    ).toBe(false)
  })
})
