import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { classify } from "../../src/domain/classify.js"
import { ClassifierSettings } from "../../src/domain/config.js"

const settings = Schema.decodeSync(ClassifierSettings)({})
const run = (text: string) => classify({ text: `<@U04ZADBNY7> ${text}`, trigger: "mention" }, settings)

describe("Polish, Dutch and Romanian talk (stop 20, round 24)", () => {
  it.each([
    // Reports in these languages keep their evidence, after a thank-you or a claim too.
    "dzięki, ale nadal nie działa logowanie",
    "bedankt, maar de site is nog steeds traag",
    "mersi, dar tot nu merge checkout-ul",
    "totul e ok după deploy, doar că plățile nu trec",
    "ik pak hem op, de betalingen mislukken sinds 9:15",
    "mă ocup eu, api-ul dă erori 502 de la 10",
    "geen storingen maar de app is traag",
    "nie ma żadnych alertów ale klienci mówią że strona nie działa",
    "nu merge nimic de la deploy",
    "nie działa logowanie do panelu opiekuna, wszyscy dostają błąd 500",
  ])("alert: %s", (text) => {
    expect(run(text).decision).toBe("investigate")
  })

  it.each([
    // Acks, thanks, greetings, good night, have a nice weekend.
    "cześć",
    "siema",
    "spoko",
    "okej",
    "świetna robota",
    "miłego weekendu",
    "goed",
    "goed gedaan!",
    "fijne avond allemaal",
    "bună dimineața",
    "bună seara",
    "mersi",
    "mulțumesc frumos",
    "noapte bună",
    "weekend plăcut",
    "probă",
    "mooi, dankjewel voor de snelle hulp",
    "dzięki za szybką pomoc!",
    "mersi pentru ajutor",
    // A task taken on.
    "ja to biorę",
    "ik pak hem op",
    "ik neem deze wel",
    "mă ocup eu",
    "preiau eu",
    // All clear.
    "wszystko działa",
    "wszystko gra po wdrożeniu",
    "nie ma żadnych alertów, spokojnie dzisiaj",
    "geen storingen vannacht 👍",
    "alles werkt weer na de deploy",
    "totul e ok după deploy",
    "ok, nu mai e nevoie, s-a rezolvat",
    "merge acum, mersi",
    // How to silence, who is on call, what the bot can do; a meeting moved.
    "hoe zet ik een silence in grafana?",
    "czy możesz przypomnieć jak wyciszyć alert w alertmanagerze?",
    "jak sprawdzić kto ma dyżur?",
    "cum văd cine e de gardă săptămâna asta?",
    "co potrafisz?",
    "wat kun jij allemaal?",
    "ce poți face, bot?",
    "jutro daily o 9:30 a nie o 10",
    "standup morgen om 10:00 in plaats van 9:30",
    "ședința de mâine e la 11",
  ])("chatter: %s", (text) => {
    expect(run(text).decision).toBe("gate")
  })
})
