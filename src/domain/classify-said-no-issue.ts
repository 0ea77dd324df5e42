/**
 * The writer's own word that nothing is wrong: "No incident right now.", "nothing's wrong",
 * "not related to any issue, just a compliance question", "NW990 cancelled — mechanical, nothing
 * system related", "just brainstorming for now, no decision yet". Long support messages quote
 * what customers say ("the system is down") or what an alert will watch ("orders stuck"); the
 * writer's denial is the strongest sign there is that none of it is live — unless a problem
 * follows it ("not sure it's an incident but checkout has been 500ing", "no issue on our side,
 * but customers can't pay").
 *
 * And why it is posted: "just logging it for the shift", "so nobody gets paged", "don't panic if
 * they look different", "none of our merchants reported anything" — a note for the record of
 * normal operations (a flight diverted or cancelled in an airline's ops channel), no report; here
 * any problem named must be inside the note itself.
 */

import { analyse, type Message } from "./classify-text.js"

export interface NoIssueSaid {
  readonly reason: string
  /** Token span of the words that said it. */
  readonly start: number
  readonly end: number
  /** Problems before it are superseded (a denial); otherwise only the note's own words may name one. */
  readonly supersedes: boolean
}

const denialNeedles = [
  "incident",
  "issue",
  "problem",
  "wrong",
  "going on",
  "system related",
  "system-related",
  "brainstorm",
  "out loud",
]
/** A denial of any problem, said generally (not scoped: "no issue on our side", "…with the db"). */
const denial =
  /\b(?:(?:there(?:'s| is) )?no (?:incident|issue|problem)s?|(?:it'?s |this is |this isn'?t |that'?s )?not (?:an? )?(?:incident|issue|problem)|nothing(?:'s| is)? (?:wrong|broken|going on)|nothing (?:system[- ]related|to do with (?:an? )?(?:incident|outage|issue|our systems?))|not related to (?:any|an) (?:issue|incident|outage|problem))(?= *(?:$|[.,;:!?)—–-]|\b(?:now|right now|at the moment|atm|currently|here|just|i|we|from)\b))|\bjust (?:brainstorming|thinking out loud)\b/
/**
 * The denial hedged ("not sure it's an incident", "maybe no issue"), or the contrast to what a
 * screen shows ("the outage map shows the south district red, there's no outage" reports the map).
 */
const hedged =
  /\b(?:not sure|unsure|don'?t know|no idea|maybe|might|if|whether|wonder(?:ing)?)\b[^.!?\n]{0,20}$|\b(?:shows?|showing|displays?|displaying|says|reads|lists)\b[^.!?\n]{0,80}$/

const noteNeedles = ["logging", "noting", "for the record", "nobody", "no one", "panic", "none of"]
// ("the Stripe status page showed a degraded notice yesterday, but none of our merchants reported
// anything": a provider's notice that touched no one.)
const note =
  /\bnone of (?:our|the|my) (?:[\w-]+ )?(?:customers|users|merchants|clients|stores|restaurants|sites|tenants|venues|clinics|schools) (?:reported|noticed|saw|complained about|were affected by) (?:anything|a thing|it|an?y? ?issues?)\b|\bjust (?:logging|noting|posting) (?:it|this)(?: here)?(?: for (?:the )?(?:shift|record|log|handover))?\b|\bfor the record\b|\bso (?:nobody|no one|noone|people|folks) (?:panics?|gets? paged|worr(?:y|ies)|freaks? out|is surprised|are surprised)\b|\bdon'?t panic if\b/

/**
 * "down bad on my SOL long 🥲 not a work thing", "volume down 12% this week but that's the market,
 * not us": the writer's word that the number or the mood is not the systems'.
 */
const notOursNeedles = ["work thing", "work-related", "work related", "not us", "not on us"]
const notOurs =
  /\bnot (?:a |an )?work(?: thing|[- ]related)\b|\b(?:that'?s|it'?s|that is|it is) (?:just )?(?:the market|the season|seasonality|the weekend|the holidays?),? not (?:on )?us\b/

/** A turn after it puts a problem back ("…, but customers can't pay"). */
const turn = /\b(?:but|however|though|although|except)\b/

const tokensBefore = (text: string, at: number): number => analyse(text.slice(0, at)).tokens.length

const find = (
  text: string,
  needles: ReadonlyArray<string>,
  pattern: RegExp,
  reason: string,
  supersedes: boolean,
): NoIssueSaid | null => {
  if (!needles.some((n) => text.includes(n))) return null
  const m = pattern.exec(text)
  if (m === null || hedged.test(text.slice(Math.max(0, m.index - 100), m.index))) return null
  if (turn.test(text.slice(m.index + m[0].length))) return null
  return {
    reason,
    start: tokensBefore(text, m.index),
    end: tokensBefore(text, m.index + m[0].length),
    supersedes,
  }
}

/** Where the writer says nothing is wrong or why the note is posted, or null. */
export const saidNoIssue = (message: Message): NoIssueSaid | null => {
  const text = message.text.slice(0, 2000)
  return (
    find(text, denialNeedles, denial, "the writer says nothing is wrong", true) ??
    find(text, noteNeedles, note, "a note for the record", false) ??
    find(text, notOursNeedles, notOurs, "the writer says it is not the systems'", true)
  )
}
