/**
 * Readings that are reports by their value alone, told however casually ("bit odd", "no panic",
 * "sorry to ping on a sunday", "attaching a screenshot"): a latency or error figure that jumped
 * several times over, a crew of zero for work about to start, an arrival promised "in 0 minutes",
 * a cold box warm enough to spoil what it carries, a login or a key used from a stranger's place,
 * a user thrown out every few seconds. The token rules see no problem word in them, so the
 * courtesy or the plan beside them used to win. Read on the lower-cased text; pure.
 */

import { reportAtEnd, tokenAt } from "./classify-foreign.js"
import type { Evidence } from "./classify-grammar.js"

/**
 * "p99 for dispatch-core goes from 200ms to 9s at 13:42", "error rate jumped from 0.5% to 12%":
 * a figure where lower is better, risen three times over or more. A fall ("p99 went from 900ms to
 * 250ms") is good news and matches with a ratio below one.
 */
const jumped =
  /\b(?:p\d{2,3}|latenc(?:y|ies)|response times?|error rates?|errors|5xx|4xx|timeouts?|cpu|memory|mem|load|queue(?: depth)?|lag|backlog|disk(?: usage)?|retries)\b[^.?!\n]{0,40}?\b(?:goes|went|going|gone|jumps?|jumped|jumping|climbs?|climbed|climbing|spikes?|spiked|spiking|rises?|rose|rising|shoots?|shot|moves?|moved) (?:up |straight )?from ~?(\d+(?:\.\d+)?) ?(ms|s|sec|secs|%)? to ~?(\d+(?:\.\d+)?) ?(ms|s|sec|secs|%)?/
const inMs = (n: string, unit: string | undefined): number =>
  Number(n) * (unit === "s" || unit === "sec" || unit === "secs" ? 1000 : 1)
const jumpedUp = (text: string): RegExpExecArray | null => {
  const m = jumped.exec(text)
  if (m === null) return null
  // ("from 200 to 9s": the unit said once, after the second figure, holds for both.)
  const unit = m[2] ?? (m[4] === "ms" ? "ms" : m[4])
  const before = inMs(m[1] ?? "0", unit)
  return before > 0 && inMs(m[3] ?? "0", m[4]) >= 3 * before ? m : null
}

/**
 * "the Sunday grocery wave has 0 riders assigned and starts in 30 min", "zero drivers available
 * for the airport run": nobody to do work that is due — a report. Zero of tickets or alerts is
 * no crew and matches nothing here.
 */
const noCrew =
  /\b(?:0|zero) (?:riders?|drivers?|couriers?|pickers?|packers?|agents?|staff|workers?|nurses?|technicians?|techs?|engineers?|crews?|pilots?|guards?|cashiers?|cleaners?|stewards?|volunteers?) (?:are |is )?(?:assigned|available|scheduled|rostered|on shift|booked|signed up|checked in|clocked in|online|allocated)\b/

/**
 * "the ETA emails say every delivery will arrive 'in 0 minutes'", "app shows ETA 0 min for every
 * order": an arrival promised at once, for everything — a computed value gone wrong.
 */
const etaZero =
  /\b(?:arriv\w*|eta|deliver\w*|ready|due|pick ?up)\b[^.?!\n]{0,20}?['"‘“]?\bin 0 (?:minutes?|mins?|seconds?|secs?|hours?|days?)\b|\beta:? ['"‘“]?0 ?(?:min|mins|minutes)\b/

/**
 * "the cold box on bike CG-112 reads 14°C and it's carrying insulin", "vaccine fridge at 11 °C":
 * a cold chain over 8 °C spoils what it carries.
 */
const warmColdChain =
  /\b(?:cold ?box(?:es)?|cool ?box(?:es)?|fridges?|coolers?|cold ?rooms?|reefers?|chillers?|cold ?chain)\b[^.?!\n]{0,40}?\b(?:reads?|reading|at|shows?|showing|is|hit|hits|says|measures?|up to|climbed to|rose to)\b ~?(\d+(?:[.,]\d+)?) ?° ?c\b/
const warmChain = (text: string): RegExpExecArray | null => {
  const m = warmColdChain.exec(text)
  return m !== null && Number((m[1] ?? "0").replace(",", ".")) > 8 ? m : null
}

/**
 * "our AWS access key was used from an IP in another country", "someone logged into the root
 * account from an unknown location": a credential used from a place that is not ours — a
 * security report, asked or told ("should I worry?" asks about it).
 */
const usedFromAfar =
  /\b(?:(?:logged|signed) ?in(?:to)?|access keys?|api keys?|keys?|credentials?|creds|passwords?|tokens?|accounts?|root user|iam users?|ssh keys?|logins?)\b[^.?!\n]{0,30}?\b(?:used|logged in(?:to)?|accessed|signed in(?:to)?|authenticated|account|console)\b[^.?!\n]{0,30}?\bfrom (?:an? |some )?(?:(?:unknown|unfamiliar|unrecognized|unrecognised|foreign|strange|suspicious|weird|random|odd) (?:ip|ips|ip address|location|device|country|region|address)\b|[^.?!\n]{0,30}\b(?:another|a different|a foreign) country\b|abroad\b)/

/** "the rider app logs me out every 30 seconds", "keeps kicking users out every minute". */
const thrownOut =
  /\b(?:logs?|logging|kicks?|kicking|signs?|signing|throws?|throwing|boots?|booting) (?:me|us|them|people|users|everyone|customers|riders|drivers|staff) out\b[^.?!\n]{0,20}?\bevery (?:\d+ ?)?(?:s|sec|secs|seconds?|min|mins|minutes?|few (?:seconds|minutes))\b/

/**
 * "the wiki has been 502ing for an hour", "checkout 503ing again": a server error made a verb.
 */
const codeAsVerb = /\b(?:5\d\d|40[0-9]|429)(?:ing|ed)\b/

/**
 * "scanners beep red for every parcel, nothing can be sorted", "no orders can be shipped": the
 * work itself impossible — a report ("sorted" there is no recovery).
 */
const nothingCanBe =
  /\b(?:nothing|no (?:parcels?|orders?|packages?|items?|bookings?|payments?|labels?|tickets?|deliveries|shipments?)) (?:can|could) (?:be )?(?:sorted|scanned|shipped|processed|printed|loaded|delivered|picked|packed|dispatched|booked|paid|charged|checked in|uploaded|sent|saved|submitted)\b/

/**
 * "die Ladeschränke melden alle 'Störung', kein Rad lädt", "seit 7 Uhr keine neuen Aufträge":
 * German for none of the things working, or nothing new since a time — a report.
 */
const germanNoneWorks =
  /\bkein(?:e|en)? (?:\p{L}+ )?(?:lädt|laedt|funktioniert|geht|läuft|laeuft|startet|druckt|scannt|lädt|kommt|bucht|verbindet)\b|\bseit \d{1,2}(?:[:.]\d\d)? ?uhr\b[^.?!\n]{0,40}?\bkeine (?:neuen? )?\p{L}+|\bkeine (?:neuen? )?\p{L}+ (?:mehr )?seit \d{1,2}(?:[:.]\d\d)? ?uhr\b/u

/**
 * "the merchant API has been rejecting bulk bookings with 'invalid zone' since Tuesday", "the
 * bank refuses our payment files since yesterday": a partner or a service turning our requests
 * away since a stated start — ongoing, even inside a counterfactual ("would've been more if …").
 */
const rejectingSince =
  /\b(?:rejecting|rejects|refusing|refuses|declining|declines|bouncing|bounces) [^.?!\n]{0,60}?\bsince (?:\d|yesterday|last|this|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)/

/** Evidence of a problem stated by a reading's value alone. */
export const oddReadings = (text: string): ReadonlyArray<Evidence> => {
  const found: Array<Evidence> = []
  const add = (m: RegExpExecArray | null, atEnd = false) => {
    if (m !== null)
      found.push(
        atEnd
          ? reportAtEnd(text, m)
          : { reason: `problem report: '${m[0].trim()}'`, at: tokenAt(text, m.index), strong: true },
      )
  }
  if (text.includes(" from ") && text.includes(" to ")) add(jumpedUp(text))
  if (/\b(?:0|zero) /.test(text)) {
    add(noCrew.exec(text))
    add(etaZero.exec(text))
  }
  if (text.includes("°")) add(warmChain(text))
  if (text.includes(" from ")) add(usedFromAfar.exec(text))
  if (text.includes(" out")) add(thrownOut.exec(text))
  if (/\d(?:ing|ed)\b/.test(text)) add(codeAsVerb.exec(text))
  // (at its end, so its own "sorted" is no recovery after it)
  if (text.includes(" be ")) add(nothingCanBe.exec(text), true)
  if (text.includes("kein")) add(germanNoneWorks.exec(text))
  if (text.includes(" since ")) add(rejectingSince.exec(text))
  return found
}
