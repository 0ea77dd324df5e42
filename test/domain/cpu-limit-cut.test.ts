/**
 * A lowered CPU limit in the rollout history's words: quantities in cores and millicores, a
 * limit set where there was none, and raises, memory limits and request-only changes that are
 * not a cut; CPU throttling recognised in a finding's words.
 */
import { describe, expect, it } from "@effect/vitest"
import { cpuCores, cpuThrottlingWords, lowersCpuLimit } from "../../src/domain/cpu-limit-cut.js"

describe("cpuCores", () => {
  it("reads cores and millicores, null for anything else", () => {
    expect(cpuCores("2")).toBe(2)
    expect(cpuCores("500m")).toBe(0.5)
    expect(cpuCores("1.5")).toBe(1.5)
    expect(cpuCores("1500m")).toBe(1.5)
    expect(cpuCores("3Gi")).toBeNull()
    expect(cpuCores(undefined)).toBeNull()
  })
})

describe("lowersCpuLimit", () => {
  it("a limit cut, however the diff is spaced, with or without the container's name", () => {
    expect(lowersCpuLimit("recommendations-api: config change revision 58 → 59 (cpu limit 2 → 500m)")).toBe(
      true,
    )
    expect(lowersCpuLimit("cpu limit 1500m→1; cpu request 1 → 250m")).toBe(true)
    expect(lowersCpuLimit("image v1 → v2; cpu limit 4 → 3 (worker)")).toBe(true)
    expect(lowersCpuLimit("cpu limit none → 250m")).toBe(true)
  })

  it("not a raise, a memory limit, a request alone or a limit removed", () => {
    expect(lowersCpuLimit("cpu limit 500m → 2")).toBe(false)
    expect(lowersCpuLimit("memory limit 3Gi → 1Gi")).toBe(false)
    expect(lowersCpuLimit("cpu request 1 → 250m")).toBe(false)
    expect(lowersCpuLimit("cpu limit 2 → none")).toBe(false)
    expect(lowersCpuLimit("cpu limit 1 → 1000m")).toBe(false)
  })
})

describe("cpuThrottlingWords", () => {
  it("the scope scan's and cAdvisor's words, not an AWS API's throttling", () => {
    expect(
      cpuThrottlingWords.test("checkout-api CPU throttled in 72% of CFS periods (at its CPU limit)"),
    ).toBe(true)
    expect(
      cpuThrottlingWords.test("events-ingest CPU throttling (container_cpu_cfs_throttled_periods_total) 3/s"),
    ).toBe(true)
    expect(cpuThrottlingWords.test("orders table: throttled — WriteThrottleEvents 120 in the window")).toBe(
      false,
    )
  })
})
