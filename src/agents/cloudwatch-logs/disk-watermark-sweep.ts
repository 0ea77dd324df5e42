/**
 * A search cluster past its disk watermarks (disk-watermark.ts): the cluster logs the crossing in
 * its own nodes' lines, which no scope by the alert's names reads (they name the node, not the
 * alert's service), and its writers log the refused bulk writes. Both are read from the groups
 * discovery ranked (shared ones included), for those words only.
 */
import { DateTime, Effect } from "effect"
import { diskWatermarksOf } from "../../domain/disk-watermark.js"
import type { Finding } from "../../domain/finding.js"
import type { RankedLogGroup } from "../../domain/log-group-discovery.js"
import { redact } from "../../domain/redact.js"
import { clipText } from "../../domain/report-text.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { linesOf } from "./error-query.js"
import type { Range } from "./query-pass.js"
import { runInsightsQuery } from "./run-query.js"

const maxGroups = 6

export const diskWatermarkQuery = [
  "fields @timestamp, @message, @logStream, @log",
  "| filter @message like /(?i)disk watermark|cluster_block_exception/",
  "| sort @timestamp desc",
  "| limit 500",
].join("\n")

/** Words of a search cluster in trouble: the sweep is asked only when the alert or a line read has one. */
export const searchClusterWords =
  /opensearch|elasticsearch|\bshards?\b|disk watermark|cluster_block_exception|read[-_ ]only[-_ ]allow[-_ ]delete/i

const stageWords = { low: "low", high: "high", flood: "flood-stage" } as const

export const sweepDiskWatermarks = (
  source: LogSourceService,
  ranked: ReadonlyArray<RankedLogGroup>,
  range: Range,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<Finding>, LogSourceError> =>
  Effect.gen(function* () {
    const groups = ranked.map((g) => g.name).slice(0, maxGroups)
    if (groups.length === 0) return []
    const outcome = yield* runInsightsQuery(
      source,
      { logGroups: groups, ...range, query: diskWatermarkQuery },
      answerByMs,
    )
    const lines = [...linesOf(outcome.rows, groups)].sort((a, b) => a.timestampMs - b.timestampMs)
    return diskWatermarksOf(lines).map((w): Finding => {
      const stage = stageWords[w.stage]
      const free = w.free === null ? "" : ` (free: ${w.free})`
      const readOnly = w.stage === "flood" ? "; its indices are read-only-allow-delete" : ""
      const writes =
        w.rejected === 0
          ? ""
          : `, ${w.rejected} write(s) rejected${w.writers.length > 0 ? ` (${w.writers.join(", ")})` : ""}`
      return {
        id: "",
        agent: "cloudwatch_logs",
        title: redact(
          clipText(
            `${w.cluster}: ${stage} disk watermark [${w.threshold}] exceeded on ${w.nodes.join(", ")}${free}${readOnly}${writes}`,
            240,
          ),
        ),
        detail: redact(
          `${w.cluster}'s data node(s) ${w.nodes.join(", ")} crossed the ${stage} disk watermark ` +
            `[${w.threshold}] from ${utcHhmm(w.firstMs)} to ${utcHhmm(w.lastMs)} UTC${free}. Past the high ` +
            "watermark the cluster allocates no shard to the node (health yellow, red when primaries cannot " +
            "be placed); past the flood stage it blocks writes to every index on it (cluster_block_exception, " +
            `429/403)${writes === "" ? "" : `: ${writes.slice(2)}`}. Free or add disk; the block lifts once usage ` +
            "falls below the high watermark.",
        ),
        severity: w.stage === "flood" ? "critical" : "high",
        kind: "disk_watermark",
        observedAt: DateTime.unsafeMake(w.lastMs),
        resource: `loggroup/${w.group}`,
        service: w.cluster,
        link: source.consoleUrl({ logGroups: [w.group], query: diskWatermarkQuery, ...range }),
        excerpt: redact(clipText(w.example.trim(), 300)),
      }
    })
  })
