/**
 * Failures said quietly, in words the token rules read as something else: a queue "sat at 12k
 * for an hour and not budging" (no failure word at all), a heartbeat that "has not reported in 35
 * minutes", a canary switch that "did not complete in 20 min", a player's progress "back to 0"
 * (a recovery's words), a reading "(expected public VIP)" beside it (a forecast's word), "the
 * wifi is weer af" (Afrikaans, off again), a customer's absurd bill relayed as "might be worth a
 * look". Each is a report. Read on the lower-cased text; every pattern is behind a cheap guard.
 * Pure.
 */

import { reportAtEnd } from "./classify-foreign.js"
import type { Evidence } from "./classify-grammar.js"

/**
 * "sat at 12k for an hour and not budging", "the backlog isn't draining", "hasn't budged since
 * 9": a count that should move stuck. ("the boss isn't budging on the deadline" names no count.)
 */
const stuckCount =
  /\b(?:(?:sat|sitting|sits|stuck|parked|frozen|stalled|hovering|holding|flat) at [~£$€]?\d[\d.,]*[km%]?\b[^.!?\n]{0,40}?|(?:queue|queues|backlog|lag|depth|count|counter|progress|import|export|sync|migration|upload|switch(?:es)?|batch|transfers?|orders|messages|jobs|tickets|reads|meter reads)\b[^.!?\n]{0,60}?)(?:not|n['’]t|never) (?:budging|budged|budge|draining|drained|drain|clearing|cleared|going down|coming down|shifting|shifted)\b/
/** "the meter API is having a wee lie down": a system's nap, the understatement for down. */
const systemNaps =
  /\b([\w-]+) (?:is |are |'s |’s )?having (?:a |an )?(?:wee |little |bit of a |quick |bit of |proper )?(?:lie ?-?down|nap|snooze|kip|wobble|funny turn|sulk|tantrum|wee rest)\b/
const personal = new Set(["i", "m", "im", "we", "re", "he", "she", "they", "you", "me", "mum", "dad", "kid"])

/** "heartbeat missed", "has not reported in 35 minutes", "no check-in for 2h": a silence overdue. */
const silenceOverdue =
  /\b(?:heartbeats?|check-?ins?|dead ?man'?s? (?:switch|snitch)) (?:was |were |has been |have been )?(?:missed|missing|overdue|not received)\b|\bmissed (?:its |their |the |a |an |\d+ )?(?:heartbeats?|check-?ins?)\b|\bno (?:heartbeats?|check-?ins?) (?:received )?(?:in|for|since)\b|\bha(?:s|ve)(?:n['’]t| not) (?:reported|checked in|pinged|phoned home|been seen|sent (?:a |any )?(?:heartbeat|data|metrics))(?: in| for)(?: the last| over)? (?:\d+|an?) ?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|days?)\b/

/** "switch … did not complete in 20 min": a run that did not finish in its time. */
const notCompletedInTime =
  /\b(?:did not|didn['’]t|has not|hasn['’]t|never) (?:complete|completed|finish|finished|succeed|succeeded)(?: in| within| after) (?:\d+|an?) ?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?)\b/

/**
 * "pity got reset — players at 89 pulls back to 0", "everyone's streaks were wiped": a player's
 * or customer's progress or balance lost. A reset on a schedule ("daily rewards reset at
 * midnight", "season reset as planned") is the game's design.
 */
const progressLost =
  /\b(?:pity|progress|streaks?|balances?|xp|coins|gems|diamonds|currency|inventor(?:y|ies)|levels?|ranks?|points|saves?|wallets?|credits?|pulls|loyalty|stars|top-?ups?)\b[^.!?\n]{0,40}?(?:\b(?:got|get|gets|getting|was|were|been|being) (?:all )?(?:reset|wiped|zeroed|erased)\b|\b(?:back|reset|down) to (?:0|zero)\b)/
const resetByDesign =
  /\b(?:scheduled|planned|as (?:planned|designed|intended|expected)|by design|every|weekly|daily|monthly|midnight|season reset|will|tomorrow|tonight|supposed to)\b/

/** "the wifi in the Ingenieurswese building is weer af", "the internet's off again": down again. */
const networkOff =
  /\b(?:wifi|wi-fi|internet|netwerk|network|krag|stroom|power|eduroam)\b[^.!?\n]{0,60}?\b(?:(?:is|was|gaan|gaat|gone) (?:weer |alweer |nou )?af\b|(?:is|went|gone|goes|'s) (?:off|out) again\b)/

/**
 * "[dns-check] portal resolves to 10.20.4.11 … (expected public VIP)": a measured value beside
 * the one expected — a mismatch ("(expected ~400)" beside a count is read in classify-frames.ts).
 * ("maintenance at 22:00 (expected downtime 5m)" forecasts the window's effect.)
 */
const valueNotExpected =
  /\b(?:resolves?|resolved|resolving|returns?|returned|returning|points?|pointing|reads?|shows?|showing|reports?|reporting|got|gets|is|are|was|were)\b[^!?\n()]{1,100}\(expected:? (?!~?\d+ ?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?)\b)(?![^)\n]{0,40}\b(?:downtime|blip|impact|outage|delay|interruption|duration|eta|completion)\b)[^)\n]{1,40}\)/

/**
 * "a customer in Paisley says her bill is £14,000 … might be worth a look": a customer's report
 * relayed, with a look asked for.
 */
const customerRelayed =
  /\b(?:customers?|clients?|users?|players?|members?|students?|someone|account holders?|subscribers?|patients?|shoppers?|parents?)\b[^.!?\n]{0,60}?\b(?:says?|said|saying|reports?|reported|claims?|claimed|rang|called|emailed|tweeted|posted|complain\w*)\b[^\n]{0,200}?\b(?:might|may|could|probably|would) be worth (?:a (?:quick )?(?:look|check|peek|glance)|looking|checking)/

/**
 * "urinalysis results coming thru with NHS no blank", "patient IDs are coming through empty": an
 * identifier or field arriving blank is a data fault ("no blank" reads as a recovery's "no").
 */
const blankField =
  /\b(?:(?:coming|come|comes|came|arriving|arrives?|showing|shows?|landing|lands?|printing|prints?|going out|goes out)(?: (?:thru|through|in|up|across|as))? (?:with (?:an? |the |their )?(?:[\w-]+ ){0,3}?|as )?|(?:id|ids|number|numbers|no|nr|field|fields|column|mrn|sku|barcode|identifier|reference|ref) (?:is |are |was |were |comes? |came |shows? |showing |coming )?(?:through |thru |in |up |as )?(?:all |completely |always )?)(?:blank|empty|null|missing|undefined)\b/
/**
 * "the stream has shown the same frame of a spruce for four minutes", "stuck on one frame",
 * "sport1 is black on the web player": a picture frozen or gone black is a broadcast's outage.
 */
const frozenPicture =
  /\b(?:(?:same|one|single|a single|frozen|still) (?:frame|image|picture|shot)\b[^.!?\n]{0,40}?\b(?:for|since) |(?:stuck|frozen|froze|freezing|hanging|hung) on (?:the |a |one |a single |that )?(?:(?:same|single|one|last|black|blank|still) )?(?:frame|image|picture|slate)\b|(?:is|are|went|goes|gone|turned|'s|’s) (?:all |completely |totally |just |fully )?(?:black|frozen) (?:on|in) (?:the |our )?(?:[\w-]+ ){0,2}?(?:player|players|stream|app|apps|web|site|tv|air|screen|output|feed|channel|mux|encoder)\b)/
/**
 * "shipping fee shows 0đ for all Hà Nội orders, pretty sure that's wrong": a price, fee or total
 * shown as zero, in any currency, and said to be wrong (a promotion's "0 for all orders" is not).
 */
const zeroPriceWrong =
  /\b(?:fees?|prices?|totals?|costs?|amounts?|subtotals?|shipping|delivery|tax|vat|fares?|charges?)\b[^.!?\n]{0,20}?\b(?:shows?|showing|is|are|displays?|displaying|says|reads|comes? (?:out|up) (?:as|at)|at)(?: as| only)? (?:[$€£¥₫₺₹₽฿]|rp ?|rm ?|zł ?|kr ?)?0(?:[.,]00?)?(?: ?(?:[$€£¥₫₺₹₽฿đ]|vnd|thb|idr|rp|usd|eur|zł|kr|sek|pln|try)\b)?(?![\d.,]\d)[^\n]{0,80}?\b(?:wrong|shouldn['’]?t|should be|not right|bug|broken|incorrect)\b/
/**
 * "we're seeing double-credited deposits on LTC, 4 so far": a fault counted as it happens, a
 * report whatever is asked after it ("great signups, 400 so far" names no fault).
 */
const faultCounted =
  /\b(?:we(?:'re| are|’re)|i(?:'m| am|’m)) (?:now |still |also )?(?:seeing|getting|finding|noticing)\b[^.!?\n]{0,60}?\b(?:double|duplicate|duplicated|dupe|missing|stuck|failed|failing|wrong|negative|corrupt|lost|bounced|rejected|declined|mismatched|phantom|orphaned)\b[^.!?\n]{0,60}?\b\d+ so far\b/

/** Evidence of a failure said quietly, at the end of what says it. */
export const quietFailures = (text: string): ReadonlyArray<Evidence> => {
  const found: Array<Evidence> = []
  const add = (m: RegExpExecArray | null) => {
    if (m !== null) found.push(reportAtEnd(text, m))
  }
  if (/budg|drain|clear|going down|coming down|shift/.test(text)) add(stuckCount.exec(text))
  if (text.includes("having")) {
    const m = systemNaps.exec(text)
    if (m !== null && !personal.has(m[1] ?? "")) add(m)
  }
  if (/heartbeat|check-?in|dead ?man|report|pinged|phoned|been seen|sent/.test(text))
    add(silenceOverdue.exec(text))
  if (/complete|finish|succeed/.test(text)) add(notCompletedInTime.exec(text))
  if (/reset|wiped|zeroed|erased|to (?:0|zero)\b/.test(text) && !resetByDesign.test(text))
    add(progressLost.exec(text))
  if (/ af\b|again/.test(text)) add(networkOff.exec(text))
  if (text.includes("(expected")) add(valueNotExpected.exec(text))
  if (text.includes("worth")) add(customerRelayed.exec(text))
  if (/blank|empty|null|missing|undefined/.test(text)) add(blankField.exec(text))
  if (/frame|image|picture|shot|slate|black|frozen/.test(text)) add(frozenPicture.exec(text))
  if (text.includes("0") && /wrong|should|right|bug|broken|incorrect/.test(text))
    add(zeroPriceWrong.exec(text))
  if (text.includes("so far")) add(faultCounted.exec(text))
  return found
}
