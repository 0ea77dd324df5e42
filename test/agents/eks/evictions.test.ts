/**
 * Evictions are the node taking pods away, not the pods failing: a disk-pressure eviction is a
 * `pod_evicted` finding naming the node, the resource and the DiskPressure condition (with the
 * node's own taint and events), never an OOM kill or a crash — even though the evicted pods'
 * containers read exit 137 — and a graceful node shutdown and a pod over its own
 * ephemeral-storage limit are told apart from node pressure.
 */
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { analyze } from "../../../src/agents/eks/analyze.js"
import { evictionOf, pressureFor } from "../../../src/agents/eks/evictions.js"
import { podFailureFindings } from "../../../src/agents/eks/pod-failures.js"
import { Pod } from "../../../src/domain/kubernetes.js"
import {
  container,
  ctx,
  deployment,
  event,
  node,
  pod,
  replicaSet,
  running,
  scoped,
  uid,
  workloadNamed,
} from "./fixtures/objects.js"

const nodeName = "ip-10-0-5-5.ec2.internal"
const owner = { kind: "ReplicaSet", name: "api-7d9f8c6b5" }
const rs = replicaSet({ name: "api-7d9f8c6b5", deployment: "api", revision: 3 })

const diskMessage =
  "The node was low on resource: ephemeral-storage. Threshold quantity: 2Gi, available: 1452Ki. Container app was using 6Gi, request is 0, has larger consumption of ephemeral-storage. "

interface EvictedInput {
  readonly name: string
  readonly reason?: string
  readonly message: string
  readonly node?: string
  /** A DisruptionTarget condition (TerminationByKubelet) at this time, if any. */
  readonly disruptionAt?: string
  readonly phase?: string
  /** The evicted container's termination (defaults to the eviction's SIGKILL). */
  readonly terminated?: Record<string, unknown>
}

/** An evicted pod as the API prints it: phase Failed, reason Evicted, containers killed with 137. */
const evicted = (e: EvictedInput): Pod =>
  Schema.decodeUnknownSync(Pod)({
    metadata: {
      name: e.name,
      namespace: "shop",
      uid: uid(e.name),
      labels: { app: "api" },
      ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: owner.name, controller: true }],
    },
    spec: { nodeName: e.node ?? nodeName, containers: [container("app")] },
    status: {
      phase: e.phase ?? "Failed",
      ...(e.reason === undefined ? {} : { reason: e.reason }),
      message: e.message,
      conditions: [
        { type: "Ready", status: "False" },
        ...(e.disruptionAt === undefined
          ? []
          : [
              {
                type: "DisruptionTarget",
                status: "True",
                reason: "TerminationByKubelet",
                message: e.message,
                lastTransitionTime: e.disruptionAt,
              },
            ]),
      ],
      containerStatuses: [
        {
          name: "app",
          ready: false,
          restartCount: 0,
          state: {
            terminated: {
              reason: "ContainerStatusUnknown",
              exitCode: 137,
              message: "The container could not be located when the pod was terminated",
              finishedAt: "2026-11-27T12:58:00Z",
              ...e.terminated,
            },
          },
        },
      ],
    },
  })

const diskNode = node(
  nodeName,
  [
    { type: "Ready", status: "True", lastTransitionTime: "2026-11-20T08:00:00Z" },
    {
      type: "DiskPressure",
      status: "True",
      reason: "KubeletHasDiskPressure",
      message: "kubelet has disk pressure",
      lastTransitionTime: "2026-11-27T12:52:10Z",
    },
  ],
  [{ key: "node.kubernetes.io/disk-pressure", effect: "NoSchedule" }],
)

const nodeEvents = [
  event({
    kind: "Node",
    name: nodeName,
    reason: "EvictionThresholdMet",
    message: "Attempting to reclaim ephemeral-storage",
    at: "2026-11-27T12:56:30Z",
    count: 4,
  }),
  event({
    kind: "Node",
    name: nodeName,
    reason: "FreeDiskSpaceFailed",
    message:
      "Failed to garbage collect required amount of images. Attempted to free 4Gi, but only found 0 bytes eligible to free.",
    at: "2026-11-27T12:55:00Z",
  }),
]

const stormPods = [
  evicted({
    name: "api-7d9f8c6b5-e1v1c",
    reason: "Evicted",
    message: diskMessage,
    disruptionAt: "2026-11-27T12:57:00Z",
  }),
  evicted({
    name: "api-7d9f8c6b5-e2v2c",
    reason: "Evicted",
    message: diskMessage,
    disruptionAt: "2026-11-27T12:58:40Z",
  }),
  pod({ name: "api-7d9f8c6b5-r3r3r", owner, node: "ip-10-0-6-6.ec2.internal", statuses: [running("app")] }),
  pod({ name: "api-7d9f8c6b5-p4p4p", owner, phase: "Pending", statuses: [] }),
]
const podEvents = [
  event({
    kind: "Pod",
    name: "api-7d9f8c6b5-e1v1c",
    reason: "Evicted",
    message: diskMessage,
    at: "2026-11-27T12:57:00Z",
  }),
]

const stormSnapshot = {
  deployments: [deployment({ name: "api", replicas: 3, ready: 1 })],
  replicaSets: [rs],
  pods: stormPods,
  events: [...podEvents, ...nodeEvents],
}

describe("evictionOf", () => {
  it("reads a disk-pressure eviction: class, resource, node and when", () => {
    const e = evictionOf(stormPods[0] as Pod)
    expect(e).toMatchObject({ cls: "pressure", resource: "ephemeral-storage", node: nodeName })
    expect(e?.at?.epochMillis).toBe(Date.parse("2026-11-27T12:57:00Z"))
  })

  it("tells a node shutdown and a pod over its own storage limit from node pressure", () => {
    const shut = evicted({
      name: "api-7d9f8c6b5-s5s5s",
      reason: "Terminated",
      message: "Pod was terminated in response to imminent node shutdown.",
    })
    const limit = evicted({
      name: "api-7d9f8c6b5-l6l6l",
      reason: "Evicted",
      message: "Pod ephemeral local storage usage exceeds the total limit of containers 1Gi. ",
    })
    expect(evictionOf(shut)).toMatchObject({ cls: "shutdown", resource: null })
    expect(evictionOf(limit)).toMatchObject({ cls: "limit", resource: "ephemeral-storage" })
  })

  it("a DisruptionTarget by the kubelet for low memory is an eviction even without the Evicted reason", () => {
    const e = evictionOf(
      evicted({
        name: "api-7d9f8c6b5-m7m7m",
        message: "The node was low on resource: memory. Threshold quantity: 100Mi, available: 88Mi.",
        disruptionAt: "2026-11-27T12:59:00Z",
      }),
    )
    expect(e).toMatchObject({ cls: "pressure", resource: "memory" })
    expect(pressureFor(e?.resource ?? null)?.condition).toBe("MemoryPressure")
  })

  it("a running pod, a crashed pod and a Terminated pod without a shutdown message are not evictions", () => {
    expect(evictionOf(pod({ name: "api-7d9f8c6b5-r3r3r", owner, statuses: [running("app")] }))).toBeNull()
    const failed = evicted({ name: "api-7d9f8c6b5-f8f8f", reason: "Error", message: "container exited" })
    expect(evictionOf(failed)).toBeNull()
    const terminated = evicted({ name: "api-7d9f8c6b5-t9t9t", reason: "Terminated", message: "done" })
    expect(evictionOf(terminated)).toBeNull()
  })

  it("maps the kubelet's resources to their pressure condition, and nothing else", () => {
    expect(pressureFor("ephemeral-storage")?.condition).toBe("DiskPressure")
    expect(pressureFor("nodefs.available")?.condition).toBe("DiskPressure")
    expect(pressureFor("imagefs.inodesFree")?.condition).toBe("DiskPressure")
    expect(pressureFor("memory.available")?.condition).toBe("MemoryPressure")
    expect(pressureFor("pids")?.taint).toBe("node.kubernetes.io/pid-pressure")
    expect(pressureFor("cpu")).toBeNull()
    expect(pressureFor(null)).toBeNull()
  })
})

describe("eviction findings through analyze", () => {
  const run = (snapshot = stormSnapshot) =>
    analyze({
      workloads: scoped(snapshot),
      nodes: [diskNode],
      alertNode: null,
      events: snapshot.events,
      logs: new Map(),
      ctx,
    }).findings

  it("a disk-pressure eviction storm is one pod_evicted naming the node, ephemeral-storage and DiskPressure", () => {
    const evictions = run().filter((f) => f.kind === "pod_evicted")
    expect(evictions).toHaveLength(1)
    const [f] = evictions
    expect(f?.title).toBe(
      `api: 2 pods Evicted — node low on ephemeral-storage (DiskPressure) on node ${nodeName}`,
    )
    expect(f?.severity).toBe("high")
    expect(f?.service).toBe("api")
    expect(f?.resource).toBe("pod/shop/api-7d9f8c6b5-e2v2c")
    expect(f?.observedAt?.epochMillis).toBe(Date.parse("2026-11-27T12:58:40Z"))
    expect(f?.detail).toContain("DiskPressure=True since 12:52:10Z (kubelet has disk pressure)")
    expect(f?.detail).toContain("taint node.kubernetes.io/disk-pressure:NoSchedule")
    expect(f?.detail).toContain(
      "EvictionThresholdMet ×4 (last 12:56:30Z): Attempting to reclaim ephemeral-storage",
    )
    expect(f?.detail).toContain("not a crash of the application")
    expect(f?.detail).toContain("1/3 replicas ready, 1 replacement pod Pending")
  })

  it("the evicted pods' exit-137 containers are neither OOM kills nor crashes", () => {
    const findings = run()
    expect(findings.filter((f) => f.kind === "oom_killed" || f.kind === "crash_loop")).toEqual([])
    for (const f of findings) expect(`${f.title} ${f.detail}`).not.toMatch(/OOMKilled/)
  })

  it("even an evicted container whose last state reads OOMKilled is left to the eviction", () => {
    // Under memory pressure the kubelet's eviction and the kernel can race; the pod is still gone
    // because the node took it, and the live pods' own failures are what pod-failures reports.
    const pods = [
      evicted({
        name: "api-7d9f8c6b5-e1v1c",
        reason: "Evicted",
        message: "The node was low on resource: memory. Threshold quantity: 100Mi, available: 80Mi.",
        terminated: { reason: "OOMKilled", exitCode: 137 },
      }),
    ]
    const w = workloadNamed({ ...stormSnapshot, pods }, "api")
    expect(podFailureFindings(w, ctx)).toEqual([])
    const [f] = run({ ...stormSnapshot, pods }).filter((x) => x.kind === "pod_evicted")
    expect(f?.title).toContain("node low on memory (MemoryPressure)")
  })

  it("a node shutdown is told as one, not as pressure", () => {
    const pods = [
      evicted({
        name: "api-7d9f8c6b5-s5s5s",
        reason: "Terminated",
        message: "Pod was terminated in response to imminent node shutdown.",
        node: "ip-10-0-7-7.ec2.internal",
      }),
    ]
    const findings = run({ ...stormSnapshot, pods, events: [] })
    const [f, ...more] = findings.filter((x) => x.kind === "pod_evicted")
    expect(more).toEqual([])
    expect(f?.title).toBe("api: 1 pod terminated by a node shutdown of node ip-10-0-7-7.ec2.internal")
    expect(f?.title).not.toMatch(/Pressure|low on/)
    expect(findings.some((x) => x.kind === "oom_killed" || x.kind === "crash_loop")).toBe(false)
  })

  it("an eviction older than the evidence window is history, not a finding", () => {
    const pods = [
      evicted({
        name: "api-7d9f8c6b5-o0o0o",
        reason: "Evicted",
        message: diskMessage,
        disruptionAt: "2026-11-26T09:00:00Z",
      }),
    ]
    expect(run({ ...stormSnapshot, pods, events: [] }).filter((f) => f.kind === "pod_evicted")).toEqual([])
  })

  it("while the workload is still short of replicas, evictions since the change lookback explain it", () => {
    const pods = [
      evicted({
        name: "api-7d9f8c6b5-h3h3h",
        reason: "Evicted",
        message: "Pod ephemeral local storage usage exceeds the total limit of containers 1Gi. ",
        disruptionAt: "2026-11-27T10:10:00Z",
      }),
    ]
    const short = run({ ...stormSnapshot, pods, events: [] }).filter((f) => f.kind === "pod_evicted")
    expect(short.map((f) => f.title)).toEqual([
      expect.stringMatching(/1 pod Evicted — ephemeral-storage use over the pod's own limit/),
    ])
    const whole = {
      ...stormSnapshot,
      deployments: [deployment({ name: "api", replicas: 3, ready: 3 })],
      pods,
      events: [],
    }
    expect(run(whole).filter((f) => f.kind === "pod_evicted")).toEqual([])
  })

  it("the eviction of a workload the alert does not name is low", () => {
    const workloads = scoped(stormSnapshot, false)
    const { findings } = analyze({
      workloads,
      nodes: [diskNode],
      alertNode: null,
      events: stormSnapshot.events,
      logs: new Map(),
      ctx,
    })
    const evictions = findings.filter((f) => f.kind === "pod_evicted")
    expect(evictions.map((f) => f.severity)).toEqual(["low"])
  })
})
