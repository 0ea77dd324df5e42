/**
 * An API Gateway's 5xx traced to the Lambda it integrates (integration-exceptions.ts): the
 * function's log says which exception (type, message) and since when; the gateway's lines only
 * "Internal server error". Reads the Lambda and gateway groups discovery ranked, over the range.
 */
import { DateTime, Effect } from "effect"
import type { Finding } from "../../domain/finding.js"
import { integrationExceptionsOf, isGatewayGroup } from "../../domain/integration-exceptions.js"
import type { RankedLogGroup } from "../../domain/log-group-discovery.js"
import { redact } from "../../domain/redact.js"
import { clipText } from "../../domain/report-text.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { linesOf } from "./error-query.js"
import type { Range } from "./query-pass.js"
import { runInsightsQuery } from "./run-query.js"

const maxGroups = 6

export const integrationExceptionQuery = [
  "fields @timestamp, @message, @logStream, @log",
  "| filter @message like /Invoke Error|errorType|Runtime\\.Unhandled|\\[ERROR\\]|Task timed out|customer function error|Lambda\\.FunctionError|status\\W{0,4}5\\d\\d/",
  "| sort @timestamp desc",
  "| limit 1000",
].join("\n")

export const sweepIntegrationExceptions = (
  source: LogSourceService,
  ranked: ReadonlyArray<RankedLogGroup>,
  apis: ReadonlyArray<string>,
  range: Range,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<Finding>, LogSourceError> =>
  Effect.gen(function* () {
    const lambdas = ranked.filter((g) => !g.shared && /^\/aws\/lambda\//i.test(g.name)).map((g) => g.name)
    const gateways = ranked.filter((g) => isGatewayGroup(g.name)).map((g) => g.name)
    // Without a gateway group or a function there is no integration to trace.
    if (lambdas.length === 0) return []
    const groups = [...gateways.slice(0, 2), ...lambdas].slice(0, maxGroups)
    const outcome = yield* runInsightsQuery(
      source,
      { logGroups: groups, ...range, query: integrationExceptionQuery },
      answerByMs,
    )
    const lines = [...linesOf(outcome.rows, groups)].sort((a, b) => a.timestampMs - b.timestampMs)
    return integrationExceptionsOf(lines, apis).map((e): Finding => {
      const message = e.errorMessage === "" ? "" : `: ${e.errorMessage}`
      const gateway =
        e.gatewayErrors > 0 ? `; the gateway answered ${e.gatewayErrors} 5xx line(s) with it` : ""
      return {
        id: "",
        agent: "cloudwatch_logs",
        title: redact(
          clipText(
            `API 5xx from its integration: Lambda ${e.fn} throws an unhandled ${e.errorType}${message} ` +
              `(×${e.failures} from ${utcHhmm(e.firstMs)} UTC)`,
            240,
          ),
        ),
        detail: redact(
          `${e.fn} failed ${e.failures} invocation(s) with an unhandled ${e.errorType}${message} from ` +
            `${utcHhmm(e.firstMs)} to ${utcHhmm(e.lastMs)} UTC${gateway}. API Gateway turns an integration's ` +
            "unhandled exception into a 502 (a timeout into a 504): the fix is in the function's code or the " +
            "version it runs, not in the gateway.",
        ),
        severity: e.failures >= 2 ? "critical" : "high",
        kind: "integration_exception",
        observedAt: DateTime.unsafeMake(e.lastMs),
        resource: `loggroup/${e.group}`,
        // The integration is the API's own code: its exception is the alert's subject, not a dependency's.
        service: apis[0] ?? e.fn,
        link: source.consoleUrl({ logGroups: [e.group], query: integrationExceptionQuery, ...range }),
        excerpt: redact(clipText(e.example.trim(), 300)),
      }
    })
  })
