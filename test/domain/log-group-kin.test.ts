/**
 * Log groups named with an alerting resource's words (log-group-kin.ts): a dead-letter queue's
 * consumer shares two distinctive words with it (a stem counts: render → renderer); a group
 * sharing one word, or only words that say what kind of resource it is, is not kin.
 */
import { describe, expect, it } from "vitest"
import { extractFacts } from "../../src/domain/alert-facts.js"
import { defaultConfig } from "../../src/domain/config.js"
import { discoveryPlan } from "../../src/domain/log-group-discovery.js"
import { isConsumerKin, isKin, kinSearches, kinWords, rankKin } from "../../src/domain/log-group-kin.js"

describe("kin of an alerting resource", () => {
  it("keeps the distinctive words of a name and searches by them", () => {
    expect(kinWords("invoice-render-dlq")).toEqual(["invoice", "render"])
    expect(kinWords("orders-api-5xx-high")).toEqual(["orders"])
    expect(kinSearches(["invoice-render-dlq"]).map((s) => s.value)).toEqual(["invoice", "render"])
  })

  it("ranks the groups sharing two words, never one", () => {
    const facts = extractFacts(
      "ALARM: invoice-render-dlq-not-empty\nNamespace: AWS/SQS · Metric: ApproximateNumberOfMessagesVisible · QueueName: invoice-render-dlq",
      defaultConfig.severity.labels,
    )
    const plan = discoveryPlan(facts, [], "QueueName: invoice-render-dlq")
    const ranked = rankKin(plan, [
      "/aws/lambda/invoice-pdf-renderer",
      "/aws/lambda/legacy-invoice-import",
      "/aws/lambda/customer-sync",
    ])
    expect(ranked.map((g) => [g.name, g.service, g.kin])).toEqual([
      ["/aws/lambda/invoice-pdf-renderer", "invoice-pdf-renderer", true],
    ])
    expect(isKin("invoice-pdf-renderer", "invoice-render-dlq")).toBe(true)
    expect(isKin("legacy-invoice-import", "invoice-render-dlq")).toBe(false)
    expect(isKin("orders-worker", "orders-api")).toBe(false)
  })

  it("one shared word is enough when the rest of the name only says it consumes", () => {
    const facts = extractFacts(
      "*CloudWatch Alarm | email-dispatch-oldest-message-age | us-east-1*\nNamespace: AWS/SQS · Metric: ApproximateAgeOfOldestMessage · QueueName: email-dispatch",
      defaultConfig.severity.labels,
    )
    expect(facts.service).toBe("email-dispatch")
    const plan = discoveryPlan(facts, [], "QueueName: email-dispatch")
    const ranked = rankKin(plan, [
      "/ecs/email-worker",
      "/ecs/email-templates-admin",
      "/ecs/campaign-scheduler",
    ])
    expect(ranked.map((g) => g.name)).toEqual(["/ecs/email-worker"])
    expect(isConsumerKin("email-worker", "email-dispatch")).toBe(true)
    expect(isConsumerKin("legacy-invoice-import", "invoice-render-dlq")).toBe(false)
    // The queue's whole name inside its consumer's, whatever else the consumer is called.
    expect(isConsumerKin("fulfillment-order-events-consumer", "order-events")).toBe(true)
    expect(isConsumerKin("fulfillment-order-events-archive", "order-events")).toBe(false)
  })
})
