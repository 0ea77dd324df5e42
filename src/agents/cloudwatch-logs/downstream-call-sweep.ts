/**
 * An API Gateway's 5xx traced to the HTTP service its Lambda calls (downstream-http-failure.ts):
 * the function is seldom named after the API (`claims-intake-handler` behind `claims-api`), so
 * besides the Lambda groups discovery ranked, the `/aws/lambda/` groups sharing a distinctive
 * word of the API's name are read — only when the gateway answered 5xx, and only for the lines
 * of a failing HTTP call, so a sibling function's other errors are never taken for the cause.
 */
import { DateTime, Effect, Either } from "effect"
import { downstreamFailuresOf } from "../../domain/downstream-http-failure.js"
import type { Finding } from "../../domain/finding.js"
import { gatewayServerError, isGatewayGroup } from "../../domain/integration-exceptions.js"
import type { LogLine } from "../../domain/log-clusters.js"
import type { RankedLogGroup } from "../../domain/log-group-discovery.js"
import { kinSearches } from "../../domain/log-group-kin.js"
import { redact } from "../../domain/redact.js"
import { clipText } from "../../domain/report-text.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { linesOf } from "./error-query.js"
import type { Range } from "./query-pass.js"
import { runInsightsQuery } from "./run-query.js"

const maxGroups = 6

export const downstreamCallQuery = [
  "fields @timestamp, @message, @logStream, @log",
  "| filter @message like /(?i)status\\W{0,12}5\\d\\d|HTTP\\/?[\\d.]*\\s+5\\d\\d|no healthy upstream|upstream connect error|no (healthy|available) (hosts?|targets?|endpoints?)/",
  "| sort @timestamp desc",
  "| limit 1000",
].join("\n")

const lambdaGroup = (g: string): boolean => /^\/aws\/lambda\//i.test(g)

export const sweepDownstreamCalls = (
  source: LogSourceService,
  ranked: ReadonlyArray<RankedLogGroup>,
  read: ReadonlyArray<LogLine>,
  apis: ReadonlyArray<string>,
  range: Range,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<Finding>, LogSourceError> =>
  Effect.gen(function* () {
    const gateway = read.filter((l) => isGatewayGroup(l.group) && gatewayServerError(l.message))
    // No 5xx answered by the gateway: no API answer to trace.
    if (gateway.length === 0) return []
    const own = ranked.filter((g) => !g.shared && lambdaGroup(g.name)).map((g) => g.name)
    const kin = yield* Effect.forEach(
      kinSearches(apis),
      (s) => Effect.either(source.describeLogGroups({ pattern: s.value, limit: 50 })),
      { concurrency: 4 },
    )
    const named = kin.flatMap((r) =>
      Either.isRight(r) ? r.right.groups.map((g) => g.name).filter(lambdaGroup) : [],
    )
    const groups = [...new Set([...own, ...named])].slice(0, maxGroups)
    if (groups.length === 0) return []
    const outcome = yield* runInsightsQuery(
      source,
      { logGroups: groups, ...range, query: downstreamCallQuery },
      answerByMs,
    )
    const lines = [...linesOf(outcome.rows, groups)].sort((a, b) => a.timestampMs - b.timestampMs)
    return downstreamFailuresOf(lines, gateway).map((d): Finding => {
      const status = d.status === null ? "failing" : `answering ${d.status}`
      const reason = d.reason === "" ? "" : ` (${d.reason})`
      return {
        id: "",
        agent: "cloudwatch_logs",
        title: redact(
          clipText(
            `${d.callee} ${status}${reason} to Lambda ${d.fn}, which the API turns into 5xx ` +
              `(×${d.failures} from ${utcHhmm(d.firstMs)} UTC)`,
            240,
          ),
        ),
        detail: redact(
          `${d.fn} logged ${d.failures} failed call(s) to ${d.callee} (${status}${reason}) from ` +
            `${utcHhmm(d.firstMs)} to ${utcHhmm(d.lastMs)} UTC, within seconds of ${d.gatewayErrors} of the ` +
            "gateway's 5xx line(s). The function handles the callee's error and answers the gateway an error " +
            `of its own: the gateway's lines are the symptom, ${d.callee} is where to look.`,
        ),
        severity: d.failures >= 3 ? "critical" : "high",
        kind: "downstream_http_failure",
        observedAt: DateTime.unsafeMake(d.lastMs),
        resource: `loggroup/${d.group}`,
        // The API's own integration saw it: the alert's subject's evidence, naming the callee (as
        // integration-exception-sweep.ts does), so the causes cite it rather than scope it out.
        service: apis[0] ?? d.fn,
        link: source.consoleUrl({ logGroups: [d.group], query: downstreamCallQuery, ...range }),
        excerpt: redact(clipText(d.example.trim(), 300)),
      }
    })
  })
