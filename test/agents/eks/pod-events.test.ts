/**
 * Event analyzers: FailedScheduling with the scheduler's own reasons (high when half the
 * replicas are unavailable, medium otherwise), cluster-autoscaler decisions, which probe is
 * failing, FailedCreate on the workload's ReplicaSet, and stale events ignored.
 */
import { describe, expect, it } from "@effect/vitest"
import {
  autoscalerFinding,
  failedCreateFinding,
  jobFailureFinding,
  probeFindings,
  sandboxFinding,
  unschedulableFinding,
  volumeFinding,
} from "../../../src/agents/eks/pod-events.js"
import { ctx, deployment, event, pod, replicaSet, running, workloadNamed } from "./fixtures/objects.js"

const rs = replicaSet({ name: "search-6b7c8d9f5", deployment: "search", revision: 2 })
const owner = { kind: "ReplicaSet", name: "search-6b7c8d9f5" }
const pending = (name: string) =>
  pod({
    name,
    owner,
    phase: "Pending",
    statuses: [],
    conditions: [
      { type: "PodScheduled", status: "False", reason: "Unschedulable", message: "0/5 nodes are available" },
    ],
  })
const scheduling =
  "0/5 nodes are available: 3 Insufficient memory, 2 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/5 nodes are available."

describe("unschedulableFinding", () => {
  it("names the scheduler's reasons; high when at least half of the desired replicas are unavailable", () => {
    const pods = [pending("search-6b7c8d9f5-aaaaa"), pending("search-6b7c8d9f5-bbbbb")]
    const events = [
      event({
        kind: "Pod",
        name: "search-6b7c8d9f5-aaaaa",
        reason: "FailedScheduling",
        message: scheduling,
        count: 7,
      }),
    ]
    const w = workloadNamed(
      {
        deployments: [deployment({ name: "search", replicas: 3, ready: 1 })],
        replicaSets: [rs],
        pods,
        events,
      },
      "search",
    )
    const f = unschedulableFinding(w, ctx)
    expect(f?.kind).toBe("unschedulable")
    expect(f?.severity).toBe("high")
    expect(f?.title).toBe(`search: 2 pods Pending, unschedulable — ${scheduling}`)
    expect(f?.detail).toContain("FailedScheduling ×7")
    expect(f?.resource).toBe("pod/shop/search-6b7c8d9f5-aaaaa")
  })

  it("is medium when most replicas still serve, and absent without pending pods or events", () => {
    const pods = [
      pending("search-6b7c8d9f5-aaaaa"),
      pod({ name: "search-6b7c8d9f5-ccccc", owner, statuses: [running("app")] }),
    ]
    const w = workloadNamed(
      { deployments: [deployment({ name: "search", replicas: 4, ready: 3 })], replicaSets: [rs], pods },
      "search",
    )
    expect(unschedulableFinding(w, ctx)?.severity).toBe("medium")
    const healthy = workloadNamed(
      {
        deployments: [deployment({ name: "search", replicas: 1, ready: 1 })],
        replicaSets: [rs],
        pods: [pods[1] ?? pending("x")],
      },
      "search",
    )
    expect(unschedulableFinding(healthy, ctx)).toBeNull()
  })
})

describe("autoscalerFinding", () => {
  it("reports cluster-autoscaler refusing to scale up (medium) and a triggered scale-up as info", () => {
    const pods = [pending("search-6b7c8d9f5-aaaaa")]
    const refused = event({
      kind: "Pod",
      name: "search-6b7c8d9f5-aaaaa",
      reason: "NotTriggerScaleUp",
      type: "Normal",
      message: "pod didn't trigger scale-up: 2 max node group size reached",
      component: "cluster-autoscaler",
    })
    const w = workloadNamed(
      {
        deployments: [deployment({ name: "search", replicas: 1 })],
        replicaSets: [rs],
        pods,
        events: [refused],
      },
      "search",
    )
    const f = autoscalerFinding(w, ctx)
    expect([f?.kind, f?.severity]).toEqual(["autoscaler", "medium"])
    expect(f?.title).toContain("max node group size reached")
    const triggered = event({
      ...{ kind: "Pod", name: "search-6b7c8d9f5-aaaaa" },
      reason: "TriggeredScaleUp",
      type: "Normal",
      message: "pod triggered scale-up: [{ng-general 3->4 (max: 10)}]",
      component: "cluster-autoscaler",
    })
    const w2 = workloadNamed(
      {
        deployments: [deployment({ name: "search", replicas: 1 })],
        replicaSets: [rs],
        pods,
        events: [triggered],
      },
      "search",
    )
    expect(autoscalerFinding(w2, ctx)?.severity).toBe("info")
  })
})

describe("probeFindings", () => {
  it("one finding per probe kind, counting repeats across pods, medium", () => {
    const pods = [
      pod({ name: "search-6b7c8d9f5-aaaaa", owner, statuses: [running("app")] }),
      pod({ name: "search-6b7c8d9f5-bbbbb", owner, statuses: [running("app")] }),
    ]
    const events = [
      event({
        kind: "Pod",
        name: "search-6b7c8d9f5-aaaaa",
        reason: "Unhealthy",
        message: "Readiness probe failed: HTTP probe failed with statuscode: 503",
        count: 12,
      }),
      event({
        kind: "Pod",
        name: "search-6b7c8d9f5-bbbbb",
        reason: "Unhealthy",
        message: "Readiness probe failed: HTTP probe failed with statuscode: 503",
        count: 3,
        at: "2026-11-27T13:04:30Z",
      }),
      event({
        kind: "Pod",
        name: "search-6b7c8d9f5-bbbbb",
        reason: "Unhealthy",
        message: 'Liveness probe failed: Get "http://10.0.1.2:8080/healthz": context deadline exceeded',
        count: 2,
      }),
    ]
    const w = workloadNamed(
      {
        deployments: [deployment({ name: "search", replicas: 2, ready: 2 })],
        replicaSets: [rs],
        pods,
        events,
      },
      "search",
    )
    const findings = probeFindings(w, ctx)
    expect(findings.map((f) => [f.kind, f.title, f.severity])).toEqual([
      ["probe_failure", "search: readiness probe failing (15 times on 2 pods)", "medium"],
      ["probe_failure", "search: liveness probe failing (2 times on 1 pod)", "medium"],
    ])
    expect(findings[0]?.resource).toBe("pod/shop/search-6b7c8d9f5-bbbbb")
  })

  it("leaves out a restarted container's probe failures while it starts (the restart is the finding)", () => {
    // Restarted (OOMKilled) and running again since 13:00:00: readiness fails at 13:00:40 while
    // it warms up (part of the restart), and again at 13:04:00 (a failure of its own).
    const oom = { terminated: { reason: "OOMKilled", exitCode: 137, finishedAt: "2026-11-27T12:59:58Z" } }
    const pods = [pod({ name: "search-6b7c8d9f5-aaaaa", owner, statuses: [running("app", 1, oom)] })]
    const unhealthy = (at: string) =>
      event({
        kind: "Pod",
        name: "search-6b7c8d9f5-aaaaa",
        reason: "Unhealthy",
        message: "Readiness probe failed: dial tcp 10.0.1.2:8080: connect: connection refused",
        at,
      })
    const w = (events: ReturnType<typeof event>[]) =>
      workloadNamed(
        {
          deployments: [deployment({ name: "search", replicas: 1, ready: 1 })],
          replicaSets: [rs],
          pods,
          events,
        },
        "search",
      )
    expect(probeFindings(w([unhealthy("2026-11-27T13:00:40Z")]), ctx)).toEqual([])
    expect(
      probeFindings(w([unhealthy("2026-11-27T13:00:40Z"), unhealthy("2026-11-27T13:04:00Z")]), ctx).map(
        (f) => f.title,
      ),
    ).toEqual(["search: readiness probe failing (1 time on 1 pod)"])
  })

  it("ignores events older than the evidence window", () => {
    const pods = [pod({ name: "search-6b7c8d9f5-aaaaa", owner, statuses: [running("app")] })]
    const stale = event({
      kind: "Pod",
      name: "search-6b7c8d9f5-aaaaa",
      reason: "Unhealthy",
      message: "Readiness probe failed: x",
      at: "2026-11-27T11:00:00Z",
    })
    const w = workloadNamed(
      {
        deployments: [deployment({ name: "search", replicas: 1, ready: 1 })],
        replicaSets: [rs],
        pods,
        events: [stale],
      },
      "search",
    )
    expect(probeFindings(w, ctx)).toEqual([])
  })
})

describe("failedCreateFinding", () => {
  it("reports FailedCreate on the workload's ReplicaSet with the quota message", () => {
    const message =
      'pods "search-6b7c8d9f5-zzzzz" is forbidden: exceeded quota: compute, requested: limits.memory=2Gi'
    const events = [
      event({ kind: "ReplicaSet", name: "search-6b7c8d9f5", reason: "FailedCreate", message, count: 9 }),
    ]
    const w = workloadNamed(
      { deployments: [deployment({ name: "search", replicas: 2, ready: 0 })], replicaSets: [rs], events },
      "search",
    )
    const f = failedCreateFinding(w, ctx)
    expect(f?.kind).toBe("failed_create")
    expect(f?.severity).toBe("critical")
    expect(f?.resource).toBe("replicaset/shop/search-6b7c8d9f5")
    expect(f?.excerpt).toBe(message)
    expect(f?.detail).toContain("×9")
  })
})

describe("failedCreateFinding: a namespace ResourceQuota", () => {
  const quotaMessage =
    'Error creating: pods "search-6b7c8d9f5-2xq9t" is forbidden: exceeded quota: shop-quota, requested: requests.cpu=1, used: requests.cpu=16, limited: requests.cpu=16'
  const scoped = (message: string) =>
    workloadNamed(
      {
        deployments: [deployment({ name: "search", replicas: 30, ready: 16 })],
        replicaSets: [rs],
        events: [
          event({
            kind: "ReplicaSet",
            name: "search-6b7c8d9f5",
            reason: "FailedCreate",
            message,
            count: 118,
          }),
        ],
      },
      "search",
    )

  it("names the quota, the resource and the workload, high below the replicas asked for", () => {
    const f = failedCreateFinding(scoped(quotaMessage), ctx)
    expect(f?.severity).toBe("high")
    expect(f?.title).toBe(
      "search: namespace ResourceQuota shop-quota exceeded on requests.cpu (used 16 of 16, the pod asks 1) — replicaset search-6b7c8d9f5 cannot create pods (FailedCreate ×118), 16/30 replicas ready",
    )
  })

  it("adds the quota object's used/hard when it was listed", () => {
    const quota = {
      metadata: { name: "shop-quota", namespace: "shop", labels: {}, annotations: {}, ownerReferences: [] },
      status: { hard: { "requests.cpu": "16", pods: "40" }, used: { "requests.cpu": "16", pods: "16" } },
    }
    const f = failedCreateFinding(scoped(quotaMessage), { ...ctx, quotas: [quota] })
    expect(f?.detail).toContain("ResourceQuota shop-quota (used/hard): requests.cpu 16/16, pods 16/40.")
  })

  it("a refusal still retried after the window closes is observed at the window's end (stop 22)", () => {
    const w = scoped(quotaMessage)
    const retried = w.events.map((e) => ({
      ...e,
      firstTimestamp: "2026-11-27T12:50:00Z",
      lastTimestamp: "2026-11-27T13:20:00Z",
    }))
    const f = failedCreateFinding({ ...w, events: retried }, ctx)
    expect(f?.observedAt?.epochMillis).toBe(ctx.window.end.epochMillis)
    // Decoy: refusals that began only after the window keep their own time.
    const later = w.events.map((e) => ({
      ...e,
      firstTimestamp: "2026-11-27T13:15:00Z",
      lastTimestamp: "2026-11-27T13:20:00Z",
    }))
    expect(failedCreateFinding({ ...w, events: later }, ctx)?.observedAt?.epochMillis).toBe(
      Date.parse("2026-11-27T13:20:00Z"),
    )
  })

  it("a PodSecurity refusal is a FailedCreate, not a quota", () => {
    const psa =
      'Error creating: pods "search-6b7c8d9f5-2xq9t" is forbidden: violates PodSecurity "restricted:latest": runAsNonRoot != true'
    const f = failedCreateFinding(scoped(psa), ctx)
    expect(f?.title).toBe(`search: FailedCreate on replicaset search-6b7c8d9f5 — ${psa}`)
    expect(f?.title).not.toMatch(/quota/i)
  })
})

describe("failedCreateFinding: Pod-level events and LimitRanges (stop 25)", () => {
  const podEvent = (message: string) =>
    workloadNamed(
      {
        deployments: [deployment({ name: "search", replicas: 6, ready: 2 })],
        replicaSets: [rs],
        pods: [pod({ name: "search-6b7c8d9f5-aaaaa", owner, statuses: [running("app")] })],
        events: [
          event({ kind: "Pod", name: "search-6b7c8d9f5-aaaaa", reason: "FailedCreate", message, count: 3 }),
        ],
      },
      "search",
    )

  it("reads a quota refusal stated on a Pod's own event", () => {
    const message =
      'pods "search-6b7c8d9f5-aaaaa" is forbidden: exceeded quota: shop-quota, requested: limits.memory=2Gi, used: limits.memory=32Gi, limited: limits.memory=32Gi'
    const f = failedCreateFinding(podEvent(message), ctx)
    expect(f?.title).toMatch(
      /namespace ResourceQuota shop-quota exceeded on limits\.memory \(used 32Gi of 32Gi/,
    )
  })

  it("decoy: a Pod's FailedCreate for another reason stays the kubelet's, not a refusal", () => {
    expect(
      failedCreateFinding(
        podEvent("Error: failed to create containerd task: context deadline exceeded"),
        ctx,
      ),
    ).toBe(null)
  })

  it("names a LimitRange refusal on the ReplicaSet", () => {
    const message =
      'Error creating: pods "search-6b7c8d9f5-zz" is forbidden: maximum memory usage per Container is 1Gi, but limit is 2Gi'
    const w = workloadNamed(
      {
        deployments: [deployment({ name: "search", replicas: 6, ready: 2 })],
        replicaSets: [rs],
        events: [
          event({ kind: "ReplicaSet", name: "search-6b7c8d9f5", reason: "FailedCreate", message, count: 4 }),
        ],
      },
      "search",
    )
    expect(failedCreateFinding(w, ctx)?.title).toBe(
      `search: a namespace LimitRange refuses the pods — replicaset search-6b7c8d9f5 cannot create pods (FailedCreate ×4), 2/6 replicas ready — ${message}`,
    )
  })
})

describe("volumeFinding", () => {
  const multiAttach =
    'Multi-Attach error for volume "pvc-4f1c" Volume is already exclusively attached to one node and can\'t be attached to another'
  const mount =
    "Unable to attach or mount volumes: unmounted volumes=[data]: timed out waiting for the condition"

  it("leads with the attach failure, names the pods and says how many replicas serve", () => {
    const pods = [pending("search-6b7c8d9f5-ccccc")]
    const events = [
      event({
        kind: "Pod",
        name: "search-6b7c8d9f5-ccccc",
        reason: "FailedAttachVolume",
        message: multiAttach,
        count: 4,
      }),
      event({ kind: "Pod", name: "search-6b7c8d9f5-ccccc", reason: "FailedMount", message: mount, count: 2 }),
    ]
    const w = workloadNamed(
      {
        deployments: [deployment({ name: "search", replicas: 3, ready: 2 })],
        replicaSets: [rs],
        pods,
        events,
      },
      "search",
    )
    const f = volumeFinding(w, ctx)
    expect(f?.kind).toBe("volume_mount")
    expect(f?.title).toContain(multiAttach)
    expect(f?.detail).toContain("×6")
    expect(f?.detail).toContain("2/3 replicas ready")
    expect(f?.resource).toBe("pod/shop/search-6b7c8d9f5-ccccc")
  })

  it("is absent without volume events", () => {
    const w = workloadNamed(
      {
        deployments: [deployment({ name: "search", replicas: 3, ready: 3 })],
        replicaSets: [rs],
        pods: [pending("search-6b7c8d9f5-ccccc")],
        events: [],
      },
      "search",
    )
    expect(volumeFinding(w, ctx)).toBeNull()
  })
})

describe("sandboxFinding", () => {
  const cni =
    'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "9c1e": plugin type="aws-cni" name="aws-cni" failed (add): add cmd: failed to assign an IP address to container'

  it("says the CNI could not give the pods an IP, with how many replicas serve", () => {
    const pods = [pending("search-6b7c8d9f5-ccccc"), pending("search-6b7c8d9f5-ddddd")]
    const events = pods.map((p) =>
      event({ kind: "Pod", name: p.metadata.name, reason: "FailedCreatePodSandBox", message: cni, count: 3 }),
    )
    // Two of four replicas serve; the other two have no network.
    const search = (withEvents: typeof events) =>
      workloadNamed(
        {
          deployments: [deployment({ name: "search", replicas: 4, ready: 2 })],
          replicaSets: [rs],
          pods,
          events: withEvents,
        },
        "search",
      )
    const f = sandboxFinding(search(events), ctx)
    expect(f?.kind).toBe("sandbox_failed")
    expect(f?.title).toMatch(
      /^search: FailedCreatePodSandBox on 2 pods — failed to assign an IP address to container/,
    )
    expect(f?.detail).toContain("×6")
    expect(f?.detail).toContain("2/4 replicas ready")
    expect(sandboxFinding(search([]), ctx)).toBeNull()
  })
})

describe("jobFailureFinding", () => {
  it("reads a CronJob's failed runs from the Job and CronJob controllers' events, with the running one", () => {
    // The current run's pod is all that is left; the runs that failed have no pods any more.
    const pods = [
      pod({
        name: "export-29064570-wz7fk",
        owner: { kind: "Job", name: "export-29064570" },
        statuses: [running("export")],
      }),
    ]
    const events = [
      event({
        kind: "Job",
        name: "export-29064510",
        reason: "DeadlineExceeded",
        message: "Job was active longer than specified deadline",
        at: "2026-11-27T12:55:04Z",
      }),
      event({
        kind: "CronJob",
        name: "export",
        reason: "SawCompletedJob",
        message: "Saw completed job: export-29064510, status: Failed",
        type: "Normal",
        at: "2026-11-27T12:55:05Z",
      }),
      // another CronJob's run and an older failure outside the window are not this one's
      event({
        kind: "Job",
        name: "exporter-2-29064510",
        reason: "DeadlineExceeded",
        message: "x",
        at: "2026-11-27T12:55:04Z",
      }),
      event({
        kind: "Job",
        name: "export-29064450",
        reason: "BackoffLimitExceeded",
        message: "Job has reached the specified backoff limit",
        at: "2026-11-27T10:00:00Z",
      }),
    ]
    const w = workloadNamed({ pods, events }, "export-29064570")
    const f = jobFailureFinding(w, ctx)
    expect(f).toMatchObject({
      kind: "job_failed",
      severity: "high",
      service: "export",
      resource: "job/shop/export-29064510",
    })
    expect(f?.title).toBe(
      "export: 1 Job run failed — DeadlineExceeded: Job was active longer than specified deadline",
    )
    expect(f?.detail).toContain("Failed runs: export-29064510.")
  })

  it("is absent when no run failed", () => {
    const pods = [
      pod({
        name: "export-29064570-wz7fk",
        owner: { kind: "Job", name: "export-29064570" },
        statuses: [running("export")],
      }),
    ]
    expect(jobFailureFinding(workloadNamed({ pods, events: [] }, "export-29064570"), ctx)).toBeNull()
  })
})
