/**
 * When the alert's services are rate-limited by a third party (429 from an email, SMS, payment
 * or carrier API — domain/provider-limit.ts), what of ours drove the calls: the pass scoped to the
 * alert's names never reads a batch job's or a campaign scheduler's own group. One Logs Insights
 * query, over the groups beside the ones read (same prefix, Lambda, Batch) and those read, for
 * lines naming the provider or the alert's queue, from an hour before the window; a workload
 * refused by the same provider (sharing its limit) or one that put a bulk batch onto the alert's
 * queue is a `provider_load` finding — a change of the rate-limited service, so the cause reads
 * "<job> … followed by rate limited (429) in <service>". A job's own first line (its start)
 * dates it when a second, one-stream query finds it in time.
 */
import { DateTime, Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import type { LogLine } from "../../domain/log-clusters.js"
import { logOrigin } from "../../domain/log-origin.js"
import { providerOfLine } from "../../domain/provider-limit.js"
import { type LoadDriver, loadDriversOf, rateLimitWords } from "../../domain/provider-load.js"
import { redact } from "../../domain/redact.js"
import { clipText } from "../../domain/report-text.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { lineOf } from "./error-query.js"
import { groupNamesUnder } from "./group-names.js"
import type { Range } from "./query-pass.js"
import { runInsightsQuery } from "./run-query.js"

const rowLimit = 500
const maxGroups = 40
const maxDrivers = 2
/** A job that drove the calls started before the window: read from an hour before it. */
const leadMs = 3_600_000
/** Where batch jobs and producers log besides the groups read: their siblings, Lambda, Batch. */
const extraPrefixes = ["/aws/lambda/", "/aws/batch/"] as const

const ownerOf = (l: LogLine): string | null => logOrigin(l.group, l.stream).service

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")

/** The query for lines naming any of `words` (providers, queues), earliest first. */
export const providerLoadQuery = (words: ReadonlyArray<string>): string =>
  [
    "fields @timestamp, @message, @logStream, @log",
    `| filter @message like /(?i)(${words.map(escapeRe).join("|")})/`,
    "| sort @timestamp asc",
    `| limit ${rowLimit}`,
  ].join("\n")

/** `/ecs/email-worker` → `/ecs/`: the prefix its siblings share (none for a cluster's shared group). */
export const siblingPrefix = (group: string): string | null => {
  if (/^\/aws\/containerinsights\//.test(group)) return null
  const cut = group.lastIndexOf("/")
  return cut <= 0 ? null : group.slice(0, cut + 1)
}

const quoted = (l: LogLine): string => `"${clipText(l.message.replace(/\s+/g, " ").trim(), 110)}"`

/** A driver as a change of the rate-limited service `subject`. */
export const driverFinding = (
  d: LoadDriver,
  start: LogLine | null,
  subject: string,
  provider: string,
  link: string | null,
): Finding => {
  const first = start !== null && start.timestampMs <= d.line.timestampMs ? start : d.line
  const at = `${utcHhmm(first.timestampMs)} UTC`
  const title =
    d.how === "shares_limit"
      ? `${d.owner} run from ${at} (${quoted(first)}) is refused by ${provider} too (${quoted(d.line)}): it uses up the rate limit ${subject} shares`
      : `${d.owner} put a bulk batch${d.count === null ? "" : ` of ${d.count}`} onto ${d.target} at ${at} (${quoted(d.line)}): the load ${provider} rate-limits ${subject} on`
  return {
    id: "",
    agent: "cloudwatch_logs",
    title: redact(title),
    detail: redact(
      `${subject}'s calls to ${provider} are refused for its rate (429). ${d.owner} (${d.line.group}) ` +
        (d.how === "shares_limit"
          ? `calls ${provider} too and is refused as well from ${utcHhmm(d.line.timestampMs)} UTC: its run spends the rate limit both share.`
          : `enqueued a bulk batch onto ${d.target} at ${utcHhmm(d.line.timestampMs)} UTC: the worker's calls to send it exceed ${provider}'s rate limit.`),
    ),
    severity: "medium",
    kind: "provider_load",
    observedAt: DateTime.unsafeMake(first.timestampMs),
    resource: `loggroup/${d.line.group}`,
    service: subject,
    link,
    excerpt: redact(clipText(d.line.message, 300)),
  }
}

/** The unscoped query for a provider's refusals by rate, over the shared groups read. */
export const providerLimitQuery = [
  "fields @timestamp, @message, @logStream, @log",
  "| filter @message like /(?i)(\\b429\\b|too many requests|rate.?limit)/",
  "| sort @timestamp desc",
  `| limit ${rowLimit}`,
].join("\n")

/** A workload refused by a provider for its rate, from lines the scoped pass could not read. */
export const rateLimitedFinding = (
  owner: string,
  provider: string,
  lines: ReadonlyArray<LogLine>,
  link: string | null,
): Finding | null => {
  const sorted = [...lines].sort((a, b) => a.timestampMs - b.timestampMs)
  const first = sorted[0]
  if (first === undefined) return null
  return {
    id: "",
    agent: "cloudwatch_logs",
    title: redact(
      `${owner}: rate limited by ${provider} — 429 Too Many Requests (×${lines.length} from ${utcHhmm(first.timestampMs)} UTC)`,
    ),
    detail: redact(
      `${owner}'s calls to the third party ${provider} are refused for its rate; the client backs off and retries, ` +
        `so the work it consumes waits (${first.group}): ${quoted(first)}`,
    ),
    severity: "high",
    kind: "provider_rate_limited",
    observedAt: DateTime.unsafeMake(first.timestampMs),
    resource: `loggroup/${first.group}`,
    service: owner,
    link,
    excerpt: redact(clipText(first.message, 300)),
  }
}

/** The lines refused by a provider for its rate, with their workload and provider. */
const limitedOf = (lines: ReadonlyArray<LogLine>) =>
  lines.flatMap((l) => {
    const owner = rateLimitWords.test(l.message) ? ownerOf(l) : null
    const provider = owner === null ? null : providerOfLine(l.message)
    return owner === null || provider === null ? [] : [{ line: l, owner, provider }]
  })

export interface ProviderLoadInput {
  /** The lines the scoped passes read. */
  readonly read: ReadonlyArray<LogLine>
  /** The groups they read. */
  readonly groups: ReadonlyArray<string>
  /** Shared groups read for the alert's names, when those logged no error of their own: asked unscoped. */
  readonly unscoped: ReadonlyArray<string>
  /** The alert's names (its queue, its services). */
  readonly queues: ReadonlyArray<string>
  readonly range: Range
}

/**
 * The sweep (see the module header). A provider's 429s the scoped pass did not read (a worker
 * logs them at WARN in a shared group, under a name the alert does not give) are asked for first,
 * unscoped, over the shared groups: each workload refused is a `provider_rate_limited` finding.
 * Nothing rate-limited by a provider: no further query.
 */
export const sweepProviderLoad = (
  source: LogSourceService,
  input: ProviderLoadInput,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<Finding>, LogSourceError> =>
  Effect.gen(function* () {
    const { range, queues, groups } = input
    const own = limitedOf(input.read)
    const unread =
      own.length > 0 || input.unscoped.length === 0
        ? []
        : yield* runInsightsQuery(
            source,
            { logGroups: input.unscoped, ...range, query: providerLimitQuery },
            answerByMs,
          ).pipe(
            Effect.map((o) => limitedOf(o.rows.flatMap((r) => lineOf(r, input.unscoped) ?? []))),
            Effect.orElseSucceed((): ReturnType<typeof limitedOf> => []),
          )
    const limited = own.length > 0 ? own : unread
    const limitedLink = source.consoleUrl({ logGroups: input.unscoped, query: providerLimitQuery, ...range })
    const byOwner = new Map<string, { provider: string; lines: Array<LogLine> }>()
    for (const l of unread) {
      const entry = byOwner.get(`${l.owner}\u0000${l.provider}`) ?? { provider: l.provider, lines: [] }
      entry.lines.push(l.line)
      byOwner.set(`${l.owner}\u0000${l.provider}`, entry)
    }
    const refused = [...byOwner.entries()].flatMap(([key, e]) => {
      const f = rateLimitedFinding(key.split("\u0000")[0] ?? "", e.provider, e.lines, limitedLink)
      return f === null ? [] : [f]
    })
    const providers = [...new Set(limited.map((l) => l.provider))]
    const subjects = [...new Set(limited.map((l) => l.owner))]
    const subject = subjects[0]
    const provider = providers[0]
    if (subject === undefined || provider === undefined) return refused
    const prefixes = [...new Set([...groups.flatMap((g) => siblingPrefix(g) ?? []), ...extraPrefixes])]
    const found = yield* groupNamesUnder(
      source,
      prefixes.map((prefix) => ({ prefix })),
      20,
      3,
    )
    const searched = [...new Set([...groups, ...found])].slice(0, maxGroups)
    const words = [...providers, ...queues.filter((q) => q.length >= 4)]
    const query = providerLoadQuery(words)
    const wide = { startMs: range.startMs - leadMs, endMs: range.endMs }
    const outcome = yield* runInsightsQuery(source, { logGroups: searched, ...wide, query }, answerByMs).pipe(
      Effect.orElseSucceed(() => ({ rows: [] as ReadonlyArray<Readonly<Record<string, string>>> })),
    )
    // The raw line: a producer's JSON fields (`"queue"`, `"enqueued"`) are what its readable form drops.
    const lines = outcome.rows.flatMap((r) => {
      const line = lineOf(r, searched)
      return line === null ? [] : [{ ...line, message: r["@message"] ?? line.message }]
    })
    const drivers = loadDriversOf({ lines, ownerOf, providers, queues, subjects }).slice(0, maxDrivers)
    const link = source.consoleUrl({ logGroups: searched, query, ...wide })
    const loads = yield* Effect.forEach(drivers, (d) =>
      Effect.gen(function* () {
        // A job refused by the provider: its own first line in the range says when its run began.
        if (d.how !== "shares_limit" || d.line.stream === "")
          return driverFinding(d, null, subject, provider, link)
        const startQuery = [
          "fields @timestamp, @message, @logStream, @log",
          `| filter @logStream = "${d.line.stream.replace(/"/g, "")}"`,
          "| sort @timestamp asc",
          "| limit 3",
        ].join("\n")
        const start = yield* runInsightsQuery(
          source,
          { logGroups: [d.line.group], ...wide, query: startQuery },
          answerByMs,
        ).pipe(
          Effect.map((o) => o.rows.flatMap((r) => lineOf(r, [d.line.group]) ?? [])[0] ?? null),
          Effect.orElseSucceed(() => null),
        )
        return driverFinding(d, start, subject, provider, link)
      }),
    )
    return [...refused, ...loads]
  })
