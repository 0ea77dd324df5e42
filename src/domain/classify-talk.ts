/**
 * People's talk around the work that names problems without reporting one: what a word means
 * ("the 'down' in down-migration means rollback"), a plan or a proposal ("Q2 plan: migrate…"),
 * a write-up in progress ("writing the incident report for the kiosk outage now"), something
 * shared to read ("interesting read on retries: https://…"), a question about who owns
 * something or how a number is computed. Each frame stands down when the message also puts a
 * problem in the present ("…, and checkout is failing right now"), so a report in the same
 * shape is investigated. Read on the lower-cased text's first 2,000 characters; each pattern is
 * guarded by a word every match holds.
 */

import { asideFrames } from "./classify-aside-talk.js"
import { banterFrames } from "./classify-banter.js"
import { botTalkFrames } from "./classify-bot-talk.js"
import { deskTalkFrames } from "./classify-desk-talk.js"
import { gameTalkFrames } from "./classify-game-talk.js"
import { nightTalkFrames } from "./classify-night-talk.js"
import { processTalkFrames } from "./classify-process-talk.js"
import type { Message } from "./classify-text.js"

const maxChars = 2000

/** A problem put in the present, not counting a start ("since 9am"). */
// ("what does 'ERR_PAYMENT_DECLINED' mean? every citizen is getting it": people hitting it is a report.)
const liveNoStart =
  /(?<!\bnothing )\b(?:is|are|keeps?|still|now|currently|been|got|gone) (?:\w+ )?(?:failing|down|broken|erroring|timing out|crashing|firing|paging|stuck|unreachable|returning|throwing|dropping|hanging)\b|\bright now\b|\b(?:but|however|though|although|still|again)\b|\b(?:every(?:one|body)?|all|many|most|several|customers?|users?|citizens?|clients?|members?|players?|patients?|people)\b[^.?!\n]{0,30}\b(?:is|are|keeps?|been) (?:now )?(?:getting|hitting|seeing) (?:it|this|that|them|these)\b/
/** A problem put in the present: the talk then carries a report. */
// ("…if the merchant API hadn't been rejecting bulk bookings since Tuesday": a weekday too.)
const liveProblem = new RegExp(
  `${liveNoStart.source}|\\bsince (?:\\d|this|yesterday|last|the|(?:mon|tues|wednes|thurs|fri|satur|sun)day\\b)`,
)

/** A problem turned to in passing: "side note, the app kept crashing", "btw the API is 502ing". */
const asideProblem =
  /\b(?:side ?note|btw|by the way|fyi|unrelated|meanwhile)\b[^\n]{0,120}?\b(?:kept (?:crashing|failing|freezing|erroring|timing out|dropping)|crash(?:ed|es|ing)|fail(?:ed|s|ing)|broken|lost \d|erroring|stuck|not working|down since|\d{3}ing)\b/

const denied =
  /\b(?:can'?t|cannot|can not|unable|won'?t|not (?:working|loading)|yet|except|apart from|something(?:'s| is)? (?:wrong|off|broken)|(?:was|were) (?:\w+ )?(?:down|failing|broken|erroring))\b/

/**
 * A screen or a system showing something the writer says is wrong: "shows a queue of 9999
 * minutes … it is not that busy", "the stock page shows 99999 units, we have maybe 40".
 */
export const screenWrong =
  /\b(?:shows?|showing|says|saying|reads|reading|displays?|displaying|lists?|listing|reports?|reporting)\b[^\n]{0,160}?(?:\b(?:it|they|that|this)(?:'s|’s| is| are|'re|’re) (?:\w+ )?not\b|\b(?:isn'?t|aren'?t)\b|\bwe (?:only )?have (?:maybe|only|like|just|about)\b|\bin reality\b|\bactually\b|\b9{4,}\b)/

/**
 * Values no system should show: a negative score or count, an overflowed 32-bit integer, NaN,
 * a zero for everyone ("pog the leaderboard is showing negative scores for everyone 💀 top player
 * has -2147483648"): an excited word before them ("pog", "sheesh") is no praise of the system.
 */
export const impossibleValues =
  /\bnegative (?:scores?|points|values?|balances?|counts?|totals?|numbers?|prices?|xp|ranks?|times?|durations?|stock|quantit(?:y|ies)|ages?)\b|(?<![\d.])-?(?:2147483648|2147483647|4294967295|9223372036854775807)(?![\d.])|\bnan\b|\b(?:0|zero) (?:for|to) (?:everyone|everybody|all (?:players|users|customers))\b|\beveryone(?:'s| has| is at| got) (?:0|zero)\b/

export interface Frame {
  readonly name: string
  readonly needles: ReadonlyArray<string>
  readonly pattern: RegExp
  /** Whether it holds only with no strong evidence of a problem beside it (a plain question). */
  readonly weakOnly?: boolean
  /** What puts a problem in the present for this frame, when not `liveProblem`. */
  readonly live?: RegExp
}

const quoted = `['"‘“][\\w -]{1,30}['"’”]`
/** Words quoted are mentioned, not used: "the 'is it down' meme" says nothing is down. */
const quotedSpans = new RegExp(quoted, "g")

/**
 * Numbers that only get better when they fall: latency, percentiles, error rates, MTTR ("orders
 * dropped to 40" is bad news, so business counts are not here).
 */
const lowerIsBetterNames =
  "latency|latencies|p(?:50|75|90|95|99|999)|error rates?|error counts?|errors|5xx(?: rate)?|mttr|mtta|response times?|load times?|page loads?|build times?|query times?|cold starts?|timeouts|queue depth|consumer lag|lag"
const lowerIsBetter = `(?:${lowerIsBetterNames})`

/**
 * "since the new index" credits the change; a problem still needs its own present ("is
 * failing"), a turn ("but") or an extent ("since 9am" is a start, said with a number).
 */
const liveGoodNews =
  /(?<!\bnothing )\b(?:is|are|keeps?|still|now|currently|been|got|gone) (?:\w+ )?(?:failing|down|broken|erroring|timing out|crashing|firing|paging|stuck|unreachable|returning|throwing|hanging)\b|\bright now\b|\b(?:but|however|though|although|still|again|worse|regress\w*|spik\w*|up to|went up|doubled|tripled|through the roof|not (?:a |an )?(?:nice |big |huge |real )?(?:improvement|win))\b|\b(?:orders|sales|revenue|sign-?ups|conversions?|traffic|throughput|logins|bookings|payments|checkouts|users|sessions|streams|plays) (?:are |is |have |has )?(?:down|dropped|fell|tanked|halved)\b/

const frames: ReadonlyArray<Frame> = [
  {
    name: "what a word means",
    needles: [
      "mean",
      "misnamed",
      "mislabel",
      "typo",
      "stands for",
      "refers to",
      "counts",
      "just the",
      "not ",
      "normal",
      "expected",
      "short for",
      "just for",
      "meme",
      "joke",
      "gif",
      "sticker",
      "emoji",
      "song",
      "renamed",
      "should",
      "wording",
      "the word",
      "about the",
      "comes from",
      "came from",
    ],
    // ("the 'down' in that doc should be 'degraded', just fixing wording for the templates")
    // ("the 'down' in that thread is about the route being down to 2 sailings, business not tech",
    // "the 'error' in the report title comes from the template, not an actual error")
    pattern: new RegExp(
      `${quoted}[^.?!\\n]{0,60}\\bshould (?:be|say|read) ${quoted}|\\b(?:just )?fixing (?:the |some |a )?(?:wording|copy|typos?)\\b|${quoted}[^.?!\\n]{0,120}\\b(?:means?|meant|(?:is )?misnamed|mislabell?ed|(?:is )?a typo|stands for|refers to|(?:is )?short for|counts|(?:is|are) just (?:the|a|ux|copy|placeholder|label|text)|not (?:an? )?(?:outage|systems? (?:thing|errors?|issue|problem)|real (?:error|outage|problem|timeout|failure|incident)))\\b|${quoted} (?:column|field|tab|panel|row|header) in (?:that|the|this|our) [\\w -]{1,30} (?:is|are|counts|shows) [^.?!\\n]{0,60}\\bjust for\\b|${quoted} (?:meme|joke|gif|sticker|emoji|song)\\b|\\brenamed (?:the )?${quoted}|\\b(?:typed|wrote|posted|said) ${quoted}[^.?!\\n]{0,60}\\bas a (?:joke|test|prank)\\b|\\bby ${quoted} i meant\\b|\\bwhen (?:i|we|they|he|she|you) (?:said|say|wrote|posted) [^.?!\\n]{1,60}\\b(?:that |it |i )?meant\\b[^\\n]{0,80}\\bnot (?:the |a |an |our |any )?(?:service|system|site|app|servers?|outage|infra|platform)\\b|\\bthe word ${quoted}|\\bin the [\\w ]{1,40} (?:title|label|name|column) is a typo\\b|${quoted} in (?:that|the|this|our) [\\w -]{1,40}? (?:is about|comes from|came from|is from)\\b[^\\n]{0,120}?\\b(?:not (?:tech|it|an? (?:actual|real) (?:error|outage|problem|issue|incident|failure)|(?:the |our )?(?:servers?|systems?|infra(?:structure)?|service|site|app))|business,? not tech)\\b|${quoted} in the [\\w -]{1,30} is [^.?!\\n]{0,60}\\bthat'?s (?:normal|expected)\\b`,
    ),
  },
  {
    // "p99 dropped to 140ms with the new cache", "search latency is amazing since the new index",
    // "error rates flat all week", "MTTR for October: 38 min, down from 52 🎉".
    name: "good news in numbers",
    needles: [
      "dropped",
      "down ",
      "fell",
      "halved",
      "in half",
      "than ever",
      "amazing",
      "great",
      "excellent",
      "fantastic",
      "flat",
      "unchanged",
      "like before",
      "as before",
      "improvement",
    ],
    pattern: new RegExp(
      `\\b${lowerIsBetter}\\b[^.?!\\n]{0,40}?\\b(?:(?:dropped|fell|went down|came down|down) (?:to|by|from) (?:~|about |under |below )?\\d|(?:halved|cut in half|(?:lower|better|faster) than ever|(?:is|are|looks?|looking|has been) (?:just |simply |absolutely )?(?:amazing|great|excellent|fantastic|incredible|superb|awesome|so good|beautiful|lovely)|(?:is |are |stay(?:ed|s)? |remain(?:ed|s)? |looks? |still )?(?:flat|unchanged)(?! at)|(?:like|as|same as) before)\\b)|^[^.?!\\n]{0,80}\\b${lowerIsBetter} (?:is |are |at |now )?~?\\d[\\w.%]{0,8}\\b[^.?!\\n]{0,60}\\b(?:nice|big|huge|great|massive|solid|real) (?:improvement|win)\\b`,
    ),
    live: liveGoodNews,
  },
  {
    // "22k orders today, record day! 📈", "the optimisation paid off": a record or a win cheered.
    name: "a record cheered",
    needles: ["record", "paid off", "hit ", "passed ", "crossed ", "reached ", "topped "],
    // ("we hit 1M rides in Paris this year!": a milestone of a count that is good high.)
    pattern:
      /\b(?:hit|passed|crossed|reached|topped) (?:the )?\d[\d.,]*(?:k|m|mm|million|billion)? (?:rides|orders|users|customers|riders|bookings|downloads|signups|sign-ups|subscribers|members|installs|trips|deliveries|scans|loans|checkouts|visitors|players|streams)\b|\b(?:new|all-time|all time) (?:record|high)\b|\brecord (?:day|week|month|year|high|traffic|numbers?|sales|volume)\b|\b(?:optimi[sz]ation|change|rewrite|refactor|work|fix) (?:really )?paid off\b/,
    weakOnly: true,
    // ("all-time high error rate today", "record number of refunds": a record of trouble.)
    live: new RegExp(
      `${liveProblem.source}|\\b(?:${lowerIsBetterNames}|errors?|failures?|pages|alerts|incidents?|outages?|complaints|tickets|refunds|chargebacks|cpu|memory|costs?|bill|5xx|4xx|churn|cancell?ations)\\b`,
    ),
  },
  {
    // "postmortem for last Tuesday's EDI outage is Thursday 15:00", "¿cuándo es la retro del
    // incidente de pagos?": when a review meets, not the incident it reviews.
    name: "when a review meets",
    needles: ["postmortem", "post-mortem", "retro", "incident review", "pir "],
    pattern:
      /\b(?:postmortem|post-mortem|retro|retrospective|incident review|pir)\b[^.?!\n]{0,60}\b(?:is|will be|moved to|scheduled for|happens) (?:on |at )?(?:monday|tuesday|wednesday|thursday|friday|tomorrow|today|next|this|\d)|\bcu[aá]ndo (?:es|será) (?:la|el) (?:retro|postmortem|post-mortem|revisi[oó]n)\b|\bquando (?:é|e|vai ser|será) (?:a|o) (?:retro|postmortem|post-mortem|revis[aã]o)\b/,
  },
  {
    // "the exception stack traces at startup are a known noisy log, ticket BW-4410 to clean it up".
    name: "known noise",
    needles: ["known "],
    pattern:
      /\b(?:is|are) (?:a |an )?known (?:noisy|noise|harmless|benign|cosmetic|spammy)\b|\bknown (?:noisy|harmless|benign|cosmetic) (?:log|logs|warning|warnings|message|messages|alert)\b/,
  },
  {
    // "that 502 screenshot people are sharing is from 2022, we checked": a rumour debunked.
    // ("cust says the image delivered is from 2022": a product delivered stale is a report.)
    name: "a rumour debunked",
    needles: ["screenshot", "video", "tiktok", "tweet", "post", "clip", "photo", "picture", "image"],
    pattern:
      /\b(?:that|the|this) (?:[\w-]{1,30} ){0,3}(?:screenshot|video|tiktok|tweet|post|clip|photo|picture|image)s?(?![\w-])(?! (?:(?:we|they|you|he|she|i) )?(?:delivered|received|shipped|sent|served|returned|downloaded|got|uploaded|published))[^.?!\n]{0,80}\b(?:is|was|are|were|it'?s) (?:from (?:\d{4}|last (?:year|month)|an old|an? (?:older|previous)|january|february|march|april|may|june|july|august|september|october|november|december)|an? (?:old|older|previous) (?:version|build|release|one)|old|fake|photoshopped|edited|doctored|not (?:real|ours|current|from us))\b/,
  },
  {
    // "I broke prod once by deleting the wrong redis key, ask me about it sometime 😅".
    name: "a story of the writer's own past",
    // Told as a story: it ends in an offer to tell it or a look back ("good times").
    needles: ["ask me about it", "good times", "fun times", "never again", "learned"],
    pattern:
      /^[^\w\n]{0,8}(?:i|we) (?:once (?!again)|(?:broke|took down|crashed|killed|nuked|wiped|deleted|dropped) [^.?!\n]{0,60}\bonce\b)[^\n]{0,120}\b(?:ask me about it|good times|fun times|never again|lessons? learned|learned my lesson)\b/,
  },
  {
    // "heads down on the payouts migration today, ping me only if urgent": the writer's focus.
    name: "the writer's focus",
    needles: ["heads down", "heads-down"],
    pattern:
      /^[^\w\n]{0,8}(?:i'?m |i am |going |we'?re |we are )?heads[- ]down (?:on|for|with|today|this|until|till|the rest)\b/,
  },
  {
    // "todo tranquilo en México, sin incidentes hoy", "o deploy do app 8.15 saiu sem problemas".
    name: "nothing to report, in another language",
    needles: ["sin ", "sem ", "sans ", "ohne ", "senza ", "nada ", "rien ", "nichts "],
    pattern:
      /\b(?:sin (?:incidentes|incidencias|problemas|novedad(?:es)?|errores)|sem (?:incidentes|problemas|novidades|erros)|sans (?:incident|probl[eè]me|souci)s?|ohne (?:probleme|störungen|vorfälle|fehler)|senza (?:problemi|incidenti|errori)|nada (?:que|a) reportar|rien à signaler|nichts zu melden)(?![\p{L}])/u,
    weakOnly: true,
    live: new RegExp(
      `${liveProblem.source}|\\b(?:pero|mas|mais|aber|però|ma|porém|todavia|sin embargo|excepto)\\b`,
    ),
  },
  {
    // "everything green after the LIS upgrade", "status: all analyzers online, queues empty",
    // "confirmed, riverside labels printing again", "latency is back to normal, p95 ~600ms": a
    // person's all-clear (a tool's recovery has its own format and stays an alert). Anything
    // left out or still wrong ("everything green except payments", "all online but results
    // aren't posting") is a report.
    name: "an all-clear from a person",
    needles: ["everything", "all ", "again", "back to normal"],
    pattern:
      /^[^\w\n]{0,8}(?:(?:status|update|fyi|confirmed|good news)\s?[:,—-]\s{0,2})?(?:everything(?:'s| is| looks?)? |all (?:[\w-]+ ){0,2}(?:are |is |look |looks |checked in |reported in |came up |synced |logged in )?)(?:green|online|up|healthy|good|fine|running|ok|okay|nominal)\b[^\n]{0,80}$|^[^\w\n]{0,8}(?:confirmed|confirming|can confirm|yep|yes|ok|okay|update)[,:!]? [\w' -]{1,40} (?:printing|working|loading|syncing|sending|posting|running|flowing|arriving|processing|scanning|updating|uploading|responding|connecting|showing up|coming through) (?:again|fine|normally|properly)\b[^\n]{0,40}$|\b(?:is|are) back to normal\b[,;:—-]? (?:[\w-]{1,20} )?~?\d[\w.%]{0,8}\s*$/,
    live: /\b(?:is|are|keeps?|still|now|currently|been|got|gone) (?:\w+ )?(?:failing|down|broken|erroring|timing out|crashing|firing|paging|stuck|unreachable|returning|throwing|dropping|hanging)\b|\b(?:but|however|though|although|except|apart from|besides|still|not|no|isn'?t|aren'?t|wasn'?t|can'?t|cannot|won'?t|doesn'?t|don'?t|failing|failed|errors?|down|broken|stuck|missing|offline|red)\b|\?/,
  },
  {
    // "the drivers loved the new courier app scanning, fyi", "I love that the error messages in
    // the app are translated into 38 languages now 😂": praise, relayed or one's own.
    name: "praise for a feature",
    needles: ["lov", "lik", "enjoy", "happy with", "thrilled", "rav", "prais", "ador"],
    pattern:
      /\b(?:drivers|users|customers|clients|riders|nurses|doctors|staff|teachers|students|learners|agents|pickers|couriers|patients|guests|players|the (?:[\w-]+ )?team|everyone|people|they|folks|ops|support) (?:really |all |absolutely |totally |just )?(?:love|loved|loves|like|liked|enjoy|enjoyed|are loving|were loving|are happy with|were happy with|praised|raved about|rave about|are thrilled with|were thrilled with)\b (?:the |our |how |that )?(?:new |updated )?|^[^\w\n]{0,8}(?:i |we )?(?:really |just |absolutely )?(?:love|adore|like) (?:that|how|the way)\b/,
    weakOnly: true,
    // ("love how the app takes 40 seconds to open today 🙃": sarcasm, a complaint with a number.)
    live: new RegExp(
      `${liveProblem.source}|🙃|🙄|😒|😑|😤|\\/s\\b|\\b(?:takes?|took|taking) (?:\\w+ )?(?:\\d|ages|forever|minutes)|\\b(?:today|again|yet another|every time)\\b`,
      "u",
    ),
  },
  {
    // "who wants pizza after the go-live", "anyone up for tacos friday?": food, not an incident.
    name: "an invitation to eat",
    needles: ["who", "anyone", "anybody"],
    pattern:
      /^[^\w\n]{0,8}(?:who(?:'s| is)? (?:wants?|up for|in for|joining|coming for|down for)|(?:anyone|anybody) (?:want|wants|up for|fancy|for|in for)) (?:some |a |an |the )?(?:pizza|lunch|coffee|beers?|drinks?|donuts?|doughnuts?|cake|tacos?|sushi|burgers?|ice cream|dinner|breakfast|brunch|snacks?|bubble tea|boba|kebabs?|ramen|pastries|croissants|bagels)\b/,
  },
  {
    // "the down arrow on the streak chart is just the holiday dip, expected every year": a
    // season's shape explained.
    name: "a seasonal pattern explained",
    needles: ["just the", "expected every", "every year"],
    pattern:
      /\b(?:is|are|was|it'?s|that'?s) just (?:the |a |our )?(?:usual |normal |yearly |annual |weekly |seasonal )?(?:holiday|seasonal|weekend|summer|winter|christmas|easter|ramadan|new year|back-to-school|monday|friday|end-of-month|month-end|yearly|annual|usual) (?:dip|drop|bump|spike|pattern|effect|lull|slump|peak|rush|surge)\b|\bexpected every (?:year|week|month|weekend|holiday|summer|winter|monday|friday|season)\b/,
    weakOnly: true,
  },
  {
    // "the outage banner from yesterday can be removed from the status page now, right?": tidying
    // after an incident, not the incident.
    name: "tidying after an incident",
    needles: ["banner", "notice", "status page", "post"],
    pattern:
      /\b(?:outage|incident|maintenance|downtime|degradation) (?:banner|notice|message|post|note|update)s?\b[^\n]{0,60}\b(?:can|could|should|shall) (?:we )?(?:be )?(?:removed|taken down|cleared|closed|archived|remove|take (?:it )?down|clear|close|archive)\b/,
  },
  {
    name: "a plan or a proposal",
    // ("[plan-check] production plan … missing 3 lines": a script's check tag, hyphenated, heads a
    // result; only "plan:", "plan —", "plan - " head a plan.)
    needles: ["plan", "proposal", "rfc", "idea", "suggestion", "poll", "roadmap", "goal", "okr", "objective"],
    pattern:
      /^[^\w\n]{0,8}(?:q[1-4] |h[12] |20\d\d |quick )?(?:plan|planning|planning question|proposal|rfc|idea|suggestion|poll|roadmap|goal|goals|okr|okrs|objective)\s{0,2}(?::|—|-(?![\w-]))/,
  },
  {
    name: "a write-up in progress",
    needles: ["writing", "drafting", "preparing", "putting together", "working on", "finishing", "reading"],
    // "drafting the monthly report; side note, the label app kept crashing all morning": a
    // problem told in passing beside the document.
    live: new RegExp(`${liveProblem.source}|${asideProblem.source}`),
    pattern:
      /^[^\w\n]{0,8}(?:i'?m |i am |currently |just )?(?:writing|drafting|preparing|putting together|working on|finishing|reading|wrapping up) (?:up )?(?:the|a|an|our|my|this) [^.?!\n]{0,60}\b(?:report|postmortem|post-mortem|rca|pir|retro|write-?up|summary|timeline|book|chapter|article|paper|blog post)\b/,
  },
  {
    // "the 'down' in 'countdown timer' keeps matching my keyword filter", "'dough down time'
    // keeps tripping my keyword filter haha": a word caught by a filter, a joke about the filter.
    name: "a word tripping a keyword filter",
    needles: ["filter", "regex", "keyword"],
    pattern:
      /\b(?:keeps?|kept|keeping|always|still) (?:matching|tripping|triggering|hitting|catching|setting off|firing)\b[^.?!\n]{0,30}\b(?:keyword|word|regex|grep|string) ?(?:filters?|matchers?|rules?|alerts?|search(?:es)?)?\b|\b(?:trips?|tripped|matches|matched|sets? off|triggers?|triggered) (?:my|our|the) (?:keyword|word|regex|grep|string) (?:filters?|matchers?|rules?|alerts?|search(?:es)?)\b/,
  },
  {
    // "updating the runbook for 'payment callbacks failing', please review", "runbook for 'cold
    // chain temperature high' updated, please review": an alert's runbook edited, named by the
    // alert; the alert is not firing.
    name: "a runbook edited for review",
    needles: ["runbook", "playbook", "sop"],
    pattern:
      /^[^\w\n]{0,8}(?:i'?m |i am |i |we |just )?(?:updat(?:ed|ing)|edit(?:ed|ing)|rewr(?:ote|iting)|draft(?:ed|ing)|wr(?:ote|iting)|add(?:ed|ing)|(?:clean|tidy|tidi)(?:ed|ing) up) (?:the |a |our |my )?(?:runbook|playbook|sop)s? (?:for|on) ['"‘“][^'"’”\n]{1,60}['"’”]|^[^\w\n]{0,8}(?:the )?(?:runbook|playbook|sop)s? (?:for|on) ['"‘“][^'"’”\n]{1,60}['"’”] (?:is |was |has been )?(?:updated|edited|rewritten|drafted|written|added|ready)\b/,
  },
  {
    // "sharing the capacity forecast for the stadium season: https://…", "here's the capacity plan
    // for the january peak": a document put where the team reads it.
    name: "a document shared",
    needles: ["sharing", "here's", "here is"],
    pattern:
      /^[^\w\n]{0,8}(?:i'?m |just |also )?(?:sharing|here'?s|here is) (?:the|our|a|my|this) (?:[\w-]+ ){0,4}(?:forecast|plan|report|review|summary|deck|slides|doc|document|spreadsheet|sheet|proposal|roadmap|notes|write-?up)s?\b[^?\n]{0,80}$/,
  },
  {
    // "👍 saw the settlement report, numbers match", "checked the invoicing run report, totals add
    // up": a report read and found right ("numbers don't match" is a report).
    name: "a report checked and right",
    needles: ["match", "add up", "look right", "look good", "tie out"],
    pattern:
      /\b(?:saw|seen|checked|looked at|went through|reviewed|read) (?:the|your|our|this|today'?s) (?:[\w-]+ ){0,4}(?:report|run|export|summary|statement|reconciliation|file)s?\b[^?\n]{0,20}\b(?:numbers|totals?|figures|counts|sums|amounts|balances) (?:all )?(?:match|add up|look (?:right|good|fine|correct)|tie out|reconcile)\b/,
  },
  {
    // "is it ok to deploy the portal hotfix now or should I wait for the freeze to lift?": when to
    // ship asked, nothing failing.
    name: "a deploy's timing asked",
    needles: ["wait"],
    pattern:
      /^[^\w\n]{0,8}(?:(?:quick q|quick question|q|question)[:,—-]? )?(?:is it (?:ok|okay|fine|safe|alright)|can i|can we|am i ok|are we ok|ok) to (?:deploy|ship|release|merge|push|roll out)\b[^?\n]{0,60}\bor (?:should|do|must) (?:i|we) wait\b/,
  },
  {
    // "rolling back wasn't needed, the canary looked clean", "no rollback needed": a change that
    // held.
    name: "no rollback needed",
    needles: ["rollback", "rolling back", "roll back"],
    pattern:
      /^[^\w\n]{0,8}(?:no rollback (?:was )?needed|rolling back (?:wasn'?t|was not|isn'?t|is not) needed|(?:we )?(?:didn'?t|did not) (?:need|have) to roll ?back|(?:the )?rollback (?:wasn'?t|was not|isn'?t|is not) needed)\b/,
  },
  {
    // "we were down for 11 minutes on friday, not bad for a full DB migration", "we were down 9
    // minutes during the db upgrade, well within the window": a planned downtime told after it.
    name: "a planned downtime told",
    needles: ["we were down"],
    pattern:
      /^[^\w\n]{0,8}we were down (?:for )?(?:only |just |about |around |~)?\d+ ?(?:min(?:ute)?s?|m|seconds?|secs?|s|hours?|hrs?|h)\b[^?\n]{0,40}\b(?:migration|upgrade|maintenance|cutover|switchover|window|move|patching)\b/,
  },
  {
    // "quick q — where do the pay station logs end up, cloudwatch or loki?", "do the connector
    // logs go to loki or datadog?": where telemetry is kept, asked.
    name: "where telemetry goes, asked",
    needles: ["logs", "metrics", "traces"],
    pattern:
      /\b(?:logs|metrics|traces)\b (?:end up|go|get (?:sent|shipped)|land|live|ship)\b(?: to| in)?[^?\n]{0,30}\bor\b[^?\n]{0,30}\?/,
  },
  {
    // "is the latency alert threshold for citation-api 1.5s or 2s? updating the wiki": a setting's
    // value asked.
    name: "a threshold's value asked",
    needles: ["threshold", "limit", "timeout", "target"],
    pattern:
      /\bis the (?:[\w-]+ ){0,3}(?:threshold|limit|timeout|target)\b(?: for [\w.-]+)? ~?\d+(?:\.\d+)? ?[a-z%]{0,3} or ~?\d+(?:\.\d+)? ?[a-z%]{0,3}\?/,
  },
  {
    // "fyi the 'error' banner on the permits page is intentional", "the 'translation error'
    // banners in the demo project are intentional": a quoted problem word shown on purpose.
    name: "a quoted warning said to be meant",
    needles: ["intentional", "on purpose", "by design", "deliberate"],
    pattern:
      /['"‘“][^'"’”\n]{1,40}['"’”] (?:[\w-]+ ){0,6}?(?:banners?|messages?|pages?|pop-?ups?|warnings?|notices?|labels?|screens?|toasts?|badges?|statuses|status)\b[^?\n]{0,40}\b(?:is|are) (?:intentional|on purpose|by design|deliberate)\b/,
  },
  {
    // "we should really write a runbook for the 'Adyen webhook signature invalid' alert before it
    // fires for real": a runbook wanted, the alert named, not firing.
    name: "a runbook wanted",
    needles: ["runbook", "playbook"],
    pattern:
      /\b(?:write|add|create|draft|need|want|get) (?:a |the |some )?(?:runbook|playbook)s? for (?:the |our )?['"‘“][^'"’”\n]{1,60}['"’”] (?:alert|alarm|check|monitor)s?\b/,
  },
  {
    // "I think the pretranslation backlog alert should fire earlier, 20 min is too long … let's
    // talk in planning": when an alert should fire, discussed.
    name: "an alert's timing discussed",
    needles: ["should"],
    pattern:
      /\b(?:alert|alarm|check|page|monitor)s? should (?:fire|trigger|page|go off|alert|kick in) (?:earlier|later|sooner|faster|less often|more often|less|more)\b/,
  },
  {
    // "translation of the day: 'the server is down' → 'el servidor está abajo'": a quote of the day.
    name: "a quote of the day",
    needles: ["of the day", "of the week"],
    pattern:
      /^[^\w\n]{0,8}(?:translation|word|phrase|quote|fun fact|til|meme|joke|typo|gem|error message|log line)s? of the (?:day|week)\b/,
    // (its quote may hold any word, "never again" too; only the present puts a problem beside it.)
    live: /\b(?:right now|at the moment|currently|but (?:also |now )?(?:prod|production|the site|checkout|\w+ is down))\b/,
  },
  {
    // "if the license server check fires tonight just ack it, IT is swapping the box tomorrow": a
    // known alert to come, told how to handle.
    name: "an expected alert to ack",
    needles: ["if "],
    pattern:
      /^[^\w\n]{0,8}(?:fyi,? |heads up,? )?if (?:the |our |that )?[^?\n]{0,60}\b(?:check|alert|alarm|monitor|page)s? (?:fires?|goes off|triggers?|pages?)\b[^?\n]{0,40}\b(?:just )?(?:ack|acknowledge|ignore|silence|snooze|mute)\b/,
  },
  {
    // "shared the Q3 SLO report in the drive, have a look", "shared the monthly uptime report
    // for the plants": a document put where the team reads it.
    name: "a report shared",
    needles: ["shared", "posted", "uploaded", "dropped", "put "],
    pattern:
      /^[^\w\n]{0,8}(?:i |we )?(?:just |also )?(?:shared|posted|uploaded|dropped|put) (?:the|our|a|my|this) (?:[\w-]+ ){0,4}(?:report|review|summary|deck|slides|figures|stats|numbers|doc|document|spreadsheet|sheet)s?\b[^?\n]{0,80}$/,
  },
  {
    // "monitoring for the new aquarium tenant is set up, tell me if you want extra checks":
    // monitoring put in place, nothing seen by it yet.
    name: "monitoring set up",
    needles: ["monitoring", "checks"],
    pattern:
      /^[^\w\n]{0,8}(?:the )?(?:monitoring|health ?checks|uptime checks|checks|alerts|alerting) (?:for|on) [^.?!\n]{1,50} (?:is|are|has been|have been|now) (?:all )?(?:set up|in place|configured|live|enabled|added|done)\b|^[^\w\n]{0,8}(?:i |we )?(?:just )?(?:set up|added|configured|enabled) (?:the |some |basic )?(?:monitoring|health ?checks|uptime checks) (?:for|on)\b/,
  },
  {
    // "can you post the runbook link for edi issues? want to read it before my first shift":
    // reading up ahead of on-call, nothing happening.
    name: "reading up before a shift",
    needles: ["before my", "ahead of my"],
    pattern:
      /\b(?:runbooks?|playbooks?|docs?|wiki|links?|dashboards?)\b[^\n]{0,100}\b(?:read|go through|look at|study|skim|review)\b[^\n]{0,30}\b(?:before|ahead of) my (?:first |next )?(?:shift|on-?call|rotation|pager week|week on call)\b/,
  },
  {
    // "quick q: should I page for a single kiosk offline or just open a ticket?": the paging
    // policy asked about a kind of case, not a case.
    name: "a paging policy question",
    needles: ["ticket", "jira"],
    pattern:
      /^[^\w\n]{0,8}(?:(?:quick q|quick question|q|question|newbie q|hey|hi)[:,!]? )?(?:so )?should (?:i|we) (?:page|escalate|call out|wake (?:someone|somebody) up)(?: someone| somebody| on-?call| the on-?call)? (?:for|on|when|if|over) (?:a|an|one|every|each|any|just one|a single)\b[^?\n]{0,60}\bor (?:just )?(?:open|log|file|raise|create|cut) (?:a |an )?(?:ticket|jira|issue)\b/,
  },
  {
    name: "something shared to read",
    needles: [
      "read",
      "went through",
      "skimmed",
      "book club",
      "worth a",
      "recommend",
      "poke around",
      "curious",
      "new runbook",
      "a look",
      "sharing",
      "interesting stuff",
      "homework",
      "food for thought",
    ],
    // ("just read the Denver outage timeline, wild that one missing index caused all that")
    // ("the new autopay dashboard is live, have a look when you get a chance: <link>")
    // ("a customer says her bill is £14,000 … might be worth a look" asks a look at a report.)
    // ("sharing this article on cold-chain monitoring for specimen transport, interesting stuff",
    // "reading material for the team: https://sre.google/…")
    pattern:
      /^[^\w\n]{0,8}(?:i )?(?:just |finally |also )?(?:read|finished reading|went through|skimmed) (?:the|that|this|your) [\w -]{0,40}(?:timeline|postmortem|post-mortem|write-?up|rca|retro|incident report|incident doc)s?\b|\bnew (?:[\w-]+ ){0,3}(?:dashboard|board|runbook|playbook|doc|docs|page|wiki page|guide|view)s? (?:is|are) (?:now )?(?:live|up|ready|out|published)\b[^.?!\n]{0,10}[,.;:!—-]\s{0,2}(?:have|take|give it|grab) a (?:quick )?look\b|\b(?:interesting|good|great|nice|fascinating|fun) (?:read|article|post|talk|paper|thread|write-?up)\b|\brecommended reading\b|\bfor (?:the )?book club\b|\bworth a (?:read|watch)\b|(?<!\b(?:might|may|could|would) be )worth a look\b|\bhighly recommend\b|\bif you want to poke around\b|\bfor anyone curious\b|^[^\w\n]{0,8}new runbook for\b|^[^\w\n]{0,8}(?:just |also )?sharing (?:this|that|an?|the|a (?:nice|good|great|fun)|an interesting) (?:[\w-]+ )?(?:article|post|blog ?post|paper|talk|thread|video|podcast|write-?up|read|piece|essay|newsletter|link)\b|\binteresting stuff\b|^[^\w\n]{0,8}(?:an? )?(?:links?|article|post|something) (?:for|to) (?:reading|read)(?: later)?\s{0,2}[:—-]|^[^\w\n]{0,8}(?:some |weekend |friday |recommended |required )?(?:reading material|reading list|reading|homework|food for thought)(?: for (?:the |this |our )?[\w -]{1,30})?\s{0,2}[:—-]/,
  },
  {
    // "down for a quick call about the tariff migration?", "anyone down for lunch?": willing, not out.
    name: "an invitation",
    // ("anyone down for foosball after standup?", "down bad for a burrito rn": a game or food
    // wanted — "down bad" is slang for wanting badly.)
    needles: ["down for", "down bad"],
    pattern:
      /(?:^[^\w\n]{0,8}|\b(?:you|anyone|anybody|everyone|who(?:'s| is)?|y'?all|u|i'?m|i am) )down (?:bad |so bad )?for (?:a |an |some )?(?:quick |short |brief |little |5 min |15 min )?(?:call|chat|sync|huddle|coffee|lunch|beer|drink|drinks|pairing|walk|game|round|review|catch-?up|1:1|zoom|meet|foosball|ping ?pong|table tennis|darts|pool|karaoke|trivia|bowling|board ?games?|movie|pizza|tacos?|burritos?|sushi|ramen|pho|food|snacks?|dinner|breakfast|brunch|pints?|happy hour|boba|donuts?|ice cream)\b|^[^\w\n]{0,8}(?:i'?m |i am |lowkey |so )?down bad for\b/,
  },
  {
    // "thumbs up from me on the new alert routing", "+1 from me on the runbook change": an approval.
    name: "an approval",
    needles: ["thumbs up", "+1", "👍", "lgtm", "sgtm", "ship it"],
    pattern:
      /^[^\w\n+]{0,8}(?:big |huge )?(?:thumbs up|\+1|👍|lgtm|sgtm|ship it)(?: from (?:me|us|my side|our side|the team))? (?:on|for|to) (?:the |this |that |your |our )?(?:new |updated |proposed )?[\w -]{1,40}$/u,
  },
  {
    // "bumped the pager rotation for the holidays, check the schedule": the rota changed, no page.
    name: "a rota change",
    needles: ["rotation", "rota", "schedule"],
    pattern:
      /^[^\w\n]{0,8}(?:i |we |just )?(?:bumped|updated|changed|swapped|adjusted|shuffled|moved|published|posted|extended|fixed|tweaked|rearranged|edited) (?:the |our )?(?:pager |on-?call |holiday |weekend |primary |secondary |support )?(?:rotation|rota|schedule)s?\b/,
  },
  {
    name: "a fact noted for a document or for fun",
    needles: ["for the ", "fun fact", "fun stat"],
    pattern:
      /^[^\w\n]{0,8}(?:for the (?:board deck|deck|audit|slides|newsletter|wiki|docs|record|quarterly review|okrs?|all-hands)|fun (?:fact|stat))\s{0,2}[:,]/,
    // "fun fact: the resort app shows a lift queue of 9999 minutes. it is not that busy": a
    // screen said to be wrong, under the fun, is a report of wrong data.
    live: new RegExp(`${liveProblem.source}|${screenWrong.source}`),
  },
  {
    name: "an alerting rule looked for",
    needles: ["have", "there"],
    pattern:
      /\b(?:wasn'?t there|was there|didn'?t we (?:use to |used to )?have|did we (?:use to |used to )?have|do we (?:still )?have) an? (?:alert|alarm|monitor|alert rule|rule|dashboard|check) for\b/,
  },
  {
    name: "a success reported",
    needles: [
      "fine",
      "smooth",
      "without",
      "not a single",
      "zero ",
      "nothing",
      "normally",
      "held",
      "holding",
      "look",
      "arrived",
      "done",
      "✅",
      "perfectly",
      "never looked better",
      "gorgeous",
      "normal",
      "flat",
      "healthy",
      "well",
      "nicer",
      "prettier",
      "cleaner",
      "easier",
    ],
    // ("checked the funnel after the release, conversions normal", "canary at 50%, all metrics
    // flat, proceeding", "the final's streaming peak went perfectly", "drop rate has never looked
    // better", "status check: all 42 garages reporting, occupancy feed healthy")
    pattern:
      /\b(?:went|ran|worked|handled it) (?:perfectly|flawlessly|beautifully)\b|\b(?:has |have )?never looked better\b|\blooks? (?:gorgeous|beautiful|lovely|perfect)\b|\b(?:checked|looked at|watched) (?:the )?[\w -]{1,40}(?:after|during) (?:the )?(?:release|deploy|rollout|launch|cutover|upgrade|migration)\b[^.?!\n]{0,10}, (?:all )?[\w -]{1,30} (?:normal|flat|healthy|fine|steady|stable)$|\b(?:metrics|graphs|numbers|dashboards|kpis) (?:all )?(?:normal|flat|healthy|green|steady)\b|\ball (?:metrics|graphs|numbers|dashboards|kpis) (?:normal|flat|healthy|green|steady)\b|\b(?:looks?|looking) healthy$|^[^\w\n]{0,8}status check: all \d{1,5} [\w -]{1,30} reporting\b|\b(?:ran|went|worked|running|going) (?:really |very |super |so |pretty |incredibly )?(?:fine|smoothly|well|great|clean(?:ly)?|without (?:a hitch|issues?|problems?))\b|\btested\b[^.?!\n]{0,60}\b(?:load|loads|work|works|open|opens|render|renders) (?:just )?(?:fine|ok|okay|great)\b|\b(?:so |much |way |a lot )*(?:nicer|prettier|cleaner|easier to read)\b[^.?!\n]{0,20}\b(?:after|since|with) (?:the |[\\w-]{1,30}(?:'s|’s) )?(?:redesign|refresh|rebrand|new (?:theme|design|layout|look|colou?rs))\b|\bnothing to report\b|\b(?:operating|running|reporting|working|responding|behaving) normally\b|\bis holding(?: (?:up|steady|nicely|well|fine)\b|(?=[,.!]|$))|\b(?:graphs?|dashboards?|charts?|numbers) looks? (?:healthy|amazing|great|good)\b|\btest (?:page|alert|notification) arrived\b|\b(?:upgrade|migration|cutover|rollout) (?:done|complete|completed|finished)\b|(?:✅[^✅\n]{1,40}){2}✅/,
    weakOnly: true,
    // ("latency graphs look gorgeous since the TSDB upgrade": the change credited, no problem's start.)
    live: liveGoodNews,
  },
  {
    // Not only with no evidence: the problem words are what did not happen ("not a single blip").
    name: "a problem said not to have happened",
    needles: ["without", "not a single", "zero ", "held", "nothing", "no "],
    // ("zero misreads since the firmware update": a start credited, not a problem's.)
    live: liveNoStart,
    // ("1 year without a major outage on the core 🎂", "happy 1 year of zero full outages", "zero
    // offline hubs in NSW for a whole week", "not a single dropped packet today", "woohoo, first
    // full week without a page": a streak cheered; "the new OCR cameras are 👌, zero misreads
    // since tuesday": new kit praised by the trouble it does not have.)
    pattern:
      /\bwithout a (?:hiccup|hitch|blip|glitch|single error)\b|\bnot a single (?:blip|error|page|alert|hiccup|(?:dropped|failed|lost) [\w-]{2,20})\b|\b(?:\d{1,4}|one|a|first) (?:straight |whole |full )?(?:days?|weeks?|months?|years?|quarters?) (?:without|of zero|of no|with no) (?:an? |any )?(?:(?:major|full|big|single|unplanned|customer-facing) )?(?:p[0-4]|sev ?[0-4]|incidents?|outages?|pages?|downtime)\b|\bzero (?:offline|failed|dropped|crashed|stuck|unhealthy) [\w-]{2,30}(?: [\w-]{2,30})? (?:in [\w -]{1,30} )?for (?:a |the )?(?:whole |full |entire )?(?:day|week|month|year|quarter|shift)\b|\bzero (?:new )?(?:pages|alerts|incidents|errors|issues)\b|(?:\b(?:are|is|works?|working|look|looks) (?:great|solid|awesome|amazing|brilliant|perfect|spot on)|(?:are |is )?(?:👌|👍|💯))[^.?!\n\w]{0,6}\b(?:zero|no|not a single|not one) (?:mis[a-z]{3,}|errors?|crash(?:es)?|jams?|failures?|declines?|rejects?|glitches|hiccups|timeouts?|drops?|retries|complaints?)\b|\beverything held\b|\bnothing (?:else )?to report$/,
  },
  {
    name: "nothing asked of anyone",
    needles: [
      "nothing",
      "no action",
      "no need",
      "ops ",
      "operations",
      "comms ",
      "dispatch",
      "control",
      "planners",
    ],
    // ("the latency alert at 3am was the known kafka rebalance, already discussed in standup, no action",
    // "heads up, MSC ALINA arrives 4h early, planners are on it, nothing for us")
    // ("2 buses on route 7 short-turning after a collision. Ops is handling it", "ferries delayed
    // 15 min, ops knows", "Comms has the rider alert out", "route 14 detoured, FYI no action for
    // us": operations' news, handled by the team whose work it is.)
    pattern:
      /\bwas (?:the|our) (?:known|usual|expected|nightly|weekly|scheduled|planned) [^.?!\n]{1,60}[,;—-] ?(?:[^.?!\n]{0,60}[,;—-] ?)?no action\s*[.!]?$|\bno action (?:for|from|on) (?:us|our side|our end)\b|\b(?:ops|operations|comms|dispatch|control|planners)(?: team)? (?:is |are )?(?:handling (?:it|this|the replies|replies)|on it|knows|know|(?:is|are) aware)\b|\bcomms (?:has|have|put) the (?:rider |customer |passenger )?(?:alert|notice|message|advisory) (?:out|up)\b|\b(?:no action (?:needed|required)|nothing to do|nothing for (?:you|us)(?: to do)?|nothing on our (?:side|end)|no need to do anything)(?: yet| for now| on our side)?\b|\bnothing(?:'s| is)? wrong, just\b/,
    weakOnly: true,
  },
  {
    // "what time's the CAB today?", "does the mvno api support pagination?", "which region is the
    // permits db in?", "any recommendations for learning PromQL?", "can someone take notes at the
    // review?", "is it ok to drop the scrape interval to 15s?", "quelqu'un a le lien vers le
    // tableau de bord ?": information or a hand asked for, no system said to be in trouble.
    name: "a question for information",
    needles: [
      "what time",
      "hora",
      "heure",
      "uhr",
      "support",
      "which ",
      "recommend",
      "tips",
      "notes",
      "is it ok",
      "is it safe",
      "do we still need",
      "link",
      "lien",
      "enlace",
      "per ",
    ],
    pattern:
      /\bwhat time(?:'s| is| does) (?:the |our )?[\w -]{1,40}\?|\ba qu[eé] hora (?:es|empieza|será)\b|(?:^|\s)[aà] quelle heure\b|\bum wie ?viel uhr\b|\bque horas (?:é|e|começa)(?![\p{L}])|\bdoes (?:the |our )?[\w -]{1,40} support [\w -]{1,40}\?|^[^\w\n]{0,8}(?:quick q(?:uestion)?:? )?which (?:region|az|availability zone|zone|cluster|account|datacenter|dc|vpc|subnet|namespace|team) (?:is|are) (?:the |our )?[\w -]{1,40} in\?|\bany (?:recommendations|recs|tips|resources|suggestions) for (?:learning|getting started with|reading up on)\b|\b(?:can|could) (?:someone|somebody|anyone) take notes\b|\bis it (?:ok|okay|safe|fine) to (?:drop|raise|lower|bump|change|set|increase|decrease|reduce) (?:the )?[\w -]{1,40} to \d|\bdo we (?:still )?need (?:the )?(?:old )?[\w -]{1,40} now that\b|\b(?:quelqu'un a|quelqu’un a|does anyone have|anyone have|alguien tiene|alguém tem) (?:le lien|the link|el enlace|o link)\b|\b(?:rate limit|limit|count|alert|bill|charge)s? per [\w-]{1,20} or per [\w-]{1,20}\?/u,
    weakOnly: true,
    live: /\b(?:failing|down|broken|erroring|timing out|crashing|firing|stuck|unreachable|throwing|hanging|errors?|[45]\d\ds?|outage|not (?:working|loading))\b|\bright now\b|\b(?:but|however|though|although)\b/,
  },
  {
    // "the error rate panel is misleading, it includes 404s from bots — can we change that next
    // sprint?": how a panel or a number is built, and a change to it, talked about.
    name: "a panel's design talked about",
    needles: ["misleading", "confusing", "hard to read"],
    pattern:
      /\b(?:panel|graph|chart|dashboard|metric|number|widget|query|slo|sli|view|tile)s? (?:is|are) (?:a bit |kind of |pretty |really |super |quite |so )?(?:misleading|confusing|hard to read)\b[^\n]{0,160}\b(?:next sprint|later|someday|at some point|backlog|(?:can|could|should) we (?:change|fix|tweak|update|exclude|filter|split|drop|rename)|let'?s (?:change|fix|tweak|exclude|filter|split|drop|rename))\b/,
  },
  {
    // "lol the rider app copy literally says "Error: fun not found" …, design wants it changed".
    name: "a remark on product copy",
    needles: ["copy", "wording", "microcopy"],
    pattern:
      /\b(?:copy|microcopy|wording)\b (?:literally |now |still |just )?(?:says|reads|shows)\b[^\n]{0,160}\b(?:design|ux|product|content|copy|marketing|brand|legal)(?: team| folks| people)? (?:wants?|asked|would like|is changing|will change|are changing)\b/,
  },
  {
    // "did the geofence alert tuning PR get merged?": a change's status asked, nothing failing.
    name: "a change's status asked",
    needles: ["merged", "deployed", "shipped", "released", "rolled out", "approved"],
    pattern:
      /^[^\w\n]{0,8}(?:so |quick q:? )?(?:did|has|have|was|were|is) (?:the |that |this |my |our |your )?[\w -]{1,50}\b(?:pr|mr|pull request|change|patch|tweak|update|config change)s? (?:ever |already |finally )?(?:get |gotten |been |got )?(?:already |finally )?(?:merged|deployed|shipped|released|rolled out|approved)\b[^.!?\n]{0,30}\?\s*$/,
    weakOnly: true,
  },
  {
    // "did the unlock latency threshold change get merged?": an alerting change's status asked;
    // the metric it names is the rule's subject, not a fault (a fault told after it is no longer
    // the whole question).
    name: "an alerting change's status asked",
    needles: ["merged", "deployed", "shipped", "rolled out", "approved"],
    pattern:
      /^[^\w\n]{0,8}(?:so |quick q:? )?(?:did|has|have|was|were|is) (?:the |that |this |my |our |your )?[\w -]{0,50}\b(?:threshold|alert|alerting|monitor|paging|alarm) (?:change|tweak|update|tuning|bump|pr|mr)s? (?:ever |already |finally )?(?:get |gotten |been |got )?(?:already |finally )?(?:merged|deployed|shipped|rolled out|approved)\b[^.!?\n]{0,30}\?\s*$/,
  },
  {
    // "is there an alert for GBFS staleness or should I add one?": alerting's coverage asked.
    name: "an alert's existence asked",
    needles: ["or should", "or shall", "or do ", "or can "],
    pattern:
      /^[^\w\n]{0,8}(?:quick q:? )?(?:is there|do we have|have we got|are there) (?:an? |any )?(?:alert|monitor|alarm|check|page|alerting)s? (?:for|on|that|when|if)\b[^?\n]{0,80}\bor (?:should|shall|do|can) (?:i|we) (?:add|create|make|set up|write|build) (?:one|it|them)\b[^?\n]{0,20}\?\s*$/,
    weakOnly: true,
  },
  {
    // "the 'ride ended unexpectedly' bug from last month, was that ever root-caused? just curious".
    name: "a past problem asked about",
    needles: ["ever "],
    pattern:
      /\b(?:was|were|did|has|have) (?:that|it|this|they|we|those) ever (?:get |been |gotten )?(?:root[- ]caused|fixed|resolved|explained|figured out|understood|tracked down|track (?:it|that|them) down|find (?:out|the cause))\b[^\n]{0,60}\b(?:just curious|curious|for the docs?|for the wiki|for the write-?up|out of curiosity|no rush|not urgent|for my notes)\b|\b(?:from|in) (?:last|the) (?:week|month|quarter|year|sprint|spring|summer|autumn|fall|winter)\b[^?\n]{0,40}\b(?:was|were|did|has|have) (?:that|it|this|they|we|those) ever (?:get |been |gotten )?(?:root[- ]caused|fixed|resolved|explained|figured out|understood|tracked down|track (?:it|that|them) down)\b/,
  },
  {
    // "fyi Paris ops is rebalancing the fleet tonight, lots of scooters will be offline in the
    // vans, that's normal": work announced with its effect, called normal by the writer.
    name: "work announced as normal",
    needles: ["normal", "expected", "by design", "intended"],
    pattern:
      /^[^\w\n]{0,8}(?:fyi|heads[- ]up|psa|note|just so you know)[,:!]?\s[^\n]{0,160}\b(?:will|may|might|should|is going to|are going to) (?:be|show|look|go|read|drop)\b[^\n]{0,100}\b(?:that'?s|this is|it'?s|which is|all|totally|perfectly) (?:normal|expected|fine|intended|by design)\b/,
  },
  {
    // "will the dashboard be down during tonight's grafana upgrade? just planning my evening".
    name: "a question about planned downtime",
    needles: ["will ", "going to be"],
    pattern:
      /\b(?:will (?:the |our )?[\w -]{1,40} be|(?:is|are) (?:the |our )?[\w -]{1,40} going to be) (?:down|offline|unavailable|read-?only|affected|frozen|paused)\b[^?\n]{0,40}\b(?:during|for|while|in) (?:the |tonight'?s |tomorrow'?s |this |next |sunday'?s |saturday'?s |friday'?s |the planned |the scheduled )?[\w -]{0,30}\b(?:upgrade|maintenance|migration|window|cutover|deploy|release|move|switchover|failover test)\b/,
  },
  {
    // "so when the unlock error rate alert fires, what do you actually check first? trying to learn".
    name: "a question to learn the work",
    needles: ["when "],
    pattern:
      /\bwhen (?:the |an? |that |this |our )?[\w -]{1,50} (?:alert|alarm|monitor|page|pager)s? (?:fires|goes off|triggers|pages (?:you|us|someone)|trips)\b[^?\n]{0,40}\bwhat (?:do|should|does|would) (?:you|we|i|one|people|someone|on-?call)\b/,
  },
  {
    // "do you keep history of past incidents somewhere I can browse?": the record asked for, not
    // a problem (whatever the word "incidents" reads as).
    name: "a question about past records",
    needles: ["history", "archive", "list of", "log of", "record of", "catalog"],
    pattern:
      /\b(?:do (?:you|we)|does (?:anyone|the team|anybody)|is there) (?:\w+ )?(?:keep|have|store|track|maintain|a|an) (?:a |an |the )?(?:history|list|log|archive|record|catalog(?:ue)?|index)s? of (?:past|old|previous|all|our|earlier)\b[^\n]{0,80}\?/,
  },
  {
    // "are we still doing the game day on the 20th? want to simulate an IoT gateway failure".
    name: "a drill planned",
    needles: ["game day", "gameday", "chaos", "drill", "tabletop"],
    pattern:
      /\b(?:game ?day|chaos (?:day|test|drill|experiment)|dr (?:drill|test)|failover drill|fire drill|tabletop(?: exercise)?)\b[^\n]{0,100}\b(?:simulate|simulating|inject|injecting|practi[cs]e|rehearse|pretend)\b|\b(?:are we still doing|still on for|when is|when's) (?:the )?(?:game ?day|chaos day|dr drill|failover drill|tabletop)\b/,
    // ("are we still doing …" asks after the plan; a drill that broke something real is news.)
    live: /\b(?:is|are|keeps?|now|currently) (?:\w+ )?(?:failing|down|broken|erroring|timing out|crashing|firing|paging|stuck|unreachable)\b|\bright now\b|\bfor real\b|\b(?:but|however|though|although)\b/,
  },
  {
    // "🥖 time", "🍕 time!", "☕ o'clock": a break announced with its food, the whole message.
    name: "a food break",
    needles: ["time", "o'clock", "oclock"],
    pattern:
      /^[^\w\n]{0,8}?(?:[🥖🍕☕🍺🍻🌮🍔🍩🍰🎂🍦🍜🍣🥐🥯🍪🍫🍷🥂🍿🥪🌯🥗🍱🍝🧁🍵🫖🧋🥤🍎🍌🍉🥨🧇🥞🍳🥟🍲🍛]\ufe0f?\s*){1,3}(?:time|o'?clock)\s*[!?.]*\s*(?:\p{Extended_Pictographic}\ufe0f?\s*)*$/u,
  },
  {
    // "just closed the jira ticket for the duplicate charges, refunds all processed": work done.
    name: "a ticket closed",
    needles: ["closed", "resolved", "wrapped up"],
    pattern:
      /^[^\w\n]{0,8}(?:i |we )?(?:just |finally |also )?(?:closed|resolved|closed out|wrapped up) (?:the|my|our|that|this) (?:[\w-]+ ){0,2}(?:ticket|jira|issue|case|task|story|card)\b/,
  },
  {
    // "shop managers asked for a weekly report of pickup no-shows, not urgent, just an idea": a
    // report or a feature asked for, softened.
    name: "a feature asked for",
    needles: ["asked", "would like", "would love", "request", "wants", "want"],
    pattern:
      /\b(?:asked (?:for|if we could (?:add|build|get|have|make))|would (?:like|love)|wants?|(?:feature|wish) request(?: from [\w -]{1,30})?:?) (?:a |an |some |the )?(?:new |weekly |daily |monthly |nightly |simple |quick )?[\w -]{0,30}\b(?:reports?|exports?|summary|summaries|digests?|views?|features?|buttons?|options?|modes?|downloads?|emails?|filters?|columns?|charts?|widgets?)\b[^\n]{0,80}\b(?:not urgent|no rush|just an idea|nice to have|low priority|whenever|someday|when you (?:get a chance|have time))\b/,
  },
  {
    // "is there a runbook for when an oven controller goes offline? just want to read it before my
    // first on-call": a guide asked for to read ahead, the failure its topic.
    name: "a guide asked for to read ahead",
    needles: ["runbook", "playbook", "guide", "docs", "sop"],
    pattern:
      /\b(?:is there|do we have|have we got|where(?:'s| is)) (?:a |an |the |any )?(?:runbook|playbook|guide|docs|sop|checklist)s? (?:for|on) (?:when|if|what to do (?:when|if))\b[^?\n]{1,80}\?\s*(?:i )?(?:just |only )?(?:want(?:ed)? to|wanna|would like to|like to|reading|read(?:ing)? up|asking for|to) ?(?:read|prep|prepare|learn|study|be ready|review|skim|look|onboarding|my onboarding|up)\b[^?\n]{0,60}$/,
  },
  {
    // "what does CODECO stand for again?", "what's BAPLIE short for?": a word's meaning asked, the
    // whole message (an error's code asked about is one at hand).
    name: "a word's meaning asked",
    needles: ["stand for", "short for", "mean"],
    pattern:
      /^[^\w\n]{0,8}(?:quick q(?:uestion)?:? |sorry,? |dumb question:? )?what(?:'s| is| does| do) (?:the |an? )?(?!(?:[\w' "-]{0,30} )?(?:error|exception|code|status|message|alert|warning|log line)s?\b)(?:[\w'"-]{1,20} (?:in |of )?){1,4}(?:stand for|short for|mean)(?: again| exactly)?\s*\?+\s*$/,
    // ("again" asks to be reminded; it puts nothing back in the present.)
    live: /\b(?:failing|down|broken|erroring|timing out|crashing|firing|stuck|unreachable|throwing|hanging|errors?|outage|not (?:working|loading))\b|\bright now\b|\b(?:but|however|though|although)\b/,
  },
  {
    // "is the down-time for the crane PLC upgrade still sunday?": the plan asked after.
    name: "a planned downtime asked after",
    needles: ["down", "maintenance", "outage", "window"],
    pattern:
      /\b(?:is|are|was) (?:the |our |that )?(?:planned |scheduled )?(?:down-?time|maintenance(?: window)?|outage window|planned outage|change window)\b[^?\n]{0,60}\b(?:still (?:on )?|moved to |(?:planned|scheduled|set) for |on |happening )(?:for |on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight|tomorrow|the weekend|next week|this week|\d)[^?\n]{0,20}\?\s*$/,
    live: /\b(?:is|are|keeps?|now|currently) (?:\w+ )?(?:failing|down|broken|erroring|timing out|crashing|firing|paging|stuck|unreachable)(?![\w-])|\bright now\b|\b(?:but|however|though|although)\b/,
  },
  {
    name: "a question about who owns something or how it works",
    // ("which team owns the snow-report service again?", "does anyone know if the gate firmware
    // 4.2 supports NFC phones?": who owns it, or what a version supports, asked.)
    needles: ["who ", "how ", "what", "is there", "right channel", "page", "which ", "know if"],
    pattern:
      /\bwho (?:owns|maintains|is responsible for|should i talk to|do i talk to|do i ask|gets woken up|gets paged)\b|(?:\b(?:which|what) (?:team|squad|group|person|dev team) (?:owns|maintains|runs|is responsible for)\b|\b(?:does )?any(?:one|body) know if [\w .-]{1,60}? (?:supports?|works? with|is compatible with|handles?)\b)[^.!?\n]{0,80}\?\s*$|\bhow (?:is|are) (?:the |our )?[\w -]{1,40} (?:calculated|computed|measured|counted|defined)\b|\bhow does (?:the )?[\w -]{1,40} (?:work|flow)\b|\bwhat'?s (?:the|our) (?:retention|rpo|rto|sla|slo)\b|\bhow many [\w -]{1,30} (?:do we have|are on|are there)\b|\bis there a (?:grafana |datadog |kibana )?(?:board|dashboard) for\b|\bis this the right channel\b|(?:\bwhat does [\w -]{1,40} (?:measure|count|track|represent)\b|\bdoes (?:an? |the )?(?:['"‘][\w -]{1,20}['"’] (?:severity |alert )?|(?:sev ?\d|p\d)(?: alert)? |(?:critical|high|low|warning) (?:severity |alert )?)page (?:both|the|only|just|everyone|all)\b|\bwhat (?:channels?|dashboards?) should (?:i|we) (?:watch|follow|join|look at)\b)[^.!?\n]{0,60}\?\s*$/,
    // ("… owns X again?": "again" asks to be reminded, it puts nothing back in the present.)
    live: new RegExp(liveProblem.source.replace("|still|again)", "|still)")),
    weakOnly: true,
  },
  {
    // "remember to update the roster runbook with the new solver flags", "don't forget to add the
    // new kiosk IDs to the inventory sheet": work to do reminded of, nothing failing.
    name: "a reminder of work",
    needles: ["remember", "forget", "reminder"],
    pattern:
      /^[^\w\n]{0,8}(?:(?:friendly |gentle |quick )?reminder[:,]? |pls |please |and )?(?:remember|don'?t forget|don’t forget|do not forget|reminder) to (?:update|add|review|fill in|fill out|submit|log|file|book|sign|merge|rotate|renew|tag|write|read|clean up|archive|document|move|close|approve|send|post|share|remove|delete|bump|upgrade|change|put|note|record|include|label|copy|attach)\b[^\n]{0,120}$/,
  },
  {
    // "quote volume is up 30% this week thanks to the new campaign, systems handling it fine":
    // growth the systems absorb is good news, whatever the number says.
    name: "growth handled",
    needles: ["handling", "coping", "absorbing", "keeping up", "taking it"],
    pattern:
      /\b(?:systems?|everything|infra(?:structure)?|platform|cluster|stack|backend|api|site|app|servers?|db|database|we(?:'re| are)?|it(?:'s| is)?)(?: are| is)? (?:handling|coping with|absorbing|keeping up with|taking) (?:it|the (?:load|traffic|volume|spike|growth|increase|extra (?:load|traffic|volume))|that)(?: (?:just )?(?:fine|well|great|nicely|ok|okay|easily|no problem|without (?:a hitch|issues?|problems?)))\b/,
  },
  {
    // "the DLQ is empty again after the redrive 👍", "retry queue drained, back to zero": a
    // person's recovery of a queue (a tool's recovery has its own format and stays an alert).
    name: "a queue drained",
    needles: ["empty", "clear", "drained", "zero", " 0"],
    pattern:
      /^[^\w\n]{0,8}(?:the |our )?(?:[\w-]{1,30} ){0,2}(?:dlq|dead[- ]letter queue|queue|backlog|inbox|retry queue)s? (?:is |are )?(?:now |finally )?(?:empty|clear|cleared|drained|at zero|at 0|back (?:down )?to (?:zero|0|normal))(?: again)?\b[^\n]{0,60}$/,
    live: /\b(?:but|however|though|although|still|not|no|nothing|since|isn'?t|aren'?t|failing|failed|errors?|broken|stuck|missing|filling|growing|lost|dropped)\b|\?/,
  },
  {
    // "the 'down' arrow on the new crew portal design looks weird, but that's a UX thing not for
    // you 😅": a design nit, handed away from the bot.
    name: "a design nit, not for the bot",
    needles: ["ux", "ui ", "design", "cosmetic", "not for you"],
    pattern:
      /\b(?:that'?s|it'?s|this is|just|purely) (?:a |an |just a |purely a |more of a )?(?:ux|ui|design|cosmetic|visual|copy|styling|css|product) (?:thing|issue|question|nit|matter|call)\b|\bnot (?:one |something )?for you\b/,
    live: /\b(?:is|are|keeps?|still|now|currently) (?:\w+ )?(?:failing|down|broken|erroring|timing out|crashing|stuck|unreachable|throwing|hanging)\b|\bright now\b|\b(?:can'?t|cannot|unable|not (?:working|loading))\b/,
  },
  {
    // "last year's heatwave outage was brutal, glad we have autoscaling now": a past incident
    // looked back on, with relief.
    name: "a past incident looked back on",
    needles: ["glad", "good thing", "thankfully", "luckily", "grateful", "at least"],
    pattern:
      /^[^\w\n]{0,8}(?:remember )?(?:last (?:year|month|week|summer|winter|christmas|easter|black friday|cyber monday|season)|(?:the |that )?(?:\d{4}|old)|the) ?(?:'s |’s |s )?[\w -]{0,30}\b(?:outage|incident|meltdown|downtime|sev ?\d|p\d|fire|crash|disaster|fiasco)\b[^.?!\n]{0,30}\b(?:was|were)\b[^\n]{0,60}\b(?:glad|good thing|thankfully|luckily|grateful|at least)\b[^\n]{0,80}$/,
    live: liveNoStart,
  },
  {
    // "reminder: install crews in Perth are off on Monday (public holiday)": people away.
    name: "people away",
    needles: [" off", " out", " away", "leave", "closed"],
    pattern:
      /\b(?:crews?|team|staff|engineers?|installers?|techs?|technicians?|drivers?|support|office|ops|everyone|warehouse|depot|call cent(?:re|er))\b[^.?!\n]{0,40}\b(?:are|is|will be) (?:all )?(?:off|out|closed|away|on leave)\b[^\n]{0,60}\b(?:public holiday|bank holiday|holiday|leave|off-?site|training|christmas|easter|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|next week|this week)\b/,
    live: new RegExp(`${liveProblem.source}|\\b(?:can'?t|cannot|unable|offline|failing|broken)\\b`),
  },
  {
    // "the 'alert fatigue' talk at the guild today was really good": a talk heard, its title quoted.
    name: "a talk heard",
    needles: ["talk", "workshop", "presentation", "session", "keynote", "webinar", "training"],
    pattern: new RegExp(
      `${quoted} (?:lightning )?(?:talk|workshop|presentation|session|keynote|webinar|training)\\b[^.?!\\n]{0,60}\\b(?:was|is) (?:really |so |very |super |pretty |actually )?(?:good|great|interesting|fun|amazing|excellent|useful|insightful|brilliant|solid)\\b`,
    ),
  },
  {
    // "the spam wave last month is why we added the fraud-watch bot": a past incident as a reason.
    name: "a past incident told as a reason",
    needles: ["why we"],
    pattern:
      /\b(?:last (?:week|month|year|quarter|summer|winter|spring|fall|autumn|christmas|black friday)|in (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|back in [\w-]+|in \d{4})\b[^.?!\n]{0,30}\b(?:is|was) (?:the reason |partly |basically |exactly )?why we (?:added|have|built|bought|moved|switched|use|wrote|set up|introduced|started|got|run|now have)\b/,
  },
  {
    // "we had a ton of 502s during the reindex last spring — should we schedule the next one on a
    // closed day?": a past problem as the reason a plan is asked about.
    name: "a past problem told to plan by",
    needles: ["should we", "shall we", "can we", "could we"],
    pattern:
      /\bwe (?:had|saw|got|hit|ran into) [^.?!\n]{0,60}\b(?:last (?:time|week|month|year|quarter|summer|winter|spring|fall|autumn)|back in [\w-]+|in \d{4})\b[^?\n]{0,20}\b(?:should|shall|can|could) we (?:schedule|plan|move|do|run|book|put|time|hold|start)\b[^\n]{0,80}\?/,
  },
  {
    // "lol the alert name 'BookDropOverflow' is my favorite thing today": an alert's name talked about.
    name: "an alert's name talked about",
    needles: ["name", "called"],
    pattern: new RegExp(
      `\\b(?:alert|alarm|monitor|page|check)(?:'s)? (?:name|named|called) ${quoted}|\\bwho (?:named|came up with|called) (?:the|this|that) (?:alert|alarm|monitor)\\b`,
    ),
  },
  {
    // "v1.9 is out, the encoding issue from last week should be fixed for good": a fix shipped.
    name: "a fix shipped for a past problem",
    needles: ["should"],
    pattern:
      /\b(?:v?\d+(?:\.\d+)+|release|version|patch|hotfix|update)\b[^.?!\n]{0,30}\b(?:is out|is released|released|is live|shipped|is deployed|went out|rolled out|landed)\b[^.?!\n]{0,80}\b(?:issue|bug|problem|error|crash|glitch)(?:es|s)? (?:from|of) (?:last|yesterday|earlier|this morning|the other day|monday|tuesday|wednesday|thursday|friday|the weekend)\b[^.?!\n]{0,30}\bshould (?:now |finally )?be (?:fixed|gone|resolved|sorted)\b/,
  },
  {
    // "once the new gateways are in, we should revisit the ModbusPollErrors threshold — no rush".
    name: "a threshold to revisit",
    needles: ["threshold", "alert", "alarm", "rule", "limit", "sensitivity"],
    pattern:
      /\b(?:we should|should we|let'?s|we could|we need to|we might|maybe)\b[^.?!\n]{0,20}\b(?:revisit|revise|rethink|retune|re-?tune|tune|adjust|tweak|review|relax|loosen|tighten)\b (?:the |our |that |this )?(?:[\w-]{1,40} )?(?:threshold|thresholds|alert|alerts|alarm|alarms|rule|rules|limit|limits|sensitivity)\b/,
  },
  {
    // "what's the diff between P2 and P3 for us?": what severity levels mean, asked.
    name: "severity levels asked about",
    needles: ["diff"],
    pattern:
      /^[^\w\n]{0,8}(?:quick q(?:uestion)?:? )?what(?:'s| is) (?:the )?diff(?:erence)? between (?:a )?(?:p[0-5]|sev ?[0-5]|severity [0-5]|s[0-5])s? and (?:a )?(?:p[0-5]|sev ?[0-5]|severity [0-5]|s[0-5])s?\b[^?\n]{0,30}\?\s*$/,
  },
  {
    // "¿puedes resumir el incidente de ayer?": a past incident's summary asked, in another language.
    name: "a summary asked in another language",
    needles: ["resum", "résum", "zusammenfass", "riassum"],
    pattern:
      /\b(?:puedes|podr[ií]as|peux-tu|pourrais-tu|tu peux|kannst du|k[öo]nntest du|puoi|potresti|podes|pode)\b[^?\n]{0,60}\b(?:resumir|r[ée]sumer|zusammenfassen|riassumere|fazer um resumo)\b|\b(?:de ayer|d'hier|von gestern|di ieri|de ontem)\b[^?\n]{0,30}\b(?:zusammenfassen|riassumere)\b/,
  },
  {
    // "lol the coffee machine on 3 is down again, not an IT issue thankfully", "the gate was slow
    // because of a customs inspection, not an IT thing": the writer says it is no system's. Its own
    // "down again" is the disclaimed thing's; a turn after it may still report.
    name: "a problem said not to be IT's",
    needles: ["not an it", "not an i.t", "not a tech", "not a system", "nothing to do with"],
    pattern:
      /\b(?:not (?:an? )?(?:it|i\.t\.?|tech|systems?|software|computer) (?:thing|issue|problem|one|matter)|nothing to do with (?:it|i\.t\.?|tech|us|our systems?|the systems?))\b[\s,.!]*(?:thankfully|luckily|phew|lol|haha|for once|this time)?[\s,.!]*(?:(?:\p{Extended_Pictographic}|\uFE0F|\u200D)\s*)*$/u,
    live: /\b(?:but|however|though|although|btw|also)\b/,
  },
  {
    // "reminder that the Watchdog alert always fires, it's a heartbeat, not a problem": an alert
    // explained as firing by design ("the Watchdog alert stopped firing" is the problem).
    name: "an alert explained as firing by design",
    needles: ["heartbeat", "always fire", "supposed to fire", "meant to fire", "designed to fire"],
    pattern:
      /\b(?:alert|alarm|check|monitor|watchdog|deadman|dead man'?s switch)\b[^.?!\n]{0,40}\b(?:always (?:fires|firing|on)|(?:is )?(?:supposed|meant|designed) to (?:always )?(?:fire|be firing))\b|\b(?:it'?s|it is|is) (?:just |only )?a heartbeat\b/,
    live: /\b(?:but|however|stopped|stops|isn'?t firing|not firing|went silent|is silent|missing|no longer)\b/,
  },
  {
    // "just FYI — I closed the duplicate incident in ServiceNow": tidying tickets, nothing wrong.
    name: "a duplicate ticket closed",
    needles: ["duplicate", "dupe"],
    pattern:
      /\b(?:closed|closing|merged|merging|resolved|cancelled|canceled|deleted) (?:the |a |that |this |one |both )?(?:duplicate|dupe)d? (?:incident|ticket|issue|alert|page|inc|case|jira)s?\b|\b(?:closed|closing|marked|merged) (?:it |that |this |one )?as (?:a )?(?:duplicate|dupe)\b/,
  },
  {
    // "what does 'Apdex' actually measure?", "what does MTTA stand for?": a metric's meaning asked,
    // the whole message.
    name: "a metric's meaning asked",
    needles: ["measure", "stand for", "track", "count"],
    pattern:
      /^[^\w\n]{0,8}(?:(?:quick q(?:uestion)?|dumb question|noob question|sorry|hey|hi)[,:!]? )?what (?:does|do|is) (?:the |our |an? )?['"‘“]?[\w -]{1,30}['"’”]? (?:actually |even |really |exactly )?(?:measure|track|count|stand for)\s*\?+\s*$/,
    weakOnly: true,
  },
  {
    // "is it ok to delete the old legacy-profiles mysql snapshots from 2021?": permission asked to
    // tidy away something old, the whole message.
    name: "permission to clean up asked",
    needles: ["delete", "remove", "drop", "clean", "purge", "prune", "archive", "get rid"],
    pattern:
      /^[^\w\n]{0,8}(?:(?:quick q(?:uestion)?|q)[,:]? )?(?:is it (?:ok|okay|safe|fine|alright)|(?:can|could|may|should) (?:i|we)|ok if (?:i|we)|any objections? if (?:i|we)|mind if (?:i|we)) (?:to )?(?:delete|remove|drop|clean up|purge|prune|archive|nuke|get rid of) (?:the |those |these |our |all (?:the |of the )?)?(?:old|stale|unused|legacy|orphaned|leftover|dangling|obsolete)\b[^?\n]{0,80}\?\s*$/,
    weakOnly: true,
  },
  {
    // "made a grafana dashboard for video date quality: <link>": a dashboard made and shared.
    name: "a dashboard made and shared",
    needles: ["dashboard", "board"],
    pattern:
      /^[^\w\n]{0,8}(?:i |we )?(?:just )?(?:made|built|created|put together|threw together|set up) (?:a |an |the )?(?:new |quick |little |small |first )?(?:[\w-]+ ){0,3}(?:dashboard|board)s? (?:for|of|showing|on|to (?:track|watch|see|follow)) [^\n]{1,120}$/,
  },
  {
    // "it's 38 degrees in Adelaide today, panels are loving it ☀️": the weather.
    name: "the weather",
    needles: ["degrees", "°"],
    pattern:
      /^[^\w\n]{0,8}(?:it'?s|it is|hitting|a balmy|a scorching|another|already) (?:a |an )?-?\d{1,2}(?:\.\d)? ?(?:°c?|°f|degrees?)(?![\w])[^\n]{0,80}$/,
    live: /\b(?:overheat\w*|trip\w*|throttl\w*|derat\w*|shut\w* down|offline|failing|failed|down|alarms?|errors?|not|no|can'?t|cannot|but|however|though|outage|faults?)\b/,
  },
  {
    // "we should add an alert for reservoir pH drift, right now we only see it in the dashboard":
    // monitoring wished for, the thing seen only by looking ("right now" is the wish's, not a
    // problem's).
    name: "monitoring wished for",
    needles: ["alert", "alarm", "monitor", "check"],
    pattern:
      /^[^\w\n]{0,8}(?:(?:idea|proposal|suggestion|thought)[,:]? )?(?:we|i) (?:should|could|need to|ought to|want to|might want to) (?:really |probably |maybe |also )?(?:add|set up|create|build|get|write|have) (?:an? |some |proper |real )?(?:alert|alarm|monitor|check|page)(?:ing|s)? (?:for|on|when|if)\b[^\n]{0,80}\b(?:only (?:see|notice|spot|catch|find) (?:it|them|this|that)|(?:see|notice|spot|catch) (?:it|them) (?:only )?(?:in|on|by|when) (?:the )?(?:dashboard|grafana|graphs?|logs|reports?|charts?)|by (?:luck|accident|chance)|manually)\b/,
    live: /\b(?:is|are|keeps?|still) (?:\w+ )?(?:failing|down|broken|erroring|timing out|crashing|stuck|unreachable|drifting)\b|\bsince (?:\d|this|yesterday)/,
  },
  {
    // "'it's always DNS' — me, after 3 hours debugging something that was not DNS 😅": a quote
    // the writer laughs at, of their own past.
    name: "a joke quoted on oneself",
    needles: ["— me", "- me", "– me", "-me", "—me"],
    pattern:
      /^[^\w\n]{0,8}['"‘“][^\n]{2,60}?['"’”]\s*[—–-]{1,2}\s*me\b,? (?:after|before|every|when|at|trying|debugging|on|in|during|yesterday|last|today)\b[^\n]{0,120}$/,
    live: /\b(?:right now|currently|at the moment)\b|\b(?:is|are|keeps?|still) (?:\w+ )?(?:failing|down|broken|erroring|timing out|crashing|stuck|unreachable)\b/,
  },
  {
    // "On-call update: Farm Infra primary is now Yusuf A. (was Lotte V.) until Mon 09:00 CET": who
    // holds the pager, told.
    name: "an on-call hand-over told",
    needles: ["primary", "secondary", "on-call", "oncall", "on call"],
    pattern:
      /^[^\w\n]{0,8}(?:on-?call|on call|pager|rota|rotation|schedule) (?:update|change|swap|handover|hand-off|handoff)[:,—-]\s*[^\n]{0,60}\b(?:primary|secondary|on-?call|backup|incident commander|ic)\b (?:is|are|will be) (?:now )?[^\n]{1,80}$/,
    live: /\b(?:is|are|keeps?|still) (?:\w+ )?(?:failing|down|broken|erroring|timing out|crashing|stuck|unreachable)\b|\b(?:paging|firing|outage|incident in progress)\b/,
  },
  {
    // "my tomato plant at home is down bad, need an on-call botanist 🍅": a plant, a pet or a
    // person at home, "down" as slang.
    name: "a problem of no system, at home",
    needles: ["plant", "sourdough", "cat", "dog", "goldfish", "houseplant", "basil", "cactus"],
    pattern:
      /^[^\w\n]{0,8}(?:my|our) (?:[\w-]+ ){0,2}(?:plants?|sourdough(?: starter)?|starter|cat|dog|goldfish|houseplants?|basil|cactus|succulents?|tomato(?:es)?)\b (?:at home |at my place |on my (?:desk|balcony|windowsill) )?(?:is|are|has|have|looks?|went)\b[^\n]{0,120}$/,
    live: /\b(?:checkout|api|prod|production|site|server|service|database|db|login|payments?)\b[^\n]{0,20}\b(?:is|are) (?:\w+ )?(?:down|failing|broken|erroring)\b/,
  },
  {
    // "the customs-docs timeout we saw in October — was that the SEFAZ side or ours? writing the
    // quarterly review": a past incident asked about for a review or a write-up.
    name: "a past incident asked about for a review",
    needles: ["review", "retro", "write-up", "writeup", "report", "postmortem", "post-mortem", "rca"],
    pattern:
      /\b(?:we (?:saw|had|hit|got)|from|back) (?:in |on |during |at )?(?:last (?:week|month|quarter|year|sprint)|(?:january|february|march|april|may|june|july|august|september|october|november|december)|(?:mon|tues|wednes|thurs|fri|satur|sun)day|q[1-4]|the (?:spring|summer|autumn|fall|winter)|\d{4})\b[^?\n]{0,60}\b(?:was (?:that|it|this)|were (?:those|they|these)|did (?:that|it|we))\b[^?\n]{0,80}\?[^?\n]{0,20}\b(?:writing|putting together|preparing|drafting|doing|for) (?:up )?(?:the |our |a |my )?(?:quarterly |monthly |yearly |annual |weekly |incident )?(?:review|retro|retrospective|write-?up|report|postmortem|post-mortem|rca|summary)\b/,
    live: /\b(?:right now|currently|at the moment|again today|still)\b|\b(?:is|are|keeps?) (?:\w+ )?(?:failing|down|broken|erroring|timing out|crashing|stuck|unreachable)\b/,
  },
]

/**
 * These frames, the talk with the bot of classify-bot-talk.ts, then classify-night-talk.ts's,
 * classify-process-talk.ts's, classify-game-talk.ts's, classify-banter.ts's and classify-desk-talk.ts's.
 */
const allFrames: ReadonlyArray<Frame> = [
  ...frames,
  ...botTalkFrames,
  ...nightTalkFrames,
  ...processTalkFrames,
  ...gameTalkFrames,
  ...banterFrames,
  ...deskTalkFrames,
  ...asideFrames,
]

/**
 * A meaning given after a quoted word: "… means volume is down". One said in the present ("the
 * 'down' banner means checkout is down right now") is kept: it reports.
 */
const meaningGiven =
  /\bmeans? (?!it'?s\b|that\b)(?![^,.;:!?\n]{0,60}\b(?:now|currently|still|again|please)\b)[^,.;:!?\n]{0,60}/g
/** "when I said the Denver team is down that meant down a mechanic": the word said and its meaning. */
const saidMeant =
  /\bwhen (?:i|we|they|he|she|you) (?:said|say|wrote|posted) [^.?!\n]{1,60}\bmeant\b(?! it\b)[^,.;:!?\n]{0,60}/g

/** The frame of talk the message is, or null (see the module header). */
export const talkFrame = (message: Message, strongEvidence: boolean): string | null => {
  const text = message.text.slice(0, maxChars)
  const frame = allFrames.find(
    (f) =>
      !(f.weakOnly === true && strongEvidence) &&
      f.needles.some((n) => text.includes(n)) &&
      f.pattern.test(text),
  )
  if (frame === undefined) return null
  // "the word 'down' in the ILL report means volume is down, not the service": the meaning given
  // is no report (up to the clause's end: "…, and checkout is failing" still is).
  const said =
    frame.name === "what a word means" ? text.replace(saidMeant, " ").replace(meaningGiven, " ") : text
  if ((frame.live ?? liveProblem).test(said.replace(quotedSpans, " "))) return null
  // "dashboards look healthy, yet nobody can log in": a success denied is a report.
  if (
    (frame.name === "a success reported" || frame.name === "a problem said not to have happened") &&
    denied.test(text)
  )
    return null
  return frame.name
}
