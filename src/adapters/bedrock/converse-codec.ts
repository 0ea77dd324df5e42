/**
 * Pure translation between our narrow `Llm` port and the Converse wire shapes. Requests are
 * checked to be JSON documents (tool inputs and schemas arrive as `unknown`); replies are
 * decoded with Schema so a surprising answer becomes `malformed`, never a crash. AWS errors are
 * classified by name: throttling is worth retrying, a rejected request is not.
 */
import type { ContentBlock, ConverseCommandInput, Message, Tool } from "@aws-sdk/client-bedrock-runtime"
import { Either, ParseResult, Schema } from "effect"
import { type ConverseRequest, type ConverseResponse, type LlmContent, LlmError } from "../../ports/llm.js"

/** A JSON value, mutable like the SDK's `DocumentType`. */
export type JsonDocument =
  | null
  | boolean
  | number
  | string
  | Array<JsonDocument>
  | { [key: string]: JsonDocument }

const maxDepth = 64

/**
 * Exactly what JSON.stringify round-trips: no Date or Map (they would become `{}`), no NaN,
 * no undefined, no cycles (bounded by depth). Checked in place, never rebuilt, so even a
 * `__proto__` key the model sent survives.
 */
const isJsonDocument = (u: unknown, depth = 0): u is JsonDocument => {
  if (depth > maxDepth) return false
  if (u === null || typeof u === "boolean" || typeof u === "string") return true
  if (typeof u === "number") return Number.isFinite(u)
  if (Array.isArray(u)) {
    for (let i = 0; i < u.length; i++) if (!isJsonDocument(u[i], depth + 1)) return false
    return true
  }
  if (typeof u !== "object") return false
  const proto: unknown = Object.getPrototypeOf(u)
  return (
    (proto === Object.prototype || proto === null) &&
    Object.values(u).every((v) => isJsonDocument(v, depth + 1))
  )
}

export const JsonDocument = Schema.declare((u: unknown): u is JsonDocument => isJsonDocument(u), {
  identifier: "JsonDocument",
})

const decodeDocument = Schema.decodeUnknownEither(JsonDocument)

const toDocument = (value: unknown, what: string): Either.Either<JsonDocument, LlmError> =>
  Either.mapLeft(
    decodeDocument(value),
    () => new LlmError({ reason: "rejected", message: `${what} is not a JSON document` }),
  )

const toBlock = (content: LlmContent): Either.Either<ContentBlock, LlmError> => {
  switch (content._tag) {
    case "Text":
      return Either.right({ text: content.text })
    case "ToolUse":
      return Either.map(toDocument(content.input, `input of tool use ${content.id}`), (input) => ({
        toolUse: { toolUseId: content.id, name: content.name, input },
      }))
    case "ToolResult":
      return Either.right({
        toolResult: { toolUseId: content.id, content: [{ text: content.content }], status: content.status },
      })
  }
}

/** Our request → the ConverseCommand input; fails `rejected` if a tool input is not JSON. */
export const toConverseInput = (req: ConverseRequest): Either.Either<ConverseCommandInput, LlmError> =>
  Either.gen(function* () {
    const messages: Array<Message> = []
    for (const m of req.messages) {
      const content: Array<ContentBlock> = []
      for (const c of m.content) content.push(yield* toBlock(c))
      messages.push({ role: m.role, content })
    }
    const tools: Array<Tool> = []
    for (const t of req.tools ?? []) {
      const json = yield* toDocument(t.inputSchema, `input schema of tool ${t.name}`)
      tools.push({ toolSpec: { name: t.name, description: t.description, inputSchema: { json } } })
    }
    const input: ConverseCommandInput = {
      modelId: req.modelId,
      system: [{ text: req.system }],
      messages,
      inferenceConfig: { maxTokens: req.maxTokens, temperature: req.temperature },
    }
    return tools.length > 0 ? { ...input, toolConfig: { tools } } : input
  })

const Reply = Schema.Struct({
  output: Schema.Struct({
    message: Schema.Struct({
      content: Schema.Array(
        Schema.Struct({
          text: Schema.optional(Schema.String),
          toolUse: Schema.optional(
            Schema.Struct({ toolUseId: Schema.String, name: Schema.String, input: Schema.Unknown }),
          ),
        }),
      ),
    }),
  }),
  stopReason: Schema.String,
  usage: Schema.Struct({ inputTokens: Schema.Number, outputTokens: Schema.Number }),
})

const decodeReply = Schema.decodeUnknownEither(Reply)

const describeIssues = (error: ParseResult.ParseError): string =>
  ParseResult.ArrayFormatter.formatErrorSync(error)
    .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
    .join("; ")
    .slice(0, 500)

/** The SDK's output → our response: text blocks joined by newlines, tool uses as tool calls. */
export const fromConverseOutput = (output: unknown): Either.Either<ConverseResponse, LlmError> =>
  Either.match(decodeReply(output), {
    onLeft: (error) =>
      Either.left(
        new LlmError({ reason: "malformed", message: `unexpected Converse reply: ${describeIssues(error)}` }),
      ),
    onRight: (reply) => {
      const blocks = reply.output.message.content
      return Either.right({
        text: blocks.flatMap((b) => (b.text === undefined ? [] : [b.text])).join("\n"),
        toolCalls: blocks.flatMap((b) =>
          b.toolUse === undefined
            ? []
            : [{ id: b.toolUse.toolUseId, name: b.toolUse.name, input: b.toolUse.input }],
        ),
        usage: { inputTokens: reply.usage.inputTokens, outputTokens: reply.usage.outputTokens },
        stopReason: reply.stopReason,
      })
    },
  })

const SdkError = Schema.Struct({
  name: Schema.String,
  message: Schema.optional(Schema.String),
  $metadata: Schema.optional(Schema.Struct({ httpStatusCode: Schema.optional(Schema.Number) })),
  /** set (non-enumerable) by the SDK when it could not deserialize a body */
  $response: Schema.optional(Schema.Struct({ statusCode: Schema.optional(Schema.Number) })),
})

const decodeSdkError = Schema.decodeUnknownOption(SdkError)

const rejectedNames = new Set(["ValidationException", "AccessDeniedException", "ResourceNotFoundException"])

/** A thrown SDK error → LlmError by exception name, else by HTTP status. */
export const llmErrorFromBedrock = (cause: unknown): LlmError => {
  const decoded = decodeSdkError(cause)
  if (decoded._tag === "None") {
    return new LlmError({ reason: "unavailable", message: String(cause).slice(0, 500) })
  }
  const { name, message = "", $metadata, $response } = decoded.value
  const status = $metadata?.httpStatusCode ?? $response?.statusCode
  const text = `${name}: ${message}`.slice(0, 500)
  if (name === "ThrottlingException" || status === 429) {
    return new LlmError({ reason: "throttled", message: text })
  }
  if (rejectedNames.has(name)) return new LlmError({ reason: "rejected", message: text })
  // A success status whose body the SDK could not parse is a malformed reply; an unparseable
  // error page (a proxy's 502) is just an unavailable service.
  const succeeded = status !== undefined && status >= 200 && status < 300
  if (succeeded || (name === "SyntaxError" && status === undefined)) {
    return new LlmError({ reason: "malformed", message: text })
  }
  return new LlmError({ reason: "unavailable", message: text })
}
