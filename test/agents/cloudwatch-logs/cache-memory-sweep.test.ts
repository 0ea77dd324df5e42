/**
 * A cache at its memory limit in its own engine log (cache-memory-sweep.ts): ElastiCache's JSON
 * envelope or a plain Redis line, one finding per cache named by its group; a healthy cache's
 * lines (memory below maxmemory, no evictions) and other groups give none.
 */
import { describe, expect, it } from "vitest"
import { cacheMemoryFindings, cacheOfGroup } from "../../../src/agents/cloudwatch-logs/cache-memory-sweep.js"
import type { LogLine } from "../../../src/domain/log-clusters.js"

const line = (group: string, second: number, message: string): LogLine => ({
  timestampMs: Date.UTC(2026, 7, 15, 2, 10, second),
  stream: "node-0001-001",
  message,
  group,
})
const envelope = (message: string) =>
  JSON.stringify({ CacheClusterId: "cart-cache-0001-001", CacheNodeId: "0001", Message: message })

describe("a cache at its memory limit, in its own engine log", () => {
  it("names the cache from its group, in ElastiCache's envelope and in a plain Redis line", () => {
    const findings = cacheMemoryFindings(
      [
        line(
          "/aws/elasticache/cart-cache/engine-log",
          1,
          envelope("WARNING: used_memory 6.1GB reached maxmemory 6.1GB"),
        ),
        line(
          "/aws/elasticache/cart-cache/engine-log",
          9,
          envelope("Eviction rate 2,104 keys/s; evicted_keys=88,410"),
        ),
        line(
          "/aws/elasticache/token-store/slow-log",
          3,
          "OOM command not allowed when used memory > 'maxmemory'.",
        ),
      ],
      () => null,
    )
    expect(findings.map((f) => [f.service, f.severity, f.kind])).toEqual([
      ["cart-cache", "high", "cache_memory_full"],
      ["token-store", "high", "cache_memory_full"],
    ])
    expect(findings[0]?.title).toContain("reached maxmemory")
    expect(findings[0]?.detail).toContain("2 line(s)")
  })

  it("decoy: memory below maxmemory, no evictions, another group", () => {
    const findings = cacheMemoryFindings(
      [
        line("/aws/elasticache/cart-cache/engine-log", 1, envelope("used_memory 3.2GB of maxmemory 6.1GB")),
        line("/aws/elasticache/cart-cache/engine-log", 2, envelope("evicted_keys=0 since 02:00")),
        line("/aws/lambda/cart-sync", 3, "ERROR redis reached maxmemory"),
      ],
      () => null,
    )
    expect(findings).toEqual([])
  })

  it("reads the cache's name from the group path only", () => {
    expect(cacheOfGroup("/aws/elasticache/tix-sessions/engine-log")).toBe("tix-sessions")
    expect(cacheOfGroup("/aws/lambda/tix-sessions")).toBeNull()
  })
})
