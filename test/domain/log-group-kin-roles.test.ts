/**
 * A resource's user named for its role besides kind words (log-group-kin.ts): `scan-events-consumer`
 * for the FIFO queue `wms-scan-events-prod.fifo` ("fifo", "events" say what kind of thing it
 * reads), `leaderboard-writer` for a leaderboard table; a service sharing one word with no role
 * (`leaderboard-api`, `scan-events-service`) is not.
 */
import { describe, expect, it } from "vitest"
import { isConsumerKin, kinWords } from "../../src/domain/log-group-kin.js"

describe("a resource's user by its role", () => {
  it("treats fifo as a kind word", () => {
    expect(kinWords("wms-scan-events-prod.fifo")).toEqual(["scan"])
  })

  it("takes a consumer or writer whose other words only say what it reads", () => {
    expect(isConsumerKin("scan-events-consumer", "wms-scan-events")).toBe(true)
    expect(isConsumerKin("scan-events-consumer", "wms-scan-events-prod.fifo")).toBe(true)
    expect(isConsumerKin("leaderboard-writer", "skyrift-prod-leaderboard")).toBe(true)
    expect(isConsumerKin("invoices-queue-worker", "billing-invoices")).toBe(true)
  })

  it("does not take a service with no role word, or one doing something else", () => {
    expect(isConsumerKin("scan-events-service", "wms-scan-events")).toBe(false)
    expect(isConsumerKin("leaderboard-api", "skyrift-prod-leaderboard")).toBe(false)
    expect(isConsumerKin("leaderboard-cache-redis", "skyrift-prod-leaderboard")).toBe(false)
    expect(isConsumerKin("scan-events-prod", "wms-scan-events")).toBe(false)
  })
})
