/**
 * A job that ran "successfully" and did nothing. A scheduled function or batch job whose input
 * moved (a partner's new S3 prefix, a renamed directory, an emptied queue) lists nothing, logs
 * `0 keys`, `records=0`, "no objects found under prefix …", "nothing to process", and ends OK:
 * no ERROR line, no failed invocation, only a WARNING or an INFO — while the runs before it, in
 * the window or the day before, processed many. Each count line is keyed by what it is about (the
 * path or prefix with its dates blanked, the `partner=…`-like tags it carries) so an input that
 * went empty is compared with its own earlier runs, not with another input that still flows.
 * Decoys: an input empty at every run (nothing to compare with, no finding), an empty run the
 * next run recovered from or one among earlier empties (low: normal quiet hours). Pure.
 */
import type { LogLine } from "./log-clusters.js"
import { serviceOfGroup } from "./log-origin.js"

export interface EmptyRun {
  /** The job: the function or service the group is named after, else the group. */
  readonly job: string
  readonly group: string
  /** The path or prefix the empty line names (as written), else null. */
  readonly path: string | null
  /** The empty line, without its logger's prefix. */
  readonly warning: string
  /** What was counted (`keys`, `records`), when the line says. */
  readonly noun: string | null
  /** Consecutive latest runs of this input that found nothing. */
  readonly emptyRuns: number
  /** Earlier runs of this input that processed something, and the last one's count. */
  readonly fullRuns: number
  readonly lastCount: number
  readonly lastNoun: string | null
  /** Runs of this input that were empty before the full ones ended (normal quiet runs). */
  readonly emptiesBefore: number
  /** A later run processed something again. */
  readonly recovered: boolean
  readonly emptyMs: number
  readonly fullMs: number
}

const nouns = "records|keys|objects|files|rows|items|messages|entries|documents|events"
// `records=0`, `processed: 12`, `count=3`: a counter a run logs.
const tagCount = new RegExp(
  `\\b(${nouns}|processed|ingested|imported|published|exported|loaded|written|uploaded|synced|count)\\s*[=:]\\s*(\\d[\\d,]*)\\b`,
  "gi",
)
// "returned 0 keys", "processed 1,240 records", "moved 7 processed keys". Not the tail of an id
// (a request id's last group before "no objects found") nor "N no …".
const phraseCount = new RegExp(`(?<![\\w.:-])(\\d[\\d,]*)\\s+(?:(?!no\\b)[a-z_-]+\\s+)?(${nouns})\\b`, "gi")
const emptyWords = new RegExp(
  `\\bno (?:new )?(?:${nouns})\\b(?:\\s+(?:found|to process|under|in|at|matched))?|` +
    "\\bnothing to (?:process|ingest|import|export|load|sync|do|publish)\\b|" +
    "\\bskipp(?:ing|ed)\\b[^.]{0,20}\\bempty\\b|" +
    "\\bempty (?:prefix|batch|input|directory|folder|bucket|manifest|listing|result)\\b",
  "i",
)
const pathWords =
  /\b(?:s3|gs|az|abfss?|hdfs|sftp|ftp):\/\/[^\s"'(),]+|(?<=^|[\s=])\/[\w.-]+(?:\/[\w.=-]+)+\/?/g
// Tags that say how a line was logged, not which input it is about.
const notSubjects = new Set([
  "level",
  "lvl",
  "severity",
  "msg",
  "message",
  "status",
  "rule",
  "logger",
  "caller",
  "run_date",
  "date",
  "ts",
  "time",
  "env",
  "version",
  "region",
])
// A value that is a URL's scheme (`prefix=s3://…`) is the path's, not a tag every input shares.
const tagWords = /\b([a-z_][\w.-]*)=([a-z][\w.-]*)(?![\w.:/-])/gi
const uuidWords = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i
/** Lines further apart than this with no request id to tell them belong to different runs. */
const runGapMs = 5 * 60_000

interface Observation {
  readonly line: LogLine
  readonly count: number
  readonly noun: string | null
  readonly subjects: ReadonlyArray<string>
  readonly path: string | null
  run: number
}

const number = (s: string): number => Number(s.replaceAll(",", ""))

/** A path with its dates and run stamps blanked: the same input on another day. */
const pathKey = (p: string): string =>
  p
    .replace(/\/+$/, "")
    .replace(/\d{4}-\d{2}-\d{2}|\d{4}\/\d{2}\/\d{2}|\b\d{8}\b/g, "<date>")
    .replace(/\d+/g, "<n>")

/** The line's message without Lambda's `[LEVEL]\ttime\trequest-id\t` prefix. */
export const emptyLineText = (m: string): string => m.split("\t").at(-1)?.trim() ?? m.trim()

const observe = (line: LogLine): Observation | null => {
  const m = line.message
  const counts: Array<{ n: number; noun: string }> = []
  for (const c of m.matchAll(tagCount))
    counts.push({ n: number(c[2] ?? "0"), noun: (c[1] ?? "").toLowerCase() })
  for (const c of m.matchAll(phraseCount))
    counts.push({ n: number(c[1] ?? "0"), noun: (c[2] ?? "").toLowerCase() })
  const empty = emptyWords.test(m)
  if (counts.length === 0 && !empty) return null
  const count = Math.max(0, ...counts.map((c) => c.n))
  // A run that says it found nothing and also counts something is about two inputs: not a signal.
  if (empty && count > 0) return null
  const paths = [...m.matchAll(pathWords)].map((p) => p[0])
  const tags = [...m.matchAll(tagWords)].flatMap((t) =>
    notSubjects.has((t[1] ?? "").toLowerCase()) ? [] : [`${t[1]}=${t[2]}`.toLowerCase()],
  )
  const subjects = [...paths.map((p) => `path:${pathKey(p)}`), ...tags.map((t) => `tag:${t}`)]
  const noun = counts.find((c) => c.n === count && /s$/.test(c.noun) && c.noun !== "processed")?.noun ?? null
  return {
    line,
    count,
    noun: noun ?? counts.find((c) => c.n === count)?.noun ?? null,
    subjects: subjects.length === 0 ? ["*"] : subjects,
    path: paths[0] ?? null,
    run: 0,
  }
}

/** Number the group's observations by run: a new request id, or a gap between lines. */
const numberRuns = (obs: ReadonlyArray<Observation>): void => {
  let run = 0
  let prev: Observation | undefined
  let prevId: string | null = null
  for (const o of obs) {
    const id = uuidWords.exec(o.line.message)?.[0]?.toLowerCase() ?? null
    if (
      prev !== undefined &&
      ((id !== null && prevId !== null && id !== prevId) ||
        o.line.timestampMs - prev.line.timestampMs > runGapMs)
    )
      run++
    o.run = run
    prev = o
    if (id !== null) prevId = id
  }
}

const emptyRunOf = (group: string, obs: ReadonlyArray<Observation>, subject: string): EmptyRun | null => {
  const about = obs.filter((o) => o.subjects.includes(subject))
  const runs = [...new Set(about.map((o) => o.run))].sort((a, b) => a - b)
  const full = (r: number) => about.some((o) => o.run === r && o.count > 0)
  const lastEmpty = [...runs].reverse().find((r) => !full(r))
  if (lastEmpty === undefined) return null
  const before = runs.filter((r) => r < lastEmpty)
  let start = before.length
  while (start > 0 && !full(before[start - 1] ?? -1)) start--
  const streak = before.length - start + 1
  const fullBefore = before.filter(full)
  const lastFullRun = fullBefore.at(-1)
  if (lastFullRun === undefined) return null
  const lastFull = about.filter((o) => o.run === lastFullRun && o.count > 0)
  const lastCount = Math.max(...lastFull.map((o) => o.count))
  const empties = about.filter((o) => o.run === lastEmpty)
  const shown = empties.find((o) => o.path !== null) ?? empties[0]
  if (shown === undefined) return null
  return {
    job: serviceOfGroup(group) ?? group,
    group,
    path: shown.path,
    warning: emptyLineText(shown.line.message),
    noun: shown.noun,
    emptyRuns: streak,
    fullRuns: fullBefore.length,
    lastCount,
    lastNoun: lastFull.find((o) => o.count === lastCount)?.noun ?? null,
    emptiesBefore: before.slice(0, start).filter((r) => !full(r)).length,
    recovered: runs.some((r) => r > lastEmpty && full(r)),
    emptyMs: shown.line.timestampMs,
    fullMs: Math.max(...lastFull.map((o) => o.line.timestampMs)),
  }
}

/** How much an empty run says (see the module header). */
export const emptyRunSeverity = (e: EmptyRun): "high" | "medium" | "low" =>
  e.recovered || e.emptiesBefore > 0 ? "low" : e.emptyRuns >= 2 && e.fullRuns >= 2 ? "high" : "medium"

const rank = (e: EmptyRun): number =>
  (emptyRunSeverity(e) === "low" ? 0 : 100) + (e.path === null ? 0 : 10) + Math.min(e.fullRuns, 9)

/** Per group, the input whose latest runs processed nothing after runs that processed some. */
export const emptyRunsOf = (lines: ReadonlyArray<LogLine>): ReadonlyArray<EmptyRun> => {
  const byGroup = new Map<string, Array<Observation>>()
  for (const l of lines) {
    const o = observe(l)
    if (o !== null) byGroup.set(l.group, [...(byGroup.get(l.group) ?? []), o])
  }
  return [...byGroup.entries()]
    .flatMap(([group, unsorted]) => {
      const obs = [...unsorted].sort((a, b) => a.line.timestampMs - b.line.timestampMs)
      numberRuns(obs)
      const subjects = [...new Set(obs.filter((o) => o.count === 0).flatMap((o) => o.subjects))]
      const found = subjects.flatMap((s) => {
        const e = emptyRunOf(group, obs, s)
        return e === null ? [] : [e]
      })
      const best = [...found].sort((a, b) => rank(b) - rank(a))[0]
      return best === undefined ? [] : [best]
    })
    .sort((a, b) => rank(b) - rank(a))
}
