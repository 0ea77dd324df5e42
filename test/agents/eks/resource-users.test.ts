/**
 * The workload using an alarm's AWS resource, for the eks agent (resource-users.ts): its env
 * naming the resource scores like a label; a consumer named with the resource's words scores
 * less; a workload with neither, or any workload for an alert not on an AWS resource, nothing.
 */
import { describe, expect, it } from "vitest"
import { resourceTermsOf, resourceUserPoints } from "../../../src/agents/eks/resource-users.js"
import { extractFacts } from "../../../src/domain/alert-facts.js"
import { defaultConfig } from "../../../src/domain/config.js"

const facts = (text: string) => extractFacts(text, defaultConfig.severity.labels)
const queue = facts(
  "*CloudWatch Alarm | parcel-events-age | eu-west-1*\n*ALARM:* Oldest message in parcel-events-prod.fifo is older than 10 minutes\nNamespace: AWS/SQS · Metric: ApproximateAgeOfOldestMessage · QueueName: parcel-events-prod.fifo",
)

describe("resourceUserPoints", () => {
  const resources = resourceTermsOf(queue)
  it("scores a workload whose env names the queue like a label naming it", () => {
    expect(
      resourceUserPoints(resources, "tracker", [
        "https://sqs.eu-west-1.amazonaws.com/111122223333/parcel-events-prod.fifo",
      ]),
    ).toBe(60)
  })
  it("scores a consumer named with the queue's words less", () => {
    expect(resourceUserPoints(resources, "parcel-events-consumer", [])).toBe(30)
  })
  it("gives nothing to another workload, or for an alert not on an AWS resource", () => {
    expect(
      resourceUserPoints(resources, "label-printer", ["https://sqs.eu-west-1.amazonaws.com/1/labels.fifo"]),
    ).toBe(0)
    const pod = facts(
      "KubePodCrashLooping: pod parcel-api-7d9f8b6c5d-x2x9q in namespace parcels is crash looping",
    )
    expect(resourceTermsOf(pod)).toEqual([])
    expect(resourceUserPoints(resourceTermsOf(pod), "parcel-events-consumer", [])).toBe(0)
  })
})

describe("resourceTermsOf: a person's words naming a queue, topic or table", () => {
  it("a report calling its subject a queue is about that queue: its reader's env ties it", () => {
    for (const text of [
      "invoice-render-jobs queue is at ~90k and still climbing, why isn't it catching up?",
      "the shipment-events topic has a huge backlog since 10:00",
      "orders-archive table writes are piling up, can someone look?",
    ]) {
      const terms = resourceTermsOf(facts(text))
      expect(terms.length).toBeGreaterThan(0)
    }
    const terms = resourceTermsOf(facts("invoice-render-jobs queue is at ~90k and still climbing"))
    expect(resourceUserPoints(terms, "invoice-renderer", ["invoice-render-jobs"])).toBe(60)
    expect(resourceUserPoints(terms, "mailer", ["smtp.example.com"])).toBe(0)
  })

  it("a report with no such noun ties nothing by env", () => {
    expect(resourceTermsOf(facts("checkout-api is slow since the deploy, users see spinners"))).toEqual([])
  })
})
