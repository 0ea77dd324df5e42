/**
 * Problem reports that are readings, not problem words: a count far above the normal the writer
 * gives ("1,180 rides open for more than 6 hours (normal < 40)"), a screen asked why it shows
 * nothing ("warum zeigt das ops dashboard für berlin 0 fahrten?"), an operation timed per item
 * ("checkout takes like a minute per item"), a queue out the door, a partner who got nothing
 * from us today. The token rules see no problem in them, so a weak chatter reading elsewhere in
 * the message ("night" read as a farewell, "over-billed" as "it's over", a desk as office life)
 * used to win. Read on the text,
 * as the foreign reports are; pure.
 */

import { reportAtEnd, tokenAt } from "./classify-foreign.js"
import type { Evidence } from "./classify-grammar.js"
import { oddReadings } from "./classify-odd-readings.js"
import { quietFailures } from "./classify-quiet-failures.js"
import { shownStates } from "./classify-shown-states.js"
import type { Message } from "./classify-text.js"
import { wrongOutcomes } from "./classify-wrong-outcomes.js"

/** The normal a reading is compared with: "(normal < 40)", "usually ~40", "baseline: 40". */
const normalLevel =
  /\b(?:normal(?:ly)?|usual(?:ly)?|baseline|typical(?:ly)?)(?: is| of| at| around| about)?\s*(?:<|<=|≤|~|≈|=|:|under|below|around|about)?\s*(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?k?)\b/
/** Counts before it; a duration or a share ("for more than 6 hours", "at 40%") is no count. */
const counts =
  /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?k?)\b(?!\s*(?:%|ms|s\b|sec|secs|seconds?|min|mins|minutes?|h\b|hrs?|hours?|d\b|days?|weeks?|am\b|pm\b))/g
/** Good news counted against its normal ("4k rides day one 🚀, usually 1k") is no report. */
const celebration =
  /🎉|🚀|🥳|🙌|\b(?:record|congrats|congratulations|well done|great|awesome|amazing|best|nice|hooray|yay)\b/

const amount = (s: string): number => {
  const k = s.endsWith("k")
  const n = Number(s.replace(/[,k]/g, ""))
  return k ? n * 1000 : n
}

/** "1,180 rides open for more than 6 hours (normal < 40)": a count three times its normal or more. */
const farAboveNormal = (text: string): RegExpExecArray | null => {
  const m = normalLevel.exec(text)
  if (m === null || celebration.test(text)) return null
  const normal = amount(m[1] ?? "")
  const before = text.slice(Math.max(0, m.index - 100), m.index)
  let most = 0
  for (const c of before.matchAll(counts)) most = Math.max(most, amount(c[1] ?? ""))
  return normal > 0 && most >= 3 * normal ? m : null
}

/**
 * "the night batch has been running for 7 hours, normally takes 20 min", "import took 3h (usually
 * 15 min)": a job timed at three times its stated usual or more — stuck or far too slow, a report
 * (a weak reading elsewhere, "night" as a farewell, used to win). A run faster than its usual or
 * near it is none, and good news ("🚀 done in 2h, usually 20h") is none.
 */
const DURATION = "(\\d+(?:\\.\\d+)?)\\s*(h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?|d|days?)\\b"
const durationOverNormal = new RegExp(
  `\\b(?:for|took|taking|takes|been|at|after|running|stuck|still|now|already)\\s+(?:over |more than |almost |nearly |about |around |~)?${DURATION}[^.?!\\n]{0,40}?\\b(?:normally|usually|typically|normal is|usual is|baseline is|it'?s normally|it usually)\\b:?\\s*(?:(?:takes?|runs?|lasts?|finish(?:es)?|completes?|is done|done|in|is|about|around|~|under|less than|within)\\s*){0,3}${DURATION}`,
)
const seconds = (n: string, unit: string): number =>
  Number(n) * (unit.startsWith("d") ? 86400 : unit.startsWith("h") ? 3600 : unit.startsWith("m") ? 60 : 1)
const farOverUsualTime = (text: string): RegExpExecArray | null => {
  const m = durationOverNormal.exec(text)
  if (m === null || celebration.test(text)) return null
  const now = seconds(m[1] ?? "0", m[2] ?? "s")
  const usual = seconds(m[3] ?? "0", m[4] ?? "s")
  return usual > 0 && now >= 3 * usual ? m : null
}

/**
 * "why does the dashboard show 0 rides?", "warum zeigt das dashboard 0 fahrten?", "pourquoi la
 * carte affiche 0 trottinettes ?": a screen asked why it shows nothing, in the languages the
 * channels are written in. Zero of a bad thing ("why does it show 0 errors") is no report.
 */
const whyShowsNothing =
  /\b(?:why (?:does|do|is|are|did|would)\b[^?\n]{1,60}\b(?:show|shows|showing|say|says|saying|display|displays|displaying|report|reports|reporting|read|reads|reading)|warum (?:zeigt|zeigen|meldet|melden|steht|stehen|sagt)\b[^?\n]{0,60}|pourquoi\b[^?\n]{1,60}\b(?:affiche|affichent|montre|montrent|indique|indiquent)|por ?qu[ée][^?\n]{1,60}\b(?:muestra|muestran|marca|marcan|indica|indican)|por ?que\b[^?\n]{1,60}\b(?:mostra|mostram|marca|marcam|indica|indicam)|perch[ée][^?\n]{1,60}\b(?:mostra|mostrano|segna|segnano|indica|indicano))\s+(?:(?:only|just|nur|que|solo|só|seulement)\s+)?(?:0|zero|z[ée]ro|cero|null|nothing|nichts|rien|nada|niente|no|keine?n?|aucun[e]?|ning[uú]n[a]?|nenhum[a]?|nessun[oa]?|empty|blank)\b(?!\s+(?:errors?|alerts?|alarms?|incidents?|failures?|issues?|problems?|complaints?|tickets?|fehler|erreurs?|errores|erros|errori)\b)/
const asksWhy = /\b(?:why\b|warum\b|pourquoi\b|por ?qu[ée]|perch[ée])/

/** "takes like a minute per item", "taking 30 seconds per scan": an operation timed, each time. */
const perItemTime =
  /\btak(?:es|ing|e)\s+(?:like |about |almost |nearly |over |around |at least |more than |up to )?(?:a|an|one|two|three|\d+)\s*(?:full )?(?:min(?:ute)?s?|hours?|hrs?|seconds?|secs?|s)\s+(?:per|for each|for every|each|every|a)\s+(?:item|scan|page|click|login|request|transaction|customer|book|order|ticket|search|checkout|payment|call|query|record|file|upload|patron|rider|ride|unlock|loan|return|sale|basket|guest|booking|swipe|tap)s?\b(?!\s+to\b)/
/**
 * "gate scans are taking like 6 seconds each", "the checkout page is taking about 20 seconds to
 * load": an operation timed at seconds each time, or a screen at seconds to come up — slowness.
 * A second or two is no report ("takes 2 seconds to load, nice"): five seconds or more, or minutes.
 */
const slowEachTime =
  /\btak(?:es|ing)\s+(?:like |about |around |almost |nearly |over |more than |up to |~ ?)?(\d+(?:\.\d+)?)\s*(seconds?|secs?|s|minutes?|mins?)\s+(?:each|apiece|per go|to (?:load|open|respond|come up|scan|print|start|go through|log in|sign in))\b/
const slowEach = (text: string): RegExpExecArray | null => {
  const m = slowEachTime.exec(text)
  return m !== null && (Number(m[1]) >= 5 || (m[2] ?? "").startsWith("m")) ? m : null
}
/** "queue is huge", "the line is insane": people waiting on something, now. ("was huge on saturday" is past.) */
const queueHuge =
  /\b(?:queues?|lines?)\s+(?:is|are|'s|’s)\s+(?:now |already |getting |just |absolutely )?(?:huge|massive|insane|enormous|crazy(?: long)?|ridiculous|out of control)\b/
/**
 * "AWS bill for today is already 3x a normal day", "log volume 5× the usual": a cost or a count
 * at a multiple of its normal is a report; celebrated ("signups 3x a normal day 🎉") it is none.
 */
const timesNormal =
  /\b(\d+(?:\.\d+)?)\s?(?:x|×|times)\s+(?:(?:a|an|the|our|its|what)\s+)?(?:normal|usual|typical|regular|average|baseline|we normally see|we usually see)\b/
const timesOverNormal = (text: string): RegExpExecArray | null => {
  const m = timesNormal.exec(text)
  return m !== null && Number(m[1]) >= 2 && !celebration.test(text) ? m : null
}
/**
 * "someone created an IAM user called 'support2', nobody on the team did that", "a new API key
 * on the Stripe account, none of us did that": a change to an account, a key, a role, a rule or a
 * record that nobody owns is a security report. Only with such a thing named ("nobody on the team
 * did the training yet" owns no change).
 */
const nobodyOwns =
  /\b(?:(?:nobody|no one|noone|none of us)(?: (?:on|in) (?:the|our|my) team| here| on our side)? (?:did|made|created|added|changed|deleted|removed|opened|approved|requested|recogni[sz]es|knows (?:who|about|where))|(?:it )?wasn'?t (?:us|me|any of us|anyone here)\b|who (?:did|made|created|added|changed|deleted|opened) (?:this|that)\s*\?)/
const ownedThings =
  /\b(?:iam|users?|accounts?|api keys?|keys?|tokens?|roles?|admins?|security groups?|sg-[\da-f]+|ports?|firewall|rules?|policy|policies|dns|records?|buckets?|instances?|vms?|webhooks?|ssh|credentials?|passwords?|permissions?|mfa|domains?|certificates?)\b/

/**
 * "push notifications stopped on iOS about 10 min ago", "the ingest rate dropped again 5 min
 * ago": something stopped or fell at a stated moment just past — a report, however the message
 * opens (a closure of another thing before it, a past incident followed up). What stopped being
 * a problem ("the errors stopped 10 min ago") is good news.
 */
const stoppedAgo =
  /\b(?:stopped|died|dropped|went (?:down|dark|silent|quiet|offline)|froze|crashed|stalled|cut out)(?: again)?(?: (?:on|for|in|at) [\w-]+(?: [\w-]+)?)?,? (?:about |around |roughly |like |~ ?)?\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?) ago\b/
const problemsStopping =
  /\b(?:errors?|alerts?|alarms?|pag(?:es|ing)|noise|spam|crash(?:es|ing)|5xx|4xx|timeouts?|retries|problems?|issues?|lag|spikes?|latency|warnings?|complaints?|failures?|flapping|dlq|backlog)\b[^.;!?\n]{0,20}$/
const stoppedJustNow = (text: string): RegExpExecArray | null => {
  const m = stoppedAgo.exec(text)
  return m !== null && !problemsStopping.test(text.slice(Math.max(0, m.index - 40), m.index)) ? m : null
}

/** "queue out the door", "lines round the block": people waiting on something slow. */
const queueOut =
  /\b(?:queues?|lines?)\s+(?:is |are |now |already |all the way )?(?:out|round|around) the (?:door|block|corner)\b/

/**
 * "Hapag says they got zero CODECO messages from us today", "the bank received none of our
 * payment files": a partner relaying that nothing of ours arrived — a feed that stopped. Zero of
 * a bad thing ("no complaints from us") is no report.
 */
const receivedNothing =
  /\b(?:got|gotten|get|getting|received|receiving|receive|seen|seeing|saw|had)\s+(?:(?:zero|no|0|not a single|not one|nothing)\b(?![^.?!\n]{0,40}\b(?:complaints?|errors?|issues?|problems?|spam|duplicates?|alerts?|incidents?|findings?|bugs?|chargebacks?|tickets?)\b)[^.?!\n]{0,50}\bfrom us\b|(?:none|nothing|not one|zero) of our\b(?!\s+(?:complaints?|errors?|issues?|problems?|spam|duplicates?|alerts?|findings?|bugs?|chargebacks?|tickets?)\b))/

/**
 * "smart meter readings from the DCC adapter are 6h behind", "the replica is 2h behind", "orders
 * feed is 40 min behind", "invoices are a day behind", "events delayed by 3 hours": data, a feed
 * or a copy late by a stated time — a report (a weak reading such as "smart" for praise used to
 * win). A person's or a plan's lateness ("we're 2 days behind schedule", "I'm an hour behind on
 * emails", "the release is delayed by a week") and a time zone ("Perth is 3h behind Sydney")
 * are none.
 */
const lateBy =
  /\b(?:(?:\d+(?:\.\d+)?\s*(?:h|hrs?|hours?|m|mins?|minutes?|d|days?)|(?:a|an|one|two|three|half an?|a full|a whole) (?:hour|day|minute|week)s?) (?:behind|late)\b(?!\s+(?:schedule|plan|on\b|in\b|with\b|for\b|to\b|utc|gmt|the rest|us\b|them\b|sydney|london|melbourne|perth|brisbane|adelaide|[a-z]+ time\b))|(?:delayed|lagging|lagged) (?:by )?(?:about |around |roughly |~|over |almost |nearly |more than |at least )?(?:\d+(?:\.\d+)?\s*(?:h|hrs?|hours?|m|mins?|minutes?|d|days?)|(?:a|an|one|two|three|half an?) (?:hour|day|minute)s?)\b)/
/** Who is late when it is no report: a person, a plan, a place's clock. */
const lateNoReport =
  /\b(?:i'?m|i am|we'?re|we are|i was|we were|you'?re|you are|they'?re|they are|i|we|sprint|project|release|roadmap|migration|rollout|launch|plan|schedule|bus|train|flight|meeting|standup|it'?s) (?:(?:is|are|was|were|now|still|already|running|about|around|roughly|~|over|almost|nearly|more than|at least|like) ){0,3}$/
/** What is late in `lateBy`'s "delayed by": data, not a release or a meeting. */
const lateData =
  /\b(?:readings?|data|feeds?|events?|messages?|orders?|invoices?|payments?|records?|updates?|metrics|logs|exports?|imports?|sync|replica(?:tion)?|replicas|stream|streams|cdc|etl|ingest(?:ion)?|batch(?:es)?|files?|reports?|webhooks?|notifications?|queues?|consumers?|jobs?|deliver(?:y|ies)|telemetry|dispatch(?:es)?|shipments?|tickets?|emails?|sms|scans?|transactions?)\b/

/**
 * "shipping ETA emails going out with a delivery date of 01/01/1970", "invoices went out showing
 * $0.00", "confirmations say 'Hi {{first_name}}'", "push titles going out as undefined": what we
 * send carrying an epoch date, a zero amount or a template's unfilled value is a report (the
 * sending verb read as an announcement used to win). The sent thing comes first; a placeholder
 * said to be expected ("$0.00 invoices for the free tier are expected") is none.
 */
const sentWithPlaceholder =
  /\b(?:e-?mails?|invoices?|receipts?|messages?|notifications?|push(?:es)?|sms|texts?|letters?|statements?|labels?|confirmations?|newsletters?|quotes?|reminders?|payslips?|bills?|tickets?|vouchers?|alerts?)\b[^.?!\n]{0,80}?(?:0?1\/0?1\/1970|1970-01-01|jan(?:uary)? 1,? 1970|[$€£]\s?0[.,]00\b|\bnan\b|\bundefined\b|\bnull\b|\{\{\s*[\w.]+\s*\}\}|\[object object\])/
/**
 * "the translated site went live with untranslated placeholders {{product_name}}", "release 4.2
 * shipped with 'undefined' in the footer": anything published carrying a template's unfilled
 * value is the same report as a message sent with one (the "live" read as a recovery used to win).
 */
const liveWithPlaceholder =
  /\b(?:went live|go(?:es|ing)? live|is live|are live|now live|published|shipped|released|deployed|launched|went out|pushed (?:live|out))\b[^.?!\n]{0,40}?\bwith\b[^.?!\n]{0,60}?(?:\{\{\s*[\w.]+\s*\}\}|\bundefined\b|\bnull\b|\bnan\b|\blorem ipsum\b|\[object object\])/
/**
 * "looks like our export dropped variables", "the sync lost half the line items", "the importer
 * strips the attachments": a job of ours losing what it carries is a report. A drop that is meant
 * ("the migration drops the legacy columns, as planned") is none.
 */
const jobDroppedData =
  /\b(?:exports?|exporters?|imports?|importers?|syncs?|migrations?|jobs?|pipelines?|etl|integrations?|scripts?|connectors?|webhooks?|upgrades?|parsers?|mappers?|converters?|transforms?|batch(?:es)?|consumers?|workers?|loaders?)\b (?:(?:has|have|had|is|are|seems to have|must have|probably|apparently|somehow|just|silently|now) )*(?:dropped|drops|dropping|lost|loses|losing|stripped|strips|stripping|swallowed|swallows|swallowing|ate|eats|eating|skipped|skips|skipping)\b (?:(?:the|all|some|our|every|most|half|of|their|its) )*(?:[\w-]+ )?(?:variables?|fields?|rows?|records?|columns?|values?|messages?|events?|attachments?|data|entries|items|orders|e-?mails?|files?|translations?|strings?|tags?|headers?|placeholders?|segments?|metadata|line items|payments?|invoices?|transactions?|decimals?|accents|characters)\b/
const dropMeant =
  /\b(?:as planned|intended|on purpose|by design|expected|deprecated|legacy|unused|should|will|plan(?:ned)? to|going to|supposed to|dry[- ]run|test|staging|sandbox)\b/
const placeholderExpected =
  /\b(?:expected|by design|on purpose|intended|as intended|is normal|are normal|is fine|are fine|test|staging|sandbox|templates?)\b/
const placeholderGate = /1970|0[.,]00|nan|undefined|null|\{\{|object object|lorem ipsum/

/**
 * "lift status page shows every lift closed but they're all running", "the app shows all stores as
 * closed but they're open": a screen showing one state while the things it shows are in another —
 * the screen is wrong, a report (the state word after "shows" read as a recovery used to win).
 */
const screenDisagrees =
  /\b(?:shows?|showing|says|saying|displays?|displaying|lists?|listing|marks?|marking)\b (?:(?:every|all|each|the|them|these|those|our|its|everything)\b ?){0,2}(?:[\w-]+ ){0,2}?(?:as )?(?:closed|down|offline|cancell?ed|unavailable|open|up|online|running|available|red|green|sold out|out of stock|in stock|empty|full)\b,? but (?:they'?re|they are|it'?s|it is|everything'?s|everything is|all|the [\w-]+ (?:is|are))(?: all| actually| really| clearly| definitely)* (?:running|open|up|online|working|fine|available|closed|down|offline|stopped|in stock|there|operating)\b/

/**
 * "the pet portal shows other people's pets in the list?!", "my account page is showing someone
 * else's orders": a screen showing other users' data is a leak, a report however it is asked. A
 * sharing said to be meant ("admins can see other users' profiles, by design") is none.
 */
const othersData =
  /\b(?:shows?|showing|shown|sees?|seeing|saw|displays?|displaying|lists?|listing|returns?|returning|getting|gets|got|exposes?|exposing|leaks?|leaking)\b (?:me |us |them |up |all )?(?:other (?:people|users|customers|patients|members|players|clients|owners|accounts|shops|sellers|buyers|tenants|families|parents|students|guests|riders|drivers)(?:'s|’s|'|’)?|(?:someone|somebody|everyone) else(?:'s|’s)|another (?:user|customer|patient|member|player|client|owner|account|tenant|family|parent|student|person|guest|rider|driver)(?:'s|’s)|(?:a )?(?:different|random|wrong) (?:users?|customers?|patients?|members?|players?|clients?|owners?|accounts?|tenants?|person|people)(?:'s|’s|'|’))/
const sharingMeant =
  /\b(?:by design|expected|intended|on purpose|admins? can|how (?:do|can) i|is it possible|(?:can|should|could) (?:i|we|users|customers)\b|feature request|would be (?:nice|cool|great))/

/**
 * "shipping costs showing as €0 at checkout", "cart total shows $0", "tax showing as 0,00 €": a
 * price or amount a buyer is shown as zero is a report (money lost on every order). A zero said
 * to be meant (a free-shipping promo, "expected") is none.
 */
const zeroPriceShown =
  /\b(?:prices?|costs?|shipping|postage|delivery|totals?|subtotals?|tax(?:es)?|vat|fees?|amounts?|charges?|balances?|rates?)\b[^.?!\n]{0,40}?\b(?:shows?|showing|shown|displays?|displaying|displayed|comes? up|coming up|came up|reads?|listed|calculat(?:ed|ing|es)|priced)\b (?:as |at |up as )?(?:[$€£]\s?0(?:[.,]00?)?(?!\s?[.,]?\d)|0(?:[.,]00?)?\s?(?:€|eur|usd|gbp|£|\$))/
/**
 * "quotes coming back $0", "totals come back negative", "prices returning NaN": what a pricing
 * service answers, wrong — a report (after "something's up w pricing svc" it was the only sign).
 */
const wrongAmountBack =
  /\b(?:prices?|pricing|quotes?|costs?|totals?|subtotals?|tax(?:es)?|vat|fees?|amounts?|charges?|balances?|rates?|invoices?|payouts?|refunds?)\b[^.?!\n]{0,40}?\b(?:coming back|comes? back|came back|returning|returns|returned)\b (?:as |with |at )?(?:(?:a |the )?(?:price|total|amount|cost|fee|value) (?:of |as |at )?)?(?:[$€£]\s?0(?:[.,]00?)?(?!\s?[.,]?\d)|0(?:[.,]00?)?(?![\w.,%])|(?:negative|undefined|nan|null|empty|zero)\b)/
const zeroMeant =
  /\b(?:free[- ]shipping|promo|promotion|coupon|voucher|over [$€£]?\d|above [$€£]?\d|expected|by design|on purpose|intended|test|staging|sandbox)\b/

/**
 * "pg_dump of tickets-prod is 0 bytes", "demand forecast for tomorrow is all zeros", "the
 * nightly export came out empty", "today's payroll file is blank": data we produce or receive,
 * read as nothing — a report (a weak reading elsewhere, "tomorrow" as a plan, used to win). A
 * queue, an inbox or an error list empty is good news and names none of these things.
 */
const dataReadAsNothing =
  /\b(?:backups?|dumps?|pg_dump|mysqldump|exports?|extracts?|forecasts?|snapshots?|files?|csvs?|feeds?|archives?|uploads?|payloads?|data ?sets?|datasets?|data|reports?|plans?|predictions?|invoices?|statements?|figures|numbers|totals?)\b[^.?!\n]{0,50}?\b(?:is|are|was|were|came out|come out|comes out|came back|coming back|shows?|showing|shown|reads?|looks?|ended up|ends up)\b (?:(?:completely|totally|entirely|just|still|now|again|literally|basically) )?(?:0|zero) ?(?:bytes?|b|kb|rows?|records?|lines?)\b|\b(?:backups?|dumps?|pg_dump|mysqldump|exports?|extracts?|forecasts?|snapshots?|files?|csvs?|feeds?|archives?|uploads?|payloads?|data ?sets?|datasets?|data|reports?|plans?|predictions?|invoices?|statements?|figures|numbers|totals?)\b[^.?!\n]{0,50}?\b(?:is|are|was|were|came out|come out|comes out|came back|coming back|shows?|showing|shown|reads?|looks?|ended up|ends up)\b (?:(?:completely|totally|entirely|just|still|now|again|literally|basically) )?(?:all (?:zeros|zeroes|0s|nulls?|blank|empty)|empty|blank)\b/
/** A nothing that is meant ("the test export is empty on purpose", "expected for a holiday"). */
const nothingMeant =
  /\b(?:expected|by design|on purpose|intended|as it should|dry[- ]run|test|staging|sandbox|template)\b/
/**
 * "last good backup 2 days ago", "last successful sync was 3h ago", "last good run: 26 hours
 * ago": a script or a person dating the last success — everything since failed.
 */
const lastGoodAgo =
  /\blast (?:good|successful|complete|completed|valid|working|healthy|ok) (?:backup|dump|snapshot|run|sync|export|import|build|deploy|heartbeat|upload|load|refresh|copy|replication|batch|job|file|report|checkpoint)s?\b(?: (?:was|at|:|-|=|on))? ?(?:\d+(?:\.\d+)?\s*(?:h|hrs?|hours?|d|days?|weeks?|mins?|minutes?)|an? (?:hour|day|week)|one (?:hour|day|week)|two (?:hours|days|weeks)|three (?:hours|days|weeks)) ago\b/

/**
 * "datadog bill estimate for this month is 2x — custom metrics count exploded", "log ingest
 * volume doubled overnight", "cardinality looks out of control": a cost or a count of what we
 * send or pay for that blew up is a report, whatever period it is measured over ("this month"
 * is no plan). Cheered, meant, asked or told as history it is none.
 */
const blowupThings =
  /\b(?:bills?|costs?|spend(?:ing)?|invoices?|charges?|estimates?|counts?|cardinality|volumes?|usage|egress|series|metrics|logs|ingest(?:ion)?)\b[^.;!?\n]{0,60}?\b(?:exploded|blew up|blown up|(?:is|are|looks?|seems?|went|getting|got|gone) (?:completely |totally |way |kind of |kinda )?out of control|doubled|tripled|quadrupled|spiked|skyrocketed|shot up|through the roof|(?:is|are|'s|at) (?:already |now |like |about |around |~ ?)?(\d+(?:\.\d+)?)\s?(?:x|×)(?![\w]))/
const blowupNoReport =
  /🎉|🥳|🙌|\b(?:not|never|no longer|expected|as planned|by design|on purpose|intended|last (?:year|quarter)|years? ago|back in|remember when|used to)\b|n't\b/
const blowup = (text: string): RegExpExecArray | null => {
  const m = blowupThings.exec(text)
  if (m === null || blowupNoReport.test(text) || (m[1] !== undefined && Number(m[1]) < 2)) return null
  return askedHere(text, m) ? null : m
}
/** The sentence holding the match ends in a question ("is the bill out of control?"). */
const askedHere = (text: string, m: RegExpExecArray): boolean =>
  /^[^.!\n]*\?/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 200).split(/[.!\n]/)[0] ?? "")

/**
 * "error budget for store-portal is burning fast, down to 12%", "burn rate 14x on checkout",
 * "error budget exhausted for search": an error budget burning, low or gone is a report ("error
 * budget still at 92% 🎉" is good news, classify-night-talk.ts).
 */
const budgetBurning =
  /\berror budgets?\b[^.;!?\n]{0,40}?\b(?:is |are |'s |now |already |getting )*(?:burning|burnt|burned through|blown|exhausted|depleted|used up|gone|spent|almost gone|nearly gone)\b|\berror budgets?\b[^.;!?\n]{0,60}?\bdown to (\d{1,2}(?:\.\d+)?) ?%|\bburn ?rate\b[^.;!?\n]{0,20}?\b(\d+(?:\.\d+)?) ?(?:x|×)(?![\w])/
const budgetBurns = (text: string): RegExpExecArray | null => {
  const m = budgetBurning.exec(text)
  if (m === null || /\b(?:not|never|no longer)\b|n't\b/.test(m[0])) return null
  if (m[1] !== undefined && Number(m[1]) > 30) return null
  if (m[2] !== undefined && Number(m[2]) < 2) return null
  return askedHere(text, m) ? null : m
}

/**
 * "[plant-watch] Monterrey: 9/24 printers reporting RESIN_LOW, 3 printers in ERROR state since
 * 04:10": a monitor's report — devices in an upper-case fault state, a share of a fleet reporting
 * a status code. Read on the original case; the office printer joked about ("the printer on 3 is
 * jammed again lol") names no such state.
 */
const faultState =
  /\b(?:in|into|entered|entering|now|went|reporting|reports?|status:?|state:?) (?:an? )?(?:ERROR|FAULT|FAULTED|FAILED|FAILURE|OFFLINE|DOWN|CRITICAL|ALARM|DEGRADED|UNREACHABLE|STALLED|JAMMED|HALTED|ESTOP|E-STOP)(?: (?:state|status|mode))?(?![\w-])/
const fleetCode =
  /\b\d+ ?\/ ?\d+ [\w-]+(?: [\w-]+)? (?:reporting|report|reported|showing|show|in|with|are|raised|raising) [A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/
const laughedAt = /😂|🤣|😆|😅|\b(?:lol|lmao|rofl|haha\w*|jk)\b/u
const taggedCode =
  /^\s*(?:<[@!][\w|]+>\s*)?\[[a-z0-9][\w.-]{1,30}\][^\n]{0,120}?\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\b/

/** Evidence of a problem stated as a reading of a count, a screen or a wait. */
export const readingReports = (message: Message): ReadonlyArray<Evidence> => {
  const text = message.text.slice(0, 2000)
  const found: Array<Evidence> = []
  const add = (m: RegExpExecArray | null, isStrong: boolean) => {
    if (m !== null)
      found.push({ reason: `problem report: '${m[0].trim()}'`, at: tokenAt(text, m.index), strong: isStrong })
  }
  // (at the end of what the screen got wrong, so a state word inside it is no recovery after it)
  const addAtEnd = (m: RegExpExecArray | null) => {
    if (m !== null) found.push(reportAtEnd(text, m))
  }
  if (/normal|usual|baseline|typical/.test(text)) {
    add(farAboveNormal(text), true)
    add(farOverUsualTime(text), true)
  }
  if (asksWhy.test(text)) add(whyShowsNothing.exec(text), true)
  if (text.includes("tak")) add(perItemTime.exec(text), true)
  if (text.includes(" the ")) add(queueOut.exec(text), false)
  if (text.includes("tak")) add(slowEach(text), true)
  if (text.includes(" ago")) add(stoppedJustNow(text), true)
  if (text.includes("queue") || text.includes("line")) add(queueHuge.exec(text), true)
  if (/\d\s?(?:x|×|times)\s/.test(text)) add(timesOverNormal(text), true)
  if (/nobody|no one|noone|none of us|wasn|who /.test(text) && ownedThings.test(text))
    add(nobodyOwns.exec(text), true)
  if (text.includes("from us") || text.includes(" of our")) add(receivedNothing.exec(text), true)
  if (placeholderGate.test(text) && !placeholderExpected.test(text)) {
    add(sentWithPlaceholder.exec(text), true)
    if (text.includes("with")) add(liveWithPlaceholder.exec(text), true)
  }
  if (/drop|los[te]|strip|swallow|\bat[es]|\beat|skip/.test(text) && !dropMeant.test(text))
    add(jobDroppedData.exec(text), true)
  if (text.includes(" but ")) addAtEnd(screenDisagrees.exec(text))
  if (/\b(?:0|zero|all|empty|blank)\b/.test(text) && !nothingMeant.test(text))
    addAtEnd(dataReadAsNothing.exec(text))
  if (text.includes("last ") && text.includes(" ago")) add(lastGoodAgo.exec(text), true)
  if (
    /explod|blew|blown|control|doubled|tripled|quadrupled|spiked|skyrocket|shot up|roof|\d\s?(?:x|×)/.test(
      text,
    )
  )
    add(blowup(text), true)
  if (text.includes("budget") || text.includes("burn")) add(budgetBurns(text), true)
  // ("the printer is in ERROR state again lol": laughed at, an office joke.)
  if (/[A-Z]{4}/.test(message.cased.slice(0, 2000)) && !laughedAt.test(text)) {
    const cased = message.cased.slice(0, 2000)
    add(faultState.exec(cased), true)
    if (cased.includes("/")) add(fleetCode.exec(cased), true)
    if (cased.includes("[")) add(taggedCode.exec(cased), true)
  }
  if (/other|else|another|different|random|wrong/.test(text) && !sharingMeant.test(text))
    addAtEnd(othersData.exec(text))
  if (/[$€£]|eur|usd|gbp/.test(text) && !zeroMeant.test(text)) addAtEnd(zeroPriceShown.exec(text))
  if (/back|return/.test(text) && !zeroMeant.test(text)) addAtEnd(wrongAmountBack.exec(text))
  if (/behind|late|delayed|lagg/.test(text)) {
    const m = lateBy.exec(text)
    const before = m === null ? "" : text.slice(Math.max(0, m.index - 80), m.index)
    // ("the release is delayed by a week": a plan late, not data.)
    if (
      m !== null &&
      lateData.test(before) &&
      !lateNoReport.test(before.replace(/[^\n.,;!?]*[.,;!?\n]/g, ""))
    )
      add(m, true)
  }
  found.push(...oddReadings(text))
  found.push(...shownStates(text))
  found.push(...quietFailures(text))
  found.push(...wrongOutcomes(text))
  return found
}
