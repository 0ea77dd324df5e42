/**
 * Problem reports with no problem word in them, which a note's or a plan's frame used to take:
 * - a wrong outcome told as a past fact with what it caused ("reminders went out TWICE to the
 *   same clients this morning, clinics are getting angry calls"): the "reminders" heading read as
 *   a note, and nothing else said "fault";
 * - a time word that names the object, with its fault in the present ("help, tomorrow's schedule
 *   at Boise shows every slot double-booked"): the "tomorrow" read as a plan announced for later.
 * Read on the text, as the readings are; pure.
 */

import { tokenAt } from "./classify-foreign.js"
import type { Evidence } from "./classify-grammar.js"

/** Done over again or to the wrong people: "went out twice", "got sent to the wrong list", "charged twice". */
const wrongDone =
  /\b(?:went out|went|got sent|got sent out|were sent|was sent|were sent out|was sent out|sent out|got charged|were charged|was charged|charged|got billed|were billed|was billed|billed|got emailed|were emailed|were texted|got texted|posted|got posted|were posted|got booked|were booked|fired|got delivered|were delivered|was delivered)(?: out)? (?:twice|two times|three times|\d{1,3} times|double|to the wrong\b|to (?:all|every) (?:the )?wrong\b)/
/** What it caused, after it: people calling, angry, complaining, confused, asking for refunds. */
const consequence =
  /\b(?:angry|furious|upset|confused|complain(?:ing|ts?|ed)?|calls|calling|phones? (?:ringing|blowing up)|refunds?|escalat(?:ing|ed|ions?)|tickets (?:piling|coming)|flooded)\b/

/**
 * "push went out twice to everyone 😬", "invoices were sent twice", "card got charged two times":
 * a plain past verb tells it happened, and doing it over again is the fault even with no consequence
 * said ("at 18:00" beside it names when). A bare "sent out"/"posted"/"fired" could be a plan.
 */
const pastFact = /^(?:went|got|were|was|charged|billed)\b/
/** A habit or a plan around it: "we send it twice a week", "goes out twice tomorrow (planned)". */
const habitOrPlan =
  /\b(?:twice|two times|\d{1,3} times) (?:a|per|each|every) (?:day|week|month|year|hour|night|shift|run)\b|\b(?:planned|as planned|scheduled|on purpose|intended|intentional|by design|expected|will|tomorrow|next (?:week|month|time)|every (?:day|week|month))\b/

/**
 * "help, tomorrow's schedule at Boise shows every slot double-booked", "next week's roster shows
 * nobody on nights": the time's possessive names the object; the fault in it is seen now. (A plan
 * has a verb of its own: "tomorrow's deploy will run at 9", "next week's roster is up on the wiki".)
 */
const timedObject =
  /\b(?:tomorrow|tonight|today|next week|next month|this week|this weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)'s (?:[\w-]+ ){0,4}?(?:shows?|showing|has|have|lists?|listing|is|are)(?: (?:every|all|each|the|its|of|our|now|just|only|all the|\d{1,4}))* (?:(?:slots?|appointments?|bookings?|shifts?|rows?|entries|items|names|staff) )?(?:double-booked|double booked|doubled|duplicated|empty|blank|missing|wiped|gone|nobody|no one|nothing|overlapping|all zeros?|zero)\b/

/** Why the object is empty, said after it: "…is empty because the clinic is closed", "…nobody on nights yet". */
const explained =
  /\b(?:yet|because|since we|closed|holiday|expected|intentional|on purpose|as planned|who wants|anyone want|volunteers?)\b/

export const wrongOutcomes = (text: string): ReadonlyArray<Evidence> => {
  const found: Array<Evidence> = []
  if (/twice|times|double|wrong/.test(text)) {
    const m = wrongDone.exec(text)
    if (m !== null && consequence.test(text.slice(m.index + m[0].length, m.index + m[0].length + 200)))
      found.push({ reason: `problem report: '${m[0].trim()}'`, at: tokenAt(text, m.index), strong: true })
    else if (m !== null && pastFact.test(m[0]) && !habitOrPlan.test(text))
      found.push({ reason: `problem report: '${m[0].trim()}'`, at: tokenAt(text, m.index), strong: true })
  }
  if (text.includes("'s ")) {
    const m = timedObject.exec(text)
    if (m !== null && !explained.test(text.slice(m.index + m[0].length, m.index + m[0].length + 120)))
      found.push({ reason: `problem report: '${m[0].trim()}'`, at: tokenAt(text, m.index), strong: true })
  }
  return found
}
