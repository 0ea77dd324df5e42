import { describe, expect, it } from "@effect/vitest"
import { NodeHttpHandler } from "@smithy/node-http-handler"
import { Clock, Context, Effect, Exit, Layer } from "effect"
import { bedrockLlmLayer } from "../../../src/adapters/bedrock/bedrock-llm-layer.js"
import { type ConverseRequest, Llm, type LlmMessage } from "../../../src/ports/llm.js"
import { type ConverseTurn, serveBedrockReplay } from "../../../src/replay/bedrock.js"

const haiku = "us.anthropic.claude-haiku-4-5-20251001-v1:0"

const llmAgainst = (script: ReadonlyArray<ConverseTurn>) =>
  Effect.gen(function* () {
    const replay = yield* serveBedrockReplay(script)
    const context = yield* Layer.build(
      bedrockLlmLayer({
        region: "us-east-1",
        endpoint: replay.url,
        credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test-secret" },
        requestHandler: new NodeHttpHandler(),
      }),
    )
    return { replay, llm: Context.get(context, Llm) }
  })

const request = (overrides: Partial<ConverseRequest> = {}): ConverseRequest => ({
  modelId: haiku,
  system: "You are the intake filter.",
  messages: [{ role: "user", content: [{ _tag: "Text", text: "KubePodCrashLooping payments-api" }] }],
  maxTokens: 5,
  temperature: 0,
  timeoutMs: 5_000,
  ...overrides,
})

const failureReason = <A, E extends { readonly reason: string }>(exit: Exit.Exit<A, E>) =>
  Exit.match(exit, {
    onFailure: (cause) => (cause._tag === "Fail" ? cause.error.reason : `cause:${cause._tag}`),
    onSuccess: () => "success",
  })

describe("bedrockLlmLayer", () => {
  it.scoped("sends system, messages and inference config; decodes a text reply", () =>
    Effect.gen(function* () {
      const { replay, llm } = yield* llmAgainst([
        { _tag: "reply", text: "ALERT", usage: { inputTokens: 120, outputTokens: 2 } },
      ])
      const reply = yield* llm.converse(request())
      expect(reply).toEqual({
        text: "ALERT",
        toolCalls: [],
        usage: { inputTokens: 120, outputTokens: 2 },
        stopReason: "end_turn",
      })
      const [sent] = yield* replay.requests
      expect(sent?.modelId).toBe(haiku)
      expect(sent?.signed).toBe(true)
      expect(sent?.body).toEqual({
        system: [{ text: "You are the intake filter." }],
        messages: [{ role: "user", content: [{ text: "KubePodCrashLooping payments-api" }] }],
        inferenceConfig: { maxTokens: 5, temperature: 0 },
      })
    }),
  )

  it.scoped("round-trips a tool use: toolConfig out, toolUse back, toolResult sent on the next turn", () =>
    Effect.gen(function* () {
      const { replay, llm } = yield* llmAgainst([
        {
          _tag: "reply",
          text: "Let me look at the pods.",
          toolUses: [{ id: "tu-1", name: "list_pods", input: { namespace: "payments", limit: 5 } }],
          usage: { inputTokens: 300, outputTokens: 40 },
        },
        { _tag: "reply", text: "The pod is OOMKilled.", usage: { inputTokens: 420, outputTokens: 12 } },
      ])
      const tools = [
        {
          name: "list_pods",
          description: "List pods in a namespace",
          inputSchema: {
            type: "object",
            properties: { namespace: { type: "string" }, limit: { type: "integer" } },
            required: ["namespace"],
          },
        },
      ]
      const first = yield* llm.converse(request({ tools, maxTokens: 512 }))
      expect(first.stopReason).toBe("tool_use")
      expect(first.text).toBe("Let me look at the pods.")
      expect(first.toolCalls).toEqual([
        { id: "tu-1", name: "list_pods", input: { namespace: "payments", limit: 5 } },
      ])

      const history: ReadonlyArray<LlmMessage> = [
        ...request().messages,
        {
          role: "assistant",
          content: [
            { _tag: "Text", text: first.text },
            ...first.toolCalls.map((t) => ({ _tag: "ToolUse" as const, ...t })),
          ],
        },
        {
          role: "user",
          content: [
            { _tag: "ToolResult", id: "tu-1", content: "payments-api-7f9 OOMKilled", status: "success" },
          ],
        },
      ]
      const second = yield* llm.converse(request({ tools, messages: history, maxTokens: 512 }))
      expect(second).toMatchObject({ text: "The pod is OOMKilled.", toolCalls: [], stopReason: "end_turn" })

      const sent = yield* replay.requests
      expect(sent.map((r) => r.body)).toEqual([
        expect.objectContaining({
          toolConfig: {
            tools: [
              {
                toolSpec: {
                  name: "list_pods",
                  description: "List pods in a namespace",
                  inputSchema: { json: tools[0]?.inputSchema },
                },
              },
            ],
          },
        }),
        expect.objectContaining({
          messages: [
            { role: "user", content: [{ text: "KubePodCrashLooping payments-api" }] },
            {
              role: "assistant",
              content: [
                { text: "Let me look at the pods." },
                {
                  toolUse: {
                    toolUseId: "tu-1",
                    name: "list_pods",
                    input: { namespace: "payments", limit: 5 },
                  },
                },
              ],
            },
            {
              role: "user",
              content: [
                {
                  toolResult: {
                    toolUseId: "tu-1",
                    content: [{ text: "payments-api-7f9 OOMKilled" }],
                    status: "success",
                  },
                },
              ],
            },
          ],
        }),
      ])
    }),
  )

  it.scoped("omits toolConfig when there are no tools", () =>
    Effect.gen(function* () {
      const { replay, llm } = yield* llmAgainst([{ _tag: "reply", text: "CHATTER" }])
      yield* llm.converse(request({ tools: [] }))
      const [sent] = yield* replay.requests
      expect(sent?.body).not.toHaveProperty("toolConfig")
    }),
  )

  it.scoped("maps ThrottlingException to throttled, with one request (no SDK retries)", () =>
    Effect.gen(function* () {
      const { replay, llm } = yield* llmAgainst([
        { _tag: "error", status: 429, errorType: "ThrottlingException", message: "Too many requests" },
        { _tag: "reply", text: "not reached" },
      ])
      const exit = yield* Effect.exit(llm.converse(request()))
      expect(failureReason(exit)).toBe("throttled")
      expect(yield* replay.requests).toHaveLength(1)
    }),
  )

  it.scoped(
    "maps ValidationException and AccessDeniedException to rejected, 5xx (even as HTML) to unavailable",
    () =>
      Effect.gen(function* () {
        const { llm } = yield* llmAgainst([
          { _tag: "error", status: 400, errorType: "ValidationException", message: "bad model id" },
          { _tag: "error", status: 403, errorType: "AccessDeniedException" },
          { _tag: "error", status: 503, errorType: "ServiceUnavailableException" },
          { _tag: "raw", status: 502, body: "<html>bad gateway</html>" },
        ])
        const reasons = []
        for (let i = 0; i < 4; i++) reasons.push(failureReason(yield* Effect.exit(llm.converse(request()))))
        expect(reasons).toEqual(["rejected", "rejected", "unavailable", "unavailable"])
      }),
  )

  it.scoped("turns a malformed JSON body or a reply of the wrong shape into malformed", () =>
    Effect.gen(function* () {
      const { llm } = yield* llmAgainst([
        { _tag: "raw", status: 200, body: '{"output": {"message": ' },
        { _tag: "raw", status: 200, body: '{"output": {"message": {"role": "assistant"}}, "stopReason": 7}' },
      ])
      const first = yield* Effect.exit(llm.converse(request()))
      const second = yield* Effect.exit(llm.converse(request()))
      expect([failureReason(first), failureReason(second)]).toEqual(["malformed", "malformed"])
    }),
  )

  it.scoped("rejects a tool input that is not a JSON document before sending anything", () =>
    Effect.gen(function* () {
      const { replay, llm } = yield* llmAgainst([{ _tag: "reply", text: "not reached" }])
      const messages: ReadonlyArray<LlmMessage> = [
        { role: "assistant", content: [{ _tag: "ToolUse", id: "t", name: "x", input: { at: new Date(0) } }] },
      ]
      const exit = yield* Effect.exit(llm.converse(request({ messages })))
      expect(failureReason(exit)).toBe("rejected")
      expect(yield* replay.requests).toHaveLength(0)
    }),
  )

  it.scoped("URL-encodes a model id with ':' and '/' (an inference profile ARN)", () =>
    Effect.gen(function* () {
      const arn =
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-haiku-4-5-20251001-v1:0"
      const { replay, llm } = yield* llmAgainst([
        { _tag: "reply", text: "ok" },
        { _tag: "reply", text: "ok" },
      ])
      yield* llm.converse(request({ modelId: haiku }))
      yield* llm.converse(request({ modelId: arn }))
      const [plain, profile] = yield* replay.requests
      expect(plain?.path).toBe("/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse")
      expect(profile?.path).toBe(
        "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile%2Fus.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse",
      )
      expect(profile?.modelId).toBe(arn)
    }),
  )

  // The one real-time test: the timeout must abort the HTTP request through its AbortSignal.
  it.scopedLive("aborts a reply slower than timeoutMs and fails with timeout", () =>
    Effect.gen(function* () {
      const { replay, llm } = yield* llmAgainst([{ _tag: "reply", text: "too late", delayMs: 5_000 }])
      const started = yield* Clock.currentTimeMillis
      const exit = yield* Effect.exit(llm.converse(request({ timeoutMs: 200 })))
      expect(failureReason(exit)).toBe("timeout")
      expect((yield* Clock.currentTimeMillis) - started).toBeLessThan(4_000)
      expect(yield* replay.requests).toHaveLength(1)
    }),
  )
})
