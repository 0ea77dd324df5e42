/**
 * How people report problems, as structures: a subject with a problem predicate ("payments are
 * broken", "db slow"), a negated healthy state ("checkout not working", "nothing loads"), a lost
 * ability ("can't reach", "failed to pull"), a verb with an error object ("returning 502s"), an
 * error noun with a place ("timeouts talking to the orders DB"), a measurement ("cpu at 97%").
 */

import {
  aboutNoSystem,
  at,
  chainBefore,
  type Evidence,
  isErrorNoun,
  isFailureState,
  isProblemWord,
  isSubject,
  negatedAt,
  negators,
  nobodyWords as nobody,
  phrase,
  type Tokens,
} from "./classify-grammar.js"
import {
  accessVerbs,
  activeMarkers,
  adverbs,
  affectedPeople,
  affectedVerbs,
  closureWords,
  decreases,
  downIdioms,
  functionWords,
  healthyStates,
  linkingWords,
  metricPredicates,
  metrics,
  personalSubjects,
  problemPredicates,
  recurrences,
  reportVerbs,
  softPredicates,
  words,
} from "./classify-lexicon.js"
import { type Clause, urlToken } from "./classify-text.js"

const UNIT_NUMBER = /^\d+(?:[.,]\d+)?(?:%|ms|s|x|k|m|gb|mb|tb)$/
const PERCENT = /^(\d+)(?:[.,]\d+)?%$/

const objectOnly = words("wrong nothing stale blank alerts alarms warnings")
const isPlaceNoun = (t: string): boolean => isErrorNoun(t) && !objectOnly.has(t)
const placeWords = words(
  "on in of from at for with across everywhere when while talking calling connecting hitting to between since after during all",
)
const noneLevels = words("zero 0 0% none baseline normal")
const quantifiers = words(
  "high elevated increased huge massive big lots tons rising growing spiking abnormal unusual excessive crazy insane heavy extreme more",
)
const determiners = words("that this these those any some every each my our your their its what which")
/** "the 99th percentile latency", "p99 latency per route": a statistic of a metric, not where errors are. */
const statistics = words("percentile p50 p75 p90 p95 p99 p999 average avg median mean max min")
const throwing = words("throwing throws threw")
const bare500Before = words("another http status a an got getting returning returns with")
const bare500After = words("error errors internal response responses status")
/** Things whose absence is the problem ("no orders since 10am", "zero traffic"). */
const absences =
  words(`orders traffic logs data metrics response responses heartbeat heartbeats events messages
  requests signups payments transactions logins connections output throughput readings consumption`)
/** What should keep flowing: flat since a time, it has stopped ("meter readings flat since 2am"). */
const flows = new Set([
  ...absences,
  "reads",
  "usage",
  "sales",
  "bookings",
  "ingest",
  "uploads",
  "deliveries",
  "telemetry",
])
/** Lines that stop moving: "flatlined", or "flat since 2am", "flat at zero". */
const flatSince = (tokens: Tokens, c: Clause, j: number): boolean => {
  const t = at(tokens, j)
  if (t !== "flat" && t !== "flatlined" && t !== "flatlining") return false
  const next = at(tokens, j + 1)
  const stopped =
    t !== "flat" ||
    next === "since" ||
    ((next === "at" || next === "to") && noneLevels.has(at(tokens, j + 2)))
  if (!stopped || negatedAt(tokens, c.start, j)) return false
  const chain = chainBefore(tokens, c.start, j)
  return tokens.slice(Math.max(c.start, chain.subject - 4), chain.subject + 1).some((w) => flows.has(w))
}
const softSubjects = words("that this it which what everything")
const offFollowers = words("to for today tomorrow till until work now duty")
const bareNegatedOk = words(
  "working responding loading reachable accessible available showing updating syncing",
)
const inabilityFillers = words("seem to even really get be")
const failVerbs = words("failed failing fails fail")
const over = words("at over above hit hitting reached to")
const higherIsBetter = words("uptime availability success success_rate hit coverage sla slo apdex")
const rollouts = words("promoting promoted ramping ramped rolling rolled shifting shifted canary proceeding")
/** "rollout of the new rules is at 100% now": a share of a rollout, a few words after its name. */
const rolloutNouns = words("rollout rollouts canary ramp ramping rolling")
/** What customers file when something is wrong: counted, they are a report ("at least 200 tickets"). */
const complaintNouns = words("tickets complaints")
/** "closed 40 tickets this sprint", "2 customer tickets answered": tickets handled are work done. */
const handled = words(
  "closed answered resolved triaged handled cleared worked fixed moved migrated imported groomed processed done merged",
)
const ticketKinds = words("support customer cs helpdesk")
/** "in the backlog", "for next sprint": tickets queued as work, not complaints coming in. */
const queuedIn = words("backlog work_backlog sprint board jira roadmap")
/**
 * "support has 30+ tickets", "at least 200 tickets", "~20 complaints like this": a count of
 * complaints (three or more) is customers reporting a problem, whatever its words.
 */
const complaintCount = (tokens: Tokens, c: Clause, j: number): boolean => {
  if (!complaintNouns.has(at(tokens, j))) return false
  const n = ticketKinds.has(at(tokens, j - 1)) ? j - 2 : j - 1
  const count = at(tokens, n)
  if (n < c.start || (!(/^\d{1,6}$/.test(count) && Number(count) >= 3) && count !== "dozens")) return false
  return (
    !tokens.slice(Math.max(c.start, n - 2), n).some((t) => handled.has(t)) &&
    !tokens.slice(j + 1, Math.min(c.end, j + 4)).some((t) => handled.has(t) || queuedIn.has(t))
  )
}

/** "conversions are up 12%": a business metric that is good up. */
const goodUp = words(`
  conversions conversion signups revenue sales bookings ridership riders passengers subscribers
  subscriptions downloads installs registrations enrollments enrolments engagement retention nps csat`)
const increases = words(
  "up high higher elevated climbing rising growing increasing doubled tripled through_the_roof",
)
const emptiedWell = words("queue queues backlog backlogs dlq dlqs inbox")
/** "EC2 spend down 12%": a cost going down is good news. */
export const lowerIsBetter = words("spend spending cost costs bill bills price prices")

/** Is the thing that went up/down a measurement? A metric near the subject, or a unit number after ("by 60%"). */
const measured = (tokens: Tokens, c: Clause, subject: number, j: number): boolean => {
  for (let k = Math.max(c.start, subject - 5); k <= subject; k += 1) {
    const t = at(tokens, k)
    if (metrics.has(t) || isErrorNoun(t)) return true
  }
  for (let k = j + 1; k < Math.min(c.end, j + 4); k += 1) if (UNIT_NUMBER.test(at(tokens, k))) return true
  return false
}

/** Data destroyed: a report when a job, an import or a sync did it ("the import wiped the links"). */
const destroyed = words("wiped erased clobbered nuked overwrote")
const changes = words("pr prs mr commit commits patch diff refactor")
const writers = words("we us they")
/** Subject + (linking) + problem predicate, or + negated healthy state. */
const hangIdioms = words("out on tight around up in")
const predicateReport = (tokens: Tokens, c: Clause, j: number): Evidence | null => {
  const t = at(tokens, j)
  const chain = chainBefore(tokens, c.start, j)
  const hasSubject = isSubject(tokens, c.start, chain.subject)
  const subject = at(tokens, chain.subject)
  const from = hasSubject ? chain.subject : j
  // "nothing going on", "nothing happening": quiet, not a thing that stopped.
  const idle = (t === "going" && at(tokens, j + 1) === "on") || t === "happening"
  if (healthyStates.has(t) && nobody.has(subject) && chain.subject >= c.start && !idle)
    return { reason: `problem report: ${phrase(tokens, chain.subject, j)}`, at: j, strong: true }
  if (healthyStates.has(t) && chain.negated) {
    if (personalSubjects.has(subject) && chain.subject >= c.start) return null
    // "…uploading but not showing in the timeline"; not "not showing any errors".
    const next = at(tokens, j + 1)
    if (!hasSubject && (!bareNegatedOk.has(t) || isErrorNoun(next) || next === "any")) return null
    return { reason: `problem report: ${phrase(tokens, from, j)}`, at: j, strong: true }
  }
  if (decreases.has(t) && isProblemWord(subject)) return null
  // "nothing's broken", "nobody is down": a problem predicate denied by its subject.
  // ("41 shops, 182,304 listings updated, 0 failed": none of them failed.)
  if ((nobody.has(subject) || subject === "0" || subject === "zero") && chain.subject >= c.start) return null
  if (aboutNoSystem(tokens, c.start, j)) return null
  // "14% fewer dead scooters on the street": fewer of a problem is good news.
  if (subject === "fewer" && chain.subject >= c.start) return null
  // "we wiped the staging db to reseed it", "the PR nukes the old flags": data destroyed on purpose.
  if (destroyed.has(t) && (personalSubjects.has(subject) || writers.has(subject) || changes.has(subject)))
    return null
  const metricOnly = metricPredicates.has(t) && !problemPredicates.has(t)
  if (!(problemPredicates.has(t) || metricOnly) || chain.negated || !hasSubject) return null
  if (metricOnly && !measured(tokens, c, chain.subject, j)) return null
  if (metricOnly && goodUp.has(subject) && increases.has(t)) return null
  // "the team will hang out after the retro", "hang on", "hang tight": idioms, not a hang.
  if (t === "hang" && hangIdioms.has(at(tokens, j + 1))) return null
  // "queue is empty": a queue drained is the good news ("the cart is empty" is not).
  if (t === "empty" && emptiedWell.has(subject)) return null
  if (t === "down" && (downIdioms.has(subject) || lowerIsBetter.has(subject))) return null
  // "we're down to two people this week": reduced to a number, not an outage.
  if (
    t === "down" &&
    at(tokens, j + 1) === "to" &&
    /^(?:\d|one|two|three|four|five|a|half)/.test(at(tokens, j + 2))
  )
    return null
  if (softPredicates.has(t)) {
    const next = at(tokens, j + 1)
    if (next !== "with" && (!chain.linking || softSubjects.has(subject) || offFollowers.has(next)))
      return null
  }
  return { reason: `problem report: ${phrase(tokens, from, j)}`, at: j, strong: !chain.past }
}

/** "can't reach", "unable to connect", "failed to pull": an ability that is gone. */
const inabilityReport = (tokens: Tokens, c: Clause, j: number): Evidence | null => {
  const t = at(tokens, j)
  const next = at(tokens, j + 1)
  let verb = -1
  let anyVerb = false
  if ((t === "can" || t === "could") && next === "not") verb = j + 2
  else if ((t === "can" || t === "could") && nobody.has(at(tokens, j - 1))) verb = j + 1
  else if ((t === "unable" || t === "impossible") && next === "to") verb = j + 2
  else if (t === "able" && at(tokens, j - 1) === "not" && next === "to") verb = j + 2
  else if (failVerbs.has(t) && next === "to") {
    verb = j + 2
    anyVerb = true
  }
  // "wirefeed stopped ingesting AP copy": work that stopped — unless what stopped was a problem
  // ("the errors stopped happening").
  if ((t === "stopped" || t === "ceased") && /^[a-z]{3,}ing$/.test(next) && next !== "being") {
    const subject = at(tokens, chainBefore(tokens, c.start, j).subject)
    if (!isProblemWord(subject) && !isErrorNoun(subject))
      return { reason: `problem report: ${phrase(tokens, j, j + 1)}`, at: j + 1, strong: true }
  }
  if (verb < 0) return null
  // "sites can't randomize", "drivers can't check in": what a thing (not I or we) cannot do is
  // a report whatever the verb.
  if ((t === "can" || t === "could") && next === "not") {
    const chain = chainBefore(tokens, c.start, j)
    if (isSubject(tokens, c.start, chain.subject)) anyVerb = true
  }
  while (verb < c.end && inabilityFillers.has(at(tokens, verb)) && verb < j + 5) verb += 1
  if (verb >= c.end || !(anyVerb || accessVerbs.has(at(tokens, verb)))) return null
  return { reason: `problem report: ${phrase(tokens, j, verb)}`, at: verb, strong: true }
}

/** "returning 502s", "users seeing errors", "errors on checkout", "high CPU", "checkout errors". */
const nounReport = (tokens: Tokens, c: Clause, j: number): Evidence | null => {
  const t = at(tokens, j)
  const report = (from: number, to: number): Evidence => ({
    reason: `problem report: ${phrase(tokens, from, to)}`,
    at: to,
    strong: true,
  })
  if (reportVerbs.has(t) && !negatedAt(tokens, c.start, j)) {
    for (let k = j + 1; k < Math.min(c.end, j + 5); k += 1) {
      const o = at(tokens, k)
      // "has been at 0 errors since the rollback": a count of none reports nothing.
      if (["0", "zero", "no"].includes(at(tokens, k - 1))) break
      // "answers 401 for every token", "returning 503": a status code after a report verb.
      if (
        isErrorNoun(o) ||
        isFailureState(o) ||
        problemPredicates.has(o) ||
        /^(?:40[134]|429|5\d\d)$/.test(o)
      )
        return report(j, k)
      if (throwing.has(t) && !functionWords.has(o)) return report(j, k)
    }
  }
  if (absences.has(t) && (at(tokens, j - 1) === "no" || at(tokens, j - 1) === "zero")) return report(j - 1, j)
  if (complaintCount(tokens, c, j)) return report(j - 1, j)
  if (flatSince(tokens, c, j)) return report(j - 1, j)
  if (t === "500" && (bare500Before.has(at(tokens, j - 1)) || bare500After.has(at(tokens, j + 1))))
    return report(j - 1, j)
  if (recurrences.has(t) && (activeMarkers.has(at(tokens, j + 1)) || activeMarkers.has(at(tokens, j - 1))))
    return report(j - 1, j + 1)
  // "the errors are back": a problem returning.
  if (
    t === "back" &&
    at(tokens, j + 1) !== "to" &&
    linkingWords.has(at(tokens, j - 1)) &&
    isProblemWord(at(tokens, j - 2))
  )
    return report(j - 2, j)
  if (affectedPeople.has(t)) {
    let k = j + 1
    while (k < c.end && k < j + 4 && (linkingWords.has(at(tokens, k)) || adverbs.has(at(tokens, k)))) k += 1
    // "the customer report" is a document; "customers report …" a report.
    const verb = at(tokens, k)
    const document =
      (verb === "report" || verb === "complain") &&
      !/s$|^(?:people|everyone|everybody|folks|support)$/.test(t)
    if (k < c.end && affectedVerbs.has(verb) && !document) return report(j, k)
  }
  if (quantifiers.has(t) && !negatedAt(tokens, c.start, j)) {
    for (let k = j + 1; k < Math.min(c.end, j + 4); k += 1) {
      const o = at(tokens, k)
      if (metrics.has(o) || isPlaceNoun(o)) return report(j, k)
    }
  }
  if (isPlaceNoun(t) && !negatedAt(tokens, c.start, j)) {
    // "error rate at zero": a level that is the recovery.
    const none = at(tokens, j + 1) === "at" && noneLevels.has(at(tokens, j + 2))
    if (placeWords.has(at(tokens, j + 1)) && j + 2 <= c.end && !statistics.has(at(tokens, j - 1)) && !none)
      return report(j, j + 1)
    const before = at(tokens, j - 1)
    const compound =
      j - 1 >= c.start &&
      before !== urlToken &&
      !functionWords.has(before) &&
      !determiners.has(before) &&
      !statistics.has(before)
    if (compound && !personalSubjects.has(before) && !negators.has(before) && t !== "trouble")
      return report(j - 1, j)
  }
  if (metrics.has(t)) {
    for (let k = j + 1; k < Math.min(c.end, j + 5); k += 1) {
      // "EC2 spend down 12%": a cost that fell is good news; so are conversions that rose.
      if (lowerIsBetter.has(t) && (decreases.has(at(tokens, k)) || at(tokens, k) === "lower")) return null
      if (goodUp.has(t) && increases.has(at(tokens, k))) return null
      // "latency under 300ms again": within its bound ("availability under 99%" is not).
      if (
        (at(tokens, k) === "under" || at(tokens, k) === "below") &&
        !higherIsBetter.has(t) &&
        !goodUp.has(t) &&
        at(tokens, j - 1) !== "free"
      )
        return null
      // "p95 back to 300ms": a return to a level, not a reading of trouble.
      if (at(tokens, k) === "back" && (at(tokens, k + 1) === "to" || at(tokens, k + 1) === "at")) return null
      if (UNIT_NUMBER.test(at(tokens, k))) return report(j, k)
    }
  }
  const percent = PERCENT.exec(t)
  // "at 99.97% uptime": a share that is good high (uptime, availability, a hit rate) is no saturation.
  // ("our SLO for sync this month is at 99.93%": a few words further back too; read only for a
  // percentage, since this runs for every token.)
  const goodHigh =
    percent !== null &&
    tokens.slice(Math.max(c.start, j - 10), Math.min(c.end, j + 4)).some((w) => higherIsBetter.has(w))
  // "delivery back at 99%", "promoting to 100%": a recovery or a rollout share, not a saturation.
  const share =
    at(tokens, j - 2) === "back" ||
    rollouts.has(at(tokens, j - 2)) ||
    (percent !== null && tokens.slice(Math.max(c.start, j - 8), j).some((w) => rolloutNouns.has(w)))
  if (percent !== null && Number(percent[1]) >= 85 && over.has(at(tokens, j - 1)) && !goodHigh && !share)
    return report(j - 1, j)
  if (closureWords.has(t) && (at(tokens, j - 1) === "not" || at(tokens, j - 1) === "never"))
    return report(j - 1, j)
  return null
}

/** The problem report whose predicate (or object) is the token at `j`, if any. */
export const problemReport = (tokens: Tokens, c: Clause, j: number): Evidence | null =>
  aboutNoSystem(tokens, c.start, j)
    ? null
    : (predicateReport(tokens, c, j) ?? inabilityReport(tokens, c, j) ?? nounReport(tokens, c, j))
