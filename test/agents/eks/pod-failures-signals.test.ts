/**
 * What a container's signal exit means: exit 137 is an OOM kill only when the kubelet says
 * OOMKilled; the kubelet killing a container after failed liveness/startup probes (its `Killing`
 * event, or that probe's `Unhealthy` events with a SIGKILL/SIGTERM exit) is `probe_failure`; any
 * other 137 is a SIGKILL from outside and stays a crash with a note saying so. Titles name the
 * container first, a multi-container pod names its healthy siblings, and the node kernel's own
 * OOM events confirm an OOM kill.
 */
import { describe, expect, it } from "@effect/vitest"
import { analyze } from "../../../src/agents/eks/analyze.js"
import { podFailureFindings, probesThatKilled } from "../../../src/agents/eks/pod-failures.js"
import type { KubeEvent } from "../../../src/domain/kubernetes.js"
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
  workloadNamed,
} from "./fixtures/objects.js"

const rs = replicaSet({ name: "api-7d9f8c6b5", deployment: "api", revision: 3 })
const owner = { kind: "ReplicaSet", name: "api-7d9f8c6b5" }
const podName = (i: number) => `api-7d9f8c6b5-x${i}k2m`
const nodeName = "ip-10-0-3-17.ec2.internal"

const apiPods = (
  statuses: ReadonlyArray<ReadonlyArray<Record<string, unknown>>>,
  containers = [container("app")],
) =>
  statuses.map((s, i) =>
    pod({ name: podName(i), owner, node: nodeName, containers, statuses: s, labels: { app: "api" } }),
  )

/** A kubelet event about one container of a pod (its fieldPath names the container). */
const about = (containerName: string, e: KubeEvent): KubeEvent => ({
  ...e,
  involvedObject: { ...e.involvedObject, fieldPath: `spec.containers{${containerName}}` },
})

const killing = (i: number, probe = "liveness", name = "app") =>
  about(
    name,
    event({
      kind: "Pod",
      name: podName(i),
      reason: "Killing",
      type: "Normal",
      message: `Container ${name} failed ${probe} probe, will be restarted`,
      at: "2026-11-27T13:03:25Z",
      count: 3,
    }),
  )

const unhealthy = (i: number, message: string, name = "app") =>
  about(name, event({ kind: "Pod", name: podName(i), reason: "Unhealthy", message, count: 9 }))

const livenessFailed = "Liveness probe failed: HTTP probe failed with statuscode: 503"

const workload = (
  statuses: ReadonlyArray<ReadonlyArray<Record<string, unknown>>>,
  events: ReadonlyArray<KubeEvent>,
  containers = [container("app")],
  ready = 0,
) =>
  workloadNamed(
    {
      deployments: [deployment({ name: "api", replicas: statuses.length, ready })],
      replicaSets: [rs],
      pods: apiPods(statuses, containers),
      events,
    },
    "api",
  )

describe("probe kills", () => {
  it("a Killing event for a failed liveness probe makes exit 137 a probe_failure, not an OOM kill", () => {
    const sigkill = { reason: "Error", exitCode: 137 }
    const w = workload(
      [[crashLooping("app", sigkill, 4)], [crashLooping("app", sigkill, 3)]],
      [killing(0), killing(1), unhealthy(0, livenessFailed), unhealthy(1, livenessFailed)],
    )
    const findings = podFailureFindings(w, ctx)
    expect(findings.map((f) => f.kind)).toEqual(["probe_failure"])
    const [f] = findings
    expect(f?.title).toBe(
      "api: container app killed by the kubelet after failed liveness probes in 2/2 pods (Error, exit 137), 7 restarts",
    )
    expect(f?.severity).toBe("critical")
    expect(f?.detail).toContain(`"${livenessFailed}" (Unhealthy ×18 on 2 pods)`)
    expect(f?.detail).toContain("Killing ×6")
    expect(f?.detail).toContain("not OOMKilled")
    expect(f?.excerpt).toBe(livenessFailed)
    expect(probesThatKilled(w, ctx)).toEqual(new Set(["liveness"]))
  })

  it("startup probe failures with a SIGTERM exit and no Killing event are a startup probe kill", () => {
    const w = workload(
      [[crashLooping("app", { reason: "Error", exitCode: 143 }, 2)]],
      [unhealthy(0, 'Startup probe failed: Get "http://10.0.3.44:8080/healthz": connection refused')],
    )
    const [f, ...rest] = podFailureFindings(w, ctx)
    expect(rest).toEqual([])
    expect(f?.kind).toBe("probe_failure")
    expect(f?.title).toContain("after failed startup probes")
    expect(f?.title).toContain("(Error, exit 143)")
  })

  it("liveness failures do not turn an application's own exit 1 into a probe kill", () => {
    const w = workload(
      [[crashLooping("app", { reason: "Error", exitCode: 1 })]],
      [unhealthy(0, livenessFailed)],
    )
    expect(podFailureFindings(w, ctx).map((f) => f.kind)).toEqual(["crash_loop"])
    expect(probesThatKilled(w, ctx).size).toBe(0)
  })

  it("the kubelet's OOMKilled wins over probe events: the OOM killer ended it", () => {
    const w = workload(
      [[crashLooping("app", { reason: "OOMKilled", exitCode: 137 })]],
      [killing(0), unhealthy(0, livenessFailed)],
    )
    expect(podFailureFindings(w, ctx).map((f) => f.kind)).toEqual(["oom_killed"])
  })

  it("another container's probe kill does not explain this container's SIGKILL", () => {
    const containers = [container("app"), container("envoy")]
    const w = workload(
      [[crashLooping("app", { reason: "Error", exitCode: 137 }), running("envoy")]],
      [killing(0, "liveness", "envoy"), unhealthy(0, livenessFailed, "envoy")],
      containers,
    )
    const [f, ...rest] = podFailureFindings(w, ctx)
    expect(rest).toEqual([])
    expect(f?.kind).toBe("crash_loop")
    expect(f?.title).toContain("container app")
  })

  it("a container that was probe-killed and is ready again is a low restart, saying which probe", () => {
    const last = {
      terminated: { reason: "Error", exitCode: 137, finishedAt: "2026-11-27T12:59:00Z" },
    }
    const w = workload([[running("app", 1, last)]], [killing(0)], [container("app")], 1)
    const [f, ...rest] = podFailureFindings(w, ctx)
    expect(rest).toEqual([])
    expect([f?.kind, f?.severity]).toEqual(["restarts", "low"])
    expect(f?.detail).toContain("after failed liveness probes")
  })
})

describe("probe findings through analyze", () => {
  it("a probe that killed the container is one finding, not a second 'probe failing' one", () => {
    const sigkill = { reason: "Error", exitCode: 137 }
    const w = workload([[crashLooping("app", sigkill, 4)]], [killing(0), unhealthy(0, livenessFailed)])
    const { findings } = analyze({
      workloads: [w],
      nodes: [],
      alertNode: null,
      events: w.events,
      logs: new Map(),
      ctx,
    })
    expect(findings.filter((f) => f.kind === "probe_failure").map((f) => f.title)).toEqual([
      "api: container app killed by the kubelet after failed liveness probes in 1/1 pod (Error, exit 137), 4 restarts",
    ])
  })

  it("a readiness probe failing on the same pod is still its own finding", () => {
    const sigkill = { reason: "Error", exitCode: 137 }
    const readiness = "Readiness probe failed: Get http://10.0.3.9:8080/ready: context deadline exceeded"
    const w = workload(
      [[crashLooping("app", sigkill, 4)]],
      [killing(0), unhealthy(0, livenessFailed), unhealthy(0, readiness)],
    )
    const { findings } = analyze({
      workloads: [w],
      nodes: [],
      alertNode: null,
      events: w.events,
      logs: new Map(),
      ctx,
    })
    const titles = findings.filter((f) => f.kind === "probe_failure").map((f) => f.title)
    expect(titles).toHaveLength(2)
    expect(titles[1]).toContain("readiness probe failing")
  })
})

describe("exit 137 without OOMKilled", () => {
  it("with no reason at all is a crash with the SIGKILL note, never oom_killed", () => {
    const w = workload([[crashLooping("app", { exitCode: 137 })]], [])
    const [f, ...rest] = podFailureFindings(w, ctx)
    expect(rest).toEqual([])
    expect(f?.kind).toBe("crash_loop")
    expect(f?.title).toBe(
      "api: container app CrashLoopBackOff in 1/1 pod (exited (exit 137, SIGKILL)), 4 restarts",
    )
    expect(f?.detail).toContain("the kubelet did not report OOMKilled")
    expect(`${f?.title} ${f?.detail}`).not.toMatch(/OOMKilled in|out of memory/)
  })

  it("exit 143 is a SIGTERM with its own note", () => {
    const w = workload([[crashLooping("app", { reason: "Error", exitCode: 143 })]], [])
    const [f] = podFailureFindings(w, ctx)
    expect(f?.kind).toBe("crash_loop")
    expect(f?.detail).toContain("Exit 143 is a SIGTERM")
  })
})

describe("multi-container pods", () => {
  const containers = [
    container("app"),
    container("pdf-renderer", { resources: { limits: { memory: "256Mi" } } }),
  ]
  const oom = { reason: "OOMKilled", exitCode: 137 }

  it("names the OOMKilled sidecar first and says the other container is running and ready", () => {
    const w = workload([[running("app"), crashLooping("pdf-renderer", oom, 5)]], [], containers)
    const [f, ...rest] = podFailureFindings(w, ctx)
    expect(rest).toEqual([])
    expect(f?.kind).toBe("oom_killed")
    expect(f?.title).toBe("api: container pdf-renderer OOMKilled in 1/1 pod (memory limit 256Mi), 5 restarts")
    expect(f?.detail).toContain(
      "Container pdf-renderer (one of 2 containers in the pod; the other container app is running and ready)",
    )
    expect(f?.title).not.toContain("container app")
  })

  it("the node kernel's OOM events confirm the kill, also through analyze", () => {
    const w = workload([[running("app"), crashLooping("pdf-renderer", oom, 5)]], [], containers)
    const kernel = event({
      kind: "Node",
      name: nodeName,
      reason: "OOMKilling",
      message: "Memory cgroup out of memory: Killed process 4242 (chromium) total-vm:2048000kB",
      at: "2026-11-27T13:03:29Z",
      count: 2,
    })
    const note = `The kernel confirms it: node ${nodeName} reports OOMKilling ×2: Memory cgroup out of memory`
    const view = { nodes: [], events: [kernel] }
    expect(podFailureFindings(w, ctx, view)[0]?.detail).toContain(note)
    const { findings } = analyze({
      workloads: scoped({
        deployments: [deployment({ name: "api", replicas: 1, ready: 0 })],
        replicaSets: [rs],
        pods: w.pods,
      }),
      nodes: [],
      alertNode: null,
      events: [kernel],
      logs: new Map(),
      ctx,
    })
    expect(findings.find((f) => f.kind === "oom_killed")?.detail).toContain(note)
  })
})
