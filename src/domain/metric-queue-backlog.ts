/**
 * A queue backing up because nothing consumes it: its oldest message ages and its visible count
 * climbs while producers keep sending and the deletes (or receives) fall to about zero. Read from
 * CloudWatch's SQS metrics as exporters write them — YACE (`aws_sqs_approximate_age_of_oldest_message_maximum{dimension_QueueName}`)
 * and the official cloudwatch_exporter (same names, `_sum`/`_average`/`_maximum` suffixes,
 * `queue_name`). consumer-stall.ts leaves a queue's age out on its own because workers that
 * cannot be scheduled age it too; here the deletes falling to zero are what say consumption
 * stopped, so the age alone is never enough.
 *
 * Not this finding: a backlog that rose while deletes kept pace (a production surge — the consumer
 * works, just behind), a dead-letter queue's count (a different queue, not the backlog), and a
 * queue without any delete/receive series (nothing says its consumer stopped). When a workload's
 * replicas went to 0 just before the backlog began (kube_deployment_spec_replicas,
 * `…status_replicas_available`, a StatefulSet's), the finding names it: that is the consumer. Pure.
 */
import { DateTime } from "effect"
import type { AgentId } from "./agent-id.js"
import { finiteSorted, firstLabel, formatCount } from "./consumer-stall.js"
import type { Finding } from "./finding.js"
import { median } from "./metric-consumer-ceiling.js"
import type { MetricSample, MetricSeries } from "./metric-series.js"
import { utcHhmm } from "./utc-clock.js"

const ageMetric = /^aws_sqs_approximate_age_of_oldest_message(?:_(?:maximum|max|average|sum|minimum))?$/i
const visibleMetric =
  /^aws_sqs_approximate_number_of_messages_visible(?:_(?:maximum|max|average|sum|minimum))?$/i
const drainedMetric =
  /^aws_sqs_number_of_messages_(?:deleted|received)(?:_(?:sum|average|maximum|max|total))?$/i
const sentMetric = /^aws_sqs_number_of_messages_sent(?:_(?:sum|average|maximum|max|total))?$/i

/** The labels exporters name a queue by: YACE's dimension, cloudwatch_exporter's, a recording rule's. */
const queueLabels = ["dimension_QueueName", "queue_name", "QueueName", "queue"] as const
/** A dead-letter queue holds what failed, not what waits: its count is never the backlog. */
const deadLetter = /(?:^|[-_.])(?:dlq|dead[-_]?letter(?:s)?|deadletter)(?:$|[-_.])/i

const workloadLabels = ["deployment", "statefulset"] as const
const replicasMetric =
  /^kube_(?:deployment_spec_replicas|deployment_status_replicas(?:_available)?|statefulset_replicas|statefulset_status_replicas(?:_available|_ready)?)$/

/** The query that reads the queue's series; the replicas are read only once a backlog is found. */
export const queueBacklogQuery =
  '{__name__=~"aws_sqs_(approximate_age_of_oldest_message|approximate_number_of_messages_visible|number_of_messages_(deleted|received|sent)).*"}'
export const consumerReplicasQuery =
  '{__name__=~"kube_(deployment_spec_replicas|deployment_status_replicas_available|statefulset_replicas|statefulset_status_replicas_available)"}'

interface Rise {
  readonly metric: string
  readonly base: number
  readonly onset: MetricSample
  readonly last: MetricSample
}

/**
 * A series that rose ≥ 5× over its first third's median, to at least `floor`, began to at or
 * before the end and is still near its peak at the end (a backlog being worked off is not a stop).
 */
const rise = (s: MetricSeries, floor: number, windowStartMs: number): Rise | null => {
  const xs = finiteSorted(s.samples)
  const last = xs[xs.length - 1]
  if (xs.length < 4 || last === undefined || last.t < windowStartMs) return null
  const base = median(xs.slice(0, Math.max(1, Math.floor(xs.length / 3))).map((x) => x.v))
  const peak = Math.max(...xs.map((x) => x.v))
  if (last.v < floor || last.v < 5 * Math.max(base, 1) || last.v < 0.9 * peak) return null
  const onset = xs.find((x) => x.v >= 3 * Math.max(base, 1))
  return onset === undefined ? null : { metric: s.labels.__name__ ?? "", base, onset, last }
}

/**
 * Deletes (or receives) that ran before `onsetMs` and are about zero (≤ 5 % of before) for every
 * reading from some point on, the last two at least: when consumption stopped, and its rate before.
 */
const stopped = (s: MetricSeries, onsetMs: number) => {
  const xs = finiteSorted(s.samples)
  const before = median(xs.filter((x) => x.t < onsetMs).map((x) => x.v))
  if (xs.filter((x) => x.t < onsetMs).length < 2 || before <= 0) return null
  const low = (x: MetricSample) => x.v <= 0.05 * before
  let i = xs.length
  while (i > 0 && low(xs[i - 1] ?? { t: 0, v: Number.POSITIVE_INFINITY })) i--
  const since = xs[i]
  return xs.length - i >= 2 && since !== undefined && since.t >= onsetMs - 15 * 60_000
    ? { metric: s.labels.__name__ ?? "", before, since }
    : null
}

/** Sends that kept on (the tail's median ≥ half the rate before): a producer still there. */
const stillSent = (s: MetricSeries, onsetMs: number): boolean => {
  const xs = finiteSorted(s.samples)
  const before = median(xs.filter((x) => x.t < onsetMs).map((x) => x.v))
  const after = xs.filter((x) => x.t >= onsetMs).map((x) => x.v)
  return after.length === 0 || before <= 0 || median(after) >= 0.5 * before
}

/** A queue whose consumption stopped: what rose, when the deletes stopped, what they were before. */
export interface QueueStall {
  readonly queue: string
  readonly age: Rise | null
  readonly visible: Rise | null
  readonly drained: { readonly metric: string; readonly before: number; readonly since: MetricSample }
  readonly onsetMs: number
}

/** Every non-dead-letter queue whose age or visible count rose while its deletes fell to ~0 and sends went on. */
export const queueStalls = (
  series: ReadonlyArray<MetricSeries>,
  windowStartMs: number,
): ReadonlyArray<QueueStall> => {
  const byQueue = new Map<string, MetricSeries[]>()
  for (const s of series) {
    const q = firstLabel(s.labels, queueLabels)
    if (q === null || deadLetter.test(q)) continue
    byQueue.set(q, [...(byQueue.get(q) ?? []), s])
  }
  return [...byQueue.entries()].flatMap(([queue, own]): ReadonlyArray<QueueStall> => {
    const named = (re: RegExp) => own.filter((s) => re.test(s.labels.__name__ ?? ""))
    // An age of ≥ 5 minutes, a count of ≥ 100 messages: below that a queue is only busy.
    const age = named(ageMetric).flatMap((s) => rise(s, 300, windowStartMs) ?? [])[0] ?? null
    const visible = named(visibleMetric).flatMap((s) => rise(s, 100, windowStartMs) ?? [])[0] ?? null
    const onsets = [age, visible].flatMap((r) => (r === null ? [] : [r.onset.t]))
    if (onsets.length === 0) return []
    const onsetMs = Math.min(...onsets)
    const drained = named(drainedMetric).flatMap((s) => stopped(s, onsetMs) ?? [])[0]
    if (drained === undefined || !named(sentMetric).every((s) => stillSent(s, onsetMs))) return []
    return [{ queue, age, visible, drained, onsetMs: Math.min(onsetMs, drained.since.t) }]
  })
}

/** A workload whose replicas went from > 0 to 0 and stayed there: its name and when. */
interface ScaledDown {
  readonly workload: string
  readonly namespace: string | null
  readonly from: number
  readonly atMs: number
}

const scaledDown = (series: ReadonlyArray<MetricSeries>): ReadonlyArray<ScaledDown> =>
  series.flatMap((s): ReadonlyArray<ScaledDown> => {
    if (!replicasMetric.test(s.labels.__name__ ?? "")) return []
    const workload = workloadLabels.map((l) => s.labels[l] ?? "").find((v) => v !== "")
    const xs = finiteSorted(s.samples)
    let i = xs.length
    while (i > 0 && xs[i - 1]?.v === 0) i--
    const zero = xs[i]
    const prior = xs[i - 1]
    return workload === undefined || zero === undefined || prior === undefined || i === xs.length
      ? []
      : [{ workload, namespace: s.labels.namespace ?? null, from: prior.v, atMs: zero.t }]
  })

// Words every queue and workload name shares; kin by one of them is no kin.
const commonWords = new Set([
  "prod",
  "production",
  "staging",
  "queue",
  "worker",
  "consumer",
  "service",
  "events",
])
const words = (name: string): ReadonlyArray<string> =>
  name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 4 && !commonWords.has(w))

/**
 * The consumer of `stall`'s queue: a workload scaled to 0 from 30 minutes before the backlog began
 * to 5 after. One sharing a word of the queue's name wins; a lone one is taken only when nothing
 * else went to 0 then — another service's scale-down is not this queue's consumer.
 */
export const consumerScaledDown = (
  stall: QueueStall,
  replicas: ReadonlyArray<MetricSeries>,
): ScaledDown | null => {
  const near = scaledDown(replicas).filter(
    (d) => d.atMs >= stall.onsetMs - 30 * 60_000 && d.atMs <= stall.onsetMs + 5 * 60_000,
  )
  const byName = new Map(near.map((d) => [d.workload, d]))
  const queueWords = new Set(words(stall.queue))
  const kin = [...byName.values()].filter((d) => words(d.workload).some((w) => queueWords.has(w)))
  if (kin.length > 0) return kin.sort((a, b) => b.atMs - a.atMs)[0] ?? null
  return byName.size === 1 ? ([...byName.values()][0] ?? null) : null
}

const minutes = (s: number): string => (s >= 120 ? `${Math.round(s / 60)} min` : `${Math.round(s)} s`)

/** One finding per stopped queue, high; named after its consumer when one was scaled to 0 then. */
export const queueBacklogFindings = (
  agent: AgentId,
  series: ReadonlyArray<MetricSeries>,
  replicas: ReadonlyArray<MetricSeries>,
  windowStartMs: number,
  link: string | null,
): ReadonlyArray<Finding> => stallFindings(agent, queueStalls(series, windowStartMs), replicas, link)

/** The findings of stalls already found (the sweep finds them first to decide whether to read the replicas). */
export const stallFindings = (
  agent: AgentId,
  stalls: ReadonlyArray<QueueStall>,
  replicas: ReadonlyArray<MetricSeries>,
  link: string | null,
): ReadonlyArray<Finding> =>
  stalls.map((q): Finding => {
    const consumer = consumerScaledDown(q, replicas)
    const grew = [
      q.age === null
        ? ""
        : `oldest message ${minutes(q.age.last.v)} old (from ${minutes(q.age.base)} before ${utcHhmm(q.age.onset.t)} UTC)`,
      q.visible === null
        ? ""
        : `${formatCount(q.visible.last.v)} messages visible (from ~${formatCount(q.visible.base)})`,
    ].filter((s) => s !== "")
    const stop = `deletes fell from ~${formatCount(q.drained.before)} to 0 at ${utcHhmm(q.drained.since.t)} UTC while sends continued — nothing consumes it`
    const by =
      consumer === null
        ? ""
        : `; its consumer ${consumer.workload} was scaled to 0 replicas (from ${formatCount(consumer.from)}) at ${utcHhmm(consumer.atMs)} UTC`
    const last = q.age?.last ?? q.visible?.last
    return {
      id: "",
      agent,
      title: `queue ${q.queue} backing up: ${grew.join(", ")}; ${stop}${by}`,
      detail:
        `${[q.age?.metric, q.visible?.metric].filter((m) => m !== undefined).join(" and ")} of ${q.queue} rose while ` +
        `${q.drained.metric} fell to 0: producers still send, no one receives and deletes. ` +
        (consumer === null
          ? "Its consumer is not running or not polling (scaled to zero, crashed, lost its permission to receive)."
          : `${consumer.workload}${consumer.namespace === null ? "" : ` (${consumer.namespace})`} has no replicas since ${utcHhmm(consumer.atMs)} UTC; ` +
            "scale it back up and the queue drains.") +
        (last === undefined ? "" : ` Last reading ${utcHhmm(last.t)} UTC.`),
      severity: "high",
      // Linked to a consumer scaled to 0, it is that scale-down's evidence (the same cause as the
      // eks agent's); unlinked, a stopped consumer of unknown reason.
      kind: consumer === null ? "consumer_stalled" : "scaled_to_zero",
      observedAt: DateTime.unsafeMake(consumer?.atMs ?? q.drained.since.t),
      resource: `metric/${q.queue}/${q.age?.metric ?? q.visible?.metric ?? q.drained.metric}`,
      service: consumer?.workload ?? q.queue,
      link,
      excerpt: `${q.drained.metric}{${q.queue}} 0`,
    }
  })
