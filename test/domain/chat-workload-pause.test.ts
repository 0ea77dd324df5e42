/**
 * A job or workload paused by hand in chat (chat-workload-pause.ts): suspended, paused, disabled,
 * scaled to zero — in its own words or a thread's — and not a proposal, not a resume.
 */
import { describe, expect, it } from "@effect/vitest"
import { pauseConcernsAlert, workloadPaused, workloadResumed } from "../../src/domain/chat-workload-pause.js"

describe("workloadPaused", () => {
  it.each([
    ["suspended fx-rates-sync for now, will unsuspend after dinner", "fx-rates-sync"],
    ["paused the ledger-export cronjob while the migration runs", "ledger-export"],
    ["scaled invoice-worker to 0 until the queue is drained", "invoice-worker"],
    ["kubectl scale deploy/email-sender --replicas=0 done", "email-sender"],
    ['kubectl patch cronjob stock-snapshot -p \'{"spec":{"suspend":true}}\'', "stock-snapshot"],
  ])("%s → %s", (text, name) => {
    expect(workloadPaused(text)).toBe(name)
  })

  it("a reply naming only 'the sync' takes the thread's name", () => {
    expect(workloadPaused("disabled the sync until Monday", "catalog-sync is hammering the vendor API")).toBe(
      "catalog-sync",
    )
  })

  it.each([
    "we should suspend fx-rates-sync during the rotation",
    "let's pause the ledger-export cronjob?",
    "unsuspended fx-rates-sync, runs are back",
    "resumed invoice-worker, scaled it back up to 4",
    "deployed fx-rates-sync 1.7.2",
  ])("%s → none", (text) => {
    expect(workloadPaused(text)).toBeNull()
  })
})

describe("workloadResumed", () => {
  it("a later resume of the same workload, not another's", () => {
    expect(workloadResumed("unsuspended fx-rates-sync", "fx-rates-sync")).toBe(true)
    expect(workloadResumed("resumed sitemap-builder", "fx-rates-sync")).toBe(false)
  })
})

describe("pauseConcernsAlert", () => {
  it("shares a word of its own with the alert; a generic word or another workload does not", () => {
    expect(pauseConcernsAlert("fx-rates-sync", "FXRatesStale fx rates stale", ["rates-api"])).toBe(true)
    expect(pauseConcernsAlert("sitemap-builder", "FXRatesStale fx rates stale", ["rates-api"])).toBe(false)
    expect(pauseConcernsAlert("search-api", "CheckoutLatency checkout", ["checkout-api"])).toBe(false)
  })
})
