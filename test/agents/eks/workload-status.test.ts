/**
 * Availability, stuck rollouts and HPAs at their ceiling, each with the severity DESIGN §3
 * gives it for the alerting workload and "low" elsewhere.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime } from "effect"
import {
  availabilityFinding,
  hpaBlindFinding,
  hpaFlappingFinding,
  hpaMaxedFinding,
  quantity,
  rolloutStuckFinding,
  scaledDownFinding,
  scaledToZeroFinding,
} from "../../../src/agents/eks/workload-status.js"
import {
  crashLooping,
  ctx,
  deployment,
  event,
  hpa,
  pod,
  replicaSet,
  running,
  workloadNamed,
} from "./fixtures/objects.js"

const available = (status: string, reason: string) => ({
  type: "Available",
  status,
  reason,
  lastTransitionTime: "2026-11-27T13:02:10Z",
})

describe("availabilityFinding", () => {
  it("critical with no ready replica of the alerting workload, high below desired, none at desired", () => {
    const none = workloadNamed(
      {
        deployments: [
          deployment({
            name: "api",
            replicas: 3,
            ready: 0,
            conditions: [available("False", "MinimumReplicasUnavailable")],
          }),
        ],
      },
      "api",
    )
    const f = availabilityFinding(none)
    expect([f?.kind, f?.severity, f?.title]).toEqual([
      "replicas_unavailable",
      "critical",
      "api: 0/3 replicas ready",
    ])
    expect(f?.detail).toContain("Available=False (MinimumReplicasUnavailable) since 13:02:10Z")
    expect(f?.observedAt).toEqual(DateTime.unsafeMake("2026-11-27T13:02:10Z"))
    expect(f?.resource).toBe("deployment/shop/api")
    expect(
      availabilityFinding(
        workloadNamed({ deployments: [deployment({ name: "api", replicas: 3, ready: 2 })] }, "api"),
      )?.severity,
    ).toBe("high")
    expect(
      availabilityFinding(
        workloadNamed({ deployments: [deployment({ name: "api", replicas: 3, ready: 3 })] }, "api"),
      ),
    ).toBeNull()
    expect(
      availabilityFinding(
        workloadNamed({ deployments: [deployment({ name: "api", replicas: 3, ready: 0 })] }, "api", false),
      )?.severity,
    ).toBe("low")
  })
})

describe("rolloutStuckFinding", () => {
  it("reports ProgressDeadlineExceeded, medium while the workload still serves at desired capacity", () => {
    const progressing = {
      type: "Progressing",
      status: "False",
      reason: "ProgressDeadlineExceeded",
      message: 'ReplicaSet "api-7d9f8c6b5" has timed out progressing.',
      lastUpdateTime: "2026-11-27T13:03:00Z",
    }
    const w = workloadNamed(
      { deployments: [deployment({ name: "api", replicas: 2, ready: 2, conditions: [progressing] })] },
      "api",
    )
    const f = rolloutStuckFinding(w)
    expect([f?.kind, f?.severity]).toEqual(["rollout_stuck", "medium"])
    expect(f?.detail).toContain("has timed out progressing")
    expect(f?.observedAt).toEqual(DateTime.unsafeMake("2026-11-27T13:03:00Z"))
  })

  it("reports the newest revision's pods all failing while the previous revision serves", () => {
    const sets = [
      replicaSet({ name: "api-5d84b7c9f", deployment: "api", revision: 4 }),
      replicaSet({ name: "api-6c9f7d8b4", deployment: "api", revision: 5 }),
    ]
    const serving = pod({
      name: "api-5d84b7c9f-aaaaa",
      owner: { kind: "ReplicaSet", name: "api-5d84b7c9f" },
      statuses: [running("app")],
    })
    const failing = pod({
      name: "api-6c9f7d8b4-bbbbb",
      owner: { kind: "ReplicaSet", name: "api-6c9f7d8b4" },
      statuses: [crashLooping("app", { reason: "Error", exitCode: 1 })],
    })
    const pods = [serving, failing]
    const w = workloadNamed(
      { deployments: [deployment({ name: "api", replicas: 1, ready: 1 })], replicaSets: sets, pods },
      "api",
    )
    const f = rolloutStuckFinding(w)
    expect(f?.title).toBe("api: rollout to revision 5 stuck")
    expect(f?.detail).toContain(
      "0/1 pods of revision 5 ready while 1 pods of the previous revision still serve",
    )
    expect(f?.severity).toBe("medium")
    const settled = workloadNamed(
      {
        deployments: [deployment({ name: "api", replicas: 1, ready: 1 })],
        replicaSets: sets,
        pods: [serving],
      },
      "api",
    )
    expect(rolloutStuckFinding(settled)).toBeNull()
  })
})

const checkoutHpa = (current: number, max: number, currentCpu: number) =>
  hpa({
    metadata: { name: "checkout", namespace: "shop" },
    spec: {
      scaleTargetRef: { kind: "Deployment", name: "checkout" },
      minReplicas: 2,
      maxReplicas: max,
      metrics: [
        {
          type: "Resource",
          resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } },
        },
        {
          type: "Pods",
          pods: { metric: { name: "queue_depth" }, target: { type: "AverageValue", averageValue: "30" } },
        },
      ],
    },
    status: {
      currentReplicas: current,
      desiredReplicas: current,
      currentMetrics: [
        { type: "Resource", resource: { name: "cpu", current: { averageUtilization: currentCpu } } },
        { type: "Pods", pods: { metric: { name: "queue_depth" }, current: { averageValue: "12500m" } } },
      ],
    },
  })

/** The Deployment controller's ScalingReplicaSet event about `name`. */
const scaling = (name: string, message: string, at: string) =>
  event({ kind: "Deployment", name, reason: "ScalingReplicaSet", message, type: "Normal", at })

describe("scaledDownFinding", () => {
  const scaled = (message: string, at = "2026-11-27T12:41:38Z") => scaling("projector", message, at)
  const projector = (replicas: number, events: ReadonlyArray<ReturnType<typeof event>>) =>
    workloadNamed(
      { deployments: [deployment({ name: "projector", replicas, ready: replicas })], events },
      "projector",
    )

  it("replicas cut by half or more, by no autoscaler and no rollout, is a change in the event's words", () => {
    const f = scaledDownFinding(
      projector(2, [scaled("Scaled down replica set projector-6d8f7b9c5 to 2 from 12")]),
      ctx,
    )
    expect(f).toMatchObject({
      kind: "scaled_down",
      severity: "medium",
      resource: "deployment/shop/projector",
    })
    expect(f?.title).toBe("projector: scaled down, replicas 12 → 2 at 12:41:38Z")
  })

  it("not a small trim, a rollout's old ReplicaSet going to 0, or a cut before the lookback", () => {
    expect(
      scaledDownFinding(
        projector(9, [scaled("Scaled down replica set projector-6d8f7b9c5 to 9 from 12")]),
        ctx,
      ),
    ).toBeNull()
    expect(
      scaledDownFinding(
        projector(12, [scaled("Scaled down replica set projector-5c7b8a6f4 to 0 from 12")]),
        ctx,
      ),
    ).toBeNull()
    expect(
      scaledDownFinding(
        projector(2, [
          scaled("Scaled down replica set projector-6d8f7b9c5 to 2 from 12", "2026-11-26T08:00:00Z"),
        ]),
        ctx,
      ),
    ).toBeNull()
  })
})

describe("scaledToZeroFinding", () => {
  const scaledDown = (at: string) =>
    scaling("recommendations", "Scaled down replica set recommendations-6f8b9c7d5 to 0 from 4", at)
  it("a Deployment scaled to 0 in the change lookback has no pods to serve its callers", () => {
    const w = workloadNamed(
      {
        deployments: [deployment({ name: "recommendations", replicas: 0, ready: 0 })],
        events: [scaledDown("2026-11-27T12:51:20Z")],
      },
      "recommendations",
    )
    const f = scaledToZeroFinding(w, ctx)
    expect(f).toMatchObject({
      kind: "scaled_to_zero",
      severity: "high",
      resource: "deployment/shop/recommendations",
    })
    expect(f?.title).toBe("recommendations: scaled to 0 replicas at 12:51:20Z (from 4) — no pods to serve")
  })

  it("not for a workload kept at 0 since before the lookback, nor one with replicas", () => {
    const old = workloadNamed(
      {
        deployments: [deployment({ name: "recommendations", replicas: 0, ready: 0 })],
        events: [scaledDown("2026-11-26T12:00:00Z")],
      },
      "recommendations",
    )
    const serving = workloadNamed(
      {
        deployments: [deployment({ name: "recommendations", replicas: 2, ready: 2 })],
        events: [scaledDown("2026-11-27T12:51:20Z")],
      },
      "recommendations",
    )
    expect([scaledToZeroFinding(old, ctx), scaledToZeroFinding(serving, ctx)]).toEqual([null, null])
  })
})

describe("hpaFlappingFinding", () => {
  const rescale = (at: string, size: number, up: boolean) =>
    event({
      kind: "HorizontalPodAutoscaler",
      name: "checkout",
      reason: "SuccessfulRescale",
      type: "Normal",
      message: `New size: ${size}; reason: ${up ? "cpu resource utilization (percentage of request) above target" : "All metrics below target"}`,
      at,
    })
  const withRescales = (events: ReturnType<typeof event>[]) =>
    workloadNamed(
      {
        deployments: [deployment({ name: "checkout", replicas: 6, ready: 6 })],
        hpas: [checkoutHpa(6, 10, 60)],
        events,
      },
      "checkout",
    )
  it("up, down, up, down in the window is flapping", () => {
    const f = hpaFlappingFinding(
      withRescales([
        rescale("2026-11-27T12:41:30Z", 6, true),
        rescale("2026-11-27T12:47:02Z", 4, false),
        rescale("2026-11-27T12:52:15Z", 7, true),
        rescale("2026-11-27T12:57:40Z", 4, false),
      ]),
      ctx,
    )
    expect(f).toMatchObject({ kind: "hpa_flapping", severity: "medium", resource: "hpa/shop/checkout" })
    expect(f?.title).toBe("checkout: HPA checkout flapping — rescaled 4 times in 16 min (6 → 4 → 7 → 4)")
  })

  it("following a steady climb is not flapping", () => {
    const climbing = withRescales([
      rescale("2026-11-27T12:41:30Z", 4, true),
      rescale("2026-11-27T12:47:02Z", 6, true),
      rescale("2026-11-27T12:52:15Z", 8, true),
      rescale("2026-11-27T12:57:40Z", 10, true),
    ])
    expect(hpaFlappingFinding(climbing, ctx)).toBeNull()
  })
})

describe("hpaBlindFinding", () => {
  const blindHpa = (since: string) =>
    hpa({
      metadata: { name: "checkout", namespace: "shop" },
      spec: { scaleTargetRef: { kind: "Deployment", name: "checkout" }, minReplicas: 2, maxReplicas: 20 },
      status: {
        currentReplicas: 4,
        desiredReplicas: 4,
        conditions: [
          {
            type: "ScalingActive",
            status: "False",
            reason: "FailedGetResourceMetric",
            message:
              "the HPA was unable to compute the replica count: unable to get metrics for resource cpu",
            lastTransitionTime: since,
          },
        ],
      },
    })
  it("an HPA that cannot read its metrics is stuck where it is, observed when seen if it began before the window", () => {
    const w = workloadNamed(
      {
        deployments: [deployment({ name: "checkout", replicas: 4, ready: 4 })],
        hpas: [blindHpa("2026-11-27T10:00:00Z")],
      },
      "checkout",
    )
    const f = hpaBlindFinding(w, ctx)
    expect(f).toMatchObject({ kind: "hpa_blind", severity: "medium", resource: "hpa/shop/checkout" })
    expect(f?.title).toBe(
      "checkout: HPA checkout cannot scale — FailedGetResourceMetric (stuck at 4 replicas, max 20)",
    )
    expect(f?.observedAt).toEqual(ctx.now ?? ctx.window.end)
  })

  it("nothing when the HPA computes its replicas", () => {
    const w = workloadNamed(
      { deployments: [deployment({ name: "checkout" })], hpas: [checkoutHpa(6, 10, 180)] },
      "checkout",
    )
    expect(hpaBlindFinding(w, ctx)).toBeNull()
  })
})

describe("hpaMaxedFinding", () => {
  it("an HPA at max replicas with a metric above target", () => {
    const w = workloadNamed(
      {
        deployments: [deployment({ name: "checkout", replicas: 10, ready: 10 })],
        hpas: [checkoutHpa(10, 10, 90)],
      },
      "checkout",
    )
    const f = hpaMaxedFinding(w)
    expect(f?.kind).toBe("hpa_maxed")
    expect(f?.title).toBe("checkout: HPA checkout at max 10/10 replicas; cpu 90% vs 70% target")
    expect([f?.severity, f?.resource]).toEqual(["medium", "hpa/shop/checkout"])
  })

  it("far past its target at the ceiling (≥ 1.5×): saturated, high — utilization or an average value", () => {
    const cpu = hpaMaxedFinding(
      workloadNamed(
        {
          deployments: [deployment({ name: "checkout", replicas: 10, ready: 10 })],
          hpas: [checkoutHpa(10, 10, 180)],
        },
        "checkout",
      ),
    )
    expect(cpu?.title).toBe(
      "checkout: HPA checkout at max 10/10 replicas; cpu 180% vs 70% target — cpu saturated (2.6× target)",
    )
    expect(cpu?.severity).toBe("high")
    const queue = hpaMaxedFinding(
      workloadNamed(
        {
          deployments: [deployment({ name: "checkout", replicas: 10, ready: 10 })],
          hpas: [
            hpa({
              metadata: { name: "checkout", namespace: "shop" },
              spec: {
                scaleTargetRef: { kind: "Deployment", name: "checkout" },
                maxReplicas: 10,
                metrics: [
                  {
                    type: "Pods",
                    pods: {
                      metric: { name: "queue_depth" },
                      target: { type: "AverageValue", averageValue: "30" },
                    },
                  },
                ],
              },
              status: {
                currentReplicas: 10,
                currentMetrics: [
                  {
                    type: "Pods",
                    pods: { metric: { name: "queue_depth" }, current: { averageValue: "95" } },
                  },
                ],
              },
            }),
          ],
        },
        "checkout",
      ),
    )
    expect(queue?.title).toContain("queue_depth saturated (3.2× target)")
  })

  it("not maxed below max, nor at max with every metric under target", () => {
    const below = workloadNamed(
      { deployments: [deployment({ name: "checkout" })], hpas: [checkoutHpa(6, 10, 180)] },
      "checkout",
    )
    const calm = workloadNamed(
      { deployments: [deployment({ name: "checkout" })], hpas: [checkoutHpa(10, 10, 40)] },
      "checkout",
    )
    expect([hpaMaxedFinding(below), hpaMaxedFinding(calm)]).toEqual([null, null])
  })

  it("reads Kubernetes quantities", () => {
    expect([
      quantity("500m"),
      quantity("2Gi"),
      quantity("1.5"),
      quantity("12500m"),
      quantity("3k"),
      quantity("x"),
    ]).toEqual([0.5, 2 * 1024 ** 3, 1.5, 12.5, 3000, null])
  })
})
