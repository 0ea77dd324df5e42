/**
 * @kubernetes/client-node 1.4.0 pointed at the replay through the generated kubeconfig, with no
 * adapter in between: typed lists and reads come back, a 404 is an ApiException with code 404,
 * logs are text, and the bearer token is the kubeconfig's.
 */

import { describe, expect, it } from "@effect/vitest"
import { ApiException, AppsV1Api, AutoscalingV2Api, CoreV1Api, KubeConfig } from "@kubernetes/client-node"
import { Effect } from "effect"
import { parse } from "yaml"
import { kubeconfigFor, makeKubernetesReplay } from "../../src/replay/kubernetes.js"
import { objects } from "./kubernetes-fixtures.js"

const logs = { "shop/api-1/app#previous": "2026-11-27T13:08:07Z FATAL out of memory\n" }

const clientFor = (kubeconfig: string) => {
  const kc = new KubeConfig()
  kc.loadFromString(kubeconfig)
  return kc
}

describe("kubeconfigFor", () => {
  it("names the cluster and context, skips TLS verification for http, carries a dummy token", () => {
    expect(parse(kubeconfigFor("http://127.0.0.1:1234", "eks-prod"))).toEqual({
      apiVersion: "v1",
      kind: "Config",
      clusters: [
        { name: "eks-prod", cluster: { server: "http://127.0.0.1:1234", "insecure-skip-tls-verify": true } },
      ],
      users: [{ name: "sre-on-call-replay", user: { token: "sre-on-call-replay-token" } }],
      contexts: [{ name: "eks-prod", context: { cluster: "eks-prod", user: "sre-on-call-replay" } }],
      "current-context": "eks-prod",
    })
  })
})

describe("client-node against the replay", () => {
  it.scoped("lists, reads and logs round-trip through the real client", () =>
    Effect.gen(function* () {
      const replay = yield* makeKubernetesReplay({ cluster: "eks-prod", objects, logs })
      const kc = clientFor(replay.kubeconfig)
      expect(kc.getCurrentCluster()?.name).toBe("eks-prod")
      const core = kc.makeApiClient(CoreV1Api)
      const pods = yield* Effect.promise(() =>
        core.listNamespacedPod({ namespace: "shop", labelSelector: "track=canary" }),
      )
      expect(pods.items.map((p) => [p.metadata?.name, p.spec?.nodeName, p.status?.phase])).toEqual([
        ["api-2", "n2", "Pending"],
      ])
      const events = yield* Effect.promise(() =>
        core.listEventForAllNamespaces({ fieldSelector: "involvedObject.kind=Pod" }),
      )
      expect(events.items.map((e) => e.reason)).toEqual(["BackOff"])
      const log = yield* Effect.promise(() =>
        core.readNamespacedPodLog({
          namespace: "shop",
          name: "api-1",
          container: "app",
          previous: true,
          timestamps: true,
        }),
      )
      expect(log).toBe("2026-11-27T13:08:07.000000000Z 2026-11-27T13:08:07Z FATAL out of memory\n")
      const deployments = yield* Effect.promise(() =>
        kc.makeApiClient(AppsV1Api).listNamespacedDeployment({ namespace: "shop" }),
      )
      expect(deployments.items.map((d) => d.metadata?.labels)).toEqual([{ app: "api", tier: "web" }])
      const hpas = yield* Effect.promise(() =>
        kc.makeApiClient(AutoscalingV2Api).listNamespacedHorizontalPodAutoscaler({ namespace: "shop" }),
      )
      expect(hpas.items.map((h) => h.spec?.maxReplicas)).toEqual([3])
      expect(replay.requests().every((r) => r.authorization === "valid")).toBe(true)
    }),
  )

  it.scoped("a missing object is an ApiException with code 404 and the Status body", () =>
    Effect.gen(function* () {
      const replay = yield* makeKubernetesReplay({ cluster: "eks-prod", objects })
      const core = clientFor(replay.kubeconfig).makeApiClient(CoreV1Api)
      const error = yield* Effect.flip(
        Effect.tryPromise(() => core.readNamespacedPod({ namespace: "shop", name: "ghost" })),
      )
      const cause = error.cause
      expect(cause).toBeInstanceOf(ApiException)
      expect(cause instanceof ApiException ? [cause.code, String(cause.body)] : []).toEqual([
        404,
        expect.stringContaining('"message":"pods \\"ghost\\" not found"'),
      ])
    }),
  )
})
