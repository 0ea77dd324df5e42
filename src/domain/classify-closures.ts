/**
 * When conversation mentions a problem: the problem is the *object* of thanks, praise or a fix
 * ("thanks for fixing the outage" — absorbed, not reported), or the news is that it is over
 * ("the outage is over", "errors are down to zero", "502s are gone", "incident closed").
 * Closures in questions ("fixed?") or subordinate clauses ("…after we fixed X") do not count.
 */
import { tokenAt } from "./classify-foreign.js"
import { chainBefore, type Evidence, isProblemWord, nobodyWords } from "./classify-grammar.js"
import {
  closureWords,
  decreases,
  functionWords,
  healthyStates,
  linkingWords,
  metricPredicates,
  metrics,
  personalSubjects,
  problemPredicates,
  recoveredStates,
  subordinators,
  words,
} from "./classify-lexicon.js"
import { fillers, tokenCategory } from "./classify-phrases.js"
import type { Clause, Message } from "./classify-text.js"

// (German "obwohl", "aber", "trotzdem": "zeigt 'Boarding abgeschlossen' obwohl wir noch nicht angefangen haben")
const stops = words("and now still again yet also so plus meanwhile then obwohl aber trotzdem jedoch")
// With the other languages' "for" (merci pour, gracias por, danke für, grazie per, bedankt voor).
const gratitudeObjects = words("for on to with about re regarding of pour por para per für voor för an")
const praiseWords = words(
  "nice great good awesome amazing excellent well solid helpful useful insightful thorough clear quick fast",
)
const directGratitude = words(
  "appreciate appreciated sorry apologies congrats congratulations kudos shoutout keep_an_eye",
)
const statusVerbs = words(
  "deployed shipped merged released reverted rolled_back restarted bumped upgraded scaled mitigated",
)
const doneWords = words(
  "done complete completed finished merged shipped live successful succeeded landed published deployed released passed",
)
const noneCounted = words("no zero none nary")
/** What a player or customer holds, whose "back to 0" is a loss. */
const progressWords = words(
  "pity progress streak streaks balance balances xp coins gems currency inventory level levels rank points pulls wallet credits reset wiped",
)
const normalLevels = words("normal baseline green healthy usual ok okay steady expected zero 0 nominal")
const rising = words("goes going go went only keeps keep kept trending creeping shot shooting")
// Beliefs the message goes on to deny, and what something else claims ("the job says it finished").
const doubts = words("thought think hoped assumed supposedly supposed says claims claimed reports apparently")
/** What follows "live" when it is a state ("live again", "live and tested", "live in prod"), not an adjective. */
const afterLive = words("again and in on for since with at as")
const onAir = words("stream streams twitch youtube air camera cam tv broadcast")
const liveBroadcast = (tokens: ReadonlyArray<string>, j: number): boolean => {
  const next = tokens[j + 1] ?? ""
  const after = tokens[j + 2] ?? ""
  if (next === "on") return onAir.has(after) || onAir.has(tokens[j + 3] ?? "")
  return (
    next === "in" &&
    (/^\d/.test(after) ||
      after === "a" ||
      after === "an" ||
      after === "few" ||
      after === "five" ||
      after === "ten")
  )
}
/** "nobody can complete picks": an ability denied, not work done. */
const modals = words("can could cannot")
const recoveredFollowers = words("again now fine normally properly ok")
const holdingFollowers = words("up steady well strong fine")
/** "all good otherwise": fine apart from the problem just reported. */
const exceptions = words("otherwise besides else apart")
const describing = words("which though although even")
const proposals = words("is would could might may as")
/** What a screen or a list shows a thing as ("the status page shows every lift as CLOSED"). */
const showVerbs = words(
  "shows show showing shown displays displayed displaying lists listed marks marked says",
)
const shownAs = (tokens: ReadonlyArray<string>, i: number): boolean =>
  tokens[i - 1] === "as" && tokens.slice(Math.max(0, i - 6), i - 1).some((w) => showVerbs.has(w))
/** An incident, ticket or alert closed, or de-escalated ("downgrade this to SEV3"). */
const closings = words("closed closing close archive archived downgrade downgraded downgrading")
/** Words before "back up" that make it a pile-up to come ("frames gonna back up soon"). */
const pilingUp = words("gonna to start starting starts begin beginning begins will could might may")
/** Words before "up again"/"back up" that make it a metric's rise ("heap creeping up again", "latency climbing back up"). */
const risingAgain = words(
  "creeping creeps crept creep climbing climbs climbed climb ticking ticks ticked going trending trends edging inching crawling drifting jumped jumping shooting shot spiking spiked risen rising rose",
)
/** States a thing is found in ("found it unlocked at a station"): what was seen, not the cause found. */
const foundStates = words(
  "unlocked locked broken down dead offline empty open stuck frozen missing crashed corrupted corrupt hung disabled deleted gone blank wrong unresponsive unplugged",
)
/**
 * A closure word at `j` that is no recovery. "back up" that is no service coming back: a value
 * risen again ("error rate back up to 8%"), a pile-up to come ("the queue is starting to back
 * up") or a metric's rise ("heap creeping up again", "queue depth ticking back up"). "found it" in
 * a state ("one found it unlocked at a station"): a report of what was seen, not the cause found.
 * The phrase reader (classify-chatter.ts) asks too, so neither is read as "resolved" there.
 */
export const closureIsNoRecovery = (tokens: ReadonlyArray<string>, j: number): boolean => {
  if (tokens[j] === "found_it") return foundStates.has(tokens[j + 1] ?? "")
  if (tokens[j] !== "back_up") return false
  const prev = tokens[j - 1] ?? ""
  return (
    (tokens[j + 1] === "to" && /^\d/.test(tokens[j + 2] ?? "")) || pilingUp.has(prev) || risingAgain.has(prev)
  )
}
const closable = words("incident issue ticket alert alarm page outage this it thread channel loop inc")
/** After a done word, when it worked before ("it passed last week"), not news that it works. */
const pastAnchors = words("last yesterday before earlier previously")
const weekdays = words("monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri")
/** "worked last week", "worked fine yesterday", "worked until today", "worked on Monday": how it was. */
const workedBefore = (tokens: ReadonlyArray<string>, j: number, end: number): boolean => {
  for (let k = j + 1; k < Math.min(end, j + 3); k += 1) {
    const w = tokens[k] ?? ""
    if (pastAnchors.has(w) || w === "until" || w === "till") return true
    if (w === "on" && weekdays.has(tokens[k + 1] ?? "")) return true
  }
  return false
}
/** Before a closure word, what was counted ("0 of 18,402 rows reconciled"), not what recovered. */
const countedItems = words(
  "rows records items messages entries events files accounts orders payments transactions jobs batches",
)
/** What opens an object: "drained my watch", "went over its limit" (over something, not over). */
const possessives = words("my our your his her their the a")
/** "over-billed", "over charged", "over provisioned": a hyphenated word's halves, not "it's over". */
const overCompounds = words(
  "billed billing charged charging booked booking sold selling loaded loading provisioned subscribed committed counted counting reported reporting allocated heated heating stretched whelmed",
)
/**
 * "erroring on every lesson complete", "fails at order complete", "crashes on sync done": a done
 * word after a preposition and a noun or two names an event (the hook a problem happens on), it
 * is no news that something finished.
 */
const eventPrepositions = words("on at upon after before per during until")
const eventDeterminers = words("every each any the a an our")
const eventDone = words("complete completed done finished success successful")
/** What a done word names when a noun follows it: "the lesson complete screen", "checkout completed events". */
const eventNouns = words(
  "event events screen screens page pages hook hooks webhook webhooks callback callbacks step handler handlers message messages notification notifications email emails modal dialog button flow trigger triggers state",
)
const namesAnEvent = (tokens: ReadonlyArray<string>, c: Clause, j: number): boolean => {
  if (!eventDone.has(tokens[j] ?? "")) return false
  if (j + 1 < c.end && eventNouns.has(tokens[j + 1] ?? "")) return true
  // Back over the event's noun or two (no verb, no function word) to the preposition.
  for (let k = j - 1, nouns = 0; k >= c.start && nouns <= 2; k -= 1) {
    const w = tokens[k] ?? ""
    if (eventPrepositions.has(w)) return nouns > 0
    if (eventDeterminers.has(w)) continue
    if (functionWords.has(w) || linkingWords.has(w) || !/^[a-z][a-z0-9_]*$/.test(w) || /(?:ed|ing)$/.test(w))
      return false
    nouns += 1
  }
  return false
}
/**
 * "corridor is running on fixed time", "back to a fixed plan", "sold at a fixed price": "fixed"
 * as an adjective before a noun names a kind of thing (a mode, a price, an address), after a
 * preposition or a determiner — no closure ("we fixed time sync" has a subject before it).
 */
const fixedKinds = words(
  "time times timing timings plan plans schedule schedules price prices pricing ip ips address addresses rate rates fee fees cost costs width height size length interval intervals cycle cycles window term terms mode cadence amount amounts budget income point layout position header headers column columns route routes quota delay delays timer timers phase phases",
)
const beforeFixedKind = new Set([
  ...eventPrepositions,
  ...possessives,
  ...words("an with for of by its uses use using to into onto in"),
])
const fixedAsAdjective = (tokens: ReadonlyArray<string>, c: Clause, j: number): boolean =>
  tokens[j] === "fixed" &&
  j + 1 < c.end &&
  fixedKinds.has(tokens[j + 1] ?? "") &&
  j > c.start &&
  beforeFixedKind.has(tokens[j - 1] ?? "")
/** "is working" is news; "has been running for 6 hours" is not. */
const activities = words("working running responding passing")
const runsHow = words("with on as from against under off late behind slow")
/** "we need the new prices live", "should be fine": a wish or an expectation, not news. */
const wishes = words(
  "need needs needed want wants wanted should must hope hoping until waiting expect expecting normally usually typically",
)
/**
 * Shipping words are news of a change, not of a recovery ("we shipped the big-PDF change a bit
 * ago" is a suspect, not a closure): they close a problem only when what shipped is a fix.
 */
const shipWords = words("deployed shipped merged released landed published")
const fixWords = words(
  "fix fixes hotfix patch patched rollback revert mitigation workaround cleanup restart redeploy failover bump",
)
const shipsAFix = (tokens: ReadonlyArray<string>, c: Clause, j: number, subject: string): boolean =>
  fixWords.has(subject) ||
  tokens.slice(j + 1, Math.min(c.end, j + 5)).some((w) => fixWords.has(w)) ||
  j + 1 >= c.end
/** Where a change went ("Deployed to eks-prod"), not a fix that went out. */
const destinations = words("to into on onto in at")
/**
 * A state (fine, green, live) says how something is, not that a problem ended: after a problem
 * statement it is news of recovery only with a word that says it changed ("fine now", "green
 * again") or a subject that covers everything ("all green"); "images are fine, it's the HTML"
 * and "rest is green" describe something else than the problem.
 */
const states = new Set([...recoveredStates, "live", "up", "working", "running"].filter((w) => w !== "back"))
const changeMarkers = words("now again finally anymore since")
/** What may follow "no errors" and leave it a whole phrase ("no errors since", "no alerts overnight"). */
const afterNone = new Set([
  ...functionWords,
  ...stops,
  ...changeMarkers,
  ...words(
    "anymore today tonight overnight yet reported seen found detected left remaining whatsoever either",
  ),
])
const noneKinds = words("open new active further other more")
/** "totally normal for a monday", "is normal for 2am": explained as usual. */
const usualFor = words("is was totally perfectly pretty quite completely just all")
const wholeSubjects = words("everything all things everyone we systems dashboards")

const isThanks = (tokens: ReadonlyArray<string>, i: number): boolean => {
  const t = tokens[i] ?? ""
  return (
    tokenCategory(t) === "thanks" || (t === "thank" && tokens[i + 1] === "you") || t.startsWith("appreciat")
  )
}

/** Where the object of thanks/praise/a fix starts, if token `i` opens one. */
const objectStart = (tokens: ReadonlyArray<string>, c: Clause, i: number): number | null => {
  const t = tokens[i] ?? ""
  let k = i + 1
  if (directGratitude.has(t) || t.startsWith("appreciat")) return k
  if (praiseWords.has(t)) {
    // "great job on …", "really helpful analysis of …": praise whose object follows within the clause
    for (; k < c.end && k < i + 4; k += 1) if (gratitudeObjects.has(tokens[k] ?? "")) return k
    return null
  }
  if (!isThanks(tokens, i)) return null
  while (k < c.end && k < i + 5 && (fillers.has(tokens[k] ?? "") || personalSubjects.has(tokens[k] ?? ""))) {
    if (gratitudeObjects.has(tokens[k] ?? "")) return k
    k += 1
  }
  return gratitudeObjects.has(tokens[k] ?? "") ? k : null
}

/** Index of the clause's first subordinator ("after", "since"…), or its end when there is none. */
const firstSubordinator = (tokens: ReadonlyArray<string>, c: Clause): number => {
  for (let k = c.start; k < c.end; k += 1) if (subordinators.has(tokens[k] ?? "")) return k
  return c.end
}

const goneSince = words("now after since")
const problemWord = (t: string): boolean => isProblemWord(t) || problemPredicates.has(t)

/** Whether a token from `start` up to `j` passes `test` (a loop: no slice per token). */
const anyBefore = (tokens: ReadonlyArray<string>, start: number, j: number, test: (t: string) => boolean) => {
  for (let k = start; k < j; k += 1) if (test(tokens[k] ?? "")) return true
  return false
}
const leads = words("just finally already")
/** A share of 85 % to 100 %: a disk or a pool nearly full ("back at 93%"). */
const nearlyFull = (t: string): boolean => /^(?:8[5-9]|9\d|100)(?:[.,]\d+)?%$/.test(t)
/** Readings that are good news at zero ("latency 0" and "ALARM: 0 of 8 checkers healthy" are not). */
const zeroIsGood = words("lag backlog errors error_rate failures dlq 5xx 4xx retries timeouts drops")
/** Negations of other languages, a word or three before what they deny ("keine … abgeschlossen"). */
const otherNegations = words(
  "kein keine keinen keiner nicht nichts nie niemals no não nao nenhum nenhuma nada pas rien aucun aucune jamais ningún ningun ninguna nunca nessun nessuna nessuno niente nulla non geen niet",
)
/** People who roll back on purpose: "we rolled back 3 services" is a fix. */
const doers = words("we i they he she you someone dani team oncall")
/**
 * "14% of devices rolled back", "3 of 40 hubs rolling back": a count before it and nobody who
 * did it — a fleet falling back on its own.
 */
const countedFleet = (tokens: ReadonlyArray<string>, c: Clause, j: number): boolean => {
  const from = Math.max(c.start, j - 4)
  return (
    anyBefore(tokens, from, j, (w) => /^\d[\d.,]*%?$/.test(w)) &&
    !anyBefore(tokens, from, j, (w) => doers.has(w))
  )
}
/** A change a tool makes and may fall back from. */
const changeOps = words(
  "upgrade upgrades install deployment deployments deploy rollout release helmrelease sync reconciliation kustomization",
)
const changeFailures = words(
  "failed fail fails failure failing timed_out timeout exceeded errored aborted unhealthy",
)
const toolRollback = (tokens: ReadonlyArray<string>, j: number): boolean => {
  const from = Math.max(0, j - 20)
  return (
    anyBefore(tokens, from, j, (w) => changeOps.has(w)) &&
    anyBefore(tokens, from, j, (w) => changeFailures.has(w)) &&
    !anyBefore(tokens, 0, j, (w) => doers.has(w))
  )
}
const becoming = words("went gone go goes going turned turns")
const wentInto = (tokens: ReadonlyArray<string>, j: number, t: string): boolean => {
  for (let k = Math.max(1, j - 30); k < j; k += 1)
    if (tokens[k] === t && becoming.has(tokens[k - 1] ?? "")) return true
  return false
}
const lastTime = (tokens: ReadonlyArray<string>, c: Clause, j: number): boolean => {
  for (let k = Math.max(c.start, j - 8); k + 1 < j; k += 1)
    if (tokens[k] === "last" && tokens[k + 1] === "time") return true
  return false
}
const runaways = words("wild amok away hot riot rampant")
/** Whether every token from `start` up to `j` is a lead word ("just restarted", "finally fixed"). */
const leadsOnly = (tokens: ReadonlyArray<string>, start: number, j: number): boolean => {
  for (let k = start; k < j; k += 1) if (!leads.has(tokens[k] ?? "")) return false
  return true
}

/** What is used up when "no more" of it is left: capacity, not a problem. */
const capacities = words(
  "slots slot space room capacity headroom quota seats licenses licences tokens credits",
)
const exhaustionFollowers = words("allowed available left remaining free possible permitted accepted")
const exhausted = (t: string, next: string): boolean => capacities.has(t) || exhaustionFollowers.has(next)

/** "something's up": the idiom's subjects, in full and in chat shorthand. */
const somethings = words("something sth smth smthg somethin summat")
/** Verbs whose complement is the done word: "mark deliveries done", "get payments completed". */
const complementVerbs = words("mark marking get getting have set setting make put flag tick")
/** An inability: "can't"/"won't" (read "can not", "will not"), "unable to", "fails to", "impossible to". */
const inabilities = words("not never cannot unable impossible fail fails failed failing")
/** Between the inability and the verb: "won't let me mark", "unable to even get", "fails to set". */
const inabilityBridges = words("let lets me us them him her you anyone users people to even be able")
/**
 * "they can't mark deliveries done", "unable to get payments completed", "the app won't let me mark
 * tasks complete": an inability governs the verb whose complement is the done word — nothing got
 * done. (An object between verb and done word: "couldn't have done it" is a perfect tense.)
 */
const doneDenied = (tokens: ReadonlyArray<string>, c: Clause, j: number): boolean => {
  for (let v = j - 2; v >= Math.max(c.start, j - 5); v -= 1) {
    if (!complementVerbs.has(tokens[v] ?? "")) continue
    let k = v - 1
    while (k >= Math.max(c.start, v - 5) && inabilityBridges.has(tokens[k] ?? "")) k -= 1
    return k >= c.start && inabilities.has(tokens[k] ?? "")
  }
  return false
}

const doubtVerbs = words("appear appears appeared seem seems seemed look looks looked")
const doubtBridges = words("to have be been")
/** "does not appear to have completed", "never seemed to finish": the doubt verb negated before it. */
const doubtedDone = (tokens: ReadonlyArray<string>, c: Clause, j: number): boolean => {
  let k = j - 1
  while (k >= c.start && j - k <= 3 && doubtBridges.has(tokens[k] ?? "")) k -= 1
  if (k === j - 1 || tokens[k + 1] !== "to" || !doubtVerbs.has(tokens[k] ?? "")) return false
  const before = tokens[k - 1] ?? ""
  return k - 1 >= c.start && (before === "not" || before === "never")
}

/** What "no <thing> <done word>" says nothing of: "no bike released", "no orders shipped". */
const noneDoneWords = words(
  "released delivered shipped dispensed unlocked unlocks issued sent received processed completed created refunded credited charged returned",
)
const noneDone = (tokens: ReadonlyArray<string>, c: Clause, j: number): boolean => {
  const t = tokens[j] ?? ""
  if (!noneDoneWords.has(t) && !recoveredStates.has(t)) return false
  const prev = tokens[j - 1] ?? ""
  if (j - 1 >= c.start && (prev === "nothing" || prev === "none")) return true
  return j - 2 >= c.start && tokens[j - 2] === "no" && /^[a-z]{2,}$/.test(prev) && !problemWord(prev)
}

/**
 * "cant close it remotely", "unable to close the door", "the app won't let me close the ticket":
 * an inability right before the closing verb — nothing got closed (round 16's `doneDenied` reads
 * a done word after its verb; a closing word is the verb itself).
 */
const closingDenied = (tokens: ReadonlyArray<string>, c: Clause, j: number): boolean => {
  let k = j - 1
  while (k >= Math.max(c.start, j - 5) && inabilityBridges.has(tokens[k] ?? "")) k -= 1
  return k >= c.start && inabilities.has(tokens[k] ?? "")
}

/** Is token `j` news that something is over or fine? Returns the phrase that says so. */
const closureAt = (tokens: ReadonlyArray<string>, c: Clause, j: number): string | null => {
  const t = tokens[j] ?? ""
  const prev = tokens[j - 1] ?? ""
  const next = tokens[j + 1] ?? ""
  // ("not coming back online": the denial a word or two before; "keine Portierung abgeschlossen",
  // "no se ha resuelto", "n'est pas résolu": none done, in another language, is no recovery.)
  const negated =
    j > c.start &&
    (prev === "not" ||
      prev === "never" ||
      tokens.slice(Math.max(c.start, j - 3), j - 1).includes("not") ||
      anyBefore(tokens, Math.max(c.start, j - 3), j, (w) => otherNegations.has(w)))
  // A few words back at most: this runs for every token, and a clause can be the whole text.
  if (tokens.slice(Math.max(c.start, j - 6), j).some((w) => wishes.has(w))) return null
  // "we can close the ticket": allowed to close is closed; "nobody can complete picks" is not done.
  // ("we can ignore it" is known and dismissed too.)
  // ("you can stand down": a dismissal, as "we can ignore it".)
  if (modals.has(prev) && !closings.has(t) && !((t === "ignore" || t === "stand_down") && prev !== "cannot"))
    return null
  // "getting errors on stuff that worked last week": how it was, not "that worked" (the fix did).
  if (t === "nevermind" && (pastAnchors.has(next) || next === "until")) return null
  // "the live event starts in 40 min": live as an adjective, not news that something is live.
  if (t === "live" && j + 1 < c.end && !recoveredFollowers.has(next) && !afterLive.has(next)) return null
  // "we're live in 10 min", "mid ranked match live on stream": a show going on air, soon or now, not
  // a system back ("the fix is live in prod", "live on all servers" are).
  if (t === "live" && liveBroadcast(tokens, j)) return null
  // "your app drained my watch battery": drained something, not a queue that emptied.
  if (t === "drained" && possessives.has(next)) return null
  // "error rate back up to 8%", "frames gonna back up soon", "heap creeping up again, 92%": risen
  // again, piling up, a metric rising — not a service back up; "found it unlocked": what was seen.
  if (closureIsNoRecovery(tokens, j)) return null
  // "0 of 18,402 rows reconciled": a count of items processed, not news that it is over.
  if (countedItems.has(prev) && tokens.slice(Math.max(c.start, j - 6), j).some((w) => /^\d/.test(w)))
    return null
  // "14% of devices rolled back to 7.4.1 after reboot loop", "3 stations auto-rolled back": a
  // share of a fleet falling back by itself is the failure's report, not someone's fix.
  if (t === "rolled_back" && (prev === "auto" || next === "automatically" || countedFleet(tokens, c, j)))
    return null
  // "HelmRelease upgrade timed out after 5m0s, rolled back", "deployment failed, rolling back to
  // task definition 17": a tool falling back from its own failed change is the failure's report,
  // not a fix ("the upgrade failed but we rolled back" is someone's).
  if (t === "rolled_back" && toolRollback(tokens, j)) return null
  // "something's running wild", "a job is running amok": out of control, not running again.
  if (t === "running" && runaways.has(next)) return null
  // "last time the controller went quiet it was the VPN — it's quiet again now": the state the
  // problem was told in, back; not a recovery.
  if (states.has(t) && wentInto(tokens, j, t)) return null
  // ("last time the controller went quiet it was the VPN": a past episode recalled, no news.)
  if (states.has(t) && lastTime(tokens, c, j)) return null
  // "erroring on every lesson complete": the event a problem happens on, not a finish.
  if (namesAnEvent(tokens, c, j)) return null
  // "corridor is running on fixed time": a kind of plan, not a fix.
  if (fixedAsAdjective(tokens, c, j)) return null
  // "a fix is being deployed", "it's being fixed": under way, not done.
  if (prev === "being") return null
  // "can't mark deliveries done", "unable to get the refund fixed": nothing got done.
  if ((doneWords.has(t) || closureWords.has(t)) && doneDenied(tokens, c, j)) return null
  // "does not appear to have completed", "didn't seem to finish": a done word doubted, no closure.
  if (doubtedDone(tokens, c, j)) return null
  // "took my money but no bike released", "nothing released", "no parcels delivered": none done
  // ("no errors fixed" is odd, and "no issue, resolved" has its comma; a problem word is left alone).
  if (noneDone(tokens, c, j)) return null
  if (closureWords.has(t) && !negated) return t === "no_longer" && healthyStates.has(next) ? null : t
  // "no outage polygons": the problem word names a kind of thing, not a problem that is gone.
  const compound =
    /^[a-z]{3,}$/.test(next) && !afterNone.has(next) && !/(?:ed|ly|ing)$/.test(next) && j + 1 < c.end
  if (
    problemWord(t) &&
    j > c.start &&
    ["no", "zero", "0", "without", "no_longer"].includes(prev) &&
    !compound
  )
    return `${prev} ${t}`
  // "no open incidents", "no new errors"
  if (problemWord(t) && noneKinds.has(prev) && tokens[j - 2] === "no" && !compound) return `no ${prev} ${t}`
  // "no more connections allowed", "no more slots", "no more space left": a limit reached, not a
  // problem gone ("no more errors" is).
  if (exhausted(t, next)) return null
  if (problemWord(t) && prev === "more" && tokens[j - 2] === "no") return `no more ${t}`
  // "no more webhook retries": what stopped may be named with a word or two before it.
  if (problemWord(t) || metrics.has(t)) {
    for (let k = Math.max(c.start, j - 4); k + 1 < j; k += 1)
      if (tokens[k] === "no" && tokens[k + 1] === "more")
        return `no more ${tokens.slice(k + 2, j + 1).join(" ")}`
  }
  // "the fix is holding up", "holding steady": a fix that keeps working.
  if (
    t === "holding" &&
    holdingFollowers.has(next) &&
    !(prev === "not" || chainBefore(tokens, c.start, j).negated)
  )
    return `holding ${next}`
  if (problemWord(t) && (prev === "seeing" || prev === "see") && tokens[j - 2] === "not")
    return `not seeing ${t}`
  const chain = chainBefore(tokens, c.start, j)
  const subject = tokens[chain.subject] ?? ""
  // "the exam is live now": an event going on; "the fix is live now" is the recovery.
  if (
    t === "live" &&
    next === "now" &&
    !fixWords.has(subject) &&
    !wholeSubjects.has(subject) &&
    subject !== "it"
  )
    return null
  // "the errors are back" is a recurrence, not a recovery; "a graph that only goes up" a rise.
  // "pity got reset, players at 89 pulls back to 0": a player's progress or balance lost, no
  // recovery ("errors back to 0" is one).
  if (
    t === "back" &&
    next === "to" &&
    (tokens[j + 2] === "0" || tokens[j + 2] === "zero") &&
    tokens.slice(Math.max(0, j - 8), j).some((w) => progressWords.has(w))
  )
    return null
  if (t === "back" && next === "to" && normalLevels.has(tokens[j + 2] ?? ""))
    return `back to ${tokens[j + 2] ?? ""}`
  if (t === "back" && (problemWord(subject) || anyBefore(tokens, c.start, j, problemWord))) return null
  // "it goes back to the login screen": a movement, not a return to normal.
  if (t === "back" && next === "to") return null
  // "the disk cleanup bought us a day, it's back at 93%": a fullness risen again, no recovery.
  if (t === "back" && next === "at" && nearlyFull(tokens[j + 2] ?? "")) return null
  if (t === "up" && rising.has(prev)) return null
  // "something's up w pricing svc", "sth up with billing", "what's up with the pricing api?": the
  // idiom for something wrong, not a service back up ("the site is up again" is).
  if (t === "up" && (somethings.has(subject) || (subject === "what" && (next === "with" || next === "w"))))
    return null
  // "erx is sending again": doing its work again ("is failing again" is the problem back).
  if (
    next === "again" &&
    /^[a-z]{3,}ing$/.test(t) &&
    (prev === "is" || prev === "are") &&
    !problemWord(t) &&
    !metricPredicates.has(t)
  )
    return `${t} again`
  // "the certs got renewed" (not "people who renewed today are locked out"): a certificate fixed.
  if (
    t === "renewed" &&
    !chain.negated &&
    tokens.slice(Math.max(c.start, j - 4), j).some((w) => /^(?:certs?|certificates?|tls|ssl)$/.test(w))
  )
    return "renewed"
  // "error rate at zero"
  if (
    (problemWord(t) || metrics.has(t)) &&
    next === "at" &&
    (tokens[j + 2] === "zero" || tokens[j + 2] === "0")
  )
    return `${t.replaceAll("_", " ")} at zero`
  // "consumer lag 0, closing": the reading itself, zero.
  if (zeroIsGood.has(t) && (next === "0" || next === "zero") && !/^\d/.test(tokens[j + 2] ?? ""))
    return `${t.replaceAll("_", " ")} 0`
  // "latency under 300ms again": back within its bound.
  if (
    t === "again" &&
    /^\d+(?:[.,]\d+)?(?:%|ms|s|m)?$/.test(prev) &&
    (tokens[j - 2] === "under" || tokens[j - 2] === "below")
  )
    return `${tokens[j - 2]} ${prev} again`
  // "latency graphs are flat again": flat after a spike is the recovery ("orders flat since 3am" is not).
  if (t === "flat" && (next === "again" || next === "now") && chain.linking) return `flat ${next}`
  // "the maintenance banner is up on the live client": shown, not back.
  if (t === "up" && (next === "on" || next === "in" || next === "at" || next === "for")) return null
  // "was fine this morning": how it was before the problem, not news that it is over.
  if (chain.past && recoveredStates.has(t) && !closureWords.has(t)) return null
  if (!chain.negated && (recoveredStates.has(t) || (t === "up" && !metrics.has(subject)))) {
    // "pipelines are running with an older version": how it runs, not that it came back.
    const activity = activities.has(t)
      ? (prev === "is" || prev === "are") && !runsHow.has(next) && !/^\d/.test(next)
      : chain.linking
    if (activity || recoveredFollowers.has(next)) return t
  }
  if (t === "gone" && chain.linking && problemWord(subject)) return `${subject} gone`
  // "lag on the seller dashboard is gone now", "the 502s from this morning are gone after the
  // rollback": the problem named before what it was on, then said gone since a time or a fix.
  if (t === "gone" && chain.linking && goneSince.has(next) && anyBefore(tokens, c.start, j, problemWord))
    return `${t} ${next}`
  // ("went over its grid limit": over something, not over.)
  // ("riders may be getting over-billed": the first half of a word, not over.)
  if (
    t === "over" &&
    chain.linking &&
    !/^\d/.test(next) &&
    !possessives.has(next) &&
    next !== "its" &&
    !overCompounds.has(next)
  )
    return `${subject} is over`
  // "incident over, downgrading to monitoring": the closing note's own shorthand.
  if (t === "over" && j - 1 >= c.start && closable.has(prev) && !/^\d/.test(next)) return `${prev} over`
  // "nothing is settling" says work stopped, not that a problem did.
  if (decreases.has(t) && problemWord(subject) && !nobodyWords.has(subject)) return `${subject} ${t}`
  // "that CPU alert was the nightly job, normal for 2am": explained as usual for the time.
  if (
    t === "normal" &&
    next === "for" &&
    (j === c.start || usualFor.has(prev)) &&
    !chain.negated &&
    prev !== "than"
  )
    return "normal for"
  // "resolves correctly everywhere now", "loads properly again": works as it should.
  if (
    (t === "correctly" || t === "properly") &&
    j > c.start &&
    !functionWords.has(prev) &&
    !tokens.slice(Math.max(c.start, j - 3), j).some((w) => w === "not" || w === "never") &&
    !chain.negated &&
    tokens.slice(j + 1, c.end).some((w) => changeMarkers.has(w) || w === "everywhere")
  )
    return `${prev} ${t}`
  // "the ALARM state was expected": known and explained, nothing to look at.
  if (
    t === "expected" &&
    !chain.negated &&
    (prev === "was" || prev === "is" || prev === "were" || prev === "are")
  )
    return `${prev} expected`
  // "that CPU alarm was the nightly backup, expected, we'll tune it"
  if (t === "expected" && j === c.start && j + 1 === c.end) return "expected"
  // "root cause was the expired sftp key, rotated it": explained after the fact.
  if (t === "root_cause" && (next === "was" || next === "turned") && j <= c.start + 1)
    return "root cause found"
  // "p95 back to 300ms": returned to a level.
  if (
    t === "back" &&
    next === "to" &&
    /^~?\d/.test(tokens[j + 2] ?? "") &&
    (metrics.has(subject) || /^p\d{2,3}$/.test(subject))
  )
    return `back to ${tokens[j + 2] ?? ""}`
  // "the cleanup worked", "the rollback worked": a fix that did its job.
  // ("upload fails with 413 — it worked last week / until today / on Monday": how it was before a
  // present failure, a regression's contrast, no news that it works.)
  if (
    t === "worked" &&
    !chain.negated &&
    !workedBefore(tokens, j, c.end) &&
    (fixWords.has(subject) || (subject === "it" && j - 1 === chain.subject))
  )
    return `${subject} worked`
  // "incident #4471 closed", "the incident channel for #4475 can be archived"
  const near = tokens.slice(Math.max(c.start, j - 6), j)
  // "closing OPS-1401", "closed INC-4471": a ticket by its id.
  // ("we close in 30 min" is a time, not a ticket.)
  // ("archive urls → 403 for all downloads": a plural thing and its HTTP error, no ticket id.)
  const ticket =
    /^[a-z]{2,10}$/.test(next) &&
    !functionWords.has(next) &&
    /^\d{2,}$/.test(tokens[j + 2] ?? "") &&
    !(/^[45]\d\d$/.test(tokens[j + 2] ?? "") && next.length >= 4 && next.endsWith("s"))
  if (
    closings.has(t) &&
    !closingDenied(tokens, c, j) &&
    (ticket || [next, tokens[j + 2] ?? "", subject, ...near].some((w) => closable.has(w)))
  )
    return `${t} ${next}`
  // "completed with status PartiallyFailed (14 errors)": finished, not fine.
  const doneWithProblems =
    next === "with" &&
    tokens.slice(j + 2, Math.min(c.end, j + 6)).some((w) => problemWord(w) || /fail|error/.test(w))
  if (
    doneWords.has(t) &&
    !chain.negated &&
    !(next === "to" || next === "into" || next === "onto") &&
    (!shipWords.has(t) || shipsAFix(tokens, c, j, subject)) &&
    !doneWithProblems &&
    // "14 failed + 2 successful": a count, not news that it is done.
    !/^\d{1,6}$/.test(prev) &&
    // "not a single successful login", "zero successful payments": none done is the news.
    !(noneCounted.has(prev) || (prev === "single" && tokens[j - 2] === "a" && tokens[j - 3] === "not")) &&
    // "last successful callback was 6h ago": when it last worked; "it passed last week": how it was.
    prev !== "last" &&
    !pastAnchors.has(next) &&
    (j === c.start || !functionWords.has(prev) || chain.linking)
  )
    return t
  if (
    statusVerbs.has(t) &&
    // (checked before the lead words: walking the clause for every token is quadratic)
    leadsOnly(tokens, c.start, j) &&
    !destinations.has(next) &&
    // "restarted 6 times in the last 20 min": a count of failures, not a fix.
    !/^\d/.test(next) &&
    (!shipWords.has(t) || shipsAFix(tokens, c, j, subject))
  )
    return t
  return null
}

const connectives = words("and now then so again since but plus after")
/**
 * Whether a closure at `closure` hangs off the report at `report` in the same clause, through a
 * preposition and no connective ("svc erroring on every lesson complete", "500s on checkout
 * done"): it says when the problem happens, about another subject, and supersedes nothing.
 * "payments erroring again — fixed now", "failing, and fixed now" and "erroring on mobile is fixed
 * now" are news after the report.
 */
export const attachedToReport = (message: Message, report: number, closure: number): boolean => {
  if (report < 0 || closure <= report || closure - report > 8) return false
  // "login failing on iOS fixed by the rollback": a fix done to the problem is news whatever the wording.
  if (closureWords.has(message.tokens[closure] ?? "")) return false
  const c = message.clauses.find((x) => x.start <= report && report < x.end)
  if (c === undefined || closure >= c.end) return false
  const between = message.tokens.slice(report + 1, closure)
  // ("checkout erroring on mobile is fixed now": a linking verb makes the closure the clause's news.)
  return (
    between.some((w) => eventPrepositions.has(w)) &&
    !between.some((w) => connectives.has(w) || linkingWords.has(w))
  )
}

/** A closure that ends a problem stated before it, not only a state (see `states`). */
const firm = (tokens: ReadonlyArray<string>, c: Clause, j: number): boolean => {
  if (!states.has(tokens[j] ?? "")) return true
  const near = tokens.slice(Math.max(c.start, j - 6), Math.min(c.end, j + 4))
  return near.some((w) => changeMarkers.has(w) || wholeSubjects.has(w))
}

/** What a relative clause's verb is built with: "that were released", "that have already been fixed". */
const relativeAuxiliaries = words("were was got get gets been have has had are is be already just all since")
/** Words before "that" that make it a pronoun or a conjunction, not a relative: "yeah that was fixed", "I think that got resolved". */
const notRelativeHeads = words(
  "yes yeah yep yup ok okay great nice cool good and so but think thought hope hoped guess know knew believe sure says said say confirm confirmed seems looks noticed see saw heard glad all like now",
)
/**
 * "~300 boxes still flagged on hold that were released", "orders that have been refunded": a
 * closure word in a relative clause after a noun states what those things are, another subject
 * than the problem — no closure of it ("that fixed it" alone is handled by the caller).
 */
const relativeAfterNoun = (tokens: ReadonlyArray<string>, c: Clause, i: number): boolean => {
  let k = i - 1
  while (k > i - 4 && k > c.start && relativeAuxiliaries.has(tokens[k] ?? "")) k -= 1
  if (k === i - 1 || tokens[k] !== "that" || k <= c.start) return false
  const head = tokens[k - 1] ?? ""
  return (
    /^[a-z][a-z0-9_-]*$/.test(head) &&
    !functionWords.has(head) &&
    !linkingWords.has(head) &&
    !notRelativeHeads.has(head)
  )
}

const sameness = words("thing result results behaviour behavior error errors issue problem screen story")
const effects = words("change difference effect luck improvement")
const helpVerbs = words("help helped work worked fix fixed change changed")
/**
 * "restarted it twice, same thing", "rebooted, no change", "redeployed, didn't help": an action
 * tried that the next words say did nothing — the problem is still live, no closure. Read in the
 * six tokens after the action (`i`), across clauses (the verdict is usually its own clause).
 */
const triedInVain = (tokens: ReadonlyArray<string>, i: number): boolean => {
  const end = Math.min(tokens.length, i + 7)
  for (let k = i + 1; k < end; k += 1) {
    const t = tokens[k] ?? ""
    const next = tokens[k + 1] ?? ""
    if (t === "same" && (sameness.has(next) || tokens[k - 1] === "the")) return true
    if ((t === "no" || t === "zero") && (effects.has(next) || (next === "avail" && tokens[k - 1] === "to")))
      return true
    if (t === "nothing" && (next === "changed" || next === "changes" || next === "happened")) return true
    if (t === "not" && helpVerbs.has(next) && (tokens[k - 1] === "did" || tokens[k - 1] === "does"))
      return true
  }
  return false
}

export interface ClosureSignals {
  /** Tokens inside the object of thanks, praise or a fix. */
  readonly absorbed: ReadonlyArray<boolean>
  /** Positions of thanks-family words. */
  readonly thanks: ReadonlyArray<number>
  readonly closures: ReadonlyArray<Evidence>
}

/** A quoted name in Title Case, of two words or more ("'Fixed Highland 12M'", "“Sorted Saver”"). */
const quotedName =
  /(?<![\p{L}\d])['"‘“]((?:[\p{Lu}\d][\p{L}\d-]*)(?: [\p{Lu}\d][\p{L}\d-]*){1,5})['"’”](?![\p{L}\d])/gu

const seemVerbs = words("looks look seems seem is are was")
/** "tutor side looks fine", "our side is ok": a state said of one side of something. */
const oneSideFine = (tokens: ReadonlyArray<string>, i: number): boolean =>
  (tokens[i - 1] === "side" || (seemVerbs.has(tokens[i - 1] ?? "") && tokens[i - 2] === "side")) &&
  // ("the tutor side", "on our side": one of the sides named before "side".)
  (tokens[i - 2] ?? "") !== "all" &&
  (tokens[i - 3] ?? "") !== "every"

/** The token positions inside a quoted name (none when the text quotes nothing). */
const quotedNames = (message: Message): ReadonlyArray<boolean> => {
  const marks: Array<boolean> = []
  const cased = message.cased.slice(0, 2000)
  if (!/['"‘“]\p{Lu}/u.test(cased)) return marks
  for (const m of cased.matchAll(quotedName)) {
    const end = tokenAt(cased, m.index + m[0].length)
    for (let k = tokenAt(cased, m.index); k < end; k += 1) marks[k] = true
  }
  return marks
}

export const closureSignals = (message: Message): ClosureSignals => {
  const { tokens } = message
  const absorbed = tokens.map(() => false)
  const thanks: Array<number> = []
  const closures: Array<Evidence> = []
  // An absorbed run ends at the same stop word whoever opened it, so meeting one means the rest is done.
  const named = quotedNames(message)
  const contrasted =
    message.text.includes("side") && /\b(?:but|though|while|however)\b/.test(message.text.slice(0, 2000))
  const absorb = (from: number, c: Clause) => {
    for (let k = from; k < c.end && !stops.has(tokens[k] ?? "") && absorbed[k] !== true; k += 1)
      absorbed[k] = true
  }
  for (const c of message.clauses) {
    const subordinate = firstSubordinator(tokens, c)
    // The clause's first doubt word, found once (not walked again for every closure in it).
    let doubt = c.start
    while (doubt < c.end && !doubts.has(tokens[doubt] ?? "")) doubt += 1
    for (let i = c.start; i < c.end; i += 1) {
      if (isThanks(tokens, i)) thanks.push(i)
      const object = objectStart(tokens, c, i)
      if (object !== null) absorb(object, c)
      if (c.question || i > subordinate) continue
      const closure = closureAt(tokens, c, i)
      if (closure === null || exceptions.has(tokens[i + 1] ?? "")) continue
      // "jobs shown as running that finished ages ago", "even though the jobs finished green": a
      // relative or conceding clause describes, it brings no news of recovery.
      // ("that was me" is the writer's own word, not a relative clause.)
      if (
        (tokens[i - 1] === "that" && tokens[i] !== "was_me") ||
        tokens.slice(Math.max(0, i - 3), i).some((w) => describing.has(w)) ||
        relativeAfterNoun(tokens, c, i)
      )
        continue
      // "smoke test failed … deploy to production had already completed": the background of the
      // failure, told in the past before it, no news of a recovery.
      if (tokens[i - 1] === "already" && tokens[i - 2] === "had") continue
      // "rolling back is an option": a remedy proposed, not done.
      if (proposals.has(tokens[i + 1] ?? "")) continue
      // "the lift page shows every lift as CLOSED and they're all running": a screen's state, no news.
      if (shownAs(tokens, i)) continue
      // "thought it recovered", "hoped it was fixed": a belief the message goes on to deny
      // ("I think we can close this" proposes the closing, and denies nothing).
      const proposedClosing = closings.has(tokens[i] ?? "") && modals.has(tokens[i - 1] ?? "")
      if (!proposedClosing && doubt < i) continue
      if (statusVerbs.has(tokens[i] ?? "") && triedInVain(tokens, i)) continue
      // "from 'Fixed Highland 12M' to 'Flex'": a product's name, quoted, is no recovery.
      if (named[i] === true) continue
      // "the lesson room loads but there's no tutor video, tutor side looks fine": one side fine
      // beside a report about another is where the fault is not, no closure.
      if (oneSideFine(tokens, i) && contrasted) continue
      closures.push({
        reason: `chatter: resolved ('${closure.replaceAll("_", " ")}')`,
        at: i,
        strong: firm(tokens, c, i),
      })
      absorb(i + 1, c)
    }
  }
  return { absorbed, thanks, closures }
}
