/**
 * Pod log semantics of the replay (scenarios/FORMAT.md): lines are served as recorded; a line
 * "has a timestamp" when it starts with an RFC 3339 instant. `sinceTime` keeps timestamped lines
 * at or after it and the untimestamped lines that follow a kept one (a stack trace stays with
 * its first line); `tailLines` then keeps the last N; `timestamps=true` prefixes only the lines
 * that have a recorded timestamp, in the kubelet's RFC 3339 nano form; `limitBytes` truncates.
 */

export interface LogLine {
  readonly text: string
  /** Epoch ms of the line's own leading timestamp, if it has one. */
  readonly at: number | null
}

export interface LogQuery {
  readonly sinceMs?: number
  readonly tailLines?: number
  readonly timestamps?: boolean
  readonly limitBytes?: number
}

const leadingInstant = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2}))(?=\s|$)/

/** Split recorded text into lines (a final newline ends the last line, it does not add one). */
export const parseLogLines = (recorded: string): ReadonlyArray<LogLine> => {
  const lines = recorded.split("\n")
  if (lines.at(-1) === "") lines.pop()
  return lines.map((text) => {
    const m = leadingInstant.exec(text)
    const at = m?.[1] === undefined ? Number.NaN : Date.parse(m[1])
    return { text, at: Number.isFinite(at) ? at : null }
  })
}

const nano = (ms: number): string => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000000Z")

export const selectLogLines = (lines: ReadonlyArray<LogLine>, query: LogQuery): ReadonlyArray<LogLine> => {
  let kept = lines
  const since = query.sinceMs
  if (since !== undefined) {
    const out: Array<LogLine> = []
    let keeping = false
    for (const line of lines) {
      if (line.at !== null) keeping = line.at >= since
      if (keeping) out.push(line)
    }
    kept = out
  }
  if (query.tailLines !== undefined) kept = query.tailLines <= 0 ? [] : kept.slice(-query.tailLines)
  return kept
}

/** The response body for a log request. */
export const renderLog = (lines: ReadonlyArray<LogLine>, query: LogQuery): string => {
  const body = selectLogLines(lines, query)
    .map((l) => (query.timestamps === true && l.at !== null ? `${nano(l.at)} ${l.text}` : l.text))
    .map((t) => `${t}\n`)
    .join("")
  if (query.limitBytes === undefined) return body
  return Buffer.from(body, "utf8").subarray(0, Math.max(0, query.limitBytes)).toString("utf8")
}
