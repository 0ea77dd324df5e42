/**
 * The eks agent over the real adapter and the Kubernetes replay when a caller's breaker alert
 * names its callee in another namespace: the callee's not-ready pods and readiness-probe timeouts
 * are read and rated as in scope (≥ medium), the caller's own findings stay; a callee whose pods
 * are healthy yields nothing ≥ medium, and a breaker only the caller's logs name stays out.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { kubernetesClusterLayer } from "../../../src/adapters/kubernetes/kubernetes-cluster-layer.js"
import { eksAgent } from "../../../src/agents/eks/eks-agent.js"
import type { Finding } from "../../../src/domain/finding.js"
import { severityRank } from "../../../src/domain/severity.js"
import { makeKubernetesReplay } from "../../../src/replay/kubernetes.js"
import { taskFor } from "./fixtures/tasks.js"

const alertText = `<@U0SREBOT> [Alerting] CheckoutCircuitBreakerOpen
Labels:
 - alertname = CheckoutCircuitBreakerOpen
 - application = basket-api
 - cluster = eks-prod
 - name = tax-engine
 - namespace = basket
 - severity = critical
Annotations:
 - summary = Circuit breaker tax-engine in basket-api has been OPEN for 3m
`

const deployment = (name: string, namespace: string, replicas: number, ready: number) => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: {
    name,
    namespace,
    uid: `uid-${name}`,
    generation: 4,
    annotations: { "deployment.kubernetes.io/revision": "4" },
  },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: "app", image: `${name}:1.0` }] },
    },
  },
  status: {
    observedGeneration: 4,
    replicas,
    updatedReplicas: replicas,
    readyReplicas: ready,
    availableReplicas: ready,
  },
})

const podOf = (name: string, namespace: string, rs: string, ready: boolean) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: {
    name,
    namespace,
    uid: `uid-${name}`,
    labels: { app: rs.replace(/-[a-z0-9]+$/, ""), "pod-template-hash": "7c5d9f8b6" },
    ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: rs, controller: true }],
  },
  spec: { containers: [{ name: "app", image: "x:1.0" }] },
  status: {
    phase: "Running",
    conditions: [
      { type: "Ready", status: ready ? "True" : "False", lastTransitionTime: "2026-11-27T13:00:00Z" },
    ],
    containerStatuses: [
      {
        name: "app",
        ready,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: "2026-11-25T10:00:00Z" } },
      },
    ],
  },
})

const world = (calleeSlow: boolean) => ({
  cluster: "eks-prod",
  objects: [
    deployment("basket-api", "basket", 2, 2),
    podOf("basket-api-5f8b7d6c4-t9wzl", "basket", "basket-api-5f8b7d6c4", true),
    deployment("tax-engine", "pricing", 4, calleeSlow ? 2 : 4),
    podOf("tax-engine-7c5d9f8b6-m4kq2", "pricing", "tax-engine-7c5d9f8b6", !calleeSlow),
    ...(calleeSlow
      ? [
          {
            apiVersion: "v1",
            kind: "Event",
            metadata: { name: "tax-engine-7c5d9f8b6-m4kq2.1", namespace: "pricing" },
            involvedObject: { kind: "Pod", name: "tax-engine-7c5d9f8b6-m4kq2", namespace: "pricing" },
            reason: "Unhealthy",
            type: "Warning",
            message: 'Readiness probe failed: Get "http://10.0.1.5:8080/ready": context deadline exceeded',
            count: 31,
            firstTimestamp: "2026-11-27T12:58:00Z",
            lastTimestamp: "2026-11-27T13:04:30Z",
          },
        ]
      : []),
  ],
  logs: {
    "basket/basket-api-5f8b7d6c4-t9wzl/app":
      "2026-11-27T12:40:00Z WARN CircuitBreaker 'card-vault' changed state from CLOSED to OPEN\n" +
      "2026-11-27T13:01:00Z WARN CircuitBreaker 'tax-engine' changed state from CLOSED to OPEN\n",
  },
})

const run = (calleeSlow: boolean) =>
  Effect.gen(function* () {
    yield* TestClock.setTime(Date.parse("2026-11-27T13:10:00Z"))
    const replay = yield* makeKubernetesReplay(world(calleeSlow))
    return yield* eksAgent
      .handle(taskFor(alertText), { sessionId: null })
      .pipe(Effect.provide(kubernetesClusterLayer({ kubeconfig: replay.kubeconfig })))
  })

const atLeastMedium = (fs: ReadonlyArray<Finding>) =>
  fs.filter((f) => severityRank(f.severity) >= severityRank("medium"))

describe("eksAgent with a breaker alert naming its callee", () => {
  it.scoped("reads the callee's namespace and rates its not-ready pods and probe timeouts in scope", () =>
    Effect.gen(function* () {
      const result = yield* run(true)
      expect(result.status).toBe("ok")
      const strong = atLeastMedium(result.findings)
      expect(strong.length).toBeGreaterThan(0)
      expect(strong.every((f) => f.service === "tax-engine")).toBe(true)
      expect(result.findings.some((f) => f.kind === "probe_failure" && f.service === "tax-engine")).toBe(true)
      // The caller's own findings stay.
      expect(result.findings.some((f) => f.service === "basket-api")).toBe(true)
      expect(result.scanned).toContain("namespace/pricing")
      expect(JSON.stringify(strong)).not.toContain("card-vault")
    }),
  )

  it.scoped("a named callee whose pods are healthy yields nothing ≥ medium", () =>
    Effect.gen(function* () {
      const result = yield* run(false)
      expect(result.status).toBe("ok")
      expect(atLeastMedium(result.findings)).toEqual([])
    }),
  )
})
