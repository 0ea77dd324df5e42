/**
 * `sources.prometheus` in config.yaml: embedded defaults (the four query templates, floors and
 * the ratio/z rule), strict decoding, and a template with a placeholder outside a quoted label
 * value refused at load time, naming its path.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import { loadConfigFile } from "../../src/adapters/local/config-file.js"
import { decodeConfig, defaultConfig } from "../../src/domain/config.js"
import { defaultMetricFloors, defaultMetricQueries } from "../../src/domain/metric-queries.js"

describe("sources.prometheus", () => {
  it("defaults to no URL, the four templates, their floors and ratio ≥ 2 with z ≥ 3", () => {
    expect(defaultConfig.sources.prometheus).toEqual({
      url: null,
      queries: defaultMetricQueries,
      floors: defaultMetricFloors,
      min_ratio: 2,
      min_z: 3,
      step_s: 60,
      scan_metrics: 8,
      timeout_ms: 5000,
    })
  })

  // The shipped config.yaml spells the templates out for operators to edit; a default improved in
  // code (a Micrometer alternative) but not there would never run in a deployment.
  it.effect("config.yaml's templates are the defaults", () =>
    Effect.gen(function* () {
      const config = yield* loadConfigFile("config.yaml")
      expect(config.sources.prometheus.queries).toEqual(defaultMetricQueries)
    }),
  )

  it("accepts a URL, a null query (skipped) and a custom template", () => {
    const r = decodeConfig({
      sources: {
        prometheus: {
          url: "http://prometheus.monitoring:9090",
          queries: { restarts: null, error_rate: 'sum(rate(errors_total{app="{workload}"}[5m]))' },
        },
      },
    })
    const p = Either.getOrThrow(r).sources.prometheus
    expect(p.url).toBe("http://prometheus.monitoring:9090")
    expect(p.queries.restarts).toBeNull()
    expect(p.queries.error_rate).toBe('sum(rate(errors_total{app="{workload}"}[5m]))')
    expect(p.queries.latency_p99).toBe(defaultMetricQueries.latency_p99)
  })

  it("refuses an unquoted placeholder, an unknown key and a ratio that is not above 1", () => {
    const problems = (doc: unknown) =>
      Either.match(decodeConfig(doc), { onLeft: (e) => e.problems.join("\n"), onRight: () => "" })
    expect(problems({ sources: { prometheus: { queries: { saturation: "max({namespace})" } } } })).toMatch(
      /sources\.prometheus\.queries\.saturation: placeholder \{namespace\} must be inside a double-quoted label value/,
    )
    expect(problems({ sources: { prometheus: { query: {} } } })).toMatch(/sources\.prometheus\.query/)
    expect(problems({ sources: { prometheus: { min_ratio: 1 } } })).toMatch(/sources\.prometheus\.min_ratio/)
  })
})
