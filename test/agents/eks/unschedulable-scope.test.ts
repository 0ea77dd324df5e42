/**
 * An alert the cluster-autoscaler raises about pods it cannot place (scoping.ts) names the
 * autoscaler, not them: the workloads with Pending pods on no node are in scope. Not: a running
 * workload beside them, nor any of them when the alert names a workload of its own.
 */
import { describe, expect, it } from "@effect/vitest"
import { alertTerms } from "../../../src/agents/eks/relevance.js"
import { aboutUnschedulablePods, scopeWorkloads } from "../../../src/agents/eks/scoping.js"
import { buildWorkloads, emptySnapshot } from "../../../src/agents/eks/workloads.js"
import { extractFacts } from "../../../src/domain/alert-facts.js"
import { defaultConfig } from "../../../src/domain/config.js"
import { deployment, pod, replicaSet, running } from "./fixtures/objects.js"

const terms = (text: string) => alertTerms(extractFacts(text, defaultConfig.severity.labels))

const world = {
  ...emptySnapshot,
  deployments: [
    deployment({ name: "frame-encoder", namespace: "render" }),
    deployment({ name: "asset-index", namespace: "render" }),
  ],
  replicaSets: [
    replicaSet({
      name: "frame-encoder-6c9f7d8b4",
      deployment: "frame-encoder",
      namespace: "render",
      revision: 3,
    }),
    replicaSet({
      name: "asset-index-7f6d5c4b3",
      deployment: "asset-index",
      namespace: "render",
      revision: 1,
    }),
  ],
  pods: [
    pod({
      name: "frame-encoder-6c9f7d8b4-q7x2m",
      namespace: "render",
      phase: "Pending",
      owner: { kind: "ReplicaSet", name: "frame-encoder-6c9f7d8b4" },
    }),
    pod({
      name: "asset-index-7f6d5c4b3-k2p9d",
      namespace: "render",
      node: "ip-10-4-1-9",
      owner: { kind: "ReplicaSet", name: "asset-index-7f6d5c4b3" },
      statuses: [running("app")],
    }),
  ],
}

const inScope = (text: string) =>
  scopeWorkloads(terms(text), buildWorkloads(world))
    .filter((w) => w.inScope)
    .map((w) => w.name)

describe("an autoscaler's alert about pods it cannot place", () => {
  it("names the workloads whose pods wait on no node, by job label or by rule name", () => {
    expect(
      aboutUnschedulablePods(terms("[FIRING:1] ClusterAutoscalerUnschedulablePods job: cluster-autoscaler")),
    ).toBe(true)
    expect(
      inScope("[FIRING:1] ClusterAutoscalerUnschedulablePods (eks-render) job: cluster-autoscaler"),
    ).toEqual(["frame-encoder"])
    expect(inScope("[FIRING:1] KarpenterPodsPending service: karpenter")).toEqual(["frame-encoder"])
  })

  it("decoys: an alert naming its own workload, or not about scheduling", () => {
    expect(inScope("[FIRING:1] KubePodNotReady deployment: asset-index")).toEqual(["asset-index"])
    expect(aboutUnschedulablePods(terms("[FIRING:1] KubeNodeNotReady node: ip-10-4-1-9"))).toBe(false)
  })
})
