/**
 * DedupStore on DynamoDB, shared by every intake runtime. A claim is ONE conditional PutItem
 * whose condition is `canClaim`, so two runtimes can never both win a key. When the condition
 * fails, a consistent read tells the caller whom it lost to; if that record vanished or became
 * claimable in between (a release, an expiry), the claim is simply tried again, a bounded
 * number of times. TTL deletes lazily, so reads hide records past `expiresAt` themselves.
 */
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from "@aws-sdk/client-dynamodb"
import { Effect, Layer, Option } from "effect"
import {
  type ClaimPolicy,
  type ClaimRequest,
  canClaim,
  type DedupRecord,
  defaultClaimPolicy,
  newRecord,
} from "../../domain/dedup.js"
import {
  type ClaimResult,
  DedupStore,
  DedupStoreError,
  type DedupStoreService,
  type TransitionRequest,
} from "../../ports/dedup-store.js"
import { claimCondition, releaseCondition, transitionExpressions } from "./dedup-expressions.js"
import { decodeItem, toAttributeValue, toItem } from "./dedup-item.js"

export interface DynamoDedupStoreOptions {
  readonly client: DynamoDBClient
  readonly tableName: string
  readonly policy?: ClaimPolicy
  /** Claim attempts when the record keeps changing under us (default 3). */
  readonly maxClaimAttempts?: number
}

const throttlingErrors: ReadonlySet<string> = new Set([
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
])

const errorName = (cause: unknown): string => (cause instanceof Error ? cause.name : typeof cause)

/** SDK failure → port error: throttling is worth a retry by the caller, the rest is an outage. */
export const toDedupStoreError = (operation: string, tableName: string, cause: unknown): DedupStoreError =>
  new DedupStoreError({
    reason: throttlingErrors.has(errorName(cause)) ? "throttled" : "unavailable",
    message: `DynamoDB ${operation} on ${tableName} failed: ${errorName(cause)}${cause instanceof Error ? `: ${cause.message}` : ""}`,
    cause,
  })

const isConditionFailure = (cause: unknown): boolean =>
  cause instanceof ConditionalCheckFailedException || errorName(cause) === "ConditionalCheckFailedException"

const claimed = (record: DedupRecord): ClaimResult => ({ _tag: "Claimed", record })
const duplicate = (record: DedupRecord): ClaimResult => ({ _tag: "Duplicate", record })

export const makeDynamoDedupStore = (options: DynamoDedupStoreOptions): DedupStoreService => {
  const { client, tableName } = options
  const policy = options.policy ?? defaultClaimPolicy
  const maxAttempts = Math.max(1, options.maxClaimAttempts ?? 3)
  const keyOf = (key: string) => ({ pk: toAttributeValue.string(key) })

  /** Run a conditional write: true when it happened, false when its condition failed. */
  const conditional = (operation: string, write: (signal: AbortSignal) => Promise<unknown>) =>
    Effect.tryPromise({
      try: (signal) => write(signal).then(() => true),
      catch: (cause) => cause,
    }).pipe(
      Effect.catchAll((cause) =>
        isConditionFailure(cause)
          ? Effect.succeed(false)
          : Effect.fail(toDedupStoreError(operation, tableName, cause)),
      ),
    )

  /** The stored record, expired or not (a consistent read). */
  const read = (key: string): Effect.Effect<Option.Option<DedupRecord>, DedupStoreError> =>
    Effect.tryPromise({
      try: (abortSignal) =>
        client.send(new GetItemCommand({ TableName: tableName, Key: keyOf(key), ConsistentRead: true }), {
          abortSignal,
        }),
      catch: (cause) => toDedupStoreError("GetItem", tableName, cause),
    }).pipe(
      Effect.flatMap((out) =>
        out.Item === undefined ? Effect.succeedNone : Effect.asSome(decodeItem(out.Item)),
      ),
    )

  const claim = Effect.fn("DynamoDedupStore.claim")(function* (req: ClaimRequest) {
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const record = newRecord(req, policy)
      const written = yield* conditional("PutItem", (abortSignal) =>
        client.send(
          new PutItemCommand({ TableName: tableName, Item: toItem(record), ...claimCondition(req, policy) }),
          { abortSignal },
        ),
      )
      if (written) return claimed(record)
      const existing = yield* read(req.key)
      if (Option.isSome(existing) && !canClaim(existing, req, policy)) return duplicate(existing.value)
      yield* Effect.logDebug("dedup record changed between claim and read; claiming again").pipe(
        Effect.annotateLogs({ key: req.key, attempt }),
      )
    }
    return yield* new DedupStoreError({
      reason: "unavailable",
      message: `claim of ${req.key} raced with other writers ${maxAttempts} times`,
    })
  })

  const get = Effect.fn("DynamoDedupStore.get")(function* (key: string, now: number) {
    const existing = yield* read(key)
    return Option.filter(existing, (r) => r.expiresAt > now)
  })

  const transition = Effect.fn("DynamoDedupStore.transition")(function* (req: TransitionRequest) {
    const expressions = transitionExpressions(req)
    if (Option.isNone(expressions)) return false
    return yield* conditional("UpdateItem", (abortSignal) =>
      client.send(
        new UpdateItemCommand({ TableName: tableName, Key: keyOf(req.key), ...expressions.value }),
        {
          abortSignal,
        },
      ),
    )
  })

  const release = Effect.fn("DynamoDedupStore.release")(function* (key: string, investigationId: string) {
    yield* conditional("DeleteItem", (abortSignal) =>
      client.send(
        new DeleteItemCommand({
          TableName: tableName,
          Key: keyOf(key),
          ...releaseCondition(investigationId),
        }),
        { abortSignal },
      ),
    )
  })

  return { claim, get, transition, release }
}

export const dynamoDedupStoreLayer = (options: DynamoDedupStoreOptions): Layer.Layer<DedupStore> =>
  Layer.succeed(DedupStore, makeDynamoDedupStore(options))
