/**
 * The nodes' kernel logs, asked one question: did a node hit one of its own network limits
 * (domain/node-network-limits.ts: conntrack table full, neighbour table overflow, out of socket
 * memory)? Those drop packets for the pods on that node only, and the pods' own lines say only
 * "i/o timeout" — the error query never reads the host group and would not see the kernel's
 * words as errors. One bounded search for the clusters' Container Insights host groups, one
 * Logs Insights query over them; each node that logged a limit in the window is a finding about
 * that node (`node/<name>`), so cause inference ties it to the pods that run there.
 */
import { DateTime, Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import type { LogLine } from "../../domain/log-clusters.js"
import { hostOfLine, nodeNetworkLimitFilter, nodeNetworkLimitOf } from "../../domain/node-network-limits.js"
import { podIpShortageFilter } from "../../domain/pod-ip-shortage.js"
import { redact } from "../../domain/redact.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { linesOf } from "./error-query.js"
import { clusterGroupNames, groupNamesUnder } from "./group-names.js"
import { podIpShortageFindings } from "./host-ip-shortage.js"
import type { Range } from "./query-pass.js"
import { runInsightsQuery } from "./run-query.js"

export const maxHostGroups = 3
const rowLimit = 500

export const hostKernelQuery = [
  "fields @timestamp, @message, @logStream, @log",
  // The same groups also carry the VPC CNI's log (ipamd): a node with no IP for a pod.
  `| filter @message like ${nodeNetworkLimitFilter} or @message like ${podIpShortageFilter}`,
  "| sort @timestamp desc",
  `| limit ${rowLimit}`,
].join("\n")

// The dataplane group too: Container Insights ships aws-node's (ipamd's) and the kubelet's lines there.
const hostGroup = /^\/aws\/containerinsights\/([^/]+)\/(?:host|dataplane)$/i

/** The host groups among `groups`, those of `clusters` (lower-case) first, at most `maxHostGroups`. */
export const hostGroupsOf = (
  groups: ReadonlyArray<string>,
  clusters: ReadonlyArray<string>,
): ReadonlyArray<string> => {
  const rank = (g: string) => {
    const c = hostGroup.exec(g)?.[1]?.toLowerCase()
    const i = c === undefined ? -1 : clusters.indexOf(c)
    return i === -1 ? clusters.length : i
  }
  return [...new Set(groups.filter((g) => hostGroup.test(g)))]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .slice(0, maxHostGroups)
}

/** One finding per node and limit the lines state (oldest line first in its text), strongest node first. */
export const kernelLimitFindings = (
  lines: ReadonlyArray<LogLine>,
  link: (groups: ReadonlyArray<string>) => string | null,
): ReadonlyArray<Finding> => {
  const byNode = new Map<string, { node: string; what: string; lines: Array<LogLine> }>()
  for (const line of lines) {
    const limit = nodeNetworkLimitOf(line.message)
    const node = hostOfLine(line.stream, line.message)
    if (limit === null || node === null) continue
    const key = `${node}\u0000${limit.limit}`
    const entry = byNode.get(key) ?? { node, what: limit.what, lines: [] }
    entry.lines.push(line)
    byNode.set(key, entry)
  }
  return [...byNode.values()]
    .sort((a, b) => b.lines.length - a.lines.length || a.node.localeCompare(b.node))
    .map(({ node, what, lines: ls }) => {
      const sorted = [...ls].sort((a, b) => a.timestampMs - b.timestampMs)
      const first = sorted[0] ?? ls[0]
      const last = sorted[sorted.length - 1] ?? first
      const firstMs = first?.timestampMs ?? 0
      const lastMs = last?.timestampMs ?? firstMs
      const span = firstMs === lastMs ? `at ${utcHhmm(firstMs)}` : `${utcHhmm(firstMs)}–${utcHhmm(lastMs)}`
      const groups = [...new Set(ls.map((l) => l.group).filter((g) => g !== ""))]
      return {
        id: "",
        agent: "cloudwatch_logs",
        title: redact(`node ${node}: ${what} (kernel, ×${ls.length} ${span} UTC)`),
        detail: redact(
          `The kernel on node ${node} logged ${ls.length} line(s) in ${groups.join(", ") || "its host log"} ` +
            `from ${utcHhmm(firstMs)} to ${utcHhmm(lastMs)} UTC: "${last?.message.trim() ?? ""}". ` +
            "The kernel prints only some of these lines, so each stands for many packets dropped: new " +
            "connections and lookups from every pod on that node time out, while pods on other nodes are fine.",
        ),
        severity: "high",
        kind: "node_network_limit",
        observedAt: DateTime.unsafeMake(firstMs),
        resource: `node/${node}`,
        service: null,
        link: link(groups),
        excerpt: redact(last?.message.trim() ?? ""),
      } satisfies Finding
    })
}

/** Find the clusters' host groups and query them for a node's network limit; nothing found is no finding. */
export const sweepHostKernel = (
  source: LogSourceService,
  clusters: ReadonlyArray<string>,
  range: Range,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<Finding>, LogSourceError> =>
  Effect.gen(function* () {
    const wanted = clusterGroupNames(clusters)
    const prefixes =
      wanted.length === 0
        ? ["/aws/containerinsights/"]
        : wanted.slice(0, maxHostGroups).map((c) => `/aws/containerinsights/${c}/`)
    const found = yield* groupNamesUnder(
      source,
      prefixes.map((prefix) => ({ prefix })),
      50,
      3,
    )
    const groups = hostGroupsOf(found, wanted)
    if (groups.length === 0) return []
    const outcome = yield* runInsightsQuery(
      source,
      { logGroups: groups, ...range, query: hostKernelQuery },
      answerByMs,
    )
    const lines = linesOf(outcome.rows, groups)
    const link = (gs: ReadonlyArray<string>) =>
      source.consoleUrl({ logGroups: gs.length === 0 ? groups : gs, query: hostKernelQuery, ...range })
    return [...kernelLimitFindings(lines, link), ...podIpShortageFindings(lines, link)]
  })
