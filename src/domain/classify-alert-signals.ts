/**
 * Tier-1 alert signals. Monitoring tools are recognised by their message formats; people by the
 * shape of what they say: a subject with a problem predicate ("payments are broken", "db slow"),
 * a negated healthy state ("checkout not working"), a failed ability ("can't reach"), a verb
 * with an error object ("returning 502s"), an error noun with a place ("timeouts talking to
 * the orders DB"). Vocabulary lives in classify-lexicon.ts; every rule looks at a bounded window.
 */
import * as L from "./classify-lexicon.js"
import type { Clause, Message } from "./classify-text.js"
import { urlToken } from "./classify-text.js"

/** A signal at a token position; `strong` survives thanks, `weak` (bare vocabulary) does not. */
export interface Evidence {
  readonly reason: string
  readonly at: number
  readonly strong: boolean
}

type Tokens = ReadonlyArray<string>

const at = (tokens: Tokens, i: number): string => tokens[i] ?? ""
const phrase = (tokens: Tokens, from: number, to: number): string =>
  `'${tokens.slice(Math.max(from, to - 7), to + 1).join(" ").replaceAll("_", " ")}'`

const HTTP_ERROR = /^(?:[45]\d\ds|50[234]|[45]xxs?)$/
const NAMED_ERROR = /^[a-z]{2,40}(?:error|exception)s?$/
const UNIT_NUMBER = /^\d+(?:[.,]\d+)?(?:%|ms|s|x|k|m|gb|mb|tb)$/
const PERCENT = /^(\d+)(?:[.,]\d+)?%$/

export const isErrorNoun = (t: string): boolean => L.errorNouns.has(t) || HTTP_ERROR.test(t)
const objectOnly = new Set(["wrong", "nothing", "stale", "blank", "alerts", "alarms", "warnings"])
const isPlaceNoun = (t: string): boolean => isErrorNoun(t) && !objectOnly.has(t)
const isFailureState = (t: string): boolean =>
  L.failureStates.has(t) || /^(?:5\d\ds|50[234])$/.test(t) || NAMED_ERROR.test(t)

const placeWords = new Set(
  "on in of from at for with across everywhere when while talking calling connecting hitting to between since after during all".split(
    " ",
  ),
)
const quantifiers = new Set(
  "high elevated increased huge massive big lots tons rising growing spiking abnormal unusual excessive crazy insane heavy extreme more".split(
    " ",
  ),
)
const determiners = new Set("that this these those any some every each my our your their its what which".split(" "))
const negators = new Set(["not", "no", "zero", "without", "never", "0", "no_longer"])

/** Is the token at `j` negated by one of the two tokens before it ("no errors", "not seeing errors")? */
export const negatedAt = (tokens: Tokens, start: number, j: number): boolean =>
  (j - 1 >= start && negators.has(at(tokens, j - 1))) || (j - 2 >= start && negators.has(at(tokens, j - 2)))

export interface Chain {
  /** index of the subject token (the first token before the linking chain), may be < clause start */
  readonly subject: number
  readonly linking: boolean
  readonly past: boolean
  readonly negated: boolean
}

/** Walk back from `j` over linking verbs, adverbs and negations ("is still not"). */
export const chainBefore = (tokens: Tokens, start: number, j: number): Chain => {
  let k = j - 1
  let linking = false
  let past = false
  let negated = false
  while (k >= start && j - k <= 6) {
    const t = at(tokens, k)
    if (L.linkingWords.has(t)) {
      linking = true
      past ||= L.pastLinking.has(t)
    } else if (L.negations.has(t) || t === "stopped" || t === "stop") negated = true
    else if (!L.adverbs.has(t)) break
    k -= 1
  }
  return { subject: k, linking, past, negated }
}

const isSubject = (tokens: Tokens, start: number, k: number): boolean => {
  const s = at(tokens, k)
  return k >= start && s !== urlToken && !L.functionWords.has(s) && !L.personalSubjects.has(s)
}

const softSubjects = new Set(["that", "this", "it", "which", "what", "everything"])
const offFollowers = new Set(["to", "for", "today", "tomorrow", "till", "until", "work", "now", "duty"])
const bareNegatedOk = new Set(["working", "responding", "loading", "reachable", "accessible", "available"])

/** Is the thing that went up/down a measurement? A metric near the subject, or a unit number after ("by 60%"). */
const measured = (tokens: Tokens, c: Clause, subject: number, j: number): boolean => {
  for (let k = Math.max(c.start, subject - 5); k <= subject; k += 1) {
    const t = at(tokens, k)
    if (L.metrics.has(t) || isErrorNoun(t)) return true
  }
  for (let k = j + 1; k < Math.min(c.end, j + 4); k += 1) if (UNIT_NUMBER.test(at(tokens, k))) return true
  return false
}

/** Subject + (linking) + problem predicate, or + negated healthy state. */
const predicateReport = (tokens: Tokens, c: Clause, j: number): Evidence | null => {
  const t = at(tokens, j)
  const chain = chainBefore(tokens, c.start, j)
  const hasSubject = isSubject(tokens, c.start, chain.subject)
  const subject = at(tokens, chain.subject)
  const from = hasSubject ? chain.subject : j
  if (L.healthyStates.has(t) && chain.negated) {
    if (L.personalSubjects.has(subject) && chain.subject >= c.start) return null
    if (!hasSubject && !bareNegatedOk.has(t)) return null
    return { reason: `problem report: ${phrase(tokens, from, j)}`, at: j, strong: true }
  }
  const metricOnly = L.metricPredicates.has(t) && !L.problemPredicates.has(t)
  if (!(L.problemPredicates.has(t) || metricOnly) || chain.negated || !hasSubject) return null
  if (metricOnly && !measured(tokens, c, chain.subject, j)) return null
  if (t === "down" && L.downIdioms.has(subject)) return null
  if (L.softPredicates.has(t)) {
    const next = at(tokens, j + 1)
    if (next !== "with" && (!chain.linking || softSubjects.has(subject) || offFollowers.has(next))) return null
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
  else if ((t === "can" || t === "could") && at(tokens, j - 1) === "nothing") verb = j + 1
  else if ((t === "unable" || t === "impossible") && next === "to") verb = j + 2
  else if (t === "able" && at(tokens, j - 1) === "not" && next === "to") verb = j + 2
  else if (["failed", "failing", "fails", "fail"].includes(t) && next === "to") {
    verb = j + 2
    anyVerb = true
  }
  if (verb < 0) return null
  while (verb < c.end && ["seem", "to", "even", "really", "get", "be"].includes(at(tokens, verb)) && verb < j + 5)
    verb += 1
  if (verb >= c.end || !(anyVerb || L.accessVerbs.has(at(tokens, verb)))) return null
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
  if (L.reportVerbs.has(t) && !negatedAt(tokens, c.start, j)) {
    for (let k = j + 1; k < Math.min(c.end, j + 5); k += 1) {
      const o = at(tokens, k)
      if (isErrorNoun(o) || isFailureState(o) || L.problemPredicates.has(o)) return report(j, k)
    }
  }
  if (L.affectedPeople.has(t)) {
    let k = j + 1
    while (k < c.end && k < j + 4 && (L.linkingWords.has(at(tokens, k)) || L.adverbs.has(at(tokens, k)))) k += 1
    if (k < c.end && L.affectedVerbs.has(at(tokens, k))) return report(j, k)
  }
  if (quantifiers.has(t)) {
    for (let k = j + 1; k < Math.min(c.end, j + 4); k += 1) {
      const o = at(tokens, k)
      if (L.metrics.has(o) || isPlaceNoun(o)) return report(j, k)
    }
  }
  if (isPlaceNoun(t) && !negatedAt(tokens, c.start, j)) {
    if (placeWords.has(at(tokens, j + 1)) && j + 2 <= c.end) return report(j, j + 1)
    const before = at(tokens, j - 1)
    const compound = j - 1 >= c.start && before !== urlToken && !L.functionWords.has(before) && !determiners.has(before)
    if (compound && !L.personalSubjects.has(before) && !negators.has(before) && t !== "trouble") return report(j - 1, j)
  }
  if (L.metrics.has(t)) {
    for (let k = j + 1; k < Math.min(c.end, j + 5); k += 1) if (UNIT_NUMBER.test(at(tokens, k))) return report(j, k)
  }
  const percent = PERCENT.exec(t)
  if (percent !== null && Number(percent[1]) >= 85 && ["at", "over", "above", "hit", "hitting", "reached", "to"].includes(at(tokens, j - 1)))
    return report(j - 1, j)
  if (L.closureWords.has(t) && (at(tokens, j - 1) === "not" || at(tokens, j - 1) === "never")) return report(j - 1, j)
  return null
}

/** Bare incident vocabulary: weak, unless negated, about a person, an idiom, or meta talk. */
const vocabulary = (tokens: Tokens, c: Clause, j: number, meta: boolean): Evidence | null => {
  const t = at(tokens, j)
  const severity = L.severityWords.has(t)
  if (!(severity || L.incidentWords.has(t) || HTTP_ERROR.test(t) || t === "error_rate")) return null
  if (meta || negatedAt(tokens, c.start, j)) return null
  const chain = chainBefore(tokens, c.start, j)
  if (chain.subject >= c.start && L.personalSubjects.has(at(tokens, chain.subject))) return null
  if (t === "down" && (L.downIdioms.has(at(tokens, j - 1)) || at(tokens, j - 1) === "am")) return null
  const word = t.replaceAll("_", " ")
  return { reason: severity ? `severity word: ${word}` : `incident word: ${word}`, at: j, strong: false }
}

/** All tier-1 evidence in the message, in token order. */
export const alertEvidence = (message: Message): ReadonlyArray<Evidence> => {
  const { tokens } = message
  const found: Array<Evidence> = []
  for (const c of message.clauses) {
    let meta = false
    for (let j = c.start; j < c.end && !meta; j += 1) meta = L.metaWords.has(at(tokens, j))
    const window = tokens.slice(c.start, Math.min(c.end, c.start + 200))
    const active = window.some((t) => L.activeMarkers.has(t)) && !window.some((t) => L.closureWords.has(t))
    for (let j = c.start; j < c.end; j += 1) {
      const t = at(tokens, j)
      const failure = isFailureState(t)
      if (failure) found.push({ reason: `failure state: ${t.replaceAll("_", " ")}`, at: j, strong: true })
      const report = predicateReport(tokens, c, j) ?? inabilityReport(tokens, c, j) ?? nounReport(tokens, c, j)
      if (report !== null) found.push(report)
      const word = failure ? null : vocabulary(tokens, c, j, meta)
      if (word !== null) found.push(active ? { ...word, strong: true } : word)
    }
  }
  return found
}

/** Links to dashboards and consoles, positioned at their `_url_` token. */
const consoleHosts =
  /grafana|kibana|datadoghq|console\.aws|cloudwatch|pagerduty|opsgenie|sentry\.io|newrelic|splunk|honeycomb\.io|prometheus|alertmanager|uptimerobot|pingdom|betterstack|statuspage|\/d\/|\/dashboards?\b|\/alerting\b|\/monitors\b|\/incidents\b|\/explore\b/

export const dashboardLinks = (message: Message): ReadonlyArray<Evidence> => {
  const links: Array<Evidence> = []
  let n = 0
  message.tokens.forEach((t, i) => {
    if (t !== urlToken) return
    const url = message.urls[n] ?? ""
    n += 1
    if (consoleHosts.test(url.slice(0, 2048))) {
      const host = url.replace(/^https?:\/\//, "").split(/[/?#]/)[0] ?? url
      links.push({ reason: `dashboard link: ${host.slice(0, 80)}`, at: i, strong: true })
    }
  })
  return links
}
