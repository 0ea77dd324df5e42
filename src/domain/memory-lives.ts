/**
 * A leak read from a sawtooth: memory that climbs to the limit, is killed there, drops at the
 * restart and climbs again — lives of an hour or two, each too short for the long-climb rule of
 * memory-leak.ts (≥ 6 h), but the same leak told by repetition: two or more lives that each rose
 * in a straight line and ended near the limit (or, without a limit, at the same ceiling), while the
 * load over each life stayed flat. Growth is measured per life (between drops, never across them:
 * a line through a sawtooth fits nothing), and the next kill is timed from the current life. Pure.
 */

import { hourlyLine } from "./hourly-line.js"
import type { LoadLevel } from "./memory-leak.js"
import { loadRatio } from "./memory-leak.js"
import { trendRule } from "./metric-anomaly.js"
import type { MetricSample } from "./metric-series.js"

/**
 * A life counts when it climbed ≥ 30 min over ≥ 3 points (R² ≥ 0.8, ≥ 1.3×) and ended within 10% of
 * the limit (`nearLimit`), or, without one, within 15% of the other lives' peaks (`sameCeiling`).
 * Two such lives make a sawtooth: one kill alone may be a spike; a repeated one is the leak.
 */
export const livesRule = {
  minPoints: 3,
  minHours: 0.5,
  minFit: 0.8,
  minRatio: 1.3,
  nearLimit: 0.9,
  sameCeiling: 0.85,
  minLives: 2,
  loadShare: 0.5,
}

/** A straight line through one life: its rate, its fit and its ends. */
export interface LifeClimb {
  readonly pod: string | null
  readonly startMs: number
  readonly endMs: number
  readonly from: number
  readonly to: number
  /** The highest sample seen, or the line's level at the drop when that is higher (see `livesOf`). */
  readonly peak: number
  readonly perHour: number
  readonly fit: number
  /** Whether a drop ended it (a restart), rather than the end of the series. */
  readonly killed: boolean
  /** When the drop that ended it was seen; null for the current life. */
  readonly dropMs: number | null
  /** Whether a drop began it: its first sample is a restart's level. */
  readonly restarted: boolean
  /** Distinct samples in it. */
  readonly points: number
}

export interface LivesVerdict {
  readonly leaking: boolean
  /** The lives that ended in a kill and passed the rule, oldest first. */
  readonly lives: ReadonlyArray<LifeClimb>
  /** The median climb per hour over those lives. */
  readonly perHour: number
  /** How long a life lasts: measured between two drops, else the restart level's way to the limit. */
  readonly lifeHours: number | null
  /** The current life nearest the limit: its pod and the hours left to it at the lives' rate. */
  readonly next: { readonly pod: string | null; readonly level: number; readonly hours: number } | null
  readonly limitBytes: number | null
  readonly loads: ReadonlyArray<LoadLevel>
  readonly because: string
}

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length === 0
    ? Number.NaN
    : s.length % 2 === 1
      ? (s[mid] ?? Number.NaN)
      : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}

/**
 * One pod's memory cut at its drops (below `trendRule.restartDrop` of the level before), each
 * piece fitted. A replay or Prometheus repeats a sparse scrape at every step it looks back over,
 * so a repeated value is kept once (it would flatten a climb that is steep between scrapes).
 */
export const livesOf = (
  pod: string | null,
  samples: ReadonlyArray<MetricSample>,
): ReadonlyArray<LifeClimb> => {
  const points = [...samples]
    .filter((s) => Number.isFinite(s.v))
    .sort((a, b) => a.t - b.t)
    .filter((s, i, all) => i === 0 || s.v !== all[i - 1]?.v)
  const pieces: Array<Array<MetricSample>> = [[]]
  points.forEach((p, i) => {
    const before = points[i - 1]?.v ?? 0
    if (i > 0 && before > 0 && p.v < before * trendRule.restartDrop) pieces.push([])
    pieces[pieces.length - 1]?.push(p)
  })
  return pieces.flatMap((piece, i) => {
    const fit = hourlyLine(piece)
    const first = piece[0]
    const last = piece[piece.length - 1]
    if (fit === null || first === undefined || last === undefined) return []
    // Read a step at a time, the last scrape before the kill is often lost to the restart's
    // newer sample: the line carried to the drop says where the kill came, when the gap is no
    // longer than the climb that was seen (a long gap could hide anything).
    const dropMs = pieces[i + 1]?.[0]?.t
    const span = last.t - first.t
    const atDrop =
      dropMs !== undefined && dropMs - last.t <= span
        ? fit.from + (fit.slope * (dropMs - first.t)) / 3_600_000
        : 0
    return [
      {
        pod,
        startMs: first.t,
        endMs: last.t,
        from: fit.from,
        to: fit.to,
        peak: Math.max(atDrop, ...piece.map((p) => p.v)),
        perHour: fit.slope,
        fit: fit.fit,
        killed: i < pieces.length - 1,
        dropMs: dropMs ?? null,
        restarted: i > 0,
        points: piece.length,
      },
    ]
  })
}

const climbed = (l: LifeClimb) =>
  l.points >= livesRule.minPoints &&
  (l.endMs - l.startMs) / 3_600_000 >= livesRule.minHours &&
  l.perHour > 0 &&
  l.fit >= livesRule.minFit &&
  l.from > 0 &&
  l.to / l.from >= livesRule.minRatio

/**
 * Judge the pods' memory as lives between restarts against the limit and the load (`load`: the
 * service's connections, requests…). Memory that climbs with its load in most lives is a busier
 * service reset by restarts, not a leak; a life that ended far below the limit was a restart for
 * another reason (a deploy, an eviction).
 */
export const judgeLives = (input: {
  readonly memory: ReadonlyArray<{
    readonly pod: string | null
    readonly samples: ReadonlyArray<MetricSample>
  }>
  readonly load: ReadonlyArray<{ readonly name: string; readonly samples: ReadonlyArray<MetricSample> }>
  readonly limitBytes: number | null
}): LivesVerdict => {
  const limitBytes = input.limitBytes !== null && input.limitBytes > 0 ? input.limitBytes : null
  const all = input.memory.flatMap((m) =>
    livesOf(m.pod, m.samples).map((l) => ({ ...l, samples: m.samples })),
  )
  const rising = all.filter((l) => l.killed && climbed(l))
  const ceiling = median(rising.map((l) => l.peak))
  const lives: ReadonlyArray<LifeClimb & { readonly samples: ReadonlyArray<MetricSample> }> = rising
    .filter((l) =>
      limitBytes === null
        ? l.peak >= ceiling * livesRule.sameCeiling
        : l.peak >= limitBytes * livesRule.nearLimit,
    )
    .sort((a, b) => a.endMs - b.endMs)
  const none = (because: string): LivesVerdict => ({
    leaking: false,
    lives,
    perHour: 0,
    lifeHours: null,
    next: null,
    limitBytes,
    loads: [],
    because,
  })
  if (lives.length < livesRule.minLives)
    return none(
      `fewer than ${livesRule.minLives} lives climbed to ${limitBytes === null ? "one ceiling" : "the limit"}`,
    )
  // The memory's growth read the way the load's is (each end's quarter), so a memory that
  // follows its load in proportion reads as the same growth.
  const perLife = lives.map((l) => ({
    growth: loadRatio(l.samples, l.startMs, l.endMs) - 1,
    loads: input.load
      .map((s) => ({ name: s.name, ratio: loadRatio(s.samples, l.startMs, l.endMs) }))
      .filter((x) => Number.isFinite(x.ratio)),
  }))
  const busier = perLife.filter((l) => l.loads.some((x) => x.ratio - 1 >= l.growth * livesRule.loadShare))
  const loads = perLife[perLife.length - 1]?.loads ?? []
  if (busier.length * 2 >= perLife.length) {
    const grew = busier[0]?.loads.find((x) => x.ratio > 1)
    return {
      ...none(
        `its load grew with it in ${busier.length} of ${perLife.length} lives${grew === undefined ? "" : ` (${grew.name} ×${grew.ratio.toFixed(2)})`}`,
      ),
      loads,
    }
  }
  const perHour = median(lives.map((l) => l.perHour))
  // A life from its restart to the drop that ended it.
  const measured = lives.flatMap((l) =>
    l.restarted && l.dropMs !== null ? [(l.dropMs - l.startMs) / 3_600_000] : [],
  )
  // A restart's level: where each life after a drop began (the kill's sawtooth floor).
  const floors = all.filter((l) => l.restarted).map((l) => l.from)
  const lifeHours =
    limitBytes !== null && floors.length > 0
      ? (limitBytes - median(floors)) / perHour
      : measured.length > 0
        ? median(measured)
        : null
  const current = all
    .filter((l) => !l.killed)
    .map((l) => ({
      pod: l.pod,
      level: l.peak,
      hours: Math.max(0, ((limitBytes ?? ceiling) - l.peak) / perHour),
    }))
    .sort((a, b) => a.hours - b.hours)[0]
  return {
    leaking: true,
    lives,
    perHour,
    lifeHours,
    next: current ?? null,
    limitBytes,
    loads,
    because: "",
  }
}
