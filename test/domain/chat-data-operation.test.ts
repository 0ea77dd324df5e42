/**
 * A heavy data operation started against a database (chat-data-operation.ts): its own name when it
 * has one; planned talk, or an operation on no database, is not.
 */
import { describe, expect, it } from "@effect/vitest"
import { dataOperationAnnounced } from "../../src/domain/chat-data-operation.js"

describe("dataOperationAnnounced", () => {
  it.each([
    [
      "kicking off the ledger-backfill for the FX rounding fix now, 4 shards against the primary",
      "ledger-backfill",
    ],
    ["starting a bulk import of 40M rows into orders-db, should take an hour", "bulk import"],
    ["REINDEX on the invoices table is running, expect some load", "reindex"],
    ["VACUUM FULL started on the events database", "vacuum"],
    ["launched the load test against the primary from k6", "load test"],
  ])("%s → %s", (text, name) => {
    expect(dataOperationAnnounced(text)).toBe(name)
  })

  it.each([
    "should we backfill the ledger next week?",
    "kicking off the frontend bundle analysis now",
    "deployed ledger-api 3.2.0",
  ])("%s → none", (text) => {
    expect(dataOperationAnnounced(text)).toBeNull()
  })
})
