/**
 * A team talking with the bot, or beside it, about nothing that is failing now: a remark on the
 * bot ("you never sleep huh"), its report corrected after the fact ("wrong cause, it was the
 * CDN"), the bot added to a channel or a watch list, a past incident told as history ("remember
 * when … good times 🙃", "we decided: no more Sunday deploys after …"), an alert the writer expects
 * ("if you see 'TargetDown' … it's me doing the migration", "they're the poison-pill test ones I
 * added"), a shift cheered ("smooth shift so far", "go team"). Frames of classify-talk.ts: each
 * stands down when the message puts a problem in the present ("wrong cause, it's still failing").
 */
import type { Frame } from "./classify-talk.js"

/** A problem put in the present beside the talk: "still failing", "but", "right now". */
const liveHere =
  /(?<!\bnothing )\b(?:is|are|keeps?|still|now|currently|been|got|gone) (?:\w+ )?(?:failing|down|broken|erroring|timing out|crashing|firing|paging|stuck|unreachable|returning|throwing|dropping|hanging)\b|\bright now\b|\b(?:but|however|though|although|still|again|except|apart from)\b|\bsince (?:\d|this|yesterday|last|the)/

/** The same, for history told ("never again" looks back, "down again" is news). */
const liveBesideHistory = new RegExp(liveHere.source.replace("|again|", "|(?<!\\bnever )again|"))

/** The same, for a closure told ("ranger alerts flowing again": the closure's own "again"). */
const liveAfterClosure =
  /(?<!\bnothing )\b(?:is|are|keeps?|still|now|currently) (?:\w+ )?(?:failing|down|broken|erroring|timing out|crashing|firing|paging|stuck|unreachable)\b|\bright now\b|\b(?:but|however|though|although|still|except)\b|\bnot (?:yet |all )?(?:flowing|working|back|loading)\b/

/** A remark wrong with what it looks at: "pretty cool bug", "the map is wrong". */
const wrongHere =
  /\b(?:bugs?|wrong|broken|failing|failed|errors?|down|offline|stuck|missing|outage|can'?t|cannot|not (?:working|loading|showing))\b/

export const botTalkFrames: ReadonlyArray<Frame> = [
  {
    // "wrong cause, it was the CDN", "not the db, it was a bad deploy": the bot's report corrected
    // after the fact, nothing said to fail now.
    name: "the bot's report corrected",
    needles: ["wrong", "not the", "incorrect", "nope"],
    pattern:
      /^[^\w\n]{0,8}(?:(?:hey |hi )?bot[,:]? )?(?:nope[,.]? )?(?:(?:wrong|incorrect|bad) (?:root )?(?:cause|guess|diagnosis|call|service|culprit)|not the [\w -]{1,30})[,.;:—-]\s{0,2}(?:it|that|this) (?:was|were) (?:actually |really |just )?(?:the |a |an |our )?[\w -]{1,40}[.!]?\s*$/,
    live: liveHere,
  },
  {
    // "you never sleep huh", "lol the bot beat pagerduty by 2 minutes", "good bot": a remark on the bot.
    name: "a remark on the bot",
    needles: ["you ", "bot"],
    pattern:
      /^[^\w\n]{0,8}(?:lol |haha |ha |wow |damn |ok )?(?:you (?:never|don'?t ever|don'?t|always) (?:sleep|rest|stop|take (?:a )?breaks?|get tired|miss (?:a|one|anything))\b|(?:the |this |our )?bot (?:beat|outran|was faster than|is faster than|scooped|out-?paged) (?:pagerduty|opsgenie|the pager|the humans|us|everyone|me|the alert)\b|(?:good|nice|great|smart) bot\b)[^\n]{0,60}$/,
    live: liveHere,
  },
  {
    // "please summarise yesterday's incident for the weekly notes": a past incident summed up.
    name: "a past incident's summary asked",
    needles: ["summar", "recap", "sum up", "write up"],
    pattern:
      /\b(?:summari[sz]e|recap|sum up|write up) (?:for (?:me|us) )?(?:yesterday'?s|last (?:night|week|month)'?s?|(?:mon|tues|wednes|thurs|fri|satur|sun)day'?s|the (?:past|previous|last) (?:week'?s?|month'?s?|few days'?)?|this (?:week|month)'?s) (?:[\w-]+ ){0,2}(?:incidents?|outages?|alerts?|pages|issues?|on-?call|shift)\b/,
    live: liveHere,
  },
  {
    // "fyi nothing is broken, I'm just adding you to #grant-billing so you see future alerts".
    name: "the bot added to a channel",
    needles: ["adding you", "added you", "inviting you", "invited you", "bringing you"],
    pattern: /\b(?:adding|added|inviting|invited|bringing) you (?:to|into|in) (?:#|the |our |this )/,
    live: liveHere,
  },
  {
    // "can you add the new sip-gw-4 to your watch list? it's not live yet": monitoring set up.
    name: "something added to the bot's watch",
    needles: ["watch", "monitor", "radar"],
    pattern:
      /\b(?:add|include|put|start watching|watch) (?:the |our )?(?:new )?[\w .-]{1,40} (?:to|on|in) (?:your|the bot'?s?) (?:watch ?list|monitoring|radar|list of (?:hosts|services|things to watch))\b/,
    live: liveHere,
  },
  {
    // "why does the decoder alert fire on CRC and not on null island fixes?": an alert's design asked.
    name: "an alert's design asked",
    needles: ["why "],
    pattern:
      /\bwhy (?:does|do|did|is|doesn'?t|don'?t) (?:the |this |that |our )?[\w -]{0,40}\b(?:alert|alarm|rule|check|monitor)s? (?:fire|trigger|page|go off|count)s? (?:on|for|when|at|above|below)\b[^?\n]{0,60}\b(?:and|but) not\b[^?\n]{0,60}\?\s*$/,
    live: /(?<!\bnothing )\b(?:is|are|keeps?|still|now|currently) (?:\w+ )?(?:failing|down|broken|erroring|timing out|crashing|firing|paging|stuck|unreachable)\b|\bright now\b/,
  },
  {
    // "remember when the tile server was down for 6 hours in March? good times 🙃": history.
    name: "a past incident remembered",
    needles: ["remember"],
    pattern:
      /^[^\w\n]{0,8}(?:who |anyone |does anyone |do you )?remembers? (?:when|the time|that time|the day)\b[^?\n]{0,120}\?\s{0,2}(?:good times|fun times|never again|classic|those were the days|what a (?:day|night|week)|lol|haha|😅|🙃|😂|🫠)/,
    live: liveBesideHistory,
  },
  {
    // "we decided: no more Sunday deploys after the OTA fiasco": a team's decision told.
    name: "a team's decision told",
    needles: ["decided", "agreed", "voted"],
    pattern:
      /^[^\w\n]{0,8}(?:ok(?:ay)?,? )?(?:we|the team|team) (?:have |has |just )?(?:decided|agreed|voted)\b[:,]? (?:that )?(?:no more|from now on|going forward|we'?ll|we will|to (?:stop|freeze|ban|pause|move|always|never|keep|skip|drop))\b/,
    live: liveHere,
  },
  {
    // "marking the incident as resolved, ranger alerts flowing again": a person's closure.
    name: "an incident closed by a person",
    needles: ["marking", "marked", "closing", "resolving"],
    pattern:
      /^[^\w\n]{0,8}(?:i'?m |we'?re |i am |we are |ok,? )?(?:marking|marked|closing|resolving) (?:the |this |our |that )?(?:[\w-]+ )?(?:incident|ticket|outage|issue|page|alert)s? (?:as )?(?:resolved|closed|done|fixed|mitigated|over)?\s{0,2}[,.;—-]/,
    live: liveAfterClosure,
  },
  {
    // "if you see 'TargetDown' for geofence in the next hour it's me doing the migration".
    name: "an alert the writer will cause",
    needles: ["if you see", "when you see", "if you get", "if it fires"],
    pattern:
      /^[^\w\n]{0,8}(?:fyi,? |heads up,? )?(?:if|when) (?:you see|you get|it fires)\b[^\n]{1,80}\b(?:it'?s|it is|that'?s|that is|it will be|that will be|it'll be) (?:just )?(?:me|us|my|our) (?:doing|running|testing|migrating|deploying|restarting|rebooting|work|migration|maintenance|test|load test|drill|failover)\b/,
    live: liveHere,
  },
  {
    // "the wild dogs went offline … no coverage, known, no action": a known gap, nothing to do.
    name: "a known gap, no action",
    needles: ["no action", "nothing to do", "ignore"],
    pattern:
      /\b(?:known|expected|planned)(?: issue| gap)?[,.;:]? (?:no action(?: needed| required)?|nothing to do|ignore(?: it| them)?|no need to (?:act|page|worry))\s*[.!]?\s*$/,
    live: liveHere,
  },
  {
    // "the cert was renewed yesterday, the warning you saw earlier should be stale now".
    name: "an earlier warning said stale",
    needles: ["stale", "gone", "cleared", "outdated", "obsolete"],
    pattern:
      /\b(?:warning|alert|alarm|page|error)s? (?:you|we|the bot) (?:saw|got|posted|raised|flagged|reported) (?:earlier|before|this morning|yesterday|last night)\b[^\n]{0,30}\b(?:should|must|will|ought to) be (?:stale|gone|cleared|resolved|fixed|outdated|obsolete)\b/,
    live: liveHere,
  },
  {
    // "is it normal that the DLQ has 2 messages? they're the poison-pill test ones I added".
    name: "test data the writer put there",
    needles: ["test", "dummy", "fake", "synthetic", "sample"],
    pattern:
      /\b(?:they'?re|they are|those are|these are|it'?s|that'?s|both are) (?:just |only )?(?:the |my |our )?(?:[\w-]+ ){0,3}(?:test|dummy|fake|synthetic|sample)(?: [\w-]+){0,2} (?:ones?|messages?|events?|records?|data|entries|rows|items|alerts?|orders?|jobs?) (?:that )?(?:i|we|someone|qa) (?:just )?(?:added|sent|created|injected|pushed|made|put|enqueued|published)\b/,
    live: liveHere,
  },
  {
    // "is the interpreter portal down for maintenance tonight or is that next week? just planning".
    name: "a maintenance date asked",
    needles: ["maintenance"],
    pattern:
      /\b(?:down|offline|unavailable|closed|out) for (?:planned |scheduled )?maintenance (?:tonight|tomorrow|this|next|on|at|or|later)\b[^\n]{0,60}\?[^\n]{0,10}(?:just )?(?:planning|asking|curious|checking|wondering)\b/,
    live: liveHere,
  },
  {
    // "smooth shift so far", "go team", "quiet night so far 🙏": a shift cheered, the whole message.
    name: "a shift cheered",
    needles: ["shift", "night", "day", "morning", "week", "call", "team"],
    pattern:
      /^[^\w\n]{0,8}(?:(?:so far,? )?(?:a )?(?:smooth|quiet|calm|easy|chill|boring|uneventful|peaceful) (?:shift|night|day|morning|week|on-?call|rotation|weekend)(?: so far| today| tonight| again)?|go team|let'?s go,? team|(?:great|good|nice) (?:work|job),? (?:team|all|everyone|folks|people|y'?all))[^\w\n]{0,12}$/,
  },
  {
    // "just saw a lion kill on the live tracks, this job is wild": the work enjoyed.
    name: "the work enjoyed",
    needles: ["job is", "work is", "gig is"],
    pattern:
      /\b(?:this|my|our) (?:job|work|gig) is (?:so |just |pretty |actually )?(?:wild|the best|amazing|cool|crazy|great|fun|awesome|insane|unreal)\b[^\w\n]{0,12}$/,
    live: new RegExp(`${liveHere.source}|${wrongHere.source}`),
  },
  {
    // "field team says the elephants crossed the river today, pretty cool track on the portal".
    name: "something cool seen",
    needles: ["cool", "neat", "awesome", "amazing"],
    pattern:
      /[,.;—-]\s{0,2}(?:pretty|so|really|super|very) (?:cool|neat|amazing|awesome)(?: [\w-]+){0,5}[^\w\n]{0,12}$/,
    live: new RegExp(`${liveHere.source}|${wrongHere.source}`),
  },
  {
    // "signups are 3x a normal day after the campaign 🎉": growth cheered (a cost at 3× is a report).
    name: "growth cheered",
    needles: ["🎉", "🚀", "🥳", "🙌"],
    pattern:
      /^[^\w\n]{0,8}(?:sign-?ups|orders|sales|revenue|traffic|bookings|users|downloads|installs|conversions|registrations|visits) (?:are|is|were|was) (?:up )?(?:\d+(?:\.\d+)?x|\d+×|\d+%)[^\n]{0,60}(?:🎉|🚀|🥳|🙌)/,
    live: new RegExp(
      `${liveHere.source}|\\b(?:slow|errors?|failing|timeouts?|can'?t keep up|struggling|lag)\\b`,
    ),
  },
  {
    // "TIL ECONNREFUSED means nothing is listening on that port": a definition learned.
    name: "a definition learned",
    needles: ["til", "today i learned"],
    pattern: /^[^\w\n]{0,8}(?:til|today i learned)\b[:,]?[^\n]{0,80}\bmeans?\b/,
    live: liveHere,
  },
]
