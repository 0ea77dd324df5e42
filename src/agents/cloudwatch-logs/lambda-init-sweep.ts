/**
 * Lambda functions the alert leads to, read for invocations that failed before their handler ran
 * (lambda-init-failures.ts): a missing module, a wrong handler, an extension crashing. The
 * function logs nothing of its own then, so the error sweep's application lines miss it; the
 * runtime's error, INIT_REPORT and REPORT lines say it. The last day is read, like the timeout
 * sweep, so the last invocation that completed (and the version it ran) is in the window.
 */
import { DateTime, Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import { lambdaInitFailuresOf, lambdaInitSeverity } from "../../domain/lambda-init-failures.js"
import type { RankedLogGroup } from "../../domain/log-group-discovery.js"
import { redact } from "../../domain/redact.js"
import { clipText } from "../../domain/report-text.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { lookbackMs, maxLambdaGroups } from "./lambda-timeout-sweep.js"
import { readOwnGroups } from "./own-groups-read.js"
import type { Range } from "./query-pass.js"

export const lambdaInitQuery = [
  "fields @timestamp, @message, @logStream, @log",
  "| filter @message like /Runtime\\.[A-Za-z]+|Extension\\.[A-Za-z]+|Cannot find module|^INIT_REPORT|^REPORT RequestId|^START RequestId/",
  "| sort @timestamp desc",
  "| limit 1000",
].join("\n")

export const sweepLambdaInitFailures = (
  source: LogSourceService,
  ranked: ReadonlyArray<RankedLogGroup>,
  range: Range,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<Finding>, LogSourceError> =>
  Effect.gen(function* () {
    const { lines, span: day } = yield* readOwnGroups(source, ranked, range, answerByMs, {
      query: lambdaInitQuery,
      lookbackMs,
      maxGroups: maxLambdaGroups,
      lambdaOnly: true,
    })
    return lambdaInitFailuresOf(lines).map((f): Finding => {
      const what = f.module === null ? f.errorType : `${f.errorType} (${f.module})`
      const version =
        f.failingVersion === null
          ? ""
          : f.previousVersion === null
            ? `; failing on version ${f.failingVersion}`
            : `; since version ${f.failingVersion} (version ${f.previousVersion} completed before)`
      const down = f.completedAfter === 0 ? ", none completed since" : `, ${f.completedAfter} completed after`
      return {
        id: "",
        agent: "cloudwatch_logs",
        title: redact(`Lambda ${f.fn} cannot start: ${what} on ${f.failures} invocation(s)${down}${version}`),
        detail: redact(
          `${f.fn} failed ${f.failures} invocation(s) before its handler ran from ${utcHhmm(f.firstMs)} to ` +
            `${utcHhmm(f.lastMs)} UTC (${f.errorType}: the runtime could not load the function's code)` +
            `; ${f.completedBefore} completed before the first, ${f.completedAfter} after it${version}. ` +
            "Nothing the function does happens while it cannot start; the fix is the deployment " +
            "(the package, its layers or architecture, the handler setting), not the code's logic.",
        ),
        severity: lambdaInitSeverity(f),
        kind: "lambda_init_failure",
        // A function that still cannot start is down when the alert is read, not only at its last failure.
        observedAt: DateTime.unsafeMake(f.completedAfter === 0 ? Math.max(f.lastMs, range.endMs) : f.lastMs),
        resource: `loggroup/${f.group}`,
        service: f.fn,
        link: source.consoleUrl({ logGroups: [f.group], query: lambdaInitQuery, ...day }),
        excerpt: redact(clipText(f.example.trim(), 300)),
      }
    })
  })
