/**
 * Properties of the gate over generated input (fast-check 4, fixed seeds): structural reports
 * are never gated, polite noise always is, explicit intent always wins, and `classify` is total,
 * deterministic and linear on hostile input.
 */
import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import fc from "fast-check"
import { Classification } from "../../src/domain/classification.js"
import { classify } from "../../src/domain/classify.js"
import { ClassifierSettings } from "../../src/domain/config.js"
import { Trigger } from "../../src/domain/platform.js"
import { fillTo, hostileUnits } from "../support/hostile-text.js"

const settings = Schema.decodeSync(ClassifierSettings)({})
const run = (text: string, trigger: Trigger = "mention") => classify({ text, trigger }, settings)

const knownServices = [
  "payments",
  "checkout",
  "auth",
  "search",
  "orders",
  "billing",
  "redis",
  "kafka",
  "postgres",
  "db",
]
// Generated names must still be names: an article or pronoun is not a service ("the is down").
const notAName = new Set([
  "the",
  "you",
  "your",
  "this",
  "that",
  "what",
  "which",
  "thanks",
  "bot",
  "fixed",
  "sorry",
])
const serviceName = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...knownServices),
      fc.constantFrom("", "-api", "-svc", "-worker", "-db", "-gateway", "-v2"),
    )
    .map(([base, suffix]) => base + suffix),
  fc
    .stringMatching(/^[a-z]{3,9}[0-9]{0,2}(?:-[a-z0-9]{2,6}){0,2}$/)
    .filter((n) => !notAName.has(n.split("-")[0] ?? n)),
)
const casing = fc.constantFrom(
  (s: string) => s,
  (s: string) => s.toUpperCase(),
  (s: string) => s.charAt(0).toUpperCase() + s.slice(1),
)
const mention = fc.constantFrom("", "<@U01SREBOT> ", "<@!123456789012345678> ", "@here ", "<!channel> ")

describe("problem reports are always investigated", () => {
  it("<service> is <broken|down|slow|erroring>", () => {
    const prop = fc.property(
      mention,
      fc.constantFrom("", "the "),
      serviceName,
      fc.constantFrom("is broken", "is down", "is slow", "is erroring", "are broken", "is really slow"),
      fc.constantFrom("", "!", "!!", "?", " again", " right now", " 😬"),
      casing,
      (at, article, service, predicate, tail, cased) => {
        const c = run(at + cased(`${article}${service} ${predicate}${tail}`))
        expect(c.decision).toBe("investigate")
        expect(c.verdict).toBe("alert")
      },
    )
    fc.assert(prop, { seed: 42, numRuns: 300 })
  })

  it("<service> <returning 5xx|timing out|crashlooping>", () => {
    const prop = fc.property(
      mention,
      serviceName,
      fc.constantFrom(
        "returning 5xx",
        "returning 502s",
        "timing out",
        "crashlooping",
        "throwing errors",
        "not responding",
      ),
      fc.constantFrom("", ".", " since 10:05", " for everyone", " 🔥"),
      casing,
      (at, service, predicate, tail, cased) => {
        const c = run(at + cased(`${service} ${predicate}${tail}`))
        expect(c.decision).toBe("investigate")
        expect(c.verdict).toBe("alert")
      },
    )
    fc.assert(prop, { seed: 7, numRuns: 300 })
  })
})

describe("thanks and greetings are always gated", () => {
  it("in any casing, with punctuation, emoji and mentions around them", () => {
    const prop = fc.property(
      mention,
      fc.constantFrom(
        "thanks",
        "thank you",
        "thanks a lot",
        "thanks so much",
        "thx",
        "ty",
        "cheers",
        "many thanks",
        "much appreciated",
        "appreciate it",
        "hello",
        "hi",
        "hey",
        "hey there",
        "good morning",
        "morning",
        "hiya",
      ),
      casing,
      fc.constantFrom(
        "",
        " @x",
        " <@U0DANA>",
        " @dana",
        " <@123456789>",
        " team",
        " everyone",
        " all",
        " guys",
      ),
      fc.constantFrom("", "!", "!!", ".", "!!!", " :)", ","),
      fc.constantFrom(
        "",
        " 🙏",
        " :pray:",
        " 👍",
        " :+1::skin-tone-2:",
        " 🙌🏽",
        " <:partyparrot:123456789012>",
      ),
      (at, phrase, cased, who, punctuation, emoji) => {
        const c = run(at + cased(phrase) + who + punctuation + emoji)
        expect(c.decision).toBe("gate")
        expect(c.verdict).toBe("chatter")
      },
    )
    fc.assert(prop, { seed: 1234, numRuns: 300 })
  })
})

const chunks = [
  "<@U1>",
  "<",
  ">",
  "|",
  ":",
  "::",
  "&lt;",
  "http://",
  "https://grafana.x/d/",
  "investigate",
  "thanks",
  " ",
  "\n",
  "db is down",
  "not ",
  "fixed",
  "[FIRING:1]",
  "🙏",
  "🔥",
  "\u{1F600}",
  "\uD800",
  "é",
  "'",
  "n't",
  "-",
  "?",
  "500",
  "%",
]
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 2000 }),
  fc.string({ unit: "grapheme", maxLength: 500 }),
  fc.string({ unit: fc.constantFrom(...chunks), maxLength: 200 }),
)
const anySettings = fc
  .record({
    enabled: fc.boolean(),
    alert_terms: fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 3 }),
    chatter_phrases: fc.array(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 3 }),
  })
  .map((s) => Schema.decodeSync(ClassifierSettings)(s))
const explicit = fc.constantFrom(
  "reaction",
  "thread_mention",
  "command",
  "message_command",
) satisfies fc.Arbitrary<Trigger>

describe("explicit intent always wins", () => {
  it("explicit triggers are never gated, whatever the text or settings", () => {
    const prop = fc.property(anyText, explicit, anySettings, (text, trigger, s) => {
      expect(classify({ text, trigger }, s).decision).toBe("investigate")
    })
    fc.assert(prop, { seed: 99, numRuns: 300 })
  })

  it("a line saying 'investigate' is never gated", () => {
    const prop = fc.property(anyText, (text) => {
      const c = run(`${text}\ninvestigate this`)
      expect(c.decision).toBe("investigate")
      expect(c.tier).toBe("explicit")
    })
    fc.assert(prop, { seed: 5, numRuns: 300 })
  })
})

describe("classify is total and deterministic", () => {
  it("never throws, returns a valid Classification, and the same one twice", () => {
    const isClassification = Schema.is(Classification)
    const prop = fc.property(
      anyText,
      fc.constantFrom(...Trigger.literals),
      anySettings,
      (text, trigger, s) => {
        const first = classify({ text, trigger }, s)
        expect(isClassification(first)).toBe(true)
        expect(classify({ text, trigger }, s)).toEqual(first)
        expect(first.reasons.length).toBeGreaterThan(0)
        // Without a model, only a confident tier-1 chatter verdict gates.
        if (first.decision === "gate") expect(first).toMatchObject({ verdict: "chatter", tier: "heuristic" })
        if (first.verdict === "ambiguous") expect(first.decision).toBe("investigate")
      },
    )
    fc.assert(prop, { seed: 2024, numRuns: 300 })
  })

  // How fast, and whether it stays linear, is measured by bench/classify-hostile.ts (standards:
  // performance by benchmarks, not timed tests); this checks what it decides on such input.
  it("classifies 1 MiB of hostile text, and reads its head", () => {
    const mib = 1 << 20
    const fill = (unit: string) => fillTo(unit, mib)
    const hostile = hostileUnits.map(fill)
    const results = hostile.map((text) => run(text))
    expect(results).toHaveLength(hostile.length)
    for (const r of results) expect(r.reasons.length).toBeGreaterThan(0)
    expect(run(`[FIRING:1] KubePodCrashLooping ${fill("x ")}`).verdict).toBe("alert")
    expect(run(fill("thanks ")).decision).toBe("investigate")
  })
})
