/**
 * One logger for every entry point: JSON lines on stderr (stdout belongs to CLI output), with
 * the fiber's annotations (requestId, investigationId, …) on every line. Messages and
 * annotations are run through `redact` first: no secret reaches a log line.
 */
import { Cause, HashMap, Inspectable, Layer, Logger, LogLevel } from "effect"
import { isSecretKey } from "../../domain/redact.js"

export type Redactor = (text: string) => string

const identity: Redactor = (s) => s

/** A field's value with secrets out: the text rules, and secret-looking keys masked outright. */
const maskField = (key: string, value: unknown, redact: Redactor): unknown => {
  if (isSecretKey(key) && (typeof value === "string" || typeof value === "number")) return "[REDACTED]"
  if (typeof value === "string") return redact(value)
  if (Array.isArray(value)) return value.map((v) => maskField("", v, redact))
  if (isPlainObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k), maskField(k, v, redact)]))
  return value
}

const isPlainObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype

const toJsonable = (value: unknown): unknown => {
  if (typeof value === "string") return value
  return Inspectable.toJSON(value)
}

/** Render one log line as a JSON string (exported for tests). */
export const formatLogLine = (
  opts: {
    readonly level: LogLevel.LogLevel
    readonly message: unknown
    readonly date: Date
    readonly annotations: HashMap.HashMap<string, unknown>
    readonly cause?: string
  },
  redact: Redactor = identity,
): string => {
  const messages: ReadonlyArray<unknown> = Array.isArray(opts.message) ? opts.message : [opts.message]
  // `Effect.logInfo("decision", { key: value })`: plain objects become fields of the line. That is
  // one call per decision, instead of a FiberRef update per annotation on the request's path.
  const fields: Array<Readonly<Record<string, unknown>>> = []
  const parts: Array<string> = []
  for (const m of messages) {
    if (isPlainObject(m)) fields.push(m)
    else {
      const j = toJsonable(m)
      parts.push(typeof j === "string" ? j : JSON.stringify(j))
    }
  }
  const line: Record<string, unknown> = {
    time: opts.date.toISOString(),
    level: opts.level.label,
    message: redact(parts.join(" ")),
  }
  for (const f of fields) {
    for (const [k, v] of Object.entries(f)) {
      if (k in line || v === undefined) continue
      line[k] = maskField(k, v, redact)
    }
  }
  for (const [k, v] of HashMap.toEntries(opts.annotations)) {
    // An annotation never overwrites the line's own fields.
    if (k in line) continue
    const j = toJsonable(v)
    line[k] = typeof j === "string" ? redact(j) : j
  }
  if (opts.cause !== undefined && opts.cause !== "") line.cause = redact(opts.cause)
  return JSON.stringify(line)
}

export const makeJsonLogger = (write: (line: string) => void, redact: Redactor = identity) =>
  Logger.make(({ logLevel, message, date, annotations, cause }) => {
    const causeText = Cause.isEmpty(cause) ? undefined : Cause.pretty(cause)
    write(
      formatLogLine(
        causeText === undefined
          ? { level: logLevel, message, date, annotations }
          : { level: logLevel, message, date, annotations, cause: causeText },
        redact,
      ),
    )
  })

/** Replace the default logger with JSON lines on stderr at `level`. */
export const jsonLoggerLayer = (level: LogLevel.LogLevel = LogLevel.Info, redact: Redactor = identity) =>
  Layer.merge(
    Logger.replace(
      Logger.defaultLogger,
      makeJsonLogger((line) => process.stderr.write(`${line}\n`), redact),
    ),
    Logger.minimumLogLevel(level),
  )

/** For tests: collect lines in memory. */
export const captureLoggerLayer = (sink: Array<string>, redact: Redactor = identity) =>
  Layer.merge(
    Logger.replace(
      Logger.defaultLogger,
      makeJsonLogger((line) => sink.push(line), redact),
    ),
    Logger.minimumLogLevel(LogLevel.Debug),
  )
