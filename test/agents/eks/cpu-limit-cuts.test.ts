/**
 * A lowered CPU limit in the revision history: the template diff names it (with the container
 * when there are several); the rollout history keeps such a change in view for a day, since it
 * bites at the next peak, while any other change that old (a raise, a memory cut, an image)
 * stays outside the lookback.
 */
import { describe, expect, it } from "@effect/vitest"
import { cpuLimitCuts } from "../../../src/agents/eks/cpu-limit-cuts.js"
import { rolloutFinding } from "../../../src/agents/eks/rollout-changes.js"
import { container, ctx, deployment, replicaSet, workloadNamed } from "./fixtures/objects.js"

const limits = (cpu: string | null, memory = "2Gi") => ({
  resources: { limits: { ...(cpu === null ? {} : { cpu }), memory }, requests: { cpu: "100m", memory } },
})
const rs = (revision: number, created: string, containers: ReadonlyArray<Record<string, unknown>>) =>
  replicaSet({ name: `ledger-api-${revision}abc`, deployment: "ledger-api", revision, created, containers })
const template = (containers: ReadonlyArray<Record<string, unknown>>) =>
  rs(1, "2026-11-20T10:00:00Z", containers).spec.template

describe("cpuLimitCuts", () => {
  it("a cut, a limit set where there was none, and the container named when there are several", () => {
    expect(
      cpuLimitCuts(template([container("api", limits("2"))]), template([container("api", limits("500m"))])),
    ).toEqual(["cpu limit 2 → 500m"])
    expect(
      cpuLimitCuts(template([container("api", limits(null))]), template([container("api", limits("1"))])),
    ).toEqual(["cpu limit none → 1"])
    expect(
      cpuLimitCuts(
        template([container("api", limits("1")), container("envoy", limits("1"))]),
        template([container("api", limits("1")), container("envoy", limits("200m"))]),
      ),
    ).toEqual(["cpu limit 1 → 200m (envoy)"])
  })

  it("not a raise, an equal quantity spelled otherwise, a memory cut or a new container", () => {
    expect(
      cpuLimitCuts(template([container("api", limits("500m"))]), template([container("api", limits("2"))])),
    ).toEqual([])
    expect(
      cpuLimitCuts(template([container("api", limits("1"))]), template([container("api", limits("1000m"))])),
    ).toEqual([])
    expect(
      cpuLimitCuts(
        template([container("api", limits("1", "4Gi"))]),
        template([container("api", limits("1", "1Gi"))]),
      ),
    ).toEqual([])
    expect(
      cpuLimitCuts(
        template([container("api", limits("1"))]),
        template([container("sidecar", limits("100m"))]),
      ),
    ).toEqual([])
  })
})

describe("rolloutFinding for a lowered CPU limit", () => {
  // The alert is at 13:05; the lookback for changes is 6 h.
  const change = (before: string, after: string, created: string) =>
    rolloutFinding(
      workloadNamed(
        {
          deployments: [deployment({ name: "ledger-api", replicas: 3 })],
          replicaSets: [
            rs(11, "2026-11-20T10:00:00Z", [container("api", limits(before))]),
            rs(12, created, [container("api", limits(after))]),
          ],
        },
        "ledger-api",
      ),
      ctx,
    )

  it("a cut 10 h before the alert is reported, as a config change naming the limit", () => {
    const f = change("2", "500m", "2026-11-27T03:10:00Z")
    expect(f?.kind).toBe("config_change")
    expect(f?.title).toContain("cpu limit 2 → 500m")
  })

  it("a raise 10 h before, or a cut 2 days before, is not", () => {
    expect(change("500m", "2", "2026-11-27T03:10:00Z")).toBeNull()
    expect(change("2", "500m", "2026-11-25T03:10:00Z")).toBeNull()
  })
})
