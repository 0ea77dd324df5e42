/**
 * A poison message: one message a consumer fails on every time it is delivered, so the queue
 * delivers it again and again (SQS after its visibility timeout, a broker after a nack). Its
 * lines carry the same message id with a rising receive count (`receive_count=216`,
 * `ApproximateReceiveCount: 12`, `delivery attempt 9`). Without a dead-letter queue (an SQS
 * redrive policy's maxReceiveCount) nothing takes it off, and in a FIFO queue it holds back
 * every later message of its group — the queue's oldest message ages while the consumer looks
 * healthy. One failure of a message, or many different messages failing once each, is not it. Pure.
 */
import type { LogLine } from "./log-clusters.js"
import { logOrigin } from "./log-origin.js"

export interface Redelivery {
  readonly owner: string
  readonly messageId: string
  /** Lines failing on this message. */
  readonly failures: number
  /** The highest receive or delivery count the lines state, else null. */
  readonly receiveCount: number | null
  readonly firstMs: number
  readonly lastMs: number
  readonly group: string
  /** The latest line about it. */
  readonly latest: string
  /** The consumer's own lines say the queue has no dead-letter queue (redrive policy). */
  readonly noDeadLetter: boolean
}

const noDeadLetterWords =
  /\bno (?:RedrivePolicy|redrive ?policy|dead[- ]?letter(?: queue)?|DLQ)\b|\b(?:RedrivePolicy|dead[- ]?letter queue|DLQ) (?:is )?(?:not (?:set|configured)|missing|absent)\b/i

const messageId =
  /\b(?:message[_-]?id|messageid|msg[_-]?id)["']?\s*[=:]\s*["']?([A-Za-z0-9][A-Za-z0-9_-]{7,127})/i
const receiveCount =
  /\b(?:approximate[_-]?)?(?:receive|delivery|redelivery)[_ -]?(?:count|attempts?)["']?\s*[=:]?\s*["']?(\d{1,7})\b/i

/** Failing lines on one message at least this many times, or a stated receive count this high. */
export const minFailures = 3
export const minReceiveCount = 5

/** The messages the lines show failing on redelivery, most failures first (see the module header). */
export const redeliveriesOf = (lines: ReadonlyArray<LogLine>): ReadonlyArray<Redelivery> => {
  const byMessage = new Map<string, Array<{ line: LogLine; owner: string; count: number | null }>>()
  for (const line of lines) {
    const id = messageId.exec(line.message)?.[1]
    const owner = logOrigin(line.group, line.stream).service
    if (id === undefined || owner === null) continue
    const n = receiveCount.exec(line.message)?.[1]
    const key = `${owner}\u0000${id}`
    const list = byMessage.get(key) ?? []
    list.push({ line, owner, count: n === undefined ? null : Number(n) })
    byMessage.set(key, list)
  }
  return [...byMessage.entries()]
    .flatMap(([key, list]) => {
      const counts = list.flatMap((x) => (x.count === null ? [] : [x.count]))
      const most = counts.length === 0 ? null : Math.max(...counts)
      // Several receive counts on one message, or one high one: redelivered, not retried in-process.
      if (list.length < minFailures && !(most !== null && most >= minReceiveCount && list.length >= 2))
        return []
      const sorted = [...list].sort((a, b) => a.line.timestampMs - b.line.timestampMs)
      const first = sorted[0]
      const last = sorted[sorted.length - 1]
      if (first === undefined || last === undefined) return []
      return [
        {
          owner: first.owner,
          messageId: key.split("\u0000")[1] ?? "",
          failures: list.length,
          receiveCount: most,
          firstMs: first.line.timestampMs,
          lastMs: last.line.timestampMs,
          group: last.line.group,
          latest: last.line.message,
          noDeadLetter: lines.some(
            (l) => logOrigin(l.group, l.stream).service === first.owner && noDeadLetterWords.test(l.message),
          ),
        },
      ]
    })
    .sort((a, b) => b.failures - a.failures || a.owner.localeCompare(b.owner))
}
