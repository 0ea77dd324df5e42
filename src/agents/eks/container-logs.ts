/**
 * The previous logs of a failing container, reduced to the lines that tell why it died: fatal
 * lines (FATAL, panic, out of memory, segfaults, tracebacks) first, then errors, then warnings,
 * shown in their original order, redacted and clipped. A container whose previous instance
 * printed nothing telling yields no finding. Pure; reading the logs is the agent's job.
 */
import { DateTime } from "effect"
import type { Finding } from "../../domain/finding.js"
import { explicitLevel } from "../../domain/log-level.js"
import { readableLogMessage } from "../../domain/log-structured.js"
import { type RepeatedLastRequest, repeatedLastRequest } from "../../domain/memory-last-request.js"
import { unfinishedReplay } from "../../domain/memory-startup-replay.js"
import type { Severity } from "../../domain/severity.js"
import { eksFinding, type ScopedWorkload, shortPod } from "./eks-finding.js"
import { isOom, lastTermination } from "./pod-failures.js"

const fatal =
  /\b(?:fatal|panic|out of memory|outofmemory|oom|sigsegv|segmentation fault|traceback|unhandled|uncaught|killed)\b/i
const error =
  /\b(?:error|err|exception|failed|failure|refused|denied|timeout|timed out|cannot|unable to|no such)\b/i
const warning = /\b(?:warn|warning)\b/i

const leadingInstant = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2}))\s/
// Log4j-style `[2026-12-14T04:12:33,118]` (OpenSearch, Elasticsearch, Kafka) opens the line too.
const bracketedInstant =
  /^\[\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?\]\s*/
const withoutInstant = (line: string): string =>
  line.replace(leadingInstant, "").replace(bracketedInstant, "")

// "KeyError: 'DATABASE_URL'", "java.lang.IllegalStateException: …": the line a traceback ends
// with, which says why; the "Traceback (most recent call last):" that opens it does not.
const exceptionLine = /^\s*(?:[\w.$]+\.)?[A-Z]\w*(?:Error|Exception|Exit|Interrupt)\b(?::|$)/
const tracebackOpening = /\btraceback \(most recent call last\)/i

// A line that declares itself a warning (`[ warn]`, `level=warn`, `W1127`) stays one though it
// quotes an error (`error='ThrottlingException'`, `err=EOF`): a client retrying says so at WARN,
// and an OOM-killed container's last warnings are what it was doing, not why it died.
const tierOf = (line: string): number =>
  exhausted.test(line)
    ? 3
    : mereDeprecation(line) || belowThreshold(line)
      ? 0
      : explicitLevel(withoutInstant(line)) === "warn"
        ? 1
        : wordTier(line)

// "config key storage.legacyBucket is deprecated, use storage.buckets.episodes": a new version
// announcing a renamed setting it still reads. It tells nothing of why a pod fails its probe or
// dies, yet sits beside the real failure in the first lines a new pod prints; quoted, it reads as
// the cause. Not telling — unless the line is an error or says the value was refused.
const deprecation = /\b(?:deprecated|deprecation|will be removed in|is obsolete)\b/i
const refusal = /\b(?:refus\w*|rejected|cannot|unable to|failed|invalid|not supported|unsupported)\b/i
const mereDeprecation = (line: string): boolean => {
  if (!deprecation.test(line) || fatal.test(line) || refusal.test(line)) return false
  const level = explicitLevel(withoutInstant(line))
  return level === null ? !error.test(line) : level !== "error" && level !== "fatal"
}

// "WARN login rate high for sub=… (6 in 2m), not locking (threshold 10)": a guard reporting that
// it saw something and did NOT act, because a threshold was not reached. Routine noise in any
// auth or rate-limit service; quoted as the workload's error it leads the causes away from
// what broke. Not telling — unless the line is an error or says something failed.
const guardNotActing =
  /\bnot (?:locking|blocking|banning|throttling|rate[- ]limiting|alerting|paging|evicting|tripping|opening)\b|\b(?:below|under|within) (?:the )?(?:threshold|limit)\b/i
const belowThreshold = (line: string): boolean => {
  if (!guardNotActing.test(line) || fatal.test(line) || refusal.test(line)) return false
  const level = explicitLevel(withoutInstant(line))
  return level === "warn" || level === "info" || (level === null && !error.test(line))
}

// A store that ran out of disk says so at WARN (OpenSearch/Elasticsearch `flood stage disk
// watermark [95%] exceeded … marked read-only`, `No space left on device`): the level understates
// it — writes are refused from then on — so such lines rank with fatal ones whatever they declare.
const exhausted =
  /\b(?:flood[- ]stage (?:disk )?watermark|no space left on device|disk (?:is )?full|out of disk space|read-only-allow-delete|index[\w\s[\]-]{0,40} (?:is |was )?(?:marked|set) read-only)\b/i

// Java's "Caused by: java.lang.NoSuchMethodError: …" is the exception under the one a stack
// trace opens with ("BeanCreationException: Error creating bean …"): nearer the root cause, so
// it leads.
const causedBy = /^\s*caused by:\s+(?:[\w.$]+\.)?[A-Z]\w*(?:Error|Exception)\b/i

const wordTier = (line: string): number =>
  causedBy.test(withoutInstant(line))
    ? 4
    : exceptionLine.test(withoutInstant(line))
      ? 3
      : tracebackOpening.test(line)
        ? 2
        : fatal.test(line)
          ? 3
          : error.test(line)
            ? 2
            : warning.test(line)
              ? 1
              : 0

const clip = (s: string, max = 300): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`)

export interface TellingLine {
  readonly text: string
  readonly tier: number
  /** The line's own timestamp, else the nearest timestamp above it. */
  readonly at: DateTime.Utc | null
}

/** The most telling lines of a log (at most `max`), in log order; deduplicated. */
export const tellingLines = (text: string, max = 5): ReadonlyArray<TellingLine> => {
  let lastAt: DateTime.Utc | null = null
  const seen = new Set<string>()
  const candidates = text
    .split("\n")
    // JSON records read as text first (log-structured.ts): their level and message decide.
    .map((line) => readableLogMessage(line))
    .map((raw, index) => {
      const stamp = leadingInstant.exec(raw)?.[1]
      const own = stamp === undefined ? null : DateTime.make(stamp)
      if (own !== null && own._tag === "Some") lastAt = DateTime.toUtc(own.value)
      return { text: clip(raw.trim()), tier: tierOf(raw), at: lastAt, index }
    })
    .filter((l) => {
      const key = withoutInstant(l.text)
      if (l.tier === 0 || seen.has(key)) return false
      seen.add(key)
      return true
    })
  return [...candidates]
    .sort((a, b) => b.tier - a.tier || b.index - a.index)
    .slice(0, max)
    .sort((a, b) => a.index - b.index)
    .map(({ text: t, tier, at }) => ({ text: t, tier, at }))
}

export interface ContainerLog {
  readonly pod: string
  readonly container: string
  readonly previous: boolean
  readonly text: string
}

// Whether the pod's container was last ended by the OOM killer (the kubelet's reason).
const oomKilled = (w: ScopedWorkload, log: ContainerLog): boolean =>
  w.pods.some(
    (p) =>
      p.metadata.name === log.pod &&
      (p.status.containerStatuses ?? []).some((s) => {
        const t = s.name === log.container ? lastTermination(s) : null
        return t !== null && isOom(t)
      }),
  )

// When the killed instances last logged: the kill came right after.
const lastInstant = (logs: ReadonlyArray<ContainerLog>): DateTime.Utc | null => {
  const at = logs
    .flatMap((l) => l.text.split("\n").map((line) => leadingInstant.exec(line)?.[1] ?? ""))
    .flatMap((s) => {
      const t = s === "" ? undefined : DateTime.make(s)
      return t !== undefined && t._tag === "Some" ? [DateTime.toUtc(t.value)] : []
    })
  return at.reduce<DateTime.Utc | null>((m, t) => (m === null || t.epochMillis > m.epochMillis ? t : m), null)
}

/**
 * Every OOM-killed instance died running the same request or job (memory-last-request.ts): the
 * finding names that operation and its size, so the OOM cause says what filled the memory.
 */
const lastRequestFinding = (
  w: ScopedWorkload,
  logs: ReadonlyArray<ContainerLog>,
  excerpt: ReadonlyArray<string>,
): Finding | null => {
  const killed = logs.filter((l) => l.previous && oomKilled(w, l))
  const others = logs.filter((l) => !killed.includes(l))
  const op: RepeatedLastRequest | null = repeatedLastRequest(killed, others)
  const source = killed[0]
  if (op === null || source === undefined) return null
  const size =
    op.size === null
      ? ""
      : ` (${op.size}${op.lastFinished === null ? "" : `; last finished ${op.lastFinished}`})`
  return eksFinding({
    kind: "container_logs",
    title: `${w.name}: OOM-killed ${source.container} containers each died mid-request${size}: ${clip(op.started, 160)}`,
    detail: `The previous instances of container ${source.container} in ${op.pods.length} OOM-killed pods (${op.pods.map(shortPod).join(", ")}) all ended on the same unfinished operation ${op.id}${op.size === null ? "" : `, last logged at ${op.size}`}${op.lastFinished === null ? "" : ` (the same work last finished at ${op.lastFinished})`}: one request or job too big for the memory limit, retried, not traffic or a leak.`,
    severity: w.inScope ? "high" : "low",
    observedAt: lastInstant(killed),
    resource: `pod/${w.namespace}/${source.pod}`,
    service: w.name,
    excerpt: [op.started, ...excerpt].join("\n"),
  })
}

/**
 * An OOM-killed instance died rebuilding its state at startup — replaying its WAL, loading its
 * index (memory-startup-replay.ts): the data it holds outgrew the limit, and every restart dies
 * the same way. "OOM-killed" in the title joins it to the kill; it names what grew.
 */
const startupReplayFinding = (w: ScopedWorkload, logs: ReadonlyArray<ContainerLog>): Finding | null => {
  const found = logs
    .filter((l) => l.previous && oomKilled(w, l))
    .flatMap((l) => {
      const replay = unfinishedReplay(l.text)
      return replay === null ? [] : [{ log: l, replay }]
    })[0]
  if (found === undefined) return null
  const { log, replay } = found
  const progress = replay.progress === null ? "" : ` (${replay.progress})`
  return eksFinding({
    kind: "container_logs",
    title:
      `${w.name}: OOM-killed ${log.container} container died replaying its ${replay.what} at startup${progress}` +
      `: what it holds has outgrown its memory limit`,
    detail:
      `The previous instance of container ${log.container} in pod ${shortPod(log.pod)} was OOM-killed while it ` +
      `rebuilt its in-memory state from disk ("${clip(replay.started, 120)}"${progress}) and never logged the ` +
      `replay's end. What a replay loads grows with the data (series, entries, segments accumulated over days), ` +
      "so each restart dies the same way with no deploy: raise the memory limit or cut what it holds (shard, " +
      "drop high-cardinality series, shorten retention), rather than restarting it.",
    severity: w.inScope ? "high" : "low",
    observedAt: lastInstant([log]),
    resource: `pod/${w.namespace}/${log.pod}`,
    service: w.name,
    excerpt: replay.started,
  })
}

export const containerLogFinding = (w: ScopedWorkload, logs: ReadonlyArray<ContainerLog>): Finding | null => {
  const [first] = logs
  if (first === undefined) return null
  const perPod = logs.map((l) => ({ log: l, lines: tellingLines(l.text) }))
  const lines = perPod.flatMap((p) => p.lines)
  const seen = new Set<string>()
  const distinct = lines.filter((l) => {
    const key = withoutInstant(l.text)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  // The most telling six across pods, in read order: a later pod's fatal line outranks the
  // first pod's warnings.
  const kept = new Set([...distinct].sort((a, b) => b.tier - a.tier).slice(0, 6))
  const unique = distinct.filter((l) => kept.has(l))
  const poison = lastRequestFinding(
    w,
    logs,
    unique.map((l) => l.text),
  )
  if (poison !== null) return poison
  const replay = startupReplayFinding(w, logs)
  if (replay !== null) return replay
  if (unique.length === 0) return null
  const worst = Math.max(...unique.map((l) => l.tier))
  const headline = [...unique].sort((a, b) => b.tier - a.tier)[0]
  const severity: Severity = !w.inScope ? "low" : worst >= 2 ? "high" : "low"
  const source = perPod.find((p) => p.lines.length > 0)?.log ?? first
  const instance = source.previous ? "previous" : "current"
  const pods = [...new Set(perPod.filter((p) => p.lines.length > 0).map((p) => shortPod(p.log.pod)))]
  return eksFinding({
    kind: "container_logs",
    title: `${w.name}: ${instance} ${source.container} container logged "${clip(withoutInstant(headline?.text ?? ""), 120)}"`,
    detail: `${unique.length} telling line${unique.length === 1 ? "" : "s"} in the last lines of the ${instance} instance of container ${source.container} (pods ${pods.join(", ")}).`,
    severity,
    observedAt: headline?.at ?? null,
    resource: `pod/${w.namespace}/${source.pod}`,
    service: w.name,
    excerpt: unique.map((l) => l.text).join("\n"),
  })
}
