/**
 * An alert whose labels name only a namespace but whose words name one workload exactly
 * ("3 containers of parcel-printer were OOMKilled") is about that workload: a neighbour in the
 * namespace with its own, self-explained trouble (a readiness flap while it waits on an upstream)
 * stays out of scope. Decoys: an alert naming only the namespace keeps every workload in it; a
 * one-word label ("printer") narrows nothing; an alert naming a node keeps every pod on it.
 */
import { describe, expect, it } from "@effect/vitest"
import { alertTerms } from "../../../src/agents/eks/relevance.js"
import { scopeWorkloads } from "../../../src/agents/eks/scoping.js"
import { buildWorkloads, emptySnapshot } from "../../../src/agents/eks/workloads.js"
import { extractFacts } from "../../../src/domain/alert-facts.js"
import { defaultConfig } from "../../../src/domain/config.js"
import { crashLooping, deployment, pod, replicaSet, running } from "./fixtures/objects.js"

const terms = (text: string) => alertTerms(extractFacts(text, defaultConfig.severity.labels))

const node = "ip-10-9-1-5.eu-west-1.compute.internal"
const world = {
  ...emptySnapshot,
  deployments: [
    deployment({ name: "parcel-printer", namespace: "fulfil", labels: { app: "parcel-printer" } }),
  ],
  replicaSets: [
    replicaSet({
      name: "parcel-printer-5c4b3a2d1",
      deployment: "parcel-printer",
      namespace: "fulfil",
      revision: 4,
    }),
  ],
  pods: [
    pod({
      name: "parcel-printer-5c4b3a2d1-k2m4p",
      namespace: "fulfil",
      owner: { kind: "ReplicaSet", name: "parcel-printer-5c4b3a2d1" },
      labels: { app: "parcel-printer", tier: "printer" },
      node,
      statuses: [crashLooping("printer", { reason: "OOMKilled", exitCode: 137 })],
    }),
    // The neighbour on the same node, alone (no controller), that flapped its own readiness.
    pod({
      name: "route-poller-7f6e5d4c3-q8w2z",
      namespace: "fulfil",
      labels: { app: "route-poller", tier: "printer" },
      node,
      statuses: [running("poller")],
    }),
    pod({
      name: "manifest-composer-6a5b4c3d2-z1x2c",
      namespace: "fulfil",
      labels: { app: "manifest-composer" },
      node: "ip-10-9-2-8.eu-west-1.compute.internal",
      statuses: [running("composer")],
    }),
  ],
}

const scopeNames = (text: string) =>
  scopeWorkloads(terms(text), buildWorkloads(world))
    .filter((w) => w.inScope)
    .map((w) => w.name)
    .sort()

describe("a workload the alert's words name, in a namespace its labels name", () => {
  it("scopes to that workload, not to its namespace neighbours", () => {
    expect(
      scopeNames(
        "[FIRING:1] ContainerOOMKilled (fulfil parcel-printer)\nLabels:\n - namespace = fulfil\n - container = printer\nAnnotations:\n - summary = 3 containers of parcel-printer were OOMKilled in the last 30m",
      ),
    ).toEqual(["parcel-printer"])
  })

  it("matches a controller-less pod by its app label, in other wordings", () => {
    expect(scopeNames("namespace: fulfil — route-poller keeps flapping its readiness")).toEqual([
      "route-poller-7f6e5d4c3-q8w2z",
    ])
    expect(
      scopeNames("alertname=KubePodNotReady namespace=fulfil description: manifest-composer not ready"),
    ).toEqual(["manifest-composer-6a5b4c3d2-z1x2c"])
  })

  it("keeps the out-of-scope neighbours among the workloads, for their low-relevance findings", () => {
    const all = scopeWorkloads(
      terms("ContainerOOMKilled namespace=fulfil: parcel-printer OOMKilled"),
      buildWorkloads(world),
    )
    expect(all.map((w) => [w.name, w.inScope])).toEqual([
      ["parcel-printer", true],
      ["manifest-composer-6a5b4c3d2-z1x2c", false],
      ["route-poller-7f6e5d4c3-q8w2z", false],
    ])
  })

  it("decoy: an alert naming only the namespace keeps every workload in it", () => {
    expect(scopeNames("[FIRING:1] KubeQuotaAlmostFull namespace: fulfil")).toHaveLength(3)
  })

  it("decoy: a one-word label shared by two workloads narrows nothing", () => {
    expect(scopeNames("[FIRING:1] KubeQuotaAlmostFull namespace: fulfil printer")).toHaveLength(3)
  })

  it("decoy: an alert naming a node keeps every pod on it", () => {
    expect(scopeNames(`[FIRING:1] KubeNodeMemoryPressure node: ${node} namespace: fulfil`)).toEqual([
      "parcel-printer",
      "route-poller-7f6e5d4c3-q8w2z",
    ])
  })
})
