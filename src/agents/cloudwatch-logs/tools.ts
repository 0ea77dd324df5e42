/**
 * The cloudwatch_logs agent's drill-down tools: list log groups by prefix (names only, so the
 * model never has to guess one), and one bounded Logs Insights query over named groups within
 * the evidence window — the model picks the groups and, optionally, a pattern to narrow the
 * error lines; we build the query (newest first, 200 rows at most), so it cannot widen the
 * window or flood the report. Its rows become signature findings rated like the plan's.
 */
import { Clock, Effect, Schema } from "effect"
import { clusterLogLines } from "../../domain/log-clusters.js"
import { LogSource, type LogSourceError } from "../../ports/log-source.js"
import { type AgentTool, agentTool, ToolFailed } from "../agent-tool.js"
import { answerBy } from "../specialist.js"
import { errorQuery, lineOf, queryRowLimit, signatureQuery } from "./error-query.js"
import { runInsightsQuery } from "./run-query.js"
import { signatureFindings } from "./signature-findings.js"

const LogGroupName = Schema.String.pipe(
  Schema.pattern(/^[.\-_/#A-Za-z0-9]{1,512}$/),
  Schema.annotations({ description: "a log group name, exactly as list_log_groups answered it" }),
)

const failed = (what: string) => (e: LogSourceError) =>
  new ToolFailed({ message: `${what} failed (${e.reason}): ${e.message}` })

const clip = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`)

// ── list_log_groups ──────────────────────────────────────────────────────────────────────

const ListLogGroupsInput = Schema.Struct({
  prefix: LogGroupName.annotations({
    description: "names starting with this, e.g. /aws/eks/ or /ecs/orders",
  }),
})

const maxListed = 50

export const listLogGroupsTool = agentTool({
  name: "list_log_groups",
  description: "The names of the log groups starting with a prefix (at most 50).",
  input: ListLogGroupsInput,
  run: (input) =>
    Effect.gen(function* () {
      const source = yield* LogSource
      const page = yield* source
        .describeLogGroups({ prefix: input.prefix, limit: maxListed })
        .pipe(Effect.mapError(failed(`listing log groups under ${input.prefix}`)))
      const names = page.groups.map((g) => g.name)
      return {
        findings: [],
        text:
          names.length === 0
            ? `No log group starts with ${input.prefix} in ${source.region}.`
            : [
                `${names.length} log group(s) under ${input.prefix}${page.nextToken === null ? "" : " (more exist; use a longer prefix)"}:`,
                ...names,
              ].join("\n"),
      }
    }),
})

// ── logs_insights_query ──────────────────────────────────────────────────────────────────

const QueryInput = Schema.Struct({
  log_groups: Schema.Array(LogGroupName)
    .pipe(Schema.minItems(1), Schema.maxItems(5))
    .annotations({ description: "1 to 5 log group names", title: "log groups" }),
  pattern: Schema.optional(
    Schema.String.pipe(Schema.pattern(/^[^/\n]{1,200}$/)).annotations({
      description:
        "optional case-insensitive regular expression the lines must match (no '/'); default: error, fatal, exception, timeout, 5xx lines",
    }),
  ),
})

export const drillRowLimit = 200

/** The query for `pattern` (a regex matched case-insensitively), or the plan's error query (1,000 rows). */
export const drillQuery = (pattern: string | undefined): string =>
  pattern === undefined
    ? errorQuery
    : [
        "fields @timestamp, @message, @logStream, @log",
        `| filter @message like /(?i)${pattern}/`,
        "| sort @timestamp desc",
        `| limit ${drillRowLimit}`,
      ].join("\n")

const shownSignatures = 10

export const logsInsightsQueryTool = agentTool({
  name: "logs_insights_query",
  description:
    "One Logs Insights query over up to 5 named log groups within the evidence window; answers the error signatures (normalised lines with counts and first/last seen).",
  input: QueryInput,
  run: (input, task) =>
    Effect.gen(function* () {
      const source = yield* LogSource
      const range = { startMs: task.alert.window.start.epochMillis, endMs: task.alert.window.end.epochMillis }
      const query = drillQuery(input.pattern)
      const now = yield* Clock.currentTimeMillis
      const outcome = yield* runInsightsQuery(
        source,
        { logGroups: input.log_groups, ...range, query },
        answerBy(task, now),
      ).pipe(Effect.mapError(failed(`querying ${input.log_groups.join(", ")}`)))
      if (outcome.status === "Failed" || (outcome.status === "Cancelled" && !outcome.stopped))
        return yield* new ToolFailed({ message: `CloudWatch reported the query ${outcome.status}` })
      const lines = outcome.rows.flatMap((r) => {
        const line = lineOf(r, input.log_groups)
        return line === null ? [] : [line]
      })
      const clusters = clusterLogLines(lines)
      const truncated = outcome.rows.length >= (input.pattern === undefined ? queryRowLimit : drillRowLimit)
      const { findings } = signatureFindings(clusters, {
        facts: task.facts,
        truncated,
        max: 5,
        link: (c) =>
          source.consoleUrl({ logGroups: input.log_groups, query: signatureQuery(c, query), ...range }),
      })
      const ranked = [...clusters].sort((a, b) => b.count - a.count).slice(0, shownSignatures)
      return {
        findings,
        text: [
          `${outcome.rows.length} row(s)${truncated ? " (row limit reached)" : ""}${outcome.stopped ? " (stopped at the deadline: partial)" : ""}, ${clusters.length} signature(s) in ${input.log_groups.join(", ")}:`,
          ...ranked.map(
            (c) =>
              `×${c.count} ${c.level.toUpperCase()} ${c.service ?? c.groups[0] ?? ""}: ${clip(c.example.message.replace(/\s+/g, " "), 200)}`,
          ),
        ].join("\n"),
      }
    }),
})

export const cloudWatchLogsTools: ReadonlyArray<AgentTool<LogSource>> = [
  listLogGroupsTool,
  logsInsightsQueryTool,
]
