import { describe, expect, it } from "vitest"
import { flagChangeOf, flagNamedLike, namesFlag } from "../../src/domain/flag-change.js"

describe("flagChangeOf", () => {
  it.each([
    [
      "LaunchDarkly: *Maya Ortiz* changed flag `alloc-batch-reservations` in *Production*: turned targeting ON, default rule now serves `true` to 100% (was: CVG-02 pilot segment only)",
      null,
      { key: "alloc-batch-reservations", tool: "LaunchDarkly" },
    ],
    [
      "Marta Kowalski turned on the flag *PDP inline reviews* (`pdp-inline-reviews`) in *Production* · serving `true` to 100% of users · <https://app.launchdarkly.com/shop/production/features/pdp-inline-reviews|View flag>",
      "LaunchDarkly",
      { key: "pdp-inline-reviews", tool: "launchdarkly" },
    ],
    [
      "Feature toggle *new-checkout-flow* was enabled in environment production by alice",
      "Unleash",
      { key: "new-checkout-flow", tool: "Unleash" },
    ],
    ["Flag 'quote_engine_v2' updated in Production: enabled", null, { key: "quote_engine_v2", tool: null }],
    ["rolled out new-pricing to 100% of EU traffic", null, { key: "new-pricing", tool: null }],
    [
      "ConfigCat: setting `isSmartRoutingEnabled` changed in Production",
      null,
      { key: "isSmartRoutingEnabled", tool: "ConfigCat" },
    ],
  ])("reads %s", (text, author, want) => expect(flagChangeOf(text, author)).toEqual(want))

  it.each([
    ["we will turn on `alloc-batch-reservations` tomorrow morning"],
    ["nobody toggled `alloc-batch-reservations`, I checked"],
    ["Argo CD: application *wms-ui-prod* sync succeeded — wms-ui v8.1.9 → v8.2.0"],
    ["what does the flag `alloc-batch-reservations` do?"],
    ["deployed payments-api v2.14.0 to prod"],
  ])("is not a flag change: %s", (text) => expect(flagChangeOf(text)).toBeNull())
})

describe("flagNamedLike", () => {
  it("links a flag to the service named with one of its words, a stem counting", () => {
    expect(flagNamedLike("alloc-batch-reservations", "inventory-allocator")).toBe(true)
    expect(flagNamedLike("checkout-redesign", "checkout-web")).toBe(true)
    expect(flagNamedLike("isSmartRoutingEnabled", "routing-engine")).toBe(true)
  })
  it("not to another service, nor by a vague word", () => {
    expect(flagNamedLike("alloc-batch-reservations", "cycle-count-export")).toBe(false)
    expect(flagNamedLike("pdp-inline-reviews", "product-api")).toBe(false)
    expect(flagNamedLike("enable-new-feature", "feature-store")).toBe(false)
  })
})

describe("namesFlag", () => {
  it("finds the key as a whole name in a service's own lines", () => {
    expect(
      namesFlag(
        "[launchdarkly] flag update received: alloc-batch-reservations (version 14)",
        "alloc-batch-reservations",
      ),
    ).toBe(true)
    expect(namesFlag('{"flags":["pdp-inline-reviews"]}', "pdp-inline-reviews")).toBe(true)
    expect(namesFlag("flag pdp-inline-reviews-v2 evaluated", "pdp-inline-reviews")).toBe(false)
  })
})
