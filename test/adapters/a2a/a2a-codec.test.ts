/**
 * The A2A envelope: any AgentTask survives request encoding and server-side decoding (property,
 * schema-derived arbitrary, fixed seed), results survive the reply path, and the server answers
 * each kind of bad request with its JSON-RPC error code. No text footers anywhere.
 */
import { describe, expect, it } from "@effect/vitest"
import { Arbitrary, DateTime, Either, FastCheck, Schema } from "effect"
import {
  decodeTaskRequest,
  encodeErrorResponse,
  encodeResultResponse,
  encodeTaskRequest,
} from "../../../src/adapters/a2a/a2a-codec.js"
import { decodeReply } from "../../../src/adapters/a2a/a2a-reply.js"
import { RpcErrorCode } from "../../../src/adapters/a2a/a2a-schema.js"
import { AgentResult } from "../../../src/domain/agent-result.js"
import { AgentTask } from "../../../src/domain/agent-task.js"
import { sampleResult, sampleTask } from "./a2a-fixtures.js"

const encodeTask = Schema.encodeSync(AgentTask)
const encodeResult = Schema.encodeSync(AgentResult)

const codeOf = (body: string) =>
  Either.match(decodeTaskRequest(body), { onLeft: (f) => f.code, onRight: () => 0 })

const request = (params: unknown, method = "message/send") =>
  JSON.stringify({ jsonrpc: "2.0", id: "req-1", method, params })

const messageWith = (parts: ReadonlyArray<unknown>) => ({
  message: { kind: "message", role: "user", messageId: "m-1", parts },
})

describe("encodeTaskRequest / decodeTaskRequest", () => {
  it("sends message/send with a text part for humans and the task as a typed DataPart", () => {
    const task = sampleTask()
    const json: unknown = JSON.parse(encodeTaskRequest(task, "req-eks-inv", "msg-1"))
    expect(json).toEqual({
      jsonrpc: "2.0",
      id: "req-eks-inv",
      method: "message/send",
      params: {
        message: {
          kind: "message",
          role: "user",
          messageId: "msg-1",
          parts: [
            {
              kind: "text",
              text: "investigate task for investigation 0b6f3c1e-8d2a-4f7b-9c1d-2e3f4a5b6c7d; answer by 2026-11-26T11:26:00.000Z",
            },
            { kind: "data", data: encodeTask(task) },
          ],
        },
      },
    })
    // The deadline is an absolute RFC 3339 instant, and no footer markers travel in any text.
    expect(encodeTask(task).deadline).toBe("2026-11-26T11:26:00.000Z")
    expect(encodeTaskRequest(task, "r", "m")).not.toMatch(/<<<|>>>/)
  })

  it("decodes what it encodes, for any AgentTask (seed 20260601)", () => {
    FastCheck.assert(
      FastCheck.property(Arbitrary.make(AgentTask), FastCheck.string(), (task, requestId) => {
        const decoded = decodeTaskRequest(encodeTaskRequest(task, requestId, "m-1"))
        expect(Either.isRight(decoded)).toBe(true)
        if (Either.isLeft(decoded)) return
        expect(decoded.right.id).toBe(requestId)
        expect(decoded.right.messageId).toBe("m-1")
        expect(encodeTask(decoded.right.task)).toEqual(encodeTask(task))
        expect(DateTime.toEpochMillis(decoded.right.task.deadline)).toBe(
          DateTime.toEpochMillis(task.deadline),
        )
      }),
      { seed: 20_260_601, numRuns: 200 },
    )
  })

  it("answers each bad request with its JSON-RPC error code", () => {
    const data = encodeTask(sampleTask())
    expect(codeOf("{not json")).toBe(RpcErrorCode.parseError)
    expect(codeOf(JSON.stringify([1, 2]))).toBe(RpcErrorCode.invalidRequest)
    expect(codeOf(JSON.stringify({ jsonrpc: "1.0", id: 1, method: "message/send" }))).toBe(
      RpcErrorCode.invalidRequest,
    )
    expect(codeOf(request(messageWith([{ kind: "data", data }]), "tasks/get"))).toBe(
      RpcErrorCode.methodNotFound,
    )
    expect(codeOf(request({}))).toBe(RpcErrorCode.invalidParams)
    expect(codeOf(request(messageWith([{ kind: "text", text: "investigate" }])))).toBe(
      RpcErrorCode.invalidParams,
    )
    expect(codeOf(request(messageWith([{ kind: "data", data: [data] }])))).toBe(RpcErrorCode.invalidParams)
    expect(codeOf(request(messageWith([{ kind: "data", data: { ...data, deadline: "soon" } }])))).toBe(
      RpcErrorCode.invalidParams,
    )
    // A text part without text is malformed, not skipped.
    expect(codeOf(request(messageWith([{ kind: "text" }, { kind: "data", data }])))).toBe(
      RpcErrorCode.invalidParams,
    )
    expect(codeOf(request(messageWith([{ kind: "data", data }])))).toBe(0)
  })

  it("keeps the request id in errors when it can read one, null otherwise", () => {
    const wrongMethod = decodeTaskRequest(JSON.stringify({ jsonrpc: "2.0", id: 7, method: "nope" }))
    expect(Either.getLeft(wrongMethod).pipe((o) => (o._tag === "Some" ? o.value.id : "none"))).toBe(7)
    const notJson = decodeTaskRequest("]")
    expect(Either.getLeft(notJson).pipe((o) => (o._tag === "Some" ? o.value.id : "none"))).toBe(null)
  })

  it("tolerates unknown fields and other part kinds, and takes the last data part", () => {
    const first = encodeTask(sampleTask({ investigationId: "first" }))
    const last = encodeTask(sampleTask({ investigationId: "last" }))
    const body = JSON.stringify({
      jsonrpc: "2.0",
      id: "req-2",
      method: "message/send",
      params: {
        configuration: { blocking: true },
        message: {
          kind: "message",
          role: "user",
          messageId: "m-2",
          contextId: "ctx",
          extensions: [],
          parts: [
            { kind: "data", data: first },
            { kind: "file", file: { uri: "s3://x" } },
            { kind: "data", data: last, metadata: { a: 1 } },
          ],
        },
      },
    })
    const decoded = decodeTaskRequest(body)
    expect(Either.map(decoded, (r) => r.task.investigationId)).toEqual(Either.right("last"))
  })
})

describe("encodeResultResponse / encodeErrorResponse", () => {
  it("carries an AgentResult as a DataPart that decodeReply returns as encoded JSON", () => {
    const result = sampleResult("eks")
    const reply = decodeReply(encodeResultResponse("req-1", result, "payments-api is OOMKilled"))
    expect(reply).toEqual(Either.right({ data: encodeResult(result), text: "payments-api is OOMKilled" }))
    const back = Either.flatMap(reply, (r) => Schema.decodeUnknownEither(AgentResult)(r.data))
    expect(Either.map(back, (r) => r.findings[0]?.link)).toEqual(
      Either.right("https://console.example/pods/payments-api-6c9f7d8b4-q7x2m"),
    )
  })

  it("round-trips any AgentResult, every finding field included (seed 20260602)", () => {
    FastCheck.assert(
      FastCheck.property(Arbitrary.make(AgentResult), FastCheck.string(), (result, text) => {
        const reply = decodeReply(encodeResultResponse("req", result, text))
        const back = Either.flatMap(reply, (r) => Schema.decodeUnknownEither(AgentResult)(r.data))
        expect(Either.map(back, encodeResult)).toEqual(Either.right(encodeResult(result)))
        expect(Either.map(reply, (r) => r.text)).toEqual(Either.right(text))
      }),
      { seed: 20_260_602, numRuns: 100 },
    )
  })

  it("carries the master's accepted answer", () => {
    const reply = decodeReply(
      encodeResultResponse(3, { accepted: true, investigationId: "inv-9" }, "accepted"),
    )
    expect(reply).toEqual(
      Either.right({ data: { accepted: true, investigationId: "inv-9" }, text: "accepted" }),
    )
  })

  it("turns a result that breaks its own schema into a JSON-RPC internal error, not a throw", () => {
    const broken = sampleResult("eks", { durationMs: -5 })
    const body = encodeResultResponse("req-1", broken, "x")
    const json: unknown = JSON.parse(body)
    expect(json).toMatchObject({ jsonrpc: "2.0", id: "req-1", error: { code: RpcErrorCode.internalError } })
  })

  it("writes JSON-RPC error bodies", () => {
    expect(JSON.parse(encodeErrorResponse(null, -32601, "Method not found: x"))).toEqual({
      jsonrpc: "2.0",
      id: null,
      error: { code: -32601, message: "Method not found: x" },
    })
  })
})
