/**
 * A datastore's failover in its role gauges: CloudWatch's ElastiCache `IsMaster` / MemoryDB
 * `IsPrimary` exported by YACE (1 on the primary node), PostgreSQL's `pg_replication_is_replica`
 * and MySQL's `read_only` (1 on a replica). A node whose role flips inside the incident window
 * was promoted or demoted: one `datastore_failover` finding per datastore (its nodes' cluster),
 * naming who became primary and when — the clients' READONLY errors and resets are its symptoms.
 * A gauge that holds its value all window long is no switch.
 */
import { Effect } from "effect"
import { clusterOfNode, type FailoverSighting, failoverFindings } from "../../domain/datastore-failover.js"
import type { MetricSeries } from "../../domain/metric-series.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import type { TimeWindow } from "./metric-windows.js"
import type { SweepOutcome } from "./saturation-sweep.js"
import { sweepRange } from "./sweep-query.js"

export const primaryRoleQuery =
  '{__name__=~"aws_(elasticache_is_master|memorydb_is_primary)(_average|_maximum|_minimum)?"}'
export const replicaRoleQuery =
  '{__name__=~"pg_replication_is_replica|mysql_global_variables_(super_)?read_only"}'

const maxFindings = 3

// The node a role series is about, as its exporter labels it; an address names no datastore.
const nodeLabels = [
  "cache_cluster_id",
  "dimension_CacheClusterId",
  "dimension_NodeName",
  "dbinstance_identifier",
  "dimension_DBInstanceIdentifier",
  "pod",
  "instance",
]
const address = /^\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?$|^[\d.]+:\d+$/

const nodeOf = (labels: Readonly<Record<string, string>>): string | null => {
  for (const l of nodeLabels) {
    const v = labels[l]
    if (v !== undefined && v !== "" && !address.test(v)) return v.replace(/:\d+$/, "").split(".")[0] ?? v
  }
  return null
}

const engineOf = (metric: string): string =>
  metric.includes("memorydb")
    ? "MemoryDB"
    : metric.includes("elasticache")
      ? "ElastiCache"
      : metric.startsWith("pg_")
        ? "PostgreSQL"
        : "MySQL"

/** When `samples` flipped between 0 and 1, and to which; null when the role held. */
export const roleFlip = (
  samples: ReadonlyArray<{ readonly t: number; readonly v: number }>,
): { readonly atMs: number; readonly to: 0 | 1 } | null => {
  const known = samples.filter((s) => s.v === 0 || s.v === 1)
  for (let i = 1; i < known.length; i++) {
    const before = known[i - 1]
    const now = known[i]
    if (before !== undefined && now !== undefined && before.v !== now.v)
      return { atMs: now.t, to: now.v === 1 ? 1 : 0 }
  }
  return null
}

/** The role flips among `series` as failover findings, one per datastore. */
export const roleSwitchFindings = (
  series: ReadonlyArray<MetricSeries>,
  replicaMeansOne: (s: MetricSeries) => boolean,
  link: string | null,
): SweepOutcome["findings"] => {
  const flips = series.flatMap((s) => {
    const node = nodeOf(s.labels)
    const flip = roleFlip(s.samples)
    if (node === null || flip === null) return []
    const promoted = replicaMeansOne(s) ? flip.to === 0 : flip.to === 1
    return [{ node: node.toLowerCase(), promoted, atMs: flip.atMs, metric: s.labels.__name__ ?? "" }]
  })
  const sightings: Array<FailoverSighting> = flips.map((f) => {
    const datastore = clusterOfNode(f.node)
    const partner = flips.find((g) => clusterOfNode(g.node) === datastore && g.promoted !== f.promoted)
    const promoted = f.promoted ? f.node : (partner?.node ?? null)
    const demoted = f.promoted ? (partner?.node ?? null) : f.node
    return {
      event: { datastore, engine: engineOf(f.metric), phase: "completed", promoted, demoted },
      timestampMs: f.atMs,
      text: `${f.metric}{${f.node}} flipped to ${f.promoted ? "primary" : "replica"}`,
      resource: `metric/${datastore}/${f.metric}`,
      link,
    }
  })
  return failoverFindings("prometheus", sightings).slice(0, maxFindings)
}

/** Both role queries over the incident window; a failed query finds nothing. */
export const sweepRoleSwitches = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<SweepOutcome> => {
  const ask = sweepRange(source, incident.startMs, incident.endMs, stepS)
  return Effect.all([ask(primaryRoleQuery), ask(replicaRoleQuery)], { concurrency: 2 }).pipe(
    Effect.map(([primaries, replicas]) => {
      const replicaSet = new Set(replicas)
      const findings = roleSwitchFindings(
        [...primaries, ...replicas],
        (s) => replicaSet.has(s),
        source.graphUrl(primaryRoleQuery, incident.startMs, incident.endMs),
      )
      return {
        findings,
        note:
          findings.length === 0 ? "" : `datastore role switch: ${findings.map((f) => f.title).join("; ")}`,
      }
    }),
  )
}
