/**
 * The request or job an OOM-killed container was running when it died. When every killed
 * instance's log ends on the same operation — one export, job or request id, started and never
 * finished — that operation is what fills the memory (a poison request, a job grown too big),
 * not a leak or the traffic: the cause must name it, its size when last logged (rows, bytes,
 * items) and, when the logs show one, the size the same kind of operation last finished with.
 * A last line that differs per instance is ordinary traffic; a health check, an access-log line
 * or a finished operation is no operation in flight. Pure.
 */

export interface InstanceLog {
  readonly pod: string
  readonly text: string
}

export interface RepeatedLastRequest {
  /** The id token every killed instance ended on ("export_id=exp_5Hq2Lm"). */
  readonly id: string
  /** The line that started it, without timestamp and logger prefix. */
  readonly started: string
  /** Its size when last logged ("rows=7418336"), if any line said. */
  readonly size: string | null
  /** The size such an operation last finished with ("rows=1187204"), if the logs hold one. */
  readonly lastFinished: string | null
  readonly pods: ReadonlyArray<string>
}

const instant = /^\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?\]?\s*/
// "[INFO] app.exports: ", "INFO  c.a.Jobs - ", "level=info msg=": the logger's preamble, not the operation.
const preamble =
  /^(?:\[?(?:trace|debug|info|notice|warn|warning|error)\]?\s+)?(?:[\w.$-]+(?:\[\d+\])?:\s+|[\w.$-]+ - )?/i
const bare = (line: string): string => line.replace(instant, "").replace(preamble, "").trim()

// Ids that name one operation: export_id=…, job=…, request_id=…, taskId: …, run=… — not a
// process id or a trace's span. Keys and values are matched flat (no nested repeats) to stay linear.
const keyValue = /\b([A-Za-z][\w.-]{0,40})[=:]\s*"?([A-Za-z0-9][\w.:/-]{2,})/g
const operationKey = /(?:^|[_.-])(?:id|job|task|run|batch)$|^(?:job|task|run|batch)(?:_?id)?$|[a-z](?:Id|ID)$/
const notOperation = /^(?:pid|tid|thread_?id|span_?id|trace_?id|worker_?id|uid|gid)$/i
const idsOf = (line: string): ReadonlyArray<string> =>
  [...line.matchAll(keyValue)]
    .filter((m) => operationKey.test(m[1] ?? "") && !notOperation.test(m[1] ?? ""))
    .map((m) => `${(m[1] ?? "").toLowerCase()}=${m[2] ?? ""}`)

// "batch export completed …", "job finished", "200 41ms" in an access log: the work ended. "query
// complete …; serializing" is a step of it that goes on.
const finished = /\b(?:completed|finished|succeeded|done)\b(?![^\n]*;\s*[a-z]+ing\b)/i
const accessLine = /"(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) [^"]*HTTP\/[\d.]+"\s+\d{3}\b/
const healthCheck = /\/(?:healthz?|livez|readyz|ready|live|ping|metrics|status)\b|kube-probe|health ?check/i
const ended = (line: string): boolean =>
  finished.test(line) || accessLine.test(line) || healthCheck.test(line)

const sizeToken =
  /\b(rows|records|items|objects|messages|events|entries|bytes|size|count|documents|lines)[=:]\s*(\d[\d,.]*(?:\s?[kmgt]i?b|[kmg])?)\b/gi
const lastSize = (lines: ReadonlyArray<string>): string | null => {
  const sizes = lines.flatMap((l) =>
    [...l.matchAll(sizeToken)].map((m) => `${(m[1] ?? "").toLowerCase()}=${m[2] ?? ""}`),
  )
  return sizes.at(-1) ?? null
}

// How far back from the end an operation's lines may reach: a started request logs a step or two
// ("executing query", "query complete; serializing") before it is killed.
const tailLines = 4

interface InFlight {
  readonly id: string
  readonly lines: ReadonlyArray<string>
}

/** The operation a log ends in the middle of, if its last lines carry one id and none ended. */
export const inFlightAtEnd = (text: string): InFlight | null => {
  const lines = text
    .split("\n")
    .map(bare)
    .filter((l) => l !== "")
  const tail = lines.slice(-tailLines)
  const last = tail.at(-1)
  if (last === undefined || ended(last)) return null
  // The latest id in the tail is the operation; a line after it that ended something ended it.
  const at = tail.findLastIndex((l) => idsOf(l).length > 0)
  const ids = at < 0 ? [] : idsOf(tail[at] ?? "")
  const [id] = ids
  if (id === undefined || tail.slice(at).some(ended)) return null
  // From the line that started it to the end: the steps it logged ("loading … bytes=2.4GB") may not repeat the id.
  const value = id.slice(id.indexOf("=") + 1)
  return {
    id,
    lines: lines.slice(
      Math.max(
        0,
        lines.findIndex((l) => l.includes(value)),
      ),
    ),
  }
}

// The operation's non-id attributes (tenant=…, a route): a finished line sharing one is the same
// kind of work, and its size is what last went through.
const attributes = (line: string): ReadonlyArray<string> => [
  ...[
    ...line.matchAll(
      /\b(?:tenant|customer|account|org|organization|client|table|queue|route|endpoint)[=:]\s*"?([\w.:/-]{3,})/gi,
    ),
  ].map((m) => m[0]),
  ...[...line.matchAll(/\s(\/[\w.-]+(?:\/[\w.-]+)+)/g)].map((m) => m[1] ?? ""),
]

const finishedSize = (logs: ReadonlyArray<InstanceLog>, started: string, id: string): string | null => {
  const marks = attributes(started)
  if (marks.length === 0) return null
  const value = id.slice(id.indexOf("=") + 1)
  const done = logs
    .flatMap((l) => l.text.split("\n").map(bare))
    .filter((l) => finished.test(l) && !l.includes(value) && marks.some((m) => l.includes(m)))
  return lastSize(done)
}

/**
 * The one operation every killed instance was running when it died, when at least two killed
 * instances ended on it; null for differing last lines, ended work or a single instance.
 * `others` are further lines (a current instance's log) read for a size that finished.
 */
export const repeatedLastRequest = (
  killed: ReadonlyArray<InstanceLog>,
  others: ReadonlyArray<InstanceLog> = [],
): RepeatedLastRequest | null => {
  if (killed.length < 2) return null
  const flights = killed.map((l) => ({ pod: l.pod, flight: inFlightAtEnd(l.text) }))
  const first = flights[0]?.flight
  if (first == null || flights.some((f) => f.flight?.id !== first.id)) return null
  const lines = flights.flatMap((f) => f.flight?.lines ?? [])
  const started = first.lines[0] ?? ""
  return {
    id: first.id,
    started,
    size: lastSize(lines),
    lastFinished: finishedSize([...killed, ...others], started, first.id),
    pods: flights.map((f) => f.pod),
  }
}
