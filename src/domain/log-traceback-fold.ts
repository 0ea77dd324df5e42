/**
 * A traceback spread over consecutive events of one stream. A shipper that sends stdout line by
 * line (Fluent Bit, the awslogs driver without a multiline pattern) turns a Python traceback into
 * one event per line: "Traceback (most recent call last):", its "File …" frames, and last the
 * exception (`KeyError: 'reading_kwh'`). A line that ends with the header says only that a trace
 * follows; the exception a few events later in the same stream is what it was about, so the
 * header line is read with that exception in its place. Pure; the lines keep their order.
 */

import type { LogLine } from "./log-clusters.js"
import { endsWithTracebackHeader, isBareExceptionLine } from "./log-exception-line.js"

// A traceback is written at once: its last line follows the header within a few seconds.
const traceSpanMs = 5_000
const header = /traceback \(most recent call last\):?/i

const exceptionAfter = (l: LogLine, lines: ReadonlyArray<LogLine>): LogLine | null =>
  lines
    .filter(
      (o) =>
        o !== l &&
        o.stream === l.stream &&
        o.group === l.group &&
        o.timestampMs >= l.timestampMs &&
        o.timestampMs - l.timestampMs <= traceSpanMs &&
        isBareExceptionLine(o.message),
    )
    .reduce<LogLine | null>((a, o) => (a === null || o.timestampMs < a.timestampMs ? o : a), null)

/** Each line ending with a traceback header, with the exception its stream logged next in its place. */
export const foldTracebackEvents = (lines: ReadonlyArray<LogLine>): ReadonlyArray<LogLine> =>
  lines.flatMap((l) => {
    if (!endsWithTracebackHeader(l.message)) return [l]
    const lead = l.message
      .replace(header, "")
      .replace(/\(error:\s*\)\s*$/, "")
      .trim()
    // A bare header says nothing the exception's own event does not: it is not counted twice;
    // without its exception (not fetched, or past the span) it names nothing a reader could use.
    if (lead === "") return []
    const exception = exceptionAfter(l, lines)
    if (exception === null) return [l]
    const text = exception.message.trim()
    const message = /\(error:\s*traceback/i.test(l.message)
      ? l.message.replace(header, text)
      : `${lead} (error: ${text})`
    return [{ ...l, message }]
  })
