/**
 * Lambda functions the alert leads to, read for invocations that ran out of time
 * (lambda-timeouts.ts). A timeout logs no ERROR line, and a scheduled run fails hours before a
 * person notices its report missing, so the sweep reads the last day rather than the alert's
 * window, and its START/REPORT lines too, to tell a run that never completed from a slow tail.
 */
import { DateTime, Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import { lambdaTimeoutSeverity, lambdaTimeoutsOf } from "../../domain/lambda-timeouts.js"
import type { RankedLogGroup } from "../../domain/log-group-discovery.js"
import { redact } from "../../domain/redact.js"
import { clipText } from "../../domain/report-text.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { readOwnGroups } from "./own-groups-read.js"
import type { Range } from "./query-pass.js"

export const maxLambdaGroups = 3
/** How far back a scheduled run's timeouts are read: a daily job's last run. */
export const lookbackMs = 24 * 3_600_000

export const lambdaTimeoutQuery = [
  "fields @timestamp, @message, @logStream, @log",
  "| filter @message like /Task timed out after|^REPORT RequestId/",
  "| sort @timestamp desc",
  "| limit 500",
].join("\n")

export const sweepLambdaTimeouts = (
  source: LogSourceService,
  ranked: ReadonlyArray<RankedLogGroup>,
  range: Range,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<Finding>, LogSourceError> =>
  Effect.gen(function* () {
    const { lines, span: day } = yield* readOwnGroups(source, ranked, range, answerByMs, {
      query: lambdaTimeoutQuery,
      lookbackMs,
      maxGroups: maxLambdaGroups,
      lambdaOnly: true,
    })
    return lambdaTimeoutsOf(lines).map((t): Finding => {
      const limit = t.limitSeconds === null ? "its time limit" : `its ${t.limitSeconds}s time limit`
      const retried =
        t.attempts > t.runs ? ` (${t.attempts} attempts of ${t.runs} run(s), the retries too)` : ""
      const never = t.completedAfter === 0 ? "; no invocation completed since" : ""
      const excerpt = clipText(t.latest.trim(), 300)
      return {
        id: "",
        agent: "cloudwatch_logs",
        title: redact(`Lambda ${t.fn} timed out at ${limit}${retried}${never}`),
        detail: redact(
          `${t.fn} ended ${t.attempts} invocation attempt(s) at ${limit} from ${utcHhmm(t.firstMs)} to ` +
            `${utcHhmm(t.lastMs)} UTC ("Task timed out"); ${t.completedBefore} completed before the first, ` +
            `${t.completedAfter} after it. A timed-out run does none of its work (its output is never sent), ` +
            "and the retries of an async or scheduled invocation hit the same limit unless the work shrinks.",
        ),
        severity: lambdaTimeoutSeverity(t),
        kind: "lambda_timeout",
        // A run that never completed is still missing its output when the alert is read: that,
        // not its last attempt hours before a person noticed, is when the finding holds.
        observedAt: DateTime.unsafeMake(t.completedAfter === 0 ? Math.max(t.lastMs, range.endMs) : t.lastMs),
        resource: `loggroup/${t.group}`,
        service: t.fn,
        link: source.consoleUrl({ logGroups: [t.group], query: lambdaTimeoutQuery, ...day }),
        excerpt: redact(excerpt),
      }
    })
  })
