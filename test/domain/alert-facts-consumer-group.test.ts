/**
 * A consumer-group lag alert's service is the group's consumer (alert-facts-consumer-group.ts): the
 * `group` / `groupId` / `consumer_group` label or "Consumer group X" in the text, in Alertmanager,
 * Burrow and plain wordings. Decoys: a `group` label on an alert that is not about consumer lag,
 * a service label that wins over the group.
 */
import { describe, expect, it } from "@effect/vitest"
import { extractFacts } from "../../src/domain/alert-facts.js"
import { defaultConfig } from "../../src/domain/config.js"

const facts = (text: string) => extractFacts(text, defaultConfig.severity.labels)

describe("a consumer-group lag alert names its consumer", () => {
  it.each([
    [
      "Alertmanager with a group label",
      "[FIRING:1] KafkaConsumerGroupLagTooOld (msk-eu ledger-poster card-auths)\n*Alert:* Consumer group ledger-poster is 40m behind on topic card-auths - `warning`\n*Details:*\n • *alertname:* `KafkaConsumerGroupLagTooOld`\n • *group:* `ledger-poster`\n • *topic:* `card-auths`",
      "ledger-poster",
    ],
    [
      "a Prometheus selector with consumer_group",
      'KafkaLagHigh: sum by (consumer_group) (kafka_consumergroup_lag{consumer_group="geo-tagger", topic="rides"}) > 50000 for 10m',
      "geo-tagger",
    ],
    [
      "Burrow's groupId",
      "[FIRING:1] BurrowConsumerLag\nburrow_kafka_consumer_total_lag rising\ngroupId: invoice-writer\ntopic: orders.v2",
      "invoice-writer",
    ],
    [
      "only the sentence names the group",
      "Kafka consumer lag warning: Consumer group fare-settler is 25 minutes behind on topic trips",
      "fare-settler",
    ],
  ])("%s", (_, text, service) => {
    expect(facts(text).service).toBe(service)
  })

  it("decoy: a group label on an alert that is not about consumer lag", () => {
    const f = facts(
      "[FIRING:1] NodeDiskFull\n*Details:*\n • *group:* `platform-team`\n • *instance:* `10.0.3.4:9100`",
    )
    expect(f.service).not.toBe("platform-team")
  })

  it("decoy: the alert's own service label wins over the group", () => {
    const f = facts(
      "[FIRING:1] KafkaConsumerGroupLag\n • *service:* `billing-api`\n • *group:* `billing-consumers-v2`\n • *topic:* `invoices`",
    )
    expect(f.service).toBe("billing-api")
  })
})
