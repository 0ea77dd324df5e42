/**
 * A cache at maxmemory named by the subject's lines only in passing (cache-passing-mention.ts):
 * left out when those lines report no failure of it while others fail; kept when a line says the
 * cache failed it, or when nothing else fails.
 */
import { describe, expect, it } from "vitest"
import { cacheNamedInPassing } from "../../src/domain/cache-passing-mention.js"
import type { Finding } from "../../src/domain/finding.js"

const finding = (over: Partial<Finding>): Finding => ({
  id: "x#1",
  agent: "eks",
  title: "",
  detail: "",
  severity: "high",
  kind: "container_logs",
  observedAt: null,
  resource: null,
  service: null,
  link: null,
  excerpt: null,
  ...over,
})

const full = (name: string) =>
  finding({
    agent: "prometheus",
    kind: "metric_anomaly",
    title: `${name}: Redis memory at maxmemory (97%)`,
    service: name,
    severity: "medium",
  })
const logs = (...lines: ReadonlyArray<string>) =>
  finding({ service: "basket-api", excerpt: lines.join("\n") })

describe("cacheNamedInPassing", () => {
  it.each([
    ["a slow-but-served GET", "WARN basket-cache GET basket:42 took 61ms (slow threshold 25ms)"],
    ["a connection opened", "INFO connected to basket-cache:6379 (pool size 16)"],
    ["a hit ratio line", "DEBUG basket-cache hit ratio 0.93 over 60s"],
  ])("left out when named only in %s while the subject fails on something else", (_what, line) => {
    const failing = [logs("ERROR publish failed: TimeoutException waiting for broker ack", line)]
    expect(cacheNamedInPassing(full("basket-cache"), ["basket-cache"], failing)).toBe(true)
  })

  it.each([
    "ERROR basket-cache SET basket:42 failed: OOM command not allowed when used memory > 'maxmemory'",
    "WARN RedisCommandTimeoutException: Command timed out after 2 second(s) on basket-cache",
    "WARN basket-cache GET basket:42 miss — basket lost, rebuilding",
  ])("decoy: kept when a line says the cache failed: %s", (line) => {
    const failing = [logs("ERROR POST /basket -> 500", line)]
    expect(cacheNamedInPassing(full("basket-cache"), ["basket-cache"], failing)).toBe(false)
  })

  it("decoy: kept when nothing else fails (the slow cache is all the subject says)", () => {
    const failing = [logs("WARN basket-cache GET basket:42 took 2300ms (slow threshold 25ms)")]
    expect(cacheNamedInPassing(full("basket-cache"), ["basket-cache"], failing)).toBe(false)
  })

  it("decoy: a finding that is no cache at its memory limit is not judged", () => {
    const failing = [logs("ERROR publish failed", "INFO basket-cache ok")]
    const notFull = finding({ title: "basket-cache CPU 90%", service: "basket-cache" })
    expect(cacheNamedInPassing(notFull, ["basket-cache"], failing)).toBe(false)
  })
})
