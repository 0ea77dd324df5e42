/**
 * Poison messages (domain/message-redelivery.ts) as `message_redelivered` findings of the
 * consumer failing on them: the message id, how often it failed and its receive count, and what
 * that does to the queue. The line's own error says why it fails.
 */
import { DateTime } from "effect"
import type { Finding } from "../../domain/finding.js"
import type { LogLine } from "../../domain/log-clusters.js"
import { redeliveriesOf } from "../../domain/message-redelivery.js"
import { redact } from "../../domain/redact.js"
import { clipText } from "../../domain/report-text.js"
import { utcHhmm } from "../../domain/utc-clock.js"

const maxRedeliveryFindings = 2

export const redeliveryFindings = (
  lines: ReadonlyArray<LogLine>,
  link: (group: string) => string | null,
): ReadonlyArray<Finding> =>
  redeliveriesOf(lines)
    .slice(0, maxRedeliveryFindings)
    .map((r) => {
      const received = r.receiveCount === null ? "" : `, receive count up to ${r.receiveCount}`
      const excerpt = clipText(r.latest.trim(), 400)
      return {
        id: "",
        agent: "cloudwatch_logs",
        title: redact(
          `${r.owner}: the same message ${r.messageId} failed ${r.failures} times${received} — a poison message redelivered again and again${r.noDeadLetter ? ", the queue has no dead-letter queue (redrive policy)" : ""}`,
        ),
        detail: redact(
          `${r.owner} failed on message ${r.messageId} ${r.failures} time(s) from ${utcHhmm(r.firstMs)} to ` +
            `${utcHhmm(r.lastMs)} UTC${received}: "${excerpt}". The queue delivers it again each time it is ` +
            "not deleted; with no dead-letter queue (redrive policy) nothing takes it off, and in a FIFO " +
            "queue it holds back every later message of its group, so the oldest message ages.",
        ),
        severity: "high",
        kind: "message_redelivered",
        // Still failing at its latest delivery: that is when the queue is stuck behind it.
        observedAt: DateTime.unsafeMake(r.lastMs),
        resource: `loggroup/${r.group}`,
        service: r.owner,
        link: link(r.group),
        excerpt: redact(excerpt),
      } satisfies Finding
    })
