/**
 * A database replica falling behind its primary over the incident window (replica-lag.ts): the
 * RDS/Aurora, Postgres, MySQL and MongoDB lag series by name. A person reports stale reads and
 * names no database, so the sweep needs no name; the hour before the window shows the lag's growth.
 */
import type { Effect } from "effect"
import { replicaLagFindings } from "../../domain/replica-lag.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepOnce } from "./sweep-query.js"

// Names as the exporters write them; the domain's pattern decides which series are replica lag.
export const replicaLagQuery =
  '{__name__=~"aws_rds_(aurora_)?replica_lag.*|.*(replica|replication|standby)_lag.*|pg_stat_replication_(replay|write|flush)_lag.*|mysql_(slave|replica)_status_seconds_behind_(master|source)|mysql_heartbeat_lag_seconds|mongodb_.*replication_lag.*"}'

const leadMs = 3_600_000

/** The lag series over the window and the hour before it; a failed query finds nothing. */
export const sweepReplicaLag = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<SweepOutcome> =>
  sweepOnce(source, incident, stepS, {
    query: replicaLagQuery,
    label: "replica lag",
    leadMs,
    findingsOf: (series, link) => replicaLagFindings("prometheus", series, incident.startMs, link),
  })
