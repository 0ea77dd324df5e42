/**
 * The trace vocabulary: what an investigation leaves behind for post-mortems (events in the
 * order one writer wrote them, and a header naming the alert), where it is stored, and how
 * data is made safe to store. Everything of one investigation lives under the partition of
 * its START date (the original split an investigation crossing midnight across two dates, W21).
 * Data is normalised to JSON and redacted (`redactDeep`, plus values under secret-looking
 * keys, which text patterns cannot see) before any adapter writes it.
 */
import { DateTime, Schema } from "effect"
import { Platform } from "./platform.js"
import { isSecretKey, redact, redactDeep } from "./redact.js"

export const TraceStep = Schema.Literal(
  "intake_decision",
  "plan",
  "agent_request",
  "agent_reply",
  "follow_up",
  "report",
  "delivery",
  "late_update",
  "interrupted",
  "failure",
  "dispatch",
)
export type TraceStep = typeof TraceStep.Type

/** Ids become path segments (S3 keys, file names): no `/`, no `..`, bounded length. */
export const TraceInvestigationId = Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9_-]{1,128}$/))

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | ReadonlyArray<JsonValue>
  | { readonly [key: string]: JsonValue }

export const JsonValue: Schema.Schema<JsonValue> = Schema.Union(
  Schema.Null,
  Schema.Boolean,
  Schema.Number,
  Schema.String,
  Schema.Array(Schema.suspend((): Schema.Schema<JsonValue> => JsonValue)),
  Schema.Record({ key: Schema.String, value: Schema.suspend((): Schema.Schema<JsonValue> => JsonValue) }),
)

export const TraceEvent = Schema.Struct({
  investigationId: TraceInvestigationId,
  /** Per investigation, increasing in the order its writer wrote the events. */
  seq: Schema.NonNegativeInt,
  at: Schema.DateTimeUtc,
  step: TraceStep,
  data: JsonValue,
})
export type TraceEvent = typeof TraceEvent.Type

export const TraceHeader = Schema.Struct({
  investigationId: TraceInvestigationId,
  startedAt: Schema.DateTimeUtc,
  platform: Platform,
  channel: Schema.String,
  messageId: Schema.String,
  dedupKey: Schema.NullOr(Schema.String),
})
export type TraceHeader = typeof TraceHeader.Type

/** JSON text ⇄ value, for whatever an adapter reads back. */
export const TraceEventJson = Schema.parseJson(TraceEvent)
export const TraceHeaderJson = Schema.parseJson(TraceHeader)

export const encodeTraceEvent = (event: TraceEvent): string => Schema.encodeSync(TraceEventJson)(event)
export const encodeTraceHeader = (header: TraceHeader): string => Schema.encodeSync(TraceHeaderJson)(header)

export const sameHeader = (a: TraceHeader, b: TraceHeader): boolean =>
  encodeTraceHeader(a) === encodeTraceHeader(b)

// ---------------------------------------------------------------------------------------------
// Layout

/** `dt=YYYY-MM-DD` of the instant in UTC. */
export const partitionOf = (startedAt: DateTime.Utc): string => `dt=${DateTime.formatIsoDateUtc(startedAt)}`

/** Width of the zero-padded sequence number in event keys (sorts lexically up to 999,999). */
export const SEQ_WIDTH = 6

/** `traces/dt=YYYY-MM-DD/investigation_id=<id>/` — every object of the investigation is under it. */
export const tracePrefix = (header: Pick<TraceHeader, "investigationId" | "startedAt">): string =>
  `traces/${partitionOf(header.startedAt)}/investigation_id=${header.investigationId}/`

export const headerKey = (header: Pick<TraceHeader, "investigationId" | "startedAt">): string =>
  `${tracePrefix(header)}header.json`

export const eventsPrefix = (header: Pick<TraceHeader, "investigationId" | "startedAt">): string =>
  `${tracePrefix(header)}events/`

export const eventFileName = (seq: number, step: TraceStep): string =>
  `${String(seq).padStart(SEQ_WIDTH, "0")}-${step}.json`

export const eventKey = (
  header: Pick<TraceHeader, "investigationId" | "startedAt">,
  seq: number,
  step: TraceStep,
): string => `${eventsPrefix(header)}${eventFileName(seq, step)}`

const eventNamePattern = /^(\d{1,9})-([a-z_]+)\.json$/
const isStep = Schema.is(TraceStep)

/** The sequence number of an event file name (the last key segment), if it is one. */
export const seqOfEventName = (name: string): number | undefined => {
  const match = eventNamePattern.exec(name)
  if (match === null || match[1] === undefined || !isStep(match[2])) return undefined
  return Number(match[1])
}

/**
 * `msg#<platform>#<channel>#<messageId>`: the index key of every investigation of one message.
 * Inputs are redacted the way the stored header is, so a lookup always meets what was written.
 */
export const messageIndexKey = (platform: Platform, channel: string, messageId: string): string =>
  `msg#${platform}#${redact(channel)}#${redact(messageId)}`

/** Read-back order: by time, then by the writer's seq (several writers each count their own). */
export const traceEventOrder = (a: TraceEvent, b: TraceEvent): number =>
  DateTime.toEpochMillis(a.at) - DateTime.toEpochMillis(b.at) || a.seq - b.seq

/** findByMessage order, the index's sort key descending: newest start first, then id descending. */
export const newestFirst = (
  a: { readonly investigationId: string; readonly startedAt: DateTime.Utc },
  b: { readonly investigationId: string; readonly startedAt: DateTime.Utc },
): number =>
  DateTime.toEpochMillis(b.startedAt) - DateTime.toEpochMillis(a.startedAt) ||
  (a.investigationId < b.investigationId ? 1 : a.investigationId > b.investigationId ? -1 : 0)

// ---------------------------------------------------------------------------------------------
// Making data safe to store

const MASK = "[REDACTED]"

const maskSecretKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(maskSecretKeys)
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        redact(key),
        isSecretKey(key) && (typeof inner === "string" || typeof inner === "number")
          ? MASK
          : maskSecretKeys(inner),
      ]),
    )
  }
  return value
}

const jsonReplacer = (_key: string, value: unknown): unknown => {
  if (typeof value === "bigint") return value.toString()
  if (value instanceof Error) return { name: value.name, message: value.message }
  return value
}

const decodeJson = Schema.decodeUnknownSync(JsonValue)

/**
 * Any value → the JSON that will be stored: `toJSON` honoured (dates, Redacted), bigint as a
 * string, errors as `{name, message}`, `undefined` as null; then every string redacted and
 * every value under a secret-looking key masked. Throws on a cycle (callers fail open).
 */
export const toTraceData = (data: unknown): JsonValue => {
  const text = JSON.stringify(data, jsonReplacer)
  const json: unknown = text === undefined ? null : JSON.parse(text)
  return decodeJson(maskSecretKeys(redactDeep(json)))
}

/** The header as stored: identifiers only, still passed through `redact` like everything else. */
export const redactHeader = (header: TraceHeader): TraceHeader => ({
  ...header,
  channel: redact(header.channel),
  messageId: redact(header.messageId),
  dedupKey: header.dedupKey === null ? null : redact(header.dedupKey),
})
