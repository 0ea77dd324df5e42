/**
 * The AWS TraceStore when things go wrong, on s3rver + dynalite: an unreachable S3 endpoint
 * fails open (counted, logged at warning without secrets), an event under another
 * investigation's header is refused rather than misfiled, and damaged objects and index items
 * read back as `corrupt` errors. (A missing bucket and table are in the shared contract.)
 */
import { PutItemCommand } from "@aws-sdk/client-dynamodb"
import { PutObjectCommand } from "@aws-sdk/client-s3"
import { expect, layer } from "@effect/vitest"
import { DateTime, Effect, Either, Option } from "effect"
import { captureLoggerLayer } from "../../../src/adapters/log/json-logger.js"
import { makeS3TraceStore } from "../../../src/adapters/s3/s3-trace-store.js"
import { makeS3Client } from "../../support/s3rver.js"
import { closedPort } from "./closed-port.js"
import { freshParts, servers } from "./s3-trace-harness.js"
import { BEFORE_MIDNIGHT, failureCount, headerOf } from "./trace-fixtures.js"
import { secretCorpus, secretValues } from "./trace-secrets.js"

layer(servers)("s3 trace store: failures", (it) => {
  it.effect(
    "an unreachable S3 endpoint: append succeeds, the failure is counted and logged without secrets",
    () =>
      Effect.gen(function* () {
        const { dynamo, tableName } = yield* freshParts
        const port = yield* Effect.promise(closedPort)
        const s3 = makeS3Client(`http://127.0.0.1:${port}`, { maxAttempts: 1 })
        const store = makeS3TraceStore({ s3, bucket: "traces", dynamo, tableName })
        const before = yield* failureCount
        const header = headerOf("inv-unreachable", yield* DateTime.now)
        const lines: Array<string> = []
        yield* store
          .append(header, {
            investigationId: header.investigationId,
            seq: 0,
            at: header.startedAt,
            step: "plan",
            data: secretCorpus,
          })
          .pipe(Effect.provide(captureLoggerLayer(lines)))
        s3.destroy()
        expect((yield* failureCount) - before).toBe(1)
        expect(lines).toHaveLength(1)
        const warning = JSON.parse(lines[0] ?? "{}")
        expect(warning).toMatchObject({
          level: "WARN",
          investigationId: "inv-unreachable",
          operation: "append",
        })
        expect(warning.error).toMatch(/PutObject .*failed/)
        for (const secret of secretValues) expect(lines[0]).not.toContain(secret)
      }),
  )

  it.effect("an event whose id is not the header's is refused (and counted), not filed elsewhere", () =>
    Effect.gen(function* () {
      const { store, stored } = yield* freshParts
      const before = yield* failureCount
      const header = headerOf("inv-mine", yield* DateTime.now)
      yield* store.append(header, {
        investigationId: "inv-other",
        seq: 0,
        at: header.startedAt,
        step: "plan",
        data: {},
      })
      expect((yield* failureCount) - before).toBe(1)
      expect(yield* stored).toEqual([])
    }),
  )

  it.effect("a damaged event object or index item reads as a corrupt error", () =>
    Effect.gen(function* () {
      const { store, s3, bucket, dynamo, tableName } = yield* freshParts
      const header = headerOf("inv-damaged", DateTime.unsafeMake(BEFORE_MIDNIGHT))
      yield* store.begin(header)
      const key = "traces/dt=2025-03-31/investigation_id=inv-damaged/events/000001-plan.json"
      yield* Effect.promise(() =>
        s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: '{"seq":"one"}' })),
      )
      const damaged = yield* Effect.either(store.read("inv-damaged"))
      expect(Either.isLeft(damaged) && damaged.left.reason).toBe("corrupt")
      expect(Either.isLeft(damaged) && damaged.left.message).toContain(key)

      yield* Effect.promise(() =>
        dynamo.send(
          new PutItemCommand({
            TableName: tableName,
            Item: { pk: { S: "inv#inv-foreign" }, sk: { S: "header" } },
          }),
        ),
      )
      const foreign = yield* Effect.either(store.read("inv-foreign"))
      expect(Either.isLeft(foreign) && foreign.left.reason).toBe("corrupt")
      expect(yield* Effect.either(store.read("inv-absent"))).toEqual(Either.right(Option.none()))
    }),
  )
})
