/**
 * Four independently built intake runtimes — as four Lambda containers — share one DynamoDB
 * (dynalite) and one SQS queue (replay). 1,000 concurrent deliveries of 100 distinct alerts
 * (each delivered 10×, some as Slack retries) must put exactly 100 investigations on the queue
 * and, once dispatched, reach the master exactly 100 times. A runtime that dies after its claim
 * loses nothing: after the re-claim window (a shared TestClock) a retry on another runtime
 * dispatches it.
 */
import { Effect, Exit, Layer, ManagedRuntime, Ref, Scope, TestClock, TestContext } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createDedupTable } from "../../src/adapters/dynamodb/dedup-table.js"
import { dynamoDedupStoreLayer } from "../../src/adapters/dynamodb/dynamo-dedup-store.js"
import { makeHttpApp } from "../../src/adapters/http/app.js"
import { memoryTraceStoreLayer } from "../../src/adapters/local/memory-trace-store.js"
import { offLlmLayer } from "../../src/adapters/local/off-llm.js"
import {
  RecordedInvocations,
  recordingAgentInvokerLayer,
} from "../../src/adapters/local/recording-agent-invoker.js"
import { captureLoggerLayer } from "../../src/adapters/log/json-logger.js"
import { envSecretsLayer } from "../../src/adapters/secrets-manager/env-secrets-layer.js"
import { dispatchBatch } from "../../src/adapters/sqs/lambda-batch.js"
import { makeSqsConsumer } from "../../src/adapters/sqs/sqs-consumer.js"
import { sqsDispatchQueueLayer } from "../../src/adapters/sqs/sqs-dispatch-queue.js"
import { signSlackRequest, slackMentionPayload, slackTs } from "../../src/cli/synthetic.js"
import { defaultConfig } from "../../src/domain/config.js"
import type { Dispatcher } from "../../src/domain/dispatcher.js"
import type { Intake } from "../../src/domain/intake.js"
import { decodeInvestigationRequest } from "../../src/domain/investigation-request.js"
import { appLayer } from "../../src/layers.js"
import type { AgentInvoker } from "../../src/ports/agent-invoker.js"
import { DedupStore } from "../../src/ports/dedup-store.js"
import { DispatchQueue, DispatchQueueError } from "../../src/ports/dispatch-queue.js"
import { makeSlackReplay, type SlackReplay } from "../../src/replay/slack.js"
import { makeSqsReplay, type SqsReplay } from "../../src/replay/sqs.js"
import { type DynaliteServer, startDynalite } from "../support/dynalite.js"

const secret = "concurrency-signing-secret"
const botToken = "xoxb-concurrency-token-000"
const T0 = Date.parse("2026-11-27T13:05:20Z")
const credentials = { accessKeyId: "local", secretAccessKey: "local" }

/** A deterministic shuffle (mulberry32), so the interleaving is varied but reproducible. */
const shuffled = <A>(xs: ReadonlyArray<A>, seed: number): Array<A> => {
  let s = seed
  const rand = () => {
    s = (s + 0x6d2b79f5) | 0
    let t = Math.imul(s ^ (s >>> 15), 1 | s)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const out = [...xs]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[out[i], out[j]] = [out[j] as A, out[i] as A]
  }
  return out
}
const SEED = 20261127

describe("four intake runtimes sharing one dynalite and one queue", () => {
  let dynalite: DynaliteServer
  let sqs: SqsReplay
  let slack: SlackReplay
  let scope: Scope.CloseableScope
  const tableName = "dedup-concurrency"
  // Each runtime is built from scratch (no shared memo map: a shared one would memoise the
  // domain layers too and quietly make the four "containers" one). Only the clock and the
  // recording master are shared, as ready-made services.
  let clock: Layer.Layer<never>
  let testClock: TestClock.TestClock
  let clockRuntime: ManagedRuntime.ManagedRuntime<never, never>
  let master: Layer.Layer<AgentInvoker | RecordedInvocations>
  const logs: Array<string> = []

  type Runtime = ManagedRuntime.ManagedRuntime<Intake | Dispatcher | RecordedInvocations, unknown>

  const runtimeWith = (overrides: { queue?: Layer.Layer<DispatchQueue>; crashAfterClaim?: boolean } = {}) => {
    const dedupBase = dynamoDedupStoreLayer({ client: dynalite.newClient(), tableName })
    // A container that dies after its claim never gets to release it.
    const dedup = overrides.crashAfterClaim
      ? Layer.effect(
          DedupStore,
          Effect.map(DedupStore, (store) => DedupStore.of({ ...store, release: () => Effect.void })),
        ).pipe(Layer.provide(dedupBase))
      : dedupBase
    const layer = Layer.mergeAll(
      appLayer({
        config: defaultConfig,
        secrets: envSecretsLayer({ env: { SLACK_SIGNING_SECRET: secret, SLACK_BOT_TOKEN: botToken } }),
        dedup,
        traces: memoryTraceStoreLayer(),
        llm: offLlmLayer,
        invoker: master,
        queue:
          overrides.queue ??
          sqsDispatchQueueLayer({
            queueUrl: sqs.queueUrl("dispatch"),
            client: { endpoint: sqs.url, region: "us-east-1", credentials },
          }),
        chat: { slackApiUrl: slack.apiUrl },
      }),
      master,
      clock,
    ).pipe(Layer.provideMerge(captureLoggerLayer(logs)))
    const runtime: Runtime = ManagedRuntime.make(layer)
    return { runtime, app: makeHttpApp(runtime, { bodyLimitBytes: 1_048_576 }) }
  }

  const deliver = (
    app: ReturnType<typeof runtimeWith>["app"],
    payload: unknown,
    at: number,
    retry?: number,
  ) => {
    const signed = signSlackRequest(
      secret,
      at,
      JSON.stringify(payload),
      "/slack/events",
      "application/json",
      retry === undefined
        ? {}
        : { "x-slack-retry-num": String(retry), "x-slack-retry-reason": "http_timeout" },
    )
    return Promise.resolve(
      app.request(signed.path, { method: "POST", headers: signed.headers, body: signed.body }),
    )
  }

  const alert = (i: number) =>
    slackMentionPayload({
      text: `[FIRING:1] KubePodCrashLooping (eks-prod payments-${i}) pod payments-${i}-6c9f7d8b4-q7x2m critical`,
      at: T0 - 60_000 + i * 100,
      ts: slackTs(T0 - 60_000 + i * 100, i),
      channel: "C0ALERTS",
      user: "U0ALERTMGR",
      botUserId: "U0SREBOT",
      eventId: `EvCONC${i}`,
    })

  const drainQueue = async (runtimes: ReadonlyArray<Runtime>) => {
    const consumer = await Effect.runPromise(
      Scope.extend(
        makeSqsConsumer({
          queueUrl: sqs.queueUrl("dispatch"),
          client: { endpoint: sqs.url, region: "us-east-1", credentials },
        }),
        scope,
      ),
    )
    let handled = 0
    for (let round = 0; ; round++) {
      const batch = await Effect.runPromise(consumer.receive(10, 0))
      if (batch.length === 0) break
      const runtime = runtimes[round % runtimes.length]
      if (runtime === undefined) throw new Error("no runtime")
      const result = await runtime.runPromise(
        dispatchBatch({ Records: batch.map((m) => ({ messageId: m.messageId, body: m.body })) }),
      )
      expect(result.batchItemFailures).toEqual([])
      for (const m of batch) await Effect.runPromise(consumer.delete(m.receiptHandle))
      handled += batch.length
    }
    return handled
  }

  beforeAll(async () => {
    dynalite = await startDynalite()
    await Effect.runPromise(createDedupTable(dynalite.client, tableName))
    scope = Effect.runSync(Scope.make())
    sqs = await Effect.runPromise(Scope.extend(makeSqsReplay({ queues: ["dispatch"] }), scope))
    slack = await Effect.runPromise(
      Scope.extend(makeSlackReplay({ token: botToken, identity: { userId: "U0SREBOT" } }), scope),
    )
    clockRuntime = ManagedRuntime.make(TestContext.TestContext)
    testClock = await clockRuntime.runPromise(TestClock.testClock())
    clock = Layer.setClock(testClock)
    master = Layer.succeedContext(
      await Effect.runPromise(Scope.extend(Layer.build(recordingAgentInvokerLayer()), scope)),
    )
    await Effect.runPromise(testClock.setTime(T0))
  })
  afterAll(async () => {
    await Effect.runPromise(Scope.close(scope, Exit.void))
    await clockRuntime.dispose()
    await dynalite.stop()
  })

  it(`1,000 concurrent deliveries of 100 events (each 10×) → exactly 100 on the queue and 100 dispatches (seed ${SEED})`, async () => {
    const runtimes = [runtimeWith(), runtimeWith(), runtimeWith(), runtimeWith()]
    const first = runtimes[0]
    if (first === undefined) throw new Error("no runtime")

    // Delivery k of event i: the first three plain, the rest as Slack retries (1..3).
    const deliveries = shuffled(
      Array.from({ length: 100 }, (_, i) => Array.from({ length: 10 }, (_, k) => ({ i, k }))).flat(),
      SEED,
    )
    const responses = await Promise.all(
      deliveries.map(({ i, k }, n) => {
        const target = runtimes[n % 4]
        if (target === undefined) throw new Error("no runtime")
        return deliver(target.app, alert(i), T0, k < 3 ? undefined : 1 + (k % 3))
      }),
    )
    expect(responses.map((r) => r.status).filter((s) => s !== 200)).toEqual([])
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as Array<{ investigationId?: string }>
    expect(bodies.filter((b) => typeof b.investigationId === "string")).toHaveLength(100)

    const queued = sqs.messages("dispatch")
    expect(queued).toHaveLength(100)
    const requests = await Promise.all(
      queued.map((m) => Effect.runPromise(decodeInvestigationRequest(m.body))),
    )
    expect(new Set(requests.map((r) => r.dedupKey)).size).toBe(100)

    expect(await drainQueue(runtimes.map((r) => r.runtime))).toBe(100)
    const invoked = await first.runtime.runPromise(Effect.flatMap(RecordedInvocations, Ref.get))
    expect(invoked).toHaveLength(100)
    expect(new Set(invoked.map((x) => x.task.investigationId)).size).toBe(100)
    await Promise.all(runtimes.map((r) => r.runtime.dispose()))
  }, 120_000)

  it("a container that dies after its claim loses nothing: a retry elsewhere after the re-claim window dispatches", async () => {
    const failingQueue = Layer.succeed(
      DispatchQueue,
      DispatchQueue.of({ enqueue: () => Effect.fail(new DispatchQueueError({ message: "container died" })) }),
    )
    const dying = runtimeWith({ queue: failingQueue, crashAfterClaim: true })
    const b = runtimeWith()
    const c = runtimeWith()
    const now = await Effect.runPromise(testClock.currentTimeMillis)
    const event = alert(500)
    const before = sqs.messages("dispatch").length

    const died = await deliver(dying.app, event, now)
    expect(died.status).toBe(503)
    // Slack retries about a minute later: the claim is still held, so nothing starts twice.
    await Effect.runPromise(testClock.adjust("60 seconds"))
    const early = await deliver(b.app, event, now + 60_000, 1)
    expect(early.status).toBe(200)
    expect(await early.json()).toMatchObject({ result: "retry_held" })
    expect(sqs.messages("dispatch")).toHaveLength(before)

    // Past the 2-minute re-claim window the stale claim is taken by another container.
    await Effect.runPromise(testClock.adjust("61 seconds"))
    const late = await deliver(c.app, event, now + 121_000, 2)
    expect(late.status).toBe(200)
    expect(((await late.json()) as { investigationId?: string }).investigationId).toBeTypeOf("string")
    expect(sqs.messages("dispatch")).toHaveLength(before + 1)
    await Promise.all([dying, b, c].map((r) => r.runtime.dispose()))
  }, 60_000)

  it("a failure after the claim that can release it lets an immediate retry on another runtime dispatch", async () => {
    const failingQueue = Layer.succeed(
      DispatchQueue,
      DispatchQueue.of({ enqueue: () => Effect.fail(new DispatchQueueError({ message: "SQS throttled" })) }),
    )
    const a = runtimeWith({ queue: failingQueue })
    const b = runtimeWith()
    const now = await Effect.runPromise(testClock.currentTimeMillis)
    const event = alert(600)
    const before = sqs.messages("dispatch").length
    expect((await deliver(a.app, event, now)).status).toBe(503)
    const retry = await deliver(b.app, event, now, 1)
    expect(((await retry.json()) as { investigationId?: string }).investigationId).toBeTypeOf("string")
    expect(sqs.messages("dispatch")).toHaveLength(before + 1)
    await Promise.all([a, b].map((r) => r.runtime.dispose()))
  }, 60_000)
})
