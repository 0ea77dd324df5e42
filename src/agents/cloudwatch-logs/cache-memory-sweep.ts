/**
 * A cache the alert's service uses at its memory limit, in the cache's own engine log: ElastiCache
 * delivers Redis/Valkey's engine and slow logs to `/aws/elasticache/<cluster>/…` groups, whose
 * lines ("used_memory 9.80GB reached maxmemory", "evicted_keys=3,904,118") name the cache node,
 * never the service whose sessions or carts it evicts. So those groups are read only for a cache
 * the alert or the lines already read name ("session … not found in tix-sessions"), for the words
 * of a cache at its limit only. One finding per cache.
 */
import { DateTime, Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import type { LogLine } from "../../domain/log-clusters.js"
import { redact } from "../../domain/redact.js"
import { clipText } from "../../domain/report-text.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { linesOf } from "./error-query.js"
import { groupNamesUnder } from "./group-names.js"
import type { Range } from "./query-pass.js"
import { runInsightsQuery } from "./run-query.js"

const cachePrefix = "/aws/elasticache/"
const maxGroups = 4

export const cacheMemoryQuery = [
  "fields @timestamp, @message, @logStream, @log",
  "| filter @message like /(?i)maxmemory|evicted_keys|evicting|eviction rate|OOM command not allowed/",
  "| sort @timestamp desc",
  "| limit 200",
].join("\n")

/** `/aws/elasticache/tix-sessions/engine-log` → `tix-sessions`. */
export const cacheOfGroup = (group: string): string | null => {
  if (!group.startsWith(cachePrefix)) return null
  const name = group.slice(cachePrefix.length).split("/")[0] ?? ""
  return name.length >= 3 ? name : null
}

/** Whether `text` names `cache` as a word (not inside a longer name). */
const names = (text: string, cache: string): boolean => {
  const lower = text.toLowerCase()
  let at = lower.indexOf(cache)
  while (at !== -1) {
    const before = lower[at - 1] ?? " "
    const after = lower[at + cache.length] ?? " "
    if (!/[a-z0-9-]/.test(before) && !/[a-z0-9]/.test(after)) return true
    at = lower.indexOf(cache, at + 1)
  }
  return false
}

// A cache at its limit in its own words: maxmemory reached, keys evicted or writes refused.
const fullWords =
  /\b(?:reached|at|over|exceeds?|>=?)\s+maxmemory\b|\bevicted_keys\s*[=:]\s*[1-9]|\beviction rate\s+[1-9]|\bOOM command not allowed\b/i

/** The engine's message inside ElastiCache's JSON envelope, else the line as it is. */
const messageOf = (line: LogLine): string => {
  const m = /"Message"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(line.message)
  return (m?.[1] ?? line.message).replace(/\\"/g, '"')
}

/** One finding per cache whose own log says it is at its memory limit; none for a healthy one. */
export const cacheMemoryFindings = (
  lines: ReadonlyArray<LogLine>,
  link: (group: string) => string | null,
): ReadonlyArray<Finding> => {
  const byCache = new Map<string, Array<LogLine>>()
  for (const l of lines) {
    const cache = cacheOfGroup(l.group)
    if (cache === null || !fullWords.test(messageOf(l))) continue
    byCache.set(cache, [...(byCache.get(cache) ?? []), l])
  }
  return [...byCache].flatMap(([cache, ls]): ReadonlyArray<Finding> => {
    const sorted = [...ls].sort((a, b) => a.timestampMs - b.timestampMs)
    const first = sorted[0]
    const last = sorted[sorted.length - 1]
    if (first === undefined || last === undefined) return []
    const words = [...new Set(sorted.map(messageOf))].slice(0, 2).join("; ")
    const finding: Finding = {
      id: "",
      agent: "cloudwatch_logs",
      title: redact(clipText(`${cache}: cache memory at maxmemory, evicting keys — ${words}`, 240)),
      detail: redact(
        `The cache ${cache}'s own log (${first.group}) says it is at its memory limit from ` +
          `${utcHhmm(first.timestampMs)} to ${utcHhmm(last.timestampMs)} UTC (${sorted.length} line(s)). ` +
          "At maxmemory Redis evicts keys by its policy (or refuses writes under noeviction): what its " +
          "clients stored — sessions, carts, tokens — disappears before it expires, and they see it " +
          "as sessions not found, logins lost, cache misses. Free memory (shorter TTLs, smaller values) " +
          "or scale the node; the evictions stop once used memory falls below maxmemory.",
      ),
      severity: "high",
      kind: "cache_memory_full",
      observedAt: DateTime.unsafeMake(first.timestampMs),
      resource: `loggroup/${first.group}`,
      service: cache,
      link: link(first.group),
      excerpt: redact(clipText(messageOf(last), 300)),
    }
    return [finding]
  })
}

/**
 * The ElastiCache groups of the caches `text` names (the alert and the lines read), read for a
 * cache at its limit.
 */
export const sweepCacheMemory = (
  source: LogSourceService,
  text: string,
  range: Range,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<Finding>, LogSourceError> =>
  Effect.gen(function* () {
    const found = yield* groupNamesUnder(source, [{ prefix: cachePrefix }], 50, 1)
    const groups = [...new Set(found)]
      .filter((g) => {
        const cache = cacheOfGroup(g)
        return cache !== null && names(text, cache)
      })
      .slice(0, maxGroups)
    if (groups.length === 0) return []
    const outcome = yield* runInsightsQuery(
      source,
      { logGroups: groups, ...range, query: cacheMemoryQuery },
      answerByMs,
    )
    return cacheMemoryFindings(linesOf(outcome.rows, groups), (group) =>
      source.consoleUrl({ logGroups: [group], query: cacheMemoryQuery, ...range }),
    )
  })
