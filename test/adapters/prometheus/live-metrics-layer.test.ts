/**
 * `--live` wiring for metrics: PROMETHEUS_URL (else `sources.prometheus.url`) gives a working
 * MetricSource; neither gives the not-configured twin, so the agent answers unhealthy naming
 * the variable — never an error storm.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { defaultConfig } from "../../../src/domain/config.js"
import { liveSourceLayers } from "../../../src/layers.js"
import { MetricSource } from "../../../src/ports/metric-source.js"
import { makePrometheusReplay } from "../../../src/replay/prometheus.js"

const T = Date.parse("2026-11-27T12:00:00Z")
const query = MetricSource.pipe(Effect.flatMap((m) => m.query("up", T)))

describe("liveSourceLayers metrics", () => {
  it.scoped("reads PROMETHEUS_URL, else sources.prometheus.url", () =>
    Effect.gen(function* () {
      const replay = yield* makePrometheusReplay({
        series: [{ labels: { __name__: "up" }, samples: [{ t: T, v: 1 }] }],
        now: () => T,
      })
      const fromEnv = liveSourceLayers(defaultConfig, { PROMETHEUS_URL: ` ${replay.url} ` }).metrics
      expect(yield* query.pipe(Effect.provide(fromEnv))).toEqual({
        type: "vector",
        series: [{ labels: { __name__: "up" }, sample: { t: T, v: 1 } }],
      })
      const config = {
        ...defaultConfig,
        sources: {
          ...defaultConfig.sources,
          prometheus: { ...defaultConfig.sources.prometheus, url: replay.url },
        },
      }
      const fromConfig = liveSourceLayers(config, { PROMETHEUS_URL: "" }).metrics
      expect((yield* query.pipe(Effect.provide(fromConfig))).type).toBe("vector")
      expect(replay.requests()).toHaveLength(2)
    }),
  )

  it.effect("without either, every call fails not_configured naming PROMETHEUS_URL", () =>
    Effect.gen(function* () {
      const e = yield* Effect.flip(query.pipe(Effect.provide(liveSourceLayers(defaultConfig, {}).metrics)))
      expect(e.reason).toBe("not_configured")
      expect(e.message).toMatch(/PROMETHEUS_URL/)
    }),
  )
})
