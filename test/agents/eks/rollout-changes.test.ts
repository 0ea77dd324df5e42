/**
 * Recent changes from revision history: ownership by controller uid (never name prefixes), the
 * newest revision vs the previous one, image-only → `rollout`, env-only → `config_change`, the
 * rollback case where the newest revision is an old ReplicaSet reused (its creation is not the
 * rollout time), secrets masked, and changes outside the lookback left out.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime } from "effect"
import { rolloutFinding } from "../../../src/agents/eks/rollout-changes.js"
import { diffTemplates, imageChange } from "../../../src/agents/eks/template-diff.js"
import {
  container,
  ctx,
  deployment,
  event,
  pod,
  replicaSet,
  running,
  waiting,
  workloadNamed,
} from "./fixtures/objects.js"

const image = (tag: string) => `412345678901.dkr.ecr.us-east-1.amazonaws.com/payments-api:${tag}`
const env = (value: string) => [{ name: "SETTLEMENT_BATCH_SIZE", value }]

const previous = (containers = [container("api", { image: image("v2.13.2"), env: env("1000") })]) =>
  replicaSet({
    name: "payments-api-5d84b7c9f",
    deployment: "payments-api",
    revision: 6,
    created: "2026-11-19T09:30:00Z",
    containers,
  })
const newest = (containers: ReadonlyArray<Record<string, unknown>>) =>
  replicaSet({
    name: "payments-api-6c9f7d8b4",
    deployment: "payments-api",
    revision: 7,
    created: "2026-11-27T13:01:02Z",
    containers,
  })

const change = (
  sets: ReadonlyArray<ReturnType<typeof replicaSet>>,
  extra: Parameters<typeof workloadNamed>[0] = {},
) =>
  rolloutFinding(
    workloadNamed(
      { deployments: [deployment({ name: "payments-api", replicas: 2 })], replicaSets: sets, ...extra },
      "payments-api",
    ),
    ctx,
  )

describe("rolloutFinding", () => {
  it("image and env change: a rollout phrased for readers and for the rollback action", () => {
    const f = change([previous(), newest([container("api", { image: image("v2.14.0"), env: env("5000") })])])
    expect(f?.kind).toBe("rollout")
    expect(f?.severity).toBe("info")
    expect(f?.title).toBe("payments-api: rollout revision 6 → 7 at 13:01:02Z (image v2.13.2 → v2.14.0)")
    expect(f?.detail).toContain(
      "image v2.13.2 → v2.14.0; env SETTLEMENT_BATCH_SIZE 1000 → 5000; revision 6 → 7 at 13:01:02Z",
    )
    expect(f?.observedAt).toEqual(DateTime.unsafeMake("2026-11-27T13:01:02Z"))
    expect([f?.resource, f?.service]).toEqual(["deployment/shop/payments-api", "payments-api"])
  })

  it("image-only change is a rollout with no env line", () => {
    const f = change([previous(), newest([container("api", { image: image("v2.14.0"), env: env("1000") })])])
    expect(f?.kind).toBe("rollout")
    expect(f?.detail).not.toContain("env ")
  })

  it("env-only change is a config_change", () => {
    const f = change([previous(), newest([container("api", { image: image("v2.13.2"), env: env("5000") })])])
    expect(f?.kind).toBe("config_change")
    expect(f?.title).toBe(
      "payments-api: config change revision 6 → 7 at 13:01:02Z (env SETTLEMENT_BATCH_SIZE 1000 → 5000)",
    )
    expect(f?.detail).not.toContain("image")
  })

  it("a rollback reuses an old ReplicaSet: the rollout time is the Progressing condition, not its creation", () => {
    const reused = replicaSet({
      name: "payments-api-4b5c6d7f8",
      deployment: "payments-api",
      revision: 8,
      created: "2026-11-01T08:00:00Z",
      annotations: { "deployment.kubernetes.io/revision-history": "5" },
      containers: [container("api", { image: image("v2.12.0"), env: env("1000") })],
    })
    const broken = newest([container("api", { image: image("v2.14.0"), env: env("5000") })])
    const progressing = {
      type: "Progressing",
      status: "True",
      reason: "ReplicaSetUpdated",
      message: 'ReplicaSet "payments-api-4b5c6d7f8" is progressing.',
      lastTransitionTime: "2026-11-27T12:40:00Z",
      lastUpdateTime: "2026-11-27T12:41:00Z",
    }
    const w = workloadNamed(
      {
        deployments: [deployment({ name: "payments-api", replicas: 2, conditions: [progressing] })],
        replicaSets: [previous(), broken, reused],
      },
      "payments-api",
    )
    const f = rolloutFinding(w, ctx)
    expect(f?.title).toBe("payments-api: rollout revision 7 → 8 at 12:40:00Z (image v2.14.0 → v2.12.0)")
    expect(f?.detail).toContain("payments-api-4b5c6d7f8 was reused (it carried revision 5): a rollback")
    expect(f?.observedAt).toEqual(DateTime.unsafeMake("2026-11-27T12:40:00Z"))
  })

  it("a reused ReplicaSet with no Progressing condition takes the ScalingReplicaSet event's time", () => {
    const reused = replicaSet({
      name: "payments-api-4b5c6d7f8",
      deployment: "payments-api",
      revision: 8,
      created: "2026-11-01T08:00:00Z",
      annotations: { "deployment.kubernetes.io/revision-history": "5" },
      containers: [container("api", { image: image("v2.12.0") })],
    })
    const scaled = event({
      kind: "Deployment",
      name: "payments-api",
      reason: "ScalingReplicaSet",
      type: "Normal",
      message: "Scaled up replica set payments-api-4b5c6d7f8 to 2",
      at: "2026-11-27T12:45:00Z",
    })
    const f = change([previous(), reused], { events: [scaled] })
    expect(f?.observedAt).toEqual(DateTime.unsafeMake("2026-11-27T12:45:00Z"))
  })

  it("ownership comes from controller uids: another Deployment's ReplicaSets with a matching prefix are not history", () => {
    const other = replicaSet({
      name: "payments-api-gateway-7f8d9c6b5",
      deployment: "payments-api-gateway",
      revision: 40,
      created: "2026-11-27T13:00:00Z",
      containers: [container("api", { image: image("v9.9.9") })],
    })
    const f = change([
      previous(),
      newest([container("api", { image: image("v2.14.0"), env: env("1000") })]),
      other,
    ])
    expect(f?.title).toContain("revision 6 → 7")
    expect(f?.detail).not.toContain("v9.9.9")
  })

  it("a change before the lookback (or a single revision) is not reported", () => {
    const old = replicaSet({
      name: "payments-api-6c9f7d8b4",
      deployment: "payments-api",
      revision: 7,
      created: "2026-11-25T13:01:02Z",
    })
    expect(change([previous(), old])).toBeNull()
    expect(change([previous()])).toBeNull()
  })

  it("says when a rollout completed and that its pods are ready (a benign change reads as one)", () => {
    const done = {
      type: "Progressing",
      status: "True",
      reason: "NewReplicaSetAvailable",
      message: 'ReplicaSet "payments-api-6c9f7d8b4" has successfully progressed.',
      lastUpdateTime: "2026-11-27T13:02:30Z",
    }
    const pods = [
      pod({
        name: "payments-api-6c9f7d8b4-q7x2m",
        owner: { kind: "ReplicaSet", name: "payments-api-6c9f7d8b4" },
        statuses: [running("api")],
      }),
    ]
    const w = workloadNamed(
      {
        deployments: [deployment({ name: "payments-api", replicas: 1, ready: 1, conditions: [done] })],
        replicaSets: [previous(), newest([container("api", { image: image("v2.14.0") })])],
        pods,
      },
      "payments-api",
    )
    expect(rolloutFinding(w, ctx)?.detail).toContain(
      "rollout completed at 13:02:30Z. 1/1 pod of revision 7 ready",
    )
  })

  it("names the failing pods of the new revision", () => {
    const pods = [
      pod({
        name: "payments-api-6c9f7d8b4-q7x2m",
        owner: { kind: "ReplicaSet", name: "payments-api-6c9f7d8b4" },
        statuses: [waiting("api", "CrashLoopBackOff")],
      }),
    ]
    const f = change([previous(), newest([container("api", { image: image("v2.14.0") })])], { pods })
    expect(f?.detail).toContain("1/1 pod of revision 7 not ready")
  })
})

describe("diffTemplates", () => {
  const template = (containers: ReadonlyArray<Record<string, unknown>>) =>
    replicaSet({ name: "x", deployment: "x", revision: 1, containers }).spec.template

  it("masks secret-looking env values and shows references, never their contents", () => {
    const before = template([
      container("api", {
        env: [
          { name: "DB_PASSWORD", value: "hunter2" },
          { name: "TOKEN_REF", valueFrom: { secretKeyRef: { name: "api", key: "token" } } },
        ],
      }),
    ])
    const after = template([
      container("api", {
        env: [
          { name: "DB_PASSWORD", value: "correct-horse" },
          { name: "TOKEN_REF", valueFrom: { secretKeyRef: { name: "api-v2", key: "token" } } },
        ],
      }),
    ])
    const d = diffTemplates(before, after)
    expect(d.env).toEqual([
      "env DB_PASSWORD changed (value redacted)",
      "env TOKEN_REF secret:api/token → secret:api-v2/token",
    ])
    expect(JSON.stringify(d)).not.toContain("hunter2")
  })

  it("resources, containers added/removed and per-container tags when the pod has several", () => {
    const before = template([
      container("api", { resources: { limits: { memory: "512Mi" } } }),
      container("envoy"),
    ])
    const after = template([
      container("api", { resources: { limits: { memory: "1Gi" }, requests: { cpu: "250m" } } }),
      container("worker"),
    ])
    const d = diffTemplates(before, after)
    expect(d.resources).toEqual(["memory limit 512Mi → 1Gi (api)", "cpu request none → 250m (api)"])
    expect(d.containers).toEqual(["container worker added (v1)", "container envoy removed"])
  })

  it("shows a repository change in full and a digest briefly", () => {
    expect(imageChange("r.io/team/app:v1", "r.io/team/app2:v1")).toBe("image app:v1 → app2:v1")
    expect(imageChange("r.io:5000/app:v1", "r.io:5000/app@sha256:0123456789abcdef0123")).toBe(
      "image v1 → @0123456789ab",
    )
  })
})

// Stop 23: a setting repointed at another environment while the new pods stay healthy
// (rollout-environment-swap.ts); a caller still configured for the old host says who rejects it.
describe("rolloutFinding: a setting repointed at another environment", () => {
  const issuer = (value: string) => [{ name: "PAYMENTS_CALLBACK_URL", value }]
  const swapped = [
    previous([container("api", { image: image("v2.13.2"), env: issuer("https://hooks.payco.com/cb") })]),
    newest([container("api", { image: image("v2.14.0"), env: issuer("https://hooks.dev.payco.com/cb") })]),
  ]
  const withPeers = (peerConfig: ReadonlyArray<{ name: string; values: string }>) =>
    rolloutFinding(
      workloadNamed(
        { deployments: [deployment({ name: "payments-api", replicas: 2 })], replicaSets: swapped },
        "payments-api",
      ),
      { ...ctx, peerConfig },
    )

  it("names the caller still configured for the old host", () => {
    const f = withPeers([{ name: "webhook-relay", values: "allowed=https://hooks.payco.com" }])
    expect(f?.severity).toBe("high")
    expect(f?.title).toBe(
      "payments-api: rollout v2.14.0 changed PAYMENTS_CALLBACK_URL from https://hooks.payco.com/cb to https://hooks.dev.payco.com/cb, a dev value webhook-relay does not expect (it is configured for hooks.payco.com)",
    )
  })

  it("still blames the swap with no caller seen, and a look-alike host is no caller", () => {
    const f = withPeers([{ name: "other", values: "https://webhooks.payco.com.evil" }])
    expect(f?.severity).toBe("high")
    expect(f?.title).toContain("a dev value in production")
  })

  it("decoy: a prod → prod move stays context", () => {
    const f = change([
      previous([container("api", { image: image("v2.13.2"), env: issuer("https://hooks.payco.com/cb") })]),
      newest([container("api", { image: image("v2.14.0"), env: issuer("https://hooks2.payco.com/cb") })]),
    ])
    expect(f?.severity).toBe("info")
  })
})
