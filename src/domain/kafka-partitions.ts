/**
 * A Kafka cluster whose partitions lost their replicas: offline partitions (no leader), partitions
 * under their min.insync.replicas, under-replicated ones — read from the brokers' own gauges
 * (JMX exporter `kafka_server_replicamanager_underreplicatedpartitions`,
 * `kafka_controller_kafkacontroller_offlinepartitionscount`, Strimzi's / kafka-exporter's
 * spellings). A producer with `acks=all` is refused (NOT_ENOUGH_REPLICAS, LEADER_NOT_AVAILABLE) and
 * times out on such partitions although every one of its own pods is Ready, so the cluster is the
 * dependency its errors stand for. The finding says which broker left (its `up` went to 0) and
 * why when its data volume says so (no bytes left), and which topics' in-sync replicas fell.
 * Only gauges non-zero inside the incident window count: a broker restart hours before, its
 * partitions caught up since, is history. Pure.
 */
import { DateTime } from "effect"
import type { AgentId } from "./agent-id.js"
import type { Finding } from "./finding.js"
import type { MetricSeries } from "./metric-series.js"
import { textOf } from "./report-scope.js"
import { utcHhmm } from "./utc-clock.js"

const offlineMetric = /offline_?partitions?(?:_?count)?$/i
const underMinIsrMetric = /under_?min_?isr(?:_?partition)?(?:_?count)?$/i
const underReplicatedMetric = /under_?replicated_?partitions?$|partition_under_replicated(?:_partition)?$/i
const isrMetric = /partition_in_sync_replicas?$/i

/** What the sweep asks for, besides `up` and the volumes' free bytes. */
export const kafkaPartitionQuery =
  '{__name__=~"kafka.*(offline|underreplicated|under_replicated|underminisr|under_min_isr|in_sync_replica).*"}'
export const kafkaUpQuery = 'up{job=~".*kafka.*"}'
export const volumeFreeQuery = '{__name__=~"kubelet_volume_stats_(available|capacity)_bytes"}'

export interface KafkaWindow {
  readonly startMs: number
  readonly endMs: number
}

const inWindow = (s: MetricSeries, w: KafkaWindow) =>
  s.samples.filter((x) => x.t >= w.startMs && x.t <= w.endMs)

/** The series' peak inside the window, and when the gauge first showed it non-zero there. */
const peakOf = (
  series: ReadonlyArray<MetricSeries>,
  w: KafkaWindow,
): { peak: number; since: number | null } => {
  let peak = 0
  let since: number | null = null
  for (const s of series)
    for (const x of inWindow(s, w)) {
      if (!Number.isFinite(x.v) || x.v <= 0) continue
      peak = Math.max(peak, x.v)
      since = since === null ? x.t : Math.min(since, x.t)
    }
  return { peak, since }
}

/**
 * The gauges' peak across brokers. Each broker counts the partitions it leads: the cluster's
 * figure is their sum at the worst moment; the controller's offline count is reported by one.
 */
const summedPeak = (series: ReadonlyArray<MetricSeries>, w: KafkaWindow): number => {
  const at = new Map<number, number>()
  for (const s of series)
    for (const x of inWindow(s, w)) if (Number.isFinite(x.v) && x.v > 0) at.set(x.t, (at.get(x.t) ?? 0) + x.v)
  return Math.max(0, ...at.values())
}

const nameOf = (s: MetricSeries): string => s.labels.__name__ ?? ""
const podOf = (s: MetricSeries): string | null =>
  s.labels.pod ?? s.labels.kubernetes_pod_name ?? s.labels.broker ?? s.labels.instance ?? null

/** A broker pod's cluster: `events-kafka-2` → `events-kafka`. */
const clusterOf = (pod: string): string => pod.replace(/-\d+(?::\d+)?$/, "")

/** Brokers whose `up` went from 1 to 0 inside the window (when first down). */
const brokersDown = (up: ReadonlyArray<MetricSeries>, w: KafkaWindow) =>
  up.flatMap((s) => {
    const pod = podOf(s)
    const down = inWindow(s, w).find((x) => x.v === 0)
    const wasUp = s.samples.some((x) => x.v >= 1 && down !== undefined && x.t < down.t)
    return pod === null || down === undefined || !wasUp ? [] : [{ pod, atMs: down.t }]
  })

/** The broker's data volume out of space: its PVC (named after the pod) at 0 bytes or under 1% free. */
const volumeFull = (volumes: ReadonlyArray<MetricSeries>, pod: string, w: KafkaWindow): string | null => {
  const claim = (s: MetricSeries) => s.labels.persistentvolumeclaim ?? ""
  const mine = volumes.filter((s) => claim(s).endsWith(pod))
  for (const s of mine.filter((s) => /available/.test(nameOf(s)))) {
    const least = Math.min(...inWindow(s, w).map((x) => x.v))
    const capacity = mine.find((c) => claim(c) === claim(s) && /capacity/.test(nameOf(c)))?.samples[0]?.v
    if (least <= 0 || (capacity !== undefined && capacity > 0 && least / capacity < 0.01))
      return `its data volume ${claim(s)} full: ${least <= 0 ? "0 bytes" : `${Math.round(least / 1e6)} MB`} free`
  }
  return null
}

/** Topics whose in-sync replicas fell inside the window (`order-events` partition 7: 2 → 0). */
const isrDrops = (isr: ReadonlyArray<MetricSeries>, w: KafkaWindow): ReadonlyArray<string> =>
  isr.flatMap((s) => {
    const before = s.samples.filter((x) => x.t < w.startMs).at(-1) ?? s.samples[0]
    const least = Math.min(...inWindow(s, w).map((x) => x.v))
    const topic = s.labels.topic
    if (topic === undefined || before === undefined || !(least < before.v)) return []
    return [
      `${topic}${s.labels.partition === undefined ? "" : ` partition ${s.labels.partition}`} ISR ${before.v} → ${least}`,
    ]
  })

/** The brokers' partition gauges and their peaks in the window (only `kafka`-named series count). */
const partitionCounts = (series: ReadonlyArray<MetricSeries>, window: KafkaWindow) => {
  const gauges = series.filter((s) => /kafka/i.test(nameOf(s)))
  const offline = gauges.filter((s) => offlineMetric.test(nameOf(s)))
  const underMin = gauges.filter((s) => underMinIsrMetric.test(nameOf(s)))
  const underRep = gauges.filter((s) => underReplicatedMetric.test(nameOf(s)))
  const counts = {
    offline: Math.max(...offline.map((s) => peakOf([s], window).peak), 0),
    underMin: summedPeak(underMin, window),
    underRep: summedPeak(underRep, window),
  }
  return { gauges, offline, underMin, underRep, counts }
}

/** Whether any partition was offline, under its min ISR or under-replicated in the window: the sweep reads more only then. */
export const kafkaPartitionsTroubled = (
  series: ReadonlyArray<MetricSeries>,
  window: KafkaWindow,
): boolean => {
  const { counts } = partitionCounts(series, window)
  return counts.offline + counts.underMin + counts.underRep > 0
}

/** One finding for the Kafka cluster whose partitions went offline / under-replicated in the window. */
export const kafkaPartitionFindings = (
  agent: AgentId,
  series: ReadonlyArray<MetricSeries>,
  window: KafkaWindow,
  link: string | null,
): ReadonlyArray<Finding> => {
  const { gauges, offline, underMin, underRep, counts } = partitionCounts(series, window)
  if (counts.offline + counts.underMin + counts.underRep === 0) return []
  const since = [offline, underMin, underRep]
    .map((g) => peakOf(g, window).since)
    .filter((t): t is number => t !== null)
    .sort((a, b) => a - b)[0]
  const up = series.filter((s) => nameOf(s) === "up")
  const down = brokersDown(up, window).sort((a, b) => a.atMs - b.atMs)
  const volumes = series.filter((s) => /^kubelet_volume_stats_/.test(nameOf(s)))
  const pods = [...down.map((d) => d.pod), ...gauges.map(podOf).filter((p): p is string => p !== null)]
  const cluster = pods[0] === undefined ? "kafka" : clusterOf(pods[0])
  const left = down.map((d) => {
    const why = volumeFull(volumes, d.pod, window)
    return `broker ${d.pod} down since ${utcHhmm(d.atMs)} UTC${why === null ? "" : ` (${why})`}`
  })
  const parts = [
    counts.offline > 0 ? `${counts.offline} offline partition${counts.offline === 1 ? "" : "s"}` : "",
    counts.underMin > 0 ? `${counts.underMin} under min ISR` : "",
    counts.underRep > 0 ? `${counts.underRep} under-replicated` : "",
  ].filter((p) => p !== "")
  const drops = isrDrops(
    gauges.filter((s) => isrMetric.test(nameOf(s))),
    window,
  )
  // Offline or under min ISR: producers with acks=all are refused outright.
  const refusing = counts.offline > 0 || counts.underMin > 0 || drops.some((d) => / → 0$|→ 1$/.test(d))
  const firstAt = since ?? down[0]?.atMs ?? window.startMs
  return [
    {
      id: "",
      agent,
      title:
        `Kafka ${cluster}: ${parts.join(", ")} since ${utcHhmm(firstAt)} UTC` +
        `${left.length > 0 ? ` — ${left.join("; ")}` : ""}${drops.length > 0 ? `; ${drops.slice(0, 3).join(", ")}` : ""}`,
      detail:
        `The brokers' own gauges (${[...new Set([...offline, ...underMin, ...underRep].map(nameOf))].join(", ")}) ` +
        "count partitions without a leader or with fewer in-sync replicas than they need. Producers sending " +
        "with acks=all to those partitions are refused (NOT_ENOUGH_REPLICAS, LEADER_NOT_AVAILABLE) and their " +
        "sends expire, whatever the state of their own pods; it clears when the broker that left is back and caught up.",
      severity: refusing ? "high" : "medium",
      kind: "kafka_partitions",
      observedAt: DateTime.unsafeMake(firstAt),
      resource: `metric/${cluster}/${nameOf(offline[0] ?? underMin[0] ?? underRep[0] ?? { labels: {}, samples: [] })}`,
      service: cluster,
      link,
      excerpt: null,
    },
  ]
}

/** The producer's words for partitions it cannot write: the Kafka cluster is what it failed on. */
export const kafkaProducerRefused =
  /not_enough_replicas|notenoughreplicas|leader_not_available|leadernotavailable|notleaderorfollower|not_leader_or_follower|not_leader_for_partition|expiring \d+ record\(s\)/i

/**
 * Whether `f`, a Kafka partitions finding, is what the subject's failing findings stand for: they
 * quote a producer refused or expiring its records. A Kafka cluster that merely had trouble while
 * the subject failed on something else is not its dependency.
 */
export const kafkaUnderProducers = (f: Finding, failing: ReadonlyArray<Finding>): boolean =>
  f.kind === "kafka_partitions" && failing.some((g) => kafkaProducerRefused.test(textOf(g)))
