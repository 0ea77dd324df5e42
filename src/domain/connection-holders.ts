/**
 * Who took a shared database's connections (`connection_holder`). A service failing with
 * "too many clients" / "remaining connection slots are reserved" is the victim; the cause is the
 * client that holds the slots — read from the database's connection counts by user or
 * application (postgres_exporter `pg_stat_activity_count{usename|application_name}`, mysqld
 * `mysql_info_schema_processlist_by_user{mysql_user}`) against its limit (`pg_settings_max_connections`,
 * `mysql_global_variables_max_connections`). A holder rose over the window to most of the limit
 * while the database was full; a user whose count stayed flat is a bystander, and a total count
 * with no user (RDS DatabaseConnections) cannot name anyone, so it finds nothing here.
 * The user is mapped to the workload by words (`ocr_worker` ↔ `scan-ocr-worker`) through the
 * replica counts in the same answer (kube-state-metrics), which also say whether it scaled out —
 * every new pod opens its own pool, so a scale-out is how one client fills a shared limit. Pure.
 */
import { DateTime } from "effect"
import type { AgentId } from "./agent-id.js"
import type { Finding } from "./finding.js"
import type { MetricLabels, MetricSeries } from "./metric-series.js"
import { utcHhmm } from "./utc-clock.js"

const countMetric =
  /^(?:pg_stat_activity_count|mysql_info_schema_processlist_by_user|mysql_info_schema_threads_by_user)$/
const limitMetric = /^(?:pg_settings_max_connections|mysql_global_variables_max_connections)$/
const replicaMetric = /^kube_(?:deployment|statefulset)_status_replicas$/

/** The labels that name who holds a connection, most specific first. */
const userLabels = ["application_name", "usename", "mysql_user", "user", "username"] as const
/** The labels that name the database server a count or a limit is about. */
const serverLabels = ["server", "instance", "dbinstance_identifier", "pod", "service"] as const

// Words a role or workload name carries that say nothing about which workload it is.
const genericWords = new Set([
  "app",
  "user",
  "usr",
  "ro",
  "rw",
  "svc",
  "service",
  "db",
  "prod",
  "api",
  "readonly",
  "role",
])

const wordsOf = (name: string): ReadonlyArray<string> =>
  name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2 && !genericWords.has(w))

const nameOf = (labels: MetricLabels, keys: ReadonlyArray<string>): string => {
  for (const k of keys) {
    const v = (labels[k] ?? "").trim()
    if (v !== "") return v
  }
  return ""
}

/** A server's name without its instance suffix or port: `records-instance-1` and `records:5432` are `records`. */
const serverKey = (name: string): string =>
  name
    .replace(/:\d{1,5}$/, "")
    .replace(/-(?:instance-)?\d+$/, "")
    .split(".")[0] ?? name

/** Values summed per timestamp: one user's count over every database and state. */
const summed = (
  series: ReadonlyArray<MetricSeries>,
): ReadonlyArray<{ readonly t: number; readonly v: number }> => {
  const byT = new Map<number, number>()
  for (const s of series)
    for (const x of s.samples) if (Number.isFinite(x.v)) byT.set(x.t, (byT.get(x.t) ?? 0) + x.v)
  return [...byT.entries()].map(([t, v]) => ({ t, v })).sort((a, b) => a.t - b.t)
}

/** The workload a database user names, by its words, among those with replica counts. */
const workloadFor = (
  user: string,
  replicas: ReadonlyArray<MetricSeries>,
): { readonly name: string; readonly from: number; readonly to: number } | null => {
  const words = wordsOf(user)
  if (words.length === 0) return null
  const named = replicas.flatMap((s) => {
    const name = s.labels.deployment ?? s.labels.statefulset ?? ""
    const own = new Set(wordsOf(name))
    if (name === "" || !words.every((w) => own.has(w))) return []
    const values = s.samples.filter((x) => Number.isFinite(x.v)).map((x) => x.v)
    return [{ name, from: values[0] ?? 0, to: Math.max(0, ...values), extra: own.size - words.length }]
  })
  // The closest name wins (`ocr_worker` is `scan-ocr-worker` before `scan-ocr-worker-canary`).
  const best = named.sort((a, b) => a.extra - b.extra || b.to - b.from - (a.to - a.from))[0]
  return best === undefined ? null : { name: best.name, from: best.from, to: best.to }
}

/** Share of the limit a holder must reach, and of the database that must be in use, at the peak. */
const holderShare = 0.5
const fullShare = 0.85

export const connectionHolderFindings = (
  agent: AgentId,
  series: ReadonlyArray<MetricSeries>,
  link: string | null,
): ReadonlyArray<Finding> => {
  const named = (re: RegExp) => series.filter((s) => re.test(s.labels.__name__ ?? ""))
  const limits = named(limitMetric)
  const counts = named(countMetric).filter((s) => nameOf(s.labels, userLabels) !== "")
  const replicas = named(replicaMetric)
  const servers = new Set(counts.map((s) => serverKey(nameOf(s.labels, serverLabels))))
  return [...servers].flatMap((server) => {
    const mine = counts.filter((s) => serverKey(nameOf(s.labels, serverLabels)) === server)
    // The server's own limit; one limit series alone is the only database there is.
    const own = limits.filter((s) => serverKey(nameOf(s.labels, serverLabels)) === server)
    const limitSeries = own.length > 0 ? own : limits.length === 1 ? limits : []
    const limit = Math.max(
      0,
      ...limitSeries.flatMap((s) => s.samples.map((x) => x.v)).filter(Number.isFinite),
    )
    if (limit <= 0) return []
    const total = summed(mine)
    const users = [...new Set(mine.map((s) => nameOf(s.labels, userLabels)))]
    return users.flatMap((user) => {
      const line = summed(mine.filter((s) => nameOf(s.labels, userLabels) === user))
      const first = line[0]
      const peak = line.reduce<(typeof line)[number] | undefined>(
        (a, x) => (a === undefined || x.v > a.v ? x : a),
        undefined,
      )
      if (first === undefined || peak === undefined) return []
      const inUse = total.find((x) => x.t === peak.t)?.v ?? peak.v
      // Rose to most of the limit (a flat count is a bystander) while the database was full.
      const rose = peak.v >= holderShare * limit && peak.v >= 2 * first.v && peak.v - first.v >= 0.25 * limit
      if (!rose || inUse < fullShare * limit) return []
      const workload = workloadFor(user, replicas)
      const who = workload === null ? `database user ${user}` : `${workload.name} (database user ${user})`
      const scaled =
        workload !== null && workload.to >= 2 * workload.from && workload.to - workload.from >= 2
          ? `, scaled ${workload.from} → ${workload.to} replicas`
          : ""
      const holds = `holds ${Math.round(peak.v)} of ${Math.round(limit)} connections (${Math.round(first.v)} at ${utcHhmm(first.t)})`
      return [
        {
          id: "",
          agent,
          title: `${who} ${holds} on ${server}${scaled}`,
          detail:
            `Connections on ${server} by user: ${user} rose from ${Math.round(first.v)} to ${Math.round(peak.v)} ` +
            `at ${utcHhmm(peak.t)} UTC while ${Math.round(inUse)} of max_connections ${Math.round(limit)} were in use. ` +
            "Every other client of this database is refused new connections (too many clients, remaining " +
            "connection slots are reserved) until this one releases its slots.",
          severity: "high",
          kind: "connection_holder",
          observedAt: DateTime.unsafeMake(peak.t),
          resource: `metric/${server}/connections/${user}`,
          service: workload?.name ?? null,
          link,
          excerpt: `${workload?.name ?? `database user ${user}`}${scaled === "" ? "" : `${scaled.slice(1)} and`} holds ${Math.round(peak.v)} of ${Math.round(limit)} connections`,
        },
      ]
    })
  })
}
