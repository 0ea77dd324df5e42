/**
 * What of ours drove the calls a third party rate-limits: a workload refused by the same provider
 * (a batch job sharing the API key: "label-prefetch … shipengine 429 rate_limit_exceeded") or a
 * bulk producer that put a large batch onto the queue the alert is about ("campaign=spring-sale
 * enqueued=1183402 … queue=email-dispatch"). The provider's limit is the dependency's; the job,
 * the campaign, the backfill is the change that used it up, and a good cause names both. Pure.
 */
import type { LogLine } from "./log-clusters.js"
import { providerOfLine } from "./provider-limit.js"

/** A call refused for its rate, in lower case: 429, Too Many Requests, rate limit(ed|_exceeded). */
export const rateLimitWords = /\b429\b|too many requests|rate[ _-]?limit(?:ed|ing|s|_exceeded)?(?![a-z])/i

// A producer's words for a large batch: enqueued, fan-out, recipients, bulk, a campaign, a backfill.
const bulkWords =
  /\b(?:enqueu\w*|fan[ -]?out|recipients|bulk|batch(?:es)?|campaign|backfill|blast|published|prefetch\w*)\b/i
// A count worth a flood: 1000 or more ("enqueued":1284330, recipients=1183402, "1,284,330").
const bigCount = /(?<![\w.])(\d{1,3}(?:,\d{3})+|\d{4,})(?![\w.])/g

/** The third parties the lines say refused calls for their rate (provider names, lower case). */
export const rateLimitingProviders = (lines: ReadonlyArray<LogLine>): ReadonlyArray<string> => [
  ...new Set(
    lines.flatMap((l) => {
      if (!rateLimitWords.test(l.message)) return []
      const provider = providerOfLine(l.message)
      return provider === null ? [] : [provider]
    }),
  ),
]

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")

// A name as a whole word, or a part of a longer name (`email-send` in `prod-email-send`).
const namesWord = (text: string, name: string): boolean =>
  new RegExp(`(?<![A-Za-z0-9])${escapeRe(name)}(?![A-Za-z0-9])`, "i").test(text)

/** The whole name a line gives for `name` (`prod-email-send` for `email-send`). */
const fullName = (text: string, name: string): string =>
  new RegExp(`[A-Za-z0-9_.-]*${escapeRe(name)}[A-Za-z0-9_.-]*`, "i").exec(text)?.[0] ?? name

/** The largest count a line states, or null. */
export const largestCount = (text: string): number | null => {
  const counts = [...text.matchAll(bigCount)].map((m) => Number((m[1] ?? "").replace(/,/g, "")))
  return counts.length === 0 ? null : Math.max(...counts)
}

export interface LoadDriver {
  /** The workload that drove the calls (its log group's or stream's name). */
  readonly owner: string
  /** How: refused by the same provider, or flooding the alert's queue. */
  readonly how: "shares_limit" | "floods_queue"
  /** The provider (shares_limit) or the queue (floods_queue) the line names. */
  readonly target: string
  /** Its first line saying so. */
  readonly line: LogLine
  /** The batch's size when the line states one. */
  readonly count: number | null
}

export interface DriverInput {
  /** Lines read beyond the rate-limited services' own (any workload's). */
  readonly lines: ReadonlyArray<LogLine>
  /** Whose a line is (the workload its group or stream names), null when unknown. */
  readonly ownerOf: (l: LogLine) => string | null
  /** The providers that rate-limit the alert's services. */
  readonly providers: ReadonlyArray<string>
  /** The alert's queues and resources (names a producer's lines would give). */
  readonly queues: ReadonlyArray<string>
  /** The rate-limited services themselves: their own lines drive nothing. */
  readonly subjects: ReadonlyArray<string>
}

/**
 * The workloads whose lines show them driving the rate-limited calls, earliest first, one per
 * workload: refused by the same provider, or a bulk batch (≥ 1000) onto the alert's queue.
 */
export const loadDriversOf = (input: DriverInput): ReadonlyArray<LoadDriver> => {
  const subjects = new Set(input.subjects.map((s) => s.toLowerCase()))
  const found = [...input.lines]
    .sort((a, b) => a.timestampMs - b.timestampMs)
    .flatMap((line): ReadonlyArray<LoadDriver> => {
      const owner = input.ownerOf(line)
      if (owner === null || subjects.has(owner.toLowerCase())) return []
      const text = line.message
      const provider = input.providers.find((p) => namesWord(text, p) || providerOfLine(text) === p)
      if (provider !== undefined && rateLimitWords.test(text))
        return [{ owner, how: "shares_limit", target: provider, line, count: largestCount(text) }]
      const queue = input.queues.find((q) => q.length >= 4 && namesWord(text, q))
      const count = largestCount(text)
      if (queue !== undefined && bulkWords.test(text) && count !== null && count >= 1000)
        return [{ owner, how: "floods_queue", target: fullName(text, queue), line, count }]
      return []
    })
  return found.filter((d, i) => found.findIndex((o) => o.owner === d.owner) === i)
}
