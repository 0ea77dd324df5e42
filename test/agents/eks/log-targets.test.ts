/**
 * Which container logs the eks agent reads: the crashing (or liveness-killed) containers' previous
 * instances first;
 * when nothing in scope crashed, the current log of one running pod's main container (a healthy
 * pod can still fail every request and say why); never an out-of-scope workload's.
 */
import { describe, expect, it } from "@effect/vitest"
import { logTargets } from "../../../src/agents/eks/gather.js"
import {
  container,
  crashLooping,
  ctx,
  deployment,
  event,
  pod,
  replicaSet,
  running,
  scoped,
} from "./fixtures/objects.js"

const rs = replicaSet({ name: "api-7d9f8c6b5", deployment: "api", revision: 3 })
const owner = { kind: "ReplicaSet", name: "api-7d9f8c6b5" }
const apiPod = (i: number, statuses: ReadonlyArray<Record<string, unknown>>) =>
  pod({
    name: `api-7d9f8c6b5-x${i}k2m`,
    owner,
    phase: "Running",
    containers: [container("app"), container("envoy")],
    statuses,
  })

describe("logTargets", () => {
  it("reads the crashing container's previous instance, not a healthy pod's current log", () => {
    const pods = [apiPod(0, [crashLooping("app", { reason: "Error", exitCode: 1 }), running("envoy")])]
    const workloads = scoped({
      deployments: [deployment({ name: "api", replicas: 1, ready: 0 })],
      replicaSets: [rs],
      pods,
    })
    expect(logTargets(workloads, ctx).map((t) => [t.container, t.previous])).toEqual([["app", true]])
  })

  it("reads the previous instance of a container its liveness probe killed (why it stopped answering)", () => {
    const pods = [apiPod(0, [crashLooping("app", { reason: "Error", exitCode: 137 }), running("envoy")])]
    const killing = event({
      kind: "Pod",
      name: "api-7d9f8c6b5-x0k2m",
      reason: "Killing",
      type: "Normal",
      message: "Container app failed liveness probe, will be restarted",
    })
    const workloads = scoped({
      deployments: [deployment({ name: "api", replicas: 1, ready: 0 })],
      replicaSets: [rs],
      pods,
      events: [
        { ...killing, involvedObject: { ...killing.involvedObject, fieldPath: "spec.containers{app}" } },
      ],
    })
    expect(logTargets(workloads, ctx).map((t) => [t.container, t.previous])).toEqual([["app", true]])
  })

  it("with nothing crashing, reads one running pod's main container as it is now", () => {
    const pods = [0, 1].map((i) => apiPod(i, [running("app"), running("envoy")]))
    const workloads = scoped({
      deployments: [deployment({ name: "api", replicas: 2, ready: 2 })],
      replicaSets: [rs],
      pods,
    })
    expect(logTargets(workloads, ctx)).toEqual([
      {
        workload: "deployment/shop/api",
        namespace: "shop",
        pod: "api-7d9f8c6b5-x0k2m",
        container: "app",
        previous: false,
      },
    ])
  })

  it("reads nothing of a workload the alert does not name", () => {
    const pods = [apiPod(0, [running("app"), running("envoy")])]
    const workloads = scoped(
      { deployments: [deployment({ name: "api", replicas: 1, ready: 1 })], replicaSets: [rs], pods },
      false,
    )
    expect(logTargets(workloads, ctx)).toEqual([])
  })
})
