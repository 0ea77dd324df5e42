/**
 * A Lambda function that ran out of time. Lambda ends an invocation at its configured limit
 * with "Task timed out after 300.00 seconds" and a REPORT line ending "Status: timeout"; an
 * async or scheduled invocation is then retried with the same RequestId (twice by default), so
 * one run that never fits in its limit shows as every attempt timing out and nothing completing
 * — the work it does (a report, an export) never happens, and the function logs no ERROR line a
 * signature would rank. A timeout among runs that still complete after it is a slow tail, not
 * the run that failed: low for one, medium for more, never high. Pure.
 */
import type { LogLine } from "./log-clusters.js"
import { serviceOfGroup } from "./log-origin.js"

export interface LambdaTimeouts {
  readonly fn: string
  readonly group: string
  /** The limit the lines state, in seconds, else null. */
  readonly limitSeconds: number | null
  /** Timed-out attempts (one per "Task timed out" or timed-out REPORT, the REPORT counted once). */
  readonly attempts: number
  /** Distinct RequestIds that timed out: retries of one run share it. */
  readonly runs: number
  /** Invocations that completed (a REPORT without a timeout) after the first timeout. */
  readonly completedAfter: number
  /** Invocations that completed before it. */
  readonly completedBefore: number
  readonly firstMs: number
  readonly lastMs: number
  readonly latest: string
}

const timedOut = /\bTask timed out after (\d+(?:\.\d+)?) seconds\b/
const reportLine = /^REPORT RequestId:\s*([0-9a-f-]{8,})/i
const timeoutStatus = /\bStatus:\s*timeout\b/i
const requestIdIn = /\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/i
const durationLimit = /\bDuration:\s*(\d+(?:\.\d+)?)\s*ms/

interface Attempt {
  readonly ms: number
  readonly requestId: string | null
  readonly limitSeconds: number | null
  readonly message: string
}

const isLambdaGroup = (group: string): boolean => /^\/aws\/lambda\//i.test(group)

/** One timed-out attempt per RequestId and stream (its "Task timed out" and REPORT lines are one). */
const attemptsOf = (lines: ReadonlyArray<LogLine>): ReadonlyArray<Attempt> => {
  const seen = new Map<string, Attempt>()
  for (const l of lines) {
    const t = timedOut.exec(l.message)
    const report = reportLine.exec(l.message)
    const isTimeout = t !== null || (report !== null && timeoutStatus.test(l.message))
    if (!isTimeout) continue
    const requestId = report?.[1] ?? requestIdIn.exec(l.message)?.[1] ?? null
    const reportMs = durationLimit.exec(l.message)?.[1]
    const limitSeconds =
      t?.[1] !== undefined ? Number(t[1]) : reportMs === undefined ? null : Number(reportMs) / 1000
    const key = `${l.stream}\u0000${requestId ?? l.timestampMs}`
    const before = seen.get(key)
    // The "Task timed out" line says the limit as configured; keep it over the REPORT's duration.
    if (before === undefined || (t !== null && timedOut.exec(before.message) === null))
      seen.set(key, { ms: l.timestampMs, requestId, limitSeconds, message: l.message })
  }
  return [...seen.values()]
}

/** The Lambda functions whose invocations timed out, the worst first (see the module header). */
export const lambdaTimeoutsOf = (lines: ReadonlyArray<LogLine>): ReadonlyArray<LambdaTimeouts> => {
  const byGroup = new Map<string, Array<LogLine>>()
  for (const l of lines) {
    if (!isLambdaGroup(l.group)) continue
    byGroup.set(l.group, [...(byGroup.get(l.group) ?? []), l])
  }
  return [...byGroup.entries()]
    .flatMap(([group, own]): ReadonlyArray<LambdaTimeouts> => {
      const attempts = [...attemptsOf(own)].sort((a, b) => a.ms - b.ms)
      const first = attempts[0]
      const last = attempts[attempts.length - 1]
      const fn = serviceOfGroup(group)
      if (first === undefined || last === undefined || fn === null) return []
      const completed = own.filter((l) => reportLine.test(l.message) && !timeoutStatus.test(l.message))
      return [
        {
          fn,
          group,
          limitSeconds: attempts.find((a) => timedOut.test(a.message))?.limitSeconds ?? first.limitSeconds,
          attempts: attempts.length,
          runs: new Set(attempts.map((a) => a.requestId ?? String(a.ms))).size,
          completedAfter: completed.filter((l) => l.timestampMs > first.ms).length,
          completedBefore: completed.filter((l) => l.timestampMs < first.ms).length,
          firstMs: first.ms,
          lastMs: last.ms,
          latest: last.message,
        },
      ]
    })
    .sort((a, b) => b.attempts - a.attempts || a.fn.localeCompare(b.fn))
}

/**
 * High when attempts were retried and nothing completed after the first (the run never
 * finished); one attempt is medium at most, low when later runs completed.
 */
export const lambdaTimeoutSeverity = (t: LambdaTimeouts): "high" | "medium" | "low" =>
  t.attempts >= 2 ? (t.completedAfter === 0 ? "high" : "medium") : t.completedAfter === 0 ? "medium" : "low"
