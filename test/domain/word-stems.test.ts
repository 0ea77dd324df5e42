import { describe, expect, it } from "vitest"
import { nameWords, sharesStem } from "../../src/domain/word-stems.js"

describe("sharesStem", () => {
  it.each([
    ["allocation", "allocator"],
    ["alloc", "allocator"],
    ["reservations", "reserve"],
    ["payments", "payment"],
    ["Reservation", "reserved"],
  ])("%s and %s are one stem", (a, b) => expect(sharesStem(a, b)).toBe(true))

  it.each([
    ["invoice", "inventory"],
    ["failing", "failover"],
    ["catalog", "category"],
    ["order", "ordinal"],
    ["shipping", "shipment"],
    ["allocation", "all"],
    ["cvg-02", "cvg-02"],
  ])("%s and %s are not", (a, b) => expect(sharesStem(a, b)).toBe(false))
})

describe("nameWords", () => {
  it("splits a name into its lower-case words", () => {
    expect(nameWords("Inventory-Allocator_v2")).toEqual(["inventory", "allocator", "v2"])
  })
})
