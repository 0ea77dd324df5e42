/**
 * What is full right now, whatever the alert names: a few shared resources whose saturation
 * has a meaning of its own — a Redis at its maxmemory (writes refused or keys evicted), a node's
 * conntrack table at its limit (packets dropped), a PostgreSQL at max_connections, a volume or a
 * node's disk nearly full, a namespace's ResourceQuota used up, a search cluster's data disk past its watermark or its status red. The alerting service often stands
 * on one of them without naming it ("users are logged out at random" is a full session cache).
 * Each is one bounded query over the incident window, judged against a fixed level; a resource
 * above it is a finding of its own (its own subject, so cause inference cites it only when the
 * alert's evidence names it). Exporters' own metric names; missing series mean nothing to say.
 */
import { DateTime, Effect } from "effect"
import { awsResourceOfHost } from "../../domain/aws-endpoint.js"
import type { Finding } from "../../domain/finding.js"
import { workloadOfPod } from "../../domain/log-origin.js"
import { redact } from "../../domain/redact.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { MetricSourceService } from "../../ports/metric-source.js"
import type { TimeWindow } from "./metric-windows.js"

interface Check {
  readonly id: string
  /** What the ratio measures, for the title. */
  readonly what: string
  /** A ratio per resource (0–1), or a status where `level` is the bad value. */
  readonly expr: string
  /** The label naming the resource. */
  readonly by: string
  readonly level: number
  readonly ratio: boolean
  readonly means: string
  /** A node's own resource: the finding is about the node (`node/<name>`), the subject nodes share. */
  readonly node?: boolean
  /** The label naming which part of the resource is full (a quota's `requests.cpu`), for the title. */
  readonly part?: string
}

export const saturationChecks: ReadonlyArray<Check> = [
  {
    id: "redis_memory",
    what: "Redis memory at maxmemory",
    // The exporter's pod and service labels ride along: they name the Redis as its clients'
    // configuration does (`catalog-cache-redis-master.catalog.svc`), an address does not.
    expr: "max by (instance, namespace, pod, service) (redis_memory_used_bytes) / on (instance, namespace, pod, service) (max by (instance, namespace, pod, service) (redis_memory_max_bytes) > 0)",
    by: "instance",
    level: 0.9,
    ratio: true,
    means:
      "at maxmemory Redis evicts keys (allkeys-* and volatile-* policies) or refuses every write (noeviction)",
  },
  {
    id: "conntrack",
    what: "conntrack table full",
    // The node's name rides along where the scrape config labels it (`node`, `kubernetes_node`):
    // a node's pods and kernel logs name it so, not by its exporter's address.
    expr: "max by (instance, node, kubernetes_node) (node_nf_conntrack_entries) / on (instance, node, kubernetes_node) max by (instance, node, kubernetes_node) (node_nf_conntrack_entries_limit)",
    by: "instance",
    level: 0.9,
    ratio: true,
    means:
      "a full nf_conntrack table makes the node drop new connections' packets (timeouts on that node only)",
    node: true,
  },
  {
    id: "pg_connections",
    what: "PostgreSQL connections at max_connections",
    expr: "sum by (server) (pg_stat_activity_count) / on (server) max by (server) (pg_settings_max_connections)",
    by: "server",
    level: 0.9,
    ratio: true,
    means: "at max_connections new connections are refused (remaining connection slots are reserved)",
  },
  {
    id: "volume_full",
    what: "volume nearly full",
    expr: "1 - max by (persistentvolumeclaim) (kubelet_volume_stats_available_bytes) / on (persistentvolumeclaim) max by (persistentvolumeclaim) (kubelet_volume_stats_capacity_bytes)",
    by: "persistentvolumeclaim",
    level: 0.9,
    ratio: true,
    means: "a full volume stops every write to it (a database's WAL, a queue's log: No space left on device)",
  },
  {
    id: "node_disk",
    what: "node root filesystem nearly full",
    expr: '1 - max by (instance) (node_filesystem_avail_bytes{mountpoint="/"}) / on (instance) max by (instance) (node_filesystem_size_bytes{mountpoint="/"})',
    by: "instance",
    level: 0.9,
    ratio: true,
    means: "a full node disk brings DiskPressure: the kubelet evicts pods and images cannot be pulled",
    node: true,
  },
  {
    id: "search_disk",
    what: "search data disk past the flood-stage watermark",
    expr: "1 - max by (name) (elasticsearch_filesystem_data_available_bytes) / on (name) max by (name) (elasticsearch_filesystem_data_size_bytes)",
    by: "name",
    level: 0.9,
    ratio: true,
    means: "past the flood-stage watermark (95%) the cluster makes its indices read-only",
  },
  {
    id: "resource_quota",
    what: "ResourceQuota nearly used up",
    // kube-state-metrics: one series per quota, resource and type (used / hard).
    expr: 'max by (namespace, resourcequota, resource) (kube_resourcequota{type="used"}) / on (namespace, resourcequota, resource) (max by (namespace, resourcequota, resource) (kube_resourcequota{type="hard"}) > 0)',
    by: "resourcequota",
    level: 0.9,
    ratio: true,
    means:
      "a namespace at its ResourceQuota gets no new pod whose requests exceed what is left (exceeded quota): the ReplicaSet cannot create the pods an HPA or a rollout asks for",
    part: "resource",
  },
  {
    id: "hikari_pool",
    what: "connection pool full with requests waiting",
    // HikariCP's Micrometer metrics, one series per pod and pool: at its max with waiters is full
    // ("Connection is not available, request timed out"); at its max with none waiting is busy.
    expr: "max by (namespace, pod, pool) (hikaricp_connections_active) / on (namespace, pod, pool) (max by (namespace, pod, pool) (hikaricp_connections_max) > 0) and on (namespace, pod, pool) (max by (namespace, pod, pool) (hikaricp_connections_pending) > 0)",
    by: "pool",
    level: 1,
    ratio: true,
    means:
      "every connection of the service's own pool is taken and requests queue for one until they time out, whatever the database's own load (a leak or a long job holding connections)",
  },
  {
    id: "go_sql_pool",
    what: "connection pool full with requests waiting",
    // Go's database/sql stats (sqlstats collector): in use at MaxOpenConns and callers waiting.
    expr: "max by (namespace, pod, db_name) (go_sql_stats_connections_in_use) / on (namespace, pod, db_name) (max by (namespace, pod, db_name) (go_sql_stats_connections_max_open) > 0) and on (namespace, pod, db_name) (max by (namespace, pod, db_name) (rate(go_sql_stats_connections_waited_for[10m])) > 0)",
    by: "db_name",
    level: 1,
    ratio: true,
    means:
      "every connection of the service's own pool (MaxOpenConns) is taken and callers wait for one until their context expires",
  },
  {
    id: "search_status",
    what: "search cluster status red",
    expr: "max by (cluster) (opensearch_cluster_status)",
    by: "cluster",
    level: 2,
    ratio: false,
    means: "red: primary shards are unassigned, so searches and writes on them fail",
  },
]

/**
 * What to call the saturated resource: the workload its exporter's pod belongs to (a
 * pod without its ordinal or ReplicaSet hash: `redis-sessions-master-0` → `redis-sessions-master`),
 * else the exporter's Service without its `-metrics` suffix, else the `by` label (an address
 * without its port; a managed AWS node's address as its cluster). A node's own resource (`node`)
 * is the node's name when its `node` or `kubernetes_node` label carries one.
 */
export const resourceOf = (labels: Readonly<Record<string, string>>, by: string, node = false): string => {
  // A node's own resource is named as the cluster names the node, when a label says so.
  const nodeName = node ? (labels.node ?? labels.kubernetes_node ?? "").trim() : ""
  if (nodeName !== "") return nodeName
  const pod = labels.pod ?? ""
  if (pod !== "") return workloadOfPod(pod) ?? pod
  const service = (labels.service ?? "").replace(/-(?:metrics|exporter|prometheus-exporter)$/, "")
  if (service !== "" && by === "instance") return service
  const address = (labels[by] ?? "").replace(/:\d{1,5}$/, "")
  // A managed node (`catalog-cache-001.x7kq2p.0001.use1.cache.amazonaws.com`) is its cluster.
  return awsResourceOfHost(address) ?? address
}

const findingOf = (
  check: Check,
  labels: Readonly<Record<string, string>>,
  peak: number,
  incident: TimeWindow,
  link: string | null,
  atMs: number,
): Finding => {
  const part = check.part === undefined ? "" : (labels[check.part] ?? "").trim()
  const level = `${part === "" ? "" : `${part} `}${check.ratio ? `${Math.round(peak * 100)}%` : `status ${peak}`}`
  const resource = resourceOf(labels, check.by, check.node === true)
  const address = (labels[check.by] ?? "").replace(/:\d{1,5}$/, "")
  const at = address === "" || address === resource ? "" : ` (${check.by} ${address})`
  return {
    id: "",
    agent: "prometheus",
    title: redact(`${resource}: ${check.what} (${level})`),
    detail: redact(
      `A saturation sweep of shared resources over ${utcHhmm(incident.startMs)}–${utcHhmm(incident.endMs)} UTC: ` +
        `${resource}${at}${check.part === undefined || labels.namespace === undefined ? "" : ` in namespace ${labels.namespace}`} peaked at ${level} (${check.expr}); the fixed level is ${check.ratio ? `${check.level * 100}%` : check.level}. ` +
        `Why it matters: ${check.means}.`,
    ),
    severity: !check.ratio || peak >= 0.98 ? "high" : "medium",
    kind: "metric_anomaly",
    observedAt: DateTime.unsafeMake(atMs),
    resource:
      check.node === true
        ? `node/${resource}`
        : `metric/${resource}/${check.id}${part === "" ? "" : `/${part}`}`,
    service: check.node === true ? null : resource,
    link,
    excerpt: redact(check.expr),
  }
}

export interface SweepOutcome {
  readonly findings: ReadonlyArray<Finding>
  readonly note: string
}

/** Every check over the incident window (see the module header); a failed check is left out. */
export const sweepSaturation = (
  source: MetricSourceService,
  incident: TimeWindow,
  stepS: number,
): Effect.Effect<SweepOutcome> =>
  Effect.forEach(
    saturationChecks,
    (check) =>
      source.queryRange(check.expr, incident.startMs, incident.endMs, Math.max(stepS, 60)).pipe(
        Effect.map((series) =>
          series.flatMap((s) => {
            const finite = s.samples.filter((x) => Number.isFinite(x.v))
            const top = finite.reduce<(typeof finite)[number] | null>(
              (a, x) => (a === null || x.v > a.v ? x : a),
              null,
            )
            if (top === null || !(top.v >= check.level)) return []
            const link = source.graphUrl(check.expr, incident.startMs, incident.endMs)
            return [findingOf(check, s.labels, top.v, incident, link, top.t)]
          }),
        ),
        Effect.orElseSucceed(() => []),
      ),
    { concurrency: 3 },
  ).pipe(
    Effect.map((found) => {
      const findings = found.flat().slice(0, 3)
      return {
        findings,
        note:
          findings.length === 0
            ? "saturation sweep: nothing full"
            : `saturation sweep: ${findings.map((f) => f.title).join("; ")}`,
      }
    }),
  )
