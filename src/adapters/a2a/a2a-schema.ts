/**
 * The A2A wire shapes we read and write (JSON-RPC 2.0 `message/send`, A2A v0.3 Message, Task,
 * Part, the streaming update events, the agent card). Decoding ignores unknown fields (agents
 * and AgentCore may add their own) but is strict about every field we use: a `text` part
 * without text, or a `data` part without data, is malformed rather than silently skipped.
 */
import { Schema } from "effect"

export const JsonRpcId = Schema.Union(Schema.String, Schema.Number, Schema.Null)
export type JsonRpcId = typeof JsonRpcId.Type

/** The standard JSON-RPC 2.0 error codes that an A2A server answers with. */
export const RpcErrorCode = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internalError: -32603,
} as const

export const TextPart = Schema.Struct({ kind: Schema.Literal("text"), text: Schema.String })
export const DataPart = Schema.Struct({ kind: Schema.Literal("data"), data: Schema.Unknown })
/** Any other part kind (`file`, future kinds): tolerated and ignored. */
export const OtherPart = Schema.Struct({
  kind: Schema.String.pipe(Schema.filter((k) => k !== "text" && k !== "data")),
})
export const Part = Schema.Union(TextPart, DataPart, OtherPart)
export type Part = typeof Part.Type

export const Message = Schema.Struct({
  kind: Schema.Literal("message"),
  role: Schema.Literal("user", "agent"),
  messageId: Schema.String,
  parts: Schema.Array(Part),
})
export type Message = typeof Message.Type

export const Artifact = Schema.Struct({
  artifactId: Schema.optional(Schema.String),
  name: Schema.optional(Schema.String),
  parts: Schema.Array(Part),
})

export const TaskStatus = Schema.Struct({
  state: Schema.String,
  message: Schema.optional(Message),
})

export const Task = Schema.Struct({
  kind: Schema.Literal("task"),
  id: Schema.String,
  status: TaskStatus,
  artifacts: Schema.optional(Schema.Array(Artifact)),
})

/** Streaming events (`message/stream`, or an SSE answer from AgentCore). */
export const TaskStatusUpdate = Schema.Struct({ kind: Schema.Literal("status-update"), status: TaskStatus })
export const TaskArtifactUpdate = Schema.Struct({
  kind: Schema.Literal("artifact-update"),
  artifact: Artifact,
})

export const SendResult = Schema.Union(Message, Task, TaskStatusUpdate, TaskArtifactUpdate)
export type SendResult = typeof SendResult.Type

export const RpcError = Schema.Struct({
  code: Schema.Int,
  message: Schema.String,
  data: Schema.optional(Schema.Unknown),
})

export const RpcErrorResponse = Schema.Struct({
  jsonrpc: Schema.Literal("2.0"),
  id: JsonRpcId,
  error: RpcError,
})

export const RpcSuccessResponse = Schema.Struct({
  jsonrpc: Schema.Literal("2.0"),
  id: JsonRpcId,
  result: Schema.Unknown,
})

export const RpcRequest = Schema.Struct({
  jsonrpc: Schema.Literal("2.0"),
  id: JsonRpcId,
  method: Schema.String,
  params: Schema.optional(Schema.Unknown),
})

export const MessageSendParams = Schema.Struct({ message: Message })

/** What the master answers at once: it runs the investigation in the background. */
export const Accepted = Schema.Struct({ accepted: Schema.Literal(true), investigationId: Schema.String })
export type Accepted = typeof Accepted.Type

export const AgentSkill = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  description: Schema.String,
  tags: Schema.Array(Schema.String),
  examples: Schema.optional(Schema.Array(Schema.String)),
})
export type AgentSkill = typeof AgentSkill.Type

export const AgentCard = Schema.Struct({
  protocolVersion: Schema.String,
  name: Schema.String,
  description: Schema.String,
  url: Schema.String,
  version: Schema.String,
  preferredTransport: Schema.String,
  capabilities: Schema.Struct({
    streaming: Schema.Boolean,
    pushNotifications: Schema.Boolean,
    stateTransitionHistory: Schema.Boolean,
  }),
  defaultInputModes: Schema.Array(Schema.String),
  defaultOutputModes: Schema.Array(Schema.String),
  skills: Schema.Array(AgentSkill),
})
export type AgentCard = typeof AgentCard.Type

export interface AgentCardInput {
  readonly name: string
  readonly description: string
  readonly version: string
  /** Where callers reach the agent (AgentCore: the runtime's invocation URL; locally: the loopback URL). */
  readonly url: string
  readonly skills: ReadonlyArray<AgentSkill>
}

/** A card with our fixed capabilities: JSON-RPC, no streaming, no push notifications. */
export const makeAgentCard = (input: AgentCardInput): AgentCard => ({
  protocolVersion: "0.3.0",
  name: input.name,
  description: input.description,
  url: input.url,
  version: input.version,
  preferredTransport: "JSONRPC",
  capabilities: { streaming: false, pushNotifications: false, stateTransitionHistory: false },
  defaultInputModes: ["application/json", "text/plain"],
  defaultOutputModes: ["application/json", "text/plain"],
  skills: input.skills,
})
