/**
 * A stack trace → the one line that says what went wrong. A Python traceback opens with
 * "Traceback (most recent call last):" and ends with the exception (`KeyError: 'reading_kwh'`);
 * a Java trace opens with the outer exception and its "Caused by:" lines go deeper, the last one
 * nearest the root; Node opens with `TypeError: … ` and lists "    at …" frames after it. The
 * header and the frames name no cause, so a report that quoted them ("error: Traceback (most
 * recent call last):") would say nothing. Pure and total.
 */

// "KeyError: 'x'", "botocore.exceptions.ClientError: …", "psycopg2.errors.UndefinedColumn: …",
// "java.lang.IllegalStateException: …", "TypeError: Cannot read properties of undefined".
const exceptionShape = /^(?:[A-Za-z_][\w$]*\.)*[A-Z][\w$]*(?::\s.*|:?$)/
const namedLikeException = /(?:Error|Exception|Exit|Interrupt|Warning|Fault|Failure|Timeout)\b/

const tracebackHeader = /traceback \(most recent call last\):?/i
const frameLine = /^\s+(?:File "|at\s|\.\.\.\s\d+ more)/
// Python's chained tracebacks join their parts with these sentences; they are not the exception.
const chainSentence = /^(?:During handling of the above exception|The above exception was the direct cause)/
const causedBy = /^\s*Caused by:\s+(.+)$/

const isExceptionLine = (line: string, inTraceback: boolean): boolean => {
  const t = line.trim()
  if (t === "" || /^\s/.test(line) || chainSentence.test(t) || tracebackHeader.test(t)) return false
  if (!exceptionShape.test(t)) return false
  // After a traceback header Python's last unindented line is the exception, whatever its class
  // is called (`StopIteration`, `UndefinedColumn: …`); elsewhere only names that read as errors.
  return inTraceback
    ? t.includes(":") || namedLikeException.test(t)
    : namedLikeException.test(t.split(":")[0] ?? "")
}

/**
 * The exception line of a multi-line trace: the last "Caused by:" of a Java trace, the final
 * `Type: message` line after a Python traceback header, the first line of a Node/Java trace
 * followed by frames. Null when the text is no trace (a single line, or lines without one).
 */
export const exceptionLineOf = (text: string): string | null => {
  const lines = text.split(/\r?\n/)
  if (lines.length < 2) return null
  const causes = lines.flatMap((l) => {
    const m = causedBy.exec(l)
    return m?.[1] === undefined ? [] : [m[1].trim()]
  })
  const deepest = causes.at(-1)
  if (deepest !== undefined) return deepest
  const header = lines.findIndex((l) => tracebackHeader.test(l))
  if (header >= 0) {
    const after = lines.slice(header + 1).filter((l) => isExceptionLine(l, true))
    return after.at(-1)?.trim() ?? null
  }
  // Node and Java: the exception first, frames ("    at …") under it.
  const first = lines.findIndex((l) => isExceptionLine(l, false))
  return first >= 0 && lines.slice(first + 1).some((l) => frameLine.test(l))
    ? (lines[first]?.trim() ?? null)
    : null
}

/** True when a line is only a traceback's header (what a stream shipping line by line logs first). */
export const endsWithTracebackHeader = (line: string): boolean =>
  /traceback \(most recent call last\):?\s*\)?\s*$/i.test(line.trim())

/** A single line that is an exception on its own (`KeyError: 'reading_kwh'`), as a traceback's last event. */
export const isBareExceptionLine = (line: string): boolean =>
  isExceptionLine(line, true) && line.includes(":")

/**
 * A plain-text event holding a whole trace ("[ERROR] … failed\nTraceback …\nKeyError: 'x'") as one
 * line: its first line with the exception after it, the header and frames dropped. Null when the
 * event is one line, JSON (its fields are read instead), or holds no trace.
 */
export const tracebackLead = (event: string): string | null => {
  const t = event.trim()
  if (!t.includes("\n") || t.startsWith("{")) return null
  const exception = exceptionLineOf(t)
  if (exception === null) return null
  const first = (t.split(/\r?\n/)[0] ?? "").replace(tracebackHeaderAnywhere, "").trim()
  if (first === "" || first === exception) return exception
  return first.includes(exception) ? first : `${first} (error: ${exception})`
}
const tracebackHeaderAnywhere = /traceback \(most recent call last\):?/i

// A statement that an exception was raised: its class (dotted or not) ending in an error word,
// a colon, and its message — `ValueError: invalid literal …`, `KeyError: 'x'`,
// `java.lang.IllegalStateException: …`, `TypeError: Cannot read …`. Warning classes
// (`DeprecationWarning: …`) are not failures; "ValueError count: 0" (a metric), "no KeyError seen"
// (prose) and "LastError: none" (a field with nothing in it) are no such statement.
const exceptionStatement =
  /^\s{0,8}(?:[A-Za-z_][\w$]{0,80}\.){0,8}[A-Z][\w$]{0,80}(?:Error|Exception|Fault|Failure|Exit|Interrupt): (.+)$/
const emptyValue = /^\s*(?:\d+(?:\.\d+)?|none|null|nil|n\/a|-|false|0x0)\s*$/i

/** True when the line (its first) is an exception being raised, as a shipper sends a traceback's last line. */
export const isExceptionStatement = (line: string): boolean => {
  const first = line.split(/\r?\n/, 1)[0] ?? ""
  const message = exceptionStatement.exec(first)?.[1]
  return message !== undefined && !emptyValue.test(message)
}
