/**
 * The saturation sweep over the replay and the real adapter: a Redis at 97% of its maxmemory
 * and a node's conntrack table at its limit are findings of their own resource, with the level
 * and what it means; a resource below the level and an exporter that is absent say nothing.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { makePrometheusMetricSource } from "../../../src/adapters/prometheus/prometheus-metric-source.js"
import { resourceOf, sweepSaturation } from "../../../src/agents/prometheus/saturation-sweep.js"
import { makePrometheusReplay } from "../../../src/replay/prometheus.js"
import { gaugeSamples, now } from "./metric-fixtures.js"

const nowMs = Date.parse(now)
const incident = { label: "incident", startMs: nowMs - 30 * 60_000, endMs: nowMs }
const gauge = (labels: Record<string, string>, v: number) => ({ labels, samples: gaugeSamples(() => v) })

describe("sweepSaturation", () => {
  it.scoped("reports what is full, as its own resource, and nothing below the level", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(nowMs)
      const replay = yield* makePrometheusReplay({
        series: [
          gauge({ __name__: "redis_memory_used_bytes", instance: "redis-sessions-0:9121" }, 6.2e9),
          gauge({ __name__: "redis_memory_max_bytes", instance: "redis-sessions-0:9121" }, 6.4e9),
          gauge({ __name__: "redis_memory_used_bytes", instance: "redis-cache-0:9121" }, 1e9),
          gauge({ __name__: "redis_memory_max_bytes", instance: "redis-cache-0:9121" }, 4e9),
          gauge({ __name__: "node_nf_conntrack_entries", instance: "10.80.5.33:9100" }, 262_000),
          gauge({ __name__: "node_nf_conntrack_entries_limit", instance: "10.80.5.33:9100" }, 262_144),
          gauge(
            { __name__: "kubelet_volume_stats_available_bytes", persistentvolumeclaim: "data-db-0" },
            4.5e8,
          ),
          gauge(
            { __name__: "kubelet_volume_stats_capacity_bytes", persistentvolumeclaim: "data-db-0" },
            1.07e11,
          ),
        ],
        now: () => nowMs,
      })
      const source = makePrometheusMetricSource({ url: replay.url, timeoutMs: 600_000, maxAttempts: 1 })
      const { findings, note } = yield* sweepSaturation(source, incident, 60)
      // A node's own table is about the node: its subject is the node, as the eks agent's are.
      expect(findings.map((f) => [f.title, f.severity, f.service, f.resource])).toEqual([
        [
          "redis-sessions-0: Redis memory at maxmemory (97%)",
          "medium",
          "redis-sessions-0",
          "metric/redis-sessions-0/redis_memory",
        ],
        ["10.80.5.33: conntrack table full (100%)", "high", null, "node/10.80.5.33"],
        ["data-db-0: volume nearly full (100%)", "high", "data-db-0", "metric/data-db-0/volume_full"],
      ])
      expect(findings[0]?.detail).toContain("refuses every write")
      expect(note).toMatch(/^saturation sweep: redis-sessions-0/)
    }),
  )

  it.scoped(
    "names a Redis by its exporter's pod, as its clients' configuration does, with the address in the detail",
    () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(nowMs)
        const labels = {
          instance: "10.60.14.22:9121",
          namespace: "catalog",
          pod: "catalog-cache-redis-master-0",
          service: "catalog-cache-metrics",
          job: "catalog-cache-metrics",
        }
        const replay = yield* makePrometheusReplay({
          series: [
            gauge({ __name__: "redis_memory_used_bytes", ...labels }, 6.4e9),
            gauge({ __name__: "redis_memory_max_bytes", ...labels }, 6.4e9),
          ],
          now: () => nowMs,
        })
        const source = makePrometheusMetricSource({ url: replay.url, timeoutMs: 600_000, maxAttempts: 1 })
        const { findings } = yield* sweepSaturation(source, incident, 60)
        expect(findings.map((f) => [f.title, f.severity, f.service])).toEqual([
          [
            "catalog-cache-redis-master: Redis memory at maxmemory (100%)",
            "high",
            "catalog-cache-redis-master",
          ],
        ])
        expect(findings[0]?.detail).toContain(
          "catalog-cache-redis-master (instance 10.60.14.22) peaked at 100%",
        )
      }),
  )

  it.scoped(
    "a namespace's ResourceQuota used up names the quota and its resource; one with room, or another resource of it, does not",
    () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(nowMs)
        const quota = (ns: string, name: string, resource: string, type: string, v: number) =>
          gauge({ __name__: "kube_resourcequota", namespace: ns, resourcequota: name, resource, type }, v)
        const replay = yield* makePrometheusReplay({
          series: [
            // Variant: CPU requests at 31 of 32 cores.
            quota("routing", "routing-compute", "requests.cpu", "used", 31),
            quota("routing", "routing-compute", "requests.cpu", "hard", 32),
            // Decoy: the same quota's memory has room.
            quota("routing", "routing-compute", "requests.memory", "used", 40e9),
            quota("routing", "routing-compute", "requests.memory", "hard", 128e9),
            // Variant: another namespace's pod count at its hard limit.
            quota("batch", "batch-quota", "pods", "used", 50),
            quota("batch", "batch-quota", "pods", "hard", 50),
            // Decoy: a quota half used.
            quota("web", "web-limits", "limits.memory", "used", 8e9),
            quota("web", "web-limits", "limits.memory", "hard", 16e9),
          ],
          now: () => nowMs,
        })
        const source = makePrometheusMetricSource({ url: replay.url, timeoutMs: 600_000, maxAttempts: 1 })
        const { findings } = yield* sweepSaturation(source, incident, 60)
        expect(findings.map((f) => [f.title, f.severity]).sort()).toEqual([
          ["batch-quota: ResourceQuota nearly used up (pods 100%)", "high"],
          ["routing-compute: ResourceQuota nearly used up (requests.cpu 97%)", "medium"],
        ])
        expect(findings.find((f) => f.title.startsWith("routing"))?.detail).toContain("namespace routing")
      }),
  )

  it.scoped(
    "a service's own connection pool at its max with callers waiting is full (HikariCP, Go database/sql); a busy pool with none waiting is not",
    () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(nowMs)
        const hikari = (pod: string, metric: string, v: number) =>
          gauge(
            { __name__: `hikaricp_connections_${metric}`, namespace: "clinic", pod, pool: "HikariPool-1" },
            v,
          )
        const goSql = (pod: string, metric: string, v: number) =>
          gauge(
            { __name__: `go_sql_stats_connections_${metric}`, namespace: "fleet", pod, db_name: "routes" },
            v,
          )
        const replay = yield* makePrometheusReplay({
          series: [
            // Variant: HikariCP at 20 of 20 with 40 requests waiting.
            hikari("visit-booker-7c9d8f6b5-abcde", "active", 20),
            hikari("visit-booker-7c9d8f6b5-abcde", "max", 20),
            hikari("visit-booker-7c9d8f6b5-abcde", "pending", 40),
            // Decoy: another pool at its max with nobody waiting (busy, not full).
            hikari("claims-reader-5b6c7d8e9-fghij", "active", 10),
            hikari("claims-reader-5b6c7d8e9-fghij", "max", 10),
            hikari("claims-reader-5b6c7d8e9-fghij", "pending", 0),
            // Variant: Go's database/sql at MaxOpenConns, callers waiting more every minute.
            goSql("route-planner-6d7e8f9a0-klmno", "in_use", 25),
            goSql("route-planner-6d7e8f9a0-klmno", "max_open", 25),
            {
              labels: {
                __name__: "go_sql_stats_connections_waited_for",
                namespace: "fleet",
                pod: "route-planner-6d7e8f9a0-klmno",
                db_name: "routes",
              },
              samples: gaugeSamples((_w, i) => 100 + 30 * i),
            },
          ],
          now: () => nowMs,
        })
        const source = makePrometheusMetricSource({ url: replay.url, timeoutMs: 600_000, maxAttempts: 1 })
        const { findings } = yield* sweepSaturation(source, incident, 60)
        expect(findings.map((f) => [f.title, f.severity, f.service]).sort()).toEqual([
          ["route-planner: connection pool full with requests waiting (100%)", "high", "route-planner"],
          ["visit-booker: connection pool full with requests waiting (100%)", "high", "visit-booker"],
        ])
        expect(findings.find((f) => f.service === "visit-booker")?.detail).toContain("requests queue for one")
      }),
  )

  it("names a resource by its workload, its exporter's Service, else the address", () => {
    expect(resourceOf({ pod: "redis-sessions-master-0", instance: "10.4.0.1:9121" }, "instance")).toBe(
      "redis-sessions-master",
    )
    expect(resourceOf({ pod: "redis-7d9f8b6c4-x2k9p", instance: "10.4.0.1:9121" }, "instance")).toBe("redis")
    expect(resourceOf({ service: "orders-cache-metrics", instance: "10.4.0.1:9121" }, "instance")).toBe(
      "orders-cache",
    )
    expect(resourceOf({ instance: "10.80.5.33:9100" }, "instance")).toBe("10.80.5.33")
    expect(resourceOf({ server: "orders-db:5432" }, "server")).toBe("orders-db")
    // a managed node scraped by its endpoint is its cluster, as its clients' configuration names it
    expect(
      resourceOf({ instance: "catalog-cache-001.x7kq2p.0001.use1.cache.amazonaws.com:6379" }, "instance"),
    ).toBe("catalog-cache")
  })

  it.scoped(
    "names a node's full conntrack table by the node label its pods name it by, a quiet node not at all",
    () =>
      Effect.gen(function* () {
        yield* TestClock.setTime(nowMs)
        const node = (name: string, address: string, entries: number) => [
          gauge({ __name__: "node_nf_conntrack_entries", instance: `${address}:9100`, node: name }, entries),
          gauge(
            { __name__: "node_nf_conntrack_entries_limit", instance: `${address}:9100`, node: name },
            131_072,
          ),
        ]
        const replay = yield* makePrometheusReplay({
          series: [
            ...node("ip-10-44-8-201.eu-west-1.compute.internal", "10.44.8.201", 131_072),
            ...node("ip-10-44-9-12.eu-west-1.compute.internal", "10.44.9.12", 40_000),
          ],
          now: () => nowMs,
        })
        const source = makePrometheusMetricSource({ url: replay.url, timeoutMs: 600_000, maxAttempts: 1 })
        const { findings } = yield* sweepSaturation(source, incident, 60)
        expect(findings.map((f) => [f.title, f.resource])).toEqual([
          [
            "ip-10-44-8-201.eu-west-1.compute.internal: conntrack table full (100%)",
            "node/ip-10-44-8-201.eu-west-1.compute.internal",
          ],
        ])
        expect(findings[0]?.detail).toContain("(instance 10.44.8.201)")
        // Only a node's own resource takes the node's name.
        expect(resourceOf({ node: "ip-10-44-8-201", instance: "10.44.8.201:9121" }, "instance")).toBe(
          "10.44.8.201",
        )
        expect(
          resourceOf({ kubernetes_node: "worker-3", instance: "10.44.8.201:9100" }, "instance", true),
        ).toBe("worker-3")
      }),
  )

  it.scoped("says nothing is full when no exporter answers", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(nowMs)
      const replay = yield* makePrometheusReplay({ series: [], now: () => nowMs })
      const source = makePrometheusMetricSource({ url: replay.url, timeoutMs: 600_000, maxAttempts: 1 })
      expect(yield* sweepSaturation(source, incident, 60)).toEqual({
        findings: [],
        note: "saturation sweep: nothing full",
      })
    }),
  )
})
