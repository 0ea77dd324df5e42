/**
 * An alarm on a dead-letter queue's depth names the queue, not the function failing its
 * messages: the agent finds the consumer by the DLQ's stem words (log-dlq-consumer.ts), reads a
 * Node.js Lambda's `ERROR Invoke Error {"errorType":"TypeError",…}` as its exception, and leaves
 * another function erroring at the same time out — also when the consumer's own logs are clean.
 */
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { cloudWatchLogsAgent } from "../../../src/agents/cloudwatch-logs/cloudwatch-logs-agent.js"
import { LogSource } from "../../../src/ports/log-source.js"
import { event, harness, taskFor } from "./agent-harness.js"

const now = "2027-02-09T05:20:00Z"
const alertText = `:rotating_light: CloudWatch Alarm | invoices-to-erp-dlq-depth | eu-west-1
*State:* ALARM (was OK)
*Metric:* AWS/SQS ApproximateNumberOfMessagesVisible, QueueName = invoices-to-erp-dlq, Maximum, 300 seconds`
const task = taskFor({ text: alertText, alertTime: "2027-02-09T05:15:00Z", now })
const stream = "2027/02/09/[$LATEST]7d1e0c9b2a3f4e5d6c7b8a9f0e1d2c3b"
const invokeError = (at: string, id: string) =>
  event(
    at,
    stream,
    `${at.replace("Z", ".120Z")}\t${id}\tERROR\tInvoke Error \t{"errorType":"TypeError","errorMessage":"Cannot read properties of undefined (reading 'vatCode')","stack":["TypeError: Cannot read properties of undefined (reading 'vatCode')","    at toErpLine (/var/task/map.js:17:30)"]}`,
  )
const decoy = {
  name: "/aws/lambda/newsletter-audience-sync",
  events: [
    event(
      "2027-02-09T05:05:00Z",
      "s",
      "ERROR sync aborted: Mailchimp API returned HTTP 429 Too Many Requests",
    ),
    event(
      "2027-02-09T05:10:00Z",
      "s",
      "ERROR sync aborted: Mailchimp API returned HTTP 429 Too Many Requests",
    ),
  ],
}
const run = (groups: Parameters<typeof harness>[0]) =>
  Effect.gen(function* () {
    const { source } = yield* harness(groups, now)
    return yield* cloudWatchLogsAgent
      .handle(task, { sessionId: null })
      .pipe(Effect.provideService(LogSource, source))
  })

describe("a dead-letter queue alarm's consumer", () => {
  it.scoped("finds the consumer's TypeError, high, and not the other function's errors", () =>
    Effect.gen(function* () {
      const result = yield* run([
        {
          name: "/aws/lambda/invoice-push-to-erp",
          events: [
            invokeError("2027-02-09T05:01:00Z", "0b6f3c2e-1a4d-4e8f-9b7c-5d2e8f1a3c6b"),
            invokeError("2027-02-09T05:07:00Z", "6e2d9a1c-3b5f-4c7e-8a0d-2f4b6c8e0a1d"),
          ],
        },
        { name: "/aws/lambda/erp-health-probe", events: [] },
        decoy,
      ])
      expect(result.status).toBe("ok")
      expect(result.scanned).toEqual(["loggroup//aws/lambda/invoice-push-to-erp"])
      expect(result.findings[0]).toMatchObject({ service: "invoice-push-to-erp", severity: "high" })
      expect(result.findings[0]?.title).toContain("TypeError")
      expect(JSON.stringify(result.findings)).not.toMatch(/newsletter-audience-sync|Mailchimp/)
    }),
  )

  it.scoped("decoy: the consumer's logs clean while another function errors — nothing is blamed", () =>
    Effect.gen(function* () {
      const result = yield* run([
        {
          name: "/aws/lambda/invoice-push-to-erp",
          events: [event("2027-02-09T05:01:00Z", stream, "INFO pushed 25 invoices to ERP")],
        },
        decoy,
      ])
      expect(result.findings.filter((f) => f.severity === "high" || f.severity === "critical")).toEqual([])
      expect(JSON.stringify(result)).not.toMatch(/newsletter-audience-sync|Mailchimp/)
    }),
  )
})
