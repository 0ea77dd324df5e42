/**
 * Trace index items ⇄ DynamoDB attribute maps. Two items per investigation in one table:
 * `inv#<id>` / `header` (where its objects are, what alert it answers) and
 * `msg#<platform>#<channel>#<messageId>` / `<startedAt ISO>#<id>` (so every investigation of a
 * message is ONE Query, newest first, with no GSI). Both carry `ttl` (epoch seconds). Items read
 * back are decoded with Schema: a foreign or damaged item is a `corrupt` error, not a guess.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import { DateTime, Effect, ParseResult, Schema } from "effect"
import { Platform } from "../../domain/platform.js"
import {
  messageIndexKey,
  partitionOf,
  type TraceHeader,
  TraceInvestigationId,
  tracePrefix,
} from "../../domain/trace.js"
import { type TraceMatch, TraceStoreError } from "../../ports/trace-store.js"

/** `{S: "…"}` decoded through `schema` (whose encoded side is a string). */
const attrS = <A, I extends string>(schema: Schema.Schema<A, I>) =>
  Schema.compose(
    Schema.transform(Schema.Struct({ S: Schema.String }), Schema.String, {
      strict: true,
      decode: (attribute) => attribute.S,
      encode: (S) => ({ S }),
    }),
    schema,
    { strict: false },
  )

const AttrNull = Schema.transform(Schema.Struct({ NULL: Schema.Literal(true) }), Schema.Null, {
  strict: true,
  decode: () => null,
  encode: () => ({ NULL: true as const }),
})

const HeaderItem = Schema.Struct({
  pk: attrS(Schema.String.pipe(Schema.startsWith("inv#"))),
  sk: attrS(Schema.Literal("header")),
  investigationId: attrS(TraceInvestigationId),
  startedAt: attrS(Schema.DateTimeUtc),
  platform: attrS(Platform),
  channel: attrS(Schema.String),
  messageId: attrS(Schema.String),
  dedupKey: Schema.Union(attrS(Schema.String), AttrNull),
  /** `traces/dt=…/investigation_id=…/` */
  prefix: attrS(Schema.String),
})

const MessageItem = Schema.Struct({
  pk: attrS(Schema.String.pipe(Schema.startsWith("msg#"))),
  investigationId: attrS(TraceInvestigationId),
  startedAt: attrS(Schema.DateTimeUtc),
})

export interface IndexedHeader {
  readonly header: TraceHeader
  readonly prefix: string
}

export const investigationKey = (investigationId: string): Record<string, AttributeValue> => ({
  pk: { S: `inv#${investigationId}` },
  sk: { S: "header" },
})

/** Sort key of a message item: ISO instants are fixed-width, so string order is time order. */
export const messageSortKey = (header: TraceHeader): string =>
  `${DateTime.formatIso(header.startedAt)}#${header.investigationId}`

const DAY_SECONDS = 86_400

/** Epoch seconds `ttlDays` after the investigation started. */
export const traceTtlSeconds = (header: TraceHeader, ttlDays: number): number =>
  Math.ceil(DateTime.toEpochMillis(header.startedAt) / 1000) + ttlDays * DAY_SECONDS

const s = (value: string): AttributeValue => ({ S: value })

/** The two index items of a (prepared) header. */
export const indexItems = (
  header: TraceHeader,
  ttlDays: number,
): readonly [Record<string, AttributeValue>, Record<string, AttributeValue>] => {
  const startedAt = s(DateTime.formatIso(header.startedAt))
  const ttl: AttributeValue = { N: String(traceTtlSeconds(header, ttlDays)) }
  const investigationId = s(header.investigationId)
  const prefix = s(tracePrefix(header))
  return [
    {
      ...investigationKey(header.investigationId),
      investigationId,
      startedAt,
      partition: s(partitionOf(header.startedAt)),
      prefix,
      platform: s(header.platform),
      channel: s(header.channel),
      messageId: s(header.messageId),
      dedupKey: header.dedupKey === null ? { NULL: true } : s(header.dedupKey),
      ttl,
    },
    {
      pk: s(messageIndexKey(header.platform, header.channel, header.messageId)),
      sk: s(messageSortKey(header)),
      investigationId,
      startedAt,
      prefix,
      ttl,
    },
  ]
}

const corrupt = (what: string) => (error: ParseResult.ParseError) =>
  new TraceStoreError({
    reason: "corrupt",
    message: `${what} does not decode: ${ParseResult.TreeFormatter.formatErrorSync(error)}`,
    cause: error,
  })

export const decodeHeaderItem = (item: unknown): Effect.Effect<IndexedHeader, TraceStoreError> =>
  Schema.decodeUnknown(HeaderItem)(item).pipe(
    Effect.map(({ prefix, investigationId, startedAt, platform, channel, messageId, dedupKey }) => ({
      header: { investigationId, startedAt, platform, channel, messageId, dedupKey },
      prefix,
    })),
    Effect.mapError(corrupt("trace index header item")),
  )

export const decodeMessageItem = (item: unknown): Effect.Effect<TraceMatch, TraceStoreError> =>
  Schema.decodeUnknown(MessageItem)(item).pipe(
    Effect.map(({ investigationId, startedAt }) => ({ investigationId, startedAt })),
    Effect.mapError(corrupt("trace index message item")),
  )
