/**
 * An API's 5xx traced to the HTTP service its Lambda calls: the function handles the callee's 503
 * ("no healthy upstream", Envoy's "upstream connect error") and answers the gateway 502 itself, so
 * no exception is thrown and the gateway's lines ("Endpoint response body before transformations")
 * only carry the function's own answer. The function's log names the callee (a `dependency` key,
 * the URL's host) and the status it got: that callee answering that status is the cause to name.
 * A failure is tied to the API's 5xx by time (within `tieMs` of a gateway 5xx line); an AWS SDK's
 * refusal (`Service: Textract, Status Code: 400`) is no HTTP dependency's (aws-throttling.ts).
 */
import { type GatewayTied, gatewayTieMs } from "./integration-exceptions.js"
import type { LogLine } from "./log-clusters.js"

export interface DownstreamFailure {
  readonly callee: string
  readonly status: number | null
  /** The callee's words for it: "no healthy upstream", "Service Unavailable". */
  readonly reason: string
}

export interface DownstreamFailures extends DownstreamFailure, GatewayTied {}

const tieMs = gatewayTieMs

// A proxy's or mesh's own words for a callee with no instance to send to.
const proxyPhrases =
  /no healthy upstream|upstream connect error[^"<]{0,80}|no (?:healthy|available) (?:hosts?|targets?|endpoints?)/i
const statusText =
  /\b(Service Unavailable|Bad Gateway|Gateway Time-?out|Internal Server Error|Too Many Requests)\b/i
// `"status":503`, `statusCode=503`, `status code 503`, `HTTP 503`, `returned 503`.
const statusOf =
  /(?:\bstatus(?:_?code|Code)?["']?\s*[:=]?\s*["']?|\bHTTP\/?[\d.]*\s+|\b(?:returned|answered|got|responded(?: with)?)\s+)(5\d\d)\b/i
// The callee as a key (`"dependency":"policy-lookup"`), then as the URL's first host label.
const keyed =
  /["']?\b(?:dependency|downstream|callee|upstream(?:_service)?|target_service|service_name|remote_service)["']?\s*[:=]\s*["']?([A-Za-z][\w.-]{1,62}[A-Za-z0-9])/i
const urlHost = /\bhttps?:\/\/([A-Za-z][\w-]{1,62})(?:[.:/]|\b)/i
const awsSdk = /\(Service: [A-Za-z]+|amazonaws\.com/i

const notCallees = new Set(["localhost", "unavailable", "error", "none", "null", "unknown", "http", "https"])

// A structured line often names the system in its message and which one in a field of that name:
// `{"msg":"EFM ReviewFiling failed","efm":"courtbridge"}`, `msg="carrier rate call failed"
// carrier=shipfast`. The field whose key the message says is the callee; its value is a name (no
// digits: an id such as `"order":"A-1093"` is the subject, not a system).
const messageText = /["']?\b(?:msg|message|event)["']?\s*[:=]\s*["']([^"']{1,200})["']/i
const fieldPair =
  /["']?\b([A-Za-z]{2,20})["']?\s*[:=]\s*["']?([A-Za-z][A-Za-z.-]{0,60}[A-Za-z])\b(?![:\w/-])/g
// Keys that name what failed (the request's subject), not whom it was sent to.
const subjectKeys = new Set([
  "msg",
  "message",
  "event",
  "level",
  "user",
  "account",
  "customer",
  "order",
  "request",
  "job",
  "task",
  "file",
  "document",
  "item",
  "payment",
  "tenant",
  "method",
  "path",
  "route",
  "status",
  "error",
  "reason",
  "body",
  "type",
  "operation",
  "action",
  "name",
  "env",
  "region",
  "stage",
])

const namedInMessage = (message: string): string | undefined => {
  const said = messageText.exec(message)?.[1]
  if (said === undefined) return undefined
  for (const [, key = "", value = ""] of message.matchAll(fieldPair)) {
    const k = key.toLowerCase()
    if (subjectKeys.has(k)) continue
    if (new RegExp(`\\b${k}\\b`, "i").test(said)) return value
  }
  return undefined
}

/** The failing HTTP call a Lambda log line reports (the callee and its 5xx), if it reports one. */
export const downstreamFailureOf = (message: string): DownstreamFailure | null => {
  if (awsSdk.test(message)) return null
  const status = statusOf.exec(message)?.[1]
  const proxy = proxyPhrases.exec(message)?.[0]
  if (status === undefined && proxy === undefined) return null
  const callee = keyed.exec(message)?.[1] ?? namedInMessage(message) ?? urlHost.exec(message)?.[1]
  if (callee === undefined || notCallees.has(callee.toLowerCase())) return null
  const text = statusText.exec(message)?.[1]
  const reason = [text, proxy?.trim()].filter((s): s is string => s !== undefined).join(", ")
  return { callee, status: status === undefined ? null : Number(status), reason }
}

// API Gateway cuts an integration at 29 s: a function retrying a failing callee logs each failure
// up to that long before the gateway's 504 ("Endpoint request timed out"), not seconds from it.
const integrationLimitMs = 30_000
const gatewayTimeout = /\b504\b|timed? ?out|timeout/i

const tiedTo = (failureMs: number, g: LogLine): boolean => {
  const before = g.timestampMs - failureMs
  if (Math.abs(before) <= tieMs) return true
  return before > 0 && before <= integrationLimitMs && gatewayTimeout.test(g.message)
}

const functionOf = (group: string): string | null => /^\/aws\/lambda\/(.+)$/.exec(group)?.[1] ?? null

const commonest = (xs: ReadonlyArray<string>): string => {
  const counts = new Map<string, number>()
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0] ?? ""
}

/**
 * The callees failing the Lambda functions of `lines` near the gateway's 5xx (`gateway`), most
 * tied first. A callee failing once, or never near a 5xx, is not the API's cause.
 */
export const downstreamFailuresOf = (
  lines: ReadonlyArray<LogLine>,
  gateway: ReadonlyArray<LogLine>,
): ReadonlyArray<DownstreamFailures> => {
  const byCallee = new Map<string, Array<{ line: LogLine; f: DownstreamFailure; fn: string }>>()
  for (const line of lines) {
    const fn = functionOf(line.group)
    const f = fn === null ? null : downstreamFailureOf(line.message)
    if (fn === null || f === null) continue
    const key = `${fn}\u0000${f.callee.toLowerCase()}`
    byCallee.set(key, [...(byCallee.get(key) ?? []), { line, f, fn }])
  }
  return [...byCallee.values()]
    .flatMap((hits): ReadonlyArray<DownstreamFailures> => {
      const first = hits[0]
      if (first === undefined || hits.length < 2) return []
      const tied = gateway.filter((g) => hits.some((h) => tiedTo(h.line.timestampMs, g)))
      if (tied.length === 0) return []
      const statuses = hits.flatMap((h) => (h.f.status === null ? [] : [String(h.f.status)]))
      const status = statuses.length === 0 ? null : Number(commonest(statuses))
      const times = hits.map((h) => h.line.timestampMs)
      return [
        {
          fn: first.fn,
          group: first.line.group,
          callee: first.f.callee,
          status,
          reason: commonest(hits.map((h) => h.f.reason).filter((r) => r !== "")),
          failures: hits.length,
          firstMs: Math.min(...times),
          lastMs: Math.max(...times),
          gatewayErrors: tied.length,
          example: (hits.find((h) => h.f.reason !== "") ?? first).line.message,
        },
      ]
    })
    .sort((a, b) => b.gatewayErrors - a.gatewayErrors || b.failures - a.failures)
}
