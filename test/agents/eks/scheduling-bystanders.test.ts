/**
 * A report naming nothing puts every failing workload in scope; beside one Pending for a shortage
 * (Insufficient cpu), a workload in another namespace Pending only for its affinity/selector or
 * an untolerated taint is a bystander, rated low (scheduling-bystanders.ts). Kept in scope: one
 * short of the same capacity, one the alert names, one in the short workload's namespace, and a
 * placement-only pod when nothing is short.
 */
import { describe, expect, it } from "@effect/vitest"
import { analyze } from "../../../src/agents/eks/analyze.js"
import type { ClusterSnapshot } from "../../../src/agents/eks/workloads.js"
import { ctx, deployment, event, pod, replicaSet, scoped } from "./fixtures/objects.js"

const unschedulable = [{ type: "PodScheduled", status: "False", reason: "Unschedulable" }]
const shortOfCpu =
  "0/20 nodes are available: 4 node(s) didn't match Pod's node affinity/selector, 16 Insufficient cpu."

/** A Deployment of `ns` with one running and two Pending pods the scheduler says `message` about. */
const waitingWorkload = (ns: string, name: string, message: string): Partial<ClusterSnapshot> => {
  const rs = `${name}-6b7c8d9f5`
  const owner = { kind: "ReplicaSet", name: rs }
  return {
    deployments: [deployment({ name, namespace: ns, replicas: 3, ready: 1 })],
    replicaSets: [replicaSet({ name: rs, namespace: ns, deployment: name, revision: 1 })],
    pods: ["aaaaa", "bbbbb"].map((p) =>
      pod({
        name: `${rs}-${p}`,
        namespace: ns,
        owner,
        phase: "Pending",
        statuses: [],
        conditions: unschedulable,
      }),
    ),
    events: [
      event({
        kind: "Pod",
        name: `${rs}-aaaaa`,
        namespace: ns,
        reason: "FailedScheduling",
        message,
        count: 9,
      }),
    ],
  }
}

const merged = (...parts: ReadonlyArray<Partial<ClusterSnapshot>>): Partial<ClusterSnapshot> => ({
  deployments: parts.flatMap((p) => p.deployments ?? []),
  replicaSets: parts.flatMap((p) => p.replicaSets ?? []),
  pods: parts.flatMap((p) => p.pods ?? []),
  events: parts.flatMap((p) => p.events ?? []),
})

/** Every workload in scope, as a report naming nothing makes them; `named` scored as the alert's. */
const severities = (snapshot: Partial<ClusterSnapshot>, named: ReadonlyArray<string> = []) => {
  const { findings } = analyze({
    workloads: scoped(snapshot).map((w) => ({ ...w, relevance: named.includes(w.name) ? 100 : 0 })),
    nodes: [],
    alertNode: null,
    events: snapshot.events ?? [],
    logs: new Map(),
    ctx,
  })
  const worst = new Map<string, string>()
  for (const f of findings.filter((x) => x.kind === "unschedulable")) worst.set(f.service ?? "", f.severity)
  return Object.fromEntries(worst)
}

const checkout = waitingWorkload("shop", "checkout-web", shortOfCpu)

describe("scheduling bystanders", () => {
  it("another namespace's pod with no node matching its selector is low beside a cpu shortage", () => {
    const trainer = waitingWorkload(
      "ml",
      "fraud-model-trainer",
      "0/20 nodes are available: 20 node(s) didn't match Pod's node affinity/selector.",
    )
    expect(severities(merged(checkout, trainer))).toEqual({
      "checkout-web": "high",
      "fraud-model-trainer": "low",
    })
  })

  it("so is one waiting for a taint it does not tolerate, or for pod anti-affinity", () => {
    const tainted = waitingWorkload(
      "batch",
      "invoice-renderer",
      "0/20 nodes are available: 20 node(s) had untolerated taint {dedicated: gpu}.",
    )
    const spread = waitingWorkload(
      "search",
      "index-shard",
      "0/20 nodes are available: 20 node(s) didn't match pod anti-affinity rules.",
    )
    expect(severities(merged(checkout, tainted, spread))).toEqual({
      "checkout-web": "high",
      "invoice-renderer": "low",
      "index-shard": "low",
    })
  })

  it("keeps a second workload short of the same cpu in scope", () => {
    const reports = waitingWorkload("finance", "report-builder", shortOfCpu)
    expect(severities(merged(checkout, reports))).toEqual({
      "checkout-web": "high",
      "report-builder": "high",
    })
  })

  it("keeps the bystander when the alert names it, or when it shares the short workload's namespace", () => {
    const trainer = waitingWorkload(
      "ml",
      "fraud-model-trainer",
      "0/20 nodes are available: 20 node(s) didn't match Pod's node affinity/selector.",
    )
    expect(severities(merged(checkout, trainer), ["fraud-model-trainer"])["fraud-model-trainer"]).toBe("high")
    const neighbour = waitingWorkload(
      "shop",
      "basket-sweeper",
      "0/20 nodes are available: 20 node(s) didn't match Pod's node affinity/selector.",
    )
    expect(severities(merged(checkout, neighbour))["basket-sweeper"]).toBe("high")
  })

  it("keeps a placement-only pod when nothing is short", () => {
    const trainer = waitingWorkload(
      "ml",
      "fraud-model-trainer",
      "0/20 nodes are available: 20 node(s) didn't match Pod's node affinity/selector.",
    )
    expect(severities(trainer)).toEqual({ "fraud-model-trainer": "high" })
  })
})
