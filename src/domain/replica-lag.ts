/**
 * A database read replica falling behind its primary: RDS / Aurora `ReplicaLag` (as the
 * CloudWatch exporters name it), Postgres' replay lag (`pg_replication_lag`,
 * `pg_stat_replication_replay_lag`), MySQL's `seconds_behind_master`, a MongoDB replica-set
 * member's lag. Every read served by a lagging replica is as old as its lag, so users see what they
 * just wrote flip back ("paid" becomes "unpaid", a created record vanishes) while nothing is down
 * — a person reports stale data, no alert names the replica. A lag that grew many times over the
 * window to minutes is the finding; a steady lag of seconds is normal replication, a spike that
 * recovered before the window is history, and a Kafka consumer's lag is another thing (a queue
 * backlog, not a database copy). Pure.
 */
import { DateTime } from "effect"
import type { AgentId } from "./agent-id.js"
import type { Finding } from "./finding.js"
import { firstLabel } from "./metric-label.js"
import type { MetricSeries } from "./metric-series.js"
import { utcHhmm } from "./utc-clock.js"

/** The replica-lag metrics by name, in seconds unless `millisLag` says otherwise. */
export const replicaLagMetric =
  /^(?:aws_rds_(?:aurora_)?replica_lag(?:_(?:average|maximum|max|minimum|sum))?|aws_rds_aurora_replica_lag_maximum|(?:pg|postgres(?:ql)?)_(?:replication|replica|standby)_lag(?:_seconds)?|pg_stat_replication_(?:replay|write|flush)_lag(?:_seconds)?|mysql_(?:slave|replica)_status_seconds_behind_(?:master|source)|mysql_(?:slave|replica)_lag(?:_seconds)?|mysql_heartbeat_lag_seconds|mongodb_(?:mongod_)?(?:replset|rs)_member_replication_lag(?:_seconds)?|mongodb_rs_members_replication_lag|\w*(?:replica|replication)_lag(?:_seconds|_ms|_milliseconds)?(?:_(?:average|maximum))?)$/i

/** A consumer's or a queue's lag: never a database replica's. */
const notReplica = /kafka|consumer|queue|topic|stream|partition|offset/i

// Aurora's AuroraReplicaLag and metrics that say so count milliseconds.
const millisLag = /aurora|_ms$|_ms_|millis/i

/** The replica a series is about, as the exporters label it; an address is the last resort. */
const replicaLabels = [
  "dbinstance_identifier",
  "dimension_DBInstanceIdentifier",
  "db_instance_identifier",
  "dbclusteridentifier",
  "dimension_DBClusterIdentifier",
  "application_name",
  "replica",
  "member",
  "name",
  "server",
  "pod",
  "service",
  "instance",
] as const

export const replicaOf = (labels: Readonly<Record<string, string>>): string | null =>
  firstLabel(labels, replicaLabels)

/** Lag at or above which reads are minutes stale (high when it also grew ≥ `minGrowth`×). */
export const highLagS = 300
/** Lag at or above which reads are noticeably stale. */
export const mediumLagS = 60
const minGrowth = 10
/** The lag a replica is "behind" from: onset is the start of the last run at or above it. */
const behindS = 30

const seconds = (s: number): string =>
  s >= 120 ? `${Math.round(s)} s (~${Math.round(s / 60)} min)` : `${Number(s.toFixed(1))} s`

/**
 * One finding per replica whose latest lag, at or after `windowStartMs`, is ≥ `mediumLagS`:
 * high when it is ≥ `highLagS` and grew ≥ 10× from the series' first sample, medium otherwise.
 */
export const replicaLagFindings = (
  agent: AgentId,
  series: ReadonlyArray<MetricSeries>,
  windowStartMs: number,
  link: string | null,
): ReadonlyArray<Finding> => {
  const seen = new Set<string>()
  const judged = series.flatMap((s) => {
    const metric = s.labels.__name__ ?? ""
    const replica = replicaOf(s.labels)
    if (!replicaLagMetric.test(metric) || notReplica.test(metric) || replica === null) return []
    const scale = millisLag.test(metric) ? 1 / 1000 : 1
    const samples = s.samples.filter((x) => Number.isFinite(x.v)).map((x) => ({ t: x.t, v: x.v * scale }))
    const last = samples[samples.length - 1]
    const first = samples[0]
    // A lag that recovered before the window, or no sample in it, is history.
    if (last === undefined || first === undefined || last.t < windowStartMs || last.v < mediumLagS) return []
    const grew = last.v >= minGrowth * Math.max(first.v, 1)
    const lastCalm = samples.findLastIndex((x) => x.v < behindS)
    const onset = samples[lastCalm + 1] ?? first
    return [{ metric, replica, last, first, grew, onsetMs: lastCalm < 0 ? null : onset.t }]
  })
  // The worst series per replica (its average and its maximum are one replica).
  return judged
    .sort((a, b) => b.last.v - a.last.v)
    .flatMap((j): ReadonlyArray<Finding> => {
      if (seen.has(j.replica)) return []
      seen.add(j.replica)
      const high = j.last.v >= highLagS && j.grew
      const since = j.onsetMs === null ? "" : ` since ${utcHhmm(j.onsetMs)} UTC`
      const growth = j.grew ? ` (from ${seconds(j.first.v)} at ${utcHhmm(j.first.t)} UTC)` : ""
      return [
        {
          id: "",
          agent,
          title: `${j.replica}: replica lag ${seconds(j.last.v)} behind the primary${since}${growth} — reads from it are stale`,
          detail:
            `${j.metric}{${j.replica}} was ${seconds(j.last.v)} at ${utcHhmm(j.last.t)} UTC${growth}. ` +
            "Every read served by this replica returns data that old: writes made on the primary (a status just " +
            "set, a record just created) seem to revert or vanish until it catches up. A replica falls behind when " +
            "the primary writes faster than it can replay (a bulk backfill or migration flooding WAL/binlog) or " +
            "when its own I/O or CPU is saturated; send reads to the primary or pause the bulk writer until it catches up.",
          severity: high ? "high" : "medium",
          kind: "replica_lag",
          observedAt: DateTime.unsafeMake(j.last.t),
          resource: `metric/${j.replica}/${j.metric}`,
          service: j.replica,
          link,
          excerpt: `${j.metric}{${j.replica}} ${Number(j.last.v.toFixed(1))}`,
        },
      ]
    })
}
