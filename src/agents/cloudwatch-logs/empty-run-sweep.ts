/**
 * The alert's own log groups (its functions and services, not shared ones), read for a run that
 * ended OK having processed nothing (empty-runs.ts): a scheduled job whose input moved logs no
 * ERROR, only "0 keys for prefix …" or "nothing to process", so the error query never sees it.
 * A daily job's previous run is a day before its last, which is itself up to a day before the
 * alert: two days are read, only the lines that count something or say there was nothing.
 */
import { DateTime, Effect } from "effect"
import { emptyRunSeverity, emptyRunsOf } from "../../domain/empty-runs.js"
import type { Finding } from "../../domain/finding.js"
import type { RankedLogGroup } from "../../domain/log-group-discovery.js"
import { redact } from "../../domain/redact.js"
import { clipText } from "../../domain/report-text.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { readOwnGroups } from "./own-groups-read.js"
import type { Range } from "./query-pass.js"

const maxGroups = 3
const lookbackMs = 48 * 3_600_000

export const emptyRunQuery = [
  "fields @timestamp, @message, @logStream, @log",
  "| filter @message like /(?i)\\d\\s*(records|keys|objects|files|rows|items|messages|entries|documents)\\b|(records|keys|objects|files|rows|items|processed|ingested|imported|published|exported|loaded|count)\\s*[=:]\\s*\\d|no (new )?(objects|files|keys|records|rows|items|messages)\\b|nothing to (process|ingest|import|export|load|sync|do|publish)|skipp(ing|ed).{0,20}empty|empty (prefix|batch|input|directory|folder|bucket|listing)/",
  "| sort @timestamp desc",
  "| limit 1000",
].join("\n")

const day = (d: number): string => new Date(d).toISOString().slice(0, 10)

export const sweepEmptyRuns = (
  source: LogSourceService,
  ranked: ReadonlyArray<RankedLogGroup>,
  range: Range,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<Finding>, LogSourceError> =>
  Effect.gen(function* () {
    const { lines, span } = yield* readOwnGroups(source, ranked, range, answerByMs, {
      query: emptyRunQuery,
      lookbackMs,
      maxGroups,
      lambdaOnly: false,
    })
    return emptyRunsOf(lines).map((e): Finding => {
      const kind = /^\/aws\/lambda\//i.test(e.group) ? `Lambda ${e.job}` : e.job
      const what = e.noun === null ? "nothing" : `0 ${e.noun}`
      const where = e.path === null ? "" : ` under path/prefix ${e.path}`
      const before = `${e.lastCount.toLocaleString("en-US")} ${e.lastNoun ?? "processed"} the run before (${day(e.fullMs)} ${utcHhmm(e.fullMs)} UTC)`
      const streak = e.emptyRuns > 1 ? `; ${e.emptyRuns} empty runs in a row` : ""
      const aside = e.recovered
        ? " A later run processed input again: a quiet run, not a broken feed."
        : e.emptiesBefore > 0
          ? ` It had ${e.emptiesBefore} empty run(s) before too: this input is sometimes empty.`
          : " The run logged no error, so no error alarm fires: the input most likely moved (a new prefix or path, a renamed folder) or stopped arriving."
      return {
        id: "",
        agent: "cloudwatch_logs",
        title: redact(`${kind} ran OK but processed ${what}${where}, ${before}${streak}`),
        detail: redact(
          `${e.job} logged at ${utcHhmm(e.emptyMs)} UTC: "${clipText(e.warning, 240)}"; ` +
            `${e.fullRuns} earlier run(s) of the same input processed some, the last ${before}.${aside}`,
        ),
        severity: emptyRunSeverity(e),
        kind: "empty_run",
        // The missing output is still missing when the alert is read.
        observedAt: DateTime.unsafeMake(e.recovered ? e.emptyMs : Math.max(e.emptyMs, range.endMs)),
        resource: `loggroup/${e.group}`,
        service: e.job,
        link: source.consoleUrl({ logGroups: [e.group], query: emptyRunQuery, ...span }),
        excerpt: redact(clipText(e.warning, 300)),
      }
    })
  })
