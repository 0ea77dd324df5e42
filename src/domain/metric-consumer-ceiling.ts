/**
 * A consumer too slow for its topic: the group's lag grows while it keeps consuming — its
 * consumption rate stays flat (a ceiling) and the production rate rose above it. Not a stall
 * (consumer-stall.ts: nothing consumed, the offset flat) and not a broker fault when another group
 * on the same topic keeps up. The remedy is capacity (more partitions and consumers) or whatever
 * slowed each record (a per-record call's latency, a release of the consumer), so the finding
 * names the two rates, the sibling group that keeps up, and the consumer's own latency series.
 *
 * Series are matched by the exporters' and recording rules' names: the lag by `consumerLagMetric`;
 * the consumed rate by a series named after the group (`job:royalty_aggregator_records_consumed:rate5m`)
 * or labelled with it (`kafka_consumer_records_consumed_rate{client_id="…"}`); the produced rate
 * by the topic (`job:play_events_produced:rate5m`, `kafka_server_brokertopicmetrics_messagesin_total{topic}`).
 * Counters (`_total`) are read as per-second rates. Pure.
 */
import { DateTime } from "effect"
import type { AgentId } from "./agent-id.js"
import {
  consumerLagMetric,
  finiteSorted,
  firstLabel,
  formatCount,
  minLag,
  groupLabels as stallGroupLabels,
  topicLabels,
} from "./consumer-stall.js"
import type { Finding } from "./finding.js"
import type { MetricSample, MetricSeries } from "./metric-series.js"
import { utcHhmm } from "./utc-clock.js"

// The stall reader's group labels, and a client's id where an exporter counts per client.
const groupLabels = [...stallGroupLabels, "client_id"] as const

const consumedWords = /consum|processed|records_(?:in|read)|fetch/i
const producedWords = /produc|messages_?in|records_?in|bytes_?in|publish|append/i
const latencyWords = /seconds|duration|latency|_ms\b|_ms_/i

/** `royalty-aggregator` as metric names spell it: `royalty_aggregator`. */
export const asMetricWord = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, "_")

const nameHas = (s: MetricSeries, word: string): boolean =>
  word.length >= 3 && (s.labels.__name__ ?? "").toLowerCase().includes(word)

/** A counter's samples as per-second rates between readings; a gauge or rate as it is. */
const asRate = (s: MetricSeries): ReadonlyArray<MetricSample> => {
  const xs = finiteSorted(s.samples)
  if (!/_total$|_count$/.test(s.labels.__name__ ?? "")) return xs
  return xs.slice(1).flatMap((x, i) => {
    const prev = xs[i]
    if (prev === undefined || x.t <= prev.t || x.v < prev.v) return []
    return [{ t: x.t, v: ((x.v - prev.v) * 1000) / (x.t - prev.t) }]
  })
}

/** The middle reading (the upper one of an even count); 0 for none. */
export const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? 0
}

/** Readings at or after `fromMs`. */
const since = (xs: ReadonlyArray<MetricSample>, fromMs: number) => xs.filter((x) => x.t >= fromMs)

/** A lag that began to grow (≥ 3× where it started, ≥ minLag) and is at its highest at the end. */
const growingLag = (xs: ReadonlyArray<MetricSample>, windowStartMs: number) => {
  const first = xs[0]
  const last = xs[xs.length - 1]
  if (first === undefined || last === undefined || last.t < windowStartMs || last.v < minLag) return null
  const floor = Math.max(minLag, 3 * Math.max(first.v, 1))
  const onset = xs.find((x) => x.v >= floor)
  const peak = Math.max(...xs.map((x) => x.v))
  return onset === undefined || last.v < 0.95 * peak ? null : { first, last, onset }
}

/**
 * A ceiling: every reading since the lag began within ±10 % of their median, and none near zero
 * (a consumer that stopped is a stall, not a ceiling). Null when not so, or fewer than 3 readings.
 */
const flatRate = (xs: ReadonlyArray<MetricSample>) => {
  if (xs.length < 3) return null
  const m = median(xs.map((x) => x.v))
  return m > 0 && xs.every((x) => Math.abs(x.v - m) <= 0.1 * m) ? m : null
}

const latencyText = (s: MetricSeries): string | null => {
  const last = finiteSorted(s.samples).at(-1)
  if (last === undefined) return null
  const name = s.labels.__name__ ?? ""
  const q = s.labels.quantile === undefined ? "" : ` p${Math.round(Number(s.labels.quantile) * 100)}`
  const value = /seconds/.test(name) ? `${Math.round(last.v * 1000)} ms` : `${last.v}`
  return `${name}${q} ${value}`
}

/**
 * One finding per consumer group whose lag grew at or after `windowStartMs` while a consumed-rate
 * series of that group stayed flat below a produced-rate series of its topic. High: the backlog
 * only grows until consumption is raised.
 */
export const consumerCeilingFindings = (
  agent: AgentId,
  series: ReadonlyArray<MetricSeries>,
  windowStartMs: number,
  link: string | null,
): ReadonlyArray<Finding> => {
  // Lag in messages before lag in seconds: the finding counts messages.
  const lags = series
    .filter((s) => consumerLagMetric.test(s.labels.__name__ ?? ""))
    .sort(
      (a, b) =>
        Number(/seconds/.test(a.labels.__name__ ?? "")) - Number(/seconds/.test(b.labels.__name__ ?? "")),
    )
  const seen = new Set<string>()
  const rest = series.filter((o) => !consumerLagMetric.test(o.labels.__name__ ?? ""))
  return lags.flatMap((s): ReadonlyArray<Finding> => {
    const group = firstLabel(s.labels, groupLabels)
    const topic = firstLabel(s.labels, topicLabels)
    const lag = growingLag(finiteSorted(s.samples), windowStartMs)
    if (group === null || lag === null || seen.has(group)) return []
    const g = asMetricWord(group)
    const consumed = rest.find(
      (o) =>
        consumedWords.test(o.labels.__name__ ?? "") &&
        !producedWords.test(o.labels.__name__ ?? "") &&
        (nameHas(o, g) || firstLabel(o.labels, groupLabels) === group),
    )
    const produced = rest.find(
      (o) =>
        producedWords.test(o.labels.__name__ ?? "") &&
        !consumedWords.test(o.labels.__name__ ?? "") &&
        (topic === null
          ? false
          : nameHas(o, asMetricWord(topic)) || firstLabel(o.labels, topicLabels) === topic),
    )
    if (consumed === undefined || produced === undefined) return []
    const cap = flatRate(since(asRate(consumed), lag.onset.t))
    const inflow = median(since(asRate(produced), lag.onset.t).map((x) => x.v))
    const before = asRate(produced)[0]
    // Production above the ceiling by 5 % or more: the lag's growth is that difference.
    if (cap === null || inflow < 1.05 * cap) return []
    seen.add(group)
    const on = topic === null ? "" : ` on ${topic}`
    // Another group on the same topic that keeps up: the broker and the topic serve reads fine.
    const sibling = lags.find(
      (o) =>
        firstLabel(o.labels, groupLabels) !== group &&
        topic !== null &&
        firstLabel(o.labels, topicLabels) === topic &&
        growingLag(finiteSorted(o.samples), windowStartMs) === null,
    )
    const siblingName = sibling === undefined ? null : firstLabel(sibling.labels, groupLabels)
    const latency = rest.find(
      (o) =>
        nameHas(o, g) &&
        latencyWords.test(o.labels.__name__ ?? "") &&
        !consumedWords.test(o.labels.__name__ ?? ""),
    )
    const slowed = latency === undefined ? null : latencyText(latency)
    const rose =
      before === undefined || before.v >= cap
        ? ""
        : ` (production rose from ${formatCount(before.v)}/s at ${utcHhmm(before.t)} UTC)`
    return [
      {
        id: "",
        agent,
        title:
          `consumer group ${group}${on} too slow: lag ${formatCount(lag.last.v)} messages and growing since ` +
          `${utcHhmm(lag.onset.t)} UTC — consumption rate capped at ~${formatCount(cap)}/s below production ~${formatCount(inflow)}/s`,
        detail:
          `${s.labels.__name__ ?? "lag"}{${group}} rose from ${formatCount(lag.first.v)} to ${formatCount(lag.last.v)} by ` +
          `${utcHhmm(lag.last.t)} UTC while ${consumed.labels.__name__ ?? "the consumed rate"} stayed flat at ~${formatCount(cap)}/s ` +
          `and ${produced.labels.__name__ ?? "the produced rate"} ran at ~${formatCount(inflow)}/s${rose}. The consumer is ` +
          "running but its throughput has a ceiling below the production rate, so the backlog grows by the difference" +
          (siblingName === null
            ? ""
            : `; ${siblingName} on the same topic is not behind, so the broker and topic serve reads`) +
          (slowed === null ? "" : `; each record waits on ${slowed}`) +
          ". Raise consumption (more consumers and partitions, batch or async the per-record work) or roll back what slowed it.",
        severity: "high",
        kind: "consumer_outpaced",
        // The latest reading, not the onset: the lag is still growing now, and a slow consumer's
        // backlog often began hours before the alert's window (the title says when).
        observedAt: DateTime.unsafeMake(lag.last.t),
        resource: `metric/${group}/${s.labels.__name__ ?? ""}`,
        service: group,
        link,
        excerpt: `${consumed.labels.__name__ ?? ""} ~${formatCount(cap)}/s < ${produced.labels.__name__ ?? ""} ~${formatCount(inflow)}/s`,
      },
    ]
  })
}
