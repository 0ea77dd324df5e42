/**
 * What dynalite cannot stage: throttling, outages between calls, and a record that changes
 * between the failed conditional put and the read that follows it. A mocked client (one
 * instance, aws-sdk-client-mock) scripts those answers; no request leaves the process.
 */
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  ProvisionedThroughputExceededException,
  PutItemCommand,
  UpdateItemCommand,
} from "@aws-sdk/client-dynamodb"
import { describe, expect, it } from "@effect/vitest"
import { mockClient } from "aws-sdk-client-mock"
import { Effect, Either } from "effect"
import { toItem } from "../../../src/adapters/dynamodb/dedup-item.js"
import { makeDynamoDedupStore } from "../../../src/adapters/dynamodb/dynamo-dedup-store.js"
import { newRecord } from "../../../src/domain/dedup.js"
import type { DedupStoreError } from "../../../src/ports/dedup-store.js"
import { claimRequest, contractPolicy, T0 } from "../dedup-store-contract.js"

const conditionFailed = () =>
  new ConditionalCheckFailedException({ message: "The conditional request failed", $metadata: {} })
const named = (name: string, message = name) => Object.assign(new Error(message), { name })

const reasonOf = <A>(outcome: Either.Either<A, DedupStoreError>) =>
  Either.isLeft(outcome) ? outcome.left.reason : "succeeded"

const setup = () => {
  const client = new DynamoDBClient({
    region: "us-east-1",
    credentials: { accessKeyId: "x", secretAccessKey: "x" },
  })
  const mock = mockClient(client)
  const store = makeDynamoDedupStore({ client, tableName: "dedup", policy: contractPolicy })
  return { mock, store }
}

const req = claimRequest("slack#C1#1", "inv-2", T0 + 1_000)
const held = newRecord(claimRequest("slack#C1#1", "inv-1", T0), contractPolicy)

describe("dynamodb dedup store: scripted failures", () => {
  it.effect("an uncontended claim is exactly one conditional PutItem implementing canClaim", () =>
    Effect.gen(function* () {
      const { mock, store } = setup()
      mock.on(PutItemCommand).resolves({})
      expect((yield* store.claim(req))._tag).toBe("Claimed")
      expect(mock.calls()).toHaveLength(1)
      const input = mock.commandCalls(PutItemCommand)[0]?.args[0].input
      expect(input?.ConditionExpression).toBe(
        "attribute_not_exists(pk) OR expiresAt <= :now OR (#s = :received AND claimedAt < :staleBefore)",
      )
      expect(input?.ExpressionAttributeValues?.[":staleBefore"]).toEqual({ N: String(req.now - 10_000) })
      expect(input?.Item).toEqual(toItem(newRecord(req, contractPolicy)))

      yield* store.claim({ ...req, reclaimGated: true })
      expect(mock.commandCalls(PutItemCommand)[1]?.args[0].input.ConditionExpression).toBe(
        "attribute_not_exists(pk) OR expiresAt <= :now OR (#s = :received AND claimedAt < :staleBefore) OR #s = :gated",
      )
    }),
  )

  it.effect("a lost claim reads the holder's record consistently and reports it as Duplicate", () =>
    Effect.gen(function* () {
      const { mock, store } = setup()
      mock.on(PutItemCommand).rejects(conditionFailed())
      mock.on(GetItemCommand).resolves({ Item: toItem(held) })
      expect(yield* store.claim(req)).toEqual({ _tag: "Duplicate", record: held })
      expect(mock.commandCalls(GetItemCommand)[0]?.args[0].input.ConsistentRead).toBe(true)
      expect(mock.commandCalls(PutItemCommand)).toHaveLength(1)
    }),
  )

  it.effect("a record that vanished or became claimable after the failed put is claimed again", () =>
    Effect.gen(function* () {
      const { mock, store } = setup()
      const expired = { ...held, expiresAt: req.now }
      mock.on(PutItemCommand).rejectsOnce(conditionFailed()).rejectsOnce(conditionFailed()).resolves({})
      mock
        .on(GetItemCommand)
        .resolvesOnce({})
        .resolves({ Item: toItem(expired) })
      expect(yield* store.claim(req)).toEqual({ _tag: "Claimed", record: newRecord(req, contractPolicy) })
      expect(mock.commandCalls(PutItemCommand)).toHaveLength(3)
    }),
  )

  it.effect("the retry is bounded: a key that keeps changing fails with unavailable", () =>
    Effect.gen(function* () {
      const { mock, store } = setup()
      mock.on(PutItemCommand).rejects(conditionFailed())
      mock.on(GetItemCommand).resolves({})
      const result = yield* Effect.either(store.claim(req))
      expect(Either.isLeft(result) && result.left.reason).toBe("unavailable")
      expect(mock.commandCalls(PutItemCommand)).toHaveLength(3)
    }),
  )

  it.effect("throttling errors are throttled, anything else unavailable", () =>
    Effect.gen(function* () {
      const cases = [
        [new ProvisionedThroughputExceededException({ message: "slow down", $metadata: {} }), "throttled"],
        [named("ThrottlingException"), "throttled"],
        [named("RequestLimitExceeded"), "throttled"],
        [named("InternalServerError"), "unavailable"],
        [named("Error", "connect ECONNREFUSED 127.0.0.1:1"), "unavailable"],
      ] as const
      for (const [error, reason] of cases) {
        const { mock, store } = setup()
        mock.on(PutItemCommand).rejects(error)
        mock.on(GetItemCommand).rejects(error)
        mock.on(UpdateItemCommand).rejects(error)
        mock.on(DeleteItemCommand).rejects(error)
        const reasons = [
          reasonOf(yield* Effect.either(store.claim(req))),
          reasonOf(yield* Effect.either(store.get("k", T0))),
          reasonOf(
            yield* Effect.either(
              store.transition({ key: "k", investigationId: "inv-1", to: "DONE", now: T0 }),
            ),
          ),
          reasonOf(yield* Effect.either(store.release("k", "inv-1"))),
        ]
        expect(reasons, error.name).toEqual([reason, reason, reason, reason])
      }
    }),
  )

  it.effect("a failed condition on transition is false and on release is a no-op", () =>
    Effect.gen(function* () {
      const { mock, store } = setup()
      mock.on(UpdateItemCommand).rejects(conditionFailed())
      mock.on(DeleteItemCommand).rejects(conditionFailed())
      expect(yield* store.transition({ key: "k", investigationId: "inv-1", to: "DONE", now: T0 })).toBe(false)
      yield* store.release("k", "inv-1")
      const update = mock.commandCalls(UpdateItemCommand)[0]?.args[0].input
      expect(update?.ConditionExpression).toBe(
        "investigationId = :id AND expiresAt > :now AND #s IN (:from0, :from1)",
      )
      expect(update?.ExpressionAttributeValues).toMatchObject({
        ":from0": { S: "RECEIVED" },
        ":from1": { S: "DISPATCHED" },
      })
      expect(mock.commandCalls(DeleteItemCommand)[0]?.args[0].input.ConditionExpression).toBe(
        "investigationId = :id AND #s = :received",
      )
    }),
  )

  it.effect("an item that does not decode is corrupt", () =>
    Effect.gen(function* () {
      const { mock, store } = setup()
      mock.on(GetItemCommand).resolves({ Item: { ...toItem(held), claimedAt: { S: "yesterday" } } })
      const got = yield* Effect.either(store.get("slack#C1#1", T0))
      expect(Either.isLeft(got) && got.left.reason).toBe("corrupt")
    }),
  )
})
