/**
 * A message broker refusing its publishers because a resource alarm fired: RabbitMQ's memory
 * alarm (`vm_memory_high_watermark` reached) or disk alarm (free space under
 * `disk_free_limit`) blocks every connection that publishes until it clears, so its clients'
 * publishes hang and time out while every broker pod stays Running/Ready. Read from the
 * broker's own alarm gauges (`rabbitmq_alarms_*` = 1); its resident memory against its limit
 * and its deepest ready-queue say what filled it. A broker near its watermark whose alarm never
 * fired, and a backlog with no alarm (consumers simply slow), are no such finding.
 */
import { DateTime } from "effect"
import type { AgentId } from "./agent-id.js"
import type { Finding } from "./finding.js"
import type { MetricSeries } from "./metric-series.js"
import { utcHhmm } from "./utc-clock.js"

/** The alarm gauges, as the RabbitMQ Prometheus plugin names them; 1 while the alarm is set. */
export const brokerAlarmMetric =
  /^rabbitmq_alarms_(memory_used_watermark|free_disk_space_watermark|file_descriptor_limit)$/

const alarmWords: Readonly<Record<string, string>> = {
  memory_used_watermark: "memory alarm (vm_memory_high_watermark)",
  free_disk_space_watermark: "disk alarm (disk_free_limit)",
  file_descriptor_limit: "file descriptor alarm",
}

// The node a series is about, as the exporter or the scrape config labels it; an address names
// no broker, so it is the last resort.
const nodeLabels = ["rabbitmq_node", "rabbitmq_cluster", "pod", "kubernetes_pod_name", "instance", "node"]

const nodeOf = (labels: Readonly<Record<string, string>>): string | null => {
  for (const l of nodeLabels) {
    const v = labels[l]
    if (v !== undefined && v !== "") return v
  }
  return null
}

/**
 * The broker a node belongs to: "rabbit@rabbitmq-0.rabbitmq-nodes.messaging" and
 * "rabbitmq-0:15692" are the StatefulSet "rabbitmq"; an ordinal is one node of it.
 */
export const brokerOfNode = (node: string): string =>
  node
    .replace(/^[\w-]+@/, "")
    .replace(/:\d+$/, "")
    .split(".")[0]
    ?.replace(/-\d+$/, "") ?? node

const last = (s: MetricSeries): number | null => {
  const finite = s.samples.filter((x) => Number.isFinite(x.v))
  return finite[finite.length - 1]?.v ?? null
}

const gb = (bytes: number): string => `${(bytes / 1e9).toFixed(2)} GB`

/** The broker's memory against its limit, as "3.44 GB of 3.44 GB limit (100%)"; null unknown. */
const memoryWords = (series: ReadonlyArray<MetricSeries>, broker: string): string | null => {
  const ofBroker = (name: string) =>
    series.find((s) => s.labels.__name__ === name && brokerOfNode(nodeOf(s.labels) ?? "") === broker)
  const used = ofBroker("rabbitmq_process_resident_memory_bytes")
  const limit = ofBroker("rabbitmq_resident_memory_limit_bytes")
  const u = used === undefined ? null : last(used)
  const l = limit === undefined ? null : last(limit)
  if (u === null || l === null || l <= 0) return null
  return `memory ${gb(u)} of its ${gb(l)} watermark (${Math.round((u / l) * 100)}%)`
}

/** The deepest ready-queue, with how much it grew in the window; null without one. */
const backlogWords = (series: ReadonlyArray<MetricSeries>): string | null => {
  const queues = series
    .filter((s) => /^rabbitmq_(?:detailed_)?queue_messages(?:_ready)?$/.test(s.labels.__name__ ?? ""))
    .flatMap((s) => {
      const finite = s.samples.filter((x) => Number.isFinite(x.v))
      const first = finite[0]?.v
      const end = finite[finite.length - 1]?.v
      return first === undefined || end === undefined ? [] : [{ queue: s.labels.queue ?? "?", first, end }]
    })
    .sort((a, b) => b.end - a.end)
  const top = queues[0]
  // A queue of a few thousand is a normal buffer, not what filled the broker's memory.
  if (top === undefined || top.end < 10_000) return null
  return `queue ${top.queue} backlog ${top.end.toLocaleString("en-US")} ready (was ${top.first.toLocaleString("en-US")})`
}

/** One finding per broker whose resource alarm was set inside the window. */
export const brokerAlarmFindings = (
  agent: AgentId,
  series: ReadonlyArray<MetricSeries>,
  link: string | null,
): ReadonlyArray<Finding> => {
  const alarms = series.flatMap((s) => {
    const m = brokerAlarmMetric.exec(s.labels.__name__ ?? "")
    const node = nodeOf(s.labels)
    const set = s.samples.find((x) => x.v >= 1)
    if (m === null || node === null || set === undefined) return []
    return [
      { broker: brokerOfNode(node), node, alarm: m[1] ?? "", atMs: set.t, metric: s.labels.__name__ ?? "" },
    ]
  })
  const byBroker = new Map<string, Array<(typeof alarms)[number]>>()
  for (const a of alarms) byBroker.set(a.broker, [...(byBroker.get(a.broker) ?? []), a])
  const backlog = backlogWords(series)
  return [...byBroker.entries()].flatMap(([broker, seen]) => {
    const first = [...seen].sort((a, b) => a.atMs - b.atMs)[0]
    if (first === undefined) return []
    const kinds = [...new Set(seen.map((a) => alarmWords[a.alarm] ?? a.alarm))].join(" and ")
    const memory = first.alarm === "memory_used_watermark" ? memoryWords(series, broker) : null
    // The backlog first: it is what filled the broker, and a cut title keeps it.
    const facts = [backlog, memory].filter((x): x is string => x !== null)
    return [
      {
        id: "",
        agent,
        title: `${broker}: RabbitMQ ${kinds} — publishers blocked since ${utcHhmm(first.atMs)} UTC${facts.length > 0 ? `; ${facts.join("; ")}` : ""}`,
        detail:
          `RabbitMQ ${broker} raised a resource alarm (${seen.map((a) => `${a.metric}{${a.node}}=1`).join(", ")}): ` +
          "while it is set the broker blocks every publishing connection (connection.blocked), so its " +
          "clients' publishes hang and time out although every broker pod is Running and Ready. " +
          "It clears only when the broker drains below its watermark (consumers catch up, the queue is purged or the limit raised).",
        severity: "high",
        kind: "broker_alarm",
        observedAt: DateTime.unsafeMake(first.atMs),
        resource: `metric/${broker}/${first.metric}`,
        service: broker,
        link,
        excerpt: null,
      },
    ]
  })
}
