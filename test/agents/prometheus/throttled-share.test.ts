/**
 * The throttled share from the raw CFS counters: scrapes too sparse for a 5-minute rate, a
 * counter started over by a container restart, repeated steps re-reading one scrape, containers
 * paired by their labels (not another pod's periods), and nothing to judge from one scrape.
 */
import { describe, expect, it } from "@effect/vitest"
import { counterIncrease, throttledShareOfCounters } from "../../../src/agents/prometheus/throttled-share.js"
import type { MetricSeries } from "../../../src/domain/metric-series.js"

const min = 60_000
const at = (pairs: ReadonlyArray<[number, number]>) => pairs.map(([m, v]) => ({ t: m * min, v }))
const counter = (name: string, pod: string, pairs: ReadonlyArray<[number, number]>): MetricSeries => ({
  labels: { __name__: name, namespace: "ledger", pod, container: "app" },
  samples: at(pairs),
})
const throttled = (pod: string, pairs: ReadonlyArray<[number, number]>) =>
  counter("container_cpu_cfs_throttled_periods_total", pod, pairs)
const periods = (pod: string, pairs: ReadonlyArray<[number, number]>) =>
  counter("container_cpu_cfs_periods_total", pod, pairs)

describe("counterIncrease", () => {
  it("sums the rises, a reset counts from zero, repeated steps add nothing, order does not matter", () => {
    expect(
      counterIncrease(
        at([
          [0, 100],
          [15, 160],
          [30, 220],
        ]),
      ),
    ).toBe(120)
    expect(
      counterIncrease(
        at([
          [0, 100],
          [15, 160],
          [30, 20],
        ]),
      ),
    ).toBe(80)
    expect(
      counterIncrease(
        at([
          [0, 100],
          [1, 100],
          [2, 100],
          [15, 130],
        ]),
      ),
    ).toBe(30)
    expect(
      counterIncrease(
        at([
          [30, 220],
          [0, 100],
          [15, 160],
        ]),
      ),
    ).toBe(120)
    expect(
      counterIncrease(
        at([
          [0, 100],
          [15, Number.NaN],
          [30, 130],
        ]),
      ),
    ).toBe(30)
  })
})

describe("throttledShareOfCounters", () => {
  it("a container throttled in ~90% of periods across a restart, scraped every 15 minutes", () => {
    const share = throttledShareOfCounters(
      [
        throttled("ledger-api-6f8d7-abcde", [
          [0, 50_000],
          [15, 58_000],
          [25, 900],
        ]),
      ],
      [
        periods("ledger-api-6f8d7-abcde", [
          [0, 120_000],
          [15, 129_000],
          [25, 1_000],
        ]),
      ],
    )
    expect(share).toBeCloseTo(8_900 / 10_000, 5)
  })

  it("pairs each container's counters by its labels, summing over pods", () => {
    const share = throttledShareOfCounters(
      [
        throttled("a-1", [
          [0, 0],
          [10, 100],
        ]),
        throttled("b-2", [
          [0, 0],
          [10, 0],
        ]),
      ],
      [
        periods("a-1", [
          [0, 0],
          [10, 200],
        ]),
        periods("b-2", [
          [0, 0],
          [10, 200],
        ]),
        periods("c-3", [
          [0, 0],
          [10, 999],
        ]),
      ],
    )
    expect(share).toBeCloseTo(0.25, 5)
  })

  it("a healthy container is near zero; one scrape or no periods is nothing to judge", () => {
    expect(
      throttledShareOfCounters(
        [
          throttled("a-1", [
            [0, 10],
            [15, 12],
          ]),
        ],
        [
          periods("a-1", [
            [0, 1_000],
            [15, 10_000],
          ]),
        ],
      ),
    ).toBeLessThan(0.01)
    expect(throttledShareOfCounters([throttled("a-1", [[0, 10]])], [periods("a-1", [[0, 1_000]])])).toBeNull()
    expect(throttledShareOfCounters([], [])).toBeNull()
  })
})
