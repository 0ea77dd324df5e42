/**
 * Every way of having no usable kubeconfig gives the not-configured Cluster, never a thrown
 * error: client-node's silent fallback to localhost:8080 when nothing is found, an unreadable
 * KUBECONFIG, invalid YAML, an unknown context — and that Cluster fails every call
 * `not_configured` with the reason.
 */
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { makeKubernetesCluster } from "../../../src/adapters/kubernetes/kubernetes-cluster-layer.js"
import { Cluster, type ClusterService, notConfiguredClusterLayer } from "../../../src/ports/cluster.js"

describe("kubernetesClusterLayer without a usable kubeconfig", () => {
  const withEnv = <A, E, R>(env: Record<string, string | undefined>, effect: Effect.Effect<A, E, R>) =>
    Effect.acquireUseRelease(
      Effect.sync(() => {
        const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]))
        for (const [k, v] of Object.entries(env)) {
          if (v === undefined) delete process.env[k]
          else process.env[k] = v
        }
        return saved
      }),
      () => effect,
      (saved) =>
        Effect.sync(() => {
          for (const [k, v] of Object.entries(saved)) {
            if (v === undefined) delete process.env[k]
            else process.env[k] = v
          }
        }),
    )

  const reasonOf = (cluster: Effect.Effect<ClusterService>) =>
    Effect.flatMap(cluster, (c) => Effect.map(Effect.flip(c.listPods(null)), (e) => [e.reason, e.message]))

  it.effect(
    "nothing found by loadFromDefault (client-node's silent localhost fallback) → not_configured",
    () =>
      withEnv(
        { KUBECONFIG: undefined, HOME: mkdtempSync(join(tmpdir(), "no-kube-")) },
        Effect.gen(function* () {
          expect(yield* reasonOf(makeKubernetesCluster({ kubeconfig: "default" }))).toEqual([
            "not_configured",
            "no kubeconfig found; set KUBECONFIG or run in a cluster",
          ])
        }),
      ),
  )

  it.effect(
    "an unreadable KUBECONFIG, invalid YAML or an unknown context → not_configured with the reason",
    () =>
      Effect.gen(function* () {
        const missing = yield* withEnv(
          { KUBECONFIG: join(tmpdir(), "does-not-exist", "config") },
          reasonOf(makeKubernetesCluster({ kubeconfig: "default" })),
        )
        expect(missing[0]).toBe("not_configured")
        expect(missing[1]).toContain("the kubeconfig could not be read")
        const garbage = yield* reasonOf(makeKubernetesCluster({ kubeconfig: "clusters: [oops" }))
        expect(garbage[0]).toBe("not_configured")
        const context = yield* reasonOf(
          makeKubernetesCluster({
            kubeconfig: "apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n",
            context: "prod",
          }),
        )
        expect(context).toEqual(["not_configured", 'the kubeconfig has no context "prod"'])
      }),
  )

  it.effect("notConfiguredClusterLayer fails every call not_configured", () =>
    Effect.gen(function* () {
      const cluster = yield* Cluster
      const errors = yield* Effect.all([
        Effect.flip(cluster.listNodes()),
        Effect.flip(cluster.podLogs("a", "b", { container: "c" })),
        Effect.flip(cluster.getDeployment("a", "b")),
      ])
      expect(errors.map((e) => [e.reason, e.message])).toEqual(
        Array(3).fill(["not_configured", "no kubeconfig found; set KUBECONFIG or run in a cluster"]),
      )
      expect(cluster.clusterName).toBeNull()
    }).pipe(Effect.provide(notConfiguredClusterLayer())),
  )
})
