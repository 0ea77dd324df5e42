/**
 * A consumer that stopped consuming: its group's lag on a topic keeps growing while the offset
 * it commits stays where it was — it reads the same message again and again (a poison message
 * crashing it on every delivery) or is not running at all. Read from the exporters' names:
 * kafka_exporter (`kafka_consumergroup_lag`, `_lag_sum`, `_current_offset`), Burrow, the
 * Confluent / Strimzi / MSK exporters (`kafka_consumer_group_offset`, `…committed_offset`). An SQS queue's
 * oldest message ageing is left out: workers that cannot be scheduled age it too (not a stall). A
 * lag growing while the committed offset advances is a slow consumer, not a stopped one: not
 * this finding. Users see work that "synced" but never shows up; no alert names the group. Pure.
 */
import { DateTime } from "effect"
import type { AgentId } from "./agent-id.js"
import type { Finding } from "./finding.js"
import type { MetricLabels, MetricSample, MetricSeries } from "./metric-series.js"
import { utcHhmm } from "./utc-clock.js"

/** A consumer group's lag (messages behind), whichever exporter wrote it. */
export const consumerLagMetric =
  /^(?:kafka_consumer_?group_(?:partition_)?lag(?:_sum|_total)?|kafka_consumergroup_group_(?:max_)?lag|burrow_kafka_consumer_(?:partition_)?(?:total_)?lag|kafka_consumer_records_lag(?:_max)?|\w*consumer_?group\w*_lag\w*)$/i

/** The offset a group commits: flat while lag grows means nothing is consumed. */
export const committedOffsetMetric =
  /^(?:kafka_consumer_?group_(?:current|committed)_offset(?:_sum)?|kafka_consumer_group_offset|burrow_kafka_consumer_current_offset|\w*consumer_?group\w*_(?:current|committed)_offset\w*)$/i

/** The labels exporters name a consumer group and its topic by (shared with metric-consumer-ceiling.ts). */
export const groupLabels = ["consumergroup", "consumer_group", "group", "groupId", "group_id"] as const
export const topicLabels = ["topic", "stream"] as const

/** The first of `names` set on a series, trimmed. */
export const firstLabel = (labels: MetricLabels, names: ReadonlyArray<string>): string | null => {
  for (const n of names) {
    const v = (labels[n] ?? "").trim()
    if (v !== "") return v
  }
  return null
}

/** A lag that grew this many times over, to at least `minLag`, is a backlog, not jitter. */
const minGrowth = 10
export const minLag = 1000

/** A count as people read it ("12,400"). */
export const formatCount = (n: number): string => Math.round(n).toLocaleString("en-US")

/** A series' finite samples in time order. */
export const finiteSorted = (s: ReadonlyArray<MetricSample>): ReadonlyArray<MetricSample> =>
  [...s.filter((x) => Number.isFinite(x.v))].sort((a, b) => a.t - b.t)

/** When the offset last moved: the first sample of its final flat run; null when it moves to the end. */
export const flatSince = (samples: ReadonlyArray<MetricSample>): MetricSample | null => {
  const xs = finiteSorted(samples)
  const last = xs[xs.length - 1]
  if (last === undefined || xs.length < 3) return null
  let i = xs.length - 1
  while (i > 0 && xs[i - 1]?.v === last.v) i--
  const flat = xs.slice(i)
  // Flat over at least three readings, so a scrape gap is not a stall.
  return flat.length >= 3 ? (xs[i] ?? null) : null
}

interface Stall {
  readonly group: string
  readonly topic: string | null
  readonly metric: string
  readonly from: MetricSample
  readonly last: MetricSample
  readonly offset: { readonly since: MetricSample; readonly metric: string } | null
}

const grew = (xs: ReadonlyArray<MetricSample>, floor: number, windowStartMs: number) => {
  const from = xs[0]
  const last = xs[xs.length - 1]
  if (from === undefined || last === undefined || last.t < windowStartMs || last.v < floor) return null
  return last.v >= minGrowth * Math.max(from.v, 1) ? { from, last } : null
}

/**
 * One finding per stopped consumer group (and topic) whose lag, at or after `windowStartMs`, grew
 * ≥ 10× to ≥ 1000 while a committed-offset series of the same group stayed flat. High.
 */
export const consumerStallFindings = (
  agent: AgentId,
  series: ReadonlyArray<MetricSeries>,
  windowStartMs: number,
  link: string | null,
): ReadonlyArray<Finding> => {
  const offsets = series.filter((s) => committedOffsetMetric.test(s.labels.__name__ ?? ""))
  const stalls = new Map<string, Stall>()
  for (const s of series) {
    const metric = s.labels.__name__ ?? ""
    const group = firstLabel(s.labels, groupLabels)
    if (!consumerLagMetric.test(metric) || group === null) continue
    const topic = firstLabel(s.labels, topicLabels)
    const g = grew(finiteSorted(s.samples), minLag, windowStartMs)
    if (g === null) continue
    // The group's committed offsets on that topic: every one of them flat is a stopped consumer.
    const own = offsets.filter(
      (o) =>
        firstLabel(o.labels, groupLabels) === group &&
        (topic === null || firstLabel(o.labels, topicLabels) === topic),
    )
    const flats = own.map((o) => ({ since: flatSince(o.samples), metric: o.labels.__name__ ?? "" }))
    if (own.length === 0 || flats.some((f) => f.since === null)) continue
    const since = flats
      .flatMap((f) => (f.since === null ? [] : [{ since: f.since, metric: f.metric }]))
      .sort((a, b) => a.since.t - b.since.t)[0]
    const key = `${group}\u0000${topic ?? ""}`
    const prior = stalls.get(key)
    if (prior === undefined || g.last.v > prior.last.v)
      stalls.set(key, { group, topic, metric, ...g, offset: since ?? null })
  }
  const kafka = [...stalls.values()].map((j): Finding => {
    const on = j.topic === null ? "" : ` on topic ${j.topic}`
    const stopped =
      j.offset === null
        ? ""
        : `; committed offset flat at ${j.offset.since.v} since ${utcHhmm(j.offset.since.t)} UTC — consumption stopped`
    return {
      id: "",
      agent,
      title: `consumer group ${j.group}${on}: lag ${formatCount(j.last.v)} messages (from ${formatCount(j.from.v)} at ${utcHhmm(j.from.t)} UTC)${stopped}`,
      detail:
        `${j.metric}{${j.group}} rose from ${formatCount(j.from.v)} to ${formatCount(j.last.v)} by ${utcHhmm(j.last.t)} UTC` +
        (j.offset === null ? "" : ` while ${j.offset.metric} did not move`) +
        ". The group commits no progress: its consumers read the same message again and again (one that fails " +
        "or crashes them on every delivery — a poison message) or are not running. Everything produced since waits; " +
        "skip or dead-letter the message at the committed offset, then let the group catch up.",
      severity: "high",
      kind: "consumer_stalled",
      observedAt: DateTime.unsafeMake(j.offset?.since.t ?? j.last.t),
      resource: `metric/${j.group}/${j.metric}`,
      service: j.group,
      link,
      excerpt: `${j.metric}{${j.group}${j.topic === null ? "" : `,${j.topic}`}} ${formatCount(j.last.v)}`,
    }
  })
  return kafka
}
