/**
 * Scoping from alert facts: exact names and label values beat keyword hits, a node alert scopes
 * to what runs on the node, an alert that names only a namespace scopes to it, one that names
 * nothing scopes to everything, and one naming an absent workload scopes to nothing. Also the
 * ownership-based workload grouping the scoring runs on.
 */
import { describe, expect, it } from "@effect/vitest"
import { alertTerms, inScopeOf, relevance, withNodeAsNamed } from "../../../src/agents/eks/relevance.js"
import { namespacesToRead, scopeWorkloads } from "../../../src/agents/eks/scoping.js"
import { buildWorkloads, emptySnapshot } from "../../../src/agents/eks/workloads.js"
import { extractFacts } from "../../../src/domain/alert-facts.js"
import { defaultConfig } from "../../../src/domain/config.js"
import { crashLooping, deployment, event, pod, replicaSet, running, waiting } from "./fixtures/objects.js"

const terms = (text: string) => alertTerms(extractFacts(text, defaultConfig.severity.labels))

const world = {
  ...emptySnapshot,
  deployments: [
    deployment({ name: "payments-api", namespace: "payments", labels: { app: "payments-api" } }),
    deployment({ name: "checkout-web", namespace: "shop", labels: { app: "checkout" } }),
  ],
  replicaSets: [
    replicaSet({
      name: "payments-api-6c9f7d8b4",
      deployment: "payments-api",
      namespace: "payments",
      revision: 7,
    }),
    replicaSet({
      name: "checkout-web-7f6d5c4b3",
      deployment: "checkout-web",
      namespace: "shop",
      revision: 2,
    }),
  ],
  pods: [
    pod({
      name: "payments-api-6c9f7d8b4-q7x2m",
      namespace: "payments",
      owner: { kind: "ReplicaSet", name: "payments-api-6c9f7d8b4" },
      labels: { app: "payments-api" },
      node: "ip-10-0-3-17",
      statuses: [crashLooping("app", { reason: "OOMKilled", exitCode: 137 })],
    }),
    pod({
      name: "checkout-web-7f6d5c4b3-k1l2m",
      namespace: "shop",
      owner: { kind: "ReplicaSet", name: "checkout-web-7f6d5c4b3" },
      labels: { app: "checkout" },
      node: "ip-10-0-4-22",
      statuses: [running("app")],
    }),
    pod({
      name: "reports-cron-28871-zz4tq",
      namespace: "batch",
      labels: { "job-name": "reports-cron-28871" },
      phase: "Pending",
      statuses: [waiting("reports", "ImagePullBackOff")],
    }),
  ],
}

const scopeNames = (text: string) =>
  scopeWorkloads(terms(text), buildWorkloads(world))
    .filter((w) => w.inScope)
    .map((w) => `${w.namespace}/${w.name}`)

describe("relevance and scope", () => {
  it("a service named without a namespace scopes to that workload, first", () => {
    const ranked = scopeWorkloads(
      terms("payments-api is crash looping, checkout failing"),
      buildWorkloads(world),
    )
    expect(ranked[0]?.name).toBe("payments-api")
    expect(ranked.filter((w) => w.inScope).map((w) => w.name)).toEqual(["payments-api"])
  })

  it("a label value names the workload too (app=checkout → checkout-web)", () => {
    const t = { names: new Set(["checkout"]), pod: null, node: null, namespace: null, keywords: [] }
    const c = {
      namespace: "shop",
      name: "checkout-web",
      labelValues: ["checkout"],
      podNames: [],
      nodeNames: [],
    }
    expect(relevance(t, c)).toBe(60)
    expect(inScopeOf(t, [{ candidate: c, score: 60 }]).has(c)).toBe(true)
  })

  it("a node alert scopes to the workloads with pods on it", () => {
    expect(scopeNames("[FIRING:1] KubeNodeNotReady node: ip-10-0-4-22")).toEqual(["shop/checkout-web"])
  })

  it("a namespace alone scopes to its workloads; nothing named scopes to everything", () => {
    expect(scopeNames("[FIRING:1] KubeQuotaAlmostFull namespace: shop")).toEqual(["shop/checkout-web"])
    expect(scopeNames("something is wrong")).toHaveLength(3)
  })

  it("an alert naming a workload that does not exist scopes to nothing", () => {
    expect(
      scopeNames("[FIRING:1] KubePodCrashLooping deployment: inventory-svc namespace: inventory"),
    ).toEqual([])
  })

  it("chooses the alert's namespace first, then namespaces with failing pods, for an alert without a namespace", () => {
    const pods = world.pods
    const events = [
      event({
        kind: "ReplicaSet",
        name: "ledger-5f5f5f5f5",
        namespace: "ledger",
        reason: "FailedCreate",
        message: "quota",
      }),
    ]
    expect(namespacesToRead(terms("payments-api is down"), pods, events)).toEqual([
      "payments",
      "batch",
      "ledger",
    ])
  })
})

describe("withNodeAsNamed", () => {
  it("reads an EKS node's short hostname as the node the pods name by its private DNS name", () => {
    const fqdn = pod({ name: "ledger-api-6b7f9-aq2n", node: "ip-10-50-2-34.eu-central-1.compute.internal" })
    expect(withNodeAsNamed(terms("node ip-10-50-2-34 is stuck draining"), [fqdn]).node).toBe(
      "ip-10-50-2-34.eu-central-1.compute.internal",
    )
    // a longer name that merely starts the same is another node
    const other = pod({ name: "x", node: "ip-10-50-2-341.eu-central-1.compute.internal" })
    expect(withNodeAsNamed(terms("node ip-10-50-2-34 is stuck draining"), [other]).node).toBe("ip-10-50-2-34")
  })
})

describe("buildWorkloads", () => {
  it("groups pods by controller uid and keeps controller-less pods alone", () => {
    const ws = buildWorkloads(world)
    expect(ws.map((w) => [w.kind, w.namespace, w.name, w.pods.length, w.desired])).toEqual([
      ["Deployment", "payments", "payments-api", 1, 2],
      ["Deployment", "shop", "checkout-web", 1, 2],
      ["Pod", "batch", "reports-cron-28871-zz4tq", 1, 1],
    ])
  })

  it("never adopts a ReplicaSet by name prefix", () => {
    const foreign = replicaSet({
      name: "payments-api-canary-1a2b3c",
      deployment: "payments-api-canary",
      namespace: "payments",
      revision: 1,
    })
    const ws = buildWorkloads({ ...world, replicaSets: [...world.replicaSets, foreign] })
    expect(ws.find((w) => w.name === "payments-api")?.replicaSets.map((r) => r.metadata.name)).toEqual([
      "payments-api-6c9f7d8b4",
    ])
  })
})
