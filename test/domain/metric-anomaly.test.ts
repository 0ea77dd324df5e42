/**
 * The anomaly rule: a real departure (≥ 2× and z ≥ 3 against both the 1 h and the 1 d
 * baseline, above the floor) is reported with its values; a flat series, a merely noisy one,
 * one below the floor, one that also happened yesterday, and one without a baseline are not.
 * Properties (fast-check, fixed printed seeds): a flat series at any level and scale never
 * reports, and the verdict does not change when series and floor are scaled together.
 */
import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import {
  type AnomalyRule,
  judgeAnomaly,
  judgeGrowth,
  judgeTrend,
  peakLevel,
  windowStartLabel,
  windowStats,
  withFallbackBaseline,
} from "../../src/domain/metric-anomaly.js"
import type { MetricSample } from "../../src/domain/metric-series.js"

const T = Date.parse("2026-11-27T12:00:00Z")
const samples = (values: ReadonlyArray<number>, start = T): ReadonlyArray<MetricSample> =>
  values.map((v, i) => ({ t: start + i * 60_000, v }))
const rule: AnomalyRule = { minRatio: 2, minZ: 3, floor: 0.01, windowSamples: 5 }

/** A steady error rate around 0.4 % with a little jitter. */
const calm = (n: number, level = 0.004): Array<number> =>
  Array.from({ length: n }, (_, i) => level * (1 + 0.1 * Math.sin(i)))
const baselines = (hour: ReadonlyArray<number>, day: ReadonlyArray<number>) => [
  { label: "1 h earlier", samples: samples(hour, T - 3_600_000) },
  { label: "1 d earlier", samples: samples(day, T - 86_400_000) },
]

describe("withFallbackBaseline", () => {
  it("judges by the window's quietest stretch before its peak only when no earlier window has data", () => {
    const incident = samples([...calm(12), ...Array.from({ length: 24 }, () => 0.2)])
    const none = baselines([], [])
    const fallback = withFallbackBaseline(incident, none)
    expect(fallback.map((b) => [b.label, b.samples.length])).toEqual([[windowStartLabel, 5]])
    expect(fallback[0]?.samples.every((s) => s.v < 0.01)).toBe(true)
    expect(judgeAnomaly(incident, fallback, rule).anomalous).toBe(true)
    // A change a few minutes into the window still has the level it rose from.
    const early = samples([...calm(4), ...Array.from({ length: 32 }, () => 0.2)])
    expect(judgeAnomaly(early, withFallbackBaseline(early, none), rule).anomalous).toBe(true)
    // A window that was high from its start, or one that only fell, is no rise.
    const high = samples(Array.from({ length: 36 }, () => 0.2))
    expect(judgeAnomaly(high, withFallbackBaseline(high, none), rule).anomalous).toBe(false)
    const falling = samples([...Array.from({ length: 12 }, () => 0.2), ...calm(24)])
    expect(judgeAnomaly(falling, withFallbackBaseline(falling, none), rule).anomalous).toBe(false)
    // With an earlier window, that one is the baseline.
    const real = baselines(calm(35), [])
    expect(withFallbackBaseline(incident, real)).toBe(real)
  })
})

describe("judgeAnomaly", () => {
  it("reports a real anomaly with its values and when it began", () => {
    const incident = [...calm(20), ...Array.from({ length: 15 }, () => 0.12)]
    const v = judgeAnomaly(samples(incident), baselines(calm(35), calm(35)), rule)
    expect(v.anomalous).toBe(true)
    expect(v.level).toBeCloseTo(0.12, 12)
    expect(v.incident.max).toBeCloseTo(0.12, 12)
    expect(v.incident.mean).toBeCloseTo((20 * windowStats(calm(20)).mean + 15 * 0.12) / 35, 12)
    expect(v.baselines.map((b) => b.label)).toEqual(["1 h earlier", "1 d earlier"])
    for (const b of v.baselines) {
      expect(b.ratio).toBeCloseTo(0.12 / b.stats.mean, 9)
      expect(b.z).toBeCloseTo((0.12 - b.stats.mean) / b.stats.sd, 6)
      expect(b.ratio).toBeGreaterThan(25)
      expect(b.holds).toBe(true)
    }
    expect(v.onsetMs).toBe(T + 20 * 60_000)
  })

  it("does not report a flat series", () => {
    const v = judgeAnomaly(
      samples(Array(35).fill(0.05)),
      baselines(Array(35).fill(0.05), Array(35).fill(0.05)),
      rule,
    )
    expect(v.anomalous).toBe(false)
    for (const b of v.baselines) {
      expect(b.ratio).toBeCloseTo(1, 9)
      expect(b.stats.sd).toBe(0)
      expect(b.z).toBe(0)
    }
  })

  it("does not report a merely noisy series whose spikes are within the baseline's own variance", () => {
    // Baselines swing between 1 % and 9 %; the incident does the same with a few single spikes to 20 %.
    const noisy = (n: number, phase: number) =>
      Array.from({ length: n }, (_, i) => ((i + phase) % 2 === 0 ? 0.01 : 0.09))
    const incident = noisy(35, 1).map((v, i) => (i % 9 === 4 ? 0.2 : v))
    const v = judgeAnomaly(samples(incident), baselines(noisy(35, 0), noisy(35, 1)), rule)
    expect(v.anomalous).toBe(false)
    expect(v.because).toMatch(/within the range/)
    // The single 20 % samples are averaged into 5-sample levels, well under 2× the 5 % mean.
    expect(v.level).toBeLessThan(0.1)
  })

  it("does not report a high-variance baseline even when the level doubles (z below 3)", () => {
    const wild = Array.from({ length: 35 }, (_, i) => [0.01, 0.3, 0.02, 0.25, 0.01][i % 5] ?? 0)
    const incident = Array(35).fill(0.24)
    const v = judgeAnomaly(samples(incident), baselines(wild, wild), rule)
    expect(v.baselines[0]?.ratio).toBeGreaterThanOrEqual(2)
    expect(v.baselines[0]?.z).toBeLessThan(3)
    expect(v.anomalous).toBe(false)
  })

  it("does not report a jump that stays below the floor", () => {
    const v = judgeAnomaly(
      samples([...calm(20, 0.0001), ...Array(15).fill(0.005)]),
      baselines(calm(35, 0.0001), calm(35, 0.0001)),
      rule,
    )
    expect(v.baselines.every((b) => b.holds)).toBe(true)
    expect(v.anomalous).toBe(false)
    expect(v.because).toMatch(/below the floor of 0.01/)
  })

  it("does not report what also happened a day earlier (the daily pattern)", () => {
    const spike = [...calm(20), ...Array(15).fill(0.12)]
    const v = judgeAnomaly(samples(spike), baselines(calm(35), spike), rule)
    expect(v.anomalous).toBe(false)
    expect(v.because).toBe("within the range of 1 d earlier")
  })

  it("gives no verdict without a baseline, and judges on the baseline it has", () => {
    const spike = [...calm(20), ...Array(15).fill(0.12)]
    expect(judgeAnomaly(samples(spike), baselines([], [0.004, 0.004]), rule)).toMatchObject({
      anomalous: false,
      because: "no baseline with data (1 h or 1 d earlier)",
    })
    const oneSided = judgeAnomaly(samples(spike), baselines(calm(35), []), rule)
    expect(oneSided.anomalous).toBe(true)
    expect(oneSided.baselines.map((b) => b.label)).toEqual(["1 h earlier"])
  })

  it("ignores NaN samples (0/0 with no traffic) and reports against a zero baseline", () => {
    const v = judgeAnomaly(
      samples([Number.NaN, Number.NaN, ...Array(10).fill(0.5)]),
      baselines(Array(35).fill(0), [Number.NaN, 0, 0, 0]),
      rule,
    )
    expect(v.anomalous).toBe(true)
    expect(v.incident.n).toBe(10)
    expect(
      v.baselines.every((b) => b.ratio === Number.POSITIVE_INFINITY && b.z === Number.POSITIVE_INFINITY),
    ).toBe(true)
  })
})

describe("peakLevel", () => {
  it("is the highest mean of the given number of consecutive samples, and where it starts", () => {
    expect(peakLevel(samples([1, 1, 9, 1, 1, 4, 4, 4, 4, 4, 1]), 5)).toEqual({
      level: 4,
      startMs: T + 5 * 60_000,
    })
    expect(peakLevel(samples([3, 9]), 5)).toEqual({ level: 6, startMs: T })
  })
})

describe("judgeAnomaly properties", () => {
  const seed = 20261127
  console.log(`metric-anomaly property seed: ${seed}`)
  const level = fc.double({ min: 1e-6, max: 1e9, noNaN: true, noDefaultInfinity: true })
  const scale = fc.double({ min: 1e-3, max: 1e6, noNaN: true, noDefaultInfinity: true })
  const length = fc.integer({ min: 3, max: 60 })

  it("never reports a flat series, whatever its level and scale", () => {
    fc.assert(
      fc.property(level, scale, length, fc.double({ min: 0, max: 1e9, noNaN: true }), (c, k, n, floor) => {
        const flat = Array(n).fill(c * k)
        const v = judgeAnomaly(samples(flat), baselines(flat, flat), { ...rule, floor })
        return !v.anomalous
      }),
      { seed, numRuns: 500 },
    )
  })

  it("gives the same verdict when the series and the floor are scaled together", () => {
    const values = fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 5, maxLength: 40 })
    fc.assert(
      fc.property(values, values, values, fc.integer({ min: 0, max: 12 }), (incident, hour, day, power) => {
        const k = 2 ** power // exact in binary floating point, so ratios and z-scores are unchanged
        const scaled = (xs: ReadonlyArray<number>) => xs.map((x) => x * k)
        const a = judgeAnomaly(samples(incident), baselines(hour, day), { ...rule, floor: 1 })
        const b = judgeAnomaly(samples(scaled(incident)), baselines(scaled(hour), scaled(day)), {
          ...rule,
          floor: k,
        })
        return a.anomalous === b.anomalous
      }),
      { seed: seed + 1, numRuns: 500 },
    )
  })
})

describe("judgeGrowth", () => {
  const oldestFirst = (day: ReadonlyArray<number>, hour: ReadonlyArray<number>) => [
    { label: "1 d earlier", samples: samples(day, T - 86_400_000) },
    { label: "1 h earlier", samples: samples(hour, T - 3_600_000) },
  ]
  const climb = (from: number, n: number, step: number) =>
    Array.from({ length: n }, (_, i) => from + i * step)

  it("sees a leak: far above a day ago, no lower than an hour ago, though nothing jumped", () => {
    // 2 threads a minute, all day: ~1,200 a day ago, ~3,900 an hour ago, ~4,000 now.
    const g = judgeGrowth(samples(climb(4000, 30, 2)), oldestFirst(climb(1200, 30, 2), climb(3880, 30, 2)))
    expect(g.growing).toBe(true)
    expect(g.ratio).toBeGreaterThan(3)
    expect(g.steps.map((s) => s.label)).toEqual(["1 d earlier", "1 h earlier"])
    // The anomaly rule, against the same windows, sees nothing: the hour before is as high.
    expect(
      judgeAnomaly(samples(climb(4000, 30, 2)), oldestFirst(climb(1200, 30, 2), climb(3880, 30, 2)), rule)
        .anomalous,
    ).toBe(false)
  })

  it("does not see a daily pattern, a fall since the hour before, a small rise, or too little data", () => {
    const flat = (v: number) => Array(30).fill(v)
    expect(judgeGrowth(samples(flat(4000)), oldestFirst(flat(4000), flat(1000))).growing).toBe(false)
    expect(judgeGrowth(samples(flat(3000)), oldestFirst(flat(1000), flat(3500))).growing).toBe(false)
    expect(judgeGrowth(samples(flat(1300)), oldestFirst(flat(1000), flat(1200))).growing).toBe(false)
    expect(judgeGrowth(samples(flat(4000)), oldestFirst([1000, 1000], flat(3500))).growing).toBe(false)
  })
})

describe("judgeTrend", () => {
  // One point every 10 minutes over the last 12 hours, oldest first.
  const every10min = (values: ReadonlyArray<number>) =>
    values.map((v, i) => ({ t: T - (values.length - 1 - i) * 600_000, v }))
  const line = (from: number, perPoint: number, n: number) =>
    Array.from({ length: n }, (_, i) => from + i * perPoint)

  it("sees a straight climb over hours, from a short and coarse history", () => {
    // 860 MiB → 1.9 GiB in 12 h: +15 MiB every 10 min, a little noise.
    const mib = 1_048_576
    const trend = judgeTrend(every10min(line(860, 15, 72).map((v, i) => (v + (i % 3) * 4) * mib)))
    expect(trend.growing).toBe(true)
    expect(trend.fit).toBeGreaterThan(0.99)
    expect(trend.hours).toBeCloseTo(71 / 6, 1)
    expect(trend.perHour / mib).toBeCloseTo(90, 0)
  })

  it("reads only the climb since the last restart (an OOM kill's sawtooth)", () => {
    const sawtooth = [...line(300, 40, 30), ...line(280, 40, 30)]
    const trend = judgeTrend(every10min(sawtooth))
    expect(trend.growing).toBe(true)
    expect(trend.from).toBeCloseTo(280, 0)
    expect(trend.hours).toBeCloseTo(29 / 6, 1)
  })

  it("does not see a flat or noisy level, a small rise, a short climb or a fall", () => {
    expect(judgeTrend(every10min(Array(72).fill(1000))).growing).toBe(false)
    expect(judgeTrend(every10min(line(0, 0, 72).map((_, i) => 1000 + ((i * 7919) % 600)))).growing).toBe(
      false,
    )
    expect(judgeTrend(every10min(line(1000, 2, 72))).growing).toBe(false)
    expect(judgeTrend(every10min(line(1000, 100, 8))).growing).toBe(false)
    expect(judgeTrend(every10min(line(4000, -20, 72))).growing).toBe(false)
  })
})
