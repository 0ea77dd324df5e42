/**
 * The queues an SQS replay holds. A received message is hidden for its visibility timeout and
 * comes back unless deleted with its current receipt handle (each receive issues a new one,
 * as SQS does). MD5OfBody is the real MD5, because the SDK verifies it.
 */
import { createHash, randomUUID } from "node:crypto"

export interface StoredSqsMessage {
  readonly messageId: string
  readonly body: string
  readonly md5: string
  readonly sentAt: number
  visibleAt: number
  receiveCount: number
  receiptHandle: string | null
}

export interface SqsQueueState {
  readonly name: string
  readonly messages: Array<StoredSqsMessage>
  readonly visibilityTimeoutSeconds: number
}

export const md5Hex = (body: string): string => createHash("md5").update(body, "utf8").digest("hex")

export const enqueue = (queue: SqsQueueState, body: string, nowMs: number): StoredSqsMessage => {
  const message: StoredSqsMessage = {
    messageId: randomUUID(),
    body,
    md5: md5Hex(body),
    sentAt: nowMs,
    visibleAt: nowMs,
    receiveCount: 0,
    receiptHandle: null,
  }
  queue.messages.push(message)
  return message
}

/** Up to `max` visible messages, now hidden for `visibilitySeconds` under fresh receipt handles. */
export const receive = (
  queue: SqsQueueState,
  max: number,
  visibilitySeconds: number,
  nowMs: number,
): ReadonlyArray<StoredSqsMessage> => {
  const taken = queue.messages.filter((m) => m.visibleAt <= nowMs).slice(0, Math.max(1, Math.min(10, max)))
  for (const m of taken) {
    m.visibleAt = nowMs + visibilitySeconds * 1000
    m.receiveCount += 1
    m.receiptHandle = Buffer.from(`${m.messageId}#${m.receiveCount}#${randomUUID()}`).toString("base64")
  }
  return taken
}

/** Whether a message held that receipt handle (and is now gone). */
export const remove = (queue: SqsQueueState, receiptHandle: string): boolean => {
  const index = queue.messages.findIndex((m) => m.receiptHandle === receiptHandle)
  if (index === -1) return false
  queue.messages.splice(index, 1)
  return true
}
