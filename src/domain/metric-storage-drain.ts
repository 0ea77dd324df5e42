/**
 * A database running out of storage, read from its metrics: the free storage CloudWatch exports
 * for RDS (`aws_rds_free_storage_space_average|minimum` as YACE and cloudwatch-exporter name it,
 * Percona's `rds_free_storage_bytes`) falling toward zero, or what eats it — a replication slot
 * holding WAL (`pg_replication_slots_pg_wal_lsn_diff`, `aws_rds_oldest_replication_slot_lag`,
 * `aws_rds_transaction_logs_disk_usage`) or the database itself (`pg_database_size_bytes`)
 * growing by many GiB. A full RDS volume stops every write ("could not extend file: No space left
 * on device") and can crash the server (WAL cannot be written); its clients name neither the
 * volume nor the slot. Free storage that stays steady, a slot with a small constant lag and a
 * database growing at its usual pace are normal and find nothing. Pure.
 */
import { DateTime } from "effect"
import type { AgentId } from "./agent-id.js"
import type { Finding } from "./finding.js"
import { firstLabel } from "./metric-label.js"
import type { MetricSample, MetricSeries } from "./metric-series.js"
import { utcHhmm } from "./utc-clock.js"

/** Free storage of a database instance, in bytes (CloudWatch's FreeStorageSpace). */
export const freeStorageMetric =
  /^(?:aws_rds_free_?storage_?space(?:_(?:average|minimum|min|maximum|max|sum))?|rds_free_storage_bytes|aws_rds_freestoragespace\w*)$/i

/** Storage something keeps from being freed (WAL retained for a slot), in bytes. */
export const retainedStorageMetric =
  /^(?:pg_replication_slots?_(?:pg_wal_lsn_diff|\w*lag\w*bytes|\w*retained\w*bytes|wal_\w*bytes)|aws_rds_oldest_replication_slot_lag(?:_(?:average|maximum|max))?|aws_rds_transaction_logs_disk_usage(?:_(?:average|maximum|max))?|\w*replication_slot\w*_lag\w*bytes)$/i

/** A database's own size, in bytes. */
export const databaseSizeMetric = /^(?:pg_database_size(?:_bytes)?|mysql_info_schema_table_size\w*)$/i

/** Allocated storage, when an exporter gives it (Percona's rds_exporter does). */
const allocatedMetric = /^(?:rds_allocated_storage_bytes|aws_rds_allocated_storage\w*)$/i

/** The database a series is about, as the exporters label it. */
const databaseLabels = [
  "dbinstance_identifier",
  "dimension_DBInstanceIdentifier",
  "db_instance_identifier",
  "dbinstanceidentifier",
  "dbidentifier",
  "instance_id",
  "server",
  "datname",
  "instance",
] as const

export const databaseOf = (labels: Readonly<Record<string, string>>): string | null =>
  firstLabel(labels, databaseLabels)

const slotOf = (labels: Readonly<Record<string, string>>): string | null => {
  const v = (labels.slot_name ?? labels.slot ?? "").trim()
  return v === "" ? null : v
}

const GiB = 1024 ** 3
const gib = (b: number): string => `${b >= 10 * GiB ? Math.round(b / GiB) : Number((b / GiB).toFixed(2))} GiB`
const finite = (s: MetricSeries): ReadonlyArray<MetricSample> => s.samples.filter((x) => Number.isFinite(x.v))

/** Free storage at or below this share of where it was: it is being eaten, not just low. */
const fellTo = 0.5
/** Left at or below this, writes are about to fail whatever the volume's size. */
const nearlyGoneBytes = 2 * GiB
const nearlyGoneShare = 0.05
/** Retained WAL or a database's growth below this is routine. */
const minRetainedBytes = GiB
const minGrowthBytes = 5 * GiB

const base = (
  agent: AgentId,
  db: string,
  metric: string,
  last: MetricSample,
  link: string | null,
): Pick<Finding, "id" | "agent" | "kind" | "observedAt" | "service" | "link" | "resource"> => ({
  id: "",
  agent,
  kind: "metric_anomaly",
  observedAt: DateTime.unsafeMake(last.t),
  service: db,
  link,
  resource: `metric/${db}/${metric}`,
})

/**
 * Free storage that fell to half or less of its highest earlier value and ended in the window
 * (at or after `windowStartMs`): high when ≤ 2 GiB or ≤ 5 % of allocated (or of that high) is
 * left, medium otherwise. The share of allocated is given when an allocated series is present.
 */
const freeFindings = (
  agent: AgentId,
  series: ReadonlyArray<MetricSeries>,
  windowStartMs: number,
  link: string | null,
): ReadonlyArray<Finding> => {
  const allocated = new Map<string, number>()
  for (const s of series) {
    const db = databaseOf(s.labels)
    const last = finite(s).at(-1)
    if (allocatedMetric.test(s.labels.__name__ ?? "") && db !== null && last !== undefined)
      allocated.set(db, last.v)
  }
  const seen = new Set<string>()
  return series
    .flatMap((s) => {
      const metric = s.labels.__name__ ?? ""
      const db = databaseOf(s.labels)
      const samples = finite(s)
      const last = samples.at(-1)
      if (!freeStorageMetric.test(metric) || db === null || last === undefined || last.t < windowStartMs)
        return []
      const top = samples.reduce((a, x) => (x.v > a.v ? x : a), last)
      if (!(top.v > 0) || last.v > fellTo * top.v) return []
      return [{ metric, db, last, top }]
    })
    .sort((a, b) => a.last.v - b.last.v)
    .flatMap((j): ReadonlyArray<Finding> => {
      if (seen.has(j.db)) return []
      seen.add(j.db)
      const size = allocated.get(j.db)
      const share =
        size !== undefined && size > 0
          ? ` (${Number(((100 * j.last.v) / size).toFixed(1))} % of allocated)`
          : ""
      const nearlyGone = j.last.v <= nearlyGoneBytes || j.last.v <= nearlyGoneShare * (size ?? j.top.v)
      return [
        {
          ...base(agent, j.db, j.metric, j.last, link),
          title: `${j.db}: free storage fell from ${gib(j.top.v)} at ${utcHhmm(j.top.t)} UTC to ${gib(j.last.v)} at ${utcHhmm(j.last.t)} UTC${share} — the database is running out of storage`,
          detail:
            `${j.metric}{${j.db}} fell from ${gib(j.top.v)} to ${gib(j.last.v)}${share}. When the volume is full ` +
            "every write fails (PostgreSQL: could not extend file: No space left on device; MySQL: error 28) and a " +
            "server that cannot write its WAL crashes. Look for what eats it — WAL retained by an inactive " +
            "replication slot (a paused CDC/DMS task), a bulk load, temp files — and add storage or free it.",
          severity: nearlyGone ? "high" : "medium",
          excerpt: `${j.metric}{${j.db}} ${Math.round(j.last.v)}`,
        },
      ]
    })
}

/**
 * A growing byte count that ends in the window: WAL retained for a slot (≥ 1 GiB and at least
 * doubled) or a database's size (grew by ≥ 5 GiB and ≥ 25 %). A small constant lag finds nothing.
 */
const growthFindings = (
  agent: AgentId,
  series: ReadonlyArray<MetricSeries>,
  windowStartMs: number,
  link: string | null,
): ReadonlyArray<Finding> => {
  const seen = new Set<string>()
  return series
    .flatMap((s) => {
      const metric = s.labels.__name__ ?? ""
      const retained = retainedStorageMetric.test(metric)
      if (!retained && !databaseSizeMetric.test(metric)) return []
      const db = databaseOf(s.labels)
      const samples = finite(s)
      const last = samples.at(-1)
      if (db === null || last === undefined || last.t < windowStartMs) return []
      const low = samples.reduce((a, x) => (x.t < last.t && x.v < a.v ? x : a), last)
      const grew = retained
        ? last.v >= minRetainedBytes && last.v >= 2 * Math.max(low.v, 1)
        : last.v - low.v >= minGrowthBytes && last.v >= 1.25 * Math.max(low.v, 1)
      // A slot's name, or the database (`datname`) whose size grew.
      const part = retained ? slotOf(s.labels) : (s.labels.datname ?? "").trim() || null
      return grew ? [{ metric, db, slot: part, retained, last, low }] : []
    })
    .sort((a, b) => b.last.v - b.low.v - (a.last.v - a.low.v))
    .flatMap((j): ReadonlyArray<Finding> => {
      const key = `${j.db}/${j.slot ?? ""}/${j.retained}`
      if (seen.has(key)) return []
      seen.add(key)
      const what = j.retained
        ? `${j.slot === null ? "a replication slot" : `replication slot ${j.slot}`} holds ${gib(j.last.v)} of WAL`
        : `${j.slot === null ? "the database" : `database ${j.slot}`} grew to ${gib(j.last.v)}`
      return [
        {
          ...base(agent, j.db, j.metric, j.last, link),
          title: `${j.db}: ${what} (from ${gib(j.low.v)} at ${utcHhmm(j.low.t)} UTC) — eating its storage`,
          detail:
            `${j.metric}{${j.db}${j.slot === null ? "" : `, ${j.slot}`}} rose from ${gib(j.low.v)} at ${utcHhmm(j.low.t)} UTC to ${gib(j.last.v)} at ${utcHhmm(j.last.t)} UTC. ` +
            (j.retained
              ? "A replication slot whose consumer stopped reading (a paused DMS/CDC task, a dead replica) keeps every WAL segment since, on the database's own volume, until it is full; resume the consumer or drop the slot."
              : "Storage the database's own data takes: a bulk load or a table that is never pruned fills the volume."),
          severity: "medium",
          excerpt: `${j.metric}{${j.db}} ${Math.round(j.last.v)}`,
        },
      ]
    })
}

/** Findings of a database running out of storage (see the module header), worst first. */
export const storageDrainFindings = (
  agent: AgentId,
  series: ReadonlyArray<MetricSeries>,
  windowStartMs: number,
  link: string | null,
): ReadonlyArray<Finding> => [
  ...freeFindings(agent, series, windowStartMs, link),
  ...growthFindings(agent, series, windowStartMs, link),
]
