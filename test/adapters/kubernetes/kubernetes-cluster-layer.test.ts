/**
 * The Cluster adapter (client-node 1.4.0) against the Kubernetes replay: decoded objects, 403 →
 * forbidden with the API's RBAC message, 404 → not_found, sinceTime on the wire, 429 retried on
 * the Clock as long as Retry-After asks (and bounded), a per-call timeout on the Clock, the
 * concurrency bound. Time is the TestClock's: waits and timeouts fire only when a test moves it.
 */
import { describe, expect, it } from "@effect/vitest"
import { Chunk, Clock, DateTime, Effect, Either, Fiber, TestClock } from "effect"
import { makeKubernetesCluster } from "../../../src/adapters/kubernetes/kubernetes-cluster-layer.js"
import { makeKubernetesReplay } from "../../../src/replay/kubernetes.js"
import { oomAfterDeploy } from "../../agents/eks/fixtures/scenarios.js"

const replay = makeKubernetesReplay(oomAfterDeploy)

/** Let the event loop run (a response arriving) without moving any clock. */
const turn = Effect.promise(() => new Promise<void>((resolve) => setImmediate(resolve)))

/** Wait until something sleeps until exactly `ms` from now on the TestClock (a retry wait, a timeout). */
const sleeping = (ms: number) =>
  Effect.gen(function* () {
    const now = yield* Clock.currentTimeMillis
    for (let i = 0; i < 500; i++) {
      if (Chunk.toReadonlyArray(yield* TestClock.sleeps()).includes(now + ms)) return
      yield* turn
    }
    return yield* Effect.die(new Error(`nothing slept ${ms} ms`))
  })

describe("kubernetesClusterLayer against the replay", () => {
  it.scoped(
    "decodes pods, events, workloads, nodes and logs; the cluster name comes from the kubeconfig",
    () =>
      Effect.gen(function* () {
        const server = yield* replay
        const cluster = yield* makeKubernetesCluster({ kubeconfig: server.kubeconfig })
        expect(cluster.clusterName).toBe("eks-prod")
        const pods = yield* cluster.listPods("payments", { labelSelector: "app=payments-api" })
        expect(
          pods.map((p) => [p.metadata.name, p.status.containerStatuses[0]?.lastState?.terminated?.reason]),
        ).toEqual([
          ["payments-api-6c9f7d8b4-q7x2m", "OOMKilled"],
          ["payments-api-6c9f7d8b4-w2v9k", "OOMKilled"],
        ])
        expect(pods[0]?.metadata.ownerReferences[0]?.uid).toBe("5a1e0c2e-2222-4c1b-9a51-0d8f0e9a0002")
        const events = yield* cluster.listEvents(null, { fieldSelector: "involvedObject.kind=Deployment" })
        expect(events.map((e) => [e.reason, e.lastTimestamp])).toEqual([
          ["ScalingReplicaSet", "2026-11-27T13:01:02.000Z"],
        ])
        const sets = yield* cluster.listReplicaSets("payments")
        expect(sets.map((r) => r.metadata.annotations["deployment.kubernetes.io/revision"])).toEqual([
          "7",
          "6",
        ])
        expect(
          (yield* cluster.getDeployment("payments", "payments-api")).spec.template.spec.containers[0]?.env,
        ).toEqual([{ name: "SETTLEMENT_BATCH_SIZE", value: "5000" }])
        expect(
          (yield* cluster.getNode("ip-10-0-3-17.ec2.internal")).status.conditions.map((c) => c.type),
        ).toEqual(["Ready", "MemoryPressure"])
        expect((yield* cluster.listNamespaces()).map((n) => n.metadata.name)).toEqual(["batch", "payments"])
        expect(yield* cluster.listHpas("payments")).toEqual([])
        expect(yield* cluster.listServices("payments")).toEqual([])
        const log = yield* cluster.podLogs("payments", "payments-api-6c9f7d8b4-q7x2m", {
          container: "api",
          previous: true,
          sinceTime: DateTime.unsafeMake("2026-11-27T13:08:00Z"),
          tailLines: 50,
        })
        expect(log).toBe(
          "2026-11-27T13:08:02Z INFO  loaded 5000 pending settlements into memory\n2026-11-27T13:08:07Z WARN  heap used 498MiB of 512MiB\n<--- Last few GCs --->\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n",
        )
        expect(server.requests().at(-1)?.query).toEqual({
          container: "api",
          previous: "true",
          tailLines: "50",
          sinceTime: "2026-11-27T13:08:00.000Z",
        })
        const named = yield* makeKubernetesCluster({ kubeconfig: server.kubeconfig, clusterName: "prod-eu" })
        expect(named.clusterName).toBe("prod-eu")
      }),
  )

  it.scoped(
    "403 is forbidden with the API's RBAC message; 404 and a missing previous instance are not_found",
    () =>
      Effect.gen(function* () {
        const server = yield* replay
        const cluster = yield* makeKubernetesCluster({ kubeconfig: server.kubeconfig })
        server.forbid("/apis/autoscaling/**")
        const denied = yield* Effect.flip(cluster.listHpas("payments"))
        expect(denied.reason).toBe("forbidden")
        expect(denied.message).toBe(
          'list hpas in payments: HTTP 403: horizontalpodautoscalers is forbidden: User "system:serviceaccount:sre-on-call:sre-on-call" cannot list resource "horizontalpodautoscalers" in API group "autoscaling" in the namespace "payments"',
        )
        const missing = yield* Effect.flip(cluster.getPod("payments", "ghost"))
        expect([missing.reason, missing.message]).toEqual([
          "not_found",
          'get pod payments/ghost: HTTP 404: pods "ghost" not found',
        ])
        const noPrevious = yield* Effect.flip(
          cluster.podLogs("batch", "reports-cron-28871-zz4tq", { container: "reports", previous: true }),
        )
        expect(noPrevious.reason).toBe("not_found")
      }),
  )

  it.scoped("429: waits what Retry-After asks, on the Clock, then succeeds", () =>
    Effect.gen(function* () {
      const server = yield* replay
      const cluster = yield* makeKubernetesCluster({ kubeconfig: server.kubeconfig, timeoutMs: 60_000 })
      server.throttleNext("/api/v1/namespaces/payments/pods", 2, 2)
      const fiber = yield* Effect.fork(cluster.listPods("payments"))
      yield* sleeping(2000)
      expect(server.requests()).toHaveLength(1)
      yield* TestClock.adjust("2 seconds")
      yield* sleeping(2000)
      expect(server.requests()).toHaveLength(2)
      yield* TestClock.adjust("2 seconds")
      expect((yield* Fiber.join(fiber)).map((p) => p.metadata.name)).toHaveLength(2)
      expect(server.requests()).toHaveLength(3)
    }),
  )

  it.scoped(
    "429: bounded — three attempts, then throttled; a Retry-After beyond the cap is not waited for",
    () =>
      Effect.gen(function* () {
        const server = yield* replay
        const cluster = yield* makeKubernetesCluster({ kubeconfig: server.kubeconfig, timeoutMs: 60_000 })
        server.throttleNext("/api/v1/nodes", 1, 5)
        const fiber = yield* Effect.fork(Effect.flip(cluster.listNodes()))
        for (const _ of [1, 2]) {
          yield* sleeping(1000)
          yield* TestClock.adjust("1 second")
        }
        const error = yield* Fiber.join(fiber)
        expect([error.reason, error.message.endsWith("(after 3 attempts)")]).toEqual(["throttled", true])
        expect(server.requests()).toHaveLength(3)
        server.throttleNext("/api/v1/namespaces", 60)
        expect((yield* Effect.flip(cluster.listNamespaces())).reason).toBe("throttled")
        expect(server.requests()).toHaveLength(4)
      }),
  )

  it.scoped("a call with no answer fails unavailable after its timeout on the Clock", () =>
    Effect.gen(function* () {
      const server = yield* replay
      const cluster = yield* makeKubernetesCluster({ kubeconfig: server.kubeconfig, timeoutMs: 750 })
      server.hangNext("/api/v1/nodes/*")
      const fiber = yield* Effect.fork(Effect.flip(cluster.getNode("ip-10-0-3-17.ec2.internal")))
      yield* server.awaitRequests(1)
      yield* sleeping(750)
      yield* TestClock.adjust("750 millis")
      const error = yield* Fiber.join(fiber)
      expect([error.reason, error.message]).toEqual([
        "unavailable",
        "get node ip-10-0-3-17.ec2.internal: no answer within 750 ms",
      ])
    }),
  )

  it.scoped("no more calls in flight than the concurrency bound", () =>
    Effect.gen(function* () {
      const server = yield* replay
      const cluster = yield* makeKubernetesCluster({
        kubeconfig: server.kubeconfig,
        timeoutMs: 500,
        concurrency: 2,
      })
      server.hangNext("/api/v1/nodes/*", 3)
      const fiber = yield* Effect.fork(
        Effect.forEach(["a", "b", "c"], (n) => Effect.either(cluster.getNode(n)), {
          concurrency: "unbounded",
        }),
      )
      yield* server.awaitRequests(2)
      for (let i = 0; i < 20; i++) yield* turn
      expect(server.requests()).toHaveLength(2)
      yield* TestClock.adjust("500 millis")
      yield* server.awaitRequests(3)
      yield* sleeping(500)
      yield* TestClock.adjust("500 millis")
      expect((yield* Fiber.join(fiber)).map(Either.isLeft)).toEqual([true, true, true])
    }),
  )

  it.scoped("lists a namespace's Services with their selectors", () =>
    Effect.gen(function* () {
      const service = {
        apiVersion: "v1",
        kind: "Service",
        metadata: { name: "payments-api", namespace: "payments" },
        spec: {
          selector: { app: "payments-api", tier: "backend" },
          type: "ClusterIP",
          clusterIP: "10.100.4.7",
        },
      }
      const server = yield* makeKubernetesReplay({
        ...oomAfterDeploy,
        objects: [...oomAfterDeploy.objects, service],
      })
      const cluster = yield* makeKubernetesCluster({ kubeconfig: server.kubeconfig })
      const [svc] = yield* cluster.listServices("payments")
      expect(svc?.metadata.name).toBe("payments-api")
      expect(svc?.spec.selector).toEqual({ app: "payments-api", tier: "backend" })
    }),
  )

  it.scoped("lists a namespace's NetworkPolicies and PodDisruptionBudgets through client-node's models", () =>
    Effect.gen(function* () {
      const policy = {
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        metadata: {
          name: "default-deny-egress",
          namespace: "payments",
          creationTimestamp: "2026-11-27T12:58:10Z",
          managedFields: [{ manager: "argocd", operation: "Update", time: "2026-11-27T13:01:00Z" }],
        },
        spec: {
          podSelector: { matchExpressions: [{ key: "tier", operator: "In", values: ["backend"] }] },
          policyTypes: ["Egress"],
          egress: [{ ports: [{ port: 53, protocol: "UDP" }], to: [{ namespaceSelector: {} }] }],
        },
      }
      const budget = {
        apiVersion: "policy/v1",
        kind: "PodDisruptionBudget",
        metadata: { name: "payments-api", namespace: "payments" },
        spec: { minAvailable: 2, selector: { matchLabels: { app: "payments-api" } } },
        status: { disruptionsAllowed: 0, currentHealthy: 2, desiredHealthy: 2, expectedPods: 2 },
      }
      const server = yield* makeKubernetesReplay({
        ...oomAfterDeploy,
        objects: [...oomAfterDeploy.objects, policy, budget],
      })
      const cluster = yield* makeKubernetesCluster({ kubeconfig: server.kubeconfig })
      const [p] = yield* cluster.listNetworkPolicies("payments")
      expect(p?.spec.podSelector.matchExpressions).toEqual([
        { key: "tier", operator: "In", values: ["backend"] },
      ])
      expect(p?.spec.egress[0]?.ports).toEqual([{ port: "53", protocol: "UDP" }])
      expect(p?.metadata.managedFields.map((f) => f.time)).toEqual(["2026-11-27T13:01:00.000Z"])
      const [b] = yield* cluster.listPodDisruptionBudgets("payments")
      expect([b?.spec.minAvailable, b?.status.disruptionsAllowed]).toEqual(["2", 0])
      expect(yield* cluster.listNetworkPolicies("batch")).toEqual([])
      // A namespace's ResourceQuota: its hard limits and what is used (quantities as written).
      const quota = {
        apiVersion: "v1",
        kind: "ResourceQuota",
        metadata: { name: "payments-quota", namespace: "payments" },
        spec: { hard: { "requests.cpu": "16", pods: "40" } },
        status: { hard: { "requests.cpu": "16", pods: "40" }, used: { "requests.cpu": "16", pods: "16" } },
      }
      const withQuota = yield* makeKubernetesReplay({
        ...oomAfterDeploy,
        objects: [...oomAfterDeploy.objects, quota],
      })
      const quotaCluster = yield* makeKubernetesCluster({ kubeconfig: withQuota.kubeconfig })
      const [q] = yield* quotaCluster.listResourceQuotas("payments")
      expect([q?.metadata.name, q?.status.used["requests.cpu"], q?.status.hard.pods]).toEqual([
        "payments-quota",
        "16",
        "40",
      ])
      expect(yield* quotaCluster.listResourceQuotas("batch")).toEqual([])
    }),
  )

  it.scoped("lists a namespace's CronJobs and Jobs through client-node's models", () =>
    Effect.gen(function* () {
      const cronJob = {
        apiVersion: "batch/v1",
        kind: "CronJob",
        metadata: { name: "nightly-export", namespace: "payments" },
        spec: {
          schedule: "0 3 * * *",
          suspend: true,
          concurrencyPolicy: "Forbid",
          jobTemplate: { spec: { template: { spec: { containers: [{ name: "export", image: "x" }] } } } },
        },
        status: {
          active: [{ kind: "Job", name: "nightly-export-29400000", namespace: "payments" }],
          lastScheduleTime: "2026-11-26T03:00:00Z",
        },
      }
      const job = {
        apiVersion: "batch/v1",
        kind: "Job",
        metadata: {
          name: "nightly-export-29400000",
          namespace: "payments",
          ownerReferences: [
            { apiVersion: "batch/v1", kind: "CronJob", name: "nightly-export", uid: "u1", controller: true },
          ],
        },
        spec: {
          activeDeadlineSeconds: 600,
          template: { spec: { containers: [{ name: "export", image: "x" }] } },
        },
        status: {
          failed: 1,
          startTime: "2026-11-26T03:00:00Z",
          conditions: [
            {
              type: "Failed",
              status: "True",
              reason: "DeadlineExceeded",
              lastTransitionTime: "2026-11-26T03:10:00Z",
            },
          ],
        },
      }
      const server = yield* makeKubernetesReplay({
        ...oomAfterDeploy,
        objects: [...oomAfterDeploy.objects, cronJob, job],
      })
      const cluster = yield* makeKubernetesCluster({ kubeconfig: server.kubeconfig })
      const [c] = yield* cluster.listCronJobs("payments")
      expect([c?.spec.schedule, c?.spec.suspend, c?.spec.concurrencyPolicy]).toEqual([
        "0 3 * * *",
        true,
        "Forbid",
      ])
      expect(c?.status.active.map((r) => r.name)).toEqual(["nightly-export-29400000"])
      expect(c?.status.lastScheduleTime).toMatch(/^2026-11-26T03:00:00/)
      const [j] = yield* cluster.listJobs("payments")
      expect([j?.spec.activeDeadlineSeconds, j?.status.failed, j?.status.conditions[0]?.reason]).toEqual([
        600,
        1,
        "DeadlineExceeded",
      ])
      expect(j?.metadata.ownerReferences[0]?.kind).toBe("CronJob")
      expect(yield* cluster.listJobs("batch")).toEqual([])
    }),
  )

  it.scoped("lists cert-manager's custom resources across namespaces and in one, spec and status kept", () =>
    Effect.gen(function* () {
      const certificate = {
        apiVersion: "cert-manager.io/v1",
        kind: "Certificate",
        metadata: { name: "shop-tls", namespace: "payments" },
        spec: { secretName: "shop-tls", dnsNames: ["shop.example.org"] },
        status: {
          notAfter: "2026-11-27T00:00:00Z",
          conditions: [{ type: "Ready", status: "False", reason: "Expired" }],
        },
      }
      const challenge = {
        apiVersion: "acme.cert-manager.io/v1",
        kind: "Challenge",
        metadata: { name: "shop-tls-2-1-2", namespace: "payments" },
        spec: { type: "DNS-01" },
        status: { state: "pending", reason: "AccessDenied" },
      }
      const server = yield* makeKubernetesReplay({
        ...oomAfterDeploy,
        objects: [...oomAfterDeploy.objects, certificate, challenge],
      })
      const cluster = yield* makeKubernetesCluster({ kubeconfig: server.kubeconfig })
      const certs = { group: "cert-manager.io", version: "v1", plural: "certificates" }
      const [c] = yield* cluster.listCustomObjects(certs, null)
      expect(c?.metadata).toMatchObject({ name: "shop-tls", namespace: "payments" })
      expect(c?.status?.notAfter).toBe("2026-11-27T00:00:00Z")
      const [ch] = yield* cluster.listCustomObjects(
        { group: "acme.cert-manager.io", version: "v1", plural: "challenges" },
        "payments",
      )
      expect(ch?.status?.reason).toBe("AccessDenied")
      expect(yield* cluster.listCustomObjects(certs, "batch")).toEqual([])
      // A resource the cluster does not have (no such CRD): not_found, which the eks agent takes as none.
      const missing = yield* Effect.either(
        cluster.listCustomObjects({ group: "example.io", version: "v1", plural: "widgets" }, null),
      )
      expect(Either.isLeft(missing) && missing.left.reason).toBe("not_found")
    }),
  )
})
