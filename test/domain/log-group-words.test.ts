/**
 * Log groups related to an alert by its words when it names none (log-group-words.ts), and a
 * queue's consumer named for the step it performs (log-group-kin.ts): variants of wording and
 * group conventions, and decoys sharing only generic words or a person's name.
 */
import { describe, expect, it } from "vitest"
import { extractFacts } from "../../src/domain/alert-facts.js"
import { defaultConfig } from "../../src/domain/config.js"
import { isConsumerKin } from "../../src/domain/log-group-kin.js"
import { alertWords, rankByWords, searchStem, wordSearches } from "../../src/domain/log-group-words.js"

const facts = (text: string) => extractFacts(text, defaultConfig.severity.labels)
const related = (text: string, groups: ReadonlyArray<string>) =>
  rankByWords(alertWords(facts(text), text), groups).map((g) => g.name)

describe("log groups named with a person's words", () => {
  it("finds the function a report describes in prose", () => {
    const text = "the nightly payroll export hasn't arrived in the shared drive today, can someone check?"
    expect(related(text, ["/aws/lambda/payroll-export-builder", "/aws/lambda/image-resizer"])).toEqual([
      "/aws/lambda/payroll-export-builder",
    ])
  })

  it("finds an ECS service and a consumer named for its role", () => {
    expect(
      related("loyalty points statements look stuck since this morning", [
        "/ecs/prod/loyalty-points-ledger",
        "/ecs/prod/checkout-web",
      ]),
    ).toEqual(["/ecs/prod/loyalty-points-ledger"])
    expect(related("the warranty claims are not being processed", ["/ecs/claims-worker"])).toEqual([
      "/ecs/claims-worker",
    ])
  })

  it("does not take a group sharing one word, or only generic words", () => {
    const text = "the weekly supplier invoice digest did not go out"
    expect(related(text, ["/aws/lambda/invoice-pdf-renderer", "/aws/lambda/prod-api-service"])).toEqual([])
  })

  it("does not take a group named after a person the report mentions", () => {
    const text = "asked Marcus and Priya about the tenancy renewals mailer, it sent nothing"
    expect(
      related(text, ["/aws/lambda/marcus-priya-sandbox", "/aws/lambda/tenancy-renewals-mailer"]),
    ).toEqual(["/aws/lambda/tenancy-renewals-mailer"])
  })
})

describe("a report's product words past the searched few, and plurals", () => {
  it("ranks by words beyond the first searched ones and a plural's stem", () => {
    const text =
      "Block 4 drip valves never opened for the 06:10 cycle, dashboard says the schedule is queued but the field units show no command"
    expect(
      related(text, ["/aws/lambda/valve-schedule-dispatcher", "/aws/lambda/moisture-probe-ingest"]),
    ).toEqual(["/aws/lambda/valve-schedule-dispatcher"])
    expect(
      related("the ferry tickets and boarding passes are not printing", ["/ecs/ticket-pass-printer"]),
    ).toEqual(["/ecs/ticket-pass-printer"])
  })

  it("searches a plural by its singular, not words ending in -us or -ss", () => {
    expect(["valves", "deliveries", "status", "address", "probe"].map(searchStem)).toEqual([
      "valve",
      "delivery",
      "status",
      "address",
      "probe",
    ])
    const words = alertWords(facts("pinot drip valves cycle dashboard schedule queued command"), "")
    expect(wordSearches(words).map((w) => w.value)).toContain("valve")
    expect(wordSearches(words).length).toBeLessThanOrEqual(6)
  })

  it("still takes no group sharing a single product word", () => {
    const text = "drip valves never opened for the evening cycle"
    expect(related(text, ["/aws/lambda/valve-telemetry-archiver"])).toEqual([])
  })
})

describe("a report's product named with the step that makes or ships it", () => {
  it("takes one plural product word when the rest of the group's name is that step", () => {
    const variants: ReadonlyArray<readonly [string, string]> = [
      ["none of last night's deposition transcripts have been delivered", "/ecs/transcript-assembler"],
      ["clinics say their invoices look blank since the morning", "/aws/lambda/invoice-renderer"],
      ["the weekly statements never went out to members", "/ecs/prod/statement-generator"],
      ["partners get no catalogs from us since 2am", "/ecs/catalog-exporter"],
    ]
    for (const [text, group] of variants)
      expect(related(text, [group, "/ecs/client-portal", "/aws/lambda/image-resizer"]), text).toEqual([group])
  })

  it("does not take one shared word when the rest names another product, not a step", () => {
    expect(
      related("none of the transcripts have been delivered", ["/ecs/transcript-billing-sync-portal"]),
    ).toEqual([])
    expect(related("the portal shows them stuck in processing", ["/ecs/client-portal"])).toEqual([])
  })
})

describe("a queue's consumer named for its step", () => {
  it("takes an ingest, sync or importer service sharing the queue's product word", () => {
    expect(isConsumerKin("telemetry-ingest", "telemetry-readings")).toBe(true)
    expect(isConsumerKin("catalogue-sync", "catalogue-updates")).toBe(true)
    expect(isConsumerKin("bookings-importer", "bookings-inbound")).toBe(true)
  })

  it("does not take a service of the same product doing something else", () => {
    expect(isConsumerKin("telemetry-dashboard", "telemetry-readings")).toBe(false)
  })
})
