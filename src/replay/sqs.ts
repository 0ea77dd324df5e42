/**
 * SQS on loopback, speaking the AWS JSON 1.0 protocol the SDK uses (`X-Amz-Target:
 * AmazonSQS.<Operation>`, `application/x-amz-json-1.0`): SendMessage, ReceiveMessage (with
 * long polling), DeleteMessage and GetQueueUrl, with SQS's error shape `{__type, message}`.
 * Lets the real `@aws-sdk/client-sqs` adapter run in tests and the demo.
 */
import { Effect, type Scope } from "effect"
import { type Context, Hono } from "hono"
import { makeRequestLog, type RecordedRequest } from "./request-log-state.js"
import { serveLoopback } from "./serve.js"
import { enqueue, receive, remove, type SqsQueueState, type StoredSqsMessage } from "./sqs-state.js"

export interface SqsReplayOptions {
  /** Queue names (default: one queue, `investigations`). */
  readonly queues?: ReadonlyArray<string>
  readonly accountId?: string
  readonly visibilityTimeoutSeconds?: number
  /** Epoch ms for visibility timeouts (default: Effect's Clock at construction). */
  readonly now?: () => number
}

export interface SqsReplay {
  readonly url: string
  readonly queueUrl: (name: string) => string
  /** Every message still in the queue, visible or in flight. */
  readonly messages: (name: string) => ReadonlyArray<StoredSqsMessage>
  readonly requests: () => ReadonlyArray<RecordedRequest>
  readonly awaitRequests: (count: number, operation?: string) => Effect.Effect<ReadonlyArray<RecordedRequest>>
}

const fault = (c: Context, type: string, message: string, queryCode: string) =>
  c.json({ __type: `com.amazonaws.sqs#${type}`, message }, 400, {
    "content-type": "application/x-amz-json-1.0",
    "x-amzn-query-error": `${queryCode};Sender`,
  })
const answer = (c: Context, body: object) =>
  c.json(body, 200, { "content-type": "application/x-amz-json-1.0" })

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined)
const num = (v: unknown, fallback: number): number =>
  typeof v === "number" && Number.isFinite(v) ? v : fallback

export const makeSqsReplay = (options: SqsReplayOptions = {}): Effect.Effect<SqsReplay, never, Scope.Scope> =>
  Effect.gen(function* () {
    const clock = yield* Effect.clock
    const now = options.now ?? (() => clock.unsafeCurrentTimeMillis())
    const accountId = options.accountId ?? "000000000000"
    const queues = new Map<string, SqsQueueState>(
      (options.queues ?? ["investigations"]).map((name) => [
        name,
        { name, messages: [], visibilityTimeoutSeconds: options.visibilityTimeoutSeconds ?? 30 },
      ]),
    )
    const log = makeRequestLog()
    const arrivals = new Set<() => void>()
    const serverUrl = { value: "" }
    const queueUrl = (name: string) => `${serverUrl.value}/${accountId}/${name}`
    const queueOf = (url: string | undefined) => {
      const match = url === undefined ? null : /\/(\d{12})\/([\w-]+(?:\.fifo)?)$/.exec(url)
      return match === null || match[1] !== accountId ? undefined : queues.get(match[2] ?? "")
    }
    const nextArrival = (ms: number) =>
      new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer)
          arrivals.delete(done)
          resolve()
        }
        const timer = setTimeout(done, ms)
        arrivals.add(done)
      })

    const app = new Hono()
    app.post("/", async (c) => {
      const operation = (c.req.header("x-amz-target") ?? "").replace(/^AmazonSQS\./, "")
      let input: Record<string, unknown> = {}
      try {
        const parsed: unknown = JSON.parse(await c.req.text())
        if (typeof parsed === "object" && parsed !== null) input = { ...parsed }
      } catch {
        return fault(c, "InvalidParameterValue", "Request body is not JSON", "InvalidParameterValue")
      }
      const auth = c.req.header("authorization") ?? ""
      log.record({
        method: "POST",
        path: "/",
        operation,
        query: {},
        body: input,
        authorization: auth === "" ? "none" : auth.startsWith("AWS4-HMAC-SHA256 ") ? "valid" : "invalid",
      })
      if (operation === "GetQueueUrl") {
        const name = str(input.QueueName) ?? ""
        return queues.has(name)
          ? answer(c, { QueueUrl: queueUrl(name) })
          : fault(
              c,
              "QueueDoesNotExist",
              "The specified queue does not exist.",
              "AWS.SimpleQueueService.NonExistentQueue",
            )
      }
      const queue = queueOf(str(input.QueueUrl))
      if (queue === undefined)
        return fault(
          c,
          "QueueDoesNotExist",
          "The specified queue does not exist.",
          "AWS.SimpleQueueService.NonExistentQueue",
        )
      switch (operation) {
        case "SendMessage": {
          const body = str(input.MessageBody) ?? ""
          if (body === "")
            return fault(c, "MissingParameter", "The request must contain MessageBody.", "MissingParameter")
          const message = enqueue(queue, body, now())
          for (const wake of [...arrivals]) wake()
          return answer(c, { MessageId: message.messageId, MD5OfMessageBody: message.md5 })
        }
        case "ReceiveMessage": {
          const max = num(input.MaxNumberOfMessages, 1)
          const visibility = num(input.VisibilityTimeout, queue.visibilityTimeoutSeconds)
          const waitMs = Math.min(20, Math.max(0, num(input.WaitTimeSeconds, 0))) * 1000
          let taken = receive(queue, max, visibility, now())
          if (taken.length === 0 && waitMs > 0) {
            await nextArrival(waitMs)
            taken = receive(queue, max, visibility, now())
          }
          return answer(c, {
            Messages: taken.map((m) => ({
              MessageId: m.messageId,
              ReceiptHandle: m.receiptHandle,
              MD5OfBody: m.md5,
              Body: m.body,
              Attributes: {
                ApproximateReceiveCount: String(m.receiveCount),
                SentTimestamp: String(m.sentAt),
              },
            })),
          })
        }
        case "DeleteMessage":
          return remove(queue, str(input.ReceiptHandle) ?? "")
            ? answer(c, {})
            : fault(
                c,
                "ReceiptHandleIsInvalid",
                "The input receipt handle is invalid.",
                "ReceiptHandleIsInvalid",
              )
        default:
          return fault(
            c,
            "UnsupportedOperation",
            `${operation} is not supported by the replay`,
            "AWS.SimpleQueueService.UnsupportedOperation",
          )
      }
    })

    const server = yield* serveLoopback(app)
    serverUrl.value = server.url
    yield* Effect.addFinalizer(() =>
      Effect.sync(() => {
        for (const wake of [...arrivals]) wake()
      }),
    )
    return {
      url: server.url,
      queueUrl,
      messages: (name) => [...(queues.get(name)?.messages ?? [])],
      requests: log.all,
      awaitRequests: log.awaitCount,
    }
  })
