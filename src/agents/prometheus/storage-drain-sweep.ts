/**
 * A database running out of storage (metric-storage-drain.ts): its free storage as CloudWatch
 * exports it, the WAL its replication slots retain and its own size, by name. The alert (or a
 * client's "No space left on device") names the database but rarely these series, and storage
 * drains over hours: the six hours before the window show where it went.
 */
import type { Effect } from "effect"
import { storageDrainFindings } from "../../domain/metric-storage-drain.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepOnce } from "./sweep-query.js"

// Names as the exporters write them; the domain's patterns decide which series are which.
export const storageDrainQuery =
  '{__name__=~"aws_rds_free_?storage_?space.*|rds_(free|allocated)_storage_bytes|aws_rds_allocated_storage.*|pg_replication_slots?_.*|aws_rds_oldest_replication_slot_lag.*|aws_rds_transaction_logs_disk_usage.*|.*replication_slot.*_lag.*bytes|pg_database_size(_bytes)?"}'

const leadMs = 6 * 3_600_000

/** The storage series over the window and the six hours before it; a failed query finds nothing. */
export const sweepStorageDrain = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<SweepOutcome> =>
  sweepOnce(source, incident, stepS, {
    query: storageDrainQuery,
    label: "storage drain",
    leadMs,
    findingsOf: (series, link) => storageDrainFindings("prometheus", series, incident.startMs, link),
  })
