/**
 * Tier-1 alert evidence, in token order: named failure states, problem reports
 * (classify-reports.ts), bare incident vocabulary (weak), and links to dashboards and consoles.
 * Monitoring formats are recognised separately (classify-formats.ts) because they short-cut all of this.
 */

import {
  aboutNoSystem,
  at,
  chainBefore,
  deniedBySubject,
  type Evidence,
  HTTP_ERROR,
  isFailureState,
  isProblemWord,
  isStatusCodeNoun,
  isZeroAmount,
  negatedAt,
  type Tokens,
} from "./classify-grammar.js"
import {
  activeMarkers,
  closureWords,
  decreases,
  downIdioms,
  fineStates,
  incidentWords,
  metaWords,
  personalSubjects,
  severityWords,
} from "./classify-lexicon.js"
import { lowerIsBetter, problemReport } from "./classify-reports.js"
import { type Clause, type Message, urlToken } from "./classify-text.js"

/** Bare incident vocabulary: weak, unless negated, about a person, an idiom, or meta talk. */
const vocabulary = (tokens: Tokens, c: Clause, j: number, meta: boolean): Evidence | null => {
  const t = at(tokens, j)
  const severity = severityWords.has(t)
  if (!(severity || incidentWords.has(t) || HTTP_ERROR.test(t) || t === "error_rate")) return null
  // "do calls fail over?": the failover asked about, a mechanism, not a failure.
  if (t === "fail" && at(tokens, j + 1) === "over" && c.question) return null
  if (
    meta ||
    negatedAt(tokens, c.start, j) ||
    deniedBySubject(tokens, c.start, j) ||
    aboutNoSystem(tokens, c.start, j)
  )
    return null
  const chain = chainBefore(tokens, c.start, j)
  if (chain.subject >= c.start && personalSubjects.has(at(tokens, chain.subject))) return null
  // "mediaconvert spend is down 20%": a cost that fell.
  if (
    t === "down" &&
    (downIdioms.has(at(tokens, j - 1)) ||
      lowerIsBetter.has(at(tokens, j - 1)) ||
      (chain.subject >= c.start && lowerIsBetter.has(at(tokens, chain.subject))) ||
      at(tokens, j - 1) === "am")
  )
    return null
  // "p95 is down to 180ms": reduced to a number, not an outage.
  if (t === "down" && at(tokens, j + 1) === "to" && /^\d/.test(at(tokens, j + 2))) return null
  if (decreases.has(t) && isProblemWord(at(tokens, chain.subject))) return null
  const word = t.replaceAll("_", " ")
  return { reason: severity ? `severity word: ${word}` : `incident word: ${word}`, at: j, strong: false }
}

/** All tier-1 evidence in the message, in token order. */
export const alertEvidence = (message: Message): ReadonlyArray<Evidence> => {
  const { tokens } = message
  const found: Array<Evidence> = []
  for (const c of message.clauses) {
    let meta = false
    for (let j = c.start; j < c.end && !meta; j += 1) meta = metaWords.has(at(tokens, j))
    const window = tokens.slice(c.start, Math.min(c.end, c.start + 200))
    // "again" closing a question is "remind me" ("how do I silence an alert again?"), not a recurrence.
    const active =
      window.some(
        (t, k) => activeMarkers.has(t) && !(c.question && t === "again" && k === window.length - 1),
        // "latency graphs are flat again": a fine state again is no recurrence.
      ) && !window.some((t) => closureWords.has(t) || fineStates.has(t))
    for (let j = c.start; j < c.end; j += 1) {
      const t = at(tokens, j)
      const failure =
        (isFailureState(t) || isStatusCodeNoun(tokens, j)) &&
        !negatedAt(tokens, c.start, j) &&
        !deniedBySubject(tokens, c.start, j) &&
        !aboutNoSystem(tokens, c.start, j)
      if (failure) found.push({ reason: `failure state: ${t.replaceAll("_", " ")}`, at: j, strong: true })
      else if (isZeroAmount(tokens, j) && !negatedAt(tokens, c.start, j))
        found.push({
          reason: `problem report: a zero amount (${at(tokens, j - 1)} ${t})`,
          at: j,
          strong: true,
        })
      const report = problemReport(tokens, c, j)
      if (report !== null) found.push(report)
      const word = failure ? null : vocabulary(tokens, c, j, meta)
      if (word !== null) found.push(active ? { ...word, strong: true } : word)
    }
  }
  return found
}

const culprits = new Set(["who", "someone", "somebody"])
const culpritAsked = (tokens: Tokens, start: number, j: number): boolean =>
  j - 1 >= start && culprits.has(at(tokens, j - 1))

/**
 * Problem words said of no system ("my brain is OOMing", "I'm in a CrashLoopBackOff with this
 * spreadsheet", "the coffee machine is down"): the shape of a joke. Only ever a chatter sign
 * where nothing else in the message is evidence.
 */
export const problemsOfNoSystem = (message: Message): boolean => {
  const { tokens } = message
  return message.clauses.some((c) => {
    for (let j = c.start; j < c.end; j += 1) {
      const t = at(tokens, j)
      const problem =
        isFailureState(t) ||
        isProblemWord(t) ||
        incidentWords.has(t) ||
        // "who broke the microwave again"
        (t === "broke" && culpritAsked(tokens, c.start, j)) ||
        HTTP_ERROR.test(t) ||
        /^(?:9\d|100)%$/.test(t)
      if (problem && aboutNoSystem(tokens, c.start, j)) return true
    }
    return false
  })
}

/** Links to dashboards and consoles, positioned at their `_url_` token. */
const consoleHosts =
  /grafana|kibana|datadoghq|console\.aws|cloudwatch|pagerduty|opsgenie|sentry\.io|newrelic|splunk|honeycomb\.io|prometheus|alertmanager|uptimerobot|pingdom|betterstack|statuspage|\/d\/|\/dashboards?\b|\/alerting\b|\/monitors\b|\/incidents\b|\/explore\b/

const documentHosts =
  /^https?:\/\/(?:docs\.google\.com|drive\.google\.com|[\w-]+\.atlassian\.net\/wiki|notion\.so|www\.notion\.so)\//

export const dashboardLinks = (message: Message): ReadonlyArray<Evidence> => {
  const links: Array<Evidence> = []
  let n = 0
  message.tokens.forEach((t, i) => {
    if (t !== urlToken) return
    const url = message.urls[n] ?? ""
    n += 1
    // A document ("docs.google.com/document/d/…") is not a dashboard, whatever its path says.
    if (consoleHosts.test(url.slice(0, 2048)) && !documentHosts.test(url)) {
      const host = url.replace(/^https?:\/\//, "").split(/[/?#]/)[0] ?? url
      links.push({ reason: `dashboard link: ${host.slice(0, 80)}`, at: i, strong: true })
    }
  })
  return links
}
