import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { ConverseTurn, serveBedrockReplay } from "../../src/replay/bedrock.js"

const post = (url: string, path: string, body: unknown) =>
  Effect.promise(async () => {
    const res = await fetch(`${url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    })
    const json: unknown = await res.json()
    return { status: res.status, errorType: res.headers.get("x-amzn-errortype"), json }
  })

describe("serveBedrockReplay", () => {
  it.scoped("answers the script in order, records bodies and path-decodes the model id", () =>
    Effect.gen(function* () {
      const replay = yield* serveBedrockReplay([
        { _tag: "reply", text: "hi", usage: { inputTokens: 7, outputTokens: 1 } },
        { _tag: "reply", toolUses: [{ id: "a", name: "t", input: { x: 1 } }] },
        { _tag: "error", status: 429, errorType: "ThrottlingException", message: "slow down" },
      ])
      const path = "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A1%3Ainference-profile%2Fp%3A0/converse"
      const first = yield* post(replay.url, path, { messages: [1] })
      const second = yield* post(replay.url, path, { messages: [2] })
      const third = yield* post(replay.url, path, { messages: [3] })
      const fourth = yield* post(replay.url, path, { messages: [4] })

      expect(first).toEqual({
        status: 200,
        errorType: null,
        json: {
          output: { message: { role: "assistant", content: [{ text: "hi" }] } },
          stopReason: "end_turn",
          usage: { inputTokens: 7, outputTokens: 1, totalTokens: 8 },
          metrics: { latencyMs: 0 },
        },
      })
      expect(second.json).toMatchObject({
        output: { message: { content: [{ toolUse: { toolUseId: "a", name: "t", input: { x: 1 } } }] } },
        stopReason: "tool_use",
      })
      expect(third.status).toBe(429)
      expect(third.errorType?.startsWith("ThrottlingException:")).toBe(true)
      expect(third.json).toEqual({ __type: "ThrottlingException", message: "slow down" })
      expect(fourth.status).toBe(500)
      expect(fourth.json).toMatchObject({ __type: "InternalServerException" })

      const recorded = yield* replay.requests
      expect(recorded.map((r) => r.body)).toEqual([
        { messages: [1] },
        { messages: [2] },
        { messages: [3] },
        { messages: [4] },
      ])
      expect(recorded[0]?.modelId).toBe("arn:aws:bedrock:us-east-1:1:inference-profile/p:0")
      expect(recorded[0]?.path).toBe(path)
      expect(recorded[0]?.signed).toBe(false)
    }),
  )

  it("decodes a scenario's turn list with the exported schema", () => {
    const decode = Schema.decodeUnknownSync(Schema.Array(ConverseTurn))
    expect(decode([{ _tag: "error", status: 429, errorType: "ThrottlingException", delayMs: 10 }])).toEqual([
      { _tag: "error", status: 429, errorType: "ThrottlingException", delayMs: 10 },
    ])
    expect(() => decode([{ _tag: "reply", delayMs: -1 }])).toThrow()
  })
})
