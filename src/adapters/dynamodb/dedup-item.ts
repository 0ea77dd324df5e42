/**
 * DedupRecord ⇄ DynamoDB item. Attributes mirror the record (the key lives in `pk`), plus
 * `ttl` for DynamoDB TTL. Items coming back are decoded with Schema, so a hand-edited or
 * foreign item surfaces as a `corrupt` error rather than a half-typed record.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb"
import { Effect, ParseResult, Schema } from "effect"
import { DedupRecord, DedupState, MessageRef } from "../../domain/dedup.js"
import { DedupStoreError } from "../../ports/dedup-store.js"

const AttrString = Schema.transform(Schema.Struct({ S: Schema.String }), Schema.String, {
  strict: true,
  decode: (a) => a.S,
  encode: (S) => ({ S }),
})

const AttrNumber = Schema.transform(Schema.Struct({ N: Schema.NumberFromString }), Schema.Number, {
  strict: true,
  decode: (a) => a.N,
  encode: (N) => ({ N }),
})

const AttrNull = Schema.transform(Schema.Struct({ NULL: Schema.Literal(true) }), Schema.Null, {
  strict: true,
  decode: () => null,
  encode: () => ({ NULL: true as const }),
})

const AttrState = Schema.transform(Schema.Struct({ S: DedupState }), DedupState, {
  strict: true,
  decode: (a) => a.S,
  encode: (S) => ({ S }),
})

const AttrMessageRef = Schema.transform(
  Schema.Struct({ M: Schema.Struct({ channel: AttrString, messageId: AttrString }) }),
  MessageRef,
  { strict: true, decode: (a) => a.M, encode: (M) => ({ M }) },
)

const ItemAttributes = Schema.Struct({
  pk: AttrString,
  state: AttrState,
  investigationId: AttrString,
  claimedAt: AttrNumber,
  updatedAt: AttrNumber,
  expiresAt: AttrNumber,
  triggerId: Schema.Union(AttrString, AttrNull),
  report: Schema.Union(AttrMessageRef, AttrNull),
})

/** The item schema: decodes an item (extra attributes such as `ttl` are ignored) to a record. */
export const DedupItem = Schema.transform(ItemAttributes, DedupRecord, {
  strict: true,
  decode: ({ pk, ...rest }) => ({ key: pk, ...rest }),
  encode: ({ key, ...rest }) => ({ pk: key, ...rest }),
})

/** DynamoDB TTL is in epoch seconds; round up so the item is never deleted while live. */
export const ttlSeconds = (expiresAtMs: number): number => Math.ceil(expiresAtMs / 1000)

export const toItem = (record: DedupRecord): Record<string, AttributeValue> => ({
  ...Schema.encodeSync(DedupItem)(record),
  ttl: { N: String(ttlSeconds(record.expiresAt)) },
})

export const toAttributeValue = {
  string: (s: string): AttributeValue => ({ S: s }),
  number: (n: number): AttributeValue => ({ N: String(n) }),
  messageRef: (ref: MessageRef): AttributeValue => ({
    M: { channel: { S: ref.channel }, messageId: { S: ref.messageId } },
  }),
} as const

export const decodeItem = (item: unknown): Effect.Effect<DedupRecord, DedupStoreError> =>
  Schema.decodeUnknown(DedupItem)(item).pipe(
    Effect.mapError(
      (error) =>
        new DedupStoreError({
          reason: "corrupt",
          message: `dedup item does not decode: ${ParseResult.TreeFormatter.formatErrorSync(error)}`,
          cause: error,
        }),
    ),
  )
