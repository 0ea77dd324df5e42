/**
 * Shared by the Kubernetes replay tests: a small world (a Deployment, pods in two namespaces on
 * two nodes, events, a Node, an HPA) and a plain-HTTP GET that presents the replay's token.
 */
import { Effect } from "effect"
import { type KubernetesReplay, replayToken } from "../../src/replay/kubernetes.js"

export const objects = [
  {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "api", namespace: "shop", labels: { app: "api", tier: "web" } },
  },
  {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "api-1", namespace: "shop", labels: { app: "api", track: "stable" } },
    spec: { nodeName: "n1", containers: [{ name: "app" }] },
    status: { phase: "Running" },
  },
  {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "api-2", namespace: "shop", labels: { app: "api", track: "canary" } },
    spec: { nodeName: "n2", containers: [{ name: "app" }] },
    status: { phase: "Pending" },
  },
  {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "db-0", namespace: "data", labels: { app: "db" } },
    spec: { nodeName: "n1", containers: [{ name: "pg" }] },
    status: { phase: "Running" },
  },
  {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: "api-1.a", namespace: "shop" },
    involvedObject: { kind: "Pod", name: "api-1", namespace: "shop" },
    reason: "BackOff",
    type: "Warning",
    message: "Back-off",
  },
  {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: "api.b", namespace: "shop" },
    involvedObject: { kind: "Deployment", name: "api", namespace: "shop" },
    reason: "ScalingReplicaSet",
    type: "Normal",
    message: "Scaled up",
    source: { component: "deployment-controller" },
  },
  { apiVersion: "v1", kind: "Node", metadata: { name: "n1" } },
  {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: { name: "api", namespace: "shop" },
    spec: { maxReplicas: 3, scaleTargetRef: { kind: "Deployment", name: "api" } },
  },
]

export const get = (replay: KubernetesReplay, path: string, headers: Record<string, string> = {}) =>
  Effect.promise(async () => {
    const response = await fetch(`${replay.url}${path}`, {
      headers: { authorization: `Bearer ${replayToken}`, ...headers },
    })
    const text = await response.text()
    return { status: response.status, headers: response.headers, text }
  })
