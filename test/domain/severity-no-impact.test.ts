/**
 * A stuck rollout the old pods still serve (stop 22): medium at most, unless users feel it.
 * Variants: ImagePullBackOff and ProgressDeadlineExceeded, a replicas-unavailable metric at ∞×;
 * decoys: a latency or error anomaly of the same service, a workload short of its replicas.
 */
import { describe, expect, it } from "vitest"
import { noImpactCap } from "../../src/domain/severity-no-impact.js"
import { finding } from "./build-report-support.js"

const pull = finding("eks", {
  id: "eks#1",
  kind: "image_pull",
  title: "router: container app ImagePullBackOff in 1/4 pods",
  detail: "The kubelet cannot pull … not found. 3/3 replicas ready.",
  severity: "medium",
  service: "router",
})
const stuck = finding("eks", {
  id: "eks#2",
  kind: "rollout_stuck",
  title: "router: rollout to revision 9 stuck",
  detail: "ProgressDeadlineExceeded. 5/5 replicas ready.",
  severity: "medium",
  service: "router",
})
const unavailable = finding("prometheus", {
  id: "prometheus#1",
  kind: "metric_anomaly",
  title: "router kube_deployment_status_replicas_unavailable 1 vs 0 baseline (∞×)",
  severity: "high",
  service: "router",
})

describe("noImpactCap", () => {
  it("caps a stuck rollout serving every replica at medium (image pull, deadline exceeded)", () => {
    expect(noImpactCap("high", [pull, unavailable], [pull, unavailable])).toBe("medium")
    expect(noImpactCap("critical", [stuck, unavailable], [stuck, unavailable])).toBe("medium")
  })

  it("leaves medium and below alone", () => {
    expect(noImpactCap("low", [pull], [pull])).toBe("low")
  })

  it("decoy: latency or errors of the same service show impact", () => {
    const latency = finding("prometheus", {
      id: "prometheus#2",
      kind: "metric_anomaly",
      title: "router latency (http_request_duration_seconds:p99) 4 s vs 200 ms",
      severity: "high",
      service: "router",
    })
    const errors = finding("cloudwatch_logs", {
      id: "cloudwatch_logs#1",
      kind: "log_signature",
      title: "router: upstream error 502 (×400)",
      severity: "high",
      service: "router",
    })
    expect(noImpactCap("high", [pull, unavailable], [pull, unavailable, latency])).toBe("high")
    expect(noImpactCap("high", [stuck, unavailable], [stuck, unavailable, errors])).toBe("high")
    // Another service's errors say nothing about this one's users.
    expect(noImpactCap("high", [pull], [pull, { ...errors, service: "billing" }])).toBe("medium")
  })

  it("decoy: a workload short of its desired replicas, or no stuck rollout at all", () => {
    const short = { ...stuck, detail: "ProgressDeadlineExceeded. 2/5 replicas ready." }
    expect(noImpactCap("high", [short, unavailable], [short, unavailable])).toBe("high")
    const crash = { ...pull, kind: "crash_loop" }
    expect(noImpactCap("high", [crash, unavailable], [crash, unavailable])).toBe("high")
  })
})
