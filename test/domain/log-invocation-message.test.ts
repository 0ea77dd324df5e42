/**
 * A Lambda consumer's failure line given the message its invocation took (log-invocation-message.ts),
 * so a poison message shows through message-redelivery.ts: Node and Python prefixes, other
 * wordings of the message id and receive count; decoys — other invocations, other groups, the
 * runtime's own lines, different messages each failing once.
 */
import { describe, expect, it } from "@effect/vitest"
import type { LogLine } from "../../src/domain/log-clusters.js"
import { withInvocationMessage } from "../../src/domain/log-invocation-message.js"
import { lambdaRequestIdOf } from "../../src/domain/log-lambda-prefix.js"
import { redeliveriesOf } from "../../src/domain/message-redelivery.js"

const rid = (n: number) => `${String(n).padStart(8, "0")}-1111-4222-8333-444455556666`
const line = (group: string, message: string, t = 0): LogLine => ({
  group,
  message,
  stream: "2026/01/01/[$LATEST]abc",
  timestampMs: t,
})
const group = "/aws/lambda/ledger-import-worker"
const node = (n: number, level: string, rest: string) =>
  `2026-01-01T00:00:0${n % 10}.100Z\t${rid(n)}\t${level}\t${rest}`
const python = (n: number, level: string, rest: string) =>
  `[${level}]\t2026-01-01T00:00:0${n % 10}.100Z\t${rid(n)}\t${rest}`

describe("lambdaRequestIdOf", () => {
  it("reads the Node and Python prefixes and the runtime's RequestId", () => {
    expect(lambdaRequestIdOf(node(1, "INFO", "x"))).toBe(rid(1))
    expect(lambdaRequestIdOf(python(2, "ERROR", "x"))).toBe(rid(2))
    expect(lambdaRequestIdOf(`REPORT RequestId: ${rid(3)}\tDuration: 1 ms`)).toBe(rid(3))
    expect(lambdaRequestIdOf("ERROR something failed id=42")).toBeNull()
  })
})

describe("withInvocationMessage", () => {
  const poisoned = (fmt: typeof node, said: (n: number) => string) => {
    const stated = [1, 2, 3, 4].map((n) => line(group, fmt(n, "INFO", said(n)), n))
    const failures = [1, 2, 3, 4].map((n) =>
      line(group, fmt(n, "ERROR", 'Invoke Error {"errorType":"RangeError","errorMessage":"bad amount"}'), n),
    )
    return redeliveriesOf(withInvocationMessage(failures, stated))
  }

  it("finds one message failing at every delivery (Node, messageId/receiveCount)", () => {
    const [r] = poisoned(node, (n) => `took record messageId=ab12cd34ef56 receiveCount=${n * 20}`)
    expect(r?.messageId).toBe("ab12cd34ef56")
    expect(r?.failures).toBe(4)
    expect(r?.receiveCount).toBe(80)
  })

  it("reads other wordings (Python, msg_id / ApproximateReceiveCount)", () => {
    const [r] = poisoned(python, (n) => `handling msg_id: 9f8e7d6c5b4a ApproximateReceiveCount: ${n}`)
    expect(r?.messageId).toBe("9f8e7d6c5b4a")
    expect(r?.failures).toBe(4)
  })

  it("does not join lines of other invocations or other groups", () => {
    const stated = [line(group, node(1, "INFO", "messageId=ab12cd34ef56 receiveCount=9"))]
    const other = line(group, node(2, "ERROR", "boom"))
    const elsewhere = line("/aws/lambda/other-fn", node(1, "ERROR", "boom"))
    expect(withInvocationMessage([other, elsewhere], stated)).toEqual([other, elsewhere])
  })

  it("leaves the runtime's own lines and lines naming their own message alone", () => {
    const stated = [line(group, node(1, "INFO", "messageId=ab12cd34ef56"))]
    const report = line(group, `REPORT RequestId: ${rid(1)}\tDuration: 3 ms`)
    const own = line(group, node(1, "ERROR", "failed messageId=zz99yy88xx77"))
    expect(withInvocationMessage([report, own], stated)).toEqual([report, own])
  })

  it("different messages each failing once are no poison message", () => {
    const stated = [1, 2, 3, 4].map((n) =>
      line(group, node(n, "INFO", `messageId=msg0000000${n} receiveCount=1`)),
    )
    const failures = [1, 2, 3, 4].map((n) => line(group, node(n, "ERROR", "Invoke Error boom"), n))
    expect(redeliveriesOf(withInvocationMessage(failures, stated))).toEqual([])
  })
})
