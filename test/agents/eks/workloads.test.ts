/**
 * Pods belong to their controller through ownerReferences; a pod recorded without them (an
 * export, a hand-written manifest) still belongs to the Deployment it is named and labelled as,
 * never to one whose name it merely starts with.
 */
import { describe, expect, it } from "@effect/vitest"
import { buildWorkloads, emptySnapshot } from "../../../src/agents/eks/workloads.js"
import { deployment, pod, running } from "./fixtures/objects.js"

describe("buildWorkloads without ownerReferences", () => {
  it("groups `<deployment>-<hash>-<suffix>` pods with the template's labels under the Deployment", () => {
    const pods = ["b2k9q", "h6t3r"].map((sfx) =>
      pod({
        name: `thumbnail-worker-7f8e9d6c5-${sfx}`,
        labels: { app: "thumbnail-worker", "pod-template-hash": "7f8e9d6c5" },
        statuses: [running("worker")],
      }),
    )
    const workloads = buildWorkloads({
      ...emptySnapshot,
      deployments: [deployment({ name: "thumbnail-worker", replicas: 3, ready: 2 })],
      pods,
    })
    expect(workloads.map((w) => [w.kind, w.name, w.pods.length])).toEqual([
      ["Deployment", "thumbnail-worker", 2],
    ])
  })

  it("a pod of another name stays a pod of its own", () => {
    const other = pod({
      name: "thumbnail-worker-v2-7f8e9d6c5-b2k9q",
      labels: {},
      statuses: [running("worker")],
    })
    const workloads = buildWorkloads({
      ...emptySnapshot,
      deployments: [deployment({ name: "thumbnail-worker", replicas: 1, ready: 1 })],
      pods: [other],
    })
    expect(workloads.map((w) => [w.kind, w.name])).toEqual([
      ["Deployment", "thumbnail-worker"],
      ["Pod", "thumbnail-worker-v2-7f8e9d6c5-b2k9q"],
    ])
  })
})

describe("buildWorkloads with a ReplicaSet owner that was not recorded", () => {
  it("names the Deployment from the ReplicaSet's name without the pods' template hash", () => {
    const pods = ["b2k9q", "h6t3r"].map((sfx) =>
      pod({
        name: `journey-planner-5d7f9b8c6d-${sfx}`,
        owner: { kind: "ReplicaSet", name: "journey-planner-5d7f9b8c6d" },
        labels: { app: "journey-planner", "pod-template-hash": "5d7f9b8c6d" },
        statuses: [running("app")],
      }),
    )
    const alone = buildWorkloads({ ...emptySnapshot, pods })
    expect(alone.map((w) => [w.kind, w.name, w.pods.length])).toEqual([["Deployment", "journey-planner", 2]])
    // With the Deployment recorded, the pods join it.
    const withDeployment = buildWorkloads({
      ...emptySnapshot,
      deployments: [deployment({ name: "journey-planner", replicas: 2, ready: 2 })],
      pods,
    })
    expect(withDeployment.map((w) => [w.kind, w.name, w.pods.length])).toEqual([
      ["Deployment", "journey-planner", 2],
    ])
  })
})
