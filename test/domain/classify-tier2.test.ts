/** The model tier's pure parts: a strict one-word reply, and it only ever settles an ambiguous case. */
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import type { Classification } from "../../src/domain/classification.js"
import {
  applyTier2,
  classify,
  parseTier2Reply,
  tier2SystemPrompt,
  wantsTier2,
} from "../../src/domain/classify.js"
import { ClassifierSettings } from "../../src/domain/config.js"

const settings = Schema.decodeSync(ClassifierSettings)({})
const ambiguous = classify({ text: "the checkout flow", trigger: "mention" }, settings)

describe("parseTier2Reply", () => {
  it.each([
    ["ALERT", "alert"],
    ["CHATTER", "chatter"],
    ["alert", "alert"],
    ["  Chatter.\n", "chatter"],
    ["ALERT.", "alert"],
  ] as const)("%j → %s", (reply, expected) => {
    expect(parseTier2Reply(reply)).toBe(expected)
  })

  it.each([
    "NOT AN ALERT",
    "not chatter",
    "ALERT.\nBecause the message mentions an outage.",
    "ALERT..",
    "ALERT CHATTER",
    "CHATTER!",
    "**ALERT**",
    "",
    "   ",
    "ALERTS",
  ])("%j → null", (reply) => {
    expect(parseTier2Reply(reply)).toBeNull()
  })
})

describe("applyTier2", () => {
  it("the prompt asks for exactly one of the two words", () => {
    expect(tier2SystemPrompt).toContain("exactly one word: ALERT or CHATTER")
  })

  it("settles an ambiguous tier-1 result either way", () => {
    expect(ambiguous.verdict).toBe("ambiguous")
    expect(wantsTier2(ambiguous)).toBe(true)
    expect(applyTier2(ambiguous, "chatter")).toEqual({
      verdict: "chatter",
      decision: "gate",
      tier: "llm",
      reasons: [...ambiguous.reasons, "llm: chatter"],
    })
    expect(applyTier2(ambiguous, "alert")).toMatchObject({
      verdict: "alert",
      decision: "investigate",
      tier: "llm",
    })
  })

  it("fails open: no readable reply leaves the message investigated", () => {
    expect(applyTier2(ambiguous, null)).toBe(ambiguous)
    expect(applyTier2(ambiguous, parseTier2Reply("NOT AN ALERT")).decision).toBe("investigate")
  })

  it("never overrides a confident, explicit or disabled result", () => {
    const confident: ReadonlyArray<Classification> = [
      classify({ text: "db is slow", trigger: "mention" }, settings),
      classify({ text: "thanks!", trigger: "mention" }, settings),
      classify({ text: "the checkout flow", trigger: "reaction" }, settings),
      classify(
        { text: "the checkout flow", trigger: "mention" },
        Schema.decodeSync(ClassifierSettings)({ enabled: false }),
      ),
    ]
    for (const c of confident) {
      expect(wantsTier2(c)).toBe(false)
      expect(applyTier2(c, "chatter")).toBe(c)
      expect(applyTier2(c, "alert")).toBe(c)
    }
  })
})
