/**
 * An API's 5xx traced to its integration's unhandled exception: API Gateway answers 502 when the
 * Lambda it integrates throws ("Lambda execution failed … customer function error",
 * `Lambda.FunctionError`), and 504 when it runs out of time. The gateway's own lines only say
 * "Internal server error"; the exception (its type and message) is in the function's log, so that
 * is the cause to name. A function's exception is the 5xx's cause only when it is tied to them: its
 * message is what the gateway's lines quote, or it failed within seconds of a 5xx while its name
 * carries the API's. An exception on another function, or hours before the 5xx, is not.
 */
import type { LogLine } from "./log-clusters.js"

export interface LambdaException {
  readonly errorType: string
  readonly errorMessage: string
}

/**
 * A Lambda's failures tied to its API's 5xx: where, how many, when, how many gateway errors they
 * explain and one line as the example. Shared by what a failure is (an unhandled exception here, a
 * failing callee in downstream-http-failure.ts).
 */
export interface GatewayTied {
  readonly fn: string
  readonly group: string
  readonly failures: number
  readonly firstMs: number
  readonly lastMs: number
  /** The gateway's 5xx lines the failures explain (within `gatewayTieMs` of one, or quoting it). */
  readonly gatewayErrors: number
  readonly example: string
}

export interface IntegrationException extends LambdaException, GatewayTied {}

/** How close in time a Lambda's failure and a gateway 5xx must be to be the same request's. */
export const gatewayTieMs = 5_000
const tieMs = gatewayTieMs

/** Node's `Invoke Error {"errorType":…,"errorMessage":…}` (also the runtime's unhandled rejection). */
const nodeInvokeError = /"errorType"\s*:\s*"([^"]+)"\s*,\s*"errorMessage"\s*:\s*"((?:[^"\\]|\\.)*)"/
/** Python's `[ERROR] KeyError: 'clinic'` and a Traceback's last line. */
const pythonError = /\[ERROR\]\s+(?:\S+\s+)?([A-Z][A-Za-z0-9_.]*(?:Error|Exception))\s*:\s*(.*)/
const timedOut = /Task timed out after ([\d.]+) seconds/

/** The exception a Lambda log line reports, if it reports one. */
export const lambdaExceptionOf = (message: string): LambdaException | null => {
  const node = nodeInvokeError.exec(message)
  if (node?.[1] !== undefined && node[2] !== undefined)
    return { errorType: node[1], errorMessage: node[2].replace(/\\(.)/g, "$1") }
  const python = pythonError.exec(message)
  if (python?.[1] !== undefined) return { errorType: python[1], errorMessage: (python[2] ?? "").trim() }
  if (/Runtime\.UnhandledPromiseRejection/.test(message))
    return {
      errorType: "Runtime.UnhandledPromiseRejection",
      errorMessage: message.replace(/.*Rejection\W*/, ""),
    }
  const late = timedOut.exec(message)
  if (late !== null) return { errorType: "Task timed out", errorMessage: `after ${late[1]} seconds` }
  return null
}

/** A gateway log line answering 5xx (access log `"status":"502"`, execution log `status: 502`). */
export const gatewayServerError = (message: string): boolean =>
  /\bstatus\W{0,4}5\d\d\b/i.test(message) || /Lambda\.FunctionError|customer function error/.test(message)

/** Groups whose lines are the gateway's (access and execution logs). */
export const isGatewayGroup = (group: string): boolean => /apigateway|api-gateway/i.test(group)

const functionOf = (group: string): string | null => /^\/aws\/lambda\/(.+)$/.exec(group)?.[1] ?? null

const words = (s: string): ReadonlyArray<string> =>
  s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2)

/** The function's name carries the API's (`booking-api-prod` → `booking-api-prod-createAppointment`). */
const namedAfter = (fn: string, apis: ReadonlyArray<string>): boolean => {
  const own = new Set(words(fn))
  return apis.some((api) => {
    const ws = words(api)
    return ws.length > 0 && ws.filter((w) => own.has(w)).length >= Math.min(2, ws.length)
  })
}

/**
 * The exceptions of Lambda functions the gateway's 5xx lines point at, most failures first.
 * `apis` are the API's names (the alert's); with no gateway 5xx line read there is nothing to trace.
 */
export const integrationExceptionsOf = (
  lines: ReadonlyArray<LogLine>,
  apis: ReadonlyArray<string>,
): ReadonlyArray<IntegrationException> => {
  const gateway = lines.filter((l) => isGatewayGroup(l.group) && gatewayServerError(l.message))
  const byFn = new Map<string, Array<{ line: LogLine; e: LambdaException }>>()
  for (const line of lines) {
    const fn = functionOf(line.group)
    const e = fn === null ? null : lambdaExceptionOf(line.message)
    if (fn === null || e === null) continue
    byFn.set(fn, [...(byFn.get(fn) ?? []), { line, e }])
  }
  return [...byFn.entries()]
    .flatMap(([fn, hits]): ReadonlyArray<IntegrationException> => {
      // The commonest exception of the function is the one to name.
      const counts = new Map<string, number>()
      for (const h of hits) counts.set(h.e.errorType, (counts.get(h.e.errorType) ?? 0) + 1)
      const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0]
      const same = hits.filter((h) => h.e.errorType === top)
      const first = same[0]
      if (first === undefined) return []
      const quoted = (g: LogLine): boolean =>
        same.some((h) => h.e.errorMessage.length >= 8 && g.message.includes(h.e.errorMessage.slice(0, 60)))
      const near = (g: LogLine): boolean =>
        same.some((h) => Math.abs(h.line.timestampMs - g.timestampMs) <= tieMs)
      const named = namedAfter(fn, apis)
      const explained = gateway.filter((g) => quoted(g) || (named && near(g)))
      // No gateway 5xx read: no API answer to trace (a scheduled function's errors are another class).
      if (explained.length === 0) return []
      const times = same.map((h) => h.line.timestampMs)
      return [
        {
          fn,
          group: first.line.group,
          errorType: first.e.errorType,
          errorMessage: first.e.errorMessage,
          failures: same.length,
          firstMs: Math.min(...times),
          lastMs: Math.max(...times),
          gatewayErrors: explained.length,
          example: first.line.message,
        },
      ]
    })
    .sort((a, b) => b.gatewayErrors - a.gatewayErrors || b.failures - a.failures || a.fn.localeCompare(b.fn))
}

/** A gateway line answering only a client error (a 429 throttle, a 404): no 5xx's cause. */
export const clientErrorOnly = (message: string): boolean =>
  /\bstatus\W{0,4}4\d\d\b/i.test(message) && !gatewayServerError(message)
