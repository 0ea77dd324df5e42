/**
 * An alarm's name resolved to the workload sharing its distinctive words, across naming styles
 * (company and environment prefixes, region and metric suffixes), and the decoys: one generic
 * shared word, one word of a different product, the company prefix alone, several kin.
 */
import { describe, expect, it } from "vitest"
import { distinctiveWords, isNameKin, kinOf } from "../../src/domain/name-kinship.js"

describe("isNameKin", () => {
  it("drops account, environment, region and measure words", () => {
    expect(distinctiveWords("haulwise-prod-rate-quote-p99-latency")).toEqual(["haulwise", "rate", "quote"])
    expect(distinctiveWords("ledger-sync-use1-5xx")).toEqual(["ledger", "sync"])
  })

  it.each([
    ["haulwise-prod-rate-quote", "rate-quote-engine"],
    ["tidepool-staging-ledger-sync-use1", "ledger-sync-worker"],
    ["prod-eu-west-1-card-vault-errors", "card-vault"],
    ["acme-prod-orders-api-5xx", "orders-api"],
    ["brightcart-prod-checkout-latency", "checkout-web"],
  ])("%s is about %s", (alert, workload) => {
    expect(isNameKin(alert, workload)).toBe(true)
  })

  it.each([
    // One generic word shared: another service's API.
    ["acme-prod-orders-api-5xx", "payments-api"],
    // One word of a different product.
    ["haulwise-prod-rate-quote", "rate-card-service"],
    // The company prefix every workload may carry.
    ["haulwise-prod-rate-quote", "haulwise-web"],
    ["haulwise-prod-rate-quote", "haulwise-billing"],
    // One word of a longer name.
    ["tidepool-prod-ledger-sync", "ledger-api"],
  ])("%s is not about %s", (alert, workload) => {
    expect(isNameKin(alert, workload)).toBe(false)
  })
})

describe("kinOf", () => {
  it("resolves to the one kin among the names", () => {
    expect(
      kinOf("haulwise-prod-rate-quote", ["carrier-sync-worker", "rate-quote-engine", "rate-card-api"]),
    ).toBe("rate-quote-engine")
  })

  it("resolves nothing when two names are kin", () => {
    expect(kinOf("shop-prod-cart-sync", ["cart-sync-worker", "cart-sync-api"])).toBeNull()
  })
})
