/**
 * A Bedrock Converse endpoint on loopback, so the real `@aws-sdk/client-bedrock-runtime` adapter
 * runs in tests and the demo without a model. It plays a script of turns in order (a reply, an
 * AWS error, or a raw body for malformed replies; any of them after a delay) and records every
 * request so tests can assert the exact prompt that was sent. The turn type is a Schema: scenario
 * files carry scripts in their `model:` section (docs/scenario-model.md).
 */
import { Effect, Schema, type Scope } from "effect"
import { Hono } from "hono"
import { type LoopbackServer, serveLoopback } from "./serve.js"

const Delay = Schema.optional(Schema.Number.pipe(Schema.nonNegative()))

export const ConverseReplyTurn = Schema.TaggedStruct("reply", {
  text: Schema.optional(Schema.String),
  toolUses: Schema.optional(
    Schema.Array(Schema.Struct({ id: Schema.String, name: Schema.String, input: Schema.Unknown })),
  ),
  usage: Schema.optional(Schema.Struct({ inputTokens: Schema.Number, outputTokens: Schema.Number })),
  /** default: "tool_use" when there are tool uses, else "end_turn" */
  stopReason: Schema.optional(Schema.String),
  delayMs: Delay,
})

/** An AWS error: `status` with the type in `x-amzn-ErrorType` and `__type` (e.g. ThrottlingException). */
export const ConverseErrorTurn = Schema.TaggedStruct("error", {
  status: Schema.Number,
  errorType: Schema.String,
  message: Schema.optional(Schema.String),
  delayMs: Delay,
})

/** Any body at all (malformed JSON, a wrong shape) with a status. */
export const ConverseRawTurn = Schema.TaggedStruct("raw", {
  status: Schema.Number,
  body: Schema.String,
  delayMs: Delay,
})

export const ConverseTurn = Schema.Union(ConverseReplyTurn, ConverseErrorTurn, ConverseRawTurn)
export type ConverseTurn = typeof ConverseTurn.Type

export interface RecordedConverse {
  /** path-decoded, as the SDK's caller passed it */
  readonly modelId: string
  /** the raw request path, still URL-encoded */
  readonly path: string
  /** the parsed JSON body (or the raw text if it was not JSON) */
  readonly body: unknown
  readonly signed: boolean
}

export interface BedrockReplay extends LoopbackServer {
  readonly requests: Effect.Effect<ReadonlyArray<RecordedConverse>>
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  })

const errorResponse = (status: number, errorType: string, message: string): Response =>
  json(
    status,
    { __type: errorType, message },
    { "x-amzn-ErrorType": `${errorType}:http://internal.amazon.com/coral/com.amazon.bedrock/` },
  )

const render = (turn: ConverseTurn): Response => {
  switch (turn._tag) {
    case "reply": {
      const toolUses = turn.toolUses ?? []
      const content = [
        ...(turn.text === undefined ? [] : [{ text: turn.text }]),
        ...toolUses.map((t) => ({ toolUse: { toolUseId: t.id, name: t.name, input: t.input } })),
      ]
      const usage = turn.usage ?? { inputTokens: 0, outputTokens: 0 }
      return json(200, {
        output: { message: { role: "assistant", content } },
        stopReason: turn.stopReason ?? (toolUses.length > 0 ? "tool_use" : "end_turn"),
        usage: { ...usage, totalTokens: usage.inputTokens + usage.outputTokens },
        metrics: { latencyMs: turn.delayMs ?? 0 },
      })
    }
    case "error":
      return errorResponse(turn.status, turn.errorType, turn.message ?? turn.errorType)
    case "raw":
      return new Response(turn.body, { status: turn.status, headers: { "content-type": "application/json" } })
  }
}

/** Resolves after `ms`, or as soon as the client gives up on the request. */
const wait = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener("abort", () => {
      clearTimeout(timer)
      resolve()
    })
  })

const parseBody = (text: string): unknown => {
  try {
    const parsed: unknown = JSON.parse(text)
    return parsed
  } catch {
    return text
  }
}

/** Serve `script` on loopback; past its end every call answers 500 InternalServerException. */
export const serveBedrockReplay = (
  script: ReadonlyArray<ConverseTurn>,
): Effect.Effect<BedrockReplay, never, Scope.Scope> => serveScripts(() => ({ key: "", script }))

/**
 * One script per model id, each played in its own order: how a scenario scripts several agents
 * at once (each agent is given its own model id, so concurrent agents never take each other's
 * turns). A model id with no script answers 400 ValidationException, as Bedrock does for an
 * unknown model; past a script's end, 500 InternalServerException.
 */
export const serveBedrockReplayByModel = (
  scripts: Readonly<Record<string, ReadonlyArray<ConverseTurn>>>,
): Effect.Effect<BedrockReplay, never, Scope.Scope> =>
  serveScripts((modelId) => {
    const script = Object.hasOwn(scripts, modelId) ? scripts[modelId] : undefined
    return script === undefined ? null : { key: modelId, script }
  })

const serveScripts = (
  pick: (modelId: string) => { readonly key: string; readonly script: ReadonlyArray<ConverseTurn> } | null,
): Effect.Effect<BedrockReplay, never, Scope.Scope> =>
  Effect.gen(function* () {
    const recorded: Array<RecordedConverse> = []
    const played = new Map<string, number>()
    const app = new Hono()
    app.post("/model/:modelId/converse", async (c) => {
      const modelId = c.req.param("modelId")
      recorded.push({
        modelId,
        path: new URL(c.req.url).pathname,
        body: parseBody(await c.req.text()),
        signed: (c.req.header("authorization") ?? "").startsWith("AWS4-HMAC-SHA256"),
      })
      const picked = pick(modelId)
      if (picked === null) {
        return errorResponse(400, "ValidationException", "The provided model identifier is invalid.")
      }
      const index = played.get(picked.key) ?? 0
      played.set(picked.key, index + 1)
      const turn = picked.script[index]
      if (turn === undefined) {
        return errorResponse(
          500,
          "InternalServerException",
          `replay script exhausted after ${picked.script.length} turns`,
        )
      }
      if (turn.delayMs !== undefined && turn.delayMs > 0) await wait(turn.delayMs, c.req.raw.signal)
      return render(turn)
    })
    app.all("*", (c) => errorResponse(404, "UnknownOperationException", `no replay route for ${c.req.path}`))
    const server = yield* serveLoopback(app)
    return { ...server, requests: Effect.sync(() => [...recorded]) }
  })
