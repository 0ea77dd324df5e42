/**
 * A Lambda function that cannot start. When the runtime cannot load the handler — a module the
 * package lacks or built for another architecture (Runtime.ImportModuleError, Node's "Cannot
 * find module"), a handler name that does not exist (Runtime.HandlerNotFound), a syntax error
 * (Runtime.UserCodeSyntaxError), an extension or the runtime dying during init (Extension.Crash,
 * Runtime.ExitError) — every invocation fails before the handler runs: no application line, no
 * ERROR a handler would log, only the runtime's error, an `INIT_REPORT … Status: error` and a
 * `REPORT … Status: error`. Whatever the function does (a dispatch, a schedule) silently stops.
 * Such failures with no invocation completing after the first are the function down (high); a
 * few among invocations that still complete are a flaky cold start (low, medium for many).
 * A cold start's INIT_REPORT without an error is not a failure. The version the failing
 * invocations run (`Version: 42`, the stream's `[42]`) against the last one that completed
 * says which deploy broke it. Pure.
 */
import { type LogLine, linesByGroup } from "./log-clusters.js"
import { serviceOfGroup } from "./log-origin.js"

export interface LambdaInitFailure {
  readonly fn: string
  readonly group: string
  /** The runtime's error type (`Runtime.ImportModuleError`), or the Node wording's. */
  readonly errorType: string
  /** The module or handler it could not load, when the lines name it. */
  readonly module: string | null
  /** Invocations that failed to start. */
  readonly failures: number
  /** Invocations that completed before the first failure, and after it. */
  readonly completedBefore: number
  readonly completedAfter: number
  /** The version the failing invocations ran, and the last one that completed before them. */
  readonly failingVersion: string | null
  readonly previousVersion: string | null
  readonly firstMs: number
  readonly lastMs: number
  /** The runtime's error line, for the excerpt. */
  readonly example: string
}

const errorTypeWords =
  /\b(Runtime\.(?:ImportModuleError|HandlerNotFound|UserCodeSyntaxError|ExitError|InvalidEntrypoint|MissingUserCodeException|InvalidRuntime)|Extension\.(?:Crash|InitError|ExitError))\b/
const nodeMissingModule = /\bCannot find module '([^']{1,200})'/
// The module it lacks, most specific first: "No module named 'pydantic_core'" says more than
// "Unable to import module 'app'" (the handler's own module, which imports it).
const moduleWords: ReadonlyArray<RegExp> = [
  /\bNo module named '([^']{1,200})'/,
  /\bCannot find module '([^']{1,200})'/,
  /\bHandler '([^']{1,200})' missing/,
  /\bUnable to import module '([^']{1,200})'/,
]
// Raw, or as readableLogMessage puts them (log-structured.ts): "Lambda init error: <type> — INIT_REPORT …".
const initReport = /^(?:Lambda init \w+(?::\s*\S+)? — )?INIT_REPORT\b/
const reportLine = /^(?:Lambda invocation \w+(?::\s*\S+)? — )?REPORT RequestId:/
const errorStatus = /\bStatus:\s*error\b|^Lambda (?:init|invocation) error\b/i
const unfinished = /\bStatus:\s*(?!success\b)\w+|^Lambda (?:init|invocation) /i
const startVersion = /^START RequestId:\s*\S+\s+Version:\s*(\S+)/
const streamVersion = /\[([^\]]{1,40})\]/

const isLambdaGroup = (group: string): boolean => /^\/aws\/lambda\//i.test(group)

/** Whether a line says an invocation failed before its handler ran. */
const failedToStart = (m: string): boolean =>
  ((initReport.test(m) || reportLine.test(m)) && errorStatus.test(m)) ||
  (!reportLine.test(m) && !initReport.test(m) && (errorTypeWords.test(m) || nodeMissingModule.test(m)))

const errorTypeOf = (m: string): string | null =>
  errorTypeWords.exec(m)?.[1] ?? (nodeMissingModule.test(m) ? "Cannot find module" : null)

const versionOf = (l: LogLine): string | null =>
  startVersion.exec(l.message)?.[1] ?? streamVersion.exec(l.stream)?.[1] ?? null

/** The functions whose invocations failed to start, the worst first (see the module header). */
export const lambdaInitFailuresOf = (lines: ReadonlyArray<LogLine>): ReadonlyArray<LambdaInitFailure> => {
  return [...linesByGroup(lines, isLambdaGroup).entries()]
    .flatMap(([group, unsorted]): ReadonlyArray<LambdaInitFailure> => {
      const own = [...unsorted].sort((a, b) => a.timestampMs - b.timestampMs)
      const failing = own.filter((l) => failedToStart(l.message))
      const typed = failing.find((l) => errorTypeOf(l.message) !== null)
      const fn = serviceOfGroup(group)
      const first = failing[0]
      const last = failing[failing.length - 1]
      if (fn === null || typed === undefined || first === undefined || last === undefined) return []
      // One count per invocation: its REPORT when the function logs one, else its INIT_REPORT,
      // else the runtime's error lines (a query may return only some of them).
      const reports = failing.filter((l) => reportLine.test(l.message)).length
      const inits = failing.filter(
        (l) => initReport.test(l.message) && /Phase:\s*invoke/i.test(l.message),
      ).length
      const anyInit = failing.filter((l) => initReport.test(l.message)).length
      const errorLines = failing.filter((l) => errorTypeOf(l.message) !== null).length
      const failures = reports > 0 ? reports : inits > 0 ? inits : anyInit > 0 ? anyInit : errorLines
      // A REPORT with any status but success (an error, a timeout) is not a completed invocation.
      const completed = own.filter((l) => reportLine.test(l.message) && !unfinished.test(l.message))
      const before = completed.filter((l) => l.timestampMs < first.timestampMs)
      const lastGood = before[before.length - 1]
      const goodVersion = lastGood === undefined ? null : versionOf(lastGood)
      const text = failing.map((l) => l.message).join("\n")
      const module = moduleWords.map((p) => p.exec(text)?.[1]).find((m) => m !== undefined) ?? null
      // The version the failing invocations started (their START line), else their stream's.
      const started = own.filter((l) => l.timestampMs >= first.timestampMs && startVersion.test(l.message))
      const failingVersion = versionOf(started[started.length - 1] ?? last)
      return [
        {
          fn,
          group,
          errorType: errorTypeOf(typed.message) ?? "",
          module,
          failures,
          completedBefore: before.length,
          completedAfter: completed.length - before.length,
          failingVersion,
          previousVersion: goodVersion !== null && goodVersion !== failingVersion ? goodVersion : null,
          firstMs: first.timestampMs,
          lastMs: last.timestampMs,
          example: typed.message.split("\n")[0] ?? typed.message,
        },
      ]
    })
    .sort((a, b) => b.failures - a.failures || a.fn.localeCompare(b.fn))
}

/**
 * High when two or more invocations failed and none completed after the first (the function is
 * down); medium when failures outnumber the completions after them; low otherwise.
 */
export const lambdaInitSeverity = (f: LambdaInitFailure): "high" | "medium" | "low" =>
  f.failures >= 2 && f.completedAfter === 0
    ? "high"
    : f.failures >= 3 && f.failures > f.completedAfter
      ? "medium"
      : "low"
