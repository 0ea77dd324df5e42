/**
 * The trace vocabulary: partitions by the UTC start date, key builders and their inverse,
 * event/header schemas (ids that could escape a prefix are refused), and `toTraceData`, which
 * turns anything into stored JSON and masks secrets text patterns alone cannot see.
 */
import { describe, expect, it } from "@effect/vitest"
import { DateTime, Either, Schema } from "effect"
import fc from "fast-check"
import { isSecretKey } from "../../src/domain/redact.js"
import {
  eventFileName,
  eventKey,
  headerKey,
  messageIndexKey,
  newestFirst,
  partitionOf,
  redactHeader,
  seqOfEventName,
  TraceEventJson,
  TraceStep,
  toTraceData,
  traceEventOrder,
  tracePrefix,
} from "../../src/domain/trace.js"

const SEED = 4_242
const utc = (iso: string) => DateTime.unsafeMake(iso)
const header = {
  investigationId: "0f8fad5b-d9cb-469f-a165-70867728950e",
  startedAt: utc("2025-03-31T23:59:50Z"),
}

describe("partitions and keys", () => {
  it("partitionOf is the UTC date of the instant", () => {
    expect(partitionOf(utc("2025-03-31T23:59:59.999Z"))).toBe("dt=2025-03-31")
    expect(partitionOf(utc("2025-04-01T00:00:00.000Z"))).toBe("dt=2025-04-01")
    expect(partitionOf(utc("2024-02-29T12:00:00+11:00"))).toBe("dt=2024-02-29")
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        expect(partitionOf(DateTime.unsafeMake(ms))).toBe(`dt=${new Date(ms).toISOString().slice(0, 10)}`)
      }),
      { seed: SEED, numRuns: 300 },
    )
  })

  it("every key of an investigation is under its start date's prefix", () => {
    const prefix = "traces/dt=2025-03-31/investigation_id=0f8fad5b-d9cb-469f-a165-70867728950e/"
    expect(tracePrefix(header)).toBe(prefix)
    expect(headerKey(header)).toBe(`${prefix}header.json`)
    expect(eventKey(header, 7, "agent_reply")).toBe(`${prefix}events/000007-agent_reply.json`)
    expect(eventFileName(123_456, "late_update")).toBe("123456-late_update.json")
  })

  it("seqOfEventName inverts eventFileName and rejects anything else", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999 }),
        fc.constantFrom(...TraceStep.literals),
        (seq, step) => {
          expect(seqOfEventName(eventFileName(seq, step))).toBe(seq)
        },
      ),
      { seed: SEED, numRuns: 200 },
    )
    for (const name of [
      "header.json",
      "000001-bogus.json",
      ".3f2a.tmp",
      "000001-plan.json.tmp",
      "-plan.json",
    ]) {
      expect(seqOfEventName(name)).toBeUndefined()
    }
  })

  it("messageIndexKey names platform, channel and message", () => {
    expect(messageIndexKey("discord", "123", "456")).toBe("msg#discord#123#456")
  })
})

describe("schemas", () => {
  const event = {
    investigationId: "inv-1",
    seq: 3,
    at: "2025-04-01T00:00:10.000Z",
    step: "plan",
    data: { a: [1, "x", null, false] },
  }
  const decode = (value: unknown) => Schema.decodeEither(TraceEventJson)(JSON.stringify(value))

  it("an event round-trips through its JSON", () => {
    const decoded = decode(event)
    expect(Either.isRight(decoded)).toBe(true)
    if (Either.isRight(decoded))
      expect(JSON.parse(Schema.encodeSync(TraceEventJson)(decoded.right))).toEqual(event)
  })

  it.each([
    ["an id with a slash", { investigationId: "a/b" }],
    ["an id with dots", { investigationId: ".." }],
    ["an empty id", { investigationId: "" }],
    ["a negative seq", { seq: -1 }],
    ["a fractional seq", { seq: 1.5 }],
    ["an unknown step", { step: "telemetry" }],
    ["a time that is not a time", { at: "yesterday" }],
  ])("refuses %s", (_, patch) => {
    expect(Either.isLeft(decode({ ...event, ...patch }))).toBe(true)
  })
})

describe("toTraceData", () => {
  it("normalises to JSON: toJSON honoured, bigint as text, errors as name+message, undefined dropped", () => {
    expect(
      toTraceData({
        when: new Date("2025-03-31T23:59:50Z"),
        big: 12n,
        error: new TypeError("boom"),
        gone: undefined,
        list: [undefined, 1],
      }),
    ).toEqual({
      when: "2025-03-31T23:59:50.000Z",
      big: "12",
      error: { name: "TypeError", message: "boom" },
      list: [null, 1],
    })
    expect(toTraceData(undefined)).toBeNull()
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(() => toTraceData(cyclic)).toThrow()
  })

  it("masks values under secret-looking keys, whatever they look like, and keeps the evidence", () => {
    expect(
      toTraceData({
        password: "hunter2",
        accessToken: "abc",
        "X-Api-Key": 12345,
        client_secret: "s",
        AWS_SECRET_ACCESS_KEY: "k",
        sessionToken: "t",
        Authorization: "Basic abc",
        credentials: { user: "app", pwd: "p" },
        tokens: 1200,
        inputTokens: 10,
        dedupKey: "slack#C1#1",
        key: "payments-api",
        password_policy: "strict",
        maybe: null,
      }),
    ).toEqual({
      password: "[REDACTED]",
      accessToken: "[REDACTED]",
      "X-Api-Key": "[REDACTED]",
      client_secret: "[REDACTED]",
      AWS_SECRET_ACCESS_KEY: "[REDACTED]",
      sessionToken: "[REDACTED]",
      Authorization: "[REDACTED]",
      credentials: { user: "app", pwd: "[REDACTED]" },
      tokens: 1200,
      inputTokens: 10,
      dedupKey: "slack#C1#1",
      key: "payments-api",
      password_policy: "strict",
      maybe: null,
    })
  })

  it("redacts strings everywhere, object keys included", () => {
    expect(toTraceData(["ok", { "xoxb-2210535565-1234567890123-AbCdEfGhIjKl": "password=x1" }])).toEqual([
      "ok",
      { "[REDACTED]": "password=[REDACTED]" },
    ])
    expect(isSecretKey("refresh_token")).toBe(true)
    expect(isSecretKey("tokenCount")).toBe(false)
  })
})

describe("headers and ordering", () => {
  it("redactHeader keeps ordinary identifiers as they are", () => {
    const h = { ...header, platform: "slack" as const, channel: "C0ALERTS", messageId: "1.2", dedupKey: null }
    expect(redactHeader(h)).toEqual(h)
    expect(redactHeader({ ...h, messageId: "password=x" }).messageId).toBe("password=[REDACTED]")
  })

  it("events order by time, then seq; matches newest first, then id descending", () => {
    const ev = (seq: number, iso: string) => ({
      investigationId: "i",
      seq,
      at: utc(iso),
      step: "plan" as const,
      data: null,
    })
    const events = [
      ev(2, "2025-01-01T00:00:01Z"),
      ev(1, "2025-01-01T00:00:01Z"),
      ev(0, "2025-01-01T00:00:02Z"),
    ]
    expect([...events].sort(traceEventOrder).map((e) => e.seq)).toEqual([1, 2, 0])
    const m = (investigationId: string, iso: string) => ({ investigationId, startedAt: utc(iso) })
    const matches = [
      m("a", "2025-01-01T00:00:00Z"),
      m("b", "2025-01-02T00:00:00Z"),
      m("c", "2025-01-02T00:00:00Z"),
    ]
    expect([...matches].sort(newestFirst).map((x) => x.investigationId)).toEqual(["c", "b", "a"])
  })
})
