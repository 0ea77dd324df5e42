/**
 * A database counting deadlocks and lock waits (datastore-locks.ts): the exporters' deadlock
 * counters and ungranted-lock gauges by name. Client errors say "deadlock detected" without
 * naming the database's own view; the hour before the window is the baseline it is judged on.
 */
import type { Effect } from "effect"
import { datastoreLockFindings } from "../../domain/datastore-locks.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepOnce } from "./sweep-query.js"

// Names as the exporters write them; the domain's patterns decide which series are which.
export const datastoreLockQuery =
  '{__name__=~".*deadlocks?.*|pg_locks_(count|waiting)|mysql_global_status_innodb_row_lock_.*|mysql_info_schema_innodb_metrics_lock_.*|.*lock_waits?_current"}'

const leadMs = 3_600_000

/** The lock series over the window and the hour before it; a failed query finds nothing. */
export const sweepDatastoreLocks = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<SweepOutcome> =>
  sweepOnce(source, incident, stepS, {
    query: datastoreLockQuery,
    label: "datastore locks",
    leadMs,
    findingsOf: (series, link) => datastoreLockFindings("prometheus", series, incident.startMs, link),
  })
