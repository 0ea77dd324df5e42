/**
 * Pods that cannot start for their spec's configuration (waiting-pods-sweep.ts): a workload's
 * pods waiting in CreateContainerConfigError or InvalidImageName inside the window are one
 * finding per workload and reason, whatever the labels' workload names; a pod that waited
 * before the window and started since, or a series at 0, is not.
 */
import { describe, expect, it } from "vitest"
import { waitingFindings, waitingPods } from "../../../src/agents/prometheus/waiting-pods-sweep.js"

const start = Date.parse("2031-03-02T10:30:00Z")
const min = 60_000
const series = (
  pod: string,
  reason: string,
  points: ReadonlyArray<readonly [number, number]>,
  ns = "media",
) => ({
  labels: {
    __name__: "kube_pod_container_status_waiting_reason",
    namespace: ns,
    pod,
    container: "app",
    reason,
  },
  samples: points.map(([m, v]) => ({ t: start + m * min, v })),
})

describe("waiting pods", () => {
  it("two pods of a Deployment and a StatefulSet's pod: one finding per workload and reason, dated in the window", () => {
    const waiting = waitingPods(
      [
        series("poster-render-6f7c9d8b5d-p4wq7", "CreateContainerConfigError", [
          [-8, 1],
          [0, 1],
          [20, 1],
        ]),
        series("poster-render-58d4b7f9c6-k2j8x", "CreateContainerConfigError", [
          [15, 1],
          [20, 1],
        ]),
        series(
          "ledger-db-0",
          "InvalidImageName",
          [
            [5, 1],
            [25, 1],
          ],
          "ledger",
        ),
      ],
      start,
    )
    const findings = waitingFindings(waiting, null, start)
    expect(findings.map((f) => [f.service, f.severity])).toEqual([
      ["poster-render", "high"],
      ["ledger-db", "high"],
    ])
    expect(findings[0]?.title).toBe(
      "poster-render: 2 pods waiting in CreateContainerConfigError (container app) since 10:22 UTC",
    )
    expect(findings[0]?.detail).toContain("ConfigMap")
    expect(findings[0]?.observedAt?.epochMillis).toBe(start)
  })
  it("decoys: a pod that waited only before the window, and a series at 0, say nothing", () => {
    const waiting = waitingPods(
      [
        series("quote-api-7d9f8c6b5-abcde", "CreateContainerConfigError", [
          [-30, 1],
          [-20, 0],
          [10, 0],
        ]),
        series("quote-api-7d9f8c6b5-fghjk", "CreateContainerError", [
          [0, 0],
          [10, 0],
        ]),
      ],
      start,
    )
    expect(waitingFindings(waiting, null, start)).toEqual([])
  })
})
