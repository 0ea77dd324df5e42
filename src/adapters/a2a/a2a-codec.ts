/**
 * The A2A envelope for our tasks, both directions. A task travels as a typed DataPart
 * (`{kind: "data", data: <encoded AgentTask>}`, deadline as an RFC 3339 instant) beside a short
 * text part for humans; replies carry the AgentResult (or the master's `accepted`) the same way.
 * No text footers anywhere (the original's `<<<AGENT_RESULT …>>>` markers, W25). Server-side
 * decoding answers every problem with the JSON-RPC error code an A2A server would use.
 */
import { DateTime, Either, ParseResult, Schema } from "effect"
import { AgentResult } from "../../domain/agent-result.js"
import { AgentTask } from "../../domain/agent-task.js"
import { Accepted, JsonRpcId, MessageSendParams, type Part, RpcErrorCode, RpcRequest } from "./a2a-schema.js"

export const A2A_METHOD = "message/send"

export const describeIssues = (error: ParseResult.ParseError): string =>
  ParseResult.ArrayFormatter.formatErrorSync(error)
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ")
    .slice(0, 500)

const encodeTask = Schema.encodeSync(AgentTask)

/** The JSON-RPC `message/send` request carrying `task` (one DataPart plus a text part for humans). */
export const encodeTaskRequest = (task: AgentTask, requestId: string, messageId: string): string =>
  JSON.stringify({
    jsonrpc: "2.0",
    id: requestId,
    method: A2A_METHOD,
    params: {
      message: {
        kind: "message",
        role: "user",
        messageId,
        parts: [
          {
            kind: "text",
            text: `${task.task} task for investigation ${task.investigationId}; answer by ${DateTime.formatIso(task.deadline)}`,
          },
          { kind: "data", data: encodeTask(task) },
        ],
      },
    },
  })

const reply = (id: JsonRpcId, text: string, data: unknown): string =>
  JSON.stringify({
    jsonrpc: "2.0",
    id,
    result: {
      kind: "message",
      role: "agent",
      messageId: `${String(id)}:reply`,
      parts: [
        { kind: "text", text },
        { kind: "data", data },
      ],
    },
  })

export const encodeErrorResponse = (id: JsonRpcId, code: number, message: string): string =>
  JSON.stringify({ jsonrpc: "2.0", id, error: { code, message } })

const encodeResult = Schema.encodeEither(Schema.Union(AgentResult, Accepted))

/**
 * A `message/send` answer carrying the result as a DataPart. A result that does not satisfy its
 * own schema (a handler bug) becomes a JSON-RPC internal error, never a throw.
 */
export const encodeResultResponse = (id: JsonRpcId, result: AgentResult | Accepted, text: string): string =>
  Either.match(encodeResult(result), {
    onLeft: (error) =>
      encodeErrorResponse(id, RpcErrorCode.internalError, `invalid agent result: ${describeIssues(error)}`),
    onRight: (data) => reply(id, text, data),
  })

export interface RpcFailure {
  readonly id: JsonRpcId
  readonly code: number
  readonly message: string
}

export interface TaskRequest {
  readonly id: JsonRpcId
  readonly messageId: string
  readonly task: AgentTask
}

const isJsonObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/** The last data part of a list of parts, if any (a later duplicate wins). */
export const lastDataPart = (parts: ReadonlyArray<Part>): { readonly data: unknown } | undefined =>
  parts.findLast((p): p is Extract<Part, { kind: "data" }> => p.kind === "data")

const decodeRequest = Schema.decodeUnknownEither(RpcRequest)
const decodeParams = Schema.decodeUnknownEither(MessageSendParams)
const decodeTask = Schema.decodeUnknownEither(AgentTask)

const idOf = (json: unknown): JsonRpcId => {
  if (!isJsonObject(json)) return null
  return Either.getOrElse(Schema.decodeUnknownEither(JsonRpcId)(json.id), () => null)
}

/** Server side: a raw `POST /` body → our task, or the JSON-RPC error to answer with. */
export const decodeTaskRequest = (body: string): Either.Either<TaskRequest, RpcFailure> => {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return Either.left({ id: null, code: RpcErrorCode.parseError, message: "Parse error: invalid JSON" })
  }
  const request = decodeRequest(json)
  if (Either.isLeft(request)) {
    return Either.left({
      id: idOf(json),
      code: RpcErrorCode.invalidRequest,
      message: `Invalid Request: ${describeIssues(request.left)}`,
    })
  }
  const { id, method, params } = request.right
  if (method !== A2A_METHOD) {
    return Either.left({ id, code: RpcErrorCode.methodNotFound, message: `Method not found: ${method}` })
  }
  const invalid = (message: string) =>
    Either.left({ id, code: RpcErrorCode.invalidParams, message: `Invalid params: ${message}` })
  const decodedParams = decodeParams(params)
  if (Either.isLeft(decodedParams)) return invalid(describeIssues(decodedParams.left))
  const message = decodedParams.right.message
  const part = lastDataPart(message.parts)
  if (part === undefined) return invalid("the message has no data part carrying the task")
  if (!isJsonObject(part.data)) return invalid("the data part is not an object")
  const task = decodeTask(part.data)
  if (Either.isLeft(task)) return invalid(`not a task: ${describeIssues(task.left)}`)
  return Either.right({ id, messageId: message.messageId, task: task.right })
}
