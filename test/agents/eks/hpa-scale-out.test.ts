/**
 * An HPA scale-out as context for connection exhaustion: the rising run of rescales, the pool
 * size per pod from the env, and what is not a scale-out (a small step, a see-saw ending down,
 * an old one, another workload's).
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime, Schema } from "effect"
import { hpaScaleOutFinding, poolSizeOf, scaleOutOf } from "../../../src/agents/eks/hpa-scale-out.js"
import { EnvVar } from "../../../src/domain/kubernetes.js"
import { ctx, deployment, event, hpa, workloadNamed } from "./fixtures/objects.js"

const at = (iso: string) => DateTime.unsafeMake(iso)
const env = (pairs: Record<string, string>) =>
  Object.entries(pairs).map(([name, value]) => Schema.decodeUnknownSync(EnvVar)({ name, value }))

describe("poolSizeOf", () => {
  it("reads the pool size variables of common drivers, not other numbers", () => {
    expect(poolSizeOf(env({ SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE: "20", WORKERS: "4" }))).toBe(20)
    expect(poolSizeOf(env({ DB_POOL_MAX: "15" }))).toBe(15)
    expect(poolSizeOf(env({ SQLALCHEMY_POOL_SIZE: "10", DATABASE_MAX_OPEN_CONNS: "25" }))).toBe(25)
    expect(poolSizeOf(env({ HTTP_TIMEOUT_MS: "3000", REPLICAS: "8" }))).toBeNull()
    expect(poolSizeOf(env({ DB_POOL_SIZE: "auto" }))).toBeNull()
  })
})

describe("scaleOutOf", () => {
  const r = (size: number, t: string) => ({ size, t: at(t) })
  it("the last rising run from the HPA's minimum, when it at least doubled", () => {
    const out = scaleOutOf(
      [r(8, "2026-11-27T12:40:00Z"), r(16, "2026-11-27T12:48:00Z"), r(32, "2026-11-27T12:55:00Z")],
      4,
    )
    expect(out?.sizes).toEqual([4, 8, 16, 32])
    expect(out?.last.size).toBe(32)
  })
  it("starts after a scale-down: 10 → 3 → 6 → 12 is 3 → 12", () => {
    const out = scaleOutOf(
      [
        r(10, "2026-11-27T12:30:00Z"),
        r(3, "2026-11-27T12:40:00Z"),
        r(6, "2026-11-27T12:48:00Z"),
        r(12, "2026-11-27T12:55:00Z"),
      ],
      2,
    )
    expect(out?.sizes).toEqual([3, 6, 12])
  })
  it("a small step, or a run that ends scaling down, is none", () => {
    expect(scaleOutOf([r(5, "2026-11-27T12:40:00Z")], 4)).toBeNull()
    expect(scaleOutOf([r(12, "2026-11-27T12:40:00Z"), r(6, "2026-11-27T12:50:00Z")], 3)).toBeNull()
    expect(scaleOutOf([], 3)).toBeNull()
  })
})

describe("hpaScaleOutFinding", () => {
  const rescale = (name: string, size: number, when: string) =>
    event({
      kind: "HorizontalPodAutoscaler",
      name,
      reason: "SuccessfulRescale",
      type: "Normal",
      message: `New size: ${size}; reason: cpu resource utilization (percentage of request) above target`,
      at: when,
    })
  const ordersHpa = hpa({
    metadata: { name: "orders-api", namespace: "shop" },
    spec: { scaleTargetRef: { kind: "Deployment", name: "orders-api" }, minReplicas: 4, maxReplicas: 40 },
    status: { currentReplicas: 32, desiredReplicas: 32 },
  })
  const base = deployment({ name: "orders-api", replicas: 32, ready: 32 })
  const withPool = {
    ...base,
    spec: {
      ...base.spec,
      template: {
        ...base.spec.template,
        spec: {
          ...base.spec.template.spec,
          containers: [
            {
              name: "app",
              ports: [],
              env: env({ DB_POOL_MAX: "15" }),
              resources: { limits: {}, requests: {} },
            },
          ],
        },
      },
    },
  }
  const workload = (events: ReturnType<typeof event>[], inScope = true) =>
    workloadNamed({ deployments: [withPool], hpas: [ordersHpa], events }, "orders-api", inScope)

  it("an info finding naming the sizes and the connections the pods open", () => {
    const f = hpaScaleOutFinding(
      workload([
        rescale("orders-api", 8, "2026-11-27T12:41:00Z"),
        rescale("orders-api", 16, "2026-11-27T12:47:00Z"),
        rescale("orders-api", 32, "2026-11-27T12:53:00Z"),
      ]),
      ctx,
    )
    expect(f?.kind).toBe("hpa_scaled_out")
    expect(f?.severity).toBe("info")
    expect(f?.title).toContain("scaled out 4 → 32 replicas")
    expect(f?.title).toContain("32 pods × pool 15 = up to 480 connections")
    expect(f?.excerpt).toBe("4 → 32 replicas, pool 15 per pod")
    expect(f?.resource).toBe("hpa/shop/orders-api")
  })
  it("none for a rescale before the change lookback, or a workload the alert does not name", () => {
    expect(hpaScaleOutFinding(workload([rescale("orders-api", 32, "2026-11-26T01:00:00Z")]), ctx)).toBeNull()
    expect(
      hpaScaleOutFinding(workload([rescale("orders-api", 32, "2026-11-27T12:53:00Z")], false), ctx),
    ).toBeNull()
  })
})
