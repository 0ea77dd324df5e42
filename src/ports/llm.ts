/**
 * One model turn. Bedrock Converse in AWS (through @aws-sdk/client-bedrock-runtime, which has
 * the credential chain); an `off` twin that fails with `disabled` when no model is configured.
 * Callers decide what a failure means (the classifier fails open).
 */
import { Context, type Effect, Schema } from "effect"

export interface LlmMessage {
  readonly role: "user" | "assistant"
  readonly content: ReadonlyArray<LlmContent>
}

export type LlmContent =
  | { readonly _tag: "Text"; readonly text: string }
  | { readonly _tag: "ToolUse"; readonly id: string; readonly name: string; readonly input: unknown }
  | {
      readonly _tag: "ToolResult"
      readonly id: string
      readonly content: string
      readonly status: "success" | "error"
    }

export interface LlmTool {
  readonly name: string
  readonly description: string
  /** JSON Schema of the tool's input */
  readonly inputSchema: Readonly<Record<string, unknown>>
}

export interface ConverseRequest {
  readonly modelId: string
  readonly system: string
  readonly messages: ReadonlyArray<LlmMessage>
  readonly tools?: ReadonlyArray<LlmTool>
  readonly maxTokens: number
  readonly temperature: number
  /** Abort the call after this long. */
  readonly timeoutMs: number
}

export interface LlmUsage {
  readonly inputTokens: number
  readonly outputTokens: number
}

export interface ConverseResponse {
  readonly text: string
  readonly toolCalls: ReadonlyArray<{ readonly id: string; readonly name: string; readonly input: unknown }>
  readonly usage: LlmUsage
  readonly stopReason: string
}

export class LlmError extends Schema.TaggedError<LlmError>()("LlmError", {
  reason: Schema.Literal("disabled", "timeout", "throttled", "rejected", "unavailable", "malformed"),
  message: Schema.String,
}) {}

export interface LlmService {
  readonly converse: (req: ConverseRequest) => Effect.Effect<ConverseResponse, LlmError>
}

export class Llm extends Context.Tag("sre-on-call/Llm")<Llm, LlmService>() {}
