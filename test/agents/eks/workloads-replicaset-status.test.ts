/**
 * Stop 24: a ReplicaSet recorded without its Deployment (no ownerReferences) whose pods are only
 * partly listed (one pod an event named) is as ready as its own status says: the controller counts
 * every pod, a partial pod list does not. Variants: all ready, some ready, a StatefulSet-sized
 * set. Decoy: a ReplicaSet that states no status is counted from the pods listed, as before.
 */
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { buildWorkloads, emptySnapshot } from "../../../src/agents/eks/workloads.js"
import { ReplicaSet } from "../../../src/domain/kubernetes-workloads.js"
import { pod, running, waiting } from "./fixtures/objects.js"

/** A ReplicaSet with no owner recorded: it stays a workload of its own. */
const orphanSet = (name: string, replicas: number, readyReplicas?: number): ReplicaSet =>
  Schema.decodeUnknownSync(ReplicaSet)({
    metadata: { name, namespace: "shop", uid: `uid-${name}` },
    spec: { replicas },
    ...(readyReplicas === undefined ? {} : { status: { replicas, readyReplicas } }),
  })

const podOf = (set: string, sfx: string, ready: boolean) =>
  pod({
    name: `${set}-${sfx}`,
    owner: { kind: "ReplicaSet", name: set },
    labels: { app: set.replace(/-[a-z0-9]+$/, "") },
    statuses: [ready ? running("api") : waiting("api", "ContainerCreating")],
  })

describe("a ReplicaSet's own ready count over a partial pod list", () => {
  for (const [name, replicas, ready, listedReady] of [
    ["photo-intake-68d4c7b5f9", 6, 6, false],
    ["quote-engine-7c5b9d8f4", 4, 2, true],
    ["ledger-sync-5f6d7c8b9", 3, 3, true],
  ] as const)
    it(`${name}: ${ready}/${replicas}`, () => {
      const [w] = buildWorkloads({
        ...emptySnapshot,
        replicaSets: [orphanSet(name, replicas, ready)],
        pods: [podOf(name, "k2q8r", listedReady)],
      })
      expect([w?.kind, w?.name, w?.desired, w?.ready]).toEqual(["ReplicaSet", name, replicas, ready])
    })

  it("decoy: a ReplicaSet with no status is counted from its listed pods", () => {
    const name = "photo-intake-68d4c7b5f9"
    const [w] = buildWorkloads({
      ...emptySnapshot,
      replicaSets: [orphanSet(name, 6)],
      pods: [podOf(name, "k2q8r", false), podOf(name, "m7x3z", true)],
    })
    expect([w?.desired, w?.ready]).toEqual([6, 1])
  })
})
