/**
 * What a screen shows people that is not so, or a message it puts in front of them: "users see
 * 'try again later'", "the outage map shows the whole south district red, there's no outage",
 * "customer portal shows 'maintenance' page but we don't have maintenance scheduled??". Their
 * words read as something else — a farewell ("later"), a recovery ("no outage"), a question
 * about the team's plans — so the token rules let them go. Read on the lower-cased text; pure.
 */

import { reportAtEnd } from "./classify-foreign.js"
import type { Evidence } from "./classify-grammar.js"

/**
 * "users see 'try again later'", "learners keep getting “something went wrong”": an error
 * message quoted as what people get. A quote of anything else ("users see 'streak saved!'") is
 * no report.
 */
const quotedErrorSeen =
  /\b(?:users?|customers?|clients?|learners?|students?|players?|people|members?|subscribers?|everyone|everybody|visitors?|shoppers?|patients?|riders?|drivers?|guests?|they) (?:now |still |all |just |only )?(?:see|sees|seeing|get|gets|getting|got|keep getting|are (?:seeing|getting)|hit|hitting|receive|receiving|land on)\b (?:an? |the |this |that )?(?:[\w-]+ ){0,2}?['"‘“]([^'"’”\n]{2,80})['"’”]/
const errorWords =
  /\b(?:try again|later|error|went wrong|oops|unavailable|fail\w*|not found|denied|invalid|expired|time ?out|timed out|can'?t|cannot|couldn'?t|unable|sorry|down|maintenance|too many|limit\w*|blocked|forbidden|problem|issue|offline|no connection|\d{3})\b/

/**
 * "it shows the whole south district red, there's no outage", "portal shows 'maintenance' but
 * we don't have maintenance scheduled", "the board says every lift is closed but they're all
 * running": a bad state shown, then denied as a fact — the display is what is wrong. A state
 * denied as expected ("shows maintenance saturday, there's no outage expected") is a plan.
 * "all the london restaurants show closed tonight, they're not": the bare denial closing the
 * clause says the same ("shows red, it's not a network issue" goes on and is no denial).
 */
const falseStateShown =
  /\b(?:shows?|showing|displays?|displaying|says|saying|marks?|marking|marked|paints?|painted|flags?|flagging|flagged|lists?|listing|reports?|reporting)\b[^.?!\n]{0,100}?\b(?:red|down|outages?|offline|closed|failed|failing|errors?|critical|maintenance|broken|unavailable|degraded|out of service|cancell?ed|suspended)\b[^.?!\n]{0,60}?(?:\bthere(?:'s| is| are|’s) no\b(?! (?:[\w-]+ ){1,3}?(?:expected|yet)\b)|\bwe (?:don'?t|do not|didn'?t|did not|never) (?:have|had|schedule|scheduled|plan|planned)\b|\bnothing(?:'s| is)? (?:scheduled|planned|down|wrong|broken|closed|cancell?ed|offline|red)\b|\bbut (?:it'?s|they'?re|everything(?:'s| is)|all|it is|they are|they all|all of them are) (?:actually |all |really )?(?:fine|running|up|working|ok|okay|open|green|healthy|online|live)\b|\b(?:they(?:'re|’re| are)|it(?:'s|’s| is)) not\b(?= *(?:[.!?,;)]|$|lol\b|tho\b|though\b|at all\b))|\b(?:they aren'?t|it isn'?t)\b(?= *(?:[.!?,;)]|$)))(?: (?:an? |any )?[\w-]+)?/

/** States an object has in one system and not the other. */
const stateWord =
  "(?:complete|completed|done|closed|open|opened|pending|paid|unpaid|active|inactive|enabled|disabled|shipped|delivered|cancell?ed|approved|rejected|submitted|missing|present|online|offline|live|failed|succeeded|synced|unsynced|assigned|unassigned|posted|unposted|refunded|charged|booked|available|unavailable|in stock|out of stock|resolved|in progress)"
/**
 * "wo 55812 shows complete on tablet but open in Maximo", "paid in Stripe but unpaid in the
 * portal": one object, two systems, two states — the systems disagree, which is the report. Its
 * "complete" is the object's state there, no news of a finish.
 */
const statesDisagree = new RegExp(
  `\\b(?:shows?|showing|says|marked|is|are|as|listed as|still)? ?(${stateWord}) (?:on|in) (?:the )?[\\w.-]+(?: app| portal| side| system)?,? but (?:still |shows? |showing |says |is |are |as |marked |listed as )?(${stateWord}) (?:on|in) (?:the )?[\\w.-]+`,
)
/** Whether the text shows one object in two states in two systems (a "but" between them). */
export const statesDisagreeAt = (text: string): RegExpExecArray | null => {
  if (!text.includes(" but ")) return null
  const m = statesDisagree.exec(text.slice(0, 2000))
  return m !== null && m[1] !== m[2] ? m : null
}

/** Evidence of a problem shown on a screen, placed where the denial's object ends (after its "no outage"). */
export const shownStates = (text: string): ReadonlyArray<Evidence> => {
  const found: Array<Evidence> = []
  const add = (m: RegExpExecArray | null) => {
    if (m !== null) found.push(reportAtEnd(text, m))
  }
  if (/['"‘“]/.test(text)) {
    const m = quotedErrorSeen.exec(text)
    if (m !== null && errorWords.test(m[1] ?? "")) add(m)
  }
  add(statesDisagreeAt(text))
  if (/\b(?:no|don|do not|didn|did not|never|nothing|but|not|aren|isn)\b/.test(text))
    add(falseStateShown.exec(text))
  return found
}
