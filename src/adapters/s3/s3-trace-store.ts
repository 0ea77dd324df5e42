/**
 * TraceStore in AWS: one S3 object per event and a `header.json`, all under
 * `traces/dt=<START date>/investigation_id=<id>/` (an investigation crossing midnight stays in
 * one partition), plus the DynamoDB index (trace-index.ts) for lookups by id and by message.
 * The first `begin` fixes the header (a conditional write on the index); appends look it up
 * once per process, so a writer whose header carries a later start still files under the first.
 * One object per event means concurrent writers never overwrite each other and nothing is
 * read-modify-written. Writes are fail-open (see the port); reads decode every object with
 * Schema, so a damaged object is a `corrupt` error naming its key.
 */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb"
import {
  GetObjectCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3"
import { Effect, Layer, Option, ParseResult, Schema } from "effect"
import {
  encodeTraceEvent,
  encodeTraceHeader,
  eventKey,
  headerKey,
  sameHeader,
  seqOfEventName,
  TraceEventJson,
  type TraceHeader,
  traceEventOrder,
} from "../../domain/trace.js"
import {
  failOpen,
  makeHeaderCache,
  prepareEvent,
  prepareHeader,
  type TraceEventInput,
  type TraceRecord,
  TraceStore,
  TraceStoreError,
  type TraceStoreService,
} from "../../ports/trace-store.js"
import { makeTraceIndex } from "../dynamodb/trace-index.js"

export interface S3TraceStoreOptions {
  readonly s3: S3Client
  readonly bucket: string
  readonly dynamo: DynamoDBClient
  readonly tableName: string
  /** Days an index entry lives after the investigation started (default 90). */
  readonly ttlDays?: number
  /** A write gives up after this long (default 5 s). */
  readonly writeTimeoutMs?: number
}

const unavailable = (what: string) => (cause: unknown) =>
  new TraceStoreError({
    reason: "unavailable",
    message: `${what} failed: ${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}`,
    cause,
  })

export const makeS3TraceStore = (options: S3TraceStoreOptions): TraceStoreService => {
  const { s3, bucket } = options
  const index = makeTraceIndex({
    client: options.dynamo,
    tableName: options.tableName,
    ...(options.ttlDays === undefined ? {} : { ttlDays: options.ttlDays }),
  })
  const headers = makeHeaderCache()
  const timeout = options.writeTimeoutMs === undefined ? {} : { timeoutMs: options.writeTimeoutMs }

  const put = (key: string, body: string) =>
    Effect.tryPromise({
      try: (abortSignal) =>
        s3.send(
          new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: "application/json" }),
          { abortSignal },
        ),
      catch: unavailable(`S3 PutObject s3://${bucket}/${key}`),
    })

  const getText = (key: string) =>
    Effect.tryPromise({
      try: async (abortSignal) => {
        const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal })
        if (out.Body === undefined) throw new Error("no body")
        return out.Body.transformToString("utf8")
      },
      catch: unavailable(`S3 GetObject s3://${bucket}/${key}`),
    })

  const listKeys = (prefix: string) =>
    Effect.gen(function* () {
      const keys: Array<string> = []
      let token: string | undefined
      do {
        const continuation = token
        const page: ListObjectsV2CommandOutput = yield* Effect.tryPromise({
          try: (abortSignal) =>
            s3.send(
              new ListObjectsV2Command({
                Bucket: bucket,
                Prefix: prefix,
                ...(continuation === undefined ? {} : { ContinuationToken: continuation }),
              }),
              { abortSignal },
            ),
          catch: unavailable(`S3 ListObjectsV2 s3://${bucket}/${prefix}`),
        })
        for (const object of page.Contents ?? []) if (object.Key !== undefined) keys.push(object.Key)
        token = page.IsTruncated === true ? page.NextContinuationToken : undefined
      } while (token !== undefined)
      return keys
    })

  const decodeEvent = (key: string, investigationId: string) => (text: string) =>
    Schema.decode(TraceEventJson)(text).pipe(
      Effect.mapError(
        (error) =>
          new TraceStoreError({
            reason: "corrupt",
            message: `trace object ${key} does not decode: ${ParseResult.TreeFormatter.formatErrorSync(error)}`,
            cause: error,
          }),
      ),
      Effect.filterOrFail(
        (event) => event.investigationId === investigationId,
        (event) =>
          new TraceStoreError({
            reason: "corrupt",
            message: `trace object ${key} belongs to ${event.investigationId}, not ${investigationId}`,
          }),
      ),
    )

  /** The investigation's fixed header: remembered, else the index's, else (none yet, or no index) this one. */
  const fixedHeader = (stored: TraceHeader) => {
    const known = headers.get(stored.investigationId)
    if (known !== undefined) return Effect.succeed(known)
    return index.get(stored.investigationId).pipe(
      Effect.map(Option.map((indexed) => indexed.header)),
      Effect.tap(
        Option.match({ onNone: () => Effect.void, onSome: (h) => Effect.sync(() => headers.set(h)) }),
      ),
      Effect.map(Option.getOrElse(() => stored)),
      // Writing the event under the caller's header beats dropping it.
      Effect.catchAll((error) =>
        Effect.as(Effect.logDebug("trace index lookup failed", { error: error.message }), stored),
      ),
    )
  }

  const begin = (header: TraceHeader) =>
    Effect.gen(function* () {
      const stored = yield* prepareHeader(header)
      const fixed = yield* index.claim(stored)
      headers.set(fixed)
      if (!sameHeader(fixed, stored)) {
        return yield* Effect.logDebug("trace already begun with another header; the first one holds", {
          investigationId: stored.investigationId,
        })
      }
      yield* Effect.all([put(headerKey(fixed), encodeTraceHeader(fixed)), index.putMessage(fixed)], {
        concurrency: 2,
        discard: true,
      })
    }).pipe(
      failOpen({ operation: "begin", investigationId: header.investigationId, ...timeout }),
      Effect.withSpan("S3TraceStore.begin"),
    )

  const append = (header: TraceHeader, input: TraceEventInput) =>
    Effect.gen(function* () {
      const stored = yield* fixedHeader(yield* prepareHeader(header))
      const event = yield* prepareEvent(stored, input)
      yield* put(eventKey(stored, event.seq, event.step), encodeTraceEvent(event))
    }).pipe(
      failOpen({ operation: "append", investigationId: header.investigationId, ...timeout }),
      Effect.withSpan("S3TraceStore.append"),
    )

  const read = (investigationId: string) =>
    Effect.gen(function* () {
      const indexed = yield* index.get(investigationId)
      if (Option.isNone(indexed)) return Option.none<TraceRecord>()
      const { header, prefix } = indexed.value
      const keys = (yield* listKeys(`${prefix}events/`)).filter(
        (key) => seqOfEventName(key.slice(key.lastIndexOf("/") + 1)) !== undefined,
      )
      const events = yield* Effect.forEach(
        keys,
        (key) => Effect.flatMap(getText(key), decodeEvent(key, investigationId)),
        { concurrency: 8 },
      )
      return Option.some<TraceRecord>({ header, events: [...events].sort(traceEventOrder) })
    }).pipe(Effect.withSpan("S3TraceStore.read"))

  return {
    begin,
    append,
    read,
    findByMessage: (platform, channel, messageId) =>
      index.byMessage(platform, channel, messageId).pipe(Effect.withSpan("S3TraceStore.findByMessage")),
  }
}

export const s3TraceStoreLayer = (options: S3TraceStoreOptions): Layer.Layer<TraceStore> =>
  Layer.succeed(TraceStore, makeS3TraceStore(options))

export interface AwsTraceStoreConfig {
  readonly bucket: string
  readonly tableName: string
  /** Region of both clients; the SDK's default chain (AWS_REGION) when absent. */
  readonly region?: string
  readonly ttlDays?: number
  readonly writeTimeoutMs?: number
}

/** The AWS store with its two clients, built once for the layer and destroyed with it. */
export const awsTraceStoreLayer = (config: AwsTraceStoreConfig): Layer.Layer<TraceStore> =>
  Layer.scoped(
    TraceStore,
    Effect.gen(function* () {
      const region = config.region === undefined ? {} : { region: config.region }
      const s3 = yield* Effect.acquireRelease(
        Effect.sync(() => new S3Client(region)),
        (client) => Effect.sync(() => client.destroy()),
      )
      const dynamo = yield* Effect.acquireRelease(
        Effect.sync(() => new DynamoDBClient(region)),
        (client) => Effect.sync(() => client.destroy()),
      )
      const { bucket, tableName, ttlDays, writeTimeoutMs } = config
      return makeS3TraceStore({
        s3,
        dynamo,
        bucket,
        tableName,
        ...(ttlDays === undefined ? {} : { ttlDays }),
        ...(writeTimeoutMs === undefined ? {} : { writeTimeoutMs }),
      })
    }),
  )
