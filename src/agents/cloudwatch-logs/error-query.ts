/**
 * The logs agent's Logs Insights queries and how their rows become log lines: one bounded
 * query for the error lines of the window (newest first, 1,000 rows at most, so a noisy group
 * cannot flood the report — W16), and per signature a narrower query for the console link,
 * filtering on the signature's longest literal stretch. A shared group (a cluster's application
 * logs found by search) is queried only for the lines about the alert's names: their stream
 * (`<pod>_<namespace>_<container>`, or a shipper's name holding it) or their text names one —
 * Container Insights lines are JSON with a `kubernetes` object, so `kubernetes.pod_name` and
 * `kubernetes.container_name` are in `@message` too, whether or not Insights discovered the
 * fields. With no name, the namespace narrows instead. Pure.
 */
import type { LogCluster, LogLine } from "../../domain/log-clusters.js"
import { parseInsightsTimestamp } from "../../domain/log-insights-run.js"
import { readableLogMessage } from "../../domain/log-structured.js"
import { foldTracebackEvents } from "../../domain/log-traceback-fold.js"

export const queryRowLimit = 1000

const errorLines = [
  "fields @timestamp, @message, @logStream, @log",
  // klog's E/F lines ("E0118 07:05:41 … SSL certificate expired") name no error word; pino and
  // bunyan JSON lines say "level":50 (error) or 60 (fatal), escaped (\\") inside a shipper's
  // envelope; 401/403 answers are errors worth reading; PostgreSQL logs a lock queue at LOG level
  // ("process 28902 still waiting for AccessShareLock"); a load balancer's or kubelet's health
  // check answered with a 4xx/5xx is the service failing it; a run skipped because another
  // holds its lock is a job doing nothing; a network policy agent's DENY verdict is a flow dropped;
  // a proxy's JSON access line answering 502/503/504 names the Service and Ingress it cut.
  // A traceback shipped one line per event opens with "Traceback (most recent call last):", no
  // error word (log-traceback-fold.ts reads it with its exception); the exception's own event
  // (`ValueError: …`, `java.lang.IllegalStateException: …`) is kept by the error/exception stems.
  // A gateway rejecting a request with a 401/403 logs it at WARN (`authn reject … status=401`),
  // and counts its rejections in an INFO stats line (`accepted=412 rejected=6538`): both are read,
  // and log-rejected-requests.ts decides which stand for failures.
  '| filter @message like /(?i)(reject.{0,200}[ =:]40[13]\\b|rejected\\\\?"?[=:]|error|fatal|exception|traceback|panic|fail|timeout|timed out|refused|denied|unauthori[sz]ed|forbidden|out of memory|oom|too many|unavailable|expired|exceed|still waiting for|lock wait|verdict: ?deny|held by|skipping run|already locked| 5\\d\\d | 40[13] |status(?:Code|_code)?\\\\?"?: ?40[13]\\b|status\\\\?"?: ?"?50[234]\\b|level\\\\?"?: ?[56]0\\b|" [45]\\d\\d .{0,120}(?:ELB-HealthChecker|kube-probe))/ or @message like /^(\\{"log":")?[EF]\\d{4} \\d\\d:/',
]
const newestFirst = ["| sort @timestamp desc", `| limit ${queryRowLimit}`]

/** The error lines of the window, newest first (the signature step clusters them). */
export const errorQuery = [...errorLines, ...newestFirst].join("\n")

/** Names safe to put in a query's regex or string as they are (DNS-label-like). */
const plainName = /^[a-z0-9][a-z0-9._-]{2,62}$/
const asRegex = (name: string): string => name.replace(/\./g, "\\.")

/**
 * The condition picking a shared group's lines about `names` (their stream or text names one),
 * or with no usable name about `namespace`; null when neither gives one.
 */
export const scopeCondition = (names: ReadonlyArray<string>, namespace: string | null): string | null => {
  const usable = [...new Set(names.map((n) => n.toLowerCase()))].filter((n) => plainName.test(n))
  if (usable.length > 0) {
    const re = usable.map(asRegex).join("|")
    return `@logStream like /(?i)(${re})/ or @message like /(?i)(${re})/`
  }
  const ns = namespace?.toLowerCase() ?? ""
  return plainName.test(ns) && !ns.includes(".")
    ? `@logStream like /_${ns}_/ or kubernetes.namespace_name = "${ns}"`
    : null
}

/** The error query narrowed by a scope condition (for shared groups). */
export const scopedErrorQuery = (condition: string): string =>
  [...errorLines, `| filter ${condition}`, ...newestFirst].join("\n")

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
  // JSON lines (a shipper's envelope, an application's structured log) read as text.
  return { timestampMs, message: readableLogMessage(message), stream: row["@logStream"] ?? "", group }
}

/**
 * The rows that read as log lines (see `lineOf`), in order; a traceback shipped one line per event
 * is read by its exception (log-traceback-fold.ts).
 */
export const linesOf = (
  rows: ReadonlyArray<Readonly<Record<string, string>>>,
  groups: ReadonlyArray<string>,
): ReadonlyArray<LogLine> =>
  foldTracebackEvents(
    rows.flatMap((r) => {
      const line = lineOf(r, groups)
      return line === null ? [] : [line]
    }),
  )

/** The longest literal stretch of a signature (no placeholders, no quotes), to filter its lines by. */
export const literalOf = (c: LogCluster): string | null => {
  // Whole tokens holding a placeholder (`<n>ms`, `"<str>"`) are variable; so is leading punctuation.
  const parts = c.signature.split(/\S*<[a-z0-9]+>\S*/).map((p) => p.replace(/^[^\w]+/, "").trim())
  const full = parts.reduce((a, b) => (b.length > a.length ? b : a), "")
  // At most 80 characters, cut at a word boundary.
  const longest = (full.length <= 80 ? full : full.slice(0, 80).replace(/\s+\S*$/, "")).trim()
  return longest.length >= 8 && !/["\\]/.test(longest) && c.example.message.includes(longest) ? longest : null
}

/** The query behind a signature's console link: its own lines when a literal picks them out, else `fallback`'s. */
export const signatureQuery = (c: LogCluster, fallback = errorQuery): string => {
  const literal = literalOf(c)
  return literal === null
    ? fallback
    : `fields @timestamp, @message, @logStream, @log\n| filter @message like "${literal}"\n| sort @timestamp desc\n| limit 200`
}
