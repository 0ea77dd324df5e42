/**
 * The logs agent's Logs Insights queries and how their rows become log lines: one bounded
 * query for the error lines of the window (newest first, 1,000 rows at most, so a noisy group
 * cannot flood the report — W16), and per signature a narrower query for the console link,
 * filtering on the signature's longest literal stretch. Pure.
 */
import type { LogCluster, LogLine } from "../../domain/log-clusters.js"
import { parseInsightsTimestamp } from "../../domain/log-insights-run.js"

export const queryRowLimit = 1000

/** The error lines of the window, newest first (the signature step clusters them). */
export const errorQuery = [
  "fields @timestamp, @message, @logStream, @log",
  "| filter @message like /(?i)(error|fatal|exception|panic|fail|timeout|timed out|refused|denied|out of memory|oom|too many|unavailable| 5\\d\\d )/",
  "| sort @timestamp desc",
  `| limit ${queryRowLimit}`,
].join("\n")

/** A result row as a log line; `@log` is `<account>:<group>` (the group alone when only one was queried). */
export const lineOf = (
  row: Readonly<Record<string, string>>,
  groups: ReadonlyArray<string>,
): LogLine | null => {
  const timestampMs = parseInsightsTimestamp(row["@timestamp"] ?? "")
  const message = row["@message"]
  if (timestampMs === null || message === undefined) return null
  const log = row["@log"]
  const group =
    log === undefined ? (groups.length === 1 ? (groups[0] ?? "") : "") : log.replace(/^\d{12}:/, "")
  return { timestampMs, message, stream: row["@logStream"] ?? "", group }
}

/** The longest literal stretch of a signature (no placeholders, no quotes), to filter its lines by. */
export const literalOf = (c: LogCluster): string | null => {
  // Whole tokens holding a placeholder (`<n>ms`, `"<str>"`) are variable; so is leading punctuation.
  const parts = c.signature.split(/\S*<[a-z0-9]+>\S*/).map((p) => p.replace(/^[^\w]+/, "").trim())
  const full = parts.reduce((a, b) => (b.length > a.length ? b : a), "")
  // At most 80 characters, cut at a word boundary.
  const longest = (full.length <= 80 ? full : full.slice(0, 80).replace(/\s+\S*$/, "")).trim()
  return longest.length >= 8 && !/["\\]/.test(longest) && c.example.message.includes(longest) ? longest : null
}

/** The query behind a signature's console link: its own lines when a literal picks them out. */
export const signatureQuery = (c: LogCluster): string => {
  const literal = literalOf(c)
  return literal === null
    ? errorQuery
    : `fields @timestamp, @message, @logStream, @log\n| filter @message like "${literal}"\n| sort @timestamp desc\n| limit 200`
}
