/**
 * The sawtooth leak (memory-lives.ts): lives between restarts, each climbing to the limit with flat
 * load. Variants: three lives of one pod, two pods' lives with sparse scrapes that lose the peak,
 * no limit (the same ceiling). Decoys: memory that rises with its requests in every life, a flat
 * high level, a single step after a deploy, a restart far below the limit.
 */
import { describe, expect, it } from "vitest"
import { judgeLives, livesOf } from "../../src/domain/memory-lives.js"
import type { MetricSample } from "../../src/domain/metric-series.js"

const mib = 1_048_576
const minute = 60_000
const t0 = Date.parse("2026-05-02T00:00:00Z")
const limit = 2048 * mib

/** `lives` climbs from `floor` to `ceiling` MiB over `lifeMin` minutes each, a sample every `stepMin`, then a partial life. */
const sawtooth = (
  lives: number,
  lifeMin: number,
  floor: number,
  ceiling: number,
  stepMin = 10,
  offsetMin = 0,
) => {
  const total = lives * lifeMin + lifeMin / 3
  return Array.from({ length: Math.floor(total / stepMin) + 1 }, (_, i): MetricSample => {
    const m = i * stepMin + offsetMin
    const into = (m % lifeMin) / lifeMin
    return { t: t0 + m * minute, v: (floor + (ceiling - floor) * into) * mib }
  })
}
const flat = (v: number, minutes: number, stepMin = 10) =>
  Array.from(
    { length: Math.floor(minutes / stepMin) + 1 },
    (_, i): MetricSample => ({ t: t0 + i * stepMin * minute, v }),
  )

describe("lives between restarts", () => {
  it("cuts a sawtooth at its drops and fits each life", () => {
    const lives = livesOf("p", sawtooth(3, 90, 300, 2000))
    expect(lives.map((l) => l.killed)).toEqual([true, true, true, false])
    expect(lives[1]?.restarted).toBe(true)
    expect((lives[0]?.perHour ?? 0) / mib).toBeCloseTo((1700 / 90) * 60, 0)
  })

  it("three lives of one pod killed at the limit, flat requests: a leak, with its life and next kill", () => {
    const v = judgeLives({
      memory: [{ pod: "render-7f9c-abcde", samples: sawtooth(3, 90, 300, 2040) }],
      load: [{ name: "render_requests_total", samples: flat(40, 400) }],
      limitBytes: limit,
    })
    expect(v.leaking).toBe(true)
    expect(v.lives).toHaveLength(3)
    expect(v.lifeHours).toBeCloseTo(1.5, 1)
    expect(v.next?.hours).toBeGreaterThan(0.5)
    expect(v.next?.hours).toBeLessThan(1.5)
  })

  it("two pods' lives scraped every 20 min, the peak lost to the restart's sample", () => {
    // Each pod climbs 300 → 2040 MiB in 80 min; the 20-min scrape never lands on the peak.
    const v = judgeLives({
      memory: [
        { pod: "a-1", samples: sawtooth(1, 80, 300, 2040, 20, 5) },
        { pod: "a-2", samples: sawtooth(1, 80, 300, 2040, 20, 15) },
      ],
      load: [],
      limitBytes: limit,
    })
    expect(v.leaking).toBe(true)
    expect(v.lives.map((l) => l.pod).sort()).toEqual(["a-1", "a-2"])
  })

  it("without a limit, lives that end at the same ceiling", () => {
    const v = judgeLives({
      memory: [{ pod: null, samples: sawtooth(3, 120, 100, 900) }],
      load: [],
      limitBytes: null,
    })
    expect(v.leaking).toBe(true)
    expect(v.lifeHours).toBeCloseTo(2, 1)
  })

  it("decoy: memory rising with its connections in every life", () => {
    const mem = sawtooth(3, 90, 300, 2040)
    const conns = mem.map((s) => ({ t: s.t, v: s.v / mib }))
    const v = judgeLives({
      memory: [{ pod: "p", samples: mem }],
      load: [{ name: "ws_connections", samples: conns }],
      limitBytes: limit,
    })
    expect(v.leaking).toBe(false)
    expect(v.because).toContain("ws_connections")
  })

  it("decoys: a flat high level, a single step after a deploy, restarts far below the limit", () => {
    const judge = (samples: ReadonlyArray<MetricSample>) =>
      judgeLives({ memory: [{ pod: "p", samples }], load: [], limitBytes: limit }).leaking
    expect(judge(flat(1900 * mib, 600))).toBe(false)
    const step = [
      ...flat(600 * mib, 300),
      ...flat(1200 * mib, 300).map((s) => ({ ...s, t: s.t + 310 * minute })),
    ]
    expect(judge(step)).toBe(false)
    expect(judge(sawtooth(3, 90, 300, 900))).toBe(false)
    // One kill alone is not yet a sawtooth.
    expect(judge(sawtooth(1, 90, 300, 2040))).toBe(false)
  })
})
