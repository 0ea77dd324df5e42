/**
 * The cluster's Container Insights performance group, read for the one thing its records say
 * that no log line does: a container (or pod) at its memory or CPU limit. A Go or JVM service
 * climbing to its limit logs nothing about it — its logs just stop at the OOM kill — while the
 * agent's per-minute EMF record says `container_memory_utilization_over_container_limit: 99.6`.
 * One bounded search for `/aws/containerinsights/<cluster>/performance`, one Logs Insights query;
 * one finding per workload (medium; high at ≥ 98 % or in several pods). Records of workloads the
 * alert does not name are left out when it names any; a node's record is about the node, and is
 * kept only for a node where a named workload's pods were near their limit.
 */
import { DateTime, Effect } from "effect"
import {
  type LimitReading,
  limitReadingOf,
  nearLimitPercent,
} from "../../domain/container-insights-performance.js"
import type { Finding } from "../../domain/finding.js"
import type { LogLine } from "../../domain/log-clusters.js"
import { redact } from "../../domain/redact.js"
import type { Severity } from "../../domain/severity.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { linesOf } from "./error-query.js"
import { clusterGroupNames, groupNamesUnder } from "./group-names.js"
import type { Range } from "./query-pass.js"
import { runInsightsQuery } from "./run-query.js"

export const maxPerformanceGroups = 2
const rowLimit = 500

export const performanceQuery = [
  "fields @timestamp, @message, @logStream, @log",
  "| filter @message like /_utilization_over_(container|pod)_limit|node_(memory|cpu)_utilization/",
  "| sort @timestamp desc",
  `| limit ${rowLimit}`,
].join("\n")

const performanceGroup = /^\/aws\/containerinsights\/([^/]+)\/performance$/i

/** The performance groups among `groups`, those of `clusters` (lower-case) first. */
export const performanceGroupsOf = (
  groups: ReadonlyArray<string>,
  clusters: ReadonlyArray<string>,
): ReadonlyArray<string> => {
  const rank = (g: string) => {
    const i = clusters.indexOf(performanceGroup.exec(g)?.[1]?.toLowerCase() ?? "")
    return i === -1 ? clusters.length : i
  }
  return [...new Set(groups.filter((g) => performanceGroup.test(g)))]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .slice(0, maxPerformanceGroups)
}

interface Reading extends LimitReading {
  readonly atMs: number
}

const named = (subject: string, names: ReadonlyArray<string>): boolean => {
  const s = subject.toLowerCase()
  return names.some((n) => {
    const m = n.toLowerCase()
    return m === s || s.startsWith(`${m}-`) || m.startsWith(`${s}-`)
  })
}

const rate = (max: number, pods: number): Severity => (max >= 98 || pods >= 2 ? "high" : "medium")

const pct = (v: number): string => `${Math.round(v * 10) / 10}%`

const finding = (
  subject: string,
  readings: ReadonlyArray<Reading>,
  link: string | null,
  node: boolean,
): Finding => {
  const top = [...readings].sort((a, b) => b.percent - a.percent)[0] ?? readings[0]
  const pods = [...new Set(readings.flatMap((r) => (r.pod === null ? [] : [r.pod])))]
  const perPod = pods.map((p) => {
    const best = Math.max(...readings.filter((r) => r.pod === p).map((r) => r.percent))
    return `${p} ${pct(best)}`
  })
  const max = top?.percent ?? nearLimitPercent
  const res = top?.resource ?? "memory"
  const times = readings.map((r) => r.atMs)
  const firstMs = Math.min(...times)
  const lastMs = Math.max(...times)
  const span = firstMs === lastMs ? `at ${utcHhmm(firstMs)}` : `${utcHhmm(firstMs)}–${utcHhmm(lastMs)}`
  const where = pods.length === 0 ? "" : ` in ${pods.length} pod(s)`
  return {
    id: "",
    agent: "cloudwatch_logs",
    title: redact(
      node
        ? `node ${subject}: ${res} at ${pct(max)} of its capacity (Container Insights, ${span} UTC)`
        : `${subject}: container ${res} at ${pct(max)} of its ${res} limit${where} (Container Insights, ${span} UTC)`,
    ),
    detail: redact(
      `Container Insights performance records (${top?.field ?? "utilization"}) ${span} UTC: ` +
        `${node ? `node ${subject} at ${pct(max)}` : perPod.join(", ") || `${subject} at ${pct(max)}`}. ` +
        (res === "memory"
          ? "A container at its memory limit is OOMKilled by the kernel at the next allocation it cannot get; one that keeps returning there is using memory it never gives back."
          : "A container at its CPU limit is throttled: every request waits for its next CFS period."),
    ),
    severity: node ? "medium" : rate(max, pods.length),
    kind: "container_near_limit",
    observedAt: DateTime.unsafeMake(lastMs),
    resource: node ? `node/${subject}` : `deployment/${top?.namespace ?? "default"}/${subject}`,
    service: node ? null : subject,
    link,
    excerpt: null,
  }
}

/** One finding per workload (and per node hosting its pods) the records put near a limit. */
export const performanceFindings = (
  lines: ReadonlyArray<LogLine>,
  names: ReadonlyArray<string>,
  link: string | null,
): ReadonlyArray<Finding> => {
  const readings = lines.flatMap((l): ReadonlyArray<Reading> => {
    const r = limitReadingOf(l.message)
    return r === null ? [] : [{ ...r, atMs: l.timestampMs }]
  })
  const workloads = new Map<string, Array<Reading>>()
  for (const r of readings) {
    if (r.type === "Node" || (names.length > 0 && !named(r.subject, names))) continue
    const list = workloads.get(r.subject) ?? []
    list.push(r)
    workloads.set(r.subject, list)
  }
  const theirNodes = new Set([...workloads.values()].flat().flatMap((r) => (r.node === null ? [] : [r.node])))
  const nodes = new Map<string, Array<Reading>>()
  for (const r of readings) {
    if (r.type !== "Node" || !theirNodes.has(r.subject)) continue
    const list = nodes.get(r.subject) ?? []
    list.push(r)
    nodes.set(r.subject, list)
  }
  return [
    ...[...workloads.entries()].map(([s, rs]) => finding(s, rs, link, false)),
    ...[...nodes.entries()].map(([s, rs]) => finding(s, rs, link, true)),
  ]
}

/** Find the clusters' performance groups and read their near-limit records; none is no finding. */
export const sweepPerformance = (
  source: LogSourceService,
  clusters: ReadonlyArray<string>,
  names: ReadonlyArray<string>,
  range: Range,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<Finding>, LogSourceError> =>
  Effect.gen(function* () {
    const wanted = clusterGroupNames(clusters)
    if (wanted.length === 0) return []
    const found = yield* groupNamesUnder(
      source,
      wanted
        .slice(0, maxPerformanceGroups)
        .map((c) => ({ prefix: `/aws/containerinsights/${c}/performance` })),
      10,
      2,
    )
    const groups = performanceGroupsOf(found, wanted)
    if (groups.length === 0) return []
    const outcome = yield* runInsightsQuery(
      source,
      { logGroups: groups, ...range, query: performanceQuery },
      answerByMs,
    )
    const link = source.consoleUrl({ logGroups: groups, query: performanceQuery, ...range })
    return performanceFindings(linesOf(outcome.rows, groups), names, link)
  })
