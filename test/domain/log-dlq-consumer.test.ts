/**
 * A dead-letter queue's consumer by its name (log-dlq-consumer.ts): the DLQ's stem keeps its
 * short system words (erp, wms, crm) and a group is the consumer when it holds every one of
 * them; a stem of one word is left to the kin rule's consumer roles; groups holding only some of
 * the words, or the DLQ's own source queue, are not the consumer.
 */
import { describe, expect, it } from "vitest"
import { extractFacts } from "../../src/domain/alert-facts.js"
import { defaultConfig } from "../../src/domain/config.js"
import { dlqSearchWords, dlqStemWords, isDlqConsumer } from "../../src/domain/log-dlq-consumer.js"
import { discoveryPlan } from "../../src/domain/log-group-discovery.js"
import { isConsumerKin, kinSearches, rankKin } from "../../src/domain/log-group-kin.js"

const planFor = (text: string) => discoveryPlan(extractFacts(text, defaultConfig.severity.labels), [], text)

const sqsAlarm = (alarm: string, queue: string) =>
  `:rotating_light: CloudWatch Alarm | ${alarm} | eu-west-1\n*State:* ALARM (was OK)\n*Metric:* AWS/SQS ApproximateNumberOfMessagesVisible, QueueName = ${queue}, Maximum, 300 seconds`

describe("a dead-letter queue's consumer", () => {
  it("reads the stem of every DLQ spelling, short system words kept", () => {
    expect(dlqStemWords("invoices-to-erp-dlq")).toEqual(["invoices", "erp"])
    expect(dlqStemWords("claims_to_crm_deadletter")).toEqual(["claims", "crm"])
    expect(dlqStemWords("shipments-pos-dead-letter-depth")).toEqual(["shipments", "pos"])
    expect(dlqStemWords("invoices-to-erp")).toEqual([])
    expect(dlqSearchWords(["invoices-to-erp-dlq", "orders-dlq"])).toEqual(["invoice", "erp"])
  })

  it("names the group holding every stem word, whatever its step is called", () => {
    expect(isDlqConsumer("/aws/lambda/invoice-push-to-erp", "invoices-to-erp-dlq")).toBe(true)
    expect(isDlqConsumer("/ecs/crm-claims-loader", "claims_to_crm_deadletter")).toBe(true)
    expect(isDlqConsumer("shipment-pos-bridge", "shipments-pos-dead-letter-depth")).toBe(true)
    expect(isConsumerKin("invoice-push-to-erp", "invoices-to-erp-dlq")).toBe(true)
  })

  it("decoys: only some of the words, the queue itself, a one-word stem", () => {
    // One of the two words: another system's or another product's group.
    expect(isDlqConsumer("/aws/lambda/erp-health-probe", "invoices-to-erp-dlq")).toBe(false)
    expect(isDlqConsumer("/aws/lambda/billing-invoices-api", "invoices-to-erp-dlq")).toBe(false)
    // "er" of "erp" is no match: a short word must be whole.
    expect(isDlqConsumer("/aws/lambda/invoice-error-digest", "invoices-to-erp-dlq")).toBe(false)
    expect(isDlqConsumer("/aws/sqs/invoices-to-erp-dlq", "invoices-to-erp-dlq")).toBe(false)
    expect(isDlqConsumer("/aws/lambda/shop-orders-api", "orders-dlq")).toBe(false)
  })

  it("ranks the consumer of an alarmed DLQ, above groups sharing fewer words", () => {
    const text = sqsAlarm("invoices-to-erp-dlq-depth", "invoices-to-erp-dlq")
    const plan = planFor(text)
    expect(kinSearches(plan.names).map((s) => s.value)).toEqual(expect.arrayContaining(["invoice", "erp"]))
    const ranked = rankKin(plan, [
      "/aws/lambda/invoice-push-to-erp",
      "/aws/lambda/erp-health-probe",
      "/aws/lambda/billing-invoices-api",
      "/aws/lambda/coupon-sync",
    ])
    expect(ranked.map((g) => [g.name, g.service])).toEqual([
      ["/aws/lambda/invoice-push-to-erp", "invoice-push-to-erp"],
    ])
  })

  it("a one-word DLQ stem still finds its consumer by role, not every group of the product", () => {
    const ranked = rankKin(planFor(sqsAlarm("orders-dlq-not-empty", "orders-dlq")), [
      "/aws/lambda/orders-consumer",
      "/aws/lambda/shop-orders-api",
      "/aws/lambda/coupon-sync",
    ])
    expect(ranked.map((g) => g.name)).toEqual(["/aws/lambda/orders-consumer"])
  })

  it("a `-deadletter` queue of events finds its processor", () => {
    const ranked = rankKin(
      planFor(sqsAlarm("invoice-events-deadletter-visible", "invoice-events-deadletter")),
      ["/aws/lambda/invoice-events-processor", "/aws/lambda/payments-sync"],
    )
    expect(ranked.map((g) => g.name)).toEqual(["/aws/lambda/invoice-events-processor"])
  })
})
