/**
 * A Lambda function at its memory limit. Lambda kills an invocation that allocates past its
 * configured memory: the runtime logs "Runtime exited with error: signal: killed" (Runtime.ExitError)
 * or Runtime.OutOfMemory, and the REPORT line reads `Memory Size: 1024 MB  Max Memory Used: 1024 MB`.
 * The function's own code logs no ERROR line for it, and whatever invoked it (a Step Functions
 * state machine, a queue) reports only the runtime's error — so the function and its limit are
 * the cause, not the orchestrator's ExecutionFailed. A REPORT well under the limit, or a timeout
 * ("Task timed out"), is not this class. Pure.
 */
import { type LogLine, linesByGroup } from "./log-clusters.js"
import { serviceOfGroup } from "./log-origin.js"

export interface LambdaMemoryLimit {
  readonly fn: string
  readonly group: string
  /** The configured memory, MB. */
  readonly sizeMb: number
  /** Invocations whose REPORT used all of it and that the runtime ended with an error. */
  readonly invocations: number
  /** Invocations that completed under the limit after the first one at it. */
  readonly completedAfter: number
  readonly firstMs: number
  readonly lastMs: number
  readonly latest: string
}

const reportLine = /^REPORT RequestId:\s*([0-9a-f-]{8,})/i
const memoryOf = /\bMemory Size:\s*(\d+)\s*MB\b[\s\S]*?\bMax Memory Used:\s*(\d+)\s*MB\b/i
const requestIdIn = /\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/i
/** The runtime's words for an invocation it ended: killed by the kernel, or out of memory. */
const killedWords = /signal: killed|Runtime\.OutOfMemory|Runtime\.ExitError|\bout of memory\b|MemoryError\b/i
const timedOut = /\bTask timed out after\b|\bStatus:\s*timeout\b/i

/** A Lambda function ARN's name, in any line (a state machine's task parameters escape its quotes). */
const functionArn = /arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:([A-Za-z0-9_-]{1,64})/g

/** The Lambda functions the lines name by ARN (a state machine's TaskScheduled, a trigger's config). */
export const lambdaFunctionsNamed = (texts: ReadonlyArray<string>): ReadonlyArray<string> => [
  ...new Set(
    texts.flatMap((t) => [...t.matchAll(functionArn)].flatMap((m) => (m[1] === undefined ? [] : [m[1]]))),
  ),
]

/** What a line read for a workload says when Lambda's runtime ended an invocation it ran. */
export const lambdaRuntimeFailureWords =
  /Runtime\.(?:ExitError|OutOfMemory)|signal: killed|"resourceType"\s*:\s*"lambda"|\\"resourceType\\"\s*:\s*\\"lambda\\"/i

interface Report {
  readonly ms: number
  readonly requestId: string
  readonly sizeMb: number
  readonly usedMb: number
  readonly message: string
}

const reportsOf = (lines: ReadonlyArray<LogLine>): ReadonlyArray<Report> =>
  lines.flatMap((l) => {
    const r = reportLine.exec(l.message)
    const m = memoryOf.exec(l.message)
    if (r?.[1] === undefined || m?.[1] === undefined || m[2] === undefined) return []
    return [
      {
        ms: l.timestampMs,
        requestId: r[1].toLowerCase(),
        sizeMb: Number(m[1]),
        usedMb: Number(m[2]),
        message: l.message,
      },
    ]
  })

/** Lambda reports the peak in whole MB; a killed invocation reads its limit, or a MB under. */
const atLimit = (r: Report): boolean => r.sizeMb > 0 && r.usedMb >= r.sizeMb - 1

/** The Lambda functions whose invocations were ended at their memory limit, the most first. */
export const lambdaMemoryLimitsOf = (lines: ReadonlyArray<LogLine>): ReadonlyArray<LambdaMemoryLimit> => {
  return [...linesByGroup(lines, (group) => /^\/aws\/lambda\//i.test(group)).entries()]
    .flatMap(([group, own]): ReadonlyArray<LambdaMemoryLimit> => {
      const fn = serviceOfGroup(group)
      if (fn === null) return []
      // The requests the runtime ended (killed, out of memory), a timeout's own line excepted.
      const ended = new Set(
        own.flatMap((l) => {
          if (!killedWords.test(l.message) || timedOut.test(l.message)) return []
          const id = requestIdIn.exec(l.message)?.[1]
          return id === undefined ? [] : [id.toLowerCase()]
        }),
      )
      const reports = reportsOf(own)
      const hits = reports
        .filter((r) => atLimit(r) && !timedOut.test(r.message) && ended.has(r.requestId))
        .sort((a, b) => a.ms - b.ms)
      const first = hits[0]
      const last = hits[hits.length - 1]
      if (first === undefined || last === undefined) return []
      return [
        {
          fn,
          group,
          sizeMb: last.sizeMb,
          invocations: new Set(hits.map((h) => h.requestId)).size,
          completedAfter: reports.filter((r) => !atLimit(r) && r.ms > first.ms).length,
          firstMs: first.ms,
          lastMs: last.ms,
          latest: last.message,
        },
      ]
    })
    .sort((a, b) => b.invocations - a.invocations || a.fn.localeCompare(b.fn))
}

/** High when more than one invocation died at the limit (the work needs more than it has), else medium. */
export const lambdaMemorySeverity = (m: LambdaMemoryLimit): "high" | "medium" =>
  m.invocations >= 2 ? "high" : "medium"
