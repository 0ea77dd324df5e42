/**
 * The slow-consumer sweep over the replay and the real adapter (consumer-ceiling-sweep.ts): lag
 * that began hours before the window is read, and the found group's own latency series is asked
 * for by its name; with no slow group, only the one query is asked.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { makePrometheusMetricSource } from "../../../src/adapters/prometheus/prometheus-metric-source.js"
import {
  consumerCeilingQuery,
  sweepConsumerCeilings,
} from "../../../src/agents/prometheus/consumer-ceiling-sweep.js"
import { makePrometheusReplay } from "../../../src/replay/prometheus.js"
import { now } from "./metric-fixtures.js"

const nowMs = Date.parse(now)
const incident = { label: "incident", startMs: nowMs - 30 * 60_000, endMs: nowMs }
// Every half hour from three hours before now.
const s = (labels: Record<string, string>, values: ReadonlyArray<number>) => ({
  labels,
  samples: values.map((v, i) => ({ t: nowMs - (values.length - 1 - i) * 1_800_000, v })),
})
const lag = s(
  { __name__: "kafka_consumergroup_lag_sum", consumergroup: "fare-settler", topic: "trips" },
  [300, 800, 90_000, 500_000, 1_100_000, 1_700_000, 2_300_000],
)
const produced = s({ __name__: "job:trips_produced:rate5m" }, [900, 1000, 1500, 1550, 1520, 1540, 1530])
const latency = s(
  { __name__: "fare_settler_tariff_lookup_seconds", quantile: "0.99" },
  [0.02, 0.02, 0.03, 0.03, 0.03, 0.03, 0.03],
)

const run = (consumed: ReadonlyArray<number>) =>
  Effect.gen(function* () {
    yield* TestClock.setTime(nowMs)
    const replay = yield* makePrometheusReplay({
      series: [lag, produced, latency, s({ __name__: "job:fare_settler_records_consumed:rate5m" }, consumed)],
      now: () => nowMs,
    })
    const source = makePrometheusMetricSource({ url: replay.url, timeoutMs: 600_000, maxAttempts: 1 })
    const outcome = yield* sweepConsumerCeilings(source, incident, 60)
    const asked = replay.requests().map((r) => String((r.body as Record<string, string>).query))
    return { ...outcome, asked }
  })

describe("sweepConsumerCeilings", () => {
  it.scoped("a group consuming flat below production, with what each record waits on", () =>
    Effect.gen(function* () {
      const { findings, note, asked } = yield* run([880, 990, 1010, 1000, 995, 1005, 1000])
      expect(findings.map((f) => [f.kind, f.service])).toEqual([["consumer_outpaced", "fare-settler"]])
      expect(findings[0]?.detail).toContain("fare_settler_tariff_lookup_seconds p99 30 ms")
      expect(note).toMatch(/^slow consumer: consumer group fare-settler on trips too slow/)
      expect(asked).toHaveLength(2)
    }),
  )

  it.scoped("a consumer keeping pace: nothing, and no second query", () =>
    Effect.gen(function* () {
      const { findings, asked } = yield* run([900, 1000, 1500, 1550, 1520, 1540, 1530])
      expect(findings).toHaveLength(0)
      expect(asked).toEqual([consumerCeilingQuery])
    }),
  )
})
