/**
 * A database's own count of deadlocks and lock waits rising over the incident window: postgres
 * _exporter's `pg_stat_database_deadlocks` (a counter per database), mysqld_exporter's InnoDB
 * deadlock and row-lock-wait counters, SQL Server's deadlock counters, the CloudWatch exporters'
 * RDS `Deadlocks` (a per-second gauge), and ungranted locks (`pg_locks_count{granted="false"}`,
 * InnoDB's current row-lock waits). The clients' "deadlock detected" errors say that they lost;
 * these say the database saw it happen, and when it began — a trigger or an index a migration just
 * added, two code paths taking rows in opposite orders. A counter that rose as much in the hour
 * before is the database's normal life, not this finding. Pure.
 */
import { DateTime } from "effect"
import type { AgentId } from "./agent-id.js"
import { counterIncrease } from "./counter-increase.js"
import type { Finding } from "./finding.js"
import { firstLabel } from "./metric-label.js"
import type { MetricLabels, MetricSample, MetricSeries } from "./metric-series.js"
import { utcHhmm } from "./utc-clock.js"

/** Deadlock counters (cumulative). */
export const deadlockCounter =
  /^(?:pg_stat_database_deadlocks(?:_total)?|mysql_info_schema_innodb_metrics_lock_lock_deadlocks_total|mysql_global_status_innodb_deadlocks(?:_total)?|\w*deadlocks?_total|mssql_deadlocks(?:_total)?|sqlserver_\w*deadlocks\w*)$/i
/** Deadlock rates as a gauge (CloudWatch's RDS Deadlocks is per second). */
export const deadlockGauge = /^aws_rds_deadlocks(?:_(?:average|sum|maximum|max))?$/i
/** Lock-wait counters (cumulative). */
export const lockWaitCounter =
  /^(?:mysql_global_status_innodb_row_lock_waits(?:_total)?|mysql_info_schema_innodb_metrics_lock_lock_row_lock_waits_total)$/i
/** Sessions waiting on a lock now (a gauge). */
export const lockWaitGauge =
  /^(?:pg_locks_(?:count|waiting)|mysql_global_status_innodb_row_lock_current_waits|\w*lock_waits?_current)$/i

const databaseLabels = [
  "datname",
  "database",
  "db",
  "schema",
  "dbinstance_identifier",
  "dimension_DBInstanceIdentifier",
  "instance",
  "server",
] as const

const nameOf = (labels: MetricLabels): string | null => firstLabel(labels, databaseLabels)

/** Where the database runs, when a label says so beside its name. */
const hostOf = (labels: MetricLabels, name: string): string | null => {
  const h = (labels.instance ?? labels.dbinstance_identifier ?? labels.server ?? "")
    .replace(/:\d+$/, "")
    .trim()
  return h === "" || h === name ? null : h
}

/** Rises this many times the hour before's (per the same span) are not the database's normal life. */
const minRatio = 5
const minDeadlocks = 10
const minWaiting = 10

const sorted = (xs: ReadonlyArray<MetricSample>) =>
  [...xs.filter((x) => Number.isFinite(x.v))].sort((a, b) => a.t - b.t)

/** Rise inside the window vs the rise before it (counter), or their sums (gauge), and when it began. */
const judge = (samples: ReadonlyArray<MetricSample>, windowStartMs: number, counter: boolean) => {
  const xs = sorted(samples)
  const split = xs.findIndex((x) => x.t >= windowStartMs)
  if (split === -1) return null
  const inside = xs.slice(Math.max(0, split - (counter ? 1 : 0)))
  const before = xs.slice(0, Math.max(counter ? 1 : 0, split))
  const now = counter ? counterIncrease(inside) : Math.max(0, ...inside.map((x) => x.v))
  const then = counter ? counterIncrease(before) : Math.max(0, ...before.map((x) => x.v))
  // The first step that rose (counter) or the first reading above the hour before's (gauge).
  const onset = xs.find((x, i) =>
    counter ? i > 0 && x.v > (xs[i - 1]?.v ?? x.v) && x.t >= windowStartMs - 3_600_000 : x.v > then,
  )
  return { now, then, onsetMs: onset?.t ?? null, lastMs: xs[xs.length - 1]?.t ?? windowStartMs }
}

interface Judged {
  readonly db: string
  readonly host: string | null
  readonly metric: string
  readonly now: number
  readonly then: number
  readonly onsetMs: number | null
  readonly lastMs: number
}

/**
 * One finding per database whose deadlocks rose ≥ 10 in the window and ≥ 5× the rise before it
 * (high), or, without deadlocks, whose waiting locks peaked ≥ 10 and ≥ 5× before (medium); the
 * other reading, when there, is named beside it.
 */
export const datastoreLockFindings = (
  agent: AgentId,
  series: ReadonlyArray<MetricSeries>,
  windowStartMs: number,
  link: string | null,
): ReadonlyArray<Finding> => {
  const deadlocks = new Map<string, Judged>()
  const waits = new Map<string, Judged>()
  for (const s of series) {
    const metric = s.labels.__name__ ?? ""
    const db = nameOf(s.labels)
    if (db === null) continue
    // Only locks not granted are waits; postgres_exporter's pg_locks_count counts every held lock.
    if (lockWaitGauge.test(metric) && s.labels.granted !== undefined && s.labels.granted !== "false") continue
    const isDeadlock = deadlockCounter.test(metric) || deadlockGauge.test(metric)
    const isWait = lockWaitCounter.test(metric) || lockWaitGauge.test(metric)
    if (!isDeadlock && !isWait) continue
    const j = judge(s.samples, windowStartMs, deadlockCounter.test(metric) || lockWaitCounter.test(metric))
    // A per-second gauge (RDS) is judged by its rate: a tenth of a deadlock a second is six a minute.
    const floor = deadlockGauge.test(metric) ? 0.1 : isDeadlock ? minDeadlocks : minWaiting
    if (
      j === null ||
      j.now < floor ||
      j.now < minRatio * Math.max(j.then, deadlockGauge.test(metric) ? 0.01 : 1)
    )
      continue
    const into = isDeadlock ? deadlocks : waits
    const prior = into.get(db)
    const judged = { db, host: hostOf(s.labels, db), metric, ...j }
    into.set(db, prior === undefined ? judged : { ...prior, now: prior.now + j.now })
  }
  const dbs = [...new Set([...deadlocks.keys(), ...waits.keys()])].sort()
  return dbs.flatMap((db): ReadonlyArray<Finding> => {
    const d = deadlocks.get(db)
    const w = waits.get(db)
    const lead = d ?? w
    if (lead === undefined) return []
    const where = lead.host === null ? db : `${db} (${lead.host})`
    const since = lead.onsetMs === null ? "" : ` since ${utcHhmm(lead.onsetMs)} UTC`
    const gauge = d !== undefined && deadlockGauge.test(d.metric)
    const deadlockText =
      d === undefined
        ? ""
        : gauge
          ? `deadlocks at up to ${Number(d.now.toFixed(2))}/s${since}`
          : `${Math.round(d.now)} deadlocks${since} (${Math.round(d.then)} in the hour before)`
    const waitText = w === undefined ? "" : `${Math.round(w.now)} lock waits (${Math.round(w.then)} before)`
    return [
      {
        id: "",
        agent,
        title: `${where}: ${[deadlockText, waitText].filter((t) => t !== "").join("; ")} — lock contention`,
        detail:
          `${[d?.metric, w?.metric].filter((m) => m !== undefined).join(", ")} for ${db}. ` +
          "The database itself counted transactions deadlocking or waiting on each other's row locks: its clients' " +
          '"deadlock detected" and lock-timeout errors are these. A new trigger, index or constraint (a migration ' +
          "applied just before) or two code paths locking rows in opposite orders start it.",
        severity: d === undefined ? "medium" : "high",
        kind: "datastore_locks",
        observedAt: DateTime.unsafeMake(lead.onsetMs ?? lead.lastMs),
        resource: `metric/${db}/${lead.metric}`,
        service: db,
        link,
        excerpt: `${lead.metric}{${db}} +${Number(lead.now.toFixed(2))}`,
      },
    ]
  })
}
