/**
 * An autoscaler's alert about pods it cannot place is about those pods' workloads
 * (causes-unscheduled.ts): the cluster-autoscaler or Karpenter it names gives way to every workload
 * with unschedulable pods. Not: an alert naming a workload, an autoscaler alert with nothing
 * unschedulable, a workload whose pods fail for another reason.
 */
import { describe, expect, it } from "vitest"
import { withUnscheduledWorkloads } from "../../src/domain/causes-unscheduled.js"
import type { AlertScope } from "../../src/domain/report-scope.js"
import { finding } from "./build-report-support.js"

const scope = (...names: ReadonlyArray<string>): AlertScope => ({
  everything: false,
  names: new Set(names),
  stems: new Set(),
  namespace: null,
  node: null,
  groups: new Set(),
})
const pending = (service: string) =>
  finding("eks", {
    title: `${service}: 3 pods Pending, unschedulable — 0/9 nodes are available: 9 Insufficient cpu`,
    kind: "unschedulable",
    service,
    resource: `pod/render/${service}-7d9c8b6f5-x2k4p`,
  })
const crashing = finding("eks", { title: "thumbs: CrashLoopBackOff", kind: "crash_loop", service: "thumbs" })

describe("withUnscheduledWorkloads", () => {
  it("the cluster-autoscaler (or Karpenter) gives way to the workloads it cannot place", () => {
    expect([
      ...withUnscheduledWorkloads(scope("cluster-autoscaler"), [pending("frame-encoder"), crashing]).names,
    ]).toEqual(["frame-encoder"])
    expect([
      ...withUnscheduledWorkloads(scope("karpenter"), [pending("etl-runner"), pending("ml-trainer")]).names,
    ]).toEqual(["etl-runner", "ml-trainer"])
  })

  it("decoys: an alert naming a workload, or nothing unschedulable, is left as it is", () => {
    const named = scope("frame-encoder")
    expect(withUnscheduledWorkloads(named, [pending("ml-trainer")])).toBe(named)
    const autoscaler = scope("cluster-autoscaler")
    expect(withUnscheduledWorkloads(autoscaler, [crashing])).toBe(autoscaler)
  })
})
