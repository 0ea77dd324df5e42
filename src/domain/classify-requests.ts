/**
 * Asks: "can you check…", "please look at…", "why is…", "any idea…". An ask next to a problem
 * makes a thank-you message an alert ("thanks — can you check why payments are failing?"), and
 * an ask alone is never confident chatter. Also the explicit "investigate" and "again" words.
 */

import type { Evidence } from "./classify-grammar.js"
import {
  accessVerbs,
  healthyStates,
  personalSubjects,
  requestOpeners,
  requestVerbs,
  words,
} from "./classify-lexicon.js"
import type { Message } from "./classify-text.js"

/** What opens an acknowledgement before the writer's own plan ("ok will check tmrw"). */
const acknowledgements = new Set([
  "ok",
  "okay",
  "sure",
  "yep",
  "yes",
  "yeah",
  "kk",
  "k",
  "np",
  "cool",
  "noted",
  "ack",
  "roger",
])

const questionAsks = words("what_is_going_on any_idea anyone_else root_cause rca why")
/** Asked for only in a question ("what's the rca?"): "RCA owner: Priya", "an RCA coming next week" ask nothing. */
const askedInQuestions = words("root_cause rca")
const imperatives = words("check look investigate debug triage take_a_look look_into diagnose troubleshoot")
const helpObjects = words("with debug debugging investigate me us here")

/** "would you mind glancing at the permit portal?", "could you peek at…": a look asked for, politely. */
const glances = words("glance glancing peek peeking checking looking investigating")

const everydayObjects = words("weather time date news score forecast traffic")
/**
 * What follows "could you check" when no system is to be looked at: "…check in on the team",
 * "…check your own uptime", "…check the weather".
 */
const offDuty = (tokens: ReadonlyArray<string>, k: number): boolean =>
  (tokens[k] === "in" && (tokens[k + 1] === "on" || tokens[k + 1] === "with")) ||
  (tokens[k] === "your" && tokens[k + 1] === "own") ||
  tokens[k] === "yourself" ||
  (tokens[k] === "the" && everydayObjects.has(tokens[k + 1] ?? "") && tokens[k + 2] === undefined)

const questionOpeners = words("is are does do did can could has have was were")
const statementSubjects = words("you we i they one")

/** "is kafka healthy?", "can users log in?": a question about the health of something (not the bot). */
const healthQuestion = (tokens: ReadonlyArray<string>, start: number, end: number): boolean => {
  const last = tokens[end - 1] ?? ""
  const subject = tokens.slice(start + 1, end - 1)
  return (
    questionOpeners.has(tokens[start] ?? "") &&
    (healthyStates.has(last) || accessVerbs.has(last)) &&
    subject.length > 0 &&
    subject.length <= 5 &&
    !subject.some((w) => personalSubjects.has(w))
  )
}

/** Positions of asks to look at something. */
export const requests = (message: Message): ReadonlyArray<Evidence> => {
  const { tokens } = message
  const found: Array<Evidence> = []
  const ask = (i: number, words: string) =>
    found.push({ reason: `request: '${words.replaceAll("_", " ")}'`, at: i, strong: false })
  for (const c of message.clauses) {
    if (c.question && healthQuestion(tokens, c.start, c.end))
      ask(c.start, `${tokens.slice(c.start, c.end).join(" ")}?`)
    for (let i = c.start; i < c.end; i += 1) {
      const t = tokens[i] ?? ""
      const next = tokens[i + 1] ?? ""
      // "why did you post in the wrong thread?" asks the bot about itself, not to look at a system.
      const whyYou = t === "why" && tokens[i + 2] === "you"
      if (
        questionAsks.has(t) &&
        !(t === "why" && next === "not") &&
        !whyYou &&
        (c.question || !askedInQuestions.has(t))
      )
        ask(i, t)
      // "check your shifts": the reader's own, not a system to look at.
      else if (i === c.start && imperatives.has(t) && next !== "your") ask(i, t)
      else if (t === "help" && helpObjects.has(next) && i + 2 < c.end) ask(i, `help ${next}`)
      else if (
        (t === "any" && (next === "update" || next === "updates")) ||
        // "will need help updating dashboards" asks for later, not for a look now.
        (t === "need" &&
          tokens[i - 1] !== "will" &&
          (next === "eyes" || next === "someone" || next === "somebody" || next === "help"))
      )
        ask(i, `${t} ${next}`)
      // "I'd like the bot to check the packager logs", "want someone to look".
      else if (
        (t === "like" || t === "want") &&
        tokens.slice(i + 1, i + 5).some((w, k) => w === "to" && requestVerbs.has(tokens[i + k + 2] ?? ""))
      )
        ask(i, `${t} ${next}`)
      // "TIL you can look up postings by key": a statement of what one can do, not an ask.
      // "will look into the cost report later": the writer's own plan, its subject dropped.
      // ("ok will check tmrw", "kk will look monday": an acknowledgement first, then the plan.)
      else if (
        t === "will" &&
        !c.question &&
        (i === c.start || (i === c.start + 1 && acknowledgements.has(tokens[c.start] ?? ""))) &&
        requestVerbs.has(next)
      )
        continue
      // "30cm overnight, can confirm from the parking lot": the writer's own word ("I can confirm").
      else if (t === "can" && next === "confirm" && !c.question && tokens[i - 1] !== "you") continue
      // ("would you mind checking": the "would" already asked.)
      else if (t === "mind" && requestOpeners.has(tokens[i - 2] ?? "")) continue
      else if (requestOpeners.has(t) && !(!c.question && statementSubjects.has(tokens[i - 1] ?? ""))) {
        for (let k = i + 1; k < Math.min(c.end, i + 4); k += 1) {
          const verb = tokens[k] ?? ""
          if (
            (requestVerbs.has(verb) || glances.has(verb)) &&
            !(verb === "help" && k + 1 >= c.end) &&
            !offDuty(tokens, k + 1)
          ) {
            ask(i, tokens.slice(i, k + 1).join(" "))
            break
          }
        }
      }
    }
  }
  return found
}

const notNow = words("not never no without nothing nichts nada")
const againObjects = words("it this that")
const named = words("the an your")
const conditions = words("when whenever if once before after do does how")
const choiceWords = words("what which whether when how")
const whWords = words("why how when what")
const howAux = words("would do should could will")

interface Ask {
  readonly again: boolean
}

/** Every non-negated "investigate" ("don't investigate", "no need to investigate" do not count). */
const investigateAsks = (message: Message): ReadonlyArray<Ask> => {
  const { tokens } = message
  return message.clauses.flatMap((c) => {
    const asks: Array<Ask> = []
    for (let i = c.start; i < c.end; i += 1) {
      const t = tokens[i]
      if (t !== "investigate" && t !== "reinvestigate") continue
      if (tokens.slice(Math.max(c.start, i - 3), i).some((b) => notNow.has(b))) continue
      // "the investigate reaction", "when you investigate": the word named, not asked for.
      if (named.has(tokens[i - 1] ?? "")) continue
      if (tokens[i - 1] === "you" && conditions.has(tokens[i - 2] ?? "")) continue
      // "how do you decide what to investigate?", "why did you investigate that alert?": the
      // bot's choice asked about, not a request.
      if (
        tokens[i - 1] === "to" &&
        tokens.slice(Math.max(c.start, i - 6), i - 1).some((w) => choiceWords.has(w))
      )
        continue
      if (tokens[i - 1] === "you" && tokens[i - 2] === "did" && whWords.has(tokens[i - 3] ?? "")) continue
      // "how would you investigate kafka lag in general?": how, not a request to.
      if (tokens[i - 1] === "you" && tokens[i - 3] === "how" && howAux.has(tokens[i - 2] ?? "")) continue
      const inClause = (k: number) => (k >= c.start && k < c.end ? tokens[k] : undefined)
      const next = inClause(i + 1)
      const again =
        t === "reinvestigate" ||
        inClause(i - 1) === "re" ||
        next === "again" ||
        (next !== undefined && againObjects.has(next) && inClause(i + 2) === "again")
      asks.push({ again })
    }
    return asks
  })
}

/** The operator asked for an investigation in words. */
export const asksToInvestigate = (message: Message): boolean => investigateAsks(message).length > 0

/** "investigate again", "investigate it again", "re-investigate", "reinvestigate". */
export const asksAgain = (message: Message): boolean => investigateAsks(message).some((a) => a.again)
