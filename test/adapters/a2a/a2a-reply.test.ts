/**
 * Reading an agent's answer: every problem is a value (JSON-RPC error, oversized, non-JSON,
 * wrong shape, no data part, non-object data), Task results are read from their artifacts or
 * status message, and SSE bodies give the last complete JSON-RPC message. Arbitrary bodies never
 * throw (fast-check, fixed seeds).
 */
import { describe, expect, it } from "@effect/vitest"
import { Either } from "effect"
import fc from "fast-check"
import { encodeResultResponse } from "../../../src/adapters/a2a/a2a-codec.js"
import {
  decodeReply,
  decodeReplyBody,
  decodeSseReply,
  invokeErrorFromReply,
  maxA2ABytes,
  sseEvents,
} from "../../../src/adapters/a2a/a2a-reply.js"

const reasonOf = (e: Either.Either<unknown, { readonly reason: string }>) =>
  Either.match(e, { onLeft: (x) => x.reason, onRight: () => "ok" })

const ok = (result: unknown) => JSON.stringify({ jsonrpc: "2.0", id: "r", result })
const message = (parts: ReadonlyArray<unknown>) => ({ kind: "message", role: "agent", messageId: "m", parts })
const data = { accepted: true, investigationId: "inv-1" }

describe("decodeReply", () => {
  it("returns a JSON-RPC error object as an error value with its code and message", () => {
    const body = JSON.stringify({
      jsonrpc: "2.0",
      id: "r",
      error: { code: -32601, message: "Method not found" },
    })
    const decoded = decodeReply(body)
    expect(Either.isLeft(decoded)).toBe(true)
    if (Either.isRight(decoded)) return
    expect(decoded.left).toMatchObject({ reason: "rpc_error", code: -32601 })
    expect(decoded.left.message).toContain("Method not found")
    expect(invokeErrorFromReply("eks", decoded.left)).toMatchObject({ agent: "eks", reason: "rejected" })
  })

  it("refuses a 10 MB reply by size, before parsing it", () => {
    const huge = ok(
      message([
        { kind: "text", text: "x".repeat(10 * 1024 * 1024) },
        { kind: "data", data },
      ]),
    )
    const decoded = decodeReply(huge)
    expect(reasonOf(decoded)).toBe("too_large")
    if (Either.isLeft(decoded)) {
      expect(invokeErrorFromReply("eks", decoded.left)).toMatchObject({ reason: "malformed" })
    }
    // Multi-byte characters count as bytes, not UTF-16 units.
    const euros = ok(
      message([
        { kind: "text", text: "€".repeat(400_000) },
        { kind: "data", data },
      ]),
    )
    expect(euros.length).toBeLessThan(maxA2ABytes)
    expect(reasonOf(decodeReply(euros))).toBe("too_large")
  })

  it("names each malformed answer", () => {
    expect(reasonOf(decodeReply("<html>502 Bad Gateway</html>"))).toBe("not_json")
    expect(reasonOf(decodeReply(JSON.stringify({ hello: "world" })))).toBe("not_jsonrpc")
    expect(reasonOf(decodeReply(ok({ kind: "weird" })))).toBe("not_jsonrpc")
    expect(reasonOf(decodeReply(ok(message([{ kind: "text", text: "all good" }]))))).toBe("no_data_part")
    expect(reasonOf(decodeReply(ok(message([{ kind: "data", data: [1, 2] }]))))).toBe("data_not_object")
    expect(reasonOf(decodeReply(ok(message([{ kind: "data", data: "text" }]))))).toBe("data_not_object")
    expect(reasonOf(decodeReply(ok(message([{ kind: "text" }, { kind: "data", data }]))))).toBe("not_jsonrpc")
    expect(reasonOf(decodeReply(JSON.stringify({ jsonrpc: "2.0", id: 1, error: { code: "x" } })))).toBe(
      "not_jsonrpc",
    )
  })

  it("reads a Message: the last data part, the text parts joined", () => {
    const body = ok({
      ...message([
        { kind: "text", text: "part one, " },
        { kind: "data", data: { stale: true } },
        { kind: "file", file: { uri: "s3://b/k" } },
        { kind: "text", text: "part two" },
        { kind: "data", data },
      ]),
      contextId: "c",
      metadata: { extra: 1 },
    })
    expect(decodeReply(body)).toEqual(Either.right({ data, text: "part one, part two" }))
  })

  it("reads a Task from its artifacts first, else from its status message", () => {
    const fromArtifacts = ok({
      kind: "task",
      id: "t-1",
      contextId: "c-1",
      status: { state: "completed", message: message([{ kind: "data", data: { from: "status" } }]) },
      artifacts: [
        { artifactId: "a-1", name: "agent_response", parts: [{ kind: "text", text: "done" }] },
        { artifactId: "a-2", name: "agent_data", parts: [{ kind: "data", data }] },
      ],
      history: [message([{ kind: "data", data: { from: "history" } }])],
    })
    expect(decodeReply(fromArtifacts)).toEqual(Either.right({ data, text: "done" }))
    const fromStatus = ok({
      kind: "task",
      id: "t-2",
      status: {
        state: "completed",
        message: message([
          { kind: "text", text: "s" },
          { kind: "data", data },
        ]),
      },
    })
    expect(decodeReply(fromStatus)).toEqual(Either.right({ data, text: "s" }))
  })

  it("never throws on arbitrary JSON or arbitrary text (seeds 7001, 7002)", () => {
    fc.assert(
      fc.property(fc.json(), (body) => {
        expect(["ok", "not_jsonrpc", "not_json", "rpc_error", "no_data_part", "data_not_object"]).toContain(
          reasonOf(decodeReply(body)),
        )
        expect(() => decodeSseReply(body)).not.toThrow()
      }),
      { seed: 7001, numRuns: 500 },
    )
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (body) => {
        expect(() => decodeReply(body)).not.toThrow()
        expect(() => decodeSseReply(`data: ${body}\n\n`)).not.toThrow()
      }),
      { seed: 7002, numRuns: 500 },
    )
  })

  it("never throws on JSON-RPC-shaped replies with arbitrary results (seed 7003)", () => {
    const part = fc.oneof(
      fc.record({ kind: fc.constant("text"), text: fc.oneof(fc.string(), fc.integer()) }),
      fc.record({ kind: fc.constant("data"), data: fc.jsonValue() }),
      fc.record({ kind: fc.string(), file: fc.jsonValue() }),
    )
    const result = fc.oneof(
      fc.record({
        kind: fc.constant("message"),
        role: fc.constantFrom("agent", "user", "x"),
        messageId: fc.string(),
        parts: fc.array(part),
      }),
      fc.record({
        kind: fc.constant("task"),
        id: fc.string(),
        status: fc.record({ state: fc.string() }),
        artifacts: fc.array(fc.record({ parts: fc.array(part) })),
      }),
      fc.jsonValue(),
    )
    fc.assert(
      fc.property(result, (r) => {
        expect(() => decodeReply(ok(r))).not.toThrow()
      }),
      { seed: 7003, numRuns: 500 },
    )
  })
})

describe("SSE answers", () => {
  const final = encodeResultResponse("r", { accepted: true, investigationId: "inv-1" }, "accepted")
  const working = ok({ kind: "status-update", taskId: "t", status: { state: "working" } })
  const asEvent = (json: string) =>
    `${json
      .split("\n")
      .map((l) => `data: ${l}`)
      .join("\n")}\n\n`

  it("joins the data lines of each event and ignores comments and other fields", () => {
    expect(
      sseEvents(': keep-alive\n\nevent: message\nid: 1\ndata: {"a":\ndata:1}\n\ndata: x\r\n\r\n'),
    ).toEqual(['{"a":\n1}', "x"])
  })

  it("gives the last complete JSON-RPC message that carries a reply", () => {
    const pretty = JSON.stringify(JSON.parse(final), null, 2)
    const body = `${asEvent(working)}${asEvent(pretty)}${asEvent(working)}data: {"jsonrpc":"2.0","id":"r","res`
    expect(decodeSseReply(body)).toEqual(Either.right({ data, text: "accepted" }))
    expect(decodeReplyBody(body, "text/event-stream; charset=utf-8")).toEqual(
      Either.right({ data, text: "accepted" }),
    )
  })

  it("reports a JSON-RPC error sent as an event, and a stream with no complete message", () => {
    const error = JSON.stringify({ jsonrpc: "2.0", id: "r", error: { code: -32603, message: "boom" } })
    expect(reasonOf(decodeSseReply(`${asEvent(working)}${asEvent(error)}`))).toBe("rpc_error")
    expect(reasonOf(decodeSseReply(asEvent(working)))).toBe("no_data_part")
    expect(reasonOf(decodeSseReply('data: {"jsonrpc":'))).toBe("not_json")
    expect(reasonOf(decodeSseReply(`data: ${"x".repeat(maxA2ABytes)}\n\n`))).toBe("too_large")
  })
})
