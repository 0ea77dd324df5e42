/**
 * The workloads an AWS API refused for its rate or its provisioned capacity (domain/aws-throttling.ts),
 * whatever the alert names. An alarm on a queue's age or a table's latency names the resource,
 * not the worker whose calls are throttled, and a worker that retries logs the refusals at WARN;
 * the scoped error query misses both. One Logs Insights query over the groups already chosen,
 * unscoped, filtered on the AWS error codes; each workload and AWS resource throttled in the
 * window is a finding (`aws_throttled`) about that workload, so cause inference cites it only
 * when the alert's scope reaches it. A line the error pass also read is read again on purpose: a
 * worker that retries logs its refusals at WARN, which the error pass rates low.
 */
import { DateTime, Effect } from "effect"
import { type AwsThrottle, awsThrottleFilter, awsThrottleOf } from "../../domain/aws-throttling.js"
import {
  type CapacityChange,
  capacityChangeOf,
  capacityEvents,
} from "../../domain/cloudtrail-capacity-change.js"
import type { Finding } from "../../domain/finding.js"
import type { LogLine } from "../../domain/log-clusters.js"
import { logOrigin } from "../../domain/log-origin.js"
import { redact } from "../../domain/redact.js"
import { clipText } from "../../domain/report-text.js"
import { utcHhmm } from "../../domain/utc-clock.js"
import type { LogSourceError, LogSourceService } from "../../ports/log-source.js"
import { lineOf, linesOf } from "./error-query.js"
import { cloudTrailGroups } from "./group-names.js"
import type { Range } from "./query-pass.js"
import { runInsightsQuery } from "./run-query.js"

const rowLimit = 500
export const maxThrottleFindings = 3

export const awsThrottleQuery = [
  "fields @timestamp, @message, @logStream, @log",
  `| filter @message like ${awsThrottleFilter}`,
  "| sort @timestamp desc",
  `| limit ${rowLimit}`,
].join("\n")

/** Whose a line is: the workload its stream or group names, else null (no finding can be about it). */
const ownerOf = (l: LogLine): string | null => logOrigin(l.group, l.stream).service

export interface Throttled {
  readonly owner: string
  readonly what: AwsThrottle
  readonly lines: ReadonlyArray<LogLine>
}

/**
 * The workloads and AWS services/resources the lines say were throttled, most lines first, at
 * most `maxThrottleFindings`.
 */
export const throttledOf = (lines: ReadonlyArray<LogLine>): ReadonlyArray<Throttled> => {
  const read = lines.flatMap((line) => {
    const what = awsThrottleOf(line.message)
    const owner = ownerOf(line)
    return what === null || owner === null ? [] : [{ line, owner, what }]
  })
  // A retry's last line ("giving up after 10 attempts: … Rate of requests exceeds …") often names
  // no table: it is the owner's table the other lines name, when they name only one.
  const named = new Map<string, Set<string>>()
  for (const r of read) {
    if (r.what.service === null || r.what.resource === null) continue
    const k = `${r.owner}\u0000${r.what.service}\u0000${r.what.resource ?? ""}`
    named.set(r.owner, (named.get(r.owner) ?? new Set()).add(k))
  }
  const groups = new Map<string, { owner: string; what: AwsThrottle; lines: Array<LogLine> }>()
  for (const { line, owner, what: own } of read) {
    const mine = [...(named.get(owner) ?? [])]
    const only = mine.length === 1 ? mine[0]?.split("\u0000") : undefined
    const inherit =
      only !== undefined && own.resource === null && (own.service === null || own.service === only[1])
    const what: AwsThrottle = inherit ? { ...own, service: only[1] ?? null, resource: only[2] ?? null } : own
    const key = `${owner}\u0000${what.service ?? ""}\u0000${what.resource ?? ""}`
    const entry = groups.get(key) ?? { owner, what, lines: [] }
    entry.lines.push(line)
    groups.set(key, entry)
  }
  return [...groups.values()]
    .sort((a, b) => b.lines.length - a.lines.length || a.owner.localeCompare(b.owner))
    .slice(0, maxThrottleFindings)
}

/** One finding per workload and AWS service/resource the lines say were throttled (throttledOf). */
export const throttleFindings = (
  throttled: ReadonlyArray<Throttled>,
  link: (groups: ReadonlyArray<string>) => string | null,
): ReadonlyArray<Finding> =>
  throttled.map(({ owner, what, lines: ls }) => {
    const sorted = [...ls].sort((a, b) => a.timestampMs - b.timestampMs)
    const firstMs = sorted[0]?.timestampMs ?? 0
    const last = sorted[sorted.length - 1]
    const lastMs = last?.timestampMs ?? firstMs
    const span = firstMs === lastMs ? `at ${utcHhmm(firstMs)}` : `${utcHhmm(firstMs)}–${utcHhmm(lastMs)}`
    const api = what.service === null ? "AWS" : what.service
    const on = what.resource === null ? "" : ` on ${what.resource}`
    const inGroups = [...new Set(ls.map((l) => l.group).filter((g) => g !== ""))]
    const excerpt = clipText((last?.message ?? "").trim(), 400)
    return {
      id: "",
      agent: "cloudwatch_logs",
      title: redact(`${owner}: ${api} throttling${on} — ${what.code} (×${ls.length} ${span} UTC)`),
      detail: redact(
        `${owner} logged ${ls.length} line(s) in ${inGroups.join(", ") || "its log group"} from ` +
          `${utcHhmm(firstMs)} to ${utcHhmm(lastMs)} UTC where ${api} refused its calls${on} (${what.code}): "${excerpt}". ` +
          "The API's rate or provisioned capacity is used up: the calls retry and back off, so the " +
          "work they do slows or backs up. A change usually used it up: less capacity provisioned, " +
          "more calls per request, more callers.",
      ),
      severity: ls.length >= 2 ? "high" : "medium",
      kind: "aws_throttled",
      observedAt: DateTime.unsafeMake(firstMs),
      resource: `loggroup/${inGroups[0] ?? ""}`,
      service: owner,
      link: link(inGroups),
      excerpt: redact(excerpt),
    } satisfies Finding
  })

const maxTrailGroups = 2

export const capacityChangeQuery = [
  "fields @timestamp, @message, @logStream, @log",
  `| filter @message like /"eventName":\\s*"(${[...capacityEvents].join("|")})"/`,
  "| sort @timestamp desc",
  `| limit ${rowLimit}`,
].join("\n")

/** A capacity change as a change finding of the workload throttled on its resource. */
export const capacityChangeFinding = (
  c: CapacityChange,
  owner: string,
  group: string,
  link: string | null,
): Finding => {
  const set = c.settings.length === 0 ? "" : ` (${c.settings.join(", ")})`
  const by = c.actor === null ? "" : ` by ${c.actor}`
  return {
    id: "",
    agent: "cloudwatch_logs",
    title: redact(`${c.service} ${c.eventName} on ${c.resource} at ${utcHhmm(c.atMs)} UTC${set}${by}`),
    detail: redact(
      `CloudTrail (${group}) recorded ${c.eventName} on ${c.resource} at ${new Date(c.atMs).toISOString()}${by}${set}. ` +
        `${owner}'s calls on ${c.resource} are throttled after it: the capacity this change set is what ran out.`,
    ),
    severity: "medium",
    kind: "aws_capacity_change",
    observedAt: DateTime.unsafeMake(c.atMs),
    resource: `loggroup/${group}`,
    service: owner,
    link,
    excerpt: null,
  }
}

/** The capacity changes CloudTrail recorded on the throttled resources since `sinceMs`. */
const capacityChanges = (
  source: LogSourceService,
  throttled: ReadonlyArray<Throttled>,
  range: Range,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<Finding>, LogSourceError> =>
  Effect.gen(function* () {
    const owners = new Map(
      throttled.flatMap((t) => (t.what.resource === null ? [] : [[t.what.resource, t.owner] as const])),
    )
    if (owners.size === 0) return []
    const groups = (yield* cloudTrailGroups(source)).slice(0, maxTrailGroups)
    if (groups.length === 0) return []
    const outcome = yield* runInsightsQuery(
      source,
      { logGroups: groups, ...range, query: capacityChangeQuery },
      answerByMs,
    )
    const link = source.consoleUrl({ logGroups: groups, query: capacityChangeQuery, ...range })
    const found = outcome.rows.flatMap((r) => {
      const line = lineOf(r, groups)
      const change = line === null ? null : capacityChangeOf(line.message, [...owners.keys()])
      const owner = change === null ? undefined : owners.get(change.resource)
      return line === null || change === null || owner === undefined
        ? []
        : [capacityChangeFinding(change, owner, line.group || (groups[0] ?? ""), link)]
    })
    // The latest change per resource: the one in force when the throttling began.
    return found
      .sort((a, b) => (b.observedAt?.epochMillis ?? 0) - (a.observedAt?.epochMillis ?? 0))
      .filter((f, i, all) => all.findIndex((g) => g.service === f.service) === i)
  })

/**
 * Query `groups` for AWS throttling over the window, then CloudTrail (since `changesSinceMs`) for
 * the change to the throttled resources' capacity; nothing found (or no group) is no finding.
 */
export const sweepAwsThrottling = (
  source: LogSourceService,
  groups: ReadonlyArray<string>,
  range: Range,
  changesSinceMs: number,
  answerByMs: number,
): Effect.Effect<ReadonlyArray<Finding>, LogSourceError> =>
  Effect.gen(function* () {
    if (groups.length === 0) return []
    const outcome = yield* runInsightsQuery(
      source,
      { logGroups: groups, ...range, query: awsThrottleQuery },
      answerByMs,
    )
    const lines = linesOf(outcome.rows, groups)
    const throttled = throttledOf(lines)
    const findings = throttleFindings(throttled, (gs) =>
      source.consoleUrl({ logGroups: gs.length === 0 ? groups : gs, query: awsThrottleQuery, ...range }),
    )
    const changes = yield* capacityChanges(
      source,
      throttled,
      { startMs: Math.min(changesSinceMs, range.startMs), endMs: range.endMs },
      answerByMs,
    ).pipe(Effect.orElseSucceed((): ReadonlyArray<Finding> => []))
    return [...findings, ...changes]
  })
