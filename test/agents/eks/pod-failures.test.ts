/**
 * Container-status analyzers: the last termination decides OOM vs crash, waiting reasons give
 * image and config errors, a healthy sidecar is never blamed, recovered restarts are low, and
 * severity follows DESIGN §3 (no ready replica → critical, below desired → high, at desired →
 * medium, not the alert's workload → low).
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime } from "effect"
import { missingReference, podFailureFindings } from "../../../src/agents/eks/pod-failures.js"
import {
  container,
  crashLooping,
  ctx,
  deployment,
  event,
  pod,
  replicaSet,
  running,
  waiting,
  workloadNamed,
} from "./fixtures/objects.js"

const rs = replicaSet({ name: "api-7d9f8c6b5", deployment: "api", revision: 3 })
const owner = { kind: "ReplicaSet", name: "api-7d9f8c6b5" }

const apiPods = (
  statuses: ReadonlyArray<ReadonlyArray<Record<string, unknown>>>,
  containers = [container("app")],
) =>
  statuses.map((s, i) =>
    pod({ name: `api-7d9f8c6b5-x${i}k2m`, owner, containers, statuses: s, labels: { app: "api" } }),
  )

describe("podFailureFindings", () => {
  it("OOMKilled as the last termination is oom_killed, critical when no replica is ready", () => {
    const pods = apiPods([
      [crashLooping("app", { reason: "OOMKilled", exitCode: 137 }, 6)],
      [crashLooping("app", { reason: "OOMKilled", exitCode: 137 }, 5)],
    ])
    const w = workloadNamed(
      { deployments: [deployment({ name: "api", replicas: 2, ready: 0 })], replicaSets: [rs], pods },
      "api",
    )
    const [f, ...rest] = podFailureFindings(w, ctx)
    expect(rest).toEqual([])
    expect(f?.kind).toBe("oom_killed")
    expect(f?.severity).toBe("critical")
    expect(f?.title).toBe("api: container app OOMKilled in 2/2 pods, 11 restarts")
    expect(f?.detail).toContain("OOMKilled (exit 137, SIGKILL) at 13:03:30Z; now CrashLoopBackOff")
    expect(f?.service).toBe("api")
    expect(f?.resource).toMatch(/^pod\/shop\/api-7d9f8c6b5-x[01]k2m$/)
    expect(f?.observedAt).toEqual(DateTime.unsafeMake("2026-11-27T13:03:30Z"))
    expect(f?.link).toBeNull()
  })

  it("exit 137 without the OOMKilled reason is a SIGKILL from outside, not an OOM kill", () => {
    // An eviction, a liveness kill or a grace-period timeout also ends in 137; only the kubelet's
    // OOMKilled reason says the OOM killer did it.
    const pods = apiPods([[crashLooping("app", { reason: "Error", exitCode: 137 })]])
    const w = workloadNamed(
      { deployments: [deployment({ name: "api", replicas: 3, ready: 2 })], replicaSets: [rs], pods },
      "api",
    )
    const [f] = podFailureFindings(w, ctx)
    expect([f?.kind, f?.severity]).toEqual(["crash_loop", "high"])
    expect(f?.detail).toContain("SIGKILL from outside the process")
  })

  it("any other exit code is crash_loop with the code, its meaning and the reason; medium at desired capacity", () => {
    const pods = apiPods([[crashLooping("app", { reason: "Error", exitCode: 127 }, 3)]])
    const w = workloadNamed(
      { deployments: [deployment({ name: "api", replicas: 1, ready: 1 })], replicaSets: [rs], pods },
      "api",
    )
    const [f] = podFailureFindings(w, ctx)
    expect(f?.kind).toBe("crash_loop")
    expect(f?.title).toBe(
      "api: container app CrashLoopBackOff in 1/1 pod (Error (exit 127, command not found)), 3 restarts",
    )
    expect(f?.severity).toBe("medium")
  })

  it("a crash loop states when it began: its first BackOff event, never another container's", () => {
    // The onset lets a person's report treat a loop failing since the day before as background
    // (causes-background.ts); observedAt stays the last termination.
    const pods = apiPods([[crashLooping("app", { reason: "Error", exitCode: 1 }, 212)]])
    const backOff = (firstTimestamp: string, fieldPath?: string) => {
      const e = event({
        kind: "Pod",
        name: pods[0]?.metadata.name ?? "",
        reason: "BackOff",
        message: "Back-off restarting failed container",
      })
      return { ...e, firstTimestamp, involvedObject: { ...e.involvedObject, fieldPath } }
    }
    const events = [
      backOff("2026-11-25T22:04:40Z"),
      backOff("2026-11-20T08:00:00Z", "spec.containers{envoy}"),
    ]
    const w = workloadNamed(
      { deployments: [deployment({ name: "api", replicas: 1, ready: 0 })], replicaSets: [rs], pods, events },
      "api",
    )
    const [f] = podFailureFindings(w, ctx)
    expect(f?.detail).toContain("Failing since 2026-11-25T22:04:40Z (first BackOff).")
    const [plain] = podFailureFindings(
      workloadNamed(
        { deployments: [deployment({ name: "api", replicas: 1, ready: 0 })], replicaSets: [rs], pods },
        "api",
      ),
      ctx,
    )
    expect(plain?.detail).not.toContain("Failing since")
  })

  it("a multi-container pod blames the failing container, never its healthy sidecar", () => {
    const containers = [container("app"), container("envoy")]
    const pods = apiPods(
      [[crashLooping("app", { reason: "Error", exitCode: 1 }), running("envoy")]],
      containers,
    )
    const w = workloadNamed(
      { deployments: [deployment({ name: "api", replicas: 1, ready: 0 })], replicaSets: [rs], pods },
      "api",
    )
    const findings = podFailureFindings(w, ctx)
    expect(findings.map((f) => [f.kind, f.title.includes("container app")])).toEqual([["crash_loop", true]])
    expect(findings.some((f) => f.title.includes("envoy"))).toBe(false)
  })

  it("ImagePullBackOff names the image and the kubelet's pull error from the events", () => {
    const pods = [
      pod({
        name: "web-5f6d7c8b9-abcde",
        owner: { kind: "ReplicaSet", name: "web-5f6d7c8b9" },
        containers: [container("web", { image: "registry.example.com/web:v9-typo" })],
        statuses: [
          {
            ...waiting("web", "ImagePullBackOff", "Back-off pulling image"),
            image: "registry.example.com/web:v9-typo",
          },
        ],
      }),
    ]
    // Newer than the pull error, the kubelet's "Back-off pulling image" and "Error: ImagePullBackOff"
    // say only that it keeps trying: the finding quotes why the pull failed.
    const events = [
      event({
        kind: "Pod",
        name: "web-5f6d7c8b9-abcde",
        reason: "Failed",
        message: 'Failed to pull image "registry.example.com/web:v9-typo": manifest unknown',
      }),
      event({
        kind: "Pod",
        name: "web-5f6d7c8b9-abcde",
        reason: "BackOff",
        message: 'Back-off pulling image "registry.example.com/web:v9-typo"',
        at: "2026-11-27T13:06:00Z",
      }),
      event({
        kind: "Pod",
        name: "web-5f6d7c8b9-abcde",
        reason: "Failed",
        message: "Error: ImagePullBackOff",
        at: "2026-11-27T13:06:00Z",
      }),
    ]
    const [f] = podFailureFindings(workloadNamed({ pods, events }, "web"), ctx)
    expect(f?.kind).toBe("image_pull")
    expect(f?.title).toContain(
      "container web ImagePullBackOff in 1/1 pod (image registry.example.com/web:v9-typo)",
    )
    expect(f?.excerpt).toBe('Failed to pull image "registry.example.com/web:v9-typo": manifest unknown')
    expect(f?.observedAt).toEqual(DateTime.unsafeMake("2026-11-27T13:04:00Z"))
  })

  it("a batch run's failing pod is high, never critical: late work, not an outage", () => {
    const pods = [
      pod({
        name: "ledger-reconcile-29954970-x7k2q",
        owner: { kind: "Job", name: "ledger-reconcile-29954970" },
        containers: [container("reconcile", { image: "registry.example.com/ledger-reconcile:v1.14.2" })],
        statuses: [waiting("reconcile", "ImagePullBackOff", "Back-off pulling image")],
      }),
    ]
    const [f] = podFailureFindings(workloadNamed({ pods }, "ledger-reconcile-29954970"), ctx)
    expect(f?.kind).toBe("image_pull")
    expect(f?.severity).toBe("high")
  })

  it("CreateContainerConfigError names the missing Secret key", () => {
    const message = "couldn't find key DB_PASSWORD in Secret shop/db-credentials"
    const pods = apiPods([[waiting("app", "CreateContainerConfigError", message)]])
    const w = workloadNamed(
      { deployments: [deployment({ name: "api", replicas: 1, ready: 0 })], replicaSets: [rs], pods },
      "api",
    )
    const [f] = podFailureFindings(w, ctx)
    expect(f?.kind).toBe("config_error")
    expect(f?.title).toContain("— key DB_PASSWORD missing from Secret shop/db-credentials")
    expect(f?.severity).toBe("critical")
  })

  it("reads the missing object from the waiting message or the event", () => {
    expect(missingReference('secret "db-credentials" not found')).toBe("Secret db-credentials not found")
    expect(missingReference('Error: configmap "features" not found')).toBe("ConfigMap features not found")
    expect(missingReference("something else")).toBeNull()
  })

  it("restarts inside the window that recovered are low; older ones are not reported", () => {
    const recent = { terminated: { reason: "Error", exitCode: 1, finishedAt: "2026-11-27T12:50:00Z" } }
    const old = { terminated: { reason: "Error", exitCode: 1, finishedAt: "2026-11-26T12:50:00Z" } }
    const pods = apiPods([[running("app", 2, recent)], [running("app", 9, old)]])
    const w = workloadNamed(
      { deployments: [deployment({ name: "api", replicas: 2, ready: 2 })], replicaSets: [rs], pods },
      "api",
    )
    const findings = podFailureFindings(w, ctx)
    expect(findings.map((f) => [f.kind, f.severity])).toEqual([["restarts", "low"]])
    expect(findings[0]?.detail).toContain("exit 1")
  })

  it("OOM kills of containers running again are a memory failure, over the whole change lookback (a leak)", () => {
    // Each pod OOMKilled in turn, hours apart; all running and ready now. The one from the day
    // before is outside the 6 h change lookback and does not count.
    const oomAt = (finishedAt: string) => ({ terminated: { reason: "OOMKilled", exitCode: 137, finishedAt } })
    const pods = apiPods([
      [running("app", 4, oomAt("2026-11-27T12:50:00Z"))],
      [running("app", 3, oomAt("2026-11-27T09:40:00Z"))],
      [running("app", 5, oomAt("2026-11-26T12:50:00Z"))],
    ])
    const w = workloadNamed(
      { deployments: [deployment({ name: "api", replicas: 3, ready: 3 })], replicaSets: [rs], pods },
      "api",
    )
    const findings = podFailureFindings(w, ctx)
    expect(findings.map((f) => [f.kind, f.severity])).toEqual([["oom_killed", "medium"]])
    expect(findings[0]?.title).toMatch(/OOMKilled in 2\/3 pods.*7 restarts/)
  })

  it("OOM kills in every replica, again and again, are high even while all are ready (a leak everywhere)", () => {
    const oomAt = (finishedAt: string) => ({ terminated: { reason: "OOMKilled", exitCode: 137, finishedAt } })
    const pods = apiPods([
      [running("app", 7, oomAt("2026-11-27T12:50:00Z"))],
      [running("app", 7, oomAt("2026-11-27T11:40:00Z"))],
      [running("app", 6, oomAt("2026-11-27T10:10:00Z"))],
    ])
    const w = workloadNamed(
      { deployments: [deployment({ name: "api", replicas: 3, ready: 3 })], replicaSets: [rs], pods },
      "api",
    )
    expect(podFailureFindings(w, ctx).map((f) => [f.kind, f.severity])).toEqual([["oom_killed", "high"]])
  })

  it("one OOM kill in each of two ready pods is not yet 'again and again': medium", () => {
    const oomAt = (finishedAt: string) => ({ terminated: { reason: "OOMKilled", exitCode: 137, finishedAt } })
    const pods = apiPods([
      [running("app", 1, oomAt("2026-11-27T12:50:00Z"))],
      [running("app", 1, oomAt("2026-11-27T11:40:00Z"))],
    ])
    const w = workloadNamed(
      { deployments: [deployment({ name: "api", replicas: 2, ready: 2 })], replicaSets: [rs], pods },
      "api",
    )
    expect(podFailureFindings(w, ctx).map((f) => [f.kind, f.severity])).toEqual([["oom_killed", "medium"]])
  })

  it("the same failure in a workload the alert does not name is low", () => {
    const pods = apiPods([[crashLooping("app", { reason: "OOMKilled", exitCode: 137 })]])
    const w = workloadNamed(
      { deployments: [deployment({ name: "api", replicas: 1, ready: 0 })], replicaSets: [rs], pods },
      "api",
      false,
    )
    expect(podFailureFindings(w, ctx).map((f) => f.severity)).toEqual(["low"])
  })

  it("a healthy workload has no findings", () => {
    const pods = apiPods([[running("app")]])
    const w = workloadNamed(
      { deployments: [deployment({ name: "api", replicas: 1, ready: 1 })], replicaSets: [rs], pods },
      "api",
    )
    expect(podFailureFindings(w, ctx)).toEqual([])
  })
})
