/**
 * A problem live now, told beside announced work: "maintenance on the db tonight at 10, and
 * checkout is already timing out", "planned failover at 2am; btw the api is already down". The
 * announcement covers only what it announces; a second part that puts a failure in the present
 * is a report. The second part is what stands after a clause break (",", ";", "—") or a joiner
 * ("and", "also", "btw", "meanwhile", "separately"), and is read only when it is not itself part
 * of the plan: no plan word, no forecast ("expect a short blip and some 502s during the switch",
 * "login may time out while it runs", "the api will be down 2–2:15"), no supposition ("if
 * checkout times out, ping me") and nothing past or resolved ("the 502s from earlier are
 * fixed"). Pure, on the canonical tokens of classify-text.ts; linear in the message's tokens.
 */
import {
  fineStates,
  incidentWords,
  metrics,
  problemPredicates,
  severityWords,
  words,
} from "./classify-lexicon.js"
import type { Message } from "./classify-text.js"

/** Words that join a separate matter to an announcement. */
const joiners = words("and also btw fyi meanwhile separately plus unrelated unrelatedly oh")
/** Joiners that, alone, set what follows apart from the plan ("also the api is down"). */
const apartJoiners = words("also btw fyi meanwhile separately unrelated unrelatedly")
/** Words that put a problem in the present, or running since a while. */
const liveCues = words("already now rn currently been since")
/** A part that foretells, schedules, scopes, supposes, or tells the past belongs to the plan. */
const notLive = words(`
  expect expecting expected may might will would could should going gonna planned scheduled
  during while until till when whenever if unless once after before later tomorrow
  was were earlier yesterday last fixed resolved recovered mitigated back muted silenced snoozed
  acked ignore suppressed paused disabled`)
/** Who cannot do something ("users can't log in", "customers cannot pay"). */
const people = words(`
  users user customers customer people clients client players shoppers riders members folks
  nobody guests drivers agents staff patients we i`)
const beVerbs = words("is are am")
/** "we're getting 500s", "customers are seeing errors", "checkout is throwing 502s". */
const seeVerbs = words("getting seeing throwing returning hitting serving")

/** A noun of trouble, a failure only as what a thing throws or shows ("throwing 502s"). */
const isTrouble = (t: string): boolean =>
  incidentWords.has(t) || severityWords.has(t) || metrics.has(t) || /^(?:[45]\d\ds?|[45]xx)$/.test(t)

/** Tokens [start, end) of one part: a live problem in the present, with nothing of the plan. */
const livePart = (tokens: ReadonlyArray<string>, start: number, end: number, joined: boolean): boolean => {
  let cue = false
  let problem = false
  let present = false
  let unable = false
  let figure = false
  for (let k = start; k < end; k++) {
    const t = tokens[k] ?? ""
    if (notLive.has(t) || fineStates.has(t)) return false
    if (liveCues.has(t)) cue = true
    if (/^\d/.test(t)) figure = true
    const before = tokens[k - 1] ?? ""
    // "the api is already down", "checkout has been throwing 502s" — not "latency is already
    // being watched" nor "the incident channel is created": a state of failure, or trouble
    // thrown or seen.
    if (problemPredicates.has(t) || (isTrouble(t) && seeVerbs.has(before))) {
      problem = true
      const be = seeVerbs.has(before) ? tokens[k - 2] : before
      if (beVerbs.has(be ?? "")) present = true
    }
    // "users can't log in", "customers cannot pay", "we are unable to log in".
    if (
      people.has(t) &&
      ((tokens[k + 1] === "can" && tokens[k + 2] === "not") ||
        tokens[k + 1] === "cannot" ||
        tokens[k + 2] === "unable")
    )
      unable = true
  }
  // ("users can't log in from 10 to 10:30" is the window's own effect, timed.)
  return (unable && (cue || !figure)) || (problem && (cue || (joined && present)))
}

export const liveProblemBeside = (
  message: Message,
  /** `conditionalTokens(message)`: a supposed problem is none. */
  supposed: ReadonlyArray<boolean>,
  /** Whether the token at k is a plan word ("maintenance window", "load test"). */
  isPlan: (k: number) => boolean,
): boolean => {
  const { tokens } = message
  const limit = Math.min(tokens.length, 400)
  for (const c of message.clauses) {
    if (c.start >= limit) break
    let start = c.start
    let joined = false
    const end = Math.min(c.end, limit)
    for (let k = c.start; k <= end; k++) {
      if (k < end && !joiners.has(tokens[k] ?? "")) continue
      if (k > start && !plans(start, k, isPlan, supposed) && livePart(tokens, start, k, joined)) return true
      if (k < end) {
        joined = apartJoiners.has(tokens[k] ?? "")
        start = k + 1
      }
    }
  }
  return false
}

/** A part holding a plan word or a supposed token belongs to the plan or to a supposition. */
const plans = (
  start: number,
  end: number,
  isPlan: (k: number) => boolean,
  supposed: ReadonlyArray<boolean>,
): boolean => {
  for (let k = start; k < end; k++) if (isPlan(k) || supposed[k] === true) return true
  return false
}
