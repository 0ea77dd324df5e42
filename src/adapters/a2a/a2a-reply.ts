/**
 * Reading an agent's answer, whatever it is: a JSON-RPC error object is a value, and so is
 * every other problem (an oversized body, non-JSON, an unexpected shape, no DataPart, a DataPart
 * that is not an object) — decoding never throws. The answer may be a Message or a Task (its
 * artifacts, else its status message), as plain JSON or as Server-Sent Events, where the last
 * complete JSON-RPC message carrying a result (or an error) wins.
 */
import { Either, Schema } from "effect"
import type { AgentId } from "../../domain/agent-id.js"
import { AgentInvokeError, type AgentReply } from "../../ports/agent-invoker.js"
import { describeIssues, lastDataPart } from "./a2a-codec.js"
import { type Part, RpcErrorResponse, RpcSuccessResponse, SendResult } from "./a2a-schema.js"

/** Request and reply bodies are capped at 1 MiB (DESIGN §5). */
export const maxA2ABytes = 1_048_576

export const A2AReplyFailure = Schema.Literal(
  "too_large",
  "not_json",
  "not_jsonrpc",
  "rpc_error",
  "no_data_part",
  "data_not_object",
)

export class A2AReplyError extends Schema.TaggedError<A2AReplyError>()("A2AReplyError", {
  reason: A2AReplyFailure,
  message: Schema.String,
  /** The JSON-RPC error code, for `rpc_error`. */
  code: Schema.optional(Schema.Number),
}) {}

const fail = (reason: typeof A2AReplyFailure.Type, message: string) =>
  Either.left(new A2AReplyError({ reason, message }))

const decodeError = Schema.decodeUnknownEither(RpcErrorResponse)
const decodeSuccess = Schema.decodeUnknownEither(RpcSuccessResponse)
const decodeResult = Schema.decodeUnknownEither(SendResult)

const textOf = (parts: ReadonlyArray<Part>): string =>
  parts.flatMap((p) => (p.kind === "text" && "text" in p ? [p.text] : [])).join("")

const isJsonObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/** Where the answer's parts are: a task's artifacts come before its status message. */
const partSources = (result: SendResult): ReadonlyArray<ReadonlyArray<Part>> => {
  switch (result.kind) {
    case "message":
      return [result.parts]
    case "task":
      return [(result.artifacts ?? []).flatMap((a) => a.parts), result.status.message?.parts ?? []]
    case "status-update":
      return [result.status.message?.parts ?? []]
    case "artifact-update":
      return [result.artifact.parts]
  }
}

/** An already-parsed JSON value → the reply (data part + text), or why not. */
export const decodeReplyValue = (json: unknown): Either.Either<AgentReply, A2AReplyError> => {
  if (isJsonObject(json) && "error" in json) {
    return Either.match(decodeError(json), {
      onLeft: (e) => fail("not_jsonrpc", `malformed JSON-RPC error: ${describeIssues(e)}`),
      onRight: ({ error }) =>
        Either.left(
          new A2AReplyError({
            reason: "rpc_error",
            code: error.code,
            message: `JSON-RPC error ${error.code}: ${error.message.slice(0, 300)}`,
          }),
        ),
    })
  }
  const envelope = decodeSuccess(json)
  if (Either.isLeft(envelope))
    return fail("not_jsonrpc", `not a JSON-RPC response: ${describeIssues(envelope.left)}`)
  const result = decodeResult(envelope.right.result)
  if (Either.isLeft(result))
    return fail("not_jsonrpc", `unexpected A2A result: ${describeIssues(result.left)}`)
  const sources = partSources(result.right)
  let data: { readonly data: unknown } | undefined
  for (const parts of sources) {
    data = lastDataPart(parts)
    if (data !== undefined) break
  }
  if (data === undefined) return fail("no_data_part", "the reply has no data part")
  if (!isJsonObject(data.data)) return fail("data_not_object", "the reply's data part is not an object")
  const text = sources.map(textOf).find((t) => t !== "") ?? ""
  return Either.right({ data: data.data, text })
}

const tooLarge = (body: string, maxBytes: number): boolean =>
  body.length > maxBytes || Buffer.byteLength(body, "utf8") > maxBytes

/** A plain JSON body → the reply, or an error value. */
export const decodeReply = (
  body: string,
  maxBytes = maxA2ABytes,
): Either.Either<AgentReply, A2AReplyError> => {
  if (tooLarge(body, maxBytes)) return fail("too_large", `the reply exceeds ${maxBytes} bytes`)
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return fail("not_json", "the reply is not JSON")
  }
  return decodeReplyValue(json)
}

/** The `data:` payloads of each event of an SSE body (lines of one event joined by "\n"). */
export const sseEvents = (body: string): ReadonlyArray<string> =>
  body
    .replace(/\r\n?/g, "\n")
    .split(/\n\n+/)
    .flatMap((block) => {
      const lines = block.split("\n").flatMap((line) => {
        if (!line.startsWith("data:")) return []
        const value = line.slice(5)
        return [value.startsWith(" ") ? value.slice(1) : value]
      })
      return lines.length === 0 ? [] : [lines.join("\n")]
    })

/** An SSE body → the last complete JSON-RPC message that carries a reply or an error. */
export const decodeSseReply = (
  body: string,
  maxBytes = maxA2ABytes,
): Either.Either<AgentReply, A2AReplyError> => {
  if (tooLarge(body, maxBytes)) return fail("too_large", `the reply exceeds ${maxBytes} bytes`)
  let last: Either.Either<AgentReply, A2AReplyError> | undefined
  let lastSettled: Either.Either<AgentReply, A2AReplyError> | undefined
  for (const payload of sseEvents(body)) {
    let json: unknown
    try {
      json = JSON.parse(payload)
    } catch {
      continue
    }
    const decoded = decodeReplyValue(json)
    last = decoded
    if (Either.isRight(decoded) || decoded.left.reason === "rpc_error") lastSettled = decoded
  }
  return lastSettled ?? last ?? fail("not_json", "the event stream holds no complete JSON-RPC message")
}

/** Pick the decoder by the answer's content type. */
export const decodeReplyBody = (
  body: string,
  contentType: string | undefined,
  maxBytes = maxA2ABytes,
): Either.Either<AgentReply, A2AReplyError> =>
  (contentType ?? "").toLowerCase().includes("text/event-stream")
    ? decodeSseReply(body, maxBytes)
    : decodeReply(body, maxBytes)

/** A JSON-RPC error is the agent refusing the task; anything else is a malformed answer. */
export const invokeErrorFromReply = (agent: AgentId, error: A2AReplyError): AgentInvokeError =>
  new AgentInvokeError({
    agent,
    reason: error.reason === "rpc_error" ? "rejected" : "malformed",
    message: `${agent}: ${error.message}`,
  })
