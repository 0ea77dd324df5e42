/**
 * Good news told in numbers: "nice, p99 went from 900ms to 250ms after the index change", "error
 * budget … at 92% remaining this month, nice", "disk cleaned up on cctv-rec-03, 40% free now".
 * The numbers are the news and they went the right way; the same shapes the wrong way
 * ("p99 went from 250ms to 900ms after the deploy", "3% of the error budget left") report. The
 * whole message must be that news: a turn ("but", "still") or a second sentence may report.
 */
import type { Message } from "./classify-text.js"

const ms = (value: string, unit: string): number => Number(value) * (unit.toLowerCase() === "s" ? 1000 : 1)

/**
 * A time that fell: "p99 went from 900ms to 250ms", "latency dropped from 2s to 300ms", "latency
 * … spadło z 600 do 180ms" (Polish; the first unit may be left to the second).
 */
const fasterTime =
  /\b(?:p\d{2}|latency|response times?|load times?|page loads?|build times?|query times?)\b[^.\n?]{0,30}?\b(?:(?:went|dropped|fell|came|is) (?:down )?from|(?:spadło|spadła|spadł|zmalało|zmalała) z) (\d{1,5}(?:\.\d+)?) ?(ms|s)? (?:to|->|→|do) (\d{1,5}(?:\.\d+)?) ?(ms|s)\b/i

/** "error budget … at 92% remaining": most of it left. */
const budgetLeft = /\berror budget\b[^.\n?]{0,40}?\b(?:at |is |has )?(\d{1,3})% (?:remaining|left)\b/i

/** "disk cleaned up on cctv-rec-03, 40% free now": space made, and how much is free. */
const spaceMade = /\b(?:cleaned up|freed up|cleared|pruned)\b[^.\n?]{0,40}?\b(\d{1,3})% free(?: now)?\b/i

/**
 * "latency looks chef's kiss since the redis upgrade 🤌 p99 at 180ms", "response times are buttery
 * smooth": a speed praised ("latency looks awful" is none).
 */
const praisedSpeed =
  /\b(?:latency|p\d{2}|response times?|load times?|page loads?|perf(?:ormance)?|throughput|query times?)\b[^.\n?]{0,30}?\b(?:looks?|looking|is|are|feels?|feeling)\s+(?:so |super |really |absolutely |just )?(?:chef'?s kiss|great|amazing|beautiful|gorgeous|buttery(?: smooth)?|smooth|snappy|perfect|lovely|fantastic|excellent|incredible|crisp|🤌)/iu

/**
 * "the holds engine error graph is so flat it's boring. love to see it": an error graph praised
 * for being flat, the whole message (a cheer may follow it).
 */
const flatGraph =
  /^\s*(?:<[@!][\w|]+>\s*)?(?:the |our |that )?[\w -]{0,40}\b(?:errors?|5xx|4xx|latency|alerts?|pages?|queue|failures?|retries)[\w -]{0,20} (?:graph|chart|panel|line|dashboard) (?:is|looks|has been|stays?) (?:so |super |completely |totally |dead |perfectly |beautifully )?flat\b[^.!?\n]{0,30}[.!]*(?:\s*(?:love to see it|beautiful|nice|chef'?s kiss|gorgeous|lovely)[.!]*)?\s*(?:(?:\p{Extended_Pictographic}|\uFE0F|\u200D)\s*)*$/iu

/**
 * "error budget for chat is at 91% this month, we can ship": what is left, unless the message
 * says it is burnt or used ("error budget burn at 91%").
 */
const budgetAt = /\berror budget\b[^.\n?]{0,40}?\b(?:is at|at|is) (\d{1,3})%/i
const budgetSpent = /\b(?:burn|burnt|burned|burning|used|consumed|spent|gone|exhausted|blown)\b/i

/**
 * "latency on the tracking portal is back under 300ms since the index fix, nice": a fixed thing's
 * reading back within its bound.
 */
const backUnder =
  /\b(?:latency|p\d{2,3}|response times?|load times?|page loads?|error rates?|5xx rate|queue depth|lag|cpu|memory|build times?|query times?)\b[^.\n?]{0,40}?\b(?:is |are |now |all )?back (?:under|below|within) ~?\d+(?:[.,]\d+)? ?(?:ms|s|%|k)?\b/i

/**
 * "android 7.15.0 rolled out to 100%, crash-free at 99.7%, nice", "crash-free sessions on the
 * harvest app are back above 99.5% after last week's fix": a release's health told.
 */
const crashFree =
  /\bcrash[- ]free (?:sessions |users |rate )?(?:(?:on|in|for) (?:the |our )?[\w-]+(?: [\w-]+)?? (?:app |build |release )?(?:is |are |has been |have been )?(?:back )?(?:above |over |at )?|is |at |of |= ?|: ?)?~?(\d{2,3}(?:\.\d+)?) ?%/i

/** "this channel is way quieter since we fixed the alert routing 🙏": fewer pages, told. */
const quieter =
  /\b(?:channel|pager|on-?call|alerts?|pages|nights?|shifts?|weekends?|inbox)\b (?:is|are|has been|have been|got|feels?|been) (?:way |much |so |a lot |noticeably |really |so much )?(?:quieter|calmer|less noisy)\b/i

/**
 * "disk cleanup on reporting-db-01 done, back to 45% used", "cleaned up the historian disk, 35%
 * used now": space made, told as what is used (a high share used after it is no good news).
 */
const spaceUsed =
  /\b(?:cleaned up|cleaned out|freed up|cleared|pruned|(?:clean-?up|purge|prune)\b[^.\n?]{0,40}?\b(?:done|finished|complete|completed))\b[^.\n?]{0,40}?\b(?:back to |down to |now (?:at )?|at )?(\d{1,3})% (?:used|full|usage)(?: now)?\b/i

/** "error rate on click and collect has been flat at 0.1% all week 👌": a low error rate held. */
const lowRateHeld =
  /\b(?:error rates?|5xx rate|failure rate|fail rate|errors?)\b[^.\n?]{0,40}?\b(?:has been|have been|was|is|stayed|staying|holding|held|sat|sitting) (?:flat|steady|stable|level|constant) (?:at|around|near|under|below) ~?(\d+(?:\.\d+)?) ?% (?:all (?:week|day|month|night|weekend)|(?:for|over) (?:the (?:whole |entire )?|a |this )?(?:week|day|month|weekend))\b/i

/**
 * "all venues scanning normally, queue times under 5 min": every site working as it should, the
 * whole message (a wait under its bound may follow).
 */
const allNormal =
  /^\s*(?:<[@!][\w|]+>\s*)?(?:all|every) (?:[\w-]+ ){0,3}?(?:[a-z]+ing|up|green|online|open) (?:normally|fine|smoothly|as (?:normal|usual|expected))\b(?:[,;] (?:[\w-]+ ){1,4}(?:under|below|within|<) ~?\d+(?:\.\d+)? ?(?:min(?:ute)?s?|s|secs?|seconds?|ms|%))?[\s.!]*(?:(?:\p{Extended_Pictographic}|\uFE0F|\u200D)\s*)*$/iu

/**
 * "KR latency 28ms avg today, lowest ever", "p99 today 3.9ms avg, lowest this quarter": a speed at its record.
 * "crash rate on 1.42.4 is the lowest we've had all season 🎉": a failure rate at its record low.
 */
const recordLow =
  /\b(?:latency|p\d{2,3}|response times?|ping|load times?|page loads?|build times?|query times?|crash[- ]?rate|error[- ]?rate|failure rate|decline rate|churn)\b(?:[^.\n?]|\.(?=\d)){0,40}?\b(?:lowest|best|fastest|quickest) (?:ever|yet|on record|in (?:months|years|ages)|this (?:year|month|quarter|season)|(?:we(?:'ve| have) (?:had|seen)|it(?:'s| has) been) (?:all|this) (?:season|year|month|quarter|week))\b/i

/**
 * "1★ reviews dropped 60% since the fix, huge W", "complaints halved since the patch": a bad
 * thing's count fallen since a fix.
 */
const fewerSinceFix =
  /\b(?:(?:1|one)(?:★|⭐| ?-?star) reviews?|negative reviews?|bad reviews?|complaints?|refund requests?|crash(?:es| reports?))\b[^.\n?]{0,20}?\b(?:dropped|fell|are down|down|halved|cut)\b[^.\n?]{0,20}?\bsince (?:the |our |we |last |yesterday'?s? )?(?:\w+ )?(?:fix|fixed|patch|patched|hotfix|rollback|revert|change|release|update)\b/i

/**
 * "error rate dashboards look clean after the rollback, nice work": the graphs fine after a fix.
 */
const cleanAfterFix =
  /\b(?:error rates?|errors?|5xx|latency|dashboards?|graphs?|charts?|panels?|metrics)\b[^.\n?]{0,30}?\b(?:look|looks|looking|are|is) (?:all |totally |completely |super |nice and |so )?(?:clean|green|flat|calm|healthy|normal|quiet)\b (?:again )?(?:after|since) (?:the |our |that )?(?:rollback|fix|patch|revert|hotfix|restart|roll ?back)\b/i

/**
 * "99.98% uptime in May, drinks on me", "uptime was 99.95% this month": three nines or better
 * told ("99.2% uptime in May, below SLO" is a miss).
 */
const uptimeTold =
  /\b(?:(\d{2,3}(?:\.\d+)?) ?% uptime|uptime (?:of |was |is |at |hit |: ?)?(\d{2,3}(?:\.\d+)?) ?%)/i
const uptimeMissed = /\b(?:below|under|missed|miss|breach\w*|short of|down to|only)\b/i

/**
 * "deposit credits averaged 2m14s this week, SLO is 10m ✅": an average told beside its SLO and
 * within it.
 */
const withinSlo =
  /\b(?:averaged?|avg|mean|median|p\d{2,3})\b[^\n?]{0,20}?\b(\d{1,4})(m|s|h|ms)(?:(\d{1,2})s)?\b[^.\n?]{0,40}?\bslo (?:is |of |=|: ?|at )?(\d{1,4}) ?(m|s|h|ms)\b/i
const seconds = (n: string, unit: string): number =>
  Number(n) * ({ ms: 0.001, s: 1, m: 60, h: 3600 }[unit.toLowerCase()] ?? 1)

/**
 * "store latency is actually better than last week 📉 nice", "latency stayed under 800ms, nice",
 * "crash-free looks great so far", "the crash spike on 4.12.0 is fixed in 4.12.1": a reading
 * better than before, held in its bound, praised, or a fault fixed in a release (round 38).
 */
const betterThanBefore =
  /\b(?:latency|p\d{2,3}|response times?|load times?|error rates?|crash rates?|crash-free|uptime|errors?)\b[^.\n?]{0,30}?\b(?:is |are |looks? |was |were )?(?:actually |way |much |a lot |noticeably |slightly )?(?:better|lower|faster) than (?:last|yesterday|before|the week before)\b/i
const stayedUnder =
  /\b(?:latency|p\d{2,3}|response times?|load times?|error rates?|queue depth|lag|cpu|memory)\b[^.\n?]{0,20}?\b(?:stayed|stays|held|kept|remained|was|were) (?:under|below|within) ~?\d+(?:[.,]\d+)? ?(?:ms|s|%)?[\s,.!]*(?:nice|great|solid|lovely|good|👌|🎉|💪)/iu
const crashFreePraised =
  /\bcrash[- ]free\b[^.\n?]{0,20}?\b(?:looks?|looking|is|are) (?:so |really |super )?(?:great|good|solid|healthy|fine|clean|perfect)\b/i
const fixedInRelease =
  /\b(?:is|was|got|are|were|been) fixed in (?:v|version |build |release )?\d{1,4}(?:\.\d{1,4}){1,3}\b/i

const turns = /\b(?:but|still|however|though|yet|again|except)\b/i

export const goodNews = (message: Message): string | null => {
  const text = message.text.slice(0, 400)
  if (flatGraph.test(text) && !turns.test(text)) return "a flat error graph praised"
  if (
    message.tokens.length > 24 ||
    turns.test(text) ||
    /[.!?]\s+\S/.test(text.replace(/^\s*<[@!][\w|]+>\s*/, ""))
  )
    return null
  if (praisedSpeed.test(text)) return "a speed praised"
  if (betterThanBefore.test(text)) return "a reading better than before"
  if (stayedUnder.test(text)) return "a reading held in its bound"
  if (crashFreePraised.test(text)) return "a release's health told"
  if (fixedInRelease.test(text)) return "a fault fixed in a release"
  // ("error rate was lowest ever until 10 min ago, now 30% 5xx": the record broken since.)
  if (recordLow.test(text) && !/\b(?:until|till|now)\b/.test(text)) return "a speed at its record"
  if (fewerSinceFix.test(text)) return "fewer complaints since a fix"
  if (cleanAfterFix.test(text)) return "graphs clean after a fix"
  const time = fasterTime.exec(text)
  if (time !== null && ms(time[3] ?? "0", time[4] ?? "ms") < ms(time[1] ?? "0", time[2] ?? time[4] ?? "ms"))
    return "a speed-up told"
  const budget = budgetLeft.exec(text)
  if (budget !== null && Number(budget[1]) >= 50) return "error budget mostly left"
  const at = budgetAt.exec(text)
  if (at !== null && Number(at[1]) >= 50 && !budgetSpent.test(text)) return "error budget mostly left"
  if (backUnder.test(text)) return "a fixed thing's reading back in bounds"
  const health = crashFree.exec(text)
  if (health !== null && Number(health[1]) >= 99 && Number(health[1]) <= 100) return "a release's health told"
  if (quieter.test(text)) return "fewer pages told"
  const space = spaceMade.exec(text)
  if (space !== null && Number(space[1]) >= 25) return "space made"
  const used = spaceUsed.exec(text)
  if (used !== null && Number(used[1]) <= 70) return "space made"
  const rate = lowRateHeld.exec(text)
  if (rate !== null && Number(rate[1]) < 1) return "a low error rate held"
  if (allNormal.test(text)) return "every site working normally"
  const uptime = uptimeTold.exec(text)
  if (
    uptime !== null &&
    Number(uptime[1] ?? uptime[2]) >= 99.9 &&
    Number(uptime[1] ?? uptime[2]) <= 100 &&
    !uptimeMissed.test(text)
  )
    return "an uptime told"
  const slo = withinSlo.exec(text)
  if (
    slo !== null &&
    seconds(slo[1] ?? "0", slo[2] ?? "s") + Number(slo[3] ?? "0") < seconds(slo[4] ?? "0", slo[5] ?? "s")
  )
    return "an average within its SLO"
  return null
}
