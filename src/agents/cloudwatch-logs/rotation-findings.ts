/**
 * When the alerting service's own error lines say its credentials are refused ("password
 * authentication failed for user …", "invalid api key", 401), the logs agent looks for the
 * change behind it: a credential rotation. Rotation functions log to their own groups
 * (`/aws/lambda/SecretsManagerRDSPostgreSQLRotationSingleUser-…`, `…-secret-rotator`), which no
 * alert names, so they are found by the word every such name carries ("rotat") and read over
 * the change lookback. A rotation that began before the first refusal and shares a database
 * user or a distinctive word of the service's name with it (credential-rotation.ts) is a
 * `credential_rotation` finding about that service: a change, which cause inference lines up
 * with the refusals. Bounded: a page of group names, a page of events from a few groups.
 */
import { DateTime, Effect } from "effect"
import type { AgentTask } from "../../domain/agent-task.js"
import {
  type Refusal,
  type Rotation,
  refusalIn,
  rotatedWhat,
  rotationExplains,
  rotationLine,
  rotationsOf,
  rotationTitle,
} from "../../domain/credential-rotation.js"
import type { Finding } from "../../domain/finding.js"
import { redact } from "../../domain/redact.js"
import { leadingName } from "../../domain/report-scope.js"
import { severityRank } from "../../domain/severity.js"
import type { LogSourceService } from "../../ports/log-source.js"

/** Rotation groups read at most, and events read from each. */
export const maxRotationGroups = 4
const eventsPerGroup = 200
const groupPageSize = 50

/** The refusals among a pass's in-scope signature findings (medium or worse), earliest per service. */
export const refusalsOf = (findings: ReadonlyArray<Finding>): ReadonlyArray<Refusal> => {
  const found = findings.flatMap((f) => {
    if (f.kind !== "log_signature" || severityRank(f.severity) < severityRank("medium")) return []
    const service = f.service ?? leadingName(f.title)
    const at = f.observedAt?.epochMillis
    if (service === null || at === undefined) return []
    const refusal = refusalIn(service, `${f.title}\n${f.detail}\n${f.excerpt ?? ""}`, at)
    return refusal === null ? [] : [refusal]
  })
  const byService = new Map<string, Refusal>()
  for (const r of found) {
    const seen = byService.get(r.service)
    byService.set(
      r.service,
      seen === undefined
        ? r
        : {
            ...seen,
            users: [...new Set([...seen.users, ...r.users])],
            firstMs: Math.min(seen.firstMs, r.firstMs),
          },
    )
  }
  return [...byService.values()]
}

const clock = (ms: number): string => `${new Date(ms).toISOString().slice(11, 19)}Z`

/** The finding for a rotation that explains a service's refusals. */
export const rotationFinding = (rotation: Rotation, refusal: Refusal, link: string | null): Finding => {
  const what = rotatedWhat(rotation)
  const steps = rotation.steps.join(" → ")
  return {
    id: "",
    agent: "cloudwatch_logs",
    kind: "credential_rotation",
    title: redact(
      rotationTitle(
        refusal.service,
        what,
        rotation.doneMs,
        `before its first "${refusal.words}" at ${clock(refusal.firstMs)}`,
      ),
    ),
    detail: redact(
      `The rotation function logging to ${rotation.group} rotated ${what} (${steps}) between ` +
        `${clock(rotation.startedMs)} and ${clock(rotation.doneMs)}; ${refusal.service}'s credentials are refused ` +
        `from ${clock(refusal.firstMs)} on. Clients that read the secret once (an environment variable read at ` +
        "start, a cached connection pool) keep the old value until they restart or re-read it.",
    ),
    severity: "medium",
    observedAt: DateTime.unsafeMake(rotation.doneMs),
    resource: `loggroup/${rotation.group}`,
    service: refusal.service,
    link,
    excerpt: null,
  }
}

/** Rotation log groups, lambdas first (their name says they rotate something). */
const rotationGroups = (source: LogSourceService) =>
  source.describeLogGroups({ pattern: "rotat", limit: groupPageSize }).pipe(
    Effect.map((page) =>
      page.groups
        .map((g) => g.name)
        .filter((n) => !/logrotat|log-rotat/i.test(n))
        .sort((a, b) => Number(b.startsWith("/aws/lambda/")) - Number(a.startsWith("/aws/lambda/")))
        .slice(0, maxRotationGroups),
    ),
  )

/**
 * The `credential_rotation` findings for `signatures`' refused credentials: none when nothing
 * is refused (no call is made) or no rotation explains the refusals. Never fails: a group that
 * cannot be read costs its rotations only.
 */
export const rotationFindings = (
  source: LogSourceService,
  task: AgentTask,
  signatures: ReadonlyArray<Finding>,
): Effect.Effect<ReadonlyArray<Finding>> =>
  Effect.gen(function* () {
    const refusals = refusalsOf(signatures)
    if (refusals.length === 0) return []
    const startMs = Math.min(task.alert.window.changesSince.epochMillis, task.alert.window.start.epochMillis)
    const endMs = task.alert.window.end.epochMillis
    const groups = yield* rotationGroups(source)
    const pages = yield* Effect.forEach(
      groups,
      (group) =>
        source.filterLogEvents({ logGroup: group, startMs, endMs, limit: eventsPerGroup }).pipe(
          Effect.map((page) => page.events.flatMap((e) => rotationLine(e.message, e.timestamp, group) ?? [])),
          Effect.orElseSucceed(() => []),
        ),
      { concurrency: 2 },
    )
    const rotations = rotationsOf(pages.flat())
    return refusals.flatMap((refusal) => {
      // The latest rotation that explains it: the change the refusals followed.
      const rotation = rotations
        .filter((r) => rotationExplains(r, refusal))
        .sort((a, b) => b.doneMs - a.doneMs)[0]
      if (rotation === undefined) return []
      const link = source.consoleUrl({
        logGroups: [rotation.group],
        query: "fields @timestamp, @message | sort @timestamp asc",
        startMs: rotation.startedMs - 60_000,
        endMs: rotation.doneMs + 60_000,
      })
      return [rotationFinding(rotation, refusal, link)]
    })
  }).pipe(Effect.orElseSucceed(() => []))
