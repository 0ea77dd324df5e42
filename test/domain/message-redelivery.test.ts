/**
 * Poison messages (message-redelivery.ts): the same message id failing at each delivery, with
 * its receive count rising, is one; a message failing once, or many messages failing once each,
 * is not.
 */
import { describe, expect, it } from "vitest"
import type { LogLine } from "../../src/domain/log-clusters.js"
import { redeliveriesOf } from "../../src/domain/message-redelivery.js"

const group = "/aws/containerinsights/prod/application"
const at = (minute: number, message: string, pod = "refund-worker-6c9d8f7b5c-k2l4m"): LogLine => ({
  timestampMs: Date.UTC(2027, 0, 5, 9, minute),
  message,
  stream: `${pod}_payments_worker-0a1b2c3d4e5f`,
  group,
})

describe("a message redelivered and failing each time", () => {
  it("finds one message id failing again and again, with its highest receive count", () => {
    const lines = [
      at(1, "ERROR handler failed MessageId=7b1e0c2a-41f9 ApproximateReceiveCount=4: ValueError: amount"),
      at(3, "ERROR handler failed MessageId=7b1e0c2a-41f9 ApproximateReceiveCount=5: ValueError: amount"),
      at(5, "ERROR handler failed MessageId=7b1e0c2a-41f9 ApproximateReceiveCount=6: ValueError: amount"),
      at(6, "ERROR handler failed MessageId=99aa00bb-cc11 ApproximateReceiveCount=1: timeout"),
    ]
    const found = redeliveriesOf(lines)
    expect(found.map((r) => [r.owner, r.messageId, r.failures, r.receiveCount])).toEqual([
      ["refund-worker", "7b1e0c2a-41f9", 3, 6],
    ])
  })

  it("takes two lines of one message when its receive count is high (JSON-ish wording)", () => {
    const lines = [
      at(1, 'ERROR processing failed (message_id: "c0ffee00-1234", delivery attempt 41)'),
      at(2, 'ERROR processing failed (message_id: "c0ffee00-1234", delivery attempt 42)'),
    ]
    expect(redeliveriesOf(lines).map((r) => [r.receiveCount, r.noDeadLetter])).toEqual([[42, false]])
    const said = [
      ...lines,
      at(3, "WARN batch left undeleted; queue has no RedrivePolicy, visible again in 30s"),
    ]
    expect(redeliveriesOf(said).map((r) => r.noDeadLetter)).toEqual([true])
  })

  it("is not many messages failing once each, nor one message failing once", () => {
    const lines = [
      at(1, "ERROR handler failed message_id=aaaa1111-0001 receive_count=1: KeyError"),
      at(2, "ERROR handler failed message_id=aaaa1111-0002 receive_count=1: KeyError"),
      at(3, "ERROR handler failed message_id=aaaa1111-0003 receive_count=1: KeyError"),
      at(4, "ERROR handler failed message_id=bbbb2222-0001 receive_count=9: KeyError"),
    ]
    expect(redeliveriesOf(lines)).toEqual([])
  })

  it("counts a message per consumer: two services failing once each on one id is not redelivery", () => {
    const lines = [
      at(1, "ERROR failed message_id=dddd4444-0001 receive_count=1", "audit-consumer-5d8c7b6f9-p4j2s"),
      at(2, "ERROR failed message_id=dddd4444-0001 receive_count=1", "refund-worker-6c9d8f7b5c-k2l4m"),
    ]
    expect(redeliveriesOf(lines)).toEqual([])
  })
})
