/**
 * Lambda functions ended at their memory limit (log-lambda-memory.ts). The alert often names
 * what invoked the function, not the function: a Step Functions state machine's failed
 * executions quote only the runtime's "signal: killed". So besides the alert's own Lambda
 * groups, the functions its other groups name by ARN (a state machine's TaskScheduled
 * parameters) are read — only when the lines read carry a Lambda runtime failure, so an alert
 * with no Lambda in it costs no query.
 */
import { DateTime, Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import type { LogLine } from "../../domain/log-clusters.js"
import type { RankedLogGroup } from "../../domain/log-group-discovery.js"
import {
  lambdaFunctionsNamed,
  lambdaMemoryLimitsOf,
  lambdaMemorySeverity,
  lambdaRuntimeFailureWords,
} from "../../domain/log-lambda-memory.js"
import { redact } from "../../domain/redact.js"
import { clipText } from "../../domain/report-text.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { linesOf } from "./error-query.js"
import { groupNamesUnder } from "./group-names.js"
import { lookbackMs, maxLambdaGroups } from "./lambda-timeout-sweep.js"
import type { Range } from "./query-pass.js"
import { runInsightsQuery } from "./run-query.js"

export const lambdaMemoryQuery = [
  "fields @timestamp, @message, @logStream, @log",
  "| filter @message like /^REPORT RequestId|signal: killed|Runtime\\.OutOfMemory|Runtime\\.ExitError|out of memory|MemoryError/",
  "| sort @timestamp desc",
  "| limit 1000",
].join("\n")

/** A state machine's (or a trigger's) lines that name the Lambda functions it invokes. */
export const functionArnQuery = [
  "fields @timestamp, @message, @logStream, @log",
  "| filter @message like /arn:aws:lambda:/",
  "| sort @timestamp desc",
  "| limit 200",
].join("\n")

const isLambdaGroup = (g: string): boolean => /^\/aws\/lambda\//i.test(g)

/** A Step Functions state machine's name in its execution or state machine ARN. */
const stateMachineArn =
  /arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:(?:execution|express|stateMachine):([A-Za-z0-9_-]{1,80})/

/**
 * The functions the alert's non-Lambda groups name by ARN, as their log groups (that exist),
 * each with what invoked it (the state machine, else the caller group's service): the finding
 * names its caller, the alert's subject, so it is read as that subject's cause.
 */
const invokedFunctionGroups = (
  source: LogSourceService,
  ranked: ReadonlyArray<RankedLogGroup>,
  read: ReadonlyArray<LogLine>,
  span: Range,
  answerByMs: number,
): Effect.Effect<ReadonlyMap<string, Invoker>, LogSourceError> =>
  Effect.gen(function* () {
    const callers = ranked.filter((g) => !g.shared && !isLambdaGroup(g.name)).slice(0, maxLambdaGroups)
    const callerOf = new Map<string, Invoker>()
    const note = (lines: ReadonlyArray<LogLine>): void => {
      for (const l of lines)
        for (const fn of lambdaFunctionsNamed([l.message])) {
          const name =
            stateMachineArn.exec(l.message)?.[1] ?? callers.find((c) => c.name === l.group)?.service ?? null
          if (!callerOf.has(fn) || callerOf.get(fn)?.name === null) callerOf.set(fn, { name, group: l.group })
        }
    }
    note(read)
    if (callers.length > 0) {
      const names = callers.map((g) => g.name)
      const outcome = yield* runInsightsQuery(
        source,
        { logGroups: names, ...span, query: functionArnQuery },
        answerByMs,
      )
      note(linesOf(outcome.rows, names))
    }
    const wanted = [...callerOf.keys()].slice(0, maxLambdaGroups).map((fn) => `/aws/lambda/${fn}`)
    const found = yield* groupNamesUnder(
      source,
      wanted.map((prefix) => ({ prefix })),
      5,
      3,
    )
    return new Map(
      [...callerOf.entries()].flatMap(([fn, caller]) =>
        found.includes(`/aws/lambda/${fn}`) ? [[`/aws/lambda/${fn}`, caller] as const] : [],
      ),
    )
  })

/** What invoked a function: its name (a state machine's) and the log group that said so. */
export interface Invoker {
  readonly name: string | null
  readonly group: string
}

export interface LambdaMemorySweep {
  readonly findings: ReadonlyArray<Finding>
  /** The caller groups whose lines named a function found at its limit, with the function. */
  readonly invokedBy: ReadonlyArray<{ readonly group: string; readonly fn: string }>
}

/**
 * A caller's own finding (a state machine's ExecutionFailed signature) naming the function it
 * invoked that was killed at its memory limit: its lines quote only "signal: killed", and the
 * report reads the function's finding as that failure's cause when the caller's evidence names it.
 */
export const namingInvokedFunction =
  (invokedBy: LambdaMemorySweep["invokedBy"]) =>
  (f: Finding): Finding => {
    const fns = [...new Set(invokedBy.filter((i) => f.resource === `loggroup/${i.group}`).map((i) => i.fn))]
    return fns.length === 0
      ? f
      : {
          ...f,
          detail: `${f.detail} Its failed task invokes the Lambda function ${fns.join(", ")}.`,
        }
  }

export const sweepLambdaMemory = (
  source: LogSourceService,
  ranked: ReadonlyArray<RankedLogGroup>,
  read: ReadonlyArray<LogLine>,
  range: Range,
  answerByMs: number,
): Effect.Effect<LambdaMemorySweep, LogSourceError> =>
  Effect.gen(function* () {
    const span = { startMs: Math.min(range.startMs, range.endMs - lookbackMs), endMs: range.endMs }
    const own = ranked
      .filter((g) => !g.shared && isLambdaGroup(g.name))
      .map((g) => g.name)
      .slice(0, maxLambdaGroups)
    const failing = read.some((l) => lambdaRuntimeFailureWords.test(l.message))
    const invoked = failing
      ? yield* invokedFunctionGroups(source, ranked, read, span, answerByMs)
      : new Map<string, Invoker>()
    const groups = [...new Set([...invoked.keys(), ...own])].slice(0, maxLambdaGroups + 2)
    if (groups.length === 0) return { findings: [], invokedBy: [] }
    const outcome = yield* runInsightsQuery(
      source,
      { logGroups: groups, ...span, query: lambdaMemoryQuery },
      answerByMs,
    )
    const limits = lambdaMemoryLimitsOf(linesOf(outcome.rows, groups))
    const invokedBy = limits.flatMap((m) => {
      const by = invoked.get(m.group)
      return by === undefined ? [] : [{ group: by.group, fn: m.fn }]
    })
    const findings = limits.map((m): Finding => {
      const caller = invoked.get(m.group)?.name ?? null
      const by = caller === null ? "" : `, failing ${caller}'s runs that invoke it`
      const after =
        m.completedAfter === 0 ? "; none completed since" : `; ${m.completedAfter} completed after`
      return {
        id: "",
        agent: "cloudwatch_logs",
        title: redact(
          `Lambda ${m.fn} hit its memory limit (${m.sizeMb} of ${m.sizeMb} MB) on ${m.invocations} invocation(s)${after}${by}`,
        ),
        detail: redact(
          `${m.fn} used all of its ${m.sizeMb} MB ("Max Memory Used: ${m.sizeMb} MB") and was killed by the ` +
            `runtime (signal: killed / Runtime.ExitError, out of memory) on ${m.invocations} invocation(s) from ` +
            `${utcHhmm(m.firstMs)} to ${utcHhmm(m.lastMs)} UTC. Its callers (a state machine, a queue) report only ` +
            "the runtime's error; the retries of the same input die the same way until the function gets more " +
            "memory or the input shrinks.",
        ),
        severity: lambdaMemorySeverity(m),
        kind: "lambda_memory_limit",
        observedAt: DateTime.unsafeMake(m.lastMs),
        resource: `loggroup/${m.group}`,
        service: m.fn,
        link: source.consoleUrl({ logGroups: [m.group], query: lambdaMemoryQuery, ...span }),
        excerpt: redact(clipText(m.latest.trim(), 300)),
      }
    })
    return { findings, invokedBy }
  })
