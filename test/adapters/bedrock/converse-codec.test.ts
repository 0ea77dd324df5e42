import { describe, expect, it } from "@effect/vitest"
import { Either, Schema } from "effect"
import fc from "fast-check"
import {
  fromConverseOutput,
  JsonDocument,
  llmErrorFromBedrock,
  toConverseInput,
} from "../../../src/adapters/bedrock/converse-codec.js"

const seed = 20_260_517
const decodeDocument = Schema.decodeUnknownEither(JsonDocument)

const reason = <A>(result: Either.Either<A, { readonly reason: string }>) =>
  Either.match(result, { onLeft: (e) => e.reason, onRight: () => "ok" })

describe("JsonDocument", () => {
  it(`accepts every JSON value unchanged (fast-check seed ${seed})`, () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const decoded = decodeDocument(value)
        expect(Either.isRight(decoded) && decoded.right).toBe(value)
      }),
      { seed, numRuns: 300 },
    )
  })

  it("rejects what JSON would silently mangle", () => {
    for (const value of [
      new Date(0),
      new Map(),
      Number.NaN,
      Number.POSITIVE_INFINITY,
      undefined,
      () => 1,
      { a: 1n },
    ]) {
      expect(Either.isLeft(decodeDocument(value))).toBe(true)
    }
  })
})

describe("toConverseInput", () => {
  it("maps system, roles, content blocks and inference config", () => {
    const input = toConverseInput({
      modelId: "m",
      system: "be brief",
      messages: [
        { role: "user", content: [{ _tag: "Text", text: "hi" }] },
        { role: "assistant", content: [{ _tag: "ToolUse", id: "t", name: "f", input: { a: [1, null] } }] },
        { role: "user", content: [{ _tag: "ToolResult", id: "t", content: "boom", status: "error" }] },
      ],
      maxTokens: 64,
      temperature: 0.2,
      timeoutMs: 1,
    })
    expect(input).toEqual(
      Either.right({
        modelId: "m",
        system: [{ text: "be brief" }],
        messages: [
          { role: "user", content: [{ text: "hi" }] },
          {
            role: "assistant",
            content: [{ toolUse: { toolUseId: "t", name: "f", input: { a: [1, null] } } }],
          },
          {
            role: "user",
            content: [{ toolResult: { toolUseId: "t", content: [{ text: "boom" }], status: "error" } }],
          },
        ],
        inferenceConfig: { maxTokens: 64, temperature: 0.2 },
      }),
    )
  })
})

describe("fromConverseOutput", () => {
  const usage = { inputTokens: 1, outputTokens: 2, totalTokens: 3 }

  it("joins text blocks, collects tool uses in order and ignores other block kinds", () => {
    const result = fromConverseOutput({
      output: {
        message: {
          role: "assistant",
          content: [
            { reasoningContent: { reasoningText: { text: "thinking" } } },
            { text: "first" },
            { toolUse: { toolUseId: "a", name: "x", input: {} } },
            { text: "second" },
            { toolUse: { toolUseId: "b", name: "y", input: { n: 1 } } },
          ],
        },
      },
      stopReason: "tool_use",
      usage,
    })
    expect(result).toEqual(
      Either.right({
        text: "first\nsecond",
        toolCalls: [
          { id: "a", name: "x", input: {} },
          { id: "b", name: "y", input: { n: 1 } },
        ],
        usage: { inputTokens: 1, outputTokens: 2 },
        stopReason: "tool_use",
      }),
    )
  })

  it("is malformed, naming the path, when a field is missing or mistyped", () => {
    const missingUsage = fromConverseOutput({ output: { message: { content: [] } }, stopReason: "end_turn" })
    const badBlock = fromConverseOutput({
      output: { message: { content: [{ text: 3 }] } },
      stopReason: "x",
      usage,
    })
    expect([reason(missingUsage), reason(badBlock)]).toEqual(["malformed", "malformed"])
    expect(Either.isLeft(missingUsage) && missingUsage.left.message).toContain("usage")
  })
})

describe("llmErrorFromBedrock", () => {
  const sdkError = (name: string, status: number | undefined) =>
    Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status } })

  it("classifies by exception name, then by status", () => {
    const cases: ReadonlyArray<[unknown, string]> = [
      [sdkError("ThrottlingException", 429), "throttled"],
      [sdkError("SomethingNew", 429), "throttled"],
      [sdkError("ValidationException", 400), "rejected"],
      [sdkError("AccessDeniedException", 403), "rejected"],
      [sdkError("ResourceNotFoundException", 404), "rejected"],
      [sdkError("ModelNotReadyException", 429), "throttled"],
      [sdkError("InternalServerException", 500), "unavailable"],
      [sdkError("ServiceUnavailableException", 503), "unavailable"],
      [sdkError("SyntaxError", 200), "malformed"],
      [sdkError("SyntaxError", 502), "unavailable"],
      [sdkError("TypeError", undefined), "unavailable"],
      ["a string", "unavailable"],
    ]
    expect(cases.map(([cause]) => llmErrorFromBedrock(cause).reason)).toEqual(cases.map(([, r]) => r))
  })
})
