/**
 * Who holds a shared database's connections (connection-holders.ts): the per-user connection
 * counts, the limit and the workloads' replica counts in one answer, read from the hour before
 * the window so a holder's rise from its usual count shows. The alerting service names only its
 * own refusals ("too many clients"); the consumer that filled the limit is found here by name.
 */
import type { Effect } from "effect"
import { connectionHolderFindings } from "../../domain/connection-holders.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepOnce } from "./sweep-query.js"

export const connectionHolderQuery =
  '{__name__=~"pg_stat_activity_count|pg_settings_max_connections|mysql_info_schema_processlist_by_user|mysql_info_schema_threads_by_user|mysql_global_variables_max_connections|kube_deployment_status_replicas|kube_statefulset_status_replicas"}'

const leadMs = 3_600_000

export const sweepConnectionHolders = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<SweepOutcome> =>
  sweepOnce(source, incident, stepS, {
    query: connectionHolderQuery,
    label: "connection holders",
    leadMs,
    findingsOf: (series, link) => connectionHolderFindings("prometheus", series, link),
  })
